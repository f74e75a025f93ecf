//! The news feed (Atom, RFC 4287): the articles (`layout: articles`), newest first, each with
//! its whole body, its links made absolute so that a feed reader can follow them.

use super::xml::escape;
use crate::load::route_url;
use crate::render::article::{FEED_ROUTE, FEED_TITLE};
use crate::render::date::Date;
use crate::render::html::escape_into;
use crate::render::root_urls::prefix_root_urls;
use crate::render::{RenderedPage, SITE_NAME};

/// The feed's `Content-Type`.
pub const CONTENT_TYPE: &str = "application/atom+xml";

/// The Atom feed of the articles among `pages` (their finished bodies, under the base path),
/// for the site at `site_url` mounted at `base_path`; `None` when no page is a dated article.
///
/// The feed's `updated` is its newest article's date, not the time of the build, so that a
/// build of the same content gives the same bytes.
pub fn render(site_url: &str, base_path: &str, pages: &[&RenderedPage]) -> Option<String> {
    let origin = site_url.trim_end_matches('/');
    let site = format!("{origin}{base_path}");
    let mut articles: Vec<(&RenderedPage, &Date)> = pages
        .iter()
        .filter_map(|page| Some((*page, page.published()?)))
        .collect();
    // Newest first; the route orders articles of one moment, the same in every build.
    articles.sort_by(|(a, a_date), (b, b_date)| b_date.cmp(a_date).then(a.route.cmp(&b.route)));
    let (_, newest) = articles.first()?;
    let section = FEED_ROUTE
        .rsplit_once('/')
        .map_or("/", |(folder, _)| folder);
    let home = if pages.iter().any(|page| page.route == section) {
        section
    } else {
        "/"
    };
    let feed_url = format!("{site}{FEED_ROUTE}");
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n",
    );
    let mut push = |parts: &[&str]| parts.iter().for_each(|part| xml.push_str(part));
    push(&["<id>", &escape(&feed_url), "</id>\n"]);
    push(&["<title>", &escape(FEED_TITLE), "</title>\n"]);
    push(&["<updated>", newest.rfc3339(), "</updated>\n"]);
    push(&[
        "<link rel=\"self\" type=\"application/atom+xml\" href=\"",
        &escape(&feed_url),
        "\"/>\n",
    ]);
    push(&[
        "<link rel=\"alternate\" type=\"text/html\" href=\"",
        &escape(&format!("{site}{}", route_url(home))),
        "\"/>\n",
    ]);
    push(&["<author><name>", &escape(SITE_NAME), "</name></author>\n"]);
    // The site's URL, written into the bodies' attributes: escaped for HTML there.
    let mut html_origin = String::new();
    escape_into(&mut html_origin, origin);
    for (page, date) in articles {
        let url = escape(&format!("{site}{}", route_url(&page.route)));
        push(&["<entry>\n<id>", &url, "</id>\n"]);
        push(&["<title>", &escape(&page.title), "</title>\n"]);
        push(&[
            "<link rel=\"alternate\" type=\"text/html\" href=\"",
            &url,
            "\"/>\n",
        ]);
        push(&["<published>", date.rfc3339(), "</published>\n"]);
        push(&["<updated>", date.rfc3339(), "</updated>\n"]);
        let article = page.article.as_ref();
        if let Some(author) = article.and_then(|article| article.author.as_deref()) {
            push(&["<author><name>", &escape(author), "</name></author>\n"]);
        }
        for tag in article.map_or(&[][..], |article| &article.tags) {
            push(&["<category term=\"", &escape(tag), "\"/>\n"]);
        }
        if !page.description.is_empty() {
            push(&["<summary>", &escape(&page.description), "</summary>\n"]);
        }
        // The body's root-relative URLs already hold the base path: the origin completes
        // them. `xml:base` resolves the rest (`#part`, `other-page`) against the article.
        let content = prefix_root_urls(&page.body, &html_origin);
        push(&[
            "<content type=\"html\" xml:base=\"",
            &url,
            "\">",
            &escape(&content),
            "</content>\n</entry>\n",
        ]);
    }
    xml.push_str("</feed>\n");
    Some(xml)
}
