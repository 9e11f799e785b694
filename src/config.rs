//! `factlint.toml`: project configuration, found by walking up from the working
//! directory (like `.gitignore`-aware tools find their config).
//!
//! ```toml
//! rules = ["rules"]            # rule files or directories (relative to this file)
//! paths = ["articles"]         # what `factlint check` reads by default
//! exclude = ["drafts/**"]      # documents never checked (globs, relative paths)
//! format = "human"             # default --format
//! fail_on = "error"            # default --fail-on
//!
//! [severity]                   # per-rule overrides
//! agreement = "note"
//!
//! [[ignore]]                   # findings dropped for matching files
//! path = "archive/**"
//! rules = ["near-miss-name"]   # omit for all rules
//! ```
//! Command-line flags win over the file. Errors are located diagnostics (exit 2).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;

use crate::check::{Finding, Severity};
use crate::error::{Error, RuleDiagnostic, RuleErrors};
use crate::report::Report;

/// File name of the configuration.
pub const CONFIG_NAME: &str = "factlint.toml";

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    rules: Vec<String>,
    #[serde(default)]
    paths: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    format: Option<String>,
    #[serde(alias = "fail-on")]
    fail_on: Option<String>,
    #[serde(default)]
    severity: BTreeMap<String, Severity>,
    #[serde(default)]
    ignore: Vec<RawIgnore>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIgnore {
    path: String,
    rules: Option<Vec<String>>,
}

/// A loaded configuration; paths are relative to the working directory.
#[derive(Debug, Default)]
pub struct Config {
    /// Where the file was found (`None`: no configuration).
    pub file: Option<PathBuf>,
    /// The file's directory as seen from the working directory (empty: here); the
    /// built-in defaults (`rules/`, `seeds/`) are taken relative to it.
    pub base: PathBuf,
    /// Rule files or directories.
    pub rules: Vec<PathBuf>,
    /// Default document paths.
    pub paths: Vec<PathBuf>,
    /// Default output format name.
    pub format: Option<String>,
    /// Default fail-on level name.
    pub fail_on: Option<String>,
    severity: BTreeMap<String, Severity>,
    exclude: Option<GlobSet>,
    ignore: Vec<(GlobSet, Option<Vec<String>>)>,
}

impl Config {
    /// Finds `factlint.toml` in `start` or a parent and loads it; no file = defaults.
    pub fn discover(start: &Path) -> Result<Config, Error> {
        let mut dir = Some(start);
        while let Some(current) = dir {
            let candidate = current.join(CONFIG_NAME);
            if candidate.is_file() {
                return Config::load(&candidate, start);
            }
            dir = current.parent();
        }
        Ok(Config::default())
    }

