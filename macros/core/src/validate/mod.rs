//! Site-wide checks on rendered pages: every internal link, anchor and image must exist, and no
//! URL may run a script. Per-page checks (YAML, components, props) happen while parsing and
//! rendering; these need every page first.

mod links;

use crate::diagnostic::Diagnostics;
use crate::load::AssetFile;
use crate::render::RenderedPage;
use crate::source::SourceFile;
use std::collections::{BTreeMap, BTreeSet};

/// What links may point at: each page's route with the ids on it, and every asset route.
#[derive(Debug, Default)]
pub struct PageIndex {
    pages: BTreeMap<String, Vec<String>>,
    assets: BTreeSet<String>,
}

/// Checks the links of every page (each written in the file at the same place of `files`)
/// against all pages, the `generated` ones among them, and the assets.
pub fn validate_site(
    files: &[&SourceFile],
    pages: &[RenderedPage],
    generated: &[RenderedPage],
    assets: &[AssetFile],
    diagnostics: &mut Diagnostics,
) {
    let scanned = crate::parallel::map(pages, |page| crate::render::html_scan::scan(&page.body));
    let mut index = PageIndex {
        pages: BTreeMap::new(),
        assets: assets.iter().map(|a| a.route.clone()).collect(),
    };
    for (page, (_, ids)) in pages.iter().zip(&scanned) {
        index.pages.insert(page.route.clone(), ids.clone());
    }
    for page in generated {
        index.pages.entry(page.route.clone()).or_default();
    }
    for ((file, page), (urls, _)) in files.iter().zip(pages).zip(&scanned) {
        links::check(file, &page.route, urls, &index, diagnostics);
    }
}
