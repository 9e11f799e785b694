//! The cross-document aggregate (issue 7): all that a run keeps of a document once it
//! has been checked on its own.
//!
//! Third stage of the pipeline, between the per-document [`DocSummary`] and the
//! cross-document checks. A summary is split as soon as it is made (or read from
//! the cache): the document keeps its name, its own findings and its suppression
//! comments, and each quantity mention goes to the list of its key as a [`Held`]
//! mention: the value interval, the location, the text of the span, and ids for what
//! many mentions share (the key is the list's, the bindings are interned). Full
//! [`Mention`]s are rebuilt one key at a time when the key is checked, so a run holds
//! per mention about a third of what a summary holds.
//!
//! Aggregates are built per thread and merged, in any order; [`Aggregate::finish`]
//! puts documents in name order and each key's mentions in (document, position)
//! order, which is the order [`cross_check`](super::summary) always used, so the
//! report does not depend on the number of threads.

use std::collections::{BTreeMap, HashMap};

use super::snapshot::{self, SnapDoc, SnapHeld, SnapHeldRef, SnapSource, Snapshot};
use super::{DocSummary, Finding, Located, Span};
use crate::extract::{Derived, Mention};
use crate::gate::suppress::Directive;
use crate::value::Quantity;

/// What a run keeps of one document.
#[derive(Debug)]
struct Kept {
    name: String,
    /// Source index and position among the source's documents (ties of names).
    source: usize,
    position: usize,
    /// Claims counted for the summary line.
    mentions: u32,
    findings: Vec<Finding>,
    suppressions: Vec<Directive>,
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
    value: Quantity,
    derived: Option<Box<Derived>>,
    /// The original text of the span.
    text: Box<str>,
}

/// Per-document results and per-key quantity mentions of a whole run.
#[derive(Debug, Default)]
pub(crate) struct Aggregate {
    documents: Vec<Kept>,
    keys: BTreeMap<String, Vec<Held>>,
    bindings: Vec<Vec<(String, String)>>,
    binding_ids: HashMap<Vec<(String, String)>, u32>,
    /// Input problems of each source, by source index.
    problems: Vec<(usize, Vec<Finding>)>,
    /// Claims counted for the summary line.
    mention_count: usize,
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
    /// Adds the input problems of source `source`.
    pub(crate) fn add_problems(&mut self, source: usize, problems: Vec<Finding>) {
        if !problems.is_empty() {
            self.problems.push((source, problems));
        }
    }

