//! `corpus.toml` manifests: per-document language, date, outlet and title.
//!
//! ```toml
//! [[document]]
//! path = "000_2123b4a668890d27.txt"   # relative to the manifest's directory
//! lang = "vi"
//! date = 2025-05-05
//! outlet = "VOV"
//! title = "…"
//! ```
//! A path that leaves the manifest's directory (`../x`, absolute) is refused.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;

use crate::error::{RuleDiagnostic, RuleErrors};

/// File name of a corpus manifest.
pub(crate) const MANIFEST_NAME: &str = "corpus.toml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawManifest {
    #[serde(default)]
    document: Vec<toml::Spanned<RawEntry>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    path: String,
    lang: Option<String>,
    date: Option<toml::value::Datetime>,
    outlet: Option<String>,
    title: Option<String>,
}

/// What a manifest says about one document.
#[derive(Debug, Clone, Default)]
pub(crate) struct Entry {
    pub lang: Option<String>,
    pub date: Option<NaiveDate>,
    pub outlet: Option<String>,
    pub title: Option<String>,
}

/// A parsed manifest: entries keyed by the documents' absolute-ish paths.
#[derive(Debug, Default)]
pub(crate) struct Manifest {
    entries: HashMap<PathBuf, Entry>,
}

impl Manifest {
    /// Reads and validates the manifest at `path`; `display` names it in diagnostics.
    pub(crate) fn load(path: &Path, display: &str) -> Result<Manifest, crate::Error> {
        let text = std::fs::read_to_string(path).map_err(|source| crate::Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let dir = path.parent().unwrap_or(Path::new("."));
        Self::parse(&text, dir, display).map_err(|d| crate::Error::Rules(RuleErrors(d)))
    }

    fn parse(text: &str, dir: &Path, display: &str) -> Result<Manifest, Vec<RuleDiagnostic>> {
        let raw: RawManifest = toml::from_str(text).map_err(|err| {
            vec![RuleDiagnostic::new(
                display,
                text,
                err.span().unwrap_or(0..0),
                format!("invalid corpus manifest: {}", err.message()),
                "here",
                Some("see docs/rules.md, section \"corpus.toml\"".to_string()),
            )]
        })?;
        let mut problems = Vec::new();
        let mut manifest = Manifest::default();
        for spanned in raw.document {
            let span = spanned.span();
            let entry = spanned.into_inner();
            if !stays_inside(Path::new(&entry.path)) {
                problems.push(RuleDiagnostic::new(
                    display,
                    text,
                    span,
                    format!("document path `{}` leaves the corpus directory", entry.path),
                    "refused",
                    Some("list only files inside the manifest's directory".to_string()),
                ));
                continue;
            }
            let date = match entry.date.as_ref().map(datetime_to_date) {
                Some(Some(date)) => Some(date),
                Some(None) => {
                    problems.push(RuleDiagnostic::new(
                        display,
                        text,
                        span,
                        "document date must be a full date (YYYY-MM-DD)",
                        "in this entry",
                        None,
                    ));
                    None
                }
                None => None,
            };
            manifest.entries.insert(
                super::discover::clean(&dir.join(&entry.path)),
                Entry {
                    lang: entry.lang.map(|l| l.to_ascii_lowercase()),
                    date,
                    outlet: entry.outlet,
                    title: entry.title,
                },
            );
        }
        if problems.is_empty() {
            Ok(manifest)
        } else {
            Err(problems)
        }
    }

    /// The entry for the document at `path` (same form as discovery produced).
    pub(crate) fn entry_for(&self, path: &Path) -> Option<&Entry> {
        self.entries.get(path)
    }
}

fn stays_inside(path: &Path) -> bool {
    path.components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
}

/// A TOML local date (or datetime) as a calendar date.
pub(crate) fn datetime_to_date(dt: &toml::value::Datetime) -> Option<NaiveDate> {
    let date = dt.date?;
    NaiveDate::from_ymd_opt(
        i32::from(date.year),
        u32::from(date.month),
        u32::from(date.day),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_outside() {
        let err = Manifest::parse(
            "[[document]]\npath = \"../../etc/passwd\"\n",
            Path::new("c"),
            "c/corpus.toml",
        )
        .expect_err("refused");
        assert!(err[0].message.contains("leaves the corpus directory"));
    }

    #[test]
    fn reads_entries() {
        let m = Manifest::parse(
            "[[document]]\npath = \"a.txt\"\nlang = \"VI\"\ndate = 2025-05-05\n",
            Path::new("c"),
            "c/corpus.toml",
        )
        .expect("valid");
        let e = m.entry_for(&Path::new("c").join("a.txt")).expect("entry");
        assert_eq!(e.lang.as_deref(), Some("vi"));
        assert_eq!(e.date, NaiveDate::from_ymd_opt(2025, 5, 5));
    }
}
