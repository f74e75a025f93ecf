//! A page: its title and body, then the full HTML document around it.

use super::article::{self, ARTICLES_LAYOUT, Article};
use super::chrome::{self, AssetUrls, Layout, Neighbours, PageView, SITE_NAME};
use super::csp::{ThirdParty, content_security_policy, meta_policy, untrusted_policy};
use super::date::Date;
use super::html_scan::{self, for_each_attribute};
use super::nav::{NavItem, Navigation};
use super::root_urls;
use super::{Renderer, highlight, untrusted};
use super::{TocEntry, WrittenUrl};
use crate::components::{self, legacy};
use crate::diagnostic::Diagnostics;
use crate::load::data::SiteData;
use crate::load::{LoadedPage, PageFile, route_url, title_from_path};
use crate::parse;
use crate::source::{SourceFile, Span};
use crate::tree::{Attributes, Component, Document, NodeKind};
use maud::{PreEscaped, html};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::{BTreeSet, HashMap};

/// A page rendered to HTML.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RenderedPage {
    /// Canonical route.
    pub route: String,
    /// Title (front matter, first `#` heading, or file name).
    pub title: String,
    /// Meta description (front matter `description`, or empty).
    pub description: String,
    /// The front matter (empty when the page has none).
    #[serde(with = "json_text")]
    pub front_matter: Map<String, Value>,
    /// Rendered content without chrome, its links canonical (`/a/b#x` where `/a/b/#x` was
    /// written).
    pub body: String,
    /// The ids its body holds: the anchors links to it may name.
    pub ids: Vec<String>,
    /// The complete HTML document (filled in once every page is rendered, see [`Assembler::assemble`]).
    pub html: String,
    /// Where `body` starts in `html`, which holds it as it is.
    pub body_start: usize,
    /// The page's headings in order.
    pub headings: Vec<TocEntry>,
    /// Its layout.
    pub layout: Layout,
    /// What its front matter says of it as a news article, when its layout is `articles`.
    pub article: Option<Article>,
    /// Its path in the content folder; `None` for generated pages.
    pub source: Option<String>,
    /// Whether menus list it (not a partial, no `navigation: false`).
    pub listed: bool,
    /// How the site search takes it.
    pub searched: Searched,
    /// Third-party sources its embeds need (YouTube, social posts, HubSpot forms); empty for
    /// most pages. [`RenderedPage::content_security_policy`] makes its policy of them.
    pub third_party: BTreeSet<ThirdParty>,
    /// Whether it loads the enhancement script (data tables, carousels, forms, code blocks).
    pub enhanced: bool,
    /// Every URL its body holds, with where it came from, for the link checks.
    pub urls: Vec<WrittenUrl>,
    /// Whether it was rendered in untrusted mode ([`untrusted`]).
    pub untrusted: bool,
}

/// How the site search takes a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Searched {
    /// Not at all: partials, the pages menus do not list, the generated pages but the
    /// registry's.
    No,
    /// As an authored page.
    Page,
    /// As an entry of reference data (the LwM2M registry's pages), ranked after every
    /// authored page found: the authored pages on a topic come before its hundreds of entries,
    /// and an entry's own words (a resource's name) still find it.
    Reference,
}

impl RenderedPage {
    /// The `Content-Security-Policy` this page is served with: the strict policy, widened by
    /// exactly the hosts of its third-party embeds; in untrusted mode, inline styles only for
    /// the `style` attributes its markup has ([`untrusted_policy`]).
    pub fn content_security_policy(&self) -> String {
        if !self.untrusted {
            return content_security_policy(&self.third_party);
        }
        let html = if self.html.is_empty() {
            &self.body
        } else {
            &self.html
        };
        let mut styled = false;
        for_each_attribute(html, |_, name, _| styled |= name == "style");
        untrusted_policy(&self.third_party, styled)
    }

    /// The policy its document carries in `<meta http-equiv="Content-Security-Policy">`: the
    /// one it is served with but for what only a header can say (`frame-ancestors`).
    pub fn meta_content_security_policy(&self) -> String {
        meta_policy(&self.content_security_policy())
    }

    /// When it was published, when it is a news article with a date.
    pub fn published(&self) -> Option<&Date> {
        self.article.as_ref()?.published.as_ref()
    }

