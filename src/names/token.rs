//! Tokens of folded text for near-miss detection and fix alignment.
//!
//! A token is a whitespace-separated chunk with surrounding punctuation trimmed.
//! Inside a token, `-`, `.` and `'` are kept ("kassym-jomart", "k.tumysh", "o'neil").
//! A trailing `.` is kept only after a single letter (an initial: "k."), and a
//! possessive `'s` is dropped ("tokayev's" → "tokayev").

use super::util::is_word_char;
use crate::fold::fold;
use std::ops::Range;
use unicode_normalization::UnicodeNormalization;

/// One token: a byte range of the folded text plus how it connects to its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    /// Start byte in folded text.
    pub start: usize,
    /// End byte in folded text.
    pub end: usize,
    /// The token follows the previous token through exactly one space, with no
    /// punctuation or line break in between: both may belong to one name.
    pub joined_to_prev: bool,
    /// The token starts a sentence (first token, after a line break, or after a chunk
    /// ending in `.`, `!`, `?` that is not an initial): its capital letter says little.
    pub sentence_start: bool,
}

/// Splits folded text into tokens.
pub(crate) fn tokens(text: &str) -> Vec<Token> {
    // About one token per six bytes of news text: sized once, not regrown.
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 6 + 1);
    // Whether the previous chunk ended cleanly (no trimmed punctuation) and was a token.
    let mut prev_clean_end: Option<usize> = None;
    let mut sentence_start = true;
    let mut pos = 0;
    let bytes = text.as_bytes();
    while pos < bytes.len() {
        // Skip separators; remember whether exactly one space was skipped.
        let sep_start = pos;
        pos += bytes[pos..]
            .iter()
            .position(|&b| b != b' ' && b != b'\n')
            .unwrap_or(bytes.len() - pos);
        let single_space = pos == sep_start + 1 && bytes[sep_start] == b' ';
        if bytes
            .get(sep_start..pos)
            .is_some_and(|sep| sep.contains(&b'\n'))
        {
            sentence_start = true;
        }
        let chunk_start = pos;
        pos += bytes[pos..]
            .iter()
            .position(|&b| b == b' ' || b == b'\n')
            .unwrap_or(bytes.len() - pos);
        let chunk_end = pos;
        if chunk_start == chunk_end {
            continue;
        }
        let Some(chunk) = text.get(chunk_start..chunk_end) else {
            prev_clean_end = None;
            continue;
        };
        match core(chunk) {
            Some((core, trimmed_left, trimmed_right)) => {
                let start = chunk_start + core.start;
                let end = chunk_start + core.end;
                let joined_to_prev = !trimmed_left && single_space && prev_clean_end.is_some();
                out.push(Token {
                    start,
                    end,
                    joined_to_prev,
                    sentence_start,
                });
                prev_clean_end = if trimmed_right { None } else { Some(end) };
                sentence_start = ends_sentence(chunk.get(core.end..).unwrap_or(""));
            }
            None => {
                prev_clean_end = None;
                sentence_start = sentence_start || ends_sentence(chunk);
            }
        }
    }
    out
}

fn ends_sentence(tail: &str) -> bool {
    if tail.is_ascii() {
        return tail.bytes().any(|b| matches!(b, b'.' | b'!' | b'?'));
    }
    tail.contains(['.', '!', '?', '\u{2026}'])
}

/// The core of a chunk: (range within chunk, trimmed on the left, trimmed on the right).
fn core(chunk: &str) -> Option<(Range<usize>, bool, bool)> {
    let (start, mut end) = word_bounds(chunk)?;
    let inner = chunk.get(start..end)?;
    let mut trimmed_right = end < chunk.len();
    // Initial: a single letter followed by '.'.
    let single_char = inner.chars().nth(1).is_none();
    if single_char && chunk.get(end..).is_some_and(|r| r.starts_with('.')) {
        end += 1;
        trimmed_right = end < chunk.len();
    } else if inner.len() > 2 && (inner.ends_with("'s") || inner.ends_with("'S")) {
        end -= 2;
        trimmed_right = true;
    }
    Some((start..end, start > 0, trimmed_right))
}

/// The start of the first word character of `chunk` and the end of its last one.
/// Most chunks of news text are ASCII: their bytes are tested without decoding.
fn word_bounds(chunk: &str) -> Option<(usize, usize)> {
    let bytes = chunk.as_bytes();
    let first = bytes
        .iter()
        .position(|&b| b >= 0x80 || b.is_ascii_alphanumeric())?;
    let last = bytes
        .iter()
        .rposition(|&b| b >= 0x80 || b.is_ascii_alphanumeric())?;
    if bytes[first] < 0x80 && bytes[last] < 0x80 {
        return Some((first, last + 1));
    }
    let start = chunk.char_indices().find(|&(_, c)| is_word_char(c))?.0;
    let (last_idx, last_char) = chunk.char_indices().rev().find(|&(_, c)| is_word_char(c))?;
    Some((start, last_idx + last_char.len_utf8()))
}

/// A contiguous window of 1–4 tokens of an accepted form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FormWindow {
    /// Index of the first token in the form's token list.
    pub first: usize,
    /// Number of tokens.
    pub len: usize,
    /// Folded text of the window (tokens joined by one space).
    pub folded: String,
    /// The window in the form's original spelling.
    pub original: String,
    /// The window is the whole form.
    pub full: bool,
    /// The window includes the form's last token.
    pub last: bool,
}

