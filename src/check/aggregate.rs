//! The cross-document aggregate (issue 7): all that a run keeps of a document once it
//! has been checked on its own.
//!
//! Third stage of the pipeline, between the per-document [`DocSummary`] and the
//! cross-document checks. A summary is split as soon as it is made (or read from
//! the cache): the document keeps its name, its own findings (encoded until the
//! end) and its suppression comments, and each quantity mention goes to the list of
//! its key as a [`Held`] mention: the value interval, the location, the text of the
//! span, and ids for what many mentions share (the key is the list's, bindings and
//! units are interned).
//! Names and texts are stored end to end in one buffer. A run that makes no key
//! snapshot (no cache) gives each mention its [`Role`] and keeps only what the report
//! can show ([`Aggregate::add_with_roles`]): most mentions agree with their fact and
//! are then not kept at all. The cross-document checks
//! see each key's mentions through [`MentionView`]s made one key at a time, so a
//! run holds per mention about a quarter of what a summary holds.
//!
//! One aggregate takes the documents of all threads (behind a lock, in any order);
//! [`Aggregate::finish`] puts documents in name order and each key's mentions in
//! (document, position) order, which is the order [`cross_check`](super::summary)
//! always used, so the report does not depend on the number of threads.

use std::collections::{BTreeMap, HashMap};

use super::quantity::{MAX_RELATED, Role};
use super::snapshot::{self, QuantityRef, SnapDoc, SnapHeld, SnapHeldRef, SnapSource, Snapshot};
use super::summary::MentionView;
use super::{DocSummary, Finding, Located, Span};
use crate::extract::Derived;
use crate::gate::suppress::Directive;
use crate::value::{Hedge, Interval, Quantity};

/// Strings the aggregate keeps, stored end to end: one growing buffer instead of a
/// small allocation per document name and per mention text.
#[derive(Debug, Default)]
struct Strings(String);

/// Where one string lies in [`Strings`].
#[derive(Debug, Clone, Copy, Default)]
struct StrAt {
    start: usize,
    end: usize,
}

impl Strings {
    fn push(&mut self, s: &str) -> StrAt {
        let start = self.0.len();
        self.0.push_str(s);
        StrAt {
            start,
            end: self.0.len(),
        }
    }

    fn get(&self, at: StrAt) -> &str {
        self.0.get(at.start..at.end).unwrap_or("")
    }
}

/// What a run keeps of one document.
#[derive(Debug, Default)]
struct Kept {
    /// Its name, in [`Aggregate::strings`].
    name: StrAt,
    /// Source index and position among the source's documents (ties of names).
    source: usize,
    position: u32,
    /// Claims counted for the summary line.
    mentions: u32,
    /// Its detected language: 1 + index into `Aggregate::langs`, 0 when it was
    /// not detected (declared, or not known).
    detected_lang: u8,
    /// Its own findings and suppression comments, when it has any.
    own: Option<Box<Own>>,
}

/// A document's own findings and suppression comments.
#[derive(Debug)]
struct Own {
    findings: OwnFindings,
    suppressions: Vec<Directive>,
}

/// A document's own findings until the run's end. Kept encoded (postcard): a
/// folder of undated articles gets a note on nearly every anniversary, and a
/// [`Finding`] in memory (a struct and up to nine strings of its own) is several
/// times its encoding.
#[derive(Debug)]
enum OwnFindings {
    Encoded(Box<[u8]>),
    /// Kept as they are if they could not be encoded (not expected).
    Decoded(Vec<Finding>),
}

impl OwnFindings {
    fn new(findings: Vec<Finding>) -> Self {
        match postcard::to_allocvec(&findings) {
            Ok(bytes) => OwnFindings::Encoded(bytes.into_boxed_slice()),
            Err(_) => OwnFindings::Decoded(findings),
        }
    }

    /// Moves the findings of document `name` to the end of `out`.
    fn take_into(&mut self, name: &str, out: &mut Vec<Finding>) {
        match std::mem::replace(self, OwnFindings::Decoded(Vec::new())) {
            OwnFindings::Encoded(bytes) => match postcard::from_bytes::<Vec<Finding>>(&bytes) {
                Ok(findings) => out.extend(findings),
                // The bytes were written by this run from these types: not decoding
                // them is a bug, shown as a finding instead of losing the findings.
                Err(err) => out.push(super::guard::internal_finding(
                    name,
                    Span::new(0..0),
                    format!("the findings of this document could not be read back ({err})"),
                )),
            },
            OwnFindings::Decoded(mut findings) => out.append(&mut findings),
        }
    }
}

