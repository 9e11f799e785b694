//! Streaming check of a corpus on disk (issue 7): memory bounded by the documents in
//! flight, not by the corpus.
//!
//! Sources are read, extracted and checked on their own in parallel (rayon), one at a
//! time per thread; each leaves only a [`SourceSummary`], which goes at once into
//! the run's one [`Aggregate`]. The optional [`Cache`] supplies the summaries of
//! unchanged sources. The cross-document stage then runs on the aggregate,
//! and the report reads again the sources that findings point into. The report is
//! the same, byte for byte, as [`Checker::check`] gives for the same files read into
//! a [`Corpus`](crate::Corpus) (a test holds this).

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::quantity::{self, Role};
use super::snapshot::Snapshot;
use super::{Aggregate, Checker, DocSummary, Finding, Located, MentionView, input_finding};
use crate::cache::Cache;
use crate::corpus::{Loaded, Sources};
use crate::report::{DocInfo, Report};

/// Counts and phase times of a streaming run, for `--verbose`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RunStats {
    /// Files found.
    pub files: usize,
    /// Files extracted in this run.
    pub extracted: usize,
    /// Files whose results came from the cache.
    pub from_cache: usize,
    /// Of those, files of which a focused run read only the stored mentions of
    /// the focus keys (from the key snapshot), not the whole record.
    pub from_snapshot: usize,
    /// Wall time of each phase, in order: decoding the cache's key snapshot,
    /// reading and extracting the sources, saving the cache, the cross-document
    /// checks, building the report.
    pub phases: Vec<(&'static str, Duration)>,
}

/// All that a run keeps of one source (and all the cache stores of it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct SourceSummary {
    /// Display name of the source.
    pub name: String,
    /// Its input problems (unreadable file, broken record, front matter), as findings.
    pub problems: Vec<Finding>,
    /// Its documents' summaries.
    pub documents: Vec<DocSummary>,
}