/// Folded tokens of a form and all its windows of up to `max_len` tokens.
pub(crate) fn form_windows(form: &str, max_len: usize) -> (Vec<String>, Vec<FormWindow>) {
    let folded = fold(form);
    let toks = tokens(&folded.text);
    let words: Vec<String> = toks
        .iter()
        .filter_map(|t| folded.text.get(t.start..t.end).map(str::to_string))
        .collect();
    let mut windows = Vec::new();
    if words.len() != toks.len() {
        return (Vec::new(), windows);
    }
    let n = toks.len();
    for first in 0..n {
        for len in 1..=max_len.min(n - first) {
            let a = toks[first].start;
            let b = toks[first + len - 1].end;
            let Some(range) = super::util::original_range(form, &folded, a..b) else {
                continue;
            };
            let Some(original) = form.get(range) else {
                continue;
            };
            windows.push(FormWindow {
                first,
                len,
                folded: words[first..first + len].join(" "),
                original: original.to_string(),
                full: first == 0 && len == n,
                last: first + len == n,
            });
        }
    }
    (words, windows)
}

/// The German transcription of a form's umlauts and "ß" ("Markus Söder" → "Markus
/// Soeder", "Weiß" → "Weiss"), as English news and plain-ASCII text write them;
/// `None` when the form has neither.
pub(crate) fn transcribed(form: &str) -> Option<String> {
    let composed: String = form.nfc().collect();
    let mut out = String::with_capacity(composed.len() + 4);
    for c in composed.chars() {
        match (crate::fold::umlaut_vowel(c), c) {
            (Some(vowel), _) => {
                out.push(vowel);
                out.push('e');
            }
            (None, 'ß') => out.push_str("ss"),
            (None, other) => out.push(other),
        }
    }
    (out != composed).then_some(out)
}

/// Initial variants of a form: "K. Tumysh" ↔ "K.Tumysh". Returns forms that differ
/// from `form`.
pub(crate) fn initial_variants(form: &str) -> Vec<String> {
    let parts: Vec<&str> = form.split_whitespace().collect();
    let is_initial = |p: &str| {
        let mut cs = p.chars();
        matches!((cs.next(), cs.next(), cs.next()), (Some(a), Some('.'), None) if a.is_alphabetic())
    };
    let mut out = Vec::new();
    // Joined: "K. Tumysh" → "K.Tumysh".
    if parts
        .iter()
        .take(parts.len().saturating_sub(1))
        .any(|p| is_initial(p))
    {
        let mut joined = String::new();
        for (i, p) in parts.iter().enumerate() {
            joined.push_str(p);
            if i + 1 < parts.len() && !is_initial(p) {
                joined.push(' ');
            }
        }
        out.push(joined);
    }
    // Split: "M.Nurtleu" → "M. Nurtleu".
    let split_at = |p: &str| {
        let mut cs = p.char_indices();
        match (cs.next(), cs.next(), cs.next()) {
            (Some((_, a)), Some((dot, '.')), Some((_, b)))
                if a.is_alphabetic() && b.is_alphabetic() =>
            {
                Some(dot + 1)
            }
            _ => None,
        }
    };
    if parts.iter().any(|p| split_at(p).is_some()) {
        let mut split = Vec::new();
        for p in &parts {
            match split_at(p) {
                Some(at) => {
                    split.push(p.get(..at).unwrap_or(p).to_string());
                    split.push(p.get(at..).unwrap_or("").to_string());
                }
                None => split.push((*p).to_string()),
            }
        }
        out.push(split.join(" "));
    }
    out.retain(|v| v != form && !v.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(&str, bool)> {
        tokens(text)
            .iter()
            .map(|t| (&text[t.start..t.end], t.joined_to_prev))
            .collect()
    }

    #[test]
    fn sentence_starts() {
        let text = "a k. bb. c d? e\nf";
        let starts: Vec<bool> = tokens(text).iter().map(|t| t.sentence_start).collect();
        assert_eq!(starts, vec![true, false, false, true, false, true, true]);
    }

    #[test]
    fn trims_punctuation_and_keeps_initials() {
        assert_eq!(
            words("\"k. tumysh, tokayev's kassym-jomart.\nk.tumush (x)"),
            vec![
                ("k.", false),
                ("tumysh", true),
                ("tokayev", false),
                ("kassym-jomart", false),
                ("k.tumush", false),
                ("x", false),
            ]
        );
        assert_eq!(words("a - b"), vec![("a", false), ("b", false)]);
        assert!(words("").is_empty());
        assert!(words(" - ... ").is_empty());
    }

    #[test]
    fn windows_of_a_form() {
        let (words, windows) = form_windows("Kassym-Jomart Tokayev", 4);
        assert_eq!(words, vec!["kassym-jomart", "tokayev"]);
        assert_eq!(windows.len(), 3);
        assert!(
            windows
                .iter()
                .any(|w| w.original == "Kassym-Jomart" && !w.full)
        );
        assert!(
            windows
                .iter()
                .any(|w| w.original == "Kassym-Jomart Tokayev" && w.full)
        );
        let (_, windows) = form_windows("Tô Lâm", 4);
        assert!(
            windows
                .iter()
                .any(|w| w.original == "Lâm" && w.folded == "lam")
        );
    }

    #[test]
    fn initials() {
        assert_eq!(initial_variants("K. Tumysh"), vec!["K.Tumysh"]);
        assert_eq!(initial_variants("M.Nurtleu"), vec!["M. Nurtleu"]);
        assert!(initial_variants("Tô Lâm").is_empty());
        assert!(initial_variants("K.").is_empty());
    }

    #[test]
    fn umlauts_are_transcribed() {
        assert_eq!(
            transcribed("Markus Söder").as_deref(),
            Some("Markus Soeder")
        );
        assert_eq!(transcribed("Ärzte Weiß").as_deref(), Some("Aerzte Weiss"));
        assert_eq!(transcribed("Tô Lâm"), None);
    }
}