/// One quantity mention as the aggregate holds it (its key is its list's).
#[derive(Debug)]
struct Held {
    /// Index into `Aggregate::documents`.
    doc: u32,
    /// Position among the document's mentions.
    position: u32,
    claim: u32,
    /// Index into `Aggregate::bindings`.
    bindings: u32,
    span: Span,
    /// The value, its unit interned (index into `Aggregate::units`).
    nominal: f64,
    interval: Interval,
    unit: u32,
    hedge: Hedge,
    derived: Option<Box<Derived>>,
    /// The sources its sentence names ([`crate::extract::Mention::named`]).
    named: u64,
    /// Whether its sentence states other figures ([`crate::extract::Mention::among_figures`]).
    among_figures: bool,
    /// The original text of the span, in [`Aggregate::strings`].
    text: StrAt,
}

/// Per-document results and per-key quantity mentions of a whole run.
#[derive(Debug, Default)]
pub(crate) struct Aggregate {
    documents: Vec<Kept>,
    keys: BTreeMap<String, Vec<Held>>,
    bindings: Vec<Vec<(String, String)>>,
    binding_ids: HashMap<Vec<(String, String)>, u32>,
    /// The distinct units of the mentions (a handful: currencies, years, percent).
    units: Vec<Option<String>>,
    /// The distinct detected languages (a handful).
    langs: Vec<String>,
    /// Document names and mention texts.
    strings: Strings,
    /// Input problems of each source, by source index.
    problems: Vec<(usize, Vec<Finding>)>,
    /// Claims counted for the summary line.
    mention_count: usize,
    /// Documents added (kept or not).
    added: usize,
    /// Of a pruned aggregate's fact keys, the first [`MAX_RELATED`] agreeing mentions
    /// so far, in any order (see [`Aggregate::add_with_roles`]); they join their
    /// key's mentions when the aggregate is finished.
    related: BTreeMap<String, Vec<Held>>,
}

/// Which list a kept mention goes to.
enum Slot {
    Mentions,
    Related,
}

/// The cross-document stage's input, in report order.
pub(crate) struct Finished {
    /// Input problems (in source order), then each document's own findings (in name
    /// order).
    pub findings: Vec<Finding>,
    /// Claims read.
    pub mentions: usize,
}

impl Aggregate {
    /// An aggregate with room for `documents` documents.
    pub(crate) fn with_capacity(documents: usize) -> Self {
        Aggregate {
            documents: Vec::with_capacity(documents),
            ..Aggregate::default()
        }
    }

    /// Adds the input problems of source `source`.
    pub(crate) fn add_problems(&mut self, source: usize, problems: Vec<Finding>) {
        if !problems.is_empty() {
            self.problems.push((source, problems));
        }
    }

    /// Adds the summary of the `position`-th document of source `source`.
    pub(crate) fn add(&mut self, source: usize, position: usize, summary: DocSummary) {
        self.add_with_roles(source, position, summary, None);
    }

