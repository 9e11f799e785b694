//! `--format sarif` and `--format github` on the seed corpus: SARIF that validates
//! against the official 2.1.0 schema (vendored in tests/fixtures/sarif/) and reads
//! back into the serde-sarif types; GitHub workflow commands; both snapshotted.

mod common;

use common::in_project as factlint;

fn snapshot(name: &str, (stdout, stderr, code): &(String, String, i32)) {
    let text = format!("exit code: {code}\n--- stdout\n{stdout}--- stderr\n{stderr}");
    // Redact the crate version so a release does not rewrite the snapshot.
    let version = format!("\"{}\"", env!("CARGO_PKG_VERSION"));
    let text = text.replace(&version, "\"[version]\"");
    insta::with_settings!({
        snapshot_path => "../snapshots",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name, text);
    });
}

fn sarif_schema() -> jsonschema::Validator {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/sarif/sarif-schema-2.1.0.json"
    );
    let text = std::fs::read_to_string(path).expect("schema");
    // The official schema's `language` patterns have a stray `]`, which ECMAScript
    // reads as a literal but Rust regex engines (and the draft-07 meta-schema's
    // `format: regex`) reject; escape it in memory, same meaning. factlint emits no
    // `language` property, so this changes nothing that is validated.
    let stray = r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#;
    assert!(text.contains(stray), "the vendored schema changed");
    let text = text.replace(stray, r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}\\]?$""#);
    let schema: serde_json::Value = serde_json::from_str(&text).expect("json");
    jsonschema::validator_for(&schema).expect("the SARIF schema compiles")
}

#[test]
fn seeds_sarif_validates_and_round_trips() {
    let run = factlint(&["check", "--format", "sarif"]);
    assert_eq!(run.2, 1, "errors still fail the run");
    let value: serde_json::Value = serde_json::from_str(&run.0).expect("valid JSON");
    let validator = sarif_schema();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "schema violations: {errors:#?}");
    // The validator does reject a broken log (so the check above means something).
    let mut broken = value.clone();
    broken["runs"][0]["results"][0]["level"] = serde_json::json!("fatal");
    assert!(!validator.is_valid(&broken));

    let log: serde_sarif::sarif::Sarif =
        serde_json::from_str(&run.0).expect("serde-sarif reads it");
    let run0 = &log.runs[0];
    let driver = &run0.tool.driver;
    assert_eq!(driver.name, "factlint");
    assert!(driver.information_uri.is_some());
    let rules = driver.rules.as_ref().expect("rules");
    let results = run0.results.as_ref().expect("results");
    for result in results {
        let id = result.rule_id.as_deref().expect("ruleId");
        let index = result.rule_index.expect("ruleIndex") as usize;
        assert_eq!(rules[index].id, id);
        assert!(rules[index].short_description.is_some());
        let fingerprint = &result.partial_fingerprints.as_ref().expect("fp")["factlint/v1"];
        assert_eq!(fingerprint.len(), 32 + 2, "{fingerprint}");
        let region = result.locations.as_ref().expect("locations")[0]
            .physical_location
            .as_ref()
            .and_then(|p| p.region.as_ref())
            .expect("region");
        assert!(region.start_line.is_some() && region.end_column.is_some());
        assert!(region.byte_offset.is_some() && region.byte_length.is_some());
    }
    // The trade rule carries its description and help from the rule file.
    let trade = rules.iter().find(|r| r.id == "trade-volume").expect("rule");
    assert!(trade.full_description.is_some() || trade.help.is_some());
    // Misspellings carry their fix; related sources carry their notes.
    assert!(results.iter().any(|r| r.fixes.is_some()));
    assert!(results.iter().any(|r| {
        r.related_locations
            .as_ref()
            .is_some_and(|l| l.iter().all(|l| l.message.is_some()))
    }));
    snapshot("seeds_sarif", &run);
}

#[test]
fn seeds_github_annotations() {
    let run = factlint(&["check", "--format", "github"]);
    assert_eq!(run.2, 1);
    for line in run.0.lines().filter(|l| l.starts_with("::")) {
        assert!(
            line.starts_with("::error file=")
                || line.starts_with("::warning file=")
                || line.starts_with("::notice file="),
            "{line}"
        );
        assert!(!line.contains('\r'));
    }
    snapshot("seeds_github", &run);
}
