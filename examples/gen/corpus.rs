//! Synthetic newsroom corpus for benchmarks and the truth test (issue 7).
//!
//! Shared by `examples/gen.rs` (the command), `tests/generated.rs` (truth vs findings)
//! and `benches/`. Documents are built from sentence templates per language around the
//! keys of `rules/vn-kz.toml`: trade figures per period, visit dates, anniversaries,
//! "first … in N years", entity names, and neutral filler paragraphs. A known fraction
//! of documents carries one planted conflict (wrong figure, wrong count, misspelt
//! name…), recorded in a truth file; every document also carries traps: correct facts
//! in other phrasings, which must stay quiet.
//!
//! Randomness is a hand-written splitmix64, seeded per document from (seed, index): the
//! corpus for a seed never changes with a dependency upgrade (rand's `StdRng` does not
//! promise a stable stream across versions) and any document can be built alone, so
//! writing streams and never holds the corpus in memory.

#![allow(dead_code)] // each user (example, test, bench) uses a different part

use std::fmt::Write as _;
use std::io::{self, BufWriter, Write};
use std::path::Path;

/// splitmix64 (Steele, Lea, Flood 2014): tiny, fast, good enough for test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// What the generator is asked for.
#[derive(Clone, Debug)]
pub struct Options {
    pub docs: usize,
    pub seed: u64,
    /// Languages and weights, e.g. `[("vi", 0.5), ("en", 0.3), ("de", 0.2)]`.
    pub mix: Vec<(String, f64)>,
    /// Fraction of documents with one planted conflict.
    pub conflict_rate: f64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            docs: 50,
            seed: 1,
            mix: parse_mix("vi:0.5,en:0.3,de:0.2").expect("valid default mix"),
            conflict_rate: 0.2,
        }
    }
}

/// Parses `vi:0.5,en:0.3,de:0.2`; languages without templates are refused.
pub fn parse_mix(text: &str) -> Result<Vec<(String, f64)>, String> {
    let mut mix = Vec::new();
    for part in text.split(',').filter(|p| !p.trim().is_empty()) {
        let (lang, weight) = part
            .split_once(':')
            .ok_or_else(|| format!("`{part}`: expected LANG:WEIGHT"))?;
        let lang = lang.trim();
        if !LANGS.contains(&lang) {
            return Err(format!(
                "`{lang}`: no templates (have {})",
                LANGS.join(", ")
            ));
        }
        let weight: f64 = weight
            .trim()
            .parse()
            .map_err(|_| format!("`{part}`: weight is not a number"))?;
        if weight.is_nan() || weight < 0.0 {
            return Err(format!("`{part}`: weight must be ≥ 0"));
        }
        mix.push((lang.to_string(), weight));
    }
    if mix.iter().map(|(_, w)| w).sum::<f64>() <= 0.0 {
        return Err("the language mix is empty".to_string());
    }
    Ok(mix)
}

/// Languages with templates.
pub const LANGS: &[&str] = &["vi", "en", "de"];

/// A planted conflict: the finding factlint must report.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Planted {
    pub file: String,
    pub rule: String,
    pub text: String,
}

/// One generated document.
pub struct Doc {
    pub file: String,
    pub lang: &'static str,
    pub date: String,
    pub text: String,
    pub planted: Option<Planted>,
}

/// A fact sentence: the correct form, traps (other correct phrasings) and the
/// conflicting form with the rule and text of the finding it must produce.
struct Item {
    correct: &'static [&'static str],
    wrong: &'static [(&'static str, &'static str, &'static str)], // (sentence, rule, finding text)
    /// Which documents may carry it (by date).
    when: When,
}

/// Documents a fact sentence fits: visit dates are checked only in 2023 copy;
/// anniversaries and "first … in N years" are written for May 2025.
#[derive(Clone, Copy, PartialEq)]
enum When {
    Any,
    Only2023,
    Only2025,
}

