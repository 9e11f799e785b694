//! Text folding: the normal form every pattern, cue, value word and name is matched in.
//!
//! Sits between `corpus` (original document text) and `extract`/`value`/`check::name`:
//! the original text is folded once per document, matching runs on the folded text,
//! and every folded span maps back to exact byte offsets of the original file.
//!
//! Folding (DESIGN.md "matching is done on folded text"):
//! - lowercase; canonical decomposition with combining marks dropped, so NFC/NFD input,
//!   old-style Vietnamese tone placement ("hoà"/"hòa") and text written without
//!   diacritics ("Tong Bi thu To Lam") all read the same;
//! - Đ/đ/Ð/ð → `d`, ß → `ss`, superscript ² and ³ → `2` and `3` ("km²" is "km2");
//! - a decimal digit of any script → its ASCII digit ("٢٠٢٤" is "2024");
//! - typographic dashes and minus → `-`, typographic quotes → `'` / `"`;
//! - a run of whitespace (NBSP and friends included) → one space, or one `\n` when the
//!   run contains a line break (line breaks end sentences);
//! - zero-width characters and soft hyphens are dropped;
//! - a unit of measure glued to a number gets a space: "2.021km" → "2.021 km".

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Folded text plus the map from each folded byte back to the original bytes.
#[derive(Debug, Clone)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// For each folded byte, the original byte offset where its source character starts.
    starts: Vec<u32>,
    /// For each folded byte, the original byte offset where its source character ends.
    ends: Vec<u32>,
}

impl Folded {
    /// The original byte offset where the character folded into byte `at` starts
    /// (the end of the original text past the folded text's end).
    pub fn original_start(&self, at: usize) -> usize {
        self.starts
            .get(at)
            .map_or(self.ends.last().map_or(0, |&end| end as usize), |&start| {
                start as usize
            })
    }

    /// Maps a folded byte range to the original byte range it was folded from.
    ///
    /// The result always lies on character boundaries of the original text.
    pub fn to_original(&self, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
        if self.text.is_empty() {
            return 0..0;
        }
        let start = range.start.min(self.text.len() - 1);
        let last = range.end.max(range.start + 1).min(self.text.len()) - 1;
        let orig_start = self.starts[start] as usize;
        let orig_end = (self.ends[last] as usize).max(orig_start);
        orig_start..orig_end
    }
}

/// Folds `original` (see the module docs) and keeps the offset map.
pub fn fold(original: &str) -> Folded {
    let bytes = original.as_bytes();
    let mut text: Vec<u8> = Vec::with_capacity(original.len());
    let mut starts: Vec<u32> = Vec::with_capacity(original.len());
    let mut ends: Vec<u32> = Vec::with_capacity(original.len());
    let mut pending_space: Option<(u32, u32, bool)> = None;
    let mut offset = 0;
    while offset < bytes.len() {
        // Fast path (issue 7): a run of plain ASCII folds to its lowercase, byte for
        // byte (whitespace and '`', a quote, take the general path), single spaces
        // between words included (a run of one space folds to itself).
        let mut run = offset;
        while let Some(&b) = bytes.get(run) {
            let lone_space = b == b' '
                && run > offset
                && bytes.get(run + 1).is_some_and(|&next| plain_ascii(next));
            if !plain_ascii(b) && !lone_space {
                break;
            }
            run += 1;
        }
        if run > offset {
            if let Some((s, e, newline)) = pending_space.take() {
                push(&mut text, &mut starts, &mut ends, space(newline), s, e);
            }
            text.extend(bytes[offset..run].iter().map(u8::to_ascii_lowercase));
            starts.extend(offset as u32..run as u32);
            ends.extend(offset as u32 + 1..run as u32 + 1);
            offset = run;
            continue;
        }
        let Some(ch) = original[offset..].chars().next() else {
            break;
        };
        let start = offset as u32;
        let end = (offset + ch.len_utf8()) as u32;
        offset += ch.len_utf8();
        if let Some(folded) = latin(ch) {
            if let Some((s, e, newline)) = pending_space.take() {
                push(&mut text, &mut starts, &mut ends, space(newline), s, e);
            }
            for &byte in folded {
                text.push(byte);
                starts.push(start);
                ends.push(end);
            }
            continue;
        }
        if ch.is_whitespace() {
            pending_space = Some(match pending_space {
                Some((s, _, newline)) => (s, end, newline || is_line_break(ch)),
                None => (start, end, is_line_break(ch)),
            });
            continue;
        }
        if is_invisible(ch) {
            continue;
        }
        if let Some((s, e, newline)) = pending_space.take() {
            push(&mut text, &mut starts, &mut ends, space(newline), s, e);
        }
        fold_char(ch, |folded| {
            push(&mut text, &mut starts, &mut ends, folded, start, end)
        });
    }
    if let Some((s, e, newline)) = pending_space {
        push(&mut text, &mut starts, &mut ends, space(newline), s, e);
    }
    separate_glued_units(&mut text, &mut starts, &mut ends);
    Folded {
        // Only whole characters were pushed.
        text: String::from_utf8(text).unwrap_or_default(),
        starts,
        ends,
    }
}

