//! The site's large strings and bytes, gathered into a few files that the expansion includes.
//!
//! Every document and every compressed variant is appended to the text or the bytes of its
//! group of pages; the page table's records hold their positions ([`Span`]), and the expansion
//! includes each group's two files once with `include_bytes!` (`::site::__private::Blob`).
//! Literal tokens would be escaped by the macro, interned and unescaped again by rustc, and a
//! file per page costs rustc about as much as rendering the page; rustc's time also grows with
//! every byte it includes, so debug builds pack each group's text with brotli ([`PACK`]):
//! pages share their chrome and menus, and a group packs into a small part of its size. Groups
//! rather than one pair of files for the whole site: an edit of one page changes one group's
//! files, and only the group's packing is redone. No crate does this (a proc macro has no
//! `OUT_DIR` of its own), hence this module.
//!
//! The files are named by the expansion's key (which crate, which content, which options) and
//! a hash of their bytes, so a rebuild of unchanged pages writes nothing and concurrent builds
//! write identical bytes; the files of the same key's earlier builds are deleted. Each is
//! written under a temporary name then renamed, and dated 1970: cargo rebuilds a crate when a
//! file named in its dep-info is newer than the build, and these are written during it. A
//! deleted file is missing from the dep-info, so cargo reruns the macro, which writes it again.
//!
//! The content's own files are served from the expansion too: text files (the LwM2M registry's
//! hundreds of XML files) gathered into one file, since rustc's cost of an included file is
//! mostly its own whatever its size; images and other binary files, large and compressed
//! already, included as they are, which also names them for dep-info.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use proc_macro2::{Literal, TokenStream};
use quote::quote;
use site_compiler::source::write_atomically;
use site_table::Span;

/// The brotli quality and window of packed text: the fastest quality, whose output is still a
/// small part of its input since a group's pages repeat their chrome.
const PACK: (i32, i32) = (1, 22);

/// The text and bytes of one expansion, in groups, the content's files it gathers into one
/// file and those it includes as they are, and where its files go.
pub(crate) struct Blobs {
    groups: Vec<Group>,
    gathered: Vec<u8>,
    included: Vec<PathBuf>,
    dir: Option<PathBuf>,
    key: u64,
    pack: bool,
}

/// What one group's two files hold: text (documents, generated text files), packed in debug
/// builds, and bytes (compressed variants, binary files), never packed.
#[derive(Default)]
struct Group {
    text: Vec<u8>,
    bytes: Vec<u8>,
}

/// One file of the expansion before it is written.
struct File {
    /// What the expansion reads.
    contents: Vec<u8>,
    /// Whether it is written packed.
    packed: bool,
}

impl File {
    /// The bytes written: [`NOT_UTF8`], then the contents, packed or not.
    fn stored(&self) -> Vec<u8> {
        let mut stored = vec![NOT_UTF8];
        match self.packed {
            true => pack(&self.contents, &mut stored),
            false => stored.extend_from_slice(&self.contents),
        }
        stored
    }