    /// Loads `path`; paths in it are made relative to `cwd`.
    pub fn load(path: &Path, cwd: &Path) -> Result<Config, Error> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let name = crate::corpus::display_path(path);
        let locate = |span: std::ops::Range<usize>, message: String| {
            Error::Rules(RuleErrors(vec![RuleDiagnostic::new(
                &name,
                &text,
                span,
                message,
                "here",
                Some("see docs/cli.md, section \"factlint.toml\"".into()),
            )]))
        };
        let raw: RawConfig = toml::from_str(&text).map_err(|err| {
            locate(
                err.span().unwrap_or(0..0),
                format!("invalid {CONFIG_NAME}: {}", err.message()),
            )
        })?;
        let base = relative_base(path.parent().unwrap_or(Path::new(".")), cwd);
        let glob_set = |patterns: &[String]| -> Result<GlobSet, Error> {
            let mut builder = GlobSetBuilder::new();
            for pattern in patterns {
                let glob = Glob::new(&base.join(pattern).to_string_lossy()).map_err(|e| {
                    locate(
                        find(&text, pattern),
                        format!("invalid glob `{pattern}`: {e}"),
                    )
                })?;
                builder.add(glob);
            }
            builder
                .build()
                .map_err(|e| locate(0..0, format!("invalid globs: {e}")))
        };
        for (value, field) in [(&raw.format, "format"), (&raw.fail_on, "fail_on")] {
            let allowed: &[&str] = if field == "format" {
                &["human", "json", "snapshot", "sarif", "github"]
            } else {
                &["error", "warning", "never"]
            };
            if let Some(v) = value.as_deref().filter(|v| !allowed.contains(v)) {
                return Err(locate(
                    find(&text, v),
                    format!("`{field}` must be one of {}", allowed.join(", ")),
                ));
            }
        }
        Ok(Config {
            file: Some(path.to_path_buf()),
            base: base.clone(),
            rules: raw.rules.iter().map(|r| base.join(r)).collect(),
            paths: raw.paths.iter().map(|p| base.join(p)).collect(),
            format: raw.format,
            fail_on: raw.fail_on,
            severity: raw.severity,
            exclude: if raw.exclude.is_empty() {
                None
            } else {
                Some(glob_set(&raw.exclude)?)
            },
            ignore: raw
                .ignore
                .iter()
                .map(|i| Ok((glob_set(std::slice::from_ref(&i.path))?, i.rules.clone())))
                .collect::<Result<_, Error>>()?,
        })
    }

    /// Whether the document named `name` is excluded from checking.
    pub fn excludes(&self, name: &str) -> bool {
        self.exclude.as_ref().is_some_and(|e| e.is_match(name))
    }

    /// Applies `[severity]` overrides and `[[ignore]]` entries to a report.
    pub fn apply(&self, report: Report) -> Report {
        if self.severity.is_empty() && self.ignore.is_empty() {
            return report;
        }
        let mut report = report;
        let findings: Vec<Finding> = std::mem::take(&mut report.findings)
            .into_iter()
            .filter(|f| !self.ignored(f))
            .map(|mut f| {
                if let Some(severity) = self.severity.get(&f.rule) {
                    f.severity = *severity;
                }
                f
            })
            .collect();
        report.with_findings(findings)
    }

    fn ignored(&self, finding: &Finding) -> bool {
        self.ignore.iter().any(|(globs, rules)| {
            globs.is_match(&finding.file)
                && rules.as_ref().is_none_or(|r| r.contains(&finding.rule))
        })
    }
}

/// The config file's directory as seen from `cwd` (`.`-free, so globs match the
/// display names of documents).
fn relative_base(dir: &Path, cwd: &Path) -> PathBuf {
    let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let cwd = cwd.canonicalize().unwrap_or_else(|_| cwd.to_path_buf());
    match dir.strip_prefix(&cwd) {
        Ok(rest) => rest.to_path_buf(),
        Err(_) => dir,
    }
}

fn find(text: &str, needle: &str) -> std::ops::Range<usize> {
    text.find(needle).map_or(0..0, |at| at..at + needle.len())
}

/// The starter configuration `factlint init` writes.
pub const STARTER_CONFIG: &str = r#"# factlint configuration (docs/cli.md, section "factlint.toml").
# Paths are relative to this file; command-line flags win over these settings.

# Rule files, or directories of *.toml rule files (and lang/*.toml language packs).
rules = ["rules"]

# What `factlint check` reads when no paths are given.
paths = ["articles"]

# Documents never checked (globs).
exclude = ["**/drafts/**"]

# Default output format (human, json, snapshot, sarif, github) and failure level
# (error, warning, never).
format = "human"
fail_on = "error"

# Per-rule severity overrides.
[severity]
# agreement = "note"

# Findings dropped for matching files; omit `rules` to drop all.
# [[ignore]]
# path = "archive/**"
# rules = ["near-miss-name"]
"#;

/// The starter rule file `factlint init` writes to `rules/example.toml`.
pub const STARTER_RULES: &str = r#"# An example rule file (docs/rules.md is the full reference).

[meta]
name = "example"
default_lang = "en"

[[fact]]
key = "population/exampleland/2024"
value = "5.2e6"
tolerance = "2%"
source = "Exampleland statistics office, 2025"

[[claim]]
id = "population"
kind = "quantity"
key = "population/exampleland/{year}"
value = "number"
description = "Population of Exampleland by year."
[claim.cues]
en = [["population", "inhabitants", "residents"]]
[claim.context]
en = [["exampleland"]]

[[claim.example]]
text = "Exampleland's population reached 6.1 million in 2024."
lang = "en"
expect = "conflict"

[[claim.example]]
text = "Exampleland had a population of about 5.2 million in 2024."
lang = "en"
expect = "ok"

[[entity]]
id = "exampleland"
kind = "place"
name = "Exampleland"
misspellings = ["Examplelnad"]
"#;
