//! The site's large strings and bytes, gathered into a few files that the expansion includes.
//!
//! Every document and every compressed variant is appended to the string or the byte string
//! of its group of pages; the expansion holds their positions (`site::Text`, `site::Binary`)
//! and includes each group's two files once with `include_bytes!`: the bytes in a `static`
//! (`BYTES_0`…), the text in a function that checks it as UTF-8 on first use (`text_0`…;
//! `include_str!` costs rustc an escape and an unescape of the whole file). Literal tokens
//! would be escaped by the macro, interned and unescaped again by rustc, and a file per page or
//! a constant slice per page costs rustc about as much as rendering the page: those were most
//! of a build from scratch (see BENCHMARKS.md, "Compile time"). Groups rather than one pair of
//! files for the whole site: an edit of one page changes one group's `static`s, so rustc
//! evaluates again only the pages that point into them. No crate does this (a proc macro has no
//! `OUT_DIR` of its own), hence this module.
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

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;
use site_compiler::source::write_atomically;

/// The text and bytes of one expansion, in groups, and where their files go.
pub(crate) struct Blobs {
    groups: Vec<Group>,
    dir: Option<PathBuf>,
    key: u64,
    /// Each group's text file, when written ahead of the bytes ([`Blobs::write_texts`]).
    text_files: Option<Vec<PathBuf>>,
}

/// What one group's two files hold.
#[derive(Default)]
struct Group {
    text: String,
    bytes: Vec<u8>,
}

/// A range of a group's text.
pub(crate) struct TextRange {
    group: usize,
    range: Range<usize>,
}

impl TextRange {
    /// The `len` bytes from `offset` on within this range.
    pub(crate) fn part(&self, offset: usize, len: usize) -> TextRange {
        let start = self.range.start + offset;
        TextRange {
            group: self.group,
            range: start..start + len,
        }
    }
}

impl Blobs {
    /// Blobs whose files go to `dir` (see [`folder`]), or nowhere (then the `static`s are
    /// literal tokens), named after `key`.
    pub(crate) fn new(dir: Option<PathBuf>, key: u64) -> Blobs {
        Blobs {
            groups: Vec::new(),
            dir,
            key,
            text_files: None,
        }
    }

    /// Group `index`, made (with the groups before it) when it is new.
    fn group(&mut self, index: usize) -> &mut Group {
        if self.groups.len() <= index {
            self.groups.resize_with(index + 1, Group::default);
        }
        &mut self.groups[index]
    }

    /// Appends `text` to group `group`; gives its range.
    pub(crate) fn push_text(&mut self, group: usize, text: &str) -> TextRange {
        // The text files written ahead no longer hold all the text.
        self.text_files = None;
        let all = &mut self.group(group).text;
        let start = all.len();
        all.push_str(text);
        TextRange {
            group,
            range: start..all.len(),
        }
    }

