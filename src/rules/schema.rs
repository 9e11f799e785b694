//! The rule-file schema as written by users (serde, `deny_unknown_fields`, kebab-case).
//!
//! These raw types mirror the TOML one to one; `rules::compile` turns them into the
//! validated model. Fields that need a location in diagnostics are `Spanned`.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

use crate::check::Severity;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMeta {
    pub name: Option<String>,
    pub version: Option<String>,
    pub description: Option<String>,
    #[serde(alias = "default-lang")]
    pub default_lang: Option<String>,
    /// The shares hedges widen a figure by, for every quantity claim of the rules.
    pub hedges: Option<RawHedges>,
}

/// The shares hedges widen a figure by: `{ about = "5%", nearly = "10%", more_than =
/// "10%", less_than = "10%" }`; a key left out keeps its default.
#[derive(Debug, Deserialize, Clone, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawHedges {
    pub about: Option<Spanned<RawTolerance>>,
    pub nearly: Option<Spanned<RawTolerance>>,
    #[serde(alias = "more-than")]
    pub more_than: Option<Spanned<RawTolerance>>,
    #[serde(alias = "less-than")]
    pub less_than: Option<Spanned<RawTolerance>>,
    /// `false`: hedges widen by their shares alone, whatever the written precision.
    pub capped: Option<bool>,
}

/// A value as written in a fact: `"1e9 USD"`, `979.2e6`, or `{ amount = 1e9, unit = "USD" }`.
#[derive(Debug, Deserialize, Clone)]
#[serde(untagged)]
pub(crate) enum RawValue {
    Text(String),
    Float(f64),
    Integer(i64),
    Table { amount: f64, unit: Option<String> },
}

