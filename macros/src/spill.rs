//! Large literals go to files that the expansion includes (`include_str!`, `include_bytes!`).
//!
//! rustc reads an included file at the speed of the disk, while a literal token is escaped by
//! the macro, interned and unescaped again by the parser: for a 1,000-page site (60 MB of
//! documents and compressed variants) that was most of the macro's time. No crate does this
//! (a proc macro has no `OUT_DIR` of its own), hence this module.
//!
//! Files are named by a hash of their bytes, so an edit writes only the files of what
//! changed and concurrent builds write identical bytes. Each is written once, under a
//! temporary name then renamed, and dated 1970: cargo rebuilds a crate when a file named in
//! its dep-info is newer than the build, and these are written during it. A deleted file is
//! missing from the dep-info, so cargo reruns the macro, which writes it again.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use proc_macro2::{Literal, TokenStream};
use quote::{ToTokens as _, quote};
use site_compiler::embed::cache::write_atomically;

/// Below this many bytes a literal costs less than a file.
const MIN_SPILLED_BYTES: usize = 2048;

/// Where the included files go, or nowhere (then every literal stays a token).
pub(crate) struct Spill {
    dir: Option<PathBuf>,
}

impl Spill {
    /// The folder of included files, created if needed: `OUT_DIR` when the calling crate has a
    /// build script, otherwise next to rustc's output folder (`target/PROFILE/site-pages`, so
    /// `cargo clean` removes it), otherwise the system's temporary folder.
    pub(crate) fn new() -> Spill {
        let dir = std::env::var_os("OUT_DIR")
            .map(PathBuf::from)
            .or_else(rustc_out_dir)
            .unwrap_or_else(std::env::temp_dir)
            .join("site-pages");
        Spill {
            dir: fs::create_dir_all(&dir).is_ok().then_some(dir),
        }
    }

    /// The folder, if it could be created.
    pub(crate) fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// A `&'static str` expression of `text`.
    pub(crate) fn str(&self, text: &str) -> TokenStream {
        match self.file(text.as_bytes(), "html") {
            Some(path) => quote! { include_str!(#path) },
            None => Literal::string(text).into_token_stream(),
        }
    }

    /// A `&'static [u8]` expression of `bytes`.
    pub(crate) fn bytes(&self, bytes: &[u8]) -> TokenStream {
        match self.file(bytes, "bin") {
            Some(path) => quote! { include_bytes!(#path) },
            None => Literal::byte_string(bytes).into_token_stream(),
        }
    }

    /// The path of a file holding `bytes`, written if missing; `None` for short literals and
    /// when the file cannot be written.
    fn file(&self, bytes: &[u8], extension: &str) -> Option<String> {
        let dir = self
            .dir
            .as_ref()
            .filter(|_| bytes.len() >= MIN_SPILLED_BYTES)?;
        let hash = xxhash_rust::xxh3::xxh3_128(bytes);
        let path = dir.join(format!("{hash:032x}.{extension}"));
        if !path.exists() {
            write_atomically(&path, bytes, Some(SystemTime::UNIX_EPOCH)).ok()?;
        }
        path.to_str().map(str::to_owned)
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

    fn spill_in(name: &str) -> (Spill, PathBuf) {
        let dir = std::env::temp_dir().join(format!("spill-test-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let spill = Spill {
            dir: fs::create_dir_all(&dir).is_ok().then(|| dir.clone()),
        };
        (spill, dir)
    }

    /// The path inside `include_*!("…")`.
    fn included_path(tokens: &TokenStream) -> Option<PathBuf> {
        let text = tokens.to_string();
        let start = text.find('"')? + 1;
        let end = text.rfind('"')?;
        Some(PathBuf::from(text.get(start..end)?))
    }

    #[test]
    fn short_literals_stay_tokens() {
        let (spill, dir) = spill_in("short");
        assert_eq!(spill.str("<p>Hi</p>").to_string(), r#""<p>Hi</p>""#);
        assert_eq!(spill.bytes(b"\x1f\x8b").to_string(), r#"b"\x1F\x8B""#);
        assert_eq!(fs::read_dir(&dir).map(Iterator::count).ok(), Some(0));
        let _ = fs::remove_dir_all(dir);
    }

    #[test]
    fn long_literals_are_included_from_a_file_named_by_their_bytes() -> std::io::Result<()> {
        let (spill, dir) = spill_in("long");
        let text = "<p>OMA SpecWorks</p>".repeat(200);
        let tokens = spill.str(&text);
        assert!(tokens.to_string().starts_with("include_str !"), "{tokens}");
        let path = included_path(&tokens)
            .ok_or("no path")
            .map_err(std::io::Error::other)?;
        assert!(path.starts_with(&dir));
        assert_eq!(fs::read_to_string(&path)?, text);
        // Dated before any build, so that cargo does not rebuild because the file was written.
        assert_eq!(fs::metadata(&path)?.modified()?, SystemTime::UNIX_EPOCH);
        // The same bytes: the same file, not written again; other bytes: another file.
        assert_eq!(spill.str(&text).to_string(), tokens.to_string());
        let bytes = spill.bytes(text.as_bytes());
        assert!(bytes.to_string().starts_with("include_bytes !"), "{bytes}");
        assert_ne!(
            spill.str(&text.replace("OMA", "LwM2M")).to_string(),
            tokens.to_string()
        );
        assert_eq!(fs::read_dir(&dir)?.count(), 3, "no temporary file is left");
        fs::remove_dir_all(dir)
    }

    #[test]
    fn without_a_folder_every_literal_is_a_token() {
        let spill = Spill { dir: None };
        let text = "x".repeat(MIN_SPILLED_BYTES * 2);
        assert!(spill.str(&text).to_string().starts_with('"'));
    }
}
