//! The HTML report (`--format html`): one self-contained page for editors (issue 11).
//!
//! Last stage of the pipeline, like the other renderers. The page has no external
//! resources (CSS and JS inline; a Content-Security-Policy forbids any network
//! access) and holds: a summary (documents, findings by severity and by rule, per
//! document), filters by severity, rule and language (plain JS, no server), then every
//! document that a finding points into — its original text with each finding's span
//! highlighted by severity and the spans that findings cite as related highlighted too,
//! beside a panel of `<details>` per finding (message, found/expected, source, help,
//! links to the related spans with excerpts).
//!
//! Everything that comes from documents or rules is HTML-escaped, so a document that
//! contains `<script>` shows it as text. Ids are stable: finding `i` (in report order)
//! has its text anchor `f{i}` and panel `p{i}`; its `k`-th related span is `r{i}-{k}`.
//! Opening `report.html#f{i}` opens and shows finding `i`; `#focus-f{i}` shows only
//! its document and those of its related spans (a view to share); `#selftest` clicks the first
//! finding's link and records the outcome on `<html data-selftest>` (used by
//! `tests/browser/run.sh`).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use super::output::Output;
use super::{Report, escape_controls};
use crate::check::{Finding, Severity};

const STYLE: &str = include_str!("html/report.css");
const SCRIPT: &str = include_str!("html/report.js");

/// Writes the whole page to `out`.
pub(crate) fn render(report: &Report, out: &mut Output) {
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<title>factlint report</title>\n<style>\n");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n");
    let _ = writeln!(
        out,
        "<header class=\"top\"><h1>factlint report</h1><p class=\"line\">{}</p></header>",
        esc(&report.summary_line())
    );
    let spans = Spans::of(report);
    summary(out, report, &spans);
    filters(out, report);
    out.push_str("<main>\n");
    for (d, file) in report.texts.names().enumerate() {
        document(out, report, &spans, d, file);
    }
    unreadable(out, report);
    out.push_str("</main>\n<script>\n");
    out.push_str(SCRIPT);
    out.push_str("</script>\n</body>\n</html>\n");
}

/// Escapes text for HTML element content and attribute values; control characters
/// (terminal escapes, bidi overrides) are shown escaped.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in escape_controls(text).chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The spans of the findings, by the document they are in: each document's findings
/// and related spans in report order, so one pass over the findings serves every
/// document.
struct Spans<'a> {
    /// Number of each document shown (in name order), for its `d{n}` id.
    shown: BTreeMap<&'a str, usize>,
    /// By document: (finding, `None` for its own span or `Some(k)` for its k-th
    /// related span).
    by_file: BTreeMap<&'a str, Vec<(usize, Option<usize>)>>,
}

impl<'a> Spans<'a> {
    fn of(report: &'a Report) -> Self {
        let shown = report
            .texts
            .names()
            .enumerate()
            .map(|(d, file)| (file.as_str(), d))
            .collect();
        let mut by_file: BTreeMap<&str, Vec<(usize, Option<usize>)>> = BTreeMap::new();
        for (i, f) in report.findings.iter().enumerate() {
            by_file.entry(&f.file).or_default().push((i, None));
            for (k, r) in f.related.iter().enumerate() {
                by_file.entry(&r.file).or_default().push((i, Some(k)));
            }
        }
        Spans { shown, by_file }
    }

    fn in_file(&self, file: &str) -> &[(usize, Option<usize>)] {
        self.by_file.get(file).map_or(&[], Vec::as_slice)
    }
}

fn lang_of<'a>(report: &'a Report, file: &str) -> &'a str {
    report.docs.get(file).map_or("", |d| d.lang.as_str())
}

