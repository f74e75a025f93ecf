//! The types the content macro fills in: a static, sorted table of pages, assets and redirects,
//! each body with its precompressed variants and entity tags.

use std::fmt;
use std::ops::Deref;
use std::sync::OnceLock;

use crate::blob::Blob;
use crate::lwm2m;
use crate::{Binary, NavItem, Text, Value};
use maud::PreEscaped;

/// A compressed variant of a body, made at compile time, and its strong entity tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Encoded {
    /// The compressed bytes; empty when compressing would not make the body smaller.
    pub bytes: Binary,
    /// The entity tag of `bytes`, quoted (`"…"`); empty when `bytes` is.
    pub etag: &'static str,
}

impl Encoded {
    /// No variant: the body is sent as it is.
    pub const NONE: Encoded = Encoded {
        bytes: Binary::EMPTY,
        etag: "",
    };

    /// Whether there is such a variant.
    pub fn is_some(&self) -> bool {
        !self.bytes.is_empty()
    }
}

/// One page compiled from a markdown file.
///
/// Every field is static data in the binary: reading one copies nothing. The document and the
/// body are [`Text`]s: they dereference to `str`, and [`Text::get`] gives the `&'static str`.
#[derive(Debug, Clone)]
pub struct Page {
    /// Canonical route within the site, without trailing slash (`/lwm2m/about`); the home
    /// page is `/`.
    pub route: &'static str,
    /// Where to link to it: the route under the site's base path (`/docs/lwm2m/about`).
    pub url: &'static str,
    /// The page title: front matter `title`, else its first `#` heading, else its file name.
    pub title: &'static str,
    /// Front matter `description`, empty when absent.
    pub description: &'static str,
    /// Front matter `layout` (`doc` has a table of contents), empty when absent.
    pub layout: &'static str,
    /// Whether the menus list it: not a partial (`_` file or folder) and no
    /// `navigation: false` in its front matter.
    pub listed: bool,
    /// The whole front matter, a [`Value::Object`] (empty when the page has none).
    pub front_matter: Value,
    /// Its markdown headings (`#` to `######`) in order, for a table of contents (the site's
    /// own lists depths 2 and 3).
    pub headings: &'static [Heading],
    /// The rendered content (components, legacy modules and markdown), without page chrome,
    /// ready to drop into a Maud template as it is (`(page.body)`), with no copy.
    pub body: PreEscaped<Text>,
    /// The HTML served for this route: the complete document with the site's chrome, or the
    /// content alone when the site was compiled with `fragments`.
    pub html: Text,
    /// The strong entity tag of `html`, quoted.
    pub etag: &'static str,
    /// `html` compressed with brotli.
    pub br: Encoded,
    /// `html` compressed with gzip.
    pub gzip: Encoded,
    /// The `Content-Security-Policy` of a page that embeds third-party content (a video, a
    /// post, a form): the site's strict policy plus exactly the hosts it needs. `None` for
    /// every other page, which gets the strict policy.
    pub content_security_policy: Option<&'static str>,
}

/// A heading of a page, for a table of contents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Heading {
    /// 1 for `#`, 2 for `##`, up to 6.
    pub depth: u8,
    /// Its `id`: link to `#id`.
    pub id: &'static str,
    /// Its text, without markup.
    pub text: &'static str,
}

/// A static file (image, font, …) served at its route.
#[derive(Debug)]
pub struct Asset {
    /// Route the file is served at (`/images/lwm2m/working_together_1.jpg`).
    pub route: &'static str,
    /// The `Content-Type` to serve it with.
    pub content_type: &'static str,
    /// The file's bytes, embedded in the binary.
    pub bytes: Binary,
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

/// A compiled site: every page, asset and redirect of a content folder.
///
/// Made by [`include_site!`](crate::include_site), which hands rustc its pages as a compact
/// index into a few included files rather than as a constant per page; the first access
/// decodes that index into a [`Table`] (a few milliseconds for a thousand pages), kept for the
/// rest of the program, so put a `Site` in a `static`. A `Site` dereferences to its [`Table`]:
/// `site.pages`, `site.get(route)`. [`Site::new`] makes one of a table of your own.
pub struct Site {
    source: Source,
    decoded: OnceLock<&'static Table>,
}

/// Where a [`Site`]'s table comes from.
#[derive(Clone, Copy)]
enum Source {
    /// A table made by hand.
    Table(&'static Table),
    /// The macro's index and the files its records point into.
    Index {
        index: &'static Blob,
        files: &'static [&'static Blob],
    },
}

impl Site {
    /// The site of `table`.
    pub const fn new(table: &'static Table) -> Site {
        Site {
            source: Source::Table(table),
            decoded: OnceLock::new(),
        }
    }

    /// The site of the macro's `index` into `files`: what its expansion writes.
    #[doc(hidden)]
    pub const fn __embedded(index: &'static Blob, files: &'static [&'static Blob]) -> Site {
        Site {
            source: Source::Index { index, files },
            decoded: OnceLock::new(),
        }
    }

    /// Its table, decoded on the first call when the macro made it.
    pub fn table(&self) -> &'static Table {
        match self.source {
            Source::Table(table) => table,
            Source::Index { index, files } => self
                .decoded
                .get_or_init(|| crate::decode::table(index.bytes(), files)),
        }
    }
}

impl Deref for Site {
    type Target = Table;

