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
//!
//! Newsroom manifests list hundreds of thousands of documents. A manifest made only
//! of `[[document]]` tables (and comments) is read one table at a time, in parallel,
//! so memory stays at the size of the entries instead of the whole TOML tree; any
//! other shape, or any table that does not parse on its own, is read whole, which
//! also gives TOML's own error with its location.

use std::collections::HashMap;
use std::ffi::OsString;
use std::ops::Range;
use std::path::{Component, Path};

use chrono::NaiveDate;
use rayon::prelude::*;
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

/// A parsed manifest: entries keyed by the documents' paths, in the cleaned form
/// discovery produces (so comparing the bytes compares the paths, and hashing them
/// is cheap).
#[derive(Debug, Default)]
pub(crate) struct Manifest {
    entries: HashMap<OsString, Entry>,
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
        let raw = match by_table(text) {
            Some(entries) => entries,
            None => whole(text, display)?,
        };
        let mut problems = Vec::new();
        let mut manifest = Manifest::default();
        for (span, entry) in raw {
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
                super::discover::clean(&dir.join(&entry.path)).into_os_string(),
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
        self.entries.get(path.as_os_str())
    }

    /// Takes the entry for the document at `path` out of the manifest.
    pub(crate) fn take(&mut self, path: &Path) -> Option<Entry> {
        self.entries.remove(path.as_os_str())
    }
}

/// The entries of a manifest read whole, with the span of each table.
fn whole(text: &str, display: &str) -> Result<Vec<(Range<usize>, RawEntry)>, Vec<RuleDiagnostic>> {
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
    Ok(raw
        .document
        .into_iter()
        .map(|spanned| (spanned.span(), spanned.into_inner()))
        .collect())
}

/// The entries of a manifest made only of `[[document]]` tables, each parsed on its
/// own; `None` when the manifest has any other shape or a table does not parse
/// alone (a multi-line string cut by a header-like line fails this way too).
fn by_table(text: &str) -> Option<Vec<(Range<usize>, RawEntry)>> {
    let mut tables: Vec<Range<usize>> = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if is_document_header(trimmed) {
            if let Some(last) = tables.last_mut() {
                last.end = offset;
            }
            tables.push(offset..text.len());
        } else if tables.is_empty() && !(trimmed.is_empty() || trimmed.starts_with('#')) {
            return None;
        }
        offset += line.len();
    }
    tables
        .into_par_iter()
        .map(|range| {
            let table = text.get(range.clone())?;
            let body = table.split_once('\n').map_or("", |(_, body)| body);
            let entry: RawEntry = toml::from_str(body).ok()?;
            let header_end = table.find(']').map_or(range.end, |i| range.start + i + 2);
            Some((range.start..header_end, entry))
        })
        .collect()
}

/// Whether a trimmed line is the `[[document]]` header (a comment may follow).
fn is_document_header(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("[[") else {
        return false;
    };
    let Some((name, after)) = rest.split_once("]]") else {
        return false;
    };
    let after = after.trim_start();
    name.trim() == "document" && (after.is_empty() || after.starts_with('#'))
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

    /// The table-by-table reading gives what the whole reading gives, spans included,
    /// and stands aside for every shape it cannot read alone.
    #[test]
    fn table_by_table_equals_whole() {
        let text = "# generated\n\n[[document]]\npath = \"a.txt\"\nlang = \"vi\"\ndate = 2025-05-05\n\n[[ document ]] # b\npath = \"b.txt\"\ntitle = \"[[document]] in a title\"\n";
        let fast = by_table(text).expect("only document tables");
        let slow = whole(text, "corpus.toml").expect("valid");
        let show = |v: &[(Range<usize>, RawEntry)]| format!("{v:?}");
        assert_eq!(show(&fast), show(&slow));
        assert_eq!(fast.len(), 2);
        for other in [
            "title = \"x\"\n[[document]]\npath = \"a\"\n",
            "[[document]]\npath = \"a\"\n[extra]\nk = 1\n",
            "[[document]]\npath = \"a\"\ntitle = \"\"\"\n[[document]]\npath = \"b\"\n\"\"\"\n",
            "[[document]]\npath = \"a\"\npath = \"b\"\n",
        ] {
            assert!(by_table(other).is_none(), "{other}");
        }
        let multi =
            "[[document]]\npath = \"a\"\ntitle = \"\"\"\n[[document]]\npath = \"b\"\n\"\"\"\n";
        let parsed = whole(multi, "corpus.toml").expect("valid");
        assert_eq!(parsed.len(), 1);
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
