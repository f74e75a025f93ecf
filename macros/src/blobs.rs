//! The site's large strings and bytes, gathered into two files that the expansion includes.
//!
//! Every document and every compressed variant is appended to one string (`TEXT`) or one byte
//! string (`BYTES`); the expansion holds their positions (`site::Text`, `site::Binary`) and
//! includes the two files once (`include_str!`, `include_bytes!`) into two `static`s. Literal
//! tokens would be escaped by the macro, interned and unescaped again by rustc, and a file per
//! page or a constant slice per page costs rustc about as much as rendering the page: those
//! were most of a build from scratch (see BENCHMARKS.md, "Compile time"). No crate does this
//! (a proc macro has no `OUT_DIR` of its own), hence this module.
//!
//! The files are named by the expansion's key (which crate, which content, which options) and
//! a hash of their bytes, so a rebuild of unchanged pages writes nothing and concurrent builds
//! write identical bytes; the files of the same key's earlier builds are deleted. Each is
//! written under a temporary name then renamed, and dated 1970: cargo rebuilds a crate when a
//! file named in its dep-info is newer than the build, and these are written during it. A
//! deleted file is missing from the dep-info, so cargo reruns the macro, which writes it again.

use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use proc_macro2::{Literal, TokenStream};
use quote::quote;
use site_compiler::embed::cache::write_atomically;

/// The text and bytes of one expansion, and where their files go.
pub(crate) struct Blobs {
    text: String,
    bytes: Vec<u8>,
    dir: Option<PathBuf>,
    key: u64,
}

impl Blobs {
    /// Empty blobs whose files go to `dir` (see [`folder`]), or nowhere (then the `static`s
    /// are literal tokens), named after `key`.
    pub(crate) fn new(dir: Option<PathBuf>, key: u64) -> Blobs {
        Blobs {
            text: String::new(),
            bytes: Vec::new(),
            dir,
            key,
        }
    }

    /// Appends `text`; gives its range in `TEXT`.
    pub(crate) fn push_text(&mut self, text: &str) -> Range<usize> {
        let start = self.text.len();
        self.text.push_str(text);
        start..self.text.len()
    }

