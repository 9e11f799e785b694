//! Scoring a report on a held-out corpus against its truth file: planted errors
//! found, correct statements ("traps") not flagged.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// A held-out corpus: its directory, its truth file and the rules it is checked with
/// (the shipped pack when `None`), all relative to the project.
#[derive(Clone, Copy)]
pub struct Heldout {
    pub dir: &'static str,
    pub truth: &'static str,
    pub rules: Option<&'static str>,
}

/// One row of a truth file: a planted error or a trap, with its exact text.
pub struct Row {
    pub file: String,
    pub error: bool,
    pub span: String,
}

/// What a run gets wrong: planted errors not found (file, text) and traps flagged
/// ("file: text by [rules]").
pub struct Score {
    pub missed: Vec<(String, String)>,
    pub flagged_traps: Vec<String>,
}

impl Score {
    /// The planted errors not found, as (file, text).
    pub fn missed(&self) -> Vec<(&str, &str)> {
        self.missed
            .iter()
            .map(|(file, span)| (file.as_str(), span.as_str()))
            .collect()
    }
}

fn project(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

impl Heldout {
    /// The rows of the truth file (tab-separated: file, kind, span, note).
    pub fn truth(&self) -> Vec<Row> {
        let text = std::fs::read_to_string(project(self.truth)).expect("truth file");
        text.lines()
            .skip(1)
            .filter(|line| !line.trim().is_empty())
            .map(|line| {
                let fields: Vec<&str> = line.split('\t').collect();
                assert!(fields.len() >= 3, "truth row {line:?}");
                assert!(matches!(fields[1], "error" | "trap"), "kind of {line:?}");
                Row {
                    file: fields[0].to_string(),
                    error: fields[1] == "error",
                    span: fields[2].to_string(),
                }
            })
            .collect()
    }

    /// The arguments of a check of the corpus, before the format.
    fn check_args(&self) -> Vec<&'static str> {
        let mut args = vec!["check", "--no-cache"];
        if let Some(rules) = self.rules {
            args.extend(["--rules", rules]);
        }
        args.push(self.dir);
        args
    }

    /// The byte ranges and rules of the findings, by file name, from the JSON report.
    pub fn findings(&self) -> BTreeMap<String, Vec<(Range<usize>, String)>> {
        let mut args = self.check_args();
        args.extend(["--format", "json"]);
        let (stdout, stderr, code) = super::in_project(&args);
        assert!(code < 2, "exit code {code}; stderr: {stderr}");
        let report: serde_json::Value = serde_json::from_str(&stdout).expect("json report");
        let mut out: BTreeMap<String, Vec<(Range<usize>, String)>> = BTreeMap::new();
        for f in report["findings"].as_array().expect("findings") {
            let file = f["file"].as_str().expect("file");
            let name = file.rsplit('/').next().expect("name").to_string();
            let start = f["span"]["start"].as_u64().expect("start") as usize;
            let end = f["span"]["end"].as_u64().expect("end") as usize;
            let rule = f["rule"].as_str().expect("rule").to_string();
            out.entry(name).or_default().push((start..end, rule));
        }
        out
    }

    /// The byte range of `span` in `file` of the corpus (it must occur exactly once).
    pub fn locate(&self, file: &str, span: &str) -> Range<usize> {
        let text = std::fs::read_to_string(project(self.dir).join(file)).expect("fixture");
        let mut found = text.match_indices(span);
        let (at, _) = found
            .next()
            .unwrap_or_else(|| panic!("{span:?} not in {file}"));
        assert!(found.next().is_none(), "{span:?} twice in {file}");
        at..at + span.len()
    }

    /// Checks the corpus and scores the findings against the truth file.
    pub fn score(&self) -> Score {
        let findings = self.findings();
        let mut score = Score {
            missed: Vec::new(),
            flagged_traps: Vec::new(),
        };
        for row in self.truth() {
            let range = self.locate(&row.file, &row.span);
            let hits: Vec<&String> = findings
                .get(&row.file)
                .into_iter()
                .flatten()
                .filter(|(r, _)| r.start < range.end && range.start < r.end)
                .map(|(_, rule)| rule)
                .collect();
            match (row.error, hits.is_empty()) {
                (true, true) => score.missed.push((row.file, row.span)),
                (false, false) => score
                    .flagged_traps
                    .push(format!("{}: {:?} by {hits:?}", row.file, row.span)),
                _ => {}
            }
        }
        score
    }

    /// The same corpus and truth file, checked with the shipped pack.
    pub fn with_shipped_pack(&self) -> Heldout {
        Heldout {
            rules: None,
            ..*self
        }
    }

    /// The number of findings of a check of the corpus.
    pub fn finding_count(&self) -> usize {
        self.findings().values().map(Vec::len).sum()
    }

    /// Asserts the truth file holds `errors` planted errors and `traps` traps, and
    /// that a check misses exactly `known_gaps` (file, text) and flags exactly
    /// `known_flagged_traps` ("file: text by [rules]"), so the lists only shrink.
    pub fn assert_score(
        &self,
        (errors, traps): (usize, usize),
        known_gaps: &[(&str, &str)],
        known_flagged_traps: &[&str],
    ) {
        let rows = self.truth();
        assert_eq!(rows.iter().filter(|r| r.error).count(), errors);
        assert_eq!(rows.iter().filter(|r| !r.error).count(), traps);
        let score = self.score();
        assert_eq!(score.missed(), known_gaps, "planted errors not found");
        assert_eq!(score.flagged_traps, known_flagged_traps);
    }

    /// Snapshots the report of the corpus as `snapshots/NAME.snap`.
    pub fn snapshot(&self, name: &str) {
        let mut args = self.check_args();
        args.extend(["--format", "snapshot"]);
        super::snapshot(name, &super::in_project(&args));
    }
}