    /// The document before and after the body, when `body_start` places the body in it.
    pub fn around_body(&self) -> Option<(&str, &str)> {
        let end = self.body_start.checked_add(self.body.len())?;
        if self.html.get(self.body_start..end)? != self.body {
            return None;
        }
        Some((self.html.get(..self.body_start)?, self.html.get(end..)?))
    }
}

/// Renders a parsed page's body; its document is made by [`Assembler::assemble`].
pub fn render_page(
    page: &PageFile,
    file: &SourceFile,
    document: &Document,
    untrusted: bool,
    diagnostics: &mut Diagnostics,
) -> RenderedPage {
    render_page_in(None, None, page, file, document, untrusted, diagnostics)
}

/// [`render_page`] for a page of a content folder: its components read data files and
/// other pages from `site`, and its code comes from `highlights` when highlighted before.
pub fn render_page_in(
    site: Option<&SiteData>,
    highlights: Option<&highlight::Cache>,
    page: &PageFile,
    file: &SourceFile,
    document: &Document,
    untrusted: bool,
    diagnostics: &mut Diagnostics,
) -> RenderedPage {
    let empty = Map::new();
    let front_matter = document.front_matter.as_ref().unwrap_or(&empty);
    let mut renderer = Renderer::new(file, front_matter, diagnostics)
        .with_site(site)
        .with_highlights(highlights)
        .with_untrusted(untrusted);
    let body = match front_matter.get("modules") {
        Some(modules) => {
            let spans = &document.front_matter_spans;
            let key = spans.key("modules").unwrap_or_default();
            let value = spans.get("modules").cloned().unwrap_or_default();
            let modules = legacy::render_modules(&mut renderer, modules, key, &value);
            let markdown = renderer.nodes(&document.children);
            legacy::page_body(modules, markdown)
        }
        None => renderer.nodes(&document.children),
    };
    let body = match untrusted {
        true => PreEscaped(untrusted::sanitise(&body.0)),
        false => body,
    };
    // One scan of the body finds its URLs, which the checks read as written and the visitor
    // gets canonical, and its ids. Whatever the records do not hold yet is recorded at the
    // start of the page.
    let (found, ids) = html_scan::urls_and_ids(&body.0);
    renderer.record_found(&found, 0, |_| Span::at(0));
    let body = root_urls::canonical_page_links(body.0, &found);
    let layout_name = text_value(front_matter, "layout");
    let article = (layout_name.as_deref() == Some(ARTICLES_LAYOUT))
        .then(|| article::read(page, &document.front_matter_spans, &mut renderer));
    let urls = std::mem::take(&mut renderer.urls);
    let headings = std::mem::take(&mut renderer.headings);
    let third_party = std::mem::take(&mut renderer.third_party);
    let enhanced = renderer.enhanced;
    let title = text_value(front_matter, "title")
        .or_else(|| first_h1(document))
        .unwrap_or_else(|| title_from_path(&page.relative));
    let layout = match layout_name.as_deref() {
        Some("doc") => Layout::Doc,
        Some("web") => Layout::Web,
        Some(ARTICLES_LAYOUT) => Layout::Articles,
        _ => Layout::Default,
    };
    let partial = page
        .relative
        .split('/')
        .any(|segment| segment.starts_with('_'));
    // The announcement is a part of every page rather than a page of the menus.
    let listed = !partial
        && page.route != ANNOUNCEMENT_ROUTE
        && front_matter.get("navigation") != Some(&Value::Bool(false));
    RenderedPage {
        route: page.route.clone(),
        title,
        description: text_value(front_matter, "description").unwrap_or_default(),
        front_matter: front_matter.clone(),
        body,
        ids,
        html: String::new(),
        body_start: 0,
        headings,
        layout,
        article,
        source: Some(page.relative.clone()),
        listed,
        searched: if listed { Searched::Page } else { Searched::No },
        third_party,
        enhanced,
        urls,
        untrusted,
    }
}

