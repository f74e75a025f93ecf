//! `sitemap.xml` (sitemaps.org protocol 0.9): the absolute URL of every page.

use super::xml::escape;
use crate::load::route_url;

/// The route the sitemap is served at.
pub const ROUTE: &str = "/sitemap.xml";

/// The sitemap listing `routes` (in the given order) below `base_url` (`https://example.org`,
/// no trailing slash needed).
pub fn render(base_url: &str, routes: &[&str]) -> String {
    let base = base_url.trim_end_matches('/');
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
        let xml = render("https://example.org/", &["/", "/lwm2m/about", "/café & co"]);
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
    fn escapes_the_base_url_for_xml() {
        assert!(
            render("https://a.org/?x=1&y=2", &["/"])
                .contains("<loc>https://a.org/?x=1&amp;y=2/</loc>")
        );
    }
}
