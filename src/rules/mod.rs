//! The rule base: what is true (facts, events, entities) and what claims look like.
//!
//! `schema` holds the raw serde types, `load` parses files (collecting every syntax and
//! schema error with its span), `compile` validates and builds this model. Every item
//! remembers where it was written ([`Origin`]) so later stages can point into the TOML.

mod compile;
mod expanded;
mod fact_value;
mod fragments;
mod load;
mod schema;
mod temporal;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use chrono::NaiveDate;

use crate::check::Severity;
use crate::error::{Error, RuleDiagnostic, RuleErrors};
pub use crate::extract::pattern::Compile;
use crate::extract::pattern::Pattern;
use crate::value::{DateSpan, HedgeWidths, Interval, ValueKind};

pub(crate) use fact_value::format_quantity;

/// A rule file as loaded: its display name and text (for diagnostics).
#[derive(Debug, Clone)]
pub struct RuleFile {
    /// Display name (path with `/` separators).
    pub name: String,
    /// Full text.
    pub text: String,
}

/// Where an item was written: file index into [`Rules::files`] and byte span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// Index into [`Rules::files`].
    pub file: usize,
    /// Byte span in that file.
    pub span: std::ops::Range<usize>,
}

/// `[meta]` of the rule pack(s).
#[derive(Debug, Clone, Default)]
pub struct Meta {
    /// Pack name.
    pub name: Option<String>,
    /// Pack version.
    pub version: Option<String>,
    /// What the pack covers.
    pub description: Option<String>,
    /// Language assumed for documents whose language is unknown.
    pub default_lang: Option<String>,
    /// The shares hedges widen a figure by (`[meta] hedges`), for every quantity
    /// claim that sets none of its own.
    pub hedges: Option<HedgeWidths>,
}

/// One accepted value of a fact: an interval with its provenance.
#[derive(Debug, Clone, PartialEq)]
pub struct Accepted {
    /// The stated value.
    pub nominal: f64,
    /// The accepted interval (value ± tolerance).
    pub interval: Interval,
    /// Unit (`USD`, `%`, …).
    pub unit: Option<String>,
    /// Who says so.
    pub source: Option<String>,
    /// The index in [`Rules::named_sources`] of the words that name its source in
    /// copy (`named`), when the rules list them.
    pub named: Option<usize>,
    /// Whether it is accepted only where its source is named: an `accept` value with
    /// `named` (the primary value is accepted everywhere).
    pub only_where_named: bool,
}

impl Accepted {
    /// Whether the value is accepted for a mention whose sentence names the sources
    /// of `named` (bit `i`: [`Rules::named_sources`]`[i]`).
    pub fn applies(&self, named: u64) -> bool {
        !self.only_where_named || self.named.is_some_and(|i| named & (1 << i) != 0)
    }
}

/// The words that name one source in the text (an `accept` value's `named`): the
/// value is accepted only in a sentence holding one of them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NamedSource {
    /// The words as folded, matched like cue words.
    pub words: Vec<String>,
    /// The same words as written (lowercase NFC), for their diacritics.
    pub written: Vec<String>,
    /// The first word as the rules write it, for messages.
    pub shown: String,
}

/// Most distinct `named` lists a rule base may have (one bit each on a mention).
pub const MAX_NAMED_SOURCES: usize = 64;

/// `[[fact]]`: the true value for a key, with accepted alternatives.
#[derive(Debug, Clone)]
pub struct Fact {
    /// The key (`trade/vn-kz/2024`).
    pub key: String,
    /// The primary value first, then the `accept` alternatives.
    pub accepted: Vec<Accepted>,
    /// As of when the fact was recorded.
    pub as_of: Option<NaiveDate>,
    /// Free-form note.
    pub note: Option<String>,
    /// Where it was written.
    pub origin: Origin,
}

/// Whether an event took place as recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventStatus {
    /// It happened on `date`.
    Held,
    /// It was announced for `planned_date` and moved to `date`.
    Postponed,
    /// It is announced for `date` and has not happened yet.
    Planned,
    /// It was announced and did not happen.
    Cancelled,
}

