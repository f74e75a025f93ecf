//! The OMA SpecWorks site: every page of `content/` compiled into this crate at build time.
//!
//! [`SITE`] is the page table the [`include_site!`] macro produced from the content folder.
//! Each page's HTML is a `&'static str` in the binary, so serving it copies nothing.
#![doc(html_no_source)]

extern crate self as site;

mod table;
pub use table::{Asset, Encoded, Page, Redirect, Site};

/// Compiles a content folder (path relative to the calling crate's `Cargo.toml`) into a [`Site`].
///
/// A content error (bad YAML, unknown component, …) is a compile error naming `file:line:col`.
/// Pair it with a build script printing `cargo::rerun-if-changed=<folder>` so that new and
/// removed files rebuild the pages too.
pub use site_macros::include_site;

/// The site's own pages, compiled from the repository's `content/` folder.
pub static SITE: Site = include_site!("../content");

/// Paths the macro's expansion names; not part of the API.
#[doc(hidden)]
pub mod __private {
    pub use maud::PreEscaped;
}

pub mod export;
#[cfg(feature = "server")]
pub mod serve;

#[cfg(feature = "server")]
pub mod check;

#[cfg(feature = "dev")]
pub mod dev;
