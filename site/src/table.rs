//! The types the content macro fills in: a static, sorted table of pages, assets and redirects,
//! each body with its precompressed variants and entity tags.

use maud::PreEscaped;

/// A compressed variant of a body, made at compile time, and its strong entity tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Encoded {
    /// The compressed bytes; empty when compressing would not make the body smaller.
    pub bytes: &'static [u8],
    /// The entity tag of `bytes`, quoted (`"…"`); empty when `bytes` is.
    pub etag: &'static str,
}

impl Encoded {
    /// No variant: the body is sent as it is.
    pub const NONE: Encoded = Encoded {
        bytes: &[],
        etag: "",
    };

    /// Whether there is such a variant.
    pub const fn is_some(&self) -> bool {
        !self.bytes.is_empty()
    }
}

/// One page compiled from a markdown file.
#[derive(Debug)]
pub struct Page {
    /// Canonical route, without trailing slash (`/lwm2m/about`); the home page is `/`.
    pub route: &'static str,
    /// The page title: front matter `title`, else its first `#` heading, else its file name.
    pub title: &'static str,
    /// Front matter `description`, empty when absent.
    pub description: &'static str,
    /// The whole front matter as JSON text (`{}` when the page has none).
    pub front_matter: &'static str,
    /// The rendered content (components, legacy modules and markdown), without page chrome.
    pub body: PreEscaped<&'static str>,
    /// The complete HTML document served for this route.
    pub html: &'static str,
    /// The strong entity tag of `html`, quoted.
    pub etag: &'static str,
    /// `html` compressed with brotli.
    pub br: Encoded,
    /// `html` compressed with gzip.
    pub gzip: Encoded,
}

/// A static file (image, font, …) served at its route.
#[derive(Debug)]
pub struct Asset {
    /// Route the file is served at (`/images/lwm2m/working_together_1.jpg`).
    pub route: &'static str,
    /// The `Content-Type` to serve it with.
    pub content_type: &'static str,
    /// The file's bytes, embedded in the binary.
    pub bytes: &'static [u8],
    /// The strong entity tag of `bytes`, quoted.
    pub etag: &'static str,
    /// `bytes` compressed with brotli (text formats only).
    pub br: Encoded,
    /// `bytes` compressed with gzip (text formats only).
    pub gzip: Encoded,
    /// Whether the file name carries a content hash (`app.3f2a9c1b.js`): such a file never
    /// changes, so it is cached for a year without revalidation.
    pub immutable: bool,
}

/// An old path that moved: answered with a permanent redirect to `to`.
#[derive(Debug)]
pub struct Redirect {
    /// The old path, decoded, without trailing slash.
    pub from: &'static str,
    /// The page route it moved to, maybe with an `#anchor`.
    pub to: &'static str,
}

/// Every page, asset and redirect of a content folder, each table sorted by its key.
#[derive(Debug)]
pub struct Site {
    /// Pages sorted by route.
    pub pages: &'static [Page],
    /// Assets sorted by route, the generated `/sitemap.xml` among them.
    pub assets: &'static [Asset],
    /// Redirects sorted by old path, from the content folder's `redirects.yml`.
    pub redirects: &'static [Redirect],
    /// The page answered with status 404; its route is `/404`, which is not in `pages`.
    pub not_found: Page,
}

impl Site {
    /// The page at exactly `route` (no trailing slash but for `/`). Allocates nothing.
    pub fn page(&self, route: &str) -> Option<&'static Page> {
        find(self.pages, route, |page| page.route)
    }

    /// The asset at exactly `route`.
    pub fn asset(&self, route: &str) -> Option<&'static Asset> {
        find(self.assets, route, |asset| asset.route)
    }

    /// The redirect of the old path `path`, matched exactly.
    pub fn redirect(&self, path: &str) -> Option<&'static Redirect> {
        find(self.redirects, path, |redirect| redirect.from)
    }
}

/// The item of the sorted `table` whose key is `key`.
fn find<T>(table: &'static [T], key: &str, key_of: impl Fn(&T) -> &str) -> Option<&'static T> {
    table
        .binary_search_by(|item| key_of(item).cmp(key))
        .ok()
        .and_then(|index| table.get(index))
}

#[cfg(test)]
mod tests {
    use super::*;

    static PAGES: [Page; 2] = [page("/"), page("/lwm2m/about")];
    static ASSETS: [Asset; 1] = [Asset {
        route: "/images/x.png",
        content_type: "image/png",
        bytes: b"\x89PNG",
        etag: "\"1\"",
        br: Encoded::NONE,
        gzip: Encoded::NONE,
        immutable: false,
    }];
    static REDIRECTS: [Redirect; 1] = [Redirect {
        from: "/lwm2m",
        to: "/lwm2m/about",
    }];
    static SITE: Site = Site {
        pages: &PAGES,
        assets: &ASSETS,
        redirects: &REDIRECTS,
        not_found: page("/404"),
    };

    const fn page(route: &'static str) -> Page {
        Page {
            route,
            title: "",
            description: "",
            front_matter: "{}",
            body: PreEscaped(""),
            html: route,
            etag: "\"0\"",
            br: Encoded::NONE,
            gzip: Encoded::NONE,
        }
    }

    #[test]
    fn lookups_are_exact() {
        assert_eq!(
            SITE.page("/lwm2m/about").map(|p| p.route),
            Some("/lwm2m/about")
        );
        assert_eq!(SITE.page("/").map(|p| p.route), Some("/"));
        assert!(SITE.page("/lwm2m/about/").is_none());
        assert!(SITE.page("/lwm2m").is_none());
        assert!(SITE.asset("/images/x.png").is_some());
        assert!(SITE.asset("/images/x.png/").is_none());
        assert_eq!(SITE.redirect("/lwm2m").map(|r| r.to), Some("/lwm2m/about"));
        assert!(SITE.redirect("/lwm2m/").is_none());
    }

    #[test]
    fn encoded_none_is_no_variant() {
        assert!(!Encoded::NONE.is_some());
        assert!(
            Encoded {
                bytes: b"x",
                etag: "\"x\""
            }
            .is_some()
        );
    }
}
