//! One request in, one response out, from the current build: the production server's routing
//! (pages, files, redirects, the trailing-slash form, 404) and security headers, minus
//! compression and entity tags, plus the reload script in every page and the event stream.

use axum::body::{Body, Bytes};
use axum::http::header::{
    ALLOW, CACHE_CONTROL, CONTENT_LENGTH, CONTENT_SECURITY_POLICY, CONTENT_TYPE,
};
use axum::http::{HeaderMap, HeaderValue, Method, Request, Response, StatusCode};

use super::reload::{self, EVENTS, SCRIPT, SCRIPT_SOURCE};
use super::{Snapshot, State};
use crate::serve::headers::{self, IMMUTABLE};
use crate::serve::respond::{HTML, decode, redirect_to};

/// Pages and files may change at any moment: never reuse a stored copy.
const NO_STORE: &str = "no-store";

/// The answer to `request`.
pub(crate) fn respond<B>(state: &State, request: &Request<B>) -> Response<Body> {
    let method = request.method();
    if method != Method::GET && method != Method::HEAD {
        let mut response = send(StatusCode::METHOD_NOT_ALLOWED, None, Bytes::new(), false);
        response
            .headers_mut()
            .insert(ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    let head = method == Method::HEAD;
    let uri = request.uri();
    let Some(path) = decode(uri.path()) else {
        return send(StatusCode::BAD_REQUEST, None, Bytes::new(), head);
    };
    match path.as_ref() {
        EVENTS => return events(state, head),
        SCRIPT => {
            let body = Bytes::from_static(SCRIPT_SOURCE.as_bytes());
            let content = Some(("text/javascript; charset=utf-8", NO_STORE));
            return send(StatusCode::OK, content, body, head);
        }
        _ => {}
    }
    let snapshot = state.current();
    let output = &snapshot.output;
    if let Some(html) = output.pages.get(path.as_ref()) {
        let mut response = page(&snapshot, html, StatusCode::OK, head);
        let policy = output.policies.get(path.as_ref());
        if let Some(policy) = policy.and_then(|p| HeaderValue::from_str(p).ok()) {
            response
                .headers_mut()
                .insert(CONTENT_SECURITY_POLICY, policy);
        }
        return response;
    }
    if let Some(asset) = output.assets.get(path.as_ref()) {
        let cache = if asset.immutable { IMMUTABLE } else { NO_STORE };
        let content = Some((asset.content_type.as_str(), cache));
        return send(StatusCode::OK, content, asset.bytes.clone(), head);
    }
    if let Some(to) = output.redirects.get(path.as_ref()) {
        return redirect_to("", to, uri.query()).map(Body::from);
    }
    // The other form of a URL: with a trailing slash. Straight to where it ends up.
    if let Some(stripped) = path.strip_suffix('/').filter(|s| !s.is_empty()) {
        let target = if output.pages.contains_key(stripped) || output.assets.contains_key(stripped)
        {
            Some(stripped)
        } else {
            output.redirects.get(stripped).map(String::as_str)
        };
        if let Some(target) = target {
            return redirect_to("", target, uri.query()).map(Body::from);
        }
    }
    page(&snapshot, &output.not_found, StatusCode::NOT_FOUND, head)
}

/// A page of the current build with the reload script, or the error page while the content
/// has errors (status 500, whatever the route).
fn page(snapshot: &Snapshot, html: &Bytes, status: StatusCode, head: bool) -> Response<Body> {
    let (status, html) = match &snapshot.output.errors {
        Some(report) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            super::overlay::page(report).into_bytes(),
        ),
        None => (status, html.to_vec()),
    };
    let body = Bytes::from(reload::inject(&html, &snapshot.version));
    send(status, Some((HTML, NO_STORE)), body, head)
}

/// The event stream: `hello` with the current version now, `reload` after each change.
fn events(state: &State, head: bool) -> Response<Body> {
    let content = Some(("text/event-stream", NO_STORE));
    if head {
        return send(StatusCode::OK, content, Bytes::new(), true);
    }
    let stream = state.hub.subscribe(|| state.current().version.clone());
    let mut response = Response::new(Body::new(stream));
    set_headers(response.headers_mut(), content);
    response
}

/// A response with `status`, the security headers, and `body` with its content type and
/// caching policy. `HEAD` gets the headers and no body.
fn send(
    status: StatusCode,
    content: Option<(&str, &'static str)>,
    body: Bytes,
    head: bool,
) -> Response<Body> {
    let length = body.len();
    let mut response = Response::new(if head {
        Body::empty()
    } else {
        Body::from(body)
    });
    *response.status_mut() = status;
    let headers = response.headers_mut();
    set_headers(headers, content);
    if head && content.is_some() {
        headers.insert(CONTENT_LENGTH, HeaderValue::from(length));
    }
    response
}

fn set_headers(headers: &mut HeaderMap, content: Option<(&str, &'static str)>) {
    headers::secure(headers);
    if let Some((content_type, cache_control)) = content {
        if let Ok(value) = HeaderValue::from_str(content_type) {
            headers.insert(CONTENT_TYPE, value);
        }
        headers.insert(CACHE_CONTROL, HeaderValue::from_static(cache_control));
    }
}
