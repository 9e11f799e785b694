//! Reading rule files and parsing them into the raw schema, collecting every error.
//!
//! A file is parsed with toml's recoverable parser (all syntax errors, not just the
//! first); each top-level entry (`[meta]`, every `[[fact]]`, `[[claim]]`, …) is then
//! deserialised on its own, so one bad entry does not hide the problems of the next.

use std::collections::BTreeMap;
use std::path::Path;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::RuleFile;
use super::schema::{RawClaim, RawEntity, RawEvent, RawFact, RawMeta};
use crate::error::{Error, RuleDiagnostic};

/// An entry of the raw schema and the byte span of its table.
pub(crate) struct At<T> {
    pub value: T,
    pub span: std::ops::Range<usize>,
}

/// The raw content of one rule file.
#[derive(Default)]
pub(crate) struct ParsedFile {
    pub meta: Option<At<RawMeta>>,
    pub facts: Vec<At<RawFact>>,
    pub events: Vec<At<RawEvent>>,
    pub entities: Vec<At<RawEntity>>,
    pub claims: Vec<At<RawClaim>>,
    /// `[fragments]`: name → regex text.
    pub fragments: BTreeMap<String, Spanned<String>>,
}

/// Rule files and user language packs named by the paths of a run.
pub(crate) struct Found {
    pub rules: Vec<RuleFile>,
    pub lang_packs: Vec<RuleFile>,
}

/// Reads the rule files named by `paths` (files, or directories of `*.toml`); a
/// directory's `lang/*.toml` are user language packs. At least one rule file must
/// be found.
pub(crate) fn read_files<P: AsRef<Path>>(paths: &[P]) -> Result<Found, Error> {
    let found = read_files_or_packs(paths)?;
    if found.rules.is_empty() {
        return Err(no_files("rule"));
    }
    Ok(found)
}

/// The error of a run whose paths hold no `what` files.
fn no_files(what: &str) -> Error {
    Error::Usage {
        message: format!("no {what} files found"),
        help: Some("pass --rules DIR|FILE with at least one .toml rule file".to_string()),
    }
}

/// [`read_files`], content with language packs alone (`factlint parse` needs no
/// more); an error when neither a rule file nor a pack is found.
pub(crate) fn read_files_or_packs<P: AsRef<Path>>(paths: &[P]) -> Result<Found, Error> {
    let mut files = Vec::new();
    let mut lang_packs = Vec::new();
    for path in paths {
        let path = path.as_ref();
        let io = |source| Error::Io {
            path: path.to_path_buf(),
            source,
        };
        if path.is_dir() {
            let mut entries: Vec<_> = std::fs::read_dir(path)
                .map_err(io)?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "toml"))
                .collect();
            entries.sort();
            for entry in entries {
                files.push(read_one(&entry)?);
            }
            let lang_dir = path.join("lang");
            if lang_dir.is_dir() {
                let mut packs: Vec<_> = std::fs::read_dir(&lang_dir)
                    .map_err(|source| Error::Io {
                        path: lang_dir.clone(),
                        source,
                    })?
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "toml"))
                    .collect();
                packs.sort();
                for pack in packs {
                    lang_packs.push(read_one(&pack)?);
                }
            }
        } else {
            files.push(read_one(path)?);
        }
    }
    if files.is_empty() && lang_packs.is_empty() {
        return Err(no_files("rule"));
    }
    Ok(Found {
        rules: files,
        lang_packs,
    })
}

/// Validates and registers user language packs; problems become diagnostics.
pub(crate) fn register_lang_packs(files: &[RuleFile], diagnostics: &mut Vec<RuleDiagnostic>) {
    for file in files {
        match crate::lang::LangPack::from_toml(&file.text) {
            Ok(pack) => {
                crate::lang::register(pack);
            }
            Err(err) => diagnostics.push(RuleDiagnostic::new(
                &file.name,
                &file.text,
                err.span.clone().unwrap_or(0..0),
                format!("invalid language pack: {}", err.message),
                "here",
                Some("language packs follow the built-in ones in src/lang/packs/".to_string()),
            )),
        }
    }
}

fn read_one(path: &Path) -> Result<RuleFile, Error> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(RuleFile {
        name: crate::corpus::display_path(path),
        text,
    })
}

