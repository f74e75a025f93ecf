//! Compressed variants kept between builds, so that a one-page edit compresses one page.
//!
//! Brotli at quality 11 takes about 95 ms a page: without this, every release build of a
//! 1,000-page site spends minutes recompressing pages that did not change. An entry is named
//! by a hash of its input, the codec and its settings, and a fingerprint of the encoder's
//! output (a new encoder version that compresses differently gets new entries), so a hit
//! gives the bytes a fresh build would. Entries are written under a temporary name and then
//! renamed, so a reader never sees half a file, and dated 1970, so that the macro can have
//! rustc include them (see `site_macros`' `spill`): the variants are written once, here.

use std::fs::{self, File, FileTimes};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::SystemTime;

use super::compress;

/// A codec whose output can be cached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

    /// The file-name suffix of this codec's entries: its settings and the encoder's
    /// fingerprint.
    fn suffix(self) -> String {
        match self {
            Codec::Brotli => format!(
                "br-q{}-w{}-{:016x}",
                compress::BROTLI_QUALITY,
                compress::BROTLI_WINDOW,
                *ENCODER_FINGERPRINT
            ),
            Codec::Gzip => format!("gz-{}-{:016x}", compress::GZIP_LEVEL, *ENCODER_FINGERPRINT),
        }
    }
}

/// A hash of both encoders' output for a fixed sample.
static ENCODER_FINGERPRINT: LazyLock<u64> = LazyLock::new(|| {
    let sample = "<!DOCTYPE html><p>OMA SpecWorks: LwM2M, IPSO Smart Objects.</p>".repeat(64);
    let mut output = compress::brotli(sample.as_bytes());
    output.extend(compress::gzip(sample.as_bytes()));
    xxhash_rust::xxh3::xxh3_64(&output)
});

/// A folder of compressed variants.
#[derive(Debug, Clone)]
pub struct CompressionCache {
    dir: PathBuf,
}

impl CompressionCache {
    /// The cache in `dir`, created if missing; `None` when it cannot be.
    pub fn new(dir: &Path) -> Option<CompressionCache> {
        fs::create_dir_all(dir).ok()?;
        Some(CompressionCache {
            dir: dir.to_path_buf(),
        })
    }

    /// `codec.compress(bytes)` and the file holding it: read from the cache when an earlier
    /// build stored it, stored otherwise. A cache that cannot be read or written only costs
    /// the compression (and gives no file).
    pub fn compress(&self, codec: Codec, bytes: &[u8]) -> (Vec<u8>, Option<PathBuf>) {
        let hash = xxhash_rust::xxh3::xxh3_128(bytes);
        let path = self.dir.join(format!("{hash:032x}.{}", codec.suffix()));
        if let Ok(cached) = fs::read(&path) {
            if !cached.is_empty() {
                return (cached, Some(path));
            }
        }
        let compressed = codec.compress(bytes);
        let stored = write_atomically(&path, &compressed, Some(SystemTime::UNIX_EPOCH));
        (compressed, stored.is_ok().then_some(path))
    }
}

/// Writes `bytes` to `path` under a temporary name, dated `modified` if given, then renames
/// it: concurrent builds writing the same file, and readers, only ever see it whole.
pub fn write_atomically(
    path: &Path,
    bytes: &[u8],
    modified: Option<SystemTime>,
) -> std::io::Result<()> {
    static UNIQUE: AtomicU64 = AtomicU64::new(0);
    let unique = UNIQUE.fetch_add(1, Ordering::Relaxed);
    let temporary = path.with_extension(format!("{}-{unique}.tmp", std::process::id()));
    let written = File::create(&temporary).and_then(|mut file| {
        file.write_all(bytes)?;
        match modified {
            Some(time) => file.set_times(FileTimes::new().set_modified(time)),
            None => Ok(()),
        }
    });
    let renamed = written.and_then(|()| fs::rename(&temporary, path));
    if renamed.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    renamed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hit_gives_the_bytes_a_fresh_compression_gives() -> std::io::Result<()> {
        let dir = std::env::temp_dir().join(format!("compression-cache-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let cache = CompressionCache::new(&dir).ok_or(std::io::ErrorKind::Other)?;
        let page = "<main><h1>LwM2M</h1><p>Device management.</p></main>".repeat(50);
        for codec in [Codec::Brotli, Codec::Gzip] {
            let fresh = codec.compress(page.as_bytes());
            let (missed, file) = cache.compress(codec, page.as_bytes());
            assert_eq!(missed, fresh, "miss");
            let Some(file) = file else {
                panic!("a stored entry gives its file");
            };
            assert_eq!(fs::read(&file)?, fresh, "the file holds the bytes");
            assert_eq!(fs::metadata(&file)?.modified()?, SystemTime::UNIX_EPOCH);
            assert_eq!(
                cache.compress(codec, page.as_bytes()),
                (fresh, Some(file)),
                "hit"
            );
        }
        let entries: Vec<PathBuf> = fs::read_dir(&dir)?
            .map(|entry| entry.map(|entry| entry.path()))
            .collect::<Result<_, _>>()?;
        assert_eq!(
            entries.len(),
            2,
            "one entry per codec, no temporary file left"
        );
        // The entry is what is served on a hit: replacing it shows it is read, not recomputed.
        let brotli = entries
            .iter()
            .find(|path| path.to_string_lossy().contains(".br-q"))
            .ok_or(std::io::ErrorKind::NotFound)?;
        fs::write(brotli, b"stored")?;
        assert_eq!(cache.compress(Codec::Brotli, page.as_bytes()).0, b"stored");
        assert_ne!(cache.compress(Codec::Brotli, b"other input").0, b"stored");
        fs::remove_dir_all(dir)
    }
}
