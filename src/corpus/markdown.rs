//! Markdown documents (`.md`, `.markdown`): front matter gives the metadata, the prose
//! is the checked text (issue 11).
//!
//! Read with pulldown-cmark's offset iterator. Text of paragraphs, headings, list
//! items, block quotes, tables, emphasis and link texts is checked as the words a
//! reader sees; code blocks, inline code, raw HTML (comments included), images, link
//! and image targets, autolinks and bare URLs are not. Each kept piece is recorded in a
//! [`CheckedText`] with its original byte range, so spans found in the prose point at
//! the bytes of the `.md` file; blocks are separated by blank lines in the checked text.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::checked::CheckedText;
use super::front_matter::{self, FrontMatter};

/// The checked prose of a Markdown file and its front matter.
pub(crate) fn read(text: &str) -> (CheckedText, FrontMatter) {
    let fm = front_matter::parse(text);
    let base = fm.body_start;
    let body = &text[base..];
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES;
    let mut out = CheckedText::default();
    // Open elements, each with whether its text is hidden (code blocks, images,
    // autolinks); Start and End events are balanced.
    let mut open: Vec<bool> = Vec::new();
    let mut hidden = 0usize;
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let original = base + range.start..base + range.end;
        match event {
            Event::Start(tag) => {
                let hide = hides(&tag);
                hidden += usize::from(hide);
                open.push(hide);
                if is_block(&tag) {
                    out.push_break(original.start);
                }
            }
            Event::End(end) => {
                if open.pop().unwrap_or(false) {
                    hidden = hidden.saturating_sub(1);
                }
                if is_block_end(end) {
                    out.push_break(original.end);
                }
            }
            Event::Text(piece) if hidden == 0 => push_text(&mut out, text, original, &piece),
            Event::SoftBreak | Event::HardBreak if hidden == 0 => {
                out.push_replaced(original, "\n");
            }
            Event::Rule => out.push_break(original.start),
            // Inline code, raw HTML and comments, math, footnote marks: not prose.
            _ => {}
        }
    }
    (out, fm)
}

/// Tags whose text is not checked.
fn hides(tag: &Tag<'_>) -> bool {
    match tag {
        Tag::CodeBlock(_) | Tag::Image { .. } | Tag::HtmlBlock | Tag::MetadataBlock(_) => true,
        Tag::Link { link_type, .. } => {
            matches!(link_type, LinkType::Autolink | LinkType::Email)
        }
        _ => false,
    }
}

fn is_block(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::CodeBlock(_)
            | Tag::HtmlBlock
            | Tag::List(_)
            | Tag::Item
            | Tag::Table(_)
            | Tag::TableRow
            | Tag::TableCell
            | Tag::FootnoteDefinition(_)
    )
}

fn is_block_end(end: TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::HtmlBlock
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::Table
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::TableCell
            | TagEnd::FootnoteDefinition
    )
}

/// A text event: verbatim where the source shows the same bytes (bare URLs left
/// out), otherwise the decoded text stands for its whole source (entity, escape).
fn push_text(out: &mut CheckedText, text: &str, original: std::ops::Range<usize>, piece: &str) {
    let source = &text[original.clone()];
    if !source.starts_with(piece) {
        out.push_replaced(original, piece);
        return;
    }
    let mut at = 0;
    for url in bare_urls(piece) {
        out.push_verbatim(
            original.start + at..original.start + url.start,
            &piece[at..url.start],
        );
        at = url.end;
    }
    out.push_verbatim(
        original.start + at..original.start + piece.len(),
        &piece[at..],
    );
}

/// Byte ranges of bare URLs (`http://…`, `https://…`, `www.…`) in `text`, up to the
/// next whitespace, without trailing punctuation.
pub(crate) fn bare_urls(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut urls = Vec::new();
    let mut from = 0;
    while let Some(found) = ["https://", "http://", "www."]
        .iter()
        .filter_map(|p| text[from..].find(p).map(|i| from + i))
        .min()
    {
        let starts_word = text[..found]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let end = text[found..]
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"'))
            .map_or(text.len(), |i| found + i);
        let trimmed = text[found..end]
            .trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '\'', '…'])
            .len();
        if starts_word && trimmed > 4 {
            urls.push(found..found + trimmed);
        }
        from = end.max(found + 1);
        while !text.is_char_boundary(from) {
            from += 1;
        }
    }
    urls
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checked(text: &str) -> String {
        read(text).0.as_str().to_string()
    }

    #[test]
    fn prose_is_kept_code_and_urls_are_not() {
        let text = "# Trade\n\nIn 2024, **two-way** trade reached [US$800 million](https://x.vn/800).\n\n```\nUS$1 billion\n```\n\nSee `US$2 billion` and <!-- US$3 billion --> https://a.b/US$4-billion.\n\n![US$5 billion](img.png)\n";
        let c = checked(text);
        assert!(c.contains("Trade"));
        assert!(
            c.contains("In 2024, two-way trade reached US$800 million."),
            "{c:?}"
        );
        for hidden in ["US$1", "US$2", "US$3", "US$4", "US$5", "x.vn", "img.png"] {
            assert!(!c.contains(hidden), "{hidden} in {c:?}");
        }
    }

    #[test]
    fn spans_map_to_the_markdown_source() {
        let text = "---\ntitle: T\nlang: en\n---\nTrade with *Kaza*khstan &amp; Vi&#7879;t Nam.\n";
        let (c, fm) = read(text);
        assert_eq!(fm.lang.as_deref(), Some("en"));
        let s = c.as_str();
        assert!(s.contains("Kazakhstan & Việt Nam."), "{s:?}");
        let k = s.find("Kazakhstan").expect("word");
        assert_eq!(&text[c.to_original(k..k + 10)], "Kaza*khstan");
        let v = s.find("Việt").expect("word");
        assert_eq!(&text[c.to_original(v..v + "Việt".len())], "Vi&#7879;t");
    }

    #[test]
    fn finds_bare_urls() {
        let t = "see https://a.b/c. and www.x.org, not swww.y";
        let urls: Vec<&str> = bare_urls(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(urls, ["https://a.b/c", "www.x.org"]);
    }
}
