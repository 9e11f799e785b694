//! [`NameIndex`]: one leftmost-longest search over every folded form and role title
//! ([`FormSearch`]), plus the near-miss index.
//!
//! Exact pass: leftmost-longest search over the folded text; a match must be a whole
//! word (no letter/digit on either side; `-` and `.` inside a form are part of it).
//! When the longest match at a position fails the word test, shorter forms starting
//! at the same position are tried by an anchored search over a shortened haystack
//! ("Tumysh" in "Tumysh Kanatbek" when "Tumysh Kanat" is also a form), then the search
//! moves on. Several entities may share one folded form; precedence is accepted >
//! former name > discouraged > misspelling (a form that is correct for anyone is
//! never an error), and one hit is emitted per entity of the winning class. A former
//! name is judged by the document date: current until its last day, then a
//! [`Verdict::FormerName`].

use super::diacritics;
use super::fix::{self, FixWindow};
use super::forms::FormSearch;
use super::near_miss::{Anchor, NearIndex};
use super::role::{self, RoleData, fold_key};
use super::token::{form_windows, initial_variants, transcribed};
use super::util::{FxMap, original_range, whole_word};
use super::{EntityInput, EntityKind, MarkerWords, NameHit, Verdict};
use crate::fold::Folded;
use chrono::NaiveDate;
use unicode_normalization::UnicodeNormalization;

/// One automaton pattern (a distinct folded string) and what it means.
#[derive(Debug, Clone, Default)]
struct Pattern {
    folded: String,
    accepted: Vec<u32>,
    /// The accepted forms folding to this pattern, as the rules spell them.
    spellings: Vec<(u32, String)>,
    discouraged: Vec<(u32, String)>,
    misspelled: Vec<(u32, String)>,
    /// The listed misspellings folding to this pattern, as the rules spell them: one
    /// that differs from an accepted form only in diacritics ("Võ Văn Thương") is
    /// told from it by them.
    misspelled_as: Vec<(u32, String)>,
    /// Entities this names only right after a title or an honorific ("ông Diên",
    /// "Bộ trưởng Diên": a `titled_forms` form; "Diên" alone may be "điện").
    titled: Vec<u32>,
    /// Entities of any class (for near-miss context).
    all: Vec<u32>,
    /// Entities having this as a role title.
    titles: Vec<u32>,
    /// The role title this name form opens with, of an entity it names (the pattern
    /// index of "kanzlerin" in the alias "Kanzlerin Merkel"): checked as a title
    /// written before the name.
    leading_title: Option<usize>,
    /// Entities that bore this name until a date.
    former: Vec<(u32, NaiveDate)>,
    /// The forms of this pattern with a capital inside a word ("MoT", "ACV",
    /// "VnExpress"), as the rules spell them.
    shaped: Vec<String>,
    /// Whether some form of this pattern has no capital inside a word.
    plain: bool,
}

impl Pattern {
    /// Records how a form folding to this pattern is capitalised.
    fn note_case(&mut self, form: &str) {
        if has_inner_capital(form) {
            if !self.shaped.iter().any(|f| f == form) {
                self.shaped.push(form.to_string());
            }
        } else {
            self.plain = true;
        }
    }

    /// Whether `written` may be this pattern's name: an abbreviation or a
    /// camel-cased name ("MoT", "ACV") only where written with its capitals, so
    /// Vietnamese "Một" (folded "mot") is not the English "MoT".
    fn case_fits(&self, written: &str) -> bool {
        self.plain || self.shaped.iter().any(|form| same_capitals(written, form))
    }
}

