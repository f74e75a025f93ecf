//! The site's own assets: the stylesheet made for the pages, the colour-mode, enhancement and
//! search scripts and the DM Sans fonts, each served at a URL carrying its content hash so it is cached for a year.

use super::chrome::AssetUrls;

/// A file the compiler makes or ships, served at `route`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteAsset {
    /// Its URL, with the content hash in the file name.
    pub route: String,
    /// Its `Content-Type`.
    pub content_type: &'static str,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// Stands for the stylesheet's URL until the stylesheet is made from the finished pages.
pub(crate) const STYLESHEET_PLACEHOLDER: &str = "/_site/style.__pending__.css";

const THEME_SCRIPT: &str = include_str!("../../assets/theme.js");

/// The progressive enhancement of data tables, carousels, HubSpot forms and code blocks,
/// loaded only by the pages that have one.
const ENHANCE_SCRIPT: &str = include_str!("../../assets/enhance.js");

/// The header's search field: results as the reader types, from the search index
/// (`embed::search`), fetched when first needed. Every page loads it.
const SEARCH_SCRIPT: &str = include_str!("../../assets/search.js");

/// DM Sans, OFL (see `assets/fonts/OFL.txt`): weight and file.
const FONTS: &[(u16, &[u8])] = &[
    (
        400,
        include_bytes!("../../assets/fonts/dm-sans-latin-400-normal.woff2"),
    ),
    (
        500,
        include_bytes!("../../assets/fonts/dm-sans-latin-500-normal.woff2"),
    ),
    (
        700,
        include_bytes!("../../assets/fonts/dm-sans-latin-700-normal.woff2"),
    ),
];

/// `/_site/NAME.HASH.EXT`: 16 hex digits of the content hash.
pub(crate) fn hashed_route(name: &str, extension: &str, bytes: &[u8]) -> String {
    let hash = xxhash_rust::xxh3::xxh3_64(bytes);
    format!("/_site/{name}.{hash:016x}.{extension}")
}

/// The script and fonts, and the URLs the chrome links to (the stylesheet's still a placeholder).
pub(crate) fn fixed_assets() -> (Vec<SiteAsset>, AssetUrls) {
    let script = SiteAsset {
        route: hashed_route("theme", "js", THEME_SCRIPT.as_bytes()),
        content_type: "text/javascript; charset=utf-8",
        bytes: THEME_SCRIPT.as_bytes().to_vec(),
    };
    let enhance = SiteAsset {
        route: hashed_route("enhance", "js", ENHANCE_SCRIPT.as_bytes()),
        content_type: "text/javascript; charset=utf-8",
        bytes: ENHANCE_SCRIPT.as_bytes().to_vec(),
    };
    let search = SiteAsset {
        route: hashed_route("search", "js", SEARCH_SCRIPT.as_bytes()),
        content_type: "text/javascript; charset=utf-8",
        bytes: SEARCH_SCRIPT.as_bytes().to_vec(),
    };
    let urls = AssetUrls {
        stylesheet: STYLESHEET_PLACEHOLDER.into(),
        script: script.route.clone(),
        enhance: enhance.route.clone(),
        search: search.route.clone(),
        feed: false,
    };
    let mut assets = vec![script, enhance, search];
    for (weight, bytes) in FONTS {
        assets.push(SiteAsset {
            route: hashed_route(&format!("fonts/dm-sans-{weight}"), "woff2", bytes),
            content_type: "font/woff2",
            bytes: bytes.to_vec(),
        });
    }
    (assets, urls)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_carry_a_content_hash() {
        let (assets, urls) = fixed_assets();
        assert_eq!(assets.len(), 6);
        assert!(urls.search.starts_with("/_site/search.") && urls.search.ends_with(".js"));
        assert!(urls.script.starts_with("/_site/theme.") && urls.script.ends_with(".js"));
        assert!(urls.enhance.starts_with("/_site/enhance.") && urls.enhance.ends_with(".js"));
        assert_eq!(
            hashed_route("a", "css", b"x"),
            hashed_route("a", "css", b"x")
        );
        assert_ne!(
            hashed_route("a", "css", b"x"),
            hashed_route("a", "css", b"y")
        );
    }
}
