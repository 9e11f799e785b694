//! `factlint explain CLAIM PATHS…`: every mention of a claim in the documents, with
//! the arithmetic and the verdict of each — agreeing ones included (issue 5: "event
//! 1992-06-29, document 2025-05-05: 32 completed years, 33 calendar years; stated 33
//! — ok" must appear).

mod common;

use common::{factlint, in_project, snapshot};

/// The lines of the mentions section (from "mentions" to the first blank line).
fn mentions(stdout: &str) -> Vec<&str> {
    stdout
        .lines()
        .skip_while(|l| !l.starts_with("mentions"))
        .take_while(|l| !l.is_empty())
        .collect()
}

#[test]
fn agreeing_anniversaries_show_their_arithmetic() {
    let run = in_project(&["explain", "ties-anniversary", "seeds/"]);
    assert_eq!(run.2, 0, "{}", run.1);
    assert!(
        run.0.contains(
            "event 1992-06-29, document 2025-05-05: 32 completed years, 33 calendar years; stated 33 — ok"
        ),
        "{}",
        run.0
    );
    // The description comes first, then the mentions, then the rest of the claim.
    let description = run.0.find("Years of Vietnam").expect("description");
    let listed = run
        .0
        .find("mentions in 5 documents (3):")
        .expect("mentions");
    let event = run.0.find("\nevent: ties").expect("event line");
    assert!(description < listed && listed < event);
    snapshot("explain_ties_anniversary_seeds", &run);
}

#[test]
fn conflicts_carry_the_message_check_reports() {
    let run = in_project(&["explain", "trade-volume", "seeds/"]);
    assert_eq!(run.2, 0);
    let lines = mentions(&run.0);
    assert_eq!(lines[0], "mentions in 5 documents (10):");
    let conflict = lines
        .iter()
        .position(|l| l.ends_with("`US$800 million`"))
        .expect("the 2024 figure");
    assert_eq!(
        lines[conflict],
        "  seeds/002_31cbe1c235b66155.txt:22:237 `US$800 million`"
    );
    assert_eq!(
        lines[conflict + 1],
        "    `US$800 million` reads as US$750 million – US$850 million; `trade/vn-kz/2024` accepts \
         US$900 million – US$1.1 billion or US$800 million where its source is named — error: \
         trade for 2024 stated as US$800 million; the rules say ≈ US$1 billion or US$800 million \
         where its source is named"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("means US$800 million / (1 + 99%)")
                && l.contains("— warning: `up 99 per cent` implies")),
        "{lines:#?}"
    );
    assert!(
        lines.iter().any(|l| l
            .contains("`gần 1 tỷ USD` reads as US$900 million – under US$1 billion;")
            && l.ends_with("— ok")),
        "{lines:#?}"
    );
}

#[test]
fn every_temporal_kind_is_walked_through() {
    let cases = [
        (
            "tokayev-visit-date",
            "took place 2023-08-20 – 2023-08-22 — error:",
        ),
        (
            "tokayev-visit-date",
            "`Chiều 21/8` reads as 2023-08-21 (document dated 2023-08-21)",
        ),
        (
            "hcm-visit-anniversary",
            "65 completed years, 66 calendar years; stated 66 — ok",
        ),
        (
            "state-visit-gap",
            "(2025-05-05 – 2025-05-07): 13 years; stated 13 — ok",
        ),
        (
            "party-chief-first",
            "carries all of: vn-to-kz, party-chief — ok",
        ),
    ];
    for (claim, expected) in cases {
        let run = in_project(&["explain", claim, "seeds/"]);
        assert_eq!(run.2, 0);
        assert!(
            mentions(&run.0).iter().any(|l| l.contains(expected)),
            "{claim}: {}",
            run.0
        );
    }
    let run = in_project(&["explain", "kz-president-visit-ordinal", "seeds/"]);
    assert_eq!(
        mentions(&run.0),
        ["mentions: none of `kz-president-visit-ordinal` in 5 documents"]
    );
}

#[test]
fn notes_suppressions_and_unreadable_files_are_listed() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("a.md"),
        "---\nlang: vi\ndate: 2025-05-05\n---\nKazakhstan: 35 năm ngày thiết lập quan hệ ngoại giao.\n\n\
         <!-- factlint-disable-next-line ties-anniversary -->\nKazakhstan: 34 năm ngày thiết lập quan hệ ngoại giao.\n",
    )
    .expect("write");
    std::fs::write(
        dir.path().join("b.md"),
        "---\nlang: vi\n---\nKazakhstan: 33 năm ngày thiết lập quan hệ ngoại giao.\n",
    )
    .expect("write");
    std::fs::write(dir.path().join("c.txt"), b"\xff\xfe\x00binary").expect("write");
    let rules = concat!(env!("CARGO_MANIFEST_DIR"), "/rules");
    let run = factlint(
        dir.path(),
        &["explain", "ties-anniversary", ".", "--rules", rules],
    );
    assert_eq!(run.2, 0, "{}", run.1);
    let lines = mentions(&run.0);
    let expected_start = [
        "mentions in 2 documents (3):",
        "  a.md:5:13 `35 năm`",
        "    event 1992-06-29, document 2025-05-05: 32 completed years, 33 calendar years; stated 35 — error: `35 năm` since Vietnam–Kazakhstan diplomatic relations established does not match the document date",
        "  a.md:8:13 `34 năm`",
        "    event 1992-06-29, document 2025-05-05: 32 completed years, 33 calendar years; stated 34 — error (suppressed in the document): `34 năm` since Vietnam–Kazakhstan diplomatic relations established does not match the document date",
        "  b.md:4:13 `33 năm`",
        "    note: `33 năm` could not be checked: the document has no date",
        "not read:",
    ];
    assert_eq!(lines[..expected_start.len()], expected_start, "{}", run.0);
    assert!(
        lines[expected_start.len()].starts_with("  c.txt ("),
        "{lines:#?}"
    );
}

