//! The one pipeline: a content folder in, everything the site serves out. The macro,
//! `site check` and `site dev` all call [`build`]; they differ only in the [`Options`] they
//! pass and in what they do with the [`Build`].
//!
//! load → parse and render each page, and the site-wide announcement → navigation → checks
//! across pages → redirects → search index, documents, stylesheet and base path → asset table,
//! sitemap, news feed, entity tags and compression.

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::embed::cache::CompressionCache;
use crate::embed::redirects::Redirect;
use crate::embed::{self, EmbeddedAsset, EmbeddedPage, Encoding};
use crate::icons::IconFile;
use crate::load::data::SiteData;
use crate::load::{self, LoadedPage};
use crate::render::csp::{ThirdParty, content_security_policy};
use crate::render::highlight;
use crate::render::nav::{NavPage, Navigation};
use crate::render::page::SiteAnnouncement;
use crate::render::{self, AssetUrls, RenderedPage};
use crate::validate::{self, PageIndex};
use crate::{Compiled, Error, parallel, parse, style};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// How to build.
#[derive(Debug, Clone)]
pub struct Options {
    /// Report content errors as warnings and render what can be rendered.
    pub lenient: bool,
    /// The content's authors are not trusted (a service compiling what its users wrote): raw
    /// HTML is sanitised, URLs and embeds are limited, and each page's policy is the strictest
    /// its components allow. What can run a script is removed, with a warning
    /// ([`render::untrusted`]).
    pub untrusted: bool,
    /// The path the site is mounted under (`/docs`), put before every root-relative URL of
    /// the output; empty for a site at the root. See [`base_path`].
    pub base_path: String,
    /// What each page's served HTML is.
    pub output: Output,
    /// Compress pages and text assets for serving; `None` gives entity tags only, for a check
    /// or a preview.
    pub compression: Option<Compression>,
    /// The public URL of the site, which the absolute URLs of the sitemap and of the news feed
    /// start with ([`embed::site_url`]); the feed's add the base path.
    pub site_url: String,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            lenient: false,
            untrusted: false,
            base_path: String::new(),
            output: Output::default(),
            compression: None,
            site_url: embed::DEFAULT_SITE_URL.into(),
        }
    }
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

/// How to compress, and where to keep work between builds.
#[derive(Debug, Clone)]
pub struct Compression {
    /// The file keeping compressed variants between builds ([`embed::cache`]), with the
    /// highlighted code blocks in one beside it (`.highlights`, [`highlight::Cache`]); `None`
    /// compresses and highlights everything every time.
    pub cache: Option<PathBuf>,
    /// Whether to make the brotli and gzip variants; without them only the highlighted blocks
    /// are kept between builds (the macro's debug builds, see [`embed::DEBUG_BUILD`]).
    pub variants: bool,
}

impl Default for Compression {
    fn default() -> Compression {
        Compression {
            cache: None,
            variants: true,
        }
    }
}

/// Everything the site serves, built from one content folder, and every problem found.
#[derive(Debug)]
pub struct Build {
    /// Pages sorted by route, each with its finished document and variants.
    pub pages: Vec<EmbeddedPage>,
    /// The 404 page (route `/404`).
    pub not_found: EmbeddedPage,
    /// Static files sorted by route: the content's, the compiler's own (stylesheet, scripts,
    /// fonts, search index), the sitemap and, when the content has articles, the news feed.
    pub assets: Vec<EmbeddedAsset>,
    /// The redirect table, sorted by old path.
    pub redirects: Vec<Redirect>,
    /// The navigation tree.
    pub nav: Navigation,
    /// The URL of the stylesheet the pages need, base path included.
    pub stylesheet: String,
    /// Classes the pages use that no stylesheet rule styles (expected to be empty).
    pub unstyled_classes: Vec<String>,
    /// Every file read, so that a build can track them.
    pub sources: Vec<PathBuf>,
    /// Every icon name the content wrote (component props, legacy modules' icons), as
    /// written, sorted, whether an icon file has it or not: what `site icons` fetches from.
    pub named_icons: Vec<String>,
    /// Every problem found, sorted by file and position, without repeats.
    pub diagnostics: Vec<Diagnostic>,
}

impl Build {
    /// Whether a problem is an error (in lenient mode there are warnings only).
    pub fn failed(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == crate::Severity::Error)
    }

    /// The Content-Security-Policy that allows whatever any page's policy allows (the 404
    /// page's too): the strict policy widened by the third-party hosts of every page. For a
    /// host that sends one policy with every path; each document's own, in its
    /// `<meta http-equiv>`, holds it to what that page needs.
    pub fn widest_content_security_policy(&self) -> String {
        let every_need: BTreeSet<ThirdParty> = self
            .pages
            .iter()
            .chain([&self.not_found])
            .flat_map(|page| page.page.third_party.iter().cloned())
            .collect();
        content_security_policy(&every_need)
    }
}

