//! The incremental cache `.factlint-cache/` (issue 7): per-document extraction results
//! keyed by content, rules and build, so a re-run re-extracts only changed documents.
//!
//! Sits between corpus and check in a streaming run: before a source (a file) is
//! read into documents, its summary (problems, and each document's mentions and
//! findings) is looked up under a key made of the source's name, bytes, format,
//! manifest entry and load options, the text of the rule files and language packs,
//! the factlint version and the running executable (so a rebuilt binary never trusts
//! results of another build).
//!
//! One file per source name, `v1/<xx>/<hash of name>.rec`: a header line
//! `factlint-cache 1 <key> <checksum> <length>` then the JSON summary. A record is
//! used only when the magic, key, length and checksum all match and the JSON parses;
//! anything else (corrupt, partial, stale, from another version) is a miss and is
//! rewritten. Writes go to a unique temporary file renamed over the record, so
//! concurrent runs never leave a torn record: readers see the old or the new one.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use xxhash_rust::xxh3::{Xxh3, xxh3_64, xxh3_128};

use crate::check::SourceSummary;
use crate::rules::Rules;

/// Default cache directory, relative to the working directory.
pub const DEFAULT_DIR: &str = ".factlint-cache";
const MAGIC: &str = "factlint-cache 1";

/// An open cache directory for one rule base and one build.
pub struct Cache {
    dir: PathBuf,
    /// Hash of everything the key shares across documents (rules, version, build).
    run_key: u128,
}

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

impl Cache {
    /// Opens (lazily creates) the cache in `dir` for `rules`.
    pub fn new(dir: impl Into<PathBuf>, rules: &Rules) -> Self {
        let mut h = Xxh3::new();
        h.update(env!("CARGO_PKG_VERSION").as_bytes());
        h.update(&[0]);
        h.update(build_id().as_bytes());
        h.update(&[0]);
        // The rule files and user language packs determine the rules (the built-in
        // packs are in the build).
        for file in rules.files.iter().chain(&rules.lang_files) {
            for part in [file.name.as_bytes(), file.text.as_bytes()] {
                h.update(&(part.len() as u64).to_le_bytes());
                h.update(part);
            }
        }
        Cache {
            dir: dir.into().join("v1"),
            run_key: h.digest128(),
        }
    }

    /// The key of one source under this run: its name, its fingerprint (format,
    /// manifest entry, load options) and its bytes.
    pub(crate) fn key(&self, name: &str, fingerprint: &str, bytes: &[u8]) -> u128 {
        let mut h = Xxh3::new();
        h.update(&self.run_key.to_le_bytes());
        for part in [name.as_bytes(), fingerprint.as_bytes()] {
            h.update(&(part.len() as u64).to_le_bytes());
            h.update(part);
        }
        h.update(&xxh3_128(bytes).to_le_bytes());
        h.digest128()
    }

    fn path(&self, name: &str) -> PathBuf {
        let h = xxh3_64(name.as_bytes());
        self.dir
            .join(format!("{:02x}", h >> 56))
            .join(format!("{h:016x}.rec"))
    }

    /// The stored summary for `name` under `key`, if a valid record exists.
    pub(crate) fn get(&self, name: &str, key: u128) -> Option<SourceSummary> {
        let data = std::fs::read(self.path(name)).ok()?;
        let newline = data.iter().position(|&b| b == b'\n')?;
        let header = std::str::from_utf8(&data[..newline]).ok()?;
        let payload = &data[newline + 1..];
        let rest = header.strip_prefix(MAGIC)?;
        let mut fields = rest.split_ascii_whitespace();
        let stored_key = u128::from_str_radix(fields.next()?, 16).ok()?;
        let checksum = u64::from_str_radix(fields.next()?, 16).ok()?;
        let length: usize = fields.next()?.parse().ok()?;
        if stored_key != key || length != payload.len() || checksum != xxh3_64(payload) {
            return None;
        }
        let summary: SourceSummary = serde_json::from_slice(payload).ok()?;
        (summary.name == name).then_some(summary)
    }

    /// Stores `summary` under `key`. Failures are ignored: the cache only speeds
    /// runs up, it is never needed for a correct one.
    pub(crate) fn put(&self, key: u128, summary: &SourceSummary) {
        let _ = self.try_put(key, summary);
    }

    fn try_put(&self, key: u128, summary: &SourceSummary) -> std::io::Result<()> {
        let payload = serde_json::to_vec(summary).map_err(std::io::Error::other)?;
        let path = self.path(&summary.name);
        let dir = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let temp = dir.join(format!(
            ".{}.{}.{}.tmp",
            path.file_name().and_then(|n| n.to_str()).unwrap_or("rec"),
            std::process::id(),
            TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let result = (|| {
            let mut file = std::fs::File::create(&temp)?;
            writeln!(
                file,
                "{MAGIC} {key:032x} {:016x} {}",
                xxh3_64(&payload),
                payload.len()
            )?;
            file.write_all(&payload)?;
            drop(file);
            std::fs::rename(&temp, &path)
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
        result
    }
}

/// Identifies the running build: the executable's size and modification time, so
/// results of a rebuilt factlint with the same version number are not reused.
fn build_id() -> String {
    std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|m| {
            let modified = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            format!("{}:{modified}", m.len())
        })
        .unwrap_or_default()
}
