//! Integration tests of the name checker: the real cases, span exactness, the
//! near-miss fixture (precision/recall), scaling to 10,000 entities and odd input.

use chrono::NaiveDate;
use factlint::fold::fold;
use factlint::names::{
    EntityInput, EntityKind, FormerName, MarkerWords, Misspelling, NameHit, NameIndex, Role,
    Verdict,
};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn wrong(form: &str, fix: Option<&str>) -> Misspelling {
    Misspelling {
        form: form.to_string(),
        fix: fix.map(str::to_string),
    }
}

fn person(canonical: &str, aliases: &[&str], short: &[&str]) -> EntityInput {
    let mut e = EntityInput::new(canonical, canonical, EntityKind::Person);
    e.aliases = strings(aliases);
    e.short_forms = strings(short);
    e
}

/// Entity indexes of [`entities`].
const TOKAYEV: usize = 0;
const TUMYSH: usize = 1;
const NURTLEU: usize = 2;
const TO_LAM: usize = 3;
const TRONG: usize = 4;
const VIET_NAM: usize = 5;
const TOKAEV_ARMAN: usize = 6;
const PHAM_MINH_CHINH: usize = 12;

fn entities() -> Vec<EntityInput> {
    let mut tokayev = person(
        "Kassym-Jomart Tokayev",
        &[
            "Tokayev",
            "Tokajew",
            "Токаев",
            "Tokaïev",
            "Kassym-Jomart Tokaïev",
            "Kassym-Jomart Tokajew",
            "Касым-Жомарт Токаев",
        ],
        &[],
    );
    tokayev.misspellings = vec![wrong("Kassym-Jormat", None)];
    tokayev.discouraged = vec![wrong("Kassym - Jomart", None)];
    tokayev.roles = vec![Role {
        titles: strings(&["Tổng thống", "President", "Präsident"]),
        from: Some(date(2019, 3, 20)),
        until: None,
    }];
    let mut tumysh = person("Kanat Tumysh", &[], &["K. Tumysh", "Tumysh"]);
    tumysh.misspellings = vec![wrong("K.Tumush", None)];
    let nurtleu = person("Murat Nurtleu", &[], &["M. Nurtleu", "Nurtleu"]);
    let mut to_lam = person("Tô Lâm", &[], &[]);
    to_lam.roles = vec![
        Role {
            titles: strings(&["Tổng Bí thư", "General Secretary", "Generalsekretär"]),
            from: Some(date(2024, 8, 3)),
            until: None,
        },
        Role {
            titles: strings(&["Chủ tịch nước", "President"]),
            from: Some(date(2024, 5, 22)),
            until: Some(date(2024, 10, 21)),
        },
    ];
    let mut trong = person("Nguyễn Phú Trọng", &[], &[]);
    // Differs from the name only in diacritics: told from it by them.
    trong.misspellings = vec![wrong("Nguyễn Phú Trõng", None)];
    trong.roles = vec![Role {
        titles: strings(&["Tổng Bí thư", "General Secretary", "Generalsekretär"]),
        from: Some(date(2011, 1, 19)),
        until: Some(date(2024, 7, 19)),
    }];
    let mut viet_nam = EntityInput::new("vn", "Việt Nam", EntityKind::Place);
    viet_nam.aliases = strings(&["Vietnam", "Viet Nam"]);
    viet_nam.discouraged = vec![wrong("Việt Namese", Some("Vietnamese"))];
    vec![
        tokayev,
        tumysh,
        nurtleu,
        to_lam,
        trong,
        viet_nam,
        person("Tokaev Arman", &[], &[]),
        person("Angela Merkel", &["Меркель"], &["Merkel"]),
        person("Olaf Scholz", &[], &["Scholz"]),
        person("Martin Schulz", &[], &["Schulz"]),
        person(
            "Vladimir Putin",
            &["Wladimir Putin", "Владимир Путин", "Путин"],
            &["Putin"],
        ),
        person("Emmanuel Macron", &[], &["Macron"]),
        person("Phạm Minh Chính", &["Pham Minh Chinh"], &[]),
        person("Marat Tazhin", &[], &[]),
    ]
}