/// Records in every accepted name form that opens with a role title of an entity it
/// names ("Kanzlerin Merkel", "Đại sứ Vũ Quang Minh") that title: the alias is the
/// longer match, so the title would otherwise never be checked.
fn note_leading_titles(patterns: &mut [Pattern]) {
    let titles: Vec<(usize, String, Vec<u32>)> = patterns
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.titles.is_empty())
        .map(|(i, p)| (i, p.folded.clone(), p.titles.clone()))
        .collect();
    for p in patterns.iter_mut().filter(|p| !p.accepted.is_empty()) {
        p.leading_title = titles
            .iter()
            .filter(|(_, title, owners)| {
                p.folded
                    .strip_prefix(title.as_str())
                    .is_some_and(|rest| rest.starts_with(' '))
                    && owners.iter().any(|e| p.accepted.contains(e))
            })
            .max_by_key(|(_, title, _)| title.len())
            .map(|(i, _, _)| *i);
    }
}

/// Whether a word of `form` has a capital after its first letter.
fn has_inner_capital(form: &str) -> bool {
    form.split(|c: char| !c.is_alphanumeric())
        .any(|word| word.chars().skip(1).any(char::is_uppercase))
}

/// Whether `a` and `b` have capitals at the same letters (marks aside).
fn same_capitals(a: &str, b: &str) -> bool {
    use unicode_normalization::UnicodeNormalization;
    let capitals = |text: &str| -> Vec<bool> {
        text.nfd()
            .filter(|c| c.is_alphabetic())
            .map(char::is_uppercase)
            .collect()
    };
    capitals(a) == capitals(b)
}

/// Index of all entity names; build once, query per document.
#[derive(Debug, Clone)]
pub struct NameIndex {
    forms: Option<FormSearch>,
    patterns: Vec<Pattern>,
    roles: Vec<Vec<RoleData>>,
    /// Per entity: whether a form written without diacritics is accepted.
    ascii_fold: Vec<bool>,
    near: NearIndex,
}

/// An exact whole-word match in folded text.
#[derive(Debug, Clone, Copy)]
struct Exact {
    start: usize,
    end: usize,
    pattern: usize,
}

