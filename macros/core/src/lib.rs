//! The MDC content compiler behind the OMA SpecWorks site.
//!
//! [`compile`] reads a content folder and returns every page rendered to HTML, together with
//! every problem found, located by `file:line:col`. The `include_site!` macro runs it at
//! compile time; `site check` and the dev server run it at run time, so all three agree.

pub mod components;
pub mod content;
pub mod diagnostic;
pub mod parse;
pub mod render;
pub mod source;
pub mod tree;
pub mod validate;

pub use diagnostic::{Diagnostic, Diagnostics, Severity};
pub use render::RenderedPage;

use content::AssetFile;
use source::{SourceFile, Span};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// How to compile.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Report content errors as warnings and render what can be rendered.
    pub lenient: bool,
}

/// Everything the site serves, compiled from one content folder.
#[derive(Debug, Default)]
pub struct Bundle {
    /// Pages sorted by route.
    pub pages: Vec<RenderedPage>,
    /// Static files sorted by route.
    pub assets: Vec<AssetFile>,
    /// The 404 document.
    pub not_found: String,
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

/// Compiles the content folder at `root`: parse, render, and check every page.
pub fn compile(root: &Path, options: &Options) -> Result<Compiled<Bundle>, Error> {
    let files = content::scan(root)?;
    let mut diagnostics = Diagnostics::new(options.lenient);
    let root_name = root
        .file_name()
        .map_or_else(|| "content".into(), |n| n.to_string_lossy().into_owned());
    let mut pages = Vec::with_capacity(files.pages.len() + 1);
    let mut routes: BTreeMap<String, String> = BTreeMap::new();
    let mut sources = Vec::with_capacity(files.pages.len());
    for page in &files.pages {
        let bytes = std::fs::read(&page.path).map_err(|source| Error::Io {
            path: page.path.clone(),
            source,
        })?;
        let display_path = format!("{root_name}/{}", page.relative);
        let text = String::from_utf8_lossy(&bytes);
        let file = SourceFile::new(display_path, page.path.clone(), &text);
        if let Err(error) = std::str::from_utf8(&bytes) {
            let at = error.valid_up_to();
            diagnostics.error(
                &file,
                Span::at(at),
                "encoding",
                "the file is not valid UTF-8",
            );
        }
        sources.push(page.path.clone());
        if let Some(first) = routes.insert(page.route.clone(), file.display_path.clone()) {
            diagnostics
                .error(
                    &file,
                    Span::at(0),
                    "route-clash",
                    format!(
                        "`{first}` and this file both map to the route `{}`",
                        page.route
                    ),
                )
                .help = Some("rename or move one of the two files".into());
            continue;
        }
        let rendered = render_file(page, &file, &mut diagnostics);
        pages.push((file, rendered));
    }
    let mut generated = Vec::new();
    if !routes.contains_key("/") {
        generated.push(render::page::home_page(pages.iter().map(|(_, page)| page)));
    }
    validate::validate_site(&pages, &generated, &files.assets, &mut diagnostics);
    let mut pages: Vec<RenderedPage> = pages
        .into_iter()
        .map(|(_, page)| page)
        .chain(generated)
        .collect();
    pages.sort_by(|a, b| a.route.cmp(&b.route));
    let bundle = Bundle {
        pages,
        assets: files.assets,
        not_found: render::page::not_found_page(),
        sources,
    };
    Ok(Compiled {
        value: bundle,
        diagnostics: diagnostics.finish(),
    })
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
    let value = render_file(&page, &file, &mut diagnostics);
    Compiled {
        value,
        diagnostics: diagnostics.finish(),
    }
}

fn render_file(
    page: &content::PageFile,
    file: &SourceFile,
    diagnostics: &mut Diagnostics,
) -> RenderedPage {
    let document = parse::parse_document(file, diagnostics);
    render::render_page(page, file, &document, diagnostics)
}
