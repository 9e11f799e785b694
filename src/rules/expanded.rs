//! `factlint rules --expanded-patterns`: every claim pattern as the plain regex it
//! compiles to (placeholders expanded), for comparisons with other tools (issue 7).
//!
//! Named groups become non-capturing, so the lines can be joined into one
//! alternation (`rg -f`), and a line break outside a character class becomes `^`:
//! line-oriented tools see no line breaks, and ripgrep refuses a literal `\n`. The regexes match folded text (lowercase, diacritics
//! dropped, typographic dashes and quotes plain); a tool that searches raw text needs
//! case-insensitive matching and still misses accented spellings.

use super::Rules;

impl Rules {
    /// The compiled regex of every claim pattern, in rule-file order, with named
    /// groups made non-capturing.
    pub fn expanded_patterns(&self) -> Vec<String> {
        self.claims
            .iter()
            .flat_map(|c| {
                c.patterns
                    .iter()
                    .map(|p| line_starts(&unnamed(p.regex.as_str())))
            })
            .collect()
    }
}

/// `\n` outside a character class → `^` (the start of the next line, for a tool that
/// searches line by line).
fn line_starts(regex: &str) -> String {
    let mut out = String::with_capacity(regex.len());
    let mut chars = regex.chars();
    let mut in_class = false;
    while let Some(ch) = chars.next() {
        match ch {
            '\\' => match chars.next() {
                Some('n') if !in_class => out.push('^'),
                Some(next) => {
                    out.push('\\');
                    out.push(next);
                }
                None => out.push('\\'),
            },
            '[' => {
                in_class = true;
                out.push(ch);
            }
            ']' => {
                in_class = false;
                out.push(ch);
            }
            _ => out.push(ch),
        }
    }
    out
}

/// `(?P<name>` → `(?:` (escaped parentheses are left alone).
fn unnamed(regex: &str) -> String {
    let mut out = String::with_capacity(regex.len());
    let mut rest = regex;
    let mut escaped = false;
    while let Some(ch) = rest.chars().next() {
        if !escaped
            && rest.starts_with("(?P<")
            && let Some(close) = rest.find('>')
        {
            out.push_str("(?:");
            rest = &rest[close + 1..];
            continue;
        }
        escaped = !escaped && ch == '\\';
        out.push(ch);
        rest = &rest[ch.len_utf8()..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{line_starts, unnamed};

    #[test]
    fn line_breaks_outside_classes_become_line_starts() {
        assert_eq!(
            line_starts(r"(?:^|\n|[.!?]\s)[^.\n]{0,60}\\n"),
            r"(?:^|^|[.!?]\s)[^.\n]{0,60}\\n"
        );
    }

    #[test]
    fn named_groups_become_non_capturing() {
        assert_eq!(unnamed(r"a(?P<s0>\d+)b\(?P<x>"), r"a(?:\d+)b\(?P<x>");
    }
}
