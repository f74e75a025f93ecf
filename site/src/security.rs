//! The security headers every response carries besides its `Content-Security-Policy`, as
//! text: the server sends them (`serve::headers`), and `site export` writes them for static
//! hosts (`export::headers_file`).

/// `X-Content-Type-Options`: no guessing a type other than the one sent.
pub(crate) const NOSNIFF: &str = "nosniff";
/// `Referrer-Policy`: other sites learn the origin only, and nothing over plain HTTP.
pub(crate) const REFERRER_POLICY: &str = "strict-origin-when-cross-origin";
/// `X-Frame-Options`: `frame-ancestors 'none'` for browsers that predate it.
pub(crate) const FRAME_OPTIONS: &str = "DENY";

/// The same headers by name, for the files that configure static hosts.
pub(crate) const HEADERS: [(&str, &str); 3] = [
    ("X-Content-Type-Options", NOSNIFF),
    ("Referrer-Policy", REFERRER_POLICY),
    ("X-Frame-Options", FRAME_OPTIONS),
];