/// Builds document `index` of the corpus for `opts` (independent of the others).
pub fn document(opts: &Options, index: usize) -> Doc {
    let mut rng = Rng::new(opts.seed ^ (index as u64).wrapping_mul(0xA24B_AED4_963E_E407));
    rng.next_u64();
    let lang = pick_lang(&mut rng, &opts.mix);
    let items = items(lang);
    let in_2023 = rng.unit() < 0.15;
    let date = if in_2023 {
        format!("2023-08-{:02}", 23 + rng.below(6))
    } else {
        format!("2025-05-{:02}", 8 + rng.below(20))
    };
    let file = format!("{index:07}-{lang}.txt");
    let target = 2048 + rng.below(6 * 1024);
    let usable: Vec<&Item> = items
        .iter()
        .filter(|i| match i.when {
            When::Any => true,
            When::Only2023 => in_2023,
            When::Only2025 => !in_2023,
        })
        .collect();
    // 2–4 fact sentences, one of them possibly wrong.
    let mut facts: Vec<String> = Vec::new();
    let mut planted = None;
    let n = 2 + rng.below(3);
    let wrong_at = (rng.unit() < opts.conflict_rate).then(|| rng.below(n));
    let mut used: Vec<usize> = Vec::new();
    for k in 0..n {
        let mut which = rng.below(usable.len());
        while used.contains(&which) && used.len() < usable.len() {
            which = rng.below(usable.len());
        }
        used.push(which);
        let item = usable[which];
        if wrong_at == Some(k) && !item.wrong.is_empty() {
            let (sentence, rule, text) = rng.pick(item.wrong);
            facts.push(sentence.to_string());
            planted = Some(Planted {
                file: file.clone(),
                rule: rule.to_string(),
                text: text.to_string(),
            });
        } else {
            facts.push(rng.pick(item.correct).to_string());
        }
    }
    let filler = filler(lang);
    let mut text = String::new();
    let _ = writeln!(text, "{}\n", *rng.pick(headlines(lang)));
    let mut next_fact = 0;
    while text.len() < target || next_fact < facts.len() {
        let mut para = String::new();
        for _ in 0..3 + rng.below(4) {
            if !para.is_empty() {
                para.push(' ');
            }
            let sentence: &&str = rng.pick(filler);
            para.push_str(sentence);
        }
        if next_fact < facts.len() && rng.below(2) == 0 {
            para.push(' ');
            para.push_str(&facts[next_fact]);
            next_fact += 1;
        }
        text.push_str(&para);
        text.push_str("\n\n");
    }
    Doc {
        file,
        lang,
        date,
        text,
        planted,
    }
}

fn pick_lang(rng: &mut Rng, mix: &[(String, f64)]) -> &'static str {
    let total: f64 = mix.iter().map(|(_, w)| w).sum();
    let mut x = rng.unit() * total;
    for (lang, w) in mix {
        if x < *w {
            return LANGS.iter().find(|l| **l == lang).copied().unwrap_or("en");
        }
        x -= w;
    }
    LANGS
        .iter()
        .find(|l| **l == mix[mix.len() - 1].0)
        .copied()
        .unwrap_or("en")
}

/// What `write` produced.
pub struct Written {
    pub docs: usize,
    pub bytes: u64,
    pub planted: Vec<Planted>,
}

/// Writes the documents and their `corpus.toml` into `out/docs/` (the path to check)
/// and `out/truth.jsonl` beside it, outside the checked tree.
pub fn write(out: &Path, opts: &Options) -> io::Result<Written> {
    let docs = out.join("docs");
    std::fs::create_dir_all(&docs)?;
    let mut manifest = BufWriter::new(std::fs::File::create(docs.join("corpus.toml"))?);
    let mut truth = BufWriter::new(std::fs::File::create(out.join("truth.jsonl"))?);
    writeln!(
        manifest,
        "# Generated by `cargo run --example gen` (seed {}).",
        opts.seed
    )?;
    let mut written = Written {
        docs: 0,
        bytes: 0,
        planted: Vec::new(),
    };
    for index in 0..opts.docs {
        let doc = document(opts, index);
        std::fs::write(docs.join(&doc.file), &doc.text)?;
        writeln!(
            manifest,
            "\n[[document]]\npath = \"{}\"\nlang = \"{}\"\ndate = {}",
            doc.file, doc.lang, doc.date
        )?;
        if let Some(p) = &doc.planted {
            writeln!(
                truth,
                "{{\"file\":{},\"rule\":{},\"text\":{}}}",
                json_string(&p.file),
                json_string(&p.rule),
                json_string(&p.text)
            )?;
            written.planted.push(p.clone());
        }
        written.docs += 1;
        written.bytes += doc.text.len() as u64;
    }
    manifest.flush()?;
    truth.flush()?;
    Ok(written)
}

fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn headlines(lang: &str) -> &'static [&'static str] {
    match lang {
        "vi" => &[
            "Quan hệ Việt Nam - Kazakhstan bước sang giai đoạn mới",
            "Thúc đẩy hợp tác kinh tế giữa Việt Nam và Kazakhstan",
            "Tăng cường giao lưu nhân dân hai nước",
        ],
        "de" => &[
            "Vietnam und Kasachstan vertiefen ihre Beziehungen",
            "Neue Impulse für die Zusammenarbeit mit Kasachstan",
            "Kasachstan und Vietnam: Partner in Zentralasien",
        ],
        _ => &[
            "Vietnam and Kazakhstan deepen their partnership",
            "Kazakhstan and Vietnam look to new areas of cooperation",
            "A new chapter for Vietnam–Kazakhstan relations",
        ],
    }
}

fn filler(lang: &str) -> &'static [&'static str] {
    match lang {
        "vi" => &[
            "Hai bên nhất trí tăng cường hợp tác trong các lĩnh vực giáo dục, văn hóa và du lịch.",
            "Nhiều doanh nghiệp bày tỏ mong muốn mở rộng đầu tư vào khu vực Trung Á.",
            "Các chuyên gia cho rằng tiềm năng hợp tác nông nghiệp còn rất lớn.",
            "Đường bay thẳng giữa hai thủ đô đã góp phần thúc đẩy giao lưu nhân dân.",
            "Cộng đồng người Việt tại Kazakhstan luôn đoàn kết và hướng về quê hương.",
            "Hội chợ hàng hóa được tổ chức tại Almaty thu hút đông đảo khách tham quan.",
            "Lãnh đạo hai nước đánh giá cao kết quả hợp tác trong thời gian qua.",
            "Sinh viên hai nước tham gia nhiều chương trình trao đổi học thuật.",
            "Thời tiết ở Astana trong những ngày này khá mát mẻ và dễ chịu.",
            "Các cơ quan báo chí hai nước đã ký kết thỏa thuận hợp tác thông tin.",
        ],
        "de" => &[
            "Beide Seiten vereinbarten eine engere Zusammenarbeit in Bildung, Kultur und Tourismus.",
            "Zahlreiche Unternehmen zeigen Interesse an Investitionen in Zentralasien.",
            "Experten sehen großes Potenzial in der Landwirtschaft und der Logistik.",
            "Eine direkte Flugverbindung zwischen den Hauptstädten erleichtert den Austausch.",
            "Die vietnamesische Gemeinschaft in Kasachstan ist gut vernetzt.",
            "Eine Handelsmesse in Almaty zog viele Besucher an.",
            "Die Regierungen würdigten die Ergebnisse der bisherigen Zusammenarbeit.",
            "Studierende beider Länder nehmen an Austauschprogrammen teil.",
            "Das Wetter in Astana war in diesen Tagen mild und angenehm.",
            "Medienhäuser beider Länder unterzeichneten eine Vereinbarung über Nachrichtenaustausch.",
        ],
        _ => &[
            "Both sides agreed to step up cooperation in education, culture and tourism.",
            "Many businesses are keen to expand their investment in Central Asia.",
            "Experts see large untapped potential in agriculture and logistics.",
            "A direct air route between the two capitals has made exchanges easier.",
            "The Vietnamese community in Kazakhstan remains close-knit and active.",
            "A trade fair held in Almaty drew large crowds of visitors.",
            "Officials praised the results of cooperation in recent years.",
            "Students from both countries take part in academic exchange programmes.",
            "The weather in Astana was mild and pleasant during the talks.",
            "News agencies of the two countries signed an information-sharing agreement.",
        ],
    }
}

fn items(lang: &str) -> &'static [Item] {
    match lang {
        "vi" => VI,
        "de" => DE,
        _ => EN,
    }
}

