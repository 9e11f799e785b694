//! A language's country gazetteer: the names, adjectives and capitals news copy uses
//! for each country ("China", "Chinese", "Beijing"; "Trung Quốc", "Bắc Kinh"), keyed
//! by ISO 3166-1 alpha-2 code. Claims about a relation between countries (`parties`)
//! use it to pass over sentences about other countries ("trade between Kazakhstan
//! and China reached $43.8 billion in 2024").
//!
//! Forms are matched as written — case-sensitive, whole words, on NFC text — because
//! folding would turn Vietnamese "Nga" (Russia) into every "nga" and German "Island"
//! (Iceland) into the English word.

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::names::whole_word;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Country forms of one language and their matcher, built on first use.
#[derive(Debug, Clone, Default)]
pub struct Countries {
    /// `(form in NFC, country code)`, sorted and deduplicated.
    forms: Vec<(String, String)>,
    automaton: OnceLock<Option<AhoCorasick>>,
    /// The forms folded (lowercase, no diacritics), built on first use.
    folded: OnceLock<Vec<String>>,
}

impl Countries {
    /// The gazetteer of `(code, forms)` pairs; codes are uppercased, forms trimmed
    /// and NFC-normalised, empty forms dropped.
    pub(crate) fn new<'a>(table: impl IntoIterator<Item = (&'a String, &'a Vec<String>)>) -> Self {
        let mut forms: Vec<(String, String)> = table
            .into_iter()
            .flat_map(|(code, forms)| {
                let code = code.trim().to_uppercase();
                forms
                    .iter()
                    .map(|f| f.trim().nfc().collect::<String>())
                    .filter(|f| !f.is_empty())
                    .map(move |f| (f, code.clone()))
            })
            .collect();
        forms.sort();
        forms.dedup();
        Countries {
            forms,
            automaton: OnceLock::new(),
            folded: OnceLock::new(),
        }
    }

    /// Whether the folded `text` begins with a country's form, folded, as a whole
    /// word ("vietnam in 2024" after "imports from"). Folded forms are looser than
    /// forms as written: ask only where a country is likely (after a preposition).
    pub fn opens(&self, text: &str) -> bool {
        let text = text.trim_start();
        let folded = self.folded.get_or_init(|| {
            let mut folded: Vec<String> = self
                .forms
                .iter()
                .map(|(form, _)| crate::fold::fold_str(form))
                .collect();
            folded.sort();
            folded.dedup();
            folded
        });
        folded.iter().any(|form| {
            text.strip_prefix(form.as_str())
                .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
        })
    }

    /// Whether the gazetteer knows the country `code`.
    pub fn knows(&self, code: &str) -> bool {
        self.forms.iter().any(|(_, c)| c == code)
    }

    /// Whether the gazetteer is empty (a pack without `[countries]`).
    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }

    /// Codes of the countries `text` names, in order of appearance (repeats kept).
    /// The longest form wins where forms overlap ("Equatorial Guinea", not "Guinea").
    pub fn named_in(&self, text: &str) -> Vec<&str> {
        let Some(automaton) = self.automaton() else {
            return Vec::new();
        };
        let text: Cow<str> = match is_nfc_quick(text.chars()) {
            IsNormalized::Yes => Cow::Borrowed(text),
            _ => Cow::Owned(text.nfc().collect()),
        };
        automaton
            .find_iter(text.as_ref())
            .filter(|m| {
                whole_word(&text, m.start(), m.end())
                    && !names_a_currency(&text[..m.start()], &text[m.end()..])
            })
            .filter_map(|m| self.forms.get(m.pattern().as_usize()))
            .map(|(_, code)| code.as_str())
            .collect()
    }

    fn automaton(&self) -> Option<&AhoCorasick> {
        self.automaton
            .get_or_init(|| {
                if self.forms.is_empty() {
                    return None;
                }
                // A contiguous NFA: thousands of forms (Russian cases) would make a
                // DFA tens of megabytes, and only sentences holding a mention are read.
                AhoCorasick::builder()
                    .kind(Some(AhoCorasickKind::ContiguousNFA))
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(self.forms.iter().map(|(form, _)| form))
                    .ok()
            })
            .as_ref()
    }
}

