//! HTML documents (`.html`, `.htm`): the page's text is the checked text (issue 11).
//!
//! Parsed with lol_html, which reports the byte range of every text chunk in the
//! source. Kept: text of the page outside `script`, `style`, `nav`, `aside`, `footer`,
//! `header`, `noscript`, `template`, `svg`, `form`; when the page has an `<article>` or
//! `<main>`, only text inside them. Entities are decoded (`&nbsp;`, `&#7875;`) and the
//! decoded character stands for the whole entity in the [`CheckedText`] map, so spans
//! point at the bytes of the `.html` file. Block elements separate paragraphs; inline
//! elements are transparent (`Tok<b>ayev</b>` is one word); line breaks inside a text
//! node read as spaces, as a browser shows them.
//!
//! Metadata: `<meta property="article:published_time">` (else the first
//! `<time datetime>`) gives the date, `<html lang>` the language, `og:title` or
//! `<title>` the title, `og:site_name` the outlet.

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use lol_html::html_content::TextType;
use lol_html::{HtmlRewriter, Settings, doc_text, element, end_tag};

use super::checked::CheckedText;
use super::front_matter::{FrontMatter, parse_date};

/// Elements whose text is never checked.
const SKIPPED: &[&str] = &[
    "script", "style", "nav", "aside", "footer", "header", "noscript", "template", "svg", "form",
    "head",
];
/// Elements preferred as the article's text when present.
const PREFERRED: &[&str] = &["article", "main"];
/// Elements that start a new block of text (sentences never run across them).
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "tr",
    "td",
    "th",
    "table",
    "blockquote",
    "pre",
    "section",
    "article",
    "main",
    "figure",
    "figcaption",
    "hr",
    "body",
    "caption",
];

#[derive(Default)]
struct Scan {
    /// Byte ranges of ordinary text chunks, in document order.
    chunks: Vec<Range<usize>>,
    skipped: Vec<Range<usize>>,
    preferred: Vec<Range<usize>>,
    /// Offsets of block start and end tags.
    breaks: Vec<usize>,
    title_range: Option<Range<usize>>,
    title_text: String,
    published: Option<String>,
    time: Option<String>,
    lang: Option<String>,
    og_title: Option<String>,
    site: Option<String>,
}

/// The checked text of an HTML page and its metadata, or why it could not be read.
pub(crate) fn read(text: &str) -> Result<(CheckedText, FrontMatter), String> {
    let scan = scan(text)?;
    let kept: Vec<Range<usize>> = merge(
        scan.chunks
            .iter()
            .filter(|c| !scan.skipped.iter().any(|r| contains(r, c)))
            .filter(|c| scan.preferred.is_empty() || scan.preferred.iter().any(|r| contains(r, c)))
            .cloned(),
    );
    let mut out = CheckedText::default();
    let mut previous_end = 0;
    for chunk in kept {
        if scan
            .breaks
            .iter()
            .any(|&b| previous_end <= b && b < chunk.start)
        {
            out.push_break(chunk.start);
        }
        push_chunk(&mut out, text, chunk.clone());
        previous_end = chunk.end;
    }
    let decoded = |s: &str| {
        let s = html_escape::decode_html_entities(s);
        let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
        (!s.is_empty()).then_some(s)
    };
    let mut fm = FrontMatter::default();
    let date_value = scan.published.or(scan.time);
    if let Some(value) = date_value {
        match parse_date(value.trim()) {
            Some(date) => fm.date = Some(date),
            None => fm
                .problems
                .push((0, format!("page date `{value}` is not YYYY-MM-DD"))),
        }
    }
    fm.lang = scan.lang.and_then(|l| {
        let primary = l.split(['-', '_']).next().unwrap_or("").trim();
        (!primary.is_empty()).then(|| primary.to_ascii_lowercase())
    });
    fm.title = scan
        .og_title
        .as_deref()
        .and_then(decoded)
        .or_else(|| decoded(&scan.title_text));
    fm.outlet = scan.site.as_deref().and_then(decoded);
    Ok((out, fm))
}

