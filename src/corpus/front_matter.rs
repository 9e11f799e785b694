//! Front matter at the top of a text or Markdown document: a YAML block between `---`
//! lines (read with a real YAML parser) or a TOML block between `+++` lines.
//!
//! It is metadata, not checked text; spans still count the bytes of the original file,
//! so the checked body simply starts after the closing line. Keys read: `date`
//! (`published`, `published_at`), `lang` (`language`), `title`, `outlet` (`source`,
//! `publisher`). A block that does not parse as a mapping is not front matter.

use chrono::NaiveDate;

/// Metadata read from a front-matter block (all `None` when there is none).
#[derive(Debug, Default, PartialEq)]
pub(crate) struct FrontMatter {
    pub date: Option<NaiveDate>,
    pub lang: Option<String>,
    pub outlet: Option<String>,
    pub title: Option<String>,
    /// Byte offset of the first byte after the block (0 when there is no block).
    pub body_start: usize,
    /// Unreadable values: (byte offset, message).
    pub problems: Vec<(usize, String)>,
}

/// Reads the front matter at the very top of `text`, if any.
pub(crate) fn parse(text: &str) -> FrontMatter {
    let start = usize::from(text.starts_with('\u{feff}')) * '\u{feff}'.len_utf8();
    let Some(first) = text[start..].split_inclusive('\n').next() else {
        return FrontMatter::default();
    };
    let fence = first.trim_end();
    if fence != "---" && fence != "+++" {
        return FrontMatter::default();
    }
    let block_start = start + first.len();
    let mut offset = block_start;
    for line in text[block_start..].split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        if line.trim_end() == fence {
            let block = &text[block_start..line_start];
            let (fields, problem) = match read_fields(block, fence == "---") {
                Ok(fields) => (fields, None),
                // A block of `key: value` lines with a slip ("title: heritage: nine
                // sites") is still front matter: its fields are read line by line,
                // with a warning, rather than its date and language being lost.
                Err((at, error)) => match fields_by_line(block, fence == "---") {
                    Some(fields) => (fields, Some((block_start + at, error))),
                    None => return FrontMatter::default(),
                },
            };
            let mut fm = FrontMatter {
                body_start: offset,
                ..FrontMatter::default()
            };
            if let Some((at, error)) = problem {
                fm.problems.push((
                    at,
                    format!(
                        "front matter does not parse ({error}); its `key: value` lines \
                         were read one by one (quote a value that holds a colon)"
                    ),
                ));
            }
            for (key, value) in fields {
                apply(&mut fm, block_start, &key, value);
            }
            return fm;
        }
    }
    // No closing line: treat the whole file as text.
    FrontMatter::default()
}

/// The fields of a YAML (`yaml`) or TOML block, or where and why it does not parse
/// (byte offset in the block, message).
fn read_fields(block: &str, yaml: bool) -> Result<Vec<(String, String)>, (usize, String)> {
    if yaml {
        yaml_fields(block)
    } else {
        toml_fields(block)
    }
}

/// The `key: value` (`yaml`) or `key = value` lines of a block that does not parse,
/// a key being one word, as (lowercased key, value without its quotes); `None` when
/// no line is one (then the block is not front matter).
fn fields_by_line(block: &str, yaml: bool) -> Option<Vec<(String, String)>> {
    let separator = if yaml { ':' } else { '=' };
    let fields: Vec<(String, String)> = block
        .lines()
        .filter_map(|line| {
            let (key, value) = line.split_once(separator)?;
            let key = key.trim_end();
            let one_word = !key.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
            let value = value.trim();
            let unquoted = ['"', '\'']
                .iter()
                .find_map(|&q| value.strip_prefix(q)?.strip_suffix(q))
                .unwrap_or(value);
            one_word.then(|| (key.to_ascii_lowercase(), unquoted.to_string()))
        })
        .collect();
    (!fields.is_empty()).then_some(fields)
}

/// (lowercased key, value as text) of a YAML mapping, or where and why it is not one.
fn yaml_fields(block: &str) -> Result<Vec<(String, String)>, (usize, String)> {
    let value: serde_yaml_ng::Value = serde_yaml_ng::from_str(block).map_err(|err| {
        let at = err.location().map_or(0, |location| location.index());
        // The finding gives the place: not the message's line in the block.
        let message = err.to_string();
        let message = message.split(" at line ").next().unwrap_or(&message);
        (at.min(block.len()), message.to_string())
    })?;
    let mapping = match value {
        serde_yaml_ng::Value::Mapping(mapping) => mapping,
        serde_yaml_ng::Value::Null => return Ok(Vec::new()),
        _ => return Err((0, "it is not a mapping of keys to values".into())),
    };
    let scalar = |v: &serde_yaml_ng::Value| match v {
        serde_yaml_ng::Value::String(s) => Some(s.clone()),
        serde_yaml_ng::Value::Number(n) => Some(n.to_string()),
        serde_yaml_ng::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    };
    Ok(mapping
        .iter()
        .filter_map(|(k, v)| Some((scalar(k)?.to_ascii_lowercase(), scalar(v)?)))
        .collect())
}

