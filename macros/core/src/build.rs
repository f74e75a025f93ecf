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
use crate::embed::search::{self, PageWords};
use crate::embed::{self, EmbeddedAsset, EmbeddedPage, Encoding};
use crate::icons::IconFile;
use crate::load::data::{Reads, SiteData};
use crate::load::{self, LoadedPage};
use crate::registry::{self, Registry};
use crate::render::AssetUrls;
use crate::render::article::has_feed;
use crate::render::assets::SiteAsset;
use crate::render::csp::{ThirdParty, content_security_policy};
use crate::render::highlight;
use crate::render::nav::{NavPage, Navigation};
use crate::render::page::{Assembler, SiteAnnouncement};
use crate::render::{self, RenderedPage, Searched};
use crate::source::SourceFile;
use crate::validate::PageIndex;
use crate::{Compiled, Error, parallel, parse, style, validate};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use xxhash_rust::xxh3::Xxh3Default;

mod stored;
mod stored_pages;

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
    /// highlighted code blocks in one beside it (`.highlights`, [`highlight::Cache`]) and the
    /// LwM2M registry's part of the build in another (`.registry`, `build/stored.rs`); `None`
    /// compresses, highlights and reads everything every time.
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
    /// The LwM2M registry, when the content has its data (`data/lwm2m-registry/`).
    pub registry: Option<Arc<Registry>>,
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
    let Some(cache) = cache_file(options) else {
        return run(root, options, &mut Kept::default());
    };
    let (stored, pages) = (stored::file_for(cache), stored_pages::folder_for(cache));
    let (lenient, untrusted) = (options.lenient, options.untrusted);
    // The two stored parts read at once: each is mostly decoding.
    let (mut kept, stored_pages) = std::thread::scope(|scope| {
        let stored_pages = scope.spawn(|| stored_pages::read(&pages, root, lenient, untrusted));
        let kept = stored::read(&stored, root, lenient);
        (kept, stored_pages.join())
    });
    stored_pages.unwrap_or_default().put_into(&mut kept);
    let build = run(root, options, &mut kept)?;
    stored_pages::write(&pages, root, lenient, untrusted, &kept);
    stored::write(&stored, root, lenient, kept);
    Ok(build)
}