/// Parses one file; problems are appended to `diagnostics`.
pub(crate) fn parse_file(file: &RuleFile, diagnostics: &mut Vec<RuleDiagnostic>) -> ParsedFile {
    let mut parsed = ParsedFile::default();
    let (table, errors) = DeTable::parse_recoverable(&file.text);
    for err in &errors {
        diagnostics.push(toml_error(file, err, "TOML syntax error"));
    }
    if !errors.is_empty() {
        // Entries after a syntax error are unreliable; the syntax errors say enough.
        return parsed;
    }
    for (key, value) in table.into_inner() {
        let key_span = key.span();
        match key.get_ref().as_ref() {
            "meta" => parsed.meta = entry(file, value, diagnostics),
            "fact" => parsed.facts = entries(file, value, "fact", diagnostics),
            "event" => parsed.events = entries(file, value, "event", diagnostics),
            "entity" => parsed.entities = entries(file, value, "entity", diagnostics),
            "claim" => parsed.claims = entries(file, value, "claim", diagnostics),
            "fragments" => {
                parsed.fragments = entry(file, value, diagnostics)
                    .map(|at: At<_>| at.value)
                    .unwrap_or_default();
            }
            other => diagnostics.push(RuleDiagnostic::new(
                &file.name,
                &file.text,
                key_span,
                format!("unknown table `{other}`"),
                "not a rule table",
                Some(
                    "rule files contain [meta], [fragments], [[fact]], [[event]], [[entity]] \
                     and [[claim]]"
                        .to_string(),
                ),
            )),
        }
    }
    parsed
}

fn entries<T: DeserializeOwned>(
    file: &RuleFile,
    value: toml::Spanned<DeValue<'_>>,
    table: &str,
    diagnostics: &mut Vec<RuleDiagnostic>,
) -> Vec<At<T>> {
    let span = value.span();
    match value.into_inner() {
        DeValue::Array(items) => items
            .into_iter()
            .filter_map(|item| entry(file, item, diagnostics))
            .collect(),
        other => {
            diagnostics.push(RuleDiagnostic::new(
                &file.name,
                &file.text,
                span,
                format!(
                    "`{table}` must be an array of tables, found {}",
                    other.type_str()
                ),
                "here",
                Some(format!("write each entry as [[{table}]]")),
            ));
            Vec::new()
        }
    }
}

fn entry<T: DeserializeOwned>(
    file: &RuleFile,
    value: toml::Spanned<DeValue<'_>>,
    diagnostics: &mut Vec<RuleDiagnostic>,
) -> Option<At<T>> {
    let span = value.span();
    match T::deserialize(ValueDeserializer::from(value)) {
        Ok(value) => Some(At { value, span }),
        Err(err) => {
            let mut diagnostic = toml_error(file, &err, "invalid rule");
            if err.span().is_none() {
                diagnostic = RuleDiagnostic::new(
                    &file.name,
                    &file.text,
                    span.start..span.start,
                    diagnostic.message,
                    "in this entry",
                    diagnostic.help,
                );
            }
            diagnostics.push(diagnostic);
            None
        }
    }
}

/// What each untagged schema type accepts, for "did not match any variant" errors.
const TYPE_HINTS: &[(&str, &str)] = &[
    (
        "RawTolerance",
        "a tolerance is a percentage string (\"15%\") or a number",
    ),
    (
        "RawValue",
        "a value is a string (\"1e9 USD\"), a number, or { amount = …, unit = … }",
    ),
    (
        "RawDate",
        "a date is a TOML date (1992-06-29), a string (\"2023-08\", \"1959\"), or { start = …, end = … }",
    ),
    (
        "RawMisspelling",
        "a wrong form is a string or { form = …, fix = … }",
    ),
    (
        "RawTitles",
        "a role title is a list of strings or a table of lists per language",
    ),
];

fn toml_error(file: &RuleFile, err: &toml::de::Error, what: &str) -> RuleDiagnostic {
    let mut message = err.message().trim().to_string();
    if let Some((_, hint)) = TYPE_HINTS.iter().find(|(name, _)| message.contains(name)) {
        message = format!("wrong type: {hint}");
    }
    let help = if message.starts_with("unknown field") {
        Some("remove the field or fix its spelling (see docs/rules.md)".to_string())
    } else if message.starts_with("missing field") {
        Some("add the field; see docs/rules.md for the table's fields".to_string())
    } else if message.contains("did not match any variant") {
        Some("check the value's type against docs/rules.md".to_string())
    } else {
        None
    };
    RuleDiagnostic::new(
        &file.name,
        &file.text,
        err.span().unwrap_or(0..0),
        format!("{what}: {message}"),
        "here",
        help,
    )
}
