//! The progress bar of `factlint check` (binary only): on standard error, only when
//! it is a terminal, never when `CI` is set, and only once a run has taken more than
//! a second (`FACTLINT_PROGRESS_DELAY_MS` sets another delay), so quick runs and
//! pipes stay silent (issue 7).

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a run goes before the bar appears.
const DELAY: Duration = Duration::from_secs(1);

/// The variable that sets another delay, in milliseconds (tests show the bar at once
/// with `0`).
const DELAY_VARIABLE: &str = "FACTLINT_PROGRESS_DELAY_MS";

/// [`DELAY`], or the delay `FACTLINT_PROGRESS_DELAY_MS` sets.
fn delay() -> Duration {
    std::env::var(DELAY_VARIABLE)
        .ok()
        .and_then(|ms| ms.trim().parse().ok())
        .map_or(DELAY, Duration::from_millis)
}

/// A progress bar over `total` documents that shows itself after [`DELAY`].
pub(crate) struct Progress {
    bar: Option<ProgressBar>,
    start: Instant,
    delay: Duration,
    shown: AtomicBool,
}

impl Progress {
    /// A bar when standard error is a terminal and `CI` is unset; otherwise nothing.
    pub(crate) fn new(total: usize) -> Self {
        let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty());
        let bar = (std::io::stderr().is_terminal() && !ci).then(|| {
            let bar =
                ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::hidden());
            if let Ok(style) = ProgressStyle::with_template(
                "{spinner} checking {pos}/{len} documents [{bar:30}] {per_sec} eta {eta}",
            ) {
                bar.set_style(style.progress_chars("=> "));
            }
            bar
        });
        Progress {
            bar,
            start: Instant::now(),
            delay: delay(),
            shown: AtomicBool::new(false),
        }
    }

    /// One more document done.
    pub(crate) fn inc(&self) {
        let Some(bar) = &self.bar else {
            return;
        };
        if !self.shown.load(Ordering::Relaxed)
            && self.start.elapsed() >= self.delay
            && !self.shown.swap(true, Ordering::Relaxed)
        {
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        bar.inc(1);
    }

    /// Removes the bar before the report is written.
    pub(crate) fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
