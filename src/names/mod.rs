//! Name checking: finds mentions of known entities (people, places, organisations) in a
//! document and judges how each mention is written.
//!
//! All matching runs on folded text (see [`crate::fold`]); every hit is reported as a
//! byte range of the ORIGINAL text, extended over trailing combining marks so that the
//! range slices exactly the form as written (NFC, NFD, NBSP and all).
//!
//! Pipeline of [`NameIndex::find`]:
//! 1. one Aho–Corasick pass (leftmost-longest, whole words only) over all folded forms:
//!    canonical names, aliases, short forms, derived initial variants, misspellings,
//!    discouraged variants and role titles (`index.rs`);
//! 2. role check of accepted hits with a role title before or after them (`role.rs`);
//! 3. near-miss detection on the uncovered tokens (`near_miss.rs`), in name context only.
//!
//! Fixes for misspellings without an explicit fix are computed by aligning the wrong
//! form against token windows of the entity's accepted forms (`fix.rs`).
//!
//! Derived forms: an accepted form containing an initial written with a space
//! ("K. Tumysh") is also accepted written without it ("K.Tumysh"), and vice versa
//! ("M.Nurtleu" → "M. Nurtleu"). Both are house-style variants of one short form.

use chrono::NaiveDate;
use std::ops::Range;

mod diacritics;
mod fix;
mod forms;
mod index;
mod near_miss;
mod role;
mod token;
mod util;

pub use index::NameIndex;

/// Whether `written` spells `listed` (both fold alike): the same diacritics on
/// every word, or none written (text typed without them).
pub(crate) fn spelled_alike(written: &str, listed: &str) -> bool {
    diacritics::agrees(written, listed, true)
}

/// Like [`spelled_alike`], for words of running text: a word written without
/// diacritics spells one with them only in `plain` text (typed without any), since
/// "chung" (common) in text with diacritics is not "chừng" (about).
pub(crate) fn word_spelled_alike(written: &str, listed: &str, plain: bool) -> bool {
    diacritics::agrees(written, listed, plain)
}
pub(crate) use util::whole_word;

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityKind {
    /// A person ("Kassym-Jomart Tokayev").
    Person,
    /// A place ("Việt Nam").
    Place,
    /// An organisation ("United Nations").
    Organisation,
    /// Anything else.
    Other,
}

/// A known wrong (or discouraged) form of an entity name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Misspelling {
    /// The form as it is wrongly written ("Kassym-Jormat").
    pub form: String,
    /// The replacement; `None` means "compute it": the best-aligned token
    /// window of the entity's accepted forms, in original spelling.
    pub fix: Option<String>,
}

/// A role (office) an entity held during a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// Titles of the role in every language ("Tổng Bí thư", "General Secretary").
    pub titles: Vec<String>,
    /// First day in office, `None` = since always.
    pub from: Option<NaiveDate>,
    /// Last day in office, `None` = still in office.
    pub until: Option<NaiveDate>,
}

/// A name an entity bore until a date (an organisation renamed or merged).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormerName {
    /// The form as written ("Tổng cục Thống kê").
    pub form: String,
    /// Last day it was the entity's name.
    pub until: NaiveDate,
}

/// One entity as given by the caller (plain data).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityInput {
    /// Caller's identifier (not interpreted).
    pub id: String,
    /// Canonical spelling ("Kassym-Jomart Tokayev").
    pub canonical: String,
    /// Kind of entity.
    pub kind: EntityKind,
    /// Accepted aliases in all languages ("Tokayev", "Tokajew", "Токаев").
    pub aliases: Vec<String>,
    /// Accepted short forms ("K. Tumysh", "Tumysh").
    pub short_forms: Vec<String>,
    /// Short forms accepted only right after a role title or an honorific ("Diên" in
    /// "ông Diên", "Bộ trưởng Diên"): alone they may be ordinary words ("điện").
    pub titled_forms: Vec<String>,
    /// Known wrong forms; a hit is always an error.
    pub misspellings: Vec<Misspelling>,
    /// Style variants; a hit is a warning.
    pub discouraged: Vec<Misspelling>,
    /// Whether a form written without diacritics is accepted ("Nguyen Thi Huong"). A
    /// form written with other diacritics than every accepted form ("Nguyễn Thị
    /// Hường") is a [`Verdict::Diacritics`] either way.
    pub ascii_fold: bool,
    /// Roles held, with periods.
    pub roles: Vec<Role>,
    /// Names borne until a date: accepted on documents dated up to it, a
    /// [`Verdict::FormerName`] after.
    pub former_names: Vec<FormerName>,
    /// Titles never held: one of them before or after the name is a
    /// [`Verdict::NeverHeld`] whatever the date.
    pub never_titles: Vec<String>,
}

