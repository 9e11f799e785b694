//! `factlint rules --expanded-patterns`: every claim pattern as the plain regex it
//! compiles to (placeholders expanded), for comparisons with other tools (issue 7).
//!
//! The regexes match folded text (lowercase, NFC, typographic dashes and quotes
//! plain); a tool that searches raw text needs case-insensitive matching.

use super::Rules;

impl Rules {
    /// The compiled regex of every claim pattern, in rule-file order.
    pub fn expanded_patterns(&self) -> Vec<String> {
        self.claims
            .iter()
            .flat_map(|c| c.patterns.iter().map(|p| p.regex.as_str().to_string()))
            .collect()
    }
}
