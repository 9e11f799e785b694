//! The temporal fixture corpus (tests/fixtures/temporal/: fictional countries,
//! en/vi/de/fr/ru): one finding per planted error, none on the traps beside them.
//! fr-visit.txt and ru-visit.txt plant one error of every kind (date, since, first,
//! anniversary, derived change, ordinal) beside an agreeing trap of most kinds;
//! vi-ordinal.txt and en-ordinal.txt pair a wrong ordinal with a correct one.

use std::process::Command;

fn run(format: &str) -> (String, i32) {
    let output = Command::new(env!("CARGO_BIN_EXE_factlint"))
        .args(["check", "tests/fixtures/temporal/docs", "--rules"])
        .arg("tests/fixtures/temporal/rules.toml")
        .args(["--format", format])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("run factlint");
    (
        String::from_utf8(output.stdout).expect("utf-8"),
        output.status.code().unwrap_or(-1),
    )
}

#[test]
fn one_finding_per_planted_error() {
    let (stdout, code) = run("json");
    assert_eq!(code, 1);
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    let found: Vec<String> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            let file = f["file"]
                .as_str()
                .expect("file")
                .rsplit('/')
                .next()
                .expect("name");
            format!(
                "{} {} {} `{}`",
                f["severity"].as_str().expect("severity"),
                f["rule"].as_str().expect("rule"),
                file,
                f["text"].as_str().expect("text")
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            "error king-first de-first.txt `erste Besuch eines ruritanischen Königs`",
            "error ties-anniversary en-anniversary.txt `35 years`",
            "error rudolf-ordinal en-ordinal.txt `third`",
            "warning trade en-trade.txt `up 50 per cent`",
            "error visit-date en-visit.txt `yesterday`",
            "error visit-date fr-visit.txt `du 3 au 5 juin 2024`",
            "error visit-gap fr-visit.txt `12 ans`",
            "error king-first fr-visit.txt `première visite d'un roi ruritanien`",
            "error ties-anniversary fr-visit.txt `35 ans`",
            "warning trade fr-visit.txt `en hausse de 50 %`",
            "error monarch-ordinal fr-visit.txt `deuxième`",
            "error visit-date ru-visit.txt `3 июня`",
            "error visit-gap ru-visit.txt `10 лет`",
            "error king-first ru-visit.txt `первый визит руританского короля`",
            "error ties-anniversary ru-visit.txt `1990-2023`",
            "warning trade ru-visit.txt `рост на 50%`",
            "error rudolf-ordinal ru-visit.txt `третий`",
            "note ties-anniversary undated.txt `34 years`",
            "error monarch-ordinal vi-ordinal.txt `lần thứ hai`",
            "error ties-anniversary vi-span.txt `1990-2023`",
            "error visit-gap vi-visit.txt `10 năm`",
        ]
    );
    // The traps were read, not skipped: 34 claims in all.
    assert_eq!(report["summary"]["mentions"], 34);
}

#[test]
fn temporal_report_snapshot() {
    let (stdout, _) = run("human");
    insta::with_settings!({
        snapshot_path => "../snapshots",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!("temporal_fixture_human", stdout);
    });
}