/// Builds the content folder at `root`, doing again only what changed since the build `kept`
/// holds the results of, and keeps this one's there: the same [`Build`] as [`build`] gives.
pub(crate) fn run(root: &Path, options: &Options, kept: &mut Kept) -> Result<Build, Error> {
    let mut diagnostics = Diagnostics::new(options.lenient);
    let earlier = std::mem::take(&mut kept.loaded);
    let mut content = load::load(root, &mut diagnostics, earlier)?;
    let registry_read =
        refresh_registry(root, &content.registry, &mut kept.registry, options.lenient)?;
    kept.registry_read = registry_read;
    let registry = kept
        .registry
        .as_ref()
        .map(|kept| Arc::clone(&kept.registry));
    if let Some(registry) = &kept.registry {
        diagnostics.absorb_copies(&registry.diagnostics);
        add_registry(root, &mut content, &registry.registry, &mut diagnostics);
    }
    let icons = std::mem::take(&mut content.icons);
    let site = SiteData::new(root, &content.pages)
        .with_icons(icons)
        .with_registry(registry);
    let highlights = match cache_file(options) {
        Some(file) => highlight::Cache::open(&file.with_extension("highlights")),
        None => highlight::Cache::default(),
    };
    let rendered = render_pages(
        root,
        &content.pages,
        &site,
        &highlights,
        options.untrusted,
        kept,
        &mut diagnostics,
    );
    highlights.save();
    kept.rendered = rendered.iter().cloned().collect();
    kept.rendered.sort();
    let announcement = render::page::site_announcement(&content.pages, &site, options.untrusted);
    let mut sources = content.sources;
    sources.extend(site.files_read());
    let named_icons = site.named_icons();
    let kept_pages: Vec<&KeptPage> = content
        .pages
        .iter()
        .filter_map(|page| kept.pages.get(&page.file.relative))
        .collect();

    let listed: Vec<NavPage> = kept_pages
        .iter()
        .filter_map(|kept| nav_page(&kept.page))
        .collect();
    let nav = Navigation::build(&listed, &content.folders);
    let generated = generated_pages(&nav, kept_pages.iter().map(|kept| &kept.page));
    // The registry's pages, but where the content has a page of its own.
    let content_routes: HashSet<&str> = content
        .pages
        .iter()
        .map(|p| p.file.route.as_str())
        .collect();
    let registry_pages: Vec<&RenderedPage> = kept
        .registry
        .iter()
        .flat_map(|registry| &registry.pages)
        .filter(|page| !content_routes.contains(page.route.as_str()))
        .collect();
    let index = PageIndex::of(
        kept_pages
            .iter()
            .map(|kept| &kept.page)
            .chain(registry_pages.iter().copied()),
        generated.iter().map(|page| page.route.as_str()),
        &content.assets,
        has_feed(kept_pages.iter().map(|kept| &kept.page)),
    );
    // Each page's links are checked again when it rendered again or when what links may
    // reach changed.
    let index_changed = kept.index.as_ref() != Some(&index);
    let files: Vec<&SourceFile> = content.pages.iter().map(|page| &page.source).collect();
    let to_check: Vec<usize> = (0..kept_pages.len())
        .filter(|&at| index_changed || rendered.contains(&content.pages[at].file.relative))
        .collect();
    let checked = parallel::map(&to_check, |&at| {
        let mut found = Diagnostics::new(options.lenient);
        let page = &kept_pages[at].page;
        validate::validate_page(files[at], page, &index, &mut found);
        found
    });
    drop(kept_pages);
    for (at, found) in to_check.into_iter().zip(checked) {
        if let Some(page) = kept.pages.get_mut(&content.pages[at].file.relative) {
            page.links = found;
        }
    }
    kept.index = Some(index);
    let kept_pages: Vec<&KeptPage> = content
        .pages
        .iter()
        .filter_map(|page| kept.pages.get(&page.file.relative))
        .collect();
    for page in &kept_pages {
        diagnostics.absorb_copies(&page.links);
    }

    // Every page in route order, each with whether it rendered again in this build.
    let mut pages: Vec<(&RenderedPage, bool)> = kept_pages
        .iter()
        .map(|kept| {
            let relative = kept.page.source.as_deref().unwrap_or_default();
            (&kept.page, rendered.contains(relative))
        })
        .chain(generated.iter().map(|page| (page, false)))
        .chain(registry_pages.iter().map(|page| (*page, registry_read)))
        .collect();
    pages.sort_by(|(a, _), (b, _)| a.route.cmp(&b.route));

    let page_routes: Vec<&str> = pages.iter().map(|(page, _)| page.route.as_str()).collect();
    let asset_routes: Vec<&str> = content.assets.iter().map(|a| a.route.as_str()).collect();
    let redirects = content.redirects.as_ref().map_or_else(Vec::new, |table| {
        embed::redirects::parse(table, &page_routes, &asset_routes, &mut diagnostics)
    });

    let variants = options.compression.as_ref().is_some_and(|c| c.variants);
    let cache = cache_file(options)
        .filter(|_| variants)
        .map(CompressionCache::open);
    let encoding = match variants {
        true => Encoding::Compressed(cache.as_ref()),
        false => Encoding::Identity,
    };
    let context = DocumentContext {
        nav,
        announcement,
        feed: has_feed(pages.iter().map(|(page, _)| *page)),
    };
    let last = kept.build.take().map_or_else(HashMap::new, |build| {
        let pages = build.pages.into_iter();
        pages.map(|page| (page.page.route.clone(), page)).collect()
    });
    let finished = documents(
        &pages,
        context,
        last,
        options,
        encoding,
        kept.keeping,
        &mut kept.documents,
    );
    let Documents {
        pages,
        not_found,
        site_assets,
        stylesheet,
        unstyled_classes,
    } = finished;
    let page_list: Vec<&RenderedPage> = pages.iter().map(|page| &page.page).collect();
    let mut assets = embed::asset_table(
        &content.assets,
        site_assets,
        &page_list,
        &options.site_url,
        &options.base_path,
    )?;
    let bodies: Vec<(&[u8], &str)> = assets
        .iter()
        .map(|a| (a.bytes.as_slice(), a.content_type.as_str()))
        .collect();
    let variants = embed::variants(&bodies, encoding);
    for (asset, variants) in assets.iter_mut().zip(variants) {
        asset.variants = variants;
    }
    if let Some(cache) = &cache {
        cache.save();
    }
    let nav = kept
        .documents
        .context
        .as_ref()
        .map(|context| context.nav.clone())
        .unwrap_or_default();
    kept.loaded = content.pages;
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
        registry: kept
            .registry
            .as_ref()
            .map(|kept| Arc::clone(&kept.registry)),
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
    registry: Option<Arc<Registry>>,
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
            registry: folder.site.registry_arc(),
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
        let file = load::PageFile {
            path,
            relative: relative.to_string(),
            route: load::route_of(relative),
        };
        let page = LoadedPage::new(file, source, front_matter);
        let site = SiteData::new(&self.root, &self.pages)
            .with_icons(self.icons.clone())
            .with_registry(self.registry.clone());
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
    let mut content = load::load(root, diagnostics, Vec::new())?;
    let mut kept = Kept::default();
    refresh_registry(
        root,
        &content.registry,
        &mut kept.registry,
        diagnostics.is_lenient(),
    )?;
    if let Some(registry) = &kept.registry {
        diagnostics.absorb_copies(&registry.diagnostics);
        add_registry(root, &mut content, &registry.registry, diagnostics);
    }
    let icons = std::mem::take(&mut content.icons);
    let site = SiteData::new(root, &content.pages)
        .with_icons(icons)
        .with_registry(
            kept.registry
                .as_ref()
                .map(|kept| Arc::clone(&kept.registry)),
        );
    render_pages(
        root,
        &content.pages,
        &site,
        highlights,
        untrusted,
        &mut kept,
        diagnostics,
    );
    let registry = kept.registry.take();
    let mut rendered = kept.pages;
    let pages: Vec<RenderedPage> = content
        .pages
        .iter()
        .filter_map(|page| rendered.remove(&page.file.relative))
        .map(|kept| kept.page)
        .collect();
    let announcement = render::page::site_announcement(&content.pages, &site, untrusted);
    let listed: Vec<NavPage> = pages.iter().filter_map(nav_page).collect();
    let nav = Navigation::build(&listed, &content.folders);
    let mut generated = generated_pages(&nav, &pages);
    let routes: HashSet<&str> = pages.iter().map(|page| page.route.as_str()).collect();
    let registry_pages = registry.into_iter().flat_map(|registry| registry.pages);
    let registry_pages: Vec<RenderedPage> = registry_pages
        .filter(|page| !routes.contains(page.route.as_str()))
        .collect();
    generated.extend(registry_pages);
    Ok(Folder {
        content,
        site,
        pages,
        generated,
        nav,
        announcement,
    })
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

/// Makes each page's document in the chrome, with the stylesheet's URL a placeholder.
fn assemble(
    pages: &mut [RenderedPage],
    nav: &Navigation,
    urls: &AssetUrls,
    announcement: Option<&SiteAnnouncement>,
) {
    let assembler = Assembler::new(nav, urls, announcement);
    for page in pages {
        assembler.assemble(page);
    }
}

/// The LwM2M registry of a build ([`crate::registry`]) and its pages.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct KeptRegistry {
    /// [`registry::stamp`] of its files when they were read.
    stamp: u128,
    registry: Arc<Registry>,
    /// What reading and checking it found.
    diagnostics: Diagnostics,
    /// Its pages.
    pages: Vec<RenderedPage>,
}