/// `[[event]]`: something that happened, with its date (full, partial or a range).
#[derive(Debug, Clone)]
pub struct Event {
    /// Identifier referenced by claims.
    pub id: String,
    /// Human label.
    pub label: String,
    /// When it happened.
    pub date: DateSpan,
    /// Status of the event.
    pub status: EventStatus,
    /// The date announced before a postponement.
    pub planned_date: Option<DateSpan>,
    /// Tags used by `since` / `first` claims.
    pub tags: Vec<String>,
    /// Entity ids of participants.
    pub participants: Vec<String>,
    /// Provenance.
    pub source: Option<String>,
    /// Where it was written.
    pub origin: Origin,
}

/// Kind of an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityKind {
    /// A person.
    Person,
    /// A place.
    Place,
    /// An organisation.
    Organisation,
    /// Anything else.
    Other,
}

/// A known wrong form of a name and its correction.
#[derive(Debug, Clone, PartialEq)]
pub struct WrongForm {
    /// The wrong form as written.
    pub form: String,
    /// The correction; computed from the canonical form when not given.
    pub fix: Option<String>,
}

/// A role an entity held over a period ("General Secretary" until 2024-07).
#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    /// Titles in all languages.
    pub titles: Vec<String>,
    /// First day in the role.
    pub from: Option<NaiveDate>,
    /// Last day in the role.
    pub until: Option<NaiveDate>,
}

/// Names an entity bore until a date: after it they are its former names.
#[derive(Debug, Clone, PartialEq)]
pub struct FormerName {
    /// The names, in all languages ("Tổng cục Thống kê", "General Statistics Office").
    pub names: Vec<String>,
    /// Last day the names were current.
    pub until: NaiveDate,
}

/// `[[entity]]`: a canonical name and its accepted and wrong forms.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Identifier (defaults to the canonical name).
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Kind.
    pub kind: EntityKind,
    /// Accepted forms per language.
    pub aliases: BTreeMap<String, Vec<String>>,
    /// Accepted short forms.
    pub short_forms: Vec<String>,
    /// Short forms accepted only right after a role title or an honorific.
    pub titled_forms: Vec<String>,
    /// Known misspellings (errors).
    pub misspellings: Vec<WrongForm>,
    /// Discouraged style variants (warnings).
    pub discouraged: Vec<WrongForm>,
    /// Whether a form written without diacritics is accepted.
    pub ascii_fold: bool,
    /// Roles with date ranges.
    pub roles: Vec<Role>,
    /// Names it bore until a date.
    pub former_names: Vec<FormerName>,
    /// Titles it never held, in all languages (a title confused with another
    /// office's: "Thống đốc" before the statistics chief's name).
    pub never_titles: Vec<String>,
    /// Whether the person is known to be alive, or when they died: "the late X"
    /// before that is wrong.
    pub life: Life,
    /// Severity of misspellings.
    pub severity: Severity,
    /// Self-tests.
    pub examples: Vec<Example>,
    /// Where it was written.
    pub origin: Origin,
}

/// What the rules know of whether a person is alive (`living`, `died`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Life {
    /// Nothing: a "the late" before the name is not checked.
    #[default]
    Unknown,
    /// Alive at every date the rules cover (`living = true`).
    Living,
    /// Died on this day (`died = 2024-07-19`).
    Died(NaiveDate),
}

impl Life {
    /// Whether the person was alive on `date` as far as the rules know.
    pub fn alive_on(self, date: NaiveDate) -> bool {
        match self {
            Life::Unknown => false,
            Life::Living => true,
            Life::Died(died) => date < died,
        }
    }
}

/// A fact a figure stating no period may be checked against (`undated = "latest"`).
#[derive(Debug, Clone)]
pub struct LatestFact {
    /// The first day it is the latest known: the day after its period ends
    /// (`fdi/2024`: 2025-01-01), or its date (`fifa-rank/2024-12-19`).
    pub from: NaiveDate,
    /// What the key's placeholder stands for in its key (`2024`, `2024-12-19`).
    pub binding: String,
}

