//! The texts of the documents a report points into, held within a memory budget.
//!
//! A report needs the text of every document a finding points into (line and
//! column, excerpts, the HTML page). On a large corpus those can be most of it: an
//! undated corpus gets a note on nearly every anniversary. So only the first
//! [`MEMORY_BUDGET`] bytes of text stay in memory; the rest go, as they come, to an
//! anonymous temporary file (deleted by the system when the run ends) and are read
//! back when a renderer asks for them. Renderers go through the findings in file
//! order, so a small cache of the texts read back last serves nearly every request.
//!
//! When the temporary file cannot be made or written, texts stay in memory: the
//! report costs more memory but loses nothing.

use std::collections::{BTreeMap, VecDeque};
use std::fmt;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::sync::{Arc, Mutex, PoisonError};

/// Bytes of document text a report holds in memory before it writes texts to disk.
pub(crate) const MEMORY_BUDGET: usize = 16 << 20;

/// How many texts read back from disk stay at hand.
const RECENT: usize = 8;

/// Document texts by document name.
#[derive(Clone)]
pub(crate) struct Texts {
    entries: BTreeMap<String, Entry>,
    /// Bytes of the texts held in memory.
    held: usize,
    budget: usize,
    spill: Option<Arc<Spill>>,
    /// Set once writing to disk failed: later texts stay in memory without trying.
    spill_failed: bool,
}

#[derive(Clone)]
enum Entry {
    Held(Arc<str>),
    /// In the temporary file: `len` bytes at `offset`.
    Spilled {
        offset: u64,
        len: usize,
    },
}

/// The temporary file and the texts last read back from it.
struct Spill {
    file: Mutex<File>,
    recent: Mutex<VecDeque<(u64, Arc<str>)>>,
}

impl Texts {
    /// An empty store that keeps up to `budget` bytes of text in memory.
    pub(crate) fn with_budget(budget: usize) -> Self {
        Texts {
            entries: BTreeMap::new(),
            held: 0,
            budget,
            spill: None,
            spill_failed: false,
        }
    }

    /// Whether the text of `name` is stored.
    pub(crate) fn contains(&self, name: &str) -> bool {
        self.entries.contains_key(name)
    }

    /// The names of the stored texts, sorted.
    pub(crate) fn names(&self) -> impl Iterator<Item = &String> {
        self.entries.keys()
    }

    /// Stores the text of `name`: in memory while the budget lasts, then on disk.
    pub(crate) fn insert(&mut self, name: String, text: Arc<str>) {
        let entry = if self.held + text.len() <= self.budget || self.spill_failed {
            None
        } else {
            let spilled = self.spill_text(&text);
            self.spill_failed = spilled.is_none();
            spilled
        };
        let entry = entry.unwrap_or_else(|| {
            self.held += text.len();
            Entry::Held(text)
        });
        self.entries.insert(name, entry);
    }

    /// Writes `text` at the end of the temporary file (made on first use); `None`
    /// when that fails.
    fn spill_text(&mut self, text: &str) -> Option<Entry> {
        if self.spill.is_none() {
            let file = tempfile::tempfile().ok()?;
            self.spill = Some(Arc::new(Spill {
                file: Mutex::new(file),
                recent: Mutex::new(VecDeque::with_capacity(RECENT)),
            }));
        }
        let spill = self.spill.as_ref()?;
        let mut file = spill.file.lock().unwrap_or_else(PoisonError::into_inner);
        // Each text goes at the file's real end, so a failed write that left part of
        // a text behind never lets the next one overlap it.
        let offset = file.seek(SeekFrom::End(0)).ok()?;
        file.write_all(text.as_bytes()).ok()?;
        Some(Entry::Spilled {
            offset,
            len: text.len(),
        })
    }