#[derive(Debug, Deserialize, Clone)]
#[serde(untagged)]
pub(crate) enum RawTolerance {
    Text(String),
    Float(f64),
    Integer(i64),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFact {
    pub key: Spanned<String>,
    pub value: Spanned<RawValue>,
    pub tolerance: Option<Spanned<RawTolerance>>,
    pub source: Option<String>,
    /// Words naming the primary value's source (for the attribution check).
    pub named: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    pub accept: Vec<Spanned<RawAccept>>,
    #[serde(alias = "as-of")]
    pub as_of: Option<Datetime>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAccept {
    pub value: Spanned<RawValue>,
    pub tolerance: Option<Spanned<RawTolerance>>,
    pub source: Option<String>,
    /// Words naming the source: the value is accepted only where one stands in the
    /// mention's sentence.
    pub named: Option<Spanned<Vec<String>>>,
}

/// An event date: a TOML date, a partial date string (`"2023-08"`, `"1959"`), or a range.
#[derive(Debug, Deserialize, Clone)]
#[serde(untagged)]
pub(crate) enum RawDate {
    Date(Datetime),
    Partial(String),
    Range {
        start: Box<RawDate>,
        end: Box<RawDate>,
    },
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq, Default)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum RawEventStatus {
    #[default]
    Held,
    Postponed,
    Planned,
    Cancelled,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEvent {
    pub id: Spanned<String>,
    pub label: Option<String>,
    pub date: Spanned<RawDate>,
    #[serde(default)]
    pub status: RawEventStatus,
    #[serde(alias = "planned-date")]
    pub planned_date: Option<Spanned<RawDate>>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub participants: Vec<String>,
    pub source: Option<String>,
    #[allow(dead_code)] // accepted for documentation; not used by checks
    pub note: Option<String>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(untagged)]
pub(crate) enum RawMisspelling {
    Form(String),
    WithFix { form: String, fix: Option<String> },
}

#[derive(Debug, Deserialize, Clone)]
#[serde(untagged)]
pub(crate) enum RawTitles {
    List(Vec<String>),
    PerLang(BTreeMap<String, Vec<String>>),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRole {
    pub title: RawTitles,
    pub from: Option<Datetime>,
    pub until: Option<Datetime>,
}

/// Names an entity bore until a date (an organisation renamed or merged).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFormerName {
    pub names: RawTitles,
    pub until: Spanned<Datetime>,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq, Default)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum RawEntityKind {
    #[default]
    Person,
    Place,
    Organisation,
    Other,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEntity {
    pub id: Option<Spanned<String>>,
    pub name: Spanned<String>,
    #[serde(default)]
    pub kind: RawEntityKind,
    #[serde(default)]
    pub aliases: Option<Spanned<BTreeMap<String, Vec<String>>>>,
    #[serde(default)]
    #[serde(alias = "short-forms")]
    pub short_forms: Vec<String>,
    #[serde(default, alias = "titled-forms")]
    pub titled_forms: Vec<String>,
    #[serde(default)]
    pub misspellings: Vec<RawMisspelling>,
    #[serde(default)]
    pub discouraged: Vec<RawMisspelling>,
    #[serde(default = "default_true")]
    #[serde(alias = "ascii-fold")]
    pub ascii_fold: bool,
    #[serde(default)]
    pub roles: Vec<RawRole>,
    #[serde(default, alias = "former-names")]
    pub former_names: Vec<RawFormerName>,
    #[serde(alias = "never-titles")]
    pub never_titles: Option<RawTitles>,
    pub died: Option<Spanned<Datetime>>,
    pub living: Option<Spanned<bool>>,
    pub severity: Option<Severity>,
    #[serde(default)]
    pub example: Vec<Spanned<RawExample>>,
}

fn default_true() -> bool {
    true
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum RawClaimKind {
    Quantity,
    Date,
    Anniversary,
    Elapsed,
    Since,
    First,
    Ordinal,
    False,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum RawExpect {
    Conflict,
    Ok,
    NoMatch,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawExample {
    pub text: String,
    pub lang: String,
    #[serde(alias = "doc-date")]
    pub doc_date: Option<Datetime>,
    pub expect: RawExpect,
    #[serde(alias = "expect-found")]
    pub expect_found: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawClaim {
    pub id: Spanned<String>,
    pub kind: Spanned<RawClaimKind>,
    pub key: Option<Spanned<String>>,
    pub value: Option<Spanned<String>>,
    pub event: Option<Spanned<String>>,
    /// The event an `elapsed` claim counts to (else the document date).
    pub until: Option<Spanned<String>>,
    /// What is true instead of a `false` claim's statement.
    pub correct: Option<Spanned<String>>,
    /// Where a `false` claim's correction comes from.
    pub source: Option<Spanned<String>>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// Entity ids an `ordinal` claim's events must all list as participants.
    pub participants: Option<Spanned<Vec<String>>>,
    #[serde(alias = "doc-dates")]
    pub doc_dates: Option<Spanned<RawDate>>,
    pub severity: Option<Severity>,
    #[serde(alias = "derived-severity")]
    pub derived_severity: Option<Severity>,
    #[serde(default, alias = "carry-period")]
    pub carry_period: bool,
    /// `"latest"`: a figure stating no period is checked against the latest fact of
    /// the key whose period ended before the document's date.
    pub undated: Option<Spanned<String>>,
    /// `false`: the claim's figures are never rounded (counts, speeds).
    pub rounded: Option<Spanned<bool>>,
    /// `true`: a bare figure is the value written, exactly (policy rates).
    pub exact: Option<Spanned<bool>>,
    /// `true`: the claim's figures take a sign from loss and profit words.
    pub signed: Option<Spanned<bool>>,
    /// The shares hedges widen this claim's figures by (over `[meta] hedges`).
    pub hedges: Option<Spanned<RawHedges>>,
    pub message: Option<String>,
    pub help: Option<String>,
    pub description: Option<String>,
    #[serde(default)]
    pub patterns: BTreeMap<String, Vec<Spanned<String>>>,
    #[serde(default)]
    pub cues: BTreeMap<String, Spanned<Vec<Vec<String>>>>,
    #[serde(default)]
    pub context: BTreeMap<String, Spanned<Vec<Vec<String>>>>,
    #[serde(default)]
    pub exclude: BTreeMap<String, Spanned<Vec<String>>>,
    #[serde(default, alias = "not-after")]
    pub not_after: BTreeMap<String, Spanned<Vec<String>>>,
    #[serde(default, alias = "followed-by")]
    pub followed_by: BTreeMap<String, Spanned<Vec<String>>>,
    #[serde(default)]
    pub subject: BTreeMap<String, Spanned<Vec<String>>>,
    #[serde(default, alias = "other-subject")]
    pub other_subject: BTreeMap<String, Spanned<Vec<String>>>,
    /// ISO codes of the countries the claim is about ("VN", "KZ").
    pub parties: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    pub example: Vec<Spanned<RawExample>>,
}
