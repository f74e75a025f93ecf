//! What [`respond`](super::respond::respond) answers from: a store of pages, assets and
//! redirects under a base path. The compiled [`Site`] is one, whose bodies are slices of the
//! binary; `site dev` keeps another, rebuilt from the content folder on every change, so both
//! are served by the same routing and negotiation.

use axum::http::HeaderValue;

use super::headers::{IMMUTABLE, REVALIDATE};
use super::respond::HTML;
use crate::{Encoded, Page, Site};

/// The pages, assets and redirects a server answers from.
pub trait Store {
    /// A response body: a slice of the binary for the compiled site, shared bytes for a
    /// preview.
    type Body: AsRef<[u8]> + Default;
    /// A header value's text: a `&'static str` for the compiled site, which becomes a header
    /// value without a copy.
    type Text: HeaderText;

    /// The path the pages are served under (`/docs`), empty at the root.
    fn base_path(&self) -> &str;
    /// The page at exactly `route` (below the base path, without trailing slash but for `/`).
    fn page(&self, route: &str) -> Option<Representation<Self::Body, Self::Text>>;
    /// The asset at exactly `route`.
    fn asset(&self, route: &str) -> Option<Representation<Self::Body, Self::Text>>;
    /// Where the old path `path` moved: a page's route, maybe with an `#anchor`.
    fn redirect(&self, path: &str) -> Option<&str>;
    /// The page answered with `404`.
    fn not_found(&self) -> Representation<Self::Body, Self::Text>;
}

/// Text that becomes a header value.
pub trait HeaderText {
    /// The header value.
    fn header(&self) -> HeaderValue;
    /// The text (empty if it is not visible ASCII).
    fn text(&self) -> &str;
}

/// Checked by the build: the compiled site's header texts are valid header values.
impl HeaderText for &'static str {
    fn header(&self) -> HeaderValue {
        HeaderValue::from_static(self)
    }

    fn text(&self) -> &str {
        self
    }
}

impl HeaderText for HeaderValue {
    fn header(&self) -> HeaderValue {
        self.clone()
    }

    fn text(&self) -> &str {
        self.to_str().unwrap_or_default()
    }
}

/// One body the store can send, in every encoding it has it in.
#[derive(Debug)]
pub struct Representation<B, T> {
    /// Its `Content-Type`.
    pub content_type: T,
    /// The body as it is.
    pub identity: B,
    /// The strong entity tag of `identity`, quoted.
    pub etag: T,
    /// Its brotli variant and that variant's entity tag, if it has one.
    pub br: Option<(B, T)>,
    /// Its gzip variant and that variant's entity tag, if it has one.
    pub gzip: Option<(B, T)>,
    /// Its `Cache-Control`.
    pub cache_control: T,
    /// A page's own Content-Security-Policy, replacing the strict one.
    pub content_security_policy: Option<T>,
}

fn variant(encoded: Encoded) -> Option<(&'static [u8], &'static str)> {
    encoded
        .is_some()
        .then(|| (encoded.bytes.get(), encoded.etag))
}

impl Representation<&'static [u8], &'static str> {
    fn page(page: &Page) -> Self {
        Representation {
            content_type: HTML,
            identity: page.html.get().as_bytes(),
            etag: page.etag,
            br: variant(page.br),
            gzip: variant(page.gzip),
            cache_control: REVALIDATE,
            content_security_policy: page.content_security_policy,
        }
    }
}

impl Store for Site {
    type Body = &'static [u8];
    type Text = &'static str;

    fn base_path(&self) -> &str {
        self.base_path
    }

    fn page(&self, route: &str) -> Option<Representation<&'static [u8], &'static str>> {
        self.table().page(route).map(Representation::page)
    }

    fn asset(&self, route: &str) -> Option<Representation<&'static [u8], &'static str>> {
        let asset = self.table().asset(route)?;
        Some(Representation {
            content_type: asset.content_type,
            identity: asset.bytes.get(),
            etag: asset.etag,
            br: variant(asset.br),
            gzip: variant(asset.gzip),
            cache_control: if asset.immutable {
                IMMUTABLE
            } else {
                REVALIDATE
            },
            content_security_policy: None,
        })
    }

    fn redirect(&self, path: &str) -> Option<&str> {
        self.table().redirect(path).map(|redirect| redirect.to)
    }

    fn not_found(&self) -> Representation<&'static [u8], &'static str> {
        Representation::page(&self.not_found)
    }
}