    /// The expansion's `::site::__private::Blob` of it, at `path` or, when it is not written,
    /// as a literal.
    fn blob(&self, path: Option<&Path>) -> TokenStream {
        let constructor = match self.packed {
            true => quote! { packed },
            false => quote! { written },
        };
        match path {
            Some(path) => {
                let path = path_literal(path);
                quote! { ::site::__private::Blob::#constructor(include_bytes!(#path)) }
            }
            None => {
                let bytes = Literal::byte_string(&self.stored());
                quote! { ::site::__private::Blob::#constructor(#bytes) }
            }
        }
    }
}

impl Blobs {
    /// Blobs of `groups` groups whose files go to `dir` (see [`folder`]), or nowhere (then
    /// the files are literal tokens), named after `key`; their text packed when `pack`.
    pub(crate) fn new(dir: Option<PathBuf>, key: u64, groups: usize, pack: bool) -> Blobs {
        Blobs {
            groups: (0..groups).map(|_| Group::default()).collect(),
            gathered: Vec::new(),
            included: Vec::new(),
            dir,
            key,
            pack,
        }
    }

    /// Appends `text` (UTF-8 where it is read as a string) to group `group`'s text (one of
    /// those [`Blobs::new`] made); gives its span.
    pub(crate) fn push_text(&mut self, group: usize, text: &[u8]) -> Span {
        let all = &mut self.groups[group].text;
        let start = all.len();
        all.extend_from_slice(text);
        span(2 * group, start, all.len())
    }

    /// Appends `bytes` to group `group`'s bytes; gives their span.
    pub(crate) fn push_bytes(&mut self, group: usize, bytes: &[u8]) -> Span {
        let all = &mut self.groups[group].bytes;
        let start = all.len();
        all.extend_from_slice(bytes);
        span(2 * group + 1, start, all.len())
    }

    /// Appends one of the content's text files to the file gathering them, packed like text;
    /// gives its span.
    pub(crate) fn gather(&mut self, bytes: &[u8]) -> Span {
        let start = self.gathered.len();
        self.gathered.extend_from_slice(bytes);
        span(2 * self.groups.len(), start, self.gathered.len())
    }

    /// The content's file at `path`, of `len` bytes, included as it is (not copied into a
    /// group's files, which are rewritten whenever the group changes): its span.
    pub(crate) fn include(&mut self, path: &Path, len: usize) -> Span {
        self.included.push(path.to_path_buf());
        span(2 * self.groups.len() + self.included.len(), 0, len)
    }

    /// The content's files included as they are: those whose inclusion tells rustc's dep-info
    /// of them.
    pub(crate) fn included(&self) -> &[PathBuf] {
        &self.included
    }

    /// The items `FILES` (every file as a `::site::__private::Blob`, in the order the spans
    /// number them) and `INDEX` (the page table, `index`). The files are packed and written
    /// on every core, those already there neither. Each file is a static in a module of its
    /// own: rustc evaluates and, building incrementally, generates code for a file again only
    /// when it changed, where one array of them all is made again whole on every edit, with
    /// every image and data file in it.
    pub(crate) fn statics(self, index: Vec<u8>) -> TokenStream {
        let Blobs {
            groups,
            gathered,
            included,
            dir,
            key,
            pack,
        } = self;
        let files: Vec<File> = groups
            .into_iter()
            .flat_map(|group| {
                [
                    File {
                        contents: group.text,
                        packed: pack,
                    },
                    File {
                        contents: group.bytes,
                        packed: false,
                    },
                ]
            })
            .chain([
                File {
                    contents: gathered,
                    packed: pack,
                },
                File {
                    contents: index,
                    packed: pack,
                },
            ])
            .collect();
        let paths: Vec<Option<PathBuf>> = match dir.as_deref() {
            Some(dir) => site_compiler::parallel::map(&files, |file| write(dir, key, file)),
            None => files.iter().map(|_| None).collect(),
        };
        if let Some(dir) = dir.as_deref() {
            let keep: Vec<&Path> = paths.iter().flatten().map(PathBuf::as_path).collect();
            remove_earlier(dir, key, &keep);
        }
        let mut blobs: Vec<TokenStream> = files
            .iter()
            .zip(&paths)
            .map(|(file, path)| file.blob(path.as_deref()))
            .collect();
        let index = blobs.pop();
        blobs.extend(included.iter().map(|path| {
            let path = path_literal(path);
            quote! { ::site::__private::Blob::file(include_bytes!(#path)) }
        }));
        let count = blobs.len();
        let modules: Vec<proc_macro2::Ident> = (0..count)
            .map(|at| quote::format_ident!("file_{at}"))
            .collect();
        quote! {
            #(mod #modules { pub(super) static BLOB: ::site::__private::Blob = #blobs; })*
            static FILES: [&::site::__private::Blob; #count] = [#(&#modules::BLOB),*];
            static INDEX: ::site::__private::Blob = #index;
        }
    }
}

/// The span `start..end` of file `file`.
fn span(file: usize, start: usize, end: usize) -> Span {
    let number = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Span {
        file: number(file),
        start: number(start),
        end: number(end),
    }
}

/// `bytes` packed with brotli at [`PACK`], appended to `output`.
fn pack(bytes: &[u8], output: &mut Vec<u8>) {
    let (quality, lgwin) = PACK;
    let params = brotli::enc::BrotliEncoderParams {
        quality,
        lgwin,
        size_hint: bytes.len(),
        ..Default::default()
    };
    // The whole input in one read: the fast qualities compress what they are given at a time
    // as a block of its own, and `BrotliCompress` reads 4 KB at a time, which would miss the
    // pages' repeats of each other.
    let mut input = vec![0; bytes.len().max(1)];
    let mut buffer = [0; 4096];
    // Reading from a slice and writing to a `Vec` cannot fail.
    let _ = brotli::BrotliCompressCustomAlloc(
        &mut &bytes[..],
        output,
        &mut input,
        &mut buffer,
        &params,
        brotli::enc::StandardAlloc::default(),
    );
}

/// The first byte of every file the macro writes: not UTF-8, so that rustc includes the file
/// as bytes only. Valid UTF-8 it would also keep a copy of the file as source text, hash it and
/// index its lines, at a large cost in time and memory (BENCHMARKS.md, "Compile time").
const NOT_UTF8: u8 = 0xff;

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

/// The file `KEY-HASH` in `dir` holding `file`, written if missing; its hash is of the contents
/// and whether they are packed, so a file already there is not packed again.
fn write(dir: &Path, key: u64, file: &File) -> Option<PathBuf> {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(&[u8::from(file.packed)]);
    hasher.update(&file.contents);
    let hash = hasher.digest128();
    let path = dir.join(format!("{key:016x}-{hash:032x}.{EXTENSION}"));
    if !path.exists() {
        write_atomically(&path, &file.stored(), Some(SystemTime::UNIX_EPOCH)).ok()?;
    }
    Some(path)
}

/// The extension of the files the macro writes.
const EXTENSION: &str = "site";

/// Deletes the files of `key` in `dir` but `keep`: those of its earlier builds.
fn remove_earlier(dir: &Path, key: u64, keep: &[&Path]) {
    let prefix = format!("{key:016x}-");
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let ours = entry.file_name().to_str().is_some_and(|name| {
            name.starts_with(&prefix)
                && [".html", ".bin", EXTENSION]
                    .iter()
                    .any(|extension| name.ends_with(extension))
        });
        if ours && !keep.contains(&path.as_path()) {
            let _ = fs::remove_file(path);
        }
    }
}

fn path_literal(path: &Path) -> Literal {
    Literal::string(&path.to_string_lossy())
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

    /// The paths inside `include_bytes!("…")`, in order.
    fn included_paths(tokens: &TokenStream) -> Vec<PathBuf> {
        let text = tokens.to_string();
        text.split("include_bytes !")
            .skip(1)
            .filter_map(|part| part.split('"').nth(1).map(PathBuf::from))
            .collect()
    }

    fn unpacked(stored: &[u8]) -> std::io::Result<Vec<u8>> {
        let mut unpacked = Vec::new();
        brotli::BrotliDecompress(&mut stored.get(1..).unwrap_or_default(), &mut unpacked)?;
        Ok(unpacked)
    }

    /// Blobs of key 7, two groups: the first holding two texts and bytes, the second a text;
    /// two XML files of the content gathered, an image included as it is. Their spans, and the
    /// statics.
    fn blobs_of(dir: Option<PathBuf>, text: &str, pack: bool) -> (Vec<Span>, TokenStream) {
        let mut blobs = Blobs::new(dir, 7, 2, pack);
        let spans = vec![
            blobs.push_text(0, b"<p>first</p>"),
            blobs.push_text(0, text.as_bytes()),
            blobs.push_text(1, b"second"),
            blobs.push_bytes(0, b"\x1f\x8b"),
            blobs.gather(b"<a/>"),
            blobs.include(Path::new("/content/public/x.png"), 4),
            blobs.gather(b"<b/>"),
        ];
        assert_eq!(blobs.included(), [Path::new("/content/public/x.png")]);
        (spans, blobs.statics(b"index".to_vec()))
    }

    #[test]
    fn spans_name_their_positions_in_the_included_files() -> std::io::Result<()> {
        let dir = scratch("files");
        let (spans, statics) = blobs_of(Some(dir.clone()), "<p>OMA</p>", false);
        let at = |file, start, end| Span { file, start, end };
        assert_eq!(
            spans,
            [
                at(0, 0, 12),
                at(0, 12, 22),
                at(2, 0, 6),
                at(1, 0, 2),
                at(4, 0, 4),
                at(5, 0, 4),
                at(4, 4, 8),
            ]
        );
        let paths = included_paths(&statics);
        // Group 0's text and bytes, group 1's, the gathered files, the included image, then
        // the index.
        assert_eq!(paths.len(), 7, "{statics}");
        assert_eq!(paths[5], Path::new("/content/public/x.png"));
        // Each written file after a byte that makes it no UTF-8, which the expansion skips.
        assert_eq!(fs::read(&paths[0])?, b"\xff<p>first</p><p>OMA</p>");
        assert_eq!(fs::read(&paths[1])?, b"\xff\x1f\x8b");
        assert_eq!(fs::read(&paths[2])?, b"\xffsecond");
        assert_eq!(fs::read(&paths[3])?, b"\xff");
        assert_eq!(fs::read(&paths[4])?, b"\xff<a/><b/>");
        assert_eq!(fs::read(&paths[6])?, b"\xffindex");
        let text = statics.to_string();
        assert!(
            text.contains("static FILES : [& :: site :: __private :: Blob ; 6usize]"),
            "{text}"
        );
        assert!(
            text.contains("mod file_5 { pub (super) static BLOB : :: site :: __private :: Blob = :: site :: __private :: Blob :: file (include_bytes ! (\"/content/public/x.png\")) ; }"),
            "{text}"
        );
        assert!(
            text.contains("Blob :: file (include_bytes ! (\"/content/public/x.png\"))"),
            "{text}"
        );
        assert!(!text.contains("packed"), "{text}");
        // Dated before any build, so that cargo does not rebuild because they were written.
        assert_eq!(fs::metadata(&paths[0])?.modified()?, SystemTime::UNIX_EPOCH);
        // The same bytes: the same files; other bytes: other files, and the earlier ones go.
        let (_, again) = blobs_of(Some(dir.clone()), "<p>OMA</p>", false);
        assert_eq!(again.to_string(), statics.to_string());
        let (_, changed) = blobs_of(Some(dir.clone()), "<p>LwM2M</p>", false);
        let now = included_paths(&changed);
        assert_ne!(now[0], paths[0]);
        assert_eq!(now[1..], paths[1..], "the other files stay");
        let mut expected: Vec<PathBuf> = now.into_iter().filter(|p| p.starts_with(&dir)).collect();
        expected.sort();
        assert_eq!(
            files_in(&dir)?,
            expected,
            "no earlier file and no temporary file is left"
        );
        // Another key's files are not touched.
        let mut other = Blobs::new(Some(dir.clone()), 8, 1, false);
        other.push_text(0, b"other");
        let _ = other.statics(Vec::new());
        // Its text, and one file for its empty bytes, gathered files and index, which are
        // equal.
        assert_eq!(fs::read_dir(&dir)?.count(), 6 + 2);
        fs::remove_dir_all(dir)
    }

    #[test]
    fn packed_text_unpacks_to_the_text() -> std::io::Result<()> {
        let dir = scratch("packed");
        let page = "<header>menu</header><main>LwM2M</main>".repeat(50);
        let (spans, statics) = blobs_of(Some(dir.clone()), &page, true);
        assert_eq!(spans[1].end as usize, 12 + page.len());
        let paths = included_paths(&statics);
        let stored = fs::read(&paths[0])?;
        assert!(stored.len() < page.len() / 4, "{} bytes", stored.len());
        assert_eq!(unpacked(&stored)?, format!("<p>first</p>{page}").as_bytes());
        assert_eq!(
            unpacked(&fs::read(&paths[4])?)?,
            b"<a/><b/>",
            "the gathered files too"
        );
        assert_eq!(unpacked(&fs::read(&paths[6])?)?, b"index", "the index too");
        assert_eq!(
            fs::read(&paths[1])?,
            b"\xff\x1f\x8b",
            "bytes are not packed"
        );
        let text = statics.to_string();
        assert_eq!(text.matches("Blob :: packed").count(), 4, "{text}");
        // Unpacked and packed files of the same text are different files.
        let (_, plain) = blobs_of(Some(dir.clone()), &page, false);
        assert_ne!(included_paths(&plain)[0], paths[0]);
        fs::remove_dir_all(dir)
    }

    #[test]
    fn without_a_folder_the_files_are_literals() {
        let (_, statics) = blobs_of(None, "<p>OMA</p>", false);
        let text = statics.to_string();
        assert!(
            text.contains("Blob :: written (b\"\\xFF<p>first</p><p>OMA</p>\")"),
            "{text}"
        );
        assert!(text.contains("static INDEX : :: site :: __private :: Blob = :: site :: __private :: Blob :: written (b\"\\xFFindex\")"), "{text}");
    }
}
