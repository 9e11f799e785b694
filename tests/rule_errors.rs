//! Every rule-file validation error has a fixture in tests/fixtures/rule-errors/ and a
//! snapshot of its rendered diagnostic (no colour, fixed width).

use std::path::Path;

use miette::{GraphicalReportHandler, GraphicalTheme};

fn render(err: &factlint::Error) -> String {
    let handler = GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
        .with_width(90)
        .with_links(false);
    let mut out = String::new();
    handler.render_report(&mut out, err).expect("render");
    out
}

fn load(path: &Path) -> factlint::Error {
    let text = std::fs::read_to_string(path).expect("fixture");
    let name = format!(
        "fixtures/{}",
        path.file_name().and_then(|n| n.to_str()).expect("name")
    );
    factlint::Rules::from_toml(&name, &text).expect_err("fixture must be rejected")
}

#[test]
fn each_rule_error_is_located() {
    insta::glob!("fixtures/rule-errors/*.toml", |path| {
        let err = load(path);
        insta::with_settings!({
            snapshot_path => "../snapshots",
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(render(&err));
        });
    });
}

#[test]
fn three_mistakes_give_three_diagnostics() {
    let err = load(Path::new("tests/fixtures/rule-errors/three-mistakes.toml"));
    let factlint::Error::Rules(errors) = &err else {
        panic!("not a rules error: {err}")
    };
    let messages: Vec<&str> = errors.0.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(messages.len(), 3, "{messages:#?}");
    assert!(
        messages[0].contains("unknown field `sorce`"),
        "{messages:#?}"
    );
    assert!(
        messages[1].contains("`a lot` is not a value"),
        "{messages:#?}"
    );
    assert!(
        messages[2].contains("unknown placeholder `{moneyy}`"),
        "{messages:#?}"
    );
    let rendered = render(&err);
    for line in [
        "three-mistakes.toml:5:1",
        "three-mistakes.toml:9:9",
        "three-mistakes.toml:16:",
    ] {
        assert!(
            rendered.contains(line),
            "missing location {line} in\n{rendered}"
        );
    }
}
