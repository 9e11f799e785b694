//! Validation of temporal claim kinds (`date`, `anniversary`, `elapsed`, `since`,
//! `first`, `ordinal`) and of `false` statements: the event a claim names exists, its
//! tags are given, its participants are listed by some event, its patterns bind the
//! value the kind checks, and a false statement says what is correct.

use std::collections::{HashMap, HashSet};

use super::compile::Ctx;
use super::schema::{RawClaim, RawClaimKind};
use super::{ClaimKind, Origin};
use crate::extract::pattern::Pattern;
use crate::value::ValueKind;

/// The value kinds a pattern of each temporal kind must bind (one of them).
fn required_slots(kind: RawClaimKind) -> &'static [ValueKind] {
    match kind {
        RawClaimKind::Date => &[ValueKind::Date, ValueKind::DateRange, ValueKind::Year],
        RawClaimKind::Anniversary => &[ValueKind::Count, ValueKind::Ordinal],
        RawClaimKind::Elapsed => &[ValueKind::Count],
        RawClaimKind::Since => &[
            ValueKind::Count,
            ValueKind::Year,
            ValueKind::Date,
            ValueKind::DateRange,
        ],
        RawClaimKind::Ordinal => &[ValueKind::Ordinal],
        RawClaimKind::First | RawClaimKind::False | RawClaimKind::Quantity => &[],
    }
}

pub(super) fn claim_kind(
    ctx: &mut Ctx,
    kind: RawClaimKind,
    raw: &RawClaim,
    patterns: &[(Pattern, std::ops::Range<usize>)],
    has_cues: bool,
    events: &HashMap<String, Origin>,
    participants: &HashSet<String>,
) -> Option<ClaimKind> {
    let mut ok = true;
    let required = required_slots(kind);
    if !required.is_empty() {
        let names = required
            .iter()
            .map(|k| format!("{{{}}}", k.placeholder()))
            .collect::<Vec<_>>()
            .join(" or ");
        for (pattern, span) in patterns {
            if !pattern
                .slots
                .iter()
                .any(|s| s.label.is_none() && required.contains(&s.kind))
            {
                ctx.error(
                    span.clone(),
                    format!("a `{}` pattern must bind {names}", kind_name(kind)),
                    "no such placeholder here",
                    Some(format!("add {names} to the pattern")),
                );
                ok = false;
            }
        }
    }
    if has_cues
        && !matches!(
            kind,
            RawClaimKind::Date
                | RawClaimKind::Since
                | RawClaimKind::Anniversary
                | RawClaimKind::Elapsed
        )
    {
        ctx.error(
            raw.id.span(),
            format!(
                "`{}` claims are written with patterns, not cues",
                kind_name(kind)
            ),
            "cues are not supported for this kind",
            Some("use [claim.patterns]".into()),
        );
        ok = false;
    }
    let claim_kind = match kind {
        RawClaimKind::Date | RawClaimKind::Anniversary => {
            let event = event_id(ctx, raw, events)?;
            if matches!(kind, RawClaimKind::Date) {
                ClaimKind::Date { event }
            } else {
                ClaimKind::Anniversary { event }
            }
        }
        RawClaimKind::Elapsed => ClaimKind::Elapsed {
            event: event_id(ctx, raw, events)?,
            until: match &raw.until {
                Some(until) => Some(known_event(ctx, until, events)?),
                None => None,
            },
            // Set by the caller, which knows the rules' widths.
            hedges: None,
        },
        RawClaimKind::Since | RawClaimKind::First | RawClaimKind::Ordinal => {
            if raw.tags.is_empty() {
                ctx.error(
                    raw.id.span(),
                    format!("a `{}` claim needs `tags`", kind_name(kind)),
                    "no tags",
                    Some("add tags = [\"state-visit\", …]: the events compared are those carrying all of them".into()),
                );
                return None;
            }
            if matches!(kind, RawClaimKind::Ordinal) {
                ClaimKind::Ordinal {
                    tags: raw.tags.clone(),
                    participants: claim_participants(ctx, raw, participants)?,
                }
            } else if matches!(kind, RawClaimKind::Since) {
                ClaimKind::Since {
                    tags: raw.tags.clone(),
                }
            } else {
                ClaimKind::First {
                    tags: raw.tags.clone(),
                }
            }
        }
        RawClaimKind::False => {
            let Some(correct) = &raw.correct else {
                ctx.error(
                    raw.id.span(),
                    "a `false` claim needs `correct`",
                    "no correction",
                    Some("add correct = \"…\": what is true instead; findings show it".into()),
                );
                return None;
            };
            ClaimKind::False {
                correct: correct.get_ref().trim().to_string(),
                source: raw.source.as_ref().map(|s| s.get_ref().clone()),
            }
        }
        RawClaimKind::Quantity => return None,
    };

    if let Some(until) = &raw.until
        && kind != RawClaimKind::Elapsed
    {
        let help = "remove it, or make the claim `kind = \"elapsed\"`";
        not_for_this_kind(
            ctx,
            until.span(),
            "until",
            RawClaimKind::Elapsed,
            kind,
            help,
        );
        ok = false;
    }
    if let Some(list) = &raw.participants
        && kind != RawClaimKind::Ordinal
    {
        let help = "remove it, or narrow the events with `tags`";
        not_for_this_kind(
            ctx,
            list.span(),
            "participants",
            RawClaimKind::Ordinal,
            kind,
            help,
        );
        ok = false;
    }
    ok.then_some(claim_kind)
}