#[test]
fn paths_are_for_claims_only() {
    let run = in_project(&["explain", "tokayev", "seeds/"]);
    assert_eq!(run.2, 2);
    assert!(run.0.is_empty());
    assert!(run.1.contains("`tokayev` is not a claim"), "{}", run.1);
    let run = in_project(&["explain", "ties-anniversry", "seeds/"]);
    assert_eq!(run.2, 2);
    assert!(
        run.1.contains("did you mean `ties-anniversary`?"),
        "{}",
        run.1
    );
    let run = in_project(&["explain", "ties-anniversary", "no/such/dir"]);
    assert_eq!(run.2, 2);
}

#[test]
fn help_describes_the_paths() {
    let run = in_project(&["explain", "--help"]);
    assert_eq!(run.2, 0);
    assert!(run.0.contains("[PATHS]..."), "{}", run.0);
    assert!(run.0.contains("agreeing mentions included"), "{}", run.0);
}

#[test]
fn a_fixture_ordinal_claim_lists_the_events_counted() {
    let run = in_project(&[
        "explain",
        "rudolf-ordinal",
        "tests/fixtures/temporal/docs",
        "--rules",
        "tests/fixtures/temporal/rules.toml",
    ]);
    assert_eq!(run.2, 0, "{}", run.1);
    snapshot("explain_fixture_rudolf_ordinal", &run);
}

#[test]
fn json_lines_records_and_unchecked_mentions() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("d.jsonl"),
        concat!(
            r#"{"id":"a","lang":"en","date":"2024-09-11","text":"x"}"#,
            "\n",
            r#"{"id":"b","lang":"en","date":"2000-01-01","text":"It was the first state visit to Freedonia in 10 years."}"#,
            "\n",
        ),
    )
    .expect("write");
    let rules = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/temporal/rules.toml"
    );
    let run = factlint(
        dir.path(),
        &["explain", "visit-gap", "d.jsonl", "--rules", rules],
    );
    assert_eq!(run.2, 0, "{}", run.1);
    // The record's line, and the column in its text field; no event is current in 2000.
    assert_eq!(
        mentions(&run.0),
        [
            "mentions in 2 documents (1):",
            "  d.jsonl#b:2:46 `10 years`",
            "    document 2000-01-01: no event carrying all of state-visit, r-to-f is current — not checked: no event to compare with",
        ]
    );
}

#[test]
fn a_figure_in_another_currency_is_not_compared_as_check_does() {
    let rules = "tests/fixtures/explain-currency/rules.toml";
    let doc = "tests/fixtures/explain-currency/en.md";
    let run = in_project(&["explain", "trade", doc, "--rules", rules]);
    assert_eq!(run.2, 0, "{}", run.1);
    let lines = mentions(&run.0);
    assert_eq!(
        lines[2],
        "    `US$11 billion` reads as US$10.5 billion – US$11.5 billion; `trade/2023` accepts \
         €14.9 billion; none of the fact's values is in USD: not compared — ok"
    );
    let check = in_project(&["check", "--no-cache", doc, "--rules", rules]);
    assert_eq!(check.2, 0, "{}", check.0);
}

#[test]
fn an_undated_figure_is_explained_against_the_latest_fact() {
    let rules = "tests/fixtures/cases/undated-latest/rules.toml";
    let doc = "tests/fixtures/cases/undated-latest/en-2025-03.md";
    let run = in_project(&["explain", "projects", doc, "--rules", rules]);
    assert_eq!(run.2, 0, "{}", run.1);
    assert!(
        run.0.contains(
            "undated figures: the latest known on the document's date of 2023 (from \
             2024-01-01), 2024 (from 2025-01-01), 2025-H1 (from 2025-07-01)"
        ),
        "{}",
        run.0
    );
    // "now run 450 projects" in March 2025 is read as of the 2024 fact.
    let lines = mentions(&run.0);
    assert!(
        lines
            .iter()
            .any(|l| l.contains("`fdi/projects/2024` accepts 480")),
        "{lines:#?}"
    );
}