/// What a claim's mentions are checked against, per claim kind.
#[derive(Debug, Clone)]
pub enum ClaimKind {
    /// A value checked against the fact for `key` and against other documents.
    Quantity {
        /// Key template (`trade/vn-kz/{period}`).
        key: String,
        /// The kind of the checked value.
        value: ValueKind,
        /// Severity of derived checks ("up 99% from 2023").
        derived_severity: Severity,
        /// A value that states no period of its own takes its sentence's, else that
        /// of the closest earlier sentence of its paragraph that states one
        /// (`carry_period = true`; patterns may then leave `{year}`/`{period}` out).
        carry_period: bool,
        /// The key's facts, earliest first, when a figure stating no period is
        /// checked against the latest of them known on the document's date
        /// (`undated = "latest"`: "Germany has 480 projects"); `None` when such a
        /// figure is not read.
        latest: Option<Vec<LatestFact>>,
        /// Whether a bare figure stands for its rounding interval ("800 million" is
        /// 750–850 million; a plain number, at most 5% either way: "2.000" is
        /// 1900–2100); `rounded = false` for figures writers do not round (counts of
        /// stations, speeds), read as written ("2.000" is 1999.5–2000.5).
        rounded: bool,
        /// Whether a bare figure is exactly the value written (`exact = true`: "5%"
        /// is 5%, not 4.5–5.5%), for figures that are set rather than measured:
        /// policy rates, fees, prices fixed by decree.
        exact: bool,
        /// Whether the claim's figures take a sign from the loss and profit words of
        /// their clause (`signed = true`: "lỗ 26.235 tỷ đồng" is −26,235 billion).
        signed: bool,
        /// The shares hedges widen the claim's figures by (`hedges`).
        hedges: HedgeWidths,
    },
    /// A stated date (or range) of an event, checked against the event's dates.
    Date {
        /// The `[[event]]` id.
        event: String,
    },
    /// "N years since EVENT", checked against the event date and the document date.
    Anniversary {
        /// The `[[event]]` id.
        event: String,
    },
    /// "three months after EVENT", "100 days of construction": a duration in days,
    /// weeks, months or years, checked against the time from the event to `until`
    /// (another event) or, without it, to the document date.
    Elapsed {
        /// The `[[event]]` id the duration is counted from.
        event: String,
        /// The `[[event]]` id it is counted to; `None`: the document date.
        until: Option<String>,
        /// The claim's own hedge widths (`hedges`), read into its durations; `None`:
        /// the rules' (`[meta] hedges`).
        hedges: Option<crate::value::HedgeWidths>,
    },
    /// "the first X in N years": N against the gap to the previous event with the tags.
    Since {
        /// Tags the events must all carry.
        tags: Vec<String>,
    },
    /// "the first ever X": false when an earlier event carries all the tags.
    First {
        /// Tags the events must all carry.
        tags: Vec<String>,
    },
    /// "the second visit": the stated ordinal against 1 + the number of earlier events
    /// carrying the tags (and listing the participants).
    Ordinal {
        /// Tags the events must all carry.
        tags: Vec<String>,
        /// Entity ids the events must all list as participants (may be empty).
        participants: Vec<String>,
    },
    /// A statement known to be false ("Kon Tum merged into Gia Lai"): every match of
    /// its patterns is a finding.
    False {
        /// What is true instead, shown as the finding's expected text.
        correct: String,
        /// Where the correction comes from.
        source: Option<String>,
    },
}

impl ClaimKind {
    /// Whether it is a quantity claim whose figures take a sign (`signed = true`).
    pub fn signed(&self) -> bool {
        matches!(self, ClaimKind::Quantity { signed: true, .. })
    }

    /// The kebab-case name used in TOML and reports.
    pub fn name(&self) -> &'static str {
        match self {
            ClaimKind::Quantity { .. } => "quantity",
            ClaimKind::Date { .. } => "date",
            ClaimKind::Anniversary { .. } => "anniversary",
            ClaimKind::Elapsed { .. } => "elapsed",
            ClaimKind::Since { .. } => "since",
            ClaimKind::First { .. } => "first",
            ClaimKind::Ordinal { .. } => "ordinal",
            ClaimKind::False { .. } => "false",
        }
    }

    /// The key mentions of this claim are grouped under.
    pub(crate) fn temporal_key(&self) -> Option<String> {
        match self {
            ClaimKind::Quantity { .. } | ClaimKind::False { .. } => None,
            ClaimKind::Date { event } | ClaimKind::Anniversary { event } => {
                Some(format!("event/{event}"))
            }
            ClaimKind::Elapsed {
                event,
                until: Some(until),
                ..
            } => Some(format!("event/{event}..{until}")),
            ClaimKind::Elapsed {
                event, until: None, ..
            } => Some(format!("event/{event}..")),
            ClaimKind::Since { tags } | ClaimKind::First { tags } => {
                Some(format!("events/{}", tags.join("+")))
            }
            ClaimKind::Ordinal { tags, participants } if participants.is_empty() => {
                Some(format!("events/{}", tags.join("+")))
            }
            ClaimKind::Ordinal { tags, participants } => Some(format!(
                "events/{}@{}",
                tags.join("+"),
                participants.join("+")
            )),
        }
    }
}

