//! User packs that extend a built-in pack (`extends = "vi"`) instead of replacing it:
//! the file lists only what it adds, and the rest comes from the built-in pack.
//!
//! The two TOML documents are merged before the pack is read:
//! - a list is appended to the built-in one (`past_markers`, `percent_words`, each
//!   hedge or currency list), except `dates.months` and `dates.weekdays`, whose
//!   n-th inner list is appended to the n-th month or weekday, and the value
//!   `[templates]`, whose added templates come first (most specific first: what a
//!   pack adds is usually a form the built-in ones read only in part);
//! - a table is merged key by key (`[scales]`, `[numbers.words]`, `[countries]`);
//! - any other value replaces the built-in one (`name`, `standalone_words`).
//!
//! A `[remove]` table, shaped like the pack, names words to take out of the built-in
//! lists first (`[remove.hedges] nearly = ["gần như"]`, to read it as `about`
//! instead). A word the built-in list does not hold is an error: it is most likely a
//! typo.
//!
//! `code` defaults to the extended pack's; another code makes a new language that
//! starts from the extended one.

use std::ops::Range;

use toml::{Table, Value};

use super::LangError;

/// The key naming the built-in pack a user pack extends.
const EXTENDS: &str = "extends";

/// The key of the table of words to take out of the built-in pack's lists.
const REMOVE: &str = "remove";

/// The TOML source of the pack `src` describes: `src` itself when it extends no
/// pack, else the extended built-in pack's source with `src` merged in.
pub(super) fn resolve(src: &str) -> Result<Option<String>, LangError> {
    // A file that does not parse is left to the pack reader, whose error is located.
    let Ok(mut own) = src.parse::<Table>() else {
        return Ok(None);
    };
    let Some(base_code) = own.remove(EXTENDS) else {
        return Ok(None);
    };
    let extends_at = key_span(src, EXTENDS);
    let Value::String(base_code) = base_code else {
        return Err(LangError {
            message: "`extends` must be the code of a built-in pack (\"vi\")".into(),
            span: extends_at,
        });
    };
    let Some(base_src) = super::builtin_source(&base_code) else {
        return Err(LangError {
            message: format!(
                "`extends` names no built-in pack: `{base_code}` (built-in: {})",
                super::builtin_codes().join(", ")
            ),
            span: extends_at,
        });
    };
    let mut base: Table = base_src.parse().map_err(|_| LangError {
        message: format!("the built-in pack `{base_code}` does not parse"),
        span: extends_at.clone(),
    })?;
    if let Some(remove) = own.remove(REMOVE) {
        let Value::Table(remove) = remove else {
            return Err(LangError {
                message: "`remove` must be a table shaped like the pack ([remove.hedges])".into(),
                span: remove_span(src),
            });
        };
        remove_words(&mut base, remove, "").map_err(|message| LangError {
            span: locate(&message, src, remove_span(src)),
            message,
        })?;
    }
    merge_table(&mut base, own, "");
    toml::to_string(&base).map(Some).map_err(|err| LangError {
        message: format!("cannot merge with the built-in pack `{base_code}`: {err}"),
        span: extends_at,
    })
}

/// Where a problem of the merged pack lies in the user's own file: the first
/// key its message names in backticks ("unknown field `hedge`"), else `fallback`,
/// else the first string it quotes where the file writes it (`template "thứ
/// {num}": …`).
pub(super) fn locate(
    message: &str,
    src: &str,
    fallback: Option<Range<usize>>,
) -> Option<Range<usize>> {
    let quoted = || {
        let text = message.split('"').nth(1)?;
        let written = format!("\"{text}\"");
        src.find(&written).map(|at| at..at + written.len())
    };
    message
        .split('`')
        .skip(1)
        .step_by(2)
        .find_map(|name| key_span(src, name))
        .or(fallback)
        .or_else(quoted)
        .or_else(|| key_span(src, EXTENDS))
}