/// Builds the content folder at `root`. `Err` only when a file cannot be read; content
/// problems are in [`Build::diagnostics`], and the build is complete even when there are some.
pub fn build(root: &Path, options: &Options) -> Result<Build, Error> {
    let mut diagnostics = Diagnostics::new(options.lenient);
    let highlights = match cache_file(options) {
        Some(file) => highlight::Cache::open(&file.with_extension("highlights")),
        None => highlight::Cache::default(),
    };
    let Folder {
        content,
        site,
        pages: rendered,
        generated,
        nav,
        announcement,
    } = render_folder(root, &highlights, options.untrusted, &mut diagnostics)?;
    highlights.save();
    let mut sources = content.sources;
    sources.extend(site.files_read());
    let named_icons = site.named_icons();

    let files: Vec<_> = content.pages.iter().map(|page| &page.source).collect();
    let index = PageIndex::new(&rendered, &generated, &content.assets);
    validate::validate_site(&files, &rendered, &index, &mut diagnostics);
    let mut pages: Vec<RenderedPage> = rendered.into_iter().chain(generated).collect();
    if let Some(announcement) = &announcement {
        for page in &mut pages {
            announcement.require_in(page);
        }
    }
    pages.sort_by(|a, b| a.route.cmp(&b.route));

    let page_routes: Vec<&str> = pages.iter().map(|page| page.route.as_str()).collect();
    let asset_routes: Vec<&str> = content.assets.iter().map(|a| a.route.as_str()).collect();
    let redirects = content.redirects.as_ref().map_or_else(Vec::new, |table| {
        embed::redirects::parse(table, &page_routes, &asset_routes, &mut diagnostics)
    });

    let Documents {
        pages,
        not_found,
        site_assets,
        stylesheet,
        unstyled_classes,
    } = documents(pages, &nav, announcement.as_ref(), options);
    let mut assets = embed::asset_table(
        &content.assets,
        site_assets,
        &pages,
        &options.site_url,
        &options.base_path,
    )?;
    let variants = options.compression.as_ref().is_some_and(|c| c.variants);
    let cache = cache_file(options)
        .filter(|_| variants)
        .map(CompressionCache::open);
    let encoding = match variants {
        true => Encoding::Compressed(cache.as_ref()),
        false => Encoding::Identity,
    };
    let (pages, not_found) = embed::embed(pages, not_found, &mut assets, encoding);
    if let Some(cache) = &cache {
        cache.save();
    }
    Ok(Build {
        pages,
        not_found,
        assets,
        redirects,
        nav,
        stylesheet,
        unstyled_classes,
        sources,
        named_icons,
        diagnostics: diagnostics.finish(),
    })
}

/// A content folder rendered once, against which single pages compile as [`build`] would
/// compile them in it: a page's components read the folder's data files, pages and icons, its
/// links are checked against the folder's pages, anchors and files, and its document is made in
/// the folder's chrome. What is site-wide (the stylesheet, redirects, compression) is left out,
/// so that a page compiles in the time its own parsing and rendering take.
#[derive(Debug)]
pub struct SiteContext {
    root: PathBuf,
    lenient: bool,
    untrusted: bool,
    /// The folder's pages, which components list, and its icons: each compiled page reads them
    /// through data of its own ([`SiteData`]), so that what one page reads or names is not
    /// kept for the next.
    pages: Vec<LoadedPage>,
    icons: IconFile,
    index: PageIndex,
    nav: Navigation,
    asset_urls: AssetUrls,
    announcement: Option<SiteAnnouncement>,
}

impl SiteContext {
    /// The content folder at `root`, rendered and checked, with the problems found in it. `Err`
    /// only when a file cannot be read.
    pub fn new(root: &Path, options: &Options) -> Result<Compiled<SiteContext>, Error> {
        let mut diagnostics = Diagnostics::new(options.lenient);
        let folder = render_folder(
            root,
            &highlight::Cache::default(),
            options.untrusted,
            &mut diagnostics,
        )?;
        let files: Vec<_> = folder
            .content
            .pages
            .iter()
            .map(|page| &page.source)
            .collect();
        let index = PageIndex::new(&folder.pages, &folder.generated, &folder.content.assets);
        validate::validate_site(&files, &folder.pages, &index, &mut diagnostics);
        let (_, mut asset_urls) = render::assets::fixed_assets();
        asset_urls.feed = render::article::has_feed(&folder.pages);
        let context = SiteContext {
            root: root.to_path_buf(),
            lenient: options.lenient,
            untrusted: options.untrusted,
            icons: folder.site.icons().clone(),
            pages: folder.content.pages,
            index,
            nav: folder.nav,
            asset_urls,
            announcement: folder.announcement,
        };
        Ok(Compiled {
            value: context,
            diagnostics: diagnostics.finish(),
        })
    }