/// Reads the LwM2M registry whose files are `files` into `kept`, unless it holds the registry
/// of these files as they are (no file added, removed or changed); `None` there when there are
/// none. Says whether it was read.
fn refresh_registry(
    root: &Path,
    files: &[PathBuf],
    kept: &mut Option<KeptRegistry>,
    lenient: bool,
) -> Result<bool, Error> {
    let stamp = registry::stamp(files);
    if files.is_empty() || kept.as_ref().is_some_and(|kept| kept.stamp == stamp) {
        if files.is_empty() {
            *kept = None;
        }
        return Ok(false);
    }
    let mut diagnostics = Diagnostics::new(lenient);
    *kept = Registry::load(root, files, &mut diagnostics)?.map(|registry| {
        let made = registry::pages::pages(&registry);
        let pages = parallel::map(&made, |page| render::page::registry_page(page.clone()));
        KeptRegistry {
            stamp,
            registry: Arc::new(registry),
            diagnostics,
            pages,
        }
    });
    Ok(true)
}

/// What the LwM2M registry adds to the content folder: the list pages it does not write
/// itself ([`registry::lists`]), the object files as assets (served as they are), and its
/// files among those the build tracks.
fn add_registry(
    root: &Path,
    content: &mut load::Content,
    registry: &Registry,
    diagnostics: &mut Diagnostics,
) {
    let lists =
        registry::lists::missing_list_pages(root, &content.pages, &content.folders, diagnostics);
    content.pages.extend(lists);
    content
        .pages
        .sort_by(|a, b| a.file.route.cmp(&b.file.route));
    content.assets.extend(registry::assets(registry));
    content.assets.sort_by(|a, b| a.route.cmp(&b.route));
    content.sources.extend(content.registry.iter().cloned());
}

