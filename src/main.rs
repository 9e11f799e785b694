//! The `factlint` command line: parse arguments, call the library, map the result to
//! an exit code (0 clean, 1 findings at or above `--fail-on`, 2 usage/config/rule error).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use factlint::report::HumanOptions;
use factlint::{Checker, Corpus, Error, Format, Rules, Severity};
use miette::{GraphicalReportHandler, GraphicalTheme};

const AFTER_HELP: &str = "\
Examples:
  factlint check                          check seeds/ against rules/
  factlint check articles/ --rules rules/vn-kz.toml
  factlint check --format json --output report.json
  factlint check --fail-on warning        also fail on warnings

Exit codes: 0 no findings at or above --fail-on, 1 findings, 2 usage, config or rule error.";

/// factlint — a fact-consistency checker for news and editorial text.
///
/// Declarative TOML rules say what is true and what claims look like in each
/// language; factlint reads every document, extracts the claims it makes and reports
/// the ones that conflict with the rules or with each other.
#[derive(Parser)]
#[command(name = "factlint", version, after_help = AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check documents against the rules and against each other.
    #[command(after_help = AFTER_HELP)]
    Check(CheckArgs),
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Documents or directories to check (default: seeds/).
    paths: Vec<PathBuf>,
    /// Rule file or directory of *.toml rule files; repeatable (default: rules/).
    #[arg(long = "rules", value_name = "DIR|FILE")]
    rules: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    format: OutputFormat,
    /// Write the report to FILE instead of standard output.
    #[arg(long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Lowest severity that makes the run fail (exit 1).
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    fail_on: FailOn,
    /// Larger files are not read (a `file-too-large` error); bytes, or with a
    /// KiB/MiB/GiB suffix.
    #[arg(long, value_name = "SIZE", default_value = "64MiB", value_parser = parse_size)]
    max_file_size: u64,
}

/// A size in bytes: `1000`, `512KiB`, `64MiB`, `1GiB` (also `K`, `M`, `G`).
fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (digits, unit) = text.split_at(split);
    let shift = match unit.trim() {
        "" | "B" => 0,
        "K" | "KiB" => 10,
        "M" | "MiB" => 20,
        "G" | "GiB" => 30,
        other => return Err(format!("unknown size unit `{other}` (use KiB, MiB or GiB)")),
    };
    let number: u64 = digits
        .parse()
        .map_err(|_| format!("`{text}` is not a size (e.g. 64MiB)"))?;
    number
        .checked_mul(1 << shift)
        .ok_or_else(|| format!("`{text}` is too large"))
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    /// Diagnostics with source excerpts, for people.
    Human,
    /// The stable JSON report (version 1).
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    /// Fail on errors only.
    Error,
    /// Fail on warnings and errors.
    Warning,
    /// Never fail because of findings.
    Never,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => check(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            print_error(&err);
            ExitCode::from(2)
        }
    }
}

fn check(args: CheckArgs) -> Result<ExitCode, Error> {
    let rule_paths = if args.rules.is_empty() {
        vec![PathBuf::from("rules")]
    } else {
        args.rules
    };
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("seeds")]
    } else {
        args.paths
    };
    let rules = Rules::load(&rule_paths)?;
    let default_lang = rules
        .meta
        .default_lang
        .clone()
        .unwrap_or_else(|| "en".to_string());
    let corpus = Corpus::from_paths_with_limits(&paths, &default_lang, args.max_file_size)?;
    let report = Checker::new(&rules).check(&corpus);
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let rendered = match args.format {
        OutputFormat::Human => report.render_human(&HumanOptions {
            color: to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            width: 100,
        }),
        OutputFormat::Json => report.render(Format::Json),
    };
    write_output(args.output.as_ref(), &rendered)?;
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Never => None,
    };
    let failed = matches!((threshold, report.max_severity()), (Some(t), Some(max)) if max >= t);
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn write_output(path: Option<&PathBuf>, text: &str) -> Result<(), Error> {
    match path {
        Some(path) => std::fs::write(path, text).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        }),
        None => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
            {
                // A closed pipe (`factlint check | head`) is not an error.
                Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                Err(source) => Err(Error::Io {
                    path: PathBuf::from("<stdout>"),
                    source,
                }),
                Ok(()) => Ok(()),
            }
        }
    }
}

fn print_error(err: &Error) {
    let color = std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_links(false);
    let mut out = String::new();
    if handler.render_report(&mut out, err).is_err() {
        out = format!("error: {err}\n");
    }
    let _ = std::io::stderr().write_all(out.as_bytes());
}