/// Synthetic entities with names built from syllables (deterministic).
fn synthetic(n: usize) -> Vec<EntityInput> {
    const SYL: &[&str] = &[
        "bar", "vel", "dor", "min", "sha", "kel", "tur", "gan", "zol", "rin", "pek", "lud", "mor",
        "fen", "hal", "sib", "nur", "gor", "tai", "ves",
    ];
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % SYL.len() as u64) as usize
    };
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let given: String = format!("{}{}", SYL[next()], SYL[next()]);
        let family: String = format!("{}{}{}", SYL[next()], SYL[next()], SYL[next()]);
        let cap = |s: &str| {
            let mut c = s.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        };
        let canonical = format!("{} {}", cap(&given), cap(&family));
        let mut e = EntityInput::new(&format!("syn{i}"), &canonical, EntityKind::Person);
        e.aliases = vec![format!("{} {}ov", cap(&given), cap(&family))];
        e.short_forms = vec![
            cap(&family),
            format!(
                "{}. {}",
                cap(&given).chars().next().unwrap_or('X'),
                cap(&family)
            ),
        ];
        e.misspellings = vec![wrong(&format!("{}{}", cap(&family), "x"), None)];
        out.push(e);
    }
    out
}

fn find(index: &NameIndex, text: &str, doc_date: Option<NaiveDate>) -> Vec<NameHit> {
    let folded = fold(text);
    let apposition_words = strings(&["the", "der"]);
    let words = MarkerWords {
        apposition_words: &apposition_words,
        ..MarkerWords::default()
    };
    let hits = index.find(text, &folded, doc_date, &words);
    for h in &hits {
        assert!(
            text.get(h.range.clone()).is_some(),
            "range {:?} in {text:?}",
            h.range
        );
    }
    assert!(
        hits.windows(2)
            .all(|w| w[0].range.start <= w[1].range.start)
    );
    hits
}

/// (span text, entity, verdict) of every hit.
fn described(text: &str, hits: &[NameHit]) -> Vec<(String, usize, Verdict)> {
    hits.iter()
        .map(|h| {
            (
                text[h.range.clone()].to_string(),
                h.entity,
                h.verdict.clone(),
            )
        })
        .collect()
}

/// Findings (everything that is not `Ok`).
fn findings(text: &str, hits: &[NameHit]) -> Vec<(String, usize, Verdict)> {
    described(text, hits)
        .into_iter()
        .filter(|(_, _, v)| *v != Verdict::Ok)
        .collect()
}

