//! Page bodies in a layout of one's own: the OMA content compiled as fragments, wrapped by this
//! example's Maud template with its own navigation and table of contents.
//!
//! ```sh
//! cargo run -p site_tests --example maud_layout [ADDR]    # then open http://127.0.0.1:3000/
//! cargo run -p site_tests --example maud_layout -- --smoke
//! ```

#[path = "shared/serve.rs"]
mod serve;

use axum::Router;
use axum::extract::Request;
use axum::response::{Html, IntoResponse, Response};
use maud::{DOCTYPE, Markup, html};
use site::{NavItem, Page, Site};
use tower::ServiceExt as _;

/// The OMA content as fragments: `Page::body` (and `Page::html`) without the OMA chrome.
static PAGES: Site = site::include_site!("../content", fragments);

/// This example's layout: its own header, the site's menus, the page, its headings.
fn layout(page: &Page) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (page.title) " · My docs" }
                // The components' classes and the prose typography.
                link rel="stylesheet" href=(PAGES.stylesheet);
            }
            body style="display:grid;grid-template-columns:16rem 1fr;gap:2rem;margin:2rem" {
                nav { ul { @for item in PAGES.nav { (menu(item)) } } }
                main {
                    @if page.headings.iter().any(|h| h.depth == 2) {
                        aside {
                            strong { "On this page" }
                            ul {
                                @for heading in page.headings.iter().filter(|h| h.depth == 2) {
                                    li { a href={ "#" (heading.id) } { (heading.text) } }
                                }
                            }
                        }
                    }
                    // No copy: the body is a `PreEscaped<site::Text>`, static data in the binary.
                    article class="prose dark:prose-invert max-w-none" { (page.body) }
                }
            }
        }
    }
}

fn menu(item: &NavItem) -> Markup {
    html! {
        li {
            a href=(item.url) { (item.title) }
            @if !item.children.is_empty() {
                ul { @for child in item.children { (menu(child)) } }
            }
        }
    }
}

/// A page in the layout; anything else (stylesheet, fonts, images, 404) as the site serves it.
async fn handle(request: Request) -> Response {
    match PAGES.page(request.uri().path()) {
        Some(page) => Html(layout(page).into_string()).into_response(),
        None => match site::serve::router(&PAGES).oneshot(request).await {
            Ok(response) => response,
            Err(never) => match never {},
        },
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let app = Router::new().fallback(handle);
    serve::serve(app, "/lwm2m/about", "On this page").await
}
