//! What checking one mention concluded: the arithmetic behind it and the verdict.
//!
//! Each claim-kind module splits its check into an `assess` step, which returns these
//! for one mention, and a `check` that keeps the findings. `check` reports the
//! findings; `factlint explain CLAIM PATHS…` (see `walkthrough`) prints every step,
//! agreeing ones included ("…; stated 33 — ok").

use super::Finding;

/// The outcome of one step of a check.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Verdict {
    /// The stated value agrees.
    Ok,
    /// The mention could not be checked; why.
    Unchecked(String),
    /// A finding: a conflict, or a note that context is missing.
    Finding(Box<Finding>),
    /// A finding that a suppression comment in the document removes (set only by
    /// `walkthrough`; `check` drops these findings at its end).
    Suppressed(Box<Finding>),
}

/// One step of a check on one mention: the arithmetic and what it concluded.
/// Most mentions have one step; an anniversary with a written span has two.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Step {
    /// "event 1992-06-29, document 2025-05-05: 32 completed years, 33 calendar
    /// years; stated 33"; empty when there is nothing to compute.
    pub arithmetic: String,
    /// What the step concluded.
    pub verdict: Verdict,
}

impl Step {
    /// A step that agrees.
    pub(crate) fn ok(arithmetic: String) -> Self {
        Step {
            arithmetic,
            verdict: Verdict::Ok,
        }
    }

    /// A step that yields `finding`.
    pub(crate) fn finding(arithmetic: String, finding: Finding) -> Self {
        Step {
            arithmetic,
            verdict: Verdict::Finding(Box::new(finding)),
        }
    }

    /// A step that could not be carried out.
    pub(crate) fn unchecked(arithmetic: String, why: impl Into<String>) -> Self {
        Step {
            arithmetic,
            verdict: Verdict::Unchecked(why.into()),
        }
    }

    /// The step's finding, if it has one.
    pub(crate) fn into_finding(self) -> Option<Finding> {
        match self.verdict {
            Verdict::Finding(finding) => Some(*finding),
            Verdict::Ok | Verdict::Unchecked(_) | Verdict::Suppressed(_) => None,
        }
    }
}

/// The findings of the steps, in order.
pub(crate) fn findings(steps: Vec<Step>) -> impl Iterator<Item = Finding> {
    steps.into_iter().filter_map(Step::into_finding)
}
