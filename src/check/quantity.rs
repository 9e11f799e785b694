// The module documentation lives in doc/quantity.md: `factlint explain` prints the same text.
#![doc = include_str!("doc/quantity.md")]

use super::verdict::Step;
use super::{Finding, Located, MentionView, Related};
use super::{describe, other_period};
use crate::extract::{Derived, implied};
use crate::rules::{Accepted, Fact, Rules};
use crate::value::quantity::POINTS_UNIT;
use crate::value::{Hedge, Quantity};

/// Most related locations listed under one finding.
pub(crate) const MAX_RELATED: usize = 5;

/// What a mention of a fact's key can show in the report: all [`check`] looks at, so
/// a run may keep only the mentions whose role is not `Silent` and, of the `Related`
/// ones, the first [`MAX_RELATED`] in report order, and still make the same findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// It may conflict with the fact: a finding of its own.
    Finding,
    /// It agrees with a value accepted wherever it stands: a `related` location of the
    /// key's findings.
    Related,
    /// It makes no finding and is no related location: implied by a change, or in
    /// another currency than the fact's.
    Silent,
}

/// The [`Role`] of one mention of `fact`'s key.
pub(crate) fn role(rules: &Rules, fact: &Fact, located: &Located) -> Role {
    if !as_checked(rules, located, |located, _| quiet(rules, fact, located))
        || credited_elsewhere(rules, fact, located).is_some()
    {
        Role::Finding
    } else if located.mention.derived.is_none() && agrees_everywhere(fact, located) {
        Role::Related
    } else {
        Role::Silent
    }
}

/// Whether the mention as checked makes no finding: it agrees, it is in another
/// currency than the fact (no rate to compare with), or it is a derived conflict
/// that only echoes a wrong stated figure.
fn quiet(rules: &Rules, fact: &Fact, located: &Located) -> bool {
    agrees(fact, located)
        || other_currency(fact, &located.mention.value)
        || located
            .mention
            .derived
            .is_some_and(|d| echoes_wrong_figure(rules, fact, d, located.mention.named))
}

/// Whether `value` is money in a currency none of the fact's values is in, while
/// they are in one ("24 tỷ đô la Úc" for a fact in USD), a measure of another
/// quantity than the fact's ("82.400 MW" for a fact in kWh), or a count in another
/// duration unit than the fact's ("45 năm" for a fact in days): the two cannot be
/// compared.
fn other_currency(fact: &Fact, value: &Quantity) -> bool {
    let Some(unit) = value.unit.as_deref() else {
        return false;
    };
    let units: Vec<&str> = fact
        .accepted
        .iter()
        .filter_map(|a| a.unit.as_deref())
        .collect();
    let other = |class: fn(&str) -> bool| {
        class(unit) && units.iter().any(|u| class(u)) && !units.contains(&unit)
    };
    other(is_currency)
        || other(crate::value::measure::is_base)
        || other(crate::value::quantity::is_duration_unit)
}