/// A string front-matter value, trimmed; empty counts as absent.
pub(super) fn text_value(front_matter: &Map<String, Value>, key: &str) -> Option<String> {
    let text = match front_matter.get(key)? {
        Value::String(text) => text.trim().to_string(),
        Value::Number(number) => number.to_string(),
        Value::Bool(flag) => flag.to_string(),
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

fn first_h1(document: &Document) -> Option<String> {
    document.children.iter().find_map(|node| match node.kind {
        NodeKind::Heading { depth: 1, .. } => {
            Some(node.plain_text().trim().to_string()).filter(|t| !t.is_empty())
        }
        _ => None,
    })
}

/// The route of the page whose body the site-wide announcement holds.
pub const ANNOUNCEMENT_ROUTE: &str = "/announcement";

/// The site-wide announcement: a banner before the header of every page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteAnnouncement {
    /// The banner.
    pub html: String,
    /// The third-party sources its content needs, on every page.
    pub third_party: BTreeSet<ThirdParty>,
    /// Whether its content needs the enhancement script, on every page.
    pub enhanced: bool,
}

impl SiteAnnouncement {
    /// Gives `page` what the banner's content needs.
    pub fn require_in(&self, page: &mut RenderedPage) {
        page.third_party.extend(self.third_party.iter().cloned());
        page.enhanced |= self.enhanced;
    }
}

/// The body of the page at [`ANNOUNCEMENT_ROUTE`] in an `ShAnnouncement` banner, when its front
/// matter says `visible: true` (as on the OMA site, only `true` itself counts); made safe in
/// `untrusted` mode.
pub fn site_announcement(
    pages: &[LoadedPage],
    site: &SiteData,
    untrusted: bool,
) -> Option<SiteAnnouncement> {
    let page = pages
        .iter()
        .find(|page| page.file.route == ANNOUNCEMENT_ROUTE)?;
    let front_matter = page.front_matter.values.as_ref()?;
    if front_matter.get("visible") != Some(&Value::Bool(true)) {
        return None;
    }
    // Its problems are those of its page, reported as that page renders.
    let mut reported = Diagnostics::new(true);
    let document = parse::parse_body(&page.source, &page.front_matter, &mut reported);
    let mut renderer = Renderer::new(&page.source, front_matter, &mut reported)
        .with_site(Some(site))
        .with_untrusted(untrusted);
    let attributes = Attributes::from([("id".to_string(), Value::from("site-announcement"))]);
    let banner = Component::inline("ShAnnouncement", attributes, document.children);
    let html = components::render(&mut renderer, &banner, Span::at(0)).into_string();
    let html = match untrusted {
        true => untrusted::sanitise(&html),
        false => html,
    };
    let urls = html_scan::urls(&html);
    Some(SiteAnnouncement {
        html: root_urls::canonical_page_links(html, &urls),
        third_party: renderer.third_party,
        enhanced: renderer.enhanced,
    })
}

/// What every page's document is made with: the chrome built from the navigation, the
/// compiler's assets and the site-wide announcement, if any.
#[derive(Debug)]
pub struct Assembler<'a> {
    nav: &'a Navigation,
    assets: &'a AssetUrls,
    banner: Option<&'a str>,
    order: Vec<&'a NavItem>,
    /// Each route's place in `order`.
    positions: HashMap<&'a str, usize>,
}

impl<'a> Assembler<'a> {
    /// Documents in the chrome of `nav`, linking `assets`, with `announcement`'s banner.
    pub fn new(
        nav: &'a Navigation,
        assets: &'a AssetUrls,
        announcement: Option<&'a SiteAnnouncement>,
    ) -> Assembler<'a> {
        let order = nav.flatten();
        let positions = order
            .iter()
            .enumerate()
            .map(|(index, item)| (item.route.as_str(), index))
            .collect();
        Assembler {
            nav,
            assets,
            banner: announcement.map(|announcement| announcement.html.as_str()),
            order,
            positions,
        }
    }

    /// Fills in `page`'s complete document and where its body starts in it.
    pub fn assemble(&self, page: &mut RenderedPage) {
        let neighbours =
            self.positions
                .get(page.route.as_str())
                .map_or_else(Neighbours::default, |&index| Neighbours {
                    previous: index
                        .checked_sub(1)
                        .and_then(|i| self.order.get(i).copied()),
                    next: self.order.get(index + 1).copied(),
                });
        let policy = page.meta_content_security_policy();
        let view = PageView {
            route: &page.route,
            title: &page.title,
            policy: &policy,
            description: &page.description,
            layout: page.layout,
            article: page.article.as_ref(),
            headings: &page.headings,
            body: &page.body,
            enhanced: page.enhanced,
            neighbours,
        };
        (page.html, page.body_start) = chrome::document(&view, self.nav, self.assets, self.banner);
    }
}

