//! Claim patterns → regexes over folded text, with typed placeholders.
//!
//! `in {year}, (?:two-way|bilateral) trade reached {money}` becomes one regex whose
//! placeholders are named groups built from the language pack's value fragments.
//! Literal text is folded like documents are (case, diacritics, dashes), a literal
//! space matches any whitespace, and `{name:label}` binds a labelled slot
//! (`{year:base}` is the reference period of a derived check). Regex quantifiers
//! such as `.{0,80}` are left alone: a placeholder starts with a letter.

use std::sync::Arc;

use unicode_normalization::UnicodeNormalization;

use super::folded_classes::narrowed_to_folded;
use super::pattern_regex::PatternRegex;
use super::prefilter::Literals;
use super::word_edges::{with_boundaries, word_edges};
use crate::lang::LangPack;
pub use crate::lazy_regex::Compile;
use crate::value::{self, ValueKind};

/// Compiled-size limit for one claim pattern (bytes of the compiled program).
const REGEX_SIZE_LIMIT: usize = 16 * 1024 * 1024;

/// A placeholder of a compiled pattern.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Slot {
    pub kind: ValueKind,
    pub label: Option<String>,
    /// Name of the regex group that captures it.
    pub group: String,
    /// A `{number}` that also reads one number word alone ("hai" in "hai đường băng"),
    /// in a language whose numbers otherwise do not (see [`reads_single_word`]).
    pub single_word: bool,
}

/// A compiled claim pattern for one language.
#[derive(Debug, Clone)]
pub(crate) struct Pattern {
    pub lang: String,
    /// The pattern as written, shown by `factlint explain`.
    pub source: String,
    /// Compiled on first use unless the rules were loaded with
    /// [`Compile::Now`] (only the syntax is checked up front; [`Compile::Validate`]
    /// compiles it once to check it, and again on first use).
    /// Shared by the claims that write the same pattern.
    pub regex: Arc<PatternRegex>,
    pub slots: Vec<Slot>,
    /// Sets of literals every match contains one literal of each of, for the
    /// prefilter; none when the pattern has no usable set and always runs.
    pub literals: Vec<Literals>,
    /// Byte span of the pattern's string in its claim's rule file (empty until the
    /// rules loader sets it), for a compile error found on first use.
    pub at: std::ops::Range<usize>,
}

/// Why a pattern does not compile; `offset` is a byte offset in the pattern text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PatternError {
    pub message: String,
    pub offset: Option<usize>,
    pub help: Option<String>,
}

/// Placeholder names in the order users read them in docs.
pub(crate) fn placeholder_names() -> Vec<&'static str> {
    [
        ValueKind::Money,
        ValueKind::Number,
        ValueKind::Measure,
        ValueKind::Percent,
        ValueKind::Change,
        ValueKind::Count,
        ValueKind::Year,
        ValueKind::Period,
        ValueKind::Date,
        ValueKind::DateRange,
        ValueKind::YearSpan,
        ValueKind::Ordinal,
        ValueKind::Rank,
    ]
    .iter()
    .map(|k| k.placeholder())
    .collect()
}