impl NameIndex {
    /// Builds the index. Entities beyond `u32::MAX` and empty forms are ignored.
    pub fn new(entities: &[EntityInput]) -> NameIndex {
        let mut by_form: FxMap<String, usize> = FxMap::default();
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut slot = |key: String, patterns: &mut Vec<Pattern>| -> usize {
            *by_form.entry(key.clone()).or_insert_with(|| {
                patterns.push(Pattern {
                    folded: key,
                    ..Pattern::default()
                });
                patterns.len() - 1
            })
        };
        let mut near = NearIndex::default();
        let mut roles = Vec::with_capacity(entities.len());
        for (ei, entity) in entities.iter().enumerate() {
            let Ok(e) = u32::try_from(ei) else { break };
            if entity.kind != EntityKind::Person {
                near.mark_not_person(e);
            }
            let mut accepted: Vec<(&str, u8)> = vec![(entity.canonical.as_str(), 0)];
            accepted.extend(entity.aliases.iter().map(|a| (a.as_str(), 1)));
            accepted.extend(entity.short_forms.iter().map(|a| (a.as_str(), 2)));
            let derived: Vec<String> = accepted
                .iter()
                .flat_map(|&(f, _)| initial_variants(f).into_iter().chain(transcribed(f)))
                .collect();
            accepted.extend(derived.iter().map(|d| (d.as_str(), 3)));

            let mut windows: Vec<FixWindow> = Vec::new();
            for &(form, rank) in &accepted {
                let key = fold_key(form);
                if key.is_empty() {
                    continue;
                }
                let p = slot(key, &mut patterns);
                patterns[p].note_case(form);
                push_unique(&mut patterns[p].accepted, e);
                patterns[p].spellings.push((e, form.to_string()));
                push_unique(&mut patterns[p].all, e);
                near.add_form(e, rank, form);
                windows.extend(
                    form_windows(form, super::near_miss::MAX_WINDOW)
                        .1
                        .into_iter()
                        .map(|window| FixWindow { window, rank }),
                );
            }
            for form in &entity.titled_forms {
                let key = fold_key(form);
                if key.is_empty() {
                    continue;
                }
                let p = slot(key, &mut patterns);
                patterns[p].note_case(form);
                push_unique(&mut patterns[p].titled, e);
                patterns[p].spellings.push((e, form.to_string()));
            }
            for (list, discouraged) in [(&entity.misspellings, false), (&entity.discouraged, true)]
            {
                for m in list {
                    let key = fold_key(&m.form);
                    if key.is_empty() {
                        continue;
                    }
                    let fix = m
                        .fix
                        .clone()
                        .unwrap_or_else(|| fix::compute(&m.form, &windows, &entity.canonical));
                    let p = slot(key, &mut patterns);
                    let pat = &mut patterns[p];
                    pat.note_case(&m.form);
                    let target = if discouraged {
                        &mut pat.discouraged
                    } else {
                        &mut pat.misspelled
                    };
                    if !target.iter().any(|(x, _)| *x == e) {
                        target.push((e, fix));
                    }
                    if !discouraged {
                        pat.misspelled_as.push((e, m.form.clone()));
                    }
                    push_unique(&mut pat.all, e);
                }
            }
            for former in &entity.former_names {
                let key = fold_key(&former.form);
                if key.is_empty() {
                    continue;
                }
                let p = slot(key, &mut patterns);
                let pat = &mut patterns[p];
                pat.note_case(&former.form);
                if !pat.former.iter().any(|(x, _)| *x == e) {
                    pat.former.push((e, former.until));
                }
                push_unique(&mut pat.all, e);
            }
            let mut entity_roles: Vec<RoleData> = entity.roles.iter().map(RoleData::new).collect();
            if !entity.never_titles.is_empty() {
                entity_roles.push(RoleData::never(&entity.never_titles));
            }
            for r in &entity_roles {
                for t in &r.folded {
                    let p = slot(t.clone(), &mut patterns);
                    // Titles are folded: any capitals.
                    patterns[p].plain = true;
                    push_unique(&mut patterns[p].titles, e);
                }
            }
            roles.push(entity_roles);
        }
        near.finish();
        note_leading_titles(&mut patterns);
        let folded: Vec<&str> = patterns.iter().map(|p| p.folded.as_str()).collect();
        let forms = FormSearch::new(&folded);
        NameIndex {
            forms,
            patterns,
            roles,
            ascii_fold: entities.iter().map(|e| e.ascii_fold).collect(),
            near,
        }
    }

    /// Whether `written` (which folds to pattern `p`) agrees in its diacritics with
    /// one of entity `e`'s accepted forms of that pattern. Forms all written without
    /// diacritics ("Son" for Nguyễn Xuân Sơn) say nothing of them: "Sơn" agrees.
    fn spelled_as_accepted(&self, p: &Pattern, e: u32, written: &str) -> bool {
        let ascii_fold = self.ascii_fold.get(e as usize).copied().unwrap_or(true);
        let mut forms = p.spellings.iter().filter(|(entity, _)| *entity == e);
        forms.clone().all(|(_, form)| form.is_ascii())
            || forms.any(|(_, form)| diacritics::agrees(written, form, ascii_fold))
    }

    /// Whether `written` agrees in its diacritics with one of entity `e`'s accepted
    /// forms of pattern `p`, a plain form agreeing with plain text only.
    fn spelled_exactly(&self, p: &Pattern, e: u32, written: &str) -> bool {
        p.spellings
            .iter()
            .filter(|(entity, _)| *entity == e)
            .any(|(_, form)| diacritics::agrees(written, form, false))
    }

    /// Whether `written` is a listed misspelling of pattern `p`, diacritics and all.
    fn listed_misspelling(&self, p: &Pattern, written: &str) -> bool {
        p.misspelled_as
            .iter()
            .any(|(_, form)| diacritics::agrees(written, form, false))
    }

