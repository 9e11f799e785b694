//! Front matter of documents not listed in a manifest: a `---` line, `key: value`
//! lines, a `---` line. It is metadata, not checked text; spans still count the bytes
//! of the original file, so the checked body simply starts after the closing line.

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
    let mut fm = FrontMatter::default();
    let start = usize::from(text.starts_with('\u{feff}')) * '\u{feff}'.len_utf8();
    let Some(first) = text[start..].split_inclusive('\n').next() else {
        return fm;
    };
    if first.trim_end() != "---" {
        return fm;
    }
    let mut offset = start + first.len();
    let mut fields = Vec::new();
    for line in text[offset..].split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        let trimmed = line.trim_end();
        if trimmed == "---" {
            fm.body_start = offset;
            for (at, key, value) in fields {
                apply(&mut fm, at, key, value);
            }
            return fm;
        }
        if trimmed.trim().is_empty() || trimmed.trim_start().starts_with('#') {
            continue;
        }
        let Some((key, value)) = trimmed.split_once(':') else {
            // Not a key: value line, so this was not front matter after all.
            return FrontMatter::default();
        };
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
        fields.push((
            line_start,
            key.trim().to_ascii_lowercase(),
            value.to_string(),
        ));
    }
    // No closing line: treat the whole file as text.
    FrontMatter::default()
}

fn apply(fm: &mut FrontMatter, at: usize, key: String, value: String) {
    let value_opt = (!value.is_empty()).then_some(value);
    match key.as_str() {
        "date" | "published" | "published_at" => {
            let Some(value) = value_opt else { return };
            let day = value.get(..10).unwrap_or(&value);
            match NaiveDate::parse_from_str(day, "%Y-%m-%d") {
                Ok(date) => fm.date = Some(date),
                Err(_) => fm
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_block_and_body_offset() {
        let text = "---\ndate: 2025-05-05\nlang: vi\ntitle: \"X\"\n---\nBody";
        let fm = parse(text);
        assert_eq!(fm.date, NaiveDate::from_ymd_opt(2025, 5, 5));
        assert_eq!(fm.lang.as_deref(), Some("vi"));
        assert_eq!(fm.title.as_deref(), Some("X"));
        assert_eq!(&text[fm.body_start..], "Body");
    }

    #[test]
    fn no_block_or_unclosed_block_is_all_body() {
        assert_eq!(parse("Body\n---\n").body_start, 0);
        assert_eq!(parse("---\ndate: 2025-01-01\nno end").body_start, 0);
        assert_eq!(parse("---\nnot a field\n---\n").body_start, 0);
    }

    #[test]
    fn bad_date_is_a_problem_not_a_panic() {
        let fm = parse("---\ndate: 5 May\n---\n");
        assert_eq!(fm.date, None);
        assert_eq!(fm.problems.len(), 1);
    }
}
