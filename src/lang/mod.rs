//! Language packs (provisional: replaced by the data-driven packs).

use std::sync::LazyLock;

/// A language pack.
#[derive(Debug)]
pub struct LangPack {
    /// Language code.
    pub code: String,
    /// Language name.
    pub name: String,
    abbreviations: Vec<String>,
    comparison: Vec<String>,
    years: Vec<String>,
}

static PACKS: LazyLock<Vec<LangPack>> = LazyLock::new(|| {
    let mk = |code: &str, abbr: &[&str], cmp: &[&str], years: &[&str]| LangPack {
        code: code.into(),
        name: code.into(),
        abbreviations: abbr.iter().map(|s| s.to_string()).collect(),
        comparison: cmp.iter().map(|s| s.to_string()).collect(),
        years: years.iter().map(|s| s.to_string()).collect(),
    };
    vec![
        mk(
            "de",
            &["z. b.", "nr.", "bzw.", "dr."],
            &["gegenuber", "im vergleich zu"],
            &["jahren", "jahre", "jahr"],
        ),
        mk(
            "en",
            &["u.s.", "mr.", "dr.", "no."],
            &["from", "compared with", "year on year"],
            &["years", "year"],
        ),
        mk("vi", &["tp.", "th.s."], &["so voi"], &["nam"]),
    ]
});

/// The built-in pack for `code`.
pub fn pack(code: &str) -> Option<&'static LangPack> {
    PACKS.iter().find(|p| p.code == code)
}

/// Codes of the built-in packs.
pub fn builtin_codes() -> Vec<&'static str> {
    PACKS.iter().map(|p| p.code.as_str()).collect()
}

impl LangPack {
    /// Abbreviations that do not end a sentence (folded).
    pub fn abbreviations(&self) -> &[String] {
        &self.abbreviations
    }
    /// Comparison words introducing a reference period (folded).
    pub fn comparison_words(&self) -> &[String] {
        &self.comparison
    }
    /// Year duration words (folded).
    pub fn year_words(&self) -> &[String] {
        &self.years
    }
}