impl EntityInput {
    /// An entity with only a canonical name (no aliases, roles, …; `ascii_fold` true).
    pub fn new(id: &str, canonical: &str, kind: EntityKind) -> EntityInput {
        EntityInput {
            id: id.to_string(),
            canonical: canonical.to_string(),
            kind,
            aliases: Vec::new(),
            short_forms: Vec::new(),
            titled_forms: Vec::new(),
            misspellings: Vec::new(),
            discouraged: Vec::new(),
            ascii_fold: true,
            roles: Vec::new(),
            former_names: Vec::new(),
            never_titles: Vec::new(),
        }
    }
}

/// One mention found in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameHit {
    /// Byte range in the ORIGINAL text; slices exactly the form as written.
    pub range: Range<usize>,
    /// Index into the entity slice given to [`NameIndex::new`].
    pub entity: usize,
    /// Judgement of the mention.
    pub verdict: Verdict,
    /// Byte range in the ORIGINAL text of a marker saying the person had died
    /// ("the late"), written before the name or the title before it.
    pub deceased: Option<Range<usize>>,
    /// The role title written with an accepted name that the entity held on the
    /// document's date (the verdict is then [`Verdict::Ok`]): a "then" marker may
    /// still speak of a time before the term ("the then deputy prime minister X" in
    /// a sentence of 2020, of one in office since 2023).
    pub held_title: Option<HeldTitle>,
}

/// A role title the entity held on the document's date, with every term of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldTitle {
    /// The title as the rules write it.
    pub title: String,
    /// Every term with this title (start, end; open ends allowed).
    pub terms: Vec<(Option<NaiveDate>, Option<NaiveDate>)>,
}

/// The words of a document's language that [`NameIndex::find`] reads around names.
#[derive(Debug, Clone, Copy, Default)]
pub struct MarkerWords<'a> {
    /// Folded words that may open a title written after a name and a comma ("the" in
    /// "Pham Minh Chinh, the prime minister").
    pub apposition_words: &'a [String],
    /// Lowercase words that say a title right after them is no longer held
    /// ("former", "cựu").
    pub former_markers: &'a [String],
    /// Lowercase words that put a title in the past ("then", "khi đó"; the
    /// `former_markers` among them): one that is no former marker may stand between
    /// a title and its name ("Phó Thủ tướng khi đó Trần Hồng Hà").
    pub past_markers: &'a [String],
    /// Lowercase words that say the person named right after them, or after the
    /// title right after them, had died ("the late", "cố").
    pub deceased_markers: &'a [String],
    /// Lowercase words of a person's calling ("painter", "nhạc sĩ"): one may stand
    /// between a deceased marker and the name.
    pub occupation_words: &'a [String],
    /// Lowercase honorifics ("ông", "Mr", "Frau") after which a `titled_forms`
    /// form names its entity.
    pub honorifics: &'a [String],
    /// The language writes its nouns with a capital (German): a capital alone does
    /// not make a word a near miss of a one-word form.
    pub capitalised_nouns: bool,
}

/// Judgement of one mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Canonical name, alias or short form: correct.
    Ok,
    /// A known misspelling (error); `fix` is in the entity's original spelling.
    Misspelling {
        /// Replacement text.
        fix: String,
    },
    /// A discouraged style variant (warning).
    Discouraged {
        /// Replacement text.
        fix: String,
    },
    /// An unknown form close to a known one, in name context (warning; the suggestion
    /// is a guess and not safe to apply automatically).
    NearMiss {
        /// The closest accepted form (window), original spelling.
        suggestion: String,
        /// Edit distance (optimal string alignment) on folded text.
        distance: usize,
    },
    /// An accepted form written with other diacritics ("Nguyễn Thị Hường" for
    /// "Nguyễn Thị Hương"), or without them where the entity does not accept that
    /// (warning: it may be another person's name).
    Diacritics {
        /// The accepted form, as the rules spell it.
        suggestion: String,
    },
    /// A name the entity bore only until `until`, in a document dated after it.
    FormerName {
        /// Last day the name was current.
        until: NaiveDate,
    },
    /// The name follows a title marked as no longer held ("former coach X") that the
    /// entity holds on the document date.
    StillHeld {
        /// The title as written.
        title: String,
    },
    /// The name goes with a title the entity never held.
    NeverHeld {
        /// The title (entity data spelling).
        title: String,
    },
    /// The name follows a title the rules give to others only, which qualifies one
    /// of the entity's own ("Vietjet CEO" for a Vietnam Airlines CEO).
    OthersTitle {
        /// The title as written.
        title: String,
        /// The entity's own title it ends with (entity data spelling).
        own: String,
    },
    /// The name is preceded by a role title the entity did not hold on the document date.
    RoleConflict {
        /// The role title (entity data spelling).
        title: String,
        /// The terms in which the entity held it: (start, end), in the rules' order
        /// (a prime minister twice in office has two).
        terms: Vec<(Option<NaiveDate>, Option<NaiveDate>)>,
    },
}
