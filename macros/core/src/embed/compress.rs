//! Brotli and gzip, deterministic: the same input gives the same bytes on every machine and
//! every build of one profile (no timestamps, no file names, fixed parameters).
//!
//! Release builds use the highest settings: the output is served many times. Debug builds use
//! the fastest ones, since brotli at quality 11 is by far the slowest step of the macro (see
//! BENCHMARKS.md, "Compile time"). The macro is compiled with the profile's debug assertions, so
//! `cargo build` gets the fast levels and `cargo build --release` the best ones;
//! `debug-assertions = false` under `[profile.dev.build-override]` gives debug builds the
//! release bytes.

use std::cell::RefCell;
use std::io::Write as _;

use flate2::{Compress, Compression, Crc, FlushCompress, Status};

use super::reuse::Reusing;

/// How brotli compresses: a build's settings ([`BROTLI`]), and the others
/// `examples/brotli_settings.rs` weighs them against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BrotliSettings {
    /// 0 (fastest) to 11 (fewest bytes).
    pub quality: i32,
    /// The brotli crate's quality "9.5", with `quality` 10: quality 10's block splitting and
    /// context modelling over quality 9's match finder, without 10's and 11's optimal parsing.
    pub q9_5: bool,
    /// The largest window, as a power of two: at most [`BROTLI_WINDOW`].
    pub window: i32,
    /// Whether each body gets the smallest window that holds it (up to `window`) rather than
    /// `window` itself.
    pub fitted: bool,
}

impl BrotliSettings {
    /// Quality `quality` with windows fitted to each body, up to the largest.
    pub const fn quality(quality: i32) -> BrotliSettings {
        BrotliSettings {
            quality,
            q9_5: false,
            window: BROTLI_WINDOW,
            fitted: true,
        }
    }
}

/// Brotli quality: 11, the highest (and slowest), in release builds; 1 in debug builds.
///
/// Not 2, although on its own it compresses pages as fast as 1 (which has an encoder of its
/// own) into fewer bytes: inside rustc, whose allocator hands out the encoder's large tables
/// less cheaply, it made the macro's compression much slower (BENCHMARKS.md, "Compile time").
pub const BROTLI_QUALITY: i32 = if cfg!(debug_assertions) { 1 } else { 11 };
/// The largest brotli window: 2^22 bytes, the encoder's default and what every browser accepts.
pub const BROTLI_WINDOW: i32 = 22;

/// The settings of this profile's builds.
pub const BROTLI: BrotliSettings = BrotliSettings::quality(BROTLI_QUALITY);

/// Gzip level: 9, the highest, in release builds; 1 in debug builds.
pub const GZIP_LEVEL: u32 = if cfg!(debug_assertions) { 1 } else { 9 };

/// The window for `len` bytes: the smallest that holds them all (the encoder keeps 16 bytes
/// of it for itself), up to `largest`. A larger one finds no more matches in them, and the
/// encoder's tables grow with it, which slows quality 11 down for the same bytes.
fn brotli_window(len: usize, largest: i32) -> i32 {
    let mut window = BROTLI_MIN_WINDOW;
    while window < largest && (1usize << window) - 16 < len {
        window += 1;
    }
    window
}

/// The smallest window brotli has.
const BROTLI_MIN_WINDOW: i32 = 10;

/// `bytes` compressed with brotli at [`BROTLI`].
pub fn brotli(bytes: &[u8]) -> Vec<u8> {
    brotli_with(bytes, BROTLI)
}

/// `bytes` compressed with brotli at `settings`.
pub fn brotli_with(bytes: &[u8], settings: BrotliSettings) -> Vec<u8> {
    brotli_in(bytes, settings, Reusing)
}

/// `bytes` compressed with brotli at `settings`, the encoder's memory from `alloc`.
fn brotli_in(
    bytes: &[u8],
    settings: BrotliSettings,
    alloc: impl brotli::enc::BrotliAlloc,
) -> Vec<u8> {
    let window = settings.window.clamp(BROTLI_MIN_WINDOW, BROTLI_WINDOW);
    let params = brotli::enc::BrotliEncoderParams {
        quality: settings.quality,
        q9_5: settings.q9_5,
        lgwin: match settings.fitted {
            true => brotli_window(bytes.len(), window),
            false => window,
        },
        // A size hint lets the encoder pick its block sizes for this input, still deterministically.
        size_hint: bytes.len(),
        ..Default::default()
    };
    let mut output = Vec::with_capacity(bytes.len() / 3);
    // The whole input in one read: the fast qualities (debug builds) compress what they are
    // given at a time as a block of its own, and the crate's `BrotliCompress` reads 4 KB at a
    // time, missing every repeat further back. Fed at once they compress faster into fewer
    // bytes; quality 11 gives the same bytes.
    let mut input = vec![0; bytes.len().max(1)];
    let mut buffer = [0; 4096];
    // Reading from a slice and writing to a `Vec` cannot fail.
    let _ = brotli::BrotliCompressCustomAlloc(
        &mut &bytes[..],
        &mut output,
        &mut input,
        &mut buffer,
        &params,
        alloc,
    );
    output
}

