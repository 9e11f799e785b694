//! Value-reading throughput (values/s) over the value table's inputs in five
//! languages: the cost of `factlint parse` per value, without process start-up.
//!
//! Run: `cargo bench --bench parse`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn inputs() -> Vec<(String, String)> {
    include_str!("../tests/values.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            (cols.len() > 3).then(|| {
                (
                    cols[0].to_string(),
                    cols[3].trim_start_matches("NFD:").to_string(),
                )
            })
        })
        .collect()
}

fn parse_throughput(c: &mut Criterion) {
    let inputs = inputs();
    let date = chrono::NaiveDate::from_ymd_opt(2025, 5, 5);
    // Warm the language packs (compiled once per process).
    for (lang, text) in &inputs {
        let _ = factlint::reading::read(text, lang, date, None);
    }
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Elements(inputs.len() as u64));
    group.bench_function("table", |b| {
        b.iter(|| {
            inputs
                .iter()
                .filter(|(lang, text)| factlint::reading::read(text, lang, date, None).is_ok())
                .count()
        })
    });
    group.finish();
}

criterion_group!(benches, parse_throughput);
criterion_main!(benches);
