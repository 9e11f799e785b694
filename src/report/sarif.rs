//! The SARIF 2.1.0 report (`--format sarif`), built from the `serde-sarif` object model.
//!
//! Last stage of the pipeline, like the other renderers. One run whose `tool.driver`
//! lists every rule id that occurs (descriptions from the claim's `description` and
//! `help` when the rules are known); one result per finding with its level, message,
//! physical location (1-based line/column in Unicode code points — declared with
//! `columnKind` — plus `byteOffset`/`byteLength` of the original file), related
//! locations with their notes, a `partialFingerprints` entry equal to the baseline
//! fingerprint, and `fixes` for findings that carry a [`Fix`](crate::check::Fix).

use std::collections::{BTreeMap, BTreeSet};

use serde_sarif::sarif::{
    ArtifactChange, ArtifactContent, ArtifactLocation, Fix as SarifFix, Location, Message,
    MultiformatMessageString, PhysicalLocation, Region, Replacement, ReportingDescriptor,
    Result as SarifResult, ResultLevel, Run, Sarif, Tool, ToolComponent,
};

use super::Report;
use super::position::line_column;
use crate::check::{Finding, Fix, Severity, Span};
use crate::gate::fingerprint;
use crate::rules::Rules;

/// Where SARIF consumers find the schema this output follows.
const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// The `partialFingerprints` key; the suffix is the fingerprint version.
pub(crate) const FINGERPRINT_KEY: &str = "factlint/v1";
/// Used when Cargo.toml names no `repository`.
const FALLBACK_INFORMATION_URI: &str = "https://github.com/factlint/factlint";

fn information_uri() -> &'static str {
    match env!("CARGO_PKG_REPOSITORY") {
        "" => FALLBACK_INFORMATION_URI,
        repository => repository,
    }
}

/// Renders `report` as a SARIF log; `rules` supplies rule descriptions when given.
pub(crate) fn render(report: &Report, rules: Option<&Rules>) -> String {
    let descriptors = descriptors(report, rules);
    let index: BTreeMap<&str, i64> = descriptors
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i as i64))
        .collect();
    let mut occurrences: BTreeMap<String, usize> = BTreeMap::new();
    let results: Vec<SarifResult> = report
        .findings
        .iter()
        .map(|f| {
            let text = report.text(&f.file);
            let hash = fingerprint::fingerprint(f, text.as_deref().unwrap_or(""));
            let seen = occurrences.entry(hash.clone()).or_default();
            *seen += 1;
            let partial = format!("{hash}:{seen}");
            result(report, f, index.get(f.rule.as_str()).copied(), partial)
        })
        .collect();
    let driver = ToolComponent::builder()
        .name("factlint")
        .version(env!("CARGO_PKG_VERSION"))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .information_uri(information_uri())
        .rules(descriptors)
        .build();
    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .results(results)
        .column_kind(serde_json::json!("unicodeCodePoints"))
        .build();
    let log = Sarif::builder()
        .schema(SCHEMA_URI)
        .version(serde_json::json!("2.1.0"))
        .runs(vec![run])
        .build();
    let mut out = serde_json::to_string_pretty(&log).expect("SARIF types always serialise");
    out.push('\n');
    out
}

/// One descriptor per rule id that occurs, sorted by id.
fn descriptors(report: &Report, rules: Option<&Rules>) -> Vec<ReportingDescriptor> {
    let ids: BTreeSet<(&str, &str)> = report
        .findings
        .iter()
        .map(|f| (f.rule.as_str(), f.kind.as_str()))
        .collect();
    let mut seen = BTreeSet::new();
    ids.into_iter()
        .filter(|(id, _)| seen.insert(*id))
        .map(|(id, kind)| descriptor(id, kind, rules))
        .collect()
}

fn descriptor(id: &str, kind: &str, rules: Option<&Rules>) -> ReportingDescriptor {
    let claim = rules.and_then(|r| r.claims.iter().find(|c| c.id == id));
    let short = match claim {
        Some(claim) => claim
            .description
            .as_deref()
            .map(first_sentence)
            .unwrap_or_else(|| format!("{kind} claim `{id}`")),
        None => builtin_description(id, kind),
    };
    let full = claim.and_then(|c| c.description.clone());
    let help = claim.and_then(|c| c.help.clone());
    let text = |t: String| MultiformatMessageString::builder().text(t).build();
    let mut descriptor = ReportingDescriptor::builder()
        .id(id)
        .short_description(text(short))
        .build();
    descriptor.full_description = full.map(text);
    descriptor.help = help.map(text);
    descriptor
}

/// The first sentence of a description, on one line (SARIF's short description).
fn first_sentence(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.find(". ") {
        Some(end) => flat[..=end].to_string(),
        None => flat,
    }
}

