//! Language packs: every language-specific word, separator and pattern template.
//!
//! A pack is a TOML file (`src/lang/packs/xx.toml` for the built-in ones, embedded with
//! `include_str!`; user packs go through [`LangPack::from_toml`]). Every word a pack lists
//! is folded with [`crate::fold::fold_str`] when the pack is loaded, so all matching runs
//! on folded text: text written without diacritics, NFD input and `Ð` read the same.
//!
//! Adding a built-in language = adding `packs/xx.toml`, its gazetteer
//! `packs/countries/xx.toml` and one entry in `BUILTIN_SOURCES`.
//!
//! Value patterns are written as *templates* (syntax in [`crate::value::template`]);
//! they are compiled into regexes once, when the pack is loaded, and kept in the pack.
//!
//! # Schema (every table uses `deny_unknown_fields`)
//!
//! ```toml
//! extends = "vi"                   # optional: list only additions to a built-in pack
//! code = "xx"                      # language code
//! name = "Name"
//! abbreviations = ["Dr."]          # do not end a sentence
//! letter_words = ["Plan B"]        # end in one letter that is no initial: "B." may end a sentence
//! comparison_words = ["from"]      # introduce a reference period
//! base_words = ["up from"]         # make the figure after them a comparison's base
//! base_pairs = [["from", "to"]]    # "from X to Y" (or "to Y from X"): X is the base
//! year_words = ["year", "years"]   # duration units for counts
//! decade_words = ["decade", "decades"] # "three decades" = 25–35 years (optional)
//! month_words = ["month", "months"] # shorter duration units (optional): `elapsed` claims
//! week_words = ["week", "weeks"]
//! day_words = ["day", "days"]
//! percent_words = ["%", "percent"]
//! capitalised_nouns = false        # German: a capital is no sign of a name (optional)
//! typed_without_diacritics = true  # may copy drop the diacritics? (optional; German: false)
//! point_words = ["percentage points"] # a change of a rate in points: "rose 0.3 percentage points" (optional)
//! basis_point_words = ["basis points"] # a change in hundredths of a point: "cut by 25 basis points" (optional)
//! minus_words = ["minus"]          # before a figure, as `{minus}` reads them: below zero (optional)
//! past_markers = ["then", "former"] # a role title of the past (lowercase, not folded)
//! former_markers = ["former"]       # the past_markers that say "no longer" (optional)
//! deceased_markers = ["the late"]  # before a name or its title: the person had died (optional)
//! occupation_words = ["painter"]   # may stand between such a marker and the name (optional)
//! designate_markers = ["incoming"]  # before a title: the person is to take it up (optional)
//! new_markers = ["new"]            # before a title: the person took it up lately (optional)
//! honorifics = ["mr"]              # before an entity's `titled_forms` form: it names the entity (optional)
//! negative_words = ["loss"]        # give a `signed` claim's figure in their clause a minus (optional)
//! positive_words = ["profit"]      # give it a plus (optional; both lowercase, not folded)
//! renaming_words = ["merged"]      # a sentence telling of a renaming or merger
//! apposition_words = ["the"]       # may open a title after a name: "X, the president"
//! future_words = ["will"]          # a weekday later in their clause is the coming one
//! original_plan_words = ["originally"] # a date in their sentence may be a postponed plan's
//! record_words = ["lowest", "#th"] # before "since" in its clause: the date is a
//!                                  # comparison's ("the lowest since 2008"), not a claim's;
//!                                  # `#` stands for digits ("8th") (optional)
//! subordinators = ["as", "while"] # a change after one is not the figure's before it (optional)
//! relative_words = ["which"]      # ", which rose to X," takes no period of the clause after it (optional)
//! denial_words = ["denied"]       # a false statement in a sentence with one is refuted, not made (optional)
//! negation_words = ["not"]        # a false statement right after one is denied (optional)
//! now_words = ["now", "to date"]  # a figure after one is of the document's day (optional)
//! year_to_date_words = ["so far this year"] # a figure of their statement counts part of
//!                                  # the year, not the year (optional)
//! after_words = ["following"]      # before a year: another event's time (optional)
//! when_words = ["when"]           # "down from 2022, when 367,000 …": a figure of the
//!                                  # clause they open is of the period just before
//! office_start_words = ["took office"] # a date after a name with one dates a role's start
//! office_since_words = ["since"]  # "X, chairman since 2021": a title beside one and a date (optional)
//! back_references = ["this figure"] # a sentence with one takes the cue words of the one before
//! source_words = ["data"]          # after a base word, make it "according to" ("nach Angaben")
//! year_prepositions = ["since"]    # a four-digit number after one is a year ("since 2013 nurses")
//! event_year_words = ["in"]      # a bare year after one is when a date cue claim's event was (optional)
//!                                  # (the optional lists, absent: the built-in pack's of the code)
//!
//! [numbers]
//! decimal = ["."]                  # one character each; never also a group separator
//! group = [","]                    # " " also covers NBSP / narrow NBSP after folding
//! ambiguous_group = []             # group chars read as decimal unless 3 digits follow
//! joiners = ["-", " "]             # between number-word tokens ("" allowed: German)
//! one_before_scale = ["a"]         # "a billion"
//! standalone_words = true          # may one number word alone be a Number?
//! [numbers.fractions]               # "half" = 0.5: percentages in words ({frac})
//! not_first = []                   # number words never first ("tư" of "hai mươi tư")
//! not_alone = []                   # number words never a number alone (German "ein")
//! and_a_half = ["and a half"]      # half a unit more after a duration unit: {andhalf}
//!                                  # ("a year and a half", "ba năm rưỡi"; optional)
//! words = { one = 1 }              # cardinal words (under [numbers.words])
//! multipliers = { hundred = 100 }  # multiply the preceding words
//!
//! [scales]        # word = multiplier ("million" = 1e6)
//! [money_scales]  # abbreviations only read next to a currency ("bn" = 1e9)
//! [currencies]    # ISO = [words and symbols]
//! [durations]     # fixed words = "AMOUNT UNIT": "half a century" = "50 years" ({duration};
//!                 # absent: the built-in pack's of the code)
//! [units]         # unit symbol (MW, kWh, km, ha, Mt, m3, …) = [words and symbols]
//!                 # (absent: the built-in pack's of the code, else the symbols)
//! [hedges]        # nearly / about / more_than / less_than / exact = [words];
//!                 # at_least / at_most = [words] (bounds that include the figure;
//!                 # absent: the built-in pack's of the code)
//! [change]        # increase / decrease = [words]; increase_verbs / decrease_verbs
//!                 # = [verbs that give the direction of a change written later in
//!                 # their clause: "stieg 2024 um 2,9 Prozent"] (optional)
//! [dates]         # months = 12 lists, weekdays = 7 lists (Monday first), dayparts,
//!                 # day_suffixes, relative_days = { word = days }, relative_years,
//!                 # relative_months = { word = -1 | 0 | 1 } ("last August": the
//!                 # latest August before the document's month; 0: of its year;
//!                 # 1: the first after it), calendar_months = { phrase = months }
//!                 # ("last month" = -1: the month before the document's),
//!                 # parts = { word = 1 | 2 | 3 } (a third of a month or year:
//!                 # "early" = 1, "mid" = 2, "late" = 3),
//!                 # seasons = { word = [first month, last month] } ("spring" =
//!                 # [3, 5]; a season across the new year, [12, 2], runs from
//!                 # the December before the year written to the February after),
//!                 # previous_years = [the year before the
//!                 # one last spoken of], since_words = [words before a date that
//!                 # put it on or before the document's: "since", "seit"; the word
//!                 # stays outside the date's span]
//! [ordinals]      # words = { word = n }, suffixes = ["th"], period = { first = 1 },
//!                 # first = [words for "first" that need no ordinal marker]
//! [ranks]         # superlatives = ["largest"], prefixes = { zweit = 2 } (German
//!                 # compounds), top = ["top"], groups = ["one of"] (optional)
//! [templates]     # money, number, measure, percent, change, count, year, yearspan, date,
//!                 # daterange, ordinal, rank, rank_top, period_quarter, period_half,
//!                 # period_months, period_year = [templates, most specific first]
//! [countries]     # ISO 3166-1 code = [names, adjectives, capital] as written:
//!                 # matched case-sensitive on NFC text, never folded (optional;
//!                 # the built-in gazetteers live in packs/countries/xx.toml)
//! ```
//!
//! [`LangPack::from_toml`] rejects unknown keys, a character declared both as decimal and
//! group separator, month/weekday lists of the wrong length, non-positive scales and
//! templates that do not compile, with the byte span of the offending TOML.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::ops::Range;
use std::sync::{LazyLock, OnceLock, RwLock};

