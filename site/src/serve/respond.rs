//! One request in, one response out: routing, encoding choice, `304`, `HEAD`, redirects,
//! over any [`Store`].
//!
//! For the compiled site every body is a `&'static` slice of the binary: no response renders,
//! compresses or copies page bytes. The only allocations are the header map and, for
//! redirects, the `Location`.

use std::borrow::Cow;

use axum::http::header::{
    ALLOW, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_SECURITY_POLICY, CONTENT_TYPE,
    ETAG, LOCATION, VARY,
};
use axum::http::{HeaderMap, HeaderValue, Method, Response, StatusCode, Uri};
use percent_encoding::{AsciiSet, CONTROLS, percent_decode_str, utf8_percent_encode};

use super::headers::{self, REVALIDATE};
use super::negotiate::{self, Coding};
use super::store::{HeaderText, Representation, Store};

/// The body of every response of the compiled site: a static slice of the binary (empty for
/// none).
pub type Body = &'static [u8];

/// The content type of every page.
pub(crate) const HTML: &str = "text/html; charset=utf-8";

/// The answer of `store` to a request. Of its headers only [`negotiate::REQUEST_HEADERS`]
/// matter.
pub fn respond<S: Store>(
    store: &S,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
) -> Response<S::Body> {
    if method != Method::GET && method != Method::HEAD {
        let mut response = empty(StatusCode::METHOD_NOT_ALLOWED);
        response
            .headers_mut()
            .insert(ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    // `Uri::path` excludes the query string, which no page depends on.
    let Some(decoded) = decode(uri.path()) else {
        return empty(StatusCode::BAD_REQUEST);
    };
    let head = method == Method::HEAD;
    let not_found = || send(store.not_found(), StatusCode::NOT_FOUND, headers, head);
    let base_path = store.base_path();
    // A site mounted under a base path answers below it only; its home is `BASE/`.
    let path = match decoded.strip_prefix(base_path) {
        Some("") => return redirect_to(base_path, "/", uri.query()),
        Some(path) if path.starts_with('/') => path,
        _ => return not_found(),
    };
    if let Some(page) = store.page(path) {
        return send(page, StatusCode::OK, headers, head);
    }
    if let Some(asset) = store.asset(path) {
        return send(asset, StatusCode::OK, headers, head);
    }
    if let Some(to) = store.redirect(path) {
        return redirect_to(base_path, to, uri.query());
    }
    // The other form of a URL: with a trailing slash. Straight to where it ends up.
    if let Some(stripped) = path.strip_suffix('/').filter(|s| !s.is_empty()) {
        let target = if store.page(stripped).is_some() || store.asset(stripped).is_some() {
            Some(stripped)
        } else {
            store.redirect(stripped)
        };
        if let Some(target) = target {
            return redirect_to(base_path, target, uri.query());
        }
    }
    not_found()
}

/// `path` with its `%XX` escapes decoded, or `None` when an escape is malformed or the result
/// is not UTF-8. Borrows `path` when it has no escape, so most requests allocate nothing.
pub(crate) fn decode(path: &str) -> Option<Cow<'_, str>> {
    let bytes = path.as_bytes();
    // `percent_decode_str` keeps a malformed escape as it is: reject those first.
    let malformed = bytes.iter().enumerate().any(|(index, &byte)| {
        byte == b'%'
            && !(bytes.get(index + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(index + 2).is_some_and(u8::is_ascii_hexdigit))
    });
    if malformed {
        return None;
    }
    percent_decode_str(path).decode_utf8().ok()
}

/// The response with `representation` in the best encoding `request` accepts, or `304` when
/// the client's copy is current. `HEAD` gets the same headers and no body.
fn send<B: AsRef<[u8]> + Default, T: HeaderText>(
    representation: Representation<B, T>,
    status: StatusCode,
    request: &HeaderMap,
    head: bool,
) -> Response<B> {
    let Representation {
        content_type,
        identity,
        etag,
        br,
        gzip,
        cache_control,
        content_security_policy,
    } = representation;
    let compressed = br.is_some() || gzip.is_some();
    let (body, etag, encoding) = match (
        negotiate::coding(request, br.is_some(), gzip.is_some()),
        br,
        gzip,
    ) {
        (Coding::Br, Some((bytes, etag)), _) => (bytes, etag, Some("br")),
        (Coding::Gzip, _, Some((bytes, etag))) => (bytes, etag, Some("gzip")),
        _ => (identity, etag, None),
    };
    // Preconditions only hold for a resource that exists (RFC 9110 §13.2.1).
    if status == StatusCode::OK && negotiate::match_fails(request, etag.text()) {
        return empty(StatusCode::PRECONDITION_FAILED);
    }
    let not_modified = status == StatusCode::OK && negotiate::none_match(request, etag.text());
    let length = body.as_ref().len();
    let mut response = if not_modified || head {
        empty(if not_modified {
            StatusCode::NOT_MODIFIED
        } else {
            status
        })
    } else {
        with_body(body, status)
    };
    let headers = response.headers_mut();
    if let Some(policy) = content_security_policy {
        headers.insert(CONTENT_SECURITY_POLICY, policy.header());
    }
    if status == StatusCode::OK {
        headers.insert(ETAG, etag.header());
    }
    headers.insert(CACHE_CONTROL, cache_control.header());
    if compressed {
        headers.insert(VARY, HeaderValue::from_static("accept-encoding"));
    }
    if not_modified || head {
        // The body is left out, so its length is said here (for a `304`, the length a `200`
        // would have, as RFC 9110 §8.6 allows; otherwise a server could say zero). GET's comes
        // from the body itself.
        headers.insert(CONTENT_LENGTH, HeaderValue::from(length));
    }
    if not_modified {
        return response;
    }
    headers.insert(CONTENT_TYPE, content_type.header());
    if let Some(encoding) = encoding {
        headers.insert(CONTENT_ENCODING, HeaderValue::from_static(encoding));
    }
    response
}

/// Characters escaped in a `Location` path: controls, space, non-ASCII (always) and the few
/// that cannot appear in a URL path.
const LOCATION_PATH: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'<')
    .add(b'>')
    .add(b'\\')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// Characters escaped in a `Location` query, which keeps the request's own escapes: those of
/// a path, and `#`, which would end it.
const LOCATION_QUERY: &AsciiSet = &LOCATION_PATH.add(b'#');

/// `308 Permanent Redirect` to the site path `target` (maybe with an `#anchor`) under
/// `base_path`, keeping the request's query string. The method and body are kept on the way,
/// unlike with `301`.
pub(crate) fn redirect_to<B: Default>(
    base_path: &str,
    target: &str,
    query: Option<&str>,
) -> Response<B> {
    let (path, fragment) = match target.split_once('#') {
        Some((path, fragment)) => (path, Some(fragment)),
        None => (target, None),
    };
    let mut location = utf8_percent_encode(base_path, LOCATION_PATH).to_string();
    location.extend(utf8_percent_encode(path, LOCATION_PATH));
    if let Some(query) = query {
        location.push('?');
        location.extend(utf8_percent_encode(query, LOCATION_QUERY));
    }
    if let Some(fragment) = fragment {
        location.push('#');
        location.extend(utf8_percent_encode(fragment, LOCATION_PATH));
    }
    let mut response = empty(StatusCode::PERMANENT_REDIRECT);
    let headers = response.headers_mut();
    // Every byte is printable ASCII by now.
    if let Ok(location) = HeaderValue::try_from(location) {
        headers.insert(LOCATION, location);
    }
    headers.insert(CACHE_CONTROL, HeaderValue::from_static(REVALIDATE));
    response
}

/// A response with `body` and `status`, and the security headers.
fn with_body<B>(body: B, status: StatusCode) -> Response<B> {
    let mut response = Response::new(body);
    *response.status_mut() = status;
    // Room for every header of the largest response: no reallocation while filling it.
    *response.headers_mut() = HeaderMap::with_capacity(HEADER_CAPACITY);
    headers::secure(response.headers_mut());
    response
}

/// The most headers a response has.
const HEADER_CAPACITY: usize = 12;

/// A response with `status`, the security headers and no body.
pub(crate) fn empty<B: Default>(status: StatusCode) -> Response<B> {
    with_body(B::default(), status)
}
