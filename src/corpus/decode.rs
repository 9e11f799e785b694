//! Reading a file as text: UTF-8 (with or without BOM), UTF-16 with BOM; binary files
//! and invalid UTF-8 become per-file problems naming the byte offset, and a file larger
//! than the size limit becomes a `file-too-large` problem without being read.

use std::io::Read;
use std::path::Path;

use super::InputProblem;
use crate::check::Severity;

/// How many leading bytes are inspected for NUL bytes to recognise binary files.
const BINARY_SNIFF_LEN: usize = 8192;

/// Reads the bytes of `path`, or says why it cannot be checked (decode them with
/// [`decode`]).
///
/// The size is checked from the file's metadata before reading, and the read itself
/// stops one byte past `max_size`, so memory stays bounded even when the metadata
/// lies (files that grow while read, `/proc` files reporting size 0).
pub(crate) fn read_bytes(path: &Path, name: &str, max_size: u64) -> Result<Vec<u8>, InputProblem> {
    let unreadable = |err: std::io::Error| InputProblem {
        file: name.to_string(),
        severity: Severity::Error,
        offset: None,
        code: "unreadable-file",
        message: format!("cannot read file: {err}"),
    };
    let too_large = |size: u64| InputProblem {
        file: name.to_string(),
        severity: Severity::Error,
        offset: None,
        code: "file-too-large",
        message: format!(
            "file is larger than the size limit ({} > {} bytes); the file was not checked",
            size, max_size
        ),
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let size = file.metadata().map_err(unreadable)?.len();
    if size > max_size {
        return Err(too_large(size));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(max_size.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > max_size {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Decodes file bytes (see module docs).
pub(crate) fn decode(bytes: &[u8], name: &str) -> Result<String, InputProblem> {
    let problem = |severity, offset, code, message: String| InputProblem {
        file: name.to_string(),
        severity,
        offset,
        code,
        message,
    };
    if let Some(utf16) = decode_utf16_with_bom(bytes) {
        return utf16.map_err(|offset| {
            problem(
                Severity::Error,
                Some(offset),
                "invalid-utf16",
                format!("invalid UTF-16 at byte {offset}; the file was not checked"),
            )
        });
    }
    if bytes[..bytes.len().min(BINARY_SNIFF_LEN)].contains(&0) {
        return Err(problem(
            Severity::Note,
            None,
            "binary-file",
            "binary file (contains NUL bytes); skipped".to_string(),
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(err) => {
            let offset = err.valid_up_to();
            Err(problem(
                Severity::Error,
                Some(offset),
                "invalid-utf8",
                format!("invalid UTF-8 at byte {offset}; the file was not checked"),
            ))
        }
    }
}

/// `None` when there is no UTF-16 BOM; otherwise the decoded text or the bad offset.
fn decode_utf16_with_bom(bytes: &[u8]) -> Option<Result<String, usize>> {
    let little_endian = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return None,
    };
    let body = &bytes[2..];
    if !body.len().is_multiple_of(2) {
        return Some(Err(bytes.len() - 1));
    }
    let units: Vec<u16> = body
        .chunks_exact(2)
        .map(|pair| {
            if little_endian {
                u16::from_le_bytes([pair[0], pair[1]])
            } else {
                u16::from_be_bytes([pair[0], pair[1]])
            }
        })
        .collect();
    let mut text = String::with_capacity(units.len());
    for (index, unit) in char::decode_utf16(units.iter().copied()).enumerate() {
        match unit {
            Ok(ch) => text.push(ch),
            Err(_) => return Some(Err(2 + index * 2)),
        }
    }
    Some(Ok(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_over_the_limit_is_not_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("big.txt");
        std::fs::write(&path, "0123456789").expect("write");
        let err = read_bytes(&path, "big.txt", 9).expect_err("too large");
        assert_eq!(err.code, "file-too-large");
        assert_eq!(err.severity, Severity::Error);
        assert_eq!(
            read_bytes(&path, "big.txt", 10).expect("at the limit"),
            b"0123456789"
        );
    }

    #[test]
    fn invalid_utf8_names_the_offset() {
        let err = decode(b"ok \xff bad", "x.txt").expect_err("invalid");
        assert_eq!(err.offset, Some(3));
        assert_eq!(err.code, "invalid-utf8");
    }

    #[test]
    fn binary_is_a_note() {
        let err = decode(b"PK\x03\x04\x00\x00", "x.zip").expect_err("binary");
        assert_eq!(err.severity, Severity::Note);
    }

    #[test]
    fn utf16_le_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Tô Lâm".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&bytes, "x.txt").expect("utf16"), "Tô Lâm");
    }

    #[test]
    fn utf8_bom_is_kept_so_offsets_match_the_file() {
        let text = decode("\u{feff}abc".as_bytes(), "x.txt").expect("utf8");
        assert_eq!(text.len(), 6);
    }
}