/// Whether `unit` is a currency code ("USD", "EUR").
fn is_currency(unit: &str) -> bool {
    unit.len() == 3 && unit.bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether the accepted value `a` and the stated `value` can be compared: not two
/// amounts in different currencies (US$14.9 billion is not a €14.9 billion
/// alternative).
fn comparable(a: &Accepted, value: &Quantity) -> bool {
    match (a.unit.as_deref(), value.unit.as_deref()) {
        (Some(accepted), Some(stated)) if is_currency(accepted) && is_currency(stated) => {
            accepted == stated
        }
        _ => true,
    }
}

pub(crate) fn check(rules: &Rules, fact: &Fact, mentions: &[Located], out: &mut Vec<Finding>) {
    for located in mentions {
        // Agreeing mentions make no finding but a wrong credit: skip their arithmetic
        // (most mentions). Only a conflict lists the mentions that agree.
        let (finding, conflict) = as_checked(rules, located, |located, recorded| {
            if quiet(rules, fact, located) {
                (misattributed(rules, fact, located), false)
            } else {
                (
                    assess_as(rules, fact, located, recorded).into_finding(),
                    true,
                )
            }
        });
        let Some(mut finding) = finding else {
            continue;
        };
        if !conflict {
            out.push(finding);
            continue;
        }
        finding.related = mentions
            .iter()
            .filter(|other| other.mention.derived.is_none() && agrees_everywhere(fact, other))
            .filter(|other| other.doc != located.doc || other.mention.span != located.mention.span)
            .take(MAX_RELATED)
            .map(|other| Related {
                file: other.doc.to_string(),
                span: other.mention.span,
                note: format!(
                    "states {}, which agrees",
                    describe::quantity(&other.mention.value)
                ),
            })
            .collect();
        out.push(finding);
    }
}

/// The arithmetic and verdict for one mention: its interval against the fact's.
pub(crate) fn assess(rules: &Rules, fact: &Fact, located: &Located) -> Step {
    as_checked(rules, located, |located, recorded| {
        assess_as(rules, fact, located, recorded)
    })
}

/// Calls `f` with the mention as it is checked: a derived mention of a hedged figure
/// is read from the figure's fact ([`by_stated_fact`]; `recorded` is then true).
fn as_checked<R>(rules: &Rules, located: &Located, f: impl FnOnce(&Located, bool) -> R) -> R {
    let refined = located
        .mention
        .derived
        .and_then(|d| by_stated_fact(rules, d, located.mention.named));
    match &refined {
        Some((derived, value)) => {
            let view = Located {
                mention: MentionView {
                    value: value.clone(),
                    derived: Some(derived),
                    ..located.mention.clone()
                },
                ..located.clone()
            };
            f(&view, true)
        }
        None => f(located, false),
    }
}

/// [`assess`] of the mention as it is checked.
fn assess_as(rules: &Rules, fact: &Fact, located: &Located, recorded: bool) -> Step {
    let m = &located.mention;
    let unit = m.value.unit.as_deref();
    let accepted = accepted_ranges(fact, unit);
    let arithmetic = match &m.derived {
        None => format!(
            "`{}` reads as {}; `{}` accepts {accepted}",
            located.text,
            describe::interval(&m.value.interval, unit),
            fact.key
        ),
        Some(d) => derived_arithmetic(m, d, &accepted, recorded),
    };
    if other_currency(fact, &m.value) {
        return Step::ok(format!(
            "{arithmetic}; none of the fact's values is in {}: not compared",
            unit.unwrap_or("its unit")
        ));
    }
    if m.derived
        .is_some_and(|d| echoes_wrong_figure(rules, fact, d, m.named))
    {
        return Step::ok(format!(
            "{arithmetic}; it only echoes the stated figure, which conflicts with its own fact"
        ));
    }
    if agrees(fact, located) {
        match misattributed(rules, fact, located) {
            Some(finding) => Step::finding(arithmetic, finding),
            None => Step::ok(arithmetic),
        }
    } else {
        Step::finding(arithmetic, conflict(rules, fact, located, recorded))
    }
}

/// A derived mention whose stated figure is hedged ("hơn 46 tỷ USD, tăng 4,5%") and
/// agrees with its own fact, read from that fact's value instead: the hedge only
/// says the figure is rounded, while the change is a precise claim about the real
/// figures. Read from "more than 46" (46 to 69) the change would fit almost any
/// reference value; read from the recorded 46.2 it implies 44.2. Returns the derived
/// data with the fact's value as the stated figure, and the value it implies.
/// `named`: the sources the sentence names ([`Accepted::applies`]).
fn by_stated_fact(rules: &Rules, d: &Derived, named: u64) -> Option<(Derived, Quantity)> {
    if d.stated.hedge == Hedge::None || d.stated.hedge == Hedge::Exact {
        return None;
    }
    let stated_fact = rules.fact(&d.stated_key)?;
    let recorded = stated_fact
        .accepted
        .iter()
        .filter(|a| a.applies(named))
        .find(|a| a.interval.overlaps(&d.stated.interval))?;
    let stated = Quantity {
        nominal: recorded.nominal,
        interval: crate::value::Interval::point(recorded.nominal),
        unit: d.stated.unit.clone(),
        hedge: Hedge::None,
    };
    let value = implied(&stated, &d.change)?;
    Some((
        Derived {
            stated,
            stated_span: d.stated_span,
            change: d.change.clone(),
            stated_key: d.stated_key.clone(),
        },
        value,
    ))
}

/// Whether a derived conflict only echoes a wrong stated figure: the figure conflicts
/// with its own fact (reported there), and the stated change applied to that fact
/// agrees with `fact` — "548 triệu USD, giảm 6,3% so với năm 2021" meant 584.
/// `named`: the sources the sentence names ([`Accepted::applies`]).
fn echoes_wrong_figure(rules: &Rules, fact: &Fact, d: &Derived, named: u64) -> bool {
    let Some(stated_fact) = rules.fact(&d.stated_key) else {
        return false;
    };
    let applying = || stated_fact.accepted.iter().filter(|a| a.applies(named));
    let figure_wrong = !applying().any(|a| a.interval.overlaps(&d.stated.interval));
    figure_wrong
        && applying().any(|a| {
            let right = Quantity {
                nominal: (a.interval.low + a.interval.high) / 2.0,
                interval: a.interval,
                unit: d.stated.unit.clone(),
                hedge: Hedge::None,
            };
            implied(&right, &d.change).is_some_and(|reference| {
                fact.accepted
                    .iter()
                    .any(|f| f.applies(named) && f.interval.overlaps(&reference.interval))
            })
        })
}

/// The values of the fact the mention overlaps among those accepted for it: the
/// primary value, and the alternatives whose source is named where `named` asks for it.
fn agreeing<'f>(fact: &'f Fact, l: &Located) -> impl Iterator<Item = &'f Accepted> {
    let (named, value) = (l.mention.named, &l.mention.value);
    fact.accepted.iter().filter(move |a| {
        a.applies(named) && a.interval.overlaps(&value.interval) && comparable(a, value)
    })
}