fn summary(out: &mut Output, report: &Report, spans: &Spans) {
    let s = &report.summary;
    out.push_str("<section class=\"summary\" id=\"summary\">\n<h2>Summary</h2>\n");
    let _ = writeln!(
        out,
        "<table class=\"counts\"><tr><th>documents</th><th>claims checked</th><th class=\"sev-error\">errors</th><th class=\"sev-warning\">warnings</th><th class=\"sev-note\">notes</th></tr>\n<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr></table>",
        s.documents, s.mentions, s.errors, s.warnings, s.notes
    );
    // By rule.
    let mut by_rule: BTreeMap<(&str, &str), [usize; 3]> = BTreeMap::new();
    for f in &report.findings {
        by_rule.entry((&f.rule, &f.kind)).or_default()[sev_index(f.severity)] += 1;
    }
    out.push_str("<table class=\"by-rule\"><tr><th>rule</th><th>kind</th><th>errors</th><th>warnings</th><th>notes</th></tr>\n");
    for ((rule, kind), n) in &by_rule {
        let _ = writeln!(
            out,
            "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(rule),
            esc(kind),
            n[0],
            n[1],
            n[2]
        );
    }
    out.push_str("</table>\n");
    // By document.
    let mut by_doc: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    for f in &report.findings {
        by_doc.entry(&f.file).or_default()[sev_index(f.severity)] += 1;
    }
    out.push_str("<table class=\"by-doc\"><tr><th>document</th><th>lang</th><th>title</th><th>errors</th><th>warnings</th><th>notes</th></tr>\n");
    for (file, n) in &by_doc {
        let name = match spans.shown.get(file) {
            Some(d) => format!("<a href=\"#d{d}\">{}</a>", esc(file)),
            None => esc(file),
        };
        let title = report
            .docs
            .get(*file)
            .and_then(|d| d.title.as_deref())
            .unwrap_or("");
        let _ = writeln!(
            out,
            "<tr><td>{name}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(lang_of(report, file)),
            esc(title),
            n[0],
            n[1],
            n[2]
        );
    }
    out.push_str("</table>\n</section>\n");
}

fn sev_index(severity: Severity) -> usize {
    match severity {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Note => 2,
    }
}

fn filters(out: &mut Output, report: &Report) {
    let rules: BTreeSet<&str> = report.findings.iter().map(|f| f.rule.as_str()).collect();
    let langs: BTreeSet<&str> = report
        .findings
        .iter()
        .map(|f| lang_of(report, &f.file))
        .filter(|l| !l.is_empty())
        .collect();
    out.push_str("<form class=\"filters\" id=\"filters\">\n<span>Show:</span>\n");
    for sev in ["error", "warning", "note"] {
        let _ = writeln!(
            out,
            "<label class=\"sev-{sev}\"><input type=\"checkbox\" name=\"sev\" value=\"{sev}\" checked> {sev}</label>"
        );
    }
    out.push_str("<label>rule <select name=\"rule\"><option value=\"\">all</option>");
    for rule in rules {
        let _ = write!(out, "<option>{}</option>", esc(rule));
    }
    out.push_str(
        "</select></label>\n<label>language <select name=\"lang\"><option value=\"\">all</option>",
    );
    for lang in langs {
        let _ = write!(out, "<option>{}</option>", esc(lang));
    }
    out.push_str("</select></label>\n<output id=\"shown\"></output>\n</form>\n");
}

/// A highlighted range of a document's text.
struct Mark {
    start: usize,
    end: usize,
    id: String,
    /// The finding it belongs to.
    finding: usize,
    /// `None` for a related span.
    severity: Option<Severity>,
    title: String,
}