/// Cue words of a claim in one language: a sentence needs one word of every group.
#[derive(Debug, Clone)]
pub struct CueSet {
    /// Language code.
    pub lang: String,
    /// Word groups, folded.
    pub groups: Vec<Vec<String>>,
}

/// Where a claim applies in one language: the document must hold a word of every
/// `context` group, sentences holding an `exclude` word are skipped, and a value
/// that a `not_after` word introduces is not read.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    /// Word groups the document must contain, folded.
    pub context: Vec<Vec<String>>,
    /// Words that disqualify a sentence (targets, forecasts), folded.
    pub exclude: Vec<String>,
    /// Words that disqualify only the value they introduce ("mục tiêu", "target
    /// of"), folded: the first value after one, in its clause.
    pub not_after: Vec<String>,
    /// Words one of which must follow a cue claim's figure within
    /// [`FOLLOWED_BY_REACH`] words ("43 deaths", "30 ca tử vong"), folded; empty:
    /// any figure of the sentence is read.
    pub followed_by: Vec<String>,
    /// Words naming what the claim is about, folded: one must stand in a match's
    /// sentence or in one of the [`SUBJECT_REACH`] sentences before it in its
    /// paragraph ("The line … . It has a design speed of 350 km/h"), or, for a
    /// quantity claim, in the document's headline for a match in the lead or the
    /// paragraph after it.
    pub subject: Vec<String>,
    /// Words naming another subject of the claim's kind ("Landtagswahl" for a claim
    /// on federal election results), folded: where one stands in a match's sentence,
    /// the [`SUBJECT_REACH`] sentences before it or the document's opening, the
    /// match must name a `subject` word in its sentence or those before it.
    pub other_subject: Vec<String>,
}

impl Scope {
    /// The scope of a language the claim lists no words for.
    pub const NONE: Scope = Scope {
        context: Vec::new(),
        exclude: Vec::new(),
        not_after: Vec::new(),
        followed_by: Vec::new(),
        subject: Vec::new(),
        other_subject: Vec::new(),
    };

    /// The words a match's sentence is judged by: `exclude`, `subject` and
    /// `other_subject`.
    pub fn sentence_words(&self) -> (&[String], &[String], &[String]) {
        (&self.exclude, &self.subject, &self.other_subject)
    }

    /// Whether the scope lists no word at all.
    pub fn is_empty(&self) -> bool {
        self.context.is_empty()
            && self.exclude.is_empty()
            && self.not_after.is_empty()
            && self.followed_by.is_empty()
            && self.subject.is_empty()
            && self.other_subject.is_empty()
    }
}

/// How many words may stand between a cue claim's figure and its `followed_by` word
/// ("43 dengue deaths": one).
pub const FOLLOWED_BY_REACH: usize = 2;

/// How many sentences before a match's own, in its paragraph, may name the claim's
/// `subject`.
pub const SUBJECT_REACH: usize = 2;

/// What an example expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// The example text conflicts with the rules.
    Conflict,
    /// The example text is matched and agrees.
    Ok,
    /// The example text is not matched at all.
    NoMatch,
}

/// `[[claim.example]]`: a self-test run by `factlint test`.
#[derive(Debug, Clone)]
pub struct Example {
    /// Text of the example.
    pub text: String,
    /// Its language.
    pub lang: String,
    /// Document date for the example.
    pub doc_date: Option<NaiveDate>,
    /// The expected outcome.
    pub expect: Expect,
    /// Expected found value text, if given.
    pub expect_found: Option<String>,
    /// Where it was written.
    pub origin: Origin,
}

