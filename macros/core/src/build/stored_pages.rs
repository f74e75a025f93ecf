//! Each page as it rendered, stored one file per page in a folder beside the compression
//! cache, for the next build: the macro, which rustc runs afresh on every build, then parses
//! and renders again only the pages a [`Session`](crate::Session) would render again (their
//! text, or what they read of the site, changed), and indexes their words again.
//!
//! One file per page rather than one for the site, so that an edit writes the edited page's
//! file alone. Each file starts with a header naming the format, this compiler's sources, the
//! dependencies (the `Cargo.lock` above the content), the content folder and the mode; a file
//! of another, or one that does not decode, is ignored and the page rendered again.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::stored::dependencies;
use super::{Keeping, Kept, KeptPage};
use crate::embed::search::PageWords;
use crate::source::write_atomically;

/// The folder of the build whose compression cache is `cache`.
pub(super) fn folder_for(cache: &Path) -> PathBuf {
    cache.with_extension("pages")
}

/// The header of every file of a build of `root` in this mode.
fn header(root: &Path, lenient: bool, untrusted: bool) -> Vec<u8> {
    format!(
        "site stored page 1: compiler {}, dependencies {:016x}, lenient {lenient}, untrusted {untrusted}, root {}\n",
        env!("SITE_COMPILER_SOURCES"),
        dependencies(root),
        root.display(),
    )
    .into_bytes()
}

/// The file of the page at `relative`.
fn file_of(folder: &Path, relative: &str) -> PathBuf {
    let name = xxhash_rust::xxh3::xxh3_64(relative.as_bytes());
    folder.join(format!("{name:016x}"))
}

/// The pages stored in `folder` by a build of `root` in this mode, each with its path in the
/// content folder and the words the search index took from it when it is indexed.
#[derive(Default)]
pub(super) struct StoredPages(Vec<(String, KeptPage, Option<PageWords>)>);

/// Reads the pages stored in `folder` by a build of `root` in this mode.
pub(super) fn read(folder: &Path, root: &Path, lenient: bool, untrusted: bool) -> StoredPages {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return StoredPages::default();
    };
    let header = header(root, lenient, untrusted);
    let files: Vec<PathBuf> = entries.flatten().map(|entry| entry.path()).collect();
    let stored = crate::parallel::map(&files, |file| {
        let data = std::fs::read(file).ok()?;
        let stored = data.strip_prefix(header.as_slice())?;
        postcard::from_bytes(stored).ok()
    });
    StoredPages(stored.into_iter().flatten().collect())
}

impl StoredPages {
    /// Puts the pages into `kept`, which then keeps this build's for the next.
    pub(super) fn put_into(self, kept: &mut Kept) {
        kept.keeping = Keeping::Pages;
        for (relative, page, words) in self.0 {
            if let Some(words) = words {
                kept.documents.search.insert(page.page.route.clone(), words);
            }
            kept.pages.insert(relative, page);
        }
    }
}

/// Stores in `folder` the pages of `kept` that this build (of `root` in this mode) rendered,
/// and removes the files of pages it no longer has. A file that cannot be written only costs
/// the next build its page.
pub(super) fn write(folder: &Path, root: &Path, lenient: bool, untrusted: bool, kept: &Kept) {
    if std::fs::create_dir_all(folder).is_err() {
        return;
    }
    let header = header(root, lenient, untrusted);
    crate::parallel::map(&kept.rendered, |relative| {
        let Some(page) = kept.pages.get(relative) else {
            return;
        };
        let words = kept.documents.search.get(&page.page.route);
        if let Ok(encoded) = postcard::to_allocvec(&(relative, page, words)) {
            let data = [header.as_slice(), &encoded].concat();
            let _ = write_atomically(&file_of(folder, relative), &data, None);
        }
    });
    let present: HashSet<PathBuf> = kept
        .pages
        .keys()
        .map(|relative| file_of(folder, relative))
        .collect();
    for entry in std::fs::read_dir(folder).into_iter().flatten().flatten() {
        if !present.contains(&entry.path()) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
