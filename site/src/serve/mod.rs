//! The HTTP server: answers every request from a [`Site`] table with bytes compiled into the
//! binary, copying none of them.
//!
//! - [`respond`]: routing, encoding choice (`Accept-Encoding`), `304`, `HEAD`, redirects;
//! - [`negotiate`]: the `Accept-Encoding` and `If-None-Match` rules;
//! - [`headers`]: security headers and caching policy;
//! - [`listen`]: connections, with bounded headers, a header-read timeout, a connection limit
//!   and graceful shutdown;
//! - [`shutdown`]: the signals that stop the server.

pub mod headers;
pub mod listen;
pub mod negotiate;
pub mod respond;
pub mod shutdown;

use axum::Router;
use axum::extract::Request;
use axum::http::header::CONTENT_ENCODING;

pub use listen::{Limits, run, serve};
pub use respond::Body;

use crate::Site;

/// A router answering every path from `site`, for embedding the site in a larger axum app.
/// The `site` binary serves the same responses through [`serve`], without the router.
pub fn router(site: &'static Site) -> Router {
    Router::new().fallback(move |request: Request| async move {
        handle(site, &request).map(axum::body::Body::new)
    })
}

/// [`respond::respond`] to `request`, logging one line at debug level.
pub fn handle<B>(
    site: &'static Site,
    request: &axum::http::Request<B>,
) -> axum::http::Response<Body> {
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
