//! A focused run (`check --staged`, `--changed-since`) reads of the unchanged
//! documents only the stored mentions of the keys the changed documents mention (the
//! cache's key snapshot), and reports in the changed documents exactly what a cold
//! full run reports there — whatever else changed, and whatever state the snapshot
//! is in.

#[path = "../examples/gen/corpus.rs"]
mod corpus;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use factlint::corpus::LoadOptions;
use factlint::gate::scope::restrict;
use factlint::{Cache, Checker, Format, Rules, RunStats, Sources};

const RULES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/rules");

struct Setup {
    _dir: tempfile::TempDir,
    docs: PathBuf,
    cache: PathBuf,
    rules: Rules,
}

/// A generated corpus of `docs` documents, plus a JSON Lines file of two documents,
/// all last modified an hour ago (the cache trusts the stamps of files that old).
fn setup(docs: usize, seed: u64) -> Setup {
    let dir = tempfile::tempdir().expect("temp dir");
    let opts = corpus::Options {
        docs,
        seed,
        ..corpus::Options::default()
    };
    corpus::write(dir.path(), &opts).expect("write the generated corpus");
    let docs = dir.path().join("docs");
    std::fs::write(
        docs.join("wire.jsonl"),
        "{\"id\":\"w1\",\"lang\":\"en\",\"text\":\"In 2024, two-way trade between Vietnam and Kazakhstan reached US$600 million.\"}\n\
         {\"id\":\"w2\",\"lang\":\"en\",\"text\":\"In 2022, bilateral trade between Vietnam and Kazakhstan reached US$584 million.\"}\n",
    )
    .expect("write");
    for file in files(&docs) {
        age(&file);
    }
    age(&docs.join("corpus.toml"));
    Setup {
        cache: dir.path().join("cache"),
        rules: Rules::load(&[RULES]).expect("seed rules load"),
        docs,
        _dir: dir,
    }
}

