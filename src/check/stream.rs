//! Streaming check of a corpus on disk (issue 7): memory bounded by the documents in
//! flight, not by the corpus.
//!
//! Documents are read, extracted and checked on their own in parallel (rayon), one
//! at a time per thread; each leaves only a [`DocSummary`]. The optional [`Cache`]
//! supplies summaries of unchanged documents. The cross-document stage then runs on
//! the summaries, and the report reads again the texts of the documents that
//! findings point into. The result is the same report, byte for byte, as
//! [`Checker::check`] on the same files read into a [`Corpus`](crate::Corpus).

use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::{Checker, DocSummary, Finding, input_finding};
use crate::cache::Cache;
use crate::corpus::{InputProblem, Sources};
use crate::report::Report;

/// Counts of a streaming run, for `--verbose`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RunStats {
    /// Documents found.
    pub documents: usize,
    /// Documents read and extracted in this run.
    pub extracted: usize,
    /// Documents whose results came from the cache.
    pub from_cache: usize,
}

impl Checker<'_> {
    /// Checks the documents of `sources`, reading each once; `progress` is called
    /// after each document (from any thread).
    pub fn check_sources(
        &self,
        sources: &Sources,
        cache: Option<&Cache>,
        progress: &(dyn Fn() + Sync),
    ) -> (Report, RunStats) {
        let extracted = AtomicUsize::new(0);
        let cached = AtomicUsize::new(0);
        let results: Vec<Result<DocSummary, InputProblem>> = (0..sources.len())
            .into_par_iter()
            .map(|index| {
                let result = self.summarize_source(sources, index, cache, &extracted, &cached);
                progress();
                result
            })
            .collect();
        let mut findings: Vec<Finding> =
            sources.walk_problems().iter().map(input_finding).collect();
        let mut summaries = Vec::with_capacity(results.len());
        for result in results {
            match result {
                Ok(summary) => summaries.push(summary),
                Err(problem) => findings.push(input_finding(&problem)),
            }
        }
        let mentions = self.finish(&summaries, &mut findings);
        let documents = summaries.len();
        drop(summaries);
        let report = Report::with_texts(findings, documents, mentions, |name| {
            sources.read_text(name)
        });
        let stats = RunStats {
            documents: sources.len(),
            extracted: extracted.into_inner(),
            from_cache: cached.into_inner(),
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
    ) -> Result<DocSummary, InputProblem> {
        let bytes = sources.read_bytes(index)?;
        let key = cache.map(|c| {
            c.key(
                sources.name(index),
                &sources.metadata_fingerprint(index),
                &bytes,
            )
        });
        if let (Some(cache), Some(key)) = (cache, key)
            && let Some(summary) = cache.get(sources.name(index), key)
        {
            cached.fetch_add(1, Ordering::Relaxed);
            return Ok(summary);
        }
        let (doc, problems) = sources.load_from(index, &bytes)?;
        drop(bytes);
        let summary = self.summarize(&doc, &problems);
        extracted.fetch_add(1, Ordering::Relaxed);
        if let (Some(cache), Some(key)) = (cache, key) {
            cache.put(key, &summary);
        }
        Ok(summary)
    }
}
