//! The synthetic corpus of `examples/gen.rs` (issue 7): every planted conflict is
//! found and the traps stay quiet; the streaming run equals the in-memory one; the
//! cache re-extracts exactly the edited document and never changes the report; the
//! report does not depend on the thread count.

#[path = "../examples/gen/corpus.rs"]
mod corpus;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use factlint::corpus::LoadOptions;
use factlint::{Checker, Corpus, Format, Rules, Sources};

const RULES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/rules");

/// How the generated corpus is read: Vietnamese unless a document says otherwise.
fn vi() -> LoadOptions {
    LoadOptions {
        default_lang: "vi".to_string(),
        ..LoadOptions::default()
    }
}

fn generate(dir: &Path, docs: usize, seed: u64) -> corpus::Written {
    let opts = corpus::Options {
        docs,
        seed,
        ..corpus::Options::default()
    };
    corpus::write(dir, &opts).expect("write the generated corpus")
}

/// `check DOCS --cache --cache-dir CACHE --verbose`.
fn cached_check(docs: &Path, cache: &Path) -> Vec<String> {
    let path = |p: &Path| p.to_str().expect("utf-8 temp path").to_string();
    vec![
        "check".into(),
        path(docs),
        "--cache".into(),
        "--cache-dir".into(),
        path(cache),
        "--verbose".into(),
    ]
}

fn factlint(args: &[&str], threads: &str) -> (String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(args)
        .args(["--rules", RULES, "--format", "json"])
        .env("NO_COLOR", "1")
        .env("RAYON_NUM_THREADS", threads)
        .env_remove("CI")
        .output()
        .expect("run factlint");
    let stderr = String::from_utf8(output.stderr).expect("utf-8 stderr");
    // Phase times vary from run to run.
    let stderr: String = stderr
        .lines()
        .filter(|line| !line.starts_with("factlint: time: "))
        .map(|line| format!("{line}\n"))
        .collect();
    (
        String::from_utf8(output.stdout).expect("utf-8 stdout"),
        stderr,
    )
}

#[test]
fn planted_conflicts_are_found_and_traps_stay_quiet() {
    let dir = tempfile::tempdir().expect("temp dir");
    let written = generate(dir.path(), 50, 3);
    assert!(written.planted.len() >= 5, "the corpus plants conflicts");
    let docs = dir.path().join("docs");
    let rules = Rules::load(&[RULES]).expect("seed rules load");
    let sources = Sources::discover(&[&docs], &vi()).expect("discover");
    let (report, stats) = Checker::new(&rules).check_sources(&sources, None, None, &|| {});
    assert_eq!(stats.files, 50);
    let found: BTreeSet<corpus::Planted> = report
        .findings
        .iter()
        .map(|f| {
            let file = f.file.rsplit('/').next().unwrap_or_default();
            let text = std::fs::read_to_string(docs.join(file))
                .expect("finding points at a generated file");
            corpus::Planted {
                file: file.to_string(),
                rule: f.rule.clone(),
                text: f.text_in(&text).to_string(),
            }
        })
        .collect();
    let truth: BTreeSet<corpus::Planted> = written.planted.into_iter().collect();
    assert_eq!(found, truth, "findings (left) vs truth file (right)");
    assert!(
        report.summary.mentions > truth.len() * 2,
        "traps were read too"
    );
}

#[test]
fn streaming_report_equals_in_memory_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    generate(dir.path(), 60, 5);
    let docs = dir.path().join("docs");
    let rules = Rules::load(&[RULES]).expect("seed rules load");
    let checker = Checker::new(&rules);
    let corpus = Corpus::from_paths_with_default_lang(&[&docs], "vi").expect("read corpus");
    let in_memory = checker.check(&corpus);
    let sources = Sources::discover(&[&docs], &vi()).expect("discover");
    // Without a cache the streaming run keeps of the agreeing mentions of a key
    // only the first five, those a finding lists as related: a key with more of
    // them shows that the report does not change.
    assert!(
        in_memory.findings.iter().any(|f| f.related.len() == 5),
        "a finding lists the most related locations"
    );
    let (streamed, _) = checker.check_sources(&sources, None, None, &|| {});
    assert_eq!(
        streamed.render(Format::Json),
        in_memory.render(Format::Json)
    );
    assert_eq!(
        streamed.render(Format::Human),
        in_memory.render(Format::Human)
    );
}