/// `bytes` compressed with gzip at [`GZIP_LEVEL`]. The header has no file name and a zero mtime.
///
/// The gzip frame is written here around a deflate state kept by each thread, byte for byte
/// what flate2's gzip writer gives (a test checks it): that writer allocates a new state of
/// about 300 KB for each body, which rustc's allocator makes costly.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    thread_local! {
        static DEFLATE: RefCell<Compress> =
            RefCell::new(Compress::new(Compression::new(GZIP_LEVEL), false));
    }
    let mut output = Vec::with_capacity(GZIP_HEADER.len() + bytes.len() / 3 + GZIP_TRAILER);
    output.extend(GZIP_HEADER);
    if DEFLATE
        .with_borrow_mut(|deflate| deflate_into(deflate, bytes, &mut output))
        .is_err()
    {
        return gzip_writer(bytes);
    }
    let mut crc = Crc::new();
    crc.update(bytes);
    output.extend(crc.sum().to_le_bytes());
    // The size modulo 2^32, as the format says.
    output.extend((bytes.len() as u32).to_le_bytes());
    output
}

/// A gzip member's header as flate2 writes it: magic, deflate, no flags, mtime 0, XFL (2 for
/// the slowest compression, 4 for the fastest), OS unknown.
const GZIP_HEADER: [u8; 10] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, GZIP_EXTRA_FLAGS, 255];
/// The header's XFL byte.
const GZIP_EXTRA_FLAGS: u8 = match GZIP_LEVEL {
    9.. => 2,
    0..=1 => 4,
    _ => 0,
};
/// The trailer's bytes: CRC-32 and size.
const GZIP_TRAILER: usize = 8;

/// Appends `bytes` deflated by `deflate`, reset first, to `output`.
fn deflate_into(
    deflate: &mut Compress,
    bytes: &[u8],
    output: &mut Vec<u8>,
) -> Result<(), flate2::CompressError> {
    deflate.reset();
    loop {
        // Room for the next output, so that every call makes progress.
        output.reserve(bytes.len() / 8 + 1024);
        let read = usize::try_from(deflate.total_in()).unwrap_or(usize::MAX);
        let rest = bytes.get(read..).unwrap_or_default();
        if deflate.compress_vec(rest, output, FlushCompress::Finish)? == Status::StreamEnd {
            return Ok(());
        }
    }
}

/// `bytes` compressed by flate2's gzip writer: what [`gzip`] falls back to, and checks
/// itself against.
fn gzip_writer(bytes: &[u8]) -> Vec<u8> {
    let output = Vec::with_capacity(bytes.len() / 3);
    let mut encoder = flate2::GzBuilder::new()
        .mtime(0)
        .write(output, Compression::new(GZIP_LEVEL));
    // Writing to a `Vec` cannot fail.
    let _ = encoder.write_all(bytes);
    encoder.finish().unwrap_or_default()
}