    fn deref(&self) -> &Table {
        self.table()
    }
}

impl Clone for Site {
    fn clone(&self) -> Site {
        Site {
            source: self.source,
            decoded: self.decoded.clone(),
        }
    }
}

impl fmt::Debug for Site {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.table().fmt(f)
    }
}

/// Every page, asset and redirect of a content folder, each table sorted by its key.
#[derive(Debug, Clone)]
pub struct Table {
    /// The path the site is mounted under (`/docs`), empty at the root. Every URL in the
    /// pages starts with it; routes do not.
    pub base_path: &'static str,
    /// The URL of the stylesheet the pages need (base path included): link it from your own
    /// layout when the site was compiled with `fragments`.
    pub stylesheet: &'static str,
    /// Pages sorted by route.
    pub pages: &'static [Page],
    /// Indices into `pages` in navigation order: the menus' order, then the pages no menu
    /// lists, by route.
    pub order: &'static [u32],
    /// The navigation tree: top-level entries in menu order.
    pub nav: &'static [NavItem],
    /// Assets sorted by route, the generated `/sitemap.xml` among them.
    pub assets: &'static [Asset],
    /// Redirects sorted by old path, from the content folder's `redirects.yml`.
    pub redirects: &'static [Redirect],
    /// The page answered with status 404; its route is `/404`, which is not in `pages`.
    pub not_found: Page,
    /// The `Content-Security-Policy` allowing whatever any page's allows: the strict policy
    /// widened by the third-party hosts of every page. A static host sends it with every path
    /// (`site export`'s `_headers`), where it cannot send each page its own: every document
    /// also carries its own policy in a `<meta http-equiv>`, which holds it to what it needs.
    pub widest_content_security_policy: &'static str,
    /// The LwM2M registry's objects sorted by ID, when the content has the registry's data
    /// (`data/lwm2m-registry/`); empty otherwise.
    pub lwm2m: &'static [lwm2m::Object],
}

impl Table {
    /// The LwM2M object with ID `id`, when the content has the registry's data.
    pub fn lwm2m_object(&self, id: u32) -> Option<&'static lwm2m::Object> {
        let objects = self.lwm2m;
        let at = objects.binary_search_by_key(&id, |object| object.id).ok()?;
        objects.get(at)
    }

    /// Every page in navigation order (see [`Table::order`]).
    pub fn pages(&self) -> impl Iterator<Item = &'static Page> + use<> {
        let pages = self.pages;
        self.order
            .iter()
            .filter_map(move |&index| pages.get(index as usize))
    }

    /// The page at `route`, written as a visitor or an author might: with or without the base
    /// path, a trailing slash, a query or a fragment (`/docs/lwm2m/about/#intro`).
    pub fn get(&self, route: &str) -> Option<&'static Page> {
        let route = route.split(['?', '#']).next().unwrap_or_default();
        let route = route
            .strip_prefix(self.base_path)
            .filter(|rest| rest.is_empty() || rest.starts_with('/'))
            .unwrap_or(route);
        let route = match route.trim_end_matches('/') {
            "" => "/",
            trimmed => trimmed,
        };
        self.page(route)
    }

    /// The page at exactly `route` (no base path, no trailing slash but for `/`). Allocates
    /// nothing.
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
    use crate::test_site::{MOUNTED, SITE};

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
        assert_eq!(
            SITE.redirect("/lwm2m").map(|r| r.to),
            Some("/lwm2m/about#dmso")
        );
        assert!(SITE.redirect("/lwm2m/").is_none());
    }

    #[test]
    fn get_accepts_what_visitors_and_authors_write() {
        let route = |site: &Site, path: &str| site.get(path).map(|page| page.route);
        for path in ["/lwm2m/about", "/lwm2m/about/", "/lwm2m/about?x=1#top"] {
            assert_eq!(route(&SITE, path), Some("/lwm2m/about"), "{path}");
        }
        assert_eq!(route(&SITE, ""), Some("/"));
        assert_eq!(route(&SITE, "/docs/lwm2m/about"), None);
        for path in ["/docs/lwm2m/about/", "/lwm2m/about", "/docs/lwm2m/about#x"] {
            assert_eq!(route(&MOUNTED, path), Some("/lwm2m/about"), "{path}");
        }
        assert_eq!(route(&MOUNTED, "/docs"), Some("/"));
        assert_eq!(route(&MOUNTED, "/docs/"), Some("/"));
        assert_eq!(route(&MOUNTED, "/docsx/lwm2m/about"), None);
    }

    #[test]
    fn pages_follow_the_navigation_order() {
        let routes: Vec<&str> = SITE.pages().map(|page| page.route).collect();
        assert_eq!(routes, ["/lwm2m/about", "/"]);
    }

    #[test]
    fn encoded_none_is_no_variant() {
        assert!(!Encoded::NONE.is_some());
        assert!(
            Encoded {
                bytes: Binary::new(&(b"x" as &[u8])),
                etag: "\"x\""
            }
            .is_some()
        );
    }
}