    /// Whether `written`, all in lower case, is ordinary words rather than the
    /// capitalised misspelling of a name the rules list: "khối lượng công việc"
    /// (workload) holds no "Luong Cong" for Lương Cường.
    fn common_words(p: &Pattern, written: &str) -> bool {
        !written.chars().any(char::is_uppercase)
            && !p.misspelled_as.is_empty()
            && p.misspelled_as
                .iter()
                .all(|(_, form)| form.chars().any(char::is_uppercase))
    }

    /// Entity `e`'s first accepted spelling of pattern `p`.
    fn spelling_of(&self, p: &Pattern, e: u32) -> String {
        p.spellings
            .iter()
            .find(|(entity, _)| *entity == e)
            .map(|(_, form)| form.clone())
            .unwrap_or_default()
    }

    /// Finds and judges all name mentions, with the document language's `words`.
    /// `folded` must be `fold::fold(original)`. Hits are sorted by `range.start`
    /// (then end, then entity); ranges slice `original`.
    pub fn find(
        &self,
        original: &str,
        folded: &Folded,
        doc_date: Option<NaiveDate>,
        words: &MarkerWords,
    ) -> Vec<NameHit> {
        let text = folded.text.as_str();
        let exact = self.exact_pass(text);
        let mut hits = Vec::new();
        for (k, x) in exact.iter().enumerate() {
            let Some(p) = self.patterns.get(x.pattern) else {
                continue;
            };
            let Some(range) = original_range(original, folded, x.start..x.end) else {
                continue;
            };
            if !p.case_fits(&original[range.clone()]) {
                continue;
            }
            let (accepted, by_honorific) =
                self.accepted_at(p, original, folded, (&exact, k), words);
            if !accepted.is_empty() {
                let written = &original[range.clone()];
                let spelled: Vec<u32> = accepted
                    .iter()
                    .copied()
                    .filter(|&e| self.spelled_as_accepted(p, e, written))
                    .collect();
                // A listed misspelling, diacritics and all, is one unless an accepted
                // form is written just so: "Monika Grüters" beside an accepted plain
                // "Monika Gruters", which says nothing of diacritics.
                let misspelt = self.listed_misspelling(p, written)
                    && (spelled.is_empty()
                        || !spelled.iter().any(|&e| self.spelled_exactly(p, e, written)));
                if misspelt {
                    if Self::common_words(p, written) {
                        continue;
                    }
                    for (e, fix) in &p.misspelled {
                        hits.push(NameHit {
                            range: range.clone(),
                            entity: *e as usize,
                            verdict: Verdict::Misspelling { fix: fix.clone() },
                            deceased: None,
                            held_title: None,
                        });
                    }
                    continue;
                }
                if spelled.is_empty() {
                    // Every entity of the form spells it with other diacritics. A given
                    // name after an honorific alone with other diacritics is another
                    // name ("Ông Hùng" beside a Governor "Hưng"); after a title of the
                    // entity's it is a misspelt one ("Thống đốc Hùng").
                    let named = accepted
                        .iter()
                        .filter(|e| !by_honorific || p.accepted.contains(e));
                    for &e in named {
                        hits.push(NameHit {
                            range: range.clone(),
                            entity: e as usize,
                            verdict: Verdict::Diacritics {
                                suggestion: self.spelling_of(p, e),
                            },
                            deceased: None,
                            held_title: None,
                        });
                    }
                    continue;
                }
                let previous = k.checked_sub(1).and_then(|j| exact.get(j)).filter(|prev| {
                    directly_before(text, prev, x)
                        || in_apposition(text, prev, x)
                        || then_marker_between(original, folded, (prev, x), words)
                });
                // "the late Prime Minister X", "cố Thủ tướng X": a marker before the
                // title written before the name, or before the name.
                let deceased = marker_before(
                    original,
                    folded,
                    previous.map_or(x.start, |prev| prev.start),
                    (words.deceased_markers, words.occupation_words),
                );
                // Each title with the folded offset it starts at, when written before.
                let titles = [
                    p.leading_title
                        .and_then(|t| self.patterns.get(t))
                        .map(|t| (t, Some(x.start))),
                    previous.and_then(|prev| {
                        self.patterns
                            .get(prev.pattern)
                            .map(|t| (t, Some(prev.start)))
                    }),
                    self.title_after(original, folded, &exact, k, words.apposition_words)
                        .map(|t| (t, None)),
                ];
                // Entities sharing a folded form are told apart by the diacritics
                // ("Nguyễn Văn Thắng", "Nguyễn Văn Thăng"): only those spelled so.
                for &e in &spelled {
                    let title = titles.iter().flatten().find(|(t, _)| t.titles.contains(&e));
                    if title.is_none()
                        && let Some(prev) = previous
                        && let Some(t) = self.patterns.get(prev.pattern)
                        && let Some(own) = self.others_qualified_title(t, e)
                    {
                        let title = written_title(original, folded, prev.start, &t.folded);
                        hits.push(NameHit {
                            range: range.clone(),
                            entity: e as usize,
                            verdict: Verdict::OthersTitle { title, own },
                            deceased: deceased.clone(),
                            held_title: None,
                        });
                        continue;
                    }
                    let verdict = title
                        .and_then(|&(t, start)| {
                            let roles = self.roles.get(e as usize)?;
                            role::check(roles, &t.folded, doc_date).or_else(|| {
                                // Without a date, "former" cannot be wrong.
                                doc_date?;
                                let start = start?;
                                marked_former(original, folded, start, words.former_markers).then(
                                    || Verdict::StillHeld {
                                        title: written_title(original, folded, start, &t.folded),
                                    },
                                )
                            })
                        })
                        .unwrap_or(Verdict::Ok);
                    let held_title = match (&verdict, title) {
                        (Verdict::Ok, Some(&(t, _))) => self
                            .roles
                            .get(e as usize)
                            .and_then(|roles| role::held_on(roles, &t.folded, doc_date?)),
                        _ => None,
                    };
                    hits.push(NameHit {
                        range: range.clone(),
                        entity: e as usize,
                        verdict,
                        deceased: deceased.clone(),
                        held_title,
                    });
                }
            } else if !p.former.is_empty() {
                for &(e, until) in &p.former {
                    let verdict = match doc_date {
                        Some(date) if date > until => Verdict::FormerName { until },
                        _ => Verdict::Ok,
                    };
                    hits.push(NameHit {
                        range: range.clone(),
                        entity: e as usize,
                        verdict,
                        deceased: None,
                        held_title: None,
                    });
                }
            } else if !p.discouraged.is_empty() {
                for (e, fix) in &p.discouraged {
                    hits.push(NameHit {
                        range: range.clone(),
                        entity: *e as usize,
                        verdict: Verdict::Discouraged { fix: fix.clone() },
                        deceased: None,
                        held_title: None,
                    });
                }
            } else if !Self::common_words(p, &original[range.clone()]) {
                for (e, fix) in &p.misspelled {
                    hits.push(NameHit {
                        range: range.clone(),
                        entity: *e as usize,
                        verdict: Verdict::Misspelling { fix: fix.clone() },
                        deceased: None,
                        held_title: None,
                    });
                }
            }
        }
        let anchors: Vec<Anchor<'_>> = exact
            .iter()
            .filter_map(|x| {
                let p = self.patterns.get(x.pattern)?;
                Some(Anchor {
                    start: x.start,
                    end: x.end,
                    entities: &p.all,
                    titles: &p.titles,
                })
            })
            .collect();
        for near in self
            .near
            .detect(original, folded, &anchors, words.capitalised_nouns)
        {
            let Some(range) = original_range(original, folded, near.range.clone()) else {
                continue;
            };
            // Text written without diacritics gets a fix without them, when an
            // accepted form has one ("Pham Mihn Chinh" → "Pham Minh Chinh").
            let suggestion = match near.plain_suggestion {
                Some(plain) if original[range.clone()].is_ascii() => plain,
                _ => near.suggestion,
            };
            hits.push(NameHit {
                range,
                entity: near.entity as usize,
                verdict: Verdict::NearMiss {
                    suggestion,
                    distance: near.distance,
                },
                deceased: None,
                held_title: None,
            });
        }
        hits.sort_by_key(|h| (h.range.start, h.range.end, h.entity));
        hits
    }

