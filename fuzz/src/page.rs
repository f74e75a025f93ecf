//! The whole compile of one page, in a small fixed site.

use crate::checks::assert_located;
use site_compiler::load::display_path;
use site_compiler::source::SourceFile;
use site_compiler::{Options, RenderedPage, SiteContext};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Where the fuzzed page is in the fixed site.
const PAGE: &str = "1.docs/fuzzed.md";

/// The fixed site (`fuzz/site/`: a home page, a guide with headings, two articles, data files,
/// an image and icons), rendered once per process.
pub(crate) struct FixedSite {
    root: PathBuf,
    context: SiteContext,
}

impl FixedSite {
    /// Compiles `bytes` as the page at `relative`, and checks that every diagnostic is about
    /// that page and located in it.
    pub(crate) fn compile(&self, relative: &str, bytes: &[u8]) -> RenderedPage {
        let compiled = self.context.compile_page(relative, bytes);
        let file = SourceFile::new(
            display_path(&self.root, relative),
            self.root.join(relative),
            &String::from_utf8_lossy(bytes),
        );
        assert_located(&file, &compiled.diagnostics);
        compiled.value
    }
}

pub(crate) fn fixed_site() -> &'static FixedSite {
    static SITE: OnceLock<FixedSite> = OnceLock::new();
    SITE.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("site");
        let compiled = SiteContext::new(&root, &Options::default())
            .unwrap_or_else(|error| panic!("the fixed site: {error}"));
        assert!(
            compiled.diagnostics.is_empty(),
            "the fixed site has problems: {:#?}",
            compiled.diagnostics
        );
        FixedSite {
            root,
            context: compiled.value,
        }
    })
}

/// Compiles `data` as a page of the fixed site: parsed, rendered, its links checked, its
/// document made, its words read for the search index (the search text's own tokenizer on
/// whatever HTML the page holds). Checks that every diagnostic is about that page and located
/// in it, that the document holds the body where it says, that outside the body there are only
/// the chrome's own scripts (content in the title, description or table of contents is text),
/// and that a page with no `<`, entity or escape in it has no script in its body either.
pub fn page_compile(data: &[u8]) {
    let page = fixed_site().compile(PAGE, data);
    site_compiler::embed::search::page_words(&page, String::new());
    let Some((before, after)) = page.around_body() else {
        panic!("the body is not where `body_start` says");
    };
    // The colour-mode and search scripts, and the enhancement script when the page needs it.
    let chrome_scripts = 2 + usize::from(page.enhanced);
    assert_eq!(
        scripts(before) + scripts(after),
        chrome_scripts,
        "content reached the chrome as markup"
    );
    if !String::from_utf8_lossy(data).contains(['<', '&', '\\']) {
        assert_eq!(scripts(&page.body), 0, "a script from text: {}", page.body);
    }
}

/// How many `<script>` elements `html` opens, in any case (not `<scripts>` or `<script-x>`).
fn scripts(html: &str) -> usize {
    let html = html.to_ascii_lowercase();
    html.match_indices("<script")
        .filter(|(at, tag)| {
            let after = html[at + tag.len()..].bytes().next();
            matches!(
                after,
                Some(b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
            )
        })
        .count()
}
