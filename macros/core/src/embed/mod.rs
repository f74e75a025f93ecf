//! The embed stage, after rendering: everything the server sends, computed once at build time.
//!
//! Each page and text asset gets a strong entity tag ([`etag`]) and, when the build compresses,
//! a brotli and a gzip variant ([`compress`], kept between builds by [`cache`]); the redirect
//! table is checked ([`redirects`]); the sitemap ([`sitemap`]), the news feed ([`feed`]) and
//! the search index ([`search`]) are generated. The macro turns the result into literals and the server only picks one of
//! them per request.

pub mod cache;
pub mod compress;
pub mod etag;
pub mod feed;
pub mod redirects;
mod reuse;
pub mod search;
pub mod sitemap;
pub mod xml;

use crate::Error;
use crate::load::AssetFile;
use crate::render::RenderedPage;
use crate::render::article::FEED_ROUTE;
use crate::render::assets::SiteAsset;
use cache::{Codec, CompressionCache};
use std::path::{Path, PathBuf};

/// Whether the compiler was built with debug assertions, as the macro is in a debug build
/// (`cargo build`): then the macro embeds no compressed variants unless asked, and packs each
/// group of documents, so that rustc, whose time grows with every byte it includes, gets a
/// small part of the bytes (BENCHMARKS.md, "Compile time"). Release builds embed everything as
/// it is served.
pub const DEBUG_BUILD: bool = cfg!(debug_assertions);

/// The public URL of the site, which the sitemap's absolute URLs start with, unless
/// [`SITE_URL_VAR`] names another.
pub const DEFAULT_SITE_URL: &str = "https://omaspecworks.org";

/// The environment variable naming the site's public URL, for the sitemap.
pub const SITE_URL_VAR: &str = "SITE_BASE_URL";

/// The site's public URL: [`SITE_URL_VAR`] when it is set, else [`DEFAULT_SITE_URL`].
pub fn site_url() -> String {
    std::env::var(SITE_URL_VAR).unwrap_or_else(|_| DEFAULT_SITE_URL.into())
}

/// A compressed variant of a body and its entity tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Encoded {
    /// The compressed bytes.
    pub bytes: Vec<u8>,
    /// The strong entity tag of these bytes, quoted.
    pub etag: String,
}

/// What the server can send for one body: its entity tag, and the compressed variants that
/// are smaller than it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Variants {
    /// The strong entity tag of the uncompressed body, quoted.
    pub etag: String,
    /// The brotli variant, if the body is compressible and brotli makes it smaller.
    pub br: Option<Encoded>,
    /// The gzip variant, if the body is compressible and gzip makes it smaller.
    pub gzip: Option<Encoded>,
}

impl Variants {
    /// The variants of `bytes`; compressed ones only when `compressible`, taken from `cache`
    /// when it has them.
    pub fn of(bytes: &[u8], compressible: bool, cache: Option<&CompressionCache>) -> Variants {
        let encode = |codec: Codec| {
            let compressed = match cache {
                Some(cache) => cache.compress(codec, bytes),
                None => codec.compress(bytes),
            };
            (compressed.len() < bytes.len()).then(|| Encoded {
                etag: etag::etag(&compressed),
                bytes: compressed,
            })
        };
        Variants {
            etag: etag::etag(bytes),
            br: compressible.then(|| encode(Codec::Brotli)).flatten(),
            gzip: compressible.then(|| encode(Codec::Gzip)).flatten(),
        }
    }
}

/// A static file with its variants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbeddedAsset {
    /// Route it is served at.
    pub route: String,
    /// Its `Content-Type`.
    pub content_type: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
    /// The content folder's file it was read from; `None` for a generated one (the sitemap,
    /// the news feed, the compiler's own assets).
    pub file: Option<PathBuf>,
    /// Its entity tag and compressed variants.
    pub variants: Variants,
    /// Whether its file name carries a content hash, so it can be cached for good.
    pub immutable: bool,
}

/// A page's finished document and its variants.
#[derive(Debug, Clone)]
pub struct EmbeddedPage {
    /// The page.
    pub page: RenderedPage,
    /// The entity tag and compressed variants of `page.html`.
    pub variants: Variants,
}

