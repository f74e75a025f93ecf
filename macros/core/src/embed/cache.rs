//! Compressed variants kept between builds, so that a one-page edit compresses one page.
//!
//! Brotli at quality 11 is slow: without this, every release build of a large site spends
//! minutes recompressing pages that did not change (BENCHMARKS.md). The cache is one
//! file (thousands of small files cost a build from scratch more than compressing them at the
//! debug levels): a header naming the codecs' settings and a fingerprint of the encoders'
//! output, so that other settings or a new encoder version start afresh, then one entry per
//! compressed body, keyed by a hash of its input and its codec. It keeps what the last build
//! used, rewritten (under a temporary name then renamed) only when a build compressed
//! something or left entries unused.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex};

use crate::source::write_atomically;

use super::compress;

/// A codec whose output can be cached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Codec {
    /// Brotli at [`compress::BROTLI_QUALITY`].
    Brotli,
    /// Gzip at [`compress::GZIP_LEVEL`].
    Gzip,
}

impl Codec {
    /// Compresses `bytes`.
    pub fn compress(self, bytes: &[u8]) -> Vec<u8> {
        match self {
            Codec::Brotli => compress::brotli(bytes),
            Codec::Gzip => compress::gzip(bytes),
        }
    }

    /// Its byte in the cache file.
    fn tag(self) -> u8 {
        match self {
            Codec::Brotli => b'b',
            Codec::Gzip => b'g',
        }
    }
}

/// The first line of a cache file: the format and every setting its entries depend on.
static HEADER: LazyLock<String> = LazyLock::new(|| {
    format!(
        "site compression cache 4: brotli {} window up to {}, gzip {}, encoders {:016x}\n",
        compress::BROTLI_QUALITY,
        compress::BROTLI_WINDOW,
        compress::GZIP_LEVEL,
        *ENCODER_FINGERPRINT
    )
});

/// A hash of both encoders' output for a fixed sample, larger than the pieces an encoder may
/// be fed at a time (4 KB).
static ENCODER_FINGERPRINT: LazyLock<u64> = LazyLock::new(|| {
    let sample = "<!DOCTYPE html><p>OMA SpecWorks: LwM2M, IPSO Smart Objects.</p>".repeat(256);
    let mut output = compress::brotli(sample.as_bytes());
    output.extend(compress::gzip(sample.as_bytes()));
    xxhash_rust::xxh3::xxh3_64(&output)
});

/// An entry's key: the hash of the input and the codec.
type Key = (u128, Codec);

/// The compressed variants an earlier build kept in one file, and those this build used.
#[derive(Debug)]
pub struct CompressionCache {
    file: PathBuf,
    kept: HashMap<Key, Vec<u8>>,
    /// Entries of `kept` this build used.
    hits: Mutex<HashSet<Key>>,
    /// What this build compressed.
    misses: Mutex<HashMap<Key, Vec<u8>>>,
}

impl CompressionCache {
    /// The cache kept in `file`: empty when the file is missing, unreadable, or written with
    /// other settings.
    pub fn open(file: &Path) -> CompressionCache {
        let kept = fs::read(file)
            .ok()
            .and_then(|data| parse(&data))
            .unwrap_or_default();
        CompressionCache {
            file: file.to_path_buf(),
            kept,
            hits: Mutex::default(),
            misses: Mutex::default(),
        }
    }

    /// `codec.compress(bytes)`, taken from the cache when it has it; remembered for
    /// [`CompressionCache::save`] either way.
    pub fn compress(&self, codec: Codec, bytes: &[u8]) -> Vec<u8> {
        let key = (hash(bytes), codec);
        if let Some(cached) = self.kept.get(&key) {
            if let Ok(mut hits) = self.hits.lock() {
                hits.insert(key);
            }
            return cached.clone();
        }
        let compressed = codec.compress(bytes);
        if let Ok(mut misses) = self.misses.lock() {
            misses.insert(key, compressed.clone());
        }
        compressed
    }

    /// Keeps for the next build exactly what this build used: rewrites the file unless it
    /// holds just that already. A file that cannot be written only costs the next build the
    /// compression.
    pub fn save(&self) {
        let (Ok(hits), Ok(misses)) = (self.hits.lock(), self.misses.lock()) else {
            return;
        };
        if misses.is_empty() && hits.len() == self.kept.len() {
            return;
        }
        let used = self
            .kept
            .iter()
            .filter(|(key, _)| hits.contains(key))
            .chain(misses.iter());
        let _ = write_atomically(&self.file, &encode(used), None);
    }
}

/// A cache file holding `entries`.
fn encode<'a>(entries: impl Iterator<Item = (&'a Key, &'a Vec<u8>)> + Clone) -> Vec<u8> {
    let size = entries
        .clone()
        .map(|(_, bytes)| 21 + bytes.len())
        .sum::<usize>();
    let mut data = Vec::with_capacity(HEADER.len() + size);
    data.extend(HEADER.as_bytes());
    for ((input, codec), bytes) in entries {
        let Ok(len) = u32::try_from(bytes.len()) else {
            continue;
        };
        data.extend(input.to_le_bytes());
        data.push(codec.tag());
        data.extend(len.to_le_bytes());
        data.extend(bytes);
    }
    data
}