/// The file keeping compressed variants between builds, if the options name one.
fn cache_file(options: &Options) -> Option<&Path> {
    options.compression.as_ref()?.cache.as_deref()
}

/// Parses and renders every page that `kept` has no current rendering of, on every core, and
/// keeps them there (forgetting pages that are gone); each page's diagnostics are then taken
/// in page order, as if rendered one after the other. Returns the paths of the pages rendered.
fn render_pages(
    root: &Path,
    pages: &[LoadedPage],
    site: &SiteData,
    highlights: &highlight::Cache,
    untrusted: bool,
    kept: &mut Kept,
    diagnostics: &mut Diagnostics,
) -> HashSet<String> {
    let lenient = diagnostics.is_lenient();
    let keeping = kept.keeping != Keeping::Nothing;
    let inputs = parallel::map(pages, |page| match keeping {
        true => hash_parts(&[page.file.relative.as_bytes(), page.source.text.as_bytes()]),
        false => 0,
    });
    let registry = kept.registry.as_ref().map_or(0, |registry| registry.stamp);
    let site_inputs = match keeping {
        true => SiteInputs::of(root, pages, site, registry),
        false => SiteInputs {
            pages: 0,
            icons: 0,
            registry,
        },
    };
    let stale: Vec<usize> = (0..pages.len())
        .filter(|&at| {
            let current = kept.pages.get(&pages[at].file.relative);
            !current.is_some_and(|kept| kept.is_current(inputs[at], &site_inputs, site))
        })
        .collect();
    let rendered = parallel::map(&stale, |&at| {
        let page = &pages[at];
        let ((rendered, found), reads) = SiteData::recording(|| {
            let mut found = Diagnostics::new(lenient);
            let rendered = render_page(page, site, Some(highlights), untrusted, &mut found);
            (rendered, found)
        });
        KeptPage {
            input: inputs[at],
            site_inputs: site_inputs.clone(),
            reads,
            page: rendered,
            diagnostics: found,
            links: Diagnostics::new(lenient),
        }
    });
    let present: HashSet<&str> = pages
        .iter()
        .map(|page| page.file.relative.as_str())
        .collect();
    kept.pages
        .retain(|relative, _| present.contains(relative.as_str()));
    let mut done = HashSet::with_capacity(stale.len());
    for (at, page) in stale.into_iter().zip(rendered) {
        let relative = pages[at].file.relative.clone();
        done.insert(relative.clone());
        kept.pages.insert(relative, page);
    }
    for page in pages {
        let relative = &page.file.relative;
        if let Some(page) = kept.pages.get(relative) {
            diagnostics.absorb_copies(&page.diagnostics);
            if !done.contains(relative) {
                for icon in &page.reads.icons {
                    site.name_icon(icon);
                }
            }
        }
    }
    done
}

