//! The incremental cache `.factlint-cache/` (issue 7): per-file extraction results
//! keyed by content, rules and build, so a re-run reads and extracts only changed files.
//!
//! Sits between corpus and check in a streaming run. Before a source (a file) is read
//! into documents, its summary (problems, and each document's mentions and findings)
//! is looked up. A record applies when its *meta key* matches — a hash of the source's
//! name, format, manifest entry and load options, the text of the rule files and
//! language packs, the factlint version and the running executable (so a rebuilt
//! binary never trusts results of another build) — and either the file's stamp (size,
//! modification time, inode) is the recorded one, which spares reading the file, or
//! the xxh3-128 hash of its bytes is. Stamps are recorded only for files last modified
//! well before the run started, so an edit made in the same clock tick as a run is
//! never hidden behind an equal stamp (git's "racily clean" rule).
//!
//! All records live in one pack file, `v2/pack`, read once at the start of a run: a
//! header line `factlint-cache 4 <run key>`, then per source a line
//! `<checksum> <meta> <content> <stamp|-> <name length> <payload length>` followed by
//! the name, the summary (postcard: compact binary serde, several times faster to
//! read than JSON) and a newline. A record is used only when its checksum
//! (xxh3-64 of the line's fields, name and payload) matches and the summary decodes; a
//! broken record ends the reading of the pack, so what follows a torn or corrupt
//! record is never trusted. A later record of a name replaces an earlier one. At the
//! end of a run that changed anything, the changed records are appended to the pack
//! in one write when that is all that changed; otherwise (files gone, a broken pack,
//! or more than a third of the pack replaced records) the pack is rewritten with
//! this run's sources, to a unique temporary file renamed over it, so concurrent runs
//! never leave a torn pack. Nothing is synced to disk: a pack torn by a crash is cut
//! at its first broken record, like any corrupt one.
//!
//! Beside it, `v2/keys` holds the key snapshot of the last run that read every
//! source (see `check::snapshot`): header `factlint-keys 1 <run key>`, a line with
//! the xxh3-64 of the rest, then the encoding. A snapshot whose checksum fails is
//! not read.

use std::collections::HashMap;
use std::io::Write;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use xxhash_rust::xxh3::{Xxh3, Xxh3DefaultBuilder, xxh3_64, xxh3_128};

use crate::check::SourceSummary;
use crate::rules::Rules;

/// Default cache directory, relative to the directory of `factlint.toml`.
pub const DEFAULT_DIR: &str = ".factlint-cache";
const MAGIC: &str = "factlint-cache 4";
/// The key snapshot's file (in `v2/`) and the first word of its header.
const SNAPSHOT: &str = "keys";
const SNAPSHOT_MAGIC: &str = "factlint-keys 1";
/// Files modified less than this before a run get no stamp (see the module docs).
const RACY: Duration = Duration::from_secs(2);

/// What identifies a file's content without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stamp {
    size: u64,
    modified_ns: u128,
    inode: u64,
}

impl Stamp {
    /// The stamp of a file's metadata, when it can be trusted at `now`.
    pub(crate) fn of(meta: &std::fs::Metadata, now: SystemTime) -> Option<Stamp> {
        Stamp::read(meta)?.trusted(now)
    }

    /// The stamp a file's metadata gives, trusted or not (see [`Stamp::trusted`]).
    pub(crate) fn read(meta: &std::fs::Metadata) -> Option<Stamp> {
        let modified = meta.modified().ok()?;
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(meta);
        #[cfg(not(unix))]
        let inode = 0;
        Some(Stamp {
            size: meta.len(),
            modified_ns: modified
                .duration_since(SystemTime::UNIX_EPOCH)
                .ok()?
                .as_nanos(),
            inode,
        })
    }