fn document(out: &mut Output, report: &Report, spans: &Spans, d: usize, file: &str) {
    let Some(text) = report.text(file) else {
        return;
    };
    let in_file = spans.in_file(file);
    let marks: Vec<Mark> = in_file
        .iter()
        .map(|&(i, related)| {
            let f = &report.findings[i];
            match related {
                None => Mark {
                    start: f.span.start,
                    end: f.span.end,
                    id: format!("f{i}"),
                    finding: i,
                    severity: Some(f.severity),
                    title: format!("{} {}: {}", f.severity.as_str(), f.rule, f.message),
                },
                Some(k) => {
                    let r = &f.related[k];
                    Mark {
                        start: r.span.start,
                        end: r.span.end,
                        id: format!("r{i}-{k}"),
                        finding: i,
                        severity: None,
                        title: format!("related to {} in {}: {}", f.rule, f.file, r.note),
                    }
                }
            }
        })
        .collect();
    let info = report.docs.get(file);
    let lang = info.map_or("", |i| i.lang.as_str());
    let _ = writeln!(
        out,
        "<section class=\"doc\" id=\"d{d}\" data-lang=\"{}\">\n<h2><span class=\"file\">{}</span> <span class=\"lang\">{}</span></h2>",
        esc(lang),
        esc(file),
        esc(lang)
    );
    if let Some(title) = info.and_then(|i| i.title.as_deref()) {
        let _ = writeln!(out, "<p class=\"title\">{}</p>", esc(title));
    }
    out.push_str("<div class=\"doc-body\">\n<pre class=\"text\">");
    highlighted(out, &text, &marks);
    out.push_str("</pre>\n<div class=\"panel\">\n");
    let own: Vec<usize> = in_file
        .iter()
        .filter(|(_, related)| related.is_none())
        .map(|&(i, _)| i)
        .collect();
    for &i in &own {
        panel(out, report, i, &report.findings[i]);
    }
    if own.is_empty() {
        out.push_str("<p class=\"quiet\">No findings in this document; it is shown for the spans other findings cite.</p>\n");
    }
    out.push_str("</div>\n</div>\n</section>\n");
}

/// The text with marks: split at every mark boundary; each piece is highlighted by the
/// most severe finding covering it and lists every finding covering it in `data-f`.
fn highlighted(out: &mut Output, text: &str, marks: &[Mark]) {
    let floor = |mut at: usize| {
        at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let mut cuts: BTreeSet<usize> = BTreeSet::from([0, text.len()]);
    for m in marks {
        cuts.insert(floor(m.start));
        cuts.insert(floor(m.end));
    }
    let cuts: Vec<usize> = cuts.into_iter().collect();
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        for m in marks.iter().filter(|m| floor(m.start) == a) {
            let empty = floor(m.end) == a;
            let _ = write!(
                out,
                "<a class=\"anchor{}\" id=\"{}\" data-f=\"{}\"></a>",
                if empty { " empty" } else { "" },
                m.id,
                m.finding
            );
        }
        let covering: Vec<&Mark> = marks
            .iter()
            .filter(|m| floor(m.start) <= a && b <= floor(m.end) && m.start < m.end)
            .collect();
        let piece = esc(&text[a..b]);
        if covering.is_empty() {
            out.push_str(&piece);
            continue;
        }
        let class =
            covering
                .iter()
                .filter_map(|m| m.severity)
                .max()
                .map_or("related", |s| match s {
                    Severity::Error => "sev-error",
                    Severity::Warning => "sev-warning",
                    Severity::Note => "sev-note",
                });
        let ids: BTreeSet<usize> = covering.iter().map(|m| m.finding).collect();
        let ids: Vec<String> = ids.iter().map(usize::to_string).collect();
        let titles: Vec<&str> = covering.iter().map(|m| m.title.as_str()).collect();
        let _ = write!(
            out,
            "<mark class=\"{class}\" data-f=\"{}\" title=\"{}\">{piece}</mark>",
            ids.join(" "),
            esc(&titles.join("\n"))
        );
    }
    // Anchors of empty spans at the very end of the text.
    for m in marks.iter().filter(|m| floor(m.start) == text.len()) {
        let _ = write!(
            out,
            "<a class=\"anchor empty\" id=\"{}\" data-f=\"{}\"></a>",
            m.id, m.finding
        );
    }
}