/// The document files (not the manifest).
fn files(docs: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(docs)
        .expect("read dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| !p.ends_with("corpus.toml"))
        .collect();
    files.sort();
    files
}

/// Sets the file's modification time an hour back.
fn age(file: &Path) {
    let past = SystemTime::now() - Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(file)
        .and_then(|f| f.set_modified(past))
        .expect("set mtime");
}

impl Setup {
    fn sources(&self) -> Sources {
        let options = LoadOptions {
            default_lang: "vi".into(),
            ..LoadOptions::default()
        };
        Sources::discover(&[&self.docs], &options).expect("discover")
    }

    /// A run over the whole corpus with the cache, focused on `focus` (source names)
    /// or not; the report restricted to `focus`, as JSON.
    fn run(&self, focus: Option<&BTreeSet<String>>) -> (String, RunStats) {
        let checker = Checker::new(&self.rules);
        let cache = Cache::new(&self.cache, &self.rules);
        let sources = self.sources();
        let (report, stats) = checker.check_sources(&sources, Some(&cache), focus, &|| {});
        let report = match focus {
            Some(focus) => restrict(report, focus),
            None => report,
        };
        (report.render(Format::Json), stats)
    }

    /// The source name of the document file `file`.
    fn name(&self, file: &Path) -> String {
        let sources = self.sources();
        let wanted = file.file_name().expect("file name").to_string_lossy();
        sources
            .names()
            .find(|n| n.ends_with(&*wanted))
            .expect("a source")
            .to_string()
    }

    /// Asserts that a focused warm run on `focus` reports what a cold full run
    /// reports in those documents, and returns its stats.
    fn assert_focused_equals_cold(&self, focus: &BTreeSet<String>) -> RunStats {
        let checker = Checker::new(&self.rules);
        let (full, _) = checker.check_sources(&self.sources(), None, None, &|| {});
        let cold = restrict(full, focus).render(Format::Json);
        let (focused, stats) = self.run(Some(focus));
        assert_eq!(focused, cold, "focused run (left) vs cold full run (right)");
        stats
    }
}

fn edit(file: &Path, line: &str) {
    let mut text = std::fs::read_to_string(file).expect("read");
    text.push_str(line);
    std::fs::write(file, text).expect("write");
}

#[test]
fn a_focused_run_reads_only_the_focus_keys_of_unchanged_documents() {
    let s = setup(40, 11);
    let files = files(&s.docs);
    let total = files.len();
    // A full run fills the cache and writes the key snapshot.
    let (_, stats) = s.run(None);
    assert_eq!(stats.extracted, total);
    assert!(s.cache.join("v2/keys").is_file(), "the snapshot is written");

    // The edited document now conflicts with the rules and the other documents.
    let english: Vec<&PathBuf> = files
        .iter()
        .filter(|f| f.to_string_lossy().ends_with("-en.txt"))
        .collect();
    let edited = english[0];
    edit(
        edited,
        "\nIn 2024, two-way trade between Vietnam and Kazakhstan reached US$700 million.\n",
    );
    let focus = BTreeSet::from([s.name(edited)]);
    let stats = s.assert_focused_equals_cold(&focus);
    assert_eq!(stats.extracted, 1, "only the edited document is read");
    assert_eq!(stats.from_snapshot, total - 1, "the rest from the snapshot");
    let (focused, _) = s.run(Some(&focus));
    assert!(focused.contains("US$700 million"), "{focused}");

    // A document outside the focus changes too: the focused run reads it (its
    // mentions count), and still reports what a cold run does.
    let other = english[1];
    edit(
        other,
        "\nIn 2024, two-way trade between Vietnam and Kazakhstan reached US$700 million.\n",
    );
    let stats = s.assert_focused_equals_cold(&focus);
    assert_eq!(stats.from_snapshot, total - 2);

    // A multi-document source (JSON Lines) in the focus.
    let wire = s.docs.join("wire.jsonl");
    let focus = BTreeSet::from([s.name(&wire)]);
    let (focused, _) = s.run(Some(&focus));
    assert!(focused.contains("US$600 million"), "{focused}");
    s.assert_focused_equals_cold(&focus);
}

#[test]
fn a_broken_or_stale_snapshot_is_never_trusted() {
    let s = setup(24, 12);
    let files = files(&s.docs);
    s.run(None);
    let keys = s.cache.join("v2/keys");
    let focus = BTreeSet::from([s.name(&files[2])]);
    edit(
        &files[2],
        "\nIn 2022, bilateral trade between Vietnam and Kazakhstan reached US$684 million.\n",
    );

    // One flipped byte: the checksum fails, every source is read from its record.
    let mut bytes = std::fs::read(&keys).expect("snapshot");
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    std::fs::write(&keys, &bytes).expect("write");
    let stats = s.assert_focused_equals_cold(&focus);
    assert_eq!(stats.from_snapshot, 0, "a broken snapshot is not used");

    // Truncated, or junk.
    std::fs::write(&keys, &bytes[..bytes.len() / 2]).expect("write");
    assert_eq!(s.assert_focused_equals_cold(&focus).from_snapshot, 0);
    std::fs::write(&keys, b"factlint-keys 1 junk\n").expect("write");
    assert_eq!(s.assert_focused_equals_cold(&focus).from_snapshot, 0);

    // A manifest change reads a document another way (another language): the
    // snapshot's mentions of it are not used, also once the pack holds its new record.
    s.run(None);
    let manifest = s.docs.join("corpus.toml");
    let text = std::fs::read_to_string(&manifest).expect("manifest");
    let first = files[0].file_name().expect("name").to_string_lossy();
    let entry = format!("path = \"{first}\"\nlang = \"");
    let at = text.find(&entry).expect("entry") + entry.len();
    let lang = if text[at..].starts_with("en") {
        "de"
    } else {
        "en"
    };
    let changed = format!("{}{lang}{}", &text[..at], &text[at + 2..]);
    std::fs::write(&manifest, changed).expect("write");
    for _ in 0..2 {
        let stats = s.assert_focused_equals_cold(&focus);
        assert_eq!(stats.from_snapshot, files.len() - 2);
    }

    // A full run writes it again; a file deleted since is not counted.
    s.run(None);
    std::fs::remove_file(&files[3]).expect("delete");
    let stats = s.assert_focused_equals_cold(&focus);
    assert_eq!(stats.from_snapshot, files.len() - 2);
}

#[test]
fn a_focused_run_appends_to_the_pack_instead_of_rewriting_it() {
    let s = setup(30, 13);
    let files = files(&s.docs);
    s.run(None);
    let pack = s.cache.join("v2/pack");
    let before = std::fs::read(&pack).expect("pack");
    edit(&files[0], "\nNothing new.\n");
    let focus = BTreeSet::from([s.name(&files[0])]);
    s.run(Some(&focus));
    let after = std::fs::read(&pack).expect("pack");
    assert!(after.len() > before.len());
    assert_eq!(&after[..before.len()], &before[..], "the old records stay");
    // The appended record replaces the old one: nothing is extracted again.
    let (_, stats) = s.run(None);
    assert_eq!((stats.extracted, stats.from_cache), (0, files.len()));
}