/// Whether files of `content_type` are worth compressing: text and text-like formats. Images,
/// audio, video and archives are compressed already.
pub fn compressible(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    let (kind, subtype) = essence.split_once('/').unwrap_or((&essence, ""));
    match kind {
        "text" => true,
        "font" => matches!(subtype, "ttf" | "otf" | "sfnt" | "collection"),
        "image" => matches!(subtype, "svg+xml" | "x-icon" | "vnd.microsoft.icon" | "bmp"),
        "application" => {
            subtype.ends_with("+xml")
                || subtype.ends_with("+json")
                || matches!(
                    subtype,
                    "javascript" | "json" | "xml" | "wasm" | "x-javascript" | "ld+json"
                )
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read as _;

    const TEXT: &[u8] = b"<!DOCTYPE html><html><body><p>OMA SpecWorks, OMA SpecWorks, OMA SpecWorks</p></body></html>";

    #[test]
    fn brotli_round_trips() -> std::io::Result<()> {
        // Long enough for quality 1 (debug builds) to gain something too.
        let text = TEXT.repeat(4);
        let compressed = brotli(&text);
        assert!(compressed.len() < text.len());
        let mut decompressed = Vec::new();
        brotli::Decompressor::new(&compressed[..], 4096).read_to_end(&mut decompressed)?;
        assert_eq!(decompressed, text);
        Ok(())
    }

    #[test]
    fn brotli_finds_repeats_far_apart() -> std::io::Result<()> {
        // 3 KB of letters without repeats of their own, eight times over.
        let mut state = 1u32;
        let block: Vec<u8> = (0..3_000)
            .map(|_| {
                state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                b'a' + (state >> 16) as u8 % 26
            })
            .collect();
        let text = block.repeat(8);
        let compressed = brotli(&text);
        // The first copy costs about what letters cost (under 5 bits each); the other seven
        // are references to it.
        assert!(compressed.len() < 2_500, "{} bytes", compressed.len());
        let mut decompressed = Vec::new();
        brotli::Decompressor::new(&compressed[..], 4096).read_to_end(&mut decompressed)?;
        assert_eq!(decompressed, text);
        Ok(())
    }

    #[test]
    fn reused_buffers_give_the_same_bytes_as_new_ones() {
        let page: Vec<u8> = TEXT.iter().cycle().take(6_000).copied().collect();
        for quality in [1, 11] {
            let settings = BrotliSettings::quality(quality);
            let fresh = brotli_in(&page, settings, brotli::enc::StandardAlloc::default());
            // The first call leaves its buffers to the second, which takes them dirty.
            for _ in 0..2 {
                assert_eq!(
                    brotli_in(&page, settings, Reusing),
                    fresh,
                    "quality {quality}"
                );
            }
        }
    }

    #[test]
    fn the_window_holds_the_input_up_to_the_largest() -> std::io::Result<()> {
        assert_eq!(brotli_window(0, 22), 10);
        assert_eq!(brotli_window(1008, 22), 10);
        assert_eq!(brotli_window(1009, 22), 11);
        assert_eq!(brotli_window(30_000, 22), 15);
        assert_eq!(brotli_window(30_000, 12), 12);
        assert_eq!(brotli_window(1 << 22, 22), 22);
        assert_eq!(brotli_window(usize::MAX, 22), 22);
        // Around a window's size, and repeating from far back: every size decodes to itself.
        let line: Vec<u8> = (0..=255u8).collect();
        for len in [1008, 1009, 65_520, 65_521, 200_000] {
            let text: Vec<u8> = line.iter().copied().cycle().take(len).collect();
            let mut decompressed = Vec::new();
            brotli::Decompressor::new(&brotli(&text)[..], 4096).read_to_end(&mut decompressed)?;
            assert_eq!(decompressed, text, "{len} bytes");
        }
        Ok(())
    }

    #[test]
    fn gzip_round_trips_with_a_fixed_header() -> std::io::Result<()> {
        let compressed = gzip(TEXT);
        // Magic, deflate, no flags, mtime 0, maximum (2) or fastest (4) compression, OS
        // "unknown".
        let xfl = if GZIP_LEVEL == 9 { 2 } else { 4 };
        assert_eq!(
            &compressed[..10],
            &[0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, xfl, 0xff]
        );
        let mut decompressed = Vec::new();
        flate2::read::GzDecoder::new(&compressed[..]).read_to_end(&mut decompressed)?;
        assert_eq!(decompressed, TEXT);
        Ok(())
    }

    #[test]
    fn gzip_gives_what_flate2s_gzip_writer_gives() {
        // Empty, short, and longer than the output reserved at a time.
        for length in [0, 1, 90, 5_000, 300_000] {
            let text: Vec<u8> = TEXT.iter().cycle().take(length).copied().collect();
            assert_eq!(gzip(&text), gzip_writer(&text), "{length} bytes");
        }
        // The state kept between calls starts afresh each time.
        assert_eq!(gzip(b"<p>one</p>"), gzip_writer(b"<p>one</p>"));
    }

    #[test]
    fn the_same_input_gives_the_same_bytes() {
        assert_eq!(brotli(TEXT), brotli(TEXT));
        assert_eq!(gzip(TEXT), gzip(TEXT));
    }

    #[test]
    fn text_is_compressible_images_are_not() {
        for yes in [
            "text/html; charset=utf-8",
            "text/css",
            "application/javascript",
            "application/json",
            "application/xml",
            "application/rss+xml",
            "image/svg+xml",
            "font/ttf",
        ] {
            assert!(compressible(yes), "{yes}");
        }
        for no in [
            "image/png",
            "image/jpeg",
            "image/webp",
            "font/woff2",
            "application/pdf",
            "application/zip",
            "application/octet-stream",
        ] {
            assert!(!compressible(no), "{no}");
        }
    }
}
