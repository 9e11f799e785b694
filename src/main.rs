//! The `factlint` command line: parse arguments, call the library, map the result to
//! an exit code (0 clean, 1 findings at or above `--fail-on`, 2 usage/config/rule error).

mod progress;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use factlint::report::HumanOptions;
use factlint::{Cache, Checker, Error, Format, Rules, Severity, Sources};
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
    /// List or inspect the rule packs.
    Rules(RulesArgs),
}

#[derive(clap::Args)]
struct RulesArgs {
    /// Rule file or directory of *.toml rule files; repeatable (default: rules/).
    #[arg(long = "rules", value_name = "DIR|FILE")]
    rules: Vec<PathBuf>,
    /// Print every claim pattern as the regex it compiles to, one per line (they
    /// match folded, lowercase text: search raw text case-insensitively).
    #[arg(long)]
    expanded_patterns: bool,
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
    /// Reuse and update the extraction cache (default unless the CI variable is set).
    #[arg(long, overrides_with = "no_cache")]
    cache: bool,
    /// Neither read nor write the extraction cache (default when CI is set).
    #[arg(long, overrides_with = "cache")]
    no_cache: bool,
    /// Directory of the extraction cache.
    #[arg(long, value_name = "DIR", default_value = factlint::cache::DEFAULT_DIR)]
    cache_dir: PathBuf,
    /// Print run statistics to standard error.
    #[arg(long, short)]
    verbose: bool,
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
        Command::Rules(args) => rules(args),
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
    let rule_paths = rule_paths(args.rules);
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
    let sources = Sources::discover(&paths, &default_lang)?;
    let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
    let use_cache = args.cache || (!args.no_cache && !ci);
    let cache = use_cache.then(|| Cache::new(&args.cache_dir, &rules, &default_lang));
    let progress = progress::Progress::new(sources.len());
    let (report, stats) =
        Checker::new(&rules).check_sources(&sources, cache.as_ref(), &|| progress.inc());
    progress.finish();
    if args.verbose {
        eprintln!(
            "{} documents, {} re-extracted, {} from cache",
            stats.documents, stats.extracted, stats.from_cache
        );
    }
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

fn rule_paths(given: Vec<PathBuf>) -> Vec<PathBuf> {
    if given.is_empty() {
        vec![PathBuf::from("rules")]
    } else {
        given
    }
}

fn rules(args: RulesArgs) -> Result<ExitCode, Error> {
    let rules = Rules::load(&rule_paths(args.rules))?;
    let mut out = String::new();
    if args.expanded_patterns {
        for pattern in rules.expanded_patterns() {
            out.push_str(&pattern);
            out.push('\n');
        }
    } else {
        for claim in &rules.claims {
            out.push_str(&format!("{}\t{}\n", claim.id, claim.kind.name()));
        }
    }
    write_output(None, &out)?;
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