    /// [`Aggregate::add`], keeping of each mention only what its [`Role`] (same order
    /// as the summary's mentions) can show in the report: nothing of a `Silent` one,
    /// and of the `Related` ones of a key the first [`MAX_RELATED`] in report order.
    /// A document with nothing kept (no finding, no input problem, no suppression
    /// comment, no kept mention) is only counted. The findings are those of an aggregate that keeps
    /// everything; an aggregate pruned this way makes no key snapshot.
    pub(crate) fn add_with_roles(
        &mut self,
        source: usize,
        position: usize,
        summary: DocSummary,
        roles: Option<Vec<Role>>,
    ) {
        self.added += 1;
        self.mention_count += summary.mention_count;
        let doc = self.documents.len() as u32;
        let name = self.strings.push(&summary.name);
        let own = (!summary.findings.is_empty() || !summary.suppressions.is_empty()).then(|| {
            Box::new(Own {
                findings: OwnFindings::new(summary.findings),
                suppressions: summary.suppressions,
            })
        });
        // An input problem of the document (added with its source's, before it)
        // points into its text.
        let has_problems = self
            .problems
            .iter()
            .rev()
            .take_while(|(of, _)| *of == source)
            .any(|(_, problems)| problems.iter().any(|p| p.file == summary.name));
        let mut keeps = roles.is_none() || own.is_some() || has_problems;
        let detected_lang = summary
            .detected_lang
            .map_or(0, |lang| self.intern_lang(lang));
        self.documents.push(Kept {
            name,
            source,
            position: position as u32,
            mentions: summary.mention_count as u32,
            detected_lang,
            own,
        });
        for (index, (mention, text)) in summary
            .mentions
            .into_iter()
            .zip(summary.snippets)
            .enumerate()
        {
            let role = roles.as_ref().and_then(|r| r.get(index).copied());
            let order = (summary.name.as_str(), source, position as u32, index as u32);
            let list = match role {
                Some(Role::Silent) => continue,
                Some(Role::Related) => match self.candidate_slot(&mention.key, order) {
                    Some(slot) => slot,
                    None => continue,
                },
                Some(Role::Finding) | None => Slot::Mentions,
            };
            keeps = true;
            let bindings = self.intern(mention.bindings);
            let held = self.held(
                doc,
                index as u32,
                mention.claim as u32,
                bindings,
                mention.span,
                mention.value,
                (mention.derived, mention.named, mention.among_figures),
                &text,
            );
            let lists = match list {
                Slot::Mentions => &mut self.keys,
                Slot::Related => &mut self.related,
            };
            lists.entry(mention.key).or_default().push(held);
        }
        if !keeps {
            // Nothing of it can reach the report: forget its name too.
            self.documents.pop();
            self.strings.0.truncate(name.start);
        }
    }

    /// Where a `Related` mention of `key` at `order` (document name, source,
    /// position, mention position) goes: among the key's first [`MAX_RELATED`] kept
    /// so far (the last of them is dropped to make room), or nowhere.
    fn candidate_slot(&mut self, key: &str, order: (&str, usize, u32, u32)) -> Option<Slot> {
        let Some(list) = self.related.get_mut(key) else {
            return Some(Slot::Related);
        };
        if list.len() < MAX_RELATED {
            return Some(Slot::Related);
        }
        let (documents, strings) = (&self.documents, &self.strings);
        let order_of = |held: &Held| {
            let doc = &documents[held.doc as usize];
            (
                strings.get(doc.name),
                doc.source,
                doc.position,
                held.position,
            )
        };
        let (last, last_order) = list
            .iter()
            .enumerate()
            .map(|(i, held)| (i, order_of(held)))
            .max_by(|a, b| a.1.cmp(&b.1))?;
        if order >= last_order {
            return None;
        }
        list.swap_remove(last);
        Some(Slot::Related)
    }

    /// A mention as held: its unit interned and its text stored.
    #[allow(clippy::too_many_arguments)]
    fn held(
        &mut self,
        doc: u32,
        position: u32,
        claim: u32,
        bindings: u32,
        span: Span,
        value: Quantity,
        (derived, named, among_figures): (Option<Derived>, u64, bool),
        text: &str,
    ) -> Held {
        let unit = match self.units.iter().position(|u| *u == value.unit) {
            Some(unit) => unit,
            None => {
                self.units.push(value.unit);
                self.units.len() - 1
            }
        } as u32;
        Held {
            doc,
            position,
            claim,
            bindings,
            span,
            nominal: value.nominal,
            interval: value.interval,
            unit,
            hedge: value.hedge,
            derived: derived.map(Box::new),
            named,
            among_figures,
            text: self.strings.push(text),
        }
    }

    fn intern(&mut self, bindings: Vec<(String, String)>) -> u32 {
        if let Some(&id) = self.binding_ids.get(&bindings) {
            return id;
        }
        let id = self.bindings.len() as u32;
        self.binding_ids.insert(bindings.clone(), id);
        self.bindings.push(bindings);
        id
    }

    /// The unit of `held`.
    fn unit(&self, held: &Held) -> Option<&str> {
        self.units
            .get(held.unit as usize)
            .and_then(|u| u.as_deref())
    }