/// (lowercased key, value as text) of a TOML table, or where and why it does not
/// parse.
fn toml_fields(block: &str) -> Result<Vec<(String, String)>, (usize, String)> {
    let table: toml::Table = toml::from_str(block).map_err(|err| {
        let at = err.span().map_or(0, |span| span.start);
        (at.min(block.len()), err.message().to_string())
    })?;
    Ok(table
        .into_iter()
        .filter_map(|(k, v)| {
            let value = match v {
                toml::Value::String(s) => s,
                toml::Value::Datetime(dt) => dt.to_string(),
                toml::Value::Integer(i) => i.to_string(),
                _ => return None,
            };
            Some((k.to_ascii_lowercase(), value))
        })
        .collect())
}

fn apply(fm: &mut FrontMatter, at: usize, key: &str, value: String) {
    let value = value.trim().to_string();
    let value_opt = (!value.is_empty()).then_some(value);
    match key {
        "date" | "published" | "published_at" => {
            let Some(value) = value_opt else { return };
            match parse_date(&value) {
                Some(date) => fm.date = Some(date),
                None => fm
                    .problems
                    .push((at, format!("front matter date `{value}` is not YYYY-MM-DD"))),
            }
        }
        "lang" | "language" => fm.lang = value_opt.map(|v| v.to_ascii_lowercase()),
        "outlet" | "source" | "publisher" => fm.outlet = value_opt,
        "title" => fm.title = value_opt,
        _ => {}
    }
}

/// A `YYYY-MM-DD` date, possibly followed by a time (`2025-05-05T21:13:00+07:00`).
pub(crate) fn parse_date(value: &str) -> Option<NaiveDate> {
    let day = value.get(..10)?;
    let rest = &value[10..];
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_yaml_block_and_body_offset() {
        let text = "---\ndate: 2025-05-05\nlang: vi\ntitle: \"X: y\"\ntags: [a, b]\n---\nBody";
        let fm = parse(text);
        assert_eq!(fm.date, NaiveDate::from_ymd_opt(2025, 5, 5));
        assert_eq!(fm.lang.as_deref(), Some("vi"));
        assert_eq!(fm.title.as_deref(), Some("X: y"));
        assert_eq!(&text[fm.body_start..], "Body");
    }

    #[test]
    fn reads_toml_block() {
        let text = "+++\ndate = 2025-05-05\nlang = \"de\"\noutlet = \"DW\"\n+++\nBody";
        let fm = parse(text);
        assert_eq!(fm.date, NaiveDate::from_ymd_opt(2025, 5, 5));
        assert_eq!(fm.lang.as_deref(), Some("de"));
        assert_eq!(fm.outlet.as_deref(), Some("DW"));
        assert_eq!(&text[fm.body_start..], "Body");
    }

    #[test]
    fn no_block_or_unclosed_block_is_all_body() {
        assert_eq!(parse("Body\n---\n").body_start, 0);
        assert_eq!(parse("---\ndate: 2025-01-01\nno end").body_start, 0);
        assert_eq!(parse("---\nnot a field\n---\n").body_start, 0);
        assert_eq!(parse("---\n: [unclosed\n---\n").body_start, 0);
        assert_eq!(parse("+++\nnot toml\n+++\n").body_start, 0);
    }

    /// A block of `key: value` lines that does not parse (an unquoted colon in a
    /// value) keeps its date and language, read line by line, with a warning where
    /// the parse failed; a block with no such line is no front matter.
    #[test]
    fn unparsable_block_is_read_line_by_line_with_a_problem() {
        let text = "---\ntitle: heritage: nine sites\ndate: 2025-03-01\nlang: 'vi'\n---\nBody";
        let fm = parse(text);
        assert_eq!(fm.date, NaiveDate::from_ymd_opt(2025, 3, 1));
        assert_eq!(fm.lang.as_deref(), Some("vi"));
        assert_eq!(fm.title.as_deref(), Some("heritage: nine sites"));
        assert_eq!(&text[fm.body_start..], "Body");
        let [(at, message)] = fm.problems.as_slice() else {
            panic!("one problem: {:?}", fm.problems);
        };
        assert!(text[*at..].starts_with(": nine sites"), "{at}");
        assert!(message.contains("does not parse"), "{message}");
        assert!(!message.contains("at line"), "{message}");
        let toml = parse("+++\ntitle = a = b\ndate = 2025-03-01\n+++\nBody");
        assert_eq!(toml.date, NaiveDate::from_ymd_opt(2025, 3, 1));
        assert_eq!(toml.problems.len(), 1);
    }

    #[test]
    fn bad_date_is_a_problem_not_a_panic() {
        let fm = parse("---\ndate: 5 May\n---\n");
        assert_eq!(fm.date, None);
        assert_eq!(fm.problems.len(), 1);
        assert_eq!(
            parse_date("2025-05-05T21:13:00+07:00"),
            NaiveDate::from_ymd_opt(2025, 5, 5)
        );
        assert_eq!(parse_date("2025-05-05x"), None);
        assert_eq!(parse_date("2025-05-ệ"), None);
    }
}