/// Compiles `source` for the language of `pack`.
pub(crate) fn compile(
    source: &str,
    pack: &LangPack,
    when: Compile,
) -> Result<Pattern, PatternError> {
    let mut regex_src = String::with_capacity(source.len() * 2);
    let mut slots = Vec::new();
    // Where the placeholders' fragments are in `regex_src`.
    let mut fragments = Vec::new();
    let mut literal = String::new();
    let mut rest = source;
    let mut offset = 0;
    while let Some(ch) = rest.chars().next() {
        if ch == '\\' {
            flush_literal(&mut literal, &mut regex_src);
            let escaped: String = rest.chars().take(2).collect();
            regex_src.push_str(&escaped);
            offset += escaped.len();
            rest = &source[offset..];
            continue;
        }
        if matches!(ch, '\n' | '\t' | '\r') {
            // A TOML "\n" is a raw line break here; it means the regex escape, not a
            // space (`[^.\n]` must still exclude only dots and line breaks).
            flush_literal(&mut literal, &mut regex_src);
            regex_src.push_str(match ch {
                '\n' => r"\n",
                '\t' => r"\t",
                _ => r"\r",
            });
            offset += 1;
            rest = &source[offset..];
            continue;
        }
        if ch == '{' {
            if let Some((name, label, len)) = placeholder_at(rest) {
                flush_literal(&mut literal, &mut regex_src);
                let kind = ValueKind::from_placeholder(name).ok_or_else(|| PatternError {
                    message: format!("unknown placeholder `{{{name}}}`"),
                    offset: Some(offset),
                    help: Some(format!(
                        "known placeholders: {}",
                        placeholder_names()
                            .iter()
                            .map(|n| format!("{{{n}}}"))
                            .collect::<Vec<_>>()
                            .join(" ")
                    )),
                })?;
                let group = format!("s{}", slots.len());
                let single_word = reads_single_word(kind, pack, &rest[len..]);
                regex_src.push_str(&format!("(?P<{group}>"));
                let start = regex_src.len();
                regex_src.push_str(&slot_fragment(kind, pack, single_word));
                fragments.push(start..regex_src.len());
                regex_src.push(')');
                slots.push(Slot {
                    kind,
                    label: label.map(str::to_string),
                    group,
                    single_word,
                });
                offset += len;
                rest = &source[offset..];
                continue;
            }
            if rest[1..].starts_with(|c: char| c.is_ascii_digit() || c == ',') {
                // A regex repetition like {0,80}: copy verbatim.
                flush_literal(&mut literal, &mut regex_src);
                let end = rest.find('}').map_or(rest.len(), |i| i + 1);
                regex_src.push_str(&rest[..end]);
                offset += end;
                rest = &source[offset..];
                continue;
            }
        }
        literal.push(ch);
        offset += ch.len_utf8();
        rest = &source[offset..];
    }
    flush_literal(&mut literal, &mut regex_src);
    let (regex, literals) = checked_regex(&regex_src, &fragments, &slots, pack)?;
    match when {
        Compile::Now => regex.compile().map_err(regex_error)?,
        Compile::Validate => regex.compiles().map_err(regex_error)?,
        Compile::OnFirstUse => {}
    }
    Ok(Pattern {
        lang: pack.code.clone(),
        source: source.to_string(),
        regex,
        slots,
        literals,
        at: 0..0,
    })
}

/// The regex of `regex_src` (its placeholders' fragments at `fragments`), its syntax
/// checked, and the prefilter's literals for it.
///
/// The fragments come from the language pack, whose templates were checked when it
/// loaded: only the pattern's own text is parsed here, with empty placeholder
/// groups, and each placeholder's literals are its fragment's (read once per pack).
/// Parsing the fragments again in every pattern was most of the time it took to
/// load the rules. A pattern that sets flags (`(?i)`, `(?x)`, which would change
/// how its fragments read) is parsed whole.
fn checked_regex(
    regex_src: &str,
    fragments: &[std::ops::Range<usize>],
    slots: &[Slot],
    pack: &LangPack,
) -> Result<(Arc<PatternRegex>, Vec<Literals>), PatternError> {
    let mut own = String::with_capacity(regex_src.len());
    let mut from = 0;
    for range in fragments {
        own.push_str(&regex_src[from..range.start]);
        from = range.end;
    }
    own.push_str(&regex_src[from..]);
    if sets_flags(&own) {
        let edges = word_edges(
            regex_src,
            &crate::lazy_regex::parse(regex_src).map_err(regex_error)?,
        );
        let full = with_boundaries(regex_src, edges);
        let hir = crate::lazy_regex::parse(&full).map_err(regex_error)?;
        let literals = super::prefilter::required_literals(&hir);
        let regex = PatternRegex::from_text(full, REGEX_SIZE_LIMIT);
        return Ok((Arc::new(regex), literals));
    }
    let unbounded = crate::lazy_regex::parse(&own).map_err(regex_error)?;
    let edges = word_edges(&own, &unbounded);
    let full = with_boundaries(regex_src, edges);
    let hir = match edges {
        (false, false) => unbounded,
        _ => crate::lazy_regex::parse(&with_boundaries(&own, edges)).map_err(regex_error)?,
    };
    let group = |name: &str| {
        let slot = slots.iter().find(|slot| slot.group == name)?;
        let literals = slot_literals(slot.kind, pack);
        Some(match slot.single_word {
            true => literals.map(|mut set| {
                set.extend(single_number_words(pack).map(|w| w.as_bytes().to_vec()));
                set
            }),
            false => literals,
        })
    };
    let literals = super::prefilter::required_literals_with(&hir, &group);
    let fills: Option<Vec<_>> = slots
        .iter()
        .map(|slot| Some((slot.group.clone(), slot_trees(slot, pack)?)))
        .collect();
    let regex = match fills {
        Some(fills) => PatternRegex::filled(full, hir, fills, REGEX_SIZE_LIMIT),
        None => PatternRegex::from_text(full, REGEX_SIZE_LIMIT),
    };
    Ok((Arc::new(regex), literals))
}