fn panel(out: &mut Output, report: &Report, i: usize, f: &Finding) {
    let sev = f.severity.as_str();
    let (line, column) = report.position(&f.file, f.span.start);
    let _ = writeln!(
        out,
        "<details class=\"finding sev-{sev}\" id=\"p{i}\" data-f=\"{i}\" data-sev=\"{sev}\" data-rule=\"{}\" data-lang=\"{}\" data-file=\"{}\">",
        esc(&f.rule),
        esc(lang_of(report, &f.file)),
        esc(&f.file)
    );
    let _ = writeln!(
        out,
        "<summary><span class=\"badge\">{sev}</span> <code>{}</code> <a class=\"goto\" href=\"#f{i}\" data-f=\"{i}\">{line}:{column}</a><br>{}</summary>",
        esc(&f.rule),
        esc(&f.message)
    );
    out.push_str("<dl>");
    let fields = [
        ("key", f.key.as_deref()),
        ("found", f.found.as_deref()),
        ("expected", f.expected.as_deref()),
        ("source", f.source.as_deref()),
    ];
    for (name, value) in fields {
        if let Some(value) = value {
            let _ = write!(out, "<dt>{name}</dt><dd>{}</dd>", esc(value));
        }
    }
    out.push_str("</dl>\n");
    if let Some(help) = &f.help {
        let _ = writeln!(out, "<p class=\"help\">{}</p>", esc(help));
    }
    if !f.related.is_empty() {
        out.push_str("<ul class=\"related\">\n");
        for (k, r) in f.related.iter().enumerate() {
            let (line, column) = report.position(&r.file, r.span.start);
            let _ = writeln!(
                out,
                "<li><a class=\"goto\" href=\"#r{i}-{k}\" data-f=\"{i}\" data-target=\"r{i}-{k}\">{}:{line}:{column}</a> {}<br><span class=\"note\">{}</span></li>",
                esc(&r.file),
                excerpt(
                    report.text(&r.file).as_deref().unwrap_or(""),
                    r.span.range()
                ),
                esc(&r.note)
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</details>\n");
}

/// Up to 60 characters of context on each side of `range` on its line, the span marked.
fn excerpt(text: &str, range: std::ops::Range<usize>) -> String {
    let Some(found) = text.get(range.clone()) else {
        return String::new();
    };
    let line_start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[range.end..]
        .find('\n')
        .map_or(text.len(), |i| range.end + i);
    let chars: Vec<char> = text[line_start..range.start].chars().collect();
    let cut = chars.len().saturating_sub(60);
    let before: String = chars[cut..].iter().collect();
    let rest = &text[range.end..line_end];
    let after: String = rest.chars().take(60).collect();
    format!(
        "<q>{}{}<mark class=\"related\">{}</mark>{}{}</q>",
        if cut > 0 { "…" } else { "" },
        esc(&before),
        esc(found),
        esc(&after),
        if after.len() < rest.len() { "…" } else { "" },
    )
}

/// Findings on files that have no text (unreadable, binary, bad JSONL lines).
fn unreadable(out: &mut Output, report: &Report) {
    let orphans: Vec<(usize, &Finding)> = report
        .findings
        .iter()
        .enumerate()
        .filter(|(_, f)| !report.has_text(&f.file))
        .collect();
    if orphans.is_empty() {
        return;
    }
    out.push_str("<section class=\"doc\" id=\"inputs\">\n<h2>Files that were not checked</h2>\n<div class=\"panel wide\">\n");
    for (i, f) in orphans {
        panel(out, report, i, f);
    }
    out.push_str("</div>\n</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_controls() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"\x1b[31m"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;\\u{1b}[31m"
        );
    }

    #[test]
    fn excerpt_marks_the_span_on_its_line() {
        let text = "first line\nabout <1> billion here\nlast";
        let at = text.find("<1>").expect("span");
        assert_eq!(
            excerpt(text, at..at + 3),
            "<q>about <mark class=\"related\">&lt;1&gt;</mark> billion here</q>"
        );
    }
}
