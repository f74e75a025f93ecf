//! Strong entity tags from a content hash: the same bytes give the same tag on any machine and
//! in any build, so every copy of the binary (and every replica behind a load balancer) agrees.

use std::fmt::Write as _;

/// The strong entity tag of `bytes`, quoted as it goes in the `ETag` header: `"` + 32 hex
/// digits of the 128-bit XXH3 hash + `"`. XXH3's output is fixed by its specification,
/// independent of the platform's endianness and word size.
pub fn etag(bytes: &[u8]) -> String {
    let hash = xxhash_rust::xxh3::xxh3_128(bytes);
    let mut tag = String::with_capacity(34);
    tag.push('"');
    let _ = write!(tag, "{hash:032x}");
    tag.push('"');
    tag
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_a_quoted_strong_tag_fixed_by_the_bytes() {
        // A known value: if this changes, every client's cache is invalidated on deploy.
        assert_eq!(etag(b""), "\"99aa06d3014798d86001c324468d497f\"");
        assert_eq!(etag(b"<h1>Home</h1>"), etag(b"<h1>Home</h1>"));
        assert_ne!(etag(b"<h1>Home</h1>"), etag(b"<h1>Home</h1> "));
        let tag = etag(b"x");
        assert_eq!(tag.len(), 34);
        assert!(tag.starts_with('"') && tag.ends_with('"') && !tag.starts_with("W/"));
    }
}