mod countries;
mod extend;

pub use countries::Countries;
use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;

use crate::fold::fold_str;
use crate::value::Hedge;
use crate::value::template::{CompiledTemplates, TemplateError, compile_pack_templates};

/// Embedded sources of the built-in packs: `(code, toml)`; each pack's country
/// gazetteer is kept in a file of its own (`packs/countries/`) and appended.
const BUILTIN_SOURCES: &[(&str, &str)] = &[
    (
        "de",
        concat!(
            include_str!("packs/de.toml"),
            "\n",
            include_str!("packs/countries/de.toml")
        ),
    ),
    (
        "en",
        concat!(
            include_str!("packs/en.toml"),
            "\n",
            include_str!("packs/countries/en.toml")
        ),
    ),
    (
        "fr",
        concat!(
            include_str!("packs/fr.toml"),
            "\n",
            include_str!("packs/countries/fr.toml")
        ),
    ),
    (
        "ru",
        concat!(
            include_str!("packs/ru.toml"),
            "\n",
            include_str!("packs/countries/ru.toml")
        ),
    ),
    (
        "vi",
        concat!(
            include_str!("packs/vi.toml"),
            "\n",
            include_str!("packs/countries/vi.toml")
        ),
    ),
];

/// The built-in packs, each compiled when first asked for (compiling a pack's value
/// templates is a good part of start-up, and most runs use few of the languages).
static BUILTIN: [OnceLock<Option<LangPack>>; BUILTIN_SOURCES.len()] =
    [const { OnceLock::new() }; BUILTIN_SOURCES.len()];

/// The TOML source of the built-in pack for `code`, gazetteer included.
fn builtin_source(code: &str) -> Option<&'static str> {
    BUILTIN_SOURCES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, src)| *src)
}

/// The built-in pack for `code`, compiled on first use.
fn builtin(code: &str) -> Option<&'static LangPack> {
    let index = BUILTIN_SOURCES.iter().position(|(c, _)| *c == code)?;
    BUILTIN[index]
        .get_or_init(|| parse_pack(BUILTIN_SOURCES[index].1, Origin::BuiltIn).ok())
        .as_ref()
}

/// Compiles the packs of `codes` at once, each on its own thread, so the first uses
/// that follow do not compile them one after another. Plain threads, not rayon: a
/// rayon worker waiting on a pack's compilation could pick up another job that asks
/// for the same pack.
pub fn preload<'a>(codes: impl IntoIterator<Item = &'a str>) {
    let codes: BTreeSet<&str> = codes.into_iter().collect();
    std::thread::scope(|scope| {
        for code in codes {
            scope.spawn(move || pack(code));
        }
    });
}

/// Packs registered at run time from users' rule directories (`lang/xx.toml`).
/// Leaked on registration, like the built-ins they override: a run registers a
/// handful at most.
static USER: LazyLock<RwLock<Vec<&'static LangPack>>> = LazyLock::new(RwLock::default);

/// The pack for a language code: a user pack if one was registered, else the
/// built-in one (`"en"`, `"vi"`, `"de"`, `"fr"`, `"ru"`).
pub fn pack(code: &str) -> Option<&'static LangPack> {
    let user = USER
        .read()
        .ok()
        .and_then(|packs| packs.iter().rev().find(|p| p.code == code).copied());
    user.or_else(|| builtin(code))
}

/// Registers a user pack; it overrides a built-in or earlier pack with the same code.
pub fn register(pack: LangPack) -> &'static LangPack {
    let leaked: &'static LangPack = Box::leak(Box::new(pack));
    if let Ok(mut packs) = USER.write() {
        packs.push(leaked);
    }
    leaked
}

/// Codes of all packs (built-in and registered), sorted.
pub fn known_codes() -> Vec<String> {
    let mut codes: Vec<String> = builtin_codes().into_iter().map(str::to_string).collect();
    if let Ok(packs) = USER.read() {
        codes.extend(packs.iter().map(|p| p.code.clone()));
    }
    codes.sort_unstable();
    codes.dedup();
    codes
}

/// Codes of the built-in packs, sorted.
pub fn builtin_codes() -> Vec<&'static str> {
    let mut codes: Vec<&'static str> = BUILTIN_SOURCES.iter().map(|(c, _)| *c).collect();
    codes.sort_unstable();
    codes
}

/// Checks that every built-in pack source loads; returns `(code, error)` for those that do not.
pub fn builtin_errors() -> Vec<(&'static str, LangError)> {
    BUILTIN_SOURCES
        .iter()
        .filter_map(|(code, src)| LangPack::from_toml(src).err().map(|e| (*code, e)))
        .collect()
}

/// An error loading a language pack: a message and the byte span in the TOML source.
#[derive(Debug, Clone, PartialEq)]
pub struct LangError {
    /// What is wrong.
    pub message: String,
    /// Byte range in the TOML source the error refers to, when known.
    pub span: Option<Range<usize>>,
}

impl fmt::Display for LangError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.span {
            Some(span) => write!(f, "{} (bytes {}..{})", self.message, span.start, span.end),
            None => write!(f, "{}", self.message),
        }
    }
}

impl std::error::Error for LangError {}

