//! The OMA pages inside an existing axum app: mounted at `/docs`, beside the app's own routes.
//!
//! ```sh
//! cargo run -p site_tests --example embed_axum [ADDR]    # then open http://127.0.0.1:3000/docs/
//! cargo run -p site_tests --example embed_axum -- --smoke
//! ```

#[path = "shared/serve.rs"]
mod serve;

use axum::Router;
use axum::response::Html;
use axum::routing::get;

/// The OMA content compiled for `/docs`: every link, image and asset URL in the pages points
/// below it. A content error here is a compile error of this example.
static DOCS: site::Site = site::include_site!("../content", base = "/docs");

/// The app's own home page, linking into the docs in navigation order.
async fn home() -> Html<String> {
    let links: String = DOCS
        .pages()
        .filter(|page| page.listed)
        .map(|page| format!("<li><a href=\"{}\">{}</a></li>", page.url, page.title))
        .collect();
    Html(format!(
        "<!doctype html><title>My service</title><h1>My service</h1><ul>{links}</ul>"
    ))
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let app = Router::new()
        .route("/", get(home))
        .route("/health", get(|| async { "ok" }))
        .merge(site::serve::router(&DOCS));
    serve::serve(app, "/docs/lwm2m/about", "href=\"/docs/").await
}