/// Words that make a country form part of a currency's name: "US$", "US dollars",
/// "US-Dollar", "đô la Mỹ", "dollars américains", "долларов США".
const DOLLAR_WORDS: [&str; 4] = ["dollar", "đô la", "đôla", "доллар"];

/// Whether the country form between `before` and `after` names a currency.
fn names_a_currency(before: &str, after: &str) -> bool {
    if after.starts_with('$') {
        return true;
    }
    let next = after
        .trim_start_matches([' ', '-', '\u{a0}'])
        .chars()
        .take(8)
        .collect::<String>()
        .to_lowercase();
    let previous_word = before
        .trim_end()
        .rsplit(' ')
        .next()
        .unwrap_or("")
        .to_lowercase();
    let previous_two = before.trim_end().to_lowercase();
    DOLLAR_WORDS
        .iter()
        .any(|w| next.starts_with(w) || previous_word.starts_with(w) || previous_two.ends_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gazetteer_of(table: &[(&str, &[&str])]) -> Countries {
        let owned: Vec<(String, Vec<String>)> = table
            .iter()
            .map(|(code, forms)| {
                let forms = forms.iter().map(|f| f.to_string()).collect();
                (code.to_string(), forms)
            })
            .collect();
        Countries::new(owned.iter().map(|(c, f)| (c, f)))
    }

    fn gazetteer() -> Countries {
        gazetteer_of(&[
            ("CN", &["China", "Chinese"]),
            ("GQ", &["Equatorial Guinea"]),
            ("GN", &["Guinea"]),
            ("RU", &["Nga"]),
            ("vn", &[" Việt Nam "]),
        ])
    }

    #[test]
    fn whole_words_as_written_longest_first() {
        let g = gazetteer();
        assert_eq!(
            g.named_in("Trade between China and Equatorial Guinea; Chinese firms."),
            ["CN", "GQ", "CN"]
        );
        // Case-sensitive and whole-word: "nga" and "Chinatown" name no country.
        assert!(g.named_in("ngà voi ở Chinatown, nga").is_empty());
        // A currency prefix is not the country.
        let us = gazetteer_of(&[("US", &["US"])]);
        assert!(us.named_in("reached US$800 million").is_empty());
        assert!(us.named_in("1 Milliarde US-Dollar").is_empty());
        assert!(us.named_in("one billion US dollars").is_empty());
        let my = gazetteer_of(&[("US", &["Mỹ"])]);
        assert!(my.named_in("gần 1 tỷ đô la Mỹ").is_empty());
        assert_eq!(my.named_in("thị trường Mỹ"), ["US"]);
        assert_eq!(us.named_in("US tariffs"), ["US"]);
        // NFD input and a code written in lowercase.
        let nfd: String = "Việt Nam".nfd().collect();
        assert_eq!(g.named_in(&nfd), ["VN"]);
        assert!(g.knows("VN") && !g.knows("KZ"));
        assert!(Countries::default().named_in("China").is_empty());
    }

    #[test]
    fn every_builtin_pack_knows_the_same_countries() {
        let codes = ["en", "vi", "de", "fr", "ru"];
        for code in codes {
            let pack = crate::lang::pack(code).expect("built-in pack");
            for country in ["VN", "KZ", "CN", "JP", "DE", "US", "RU"] {
                assert!(pack.countries.knows(country), "{code} lacks {country}");
            }
        }
        let vi = crate::lang::pack("vi").expect("vi");
        assert_eq!(
            vi.countries
                .named_in("Kim ngạch Việt Nam - Trung Quốc năm 2024; Kazakhstan"),
            ["VN", "CN", "KZ"]
        );
    }
}