/// The generated home page, when the content has no `index.md` of its own: every page by section.
pub fn home_page(nav: &Navigation) -> RenderedPage {
    let body = html! {
        h1 { (SITE_NAME) }
        (nav_list(&nav.items))
    };
    generated_page("/", "Home", body.into_string(), Layout::Default)
}

/// The generated page of a folder without an `index.md`: a list of its pages, so that no
/// breadcrumb leads nowhere.
pub fn section_page(item: &NavItem) -> RenderedPage {
    let body = nav_list(&item.children);
    generated_page(&item.route, &item.title, body.into_string(), Layout::Doc)
}

fn nav_list(items: &[NavItem]) -> maud::Markup {
    html! {
        ul {
            @for item in items {
                li {
                    a href=(route_url(&item.route)) { (item.title) }
                    @if !item.children.is_empty() { (nav_list(&item.children)) }
                }
            }
        }
    }
}

/// The page answered with status 404, in the site's chrome.
pub fn not_found_page(
    nav: &Navigation,
    assets: &AssetUrls,
    announcement: Option<&SiteAnnouncement>,
) -> RenderedPage {
    let body = html! {
        h1 { "Page not found" }
        p { "The requested page does not exist. " a href="/" { "Go to the home page" } "." }
    };
    let mut page = generated_page(
        "/404",
        "Page not found",
        body.into_string(),
        Layout::Default,
    );
    page.listed = false;
    if let Some(announcement) = announcement {
        announcement.require_in(&mut page);
    }
    let policy = page.meta_content_security_policy();
    let view = PageView {
        route: "",
        title: &page.title,
        policy: &policy,
        description: "",
        layout: Layout::Default,
        article: None,
        headings: &[],
        body: &page.body,
        enhanced: page.enhanced,
        neighbours: Neighbours::default(),
    };
    let banner = announcement.map(|announcement| announcement.html.as_str());
    (page.html, page.body_start) = chrome::document(&view, nav, assets, banner);
    page
}

/// A page of the LwM2M registry, in the documentation layout (its headings make the table of
/// contents).
pub fn registry_page(page: crate::registry::pages::RegistryPage) -> RenderedPage {
    let mut rendered = generated_page(&page.route, &page.title, page.body, Layout::Doc);
    rendered.description = page.description;
    // Not in the menus (the object list leads to them), but in the sitemap and the search.
    rendered.listed = false;
    rendered.searched = Searched::Reference;
    rendered.headings = page
        .headings
        .into_iter()
        .map(|(depth, id, text)| TocEntry { depth, id, text })
        .collect();
    rendered
}

pub(super) fn generated_page(
    route: &str,
    title: &str,
    body: String,
    layout: Layout,
) -> RenderedPage {
    let (found, ids) = html_scan::urls_and_ids(&body);
    RenderedPage {
        route: route.into(),
        title: title.into(),
        description: String::new(),
        front_matter: Map::new(),
        body: root_urls::canonical_page_links(body, &found),
        ids,
        html: String::new(),
        body_start: 0,
        headings: Vec::new(),
        layout,
        article: None,
        source: None,
        listed: true,
        searched: Searched::No,
        third_party: BTreeSet::new(),
        enhanced: false,
        urls: Vec::new(),
        untrusted: false,
    }
}

/// Front matter through formats that need to know what they read (postcard, in which builds
/// store their registry pages): as JSON text.
mod json_text {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use serde_json::{Map, Value};

    pub(super) fn serialize<S: Serializer>(
        map: &Map<String, Value>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serde_json::to_string(map)
            .map_err(serde::ser::Error::custom)?
            .serialize(serializer)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Map<String, Value>, D::Error> {
        let text = String::deserialize(deserializer)?;
        serde_json::from_str(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::csp::Directive;

    #[test]
    fn the_meta_policy_is_an_escaped_attribute() {
        // No origin the build accepts needs escaping; the attribute is escaped all the same.
        let announcement = SiteAnnouncement {
            html: String::new(),
            third_party: BTreeSet::from([ThirdParty::new(
                Directive::Img,
                "https://a.example/\"><script>x()</script>&",
            )]),
            enhanced: false,
        };
        let page = not_found_page(
            &Navigation::default(),
            &AssetUrls::default(),
            Some(&announcement),
        );
        assert!(!page.html.contains("<script>x()"), "{}", page.html);
        assert!(page.html.contains(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; \
             img-src 'self' data: https://a.example/&quot;&gt;&lt;script&gt;x()&lt;/script&gt;&amp;; "
        ));
    }
}