/// The span of the first line of `src` that opens or assigns the `remove` table.
fn remove_span(src: &str) -> Option<Range<usize>> {
    let at = src.match_indices(REMOVE).map(|(at, _)| at).find(|&at| {
        let line_start = src[..at].rfind('\n').map_or(0, |i| i + 1);
        matches!(src[line_start..at].trim(), "" | "[")
    })?;
    let line_start = src[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = src[at..].find('\n').map_or(src.len(), |i| at + i);
    Some(line_start..line_end)
}

/// The span of the first line of `src` that assigns `key` (`key =` or `"key" =`).
fn key_span(src: &str, key: &str) -> Option<Range<usize>> {
    let mut start = 0;
    for line in src.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let bare = trimmed.strip_prefix(key);
        let quoted = trimmed
            .strip_prefix('"')
            .and_then(|rest| rest.strip_prefix(key))
            .and_then(|rest| rest.strip_prefix('"'));
        if bare
            .or(quoted)
            .is_some_and(|rest| rest.trim_start().starts_with('='))
        {
            let at = start + (line.len() - trimmed.len());
            return Some(at..start + line.trim_end().len());
        }
        start += line.len();
    }
    None
}

/// Takes the words of `remove` out of the lists of `base` (`path` as for
/// [`merge_table`]); an error names a word or list the built-in pack lacks.
fn remove_words(base: &mut Table, remove: Table, path: &str) -> Result<(), String> {
    for (key, value) in remove {
        let here = child_path(path, &key);
        match (base.get_mut(&key), value) {
            (Some(Value::Table(base)), Value::Table(remove)) => {
                remove_words(base, remove, &here)?;
            }
            (Some(Value::Array(list)), Value::Array(words)) => {
                for word in words {
                    let at = list.iter().position(|item| *item == word).ok_or_else(|| {
                        format!("`remove.{here}`: the built-in list `{here}` has no {word}")
                    })?;
                    list.remove(at);
                }
            }
            _ => {
                return Err(format!(
                    "`remove.{here}`: the built-in pack has no list `{here}` to remove words from"
                ));
            }
        }
    }
    Ok(())
}

