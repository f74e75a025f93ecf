//! The LwM2M registry's part of a build, stored in a file beside the compression cache for the
//! next build: what keeps the macro, which rustc runs afresh on every build, from reading,
//! checking, rendering and indexing the registry again when nothing under it changed. A
//! [`Session`](crate::Session) keeps the same in memory.
//!
//! The file holds the registry as read ([`KeptRegistry`], taken back only while
//! [`registry::stamp`](crate::registry::stamp) of its files is the same), the words of its
//! pages and the search file of reference entries (taken back by the search index as a
//! session's are; the words, encoded apart, decoded only when that file is made again). A
//! header names the format and this compiler's sources; a file of another compiler, other
//! dependencies (another `Cargo.lock` above the content folder), another content folder or
//! mode, or one that does not decode, is ignored.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Kept, KeptRegistry, PageWords, ReferenceSearch};
use crate::source::write_atomically;

/// The first line of a stored file.
const HEADER: &str = concat!(
    "site stored registry 2: compiler ",
    env!("SITE_COMPILER_SOURCES"),
    "\n"
);

/// What the file holds.
#[derive(Serialize, Deserialize)]
struct Stored {
    /// The content folder and the mode the registry was read in.
    root: PathBuf,
    lenient: bool,
    /// [`dependencies`] when it was.
    dependencies: u64,
    registry: KeptRegistry,
    words: StoredWords,
    reference: Option<ReferenceSearch>,
}

/// The words of the registry's pages, by route, encoded: most builds take the reference
/// entries' search file over and need none of them.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct StoredWords(Vec<u8>);

impl StoredWords {
    fn encode(words: &[(String, PageWords)]) -> Option<StoredWords> {
        postcard::to_allocvec(words).ok().map(StoredWords)
    }

    /// The words, or none if they do not decode (each page's are then read again).
    pub(crate) fn decode(self) -> Vec<(String, PageWords)> {
        postcard::from_bytes(&self.0).unwrap_or_default()
    }
}

/// The stored file of the build whose compression cache is `cache`.
pub(super) fn file_for(cache: &Path) -> PathBuf {
    cache.with_extension("registry")
}

/// What a build of `root` in this mode starts from: the registry's part stored in `file`, when
/// it is there and this compiler's; else nothing.
pub(super) fn read(file: &Path, root: &Path, lenient: bool) -> Kept {
    let mut kept = Kept::default();
    let Some(stored) = std::fs::read(file).ok().and_then(|data| decode(&data)) else {
        return kept;
    };
    if stored.root != root || stored.lenient != lenient || stored.dependencies != dependencies(root)
    {
        return kept;
    }
    kept.registry = Some(stored.registry);
    kept.documents.stored_words = Some(stored.words);
    kept.documents.reference_search = stored.reference;
    kept
}

/// Stores the registry's part of `kept`, the build of `root` in this mode just made, in
/// `file`, unless the build took all of it over from there. Without a registry, removes the
/// file. A file that cannot be written only costs the next build the registry.
pub(super) fn write(file: &Path, root: &Path, lenient: bool, kept: Kept) {
    let Kept {
        registry,
        registry_read,
        documents,
        ..
    } = kept;
    let Some(registry) = registry else {
        let _ = std::fs::remove_file(file);
        return;
    };
    if !registry_read && !documents.reference_made {
        return;
    }
    // The registry's pages' words alone, as they were stored when the build did not decode
    // them; the others are stored with their pages.
    let encode_words = || {
        let routes: HashSet<&str> = registry
            .pages
            .iter()
            .map(|page| page.route.as_str())
            .collect();
        let words: Vec<(String, PageWords)> = documents
            .search
            .into_iter()
            .filter(|(route, _)| routes.contains(route.as_str()))
            .collect();
        StoredWords::encode(&words)
    };
    let Some(words) = documents.stored_words.or_else(encode_words) else {
        return;
    };
    let stored = Stored {
        root: root.to_path_buf(),
        lenient,
        dependencies: dependencies(root),
        registry,
        words,
        reference: documents.reference_search,
    };
    let Ok(encoded) = postcard::to_allocvec(&stored) else {
        return;
    };
    let mut data = HEADER.as_bytes().to_vec();
    data.extend(encoded);
    let _ = write_atomically(file, &data, None);
}

/// A hash of the nearest `Cargo.lock` above `root` (0 without one): the versions of the crates
/// this compiler was built with, which its sources' hash does not tell.
pub(super) fn dependencies(root: &Path) -> u64 {
    root.ancestors()
        .find_map(|folder| std::fs::read(folder.join("Cargo.lock")).ok())
        .map_or(0, |lock| xxhash_rust::xxh3::xxh3_64(&lock))
}

fn decode(data: &[u8]) -> Option<Stored> {
    postcard::from_bytes(data.strip_prefix(HEADER.as_bytes())?).ok()
}

/// The reference entries' search file ([`SiteAsset`](crate::render::assets::SiteAsset)),
/// whose content type is the search index's.
pub(crate) mod search_file {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use crate::embed::search::CONTENT_TYPE;
    use crate::render::assets::SiteAsset;

    pub(crate) fn serialize<S: Serializer>(
        file: &Option<SiteAsset>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        file.as_ref()
            .map(|file| (&file.route, &file.bytes))
            .serialize(serializer)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<SiteAsset>, D::Error> {
        let file = Option::<(String, Vec<u8>)>::deserialize(deserializer)?;
        Ok(file.map(|(route, bytes)| SiteAsset {
            route,
            content_type: CONTENT_TYPE,
            bytes,
        }))
    }
}