    /// The stamp, unless the file was modified too shortly before `now` for it to
    /// be trusted (see the module docs).
    pub(crate) fn trusted(self, now: SystemTime) -> Option<Stamp> {
        let since_epoch = now.duration_since(SystemTime::UNIX_EPOCH).ok()?.as_nanos();
        let age = since_epoch.checked_sub(self.modified_ns)?;
        (age >= RACY.as_nanos()).then_some(self)
    }

    fn encode(stamp: Option<Stamp>) -> String {
        match stamp {
            Some(s) => format!("{:x}.{:x}.{:x}", s.size, s.modified_ns, s.inode),
            None => "-".to_string(),
        }
    }

    fn decode(text: &str) -> Option<Option<Stamp>> {
        if text == "-" {
            return Some(None);
        }
        let mut parts = text.split('.');
        let stamp = Stamp {
            size: u64::from_str_radix(parts.next()?, 16).ok()?,
            modified_ns: u128::from_str_radix(parts.next()?, 16).ok()?,
            inode: u64::from_str_radix(parts.next()?, 16).ok()?,
        };
        parts.next().is_none().then_some(Some(stamp))
    }
}

/// A record of the pack as read at the start of a run.
struct Stored {
    meta: u128,
    content: u128,
    stamp: Option<Stamp>,
    payload: Range<usize>,
    /// Whether this run keeps the record as it is (set without a lock, since most
    /// records of a re-run are kept unchanged).
    kept: AtomicBool,
    /// Whether this run recorded a differing record of the name instead.
    replaced: AtomicBool,
}

/// Name → stored record; names are hashed with xxh3 (they come from the corpus
/// and the pack, and SipHash's resistance to chosen keys buys nothing here).
type StoredRecords = HashMap<String, Stored, Xxh3DefaultBuilder>;

/// One source's record that differs from the stored one.
struct Record {
    meta: u128,
    content: u128,
    stamp: Option<Stamp>,
    payload: Payload,
}

/// A record's encoded summary: still in the pack read at the start, or new.
enum Payload {
    Stored(Range<usize>),
    New(Vec<u8>),
}

/// The cache of one run: the records read from the pack when it is opened, and this
/// run's records, written by [`Cache::save`] at the end of the run. Open one per run.
pub struct Cache {
    dir: PathBuf,
    /// Hash of everything the keys share across sources (rules, version, build).
    run_key: u128,
    /// When the run started (for racy stamps).
    started: SystemTime,
    /// Records of the pack as read at the start.
    stored: StoredRecords,
    pack: Vec<u8>,
    /// Records in the pack file, counting those a later record of the same name
    /// replaced, and whether it was read to its end without a broken record.
    pack_records: usize,
    pack_whole: bool,
    /// The key snapshot's encoding, when it was written under this run key and its
    /// checksum holds.
    snapshot: Option<Encoded>,
    /// This run's records that differ from the stored ones (new, or other keys or
    /// stamp); the stored records it keeps as they are are marked `kept`.
    differing: Mutex<HashMap<String, Record>>,
}

/// The files of a cache directory, read and parsed before the rules are known (see
/// [`Cache::open`]).
pub struct CacheFiles {
    dir: PathBuf,
    started: SystemTime,
    pack: Vec<u8>,
    read: Option<ReadPack>,
    /// The run key and encoding of the key snapshot.
    snapshot: Option<(u128, Encoded)>,
}

impl CacheFiles {
    /// Reads the pack and the key snapshot of the cache in `dir` (missing or broken
    /// files read as none).
    pub fn read(dir: impl Into<PathBuf>) -> Self {
        let started = SystemTime::now();
        let dir = dir.into().join("v2");
        let pack = std::fs::read(dir.join("pack")).unwrap_or_default();
        let read = read_pack(&pack);
        let snapshot = std::fs::read(dir.join(SNAPSHOT))
            .ok()
            .and_then(read_snapshot);
        CacheFiles {
            dir,
            started,
            pack,
            read,
            snapshot,
        }
    }
}

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

