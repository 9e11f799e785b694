//! Streaming check of a corpus on disk (issue 7): memory bounded by the documents in
//! flight, not by the corpus.
//!
//! Sources are read, extracted and checked on their own in parallel (rayon), one at a
//! time per thread; each leaves only a [`SourceSummary`], which goes at once into
//! the thread's [`Aggregate`]. The optional [`Cache`] supplies the summaries of
//! unchanged sources. The cross-document stage then runs on the merged aggregate,
//! and the report reads again the sources that findings point into. The report is
//! the same, byte for byte, as [`Checker::check`] gives for the same files read into
//! a [`Corpus`](crate::Corpus) (a test holds this).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::{Aggregate, Checker, DocSummary, Finding, input_finding};
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
    /// Wall time of each phase, in order: reading and extracting the sources,
    /// saving the cache, the cross-document checks, building the report.
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
    pub fn check_sources(
        &self,
        sources: &Sources,
        cache: Option<&Cache>,
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
        // Each thread splits its summaries into its own aggregate as they come, so
        // no summary outlives its source.
        let mut aggregate = (0..sources.len())
            .into_par_iter()
            .fold(Aggregate::default, |mut aggregate, index| {
                let summary = self.summarize_source(sources, index, cache, &extracted, &cached);
                progress();
                aggregate.add_problems(index, summary.problems);
                for (position, document) in summary.documents.into_iter().enumerate() {
                    aggregate.add(index, position, document);
                }
                aggregate
            })
            .reduce(Aggregate::default, Aggregate::merge);
        lap("documents");
        if let Some(cache) = cache {
            cache.save();
            lap("cache save");
        }
        let walk_problems = sources.walk_problems().iter().map(input_finding).collect();
        let (findings, mentions) = self.finish(walk_problems, &mut aggregate);
        lap("cross-document");
        let documents = aggregate.documents();
        let mut reread: Option<(usize, Loaded)> = None;
        let report = Report::with_sources(findings, documents, mentions, |name| {
            let index = aggregate.source_of(name)?;
            if reread.as_ref().is_none_or(|(i, _)| *i != index) {
                reread = Some((index, sources.load(index)));
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
            phases,
        };
        (report, stats)
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