    /// A `::site::Text` expression of `range` in `TEXT`.
    pub(crate) fn text_at(range: Range<usize>) -> TokenStream {
        let (start, end) = bounds(range);
        quote! { ::site::__private::slice(&TEXT, #start, #end) }
    }

    /// Appends `bytes`; gives a `::site::Binary` expression of them.
    pub(crate) fn bytes(&mut self, bytes: &[u8]) -> TokenStream {
        let start = self.bytes.len();
        self.bytes.extend_from_slice(bytes);
        let (start, end) = bounds(start..self.bytes.len());
        quote! { ::site::__private::slice(&BYTES, #start, #end) }
    }

    /// The items `static TEXT: &str` and `static BYTES: &[u8]` holding what was appended:
    /// `include_str!` and `include_bytes!` of files written for them, or literals when they
    /// cannot be written.
    pub(crate) fn statics(self) -> TokenStream {
        let files = self.dir.as_deref().and_then(|dir| {
            let text = write(dir, self.key, self.text.as_bytes(), "html")?;
            let bytes = write(dir, self.key, &self.bytes, "bin")?;
            remove_earlier(dir, self.key, &[&text, &bytes]);
            Some((text.to_str()?.to_owned(), bytes.to_str()?.to_owned()))
        });
        match files {
            Some((text, bytes)) => quote! {
                static TEXT: &str = include_str!(#text);
                static BYTES: &[u8] = include_bytes!(#bytes);
            },
            None => {
                let text = Literal::string(&self.text);
                let bytes = Literal::byte_string(&self.bytes);
                quote! {
                    static TEXT: &str = #text;
                    static BYTES: &[u8] = #bytes;
                }
            }
        }
    }
}

fn bounds(range: Range<usize>) -> (Literal, Literal) {
    (
        Literal::usize_unsuffixed(range.start),
        Literal::usize_unsuffixed(range.end),
    )
}

/// The folder of included files, created if needed: `OUT_DIR` when the calling crate has a
/// build script, otherwise next to rustc's output folder (`target/PROFILE/site-pages`, so
/// `cargo clean` removes it), otherwise the system's temporary folder. `None` when it cannot
/// be created.
pub(crate) fn folder() -> Option<PathBuf> {
    let dir = std::env::var_os("OUT_DIR")
        .map(PathBuf::from)
        .or_else(rustc_out_dir)
        .unwrap_or_else(std::env::temp_dir)
        .join("site-pages");
    fs::create_dir_all(&dir).is_ok().then_some(dir)
}

/// The file `KEY-HASH.EXTENSION` in `dir` holding `bytes`, written if missing.
fn write(dir: &Path, key: u64, bytes: &[u8], extension: &str) -> Option<PathBuf> {
    let hash = xxhash_rust::xxh3::xxh3_128(bytes);
    let path = dir.join(format!("{key:016x}-{hash:032x}.{extension}"));
    if !path.exists() {
        write_atomically(&path, bytes, Some(SystemTime::UNIX_EPOCH)).ok()?;
    }
    Some(path)
}

/// Deletes the files of `key` in `dir` but `keep`: those of its earlier builds.
fn remove_earlier(dir: &Path, key: u64, keep: &[&Path]) {
    let prefix = format!("{key:016x}-");
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let ours = entry.file_name().to_str().is_some_and(|name| {
            name.starts_with(&prefix) && (name.ends_with(".html") || name.ends_with(".bin"))
        });
        if ours && !keep.contains(&path.as_path()) {
            let _ = fs::remove_file(path);
        }
    }
}

/// The parent of rustc's `--out-dir` (cargo passes `target/PROFILE/deps`), read from the
/// command line of the rustc process the macro runs in.
fn rustc_out_dir() -> Option<PathBuf> {
    let mut args = std::env::args_os();
    while let Some(arg) = args.next() {
        let dir = if arg == "--out-dir" {
            args.next().map(PathBuf::from)
        } else {
            arg.to_str()
                .and_then(|arg| arg.strip_prefix("--out-dir="))
                .map(PathBuf::from)
        };
        if let Some(dir) = dir {
            return dir.parent().map(Path::to_path_buf);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("blobs-test-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let _ = fs::create_dir_all(&dir);
        dir
    }

    /// The paths inside `include_*!("…")`.
    fn included_paths(tokens: &TokenStream) -> Vec<PathBuf> {
        let text = tokens.to_string();
        text.split("include_")
            .skip(1)
            .filter_map(|part| part.split('"').nth(1).map(PathBuf::from))
            .collect()
    }

    fn blobs_of(dir: Option<PathBuf>, text: &str, bytes: &[u8]) -> (TokenStream, TokenStream) {
        let mut blobs = Blobs::new(dir, 7);
        blobs.push_text("<p>first</p>");
        let range = blobs.push_text(text);
        let slices = [Blobs::text_at(range), blobs.bytes(bytes)];
        (quote! { #(#slices)* }, blobs.statics())
    }

    #[test]
    fn slices_name_their_positions_in_the_included_files() -> std::io::Result<()> {
        let dir = scratch("files");
        let (slices, statics) = blobs_of(Some(dir.clone()), "<p>OMA</p>", b"\x1f\x8b");
        assert_eq!(
            slices.to_string(),
            ":: site :: __private :: slice (& TEXT , 12 , 22) \
             :: site :: __private :: slice (& BYTES , 0 , 2)"
        );
        let paths = included_paths(&statics);
        assert_eq!(paths.len(), 2, "{statics}");
        assert_eq!(fs::read_to_string(&paths[0])?, "<p>first</p><p>OMA</p>");
        assert_eq!(fs::read(&paths[1])?, b"\x1f\x8b");
        assert!(paths.iter().all(|path| path.starts_with(&dir)));
        // Dated before any build, so that cargo does not rebuild because they were written.
        assert_eq!(fs::metadata(&paths[0])?.modified()?, SystemTime::UNIX_EPOCH);
        // The same bytes: the same files; other bytes: other files, and the earlier ones go.
        assert_eq!(
            blobs_of(Some(dir.clone()), "<p>OMA</p>", b"\x1f\x8b")
                .1
                .to_string(),
            statics.to_string()
        );
        let (_, changed) = blobs_of(Some(dir.clone()), "<p>LwM2M</p>", b"\x1f\x8b");
        let now = included_paths(&changed);
        assert_ne!(now[0], paths[0]);
        assert_eq!(now[1], paths[1]);
        let mut left: Vec<PathBuf> = fs::read_dir(&dir)?
            .map(|e| e.map(|e| e.path()))
            .collect::<Result<_, _>>()?;
        left.sort();
        let mut expected = now.clone();
        expected.sort();
        assert_eq!(
            left, expected,
            "no earlier file and no temporary file is left"
        );
        // Another key's files are not touched.
        let mut other = Blobs::new(Some(dir.clone()), 8);
        other.push_text("other");
        let _ = other.statics();
        assert_eq!(fs::read_dir(&dir)?.count(), 4);
        fs::remove_dir_all(dir)
    }

    #[test]
    fn without_a_folder_the_statics_are_literals() {
        let (_, statics) = blobs_of(None, "<p>OMA</p>", b"\x1f");
        assert_eq!(
            statics.to_string(),
            r#"static TEXT : & str = "<p>first</p><p>OMA</p>" ; static BYTES : & [u8] = b"\x1F" ;"#
        );
    }
}