/// Whether the mention overlaps a value the fact accepts for it ([`agreeing`]).
fn agrees(fact: &Fact, l: &Located) -> bool {
    agreeing(fact, l).next().is_some()
}

/// Whether the mention overlaps a value the fact accepts wherever it stands (no
/// `named`): only those are shown as agreeing beside a conflict, since a figure
/// accepted for its named source says nothing about an unattributed one.
fn agrees_everywhere(fact: &Fact, l: &Located) -> bool {
    fact.accepted.iter().any(|a| {
        !a.only_where_named
            && a.interval.overlaps(&l.mention.value.interval)
            && comparable(a, &l.mention.value)
    })
}

/// The sources a stated figure is wrongly credited to: its sentence states no other
/// figure of its kind and names the primary source of some fact and none of the
/// sources of the values the figure agrees with, which the rules all name
/// ("According to Vietnamese customs, … 979.2 million" where 979.2 million is the
/// Kazakh statistics' figure). Returns the bits of the sources named.
fn credited_elsewhere(rules: &Rules, fact: &Fact, located: &Located) -> Option<u64> {
    let m = &located.mention;
    // Most mentions name no source: the rules' sources are not looked at.
    if m.derived.is_some() || m.among_figures || m.named == 0 {
        return None;
    }
    let credited = m.named & rules.primary_sources();
    if credited == 0 {
        return None;
    }
    let mut own = 0u64;
    for a in agreeing(fact, located) {
        own |= 1 << a.named?;
    }
    (own != 0 && m.named & own == 0).then_some(credited)
}

/// The finding on a figure credited to another source than the rules give it
/// ([`credited_elsewhere`]).
fn misattributed(rules: &Rules, fact: &Fact, located: &Located) -> Option<Finding> {
    let credited = credited_elsewhere(rules, fact, located)?;
    let m = &located.mention;
    let claim = &rules.claims[m.claim];
    let named: Vec<&str> = rules
        .named_sources
        .iter()
        .enumerate()
        .filter(|(i, _)| credited & (1 << i) != 0)
        .map(|(_, s)| s.shown.as_str())
        .collect();
    let named = named.join(" and ");
    let sources: Vec<&str> = agreeing(fact, located)
        .filter_map(|a| {
            a.source
                .as_deref()
                .or_else(|| Some(rules.named_sources.get(a.named?)?.shown.as_str()))
        })
        .collect();
    let text = located.text;
    let owners = sources.join("; ");
    Some(Finding {
        rule: claim.id.clone(),
        kind: claim.kind.name().to_string(),
        severity: super::Severity::Warning,
        key: Some(fact.key.clone()),
        file: located.doc.to_string(),
        span: m.span,
        message: format!(
            "`{text}` is credited to {named}, but the rules have this figure for `{}` from {owners}",
            fact.key
        ),
        found: Some(describe::found(m)),
        expected: Some(describe::expected(&fact.accepted, m.value.unit.as_deref())),
        help: Some(format!(
            "the sentence names {named} and none of the words the rules list for {owners}; \
             credit the figure to its source, or check that it is the one {named} gives"
        )),
        related: Vec::new(),
        source: describe::sources(&fact.accepted),
        fix: None,
    })
}

