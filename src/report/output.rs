//! Where a renderer writes: a text buffer passed on to the real output whenever it
//! grows past [`CHUNK`] bytes, so a report of any size is written as it is rendered
//! and never held whole in memory.
//!
//! Renderers use it like a `String` (`push_str`, `push`, `write!`). The first write
//! error stops the writing (later text is dropped) and is returned by
//! [`Output::finish`].

use std::fmt;
use std::io;

/// Bytes buffered before they are written out.
const CHUNK: usize = 64 * 1024;

/// A renderer's output: buffered text on its way to an [`io::Write`].
pub(crate) struct Output<'w> {
    buffer: String,
    out: &'w mut dyn io::Write,
    error: Option<io::Error>,
}

impl<'w> Output<'w> {
    /// Output that goes to `out`.
    pub(crate) fn new(out: &'w mut dyn io::Write) -> Self {
        Output {
            buffer: String::with_capacity(CHUNK),
            out,
            error: None,
        }
    }

    /// Appends `text`.
    pub(crate) fn push_str(&mut self, text: &str) {
        self.buffer.push_str(text);
        if self.buffer.len() >= CHUNK {
            self.pass_on();
        }
    }

    /// Appends `ch`.
    pub(crate) fn push(&mut self, ch: char) {
        self.push_str(ch.encode_utf8(&mut [0; 4]));
    }

    fn pass_on(&mut self) {
        if self.error.is_none()
            && let Err(err) = self.out.write_all(self.buffer.as_bytes())
        {
            self.error = Some(err);
        }
        self.buffer.clear();
    }

    /// Writes what is left and flushes; the first error met on the way, if any.
    pub(crate) fn finish(mut self) -> io::Result<()> {
        self.pass_on();
        match self.error.take() {
            Some(err) => Err(err),
            None => self.out.flush(),
        }
    }
}

impl fmt::Write for Output<'_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        self.push_str(text);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;

    #[test]
    fn text_larger_than_a_chunk_arrives_whole_and_in_order() {
        let mut bytes = Vec::new();
        let mut out = Output::new(&mut bytes);
        for i in 0..20_000 {
            let _ = write!(out, "{i},");
            out.push('ổ');
        }
        out.finish().unwrap();
        let expected: String = (0..20_000).map(|i| format!("{i},ổ")).collect();
        assert!(expected.len() > 2 * CHUNK);
        assert_eq!(String::from_utf8(bytes).unwrap(), expected);
    }

    /// Accepts `room` bytes, then fails.
    struct Full {
        room: usize,
        flushed: bool,
    }

    impl io::Write for Full {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            if bytes.len() > self.room {
                return Err(io::Error::new(io::ErrorKind::StorageFull, "full"));
            }
            self.room -= bytes.len();
            Ok(bytes.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            self.flushed = true;
            Ok(())
        }
    }

    #[test]
    fn the_first_write_error_is_returned() {
        let mut full = Full {
            room: CHUNK,
            flushed: false,
        };
        let mut out = Output::new(&mut full);
        out.push_str(&"x".repeat(3 * CHUNK));
        out.push_str("end");
        let err = out.finish().unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::StorageFull);
        assert!(!full.flushed, "nothing is flushed after a failed write");
    }
}
