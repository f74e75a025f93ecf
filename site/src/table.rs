//! The types the content macro fills in: a static, sorted table of pages and assets.

use maud::PreEscaped;

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
}

/// Every page and asset of a content folder, each table sorted by route.
#[derive(Debug)]
pub struct Site {
    /// Pages sorted by route.
    pub pages: &'static [Page],
    /// Assets sorted by route.
    pub assets: &'static [Asset],
    /// The HTML document answered with status 404.
    pub not_found: &'static str,
}

impl Site {
    /// The page at `route`; a trailing slash names the same page. Allocates nothing.
    pub fn page(&self, route: &str) -> Option<&'static Page> {
        let route = canonical(route);
        let pages = self.pages;
        pages
            .binary_search_by(|page| page.route.cmp(route))
            .ok()
            .map(|index| &pages[index])
    }

    /// The asset at `route`, matched exactly.
    pub fn asset(&self, route: &str) -> Option<&'static Asset> {
        let assets = self.assets;
        assets
            .binary_search_by(|asset| asset.route.cmp(route))
            .ok()
            .map(|index| &assets[index])
    }
}

/// `route` without its trailing slash, except for the root itself.
fn canonical(route: &str) -> &str {
    match route.strip_suffix('/') {
        Some("") | None => route,
        Some(stripped) => stripped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static PAGES: [Page; 2] = [page("/"), page("/lwm2m/about")];
    static SITE: Site = Site {
        pages: &PAGES,
        assets: &[],
        not_found: "",
    };

    const fn page(route: &'static str) -> Page {
        Page {
            route,
            title: "",
            description: "",
            front_matter: "{}",
            body: PreEscaped(""),
            html: route,
        }
    }

    #[test]
    fn trailing_slash_names_the_same_page() {
        assert_eq!(
            SITE.page("/lwm2m/about/").map(|p| p.route),
            Some("/lwm2m/about")
        );
        assert_eq!(
            SITE.page("/lwm2m/about").map(|p| p.route),
            Some("/lwm2m/about")
        );
        assert_eq!(SITE.page("/").map(|p| p.route), Some("/"));
        assert!(SITE.page("/lwm2m").is_none());
        assert!(SITE.page("/lwm2m/about//").is_none());
    }
}