impl Cache {
    /// Opens the cache in `dir` for `rules`, reading its pack (a missing or broken
    /// pack is an empty cache).
    pub fn new(dir: impl Into<PathBuf>, rules: &Rules) -> Self {
        Cache::open(CacheFiles::read(dir), rules)
    }

    /// The cache of `files` (read while the rules were loading) for `rules`: what
    /// was written under other rules or another build is left unread.
    pub fn open(files: CacheFiles, rules: &Rules) -> Self {
        let mut h = Xxh3::new();
        for part in [env!("CARGO_PKG_VERSION"), &build_id()] {
            h.update(part.as_bytes());
            h.update(&[0]);
        }
        // The rule files and user language packs determine the rules (the built-in
        // packs are in the build).
        for file in rules.files.iter().chain(&rules.lang_files) {
            for part in [file.name.as_bytes(), file.text.as_bytes()] {
                h.update(&(part.len() as u64).to_le_bytes());
                h.update(part);
            }
        }
        let run_key = h.digest128();
        let read = match files.read {
            Some(read) if read.run_key == run_key => read,
            _ => ReadPack::default(),
        };
        let snapshot = match files.snapshot {
            Some((key, encoded)) if key == run_key => Some(encoded),
            _ => None,
        };
        Cache {
            dir: files.dir,
            run_key,
            started: files.started,
            stored: read.records,
            pack_records: read.count,
            pack_whole: read.whole,
            snapshot,
            pack: files.pack,
            differing: Mutex::new(HashMap::new()),
        }
    }

    /// When the run started: stamps of files modified shortly before are not kept.
    pub(crate) fn started(&self) -> SystemTime {
        self.started
    }

    /// The meta key of a source: its name and fingerprint under this run.
    pub(crate) fn meta_key(&self, name: &str, fingerprint: &[u8]) -> u128 {
        let mut h = Xxh3::new();
        h.update(&self.run_key.to_le_bytes());
        for part in [name.as_bytes(), fingerprint] {
            h.update(&(part.len() as u64).to_le_bytes());
            h.update(part);
        }
        h.digest128()
    }

    /// The content key of a source's bytes.
    pub(crate) fn content_key(bytes: &[u8]) -> u128 {
        xxh3_128(bytes)
    }

    /// The content key of the stored record of `name` when its meta key and stamp
    /// match, without decoding the summary; the record is kept for this run.
    pub(crate) fn validate(&self, name: &str, meta: u128, stamp: Stamp) -> Option<u128> {
        let stored = self.stored.get(name)?;
        if stored.meta != meta || stored.stamp != Some(stamp) {
            return None;
        }
        self.keep_stored(name, stored);
        Some(stored.content)
    }

    /// The meta and content keys this run recorded for `name`.
    pub(crate) fn keys_of(&self, name: &str) -> Option<(u128, u128)> {
        let differing = self.differing.lock().ok()?;
        match (differing.get(name), self.stored.get(name)) {
            (Some(record), _) => Some((record.meta, record.content)),
            (None, Some(stored)) if stored.kept.load(Ordering::Relaxed) => {
                Some((stored.meta, stored.content))
            }
            _ => None,
        }
    }

    /// The encoded key snapshot found when the cache was opened.
    pub(crate) fn snapshot(&self) -> Option<&[u8]> {
        self.snapshot.as_ref().map(|e| &e.bytes[e.start..])
    }

    /// Replaces the key snapshot with `encoded` (failures are ignored, as in
    /// [`Cache::save`]).
    pub(crate) fn save_snapshot(&self, encoded: &[u8]) {
        let mut out = format!("{SNAPSHOT_MAGIC} {:032x}\n", self.run_key).into_bytes();
        out.extend(format!("{:016x}\n", xxh3_64(encoded)).as_bytes());
        out.extend(encoded);
        let _ = self.replace(SNAPSHOT, |file| file.write_all(&out));
    }

