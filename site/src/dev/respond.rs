//! One request in, one response out: the production routing ([`crate::serve::respond`]) over
//! the current build, plus what only a preview does: the reload script's URL and the event
//! stream, and the error page in place of every page while the content has errors. Pages carry
//! the reload script (and, in lenient mode, the list of warnings) from the build on; nothing
//! is compressed, and pages and files are served `no-store`.

use axum::body::{Body, Bytes};
use axum::http::header::{CACHE_CONTROL, CONTENT_LENGTH, CONTENT_TYPE};
use axum::http::{HeaderMap, HeaderValue, Method, Request, Response, StatusCode};

use super::State;
use super::reload::{EVENTS, SCRIPT, SCRIPT_SOURCE};
use crate::serve::headers;
use crate::serve::respond::{HTML, respond as production};

/// Pages and files may change at any moment: never reuse a stored copy.
pub(crate) const NO_STORE: &str = "no-store";

/// The answer to `request`.
pub(crate) fn respond<B>(state: &State, request: &Request<B>) -> Response<Body> {
    let (method, uri) = (request.method(), request.uri());
    if method == Method::GET || method == Method::HEAD {
        let head = method == Method::HEAD;
        match uri.path() {
            EVENTS => return events(state, head),
            SCRIPT => {
                let body = Bytes::from_static(SCRIPT_SOURCE.as_bytes());
                return send(StatusCode::OK, "text/javascript; charset=utf-8", body, head);
            }
            _ => {}
        }
    }
    let snapshot = state.current();
    let response = production(&*snapshot, method, uri, request.headers());
    match &snapshot.served.overlay {
        Some(overlay) if is_page(response.headers()) => send(
            StatusCode::INTERNAL_SERVER_ERROR,
            HTML,
            overlay.clone(),
            method == Method::HEAD,
        ),
        _ => response.map(Body::from),
    }
}

/// Whether a response is a page (or the 404 page) rather than a file.
fn is_page(headers: &HeaderMap) -> bool {
    headers.get(CONTENT_TYPE).is_some_and(|value| value == HTML)
}

/// The event stream: `hello` with the current version now, `reload` after each change.
fn events(state: &State, head: bool) -> Response<Body> {
    if head {
        return send(StatusCode::OK, "text/event-stream", Bytes::new(), true);
    }
    let stream = state.hub.subscribe(|| state.current().version.clone());
    let mut response = Response::new(Body::new(stream));
    set_headers(response.headers_mut(), "text/event-stream");
    response
}

/// A response with `status`, the security headers, and `body` of `content_type`, `no-store`.
/// `HEAD` gets the headers and no body.
fn send(status: StatusCode, content_type: &str, body: Bytes, head: bool) -> Response<Body> {
    let length = body.len();
    let mut response = Response::new(if head {
        Body::empty()
    } else {
        Body::from(body)
    });
    *response.status_mut() = status;
    let headers = response.headers_mut();
    set_headers(headers, content_type);
    if head {
        headers.insert(CONTENT_LENGTH, HeaderValue::from(length));
    }
    response
}

fn set_headers(headers: &mut HeaderMap, content_type: &str) {
    headers::secure(headers);
    if let Ok(value) = HeaderValue::from_str(content_type) {
        headers.insert(CONTENT_TYPE, value);
    }
    headers.insert(CACHE_CONTROL, HeaderValue::from_static(NO_STORE));
}
