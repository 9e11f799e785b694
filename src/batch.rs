//! `factlint parse --jsonl`: one JSON object per input line → one JSON line per input,
//! in order, never dropped. Lines are read in chunks (bounded memory) and each chunk is
//! read in parallel; output order is the input order.

use std::io::BufRead;

use factlint::Error;
use serde_json::{Value, json};

/// Lines per chunk: large enough to keep both cores busy, small enough to bound memory.
const CHUNK_LINES: usize = 4096;

/// Reads JSON lines from `input`, hands each chunk of output lines to `emit`.
pub(crate) fn run(
    mut input: impl BufRead,
    mut emit: impl FnMut(&[String]) -> Result<(), Error>,
) -> Result<(), Error> {
    use rayon::prelude::*;
    let mut chunk: Vec<String> = Vec::with_capacity(CHUNK_LINES);
    loop {
        chunk.clear();
        let mut eof = false;
        while chunk.len() < CHUNK_LINES {
            let mut buf = Vec::new();
            let read = input
                .read_until(b'\n', &mut buf)
                .map_err(|source| Error::Io {
                    path: "<stdin>".into(),
                    source,
                })?;
            if read == 0 {
                eof = true;
                break;
            }
            // Invalid UTF-8 is answered as an error line, not a crash.
            chunk.push(String::from_utf8_lossy(&buf).into_owned());
        }
        let answers: Vec<String> = chunk.par_iter().map(|line| answer(line)).collect();
        emit(&answers)?;
        if eof {
            return Ok(());
        }
    }
}

/// The output line for one input line.
fn answer(line: &str) -> String {
    let line = line.trim_end_matches(['\n', '\r']);
    let request: Value = match serde_json::from_str(line) {
        Ok(value @ Value::Object(_)) => value,
        Ok(_) => {
            return json!({ "id": null, "error": "each line must be a JSON object" }).to_string();
        }
        Err(err) => {
            return json!({ "id": null, "error": format!("invalid JSON: {err}") }).to_string();
        }
    };
    let id = request.get("id").cloned().unwrap_or(Value::Null);
    let field = |name: &str| request.get(name).and_then(Value::as_str);
    let Some(text) = field("text") else {
        return json!({ "id": id, "error": "missing string field `text`" }).to_string();
    };
    let lang = field("lang").unwrap_or("en");
    let doc_date = match field("doc_date").map(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d"))
    {
        Some(Err(_)) => {
            return json!({ "id": id, "error": "doc_date must be YYYY-MM-DD" }).to_string();
        }
        Some(Ok(date)) => Some(date),
        None => None,
    };
    let hint = match field("kind") {
        Some(name) => match factlint::reading::kind_by_name(name) {
            Some(kind) => Some(kind),
            None => {
                return json!({ "id": id, "error": format!("unknown kind `{name}`") }).to_string();
            }
        },
        None => None,
    };
    match factlint::reading::read(text, lang, doc_date, hint) {
        Ok(reading) => {
            let mut value = serde_json::to_value(reading).unwrap_or(Value::Null);
            if let Value::Object(map) = &mut value {
                map.insert("id".to_string(), id);
            }
            value.to_string()
        }
        Err(error) => json!({ "id": id, "error": error }).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::answer;

    #[test]
    fn every_line_gets_an_answer() {
        assert!(answer("not json").contains("invalid JSON"));
        assert!(answer("[1]").contains("JSON object"));
        assert!(answer(r#"{"id": 7}"#).contains("missing string field"));
        let ok = answer(r#"{"id": "a", "lang": "de", "text": "etwa 1 Milliarde US-Dollar"}"#);
        assert!(
            ok.contains(r#""id":"a""#) && ok.contains(r#""kind":"money""#),
            "{ok}"
        );
    }
}