/// The syntax trees whose alternation a placeholder's fragment is (see
/// [`slot_fragment`]), narrowed to folded text; `None` when one does not parse or
/// captures (then the pattern is compiled from its text).
fn slot_trees(slot: &Slot, pack: &LangPack) -> Option<Vec<Arc<regex_syntax::hir::Hir>>> {
    let tree = |kind| {
        let tree = pack.compiled.get(kind)?.folded_syntax_tree()?;
        (tree.properties().explicit_captures_len() == 0).then(|| tree.clone())
    };
    match slot.kind {
        ValueKind::Period => Some(vec![tree(ValueKind::Period)?, tree(ValueKind::Year)?]),
        ValueKind::Number if slot.single_word => {
            let single = crate::lazy_regex::parse(&single_word_fragment(pack)).ok()?;
            Some(vec![
                tree(ValueKind::Number)?,
                Arc::new(narrowed_to_folded(&single)),
            ])
        }
        other => Some(vec![tree(other)?]),
    }
}

/// Whether a placeholder of `kind` followed in its pattern by `after` reads one
/// number word alone: a `{number}` right before a word of the pattern ("{number}
/// đường băng", "{number} (?:bàn|lần)"), in a language whose single number words are
/// ordinary words too (`standalone_words = false`: Vietnamese "ba", "năm"). The
/// pattern's next word says what is counted, so "hai đường băng" is two runways.
fn reads_single_word(kind: ValueKind, pack: &LangPack, after: &str) -> bool {
    kind == ValueKind::Number
        && !pack.standalone_words
        && after
            .strip_prefix(' ')
            .and_then(|next| next.chars().next())
            .is_some_and(|c| c.is_alphabetic() || c == '(')
}

/// The number words that may stand alone before a counted word: not zero (Vietnamese
/// "không" is also "not") nor a word that only ends a compound (`not_first`), unless
/// it is a word for one before a scale too ("một", which folds like "mốt").
fn single_number_words(pack: &LangPack) -> impl Iterator<Item = &str> {
    pack.number_words
        .iter()
        .filter(|(word, value)| {
            *value > 0.0 && (!pack.not_first.contains(word) || pack.one_words.contains(word))
        })
        .map(|(word, _)| word.as_str())
}

/// The regex of one number word alone (see [`single_number_words`]).
fn single_word_fragment(pack: &LangPack) -> String {
    let mut words: Vec<&str> = single_number_words(pack).collect();
    // Longest first, so that a word is not cut short by a shorter one it starts with.
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let words: Vec<String> = words.iter().map(|w| regex_syntax::escape(w)).collect();
    format!(r"\b(?:{})\b", words.join("|"))
}

/// Whether a regex source may set flags: a group opening `(?` that is not a
/// non-capturing or named group. Conservative (an escaped `\(?` counts).
fn sets_flags(source: &str) -> bool {
    source.match_indices("(?").any(|(at, _)| {
        let rest = &source[at + 2..];
        !(rest.starts_with(':') || rest.starts_with("P<") || rest.starts_with('<'))
    })
}

/// The literals one of which every match of a placeholder's fragment contains
/// (see [`slot_fragment`]).
fn slot_literals(kind: ValueKind, pack: &LangPack) -> Option<Literals> {
    let of = |kind| Some(pack.compiled.get(kind)?.required_literals()?.to_vec());
    match kind {
        ValueKind::Period => {
            let mut set = of(ValueKind::Period)?;
            set.extend(of(ValueKind::Year)?);
            Some(set)
        }
        other => of(other),
    }
}

/// A pattern's regex error as a pattern error.
pub(crate) fn regex_error(err: regex::Error) -> PatternError {
    PatternError {
        message: match err {
            regex::Error::CompiledTooBig(limit) => {
                format!("pattern is too large once compiled (limit {limit} bytes)")
            }
            other => format!(
                "pattern does not compile: {}",
                first_line(&other.to_string())
            ),
        },
        offset: None,
        help: Some("patterns use Rust regex syntax (no look-around, no backreferences)".into()),
    }
}

