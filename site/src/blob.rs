//! A file the content macro wrote and the expansion included: read where it lies, or, packed,
//! unpacked once on first use.

use std::fmt;
use std::sync::OnceLock;

/// One included file.
///
/// The macro writes each file after a byte that is not UTF-8, which keeps rustc from reading
/// it as source text too ([`Blob::written`] skips it). Debug builds pack documents with brotli
/// ([`Blob::packed`]): pages share their chrome and menus, so a group of them packs into a
/// small part of its size, and rustc's cost grows with every byte it includes.
pub struct Blob {
    stored: &'static [u8],
    packed: bool,
    unpacked: OnceLock<&'static [u8]>,
    text: OnceLock<&'static str>,
}

impl Blob {
    /// A file included as it is (an image of the content folder).
    pub const fn file(bytes: &'static [u8]) -> Blob {
        Blob {
            stored: bytes,
            packed: false,
            unpacked: OnceLock::new(),
            text: OnceLock::new(),
        }
    }

    /// A file the macro wrote: its bytes after the first.
    pub const fn written(bytes: &'static [u8]) -> Blob {
        Blob::file(after_first(bytes))
    }

    /// A file the macro wrote and packed with brotli.
    pub const fn packed(bytes: &'static [u8]) -> Blob {
        Blob {
            stored: after_first(bytes),
            packed: true,
            unpacked: OnceLock::new(),
            text: OnceLock::new(),
        }
    }

    /// Its bytes, unpacked on the first call when packed (empty if they do not unpack, which
    /// the macro never writes). The unpacked bytes are kept for the rest of the program.
    pub fn bytes(&'static self) -> &'static [u8] {
        if !self.packed {
            return self.stored;
        }
        self.unpacked.get_or_init(|| {
            let mut unpacked = Vec::new();
            match brotli_decompressor::BrotliDecompress(&mut &self.stored[..], &mut unpacked) {
                Ok(()) => Box::leak(unpacked.into_boxed_slice()),
                Err(_) => &[],
            }
        })
    }

    /// Its bytes as text, checked as UTF-8 on the first call only; empty if they are not UTF-8,
    /// which the macro, writing them from strings, never gives.
    pub fn text(&'static self) -> &'static str {
        self.text
            .get_or_init(|| std::str::from_utf8(self.bytes()).unwrap_or_default())
    }
}

const fn after_first(bytes: &'static [u8]) -> &'static [u8] {
    match bytes.split_first() {
        Some((_, rest)) => rest,
        None => bytes,
    }
}

impl fmt::Debug for Blob {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Blob")
            .field("stored", &self.stored.len())
            .field("packed", &self.packed)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write as _;

    #[test]
    fn a_written_file_is_read_past_its_first_byte_and_checked_once() {
        static TEXT: Blob = Blob::written(b"\xff<p>caf\xc3\xa9</p>");
        static BROKEN: Blob = Blob::written(b"\xff<p>\xff</p>");
        static IMAGE: Blob = Blob::file(b"\x89PNG");
        assert_eq!(TEXT.text(), "<p>café</p>");
        assert!(
            std::ptr::eq(TEXT.text(), TEXT.text()),
            "kept, not checked again"
        );
        assert_eq!(BROKEN.text(), "");
        assert_eq!(BROKEN.bytes(), b"<p>\xff</p>");
        assert_eq!(IMAGE.bytes(), b"\x89PNG");
    }

    #[test]
    fn a_packed_file_is_unpacked_once() -> std::io::Result<()> {
        let text = "<main>LwM2M</main>".repeat(100);
        let mut packed = vec![0xff];
        {
            let mut writer = brotli::CompressorWriter::new(&mut packed, 4096, 5, 22);
            writer.write_all(text.as_bytes())?;
        }
        let packed: &'static [u8] = Box::leak(packed.into_boxed_slice());
        let blob: &'static Blob = Box::leak(Box::new(Blob::packed(packed)));
        assert_eq!(blob.text(), text);
        assert!(std::ptr::eq(blob.bytes(), blob.bytes()));
        static DAMAGED: Blob = Blob::packed(b"\xff\x00\x01\x02");
        assert_eq!(DAMAGED.bytes(), b"");
        Ok(())
    }
}
