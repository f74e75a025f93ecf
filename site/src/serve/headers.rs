//! The headers every response carries, and the caching policy of each kind of response.

use crate::security;
use axum::http::HeaderMap;
use axum::http::header::{
    CONTENT_SECURITY_POLICY, HeaderValue, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};

/// The pages load nothing but their own scripts, images and styles, and no other site may
/// frame them; a page embedding third-party content gets this plus exactly its hosts
/// ([`crate::Page::content_security_policy`]). `'unsafe-inline'` styles are needed by the
/// `style="…"` attributes the components write. The compiler extends the same policy (a test
/// checks they agree); it is not a dependency of this feature.
pub const CONTENT_SECURITY_POLICY_VALUE: &str = "default-src 'self'; img-src 'self' data:; \
     style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'self'; \
     form-action 'self'; frame-ancestors 'none'";

/// Pages, unhashed assets, 404s and redirects: cacheable, but revalidated (by `ETag`) on
/// every use, so a deploy shows at once.
pub const REVALIDATE: &str = "no-cache";
/// Assets whose file name carries a content hash: never revalidated for a year.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

// The header values, validated once at compile time; cloning one copies a pointer.
static CSP: HeaderValue = HeaderValue::from_static(CONTENT_SECURITY_POLICY_VALUE);
static NOSNIFF: HeaderValue = HeaderValue::from_static(security::NOSNIFF);
static REFERRER: HeaderValue = HeaderValue::from_static(security::REFERRER_POLICY);
static DENY: HeaderValue = HeaderValue::from_static(security::FRAME_OPTIONS);

/// Adds the security headers: `Content-Security-Policy` (with `frame-ancestors 'none'`),
/// `X-Content-Type-Options: nosniff`, `Referrer-Policy` and, for browsers that predate
/// `frame-ancestors`, `X-Frame-Options: DENY`.
pub(crate) fn secure(headers: &mut HeaderMap) {
    headers.insert(CONTENT_SECURITY_POLICY, CSP.clone());
    headers.insert(X_CONTENT_TYPE_OPTIONS, NOSNIFF.clone());
    headers.insert(REFERRER_POLICY, REFERRER.clone());
    headers.insert(X_FRAME_OPTIONS, DENY.clone());
}
