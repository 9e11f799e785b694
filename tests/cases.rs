//! Regression cases: each folder of tests/fixtures/cases/ holds a few documents, a
//! `rules.toml` and optionally a `corpus.toml`; its snapshot is the snapshot-format
//! report of checking those documents. Adding a regression case is adding a folder.

use std::path::{Path, PathBuf};

use factlint::{Checker, Corpus, Format, Rules};

/// The documents of a case: every file of the folder but its rules and manifest.
fn documents(dir: &Path) -> Vec<PathBuf> {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("case folder")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name != "rules.toml" && name != "corpus.toml"
        })
        .map(|path| {
            path.strip_prefix(manifest_dir)
                .map(Path::to_path_buf)
                .unwrap_or(path)
        })
        .collect();
    files.sort();
    files
}

#[test]
fn each_case_report() {
    insta::glob!("fixtures/cases/*/rules.toml", |rules_path| {
        let dir = rules_path.parent().expect("case folder");
        let text = std::fs::read_to_string(rules_path).expect("rules.toml");
        let rules = Rules::from_toml("rules.toml", &text).expect("valid case rules");
        let corpus = Corpus::from_paths(&documents(dir)).expect("case documents");
        assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
        let report = Checker::new(&rules).check(&corpus);
        insta::with_settings!({
            snapshot_path => "../snapshots",
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(report.render(Format::Snapshot));
        });
    });
}
