//! One build as the production routing sees it: a [`Store`] of the pages (each with the reload
//! script, and the warnings in lenient mode, added as it is sent: a build changes a few pages
//! but the version every page names), the files and the redirects, served `no-store`.

use axum::body::Bytes;
use axum::http::HeaderValue;

use super::build::Output;
use super::overlay;
use super::reload;
use super::respond::NO_STORE;
use crate::serve::headers::IMMUTABLE;
use crate::serve::respond::HTML;
use crate::serve::{Representation, Store};

/// A page as the preview serves it.
#[derive(Debug, Clone)]
pub(crate) struct ServedPage {
    html: Bytes,
    etag: HeaderValue,
    policy: Option<HeaderValue>,
}

/// What the preview adds to a build's pages, for version `version`.
#[derive(Debug)]
pub(crate) struct Served {
    version: String,
    /// The list of warnings every page shows in lenient mode.
    warnings: Option<String>,
    /// The error page every page shows while the content has errors.
    pub(crate) overlay: Option<Bytes>,
}

impl Served {
    /// What build `version` adds to the pages of `output`.
    pub(crate) fn new(output: &Output, version: &str) -> Served {
        Served {
            version: version.to_string(),
            warnings: output.warnings.clone(),
            overlay: output.errors.as_ref().map(|report| {
                Bytes::from(reload::inject(overlay::page(report).as_bytes(), version))
            }),
        }
    }

    /// The compiled document `html`, served with `policy`, as the preview serves it.
    fn page(&self, html: &[u8], policy: Option<&String>) -> ServedPage {
        let mut html = reload::inject(html, &self.version);
        if let Some(warnings) = &self.warnings {
            html = overlay::with_warnings(&html, warnings);
        }
        ServedPage {
            etag: header(&site_compiler::embed::etag::etag(&html)),
            html: Bytes::from(html),
            policy: policy.map(|policy| header(policy)),
        }
    }
}

/// A header value of text the compiler wrote (entity tags, policies, content types: printable
/// ASCII); anything else becomes an empty value.
fn header(text: &str) -> HeaderValue {
    HeaderValue::from_str(text).unwrap_or_else(|_| HeaderValue::from_static(""))
}

fn page(page: ServedPage) -> Representation<Bytes, HeaderValue> {
    Representation {
        content_type: HeaderValue::from_static(HTML),
        identity: page.html,
        etag: page.etag,
        br: None,
        gzip: None,
        cache_control: HeaderValue::from_static(NO_STORE),
        content_security_policy: page.policy,
    }
}

impl Store for super::Snapshot {
    type Body = Bytes;
    type Text = HeaderValue;

    fn base_path(&self) -> &str {
        &self.output.base_path
    }

    fn page(&self, route: &str) -> Option<Representation<Bytes, HeaderValue>> {
        let compiled = self.output.pages.get(route)?;
        let policy = self.output.policies.get(route);
        Some(page(self.served.page(&compiled.html, policy)))
    }

    fn asset(&self, route: &str) -> Option<Representation<Bytes, HeaderValue>> {
        let asset = self.output.assets.get(route)?;
        Some(Representation {
            content_type: header(&asset.content_type),
            identity: asset.bytes.clone(),
            etag: header(&asset.etag),
            br: None,
            gzip: None,
            cache_control: HeaderValue::from_static(if asset.immutable {
                IMMUTABLE
            } else {
                NO_STORE
            }),
            content_security_policy: None,
        })
    }

    fn redirect(&self, path: &str) -> Option<&str> {
        self.output.redirects.get(path).map(String::as_str)
    }

    fn not_found(&self) -> Representation<Bytes, HeaderValue> {
        page(self.served.page(&self.output.not_found.html, None))
    }
}
