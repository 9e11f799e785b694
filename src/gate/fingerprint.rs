//! Finding fingerprints: a stable identity for a finding that survives line moves and
//! unrelated edits, shared by baselines (`factlint baseline`, `check --baseline`) and
//! SARIF `partialFingerprints`.
//!
//! A fingerprint hashes the rule, the fact key, the matched text folded with
//! [`fold::fold_str`](crate::fold::fold_str) (line breaks read as spaces, so a reflowed
//! paragraph keeps its fingerprint) and the file name — never a line number or offset.
//! The hash is 128-bit FNV-1a, implemented here so its value is fixed by this file and
//! not by a Rust release (`DefaultHasher` makes no such promise).

use crate::check::Finding;

/// Version tag mixed into every fingerprint; bump it when the inputs change.
const VERSION: &str = "factlint-fingerprint-v1";

const FNV_OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
const FNV_PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;

/// The fingerprint of `finding`, whose span points into `document_text` (pass `""`
/// when the text is unknown): 32 lowercase hex digits.
pub(crate) fn fingerprint(finding: &Finding, document_text: &str) -> String {
    let matched = crate::fold::fold_str(finding.text_in(document_text)).replace('\n', " ");
    let parts = [
        VERSION,
        finding.rule.as_str(),
        finding.key.as_deref().unwrap_or(""),
        matched.as_str(),
        finding.file.as_str(),
    ];
    // Each part is followed by a NUL byte so `("ab", "c")` and `("a", "bc")` differ.
    let bytes = parts
        .iter()
        .flat_map(|part| part.bytes().chain(std::iter::once(0)));
    format!("{:032x}", fnv1a_128(bytes))
}

/// 128-bit FNV-1a of a byte sequence.
fn fnv1a_128(bytes: impl Iterator<Item = u8>) -> u128 {
    bytes.fold(FNV_OFFSET, |hash, byte| {
        (hash ^ u128::from(byte)).wrapping_mul(FNV_PRIME)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Severity, Span};

    fn finding(file: &str, span: std::ops::Range<usize>) -> Finding {
        Finding {
            rule: "trade-volume".into(),
            kind: "quantity".into(),
            severity: Severity::Error,
            key: Some("trade/vn-kz/2024".into()),
            file: file.into(),
            span: Span::new(span),
            found: None,
            expected: None,
            message: String::new(),
            help: None,
            related: Vec::new(),
            source: None,
            fix: None,
        }
    }

    #[test]
    fn hash_is_fixed() {
        // The published FNV-1a 128 test vectors, then a pinned fingerprint: a change
        // of algorithm or inputs (which would orphan every baseline) fails here.
        assert_eq!(fnv1a_128("".bytes()), FNV_OFFSET);
        assert_eq!(
            format!("{:032x}", fnv1a_128("a".bytes())),
            "d228cb696f1a8caf78912b704e4a8964"
        );
        let text = "In 2024, trade reached US$800 million.";
        let at = text.find("US$").expect("span");
        assert_eq!(
            fingerprint(&finding("a.txt", at..at + 14), text),
            "09e2f51987c455176bffb054771a8689"
        );
    }

    #[test]
    fn survives_moves_and_reflow_but_not_value_edits() {
        let one = "x\nIn 2024, trade reached US$800\nmillion.";
        let two = "other line\n\nmore\nIn 2024, trade reached US$800 million.";
        let span = |t: &str, len| {
            let at = t.find("US$").expect("span");
            at..at + len
        };
        let a = fingerprint(&finding("a.txt", span(one, 14)), one);
        let b = fingerprint(&finding("a.txt", span(two, 14)), two);
        assert_eq!(a, b);
        let edited = "In 2024, trade reached US$900 million.";
        let c = fingerprint(&finding("a.txt", span(edited, 14)), edited);
        assert_ne!(a, c);
        let d = fingerprint(&finding("b.txt", span(two, 14)), two);
        assert_ne!(b, d);
    }
}
