//! `sitemap.xml` (sitemaps.org protocol 0.9): the absolute URL of every page.

use super::xml::escape;
use crate::load::route_url;

/// The route the sitemap is served at.
pub const ROUTE: &str = "/sitemap.xml";

/// The sitemap listing `routes` (in the given order) of the site at `site_url`
/// (`https://example.org`, no trailing slash needed) mounted at `base_path` (`/docs`, or empty),
/// as the news feed writes them: the URLs a visitor reaches the pages at.
pub fn render(site_url: &str, base_path: &str, routes: &[&str]) -> String {
    let base = format!("{}{base_path}", site_url.trim_end_matches('/'));
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for route in routes {
        let url = format!("{base}{}", route_url(route));
        xml.push_str("<url><loc>");
        xml.push_str(&escape(&url));
        xml.push_str("</loc></url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_absolute_urls_escaped() {
        let xml = render(
            "https://example.org/",
            "",
            &["/", "/lwm2m/about", "/café & co"],
        );
        assert_eq!(
            xml,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n\
             <url><loc>https://example.org/</loc></url>\n\
             <url><loc>https://example.org/lwm2m/about</loc></url>\n\
             <url><loc>https://example.org/caf%C3%A9%20%26%20co</loc></url>\n\
             </urlset>\n"
        );
    }

    #[test]
    fn lists_the_urls_below_the_base_path() {
        let xml = render("https://example.org/", "/docs", &["/", "/lwm2m/about"]);
        assert!(
            xml.contains("<loc>https://example.org/docs/</loc>"),
            "{xml}"
        );
        assert!(
            xml.contains("<loc>https://example.org/docs/lwm2m/about</loc>"),
            "{xml}"
        );
    }

    #[test]
    fn escapes_the_base_url_for_xml() {
        assert!(
            render("https://a.org/?x=1&y=2", "", &["/"])
                .contains("<loc>https://a.org/?x=1&amp;y=2/</loc>")
        );
    }
}