    /// Compiles a page file holding `bytes` as if the folder had it at `relative`
    /// (`3.lwm2m/new.md`): parsed, rendered, its links checked, and its document made (the
    /// stylesheet's URL a placeholder). The folder's other pages are not compiled again.
    pub fn compile_page(&self, relative: &str, bytes: &[u8]) -> Compiled<RenderedPage> {
        let mut diagnostics = Diagnostics::new(self.lenient);
        let path = self.root.join(relative);
        let display_path = load::display_path(&self.root, relative);
        let source = load::source_file(display_path, &path, bytes, &mut diagnostics);
        let front_matter = load::FrontMatter::read(&source, &mut diagnostics);
        let page = LoadedPage {
            file: load::PageFile {
                path,
                relative: relative.to_string(),
                route: load::route_of(relative),
            },
            source,
            front_matter,
        };
        let site = SiteData::new(&self.root, &self.pages).with_icons(self.icons.clone());
        let mut rendered = render_page(&page, &site, None, self.untrusted, &mut diagnostics);
        let mut index = self.index.clone();
        index.insert(&rendered);
        validate::validate_page(&page.source, &rendered, &index, &mut diagnostics);
        if let Some(announcement) = &self.announcement {
            announcement.require_in(&mut rendered);
        }
        let announcement = self.announcement.as_ref();
        let pages = std::slice::from_mut(&mut rendered);
        assemble(pages, &self.nav, &self.asset_urls, announcement);
        Compiled {
            value: rendered,
            diagnostics: diagnostics.finish(),
        }
    }
}

/// A content folder read, its pages rendered and its menus made: what [`build`] checks and
/// finishes, and what a [`SiteContext`] compiles single pages against.
struct Folder {
    content: load::Content,
    site: SiteData,
    /// The content's pages, in route order.
    pages: Vec<RenderedPage>,
    /// The pages the content does not provide ([`generated_pages`]).
    generated: Vec<RenderedPage>,
    nav: Navigation,
    announcement: Option<SiteAnnouncement>,
}

/// Reads the content folder at `root` and renders its pages, their code highlighted through
/// `highlights`, as `untrusted` content when it says so.
fn render_folder(
    root: &Path,
    highlights: &highlight::Cache,
    untrusted: bool,
    diagnostics: &mut Diagnostics,
) -> Result<Folder, Error> {
    let mut content = load::load(root, diagnostics)?;
    let icons = std::mem::take(&mut content.icons);
    let site = SiteData::new(root, &content.pages).with_icons(icons);
    let pages = render_pages(&content.pages, &site, highlights, untrusted, diagnostics);
    let announcement = render::page::site_announcement(&content.pages, &site, untrusted);
    let listed: Vec<NavPage> = pages
        .iter()
        .filter_map(|page| {
            Some(NavPage {
                relative: page.source.clone()?,
                route: page.route.clone(),
                title: page.title.clone(),
                listed: page.listed,
            })
        })
        .collect();
    let nav = Navigation::build(&listed, &content.folders);
    let generated = generated_pages(&nav, &pages);
    Ok(Folder {
        content,
        site,
        pages,
        generated,
        nav,
        announcement,
    })
}

/// The file keeping compressed variants between builds, if the options name one.
fn cache_file(options: &Options) -> Option<&Path> {
    options.compression.as_ref()?.cache.as_deref()
}

/// Parses and renders every page, on every core; each page's diagnostics are then taken in
/// page order, as if rendered one after the other.
fn render_pages(
    pages: &[LoadedPage],
    site: &SiteData,
    highlights: &highlight::Cache,
    untrusted: bool,
    diagnostics: &mut Diagnostics,
) -> Vec<RenderedPage> {
    let lenient = diagnostics.is_lenient();
    let rendered = parallel::map(pages, |page| {
        let mut found = Diagnostics::new(lenient);
        let rendered = render_page(page, site, Some(highlights), untrusted, &mut found);
        (rendered, found)
    });
    rendered
        .into_iter()
        .map(|(page, found)| {
            diagnostics.absorb(found);
            page
        })
        .collect()
}