/// The asset table: the content folder's static files (read here), the compiler's own assets
/// and, unless the content has its own, the sitemap of `pages` (sorted by route) at `site_url`
/// and the news feed of their articles, for the site mounted at `base_path` there; sorted by
/// route, without variants yet.
pub fn asset_table(
    files: &[AssetFile],
    site_assets: Vec<SiteAsset>,
    pages: &[&RenderedPage],
    site_url: &str,
    base_path: &str,
) -> Result<Vec<EmbeddedAsset>, Error> {
    let mut assets = Vec::with_capacity(files.len() + site_assets.len() + 1);
    for file in files {
        assets.push(EmbeddedAsset {
            route: file.route.clone(),
            content_type: file.content_type.clone(),
            bytes: read(&file.path)?,
            file: Some(file.path.clone()),
            variants: Variants::default(),
            immutable: is_hashed(&file.route),
        });
    }
    let generated = |route: String, content_type: &str, bytes: Vec<u8>| EmbeddedAsset {
        immutable: is_hashed(&route),
        route,
        content_type: content_type.into(),
        bytes,
        file: None,
        variants: Variants::default(),
    };
    for asset in site_assets {
        assets.push(generated(asset.route, asset.content_type, asset.bytes));
    }
    let in_content = |route: &str| files.iter().any(|file| file.route == route);
    if !in_content(sitemap::ROUTE) {
        let page_routes: Vec<&str> = pages.iter().map(|page| page.route.as_str()).collect();
        let sitemap = sitemap::render(site_url, base_path, &page_routes).into_bytes();
        assets.push(generated(sitemap::ROUTE.into(), "application/xml", sitemap));
    }
    if !in_content(FEED_ROUTE) {
        if let Some(feed) = feed::render(site_url, base_path, pages) {
            assets.push(generated(
                FEED_ROUTE.into(),
                feed::CONTENT_TYPE,
                feed.into_bytes(),
            ));
        }
    }
    assets.sort_by(|a, b| a.route.cmp(&b.route));
    Ok(assets)
}

/// How bodies are encoded.
#[derive(Debug, Clone, Copy)]
pub enum Encoding<'a> {
    /// Entity tags only: nothing is compressed (a check, a preview).
    Identity,
    /// Brotli and gzip variants of every compressible body, taken from `cache` when it has
    /// them.
    Compressed(Option<&'a CompressionCache>),
}

/// The variants of each body (bytes and content type), on every core: brotli at quality 11
/// is the slow part of a release build.
pub fn variants(bodies: &[(&[u8], &str)], encoding: Encoding<'_>) -> Vec<Variants> {
    let (compress, cache) = match encoding {
        Encoding::Identity => (false, None),
        Encoding::Compressed(cache) => (true, cache),
    };
    crate::parallel::map(bodies, |(bytes, content_type)| {
        Variants::of(
            bytes,
            compress && compress::compressible(content_type),
            cache,
        )
    })
}

fn read(path: &Path) -> Result<Vec<u8>, Error> {
    std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Whether the file name of `route` carries a content hash, as bundlers write them
/// (`app.3f2a9c1b.js`, `chunk-3f2a9c1b.css`): a part of at least 8 hexadecimal digits with
/// both digits and letters among them, between `.`, `-` or `_`. Such a file never changes, so
/// it can be cached for a year.
pub fn is_hashed(route: &str) -> bool {
    let name = route.rsplit('/').next().unwrap_or(route);
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    stem.split(['.', '-', '_']).skip(1).any(|part| {
        part.len() >= 8
            && part.bytes().all(|b| b.is_ascii_hexdigit())
            && part.bytes().any(|b| b.is_ascii_digit())
            && part.bytes().any(|b| b.is_ascii_alphabetic())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_are_recognised() {
        for yes in [
            "/_nuxt/app.3f2a9c1b.js",
            "/css/chunk-3F2A9C1B77.css",
            "/a/b/logo_0a1b2c3d.svg",
        ] {
            assert!(is_hashed(yes), "{yes}");
        }
        for no in [
            "/images/lwm2m/working_together_1.jpg",
            "/report-20230609.pdf",
            "/deadbeefcafe.js",
            "/x.abcdefab.png",
            "/3f2a9c1b/logo.png",
        ] {
            assert!(!is_hashed(no), "{no}");
        }
    }

    #[test]
    fn variants_are_kept_only_when_smaller() {
        let html = "<p>OMA SpecWorks</p>".repeat(20);
        let variants = Variants::of(html.as_bytes(), true, None);
        assert!(
            variants
                .br
                .as_ref()
                .is_some_and(|br| br.bytes.len() < html.len())
        );
        assert!(
            variants
                .gzip
                .as_ref()
                .is_some_and(|gz| gz.bytes.len() < html.len())
        );
        let tags = [
            Some(&variants.etag),
            variants.br.as_ref().map(|v| &v.etag),
            variants.gzip.as_ref().map(|v| &v.etag),
        ];
        assert!(tags[0] != tags[1] && tags[1] != tags[2] && tags[0] != tags[2]);
        // Too short to gain anything.
        let tiny = Variants::of(b"<p>", true, None);
        assert_eq!((tiny.br, tiny.gzip), (None, None));
        // Not compressible: no variant at all.
        let image = Variants::of(html.as_bytes(), false, None);
        assert_eq!((image.br, image.gzip), (None, None));
    }
}