    /// The text of `name`, read back from disk when it was spilled; `None` when it is
    /// not stored (or, after the disk failed under the run, cannot be read back).
    pub(crate) fn get(&self, name: &str) -> Option<Arc<str>> {
        match self.entries.get(name)? {
            Entry::Held(text) => Some(text.clone()),
            Entry::Spilled { offset, len } => self.spill.as_ref()?.read(*offset, *len),
        }
    }

    /// Keeps only the texts of the names `keep` accepts.
    pub(crate) fn retain(&mut self, mut keep: impl FnMut(&str) -> bool) {
        self.entries.retain(|name, _| keep(name));
        self.held = self
            .entries
            .values()
            .map(|entry| match entry {
                Entry::Held(text) => text.len(),
                Entry::Spilled { .. } => 0,
            })
            .sum();
    }

    /// How many texts are held in memory and how many were written to disk.
    #[cfg(test)]
    fn counts(&self) -> (usize, usize) {
        let held = self
            .entries
            .values()
            .filter(|e| matches!(e, Entry::Held(_)))
            .count();
        (held, self.entries.len() - held)
    }
}

impl Spill {
    fn read(&self, offset: u64, len: usize) -> Option<Arc<str>> {
        let mut recent = self.recent.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(at) = recent.iter().position(|(o, _)| *o == offset) {
            let hit = recent.remove(at)?;
            recent.push_front(hit.clone());
            return Some(hit.1);
        }
        let mut bytes = vec![0; len];
        {
            let mut file = self.file.lock().unwrap_or_else(PoisonError::into_inner);
            file.seek(SeekFrom::Start(offset)).ok()?;
            file.read_exact(&mut bytes).ok()?;
        }
        let text: Arc<str> = Arc::from(String::from_utf8(bytes).ok()?);
        if recent.len() == RECENT {
            recent.pop_back();
        }
        recent.push_front((offset, text.clone()));
        Some(text)
    }
}

impl fmt::Debug for Texts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Texts")
            .field("documents", &self.entries.len())
            .field("held_bytes", &self.held)
            .field("budget", &self.budget)
            .field("spilled", &self.spill.is_some())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store(budget: usize, texts: &[(&str, &str)]) -> Texts {
        let mut store = Texts::with_budget(budget);
        for (name, text) in texts {
            store.insert(name.to_string(), Arc::from(*text));
        }
        store
    }

    #[test]
    fn texts_over_the_budget_go_to_disk_and_come_back_whole() {
        let texts = [
            ("a.md", "Trade reached $1.5 billion."),
            ("b.md", "Kim ngạch đạt 1,5 tỷ USD."),
            ("c.md", ""),
            ("d.md", "Der Handel erreichte 1,5 Mrd. USD."),
        ];
        let store = store(texts[0].1.len(), &texts);
        // The first fills the budget; of the rest only the empty text fits.
        assert_eq!(store.counts(), (2, 2));
        for _ in 0..2 {
            for (name, text) in texts {
                assert_eq!(store.get(name).as_deref(), Some(text), "{name}");
            }
        }
        assert_eq!(store.get("e.md"), None);
    }

    #[test]
    fn more_texts_than_the_recent_cache_holds_are_all_read_back() {
        let texts: Vec<(String, String)> = (0..3 * RECENT)
            .map(|i| (format!("{i:02}.txt"), format!("text {i} ").repeat(i + 1)))
            .collect();
        let pairs: Vec<(&str, &str)> = texts
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        let store = store(0, &pairs);
        assert_eq!(store.counts(), (0, 3 * RECENT));
        for (name, text) in pairs.iter().rev().chain(&pairs) {
            assert_eq!(store.get(name).as_deref(), Some(*text), "{name}");
        }
    }

    #[test]
    fn retain_forgets_names_and_frees_the_budget() {
        let mut store = store(100, &[("a", "0123456789"), ("b", "abc")]);
        store.retain(|name| name == "b");
        assert!(!store.contains("a"));
        assert_eq!(store.names().collect::<Vec<_>>(), ["b"]);
        assert_eq!(store.held, 3);
    }
}