/// Units of measure that news copy glues to a number ("2.021km", "350km/h",
/// "5.000ha"); folding writes a space between ("2.021 km"), so that a pattern's
/// `{number} km` and a number's word boundary hold either way. Longest first.
const GLUED_UNITS: [&str; 17] = [
    "km2", "kwh", "mwh", "gwh", "twh", "km", "cm", "mm", "m2", "m3", "ha", "kg", "kw", "mw", "gw",
    "tw", "m",
];

/// Inserts a space between a number and a unit of [`GLUED_UNITS`] glued to it, when
/// the number does not itself follow a letter ("a321neo") and the unit ends at a
/// non-alphanumeric character ("5km/h", not "5kmph"). The space maps to no original
/// byte: it starts and ends where the unit starts.
fn separate_glued_units(text: &mut Vec<u8>, starts: &mut Vec<u32>, ends: &mut Vec<u32>) {
    let at_boundary = |i: usize| {
        text.get(i)
            .is_none_or(|b| !b.is_ascii_alphanumeric() && *b < 0x80)
    };
    let mut inserts = Vec::new();
    let mut i = 0;
    // From digit run to digit run (digits are a few percent of news text): the byte
    // after each run is the only place a glued unit can start.
    while let Some(digit) = text[i..].iter().position(u8::is_ascii_digit) {
        i += digit;
        i += text[i..]
            .iter()
            .position(|b| !b.is_ascii_digit())
            .unwrap_or(text.len() - i);
        if !text.get(i).is_some_and(u8::is_ascii_lowercase) {
            continue;
        }
        let number_start = text[..i]
            .iter()
            .rposition(|b| !(b.is_ascii_digit() || *b == b'.' || *b == b','))
            .map_or(0, |p| p + 1);
        let after_letter = number_start
            .checked_sub(1)
            .is_some_and(|p| text[p].is_ascii_alphabetic() || text[p] >= 0x80);
        let unit = GLUED_UNITS
            .iter()
            .find(|u| text[i..].starts_with(u.as_bytes()) && at_boundary(i + u.len()));
        if let (false, Some(unit)) = (after_letter, unit) {
            inserts.push(i);
            i += unit.len();
        }
    }
    if inserts.is_empty() {
        return;
    }
    let (old_text, old_starts, old_ends) = (
        std::mem::take(text),
        std::mem::take(starts),
        std::mem::take(ends),
    );
    let mut from = 0;
    for &at in inserts.iter().chain(std::iter::once(&old_text.len())) {
        text.extend_from_slice(&old_text[from..at]);
        starts.extend_from_slice(&old_starts[from..at]);
        ends.extend_from_slice(&old_ends[from..at]);
        if let Some(&unit_start) = old_starts.get(at) {
            text.push(b' ');
            starts.push(unit_start);
            ends.push(unit_start);
        }
        from = at;
    }
}

/// Characters whose folding is looked up in [`LATIN_TABLE`]: Latin-1 and Latin
/// Extended-A/B, and Latin Extended Additional (the precomposed Vietnamese letters).
const LATIN_RANGES: [std::ops::Range<u32>; 2] = [0x80..0x250, 0x1E00..0x1F00];