    /// The stored summary of `name` when its meta key and stamp match (the file
    /// need not be read).
    pub(crate) fn by_stamp(&self, name: &str, meta: u128, stamp: Stamp) -> Option<SourceSummary> {
        let stored = self.stored.get(name)?;
        if stored.meta != meta || stored.stamp != Some(stamp) {
            return None;
        }
        self.reuse(name, stored, Some(stamp))
    }

    /// The stored summary of `name` when its meta key and content key match; the
    /// record then takes the new `stamp`.
    pub(crate) fn by_content(
        &self,
        name: &str,
        meta: u128,
        content: u128,
        stamp: Option<Stamp>,
    ) -> Option<SourceSummary> {
        let stored = self.stored.get(name)?;
        if stored.meta != meta || stored.content != content {
            return None;
        }
        self.reuse(name, stored, stamp)
    }

    /// The summary of `stored` (the record of `name`), kept for this run with `stamp`.
    fn reuse(&self, name: &str, stored: &Stored, stamp: Option<Stamp>) -> Option<SourceSummary> {
        let summary: SourceSummary =
            postcard::from_bytes(&self.pack[stored.payload.clone()]).ok()?;
        if summary.name != name {
            return None;
        }
        if stamp == stored.stamp {
            self.keep_stored(name, stored);
        } else {
            self.keep(
                name,
                Record {
                    meta: stored.meta,
                    content: stored.content,
                    stamp,
                    payload: Payload::Stored(stored.payload.clone()),
                },
            );
        }
        Some(summary)
    }

    /// Records `summary` for `name` (written by [`Cache::save`]).
    pub(crate) fn put(
        &self,
        name: &str,
        meta: u128,
        content: u128,
        stamp: Option<Stamp>,
        summary: &SourceSummary,
    ) {
        let Ok(payload) = postcard::to_stdvec(summary) else {
            return;
        };
        self.keep(
            name,
            Record {
                meta,
                content,
                stamp,
                payload: Payload::New(payload),
            },
        );
    }

    /// Keeps `record` for `name`: as a differing record, or as the stored one when
    /// it is that.
    fn keep(&self, name: &str, record: Record) {
        match self.stored.get(name) {
            Some(stored) if !differs(stored, &record) => self.keep_stored(name, stored),
            stored => {
                if let Ok(mut differing) = self.differing.lock() {
                    if let Some(stored) = stored {
                        stored.kept.store(false, Ordering::Relaxed);
                        stored.replaced.store(true, Ordering::Relaxed);
                    }
                    differing.insert(name.to_string(), record);
                }
            }
        }
    }

    /// Keeps the stored record of `name` as it is (no lock unless an earlier call
    /// of this run recorded a differing one).
    fn keep_stored(&self, name: &str, stored: &Stored) {
        if stored.replaced.load(Ordering::Relaxed)
            && let Ok(mut differing) = self.differing.lock()
        {
            stored.replaced.store(false, Ordering::Relaxed);
            differing.remove(name);
        }
        stored.kept.store(true, Ordering::Relaxed);
    }