    /// The value of `held`, as a quantity.
    fn value(&self, held: &Held) -> Quantity {
        Quantity {
            nominal: held.nominal,
            interval: held.interval,
            unit: self.unit(held).map(str::to_string),
            hedge: held.hedge,
        }
    }

    /// The name of `doc`.
    fn name(&self, doc: &Kept) -> &str {
        self.strings.get(doc.name)
    }

    /// Adds the documents of the stored snapshot source `stored` as source `source`,
    /// without their own findings or suppression comments (a focused run reports
    /// neither); returns the index of its first document.
    pub(crate) fn add_stored_source(&mut self, source: usize, stored: &SnapSource) -> u32 {
        let first = self.documents.len() as u32;
        for (position, doc) in stored.documents.iter().enumerate() {
            self.added += 1;
            self.mention_count += doc.mentions as usize;
            let name = self
                .strings
                .push(doc.name.as_deref().unwrap_or(&stored.name));
            self.documents.push(Kept {
                name,
                source,
                position: position as u32,
                mentions: doc.mentions,
                detected_lang: 0,
                own: None,
            });
        }
        first
    }

    /// Adds the stored mentions of `key` (as [`Snapshot::key`] checked them) whose
    /// snapshot source was added at `first_doc[source]` (see
    /// [`Aggregate::add_stored_source`]); the others are left out.
    pub(crate) fn add_stored_key(
        &mut self,
        key: &str,
        held: Vec<SnapHeld>,
        snapshot: &Snapshot,
        first_doc: &[Option<u32>],
    ) {
        let mut list = Vec::new();
        for h in held {
            let Some(&Some(first)) = first_doc.get(h.source as usize) else {
                continue;
            };
            let bindings = snapshot.bindings()[h.bindings as usize].clone();
            let bindings = self.intern(bindings);
            list.push(self.held(
                first + h.doc,
                h.position,
                h.claim,
                bindings,
                h.span,
                h.value,
                (h.derived, h.named, h.among_figures),
                &h.text,
            ));
        }
        if !list.is_empty() {
            self.keys.entry(key.to_string()).or_default().extend(list);
        }
    }

    /// Keeps the mentions of the keys `keep` accepts.
    pub(crate) fn retain_keys(&mut self, keep: impl Fn(&str) -> bool) {
        self.keys.retain(|key, _| keep(key));
    }

    /// The encoded key snapshot of this aggregate, which must hold every document of
    /// its `sources` sources (before [`Aggregate::finish`]); `source(i)` gives the
    /// name, meta key and content key of source `i`, or `None` to leave it out.
    pub(crate) fn snapshot(
        &self,
        sources: usize,
        source: impl Fn(usize) -> Option<(String, u128, u128)>,
    ) -> Option<Vec<u8>> {
        let mut by_source: Vec<Vec<&Kept>> = vec![Vec::new(); sources];
        for doc in &self.documents {
            by_source.get_mut(doc.source)?.push(doc);
        }
        // Run source index → snapshot source index (sources are in name order).
        let mut index = HashMap::new();
        let mut sources = Vec::new();
        for (run_source, mut docs) in by_source.into_iter().enumerate() {
            let Some((name, meta, content)) = source(run_source) else {
                continue;
            };
            docs.sort_by_key(|d| d.position);
            if docs
                .iter()
                .enumerate()
                .any(|(i, d)| d.position as usize != i)
            {
                continue;
            }
            index.insert(run_source, sources.len() as u32);
            let documents = docs
                .iter()
                .map(|d| SnapDoc {
                    name: (self.name(d) != name).then(|| self.name(d).to_string()),
                    mentions: d.mentions,
                })
                .collect();
            sources.push(SnapSource {
                name,
                meta,
                content,
                documents,
            });
        }
        // One key's mentions at a time: the encoder takes them as they come.
        let keys = self.keys.iter().map(|(key, list)| {
            let held = list
                .iter()
                .filter_map(|h| {
                    let doc = &self.documents[h.doc as usize];
                    Some(SnapHeldRef {
                        source: *index.get(&doc.source)?,
                        doc: doc.position,
                        position: h.position,
                        claim: h.claim,
                        bindings: h.bindings,
                        span: h.span,
                        value: QuantityRef {
                            nominal: h.nominal,
                            interval: h.interval,
                            unit: self.unit(h),
                            hedge: h.hedge,
                        },
                        derived: h.derived.as_deref(),
                        named: h.named,
                        among_figures: h.among_figures,
                        text: self.strings.get(h.text),
                    })
                })
                .collect();
            (key.as_str(), held)
        });
        snapshot::encode(&sources, &self.bindings, keys)
    }