    /// The entities pattern `p`, found as the `k`th of the `exact` hits, names: those
    /// it is an accepted form of, and those it is a `titled_forms` form of when a
    /// role title or an honorific of the language stands right before it and it is
    /// written with a capital. The flag says the titled forms count by an honorific
    /// alone ("Ông Hưng"), which names no office.
    fn accepted_at<'p>(
        &self,
        p: &'p Pattern,
        original: &str,
        folded: &Folded,
        (exact, k): (&[Exact], usize),
        words: &MarkerWords,
    ) -> (std::borrow::Cow<'p, [u32]>, bool) {
        let only_accepted = (std::borrow::Cow::Borrowed(&p.accepted[..]), false);
        if p.titled.is_empty() {
            return only_accepted;
        }
        let Some(x) = exact.get(k) else {
            return only_accepted;
        };
        let after_title = k
            .checked_sub(1)
            .and_then(|j| exact.get(j))
            .filter(|prev| directly_before(&folded.text, prev, x))
            .and_then(|prev| self.patterns.get(prev.pattern))
            .is_some_and(|prev| !prev.titles.is_empty());
        if !after_title
            && marker_before(original, folded, x.start, (words.honorifics, &[])).is_none()
        {
            return only_accepted;
        }
        // A name is written with a capital: "Chủ tịch nước trong hơn 6 tháng" (for
        // six months) holds no "Trọng".
        let capitalised =
            original_range(original, folded, x.start..next_char(&folded.text, x.start))
                .and_then(|at| original.get(at.start..)?.chars().next())
                .is_some_and(char::is_uppercase);
        if !capitalised {
            return only_accepted;
        }
        let mut all = p.accepted.clone();
        for &e in &p.titled {
            push_unique(&mut all, e);
        }
        (std::borrow::Cow::Owned(all), !after_title)
    }

    /// The title of entity `e` (as the rules spell it) that `title`, written right
    /// before `e`'s name and a title of others only, ends or starts with: "Vietjet
    /// CEO" or "Tổng giám đốc Vietjet" before a Vietnam Airlines CEO, when the rules
    /// give "CEO" to both and "Vietjet CEO" to Vietjet's only. The qualifier makes it
    /// another's title. A title sharing no
    /// words with `e`'s is left alone: the rules may not list every office a person
    /// held.
    fn others_qualified_title(&self, title: &Pattern, e: u32) -> Option<String> {
        if title.titles.is_empty() || title.titles.contains(&e) {
            return None;
        }
        let own = self
            .roles
            .get(e as usize)?
            .iter()
            .filter(|role| !role.never)
            .find_map(|role| {
                role.folded.iter().zip(&role.titles).find(|(folded, _)| {
                    let written = title.folded.as_str();
                    written
                        .strip_suffix(folded.as_str())
                        .is_some_and(|qualifier| qualifier.ends_with([' ', '-']))
                        || written
                            .strip_prefix(folded.as_str())
                            .is_some_and(|qualifier| qualifier.starts_with(' '))
                })
            })?;
        Some(own.1.clone())
    }

    /// The title written after name hit `exact[k]` as an apposition: the next hit,
    /// after a comma or a spaced dash and at most one of `apposition_words` or a
    /// possessive ("Tokayev, Kazakhstan's president,"), when
    /// nothing but punctuation or a lowercase word follows it ("Tô Lâm, Tổng Bí thư,",
    /// "Pham Minh Chinh, the prime minister of Vietnam"). A title followed by a
    /// capitalised word or another hit is that name's own ("Tô Lâm, President Luong
    /// Cuong and …"), and "X, then president" has a word that opens no apposition.
    fn title_after(
        &self,
        original: &str,
        folded: &Folded,
        exact: &[Exact],
        k: usize,
        apposition_words: &[String],
    ) -> Option<&Pattern> {
        let text = folded.text.as_str();
        let name = exact.get(k)?;
        // A known name may own the title: "Tokayev, Kazakhstan's president".
        let owner = exact
            .get(k + 1)
            .filter(|owner| text.get(owner.end..).is_some_and(|r| r.starts_with("'s ")));
        let t = k + 1 + usize::from(owner.is_some());
        let title = exact.get(t)?;
        let gap = text.get(name.end..title.start)?;
        // Folding made every dash `-`.
        let rest = gap.strip_prefix(',').or_else(|| gap.strip_prefix(" -"))?;
        if !rest.starts_with(char::is_whitespace) {
            return None;
        }
        let opened = rest.trim_start();
        if !opened.is_empty() {
            let words = opened.trim_end();
            if words.len() == opened.len()
                || !(apposition_words.iter().any(|w| w == words) || possessive(words))
            {
                return None;
            }
        }
        if exact
            .get(t + 1)
            .is_some_and(|next| directly_before(text, title, next))
        {
            return None;
        }
        let written = original_range(original, folded, title.start..title.end)?;
        let after = original.get(written.end..)?.trim_start();
        if after.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        self.patterns.get(title.pattern)
    }

    /// Whole-word, leftmost-longest, non-overlapping matches of all patterns.
    fn exact_pass(&self, text: &str) -> Vec<Exact> {
        let mut out = Vec::new();
        let Some(forms) = &self.forms else {
            return out;
        };
        let mut cursor = forms.cursor(text);
        let mut pos = 0;
        while pos < text.len() {
            let Some(m) = cursor.find_from(pos) else {
                break;
            };
            let start = m.start;
            let mut end = m.end;
            let mut pattern = m.pattern;
            let mut found = false;
            loop {
                if whole_word(text, start, end) {
                    found = true;
                    break;
                }
                if end <= start + 1 {
                    break;
                }
                match forms.longest_at(text, start, end - 1) {
                    Some(shorter) if shorter.end > start => {
                        end = shorter.end;
                        pattern = shorter.pattern;
                    }
                    _ => break,
                }
            }
            if found {
                out.push(Exact {
                    start,
                    end,
                    pattern,
                });
                pos = end;
            } else {
                pos = next_char(text, start);
            }
        }
        out
    }
}