    /// Writes this run's records when they differ from the stored ones. Failures are
    /// ignored: the cache only speeds runs up, it is never needed for a correct one.
    ///
    /// When this run kept every stored record, changed records are appended to the
    /// pack (a later record of a name replaces an earlier one), so re-checking one
    /// edited file of a large corpus writes one record, not the whole pack. The pack
    /// is rewritten instead when it was missing or broken, when records were
    /// dropped (files gone), or when replaced records would make up more than a
    /// third of it.
    pub fn save(&self) {
        let Ok(differing) = self.differing.lock() else {
            return;
        };
        let kept = self
            .stored
            .values()
            .filter(|stored| stored.kept.load(Ordering::Relaxed))
            .count();
        if differing.is_empty() && kept == self.stored.len() {
            return;
        }
        let replaced = differing
            .keys()
            .filter(|name| self.stored.contains_key(*name))
            .count();
        let keeps_all = kept + replaced == self.stored.len();
        let live = kept + differing.len();
        let total = self.pack_records + differing.len();
        if self.pack_whole && keeps_all && total * 2 <= live * 3 + 64 {
            let _ = self.append(&differing);
        } else {
            let kept_names = self
                .stored
                .iter()
                .filter(|(_, stored)| stored.kept.load(Ordering::Relaxed))
                .map(|(name, _)| name);
            let mut names: Vec<&String> = kept_names.chain(differing.keys()).collect();
            names.sort();
            let _ = self.replace("pack", |out| {
                writeln!(out, "{MAGIC} {:032x}", self.run_key)?;
                for name in names {
                    match differing.get(name) {
                        Some(record) => self.write_record(out, name, record)?,
                        None => self.write_stored(out, name, &self.stored[name])?,
                    }
                }
                Ok(())
            });
        }
    }

    /// Appends the `differing` records to the pack in one write.
    fn append(&self, differing: &HashMap<String, Record>) -> std::io::Result<()> {
        let mut names: Vec<&String> = differing.keys().collect();
        names.sort();
        let mut out = Vec::new();
        for name in names {
            self.write_record(&mut out, name, &differing[name])?;
        }
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .open(self.dir.join("pack"))?;
        file.write_all(&out)
    }

    fn write_stored(&self, out: &mut impl Write, name: &str, s: &Stored) -> std::io::Result<()> {
        let payload = &self.pack[s.payload.clone()];
        write_record(out, name, (s.meta, s.content, s.stamp), payload)
    }

    fn write_record(&self, out: &mut impl Write, name: &str, r: &Record) -> std::io::Result<()> {
        let payload = match &r.payload {
            Payload::Stored(range) => &self.pack[range.clone()],
            Payload::New(bytes) => bytes.as_slice(),
        };
        write_record(out, name, (r.meta, r.content, r.stamp), payload)
    }

