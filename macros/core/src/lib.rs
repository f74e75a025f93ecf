//! The MDC content compiler behind the OMA SpecWorks site.
//!
//! [`build`] reads a content folder and returns everything the site serves: every page
//! rendered into its document, the assets, the redirects, with every problem found located by
//! `file:line:col`. The `include_site!` macro runs it at compile time; `site check` and the
//! dev server run it at run time, so all three agree. `ARCHITECTURE.md` at the repository's
//! top describes the stages.

mod build;
pub mod components;
pub mod diagnostic;
pub mod embed;
pub mod icons;
pub mod load;
pub mod parallel;
pub mod parse;
pub mod registry;
pub mod render;
mod session;
pub mod source;
pub mod style;
pub mod tree;
pub mod validate;
pub mod yaml;

pub use build::{Build, Compression, Options, Output, SiteContext, base_path, build};
pub use diagnostic::{Diagnostic, Diagnostics, Severity};
pub use render::RenderedPage;
pub use session::Session;

use std::path::PathBuf;

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

/// Compiles one page from its text, as [`build`] does for each file of a content folder:
/// `relative` is its path inside the folder (`3.lwm2m/about.md`), which gives its route and
/// fallback title. Links to other pages are not checked here.
pub fn compile_page(relative: &str, text: &str, options: &Options) -> Compiled<RenderedPage> {
    let page = load::PageFile {
        path: PathBuf::from(relative),
        relative: relative.to_string(),
        route: load::route_of(relative),
    };
    let file = source::SourceFile::new(relative, page.path.clone(), text);
    let mut diagnostics = Diagnostics::new(options.lenient);
    let document = parse::parse_document(&file, &mut diagnostics);
    let value = render::render_page(&page, &file, &document, options.untrusted, &mut diagnostics);
    Compiled {
        value,
        diagnostics: diagnostics.finish(),
    }
}
