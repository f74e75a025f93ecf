//! A build kept in a file for the next one: what makes the macro, which rustc runs afresh on
//! every build, do again only what changed, as a [`Session`](crate::Session) does in memory.
//!
//! A build with a cache file (the macro's) starts from the [`Kept`] stored beside it and
//! stores its own there: each page as it rendered with what it read, the checks' index, the
//! LwM2M registry as read, the search words, what the documents were made with, and the
//! finished pages. What a session would take over, the build takes over, so it gives what
//! [`build`](crate::build()) gives from scratch. A header names the format and this compiler's
//! sources; a file of another compiler, other dependencies (another `Cargo.lock` above the
//! content folder), another content folder or other options, or one that does not decode, is
//! ignored: the build starts from nothing, as a session's first.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Kept, Options};
use crate::embed::EmbeddedPage;
use crate::source::write_atomically;

/// The first line of a stored file.
const HEADER: &str = concat!(
    "site stored build 1: compiler ",
    env!("SITE_COMPILER_SOURCES"),
    "\n"
);

/// What the file holds; written with the build's pages borrowed, read with them owned.
#[derive(Serialize, Deserialize)]
struct Stored<Pages> {
    /// What the build was of: [`Origin::of`].
    origin: Origin,
    kept: Kept,
    /// The build's finished pages.
    pages: Pages,
}

/// The content folder, the options and the dependencies of a build.
#[derive(Serialize, Deserialize, PartialEq, Eq)]
struct Origin {
    root: PathBuf,
    options: String,
    /// A hash of the nearest `Cargo.lock` above the content folder (0 without one): the
    /// versions of the crates this compiler was built with, which its sources' hash does not
    /// tell.
    dependencies: u64,
}

impl Origin {
    fn of(root: &Path, options: &Options) -> Origin {
        let dependencies = root
            .ancestors()
            .find_map(|folder| std::fs::read(folder.join("Cargo.lock")).ok())
            .map_or(0, |lock| xxhash_rust::xxh3::xxh3_64(&lock));
        Origin {
            root: root.to_path_buf(),
            options: format!("{options:?}"),
            dependencies,
        }
    }
}

/// The stored file of the build whose compression cache is `cache`.
pub(super) fn file_for(cache: &Path) -> PathBuf {
    cache.with_extension("build")
}

/// What a build of `root` with `options` starts from: the build stored in `file`, when it is
/// there and of the same origin; else nothing, as a session's first build. Either way the build
/// is kept for the next.
pub(super) fn read(file: &Path, root: &Path, options: &Options) -> Kept {
    let stored = std::fs::read(file).ok().and_then(|data| {
        let stored: Stored<Vec<EmbeddedPage>> =
            postcard::from_bytes(data.strip_prefix(HEADER.as_bytes())?).ok()?;
        (stored.origin == Origin::of(root, options)).then_some(stored)
    });
    let mut kept = match stored {
        Some(stored) => Kept {
            stored_pages: stored.pages,
            ..stored.kept
        },
        None => Kept::default(),
    };
    kept.keeping = true;
    kept
}

/// Stores `kept` and `pages`, the build of `root` with `options` just made, in `file`. A file
/// that cannot be written only costs the next build what it would have taken over.
pub(super) fn write(
    file: &Path,
    root: &Path,
    options: &Options,
    kept: Kept,
    pages: &[EmbeddedPage],
) {
    let stored = Stored {
        origin: Origin::of(root, options),
        kept,
        pages,
    };
    match postcard::to_extend(&stored, HEADER.as_bytes().to_vec()) {
        Ok(data) => {
            let _ = write_atomically(file, &data, None);
        }
        Err(_) => {
            let _ = std::fs::remove_file(file);
        }
    }
}
