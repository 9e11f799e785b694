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
use std::sync::Arc;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Deserialize;
use xxhash_rust::xxh3::Xxh3DefaultBuilder;

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

/// What a manifest says about one document. A run holds one per listed file until
/// the end, so the values many entries repeat (language, outlet) are shared.
#[derive(Debug, Clone, Default)]
pub(crate) struct Entry {
    pub lang: Option<Arc<str>>,
    pub date: Option<NaiveDate>,
    pub outlet: Option<Arc<str>>,
    pub title: Option<Box<str>>,
}

/// A parsed manifest: entries keyed by the documents' paths, in the cleaned form
/// discovery produces (so comparing the bytes compares the paths, and hashing them
/// is cheap).
#[derive(Debug, Default)]
pub(crate) struct Manifest {
    entries: HashMap<OsString, Entry, Xxh3DefaultBuilder>,
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
        let mut builder = Builder::new(text, dir, display);
        // Tables are parsed in parallel a block at a time, so a large manifest is
        // never held twice (as parsed tables and as entries).
        let by_table = table_ranges(text).and_then(|tables| {
            builder.manifest.entries.reserve(tables.len());
            for block in tables.chunks(TABLES_AT_ONCE) {
                let parsed: Vec<(Range<usize>, RawEntry)> = block
                    .par_iter()
                    .map(|range| table(text, range))
                    .collect::<Option<_>>()?;
                for (span, entry) in parsed {
                    builder.add(span, entry);
                }
            }
            Some(())
        });
        if by_table.is_none() {
            builder = Builder::new(text, dir, display);
            for (span, entry) in whole(text, display)? {
                builder.add(span, entry);
            }
        }
        if builder.problems.is_empty() {
            Ok(builder.manifest)
        } else {
            Err(builder.problems)
        }
    }

    /// Takes the entry for the document at `path` out of the manifest.
    pub(crate) fn take(&mut self, path: &Path) -> Option<Entry> {
        self.entries.remove(path.as_os_str())
    }
}

/// Tables parsed at once (in parallel) before their entries are stored.
const TABLES_AT_ONCE: usize = 32768;

/// Validates entries and stores them in a manifest.
struct Builder<'a> {
    text: &'a str,
    dir: &'a Path,
    display: &'a str,
    manifest: Manifest,
    problems: Vec<RuleDiagnostic>,
    /// Values many entries repeat (language, outlet), stored once.
    shared: HashMap<String, Arc<str>>,
}

impl<'a> Builder<'a> {
    fn new(text: &'a str, dir: &'a Path, display: &'a str) -> Self {
        Builder {
            text,
            dir,
            display,
            manifest: Manifest::default(),
            problems: Vec::new(),
            shared: HashMap::new(),
        }
    }

    /// Adds the entry of the table at `span`.
    fn add(&mut self, span: Range<usize>, entry: RawEntry) {
        if !stays_inside(Path::new(&entry.path)) {
            self.problems.push(RuleDiagnostic::new(
                self.display,
                self.text,
                span,
                format!("document path `{}` leaves the corpus directory", entry.path),
                "refused",
                Some("list only files inside the manifest's directory".to_string()),
            ));
            return;
        }
        let date = match entry.date.as_ref().map(datetime_to_date) {
            Some(Some(date)) => Some(date),
            Some(None) => {
                self.problems.push(RuleDiagnostic::new(
                    self.display,
                    self.text,
                    span,
                    "document date must be a full date (YYYY-MM-DD)",
                    "in this entry",
                    None,
                ));
                None
            }
            None => None,
        };
        let lang = entry.lang.map(|l| self.share(l.to_ascii_lowercase()));
        let outlet = entry.outlet.map(|o| self.share(o));
        self.manifest.entries.insert(
            entry_path(self.dir, &entry.path).into_os_string(),
            Entry {
                lang,
                date,
                outlet,
                title: entry.title.map(String::into_boxed_str),
            },
        );
    }