    /// A `::site::Text` expression of `range` (`slice_of` being imported by the expansion).
    pub(crate) fn text_at(range: TextRange) -> TokenStream {
        let all = name("text", range.group);
        let (start, end) = bounds(range.range);
        quote! { slice_of(#all, #start, #end) }
    }

    /// Appends `bytes` to group `group`; gives a `::site::Binary` expression of them (`slice`
    /// being imported by the expansion).
    pub(crate) fn bytes(&mut self, group: usize, bytes: &[u8]) -> TokenStream {
        let all = name("BYTES", group);
        let group = &mut self.group(group).bytes;
        let start = group.len();
        group.extend_from_slice(bytes);
        let (start, end) = bounds(start..group.len());
        quote! { slice(&#all, #start, #end) }
    }

    /// Writes the text files now, before the bytes are all there: the macro does while another
    /// thread compresses. [`Blobs::statics`] then writes the bytes only, unless text was added
    /// since.
    pub(crate) fn write_texts(&mut self) {
        if let Some(dir) = self.dir.as_deref() {
            self.text_files = self
                .groups
                .iter()
                .map(|group| write_text(dir, self.key, &group.text))
                .collect();
        }
    }

    /// The items `fn text_N() -> &'static str` and `static BYTES_N: &[u8]` holding each group:
    /// `include_bytes!` of files written for them, or literals when they cannot be written.
    pub(crate) fn statics(self) -> TokenStream {
        let Blobs {
            groups,
            dir,
            key,
            text_files,
        } = self;
        let files = dir.as_deref().and_then(|dir| {
            let mut files = Vec::with_capacity(groups.len());
            for (index, group) in groups.iter().enumerate() {
                let text = match text_files.as_ref().and_then(|files| files.get(index)) {
                    Some(written) => written.clone(),
                    None => write_text(dir, key, &group.text)?,
                };
                let bytes = write(dir, key, &[&group.bytes], "bin")?;
                files.push((text, bytes));
            }
            let written: Vec<&Path> = files
                .iter()
                .flat_map(|(text, bytes)| [text.as_path(), bytes.as_path()])
                .collect();
            remove_earlier(dir, key, &written);
            files
                .iter()
                .map(|(text, bytes)| Some((text.to_str()?.to_owned(), bytes.to_str()?.to_owned())))
                .collect::<Option<Vec<_>>>()
        });
        let items = groups.iter().enumerate().map(|(index, group)| {
            let (text, bytes) = (name("text", index), name("BYTES", index));
            match files.as_ref().and_then(|files| files.get(index)) {
                // A group whose pages have no compressed variant leaves its bytes unused.
                Some((text_file, bytes_file)) => quote! {
                    #[allow(dead_code)]
                    fn #text() -> &'static str {
                        static CHECKED: ::std::sync::OnceLock<&'static str> =
                            ::std::sync::OnceLock::new();
                        // Past the byte that keeps rustc from reading the file as text.
                        let text = include_bytes!(#text_file).get(1..).unwrap_or_default();
                        ::site::__private::utf8(&CHECKED, text)
                    }
                    #[allow(dead_code)]
                    static #bytes: &[u8] = include_bytes!(#bytes_file);
                },
                None => {
                    let (text_literal, bytes_literal) = (
                        Literal::string(&group.text),
                        Literal::byte_string(&group.bytes),
                    );
                    quote! {
                        #[allow(dead_code)]
                        fn #text() -> &'static str { #text_literal }
                        #[allow(dead_code)]
                        static #bytes: &[u8] = #bytes_literal;
                    }
                }
            }
        });
        quote! { #(#items)* }
    }
}

/// The first byte of a text file, before the text: not UTF-8, so that rustc includes the file
/// as bytes only. Valid UTF-8 it would also keep a copy of the file as source text, hash it and
/// index its lines, at a large cost in time and memory (BENCHMARKS.md, "Compile time").
const NOT_UTF8: u8 = 0xff;

/// The name of group `index`'s `static` of `kind`.
fn name(kind: &str, index: usize) -> Ident {
    Ident::new(&format!("{kind}_{index}"), Span::call_site())
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

/// The file of a group's `text`, after [`NOT_UTF8`], written if missing.
fn write_text(dir: &Path, key: u64, text: &str) -> Option<PathBuf> {
    write(dir, key, &[&[NOT_UTF8], text.as_bytes()], "html")
}

/// The file `KEY-HASH.EXTENSION` in `dir` holding `parts` one after the other, written if
/// missing.
fn write(dir: &Path, key: u64, parts: &[&[u8]], extension: &str) -> Option<PathBuf> {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    for part in parts {
        hasher.update(part);
    }
    let hash = hasher.digest128();
    let path = dir.join(format!("{key:016x}-{hash:032x}.{extension}"));
    if !path.exists() {
        write_atomically(&path, &parts.concat(), Some(SystemTime::UNIX_EPOCH)).ok()?;
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

    /// The files in `dir`, sorted.
    fn files_in(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
        let mut files: Vec<PathBuf> = fs::read_dir(dir)?
            .map(|e| e.map(|e| e.path()))
            .collect::<Result<_, _>>()?;
        files.sort();
        Ok(files)
    }

    /// The paths inside `include_*!("…")`.
    fn included_paths(tokens: &TokenStream) -> Vec<PathBuf> {
        let text = tokens.to_string();
        text.split("include_")
            .skip(1)
            .filter_map(|part| part.split('"').nth(1).map(PathBuf::from))
            .collect()
    }

    /// Blobs of key 7 with one group holding `text` after a first paragraph and `bytes`, and
    /// a second group holding the text `second`.
    fn blobs_of(dir: Option<PathBuf>, text: &str, bytes: &[u8]) -> (TokenStream, TokenStream) {
        let mut blobs = Blobs::new(dir, 7);
        blobs.push_text(0, "<p>first</p>");
        let range = blobs.push_text(0, text);
        let mut slices = vec![Blobs::text_at(range)];
        // Groups are filled in any order.
        slices.push(Blobs::text_at(blobs.push_text(1, "second")));
        slices.push(blobs.bytes(0, bytes));
        (quote! { #(#slices)* }, blobs.statics())
    }

    #[test]
    fn slices_name_their_positions_in_the_included_files() -> std::io::Result<()> {
        let dir = scratch("files");
        let (slices, statics) = blobs_of(Some(dir.clone()), "<p>OMA</p>", b"\x1f\x8b");
        assert_eq!(
            slices.to_string(),
            "slice_of (text_0 , 12 , 22) slice_of (text_1 , 0 , 6) slice (& BYTES_0 , 0 , 2)"
        );
        let paths = included_paths(&statics);
        assert_eq!(paths.len(), 4, "{statics}");
        // The text after a byte that makes the file no UTF-8, which the expansion skips.
        assert_eq!(fs::read(&paths[0])?, b"\xff<p>first</p><p>OMA</p>");
        assert!(std::str::from_utf8(&fs::read(&paths[0])?).is_err());
        assert!(statics.to_string().contains(". get (1 ..)"), "{statics}");
        assert_eq!(fs::read(&paths[1])?, b"\x1f\x8b");
        assert_eq!(fs::read(&paths[2])?, b"\xffsecond");
        assert_eq!(fs::read(&paths[3])?, b"");
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
        assert_eq!(now[1..], paths[1..], "the other files stay");
        let mut expected = now.clone();
        expected.sort();
        assert_eq!(
            files_in(&dir)?,
            expected,
            "no earlier file and no temporary file is left"
        );
        // Another key's files are not touched.
        let mut other = Blobs::new(Some(dir.clone()), 8);
        other.push_text(0, "other");
        let _ = other.statics();
        assert_eq!(fs::read_dir(&dir)?.count(), 6);
        fs::remove_dir_all(dir)
    }

    #[test]
    fn text_files_written_ahead_are_those_of_the_statics() -> std::io::Result<()> {
        let dir = scratch("ahead");
        // The text and bytes of `blobs_of`, the text files written before the bytes are added.
        let mut blobs = Blobs::new(Some(dir.clone()), 7);
        blobs.push_text(0, "<p>first</p>");
        blobs.push_text(0, "<p>OMA</p>");
        blobs.push_text(1, "second");
        blobs.write_texts();
        let written = files_in(&dir)?;
        blobs.bytes(0, b"\x1f");
        let ahead = blobs.statics();
        let (_, statics) = blobs_of(Some(dir.clone()), "<p>OMA</p>", b"\x1f");
        assert_eq!(ahead.to_string(), statics.to_string());
        let mut texts: Vec<PathBuf> = included_paths(&statics)
            .into_iter()
            .filter(|path| path.extension().is_some_and(|e| e == "html"))
            .collect();
        texts.sort();
        assert_eq!(
            written, texts,
            "the text files, and only they, written ahead"
        );
        // Text added after the files were written ahead goes into the files all the same.
        let mut late = Blobs::new(Some(dir.clone()), 9);
        late.push_text(0, "<p>one</p>");
        late.write_texts();
        late.push_text(0, "<p>two</p>");
        let paths = included_paths(&late.statics());
        assert_eq!(fs::read(&paths[0])?, b"\xff<p>one</p><p>two</p>");
        fs::remove_dir_all(dir)
    }

    #[test]
    fn without_a_folder_the_statics_are_literals() {
        let (_, statics) = blobs_of(None, "<p>OMA</p>", b"\x1f");
        assert_eq!(
            statics.to_string(),
            "# [allow (dead_code)] fn text_0 () -> & 'static str { \"<p>first</p><p>OMA</p>\" } \
             # [allow (dead_code)] static BYTES_0 : & [u8] = b\"\\x1F\" ; \
             # [allow (dead_code)] fn text_1 () -> & 'static str { \"second\" } \
             # [allow (dead_code)] static BYTES_1 : & [u8] = b\"\" ;"
        );
    }
}
