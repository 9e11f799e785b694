//! The HTML report (issue 11): one self-contained page; every finding's span and every
//! related span is highlighted with an anchor; nothing from a document is markup.

use factlint::{Checker, Corpus, Document, Format, Rules};

fn rules() -> Rules {
    Rules::load(&[concat!(env!("CARGO_MANIFEST_DIR"), "/rules")]).expect("rules")
}

/// The page between `<body>` and the inline script (style and script are code, not
/// report content, and are reviewed as code).
fn body(page: &str) -> &str {
    let start = page.find("<body>").expect("body");
    let end = page.rfind("<script>").expect("script");
    &page[start..end]
}

#[test]
fn small_report_page_snapshot() {
    let date = chrono::NaiveDate::from_ymd_opt(2025, 5, 5);
    let docs = vec![
        Document::new(
            "a.txt",
            "en",
            date,
            "Kazakhstan: in 2024, two-way trade reached US$800 million.\n<script>document.title='INJECTED'</script> & \"quotes\" \u{1b}[31m",
        ),
        Document::new(
            "b.txt",
            "vi",
            date,
            "Kim ngạch thương mại Việt Nam - Kazakhstan năm 2024 đạt gần 1 tỷ USD.",
        ),
    ];
    let report = Checker::new(&rules()).check(&Corpus::from_documents(docs));
    let page = report.render(Format::Html);
    assert!(
        !page.contains("<script>document.title"),
        "document markup escaped"
    );
    assert!(!page.contains('\u{1b}'), "control characters escaped");
    insta::with_settings!({
        snapshot_path => "../snapshots",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!("html_small", body(&page));
    });
}

#[test]
fn seed_report_is_self_contained_and_anchors_every_span() {
    let corpus =
        Corpus::from_paths(&[concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")]).expect("seeds");
    let report = Checker::new(&rules()).check(&corpus);
    let page = report.render(Format::Html);
    for (i, f) in report.findings.iter().enumerate() {
        assert!(
            page.contains(&format!("id=\"f{i}\"")),
            "text anchor of finding {i}"
        );
        assert!(
            page.contains(&format!("id=\"p{i}\"")),
            "panel of finding {i}"
        );
        for k in 0..f.related.len() {
            assert!(
                page.contains(&format!("id=\"r{i}-{k}\"")),
                "related {i}-{k}"
            );
            assert!(
                page.contains(&format!("href=\"#r{i}-{k}\"")),
                "link {i}-{k}"
            );
        }
    }
    assert!(page.contains("<mark class=\"sev-error\""));
    assert!(page.contains("<mark class=\"related\""));
    // No external resource of any kind: nothing to fetch, CSP forbids the rest.
    for needle in ["href=\"http", " src=", "<link", "@import", "url("] {
        assert!(!page.contains(needle), "{needle} in the page");
    }
    assert!(page.contains("default-src 'none'"));
}