/// The regex of a placeholder. `{period}` also reads a bare year (DESIGN.md: "a year,
/// a quarter, a half, or the first N months").
fn slot_fragment(kind: ValueKind, pack: &LangPack, single_word: bool) -> String {
    match kind {
        ValueKind::Period => format!(
            "(?:{}|{})",
            value::fragment(ValueKind::Period, pack),
            value::fragment(ValueKind::Year, pack)
        ),
        ValueKind::Number if single_word => format!(
            "(?:{}|{})",
            value::fragment(ValueKind::Number, pack),
            single_word_fragment(pack)
        ),
        other => value::fragment(other, pack).to_string(),
    }
}

/// Parses a slot's text; a `{period}` slot falls back to a bare year, and a
/// `{number}` that reads one number word alone to that word's number.
pub(crate) fn parse_slot(
    slot: &Slot,
    text: &str,
    ctx: &value::ParseCtx,
) -> Result<value::Value, value::ValueError> {
    match value::parse(slot.kind, text, ctx) {
        Err(_) if slot.kind == ValueKind::Period => value::parse(ValueKind::Year, text, ctx),
        // Read as the same number written in digits is.
        Err(err) if slot.single_word => single_number_words(ctx.pack)
            .find(|word| *word == text.trim())
            .and_then(|word| ctx.pack.number_words.iter().find(|(w, _)| w == word))
            .map_or(Err(err), |(_, n)| {
                value::parse(ValueKind::Number, &n.to_string(), ctx)
            }),
        result => result,
    }
}

/// `{name}` or `{name:label}` at the start of `s`: (name, label, byte length).
fn placeholder_at(s: &str) -> Option<(&str, Option<&str>, usize)> {
    let close = s.find('}')?;
    let inner = &s[1..close];
    let (name, label) = match inner.split_once(':') {
        Some((name, label)) => (name, Some(label)),
        None => (inner, None),
    };
    let ident = |t: &str| {
        t.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && t.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    };
    (ident(name) && label.is_none_or(ident)).then_some((name, label, close + 1))
}

/// Folds literal text like documents are folded; a space matches any whitespace.
/// A German umlaut also matches its transcription ("söder" matches "Soeder",
/// "münchen" "Muenchen"): English news and plain-ASCII German write them so.
fn flush_literal(literal: &mut String, out: &mut String) {
    if literal.is_empty() {
        return;
    }
    let composed: String = literal.nfc().collect();
    let mut pieces = composed.split_inclusive(is_umlaut).peekable();
    if pieces
        .peek()
        .is_some_and(|piece| piece.len() < composed.len())
    {
        for piece in pieces {
            match piece.strip_suffix(is_umlaut) {
                Some(head) => {
                    fold_literal(head, out);
                    let umlaut = &piece[head.len()..];
                    out.push_str(&format!("(?:{}e?)", crate::fold::fold_str(umlaut)));
                }
                None => fold_literal(piece, out),
            }
        }
    } else {
        fold_literal(&composed, out);
    }
    literal.clear();
}

/// A German umlaut, whose transcription adds an "e" ("ö" → "oe").
fn is_umlaut(c: char) -> bool {
    crate::fold::umlaut_vowel(c).is_some()
}

/// Appends `literal` folded, its whitespace as `\s`.
fn fold_literal(literal: &str, out: &mut String) {
    if literal.is_empty() {
        return;
    }
    let folded = crate::fold::fold_str(literal);
    let leading = literal.starts_with(char::is_whitespace);
    let trailing = literal.ends_with(char::is_whitespace) && !folded.is_empty();
    if leading && !folded.is_empty() && !folded.starts_with([' ', '\n']) {
        out.push_str(r"\s");
    }
    for ch in folded.chars() {
        if ch == ' ' || ch == '\n' {
            out.push_str(r"\s");
        } else {
            out.push(ch);
        }
    }
    if trailing && !folded.ends_with([' ', '\n']) {
        out.push_str(r"\s");
    }
}

