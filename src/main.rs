//! The `factlint` command line: parse arguments, call the library, map the result to
//! an exit code (0 clean, 1 findings at or above `--fail-on`, 2 usage/config/rule error).

mod batch;
mod progress;

use std::collections::BTreeSet;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::{Parser, Subcommand, ValueEnum};
use factlint::config::Config;
use factlint::corpus::{JsonlFields, LoadOptions, Walked};
use factlint::report::HumanOptions;
use factlint::rules::Compile;
use factlint::{
    Cache, CacheFiles, Checker, Corpus, Error, Format, Report, Rules, RunStats, Severity, Sources,
    gate,
};
use miette::{GraphicalReportHandler, GraphicalTheme};

const AFTER_HELP: &str = "\
Examples:
  factlint check                          check seeds/ against rules/
  factlint check articles/ --rules rules/vn-kz.toml
  factlint check --format json --output report.json
  factlint check --fail-on warning        also fail on warnings
  factlint check --staged                 only the staged documents (pre-commit)
  factlint check --format sarif --output factlint.sarif
  factlint check --baseline factlint-baseline.json

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
    /// Read one value ("gần 1 tỷ USD") the way claims are read; print it as JSON.
    #[command(after_help = PARSE_HELP)]
    Parse(ParseArgs),
    /// Record the current findings so `check --baseline` reports only new ones.
    Baseline(BaselineArgs),
    /// Write a commented starter factlint.toml and rules/example.toml.
    Init,
    /// Manage the git pre-commit hook.
    #[command(subcommand)]
    Hook(HookCommand),
    /// Run every [[claim.example]] and [[entity.example]] of the rules (exit 1 on a failure).
    Test(TestArgs),
    /// Describe a claim, an entity or a built-in rule code.
    Explain(ExplainArgs),
    /// List every claim and entity of the rules; --check only validates.
    Rules(RulesArgs),
}

const PARSE_HELP: &str = "\
Examples:
  factlint parse --lang vi \"gần 1 tỷ USD\"
  factlint parse --lang de --kind date --doc-date 2025-05-05 \"vom 5. bis 7. Mai\"
  printf '%s\\n' '{\"id\":1,\"lang\":\"en\",\"text\":\"about $1 billion\"}' | factlint parse --jsonl

