//! The OMA SpecWorks site as a library: MDC content compiled into static pages at build time.
//!
//! [`include_site!`] reads a content folder while your crate compiles, checks every page (a
//! content error is a compile error naming `file:line:col`) and renders it to HTML; what it
//! returns is a [`Site`]: a static table ([`Table`]) of [`Page`]s, assets and redirects, every
//! body with its `ETag` and, in release builds, precompressed (brotli, gzip), all in the binary.
//! Reading a page copies nothing. [`SITE`] is the OMA site itself, compiled from the
//! repository's `content/`.
//!
//! ```
//! // Mounted under `/docs`: links, images and assets in the pages point below it.
//! static DOCS: site::Site = site::include_site!("../content", base = "/docs");
//!
//! let about = DOCS.get("/lwm2m/about").expect("the seed page");
//! assert_eq!(about.url, "/docs/lwm2m/about");
//! assert!(about.html.contains(DOCS.stylesheet));
//! for page in DOCS.pages() {
//!     println!("{} {} ({} bytes, {} with brotli)", page.url, page.title, page.html.len(), page.br.bytes.len());
//! }
//! ```
//!
//! With the `axum` feature, [`serve::router`] serves a [`Site`] inside an axum app with every
//! behaviour of the `site` binary (both answer through [`serve::respond`]): content negotiation
//! of the precompressed bodies, `304`, `HEAD`, redirects, security headers.
#![doc(html_no_source)]

extern crate self as site;

mod blob;
mod decode;
mod embedded;
pub mod lwm2m;
mod nav;
mod security;
mod table;
mod value;
pub use embedded::{Binary, Embedded, Sliceable, Text};
pub use nav::NavItem;
pub use table::{Asset, Encoded, Heading, Page, Redirect, Site, Table};
pub use value::Value;

/// Compiles a content folder into a [`Site`], at compile time.
///
/// ```text
/// include_site!("path/to/content" [, base = "/docs"] [, strict | lenient] [, documents | fragments]
///               [, untrusted] [, compressed])
/// ```
///
/// - The path is relative to the calling crate's `Cargo.toml`.
/// - `base = "/docs"` mounts the site under a path: every root-relative URL in the pages
///   (links, images, the stylesheet, fonts) gets it in front, [`Page::url`] includes it and
///   [`serve::router`] answers below it. Default: the site is at the root.
/// - `strict` (the default) makes every content problem a compile error; `lenient` makes them
///   warnings (shown by `cargo build` as deprecation notes), renders what can be rendered and
///   turns unknown components into custom elements (`::MyWidget` becomes `<my-widget>`, and a
///   one-word name takes `mdc-`: `::Gallery` becomes `<mdc-gallery>`).
/// - `documents` (the default) makes [`Page::html`] a complete document with the OMA chrome;
///   `fragments` makes it the content alone, for your own layout (link [`Table::stylesheet`]).
/// - `untrusted` for content your users wrote: raw HTML sanitised, URLs and embeds limited.
/// - `compressed` embeds the brotli and gzip variants in debug builds too. Release builds
///   always embed them; debug builds by default do not (every body is then sent as it is),
///   since rustc's time grows with every byte it includes.
///
/// Pair it with a build script printing `cargo::rerun-if-changed=<folder>` so that new and
/// removed files rebuild the pages too; edited files are tracked by rustc itself.
///
/// The macro hands rustc a compact page table (integers into included files, the front
/// matter encoded, decoded on the first access to the [`Site`]) and the documents and their
/// compressed variants as files it includes, two for each group of 64 pages, rather than a
/// constant per page or literal tokens, which rustc reads far slower. Debug builds pack each
/// group's documents with brotli, unpacked on first use. The macro writes the files to
/// `site-pages/` in the build script's `OUT_DIR` when your crate has one, else in
/// `target/<profile>/` (`cargo clean` removes them), with what it keeps for the next build.
///
/// ```
/// static PARTS: site::Site = site::include_site!("../content", fragments, lenient);
///
/// let about = PARTS.get("/lwm2m/about").expect("the seed page");
/// assert!(!about.html.contains("<html"));
/// assert_eq!(about.html, about.body.0);
/// let body: &'static str = about.body.0.get();
/// assert!(body.starts_with('<'));
/// // A debug build embeds no compressed variant unless asked (`compressed`).
/// assert_eq!(about.br.is_some(), !cfg!(debug_assertions));
/// ```
pub use site_macros::include_site;

/// The OMA site's own pages, compiled from the repository's `content/` folder, with their
/// compressed variants in every profile.
#[cfg(feature = "content")]
pub static SITE: Site = include_site!("../content", compressed);

/// Paths the macro's expansion names; not part of the API.
#[doc(hidden)]
pub mod __private {
    pub use crate::blob::Blob;
}

pub mod export;
#[cfg(feature = "axum")]
pub mod serve;

#[cfg(feature = "server")]
pub mod check;

#[cfg(feature = "dev")]
pub mod dev;

#[cfg(feature = "icons")]
pub mod icons;

#[cfg(test)]
mod test_site;