#[test]
fn cache_re_extracts_only_the_edited_document() {
    let dir = tempfile::tempdir().expect("temp dir");
    generate(dir.path(), 20, 9);
    let docs = dir.path().join("docs");
    let cache = dir.path().join("cache");
    let cached = cached_check(&docs, &cache);
    let cached: Vec<&str> = cached.iter().map(String::as_str).collect();

    let (cold, stats) = factlint(&cached, "2");
    assert_eq!(
        stats,
        "factlint: 20 files: 20 extracted, 0 from the cache\n"
    );
    let (warm, stats) = factlint(&cached, "2");
    assert_eq!(
        stats,
        "factlint: 20 files: 0 extracted, 20 from the cache\n"
    );
    assert_eq!(warm, cold);

    let first = walk(&docs)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .min();
    let edited = first.expect("documents");
    let mut text = std::fs::read_to_string(&edited).expect("read document");
    text.push_str("Kazakh President Kassym-Jormat Tokayev sent a message.\n");
    std::fs::write(&edited, text).expect("edit document");
    let (after_edit, stats) = factlint(&cached, "2");
    assert_eq!(
        stats,
        "factlint: 20 files: 1 extracted, 19 from the cache\n"
    );
    let (fresh, _) = factlint(&["check", cached[1], "--no-cache"], "2");
    assert_eq!(after_edit, fresh, "a warm run reports what a cold run does");
    assert!(fresh.contains("Kassym-Jormat"), "the edit is seen");
}

#[test]
fn a_corrupt_cache_is_rebuilt_never_trusted() {
    let dir = tempfile::tempdir().expect("temp dir");
    generate(dir.path(), 6, 4);
    let docs = dir.path().join("docs");
    let cache = dir.path().join("cache");
    let cached = cached_check(&docs, &cache);
    let cached: Vec<&str> = cached.iter().map(String::as_str).collect();
    let (cold, _) = factlint(&cached, "2");
    let pack = cache.join("v2/pack");
    let bytes = std::fs::read(&pack).expect("the run wrote its pack");
    // Cut the pack in the middle of its fourth record: three records remain usable.
    let records = record_payloads(&bytes);
    assert_eq!(records.len(), 6, "six records");
    let fourth = &records[3];
    std::fs::write(&pack, &bytes[..fourth.start + fourth.len() / 2]).expect("truncate");
    let (warm, stats) = factlint(&cached, "2");
    assert_eq!(stats, "factlint: 6 files: 3 extracted, 3 from the cache\n");
    assert_eq!(warm, cold);
    // Junk: everything is extracted again, and the pack is whole again afterwards.
    std::fs::write(&pack, b"\x00\xffnot a pack").expect("junk");
    let (warm, stats) = factlint(&cached, "2");
    assert_eq!(stats, "factlint: 6 files: 6 extracted, 0 from the cache\n");
    assert_eq!(warm, cold);
    let (_, stats) = factlint(&cached, "2");
    assert_eq!(stats, "factlint: 6 files: 0 extracted, 6 from the cache\n");
}

#[test]
fn report_is_the_same_with_one_and_several_threads() {
    let dir = tempfile::tempdir().expect("temp dir");
    generate(dir.path(), 40, 8);
    let docs = dir.path().join("docs");
    let rules = Rules::load(&[RULES]).expect("seed rules load");
    let checker = Checker::new(&rules);
    let sources = Sources::discover(&[&docs], &vi()).expect("discover");
    let run = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("thread pool");
        let (report, _) = pool.install(|| checker.check_sources(&sources, None, None, &|| {}));
        report.render(Format::Json)
    };
    let one = run(1);
    assert!(one.contains("\"findings\""));
    assert_eq!(one, run(2));
    assert_eq!(one, run(3));
}

/// The byte ranges of the payloads of a cache pack: a header line, then per record a
/// line of fields ending in the name and payload lengths, the name, the payload and
/// a newline (see src/cache.rs).
fn record_payloads(pack: &[u8]) -> Vec<std::ops::Range<usize>> {
    let line_end =
        |from: usize| from + pack[from..].iter().position(|&b| b == b'\n').expect("line");
    let mut at = line_end(0) + 1;
    let mut out = Vec::new();
    while at < pack.len() {
        let end = line_end(at);
        let fields = std::str::from_utf8(&pack[at..end]).expect("ascii fields");
        let lengths: Vec<usize> = fields
            .rsplit(' ')
            .take(2)
            .map(|n| n.parse().expect("length"))
            .collect();
        let (payload_len, name_len) = (lengths[0], lengths[1]);
        let start = end + 1 + name_len;
        out.push(start..start + payload_len);
        at = start + payload_len + 1;
    }
    out
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read cache dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}