/// The real cases, checked against `index` (entity ids of [`entities`] must be kept).
fn check_real_cases(index: &NameIndex) {
    // Text written without diacritics gets a fix without them, from the accepted
    // form that has none; text with them keeps them.
    for (text, near, fix) in [
        (
            "Regierungschef Pham Mihn Chinh sprach.",
            "Pham Mihn Chinh",
            "Pham Minh Chinh",
        ),
        (
            "Thủ tướng Phạm Mihn Chính phát biểu.",
            "Phạm Mihn Chính",
            "Phạm Minh Chính",
        ),
    ] {
        assert_eq!(
            findings(text, &find(index, text, None)),
            vec![(
                near.to_string(),
                PHAM_MINH_CHINH,
                Verdict::NearMiss {
                    suggestion: fix.into(),
                    distance: 1
                }
            )]
        );
    }
    // A listed misspelling that differs from the name only in diacritics is that
    // misspelling (an error with its fix), not a diacritics near-miss; other
    // diacritics still are one, and the name itself is fine.
    let text = "Nguyễn Phú Trõng, Nguyễn Phú Trọng và Nguyễn Phú Tròng";
    assert_eq!(
        findings(text, &find(index, text, Some(date(2020, 1, 1)))),
        vec![
            (
                "Nguyễn Phú Trõng".to_string(),
                TRONG,
                Verdict::Misspelling {
                    fix: "Nguyễn Phú Trọng".into()
                }
            ),
            (
                "Nguyễn Phú Tròng".to_string(),
                TRONG,
                Verdict::Diacritics {
                    suggestion: "Nguyễn Phú Trọng".into()
                }
            ),
        ]
    );
    // Listed misspelling with computed fix.
    let text = "Tổng thống Kassym-Jormat Tokayev";
    let hits = find(index, text, Some(date(2025, 5, 5)));
    assert_eq!(
        described(text, &hits),
        vec![
            (
                "Kassym-Jormat".to_string(),
                TOKAYEV,
                Verdict::Misspelling {
                    fix: "Kassym-Jomart".into()
                }
            ),
            ("Tokayev".to_string(), TOKAYEV, Verdict::Ok),
        ]
    );
    // Joined initial: the fix keeps the writer's style ("K.Tumysh").
    let text = "Bộ trưởng K.Tumush cho biết";
    assert_eq!(
        findings(text, &find(index, text, None)),
        vec![(
            "K.Tumush".to_string(),
            TUMYSH,
            Verdict::Misspelling {
                fix: "K.Tumysh".into()
            }
        )]
    );
    // Discouraged: spaced hyphen, computed fix.
    let text = "Kassym - Jomart Tokayev said";
    assert_eq!(
        findings(text, &find(index, text, None)),
        vec![(
            "Kassym - Jomart".to_string(),
            TOKAYEV,
            Verdict::Discouraged {
                fix: "Kassym-Jomart".into()
            }
        )]
    );
    let text = "the Việt Namese delegation";
    assert_eq!(
        findings(text, &find(index, text, None)),
        vec![(
            "Việt Namese".to_string(),
            VIET_NAM,
            Verdict::Discouraged {
                fix: "Vietnamese".into()
            }
        )]
    );
    // Accepted forms: Ok, no finding.
    for (text, entity) in [
        ("Kassym-Jomart Tokayev", TOKAYEV),
        ("Tokajew", TOKAYEV),
        ("Kanat Tumysh", TUMYSH),
        ("Tô Lâm", TO_LAM),
        ("To Lam", TO_LAM),
        ("M.Nurtleu", NURTLEU),
        ("Murat Nurtleu", NURTLEU),
        ("M. Nurtleu", NURTLEU),
        ("K.Tumysh", TUMYSH),
        ("Tokaev Arman", TOKAEV_ARMAN),
    ] {
        let sentence = format!("Hôm nay {text} phát biểu.");
        let hits = find(index, &sentence, Some(date(2025, 5, 5)));
        assert_eq!(
            described(&sentence, &hits),
            vec![(text.to_string(), entity, Verdict::Ok)],
            "{text}"
        );
    }
    let text = "Tổng Bí thư Tô Lâm phát biểu.";
    assert_eq!(
        described(text, &find(index, text, Some(date(2025, 5, 5)))),
        vec![("Tô Lâm".to_string(), TO_LAM, Verdict::Ok)]
    );
    // Near misses.
    let text = "Kassym-Jomrat Tokayev";
    assert_eq!(
        findings(text, &find(index, text, None)),
        vec![(
            "Kassym-Jomrat".to_string(),
            TOKAYEV,
            Verdict::NearMiss {
                suggestion: "Kassym-Jomart".into(),
                distance: 1
            }
        )]
    );
    let text = "Kanat Tumysh arrived. Reporters asked Tumish about it.";
    assert_eq!(
        findings(text, &find(index, text, None)),
        vec![(
            "Tumish".to_string(),
            TUMYSH,
            Verdict::NearMiss {
                suggestion: "Tumysh".into(),
                distance: 1
            }
        )]
    );
    // Roles.
    let text = "Tổng Bí thư Nguyễn Phú Trọng";
    assert_eq!(
        findings(text, &find(index, text, Some(date(2025, 5, 5)))),
        vec![(
            "Nguyễn Phú Trọng".to_string(),
            TRONG,
            Verdict::RoleConflict {
                title: "Tổng Bí thư".into(),
                terms: vec![(Some(date(2011, 1, 19)), Some(date(2024, 7, 19)))],
            }
        )]
    );
    assert!(findings(text, &find(index, text, Some(date(2023, 8, 21)))).is_empty());
    assert!(findings(text, &find(index, text, None)).is_empty());
    check_titles_after_names(index);
}