    fn share(&mut self, value: String) -> Arc<str> {
        if let Some(shared) = self.shared.get(&value) {
            return Arc::clone(shared);
        }
        let shared: Arc<str> = Arc::from(value.as_str());
        self.shared.insert(value, Arc::clone(&shared));
        shared
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

/// The byte range of each table of a manifest made only of `[[document]]` tables;
/// `None` when the manifest has any other shape.
fn table_ranges(text: &str) -> Option<Vec<Range<usize>>> {
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
    Some(tables)
}

/// The entry of the table at `range`, parsed on its own, with the span of its
/// header; `None` when it does not parse alone (a multi-line string cut by a
/// header-like line fails this way too).
fn table(text: &str, range: &Range<usize>) -> Option<(Range<usize>, RawEntry)> {
    let table = text.get(range.clone())?;
    let body = table.split_once('\n').map_or("", |(_, body)| body);
    let entry: RawEntry = match simple_table(body) {
        Some(entry) => entry,
        None => toml::from_str(body).ok()?,
    };
    let header_end = table.find(']').map_or(range.end, |i| range.start + i + 2);
    Some((range.start..header_end, entry))
}

/// A table body made only of `key = "string"` and `date = YYYY-MM-DD` lines, blank
/// lines and comment lines, read without the TOML parser (generated manifests are
/// this shape, and a newsroom's may have hundreds of thousands of tables). `None`
/// for anything else — escapes, other value types, repeated or unknown keys — which
/// the TOML parser then reads (or refuses, with its error).
fn simple_table(body: &str) -> Option<RawEntry> {
    let mut path = None;
    let mut entry = RawEntry {
        path: String::new(),
        lang: None,
        date: None,
        outlet: None,
        title: None,
    };
    for line in body.lines() {
        let line = line.trim_matches([' ', '\t']);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, value) = line.split_once('=')?;
        let value = value.trim_matches([' ', '\t']);
        let slot = match key.trim_end_matches([' ', '\t']) {
            "date" => {
                if entry.date.is_some() {
                    return None;
                }
                entry.date = Some(simple_date(value)?);
                continue;
            }
            "path" => &mut path,
            "lang" => &mut entry.lang,
            "outlet" => &mut entry.outlet,
            "title" => &mut entry.title,
            _ => return None,
        };
        if slot.is_some() {
            return None;
        }
        *slot = Some(simple_string(value)?.to_string());
    }
    entry.path = path?;
    Some(entry)
}

/// The content of a basic string with nothing TOML would read differently: no
/// escapes, quotes or control characters besides tab.
fn simple_string(value: &str) -> Option<&str> {
    let inner = value.strip_prefix('"')?.strip_suffix('"')?;
    let plain = |c: char| c != '"' && c != '\\' && (c == '\t' || !c.is_control());
    inner.chars().all(plain).then_some(inner)
}

/// A `YYYY-MM-DD` local date as TOML reads it (other forms go to the TOML parser).
fn simple_date(value: &str) -> Option<toml::value::Datetime> {
    let bytes = value.as_bytes();
    let digits = |range: Range<usize>| -> Option<u16> {
        let part = bytes.get(range)?;
        part.iter().all(u8::is_ascii_digit).then_some(())?;
        std::str::from_utf8(part).ok()?.parse().ok()
    };
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    NaiveDate::from_ymd_opt(i32::from(year), u32::from(month), u32::from(day))?;
    Some(toml::value::Datetime {
        date: Some(toml::value::Date {
            year,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok()?,
        }),
        time: None,
        offset: None,
    })
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

/// The path of an entry in the form discovery gives (`.` parts left out); `dir` is
/// in that form already.
fn entry_path(dir: &Path, path: &str) -> std::path::PathBuf {
    let plain = !path.is_empty() && path.split('/').all(|part| !part.is_empty() && part != ".");
    if plain && cfg!(unix) {
        dir.join(path)
    } else {
        super::discover::clean(&dir.join(path))
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

    fn by_table(text: &str) -> Option<Vec<(Range<usize>, RawEntry)>> {
        let tables = table_ranges(text)?;
        tables.iter().map(|range| table(text, range)).collect()
    }

    /// A table that does not read alone after more than one block of tables was
    /// stored: the whole manifest is read again by TOML, nothing is doubled or lost.
    #[test]
    fn a_late_table_that_needs_the_whole_reading_restarts_it() {
        let mut text = String::new();
        for i in 0..TABLES_AT_ONCE + 10 {
            text.push_str(&format!(
                "[[document]]\npath = \"d{i}.txt\"\nlang = \"VI\"\n\n"
            ));
        }
        text.push_str("[[document]]\npath = \"last.txt\"\ntitle = \"\"\"\n[[document]]\n\"\"\"\n");
        let mut manifest = Manifest::parse(&text, Path::new("c"), "corpus.toml").expect("valid");
        assert_eq!(manifest.entries.len(), TABLES_AT_ONCE + 11);
        let last = manifest
            .take(&Path::new("c").join("last.txt"))
            .expect("listed");
        assert_eq!(last.title.as_deref(), Some("[[document]]\n"));
        let first = manifest
            .take(&Path::new("c").join("d0.txt"))
            .expect("listed");
        let other = manifest
            .take(&Path::new("c").join("d7.txt"))
            .expect("listed");
        assert_eq!(first.lang.as_deref(), Some("vi"));
        assert!(Arc::ptr_eq(
            first.lang.as_ref().expect("lang"),
            other.lang.as_ref().expect("lang")
        ));
        let refused = format!("[[document]]\npath = \"../out.txt\"\n\n{text}");
        let err = Manifest::parse(&refused, Path::new("c"), "corpus.toml").expect_err("refused");
        assert_eq!(err.len(), 1, "each problem once");
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

    /// A table read without the TOML parser reads as TOML reads it; every shape
    /// that parser might read differently (or refuse) is left to it.
    #[test]
    fn simple_tables_read_as_toml_does() {
        for body in [
            "path = \"a.txt\"\nlang = \"vi\"\ndate = 2025-05-05\n",
            "  path=\"a b.txt\"  \r\n# note\n\ntitle = \"Tổng Bí thư\tx\"\noutlet = \"\"\n",
        ] {
            let fast = simple_table(body).expect("simple");
            let slow: RawEntry = toml::from_str(body).expect("toml");
            assert_eq!(format!("{fast:?}"), format!("{slow:?}"));
        }
        for body in [
            "path = \"a\\\"b\"\n",
            "path = 'a'\n",
            "path = \"a\" # comment\n",
            "path = \"a\"\npath = \"b\"\n",
            "path = \"a\"\ndate = 2025-02-30\n",
            "path = \"a\"\ndate = 2025-05-05T10:00:00\n",
            "path = \"a\"\ndate = 2025-05-05\ndate = 2025-05-06\n",
            "path = \"a\"\nextra = \"x\"\n",
            "lang = \"vi\"\n",
            "\"path\" = \"a\"\n",
            "path = \"\"\"a\"\"\"\n",
            "path = \"a\u{7f}\"\n",
        ] {
            assert!(simple_table(body).is_none(), "{body:?}");
        }
    }

    #[test]
    fn reads_entries() {
        let mut m = Manifest::parse(
            "[[document]]\npath = \"a.txt\"\nlang = \"VI\"\ndate = 2025-05-05\n",
            Path::new("c"),
            "c/corpus.toml",
        )
        .expect("valid");
        let e = m.take(&Path::new("c").join("a.txt")).expect("entry");
        assert_eq!(e.lang.as_deref(), Some("vi"));
        assert_eq!(e.date, NaiveDate::from_ymd_opt(2025, 5, 5));
    }
}
