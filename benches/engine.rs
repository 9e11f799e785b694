//! Criterion micro-benchmarks of the engine (issue 7): checking one generated
//! document per language (extraction + names + per-document checks), folding, the
//! name index, and rendering the report of a corpus in each format. Documents come
//! from the corpus generator (`examples/gen/`).
//!
//! Run: `cargo bench --bench engine`. Whole-corpus runs: `benches/compare.sh`.

#[path = "../examples/gen/corpus.rs"]
mod corpus;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use factlint::fold::fold;
use factlint::names::{EntityInput, EntityKind, MarkerWords, NameIndex};
use factlint::{Checker, Corpus, Document, Format, Rules};

const RULES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/rules");

/// The first generated document in `lang` (deterministic: seed 1).
fn sample(lang: &str) -> Document {
    let opts = corpus::Options {
        mix: corpus::parse_mix(&format!("{lang}:1")).expect("known language"),
        ..corpus::Options::default()
    };
    let doc = corpus::document(&opts, 0);
    let date = chrono::NaiveDate::parse_from_str(&doc.date, "%Y-%m-%d").ok();
    Document::new(doc.file, doc.lang, date, doc.text)
}

fn check_one_document(c: &mut Criterion) {
    let rules = Rules::load(&[RULES]).expect("seed rules load");
    let checker = Checker::new(&rules);
    let mut group = c.benchmark_group("check_one_document");
    for lang in corpus::LANGS {
        let doc = sample(lang);
        group.throughput(Throughput::Bytes(doc.text.len() as u64));
        let one = Corpus::from_documents(vec![doc]);
        group.bench_function(*lang, |b| b.iter(|| checker.check(&one)));
    }
    group.finish();
}

fn fold_text(c: &mut Criterion) {
    let mut group = c.benchmark_group("fold");
    for lang in corpus::LANGS {
        let doc = sample(lang);
        group.throughput(Throughput::Bytes(doc.text.len() as u64));
        group.bench_function(*lang, |b| b.iter(|| fold(&doc.text)));
    }
    group.finish();
}

fn name_index(c: &mut Criterion) {
    let names = [
        "Kassym-Jomart Tokayev",
        "Kanat Tumysh",
        "Murat Nurtleu",
        "Yermek Kosherbayev",
        "Tô Lâm",
        "Nguyễn Phú Trọng",
        "Võ Văn Thưởng",
        "Vương Đình Huệ",
        "Phạm Thái Như Mai",
        "Nguyễn Thị Kim Ngân",
        "Trương Tấn Sang",
        "Nursultan Nazarbayev",
    ];
    let entities: Vec<EntityInput> = names
        .iter()
        .map(|n| EntityInput::new(n, n, EntityKind::Person))
        .collect();
    c.bench_function("name_index/build", |b| b.iter(|| NameIndex::new(&entities)));
    let index = NameIndex::new(&entities);
    let mut group = c.benchmark_group("name_index/find");
    for lang in corpus::LANGS {
        let doc = sample(lang);
        let folded = fold(&doc.text);
        group.throughput(Throughput::Bytes(doc.text.len() as u64));
        group.bench_function(*lang, |b| {
            b.iter(|| index.find(&doc.text, &folded, doc.date, &MarkerWords::default()))
        });
    }
    group.finish();
}

/// The report of `docs` generated documents without dates (nearly every anniversary
/// gets a note, so most documents are cited), rendered in each format. Throughput is
/// per finding: a renderer whose time per finding grows from the small corpus to the
/// large one does work per pair of documents or findings.
fn render_report(c: &mut Criterion) {
    let rules = Rules::load(&[RULES]).expect("seed rules load");
    let checker = Checker::new(&rules);
    let mut group = c.benchmark_group("render");
    group.sample_size(10);
    for docs in [500, 5000] {
        let opts = corpus::Options::default();
        let documents = (0..docs)
            .map(|i| {
                let doc = corpus::document(&opts, i);
                Document::new(doc.file, doc.lang, None, doc.text)
            })
            .collect();
        let report = checker.check(&Corpus::from_documents(documents));
        group.throughput(Throughput::Elements(report.findings.len() as u64));
        for (name, format) in [
            ("json", Format::Json),
            ("html", Format::Html),
            ("human", Format::Human),
        ] {
            group.bench_function(format!("{name}/{docs}"), |b| {
                b.iter(|| report.render(format).len())
            });
        }
    }
    group.finish();
}

criterion_group!(
    benches,
    check_one_document,
    fold_text,
    name_index,
    render_report
);
criterion_main!(benches);