    /// Writes the file `name` of the cache through `write`, to a unique temporary
    /// file renamed over it, so concurrent runs never leave a torn file.
    fn replace(
        &self,
        name: &str,
        write: impl FnOnce(&mut std::io::BufWriter<std::fs::File>) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let temp = self.dir.join(format!(
            ".{name}.{}.{}.tmp",
            std::process::id(),
            TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let result = (|| {
            let mut out = std::io::BufWriter::new(std::fs::File::create(&temp)?);
            write(&mut out)?;
            out.flush()?;
            std::fs::rename(&temp, self.dir.join(name))
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
        result
    }
}

/// Whether `record` must be written instead of `stored`: its keys or stamp
/// changed, or its summary is new.
fn differs(stored: &Stored, record: &Record) -> bool {
    match record.payload {
        Payload::Stored(_) => {
            (stored.meta, stored.content, stored.stamp)
                != (record.meta, record.content, record.stamp)
        }
        Payload::New(_) => true,
    }
}

/// Writes one record: its line of fields, name, payload and a newline.
fn write_record(
    out: &mut impl Write,
    name: &str,
    (meta, content, stamp): (u128, u128, Option<Stamp>),
    payload: &[u8],
) -> std::io::Result<()> {
    let fields = format!(
        "{meta:032x} {content:032x} {} {} {}",
        Stamp::encode(stamp),
        name.len(),
        payload.len()
    );
    let checksum = checksum(&fields, name.as_bytes(), payload);
    writeln!(out, "{checksum:016x} {fields}")?;
    out.write_all(name.as_bytes())?;
    out.write_all(payload)?;
    out.write_all(b"\n")
}

fn checksum(fields: &str, name: &[u8], payload: &[u8]) -> u64 {
    let mut h = Xxh3::new();
    h.update(fields.as_bytes());
    h.update(name);
    h.update(payload);
    h.digest()
}

/// What [`read_pack`] read.
#[derive(Default)]
struct ReadPack {
    /// The run key of the pack's header.
    run_key: u128,
    /// The records by name; a later record of a name replaces an earlier one.
    records: StoredRecords,
    /// Records read, counting replaced ones.
    count: usize,
    /// Whether the pack was read to its end (no broken record).
    whole: bool,
}

/// The run key of a `MAGIC <run key>` header line at the start of `bytes`, and
/// the bytes after it.
fn header<'a>(bytes: &'a [u8], magic: &str) -> Option<(u128, &'a [u8])> {
    let rest = bytes.strip_prefix(magic.as_bytes())?.strip_prefix(b" ")?;
    let (key, rest) = rest.split_at_checked(32)?;
    let key = u128::from_str_radix(std::str::from_utf8(key).ok()?, 16).ok()?;
    Some((key, rest.strip_prefix(b"\n")?))
}

/// The records of a pack, up to the first broken one; `None` without a header.
fn read_pack(pack: &[u8]) -> Option<ReadPack> {
    let (run_key, mut rest) = header(pack, MAGIC)?;
    let mut read = ReadPack {
        run_key,
        ..ReadPack::default()
    };
    let mut offset = pack.len() - rest.len();
    // Collected first, so the table is allocated once at its size.
    let mut records = Vec::new();
    while !rest.is_empty() {
        let Some((name, record, used)) = read_record(rest, offset) else {
            break;
        };
        records.push((name, record));
        rest = &rest[used..];
        offset += used;
    }
    read.whole = rest.is_empty();
    read.count = records.len();
    read.records.reserve(records.len());
    read.records.extend(records);
    Some(read)
}

/// The run key and encoding of a key snapshot file, when its checksum holds.
fn read_snapshot(bytes: Vec<u8>) -> Option<(u128, Encoded)> {
    let (run_key, rest) = header(&bytes, SNAPSHOT_MAGIC)?;
    let (line, encoded) = rest.split_at_checked(17)?;
    let sum = std::str::from_utf8(line.strip_suffix(b"\n")?).ok()?;
    if u64::from_str_radix(sum, 16).ok()? != xxh3_64(encoded) {
        return None;
    }
    let start = bytes.len() - encoded.len();
    Some((run_key, Encoded { bytes, start }))
}

/// The encoding of a key snapshot: the bytes of its file from `start` (kept whole,
/// so the tens of megabytes are not moved to drop the header).
struct Encoded {
    bytes: Vec<u8>,
    start: usize,
}

/// One record at the start of `data` (which starts at `offset` in the pack): its
/// name, keys, stamp and payload range, and the bytes it takes.
fn read_record(data: &[u8], offset: usize) -> Option<(String, Stored, usize)> {
    let newline = data.iter().position(|&b| b == b'\n')?;
    let line = std::str::from_utf8(&data[..newline]).ok()?;
    let (checksum_hex, fields) = line.split_once(' ')?;
    let mut parts = fields.split(' ');
    let meta = u128::from_str_radix(parts.next()?, 16).ok()?;
    let content = u128::from_str_radix(parts.next()?, 16).ok()?;
    let stamp = Stamp::decode(parts.next()?)?;
    let name_len: usize = parts.next()?.parse().ok()?;
    let payload_len: usize = parts.next()?.parse().ok()?;
    let name_start = newline + 1;
    let payload_start = name_start.checked_add(name_len)?;
    let end = payload_start.checked_add(payload_len)?;
    if data.get(end) != Some(&b'\n') {
        return None;
    }
    let name = &data[name_start..payload_start];
    let payload = &data[payload_start..end];
    if u64::from_str_radix(checksum_hex, 16).ok()? != checksum(fields, name, payload) {
        return None;
    }
    let name = std::str::from_utf8(name).ok()?.to_string();
    let stored = Stored {
        meta,
        content,
        stamp,
        payload: offset + payload_start..offset + end,
        kept: AtomicBool::new(false),
        replaced: AtomicBool::new(false),
    };
    Some((name, stored, end + 1))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(name: &str) -> SourceSummary {
        SourceSummary {
            name: name.to_string(),
            problems: Vec::new(),
            documents: Vec::new(),
        }
    }

    fn rules() -> Rules {
        Rules::from_toml("r.toml", "").expect("empty rules")
    }

    #[test]
    fn records_survive_a_save_and_broken_ones_end_the_pack() {
        let dir = tempfile::tempdir().expect("temp dir");
        let cache = Cache::new(dir.path(), &rules());
        for (i, name) in ["a.txt", "b\nweird.txt", "c.txt"].iter().enumerate() {
            cache.put(name, 1, i as u128, None, &summary(name));
        }
        cache.save();
        let cache = Cache::new(dir.path(), &rules());
        assert_eq!(cache.stored.len(), 3);
        assert!(cache.by_content("b\nweird.txt", 1, 1, None).is_some());
        assert!(cache.by_content("a.txt", 1, 9, None).is_none(), "content");
        assert!(cache.by_content("a.txt", 2, 0, None).is_none(), "meta");

        // Flip one payload byte of the second record: it and what follows are dropped.
        let path = dir.path().join("v2/pack");
        let mut bytes = std::fs::read(&path).expect("pack");
        let at = bytes
            .windows(9)
            .rposition(|w| w == b"weird.txt")
            .expect("second record");
        bytes[at + 9] ^= 1;
        std::fs::write(&path, &bytes).expect("write");
        let cache = Cache::new(dir.path(), &rules());
        assert_eq!(cache.stored.keys().collect::<Vec<_>>(), ["a.txt"]);

        // A truncated pack keeps its whole records; junk is an empty cache.
        std::fs::write(&path, &bytes[..bytes.len() - 3]).expect("write");
        assert_eq!(Cache::new(dir.path(), &rules()).stored.len(), 1);
        std::fs::write(&path, b"\0\xffjunk").expect("write");
        assert!(Cache::new(dir.path(), &rules()).stored.is_empty());
    }

    #[test]
    fn other_rules_do_not_see_the_records() {
        let dir = tempfile::tempdir().expect("temp dir");
        let cache = Cache::new(dir.path(), &rules());
        cache.put("a.txt", 1, 1, None, &summary("a.txt"));
        cache.save();
        let other = Rules::from_toml("r.toml", "# changed\n").expect("rules");
        assert!(Cache::new(dir.path(), &other).stored.is_empty());
        assert_eq!(Cache::new(dir.path(), &rules()).stored.len(), 1);
    }

    #[test]
    fn stamps_round_trip_and_recent_files_get_none() {
        let stamp = Stamp {
            size: 10,
            modified_ns: 1_700_000_000_123_456_789,
            inode: 42,
        };
        assert_eq!(
            Stamp::decode(&Stamp::encode(Some(stamp))),
            Some(Some(stamp))
        );
        assert_eq!(Stamp::decode("-"), Some(None));
        assert_eq!(Stamp::decode("1.2"), None);
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("new.txt");
        std::fs::write(&path, "x").expect("write");
        let meta = std::fs::metadata(&path).expect("metadata");
        assert_eq!(Stamp::of(&meta, SystemTime::now()), None, "racy");
        let later = SystemTime::now() + Duration::from_secs(60);
        assert!(Stamp::of(&meta, later).is_some());
        // A stamp read early is judged when the run needs it.
        let read = Stamp::read(&meta).expect("stamp");
        assert_eq!(read.trusted(SystemTime::now()), None, "racy");
        assert_eq!(read.trusted(later), Stamp::of(&meta, later));
        let before = SystemTime::now() - Duration::from_secs(60);
        assert_eq!(read.trusted(before), None, "modified after `now`");
    }
}