/// The folding of each character of [`LATIN_RANGES`], computed once (issue 7: the
/// decomposition per character was most of the cost of folding Vietnamese text).
static LATIN_TABLE: std::sync::LazyLock<Vec<([u8; 4], u8)>> = std::sync::LazyLock::new(|| {
    LATIN_RANGES
        .iter()
        .flat_map(Clone::clone)
        .map(|code| {
            let mut out = ([0u8; 4], 0u8);
            // Whitespace and invisible characters are not letters: never looked up.
            let Some(ch) = char::from_u32(code).filter(|&c| !c.is_whitespace() && !is_invisible(c))
            else {
                return ([0u8; 4], u8::MAX);
            };
            let mut fits = true;
            fold_char(ch, |c| {
                let at = usize::from(out.1);
                if at + c.len_utf8() <= 4 {
                    c.encode_utf8(&mut out.0[at..]);
                    out.1 += c.len_utf8() as u8;
                } else {
                    fits = false;
                }
            });
            if !fits {
                out.1 = u8::MAX;
            }
            out
        })
        .collect()
});

/// The folding of a letter or sign of [`LATIN_RANGES`], as bytes; `None` for other
/// characters (whitespace and invisible ones included).
fn latin(ch: char) -> Option<&'static [u8]> {
    let code = u32::from(ch);
    let mut index = 0;
    for range in &LATIN_RANGES {
        if range.contains(&code) {
            let (bytes, len) = LATIN_TABLE.get(index + (code - range.start) as usize)?;
            return bytes.get(..usize::from(*len));
        }
        index += (range.end - range.start) as usize;
    }
    None
}

/// An ASCII byte that folds to its own lowercase and nothing else.
fn plain_ascii(b: u8) -> bool {
    b.is_ascii() && !b.is_ascii_whitespace() && b != 0x0B && b != b'`'
}

/// The character a run of whitespace folds to.
fn space(newline: bool) -> char {
    if newline { '\n' } else { ' ' }
}

/// The vowel a German umlaut is written with ("ö" → "o", "Ü" → "U"): text without
/// umlauts writes that vowel and an "e" ("Söder" → "Soeder"); `None` for any other
/// character.
pub fn umlaut_vowel(c: char) -> Option<char> {
    Some(match c {
        'ä' => 'a',
        'ö' => 'o',
        'ü' => 'u',
        'Ä' => 'A',
        'Ö' => 'O',
        'Ü' => 'U',
        _ => return None,
    })
}

/// Folds a short string where no offset map is needed (pattern literals, words of a
/// language pack, entity names).
pub fn fold_str(s: &str) -> String {
    fold(s).text
}

fn push(
    text: &mut Vec<u8>,
    starts: &mut Vec<u32>,
    ends: &mut Vec<u32>,
    ch: char,
    start: u32,
    end: u32,
) {
    let mut buf = [0u8; 4];
    let encoded = ch.encode_utf8(&mut buf);
    text.extend_from_slice(encoded.as_bytes());
    for _ in 0..encoded.len() {
        starts.push(start);
        ends.push(end);
    }
}

fn fold_char(ch: char, mut emit: impl FnMut(char)) {
    if let Some(digit) = ascii_digit(ch) {
        emit(digit);
        return;
    }
    if let Some(mapped) = special(ch) {
        for c in mapped.chars() {
            emit(c);
        }
        return;
    }
    for lower in ch.to_lowercase() {
        decompose_canonical(lower, |c| {
            if !is_combining_mark(c) {
                match special(c) {
                    Some(mapped) => mapped.chars().for_each(&mut emit),
                    None => emit(c),
                }
            }
        });
    }
}

fn special(ch: char) -> Option<&'static str> {
    Some(match ch {
        'Đ' | 'đ' | 'Ð' | 'ð' | 'Ɖ' | 'ɖ' => "d",
        'ß' | 'ẞ' => "ss",
        // Units: "m²", "km²", "m³/s" read as "m2", "km2", "m3/s".
        '²' => "2",
        '³' => "3",
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => "-",
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '´' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '«' | '»' | '\u{2033}' => "\"",
        '\u{2026}' => "...",
        _ => return None,
    })
}