/// A loaded language pack. All word lists are folded.
#[derive(Debug, Clone)]
pub struct LangPack {
    /// Language code, e.g. `"vi"`.
    pub code: String,
    /// Human-readable language name.
    pub name: String,
    /// Decimal separator characters.
    pub decimal: Vec<char>,
    /// Digit-group separator characters (space covers NBSP after folding).
    pub group: Vec<char>,
    /// Group separators that read as a decimal point unless followed by exactly three digits.
    pub ambiguous_group: Vec<char>,
    /// Cardinal number words with their values (folded).
    pub number_words: Vec<(String, f64)>,
    /// Multiplier words inside a number (hundred, trăm, hundert...).
    pub multipliers: Vec<(String, f64)>,
    /// Strings allowed between number-word tokens (may include the empty string).
    pub joiners: Vec<String>,
    /// Words that mean 1 before a scale word ("a", "un", "một").
    pub one_words: Vec<String>,
    /// Fractions in words with their share ("half" = 0.5, "hai phần ba" = 2/3): read as
    /// percentages by the `{frac}` placeholder.
    pub fractions: Vec<(String, f64)>,
    /// Whether a single number word may stand alone as a Number value.
    pub standalone_words: bool,
    /// Number words that only follow another ("tư", "lăm", "mốt" of "hai mươi tư",
    /// "mười lăm", "ba mươi mốt"): never the first word of a number, so "từ năm"
    /// (folded "tu nam") is not "four years".
    pub not_first: Vec<String>,
    /// Number words that are no number on their own, only in a longer one or before
    /// a scale word: German "ein", "eine" are also articles ("ein Abkommen").
    pub not_alone: Vec<String>,
    /// Scale words with multipliers (thousand, triệu, Milliarde...).
    pub scales: Vec<(String, f64)>,
    /// Scale abbreviations only read in money amounts ("m", "bn", "k").
    pub money_scales: Vec<(String, f64)>,
    /// Currency words and symbols with their ISO codes.
    pub currencies: Vec<(String, String)>,
    /// Words and symbols of units of measure with the symbols of
    /// [`crate::value::measure::UNITS`] they stand for ("megawatt" → "MW").
    pub units: Vec<(String, String)>,
    /// Percent words and signs.
    pub percent_words: Vec<String>,
    /// Whether the language writes its nouns with a capital (German): a capital
    /// alone is then no sign of a name ("Schwelle" is no misspelt "Scheele").
    pub capitalised_nouns: bool,
    /// Whether copy in the language is at times typed without its diacritics
    /// ("Tong Bi thu To Lam"): then a list word written with them also matches the
    /// word without them where the text around has none. German writes a missing
    /// umlaut as "ue": its "wurde" is never "würde".
    pub typed_without_diacritics: bool,
    /// Words of a change in percentage points ("percentage points", "Prozentpunkte",
    /// "điểm phần trăm"): a `{change}` written with one is a difference of two rates.
    pub point_words: Vec<String>,
    /// Words of a change in basis points, hundredths of a percentage point ("basis
    /// points", "Basispunkte", "điểm cơ bản"): "cut by 25 basis points" is −0.25 points.
    pub basis_point_words: Vec<String>,
    /// Words that put the figure after them below zero ("minus 0,5 Prozent", "lãi
    /// suất âm 0,5%"), read by a template's `{minus}` beside a minus sign.
    pub minus_words: Vec<String>,
    /// Hedge words with their meaning.
    pub hedges: Vec<(String, Hedge)>,
    /// The `hedges` words as the pack writes them (lower case): "đúng" (exactly) is no
    /// "dùng" (to use) nor "dụng", and "sát" (close to) no "sắt" (iron), though they
    /// fold alike.
    pub hedge_spellings: Vec<String>,
    /// Increase words.
    pub increase_words: Vec<String>,
    /// Decrease words.
    pub decrease_words: Vec<String>,
    /// Verbs that give the direction of a change written later in their clause, with
    /// other words between ("Der Handel stieg 2024 um 2,9 Prozent"): a change read by
    /// a template without `{dir}` or `{sign}` takes the direction of the last one.
    pub increase_verbs: Vec<String>,
    /// Like `increase_verbs`, for decreases ("sank", "fiel").
    pub decrease_verbs: Vec<String>,
    /// Comparison words introducing a reference period.
    pub comparison: Vec<String>,
    /// Words that make the figure right after them the base of a comparison.
    pub base_words: Vec<String>,
    /// Word pairs of a change between two figures ("von X auf Y"): the figure after
    /// the first word is the base when a figure after the second stands in its clause,
    /// after it or before it.
    pub base_pairs: Vec<(String, String)>,
    /// Year duration unit words.
    pub year_units: Vec<String>,
    /// Decade duration unit words ("decades", "thập kỷ"; folded).
    pub decade_units: Vec<String>,
    /// Month duration unit words ("months", "tháng", "Monate"; folded).
    pub month_units: Vec<String>,
    /// Week duration unit words ("weeks", "tuần", "Wochen"; folded).
    pub week_units: Vec<String>,
    /// Day duration unit words ("days", "ngày", "Tage"; folded).
    pub day_units: Vec<String>,
    /// Words adding half a unit after a duration unit ("a year and a half", "ba năm
    /// rưỡi"; folded): `{andhalf}`.
    pub and_a_half: Vec<String>,
    /// Durations in fixed words ("half a century" = 50 years; folded): `{duration}`.
    pub durations: Vec<(String, Duration)>,
    /// Month names with month numbers 1..=12.
    pub months: Vec<(String, u32)>,
    /// Weekday names with 0 = Monday .. 6 = Sunday.
    pub weekdays: Vec<(String, u32)>,
    /// Relative day words with day offsets.
    pub relative_days: Vec<(String, i64)>,
    /// Relative year words with year offsets.
    pub relative_years: Vec<(String, i32)>,
    /// Words that place a month without a year relative to the document's date
    /// ("last", "vừa qua", "vergangenen"): -1 the latest such month before the
    /// document's month, 0 the one of its year, 1 the first one after it.
    pub relative_months: Vec<(String, i32)>,
    /// The `relative_months` words as the pack writes them (lower case): "tới"
    /// (coming) is no "tối" (evening), though both fold to "toi".
    pub relative_month_spellings: Vec<String>,
    /// Phrases naming a whole month by its distance from the document's month ("last
    /// month", "tháng trước", "im vergangenen Monat" = -1; "this month" = 0).
    pub calendar_months: Vec<(String, i32)>,
    /// Words naming a third of a month or year ("early" = 1, "mid" = 2, "late" = 3;
    /// "Anfang", "Mitte", "Ende"; "đầu", "giữa", "cuối").
    pub date_parts: Vec<(String, u32)>,
    /// Words naming a season by its first and last month ("spring" = [3, 5],
    /// "Frühjahr", "mùa xuân"); a season across the new year is [12, 2].
    pub seasons: Vec<(String, [u32; 2])>,
    /// Phrases naming the year before the one the text spoke of last ("im Jahr
    /// zuvor", "the previous year"), not before the document's: a value carrying its
    /// period from an earlier sentence takes the year before it.
    pub previous_years: Vec<String>,
    /// Words before a date that place it on or before the document's date ("since
    /// July", "seit dem 1. Juli"): the `{since}` placeholder of date templates.
    pub since_words: Vec<String>,
    /// Day-part words that may precede or follow a date.
    pub dayparts: Vec<String>,
    /// Suffixes written after a day number ("st", "er").
    pub day_suffixes: Vec<String>,
    /// Ordinal words with values.
    pub ordinals: Vec<(String, u32)>,
    /// Words for "first" that stand alone, without the language's ordinal marker
    /// (Vietnamese "đầu tiên", where the others need "thứ"): the `{first}` placeholder.
    pub first_ordinals: Vec<String>,
    /// Suffixes that make a digit run an ordinal ("th", ".", "e", "-й").
    pub ordinal_suffixes: Vec<String>,
    /// Ordinal words used in period names ("first quarter", "đầu năm").
    pub period_ordinals: Vec<(String, u32)>,
    /// Superlatives of a ranking ("largest", "lớn", "größter"; folded): alone a
    /// first place, after an ordinal that place (the `{sup}` placeholder).
    pub rank_superlatives: Vec<String>,
    /// Places written as the first part of one word with a superlative (German
    /// "zweit-", "viert-"; folded), with their numbers (the `{rpre}` placeholder).
    pub rank_prefixes: Vec<(String, u32)>,
    /// Words for the top places of a ranking ("top"; the `{top}` placeholder).
    pub rank_top: Vec<String>,
    /// Words that make a superlative one of a group, not a place ("one of the
    /// largest", "một trong những … lớn nhất", "einer der größten"; folded): a single
    /// place with one of them earlier in its clause is not read.
    pub rank_groups: Vec<String>,
    /// Abbreviations that do not end a sentence.
    pub abbrevs: Vec<String>,
    /// Words and names that end in a single letter which is no initial ("Đông Nam
    /// Á", "Trung Á"), folded: a full stop after one ends its sentence.
    pub letter_words: Vec<String>,
    /// Words that put a role title in the past ("then", "former", "nguyên"):
    /// lowercase NFC words, not folded (folding merges Vietnamese "nguyên" with
    /// the surname "Nguyễn").
    pub past_markers: Vec<String>,
    /// The past markers that say the title is no longer held ("former", "cựu",
    /// "ehemalige"; not "then"), lowercase as written: a title after one that the
    /// person still holds on the document's date is wrong.
    pub former_markers: Vec<String>,
    /// Words written right before a person's name or title that say the person had
    /// died ("the late", "cố", "verstorbene"), lowercase as written: Vietnamese
    /// "cố" is no "có".
    pub deceased_markers: Vec<String>,
    /// Words of a person's calling ("painter", "nhạc sĩ", "NSND", "Maler"),
    /// lowercase as written: one may stand between a deceased marker and the name
    /// ("the late painter X", "cố nhạc sĩ X", "der verstorbene Maler X").
    pub occupation_words: Vec<String>,
    /// Words written before a role title that say the person is to take it up
    /// ("incoming", "designierte", "tân"), lowercase as written: such a title is
    /// right of one whose term with it begins soon after the document's date.
    pub designate_markers: Vec<String>,
    /// Words written before a role title that say the person took it up lately
    /// ("new", "tân", "neue"), lowercase as written: such a title is wrong of one
    /// whose term began over three months before the document's date.
    pub new_markers: Vec<String>,
    /// Honorifics ("ông", "Mr", "Frau"), lowercase as written: right before an
    /// entity's `titled_forms` form ("ông Diên") they make it name the entity.
    pub honorifics: Vec<String>,
    /// Words that make a `signed` claim's figure in their clause negative ("loss",
    /// "lỗ", "Verlust", "deficit"), lowercase as written: "lỗ" is no "lo".
    pub negative_words: Vec<String>,
    /// Words that make it positive ("profit", "lãi", "Gewinn", "surplus"), like
    /// `negative_words`: "lãi" is no "lại".
    pub positive_words: Vec<String>,
    /// Words that tell of a renaming or a merger ("merged", "hợp nhất", "Fusion"): a
    /// sentence holding one may name the bodies as they were before. Lowercase NFC
    /// words, like `past_markers`.
    pub renaming_words: Vec<String>,
    /// Words that may open a role title written after a name and a comma ("the" in
    /// "Pham Minh Chinh, the prime minister"), folded.
    pub apposition_words: Vec<String>,
    /// Words that make a weekday later in their clause the coming one, not the last
    /// ("will arrive on Sunday", "sẽ đến vào Chủ nhật"), folded.
    pub future_words: Vec<String>,
    /// The `future_words` as the pack writes them (lower case): "sẽ" (will) is no
    /// "sẻ" ("chia sẻ", to share), "sắp" (about to) no "sập" (to collapse).
    pub future_spellings: Vec<String>,
    /// Words that tell of a plan that was changed ("originally", "ban đầu",
    /// "ursprünglich", "postponed from"), folded: a date in their sentence may be the
    /// one a postponed event was first planned for.
    pub original_plan_words: Vec<String>,
    /// Words of a record or a count of times ("first", "lowest", "time", "nhất",
    /// "erstmals"), folded: a date after a since-word of their clause is the one
    /// the record is measured from ("the lowest since 2008", "for the eighth time
    /// since June 2024"), not when the claim's event or figure was.
    pub record_words: Vec<String>,
    /// Words opening a clause of its own subject ("as", "while", "trong khi",
    /// "während"), folded: a change written after one ("Unemployment rose to 2.61
    /// million as the economy shrank by 0.3%") is not the change of the figure
    /// before it.
    pub subordinators: Vec<String>,
    /// Words opening a relative clause ("which", "der", "mà"), folded: a figure
    /// in a clause they open after a comma ("The minimum wage, which rose to 9.19
    /// euros, will climb to 9.35 euros in 2020") takes no period written after
    /// that clause.
    pub relative_words: Vec<String>,
    /// Words that deny, refute or doubt what their sentence reports ("denied",
    /// "bác bỏ", "dementierte", "rumours"), lowercase as written: a statement known
    /// to be false in such a sentence is reported as refuted, not made.
    pub denial_words: Vec<String>,
    /// Words that negate what follows them ("not", "không phải", "nicht"), lowercase
    /// as written: a false statement right after one ("not the only …") is denied.
    pub negation_words: Vec<String>,
    /// Words opening a clause that tells of the time just named ("2022, when …",
    /// "năm 2022, khi …", "2022, als …"), folded: its figures are of that time.
    pub when_words: Vec<String>,
    /// Words that speak of the document's day ("now", "đến nay", "inzwischen"),
    /// folded: a figure after one is of that day, whatever year the sentence named
    /// before it ("since Huế in 1993, the country now has 8 sites").
    pub now_words: Vec<String>,
    /// The `now_words` in lower case as written: a word matches only as written or
    /// without diacritics in plain-typed text ("nay đã" is not "này").
    pub now_spellings: Vec<String>,
    /// Words of a figure counted from the start of the year to the document's day
    /// ("so far this year", "từ đầu năm", "seit Jahresbeginn"), folded: such a figure
    /// is part of a year, not the year's.
    pub year_to_date_words: Vec<String>,
    /// The `year_to_date_words` in lower case as written.
    pub year_to_date_spellings: Vec<String>,
    /// Words before a year that date another event than the figure's ("following
    /// the Western Tien-Shan in 2016", "sau năm 2016", "nach 2016"), folded; the
    /// pack's `since_words` do too.
    pub after_words: Vec<String>,
    /// The `after_words` in lower case as written ("sau" is not "sáu").
    pub after_spellings: Vec<String>,
    /// Words that tell when a person took office ("took office", "im Amt", "nhậm
    /// chức"), folded: with a date in the clause after a name they date the start of a
    /// role of that person.
    pub office_start_words: Vec<String>,
    /// Words that date the start of a title written beside them ("since", "seit",
    /// "từ"), folded: "Tran Thanh Man, National Assembly chairman since 2021" and
    /// "Julia Klöckner, seit 2025 Bundestagspräsidentin" date that role's start.
    pub office_since_words: Vec<String>,
    /// Words that refer back to the figure of the sentence before ("this figure", "con
    /// số này", "diese Zahl"), folded: a sentence holding one takes the cue words of
    /// the sentence before it in its paragraph.
    pub back_references: Vec<String>,
    /// Nouns of a source ("data", "Angaben", "Zahlen"), folded: a base word before
    /// one means "according to" ("nach amerikanischen Zahlen fast 200 Milliarden"),
    /// and the figure after them is no comparison's base.
    pub source_words: Vec<String>,
    /// Words after which a plain four-digit number from 1900 to 2100 is a year, not a
    /// count ("seit 2013 Pflegekräfte vermitteln", "since 2013"), folded.
    pub year_prepositions: Vec<String>,
    /// Words after which a bare year is the year something took place ("in 2012",
    /// "năm 2012", "im Jahr 2012"), folded: a date claim read by cues reads such a
    /// year in a sentence naming no date.
    pub event_year_words: Vec<String>,
    /// Country names, adjectives and capitals (`[countries]`), by ISO code.
    pub countries: Countries,
    /// Compiled value templates.
    pub(crate) compiled: CompiledTemplates,
}