    /// Puts documents in name order and each key's mentions in document order, in
    /// place (a run holds one copy of its documents).
    fn sort(&mut self) {
        let mut order: Vec<u32> = (0..self.documents.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| {
            let (a, b) = (&self.documents[a as usize], &self.documents[b as usize]);
            (self.name(a), a.source, a.position).cmp(&(self.name(b), b.source, b.position))
        });
        let mut rank = vec![0u32; order.len()];
        for (r, &doc) in order.iter().enumerate() {
            rank[doc as usize] = r as u32;
        }
        drop(order);
        // Each swap puts one document in its place.
        let mut target = rank.clone();
        for i in 0..self.documents.len() {
            while target[i] as usize != i {
                let j = target[i] as usize;
                self.documents.swap(i, j);
                target.swap(i, j);
            }
        }
        for list in self.keys.values_mut() {
            for held in list.iter_mut() {
                held.doc = rank.get(held.doc as usize).copied().unwrap_or(held.doc);
            }
            list.sort_unstable_by_key(|h| (h.doc, h.position));
        }
        self.problems.sort_by_key(|(source, _)| *source);
    }

    /// Sorts the aggregate (see the module docs) and returns the findings made so
    /// far: input problems first, then the documents' own findings.
    pub(crate) fn finish(&mut self, mut findings: Vec<Finding>) -> Finished {
        for (key, related) in std::mem::take(&mut self.related) {
            self.keys.entry(key).or_default().extend(related);
        }
        self.sort();
        for (_, problems) in self.problems.drain(..) {
            findings.extend(problems);
        }
        for document in &mut self.documents {
            if let Some(own) = document.own.as_mut() {
                own.findings
                    .take_into(self.strings.get(document.name), &mut findings);
            }
        }
        Finished {
            findings,
            mentions: self.mention_count,
        }
    }

    /// Documents added.
    pub(crate) fn documents(&self) -> usize {
        self.added
    }

    /// Each document's name and suppression comments, in name order (after
    /// [`Aggregate::finish`]).
    pub(crate) fn suppressions(&self) -> impl Iterator<Item = (&str, &[Directive])> {
        self.documents.iter().map(|d| {
            let suppressions = d.own.as_ref().map_or(&[][..], |o| &o.suppressions[..]);
            (self.name(d), suppressions)
        })
    }

    /// The detected language of the document `name`, when the aggregate knows it
    /// (after [`Aggregate::finish`]).
    pub(crate) fn detected_lang(&self, name: &str) -> Option<&str> {
        let doc = self.document(name)?;
        let lang = usize::from(doc.detected_lang).checked_sub(1)?;
        self.langs.get(lang).map(String::as_str)
    }

    /// 1 + the index of `lang` in `langs` (0, "not known", past 255 languages).
    fn intern_lang(&mut self, lang: String) -> u8 {
        let index = match self.langs.iter().position(|l| *l == lang) {
            Some(index) => index,
            None => {
                self.langs.push(lang);
                self.langs.len() - 1
            }
        };
        u8::try_from(index + 1).unwrap_or(0)
    }

    /// The document `name` (after [`Aggregate::finish`]).
    fn document(&self, name: &str) -> Option<&Kept> {
        let index = self
            .documents
            .binary_search_by(|d| self.name(d).cmp(name))
            .ok()?;
        self.documents.get(index)
    }

    /// The source index of the document `name` (after [`Aggregate::finish`]).
    pub(crate) fn source_of(&self, name: &str) -> Option<usize> {
        self.document(name).map(|d| d.source)
    }