Output (one JSON object per value): kind, value, low, high, unit, hedge, date, start,
end, span; or {\"error\": …}. With --jsonl every input line gets exactly one output
line, in order, with the same id. Format: docs/cli.md.

The value is read alone, as a claim's placeholder reads it. What `check` takes from
the sentence around a value is not applied: a month or day without a year is placed
in the document's year here, while `check` puts one that would lie after the document
date in the year before unless a future word stands before it (\"voted in November\"
in copy of February), and reads a minus or a since-word written outside the value.";

#[derive(clap::Args)]
struct ParseArgs {
    /// The text to read (omit with --jsonl).
    text: Option<String>,
    /// Language of the text.
    #[arg(long, default_value = "en")]
    lang: String,
    /// Document date (YYYY-MM-DD) for relative dates ("hôm qua", "21/8").
    #[arg(long, value_name = "DATE")]
    doc_date: Option<chrono::NaiveDate>,
    /// Kind of value to look for (money, number, measure, percent, change, duration, year,
    /// period, date, daterange, yearspan, ordinal, rank); default: the most specific.
    #[arg(long)]
    kind: Option<String>,
    /// Read JSON lines from standard input: {"id", "lang", "text", "doc_date", "kind"}.
    #[arg(long, conflicts_with = "text")]
    jsonl: bool,
    /// Rule files or directories whose language packs (`lang/xx.toml`) apply, as they
    /// do in `check`: a pack's additions (hedges, number words) are read too.
    #[arg(long = "rules", value_name = "DIR|FILE")]
    rules: Vec<PathBuf>,
}

#[derive(Subcommand)]
enum HookCommand {
    /// Write .git/hooks/pre-commit running `factlint check --staged`.
    Install {
        /// Replace a pre-commit hook that factlint did not write.
        #[arg(long)]
        force: bool,
    },
}

#[derive(clap::Args)]
struct TestArgs {
    /// Rule files or directories (default: the `rules` of factlint.toml, else rules/).
    rules: Vec<PathBuf>,
    /// The same as a positional argument, spelled as `check` spells it; repeatable.
    #[arg(long = "rules", value_name = "DIR|FILE")]
    rules_flag: Vec<PathBuf>,
}

#[derive(clap::Args)]
#[command(after_help = EXPLAIN_HELP)]
struct ExplainArgs {
    /// A claim id, an entity id, or a built-in code (misspelled-name, discouraged-name,
    /// near-miss-name, role-conflict, role-start, former-name, deceased-marker,
    /// wrong-weekday, wrong-relative-day, agreement).
    rule_id: String,
    /// Documents or directories: list every mention of the claim in them, with its
    /// arithmetic and verdict ("ok" or the conflict), agreeing mentions included.
    paths: Vec<PathBuf>,
    /// Rule file or directory; repeatable (default: the `rules` of factlint.toml, else rules/).
    #[arg(long = "rules", value_name = "DIR|FILE")]
    rules: Vec<PathBuf>,
}

const EXPLAIN_HELP: &str = "\
Examples:
  factlint explain ties-anniversary                describe the claim
  factlint explain ties-anniversary seeds/         … and walk through its mentions in seeds/
  factlint explain trade-volume draft.md --rules rules/vn-kz.toml

With PATHS, each mention is listed after the description as FILE:LINE:COLUMN `text`,
then one line per step of its check: the arithmetic and the verdict, e.g.
  event 1992-06-29, document 2025-05-05: 32 completed years, 33 calendar years; stated 33 — ok";

#[derive(clap::Args)]
struct RulesArgs {
    /// Only validate the rules: print nothing on success (exit 0), the problems otherwise (exit 2).
    #[arg(long, conflicts_with = "expanded_patterns")]
    check: bool,
    /// Print every claim pattern as the regex it compiles to, one per line, for other
    /// tools (they match folded text: lowercase, without diacritics; search raw text
    /// case-insensitively).
    #[arg(long)]
    expanded_patterns: bool,
    /// Rule files or directories (default: the `rules` of factlint.toml, else rules/).
    rules: Vec<PathBuf>,
    /// The same as a positional argument, spelled as `check` spells it; repeatable.
    #[arg(long = "rules", value_name = "DIR|FILE")]
    rules_flag: Vec<PathBuf>,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// Documents or directories to check (default: seeds/).
    paths: Vec<PathBuf>,
    /// Rule file or directory of *.toml rule files; repeatable (default: the `rules` of factlint.toml, else rules/).
    #[arg(long = "rules", value_name = "DIR|FILE")]
    rules: Vec<PathBuf>,
    /// Output format [default: factlint.toml's `format`, else human].
    #[arg(long, value_enum)]
    format: Option<OutputFormat>,
    /// Write the report to FILE instead of standard output.
    #[arg(long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Lowest severity that makes the run fail (exit 1) [default: factlint.toml's
    /// `fail_on`, else error].
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Check the staged version (git index) of added and modified documents under
    /// PATHS, against the whole corpus; report only findings in them.
    #[arg(long, conflicts_with = "changed_since")]
    staged: bool,
    /// Like --staged, for documents changed between REV and the working tree.
    #[arg(long, value_name = "REV")]
    changed_since: Option<String>,
    /// Apply safe fixes (known misspellings, discouraged forms) in place, then report
    /// what remains.
    #[arg(long, conflicts_with_all = ["staged", "changed_since", "diff"])]
    fix: bool,
    /// With --fix or --diff: also apply unsafe fixes (near-miss guesses).
    #[arg(long)]
    fix_unsafe: bool,
    /// Print the fixes as a unified diff instead of the report; write nothing
    /// (exit 1 when there is something to fix).
    #[arg(long, conflicts_with_all = ["staged", "changed_since"])]
    diff: bool,
    /// Fields of JSON Lines records: text=…,date=…,lang=…,id=… (defaults: the role names).
    #[arg(long, value_name = "ROLE=FIELD,…", value_parser = clap::value_parser!(JsonlFields))]
    jsonl_fields: Option<JsonlFields>,
    /// Larger files are not read (a `file-too-large` error); bytes, or with a
    /// KiB/MiB/GiB suffix.
    #[arg(long, value_name = "SIZE", default_value = "64MiB", value_parser = parse_size)]
    max_file_size: u64,
    /// Report only findings not recorded in this baseline (see `factlint baseline`).
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Reuse and update the extraction cache (the default unless the CI variable is
    /// set): unchanged files are not read again.
    #[arg(long, overrides_with = "no_cache")]
    cache: bool,
    /// Neither read nor write the extraction cache (the default when CI is set).
    #[arg(long, overrides_with = "cache")]
    no_cache: bool,
    /// Directory of the extraction cache [default: .factlint-cache beside
    /// factlint.toml, else in the working directory].
    #[arg(long, value_name = "DIR")]
    cache_dir: Option<PathBuf>,
    /// Print run statistics (files read, files taken from the cache) to standard error.
    #[arg(long, short)]
    verbose: bool,
}

#[derive(clap::Args)]
struct BaselineArgs {
    /// Documents or directories (default: seeds/).
    paths: Vec<PathBuf>,
    /// Rule file or directory of *.toml rule files; repeatable (default: the `rules` of factlint.toml, else rules/).
    #[arg(long = "rules", value_name = "DIR|FILE")]
    rules: Vec<PathBuf>,
    /// Where to write the baseline.
    #[arg(long, value_name = "FILE", default_value = gate::baseline::DEFAULT_PATH)]
    output: PathBuf,
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    /// Diagnostics with source excerpts, for people.
    Human,
    /// The stable JSON report (version 1).
    Json,
    /// SARIF 2.1.0, for code-scanning tools (GitHub code scanning).
    Sarif,
    /// GitHub Actions workflow commands: annotations on the changed files.
    Github,
    /// Stable plain text for snapshot tests and review (no colours, no widths).
    Snapshot,
    /// One self-contained HTML page (use with --output report.html).
    Html,
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

/// Keeps glibc's mmap threshold at its default (128 KiB) instead of letting it
/// grow. glibc raises the threshold to the size of every large buffer freed (up to
/// 32 MiB); a run frees several (the manifest text, discovery's lists), after which
/// the regex engines' growing caches and other large buffers come from the heap and
/// leave resident holes there. Measured on the 1 GB benchmark corpus: peak RSS
/// 224 MB → 194 MB, with no measurable change in time.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn tune_allocator() {
    // SAFETY: `mallopt` only sets an allocator parameter (it takes the allocator's
    // own lock); it is called before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn tune_allocator() {}

fn main() -> ExitCode {
    tune_allocator();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => check(args),
        Command::Parse(args) => parse(args),
        Command::Baseline(args) => baseline(args),
        Command::Init => init(),
        Command::Hook(HookCommand::Install { force }) => hook_install(force),
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

/// Rule and document paths of a run: the command line, else factlint.toml, else
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

/// `rules/` and `seeds/`.
fn run_paths(
    config: &Config,
    rules: Vec<PathBuf>,
    paths: Vec<PathBuf>,
) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let pick = |given: Vec<PathBuf>, configured: &[PathBuf], default: &str| {
        if !given.is_empty() {
            given
        } else if !configured.is_empty() {
            configured.to_vec()
        } else {
            vec![config.base.join(default)]
        }
    };
    (
        pick(rules, &config.rules, "rules"),
        pick(paths, &config.paths, "seeds"),
    )
}

fn check(args: CheckArgs) -> Result<ExitCode, Error> {
    let config = Config::discover(&current_dir()?)?;
    let (rule_paths, paths) = run_paths(&config, args.rules, args.paths);
    let format = match (args.format, config.format.as_deref()) {
        (Some(format), _) => format,
        (None, Some(name)) => OutputFormat::from_str(name, true).unwrap_or(OutputFormat::Human),
        (None, None) => OutputFormat::Human,
    };
    let fail_on = match (args.fail_on, config.fail_on.as_deref()) {
        (Some(level), _) => level,
        (None, Some(name)) => FailOn::from_str(name, true).unwrap_or(FailOn::Error),
        (None, None) => FailOn::Error,
    };
    let scope = match (args.staged, args.changed_since) {
        (true, _) => Some(gate::git::Scope::Staged),
        (false, Some(rev)) => Some(gate::git::Scope::ChangedSince(rev)),
        (false, None) => None,
    };
    let mut setup = Vec::new();
    let clock = Instant::now();
    let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
    let cache_dir = (args.cache || (!args.no_cache && !ci)).then(|| {
        args.cache_dir
            .clone()
            .unwrap_or_else(|| config.base.join(factlint::cache::DEFAULT_DIR))
    });
    // Patterns are compiled when first used, not all up front: a run over a few
    // documents needs a few of them, and compiling a large user pack took seconds.
    // A syntax error still stops the run before it starts; a pattern too large once
    // compiled stops it, located, after the documents that needed it.
    let when = Compile::OnFirstUse;
    // Git is asked what changed, and the cache's files are read, while the rules
    // load and the corpus is walked.
    let cwd = current_dir()?;
    // A run with a cache reads the files' stamps while it walks.
    let stamped = cache_dir.is_some();
    let (loaded, cache_files, changes) = std::thread::scope(|threads| {
        let cache_files = cache_dir.map(|dir| threads.spawn(|| timed(|| CacheFiles::read(dir))));
        let changes = scope
            .as_ref()
            .map(|scope| threads.spawn(|| timed(|| gate::git::changes(&cwd, scope))));
        let loaded = load_rules_and_walk(&rule_paths, &paths, when, stamped);
        (loaded, cache_files.map(join), changes.map(join))
    });
    // A git error first, then a rule error, then a discovery error.
    let mut parts = String::new();
    let changes = match changes {
        Some((changes, time)) => {
            parts = format!("git {:.3} s, ", time.as_secs_f64());
            Some(changes?)
        }
        None => None,
    };
    let ((rules, rules_time), (walked, discovery_time)) = loaded?;
    let options = LoadOptions {
        jsonl_fields: args.jsonl_fields.unwrap_or_default(),
        max_file_size: args.max_file_size,
        overrides: changes
            .as_ref()
            .map(|c| c.overrides.clone())
            .unwrap_or_default(),
        ..LoadOptions::default()
    };
    let sources = sources_for(&config, &rules, walked?, &paths, &options);
    let checker = Checker::new(&rules);
    parts.push_str(&format!(
        "rules {:.3} s, discovery {:.3} s",
        rules_time.as_secs_f64(),
        discovery_time.as_secs_f64()
    ));
    let cache_files = cache_files.map(|(files, time)| {
        parts.push_str(&format!(", cache read {:.3} s", time.as_secs_f64()));
        files
    });
    setup.push((format!("load ({parts}, at once)"), clock.elapsed()));
    let clock = Instant::now();
    let cache = cache_files.map(|files| Cache::open(files, &rules));
    setup.push(("cache open".to_string(), clock.elapsed()));
    // With --staged or --changed-since only the changed documents' findings are
    // reported, and the run reads of the rest only what those findings need.
    let changed = changes
        .as_ref()
        .map(|changes| gate::scope::changed_names(sources.names(), &changes.changed));
    let run = || {
        let (report, stats) = run_check(
            &checker,
            &config,
            &sources,
            cache.as_ref(),
            changed.as_ref(),
        );
        if args.verbose {
            print_stats(&stats, &setup);
        }
        match &changed {
            Some(changed) => gate::scope::restrict(report, changed),
            None => report,
        }
    };
    let mut report = run();
    rules.failed_patterns()?;
    if args.diff || args.fix {
        let (fixes, problems) = factlint::fix::plan(&report, Path::new(""), args.fix_unsafe);
        for problem in &problems {
            eprintln!("factlint: cannot fix {}: {}", problem.file, problem.message);
        }
        if args.diff {
            write_output(None, &factlint::fix::diff(&fixes))?;
            return Ok(if fixes.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            });
        }
        let mut fixed = 0;
        for fix in &fixes {
            match factlint::fix::write(fix) {
                Ok(()) => {
                    fixed += 1;
                    eprintln!(
                        "factlint: fixed {} ({} edit{})",
                        fix.file,
                        fix.edits,
                        if fix.edits == 1 { "" } else { "s" }
                    );
                }
                Err(problem) => {
                    eprintln!("factlint: cannot fix {}: {}", problem.file, problem.message)
                }
            }
        }
        if fixed > 0 {
            // Report what remains after the fixes.
            report = run();
        }
    }
    if let Some(path) = &args.baseline {
        let mut baseline = gate::baseline::Baseline::load(path)?;
        if let Some(changed) = &changed {
            baseline.restrict(changed);
        }
        let applied = baseline.apply(report);
        report = applied.report;
        eprintln!(
            "factlint: {} finding{} matched the baseline",
            applied.matched,
            if applied.matched == 1 { "" } else { "s" }
        );
        if applied.stale > 0 {
            eprintln!(
                "factlint: {} baseline finding{} no longer occur{}; refresh it with `factlint baseline`",
                applied.stale,
                if applied.stale == 1 { "" } else { "s" },
                if applied.stale == 1 { "s" } else { "" }
            );
        }
    }
    if changed.as_ref().is_some_and(BTreeSet::is_empty) {
        eprintln!("factlint: no changed documents to check");
    }
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let color = to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    // The report is written as it is rendered: a large one is never held whole.
    write_output_with(args.output.as_ref(), |out| match format {
        OutputFormat::Human => report.write_human(&HumanOptions { color, width: 100 }, out),
        OutputFormat::Json => report.write(Format::Json, out),
        OutputFormat::Sarif => report.write_sarif(&rules, out),
        OutputFormat::Github => report.write(Format::Github, out),
        OutputFormat::Snapshot => report.write(Format::Snapshot, out),
        OutputFormat::Html => report.write(Format::Html, out),
    })?;
    let threshold = match fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Never => None,
    };
    let failed = matches!((threshold, report.max_severity()), (Some(t), Some(max)) if max >= t);
    // The process ends here: freeing a large corpus's sources, cache and report one
    // allocation at a time would take a good part of a second for nothing.
    drop(checker);
    std::mem::forget((sources, cache, report, rules));
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Loads the rules and discovers the sources of a run at the same time, the sources
/// narrowed by the configuration's excludes, each with the wall time it took. The
/// sources read documents with the rules' default language; a rule error is
/// reported before a discovery error, as when they ran one after the other.
fn load_rules_and_sources(
    config: &Config,
    rule_paths: &[PathBuf],
    paths: &[PathBuf],
    options: &LoadOptions,
    when: Compile,
) -> Result<(Timed<Rules>, Timed<Sources>), Error> {
    let ((rules, rules_time), (walked, discovery_time)) =
        load_rules_and_walk(rule_paths, paths, when, false)?;
    let sources = sources_for(config, &rules, walked?, paths, options);
    Ok(((rules, rules_time), (sources, discovery_time)))
}

/// Loads the rules while the corpus is walked (reading the files' stamps when
/// `stamped`, for the cache), each with the wall time it took; a rule error is
/// returned first, a walk error is left to the caller.
fn load_rules_and_walk(
    rule_paths: &[PathBuf],
    paths: &[PathBuf],
    when: Compile,
    stamped: bool,
) -> Result<RulesAndWalk, Error> {
    let (rules, walked) = std::thread::scope(|threads| {
        let walked = threads.spawn(|| timed(|| Sources::walk(paths, stamped)));
        let rules = timed(|| Rules::load_with(rule_paths, when));
        (rules, join(walked))
    });
    let (rules, rules_time) = rules;
    Ok(((rules?, rules_time), walked))
}

/// The sources of the walked files under `options`, reading documents with the
/// rules' default language, without the configuration's excludes.
fn sources_for(
    config: &Config,
    rules: &Rules,
    walked: Walked,
    paths: &[PathBuf],
    options: &LoadOptions,
) -> Sources {
    let mut sources = Sources::from_walked(walked, paths, options);
    sources.set_default_lang(rules.meta.default_lang.as_deref().unwrap_or("en"));
    sources.retain(|name| !config.excludes(name));
    sources
}

/// The result of a scoped thread, its panic resumed on this thread.
fn join<T>(thread: std::thread::ScopedJoinHandle<'_, T>) -> T {
    thread
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// A result and the wall time it took.
type Timed<T> = (T, Duration);

/// The loaded rules and the walk of the corpus (whose error the caller reports
/// after its own), each with the wall time it took.
type RulesAndWalk = (Timed<Rules>, Timed<Result<Walked, Error>>);

/// The result of `work` and the wall time it took.
fn timed<T>(work: impl FnOnce() -> T) -> Timed<T> {
    let clock = Instant::now();
    let result = work();
    (result, clock.elapsed())
}

/// Checks the documents of `sources` one at a time and applies the configuration's
/// severities and ignores; with a `focus`, only the findings of the sources it names
/// are complete (see [`Checker::check_sources`]).
fn run_check(
    checker: &Checker,
    config: &Config,
    sources: &Sources,
    cache: Option<&Cache>,
    focus: Option<&BTreeSet<String>>,
) -> (Report, RunStats) {
    let progress = progress::Progress::new(sources.len());
    let (report, stats) = checker.check_sources(sources, cache, focus, &|| progress.inc());
    progress.finish();
    (config.apply(report), stats)
}

/// The `--verbose` lines of a run: file counts, then the wall time of each phase.
fn print_stats(stats: &RunStats, setup: &[(String, Duration)]) {
    let snapshot = match stats.from_snapshot {
        0 => String::new(),
        n => format!(" ({n} only for their mentions of the changed documents' keys)"),
    };
    eprintln!(
        "factlint: {} file{}: {} extracted, {} from the cache{snapshot}",
        stats.files,
        if stats.files == 1 { "" } else { "s" },
        stats.extracted,
        stats.from_cache
    );
    let phases: Vec<String> = setup
        .iter()
        .map(|(phase, time)| (phase.as_str(), time))
        .chain(stats.phases.iter().map(|(phase, time)| (*phase, time)))
        .map(|(phase, time)| format!("{phase} {:.3} s", time.as_secs_f64()))
        .collect();
    eprintln!("factlint: time: {}", phases.join(", "));
}

fn parse(args: ParseArgs) -> Result<ExitCode, Error> {
    if !args.rules.is_empty() {
        Rules::load_lang_packs(&rule_paths(args.rules)?)?;
    }
    if args.jsonl {
        let stdin = std::io::stdin();
        let mut out = String::new();
        batch::run(stdin.lock(), |chunk| {
            out.clear();
            for line in chunk {
                out.push_str(line);
                out.push('\n');
            }
            write_output(None, &out)
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    let Some(text) = args.text else {
        return Err(Error::Usage {
            message: "nothing to parse".to_string(),
            help: Some("give the text as an argument, or --jsonl to read stdin".to_string()),
        });
    };
    let hint = match args.kind.as_deref() {
        Some(name) => Some(factlint::reading::kind_by_name(name).ok_or_else(|| Error::Usage {
            message: format!("unknown value kind `{name}`"),
            help: Some("use money, number, measure, percent, change, duration, year, period, date, daterange, yearspan, ordinal or rank".into()),
        })?),
        None => None,
    };
    let result = factlint::reading::read(&text, &args.lang, args.doc_date, hint);
    let (json, code) = match &result {
        Ok(reading) => (serde_json::to_value(reading), ExitCode::SUCCESS),
        Err(error) => (Ok(serde_json::json!({ "error": error })), ExitCode::from(1)),
    };
    let line = json
        .map(|v| v.to_string())
        .unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    write_output(None, &format!("{line}\n"))?;
    Ok(code)
}

fn baseline(args: BaselineArgs) -> Result<ExitCode, Error> {
    let config = Config::discover(&current_dir()?)?;
    let (rule_paths, paths) = run_paths(&config, args.rules, args.paths);
    let ((rules, _), (sources, _)) = load_rules_and_sources(
        &config,
        &rule_paths,
        &paths,
        &LoadOptions::default(),
        Compile::Now,
    )?;
    let (report, _) = run_check(&Checker::new(&rules), &config, &sources, None, None);
    let baseline = gate::baseline::Baseline::from_report(&report);
    write_output(Some(&args.output), &baseline.to_json())?;
    eprintln!(
        "factlint: recorded {} finding{} in {}",
        report.findings.len(),
        if report.findings.len() == 1 { "" } else { "s" },
        args.output.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn init() -> Result<ExitCode, Error> {
    let files = [
        (
            PathBuf::from(factlint::config::CONFIG_NAME),
            factlint::config::STARTER_CONFIG,
        ),
        (
            PathBuf::from("rules/example.toml"),
            factlint::config::STARTER_RULES,
        ),
    ];
    if let Some((path, _)) = files.iter().find(|(path, _)| path.exists()) {
        return Err(Error::Usage {
            message: format!("{} already exists; nothing was written", path.display()),
            help: Some("remove or rename it first; factlint init never overwrites".into()),
        });
    }
    std::fs::create_dir_all("rules").map_err(|source| Error::Io {
        path: PathBuf::from("rules"),
        source,
    })?;
    for (path, text) in &files {
        write_output(Some(path), text)?;
        eprintln!("wrote {}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}

fn hook_install(force: bool) -> Result<ExitCode, Error> {
    let exe = std::env::current_exe().map_err(|source| Error::Io {
        path: PathBuf::from("<current executable>"),
        source,
    })?;
    match gate::hook::install(&current_dir()?, &exe, force)? {
        gate::hook::Installed::Created(path) => eprintln!("installed {}", path.display()),
        gate::hook::Installed::Replaced(path) => eprintln!("replaced {}", path.display()),
    }
    Ok(ExitCode::SUCCESS)
}

fn current_dir() -> Result<PathBuf, Error> {
    std::env::current_dir().map_err(|source| Error::Io {
        path: PathBuf::from("."),
        source,
    })
}

/// The rule paths given, else those of factlint.toml, else its `rules/` (as `check`
/// picks them).
fn rule_paths(paths: Vec<PathBuf>) -> Result<Vec<PathBuf>, Error> {
    let config = Config::discover(&current_dir()?)?;
    Ok(run_paths(&config, paths, Vec::new()).0)
}

fn self_test(args: TestArgs) -> Result<ExitCode, Error> {
    let rules = Rules::load(&rule_paths([args.rules, args.rules_flag].concat())?)?;
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
    let config = Config::discover(&current_dir()?)?;
    // Patterns compile when a walkthrough first needs them, as in `check`: a
    // description matches nothing.
    let rules = Rules::load_with(
        &run_paths(&config, args.rules, Vec::new()).0,
        Compile::OnFirstUse,
    )?;
    let text = if args.paths.is_empty() {
        factlint::explain::explain(&rules, &args.rule_id)?
    } else {
        let options = LoadOptions {
            default_lang: rules
                .meta
                .default_lang
                .clone()
                .unwrap_or_else(|| "en".into()),
            ..LoadOptions::default()
        };
        // The documents `check` would read: the configuration's excludes apply.
        let mut sources = Sources::discover(&args.paths, &options)?;
        sources.retain(|name| !config.excludes(name));
        let corpus = Corpus::from_sources(&sources);
        let text = factlint::explain::explain_in(&rules, &args.rule_id, &corpus)?;
        rules.failed_patterns()?;
        text
    };
    write_output(None, &text)?;
    Ok(ExitCode::SUCCESS)
}

fn list_rules(args: RulesArgs) -> Result<ExitCode, Error> {
    // Every pattern is compiled to be checked, and dropped: nothing here matches.
    let rules = Rules::load_with(
        &rule_paths([args.rules, args.rules_flag].concat())?,
        Compile::Validate,
    )?;
    if args.expanded_patterns {
        let mut out = String::new();
        for pattern in rules.expanded_patterns() {
            out.push_str(&pattern);
            out.push('\n');
        }
        write_output(None, &out)?;
    } else if !args.check {
        write_output(None, &factlint::explain::rules_table(&rules))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn write_output(path: Option<&PathBuf>, text: &str) -> Result<(), Error> {
    write_output_with(path, |out| out.write_all(text.as_bytes()))
}

/// Runs `write` on the file at `path` (created or truncated) or on stdout.
fn write_output_with(
    path: Option<&PathBuf>,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Error> {
    match path {
        Some(path) => std::fs::File::create(path)
            .and_then(|file| {
                let mut file = std::io::BufWriter::new(file);
                write(&mut file)?;
                file.flush()
            })
            .map_err(|source| Error::Io {
                path: path.clone(),
                source,
            }),
        None => {
            // Buffered: stdout alone would make a system call at every line.
            let mut stdout = std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
            match write(&mut stdout).and_then(|()| stdout.flush()) {
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
