//! Brotli and gzip at their highest settings, deterministic: the same input gives the same
//! bytes on every machine and every build (no timestamps, no file names, fixed parameters).

use std::io::Write as _;

/// Brotli quality: 11 is the highest (and slowest); the output is served many times.
pub const BROTLI_QUALITY: i32 = 11;
/// Brotli window: 2^22 bytes, the encoder's default and what every browser accepts.
pub const BROTLI_WINDOW: i32 = 22;

/// `bytes` compressed with brotli at [`BROTLI_QUALITY`].
pub fn brotli(bytes: &[u8]) -> Vec<u8> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: BROTLI_QUALITY,
        lgwin: BROTLI_WINDOW,
        // A size hint lets the encoder pick its block sizes for this input, still deterministically.
        size_hint: bytes.len(),
        ..Default::default()
    };
    let mut output = Vec::with_capacity(bytes.len() / 3);
    // Reading from a slice and writing to a `Vec` cannot fail.
    let _ = brotli::BrotliCompress(&mut &bytes[..], &mut output, &params);
    output
}

/// `bytes` compressed with gzip at level 9. The header has no file name and a zero mtime.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let output = Vec::with_capacity(bytes.len() / 3);
    let mut encoder = flate2::GzBuilder::new()
        .mtime(0)
        .write(output, flate2::Compression::best());
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
        let compressed = brotli(TEXT);
        assert!(compressed.len() < TEXT.len());
        let mut decompressed = Vec::new();
        brotli::Decompressor::new(&compressed[..], 4096).read_to_end(&mut decompressed)?;
        assert_eq!(decompressed, TEXT);
        Ok(())
    }

    #[test]
    fn gzip_round_trips_with_a_fixed_header() -> std::io::Result<()> {
        let compressed = gzip(TEXT);
        // Magic, deflate, no flags, mtime 0, maximum compression, OS "unknown".
        assert_eq!(
            &compressed[..10],
            b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
        );
        let mut decompressed = Vec::new();
        flate2::read::GzDecoder::new(&compressed[..]).read_to_end(&mut decompressed)?;
        assert_eq!(decompressed, TEXT);
        Ok(())
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