const EN: &[Item] = &[
    Item {
        correct: &[
            "In 2024, two-way trade between Vietnam and Kazakhstan reached nearly US$1 billion.",
            "Bilateral trade between the two countries hit about US$1 billion in 2024, the Kazakh ambassador said.",
            "In March 2024 alone, two-way trade between Vietnam and Kazakhstan reached about US$80 million.",
        ],
        wrong: &[(
            "In 2024, two-way trade between Vietnam and Kazakhstan reached US$800 million.",
            "trade-volume",
            "US$800 million",
        )],
        when: When::Any,
    },
    Item {
        correct: &[
            "In 2022, bilateral trade between Vietnam and Kazakhstan reached US$584 million.",
            "Two-way trade stood at US$528.3 million in 2022, according to Kazakhstan's statistics bureau.",
        ],
        wrong: &[(
            "In 2022, bilateral trade between Vietnam and Kazakhstan reached US$684 million.",
            "trade-volume",
            "US$684 million",
        )],
        when: When::Any,
    },
    Item {
        correct: &[
            "In the first quarter of 2025, two-way trade between Vietnam and Kazakhstan reached US$146.3 million.",
        ],
        wrong: &[(
            "In the first quarter of 2025, two-way trade between Vietnam and Kazakhstan reached US$164.3 million.",
            "trade-volume",
            "US$164.3 million",
        )],
        when: When::Any,
    },
    Item {
        correct: &[
            "The two countries celebrate 33 years of diplomatic relations (1992-2025) this year.",
        ],
        wrong: &[(
            "The two countries celebrate 35 years of diplomatic relations this year.",
            "ties-anniversary",
            "35 years",
        )],
        when: When::Only2025,
    },
    Item {
        correct: &[
            "The trip is the first state visit by a Vietnamese leader to Kazakhstan in 13 years.",
        ],
        wrong: &[(
            "The trip is the first state visit by a Vietnamese leader to Kazakhstan in 10 years.",
            "state-visit-gap",
            "10 years",
        )],
        when: When::Only2025,
    },
    Item {
        correct: &[
            "Kazakh President Kassym-Jomart Tokayev met ambassador Kanat Tumysh before the talks.",
            "Deputy Prime Minister Murat Nurtleu welcomed the delegation in Astana.",
        ],
        wrong: &[
            (
                "Kazakh President Kassym-Jormat Tokayev met ambassador Kanat Tumysh before the talks.",
                "misspelled-name",
                "Kassym-Jormat",
            ),
            (
                "The delegation was received by ambassador K.Tumush in Astana.",
                "misspelled-name",
                "K.Tumush",
            ),
        ],
        when: When::Any,
    },
    Item {
        correct: &[
            "President Tokayev paid an official visit to Vietnam from August 20 to 22, 2023.",
        ],
        wrong: &[(
            "President Tokayev paid an official visit to Vietnam from August 10 to 12, 2023.",
            "tokayev-visit-date",
            "August 10 to 12, 2023",
        )],
        when: When::Only2023,
    },
];