/// Whether folded `words` are a possessive that may open an apposition's title: one
/// to three words without digits, the last ending in `'s` ("vietnam's", "the
/// country's", "ho chi minh city's").
fn possessive(words: &str) -> bool {
    let count = words.split(' ').count();
    (1..=3).contains(&count)
        && words
            .split(' ')
            .all(|w| !w.is_empty() && w.chars().all(|c| c.is_alphabetic() || "'-.".contains(c)))
        && words
            .strip_suffix("'s")
            .is_some_and(|owner| owner.ends_with(char::is_alphabetic))
}

/// Whether the word written right before folded offset `start` (a title) is one of
/// `former_markers` ("der frühere Nationaltrainer", "cựu HLV", "Ex-Nationaltrainer"),
/// compared as written in lower case: Vietnamese "nguyên" (former) is no "Nguyễn".
fn marked_former(original: &str, folded: &Folded, start: usize, former_markers: &[String]) -> bool {
    marker_before(original, folded, start, (former_markers, &[])).is_some()
}

/// The original range of the one of `markers` (lowercase, whole words) written right
/// before folded offset `start`, a space or a hyphen between ("the late X",
/// "Ex-Nationaltrainer"), or before one of `occupations` right before it ("the late
/// painter X"), compared as written in lower case.
fn marker_before(
    original: &str,
    folded: &Folded,
    start: usize,
    (markers, occupations): (&[String], &[String]),
) -> Option<std::ops::Range<usize>> {
    if markers.is_empty() {
        return None;
    }
    let at = original_range(original, folded, start..next_char(&folded.text, start))?;
    let before = original.get(..at.start)?;
    let before = before
        .strip_suffix('-')
        .unwrap_or_else(|| before.trim_end());
    let marker_ending = |text: &str| {
        markers
            .iter()
            .find_map(|marker| ending_word(text, marker).map(|from| from..text.len()))
    };
    // One calling may stand between: "the late painter X", "cố nhạc sĩ X" (only
    // callings ending in the last word written are tried).
    let last_word = before
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .to_lowercase();
    marker_ending(before).or_else(|| {
        occupations.iter().find_map(|occupation| {
            if last_word.is_empty() || !occupation.ends_with(&last_word) {
                return None;
            }
            let from = ending_word(before, occupation)?;
            marker_ending(before[..from].trim_end())
        })
    })
}