/// The dotted path of `key` in the table at `path` ("" at the top).
fn child_path(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Merges `own` into `base` (`path` is the dotted path of `base`, "" at the top).
fn merge_table(base: &mut Table, own: Table, path: &str) {
    for (key, value) in own {
        let here = child_path(path, &key);
        match (base.get_mut(&key), value) {
            (Some(Value::Table(base)), Value::Table(own)) => merge_table(base, own, &here),
            (Some(Value::Array(base)), Value::Array(own)) => merge_list(base, own, &here),
            (_, value) => {
                base.insert(key, value);
            }
        }
    }
}

/// Adds the entries of `own` to the list `base` at `path`.
fn merge_list(base: &mut Vec<Value>, own: Vec<Value>, path: &str) {
    if path == "dates.months" || path == "dates.weekdays" {
        for (slot, names) in base.iter_mut().zip(own) {
            if let (Value::Array(slot), Value::Array(names)) = (slot, names) {
                slot.extend(names);
            }
        }
    } else if path.starts_with("templates.") {
        let built_in = std::mem::replace(base, own);
        base.extend(built_in);
    } else {
        base.extend(own);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn merged(src: &str) -> Table {
        resolve(src)
            .expect("merges")
            .expect("extends a pack")
            .parse()
            .expect("valid TOML")
    }

    fn strings(value: &Value) -> Vec<&str> {
        value
            .as_array()
            .expect("list")
            .iter()
            .filter_map(Value::as_str)
            .collect()
    }

    #[test]
    fn a_pack_without_extends_is_read_as_it_is() {
        assert_eq!(resolve("code = \"xq\"\n").expect("ok"), None);
        assert_eq!(resolve("code = [").expect("left to the reader"), None);
    }

    #[test]
    fn lists_are_appended_tables_merged_values_replaced() {
        let pack = merged(
            "extends = \"en\"\npast_markers = [\"sometime\"]\nname = \"English+\"\n\
             [scales]\nkm = 1\n[numbers]\nstandalone_words = false\n",
        );
        let markers = strings(&pack["past_markers"]);
        assert!(markers.contains(&"then") && markers.ends_with(&["sometime"]));
        assert_eq!(pack["name"].as_str(), Some("English+"));
        assert_eq!(pack["code"].as_str(), Some("en"));
        assert_eq!(pack["scales"]["km"].as_integer(), Some(1));
        assert!(pack["scales"].get("million").is_some());
        assert_eq!(pack["numbers"]["standalone_words"].as_bool(), Some(false));
        assert!(pack["numbers"]["words"].get("twelve").is_some());
        assert!(pack.get("extends").is_none());
    }

    #[test]
    fn months_gain_spellings_and_templates_come_first() {
        let pack = merged(
            "extends = \"en\"\n[dates]\nmonths = [[\"Jänner\"], [], [], [], [], [], [], [], [], [], [], []]\n\
             [templates]\nmoney = [\"{cur}{amount}-{scale}\"]\n",
        );
        let months = pack["dates"]["months"].as_array().expect("months");
        assert_eq!(months.len(), 12);
        let january = strings(&months[0]);
        assert!(january.contains(&"january") && january.contains(&"Jänner"));
        assert_eq!(
            strings(&pack["templates"]["money"])[0],
            "{cur}{amount}-{scale}"
        );
    }

    /// `[remove]` takes words out of the built-in lists before the additions are
    /// merged, so a word can move from one hedge to another; a word or list the
    /// built-in pack lacks is an error located at the `remove` table's line.
    #[test]
    fn remove_takes_built_in_words_out() {
        let pack = merged(
            "extends = \"vi\"\n[remove.hedges]\nnearly = [\"gần như\"]\n\
             [hedges]\nabout = [\"gần như\"]\n",
        );
        assert!(!strings(&pack["hedges"]["nearly"]).contains(&"gần như"));
        assert!(strings(&pack["hedges"]["nearly"]).contains(&"gần"));
        assert!(strings(&pack["hedges"]["about"]).contains(&"gần như"));
        assert!(pack.get("remove").is_none());
        for (src, says, line) in [
            (
                "extends = \"vi\"\n[remove.hedges]\nnearly = [\"gan nhu\"]\n",
                "the built-in list `hedges.nearly` has no \"gan nhu\"",
                "[remove.hedges]",
            ),
            (
                "extends = \"vi\"\n[remove]\nhedge = [\"gần\"]\n",
                "the built-in pack has no list `hedge`",
                "hedge = [\"gần\"]",
            ),
            (
                "extends = \"vi\"\nremove = 1\n",
                "`remove` must be a table",
                "remove = 1",
            ),
        ] {
            let err = resolve(src).expect_err(src);
            assert!(err.message.contains(says), "{}", err.message);
            assert_eq!(err.span.map(|span| &src[span]), Some(line), "{src}");
        }
    }

    #[test]
    fn an_unknown_base_is_an_error_at_extends() {
        let src = "name = \"X\"\nextends = \"xx\"\n";
        let err = resolve(src).expect_err("no such pack");
        assert!(err.message.contains("built-in: de, en"), "{}", err.message);
        assert_eq!(err.span.map(|s| &src[s]), Some("extends = \"xx\""));
    }

    #[test]
    fn problems_are_located_at_the_key_they_name() {
        let src = "extends = \"en\"\n[hedges]\n  \"roughly\" = 1\n";
        let at = locate("unknown field `roughly`, expected one of", src, None);
        assert_eq!(at.map(|s| &src[s]), Some("\"roughly\" = 1"));
        let at = locate("something else", src, None);
        assert_eq!(at.map(|s| &src[s]), Some("extends = \"en\""));
    }
}
