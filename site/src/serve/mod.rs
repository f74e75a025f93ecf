//! Serving a [`Site`] over HTTP: every request answered with bytes compiled into the binary,
//! copying none of them.
//!
//! - [`router`]: the axum `Router` (feature `axum`), for a site of its own or mounted inside a
//!   larger app;
//! - [`respond`]: the answer to every request, the router's and the `site` binary's: routing,
//!   encoding choice (`Accept-Encoding`), `304`, `HEAD`, redirects;
//! - [`negotiate`]: the `Accept-Encoding` and `If-None-Match` rules;
//! - [`headers`]: security headers and caching policy;
//! - [`listen`] (feature `server`): accepting connections, with connection limits (in all and
//!   per client address, `admission`) and
//!   graceful shutdown; `connection`: HTTP/1.1 on each, with bounded heads and a header-read
//!   timeout;
//! - [`shutdown`] (feature `server`): the signals that stop the server.

#[cfg(feature = "server")]
mod admission;
#[cfg(feature = "server")]
mod connection;
pub mod headers;
#[cfg(feature = "server")]
pub mod listen;
pub mod negotiate;
pub mod respond;
#[cfg(feature = "server")]
pub mod shutdown;
pub mod store;

use axum::Router;
use axum::extract::Request;
use axum::http::header::CONTENT_ENCODING;
use axum::http::{HeaderMap, Method, Response, Uri};
use axum::routing::any;

/// The binary's request framing over bytes in memory, for the fuzz targets; not part of the API.
#[cfg(feature = "server")]
#[doc(hidden)]
pub use connection::{Replay, replay};
#[cfg(feature = "server")]
pub use listen::{Limits, run, serve};
pub use respond::Body;
pub use store::{HeaderText, Representation, Store};

use crate::Site;

/// A router answering from `site` every request below its base path: pages, assets,
/// redirects, the `404` page, with content negotiation, `304`, `HEAD`, `308` to the canonical
/// URL and the security headers.
///
/// The `site` binary answers exactly as this router does (a test sends both the same requests
/// and compares status, headers and bodies): both call [`respond::respond`]. The binary calls it
/// from its own HTTP/1.1 connections instead of through axum's routing, whose cost per request
/// BENCHMARKS.md measures ("CPU per request").
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
    let handler = move |request: Request| async move {
        handle(site, request.method(), request.uri(), request.headers()).map(axum::body::Body::from)
    };
    if site.base_path.is_empty() {
        return Router::new().fallback(handler);
    }
    let base = site.base_path;
    Router::new()
        .route(base, any(handler))
        .route(&format!("{base}/"), any(handler))
        .route(&format!("{base}/{{*path}}"), any(handler))
}

/// [`respond::respond`] to a request, logging one line at debug level.
fn handle(site: &'static Site, method: &Method, uri: &Uri, headers: &HeaderMap) -> Response<Body> {
    let response = respond::respond(site, method, uri, headers);
    if tracing::enabled!(tracing::Level::DEBUG) {
        let encoding = response
            .headers()
            .get(CONTENT_ENCODING)
            .and_then(|value| value.to_str().ok())
            .unwrap_or("identity");
        tracing::debug!(
            %method,
            %uri,
            status = response.status().as_u16(),
            encoding,
            bytes = response.body().len(),
            "request"
        );
    }
    response
}

#[cfg(test)]
mod tests;