fn contains(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// Joins chunks that touch (lol_html may split one text node, even inside an entity).
fn merge(chunks: impl Iterator<Item = Range<usize>>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for chunk in chunks {
        match out.last_mut() {
            Some(last) if last.end == chunk.start => last.end = chunk.end,
            _ => out.push(chunk),
        }
    }
    out
}

/// One text run: entities decoded, line breaks read as spaces, the rest verbatim.
fn push_chunk(out: &mut CheckedText, text: &str, chunk: Range<usize>) {
    let raw = &text[chunk.clone()];
    let mut verbatim_from = 0;
    let mut i = 0;
    let flush = |out: &mut CheckedText, from: usize, to: usize| {
        out.push_verbatim(chunk.start + from..chunk.start + to, &raw[from..to]);
    };
    while i < raw.len() {
        let b = raw.as_bytes()[i];
        if b == b'\n' || b == b'\r' {
            flush(out, verbatim_from, i);
            out.push_replaced(chunk.start + i..chunk.start + i + 1, " ");
            i += 1;
            verbatim_from = i;
            continue;
        }
        if b == b'&'
            && let Some(len) = entity_len(&raw[i..])
        {
            let entity = &raw[i..i + len];
            let decoded = html_escape::decode_html_entities(entity);
            if decoded != entity {
                flush(out, verbatim_from, i);
                out.push_replaced(chunk.start + i..chunk.start + i + len, &decoded);
                i += len;
                verbatim_from = i;
                continue;
            }
        }
        i += 1;
    }
    flush(out, verbatim_from, raw.len());
}

/// Length of a character reference (`&name;`, `&#123;`, `&#x1F;`) at the start.
fn entity_len(s: &str) -> Option<usize> {
    let end = s.bytes().take(40).position(|b| b == b';')?;
    let inner = &s[1..end];
    let ok = !inner.is_empty()
        && (inner.bytes().all(|b| b.is_ascii_alphanumeric())
            || inner.strip_prefix('#').is_some_and(|n| {
                !n.is_empty()
                    && (n.bytes().all(|b| b.is_ascii_digit())
                        || n.strip_prefix(['x', 'X']).is_some_and(|h| {
                            !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit())
                        }))
            }));
    ok.then_some(end + 1)
}

