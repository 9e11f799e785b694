//! Input formats and how a file's format is chosen (by extension; issue 11).
//!
//! Discovery asks [`InputFormat::from_path`] which reader a file needs; a walked file
//! with no known extension is skipped with a note, an explicitly named one is read as
//! plain text.

use std::path::Path;

/// The input formats factlint reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputFormat {
    /// Plain text (`.txt`, `.text`): the whole file after any front matter is checked.
    Text,
    /// Markdown (`.md`, `.markdown`): the prose is checked, not code, URLs or comments.
    Markdown,
    /// HTML (`.html`, `.htm`): the page's text, `<article>`/`<main>` preferred.
    Html,
    /// JSON Lines (`.jsonl`): one document per line, fields chosen by `--jsonl-fields`.
    JsonLines,
}

impl InputFormat {
    /// The format for a file extension (case-insensitive, without the dot).
    pub fn from_extension(ext: &str) -> Option<InputFormat> {
        const BY_EXTENSION: &[(&str, InputFormat)] = &[
            ("txt", InputFormat::Text),
            ("text", InputFormat::Text),
            ("md", InputFormat::Markdown),
            ("markdown", InputFormat::Markdown),
            ("html", InputFormat::Html),
            ("htm", InputFormat::Html),
            ("jsonl", InputFormat::JsonLines),
        ];
        BY_EXTENSION
            .iter()
            .find(|(known, _)| known.eq_ignore_ascii_case(ext))
            .map(|(_, format)| *format)
    }

    /// The format of the file at `path`, from its extension.
    pub fn from_path(path: &Path) -> Option<InputFormat> {
        path.extension()
            .and_then(|e| e.to_str())
            .and_then(InputFormat::from_extension)
    }
}

/// The extensions listed in "skipped" notes.
pub(crate) const KNOWN_EXTENSIONS: &str = ".txt, .md, .html, .jsonl";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_extensions() {
        assert_eq!(
            InputFormat::from_path(Path::new("a/B.MD")),
            Some(InputFormat::Markdown)
        );
        assert_eq!(
            InputFormat::from_path(Path::new("x.htm")),
            Some(InputFormat::Html)
        );
        assert_eq!(
            InputFormat::from_path(Path::new("x.jsonl")),
            Some(InputFormat::JsonLines)
        );
        assert_eq!(InputFormat::from_path(Path::new("x.pdf")), None);
        assert_eq!(InputFormat::from_path(Path::new("README")), None);
    }
}