impl LangPack {
    /// Parses and validates a pack from TOML source. Errors carry a byte span.
    ///
    /// A source with `extends = "xx"` lists only additions to the built-in pack `xx`
    /// (see the `extend` module): its lists are appended, its tables merged, its
    /// other values replace the built-in ones.
    pub fn from_toml(src: &str) -> Result<LangPack, LangError> {
        match extend::resolve(src)? {
            None => parse_pack(src, Origin::User),
            Some(merged) => parse_pack(&merged, Origin::User).map_err(|err| LangError {
                // Spans of the merged source mean nothing in the user's file.
                span: extend::locate(&err.message, src, None),
                message: err.message,
            }),
        }
    }

    /// Abbreviations that must not end a sentence (folded).
    pub fn abbreviations(&self) -> &[String] {
        &self.abbrevs
    }

    /// Comparison words that introduce a reference period (folded).
    pub fn comparison_words(&self) -> &[String] {
        &self.comparison
    }

    /// Words that make the figure right after them the base of a comparison
    /// ("up from $79.4 billion in 2023", "so với mức 87,7 tỷ USD"; folded).
    pub fn base_words(&self) -> &[String] {
        &self.base_words
    }

    /// Word pairs of a change from one figure to another ("rose from $584 million in
    /// 2022 to $979 million", "stieg von … auf …"; folded).
    pub fn base_pairs(&self) -> &[(String, String)] {
        &self.base_pairs
    }

    /// Year duration unit words (folded).
    pub fn year_words(&self) -> &[String] {
        &self.year_units
    }
}

