//! The streaming check (`Checker::check_sources`, what `factlint check` runs) gives the
//! same report as the in-memory one (`Checker::check` on a `Corpus`) on every input
//! kind: the seeds, the format fixtures (Markdown, HTML, JSON Lines), the temporal
//! fixture, and files that cannot be read; and the cache never changes a report.

use std::path::Path;

use factlint::corpus::LoadOptions;
use factlint::{Cache, Checker, Corpus, Format, Rules, Sources};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Both reports of `paths` checked against `rules`, rendered as JSON and as text.
fn both(rules: &Path, paths: &[&Path]) -> [(String, String); 2] {
    let rules = Rules::load(&[rules]).expect("rules load");
    let checker = Checker::new(&rules);
    let options = LoadOptions::default();
    let corpus = Corpus::from_paths_with(paths, &options).expect("read corpus");
    let in_memory = checker.check(&corpus);
    let sources = Sources::discover(paths, &options).expect("discover");
    let (streamed, stats) = checker.check_sources(&sources, None, None, &|| {});
    assert_eq!(stats.extracted, sources.len(), "every file read once");
    [in_memory, streamed].map(|r| (r.render(Format::Json), r.render(Format::Snapshot)))
}

fn assert_same(rules: &Path, paths: &[&Path]) {
    let [in_memory, streamed] = both(rules, paths);
    assert!(
        in_memory.0.contains("\"rule\""),
        "the corpus has findings to compare"
    );
    assert_eq!(streamed.0, in_memory.0);
    assert_eq!(streamed.1, in_memory.1);
}

#[test]
fn seeds() {
    assert_same(&root().join("rules"), &[&root().join("seeds")]);
}

#[test]
fn markdown_html_and_json_lines() {
    assert_same(
        &root().join("rules"),
        &[&root().join("tests/fixtures/formats")],
    );
}

#[test]
fn temporal_fixture_with_its_manifest() {
    let fixture = root().join("tests/fixtures/temporal");
    assert_same(&fixture.join("rules.toml"), &[&fixture.join("docs")]);
}

#[test]
fn unreadable_files_suppressions_and_jsonl_records() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    std::fs::write(d.join("binary.txt"), b"abc\0def").expect("write");
    std::fs::write(d.join("latin1.txt"), b"caf\xe9 US$800 million").expect("write");
    std::fs::write(
        d.join("a.txt"),
        "In 2024, two-way trade between Vietnam and Kazakhstan reached US$800 million.\n\
         factlint: ignore trade-volume\n\
         In 2024, two-way trade between Vietnam and Kazakhstan reached US$700 million.\n\
         factlint: ignore no-such-rule\n\
         Nothing here.\n",
    )
    .expect("write");
    std::fs::write(
        d.join("b.jsonl"),
        "{\"id\":\"x\",\"lang\":\"en\",\"text\":\"President Kassym-Jormat Tokayev arrived.\"}\n\
         not json\n\
         {\"lang\":\"en\",\"text\":\"In 2024, trade between Vietnam and Kazakhstan reached about US$1 billion.\"}\n",
    )
    .expect("write");
    let [in_memory, streamed] = both(&root().join("rules"), &[d]);
    for rule in [
        "binary-file",
        "invalid-utf8",
        "jsonl-record",
        "unused-suppression",
        "misspelled-name",
    ] {
        assert!(in_memory.1.contains(rule), "{rule} in:\n{}", in_memory.1);
    }
    assert_eq!(streamed.0, in_memory.0);
    assert_eq!(streamed.1, in_memory.1);
}

#[test]
fn a_warm_cache_gives_the_cold_report_and_reads_nothing_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let rules = Rules::load(&[root().join("rules")]).expect("rules load");
    let checker = Checker::new(&rules);
    let open = || Cache::new(dir.path().join("cache"), &rules);
    let sources = Sources::discover(
        &[root().join("seeds"), root().join("tests/fixtures/formats")],
        &LoadOptions::default(),
    )
    .expect("discover");
    let (cold, stats) = checker.check_sources(&sources, Some(&open()), None, &|| {});
    assert_eq!((stats.extracted, stats.from_cache), (sources.len(), 0));
    let (warm, stats) = checker.check_sources(&sources, Some(&open()), None, &|| {});
    assert_eq!((stats.extracted, stats.from_cache), (0, sources.len()));
    assert_eq!(warm.render(Format::Json), cold.render(Format::Json));
    assert_eq!(warm.render(Format::Html), cold.render(Format::Html));
}

/// Alternatives accepted only where their source is named: which sources a sentence
/// names travels with each mention through the stream and the cache (a warm run
/// that lost it would flag the attributed figures).
#[test]
fn named_sources_survive_the_stream_and_the_cache() {
    let case = root().join("tests/fixtures/cases/accept-where-named");
    let rules_path = case.join("rules.toml");
    let paths = [
        case.join("en.txt"),
        case.join("vi.txt"),
        case.join("de.txt"),
    ];
    let paths: Vec<&Path> = paths.iter().map(|p| p.as_path()).collect();
    assert_same(&rules_path, &paths);

    let rules = Rules::load(&[&rules_path]).expect("rules load");
    let checker = Checker::new(&rules);
    let dir = tempfile::tempdir().expect("temp dir");
    let open = || Cache::new(dir.path().join("cache"), &rules);
    let sources = Sources::discover(&paths, &LoadOptions::default()).expect("discover");
    let (cold, _) = checker.check_sources(&sources, Some(&open()), None, &|| {});
    let (warm, stats) = checker.check_sources(&sources, Some(&open()), None, &|| {});
    assert_eq!(stats.from_cache, sources.len());
    let json = warm.render(Format::Json);
    assert_eq!(json, cold.render(Format::Json));
    // One unattributed figure per document is flagged; the attributed ones are not.
    assert_eq!(json.matches("\"rule\": \"rb-trade\"").count(), 3, "{json}");
}
