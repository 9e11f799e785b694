//! Synthetic corpus generator for benchmarks (issue 7).
//!
//! ```text
//! cargo run --release --example gen -- --out DIR --docs N --seed S [--lang-mix vi:0.5,en:0.3,de:0.2]
//!     [--conflict-rate 0.2]
//! ```
//! Writes N documents of 2–8 KB and their `corpus.toml` (lang and date of each) into
//! `DIR/docs/` (check it with `factlint check DIR/docs`), and `DIR/truth.jsonl` (one
//! planted conflict a line: file, rule, expected finding text).
//! Deterministic for a seed. The templates live in `gen/corpus.rs`, shared with the
//! truth test and the benchmarks.

#[path = "gen/corpus.rs"]
mod corpus;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("gen: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut opts = corpus::Options::default();
    let mut out: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--out" => out = Some(PathBuf::from(value()?)),
            "--docs" => opts.docs = value()?.parse().map_err(|_| "--docs: not a number")?,
            "--seed" => opts.seed = value()?.parse().map_err(|_| "--seed: not a number")?,
            "--lang-mix" => opts.mix = corpus::parse_mix(&value()?)?,
            "--conflict-rate" => {
                opts.conflict_rate = value()?
                    .parse()
                    .map_err(|_| "--conflict-rate: not a number")?;
            }
            "-h" | "--help" => {
                println!(
                    "usage: gen --out DIR --docs N --seed S [--lang-mix vi:0.5,en:0.3,de:0.2] [--conflict-rate 0.2]"
                );
                return Ok(());
            }
            other => return Err(format!("unknown argument `{other}` (see --help)")),
        }
    }
    let out = out.ok_or("--out DIR is required")?;
    let written = corpus::write(&out, &opts).map_err(|e| format!("{}: {e}", out.display()))?;
    eprintln!(
        "gen: {} documents, {:.1} MB, {} planted conflicts in {}",
        written.docs,
        written.bytes as f64 / 1e6,
        written.planted.len(),
        out.display()
    );
    Ok(())
}
