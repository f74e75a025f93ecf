//! Site-wide checks on rendered pages: every URL the renderer wrote (recorded with where it
//! came from) must reach a page, an anchor on it or a file, and none may run a script.
//! Per-page checks (YAML, components, props) happen while parsing and rendering; these need
//! every page first.

mod links;

use crate::diagnostic::Diagnostics;
use crate::load::AssetFile;
use crate::render::RenderedPage;
use crate::render::article::{FEED_ROUTE, has_feed};
use crate::source::SourceFile;
use std::collections::{BTreeMap, BTreeSet};

/// What links may point at: each page's route with the ids on it, and every asset route.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageIndex {
    pages: BTreeMap<String, Vec<String>>,
    assets: BTreeSet<String>,
}

impl PageIndex {
    /// The index of `pages`, the `generated` ones (the registry's have ids to link to, such
    /// as a resource's `#r13`) and `assets`.
    pub fn new(
        pages: &[RenderedPage],
        generated: &[RenderedPage],
        assets: &[AssetFile],
    ) -> PageIndex {
        let mut index = PageIndex::of(pages, [], assets, has_feed(pages));
        for page in generated {
            let ids = || page.ids.clone();
            index.pages.entry(page.route.clone()).or_insert_with(ids);
        }
        index
    }

    /// The index of `pages`, the `generated` routes, the `assets`, and the news feed when
    /// `feed`.
    pub fn of<'a>(
        pages: impl IntoIterator<Item = &'a RenderedPage>,
        generated: impl IntoIterator<Item = &'a str>,
        assets: &[AssetFile],
        feed: bool,
    ) -> PageIndex {
        let mut index = PageIndex {
            pages: BTreeMap::new(),
            assets: assets.iter().map(|a| a.route.clone()).collect(),
        };
        for page in pages {
            index.insert(page);
        }
        for route in generated {
            index.pages.entry(route.to_string()).or_default();
        }
        if feed {
            index.assets.insert(FEED_ROUTE.into());
        }
        index
    }

    /// Adds `page`, or puts it in place of the page at its route.
    pub fn insert(&mut self, page: &RenderedPage) {
        self.pages.insert(page.route.clone(), page.ids.clone());
    }
}

/// Checks the links of every page (each written in the file at the same place of `files`)
/// against `index`.
pub fn validate_site(
    files: &[&SourceFile],
    pages: &[RenderedPage],
    index: &PageIndex,
    diagnostics: &mut Diagnostics,
) {
    for (file, page) in files.iter().zip(pages) {
        validate_page(file, page, index, diagnostics);
    }
}

/// Checks the links of `page`, written in `file`, against `index`.
pub fn validate_page(
    file: &SourceFile,
    page: &RenderedPage,
    index: &PageIndex,
    diagnostics: &mut Diagnostics,
) {
    links::check(file, &page.route, &page.urls, index, diagnostics);
}