/// Where `text` ends with `word` (lowercase) as a whole word, in any case.
fn ending_word(text: &str, word: &str) -> Option<usize> {
    let chars = word.chars().count();
    let from = text.char_indices().rev().nth(chars.checked_sub(1)?)?.0;
    let whole = text[..from]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    (whole && text[from..].to_lowercase() == *word).then_some(from)
}

/// The title at folded offset `start`, `folded_title` long, as written.
fn written_title(original: &str, folded: &Folded, start: usize, folded_title: &str) -> String {
    original_range(original, folded, start..start + folded_title.len())
        .and_then(|range| original.get(range))
        .map_or_else(|| folded_title.to_string(), str::to_string)
}

/// Whether hit `first` ends right before hit `second`, one space at most between.
fn directly_before(text: &str, first: &Exact, second: &Exact) -> bool {
    first.end == second.start
        || (first.end + 1 == second.start && text.as_bytes().get(first.end) == Some(&b' '))
}

/// Whether the `name` hit stands in commas right after the `title` hit, as an
/// apposition ("die Kulturstaatsministerin, Monika Grütters, lobte …", "the culture
/// minister, Monika Grütters."), not as an item of a list ("met the chancellor,
/// Monika Grütters and the mayor").
fn in_apposition(text: &str, title: &Exact, name: &Exact) -> bool {
    let closed = text
        .get(name.end..)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([',', '.', ';', ')', '\n']));
    text.get(title.end..name.start) == Some(", ") && closed
}

/// The longest text read between a title and its name as a marker of another time.
const MARKER_BETWEEN_BYTES: usize = 24;

/// Whether the text between the `title` and the `name` hit is a past marker that is
/// no former marker ("Phó Thủ tướng khi đó Trần Hồng Hà"), compared as written in
/// lower case.
fn then_marker_between(
    original: &str,
    folded: &Folded,
    (title, name): (&Exact, &Exact),
    words: &MarkerWords,
) -> bool {
    if name.start <= title.end || name.start - title.end > MARKER_BETWEEN_BYTES {
        return false;
    }
    let Some(gap) = original_range(original, folded, title.end..name.start) else {
        return false;
    };
    let written: String = original[gap]
        .trim()
        .nfc()
        .collect::<String>()
        .to_lowercase();
    words
        .past_markers
        .iter()
        .any(|marker| *marker == written && !words.former_markers.contains(marker))
}

fn next_char(text: &str, pos: usize) -> usize {
    let mut next = pos + 1;
    while next < text.len() && !text.is_char_boundary(next) {
        next += 1;
    }
    next
}

fn push_unique(v: &mut Vec<u32>, e: u32) {
    if !v.contains(&e) {
        v.push(e);
    }
}