/// `[[claim]]`: what a claim looks like in each language and what it is checked against.
#[derive(Debug, Clone)]
pub struct Claim {
    /// Identifier, used as the rule name in reports.
    pub id: String,
    /// Kind and kind-specific configuration.
    pub kind: ClaimKind,
    /// Severity of conflicts.
    pub severity: Severity,
    /// Message template (`{found}`, `{expected}`, `{key}` and key placeholders).
    pub message: Option<String>,
    /// Help line.
    pub help: Option<String>,
    /// Description for `factlint explain`.
    pub description: Option<String>,
    pub(crate) patterns: Vec<Pattern>,
    /// Cue word groups per language.
    pub cues: Vec<CueSet>,
    /// Scope per language.
    pub scope: BTreeMap<String, Scope>,
    /// Only documents dated within this span are checked (undated ones are not).
    pub doc_dates: Option<DateSpan>,
    /// ISO codes of the countries the claim is about: a sentence naming another
    /// country, and not all of these, is not a mention.
    pub parties: Vec<String>,
    /// Per language, every word of the claim's cues, `context`, `exclude`,
    /// `not_after` and `subject` lists as folded and as written (lowercase NFC): a
    /// word written with diacritics matches only text with the same ones, or none
    /// ("từ" is not the "tư" of "đầu tư").
    pub spellings: BTreeMap<String, Vec<(String, String)>>,
    /// Self-tests.
    pub examples: Vec<Example>,
    /// Where it was written.
    pub origin: Origin,
}

impl Claim {
    /// The claim's scope in language `lang` ([`Scope::NONE`] when it lists none).
    pub fn scope_in(&self, lang: &str) -> &Scope {
        const NONE: &Scope = &Scope::NONE;
        self.scope.get(lang).unwrap_or(NONE)
    }
}

/// The loaded and validated rule base.
#[derive(Debug, Clone, Default)]
pub struct Rules {
    /// The files it was loaded from.
    pub files: Vec<RuleFile>,
    /// The user language packs loaded with it (`lang/*.toml` beside the rule files).
    pub lang_files: Vec<RuleFile>,
    /// Merged `[meta]`.
    pub meta: Meta,
    /// Facts, in file order.
    pub facts: Vec<Fact>,
    /// Events, in file order.
    pub events: Vec<Event>,
    /// Entities, in file order.
    pub entities: Vec<Entity>,
    /// Claims, in file order.
    pub claims: Vec<Claim>,
    /// The distinct `named` word lists of the facts' accepted values.
    pub named_sources: Vec<NamedSource>,
    fact_by_key: HashMap<String, usize>,
}

impl Rules {
    /// Loads rule files: each path is a `.toml` file or a directory whose `*.toml`
    /// files are all loaded. Every problem in every file is reported together.
    pub fn load<P: AsRef<Path>>(paths: &[P]) -> Result<Rules, Error> {
        Self::load_with(paths, Compile::Now)
    }

    /// Registers the language packs of `paths` (their directories' `lang/*.toml`)
    /// without reading the rules themselves: what `factlint parse --rules` needs, so
    /// a directory holding only `lang/` will do.
    pub fn load_lang_packs<P: AsRef<Path>>(paths: &[P]) -> Result<(), Error> {
        let found = load::read_files_or_packs(paths)?;
        let mut diagnostics = Vec::new();
        load::register_lang_packs(&found.lang_packs, &mut diagnostics);
        if diagnostics.is_empty() {
            Ok(())
        } else {
            Err(Error::Rules(RuleErrors(diagnostics)))
        }
    }

    /// [`Rules::load`], with the claim patterns compiled `when` asked (syntax
    /// errors are reported at once either way).
    pub fn load_with<P: AsRef<Path>>(paths: &[P], when: Compile) -> Result<Rules, Error> {
        let found = load::read_files(paths)?;
        let mut diagnostics = Vec::new();
        load::register_lang_packs(&found.lang_packs, &mut diagnostics);
        if !diagnostics.is_empty() {
            return Err(Error::Rules(RuleErrors(diagnostics)));
        }
        let mut rules = Self::from_files_with(found.rules, when)?;
        rules.lang_files = found.lang_packs;
        Ok(rules)
    }