impl Checker<'_> {
    /// Checks the documents of `sources`, reading each source once (and again only
    /// for the excerpts of the report); `progress` is called after each source, from
    /// any thread.
    ///
    /// With a `focus` (the names of the sources a run reports on: `check --staged`),
    /// the findings of the other documents are not wanted. Sources outside the focus
    /// that the cache's key snapshot holds unchanged are then not read at all: only
    /// the stored mentions of the keys the focus documents mention are, so the
    /// findings in the focus are those of a full run.
    pub fn check_sources(
        &self,
        sources: &Sources,
        cache: Option<&Cache>,
        focus: Option<&BTreeSet<String>>,
        progress: &(dyn Fn() + Sync),
    ) -> (Report, RunStats) {
        let extracted = AtomicUsize::new(0);
        let cached = AtomicUsize::new(0);
        let mut phases = Vec::new();
        let mut clock = Instant::now();
        let mut lap = |phase: &'static str| {
            let now = Instant::now();
            phases.push((phase, now - clock));
            clock = now;
        };
        let snapshot = cache.and_then(Cache::snapshot).and_then(Snapshot::decode);
        lap("key snapshot");
        let in_focus: Vec<bool> = match focus {
            Some(focus) => sources.names().map(|name| focus.contains(name)).collect(),
            None => vec![true; sources.len()],
        };
        let summarize = |index: usize| {
            let summary = self.summarize_source(sources, index, cache, &extracted, &cached);
            progress();
            summary
        };
        // Each summary is split into the one aggregate as it comes (under a lock, a
        // few microseconds a document), so no summary outlives its source and no
        // per-thread aggregates are merged (a merge briefly holds two copies).
        // Without a cache no key snapshot is made, so the aggregate keeps only what
        // can reach the report (see `Aggregate::add_with_roles`): memory then grows
        // with the findings, not with the mentions.
        let aggregate = Mutex::new(match cache {
            Some(_) => Aggregate::with_capacity(sources.len()),
            None => Aggregate::default(),
        });
        let add = |index: usize, summary: SourceSummary| {
            let roles = cache.is_none().then(|| self.roles(&summary));
            let mut aggregate = aggregate.lock().unwrap_or_else(PoisonError::into_inner);
            add_source(&mut aggregate, index, summary, roles);
        };
        let mut gathered = (0..sources.len())
            .into_par_iter()
            .fold(Gathered::default, |mut gathered, index| {
                if !in_focus[index]
                    && let (Some(cache), Some(snapshot)) = (cache, &snapshot)
                    && let Some(stored) = unchanged_source(sources, index, cache, snapshot)
                {
                    cached.fetch_add(1, Ordering::Relaxed);
                    progress();
                    gathered.stored.push((index, stored));
                    return gathered;
                }
                let summary = summarize(index);
                if focus.is_some() && in_focus[index] {
                    let keys = summary.documents.iter().flat_map(|d| &d.mentions);
                    gathered.keys.extend(keys.map(|m| m.key.clone()));
                }
                add(index, summary);
                gathered
            })
            .reduce(Gathered::default, Gathered::merge);
        let mut aggregate = aggregate
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(snapshot) = &snapshot
            && !gathered.stored.is_empty()
            && !gathered.add_stored(&mut aggregate, snapshot)
        {
            // A key's stored mentions do not decode: read those sources after all.
            let stored = std::mem::take(&mut gathered.stored);
            cached.fetch_sub(stored.len(), Ordering::Relaxed);
            for (index, _) in stored {
                add_source(&mut aggregate, index, summarize(index), None);
            }
        }
        let Gathered { stored, keys } = gathered;
        let from_snapshot = stored.len();
        lap("documents");
        if let Some(cache) = cache {
            cache.save();
            // Only an aggregate of whole sources makes a snapshot.
            if stored.is_empty() && !snapshot_holds(snapshot.as_ref(), sources, cache) {
                let keys = |index| {
                    let name = sources.name(index);
                    let (meta, content) = cache.keys_of(name)?;
                    Some((name.to_string(), meta, content))
                };
                if let Some(encoded) = aggregate.snapshot(sources.len(), keys) {
                    cache.save_snapshot(&encoded);
                }
            }
            lap("cache save");
        }
        if focus.is_some() {
            aggregate.retain_keys(|key| keys.contains(key));
        }
        let walk_problems = sources.walk_problems().iter().map(input_finding).collect();
        let (findings, mentions) = self.finish(walk_problems, &mut aggregate);
        lap("cross-document");
        let documents = aggregate.documents();
        let mut reread: Option<(usize, Loaded)> = None;
        let report = Report::with_sources(findings, documents, mentions, |name| {
            let index = aggregate.source_of(name)?;
            if reread.as_ref().is_none_or(|(i, _)| *i != index) {
                let known = |name: &str| aggregate.detected_lang(name);
                reread = Some((index, sources.reload(index, &known)));
            }
            let (_, loaded) = reread.as_ref()?;
            let doc = loaded.documents.iter().find(|d| d.name == name)?;
            Some((Arc::from(doc.text.as_str()), DocInfo::of(doc)))
        });
        lap("report");
        let stats = RunStats {
            files: sources.len(),
            extracted: extracted.into_inner(),
            from_cache: cached.into_inner(),
            from_snapshot,
            phases,
        };
        (report, stats)
    }

    /// The [`Role`] of each mention of each document of `summary`: a mention of a key
    /// without a fact may always be shown (its key's mentions are compared with each
    /// other).
    fn roles(&self, summary: &SourceSummary) -> Vec<Vec<Role>> {
        summary
            .documents
            .iter()
            .map(|doc| {
                let mentions = doc.mentions.iter().zip(&doc.snippets);
                mentions
                    .map(|(mention, text)| match self.rules.fact(&mention.key) {
                        None => Role::Finding,
                        Some(fact) => quantity::role(
                            self.rules,
                            fact,
                            &Located {
                                doc: &doc.name,
                                mention: MentionView::of(mention),
                                text,
                            },
                        ),
                    })
                    .collect()
            })
            .collect()
    }

    fn summarize_source(
        &self,
        sources: &Sources,
        index: usize,
        cache: Option<&Cache>,
        extracted: &AtomicUsize,
        cached: &AtomicUsize,
    ) -> SourceSummary {
        let name = sources.name(index);
        let meta = cache.map(|c| c.meta_key(name, &sources.fingerprint(index)));
        let stamp = cache.and_then(|c| sources.stamp(index, c.started()));
        if let (Some(cache), Some(meta), Some(stamp)) = (cache, meta, stamp)
            && let Some(summary) = cache.by_stamp(name, meta, stamp)
        {
            cached.fetch_add(1, Ordering::Relaxed);
            return summary;
        }
        // The stamp recorded with the contents is read just before them (one read
        // when the file was found may be older than they are).
        let stamp = match (cache, stamp) {
            (Some(cache), Some(_)) if sources.stamped_when_found(index) => {
                sources.fresh_stamp(index, cache.started())
            }
            _ => stamp,
        };
        let bytes = match sources.bytes(index) {
            Ok(bytes) => bytes,
            Err(problem) => {
                return SourceSummary {
                    name: name.to_string(),
                    problems: vec![input_finding(&problem)],
                    documents: Vec::new(),
                };
            }
        };
        let content = cache.map(|_| Cache::content_key(&bytes));
        if let (Some(cache), Some(meta), Some(content)) = (cache, meta, content)
            && let Some(summary) = cache.by_content(name, meta, content, stamp)
        {
            cached.fetch_add(1, Ordering::Relaxed);
            return summary;
        }
        let loaded = sources.build(index, &bytes);
        drop(bytes);
        let summary = SourceSummary {
            name: name.to_string(),
            problems: loaded.problems.iter().map(input_finding).collect(),
            documents: loaded
                .documents
                .iter()
                .map(|doc| self.guarded(doc, || self.summarize(doc)))
                .collect(),
        };
        extracted.fetch_add(1, Ordering::Relaxed);
        if let (Some(cache), Some(meta), Some(content)) = (cache, meta, content) {
            cache.put(name, meta, content, stamp, &summary);
        }
        summary
    }
}