fn first_line(s: &str) -> String {
    s.lines()
        .rfind(|l| !l.trim().is_empty())
        .unwrap_or(s)
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en() -> &'static LangPack {
        crate::lang::pack("en").expect("en pack")
    }

    #[test]
    fn placeholders_become_groups() {
        let p = compile("in {year}, trade reached {money}", en(), Compile::Now).expect("compiles");
        assert_eq!(p.slots.len(), 2);
        assert_eq!(p.slots[0].kind, ValueKind::Year);
        assert!(p.regex.is_match("in 2024, trade reached us$800 million"));
        assert!(
            !p.regex
                .is_match("within 2024, trade reached us$800 million")
        );
    }

    #[test]
    fn labels_and_quantifiers() {
        let p = compile("{money}.{0,20} from {year:base}", en(), Compile::Now).expect("compiles");
        assert_eq!(p.slots[1].label.as_deref(), Some("base"));
        assert!(p.regex.is_match("us$800 million, up 99% from 2023"));
    }

    #[test]
    fn umlauts_match_their_transcriptions() {
        let p = compile("Söder in München, {number}", en(), Compile::Now).expect("compiles");
        for text in ["soder in munchen, 5", "soeder in muenchen, 5"] {
            assert!(p.regex.is_match(text), "{text}");
        }
        assert!(!p.regex.is_match("soeeder in munchen, 5"));
        let p = compile("über {number}", en(), Compile::Now).expect("compiles");
        assert!(p.regex.is_match("ueber 5"));
        assert!(
            !p.regex.is_match("gegenuber 5"),
            "a word boundary before the umlaut"
        );
    }

    #[test]
    fn literals_are_folded() {
        let p = compile("Kim Ngạch năm {year}", en(), Compile::Now).expect("compiles");
        assert!(p.regex.is_match("kim ngach nam 2024"));
    }

    #[test]
    fn period_reads_years_quarters_and_months() {
        let p =
            compile("in {period}, trade reached {money}", en(), Compile::Now).expect("compiles");
        assert!(p.regex.is_match("in 2024, trade reached us$800 million"));
        assert!(
            p.regex
                .is_match("in the first quarter of 2025, trade reached $146.3 million")
        );
    }

    #[test]
    fn unknown_placeholder_is_located() {
        let err = compile("trade {mony}", en(), Compile::Now).expect_err("unknown");
        assert_eq!(err.offset, Some(6));
        assert!(err.message.contains("{mony}"));
    }

    #[test]
    fn bad_regex_reports_the_regex_error() {
        let err = compile("trade (reached {money}", en(), Compile::Now).expect_err("bad");
        assert!(err.message.contains("does not compile"), "{}", err.message);
    }

    #[test]
    fn a_syntax_error_is_found_before_the_regex_is_compiled() {
        let err = compile("trade (reached {money}", en(), Compile::OnFirstUse).expect_err("bad");
        assert!(err.message.contains("does not compile"), "{}", err.message);
        let err = compile("{year} x{2,1}", en(), Compile::OnFirstUse).expect_err("bad");
        assert!(err.message.contains("does not compile"), "{}", err.message);
    }

    /// The prefilter's literals, read from the pattern's own text and its
    /// placeholders' fragments, are those of the whole regex parsed at once.
    #[test]
    fn literals_equal_those_of_the_whole_regex() {
        let vi = crate::lang::pack("vi").expect("vi pack");
        let de = crate::lang::pack("de").expect("de pack");
        let cases = [
            ("in {year}, trade reached {money}", en()),
            ("{money}", en()),
            ("{date}", en()),
            ("on {date}, at {ordinal}", en()),
            ("in {period}, two-way trade (?:reached|hit) {money}", en()),
            ("{count} (?:agreements|deals)", en()),
            ("(?i)Trade reached {money}", en()),
            ("kim ngạch (?:thương mại )?năm {year} đạt {money}", vi),
            ("{ordinal} chuyến thăm", vi),
            (
                "Handelsvolumen (?:von|in Höhe von) {money} im Jahr {year}",
                de,
            ),
            ("seit {count} Jahren", de),
            ("{count}", de),
            ("{change}", vi),
        ];
        for (source, pack) in cases {
            let pattern = compile(source, pack, Compile::OnFirstUse).expect("compiles");
            let whole = crate::lazy_regex::parse(pattern.regex.as_str()).expect("parses");
            let expected = crate::extract::prefilter::required_literals(&whole);
            assert_eq!(pattern.literals, expected, "{source}");
        }
        assert!(sets_flags("(?i)a") && sets_flags("a(?x: b)") && sets_flags(r"\(?a"));
        assert!(!sets_flags("(?:a)(?P<s0>b)(?<c>d)"));
    }

    #[test]
    fn raw_line_breaks_are_regex_escapes() {
        let p = compile("a[^.\n]{0,20}b", en(), Compile::Now).expect("compiles");
        assert!(p.regex.is_match("a x y b"));
        assert!(!p.regex.is_match("a x\nb"));
    }

    #[test]
    fn escapes_are_not_folded() {
        let p = compile(r"\D{year}", en(), Compile::Now).expect("compiles");
        assert!(p.regex.is_match("x 2024"));
    }
}
