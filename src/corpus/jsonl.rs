//! JSON Lines exports (`.jsonl`): one document per line (issue 11).
//!
//! Which fields hold the text, date, language and id is set by [`JsonlFields`]
//! (`--jsonl-fields text=body,date=published_at,lang=language,id=url`; defaults
//! `text=text,date=date,lang=lang,id=id`; a dotted name reads a nested field).
//! Each line becomes a [`Document`] named `FILE#ID` when the id field is present, else
//! `FILE#LINE`; its `text` is the decoded text field, so spans are byte offsets in that
//! field, and [`Document::record_line`] remembers the line: reports give the JSONL line
//! as `line` and the character offset inside the field (1-based) as `column`.
//! Blank lines are skipped; a line that is not a JSON object, or lacks the text field,
//! is a per-line problem and the other lines are still read.

use std::str::FromStr;

use super::front_matter::parse_date;
use super::{Document, InputProblem, LangOrigin};
use crate::check::Severity;

/// Which JSON fields of a JSON Lines record hold the document's parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonlFields {
    /// The text to check.
    pub text: String,
    /// The publication date (`YYYY-MM-DD`, optionally followed by a time).
    pub date: String,
    /// The language code.
    pub lang: String,
    /// A stable id (URL, slug) used to name the document.
    pub id: String,
}

impl Default for JsonlFields {
    fn default() -> Self {
        JsonlFields {
            text: "text".into(),
            date: "date".into(),
            lang: "lang".into(),
            id: "id".into(),
        }
    }
}

impl FromStr for JsonlFields {
    type Err = String;

    /// Parses `text=body,date=published_at`; unnamed roles keep their default.
    fn from_str(spec: &str) -> Result<Self, String> {
        let mut fields = JsonlFields::default();
        for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let Some((role, field)) = part.split_once('=') else {
                return Err(format!("`{part}` is not ROLE=FIELD (e.g. text=body)"));
            };
            let field = field.trim();
            if field.is_empty() {
                return Err(format!("no field name for `{}`", role.trim()));
            }
            let slot = match role.trim() {
                "text" => &mut fields.text,
                "date" => &mut fields.date,
                "lang" => &mut fields.lang,
                "id" => &mut fields.id,
                other => {
                    return Err(format!(
                        "unknown role `{other}` (expected text, date, lang or id)"
                    ));
                }
            };
            *slot = field.to_string();
        }
        Ok(fields)
    }
}

/// The documents of one JSON Lines file named `name`, and the lines that failed.
pub(crate) fn read(
    name: &str,
    text: &str,
    fields: &JsonlFields,
    default_lang: &str,
) -> (Vec<Document>, Vec<InputProblem>) {
    let mut documents = Vec::new();
    let mut problems = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        if line.trim().is_empty() {
            continue;
        }
        let problem = |message: String| InputProblem {
            file: format!("{name}#{number}"),
            severity: Severity::Error,
            offset: None,
            code: "jsonl-record",
            message: format!("line {number}: {message}; the record was not checked"),
        };
        let record: serde_json::Value = match serde_json::from_str(line) {
            Ok(serde_json::Value::Object(map)) => serde_json::Value::Object(map),
            Ok(_) => {
                problems.push(problem("not a JSON object".into()));
                continue;
            }
            Err(err) => {
                problems.push(problem(format!("invalid JSON: {err}")));
                continue;
            }
        };
        let Some(body) = field(&record, &fields.text).and_then(|v| v.as_str()) else {
            problems.push(problem(format!("no string field `{}`", fields.text)));
            continue;
        };
        let scalar = |path: &str| {
            field(&record, path).and_then(|v| match v {
                serde_json::Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
                serde_json::Value::Number(n) => Some(n.to_string()),
                _ => None,
            })
        };
        let doc_name = match scalar(&fields.id) {
            Some(id) => format!("{name}#{id}"),
            None => format!("{name}#{number}"),
        };
        let mut doc = Document::new(doc_name, default_lang, None, body);
        doc.record_line = Some(number);
        doc.lang_origin = LangOrigin::Default;
        if let Some(lang) = scalar(&fields.lang) {
            doc.lang = lang.to_ascii_lowercase();
            doc.lang_origin = LangOrigin::Declared;
        }
        if let Some(date) = scalar(&fields.date) {
            doc.date = parse_date(&date);
            if doc.date.is_none() {
                problems.push(InputProblem {
                    severity: Severity::Warning,
                    code: "jsonl-date",
                    message: format!("line {number}: date `{date}` is not YYYY-MM-DD"),
                    file: doc.name.clone(),
                    offset: None,
                });
            }
        }
        documents.push(doc);
    }
    (documents, problems)
}

/// A field by dotted path (`meta.published`).
fn field<'a>(record: &'a serde_json::Value, path: &str) -> Option<&'a serde_json::Value> {
    path.split('.')
        .try_fold(record, |value, key| value.get(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_field_specs() {
        let f: JsonlFields = "text=body, id=url".parse().expect("valid");
        assert_eq!(
            (f.text.as_str(), f.id.as_str(), f.date.as_str()),
            ("body", "url", "date")
        );
        assert!("text".parse::<JsonlFields>().is_err());
        assert!("body=text".parse::<JsonlFields>().is_err());
        assert!("text=".parse::<JsonlFields>().is_err());
    }

    #[test]
    fn one_document_per_line_and_problems_per_line() {
        let text = "{\"text\":\"a\\nb\",\"lang\":\"VI\",\"date\":\"2025-05-05T10:00:00Z\",\"id\":\"x\"}\n\n[1]\n{oops\n{\"body\":1}\n{\"text\":\"c\"}\n";
        let (docs, problems) = read("e.jsonl", text, &JsonlFields::default(), "en");
        let names: Vec<&str> = docs.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["e.jsonl#x", "e.jsonl#6"]);
        assert_eq!(docs[0].text, "a\nb");
        assert_eq!(docs[0].lang, "vi");
        assert_eq!(docs[0].record_line, Some(1));
        assert_eq!(docs[0].date, chrono::NaiveDate::from_ymd_opt(2025, 5, 5));
        let files: Vec<&str> = problems.iter().map(|p| p.file.as_str()).collect();
        assert_eq!(files, ["e.jsonl#3", "e.jsonl#4", "e.jsonl#5"]);
    }
}