/// Reports `key`, written at `span`, on a claim of `kind`: only `owner` claims read it.
pub(super) fn not_for_this_kind(
    ctx: &mut Ctx,
    span: std::ops::Range<usize>,
    key: &str,
    owner: RawClaimKind,
    kind: RawClaimKind,
    help: &str,
) {
    ctx.error(
        span,
        format!(
            "`{key}` applies to `{}` claims, not `{}`",
            kind_name(owner),
            kind_name(kind)
        ),
        "not used by this kind",
        Some(help.into()),
    );
}

/// The participants of an `ordinal` claim: each must be listed by some `[[event]]`
/// (a typo would otherwise leave no event to count, silently).
fn claim_participants(
    ctx: &mut Ctx,
    raw: &RawClaim,
    known: &HashSet<String>,
) -> Option<Vec<String>> {
    let Some(list) = &raw.participants else {
        return Some(Vec::new());
    };
    let mut ok = true;
    for id in list.get_ref() {
        if !known.contains(id) {
            let mut listed: Vec<&String> = known.iter().collect();
            listed.sort();
            let closest = listed
                .iter()
                .min_by_key(|k| strsim::levenshtein(k, id))
                .map(|k| {
                    format!(
                        "did you mean `{k}`? (participants are entity ids listed by [[event]]s)"
                    )
                });
            ctx.error(
                list.span(),
                format!("no [[event]] lists the participant `{id}`"),
                "unknown participant",
                closest.or_else(|| {
                    Some("add `participants = [\"…\"]` to the events it took part in".into())
                }),
            );
            ok = false;
        }
    }
    ok.then(|| list.get_ref().clone())
}

fn event_id(ctx: &mut Ctx, raw: &RawClaim, events: &HashMap<String, Origin>) -> Option<String> {
    let Some(event) = &raw.event else {
        ctx.error(
            raw.id.span(),
            "this claim kind needs `event`",
            "no event",
            Some("add event = \"<id of an [[event]]>\"".into()),
        );
        return None;
    };
    known_event(ctx, event, events)
}

/// The id of an event a claim names, if some `[[event]]` has it.
fn known_event(
    ctx: &mut Ctx,
    event: &toml::Spanned<String>,
    events: &HashMap<String, Origin>,
) -> Option<String> {
    if !events.contains_key(event.get_ref()) {
        let mut known: Vec<&String> = events.keys().collect();
        known.sort();
        let closest = known
            .iter()
            .min_by_key(|k| strsim::levenshtein(k, event.get_ref()))
            .map(|k| format!("did you mean `{k}`?"));
        ctx.error(
            event.span(),
            format!("unknown event `{}`", event.get_ref()),
            "no [[event]] has this id",
            closest,
        );
        return None;
    }
    Some(event.get_ref().clone())
}

pub(super) fn kind_name(kind: RawClaimKind) -> &'static str {
    match kind {
        RawClaimKind::Quantity => "quantity",
        RawClaimKind::Date => "date",
        RawClaimKind::Anniversary => "anniversary",
        RawClaimKind::Elapsed => "elapsed",
        RawClaimKind::Since => "since",
        RawClaimKind::First => "first",
        RawClaimKind::Ordinal => "ordinal",
        RawClaimKind::False => "false",
    }
}