/// Descriptions of rule ids that do not come from a rule file.
fn builtin_description(id: &str, kind: &str) -> String {
    match id {
        "misspelled-name" => "a known misspelling of an entity's name".into(),
        "discouraged-name" => "a discouraged form of an entity's name".into(),
        "near-miss-name" => "a name that is nearly, but not exactly, an entity's name".into(),
        "role-conflict" => "a title the person did not hold on the document's date".into(),
        "role-start" => "a date given for a person taking office that is not when they did".into(),
        "former-name" => "a name the entity no longer bore on the document's date".into(),
        "deceased-marker" => "\"the late\" before the name of a person who was alive".into(),
        "wrong-weekday" => "a weekday that is not the weekday of the date beside it".into(),
        "wrong-relative-day" => "a relative day that is not the date beside it".into(),
        "unused-suppression" => "a suppression comment that suppresses nothing".into(),
        "unknown-language" => "a document in a language without a language pack".into(),
        "front-matter" => "a problem in a document's front matter".into(),
        "skipped-file" => "a file that is not a document type factlint reads".into(),
        "binary-file" | "invalid-utf8" | "invalid-utf16" | "unreadable-file" => {
            "a file that could not be read as text".into()
        }
        _ => format!("{kind} finding `{id}`"),
    }
}

/// One result; `partial` is the baseline fingerprint plus `:N`, the occurrence number
/// among findings with the same fingerprint (the same misspelling three times in one
/// file), so code-scanning tools keep them apart.
fn result(
    report: &Report,
    finding: &Finding,
    rule_index: Option<i64>,
    partial: String,
) -> SarifResult {
    let mut fingerprints = BTreeMap::new();
    fingerprints.insert(FINGERPRINT_KEY.to_string(), partial);
    let related: Vec<Location> = finding
        .related
        .iter()
        .enumerate()
        .map(|(i, r)| {
            Location::builder()
                .id(i as i64)
                .physical_location(physical(report, &r.file, r.span))
                .message(message(&r.note))
                .build()
        })
        .collect();
    let mut result = SarifResult::builder()
        .rule_id(finding.rule.as_str())
        .level(level(finding.severity))
        .message(message(&finding.message))
        .locations(vec![
            Location::builder()
                .physical_location(physical(report, &finding.file, finding.span))
                .build(),
        ])
        .partial_fingerprints(fingerprints)
        .build();
    result.rule_index = rule_index;
    if !related.is_empty() {
        result.related_locations = Some(related);
    }
    if let Some(fix) = &finding.fix {
        result.fixes = Some(vec![sarif_fix(report, finding, fix)]);
    }
    result
}

fn level(severity: Severity) -> ResultLevel {
    match severity {
        Severity::Error => ResultLevel::Error,
        Severity::Warning => ResultLevel::Warning,
        Severity::Note => ResultLevel::Note,
    }
}

fn message(text: &str) -> Message {
    Message::builder().text(text).build()
}

fn physical(report: &Report, file: &str, span: Span) -> PhysicalLocation {
    PhysicalLocation::builder()
        .artifact_location(artifact(file))
        .region(region(report.text(file).as_deref(), span))
        .build()
}

fn artifact(file: &str) -> ArtifactLocation {
    ArtifactLocation::builder().uri(uri(file)).build()
}

/// A region with line/column (when the text is known) and byte offsets.
fn region(text: Option<&str>, span: Span) -> Region {
    let mut region = Region::builder()
        .byte_offset(span.start as i64)
        .byte_length(span.end.saturating_sub(span.start) as i64)
        .build();
    if let Some(text) = text {
        let (start_line, start_column) = line_column(text, span.start);
        let (end_line, end_column) = line_column(text, span.end);
        region.start_line = Some(start_line as i64);
        region.start_column = Some(start_column as i64);
        region.end_line = Some(end_line as i64);
        region.end_column = Some(end_column as i64);
    }
    region
}

fn sarif_fix(report: &Report, finding: &Finding, fix: &Fix) -> SarifFix {
    let text = report.text(&finding.file);
    let replacements: Vec<Replacement> = fix
        .edits
        .iter()
        .map(|edit| {
            Replacement::builder()
                .deleted_region(region(text.as_deref(), edit.span))
                .inserted_content(
                    ArtifactContent::builder()
                        .text(edit.replacement.as_str())
                        .build(),
                )
                .build()
        })
        .collect();
    let change = ArtifactChange::builder()
        .artifact_location(artifact(&finding.file))
        .replacements(replacements)
        .build();
    SarifFix::builder()
        .artifact_changes(vec![change])
        .description(message(
            finding
                .help
                .as_deref()
                .unwrap_or("apply the suggested replacement"),
        ))
        .build()
}

/// A relative URI reference for a `/`-separated path: characters outside RFC 3986's
/// unreserved set (and `/`) are percent-encoded as UTF-8.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{first_sentence, uri};

    #[test]
    fn short_description_is_the_first_sentence() {
        assert_eq!(
            first_sentence("Trade for a\nyear. More."),
            "Trade for a year."
        );
        assert_eq!(first_sentence("No stop"), "No stop");
    }

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(uri("seeds/a b.txt"), "seeds/a%20b.txt");
        assert_eq!(uri("tin/Tô.md"), "tin/T%C3%B4.md");
        assert_eq!(uri("x:y#z"), "x%3Ay%23z");
    }
}