    /// The claim patterns that failed to compile on first use in this run (rules
    /// loaded with [`Compile::OnFirstUse`]), as located errors: such a pattern
    /// matched nothing, so the run's findings are incomplete. Patterns never used
    /// are not compiled and not reported here; `factlint rules --check` compiles
    /// them all.
    pub fn failed_patterns(&self) -> Result<(), Error> {
        let diagnostics: Vec<RuleDiagnostic> = self
            .claims
            .iter()
            .flat_map(|claim| claim.patterns.iter().map(move |p| (claim, p)))
            .filter_map(|(claim, pattern)| {
                let err = crate::extract::pattern::regex_error(pattern.regex.failed()?.clone());
                let file = self.files.get(claim.origin.file)?;
                Some(RuleDiagnostic::new(
                    &file.name,
                    &file.text,
                    pattern.at.clone(),
                    err.message,
                    "in this pattern",
                    err.help,
                ))
            })
            .collect();
        if diagnostics.is_empty() {
            Ok(())
        } else {
            Err(Error::Rules(RuleErrors(diagnostics)))
        }
    }

    /// Builds rules from in-memory files (name, text).
    pub fn from_files(files: Vec<RuleFile>) -> Result<Rules, Error> {
        Self::from_files_with(files, Compile::Now)
    }

    fn from_files_with(files: Vec<RuleFile>, when: Compile) -> Result<Rules, Error> {
        let mut diagnostics = Vec::new();
        let parsed: Vec<_> = files
            .iter()
            .map(|file| load::parse_file(file, &mut diagnostics))
            .collect();
        let rules = compile::compile(files, parsed, &mut diagnostics, when);
        if diagnostics.is_empty() {
            Ok(rules)
        } else {
            Err(Error::Rules(RuleErrors(diagnostics)))
        }
    }

    /// Builds rules from one TOML text (tests, examples, the library API).
    pub fn from_toml(name: &str, text: &str) -> Result<Rules, Error> {
        Self::from_files(vec![RuleFile {
            name: name.to_string(),
            text: text.to_string(),
        }])
    }

    /// The sources named for facts' primary values, as a mention's `named` bit set:
    /// the sources a figure may be credited to wrongly.
    pub fn primary_sources(&self) -> u64 {
        self.facts
            .iter()
            .filter_map(|f| f.accepted.first()?.named)
            .fold(0, |bits, i| bits | 1 << i)
    }

    /// The fact for `key`, if any.
    pub fn fact(&self, key: &str) -> Option<&Fact> {
        self.fact_by_key.get(key).map(|&i| &self.facts[i])
    }