/// A hash of `parts`, each told from the next.
fn hash_parts(parts: &[&[u8]]) -> u128 {
    let mut hasher = Xxh3Default::new();
    for part in parts {
        hasher.update(&(part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    hasher.digest128()
}

/// What every page's rendering may read besides its own file, as hashes: the other pages'
/// front matter and excerpts ([`SiteData::pages`]), and the content's icon file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct SiteInputs {
    pages: u128,
    icons: u128,
    /// [`registry::stamp`] of the registry's files, 0 without a registry.
    registry: u128,
}

impl SiteInputs {
    /// The inputs of `pages`, whose data `site` holds, and of the icon file of `root`.
    fn of(root: &Path, pages: &[LoadedPage], site: &SiteData, registry: u128) -> SiteInputs {
        let mut hasher = Xxh3Default::new();
        for (page, meta) in pages.iter().zip(site.pages()) {
            let front_matter = page.source.text.get(..page.front_matter.body_start);
            for part in [
                page.file.relative.as_bytes(),
                page.file.route.as_bytes(),
                front_matter.unwrap_or_default().as_bytes(),
                meta.excerpt.as_deref().unwrap_or_default().as_bytes(),
            ] {
                hasher.update(&(part.len() as u64).to_le_bytes());
                hasher.update(part);
            }
        }
        let icons = std::fs::read(root.join(load::ICONS_FILE)).unwrap_or_default();
        SiteInputs {
            pages: hasher.digest128(),
            icons: xxhash_rust::xxh3::xxh3_128(&icons),
            registry,
        }
    }
}

/// What a build starts from: what a [`Session`](crate::Session) keeps of its last build, or
/// what a build with a cache file finds stored beside it.
#[derive(Debug, Default)]
pub(crate) struct Kept {
    /// What the build keeps for the next.
    pub(crate) keeping: Keeping,
    /// The pages as they were read.
    loaded: Vec<LoadedPage>,
    /// The LwM2M registry, read again only when a file under it changed.
    registry: Option<KeptRegistry>,
    /// Whether the last build read the registry.
    pub(crate) registry_read: bool,
    /// Each page as it rendered, by its path in the content folder.
    pages: HashMap<String, KeptPage>,
    /// What links could reach.
    index: Option<PageIndex>,
    /// What the documents were made with.
    documents: KeptDocuments,
    /// The build itself, whose finished pages the next one takes over when they are current.
    pub(crate) build: Option<Build>,
    /// The pages it parsed and rendered, by path in the content folder, sorted.
    pub(crate) rendered: Vec<String>,
}

impl Kept {
    /// Nothing kept yet, and every build to be kept for the next.
    pub(crate) fn for_session() -> Kept {
        Kept {
            keeping: Keeping::Everything,
            ..Kept::default()
        }
    }
}

/// What a build keeps for the next; what only serves to tell what changed since (hashes of
/// inputs, of class values) is computed only for what is kept.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Keeping {
    /// Nothing: a build on its own.
    #[default]
    Nothing,
    /// Each page as it rendered, and its words: a build whose pages are stored for the next
    /// ([`stored_pages`]).
    Pages,
    /// Everything, the documents too: a [`Session`](crate::Session)'s.
    Everything,
}

/// A page as it rendered, with what it rendered from.
#[derive(Debug, Serialize, Deserialize)]
struct KeptPage {
    /// A hash of its path and text.
    input: u128,
    /// What the site offered its rendering.
    site_inputs: SiteInputs,
    /// What its rendering read of the site.
    reads: Reads,
    /// The page, its document not made yet.
    page: RenderedPage,
    /// What parsing and rendering it found.
    diagnostics: Diagnostics,
    /// What checking its links found.
    links: Diagnostics,
}

impl KeptPage {
    /// Whether rendering the page of text hash `input` now would give this again.
    fn is_current(&self, input: u128, site_inputs: &SiteInputs, site: &SiteData) -> bool {
        self.input == input
            && self.site_inputs.icons == site_inputs.icons
            && (!self.reads.pages || self.site_inputs.pages == site_inputs.pages)
            && (!self.reads.registry || self.site_inputs.registry == site_inputs.registry)
            && self
                .reads
                .data
                .iter()
                .all(|(reference, version)| site.data_version(reference) == *version)
    }
}

/// What the navigation needs of a page from the content (none of a generated page).
fn nav_page(page: &RenderedPage) -> Option<NavPage> {
    Some(NavPage {
        relative: page.source.clone()?,
        route: page.route.clone(),
        title: page.title.clone(),
        listed: page.listed,
    })
}

/// Pages the content does not provide: the home page, the search page, and one per folder
/// without `index.md`.
fn generated_pages<'a>(
    nav: &Navigation,
    pages: impl IntoIterator<Item = &'a RenderedPage>,
) -> Vec<RenderedPage> {
    let mut routes: HashSet<&str> = pages.into_iter().map(|page| page.route.as_str()).collect();
    let mut generated = Vec::new();
    if !routes.contains("/") {
        generated.push(render::page::home_page(nav));
    }
    if !routes.contains(render::search_page::SEARCH_ROUTE) {
        generated.push(render::search_page::search_page());
    }
    for folder in nav.folders_without_page() {
        if routes.insert(&folder.route) {
            generated.push(render::page::section_page(folder));
        }
    }
    generated
}

