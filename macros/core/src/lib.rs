//! The MDC content compiler behind the OMA SpecWorks site.
//!
//! [`compile`] reads a content folder and returns every page rendered to HTML, together with
//! every problem found, located by `file:line:col`. The `include_site!` macro runs it at
//! compile time; `site check` and the dev server run it at run time, so all three agree.

pub mod components;
pub mod content;
pub mod data;
pub mod diagnostic;
pub mod embed;
pub mod icons;
mod parallel;
pub mod parse;
pub mod render;
pub mod source;
pub mod style;
pub mod tree;
pub mod validate;

use crate::diagnostic::Code;
pub use diagnostic::{Diagnostic, Diagnostics, Severity};
pub use render::RenderedPage;

use content::AssetFile;
use render::nav::{NavPage, Navigation};
use source::{SourceFile, Span};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// How to compile.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Report content errors as warnings and render what can be rendered.
    pub lenient: bool,
    /// The path the site is mounted under (`/docs`), put before every root-relative URL of
    /// the output; empty for a site at the root.
    pub base_path: String,
    /// What each page's served HTML is.
    pub output: Output,
}

/// What each page's served HTML is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Output {
    /// A complete document with the OMA chrome: header, menus, footer.
    #[default]
    Documents,
    /// The page's content alone, for a layout of the embedding service's own.
    Fragments,
}

/// Everything the site serves, compiled from one content folder.
#[derive(Debug)]
pub struct Bundle {
    /// Pages sorted by route.
    pub pages: Vec<RenderedPage>,
    /// Static files sorted by route.
    pub assets: Vec<AssetFile>,
    /// The compiler's own assets: stylesheet, script, fonts.
    pub site_assets: Vec<render::assets::SiteAsset>,
    /// The 404 page (route `/404`).
    pub not_found: RenderedPage,
    /// The navigation tree.
    pub nav: Navigation,
    /// The URL of the stylesheet the pages need, base path included.
    pub stylesheet: String,
    /// Classes the pages use that no stylesheet rule styles (expected to be empty).
    pub unstyled_classes: Vec<String>,
    /// Every file read, so the build can track them.
    pub sources: Vec<PathBuf>,
}

/// A compiled value and the diagnostics found on the way, sorted by file and position.
#[derive(Debug)]
pub struct Compiled<T> {
    /// The result; complete even when there are errors.
    pub value: T,
    /// Problems found.
    pub diagnostics: Vec<Diagnostic>,
}