/// A role title written after the name, as an apposition, is checked like one
/// before it; a title that opens the next name of a list is that name's.
fn check_titles_after_names(index: &NameIndex) {
    let conflict = |text: &str, on: NaiveDate| -> Vec<String> {
        findings(text, &find(index, text, Some(on)))
            .into_iter()
            .filter_map(|(span, _, verdict)| match verdict {
                Verdict::RoleConflict { title, .. } => Some(format!("{span} / {title}")),
                _ => None,
            })
            .collect()
    };
    let (in_2025, in_june_2024) = (date(2025, 5, 5), date(2024, 6, 1));
    for text in [
        "Nguyễn Phú Trọng, Tổng Bí thư, phát biểu",
        "Nguyễn Phú Trọng – Tổng Bí thư của Đảng",
        "Nguyen Phu Trong, the general secretary of the party, said",
        "Nguyễn Phú Trọng, der Generalsekretär der KPV.",
        // A possessive opens the apposition too.
        "Nguyen Phu Trong, Vietnam's general secretary, said",
        "Nguyen Phu Trong, the country's general secretary, said",
    ] {
        assert_eq!(conflict(text, in_2025).len(), 1, "{text}");
    }
    let text = "Tô Lâm, Chủ tịch nước, tiếp Tổng thống Tokayev";
    assert_eq!(conflict(text, in_2025), vec!["Tô Lâm / Chủ tịch nước"]);
    assert!(conflict(text, in_june_2024).is_empty());
    for text in [
        // The title opens the next name of a list (known or not).
        "To Lam, President Tokayev and Vladimir Putin met",
        "Tô Lâm, Chủ tịch nước Lương Cường và Thủ tướng",
        // A capitalised word after the title may be a name: left alone.
        "Nguyễn Phú Trọng, Tổng Bí thư Đảng",
        // No apposition: a word other than an article, or no comma.
        "Tô Lâm, then president, spoke",
        "To Lam, Vietnam's then president, spoke",
        "To Lam, 2024's president, spoke",
        "Tô Lâm và Chủ tịch nước",
        "Tô Lâm,Chủ tịch nước",
    ] {
        assert!(conflict(text, in_2025).is_empty(), "{text}");
    }
}

#[test]
fn real_cases() {
    check_real_cases(&NameIndex::new(&entities()));
}

#[test]
fn real_cases_with_10000_synthetic_entities() {
    let mut all = entities();
    all.extend(synthetic(10_000 - all.len()));
    assert_eq!(all.len(), 10_000);
    let index = NameIndex::new(&all);
    check_real_cases(&index);
    // Synthetic entities are found too.
    let name = all[5000].canonical.clone();
    let text = format!("Yesterday {name} spoke.");
    let hits = find(&index, &text, None);
    assert!(
        hits.iter()
            .any(|h| h.entity == 5000 && h.verdict == Verdict::Ok)
    );
}

