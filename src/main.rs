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
    /// Run every [[claim.example]] and [[entity.example]] of the rules (exit 1 on a failure).
    Test(TestArgs),
    /// Describe a claim, an entity or a built-in rule code.
    Explain(ExplainArgs),
    /// List every claim and entity of the rules; --check only validates.
    Rules(RulesArgs),
}

#[derive(clap::Args)]
struct TestArgs {
    /// Rule files or directories (default: rules/).
    rules: Vec<PathBuf>,
}

#[derive(clap::Args)]
struct ExplainArgs {
    /// A claim id, an entity id, or a built-in code (misspelled-name, discouraged-name,
    /// near-miss-name, role-conflict, agreement).
    rule_id: String,
    /// Rule file or directory; repeatable (default: rules/).
    #[arg(long = "rules", value_name = "DIR|FILE")]
    rules: Vec<PathBuf>,
}

#[derive(clap::Args)]
struct RulesArgs {
    /// Only validate the rules: print nothing on success (exit 0), the problems otherwise (exit 2).
    #[arg(long)]
    check: bool,
    /// Rule files or directories (default: rules/).
    rules: Vec<PathBuf>,
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
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    /// Diagnostics with source excerpts, for people.
    Human,
    /// The stable JSON report (version 1).
    Json,
    /// Stable plain text for snapshot tests and review (no colours, no widths).
    Snapshot,
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
        Command::Test(args) => self_test(args),
        Command::Explain(args) => explain(args),
        Command::Rules(args) => list_rules(args),
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
    let corpus = Corpus::from_paths_with_default_lang(&paths, &default_lang)?;
    let report = Checker::new(&rules).check(&corpus);
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let rendered = match args.format {
        OutputFormat::Human => report.render_human(&HumanOptions {
            color: to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            width: 100,
        }),
        OutputFormat::Json => report.render(Format::Json),
        OutputFormat::Snapshot => report.render(Format::Snapshot),
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

/// The rule paths given, or `rules/`.
fn rule_paths(paths: Vec<PathBuf>) -> Vec<PathBuf> {
    if paths.is_empty() {
        vec![PathBuf::from("rules")]
    } else {
        paths
    }
}

fn self_test(args: TestArgs) -> Result<ExitCode, Error> {
    let rules = Rules::load(&rule_paths(args.rules))?;
    let run = factlint::selftest::run(&rules);
    let mut out = String::new();
    let handler = report_handler(false);
    for failure in &run.failures {
        if handler.render_report(&mut out, failure).is_err() {
            out.push_str(&format!("{failure}\n"));
        }
        out.push('\n');
    }
    out.push_str(&run.summary_line());
    out.push('\n');
    write_output(None, &out)?;
    Ok(if run.failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn explain(args: ExplainArgs) -> Result<ExitCode, Error> {
    let rules = Rules::load(&rule_paths(args.rules))?;
    let text = factlint::explain::explain(&rules, &args.rule_id)?;
    write_output(None, &text)?;
    Ok(ExitCode::SUCCESS)
}

fn list_rules(args: RulesArgs) -> Result<ExitCode, Error> {
    let rules = Rules::load(&rule_paths(args.rules))?;
    if !args.check {
        write_output(None, &factlint::explain::rules_table(&rules))?;
    }
    Ok(ExitCode::SUCCESS)
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

/// A miette handler with colours only when asked for.
fn report_handler(color: bool) -> GraphicalReportHandler {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_links(false)
}

fn print_error(err: &Error) {
    let color = std::io::stderr().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let handler = report_handler(color);
    let mut out = String::new();
    if handler.render_report(&mut out, err).is_err() {
        out = format!("error: {err}\n");
    }
    let _ = std::io::stderr().write_all(out.as_bytes());
}
