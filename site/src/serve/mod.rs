//! Serving a [`Site`] over HTTP: every request answered with bytes compiled into the binary,
//! copying none of them.
//!
//! - [`router`]: the axum `Router` (feature `axum`), for a site of its own or mounted inside a
//!   larger app; the `site` binary serves this same router;
//! - [`respond`]: routing, encoding choice (`Accept-Encoding`), `304`, `HEAD`, redirects;
//! - [`negotiate`]: the `Accept-Encoding` and `If-None-Match` rules;
//! - [`headers`]: security headers and caching policy;
//! - [`listen`] (feature `server`): connections, with bounded headers, a header-read timeout,
//!   a connection limit and graceful shutdown;
//! - [`shutdown`] (feature `server`): the signals that stop the server.

pub mod headers;
#[cfg(feature = "server")]
pub mod listen;
pub mod negotiate;
pub mod respond;
#[cfg(feature = "server")]
pub mod shutdown;

use axum::Router;
use axum::extract::Request;
use axum::http::header::CONTENT_ENCODING;
use axum::routing::any;

#[cfg(feature = "server")]
pub use listen::{Limits, run, serve};
pub use respond::Body;

use crate::Site;

/// A router answering from `site` every request below its base path: pages, assets,
/// redirects, the `404` page, with content negotiation, `304`, `HEAD`, `308` to the canonical
/// URL and the security headers.
///
/// A site at the root answers every path (the router's fallback). A site compiled with
/// `base = "/docs"` answers `/docs` and below and has no fallback, so
/// [`Router::merge`] puts it beside an app's own routes:
///
/// ```
/// use axum::{Router, routing::get};
///
/// static DOCS: site::Site = site::include_site!("../content", base = "/docs");
///
/// let app: Router = Router::new()
///     .route("/health", get(|| async { "ok" }))
///     .merge(site::serve::router(&DOCS));
/// ```
pub fn router(site: &'static Site) -> Router {
    let handler =
        move |request: Request| async move { handle(site, &request).map(axum::body::Body::new) };
    if site.base_path.is_empty() {
        return Router::new().fallback(handler);
    }
    let base = site.base_path;
    Router::new()
        .route(base, any(handler))
        .route(&format!("{base}/"), any(handler))
        .route(&format!("{base}/{{*path}}"), any(handler))
}

/// [`respond::respond`] to `request`, logging one line at debug level.
fn handle<B>(site: &'static Site, request: &axum::http::Request<B>) -> axum::http::Response<Body> {
    let response = respond::respond(site, request.method(), request.uri(), request.headers());
    if tracing::enabled!(tracing::Level::DEBUG) {
        let encoding = response
            .headers()
            .get(CONTENT_ENCODING)
            .and_then(|value| value.to_str().ok())
            .unwrap_or("identity");
        tracing::debug!(
            method = %request.method(),
            uri = %request.uri(),
            status = response.status().as_u16(),
            encoding,
            bytes = axum::body::HttpBody::size_hint(response.body()).exact(),
            "request"
        );
    }
    response
}

#[cfg(test)]
mod tests;