/// The ASCII digit of a decimal digit of another script (Unicode `Nd`): every such
/// script writes its digits as one run of ten code points, zero first, and the runs
/// of [`NON_ASCII_DIGITS`] are unions of whole such runs.
fn ascii_digit(ch: char) -> Option<char> {
    if ch.is_ascii() || !ch.is_numeric() {
        return None;
    }
    let run = NON_ASCII_DIGITS.iter().find(|run| run.contains(&ch))?;
    char::from_digit((u32::from(ch) - u32::from(*run.start())) % 10, 10)
}

/// The runs of decimal digits (Unicode `Nd`, as the regex crate's `\d` has them)
/// other than `0`–`9`.
static NON_ASCII_DIGITS: std::sync::LazyLock<Vec<std::ops::RangeInclusive<char>>> =
    std::sync::LazyLock::new(|| {
        unicode_class(r"\d")
            .ranges()
            .iter()
            .filter(|range| !range.start().is_ascii())
            .map(|range| range.start()..=range.end())
            .collect()
    });

/// The Unicode class a constant class expression parses to (`\d`, `[\s\d\p{M}]`);
/// empty for any other expression.
pub(crate) fn unicode_class(source: &str) -> regex_syntax::hir::ClassUnicode {
    use regex_syntax::hir::{Class, ClassUnicode, Hir, HirKind};
    match regex_syntax::parse(source).map(Hir::into_kind) {
        Ok(HirKind::Class(Class::Unicode(class))) => class,
        _ => ClassUnicode::empty(),
    }
}

fn is_line_break(ch: char) -> bool {
    matches!(ch, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}')
}

/// The invisible characters folding drops: zero-width space, non-joiner and joiner,
/// word joiner, byte order mark, soft hyphen.
pub(crate) const INVISIBLE: [char; 6] = [
    '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{00AD}',
];