/// What every document is made with besides its page.
#[derive(Debug, PartialEq, Eq)]
struct DocumentContext {
    nav: Navigation,
    announcement: Option<SiteAnnouncement>,
    /// Whether the site has a news feed, which every head names.
    feed: bool,
}

/// What the documents of the last build were made with.
#[derive(Debug, Default)]
pub(crate) struct KeptDocuments {
    context: Option<DocumentContext>,
    /// The hashes of each document's class values ([`style::class_hashes`]), by route.
    classes: HashMap<String, Vec<u64>>,
    /// The stylesheet, the classes it left unstyled, and the class values it was made for.
    stylesheet: Option<(SiteAsset, Vec<String>, HashSet<u64>)>,
    /// The words of each indexed page, by route.
    search: HashMap<String, PageWords>,
    /// The reference entries' search file.
    reference_search: Option<ReferenceSearch>,
    /// Whether the last build made it anew rather than taking it over.
    reference_made: bool,
    /// The reference entries' words as the registry's stored file holds them, decoded only
    /// when their file is made again.
    stored_words: Option<stored::StoredWords>,
}

/// The reference entries' search file ([`search::reference_file`]) and what it was made of.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct ReferenceSearch {
    /// Each entry's route and section.
    entries: Vec<(String, String)>,
    base_path: String,
    #[serde(with = "stored::search_file")]
    file: Option<SiteAsset>,
}

/// The search index of `pages` as its files: each page's words taken over from the last build
/// when the page did not render again and its section kept its title, else read again; the
/// reference entries' file taken over whole when none of them did, their words then not read
/// at all (a stored file's are not even decoded). What is kept for the next build: every
/// page's words when `keeping`, else the reference entries' alone (what the registry's stored
/// file holds), and the reference entries' file either way.
fn search_files(
    pages: &[(&RenderedPage, bool)],
    nav: &Navigation,
    base_path: &str,
    keeping: bool,
    kept: &mut KeptDocuments,
) -> Vec<SiteAsset> {
    let is_reference = |page: &RenderedPage| page.searched == Searched::Reference;
    let indexed: Vec<(&RenderedPage, bool, String)> = pages
        .iter()
        .filter(|(page, _)| search::is_indexed(page))
        .map(|(page, rendered)| (*page, *rendered, search::section_of(page, nav)))
        .collect();
    let entries: Vec<(String, String)> = indexed
        .iter()
        .filter(|(page, ..)| is_reference(page))
        .map(|(page, _, section)| (page.route.clone(), section.clone()))
        .collect();
    let rendered = indexed
        .iter()
        .any(|(page, rendered, _)| *rendered && is_reference(page));
    let taken_over = match kept.reference_search.take() {
        Some(last) if !rendered && last.entries == entries && last.base_path == base_path => {
            Some(last.file)
        }
        _ => None,
    };
    kept.reference_made = taken_over.is_none();
    let mut last = std::mem::take(&mut kept.search);
    if kept.reference_made {
        last.extend(
            kept.stored_words
                .take()
                .map_or_else(Vec::new, |words| words.decode()),
        );
    }
    // The pages whose words a file made here needs.
    let made: Vec<&(&RenderedPage, bool, String)> = indexed
        .iter()
        .filter(|(page, ..)| kept.reference_made || !is_reference(page))
        .collect();
    let mut words: Vec<Option<PageWords>> = made
        .iter()
        .map(|(page, rendered, section)| {
            let words = last.remove(&page.route);
            words.filter(|words| !rendered && words.are_of(page, section))
        })
        .collect();
    let missing: Vec<usize> = (0..made.len()).filter(|&at| words[at].is_none()).collect();
    let read = parallel::map(&missing, |&at| {
        let (page, _, section) = made[at];
        search::page_words(page, section.clone())
    });
    for (at, read) in missing.into_iter().zip(read) {
        words[at] = Some(read);
    }
    let words: Vec<PageWords> = words.into_iter().flatten().collect();
    let with_words: Vec<(&RenderedPage, &PageWords)> =
        made.iter().map(|(page, ..)| *page).zip(&words).collect();
    let (authored, reference) = search::tiers(&with_words);
    let authored = search::authored_file(&search::tier_of(&authored, base_path));
    let reference = taken_over
        .unwrap_or_else(|| search::reference_file(&search::tier_of(&reference, base_path)));
    kept.search = made
        .iter()
        .map(|(page, ..)| page)
        .zip(words)
        .filter(|(page, _)| keeping || is_reference(page))
        .map(|(page, words)| (page.route.clone(), words))
        .collect();
    // The reference entries' words, when their file was taken over, as they were.
    if !kept.reference_made {
        for (route, _) in &entries {
            if let Some(words) = last.remove(route) {
                kept.search.insert(route.clone(), words);
            }
        }
    }
    kept.reference_search = Some(ReferenceSearch {
        entries,
        base_path: base_path.to_string(),
        file: reference.clone(),
    });
    search::files(authored, reference)
}

