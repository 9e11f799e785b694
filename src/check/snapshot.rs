//! The key snapshot (issue 7): every quantity mention of a complete run, stored by key,
//! so a run about a few changed documents (`check --staged`) reads from the cache only
//! the mentions of the keys those documents mention, and nothing at all of the other
//! documents' own findings.
//!
//! A snapshot is written by a run that read every source in full (see
//! [`Aggregate::snapshot`]). It lists its sources with the content key each had, so a
//! later run uses a source's stored mentions only when the cache vouches that the file
//! still has that content; any other source is read (or taken from its cache record)
//! as usual. The encoding is an index (postcard) followed by one blob per key, so
//! reading a key decodes only that key's mentions.

use serde::{Deserialize, Serialize};

use super::Span;
use crate::extract::Derived;
use crate::value::{Hedge, Interval, Quantity};

/// One source of a snapshot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct SnapSource {
    pub name: String,
    /// The cache's meta key (name, format, manifest entry, options under these
    /// rules) and content key of the file the snapshot was built from.
    pub meta: u128,
    pub content: u128,
    /// Its documents, by position.
    pub documents: Vec<SnapDoc>,
}

/// One document of a snapshot source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct SnapDoc {
    /// Its name, when it is not the source's.
    pub name: Option<String>,
    /// Claims counted for the summary line.
    pub mentions: u32,
}

/// One quantity mention of a snapshot (its key is its blob's).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct SnapHeld {
    /// Index into the snapshot's sources.
    pub source: u32,
    /// Position of the document in its source.
    pub doc: u32,
    /// Position among the document's mentions.
    pub position: u32,
    pub claim: u32,
    /// Index into the snapshot's bindings.
    pub bindings: u32,
    pub span: Span,
    pub value: Quantity,
    pub derived: Option<Derived>,
    /// The sources its sentence names ([`crate::extract::Mention::named`]).
    pub named: u64,
    /// Whether its sentence states other figures ([`crate::extract::Mention::among_figures`]).
    pub among_figures: bool,
    pub text: String,
}

/// A [`SnapHeld`] by reference, for encoding (postcard encodes both alike).
#[derive(Debug, Serialize)]
pub(crate) struct SnapHeldRef<'a> {
    pub source: u32,
    pub doc: u32,
    pub position: u32,
    pub claim: u32,
    pub bindings: u32,
    pub span: Span,
    pub value: QuantityRef<'a>,
    pub derived: Option<&'a Derived>,
    pub named: u64,
    pub among_figures: bool,
    pub text: &'a str,
}

/// A [`Quantity`] with a borrowed unit, for encoding (postcard encodes both alike).
#[derive(Debug, Serialize)]
pub(crate) struct QuantityRef<'a> {
    pub nominal: f64,
    pub interval: Interval,
    pub unit: Option<&'a str>,
    pub hedge: Hedge,
}

/// What is decoded of a snapshot up front: everything but the mentions.
#[derive(Debug, Default, Deserialize)]
struct Index {
    sources: Vec<SnapSource>,
    bindings: Vec<Vec<(String, String)>>,
    /// Each key and the byte range of its blob, after the index.
    keys: Vec<(String, u64, u64)>,
}

/// [`Index`] by reference, for encoding.
#[derive(Serialize)]
struct IndexRef<'a> {
    sources: &'a [SnapSource],
    bindings: &'a [Vec<(String, String)>],
    keys: Vec<(&'a str, u64, u64)>,
}

/// A decoded snapshot index over its encoded bytes.
#[derive(Debug)]
pub(crate) struct Snapshot<'a> {
    index: Index,
    blobs: &'a [u8],
}

/// Encodes a snapshot: `sources` in name order, and each key (in key order) with its
/// mentions, taken one key at a time.
pub(crate) fn encode<'a, 'h>(
    sources: &'a [SnapSource],
    bindings: &'a [Vec<(String, String)>],
    keys: impl Iterator<Item = (&'a str, Vec<SnapHeldRef<'h>>)>,
) -> Option<Vec<u8>> {
    let mut blobs = Vec::new();
    let mut ranges = Vec::new();
    for (key, held) in keys {
        let start = blobs.len() as u64;
        blobs.extend(postcard::to_stdvec(&held).ok()?);
        ranges.push((key, start, blobs.len() as u64 - start));
    }
    let index = postcard::to_stdvec(&IndexRef {
        sources,
        bindings,
        keys: ranges,
    })
    .ok()?;
    let mut out = Vec::with_capacity(8 + index.len() + blobs.len());
    out.extend((index.len() as u64).to_le_bytes());
    out.extend(index);
    out.extend(blobs);
    Some(out)
}

impl<'a> Snapshot<'a> {
    /// Decodes the index of an encoded snapshot; `None` when it does not decode.
    pub(crate) fn decode(bytes: &'a [u8]) -> Option<Self> {
        let length = u64::from_le_bytes(bytes.get(..8)?.try_into().ok()?);
        let end = 8usize.checked_add(usize::try_from(length).ok()?)?;
        let index: Index = postcard::from_bytes(bytes.get(8..end)?).ok()?;
        let blobs = &bytes[end..];
        let fits = index.keys.iter().all(|(_, start, len)| {
            start
                .checked_add(*len)
                .is_some_and(|e| e <= blobs.len() as u64)
        });
        let in_order = index.sources.windows(2).all(|w| w[0].name < w[1].name)
            && index.keys.windows(2).all(|w| w[0].0 < w[1].0);
        (fits && in_order).then_some(Snapshot { index, blobs })
    }

