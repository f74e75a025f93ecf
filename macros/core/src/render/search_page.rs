//! The page the header's search field submits to. The search script shows the results for its
//! `q` there; without the script it says that search needs it and where else to look.

use super::RenderedPage;
use super::chrome::Layout;
use super::page::generated_page;
use maud::html;

/// Where the search field submits.
pub const SEARCH_ROUTE: &str = "/search";

/// The search page, when the content has none of its own: not in the menus.
pub fn search_page() -> RenderedPage {
    let body = html! {
        h1 { "Search" }
        div id="search-page" {
            p {
                "Searching this site needs JavaScript, which is turned off or did not load in \
                 your browser. Every page is listed in the "
                a href="/sitemap.xml" { "sitemap" }
                ", and the menus at the top of each page lead to every section."
            }
        }
    };
    let mut page = generated_page(SEARCH_ROUTE, "Search", body.into_string(), Layout::Default);
    page.listed = false;
    page
}