/// A failure that is not the content's fault.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or folder could not be read.
    #[error("cannot read `{path}`: {source}")]
    Io {
        /// What could not be read.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// Every page of a content folder parsed, rendered and checked, before the documents around
/// them are assembled: all [`compile`] needs, and all `site check` needs.
#[derive(Debug)]
pub struct Analysis {
    /// Pages (with generated ones) sorted by route, bodies rendered, documents still empty.
    pub pages: Vec<RenderedPage>,
    /// The navigation tree.
    pub nav: Navigation,
    /// Static files.
    pub assets: Vec<AssetFile>,
    /// Every file read.
    pub sources: Vec<PathBuf>,
}

/// Parses, renders and checks every page of the content folder at `root`.
pub fn analyse(root: &Path, options: &Options) -> Result<Compiled<Analysis>, Error> {
    let files = content::scan(root)?;
    let mut diagnostics = Diagnostics::new(options.lenient);
    let root_name = root
        .file_name()
        .map_or_else(|| "content".into(), |n| n.to_string_lossy().into_owned());
    let mut sources = Vec::with_capacity(files.pages.len() + files.folder_metas.len());
    let site = data::SiteData::new(root);
    let pages = render_files(
        &root_name,
        &files.pages,
        &site,
        &mut sources,
        &mut diagnostics,
    )?;
    sources.extend(site.files_read());
    let mut folders = BTreeMap::new();
    for path in &files.folder_metas {
        let display_path = format!("{root_name}/{}", content::relative_path(root, path));
        let file = read_source(display_path, path, &mut diagnostics)?;
        let folder = content::relative_path(root, path.parent().unwrap_or(root));
        folders.insert(folder, content::read_folder_meta(&file, &mut diagnostics));
        sources.push(path.clone());
    }
    let listed: Vec<NavPage> = pages
        .iter()
        .filter_map(|(_, page)| {
            let relative = page.source.clone()?;
            Some(NavPage {
                relative,
                route: page.route.clone(),
                title: page.title.clone(),
                listed: page.listed,
            })
        })
        .collect();
    let nav = Navigation::build(&listed, &folders);
    let generated = generated_pages(&nav, &pages);
    validate::validate_site(&pages, &generated, &files.assets, &mut diagnostics);
    let mut pages: Vec<RenderedPage> = pages
        .into_iter()
        .map(|(_, page)| page)
        .chain(generated)
        .collect();
    pages.sort_by(|a, b| a.route.cmp(&b.route));
    let analysis = Analysis {
        pages,
        nav,
        assets: files.assets,
        sources,
    };
    Ok(Compiled {
        value: analysis,
        diagnostics: diagnostics.finish(),
    })
}

/// Compiles the content folder at `root`: every page checked and rendered into its complete
/// document, with the stylesheet made for exactly those documents.
pub fn compile(root: &Path, options: &Options) -> Result<Compiled<Bundle>, Error> {
    let Compiled {
        value: analysis,
        diagnostics,
    } = analyse(root, options)?;
    let Analysis {
        mut pages,
        nav,
        assets,
        sources,
    } = analysis;
    // Checked as written, served canonical: `/a/b/#x` links to `/a/b#x`.
    let bodies = parallel::map(&pages, |page| {
        render::root_urls::canonical_page_links(&page.body)
    });
    for (page, body) in pages.iter_mut().zip(bodies) {
        page.body = body;
    }
    let (mut site_assets, urls) = render::assets::fixed_assets();
    render::page::assemble(&mut pages, &nav, &urls);
    let mut not_found = render::page::not_found_page(&nav, &urls);
    // The stylesheet holds exactly the rules the finished documents use (also in fragments
    // mode: the chrome's prose classes style the content); its hashed URL then replaces the
    // placeholder they link to.
    let documents = pages
        .iter()
        .chain([&not_found])
        .map(|page| page.html.as_str());
    let (stylesheet, unstyled_classes) =
        render::assets::stylesheet(documents, &site_assets, &options.base_path);
    let stylesheet_url = format!("{}{}", options.base_path, stylesheet.route);
    // Each page's finished document (the stylesheet linked, under the base path) and its body
    // (under the base path): on every core. The document is rewritten around its body, which
    // stays where `body_start` says; only the part before it links the stylesheet.
    let under_base = |html: &str| {
        (!options.base_path.is_empty())
            .then(|| render::root_urls::prefix_root_urls(html, &options.base_path))
    };
    let finish = |page: &RenderedPage| {
        let body = under_base(&page.body);
        let finished_body = body.as_deref().unwrap_or(&page.body);
        let link_stylesheet =
            |html: &str| html.replace(render::assets::STYLESHEET_PLACEHOLDER, &stylesheet.route);
        let (html, body_start) = match (options.output, page.around_body()) {
            (Output::Fragments, _) => (finished_body.to_string(), 0),
            (Output::Documents, Some((before, after))) => {
                let before = link_stylesheet(before);
                let before = under_base(&before).unwrap_or(before);
                let after_under_base = under_base(after);
                let after = after_under_base.as_deref().unwrap_or(after);
                let html = [before.as_str(), finished_body, after].concat();
                (html, before.len())
            }
            // Not made by `assemble`: rewritten whole, its body not located.
            (Output::Documents, None) => {
                let html = link_stylesheet(&page.html);
                (under_base(&html).unwrap_or(html), 0)
            }
        };
        (html, body_start, body)
    };
    let finished = parallel::map(&pages, finish);
    let not_found_finished = finish(&not_found);
    for (page, (html, body_start, body)) in pages
        .iter_mut()
        .chain([&mut not_found])
        .zip(finished.into_iter().chain([not_found_finished]))
    {
        page.html = html;
        page.body_start = body_start;
        if let Some(body) = body {
            page.body = body;
        }
    }
    site_assets.push(stylesheet);
    let bundle = Bundle {
        pages,
        assets,
        site_assets,
        not_found,
        nav,
        stylesheet: stylesheet_url,
        sources,
        unstyled_classes,
    };
    Ok(Compiled {
        value: bundle,
        diagnostics,
    })
}

/// Reads, parses and renders every page; two files with one route are reported, the second
/// is left out.
fn render_files(
    root_name: &str,
    files: &[content::PageFile],
    site: &data::SiteData,
    sources: &mut Vec<PathBuf>,
    diagnostics: &mut Diagnostics,
) -> Result<Vec<(SourceFile, RenderedPage)>, Error> {
    let mut routes: BTreeMap<&str, String> = BTreeMap::new();
    let mut read = Vec::with_capacity(files.len());
    // Thousands of small files: read on every core.
    let contents = parallel::map(files, |page| std::fs::read(&page.path));
    for (page, bytes) in files.iter().zip(contents) {
        let bytes = bytes.map_err(|source| Error::Io {
            path: page.path.clone(),
            source,
        })?;
        let file = source_file(
            format!("{root_name}/{}", page.relative),
            &page.path,
            &bytes,
            diagnostics,
        );
        sources.push(page.path.clone());
        if let Some(first) = routes.insert(&page.route, file.display_path.clone()) {
            let message = format!(
                "`{first}` and this file both map to the route `{}`",
                page.route
            );
            diagnostics
                .error(&file, Span::at(0), Code::RouteClash, message)
                .help = Some("rename or move one of the two files".into());
            continue;
        }
        read.push((page, file));
    }
    // Parsing and rendering, the bulk of the work, page by page on every core; each page's
    // diagnostics are then taken in page order, as if rendered one after the other.
    let lenient = diagnostics.is_lenient();
    let rendered = parallel::map(&read, |(page, file)| {
        let mut found = Diagnostics::new(lenient);
        let rendered = render_file(page, file, Some(site), &mut found);
        (rendered, found)
    });
    let mut pages = Vec::with_capacity(read.len());
    for ((_, file), (rendered, found)) in read.into_iter().zip(rendered) {
        diagnostics.absorb(found);
        pages.push((file, rendered));
    }
    Ok(pages)
}

/// Reads a content file, shown in diagnostics as `display_path`; invalid UTF-8 is reported
/// and replaced.
fn read_source(
    display_path: String,
    path: &Path,
    diagnostics: &mut Diagnostics,
) -> Result<SourceFile, Error> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(source_file(display_path, path, &bytes, diagnostics))
}