fn hash(input: &[u8]) -> u128 {
    xxhash_rust::xxh3::xxh3_128(input)
}

/// The entries of a cache file written with the current settings. A file cut short keeps the
/// entries before the cut.
fn parse(data: &[u8]) -> Option<HashMap<Key, Vec<u8>>> {
    let mut rest = data.strip_prefix(HEADER.as_bytes())?;
    let mut entries = HashMap::new();
    while let Some((head, tail)) = rest.split_first_chunk::<21>() {
        let (input, codec_and_len) = head.split_at(16);
        let (codec, len) = codec_and_len.split_at(1);
        let input = u128::from_le_bytes(input.try_into().ok()?);
        let codec = match codec {
            [b'b'] => Codec::Brotli,
            [b'g'] => Codec::Gzip,
            _ => break,
        };
        let len = u32::from_le_bytes(len.try_into().ok()?) as usize;
        if tail.len() < len {
            break;
        }
        let (bytes, tail) = tail.split_at(len);
        entries.insert((input, codec), bytes.to_vec());
        rest = tail;
    }
    Some(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("compression-cache-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let _ = fs::create_dir_all(&dir);
        dir
    }

    /// A cache file holding `entries` (input, codec, compressed bytes).
    fn write_cache(file: &Path, entries: &[(&[u8], Codec, &[u8])]) -> std::io::Result<()> {
        let entries: Vec<(Key, Vec<u8>)> = entries
            .iter()
            .map(|(input, codec, bytes)| ((hash(input), *codec), bytes.to_vec()))
            .collect();
        fs::write(
            file,
            encode(entries.iter().map(|(key, bytes)| (key, bytes))),
        )
    }

    fn fresh_of(bytes: &[u8]) -> Vec<u8> {
        Codec::Brotli.compress(bytes)
    }

    #[test]
    fn a_hit_gives_what_the_last_build_kept() -> std::io::Result<()> {
        let dir = scratch("hit");
        let file = dir.join("cache");
        let page = "<main><h1>LwM2M</h1><p>Device management.</p></main>".repeat(50);
        let empty = CompressionCache::open(&file);
        assert_eq!(
            empty.compress(Codec::Brotli, page.as_bytes()),
            fresh_of(page.as_bytes()),
            "miss"
        );
        empty.save();
        assert!(
            CompressionCache::open(&file)
                .kept
                .contains_key(&(hash(page.as_bytes()), Codec::Brotli)),
            "what was compressed is kept"
        );
        assert_eq!(fs::read_dir(&dir)?.count(), 1, "no temporary file is left");
        // What is kept is what is served on a hit: made-up bytes come back.
        write_cache(
            &file,
            &[
                (page.as_bytes(), Codec::Brotli, b"stored br"),
                (page.as_bytes(), Codec::Gzip, b"stored gz"),
            ],
        )?;
        let cache = CompressionCache::open(&file);
        assert_eq!(cache.compress(Codec::Brotli, page.as_bytes()), b"stored br");
        assert_eq!(cache.compress(Codec::Gzip, page.as_bytes()), b"stored gz");
        assert_eq!(
            cache.compress(Codec::Brotli, b"other input"),
            fresh_of(b"other input")
        );
        fs::remove_dir_all(dir)
    }

    #[test]
    fn the_file_is_rewritten_only_when_its_entries_change() -> std::io::Result<()> {
        let dir = scratch("rewrite");
        let file = dir.join("cache");
        write_cache(&file, &[(b"input", Codec::Gzip, b"output")])?;
        fs::write(&file, [fs::read(&file)?, b"junk".to_vec()].concat())?;
        // The same entries used: not written again, so the junk stays (and is ignored).
        let cache = CompressionCache::open(&file);
        assert_eq!(cache.compress(Codec::Gzip, b"input"), b"output");
        cache.save();
        assert!(fs::read(&file)?.ends_with(b"junk"));
        // An entry left unused: rewritten without it.
        CompressionCache::open(&file).save();
        let cache = CompressionCache::open(&file);
        assert_ne!(cache.compress(Codec::Gzip, b"input"), b"output");
        fs::remove_dir_all(dir)
    }

    #[test]
    fn a_file_of_other_settings_or_cut_short_gives_what_it_can() -> std::io::Result<()> {
        let dir = scratch("foreign");
        let file = dir.join("cache");
        let (a, b) = (&b"first"[..], &b"second"[..]);
        write_cache(
            &file,
            &[(a, Codec::Brotli, b"A"), (b, Codec::Brotli, b"BB")],
        )?;
        let whole = fs::read(&file)?;
        fs::write(&file, &whole[..whole.len() - 1])?;
        let cut = CompressionCache::open(&file);
        assert_eq!(cut.compress(Codec::Brotli, a), b"A");
        assert_eq!(cut.compress(Codec::Brotli, b), fresh_of(b));
        fs::write(&file, whole.to_ascii_uppercase())?;
        let foreign = CompressionCache::open(&file);
        assert_eq!(foreign.compress(Codec::Brotli, a), fresh_of(a));
        fs::remove_dir_all(dir)
    }
}