#[test]
fn spans_slice_the_original_exactly() {
    let index = NameIndex::new(&entities());
    let nfd = "Tổng Bí thư Tô Lâm";
    let nfd: String = unicode_normalization::UnicodeNormalization::nfd(nfd).collect();
    let cases = [
        "Tổng Bí thư Tô Lâm, Kassym-Jomart\u{a0}Tokayev và Việt Namese",
        "TÔ LÂM\u{a0}\u{a0}gặp Kanat\u{2009}Tumysh.",
        nfd.as_str(),
        "«Tokaïev» – Kassym‑Jomart Tokayev's visit",
        "Kassym-Jomrat\u{a0}Tokayev",
    ];
    let expected: [&[&str]; 5] = [
        &["Tô Lâm", "Kassym-Jomart\u{a0}Tokayev", "Việt Namese"],
        &["TÔ LÂM", "Kanat\u{2009}Tumysh"],
        &["To\u{302} La\u{302}m"],
        &["Tokaïev", "Kassym‑Jomart Tokayev"],
        &["Kassym-Jomrat", "Tokayev"],
    ];
    for (text, want) in cases.iter().zip(expected) {
        let hits = find(&index, text, Some(date(2025, 1, 1)));
        let got: Vec<&str> = hits.iter().map(|h| &text[h.range.clone()]).collect();
        assert_eq!(got, want, "{text:?}");
    }
}

#[test]
fn whole_words_and_ambiguity() {
    let index = NameIndex::new(&entities());
    // Not inside words; Tokaev Arman stays his own entity, Tokaev alone is explained.
    for text in [
        "Tokayevsky",
        "xTô Lâm",
        "islam",
        "Tokaev said",
        "Ông Nguyen nói",
    ] {
        let hits = find(&index, text, None);
        assert!(findings(text, &hits).is_empty(), "{text}: {hits:?}");
    }
    assert!(find(&index, "Tokayevsky", None).is_empty());
}

#[test]
fn odd_input_does_not_panic() {
    let index = NameIndex::new(&entities());
    let empty = NameIndex::new(&[]);
    let mut weird = vec![
        String::new(),
        " ".into(),
        "\n\n".into(),
        "\u{302}\u{302}".into(),
        "ǅ ẞ İ ﬁ 𝔗𝔬𝔨𝔞𝔶𝔢𝔳 ".into(),
        "Kassym-".into(),
        "-Tokayev-".into(),
        "K.".into(),
        ". . . K. . Tumysh .".into(),
        "\u{200b}Tokayev\u{200b}".into(),
        "Tokayev".repeat(1000),
        "Tumish ".repeat(2000),
        "A B C D E F G H I J K L M N O P".into(),
    ];
    weird.push(
        (0..2000)
            .map(|i| char::from_u32(i * 37 % 0x3000).unwrap_or('x'))
            .collect(),
    );
    for text in &weird {
        let _ = find(&index, text, Some(date(2025, 1, 1)));
        let _ = find(&empty, text, None);
    }
    // Degenerate entities.
    let mut odd = EntityInput::new("x", "", EntityKind::Other);
    odd.aliases = strings(&["", " ", "-", "K.", "\u{302}"]);
    odd.misspellings = vec![wrong("", None), wrong("zz", None)];
    odd.roles = vec![Role {
        titles: strings(&["", "Mr"]),
        from: None,
        until: None,
    }];
    let index = NameIndex::new(&[odd]);
    for text in &weird {
        let _ = find(&index, text, Some(date(2025, 1, 1)));
    }
    assert!(!find(&index, "Mr zz", Some(date(2025, 1, 1))).is_empty());
}

