//! The rule reference cannot drift from the code: every ```toml block of
//! docs/rules.md, and of the check-module docs that `factlint explain` prints
//! (src/check/doc/*.md), is loaded with `Rules::from_toml` and must be valid.
//! Blocks marked ```toml,ignore are deliberately partial and skipped.

use std::path::Path;

/// The ```toml blocks of a markdown text, with the line each starts on.
fn toml_blocks(markdown: &str) -> Vec<(usize, String)> {
    let mut blocks = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (number, line) in markdown.lines().enumerate() {
        match &mut current {
            None if line.trim() == "```toml" => current = Some((number + 1, String::new())),
            None => {}
            Some(_) if line.trim() == "```" => blocks.extend(current.take()),
            Some((_, text)) => {
                text.push_str(line);
                text.push('\n');
            }
        }
    }
    assert!(current.is_none(), "unterminated ```toml block");
    blocks
}

fn check_file(path: &Path) -> usize {
    let markdown = std::fs::read_to_string(path).expect("read markdown");
    let blocks = toml_blocks(&markdown);
    for (line, text) in &blocks {
        let name = format!("{}:{line}", path.display());
        if let Err(err) = factlint::Rules::from_toml(&name, text) {
            panic!("{name}: block does not load: {err:?}\n{text}");
        }
    }
    blocks.len()
}

#[test]
fn every_toml_block_of_the_rule_reference_loads() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let count = check_file(&root.join("docs/rules.md"));
    assert!(count >= 5, "docs/rules.md has {count} toml blocks");
}

#[test]
fn every_toml_block_of_the_check_docs_loads() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/check/doc");
    let mut total = 0;
    for entry in std::fs::read_dir(dir).expect("src/check/doc") {
        total += check_file(&entry.expect("entry").path());
    }
    assert!(total >= 2, "{total} toml blocks in src/check/doc");
}

#[test]
fn a_broken_block_is_caught() {
    let blocks = toml_blocks("text\n```toml\n[[claim]]\nid = \"x\"\n```\n```toml,ignore\nx\n```\n");
    assert_eq!(blocks.len(), 1);
    assert!(factlint::Rules::from_toml("t", &blocks[0].1).is_err());
}