/// Parses and renders a page of the folder `site` describes.
fn render_page(
    page: &LoadedPage,
    site: &SiteData,
    highlights: Option<&highlight::Cache>,
    untrusted: bool,
    diagnostics: &mut Diagnostics,
) -> RenderedPage {
    let document = parse::parse_body(&page.source, &page.front_matter, diagnostics);
    render::render_page_in(
        Some(site),
        highlights,
        &page.file,
        &page.source,
        &document,
        untrusted,
        diagnostics,
    )
}

/// Pages the content does not provide: the home page, the search page, and one per folder
/// without `index.md`.
fn generated_pages(nav: &Navigation, pages: &[RenderedPage]) -> Vec<RenderedPage> {
    let exists = |route: &str| pages.iter().any(|page| page.route == route);
    let mut generated = Vec::new();
    if !exists("/") {
        generated.push(render::page::home_page(nav));
    }
    if !exists(render::search_page::SEARCH_ROUTE) {
        generated.push(render::search_page::search_page());
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

/// The pages with their finished documents, and what the documents link to.
struct Documents {
    pages: Vec<RenderedPage>,
    not_found: RenderedPage,
    /// The compiler's own assets, the stylesheet made for the documents among them.
    site_assets: Vec<render::assets::SiteAsset>,
    /// The stylesheet's URL, base path included.
    stylesheet: String,
    unstyled_classes: Vec<String>,
}

/// Every page's complete document (or its content alone, in fragments mode), with the
/// stylesheet made for exactly those documents, under the base path.
fn documents(
    mut pages: Vec<RenderedPage>,
    nav: &Navigation,
    announcement: Option<&SiteAnnouncement>,
    options: &Options,
) -> Documents {
    let (mut site_assets, mut urls) = render::assets::fixed_assets();
    urls.feed = render::article::has_feed(&pages);
    let search_index = embed::search::index(&pages, nav, &options.base_path);
    site_assets.extend(embed::search::assets(&search_index));
    assemble(&mut pages, nav, &urls, announcement);
    let mut not_found = render::page::not_found_page(nav, &urls, announcement);
    // The stylesheet holds exactly the rules the finished documents use (also in fragments
    // mode: the chrome's prose classes style the content); its hashed URL then replaces the
    // placeholder they link to.
    let documents = pages
        .iter()
        .chain([&not_found])
        .map(|page| page.html.as_str());
    let (stylesheet, unstyled_classes) =
        style::site_stylesheet(documents, &site_assets, &options.base_path);
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
    Documents {
        pages,
        not_found,
        site_assets,
        stylesheet: stylesheet_url,
        unstyled_classes,
    }
}

/// Makes each page's document in the chrome, with the stylesheet's URL a placeholder.
fn assemble(
    pages: &mut [RenderedPage],
    nav: &Navigation,
    urls: &AssetUrls,
    announcement: Option<&SiteAnnouncement>,
) {
    // Checked as written, served canonical: `/a/b/#x` links to `/a/b#x`.
    let bodies = parallel::map(pages, |page| {
        render::root_urls::canonical_page_links(&page.body)
    });
    for (page, body) in pages.iter_mut().zip(bodies) {
        page.body = body;
    }
    render::page::assemble(pages, nav, urls, announcement);
}

/// The base path as [`Options::base_path`] wants it: `/docs` (or empty for the root),
/// checked; the error says what is wrong.
pub fn base_path(base: &str) -> Result<String, String> {
    let trimmed = base.trim_end_matches('/');
    let valid_segment = |segment: &str| {
        !segment.is_empty()
            && segment != "."
            && segment != ".."
            && segment
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-._~".contains(c))
    };
    if !base.starts_with('/') {
        return Err(format!("the base path `{base}` must start with `/`"));
    }
    if !trimmed.is_empty() && !trimmed[1..].split('/').all(valid_segment) {
        return Err(format!(
            "the base path `{base}` must be `/` or segments of letters, digits, `-`, `.`, `_` \
             and `~` (`/docs`, `/oma/site`)"
        ));
    }
    Ok(trimmed.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_paths_are_checked() {
        assert_eq!(base_path("/").ok().as_deref(), Some(""));
        assert_eq!(base_path("/docs/").ok().as_deref(), Some("/docs"));
        assert_eq!(base_path("/oma/site").ok().as_deref(), Some("/oma/site"));
        for bad in ["docs", "/a b", "/a/../b", "/a?x", "/a//b"] {
            assert!(base_path(bad).is_err(), "{bad}");
        }
    }
}