#[test]
fn near_miss_fixture_precision_recall() {
    let index = NameIndex::new(&entities());
    let fixture = include_str!("fixtures/near_miss.tsv");
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let mut rows = 0;
    for line in fixture.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 3, "bad fixture line {line:?}");
        rows += 1;
        let (sentence, span, suggestion) = (cols[0], cols[1], cols[2]);
        let got: Vec<(String, String)> = find(&index, sentence, None)
            .iter()
            .filter_map(|h| match &h.verdict {
                Verdict::NearMiss { suggestion, .. } => {
                    Some((sentence[h.range.clone()].to_string(), suggestion.clone()))
                }
                _ => None,
            })
            .collect();
        let want: Vec<(String, String)> = if span == "-" {
            Vec::new()
        } else {
            vec![(span.to_string(), suggestion.to_string())]
        };
        for g in &got {
            if want.contains(g) {
                tp += 1;
            } else {
                fp += 1;
                println!("false positive: {sentence:?} -> {g:?}");
            }
        }
        for w in &want {
            if !got.contains(w) {
                fn_ += 1;
                println!("missed: {sentence:?} wanted {w:?}, got {got:?}");
            }
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    println!(
        "near-miss fixture: {rows} sentences, tp {tp} fp {fp} fn {fn_}, precision {precision:.3}, recall {recall:.3}"
    );
    assert!(rows >= 30);
    assert!(precision >= 0.9, "precision {precision}");
    assert!(recall >= 0.9, "recall {recall}");
}

/// A former name is current up to its last day and a `FormerName` after it; a
/// form that another entity bears now is that entity's, never a former name.
#[test]
fn former_names_are_judged_by_the_document_date() {
    let mut office = EntityInput::new("nso", "Cục Thống kê", EntityKind::Organisation);
    office.former_names = vec![
        FormerName {
            form: "Tổng cục Thống kê".into(),
            until: date(2025, 2, 28),
        },
        FormerName {
            form: "Bộ Kế hoạch".into(),
            until: date(2025, 2, 28),
        },
    ];
    let ministry = EntityInput::new("mpi", "Bộ Kế hoạch", EntityKind::Organisation);
    let index = NameIndex::new(&[office, ministry]);
    let text = "Tổng cục Thống kê và Bộ Kế hoạch";
    let verdicts =
        |on| -> Vec<(String, usize, Verdict)> { described(text, &find(&index, text, Some(on))) };
    let until = date(2025, 2, 28);
    assert_eq!(
        verdicts(date(2025, 3, 1)),
        vec![
            (
                "Tổng cục Thống kê".to_string(),
                0,
                Verdict::FormerName { until }
            ),
            ("Bộ Kế hoạch".to_string(), 1, Verdict::Ok),
        ]
    );
    assert!(
        verdicts(until).iter().all(|(_, _, v)| *v == Verdict::Ok),
        "current on its last day"
    );
    assert!(
        described(text, &find(&index, text, None))
            .iter()
            .all(|(_, _, v)| *v == Verdict::Ok),
        "undated documents are not judged"
    );
}

/// A word of three letters has near words only as the one change in a name of three
/// words or more: "Pham Thai Nhu May" is "Phạm Thái Như Mai" misspelt, while "Tô
/// Lan" beside "Tô Lâm", or two short words changed, are other names.
#[test]
fn short_words_are_near_only_inside_longer_names() {
    let mut entities = entities();
    entities.push(person("Phạm Thái Như Mai", &[], &[]));
    let index = NameIndex::new(&entities);
    let near = |text: &str| -> Vec<(String, String)> {
        find(&index, text, Some(date(2024, 6, 1)))
            .iter()
            .filter_map(|h| match &h.verdict {
                Verdict::NearMiss { suggestion, .. } => {
                    Some((text[h.range.clone()].to_string(), suggestion.clone()))
                }
                _ => None,
            })
            .collect()
    };
    assert_eq!(
        near("Die Botschaft leitet Pham Thai Nhu May seit Jahren."),
        vec![(
            "Pham Thai Nhu May".to_string(),
            "Phạm Thái Như Mai".to_string()
        )]
    );
    assert_eq!(
        near("Die Botschaft leitet Pham Thai Nho May seit Jahren."),
        vec![]
    );
    assert_eq!(near("Der Gast Tô Lan sprach in Hanoi."), vec![]);
    assert_eq!(near("Der Gast Nhu May sprach in Hanoi."), vec![]);
}