    /// Calls `f` with each key (in key order) and its mentions, in document order
    /// (after [`Aggregate::finish`]).
    pub(crate) fn each_key(&self, mut f: impl FnMut(&str, &[Located])) {
        for (key, list) in &self.keys {
            let located: Vec<Located> = list
                .iter()
                .map(|h| Located {
                    doc: self
                        .documents
                        .get(h.doc as usize)
                        .map_or("", |d| self.name(d)),
                    mention: MentionView {
                        claim: h.claim as usize,
                        key,
                        bindings: self
                            .bindings
                            .get(h.bindings as usize)
                            .map_or(&[][..], Vec::as_slice),
                        span: h.span,
                        value: self.value(h),
                        derived: h.derived.as_deref(),
                        named: h.named,
                        among_figures: h.among_figures,
                    },
                    text: self.strings.get(h.text),
                })
                .collect();
            f(key, &located);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Applicability, Edit, Fix, Related};
    use crate::extract::Mention;

    fn summary(name: &str, values: &[(&str, f64)]) -> DocSummary {
        let mentions: Vec<Mention> = values
            .iter()
            .enumerate()
            .map(|(i, &(key, x))| Mention {
                claim: 0,
                key: key.to_string(),
                bindings: vec![(
                    "year".to_string(),
                    key.rsplit('/').next().unwrap_or("").to_string(),
                )],
                span: Span {
                    start: 10 * i,
                    end: 10 * i + 3,
                },
                value: Quantity {
                    nominal: x,
                    interval: Interval::new(x, x),
                    unit: (x < 10.0).then(|| "USD".to_string()),
                    hedge: Hedge::None,
                },
                derived: None,
                named: 0,
                among_figures: false,
            })
            .collect();
        DocSummary {
            name: name.to_string(),
            findings: Vec::new(),
            snippets: values.iter().map(|(_, x)| format!("{x}")).collect(),
            mention_count: mentions.len(),
            mentions,
            suppressions: Vec::new(),
            detected_lang: name.starts_with('c').then(|| "vi".to_string()),
        }
    }

    /// What `each_key` shows: key, then (document, span start, value, text, year).
    fn listing(aggregate: &Aggregate) -> Vec<String> {
        let mut out = Vec::new();
        aggregate.each_key(|key, mentions| {
            for l in mentions {
                out.push(format!(
                    "{key} {} {} {} {:?} {} {:?}",
                    l.doc,
                    l.mention.span.start,
                    l.mention.value.nominal,
                    l.mention.value.unit,
                    l.text,
                    l.mention.bindings
                ));
            }
        });
        out
    }

    /// A finding with every field set, `n` making it unique.
    fn full_finding(file: &str, n: usize) -> Finding {
        Finding {
            rule: format!("rule-{n}"),
            kind: "anniversary".to_string(),
            severity: crate::Severity::Note,
            key: Some("event/ties".to_string()),
            file: file.to_string(),
            span: Span::new(n..n + 8),
            found: Some(format!("{n} năm")),
            expected: n.is_multiple_of(2).then(|| "33 years".to_string()),
            message: "`33 năm` could not be checked: the document has no date".to_string(),
            help: Some("give the document a date".to_string()),
            related: vec![Related {
                file: "other.txt".to_string(),
                span: Span::new(1..2),
                note: "states ≈ US$1 billion".to_string(),
            }],
            source: None,
            fix: Some(Fix {
                edits: vec![Edit {
                    span: Span::new(n..n + 2),
                    replacement: "Tô Lâm".to_string(),
                }],
                applicability: Applicability::Unsafe,
            }),
        }
    }

    /// The documents' own findings, held encoded until the end, come back whole, in
    /// document name order and in the order each document made them.
    #[test]
    fn own_findings_come_back_whole_in_name_order() {
        let own = |name: &str, count: usize| -> Vec<Finding> {
            (0..count).map(|n| full_finding(name, n)).collect()
        };
        let mut aggregate = Aggregate::default();
        for (source, (name, count)) in [("b.txt", 3), ("c.txt", 0), ("a.txt", 2)]
            .into_iter()
            .enumerate()
        {
            let mut doc = summary(name, &[]);
            doc.findings = own(name, count);
            aggregate.add(source, 0, doc);
        }
        let before = full_finding("problem.txt", 9);
        let finished = aggregate.finish(vec![before.clone()]);
        let mut expected = vec![before];
        expected.extend(own("a.txt", 2));
        expected.extend(own("b.txt", 3));
        assert_eq!(finished.findings, expected);
    }

    /// In whatever order the threads added the documents, the keys list their
    /// mentions in (document name, position) order with their own bindings.
    #[test]
    fn order_of_adding_does_not_show() {
        let docs = [
            ("c.txt", vec![("trade/2024", 3.0), ("trade/2023", 30.0)]),
            ("a.txt", vec![("trade/2024", 1.0), ("trade/2024", 1.5)]),
            ("b.txt", vec![("trade/2023", 20.0)]),
            ("d.txt", vec![]),
        ];
        let build = |indices: &[usize]| {
            let mut aggregate = Aggregate::default();
            for &i in indices {
                let (name, values) = &docs[i];
                aggregate.add(i, 0, summary(name, values));
            }
            aggregate
        };
        let mut one = build(&[0, 1, 2, 3]);
        let mut other = build(&[3, 2, 1, 0]);
        let mut third = build(&[1, 3, 0, 2]);
        assert_eq!(one.finish(Vec::new()).mentions, 5);
        assert_eq!(other.finish(Vec::new()).mentions, 5);
        assert_eq!(third.finish(Vec::new()).mentions, 5);
        let expected = vec![
            "trade/2023 b.txt 0 20 None 20 [(\"year\", \"2023\")]",
            "trade/2023 c.txt 10 30 None 30 [(\"year\", \"2023\")]",
            "trade/2024 a.txt 0 1 Some(\"USD\") 1 [(\"year\", \"2024\")]",
            "trade/2024 a.txt 10 1.5 Some(\"USD\") 1.5 [(\"year\", \"2024\")]",
            "trade/2024 c.txt 0 3 Some(\"USD\") 3 [(\"year\", \"2024\")]",
        ];
        for aggregate in [&one, &other, &third] {
            assert_eq!(listing(aggregate), expected);
            let names: Vec<&str> = aggregate.suppressions().map(|(name, _)| name).collect();
            assert_eq!(names, ["a.txt", "b.txt", "c.txt", "d.txt"]);
            assert_eq!(aggregate.source_of("b.txt"), Some(2));
            assert_eq!(aggregate.source_of("d.txt"), Some(3));
            assert_eq!(aggregate.source_of("missing.txt"), None);
            assert_eq!(aggregate.detected_lang("c.txt"), Some("vi"));
            assert_eq!(aggregate.detected_lang("a.txt"), None);
        }
    }

    /// An aggregate given the mentions' roles keeps every `Finding`, no `Silent` one,
    /// and of the `Related` ones of a key the first `MAX_RELATED` in document order,
    /// in whatever order the documents come; every document is counted.
    #[test]
    fn pruned_aggregate_keeps_what_the_report_can_show() {
        let role = |i: usize| match i {
            5 => Role::Finding,
            7 => Role::Silent,
            _ => Role::Related,
        };
        let build = |order: &[usize]| {
            let mut aggregate = Aggregate::default();
            for &i in order {
                let value = if i == 5 { 9.0 } else { 1.0 };
                let doc = summary(&format!("d{i:02}.txt"), &[("k/2024", value)]);
                aggregate.add_with_roles(i, 0, doc, Some(vec![role(i)]));
            }
            aggregate
        };
        let ascending: Vec<usize> = (0..12).collect();
        let descending: Vec<usize> = (0..12).rev().collect();
        let shuffled = [6, 11, 0, 9, 3, 7, 1, 10, 5, 8, 2, 4];
        let expected: Vec<String> = (0..=5)
            .map(|i| {
                let value = if i == 5 { 9 } else { 1 };
                format!("k/2024 d{i:02}.txt 0 {value} Some(\"USD\") {value} [(\"year\", \"2024\")]")
            })
            .collect();
        for order in [&ascending[..], &descending[..], &shuffled[..]] {
            let mut aggregate = build(order);
            assert_eq!(aggregate.documents(), 12);
            assert_eq!(aggregate.finish(Vec::new()).mentions, 12);
            assert_eq!(listing(&aggregate), expected, "order {order:?}");
            assert_eq!(aggregate.source_of("d07.txt"), None, "nothing kept of it");
        }
        // Documents in name order: the later agreeing ones are not even kept.
        let mut aggregate = build(&ascending);
        aggregate.finish(Vec::new());
        let kept: Vec<&str> = aggregate.suppressions().map(|(name, _)| name).collect();
        assert_eq!(
            kept,
            [
                "d00.txt", "d01.txt", "d02.txt", "d03.txt", "d04.txt", "d05.txt"
            ]
        );
    }
}