    /// The sources, in name order.
    pub(crate) fn sources(&self) -> &[SnapSource] {
        &self.index.sources
    }

    /// The index of the source `name`.
    pub(crate) fn source(&self, name: &str) -> Option<usize> {
        self.index
            .sources
            .binary_search_by(|s| s.name.as_str().cmp(name))
            .ok()
    }

    /// The index of the source `name`, looked up first at `likely` (where it is
    /// when the run's sources are the snapshot's: both are in name order).
    pub(crate) fn source_near(&self, name: &str, likely: usize) -> Option<usize> {
        match self.index.sources.get(likely) {
            Some(source) if source.name == name => Some(likely),
            _ => self.source(name),
        }
    }

    /// Interned bindings, by id.
    pub(crate) fn bindings(&self) -> &[Vec<(String, String)>] {
        &self.index.bindings
    }

    /// The mentions of `key` (none when the snapshot has no such key); `None` when
    /// its blob does not decode or points past the sources, their documents or the
    /// bindings.
    pub(crate) fn key(&self, key: &str) -> Option<Vec<SnapHeld>> {
        let Ok(at) = self
            .index
            .keys
            .binary_search_by(|(k, _, _)| k.as_str().cmp(key))
        else {
            return Some(Vec::new());
        };
        let (_, start, len) = &self.index.keys[at];
        let blob = self.blobs.get(*start as usize..(*start + *len) as usize)?;
        let held: Vec<SnapHeld> = postcard::from_bytes(blob).ok()?;
        let sources = &self.index.sources;
        let bindings = self.index.bindings.len();
        held.iter()
            .all(|h| {
                sources
                    .get(h.source as usize)
                    .is_some_and(|s| (h.doc as usize) < s.documents.len())
                    && (h.bindings as usize) < bindings
            })
            .then_some(held)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value() -> Quantity {
        Quantity::new(
            8e8,
            Interval::new(7.5e8, 8.5e8),
            Hedge::Exact,
            Some("USD".into()),
            false,
        )
    }

    /// One source of one document, one key; `at` is the mention's (source, doc,
    /// bindings) indices.
    fn encoded(at: (u32, u32, u32), key: &str) -> Vec<u8> {
        let sources = [SnapSource {
            name: "a.txt".into(),
            meta: 1,
            content: 2,
            documents: vec![SnapDoc {
                name: None,
                mentions: 1,
            }],
        }];
        let bindings = [vec![("year".to_string(), "2024".to_string())]];
        let value = value();
        let held = SnapHeldRef {
            source: at.0,
            doc: at.1,
            position: 0,
            claim: 3,
            bindings: at.2,
            span: Span { start: 4, end: 18 },
            value: QuantityRef {
                nominal: value.nominal,
                interval: value.interval,
                unit: value.unit.as_deref(),
                hedge: value.hedge,
            },
            derived: None,
            named: 0,
            among_figures: false,
            text: "US$800 million",
        };
        encode(&sources, &bindings, std::iter::once((key, vec![held]))).expect("encodes")
    }

    #[test]
    fn a_key_decodes_as_it_was_encoded() {
        let bytes = encoded((0, 0, 0), "trade/2024");
        let snapshot = Snapshot::decode(&bytes).expect("decodes");
        assert_eq!(snapshot.source("a.txt"), Some(0));
        assert_eq!(snapshot.source("b.txt"), None);
        assert_eq!(snapshot.source_near("a.txt", 0), Some(0));
        assert_eq!(snapshot.source_near("a.txt", 5), Some(0), "a wrong guess");
        assert_eq!(snapshot.source_near("b.txt", 0), None);
        let held = snapshot.key("trade/2024").expect("key decodes");
        assert_eq!(held.len(), 1);
        assert_eq!((held[0].claim, held[0].span.end), (3, 18));
        assert_eq!(held[0].value, value());
        assert_eq!(held[0].text, "US$800 million");
        assert_eq!(snapshot.key("other"), Some(Vec::new()), "no such key");
    }

    #[test]
    fn indices_past_the_tables_and_cut_bytes_are_refused() {
        for at in [(1, 0, 0), (0, 1, 0), (0, 0, 1)] {
            let bytes = encoded(at, "k");
            let snapshot = Snapshot::decode(&bytes).expect("the index decodes");
            assert_eq!(snapshot.key("k"), None, "{at:?}");
        }
        let bytes = encoded((0, 0, 0), "k");
        assert!(
            Snapshot::decode(&bytes[..bytes.len() - 1]).is_none(),
            "cut blob"
        );
        assert!(Snapshot::decode(&bytes[..12]).is_none(), "cut index");
        assert!(Snapshot::decode(b"").is_none());
    }
}