/// Adds the summary of source `index` to `aggregate`, with the roles of its
/// documents' mentions when the aggregate keeps only what can reach the report.
fn add_source(
    aggregate: &mut Aggregate,
    index: usize,
    summary: SourceSummary,
    roles: Option<Vec<Vec<Role>>>,
) {
    aggregate.add_problems(index, summary.problems);
    let mut roles = roles.map(Vec::into_iter);
    for (position, document) in summary.documents.into_iter().enumerate() {
        let roles = roles.as_mut().and_then(Iterator::next);
        aggregate.add_with_roles(index, position, document, roles);
    }
}

/// What the threads of a run gather besides the aggregate.
#[derive(Default)]
struct Gathered {
    /// Sources the key snapshot holds unchanged: (source index, snapshot index).
    stored: Vec<(usize, usize)>,
    /// The keys the focus documents mention.
    keys: BTreeSet<String>,
}

impl Gathered {
    fn merge(mut self, other: Gathered) -> Gathered {
        self.stored.extend(other.stored);
        self.keys.extend(other.keys);
        self
    }

    /// Adds the stored sources' documents and their stored mentions of the focus
    /// keys; `false` (and nothing added) when a key's mentions do not decode.
    fn add_stored(&mut self, aggregate: &mut Aggregate, snapshot: &Snapshot) -> bool {
        let Some(decoded) = self
            .keys
            .iter()
            .map(|key| Some((key, snapshot.key(key)?)))
            .collect::<Option<Vec<_>>>()
        else {
            return false;
        };
        self.stored.sort_unstable();
        let mut first_doc = vec![None; snapshot.sources().len()];
        for &(index, stored) in &self.stored {
            let first = aggregate.add_stored_source(index, &snapshot.sources()[stored]);
            first_doc[stored] = Some(first);
        }
        for (key, held) in decoded {
            aggregate.add_stored_key(key, held, snapshot, &first_doc);
        }
        true
    }
}

/// The snapshot index of source `index` when the cache vouches (by its stamp) that
/// the file still has the content the snapshot was built from, read the same way
/// (same meta key: format, manifest entry, options).
fn unchanged_source(
    sources: &Sources,
    index: usize,
    cache: &Cache,
    snapshot: &Snapshot,
) -> Option<usize> {
    let name = sources.name(index);
    let stored = snapshot.source_near(name, index)?;
    let stamp = sources.stamp(index, cache.started())?;
    let meta = cache.meta_key(name, &sources.fingerprint(index));
    let content = cache.validate(name, meta, stamp)?;
    let held = &snapshot.sources()[stored];
    (held.meta == meta && held.content == content).then_some(stored)
}

/// Whether `snapshot` holds exactly this run's sources, with the keys each has in
/// this run's cache records.
fn snapshot_holds(snapshot: Option<&Snapshot>, sources: &Sources, cache: &Cache) -> bool {
    let Some(snapshot) = snapshot else {
        return false;
    };
    let mut recorded = 0;
    for (index, name) in sources.names().enumerate() {
        let Some(keys) = cache.keys_of(name) else {
            continue;
        };
        recorded += 1;
        let held = snapshot
            .source_near(name, index)
            .map(|s| &snapshot.sources()[s]);
        if held.map(|s| (s.meta, s.content)) != Some(keys) {
            return false;
        }
    }
    recorded == snapshot.sources().len()
}