const VI: &[Item] = &[
    Item {
        correct: &[
            "Năm 2024, kim ngạch thương mại song phương đạt gần 1 tỷ USD.",
            "Kim ngạch thương mại giữa hai nước năm 2024 đạt khoảng 1 tỷ USD.",
            "Riêng tháng 3/2024, kim ngạch thương mại song phương đạt khoảng 80 triệu USD.",
        ],
        wrong: &[(
            "Năm 2024, xuất nhập khẩu giữa hai nước đạt 800 triệu USD.",
            "trade-volume",
            "800 triệu USD",
        )],
        when: When::Any,
    },
    Item {
        correct: &[
            "Năm 2022, xuất nhập khẩu giữa hai nước đạt 584 triệu USD, giảm 6,3% so với năm 2021.",
            "Kim ngạch xuất nhập khẩu năm 2022 đạt 584 triệu USD.",
        ],
        wrong: &[(
            "Năm 2022, xuất nhập khẩu giữa hai nước đạt 684 triệu USD.",
            "trade-volume",
            "684 triệu USD",
        )],
        when: When::Any,
    },
    Item {
        correct: &["Trong quý I/2025, kim ngạch thương mại song phương đạt 146,3 triệu USD."],
        wrong: &[(
            "Kim ngạch thương mại song phương trong quý I/2025 đạt 164,3 triệu USD.",
            "trade-volume",
            "164,3 triệu USD",
        )],
        when: When::Any,
    },
    Item {
        correct: &["Năm nay hai nước kỷ niệm 33 năm thiết lập quan hệ ngoại giao (1992-2025)."],
        wrong: &[(
            "Năm nay hai nước kỷ niệm 35 năm thiết lập quan hệ ngoại giao.",
            "ties-anniversary",
            "35 năm",
        )],
        when: When::Only2025,
    },
    Item {
        correct: &[
            "Dịp này cũng đánh dấu 66 năm chuyến thăm Kazakhstan của Chủ tịch Hồ Chí Minh (1959-2025).",
        ],
        wrong: &[(
            "Dịp này cũng đánh dấu 60 năm chuyến thăm Kazakhstan của Chủ tịch Hồ Chí Minh.",
            "hcm-visit-anniversary",
            "60 năm",
        )],
        when: When::Only2025,
    },
    Item {
        correct: &[
            "Tổng thống Kassym-Jomart Tokayev đã tiếp Đại sứ Phạm Thái Như Mai.",
            "Đại sứ Kanat Tumysh cho biết hai bên đang chuẩn bị nhiều thỏa thuận.",
        ],
        wrong: &[
            (
                "Tổng thống Kassym-Jormat Tokayev đã tiếp Đại sứ Phạm Thái Như Mai.",
                "misspelled-name",
                "Kassym-Jormat",
            ),
            (
                "Đại sứ K.Tumush cho biết hai bên đang chuẩn bị nhiều thỏa thuận.",
                "misspelled-name",
                "K.Tumush",
            ),
        ],
        when: When::Any,
    },
    Item {
        correct: &["Tổng thống Tokayev thăm chính thức Việt Nam từ ngày 20-22/8/2023."],
        wrong: &[(
            "Tổng thống Tokayev thăm chính thức Việt Nam từ ngày 11-13/6/2023.",
            "tokayev-visit-date",
            "11-13/6/2023",
        )],
        when: When::Only2023,
    },
];

const DE: &[Item] = &[
    Item {
        correct: &[
            "Im Jahr 2024 wird der Handelsumsatz zwischen den beiden Ländern etwa 1 Milliarde US-Dollar betragen.",
            "Der Handelsumsatz zwischen Vietnam und Kasachstan lag im Jahr 2024 bei fast 1 Milliarde US-Dollar.",
            "Allein im März 2024 lag der Handelsumsatz zwischen Vietnam und Kasachstan bei rund 80 Millionen US-Dollar.",
        ],
        wrong: &[(
            "Im Jahr 2024 wird der Handelsumsatz zwischen den beiden Ländern 800 Millionen US-Dollar betragen.",
            "trade-volume",
            "800 Millionen US-Dollar",
        )],
        when: When::Any,
    },
    Item {
        correct: &[
            "Im Jahr 2022 betrug der Handelsumsatz zwischen den beiden Ländern 584 Millionen US-Dollar.",
        ],
        wrong: &[(
            "Im Jahr 2022 betrug der Handelsumsatz zwischen den beiden Ländern 684 Millionen US-Dollar.",
            "trade-volume",
            "684 Millionen US-Dollar",
        )],
        when: When::Any,
    },
    Item {
        correct: &[
            "In den 33 Jahren seit Aufnahme der diplomatischen Beziehungen hat sich die Partnerschaft stetig entwickelt.",
        ],
        wrong: &[(
            "In den 30 Jahren seit Aufnahme der diplomatischen Beziehungen hat sich die Partnerschaft stetig entwickelt.",
            "ties-anniversary",
            "30 Jahren",
        )],
        when: When::Only2025,
    },
    Item {
        correct: &[
            "Präsident Kassym-Jomart Tokajew empfing die Delegation im Akorda-Palast.",
            "Vize-Premierminister Murat Nurtleu traf die Gäste am Flughafen.",
        ],
        wrong: &[(
            "Präsident Kassym-Jormat Tokajew empfing die Delegation im Akorda-Palast.",
            "misspelled-name",
            "Kassym-Jormat",
        )],
        when: When::Any,
    },
];