    /// Adds the summary of the `position`-th document of source `source`.
    pub(crate) fn add(&mut self, source: usize, position: usize, summary: DocSummary) {
        let doc = self.documents.len() as u32;
        self.mention_count += summary.mention_count;
        for (index, (mention, text)) in summary
            .mentions
            .into_iter()
            .zip(summary.snippets)
            .enumerate()
        {
            let bindings = self.intern(mention.bindings);
            self.keys.entry(mention.key).or_default().push(Held {
                doc,
                position: index as u32,
                claim: mention.claim as u32,
                bindings,
                span: mention.span,
                value: mention.value,
                derived: mention.derived.map(Box::new),
                text: text.into_boxed_str(),
            });
        }
        self.documents.push(Kept {
            name: summary.name,
            source,
            position,
            mentions: summary.mention_count as u32,
            findings: summary.findings,
            suppressions: summary.suppressions,
        });
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

    /// Adds the documents of the stored snapshot source `stored` as source `source`,
    /// without their own findings or suppression comments (a focused run reports
    /// neither); returns the index of its first document.
    pub(crate) fn add_stored_source(&mut self, source: usize, stored: &SnapSource) -> u32 {
        let first = self.documents.len() as u32;
        for (position, doc) in stored.documents.iter().enumerate() {
            self.mention_count += doc.mentions as usize;
            self.documents.push(Kept {
                name: doc.name.clone().unwrap_or_else(|| stored.name.clone()),
                source,
                position,
                mentions: doc.mentions,
                findings: Vec::new(),
                suppressions: Vec::new(),
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
            list.push(Held {
                doc: first + h.doc,
                position: h.position,
                claim: h.claim,
                bindings,
                span: h.span,
                value: h.value,
                derived: h.derived.map(Box::new),
                text: h.text.into_boxed_str(),
            });
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
            if docs.iter().enumerate().any(|(i, d)| d.position != i) {
                continue;
            }
            index.insert(run_source, sources.len() as u32);
            let documents = docs
                .iter()
                .map(|d| SnapDoc {
                    name: (d.name != name).then(|| d.name.clone()),
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
        let keys = self
            .keys
            .iter()
            .map(|(key, list)| {
                let held = list
                    .iter()
                    .filter_map(|h| {
                        let doc = &self.documents[h.doc as usize];
                        Some(SnapHeldRef {
                            source: *index.get(&doc.source)?,
                            doc: doc.position as u32,
                            position: h.position,
                            claim: h.claim,
                            bindings: h.bindings,
                            span: h.span,
                            value: &h.value,
                            derived: h.derived.as_deref(),
                            text: &h.text,
                        })
                    })
                    .collect();
                (key.as_str(), held)
            })
            .collect();
        snapshot::encode(&sources, &self.bindings, keys)
    }

    /// Both aggregates in one (documents of `other` after those of `self`).
    pub(crate) fn merge(mut self, other: Aggregate) -> Aggregate {
        let offset = self.documents.len() as u32;
        let remap: Vec<u32> = other
            .bindings
            .into_iter()
            .map(|bindings| self.intern(bindings))
            .collect();
        for (key, held) in other.keys {
            let list = self.keys.entry(key).or_default();
            list.extend(held.into_iter().map(|mut h| {
                h.doc += offset;
                h.bindings = remap
                    .get(h.bindings as usize)
                    .copied()
                    .unwrap_or(h.bindings);
                h
            }));
        }
        self.documents.extend(other.documents);
        self.problems.extend(other.problems);
        self.mention_count += other.mention_count;
        self
    }

    /// Puts documents in name order and each key's mentions in document order.
    fn sort(&mut self) {
        let mut order: Vec<usize> = (0..self.documents.len()).collect();
        order.sort_by(|&a, &b| {
            let (a, b) = (&self.documents[a], &self.documents[b]);
            (&a.name, a.source, a.position).cmp(&(&b.name, b.source, b.position))
        });
        let mut rank = vec![0u32; order.len()];
        for (r, &doc) in order.iter().enumerate() {
            rank[doc] = r as u32;
        }
        let mut documents: Vec<Option<Kept>> = self.documents.drain(..).map(Some).collect();
        self.documents = order
            .iter()
            .filter_map(|&doc| documents.get_mut(doc).and_then(Option::take))
            .collect();
        for list in self.keys.values_mut() {
            for held in list.iter_mut() {
                held.doc = rank.get(held.doc as usize).copied().unwrap_or(held.doc);
            }
            list.sort_by_key(|h| (h.doc, h.position));
        }
        self.problems.sort_by_key(|(source, _)| *source);
    }

    /// Sorts the aggregate (see the module docs) and returns the findings made so
    /// far: input problems first, then the documents' own findings.
    pub(crate) fn finish(&mut self, mut findings: Vec<Finding>) -> Finished {
        self.sort();
        for (_, problems) in self.problems.drain(..) {
            findings.extend(problems);
        }
        for doc in &mut self.documents {
            findings.append(&mut doc.findings);
        }
        Finished {
            findings,
            mentions: self.mention_count,
        }
    }

    /// Documents added.
    pub(crate) fn documents(&self) -> usize {
        self.documents.len()
    }

    /// Each document's name and suppression comments, in name order (after
    /// [`Aggregate::finish`]).
    pub(crate) fn suppressions(&self) -> impl Iterator<Item = (&str, &[Directive])> {
        self.documents
            .iter()
            .map(|d| (d.name.as_str(), d.suppressions.as_slice()))
    }

    /// The source index of the document `name` (after [`Aggregate::finish`]).
    pub(crate) fn source_of(&self, name: &str) -> Option<usize> {
        let index = self
            .documents
            .binary_search_by(|d| d.name.as_str().cmp(name))
            .ok()?;
        self.documents.get(index).map(|d| d.source)
    }

    /// Calls `f` with each key (in key order) and its mentions, rebuilt in full and
    /// in document order (after [`Aggregate::finish`]).
    pub(crate) fn each_key(&self, mut f: impl FnMut(&str, &[Located])) {
        for (key, list) in &self.keys {
            let mentions: Vec<Mention> = list
                .iter()
                .map(|h| Mention {
                    claim: h.claim as usize,
                    key: key.clone(),
                    bindings: self
                        .bindings
                        .get(h.bindings as usize)
                        .cloned()
                        .unwrap_or_default(),
                    span: h.span,
                    value: h.value.clone(),
                    derived: h.derived.as_deref().cloned(),
                })
                .collect();
            let located: Vec<Located> = list
                .iter()
                .zip(&mentions)
                .map(|(h, mention)| Located {
                    doc: self
                        .documents
                        .get(h.doc as usize)
                        .map_or("", |d| d.name.as_str()),
                    mention,
                    text: &h.text,
                })
                .collect();
            f(key, &located);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::{Hedge, Interval};

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
                    unit: Some("USD".to_string()),
                    hedge: Hedge::None,
                },
                derived: None,
            })
            .collect();
        DocSummary {
            name: name.to_string(),
            findings: Vec::new(),
            snippets: values.iter().map(|(_, x)| format!("{x}")).collect(),
            mention_count: mentions.len(),
            mentions,
            suppressions: Vec::new(),
        }
    }

    /// What `each_key` shows: key, then (document, span start, value, text, year).
    fn listing(aggregate: &Aggregate) -> Vec<String> {
        let mut out = Vec::new();
        aggregate.each_key(|key, mentions| {
            for l in mentions {
                out.push(format!(
                    "{key} {} {} {} {} {:?}",
                    l.doc,
                    l.mention.span.start,
                    l.mention.value.nominal,
                    l.text,
                    l.mention.bindings
                ));
            }
        });
        out
    }

    /// However the documents were split between threads and merged, the keys list
    /// their mentions in (document name, position) order with their own bindings.
    #[test]
    fn merge_order_does_not_show() {
        let docs = [
            ("c.txt", vec![("trade/2024", 3.0), ("trade/2023", 30.0)]),
            ("a.txt", vec![("trade/2024", 1.0), ("trade/2024", 1.5)]),
            ("b.txt", vec![("trade/2023", 20.0)]),
        ];
        let build = |indices: &[usize]| {
            let mut aggregate = Aggregate::default();
            for &i in indices {
                let (name, values) = &docs[i];
                aggregate.add(i, 0, summary(name, values));
            }
            aggregate
        };
        let mut one = build(&[0, 1, 2]);
        let mut merged = build(&[2]).merge(build(&[1, 0]));
        assert_eq!(one.finish(Vec::new()).mentions, 5);
        assert_eq!(merged.finish(Vec::new()).mentions, 5);
        let expected = vec![
            "trade/2023 b.txt 0 20 20 [(\"year\", \"2023\")]",
            "trade/2023 c.txt 10 30 30 [(\"year\", \"2023\")]",
            "trade/2024 a.txt 0 1 1 [(\"year\", \"2024\")]",
            "trade/2024 a.txt 10 1.5 1.5 [(\"year\", \"2024\")]",
            "trade/2024 c.txt 0 3 3 [(\"year\", \"2024\")]",
        ];
        assert_eq!(listing(&one), expected);
        assert_eq!(listing(&merged), expected);
        assert_eq!(merged.source_of("b.txt"), Some(2));
        assert_eq!(merged.source_of("missing.txt"), None);
    }
}