/// The content file `path` holding `bytes`, shown in diagnostics as `display_path`; invalid
/// UTF-8 is reported and replaced.
fn source_file(
    display_path: String,
    path: &Path,
    bytes: &[u8],
    diagnostics: &mut Diagnostics,
) -> SourceFile {
    let file = SourceFile::new(
        display_path,
        path.to_path_buf(),
        &String::from_utf8_lossy(bytes),
    );
    if let Err(error) = std::str::from_utf8(bytes) {
        diagnostics.error(
            &file,
            Span::at(error.valid_up_to()),
            Code::Encoding,
            "the file is not valid UTF-8",
        );
    }
    file
}

/// Pages the content does not provide: the home page, and one per folder without `index.md`.
fn generated_pages(nav: &Navigation, pages: &[(SourceFile, RenderedPage)]) -> Vec<RenderedPage> {
    let exists = |route: &str| pages.iter().any(|(_, page)| page.route == route);
    let mut generated = Vec::new();
    if !exists("/") {
        generated.push(render::page::home_page(nav));
    }
    for folder in nav.folders_without_page() {
        if !exists(&folder.route)
            && !generated
                .iter()
                .any(|page: &RenderedPage| page.route == folder.route)
        {
            generated.push(render::page::section_page(folder));
        }
    }
    generated
}

/// Compiles one page from its text, as [`compile`] does for each file of a content folder:
/// `relative` is its path inside the folder (`3.lwm2m/about.md`), which gives its route and
/// fallback title. Links to other pages are not checked here.
pub fn compile_page(relative: &str, text: &str, options: &Options) -> Compiled<RenderedPage> {
    let page = content::PageFile {
        path: PathBuf::from(relative),
        relative: relative.to_string(),
        route: content::route_of(relative),
    };
    let file = SourceFile::new(relative, page.path.clone(), text);
    let mut diagnostics = Diagnostics::new(options.lenient);
    let value = render_file(&page, &file, None, &mut diagnostics);
    Compiled {
        value,
        diagnostics: diagnostics.finish(),
    }
}

fn render_file(
    page: &content::PageFile,
    file: &SourceFile,
    site: Option<&data::SiteData>,
    diagnostics: &mut Diagnostics,
) -> RenderedPage {
    let document = parse::parse_document(file, diagnostics);
    render::render_page_in(site, page, file, &document, diagnostics)
}