// ---------------------------------------------------------------- raw schema

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPack {
    code: String,
    name: String,
    abbreviations: Vec<String>,
    /// Absent from a pack written before it existed: the built-in pack's list.
    letter_words: Option<Vec<String>>,
    comparison_words: Vec<String>,
    #[serde(default)]
    base_words: Vec<String>,
    #[serde(default)]
    base_pairs: Vec<[String; 2]>,
    year_words: Vec<String>,
    #[serde(default)]
    decade_words: Vec<String>,
    #[serde(default)]
    month_words: Vec<String>,
    #[serde(default)]
    week_words: Vec<String>,
    #[serde(default)]
    day_words: Vec<String>,
    /// Absent from a pack written before it existed: the built-in pack's table.
    durations: Option<toml::Spanned<BTreeMap<String, String>>>,
    percent_words: Vec<String>,
    /// Absent from a pack written before it existed: the built-in pack's list.
    point_words: Option<Vec<String>>,
    /// Absent from a pack written before it existed: the built-in pack's list.
    basis_point_words: Option<Vec<String>>,
    /// Absent from a pack written before it existed: the built-in pack's list.
    minus_words: Option<Vec<String>>,
    /// Absent: the built-in pack's.
    capitalised_nouns: Option<bool>,
    /// Absent: the built-in pack's (true for a language with none).
    typed_without_diacritics: Option<bool>,
    #[serde(default)]
    past_markers: Vec<String>,
    #[serde(default)]
    renaming_words: Vec<String>,
    #[serde(default)]
    apposition_words: Vec<String>,
    #[serde(default)]
    future_words: Vec<String>,
    /// Absent from a pack written before it existed: the built-in pack's list.
    original_plan_words: Option<Vec<String>>,
    /// Absent from a pack written before it existed: the built-in pack's list.
    record_words: Option<Vec<String>>,
    /// Absent from a pack written before it existed: the built-in pack's list.
    when_words: Option<Vec<String>>,
    /// Absent from a pack written before it existed: the built-in pack's list.
    now_words: Option<Vec<String>>,
    /// Absent from a pack written before it existed: the built-in pack's list.
    year_to_date_words: Option<Vec<String>>,
    /// Absent from a pack written before it existed: the built-in pack's list.
    after_words: Option<Vec<String>>,
    relative_words: Option<Vec<String>>,
    subordinators: Option<Vec<String>>,
    denial_words: Option<Vec<String>>,
    negation_words: Option<Vec<String>>,
    /// Absent from a pack written before it existed: the built-in pack's list.
    office_start_words: Option<Vec<String>>,
    /// Absent from a pack written before it existed: the built-in pack's list.
    office_since_words: Option<Vec<String>>,
    /// Absent from a pack written before it existed: the built-in pack's list.
    back_references: Option<Vec<String>>,
    /// Absent from a pack written before it existed: the built-in pack's list.
    source_words: Option<Vec<String>>,
    /// Absent from a pack written before it existed: the built-in pack's list.
    former_markers: Option<Vec<String>>,
    /// Absent from a pack written before it existed: the built-in pack's list.
    deceased_markers: Option<Vec<String>>,
    /// Absent from a pack written before it existed: the built-in pack's list.
    occupation_words: Option<Vec<String>>,
    /// Absent from a pack written before it existed: the built-in pack's list.
    designate_markers: Option<Vec<String>>,
    /// Absent from a pack written before it existed: the built-in pack's list.
    new_markers: Option<Vec<String>>,
    /// Absent from a pack written before it existed: the built-in pack's list.
    honorifics: Option<Vec<String>>,
    /// Absent from a pack written before it existed: the built-in pack's list.
    negative_words: Option<Vec<String>>,
    /// Absent from a pack written before it existed: the built-in pack's list.
    positive_words: Option<Vec<String>>,
    /// Absent from a pack written before it existed: the built-in pack's list.
    year_prepositions: Option<Vec<String>>,
    /// Absent from a pack written before it existed: the built-in pack's list.
    event_year_words: Option<Vec<String>>,
    numbers: RawNumbers,
    scales: BTreeMap<String, f64>,
    #[serde(default)]
    money_scales: BTreeMap<String, f64>,
    currencies: BTreeMap<String, Vec<String>>,
    /// Absent from a pack written before it existed: the built-in pack's table.
    units: Option<toml::Spanned<BTreeMap<String, Vec<String>>>>,
    hedges: RawHedges,
    change: RawChange,
    dates: RawDates,
    ordinals: RawOrdinals,
    #[serde(default)]
    ranks: RawRanks,
    templates: toml::Spanned<BTreeMap<String, Vec<String>>>,
    #[serde(default)]
    countries: BTreeMap<String, Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNumbers {
    decimal: toml::Spanned<Vec<String>>,
    group: toml::Spanned<Vec<String>>,
    #[serde(default)]
    ambiguous_group: Option<toml::Spanned<Vec<String>>>,
    joiners: Vec<String>,
    one_before_scale: Vec<String>,
    #[serde(default = "yes")]
    standalone_words: bool,
    #[serde(default)]
    not_first: Vec<String>,
    #[serde(default)]
    not_alone: Vec<String>,
    words: BTreeMap<String, f64>,
    #[serde(default)]
    multipliers: BTreeMap<String, f64>,
    #[serde(default)]
    fractions: BTreeMap<String, f64>,
    /// Absent from a pack written before it existed: the built-in pack's list.
    and_a_half: Option<Vec<String>>,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHedges {
    nearly: Vec<String>,
    about: Vec<String>,
    more_than: Vec<String>,
    less_than: Vec<String>,
    /// Bounds that include the figure ("at least"); absent: the built-in pack's.
    at_least: Option<Vec<String>>,
    /// Bounds that include the figure ("at most"); absent: the built-in pack's.
    at_most: Option<Vec<String>>,
    exact: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChange {
    increase: Vec<String>,
    decrease: Vec<String>,
    #[serde(default)]
    increase_verbs: Vec<String>,
    #[serde(default)]
    decrease_verbs: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDates {
    months: toml::Spanned<Vec<Vec<String>>>,
    weekdays: toml::Spanned<Vec<Vec<String>>>,
    relative_days: BTreeMap<String, i64>,
    relative_years: BTreeMap<String, i32>,
    #[serde(default)]
    relative_months: BTreeMap<String, i32>,
    #[serde(default)]
    calendar_months: BTreeMap<String, i32>,
    #[serde(default)]
    parts: BTreeMap<String, u32>,
    #[serde(default)]
    seasons: BTreeMap<String, [u32; 2]>,
    #[serde(default)]
    previous_years: Vec<String>,
    #[serde(default)]
    since_words: Vec<String>,
    dayparts: Vec<String>,
    #[serde(default)]
    day_suffixes: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOrdinals {
    words: BTreeMap<String, u32>,
    #[serde(default)]
    first: Vec<String>,
    #[serde(default)]
    suffixes: Vec<String>,
    #[serde(default)]
    period: BTreeMap<String, u32>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawRanks {
    #[serde(default)]
    superlatives: Vec<String>,
    #[serde(default)]
    prefixes: BTreeMap<String, u32>,
    #[serde(default)]
    top: Vec<String>,
    #[serde(default)]
    groups: Vec<String>,
}

// ---------------------------------------------------------------- building

fn folded_list(words: &[String]) -> Vec<String> {
    let mut out: Vec<String> = words
        .iter()
        .map(|w| fold_str(w))
        .filter(|w| !w.trim().is_empty())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Lowercase NFC words, trimmed, sorted and deduplicated.
fn lowercase_list(words: &[String]) -> Vec<String> {
    let mut out: Vec<String> = words
        .iter()
        .map(|w| w.trim().nfc().collect::<String>().to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    out.sort();
    out.dedup();
    out
}

fn folded_map<V: Copy>(map: &BTreeMap<String, V>) -> Vec<(String, V)> {
    let mut out: Vec<(String, V)> = map
        .iter()
        .map(|(k, v)| (fold_str(k), *v))
        .filter(|(k, _)| !k.trim().is_empty())
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out.dedup_by(|a, b| a.0 == b.0);
    out
}

fn indexed(lists: &[Vec<String>], base: u32) -> Vec<(String, u32)> {
    let mut out = Vec::new();
    for (i, names) in lists.iter().enumerate() {
        for name in names {
            let folded = fold_str(name);
            if !folded.trim().is_empty() {
                out.push((folded, i as u32 + base));
            }
        }
    }
    out
}

/// The `measure` template of a pack that has none.
const MEASURE_TEMPLATE: &str = "[{hedge} ]{amount} {unit}";

/// The pack's unit words (folded) with their symbols; when it has no `[units]`, the
/// built-in pack's of its code, else the symbols alone ("MW", "km"); an error for a
/// symbol no unit has.
fn unit_words(raw: &RawPack) -> Result<Vec<(String, String)>, LangError> {
    let Some(table) = &raw.units else {
        return Ok(match builtin(raw.code.trim()) {
            Some(pack) => pack.units.clone(),
            None => crate::value::measure::symbols()
                .map(|symbol| (fold_str(symbol), symbol.to_string()))
                .collect(),
        });
    };
    let mut units = Vec::new();
    for (symbol, words) in table.get_ref() {
        let Some(unit) = crate::value::measure::by_symbol(symbol) else {
            let known: Vec<&str> = crate::value::measure::symbols().collect();
            return Err(LangError {
                message: format!(
                    "unknown unit {symbol:?} in [units]; the units are {}",
                    known.join(", ")
                ),
                span: Some(table.span()),
            });
        };
        for w in folded_list(words) {
            units.push((w, unit.symbol.to_string()));
        }
    }
    Ok(units)
}

/// A duration written in fixed words: an amount of a unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Duration {
    /// How many units ("half a century": 50).
    pub amount: f64,
    /// The unit: "year", "month", "week" or "day".
    pub unit: &'static str,
}

/// The pack's `[durations]` ("half a century" = "50 years"), else the built-in
/// pack's of its code.
fn duration_phrases(raw: &RawPack) -> Result<Vec<(String, Duration)>, LangError> {
    let Some(table) = &raw.durations else {
        return Ok(builtin(raw.code.trim()).map_or_else(Vec::new, |pack| pack.durations.clone()));
    };
    let mut out = Vec::new();
    for (phrase, written) in table.get_ref() {
        let duration = read_duration(written).ok_or_else(|| LangError {
            message: format!(
                "[durations] {phrase:?} = {written:?}: write an amount and a unit of \
                 years, months, weeks or days (\"50 years\", \"6 months\")"
            ),
            span: Some(table.span()),
        })?;
        let folded = fold_str(phrase);
        if !folded.trim().is_empty() {
            out.push((folded, duration));
        }
    }
    Ok(out)
}

/// "50 years", "6 months", "1 week", "10 days".
fn read_duration(text: &str) -> Option<Duration> {
    let (amount, unit) = text.trim().split_once(' ')?;
    let amount: f64 = amount
        .parse()
        .ok()
        .filter(|a: &f64| *a > 0.0 && a.is_finite())?;
    let unit = crate::value::quantity::duration_unit_named(unit)?;
    Some(Duration { amount, unit })
}

fn separator_chars(list: &toml::Spanned<Vec<String>>, what: &str) -> Result<Vec<char>, LangError> {
    let mut out = Vec::new();
    for s in list.get_ref() {
        // Fold so that NBSP / narrow NBSP declared as separators become a plain space.
        let folded = if s.chars().all(char::is_whitespace) && !s.is_empty() {
            " ".to_string()
        } else {
            fold_str(s)
        };
        let mut chars = folded.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_ascii_digit() => out.push(c),
            _ => {
                return Err(LangError {
                    message: format!("{what} separator {s:?} must be one non-digit character"),
                    span: Some(list.span()),
                });
            }
        }
    }
    Ok(out)
}

/// The span of `needle` in `src` at or after `within.start` (a table's span covers only
/// its header), falling back to `within`.
fn locate(src: &str, within: Range<usize>, needle: &str) -> Range<usize> {
    src.get(within.start..)
        .and_then(|s| s.find(needle))
        .map(|at| within.start + at..within.start + at + needle.len())
        .unwrap_or(within)
}

/// Where a pack comes from, which decides when its template regexes are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Origin {
    /// Built into factlint: the regexes are compiled on first use, unchecked
    /// before (a test compiles every one of them).
    BuiltIn,
    /// A user's pack: every regex is compiled as it loads, so each error is
    /// reported with its location.
    User,
}

/// A pack from its TOML source.
fn parse_pack(src: &str, origin: Origin) -> Result<LangPack, LangError> {
    let raw: RawPack = toml::from_str(src).map_err(|e| LangError {
        message: e.message().to_string(),
        span: e.span(),
    })?;
    build(raw, src, origin)
}

/// A word list added to the packs after users began to copy them, folded: as the
/// pack writes it, or — when the pack has no such key, being a copy of a built-in
/// pack made before the list existed — the built-in pack's list of its language.
fn newer_list(
    written: &Option<Vec<String>>,
    code: &str,
    of_builtin: fn(&LangPack) -> &Vec<String>,
) -> Vec<String> {
    written_or_builtin(written, code, of_builtin, folded_list)
}

/// Like [`newer_list`], for a list kept lowercase as written ([`lowercase_list`]).
fn newer_lowercase_list(
    written: &Option<Vec<String>>,
    code: &str,
    of_builtin: fn(&LangPack) -> &Vec<String>,
) -> Vec<String> {
    written_or_builtin(written, code, of_builtin, lowercase_list)
}

/// Lowercase NFC words of `text` (runs of letters and digits), as written:
/// diacritics kept.
pub(crate) fn written_words(text: &str) -> Vec<String> {
    text.nfc()
        .collect::<String>()
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether `words` ([`written_words`]) hold one of `phrases` (each split into
/// words) as a whole.
pub(crate) fn holds_any(words: &[String], phrases: &[String]) -> bool {
    phrases.iter().any(|phrase| {
        let phrase = written_words(phrase);
        !phrase.is_empty() && words.windows(phrase.len()).any(|w| w == phrase.as_slice())
    })
}

/// Whether `text` holds one of `phrases` (a list kept lowercase as written, see
/// [`lowercase_list`]) as whole words, compared as written: "bác bỏ" (rejected)
/// is no "bác bó", "false" no "falsely".
pub(crate) fn holds_words_as_written(text: &str, phrases: &[String]) -> bool {
    holds_any(&written_words(text), phrases)
}

/// The list as `read` from what the pack wrote, else the built-in pack's of its code.
fn written_or_builtin(
    written: &Option<Vec<String>>,
    code: &str,
    of_builtin: fn(&LangPack) -> &Vec<String>,
    read: fn(&[String]) -> Vec<String>,
) -> Vec<String> {
    match written {
        Some(list) => read(list),
        None => builtin(code.trim())
            .map(of_builtin)
            .cloned()
            .unwrap_or_default(),
    }
}

/// The hedge words as written, lower case, sorted and each once (a pack written
/// before `at_least` had a list of its own lists "at least" among `more_than`).
fn hedge_spellings(raw: &RawHedges) -> Vec<String> {
    let mut words: Vec<String> = [
        &raw.nearly,
        &raw.about,
        &raw.more_than,
        &raw.less_than,
        &raw.exact,
    ]
    .into_iter()
    .flatten()
    .chain(raw.at_least.iter().flatten())
    .chain(raw.at_most.iter().flatten())
    .map(|word| word.to_lowercase())
    .collect();
    words.sort();
    words.dedup();
    words
}

fn build(raw: RawPack, src: &str, origin: Origin) -> Result<LangPack, LangError> {
    let decimal = separator_chars(&raw.numbers.decimal, "decimal")?;
    let group = separator_chars(&raw.numbers.group, "group")?;
    let ambiguous_group = match &raw.numbers.ambiguous_group {
        Some(list) => separator_chars(list, "ambiguous group")?,
        None => Vec::new(),
    };
    if decimal.is_empty() {
        return Err(LangError {
            message: "at least one decimal separator is required".into(),
            span: Some(raw.numbers.decimal.span()),
        });
    }
    if let Some(c) = decimal.iter().find(|c| group.contains(c)) {
        return Err(LangError {
            message: format!("{c:?} is declared both as decimal and as group separator"),
            span: Some(raw.numbers.group.span()),
        });
    }
    if let Some(c) = ambiguous_group.iter().find(|c| !group.contains(c)) {
        return Err(LangError {
            message: format!("ambiguous group separator {c:?} is not a group separator"),
            span: raw.numbers.ambiguous_group.as_ref().map(|l| l.span()),
        });
    }
    if raw.dates.months.get_ref().len() != 12 {
        return Err(LangError {
            message: "dates.months must list exactly 12 months".into(),
            span: Some(raw.dates.months.span()),
        });
    }
    if raw.dates.weekdays.get_ref().len() != 7 {
        return Err(LangError {
            message: "dates.weekdays must list exactly 7 days, Monday first".into(),
            span: Some(raw.dates.weekdays.span()),
        });
    }
    if let Some((word, third)) = raw.dates.parts.iter().find(|(_, t)| !(1..=3).contains(*t)) {
        return Err(LangError {
            message: format!(
                "dates.parts: {word:?} = {third}; a part is 1 (early), 2 (mid) or 3 (late)"
            ),
            span: None,
        });
    }
    if let Some((word, months)) = raw
        .dates
        .seasons
        .iter()
        .find(|(_, months)| !months.iter().all(|m| (1..=12).contains(m)))
    {
        return Err(LangError {
            message: format!(
                "dates.seasons: {word:?} = {months:?}; a season is [first month, last month], each 1 to 12"
            ),
            span: None,
        });
    }
    if raw.code.trim().is_empty() {
        return Err(LangError {
            message: "code must not be empty".into(),
            span: None,
        });
    }
    // Inclusive bounds first: a pack written before they had lists of their own
    // lists "at least" among `more_than`; those of its words the built-in pack of
    // its code lists as inclusive are read so.
    let bounds: Vec<String> = folded_list(&raw.hedges.more_than)
        .into_iter()
        .chain(folded_list(&raw.hedges.less_than))
        .collect();
    let builtin_bound = |hedge: Hedge| -> Vec<String> {
        builtin(raw.code.trim())
            .map(|pack| {
                pack.hedges
                    .iter()
                    .filter(|(w, h)| *h == hedge && bounds.contains(w))
                    .map(|(w, _)| w.clone())
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut hedges = Vec::new();
    for (words, hedge) in [
        (&raw.hedges.at_least, Hedge::AtLeast),
        (&raw.hedges.at_most, Hedge::AtMost),
    ] {
        let words = match words {
            Some(list) => folded_list(list),
            None => builtin_bound(hedge),
        };
        hedges.extend(words.into_iter().map(|w| (w, hedge)));
    }
    for (list, hedge) in [
        (&raw.hedges.nearly, Hedge::Nearly),
        (&raw.hedges.about, Hedge::About),
        (&raw.hedges.more_than, Hedge::MoreThan),
        (&raw.hedges.less_than, Hedge::LessThan),
        (&raw.hedges.exact, Hedge::Exact),
    ] {
        for w in folded_list(list) {
            if !hedges.iter().any(|(known, _)| *known == w) {
                hedges.push((w, hedge));
            }
        }
    }
    let mut currencies = Vec::new();
    for (iso, words) in &raw.currencies {
        for w in folded_list(words) {
            currencies.push((w, iso.to_uppercase()));
        }
    }
    let units = unit_words(&raw)?;
    let durations = duration_phrases(&raw)?;
    let mut pack = LangPack {
        code: raw.code.trim().to_string(),
        name: raw.name,
        decimal,
        group,
        ambiguous_group,
        number_words: folded_map(&raw.numbers.words),
        multipliers: folded_map(&raw.numbers.multipliers),
        fractions: folded_map(&raw.numbers.fractions),
        joiners: {
            let mut j: Vec<String> = raw.numbers.joiners.iter().map(|s| fold_str(s)).collect();
            j.sort();
            j.dedup();
            j
        },
        one_words: folded_list(&raw.numbers.one_before_scale),
        standalone_words: raw.numbers.standalone_words,
        not_first: folded_list(&raw.numbers.not_first),
        not_alone: folded_list(&raw.numbers.not_alone),
        scales: folded_map(&raw.scales),
        money_scales: folded_map(&raw.money_scales),
        currencies,
        units,
        percent_words: folded_list(&raw.percent_words),
        point_words: newer_list(&raw.point_words, &raw.code, |p| &p.point_words),
        basis_point_words: newer_list(&raw.basis_point_words, &raw.code, |p| &p.basis_point_words),
        minus_words: newer_list(&raw.minus_words, &raw.code, |p| &p.minus_words),
        typed_without_diacritics: raw.typed_without_diacritics.unwrap_or_else(|| {
            builtin(raw.code.trim()).is_none_or(|pack| pack.typed_without_diacritics)
        }),
        capitalised_nouns: raw
            .capitalised_nouns
            .unwrap_or_else(|| builtin(raw.code.trim()).is_some_and(|pack| pack.capitalised_nouns)),
        hedges,
        increase_words: folded_list(&raw.change.increase),
        decrease_words: folded_list(&raw.change.decrease),
        increase_verbs: folded_list(&raw.change.increase_verbs),
        decrease_verbs: folded_list(&raw.change.decrease_verbs),
        comparison: folded_list(&raw.comparison_words),
        base_words: folded_list(&raw.base_words),
        base_pairs: raw
            .base_pairs
            .iter()
            .map(|[from, to]| (fold_str(from), fold_str(to)))
            .filter(|(from, to)| !from.trim().is_empty() && !to.trim().is_empty())
            .collect(),
        year_units: folded_list(&raw.year_words),
        decade_units: folded_list(&raw.decade_words),
        month_units: folded_list(&raw.month_words),
        week_units: folded_list(&raw.week_words),
        day_units: folded_list(&raw.day_words),
        and_a_half: newer_list(&raw.numbers.and_a_half, &raw.code, |p| &p.and_a_half),
        durations,
        months: indexed(raw.dates.months.get_ref(), 1),
        weekdays: indexed(raw.dates.weekdays.get_ref(), 0),
        relative_days: folded_map(&raw.dates.relative_days),
        relative_years: folded_map(&raw.dates.relative_years),
        relative_months: folded_map(&raw.dates.relative_months),
        hedge_spellings: hedge_spellings(&raw.hedges),
        relative_month_spellings: raw
            .dates
            .relative_months
            .keys()
            .map(|word| word.to_lowercase())
            .collect(),
        calendar_months: folded_map(&raw.dates.calendar_months),
        date_parts: folded_map(&raw.dates.parts),
        seasons: folded_map(&raw.dates.seasons),
        previous_years: folded_list(&raw.dates.previous_years),
        since_words: folded_list(&raw.dates.since_words),
        dayparts: folded_list(&raw.dates.dayparts),
        day_suffixes: folded_list(&raw.dates.day_suffixes),
        ordinals: folded_map(&raw.ordinals.words),
        first_ordinals: folded_list(&raw.ordinals.first),
        ordinal_suffixes: folded_list(&raw.ordinals.suffixes),
        period_ordinals: folded_map(&raw.ordinals.period),
        rank_superlatives: folded_list(&raw.ranks.superlatives),
        rank_prefixes: folded_map(&raw.ranks.prefixes),
        rank_top: folded_list(&raw.ranks.top),
        rank_groups: folded_list(&raw.ranks.groups),
        abbrevs: folded_list(&raw.abbreviations),
        letter_words: newer_list(&raw.letter_words, &raw.code, |p| &p.letter_words),
        past_markers: lowercase_list(&raw.past_markers),
        former_markers: newer_lowercase_list(&raw.former_markers, &raw.code, |p| &p.former_markers),
        deceased_markers: newer_lowercase_list(&raw.deceased_markers, &raw.code, |p| {
            &p.deceased_markers
        }),
        occupation_words: newer_lowercase_list(&raw.occupation_words, &raw.code, |p| {
            &p.occupation_words
        }),
        designate_markers: newer_lowercase_list(&raw.designate_markers, &raw.code, |p| {
            &p.designate_markers
        }),
        new_markers: newer_lowercase_list(&raw.new_markers, &raw.code, |p| &p.new_markers),
        honorifics: newer_lowercase_list(&raw.honorifics, &raw.code, |p| &p.honorifics),
        negative_words: newer_lowercase_list(&raw.negative_words, &raw.code, |p| &p.negative_words),
        positive_words: newer_lowercase_list(&raw.positive_words, &raw.code, |p| &p.positive_words),
        renaming_words: lowercase_list(&raw.renaming_words),
        apposition_words: folded_list(&raw.apposition_words),
        future_words: folded_list(&raw.future_words),
        future_spellings: lowercase_list(&raw.future_words),
        original_plan_words: newer_list(&raw.original_plan_words, &raw.code, |p| {
            &p.original_plan_words
        }),
        record_words: newer_list(&raw.record_words, &raw.code, |p| &p.record_words),
        when_words: newer_list(&raw.when_words, &raw.code, |p| &p.when_words),
        now_words: newer_list(&raw.now_words, &raw.code, |p| &p.now_words),
        now_spellings: newer_lowercase_list(&raw.now_words, &raw.code, |p| &p.now_spellings),
        year_to_date_words: newer_list(&raw.year_to_date_words, &raw.code, |p| {
            &p.year_to_date_words
        }),
        year_to_date_spellings: newer_lowercase_list(&raw.year_to_date_words, &raw.code, |p| {
            &p.year_to_date_spellings
        }),
        after_words: newer_list(&raw.after_words, &raw.code, |p| &p.after_words),
        after_spellings: newer_lowercase_list(&raw.after_words, &raw.code, |p| &p.after_spellings),
        relative_words: newer_list(&raw.relative_words, &raw.code, |p| &p.relative_words),
        subordinators: newer_list(&raw.subordinators, &raw.code, |p| &p.subordinators),
        denial_words: newer_lowercase_list(&raw.denial_words, &raw.code, |p| &p.denial_words),
        negation_words: newer_lowercase_list(&raw.negation_words, &raw.code, |p| &p.negation_words),
        office_start_words: newer_list(&raw.office_start_words, &raw.code, |p| {
            &p.office_start_words
        }),
        office_since_words: newer_list(&raw.office_since_words, &raw.code, |p| {
            &p.office_since_words
        }),
        back_references: newer_list(&raw.back_references, &raw.code, |p| &p.back_references),
        source_words: newer_list(&raw.source_words, &raw.code, |p| &p.source_words),
        year_prepositions: newer_list(&raw.year_prepositions, &raw.code, |p| &p.year_prepositions),
        event_year_words: newer_list(&raw.event_year_words, &raw.code, |p| &p.event_year_words),
        countries: Countries::new(&raw.countries),
        compiled: CompiledTemplates::default(),
    };
    if let Some((w, _)) = pack
        .scales
        .iter()
        .chain(pack.money_scales.iter())
        .find(|(_, v)| !v.is_finite() || *v <= 0.0)
    {
        return Err(LangError {
            message: format!("scale {w:?} must be a positive finite number"),
            span: None,
        });
    }
    let span = raw.templates.span();
    let located = |TemplateError { message, source }| LangError {
        message,
        span: Some(locate(src, span.clone(), &source)),
    };
    let trusted = origin == Origin::BuiltIn;
    let mut templates = raw.templates.get_ref().clone();
    // A pack written before measures existed still reads them, in the plainest form.
    templates
        .entry("measure".to_string())
        .or_insert_with(|| vec![MEASURE_TEMPLATE.to_string()]);
    pack.compiled = compile_pack_templates(&pack, &templates, trusted).map_err(located)?;
    if origin == Origin::User {
        pack.compiled.compile_all().map_err(located)?;
    }
    Ok(pack)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words as written: whole words in any case and composition, diacritics and
    /// all, phrases word by word.
    #[test]
    fn words_are_matched_as_written() {
        let denial = lowercase_list(&["phủ nhận".to_string(), "false".to_string()]);
        assert!(holds_words_as_written(
            "Bộ Ngoại giao PHỦ NHẬN thông tin",
            &denial
        ));
        // NFD input is composed first.
        let decomposed: String = "phủ nhận".nfd().collect();
        assert!(holds_words_as_written(&decomposed, &denial));
        assert!(!holds_words_as_written("Phu nhân Tổng thống", &denial));
        assert!(!holds_words_as_written("phu nhan", &denial));
        assert!(holds_words_as_written("Reports were False.", &denial));
        assert!(!holds_words_as_written("it was falsely reported", &denial));
        assert!(!holds_words_as_written("", &denial));
    }

    /// Built-in packs load without a syntax check of their regexes: this is it.
    #[test]
    fn every_regex_of_the_builtin_packs_compiles() {
        for (code, src) in BUILTIN_SOURCES {
            let pack = parse_pack(src, Origin::User);
            assert!(pack.is_ok(), "{code}: {:?}", pack.err());
        }
    }

    #[test]
    fn all_builtin_packs_load() {
        let errors = builtin_errors();
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(builtin_codes(), vec!["de", "en", "fr", "ru", "vi"]);
        for code in builtin_codes() {
            let p = pack(code).expect("pack");
            assert_eq!(p.code, code);
        }
        assert!(pack("xx").is_none());
    }

    #[test]
    fn words_are_folded() {
        let vi = pack("vi").expect("vi");
        assert!(vi.year_words().iter().any(|w| w == "nam"));
        assert!(vi.comparison_words().iter().any(|w| w == "so voi"));
        assert!(vi.abbreviations().iter().any(|w| w == "tp."));
        let ru = pack("ru").expect("ru");
        assert!(ru.year_words().iter().any(|w| w == "лет"));
        assert!(ru.abbreviations().iter().any(|w| w == "г."));
        let de = pack("de").expect("de");
        assert!(de.comparison_words().iter().any(|w| w == "gegenuber"));
    }

    #[test]
    fn same_char_decimal_and_group_is_an_error_with_span() {
        let src =
            include_str!("packs/en.toml").replace("group = [\",\"]", "group = [\",\", \".\"]");
        let err = LangPack::from_toml(&src).expect_err("must fail");
        assert!(err.message.contains("both"), "{err}");
        let span = err.span.expect("span");
        assert!(src[span].contains('.'));
    }

    #[test]
    fn syntax_errors_carry_a_span() {
        let err = LangPack::from_toml("code = \"xx\"\nname = ").expect_err("must fail");
        assert!(err.span.is_some());
        let err = LangPack::from_toml("code = \"xx\"\nbogus = 1\n").expect_err("must fail");
        assert!(err.span.is_some());
    }

    #[test]
    fn bad_template_is_an_error() {
        let src = include_str!("packs/en.toml")
            .replace("percent = [", "percent = [\"{nosuchplaceholder}\", ");
        let err = LangPack::from_toml(&src).expect_err("must fail");
        assert!(err.message.contains("nosuchplaceholder"), "{err}");
        let span = err.span.expect("span");
        assert_eq!(&src[span], "{nosuchplaceholder}");
    }

    /// A template whose placeholders carry no value of its kind is refused, located
    /// at the template in the file that extends a built-in pack.
    #[test]
    fn template_without_a_value_placeholder_is_an_error_where_written() {
        let src = "code = \"vi\"\nextends = \"vi\"\n[templates]\nrank = [\"thứ {num}\"]\n";
        let err = LangPack::from_toml(src).expect_err("must fail");
        assert!(err.message.contains("reads its value from"), "{err}");
        assert_eq!(err.span.map(|span| &src[span]), Some("\"thứ {num}\""));
    }

    /// A pack copied before a word list existed takes the built-in pack's list of its
    /// code; a list written empty stays empty; a new code has none to take.
    #[test]
    fn a_list_added_since_a_copy_comes_from_the_builtin_pack() {
        let copy = include_str!("packs/en.toml")
            .lines()
            .filter(|line| !line.starts_with("office_start_words"))
            .collect::<Vec<_>>()
            .join("\n");
        let copied = LangPack::from_toml(&copy).expect("copy loads");
        let builtin = pack("en").expect("en");
        assert_eq!(copied.office_start_words, builtin.office_start_words);
        assert!(
            copied
                .office_start_words
                .contains(&"took office".to_string())
        );
        let emptied = copy.replacen(
            "\nfuture_words",
            "\noffice_start_words = []\nfuture_words",
            1,
        );
        let emptied = LangPack::from_toml(&emptied).expect("emptied loads");
        assert!(emptied.office_start_words.is_empty());
        let other = copy.replacen("code = \"en\"", "code = \"xq\"", 1);
        let other = LangPack::from_toml(&other).expect("new code loads");
        assert!(other.office_start_words.is_empty());
    }

    #[test]
    fn user_pack_round_trip() {
        let p = LangPack::from_toml(include_str!("packs/fr.toml")).expect("fr");
        assert_eq!(p.code, "fr");
        assert!(p.group.contains(&' '));
    }
}