/// The pages with their finished documents, and what the documents link to.
struct Documents {
    pages: Vec<EmbeddedPage>,
    not_found: EmbeddedPage,
    /// The compiler's own assets, the stylesheet made for the documents among them.
    site_assets: Vec<SiteAsset>,
    /// The stylesheet's URL, base path included.
    stylesheet: String,
    unstyled_classes: Vec<String>,
}

/// A page's document: taken over from the last build, or made in this one (its class hashes
/// beside it).
enum Document {
    Kept(EmbeddedPage),
    Made(RenderedPage),
}

/// Every page's complete document (or its content alone, in fragments mode) with its
/// variants, and the stylesheet made for exactly those documents, under the base path. A
/// document of the `last` build is taken over when its page did not render again (`pages`
/// says which did) and the documents' context is the same; the stylesheet when the
/// documents' classes are.
fn documents(
    pages: &[(&RenderedPage, bool)],
    context: DocumentContext,
    mut last: HashMap<String, EmbeddedPage>,
    options: &Options,
    encoding: Encoding<'_>,
    keeping: Keeping,
    kept: &mut KeptDocuments,
) -> Documents {
    let (mut site_assets, mut urls) = render::assets::fixed_assets();
    urls.feed = context.feed;
    site_assets.extend(search_files(
        pages,
        &context.nav,
        &options.base_path,
        keeping != Keeping::Nothing,
        kept,
    ));
    let same_context = kept.context.as_ref() == Some(&context);
    let mut classes = std::mem::take(&mut kept.classes);
    let mut documents: Vec<Option<Document>> = pages
        .iter()
        .map(|(page, rendered)| {
            let current = same_context && !rendered && classes.contains_key(&page.route);
            let document = current.then(|| last.remove(&page.route)).flatten();
            document.map(Document::Kept)
        })
        .collect();
    drop(last);
    let assembler = Assembler::new(&context.nav, &urls, context.announcement.as_ref());
    let assemble = |page: &RenderedPage| {
        let mut page = page.clone();
        if let Some(announcement) = &context.announcement {
            announcement.require_in(&mut page);
        }
        assembler.assemble(&mut page);
        let hashes = match keeping == Keeping::Everything {
            true => style::class_hashes(&page.html),
            false => Vec::new(),
        };
        (page, hashes)
    };
    // Makes the documents `which` picks; says whether their class values changed.
    let make = |documents: &mut [Option<Document>],
                classes: &mut HashMap<String, Vec<u64>>,
                which: &dyn Fn(&Option<Document>) -> bool| {
        let wanted: Vec<usize> = (0..pages.len())
            .filter(|&at| which(&documents[at]))
            .collect();
        let mut changed = false;
        for (at, (page, hashes)) in wanted
            .iter()
            .zip(parallel::map(&wanted, |&at| assemble(pages[at].0)))
        {
            let before = classes.insert(page.route.clone(), hashes);
            changed |= before.as_ref() != classes.get(&page.route);
            documents[*at] = Some(Document::Made(page));
        }
        changed
    };
    let mut classes_changed = make(&mut documents, &mut classes, &|document| document.is_none());
    let present: HashSet<&str> = pages.iter().map(|(page, _)| page.route.as_str()).collect();
    let count = classes.len();
    classes.retain(|route, _| present.contains(route.as_str()));
    classes_changed |= classes.len() != count;
    let mut not_found =
        render::page::not_found_page(&context.nav, &urls, context.announcement.as_ref());

    // The stylesheet holds exactly the rules the finished documents use (also in fragments
    // mode: the chrome's prose classes style the content); its hashed URL then replaces the
    // placeholder they link to. Made again only for other class values.
    let used = |classes: &HashMap<String, Vec<u64>>| {
        let mut used: HashSet<u64> = style::class_hashes(&not_found.html).into_iter().collect();
        for hashes in classes.values() {
            used.extend(hashes.iter().copied());
        }
        used
    };
    let kept_stylesheet = kept.stylesheet.take();
    let (kept_stylesheet, used) = match kept_stylesheet {
        // Neither the documents' class values nor the 404 page's changed.
        Some((asset, unstyled, made_for)) if !classes_changed && same_context => {
            (Some((asset, unstyled, made_for.clone())), made_for)
        }
        kept => (kept, used(&classes)),
    };
    let (stylesheet, unstyled_classes) = match kept_stylesheet {
        Some((asset, unstyled, made_for)) if made_for == used => (asset, unstyled),
        previous => {
            let html = documents
                .iter()
                .flatten()
                .map(|document| match document {
                    Document::Kept(page) => page.page.html.as_str(),
                    Document::Made(page) => page.html.as_str(),
                })
                .chain([not_found.html.as_str()]);
            let made = style::site_stylesheet(html, &site_assets, &options.base_path);
            // Documents linking another stylesheet are made again.
            if previous.is_some_and(|(asset, _, _)| asset.route != made.0.route) {
                make(&mut documents, &mut classes, &|document| {
                    matches!(document, Some(Document::Kept(_)))
                });
            }
            made
        }
    };
    let stylesheet_url = format!("{}{}", options.base_path, stylesheet.route);
    // Each document made here finished (the stylesheet linked, under the base path), on every
    // core. The document is rewritten around its body, which stays where `body_start` says;
    // only the part before it links the stylesheet.
    let under_base = |html: &str| {
        (!options.base_path.is_empty())
            .then(|| render::root_urls::prefix_root_urls(html, &options.base_path))
    };
    let finish = |page: &mut RenderedPage| {
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
        page.html = html;
        page.body_start = body_start;
        if let Some(body) = body {
            page.body = body;
        }
    };
    let mut made: Vec<&mut RenderedPage> = documents
        .iter_mut()
        .filter_map(|document| match document {
            Some(Document::Made(page)) => Some(page),
            _ => None,
        })
        .chain([&mut not_found])
        .collect();
    parallel::for_each_mut(&mut made, |page| finish(page));
    let bodies: Vec<(&[u8], &str)> = made
        .iter()
        .map(|page| (page.html.as_bytes(), HTML_TYPE))
        .collect();
    let mut variants = embed::variants(&bodies, encoding).into_iter();
    drop(made);
    let mut embed = |page: RenderedPage| EmbeddedPage {
        page,
        variants: variants.next().unwrap_or_default(),
    };
    let pages: Vec<EmbeddedPage> = documents
        .into_iter()
        .flatten()
        .map(|document| match document {
            Document::Kept(page) => page,
            Document::Made(page) => embed(page),
        })
        .collect();
    let not_found = embed(not_found);
    site_assets.push(stylesheet.clone());
    kept.stylesheet = Some((stylesheet, unstyled_classes.clone(), used));
    kept.classes = classes;
    kept.context = Some(context);
    Documents {
        pages,
        not_found,
        site_assets,
        stylesheet: stylesheet_url,
        unstyled_classes,
    }
}

/// The `Content-Type` of documents.
const HTML_TYPE: &str = "text/html; charset=utf-8";

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