/// One pass of lol_html over the page, collecting chunk ranges and element ranges.
fn scan(text: &str) -> Result<Scan, String> {
    let state = Rc::new(RefCell::new(Scan::default()));
    let len = text.len();
    let on_element = {
        let state = Rc::clone(&state);
        element!("*", move |el| {
            let name = el.tag_name();
            let start = el.source_location().bytes().start;
            let mut s = state.borrow_mut();
            match name.as_str() {
                "html" => s.lang = el.get_attribute("lang"),
                "meta" => {
                    let key = el
                        .get_attribute("property")
                        .or_else(|| el.get_attribute("name"))
                        .unwrap_or_default();
                    let content = el.get_attribute("content");
                    match key.as_str() {
                        "article:published_time" => s.published = content,
                        "og:title" => s.og_title = content,
                        "og:site_name" => s.site = content,
                        _ => {}
                    }
                }
                "time" if s.time.is_none() => s.time = el.get_attribute("datetime"),
                "title" => s.title_range = Some(start..len),
                _ => {}
            }
            let list = if SKIPPED.contains(&name.as_str()) {
                Some(&mut s.skipped)
            } else if PREFERRED.contains(&name.as_str()) {
                Some(&mut s.preferred)
            } else {
                None
            };
            let range_index = list.map(|list| {
                list.push(start..len);
                list.len() - 1
            });
            let is_block = BLOCKS.contains(&name.as_str());
            if is_block {
                s.breaks.push(start);
            }
            drop(s);
            if (range_index.is_some() || is_block || name == "title")
                && let Some(handlers) = el.end_tag_handlers()
            {
                let state = Rc::clone(&state);
                let skipped = SKIPPED.contains(&name.as_str());
                handlers.push(end_tag!(move |end| {
                    let at = end.source_location().bytes();
                    let mut s = state.borrow_mut();
                    if is_block {
                        s.breaks.push(at.start);
                    }
                    if name == "title" {
                        s.title_range = None;
                    }
                    if let Some(index) = range_index {
                        let list = if skipped {
                            &mut s.skipped
                        } else {
                            &mut s.preferred
                        };
                        list[index].end = at.end;
                    }
                    Ok(())
                }));
            }
            Ok(())
        })
    };
    let on_text = {
        let state = Rc::clone(&state);
        doc_text!(move |chunk| {
            let range = chunk.source_location().bytes();
            let mut s = state.borrow_mut();
            match chunk.text_type() {
                TextType::Data if !range.is_empty() => s.chunks.push(range),
                TextType::RCData if s.title_range.is_some() => {
                    s.title_text.push_str(chunk.as_str());
                }
                _ => {}
            }
            Ok(())
        })
    };
    let mut rewriter = HtmlRewriter::new(
        Settings::new()
            .append_element_content_handler(on_element)
            .append_document_content_handler(on_text),
        |_: &[u8]| {},
    );
    rewriter
        .write(text.as_bytes())
        .and_then(|()| rewriter.end())
        .map_err(|err| format!("cannot parse HTML: {err}"))?;
    let scan = std::mem::take(&mut *state.borrow_mut());
    Ok(scan)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!doctype html><html lang=\"en-GB\"><head><title>T &amp; U</title>\
<meta property=\"article:published_time\" content=\"2025-05-05T21:13:00+07:00\">\
<script>var s = 'US$1 billion';</script></head><body><nav>US$2 billion</nav>\
<article><h1>Trade</h1><p>In 2024, trade with Vi&#7879;t&nbsp;Nam reached\nUS$800 <b>mil</b>lion.</p>\
<aside>US$3 billion</aside></article><footer>US$4 billion</footer><p>outside</p></body></html>";

    #[test]
    fn keeps_the_article_text_and_maps_spans() {
        let (c, fm) = read(PAGE).expect("parses");
        let s = c.as_str();
        assert_eq!(
            s,
            "Trade\n\nIn 2024, trade with Việt\u{a0}Nam reached US$800 million."
        );
        let v = s.find("Việt").expect("word");
        assert_eq!(&PAGE[c.to_original(v..v + "Việt".len())], "Vi&#7879;t");
        let m = s.find("US$800 million").expect("claim");
        assert_eq!(
            &PAGE[c.to_original(m..m + "US$800 million".len())],
            "US$800 <b>mil</b>lion"
        );
        assert_eq!(fm.date, chrono::NaiveDate::from_ymd_opt(2025, 5, 5));
        assert_eq!(fm.lang.as_deref(), Some("en"));
        assert_eq!(fm.title.as_deref(), Some("T & U"));
    }

    #[test]
    fn without_article_takes_the_body_minus_chrome() {
        let page = "<body><header>Menu</header><p>One &lt;two&gt;</p><div>Three<br>four</div>\
<time datetime=\"2023-06-11\">11 June</time></body>";
        let (c, fm) = read(page).expect("parses");
        assert_eq!(c.as_str(), "One <two>\n\nThree\n\nfour\n\n11 June");
        assert_eq!(fm.date, chrono::NaiveDate::from_ymd_opt(2023, 6, 11));
    }

    #[test]
    fn entity_lengths() {
        assert_eq!(entity_len("&nbsp; x"), Some(6));
        assert_eq!(entity_len("&#x1F600;"), Some(9));
        assert_eq!(entity_len("& b;"), None);
        assert_eq!(entity_len("&#;"), None);
        assert_eq!(entity_len("&amp"), None);
    }
}