/// "US$900 million – US$1.1 billion or US$979.2 million".
fn accepted_ranges(fact: &Fact, unit: Option<&str>) -> String {
    fact.accepted
        .iter()
        .map(|a| {
            let interval = describe::interval(&a.interval, a.unit.as_deref().or(unit));
            format!("{interval}{}", describe::where_named(a))
        })
        .collect::<Vec<_>>()
        .join(" or ")
}

/// The words of the first source the mention's sentence would have to name for an
/// alternative of `fact` to accept it ("Viet Nam News").
fn unnamed_source<'r>(rules: &'r Rules, fact: &Fact, located: &Located) -> Option<&'r str> {
    fact.accepted
        .iter()
        .filter(|a| !a.applies(located.mention.named))
        .find(|a| a.interval.overlaps(&located.mention.value.interval))
        .and_then(|a| rules.named_sources.get(a.named?))
        .map(|source| source.shown.as_str())
}

/// "US$800 million for `trade/vn-kz/2024` with a change of +99% means … for
/// `trade/vn-kz/2023`; accepted: …".
/// `recorded`: the stated figure is its fact's value ([`by_stated_fact`]).
fn derived_arithmetic(m: &MentionView, d: &Derived, accepted: &str, recorded: bool) -> String {
    let recorded = if recorded {
        "the hedged figure agrees with its fact: the recorded "
    } else {
        ""
    };
    let stated = describe::quantity(&d.stated);
    let sign = if d.change.nominal < 0.0 { "-" } else { "+" };
    let size = d.change.nominal.abs();
    let arithmetic = if d.change.unit.as_deref() == Some(POINTS_UNIT) {
        let opposite = if d.change.nominal < 0.0 { "+" } else { "-" };
        format!("{stated} {opposite} {size} points")
    } else {
        format!("{stated} / (1 {sign} {size}%)")
    };
    format!(
        "{recorded}{stated} for `{}` with a change of {} means {arithmetic} = {} for `{}`; \
         accepted: {accepted}",
        d.stated_key,
        describe::change(&d.change),
        describe::interval(&m.value.interval, m.value.unit.as_deref()),
        m.key
    )
}

fn conflict(rules: &Rules, fact: &Fact, located: &Located, recorded: bool) -> Finding {
    let m = &located.mention;
    let claim = &rules.claims[m.claim];
    let derived_severity = match &claim.kind {
        crate::rules::ClaimKind::Quantity {
            derived_severity, ..
        } => *derived_severity,
        _ => claim.severity,
    };
    let found = describe::found(m);
    let unit = m.value.unit.as_deref();
    let expected = describe::expected(&fact.accepted, unit);
    let accepted_ranges = accepted_ranges(fact, unit);
    let text = located.text;
    let (severity, default_message, help) = match &m.derived {
        None => (
            claim.severity,
            format!(
                "`{text}` conflicts with `{}` (expected {expected})",
                fact.key
            ),
            match unnamed_source(rules, fact, located) {
                Some(source) => format!(
                    "`{text}` reads as {}, which the rules accept only where its source is \
                     named (`{source}`) in the same sentence; attribute the figure or correct it",
                    describe::interval(&m.value.interval, unit)
                ),
                None => match other_period::recorded_for(rules, &fact.key, &m.value) {
                    Some((other, accepted)) => format!(
                        "`{text}` reads as {}, which does not overlap the accepted \
                         {accepted_ranges}: {}; check the period of the figure",
                        describe::interval(&m.value.interval, unit),
                        other_period::note(other, accepted)
                    ),
                    None => format!(
                        "`{text}` reads as {}, which does not overlap the accepted {accepted_ranges}; \
                         correct the figure or add its source to the fact as an `accept` value",
                        describe::interval(&m.value.interval, unit)
                    ),
                },
            },
        ),
        Some(d) => (
            derived_severity,
            format!(
                "`{text}` implies {} for `{}`, which conflicts with the fact (expected {expected})",
                describe::interval(&m.value.interval, unit),
                fact.key
            ),
            derived_arithmetic(m, d, &accepted_ranges, recorded),
        ),
    };
    Finding {
        rule: claim.id.clone(),
        kind: claim.kind.name().to_string(),
        severity,
        key: Some(fact.key.clone()),
        file: located.doc.to_string(),
        span: m.span,
        message: describe::message(claim, m, &found, &expected, default_message),
        found: Some(found),
        expected: Some(expected),
        help: Some(claim.help.clone().unwrap_or(help)),
        related: Vec::new(),
        source: describe::sources(&fact.accepted),
        fix: None,
    }
}