fn is_invisible(ch: char) -> bool {
    INVISIBLE.contains(&ch)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_case_and_diacritics() {
        assert_eq!(fold_str("Tổng Bí thư Tô Lâm"), "tong bi thu to lam");
        assert_eq!(fold_str("Tong Bi thu To Lam"), "tong bi thu to lam");
        assert_eq!(fold_str("Ðảng ĐẢNG"), "dang dang");
        assert_eq!(fold_str("Straße"), "strasse");
    }

    #[test]
    fn nfd_and_old_tone_placement_fold_alike() {
        let nfd: String = "hòa"
            .chars()
            .flat_map(|c| {
                let mut v = Vec::new();
                decompose_canonical(c, |d| v.push(d));
                v
            })
            .collect();
        assert_eq!(fold_str(&nfd), "hoa");
        assert_eq!(fold_str("hoà"), fold_str("hòa"));
    }

    #[test]
    fn digits_of_every_script_become_ascii() {
        // Arabic-Indic, Devanagari, fullwidth; superscripts are not decimal digits
        // but fold to theirs too.
        assert_eq!(
            fold_str("Năm ٢٠٢٤, २०२४, ２０２４ km²"),
            "nam 2024, 2024, 2024 km2"
        );
        let folded = fold("٢٠");
        assert_eq!(folded.to_original(0..2), 0..4);
    }

    #[test]
    fn whitespace_runs_become_one_char() {
        assert_eq!(fold_str("a \u{a0}\t b"), "a b");
        assert_eq!(fold_str("a \n\n b"), "a\nb");
        assert_eq!(fold_str("1992–2025 “x”"), "1992-2025 \"x\"");
    }

    #[test]
    fn spans_map_back_to_original_bytes() {
        let original = "Kim ngạch\u{a0}gần 1 tỷ USD.";
        let folded = fold(original);
        let at = folded.text.find("gan 1 ty usd").expect("folded text");
        let range = folded.to_original(at..at + "gan 1 ty usd".len());
        assert_eq!(&original[range], "gần 1 tỷ USD");
    }

    #[test]
    fn multi_char_expansion_maps_to_whole_source_char() {
        let original = "Straße 5";
        let folded = fold(original);
        assert_eq!(&original[folded.to_original(0..7)], "Straße");
        assert_eq!(&original[folded.to_original(5..6)], "ß");
    }

    /// The folding rules applied one character at a time, as the module docs state
    /// them: the oracle for the fast path.
    fn fold_char_by_char(original: &str) -> (String, Vec<u32>, Vec<u32>) {
        let (mut text, mut starts, mut ends) = (Vec::new(), Vec::new(), Vec::new());
        let mut pending: Option<(u32, u32, bool)> = None;
        for (offset, ch) in original.char_indices() {
            let (start, end) = (offset as u32, (offset + ch.len_utf8()) as u32);
            if ch.is_whitespace() {
                pending = Some(match pending {
                    Some((s, _, nl)) => (s, end, nl || is_line_break(ch)),
                    None => (start, end, is_line_break(ch)),
                });
                continue;
            }
            if is_invisible(ch) {
                continue;
            }
            if let Some((s, e, nl)) = pending.take() {
                push(&mut text, &mut starts, &mut ends, space(nl), s, e);
            }
            fold_char(ch, |c| {
                push(&mut text, &mut starts, &mut ends, c, start, end)
            });
        }
        if let Some((s, e, nl)) = pending {
            push(&mut text, &mut starts, &mut ends, space(nl), s, e);
        }
        separate_glued_units(&mut text, &mut starts, &mut ends);
        (String::from_utf8(text).expect("utf-8"), starts, ends)
    }

    proptest::proptest! {
        /// The ASCII fast path folds and maps exactly as character by character.
        #[test]
        fn fast_path_equals_char_by_char(
            original in "[a-zA-Z0-9 .,`\t\n\r\u{b}\u{c}\u{85}\u{a0}\u{200b}ĐđßẞàÀệỆ–“”…Σς\u{301}]{0,40}"
        ) {
            let folded = fold(&original);
            let (text, starts, ends) = fold_char_by_char(&original);
            proptest::prop_assert_eq!(&folded.text, &text);
            proptest::prop_assert_eq!(&folded.starts, &starts);
            proptest::prop_assert_eq!(&folded.ends, &ends);
        }
    }

    /// Every character the table folds is folded as character by character, alone
    /// and between words.
    #[test]
    fn latin_table_equals_char_by_char() {
        let chars = LATIN_RANGES
            .iter()
            .flat_map(Clone::clone)
            .filter_map(char::from_u32);
        for ch in chars {
            for original in [ch.to_string(), format!("Ab {ch}x y{ch}{ch} z")] {
                let folded = fold(&original);
                let (text, starts, ends) = fold_char_by_char(&original);
                assert_eq!(folded.text, text, "{ch:?}");
                assert_eq!((&folded.starts, &folded.ends), (&starts, &ends), "{ch:?}");
            }
        }
    }

    /// A unit glued to a number is set apart; a unit of a word, a longer word and a
    /// number after a letter are not. Spans still map to the original bytes.
    #[test]
    fn glued_units_are_set_apart() {
        let original =
            "Dài 2.021km, 350km/h, 5.000ha; A321neo, 5kmph, 100m2, $5m, 2010s, COVID-19.";
        let folded = fold(original);
        assert_eq!(
            folded.text,
            "dai 2.021 km, 350 km/h, 5.000 ha; a321neo, 5kmph, 100 m2, $5 m, 2010s, covid-19."
        );
        let at = folded.text.find("2.021 km").expect("number");
        assert_eq!(&original[folded.to_original(at..at + 8)], "2.021km");
        assert_eq!(&original[folded.to_original(at..at + 5)], "2.021");
        let unit = folded.text.find("km/h").expect("unit");
        assert_eq!(&original[folded.to_original(unit - 1..unit + 4)], "km/h");
    }

    #[test]
    fn empty_input() {
        let folded = fold("");
        assert_eq!(folded.to_original(0..0), 0..0);
    }
}
