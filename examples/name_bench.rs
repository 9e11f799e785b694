//! Measures `NameIndex::find` per document for 10 vs 10,000 entities over the same
//! 1 MB of mixed-language news text (split into ~2 KB documents, folded beforehand).
//!
//! Run: `cargo run --release --example name_bench`

use factlint::fold::{Folded, fold};
use factlint::names::{EntityInput, EntityKind, MarkerWords, NameIndex, Role};
use std::time::Instant;

fn person(canonical: &str, aliases: &[&str], short: &[&str]) -> EntityInput {
    let mut e = EntityInput::new(canonical, canonical, EntityKind::Person);
    e.aliases = aliases.iter().map(|s| s.to_string()).collect();
    e.short_forms = short.iter().map(|s| s.to_string()).collect();
    e
}

fn real() -> Vec<EntityInput> {
    let mut tokayev = person(
        "Kassym-Jomart Tokayev",
        &["Tokayev", "Tokajew", "Токаев", "Tokaïev"],
        &[],
    );
    tokayev.roles = vec![Role {
        titles: vec!["President".into(), "Tổng thống".into()],
        from: chrono::NaiveDate::from_ymd_opt(2019, 3, 20),
        until: None,
    }];
    let mut trong = person("Nguyễn Phú Trọng", &[], &[]);
    trong.roles = vec![Role {
        titles: vec!["Tổng Bí thư".into(), "General Secretary".into()],
        from: chrono::NaiveDate::from_ymd_opt(2011, 1, 19),
        until: chrono::NaiveDate::from_ymd_opt(2024, 7, 19),
    }];
    vec![
        tokayev,
        person("Kanat Tumysh", &[], &["K. Tumysh", "Tumysh"]),
        person("Murat Nurtleu", &[], &["M. Nurtleu", "Nurtleu"]),
        person("Tô Lâm", &[], &[]),
        trong,
        person("Angela Merkel", &["Меркель"], &["Merkel"]),
        person("Olaf Scholz", &[], &["Scholz"]),
        person("Vladimir Putin", &["Wladimir Putin", "Путин"], &["Putin"]),
        person("Emmanuel Macron", &[], &["Macron"]),
        person("Phạm Minh Chính", &[], &[]),
    ]
}

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
    let cap = |s: &str| {
        let mut c = s.chars();
        c.next()
            .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
            .unwrap_or_default()
    };
    (0..n)
        .map(|i| {
            let given = cap(&format!("{}{}", SYL[next()], SYL[next()]));
            let family = cap(&format!("{}{}{}", SYL[next()], SYL[next()], SYL[next()]));
            let mut e = EntityInput::new(
                &format!("syn{i}"),
                &format!("{given} {family}"),
                EntityKind::Person,
            );
            e.aliases = vec![format!("{given} {family}ov")];
            e.short_forms = vec![family.clone()];
            e
        })
        .collect()
}

const SENTENCES: &[&str] = &[
    "President Kassym-Jomart Tokayev met Foreign Minister Murat Nurtleu in Astana on Monday.",
    "Tổng Bí thư Tô Lâm tiếp Thủ tướng Phạm Minh Chính tại Hà Nội, Việt Nam.",
    "Der Präsident Tokajew sprach mit Bundeskanzler Olaf Scholz über Energiepreise.",
    "Reporters asked Emmanuel Macrom about the pension reform in Paris.",
    "Kanat Tumysh said the Caspian Pipeline Consortium would raise exports by March.",
    "The European Commission and the World Bank published the Quarterly Economic Review.",
    "Angela Merkel visited Washington, where she met Senators from Texas and Ohio.",
    "Владимир Путин заявил, что переговоры продолжатся в Женеве.",
    "Bộ trưởng Ngoại giao Bùi Thanh Sơn cho biết kim ngạch thương mại đạt 1 tỷ USD.",
    "Analysts at Goldman Sachs and Morgan Stanley expect Brent crude near 80 dollars.",
    "The Tokay wine festival in Hungary attracted visitors from Slovakia and Austria.",
    "Later, Tumish told Reuters that Nurtlue had approved the agreement.",
];

fn corpus() -> String {
    let mut text = String::with_capacity(1 << 20);
    let mut i = 0;
    while text.len() < 1 << 20 {
        text.push_str(SENTENCES[i % SENTENCES.len()]);
        text.push(if i % 7 == 6 { '\n' } else { ' ' });
        i += 1;
    }
    text
}

fn documents(text: &str) -> Vec<(String, Folded)> {
    let mut docs = Vec::new();
    let mut cur = String::new();
    for line in text.split_inclusive(". ") {
        cur.push_str(line);
        if cur.len() >= 2048 {
            let f = fold(&cur);
            docs.push((std::mem::take(&mut cur), f));
        }
    }
    if !cur.is_empty() {
        let f = fold(&cur);
        docs.push((cur, f));
    }
    docs
}

fn measure(label: &str, entities: &[EntityInput], docs: &[(String, Folded)]) -> f64 {
    let t = Instant::now();
    let index = NameIndex::new(entities);
    let build = t.elapsed();
    let date = chrono::NaiveDate::from_ymd_opt(2025, 5, 5);
    let mut best = f64::MAX;
    let mut hits = 0;
    for _ in 0..5 {
        let t = Instant::now();
        hits = 0;
        for (original, folded) in docs {
            hits += index
                .find(original, folded, date, &MarkerWords::default())
                .len();
        }
        best = best.min(t.elapsed().as_nanos() as f64);
    }
    let per_doc = best / docs.len() as f64;
    println!(
        "{label:>7} entities: build {:>8.1} ms, {} docs, {hits} hits, {per_doc:>9.0} ns/document, {:>6.2} ms/MB",
        build.as_secs_f64() * 1e3,
        docs.len(),
        best / 1e6
    );
    per_doc
}

fn main() {
    let text = corpus();
    let t = Instant::now();
    let docs = documents(&text);
    println!(
        "corpus: {} bytes, {} documents, fold {:.2} ms (not included below)",
        text.len(),
        docs.len(),
        t.elapsed().as_secs_f64() * 1e3
    );
    let small = real();
    let mut large = real();
    large.extend(synthetic(10_000 - large.len()));
    let a = measure("10", &small, &docs);
    let b = measure("10000", &large, &docs);
    println!("ratio 10000/10: {:.2}", b / a);
}
