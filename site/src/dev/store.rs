//! One build as the production routing sees it: a [`Store`] of the pages (each with the reload
//! script, and the warnings in lenient mode), the files and the redirects, served `no-store`.

use axum::body::Bytes;
use axum::http::HeaderValue;
use std::collections::BTreeMap;

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

/// A build's pages with what the preview adds to them, for version `version`.
#[derive(Debug)]
pub(crate) struct Served {
    pages: BTreeMap<String, ServedPage>,
    not_found: ServedPage,
    /// The error page every page shows while the content has errors.
    pub(crate) overlay: Option<Bytes>,
}

impl Served {
    /// The pages of `output` as build `version` serves them.
    pub(crate) fn new(output: &Output, version: &str) -> Served {
        let serve = |html: &[u8], policy: Option<&String>| {
            let mut html = reload::inject(html, version);
            if let Some(warnings) = &output.warnings {
                html = overlay::with_warnings(&html, warnings);
            }
            ServedPage {
                etag: header(&site_compiler::embed::etag::etag(&html)),
                html: Bytes::from(html),
                policy: policy.map(|policy| header(policy)),
            }
        };
        Served {
            pages: output
                .pages
                .iter()
                .map(|(route, html)| (route.clone(), serve(html, output.policies.get(route))))
                .collect(),
            not_found: serve(&output.not_found, None),
            overlay: output.errors.as_ref().map(|report| {
                Bytes::from(reload::inject(overlay::page(report).as_bytes(), version))
            }),
        }
    }
}

/// A header value of text the compiler wrote (entity tags, policies, content types: printable
/// ASCII); anything else becomes an empty value.
fn header(text: &str) -> HeaderValue {
    HeaderValue::from_str(text).unwrap_or_else(|_| HeaderValue::from_static(""))
}

fn page(page: &ServedPage) -> Representation<Bytes, HeaderValue> {
    Representation {
        content_type: HeaderValue::from_static(HTML),
        identity: page.html.clone(),
        etag: page.etag.clone(),
        br: None,
        gzip: None,
        cache_control: HeaderValue::from_static(NO_STORE),
        content_security_policy: page.policy.clone(),
    }
}

impl Store for super::Snapshot {
    type Body = Bytes;
    type Text = HeaderValue;

    fn base_path(&self) -> &str {
        &self.output.base_path
    }

    fn page(&self, route: &str) -> Option<Representation<Bytes, HeaderValue>> {
        self.served.pages.get(route).map(page)
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
        page(&self.served.not_found)
    }
}