    /// The event with `id`, if any.
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }

    /// The claim with `id`, if any.
    pub fn claim(&self, id: &str) -> Option<&Claim> {
        self.claims.iter().find(|c| c.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule_file(pattern: &str) -> Vec<RuleFile> {
        let text = format!(
            "[[claim]]\nid = \"trade\"\nkind = \"quantity\"\nkey = \"trade/x/{{year}}\"\n\
             [claim.patterns]\nen = [\"{pattern}\"]\n"
        );
        vec![RuleFile {
            name: "rules.toml".to_string(),
            text,
        }]
    }

    /// An alternative with `named` applies only to a mention whose sentence names its
    /// source; equal lists share one source, and the primary value applies always.
    #[test]
    fn named_alternatives_apply_only_where_their_source_is_named() {
        let rules = Rules::from_toml(
            "rules.toml",
            r#"
[[fact]]
key = "trade/x/2023"
value = "1e9 USD"
accept = [
  { value = "900e6 USD", named = ["Daily Courier", "Täglicher Kurier"] },
  { value = "950e6 USD" },
]

[[fact]]
key = "trade/x/2024"
value = "2e9 USD"
accept = [
  { value = "1.5e9 USD", named = ["Statistics Office"] },
  { value = "1.6e9 USD", named = [" Daily Courier", "Täglicher Kurier"] },
]
"#,
        )
        .expect("rules load");
        assert_eq!(rules.named_sources.len(), 2);
        assert_eq!(
            rules.named_sources[0].words,
            vec!["daily courier".to_string(), "taglicher kurier".to_string()]
        );
        assert_eq!(rules.named_sources[0].written[1], "täglicher kurier");
        assert_eq!(rules.named_sources[0].shown, "Daily Courier");
        let of = |key: &str| &rules.fact(key).expect("fact").accepted;
        let [primary, courier, anywhere] = &of("trade/x/2023")[..] else {
            panic!("three values")
        };
        let [_, office, courier_again] = &of("trade/x/2024")[..] else {
            panic!("three values")
        };
        assert_eq!(
            (courier.named, office.named, courier_again.named),
            (Some(0), Some(1), Some(0))
        );
        assert!(courier.only_where_named && !primary.only_where_named);
        assert!(primary.applies(0) && anywhere.applies(0));
        assert!(!courier.applies(0) && !courier.applies(0b10));
        assert!(courier.applies(0b01) && courier.applies(0b11));
        assert!(office.applies(0b10) && !office.applies(0b01));
    }

    /// `parties` takes one country (a national figure) or more (a relation), and
    /// refuses an empty list.
    #[test]
    fn parties_take_one_country_or_more() {
        let with = |parties: &str| {
            let text = format!(
                "[[claim]]\nid = \"gdp\"\nkind = \"quantity\"\nkey = \"gdp/{{year}}\"\n\
                 parties = {parties}\n[claim.patterns]\nen = [\"gdp grew {{percent}} in {{year}}\"]\n"
            );
            Rules::from_toml("rules.toml", &text)
        };
        let one = with("[\"VN\"]").expect("one country");
        assert_eq!(one.claims[0].parties, vec!["VN".to_string()]);
        let two = with("[\"vn\", \"KZ\"]").expect("two countries");
        assert_eq!(
            two.claims[0].parties,
            vec!["KZ".to_string(), "VN".to_string()]
        );
        let none = with("[]").expect_err("empty");
        assert!(format!("{none:?}").contains("needs at least one country"));
    }

    /// Fragments of one file serve the patterns of another; a name defined in two
    /// files is an error at the second, pointing to the first.
    #[test]
    fn fragments_apply_across_files() {
        let file = |name: &str, text: &str| RuleFile {
            name: name.to_string(),
            text: text.to_string(),
        };
        let shared = file("a.toml", "[fragments]\nreached = \"(?:reached|hit)\"\n");
        let mut files = rule_file("trade {@reached} {money} in {year}");
        files.insert(0, shared.clone());
        let rules = Rules::from_files(files).expect("fragment of another file");
        assert_eq!(
            rules.claims[0].patterns[0].source,
            "trade (?:(?:reached|hit)) {money} in {year}"
        );
        let again = file("b.toml", "[fragments]\nreached = \"(?:came to)\"\n");
        let err = Rules::from_files(vec![shared, again]).expect_err("defined twice");
        let text = format!("{err:?}");
        assert!(text.contains("duplicate fragment `reached`"), "{text}");
        assert!(text.contains("first defined at a.toml:2"), "{text}");
    }

    /// Compiling on first use still refuses a syntax error when the rules load; a
    /// regex too large once compiled is refused at load time only when compiling
    /// now or validating, and otherwise reported when the pattern is first compiled.
    #[test]
    fn compiling_on_first_use_keeps_syntax_errors_at_load_time() {
        let broken = rule_file("trade (reached {money} in {year}");
        for when in [Compile::Now, Compile::OnFirstUse] {
            let err = Rules::from_files_with(broken.clone(), when).expect_err("syntax");
            assert!(format!("{err:?}").contains("does not compile"), "{when:?}");
        }
        let huge = rule_file("(?:a{1000}){1000} in {year} {money}");
        for when in [Compile::Now, Compile::Validate] {
            let err = Rules::from_files_with(huge.clone(), when).expect_err("too large");
            assert!(format!("{err:?}").contains("too large once compiled"));
        }
        // Validating compiles a pattern and drops it; compiling now keeps it.
        let fine = rule_file("trade reached {money} in {year}");
        for (when, kept) in [(Compile::Validate, false), (Compile::Now, true)] {
            let rules = Rules::from_files_with(fine.clone(), when).expect("compiles");
            assert_eq!(
                rules.claims[0].patterns[0].regex.is_compiled(),
                kept,
                "{when:?}"
            );
        }
        let lazy = Rules::from_files_with(huge, Compile::OnFirstUse).expect("syntax is fine");
        let pattern = &lazy.claims[0].patterns[0];
        assert!(matches!(
            pattern.regex.compile(),
            Err(regex::Error::CompiledTooBig(_))
        ));
        assert!(pattern.regex.failed().is_some());
        assert!(pattern.regex.captures_at("in 2024 $1 billion", 0).is_none());
    }
}
