//! Text and bytes the content macro compiled into the binary, read where they lie.
//!
//! The macro gathers the documents and compressed variants of each group of pages into one
//! file of text and one of bytes, which rustc includes ([`Blob`]); each page holds its
//! positions in them. A `&'static str` per page would cost rustc one included file or one
//! constant slice per page, and that was most of a build from scratch (see BENCHMARKS.md,
//! "Compile time").

use std::fmt;
use std::ops::{Deref, Range};

use crate::blob::Blob;

/// A `&'static str` within the binary: [`Embedded::get`] gives it, and it dereferences to it.
pub type Text = Embedded<str>;
/// A `&'static [u8]` within the binary: [`Embedded::get`] gives it, and it dereferences to it.
pub type Binary = Embedded<[u8]>;

/// A slice of static data: `start..end` of the string or byte string `all` points to.
///
/// Reading it costs a bounds check and copies nothing. The content macro makes these; for data
/// of your own, [`Text::new`] and [`Binary::new`] take a whole static value.
///
/// ```
/// static GREETING: site::Text = site::Text::new(&"<p>Hello</p>");
///
/// assert_eq!(GREETING.get(), "<p>Hello</p>");
/// assert!(GREETING.starts_with("<p>"));
/// assert_eq!(GREETING, "<p>Hello</p>");
/// ```
pub struct Embedded<T: ?Sized + 'static> {
    all: Source<T>,
    start: usize,
    end: usize,
}

/// Where the data of an [`Embedded`] is.
enum Source<T: ?Sized + 'static> {
    /// In a static value.
    Value(&'static &'static T),
    /// In a file the macro wrote.
    Blob(&'static Blob),
}

/// What [`Embedded`] can slice: `str` and `[u8]`.
pub trait Sliceable: fmt::Debug + PartialEq + 'static {
    /// `self[range]`, or `None` when `range` is out of bounds (or, for `str`, not on
    /// character boundaries).
    fn slice(&self, range: Range<usize>) -> Option<&Self>;
    /// The empty value.
    fn empty() -> &'static Self;
    /// All of `blob`, as this type.
    #[doc(hidden)]
    fn of_blob(blob: &'static Blob) -> &'static Self;
}

impl Sliceable for str {
    fn slice(&self, range: Range<usize>) -> Option<&str> {
        self.get(range)
    }

    fn empty() -> &'static str {
        ""
    }

    fn of_blob(blob: &'static Blob) -> &'static str {
        blob.text()
    }
}

impl Sliceable for [u8] {
    fn slice(&self, range: Range<usize>) -> Option<&[u8]> {
        self.get(range)
    }

    fn empty() -> &'static [u8] {
        &[]
    }

    fn of_blob(blob: &'static Blob) -> &'static [u8] {
        blob.bytes()
    }
}

impl<T: ?Sized + Sliceable> Embedded<T> {
    /// The slice. Empty if its bounds do not fit the data, which the macro never writes.
    pub fn get(&self) -> &'static T {
        let all: &'static T = match self.all {
            Source::Value(value) => value,
            Source::Blob(blob) => T::of_blob(blob),
        };
        all.slice(self.start..self.end).unwrap_or_else(T::empty)
    }
}

impl Text {
    /// All of `text`.
    pub const fn new(text: &'static &'static str) -> Text {
        Embedded {
            all: Source::Value(text),
            start: 0,
            end: text.len(),
        }
    }
}

impl Binary {
    /// All of `bytes`.
    pub const fn new(bytes: &'static &'static [u8]) -> Binary {
        Embedded {
            all: Source::Value(bytes),
            start: 0,
            end: bytes.len(),
        }
    }

    /// No bytes.
    pub const EMPTY: Binary = Binary::new(&(&[] as &[u8]));
}

/// `start..end` of `all`.
#[cfg(test)]
const fn slice<T: ?Sized>(all: &'static &'static T, start: usize, end: usize) -> Embedded<T> {
    Embedded {
        all: Source::Value(all),
        start,
        end,
    }
}

/// `start..end` of the file `blob`.
pub(crate) const fn in_blob<T: ?Sized>(
    blob: &'static Blob,
    start: usize,
    end: usize,
) -> Embedded<T> {
    Embedded {
        all: Source::Blob(blob),
        start,
        end,
    }
}

impl<T: ?Sized + Sliceable> Deref for Embedded<T> {
    type Target = T;

    fn deref(&self) -> &T {
        self.get()
    }
}

impl<T: ?Sized + Sliceable> AsRef<T> for Embedded<T> {
    fn as_ref(&self) -> &T {
        self.get()
    }
}

impl<T: ?Sized> Clone for Embedded<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: ?Sized> Copy for Embedded<T> {}

impl<T: ?Sized> Clone for Source<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: ?Sized> Copy for Source<T> {}

impl<T: ?Sized + Sliceable> fmt::Debug for Embedded<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.get().fmt(f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.get())
    }
}

impl<T: ?Sized + Sliceable> PartialEq for Embedded<T> {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl<T: ?Sized + Sliceable> Eq for Embedded<T> where T: Eq {}

/// Comparisons both ways with the plain types of the same data.
macro_rules! equal_to {
    ($embedded:ty: $($other:ty),*) => {$(
        impl PartialEq<$other> for $embedded {
            fn eq(&self, other: &$other) -> bool {
                self.get() == &other[..]
            }
        }

        impl PartialEq<$embedded> for $other {
            fn eq(&self, other: &$embedded) -> bool {
                &self[..] == other.get()
            }
        }
    )*};
}

equal_to!(Text: str, &str, String);
equal_to!(Binary: [u8], &[u8], Vec<u8>);

#[cfg(test)]
mod tests {
    use super::*;

    static ALL: &str = "<main><h1>LwM2M</h1></main>";
    static BYTES: &[u8] = b"\x1f\x8b\x08";

    #[test]
    fn a_slice_reads_its_range_of_the_data() {
        assert_eq!(slice(&ALL, 6, 20).get(), "<h1>LwM2M</h1>");
        assert_eq!(slice(&BYTES, 1, 3), &b"\x8b\x08"[..]);
        assert_eq!(b"\x1f".to_vec(), slice(&BYTES, 0, 1));
        assert_eq!(String::from("LwM2M"), slice(&ALL, 10, 15));
        assert_ne!(slice(&ALL, 10, 15), *"LwM2");
        assert_eq!(Text::new(&ALL).len(), ALL.len());
        assert_eq!(Binary::EMPTY.get(), b"");
        assert_eq!(format!("{}", slice(&ALL, 10, 15)), "LwM2M");
        assert_eq!(format!("{:?}", slice(&ALL, 10, 15)), "\"LwM2M\"");
    }

    #[test]
    fn a_slice_of_a_file_reads_its_range() {
        static FILE: Blob = Blob::written(b"\xff<p>caf\xc3\xa9</p>");
        assert_eq!(in_blob::<str>(&FILE, 3, 8).get(), "café");
        assert_eq!(in_blob::<[u8]>(&FILE, 0, 3).get(), b"<p>");
        assert_eq!(
            in_blob::<str>(&FILE, 3, 7).get(),
            "",
            "not on a character boundary"
        );
    }

    #[test]
    fn bounds_that_do_not_fit_give_nothing_rather_than_a_panic() {
        assert_eq!(slice(&ALL, 6, 999).get(), "");
        assert_eq!(slice(&ALL, 9, 2).get(), "");
        assert_eq!(slice(&"é", 0, 1).get(), "", "not on a character boundary");
        assert_eq!(slice(&BYTES, 2, 4).get(), b"");
    }
}
