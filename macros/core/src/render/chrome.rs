//! The page chrome around every page: the site-wide announcement, header with the section menu
//! and breadcrumbs, the `doc` layout's side menu and table of contents, previous/next links and
//! the footer.

use super::TocEntry;
use super::article::{Article, FEED_ROUTE, FEED_TITLE};
use super::html::link_rel;
use super::nav::{NavItem, Navigation, is_within};
use super::search_page::SEARCH_ROUTE;
use crate::icons::class_icon;
use crate::load::route_url;
use maud::{DOCTYPE, Markup, PreEscaped, Render, html};
use serde::{Deserialize, Serialize};
use std::cell::Cell;
use std::sync::OnceLock;

/// The site name, appended to every page title.
pub const SITE_NAME: &str = "OMA SpecWorks";

/// What the chrome links to of the files the compiler makes: the site's own assets, named by
/// content hash, and the news feed.
#[derive(Debug, Clone, Default)]
pub struct AssetUrls {
    /// The stylesheet.
    pub stylesheet: String,
    /// The colour-mode script.
    pub script: String,
    /// The enhancement script of tables, carousels, forms and code blocks.
    pub enhance: String,
    /// The search script.
    pub search: String,
    /// Whether the site has a news feed (at [`FEED_ROUTE`]): every head names it, and the RSS
    /// icons link to it.
    pub feed: bool,
}

/// How a page lays out its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Layout {
    /// `layout: doc`: side menu, title, body and table of contents.
    Doc,
    /// `layout: web`: the body alone across the whole width, padded, without a title of the
    /// layout's (the page starts with its own `# …`).
    Web,
    /// `layout: articles`: a news article, its hero image, title, subtitle, tags and byline
    /// above the body.
    Articles,
    /// No layout: the body alone, full width.
    Default,
}

/// What the chrome needs to know of one page.
#[derive(Debug)]
pub(super) struct PageView<'a> {
    /// Its route.
    pub route: &'a str,
    /// Its title.
    pub title: &'a str,
    /// The Content-Security-Policy its `<meta http-equiv>` carries.
    pub policy: &'a str,
    /// Its meta description.
    pub description: &'a str,
    /// Its layout.
    pub layout: Layout,
    /// What the `articles` layout shows beside the title and body.
    pub article: Option<&'a Article>,
    /// Its headings, for the table of contents.
    pub headings: &'a [TocEntry],
    /// Its rendered body.
    pub body: &'a str,
    /// Whether it loads the enhancement script.
    pub enhanced: bool,
    /// The pages before and after it in menu order.
    pub neighbours: Neighbours<'a>,
}

/// The entries before and after a page in menu order.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Neighbours<'a> {
    /// The previous entry.
    pub previous: Option<&'a NavItem>,
    /// The next entry.
    pub next: Option<&'a NavItem>,
}

/// The OMA's social accounts, linked from the header and the footer: name, icon, URL.
const SOCIAL: &[(&str, &str, &str)] = &[
    (
        "LinkedIn",
        "fa6-brands:linkedin",
        "http://www.linkedin.com/company/52819?trk=tyah",
    ),
    (
        "Facebook",
        "fa6-brands:square-facebook",
        "https://www.facebook.com/OMASpecWorks",
    ),
    (
        "YouTube",
        "fa6-brands:square-youtube",
        "https://www.youtube.com/c/OMASpecWorks",
    ),
    (
        "X",
        "fa6-brands:square-x-twitter",
        "https://twitter.com/OMASpecWorks",
    ),
    (
        "GitHub",
        "fa6-brands:square-github",
        "https://github.com/OpenMobileAlliance",
    ),
];

/// The complete HTML document of a page, and where its body starts in it; `announcement` is the
/// site-wide banner, put before the header.
pub(super) fn document(
    page: &PageView<'_>,
    nav: &Navigation,
    assets: &AssetUrls,
    announcement: Option<&str>,
) -> (String, usize) {
    let body_start = Cell::new(0);
    let body = Located {
        markup: PreEscaped(page.body),
        start: &body_start,
    };
    let content = match page.layout {
        Layout::Doc => doc_layout(page, nav, body),
        Layout::Articles => articles_layout(page, body),
        Layout::Default => html! {
            div class="grid grid-cols-12" {
                div style="font-size:23px;" class="col-start-1 col-span-12 w-full lg:w-fit par mt-8 pb-24" { (body) }
            }
        },
        Layout::Web => html! {
            div class="grid grid-cols-12 relative" {
                section class="col-start-1 col-span-12 lg:col-start-1 lg:col-span-12 w-full lg:w-full overflow-auto" {
                    div style="font-size:23px;" class="par pb-10 pl-4 pr-4 sm:pl-8 sm:pr-8 2xl:pl-36 2xl:pr-36" { (body) }
                }
            }
        },
    };
    // The OMA site's article is as wide as the page in every layout today, `w-fit` in October
    // 2024: the layouts of then keep it, `web` (new since) takes the whole width it pads.
    let article = match page.layout {
        Layout::Web | Layout::Articles => "prose w-full max-w-full mt-16",
        Layout::Doc | Layout::Default => "prose w-fit max-w-full mt-16",
    };
    let content_start = Cell::new(0);
    let content = Located {
        markup: content,
        start: &content_start,
    };
    let html = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                // Right after the charset: a policy in the document governs only what follows
                // it. With it, a host sending no policy (a static export) still refuses
                // injected script.
                meta http-equiv="Content-Security-Policy" content=(page.policy);
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="color-scheme" content="light dark";
                title { (page.title) " | " (SITE_NAME) }
                @if !page.description.is_empty() {
                    meta name="description" content=(page.description);
                }
                // No icon file yet: an empty one spares every page view a request that fails.
                link rel="icon" href="data:,";
                @if assets.feed {
                    link rel="alternate" type="application/atom+xml" title=(FEED_TITLE) href=(FEED_ROUTE);
                }
                link rel="stylesheet" href=(assets.stylesheet);
                // Blocking on purpose: the colour mode is applied before the first paint.
                script src=(assets.script) {}
                script src=(assets.search) defer {}
                @if page.enhanced {
                    // Deferred: tables, carousels and forms work without it; it only adds to them.
                    script src=(assets.enhance) defer {}
                }
            }
            // The page tint (golden at 20 %, #19191a in dark mode) is the body's, in site.css:
            // painted once, and under the overscroll too.
            body {
                div class="min-h-screen sm:w-full" {
                    @if let Some(announcement) = announcement { (PreEscaped(announcement)) }
                    (header(page.route, nav, assets.feed))
                    div class="w-full pb-24 px-4 sm:px-6 lg:px-8" {
                        main {
                            article class=(article) { (content) }
                            (prev_next(page.neighbours))
                        }
                    }
                    (footer(assets.feed))
                }
            }
        }
    }
    .into_string();
    (html, content_start.get() + body_start.get())
}

/// Markup that notes where it starts in the output it is rendered into, so that the body's
/// place in its document is known without searching the document for it.
struct Located<'a, T> {
    markup: T,
    start: &'a Cell<usize>,
}

impl<T: Render> Render for Located<'_, T> {
    fn render_to(&self, buffer: &mut String) {
        self.start.set(buffer.len());
        self.markup.render_to(buffer);
    }
}

fn header(route: &str, nav: &Navigation, feed: bool) -> Markup {
    let sections = nav.items.iter().filter(|item| !item.children.is_empty());
    html! {
        header class="flex flex-col -mb-px sticky top-0 z-50 backdrop-blur bg-gradient-to-b from-primary/[0.5] dark:from-primary/[0.25] py-4" {
            div class="px-8" {
                // At least 4rem high, and more when the menu wraps under the icons: never over the rule.
                div class="flex items-center justify-between gap-3 min-h-16" {
                    div class="lg:flex-1 flex items-center gap-1.5" {
                        a href="/" aria-label="OMA SpecWorks home" class="flex-shrink-0 flex items-end gap-1.5 not-prose" { (wordmark()) }
                    }
                    div class="flex flex-col grow" {
                        div class="flex justify-between items-start mb-2" {
                            div class="flex items-center lg:justify-end lg:flex-1 gap-1.5" {
                                (search_field())
                                (color_mode_button())
                                ul class="hidden sm:flex text-xl" { (social_links(feed)) }
                            }
                        }
                        // One list for every width: the dropdown under "Menus", and from 2xl on
                        // a row without it (site.css shows the closed list there).
                        nav aria-label="Sections" {
                            details class="oma-section-menu relative w-fit" {
                                summary class="list-none cursor-pointer bg-inherit hover:bg-primary-200/[0.7] dark:hover:bg-primary-600 text-xl lg:text-2xl dark:text-golden p-2 rounded-2xl flex items-center gap-1" {
                                    "Menus" (class_icon("heroicons:chevron-down-20-solid"))
                                }
                                ul class="oma-section-list" {
                                    @for item in sections {
                                        li { a href=(route_url(&item.route)) class=[is_within(route, &item.route).then_some("oma-section-current")] { (item.title) } }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            hr class="mt-1 border-neutral-50/[0.5] dark:border-neutral-700";
            (breadcrumbs(route))
        }
    }
}

/// `render`'s output, rendered on the first call only: for the parts of the chrome that are the
/// same on every page, which no page then pays for again.
fn once(
    rendered: &'static OnceLock<String>,
    render: impl FnOnce() -> Markup,
) -> PreEscaped<&'static str> {
    PreEscaped(rendered.get_or_init(|| render().into_string()))
}

/// The items of the header's and the footer's social links: the OMA's accounts, then the RSS
/// icon when the site has a news feed, which it links to.
fn social_links(feed: bool) -> PreEscaped<&'static str> {
    static RENDERED: [OnceLock<String>; 2] = [const { OnceLock::new() }; 2];
    once(&RENDERED[usize::from(feed)], || {
        html! {
            @for (name, icon_name, url) in SOCIAL { li { (social_link(name, icon_name, url)) } }
            @if feed { li { (social_link("RSS", "heroicons-solid:rss", FEED_ROUTE)) } }
        }
    })
}

/// Our own wordmark (the OMA logo files are not available).
fn wordmark() -> Markup {
    html! {
        span class="flex flex-col leading-none" {
            span class="text-3xl font-bold tracking-tight" {
                span class="text-oma-blue-500 dark:text-oma-blue-200" { "oma" }
                " "
                span class="text-oma-red-500 dark:text-oma-red-200" { "SpecWorks" }
            }
            span class="text-xs italic text-neutral-600 dark:text-golden" { "For a Connected World" }
        }
    }
}

/// The search field. The script shows results under it as the reader types; without the
/// script it submits to the page that says search needs it ([`SEARCH_ROUTE`]).
fn search_field() -> PreEscaped<&'static str> {
    static RENDERED: OnceLock<String> = OnceLock::new();
    once(&RENDERED, || {
        html! {
            form role="search" action=(SEARCH_ROUTE) method="get" class="oma-search" {
                input type="search" name="q" aria-label="Search the site" placeholder="Search"
                    autocomplete="off" spellcheck="false" aria-keyshortcuts="/" class="oma-search-field";
                // A magnifying glass drawn by the stylesheet, over the field.
                span class="oma-search-icon" aria-hidden="true" {}
            }
        }
    })
}

/// Cycles system → light → dark; hidden until the script runs, since it needs it.
fn color_mode_button() -> PreEscaped<&'static str> {
    static RENDERED: OnceLock<String> = OnceLock::new();
    let class = "text-2xl hover:text-primary-600 dark:hover:text-primary-400 dark:text-golden";
    once(&RENDERED, || {
        html! {
            button id="color-mode" type="button" hidden aria-label="Colour mode: system" title="Colour mode: system" class=(class) {
                span data-mode="system" { (class_icon("grommet-icons:system")) }
                span data-mode="light" class="hidden" { (class_icon("heroicons:sun-20-solid")) }
                span data-mode="dark" class="hidden" { (class_icon("heroicons:moon-20-solid")) }
            }
        }
    })
}

/// The footer's button: light when the page is dark and dark when it is light (the header's
/// button cycles the stored choice instead). CSS picks the icon; hidden until the script runs.
fn theme_toggle() -> Markup {
    html! {
        button id="theme-toggle" type="button" hidden aria-label="Theme" title="Switch between light and dark"
            class="text-xl text-gray-500 dark:text-gray-400 hover:text-primary-600 dark:hover:text-primary-400 p-1.5 rounded-md" {
            span class="dark:hidden" { (class_icon("heroicons:sun-20-solid")) }
            span class="hidden dark:inline" { (class_icon("heroicons:moon-20-solid")) }
        }
    }
}

fn social_link(name: &str, icon_name: &str, url: &str) -> Markup {
    html! {
        a href=(url) target="_blank" rel=[link_rel(url, Some("_blank"))] title=(name) aria-label=(name)
            class="flex hover:text-oma-blue-500 font-extralight text-slate-400 ml-1" { (class_icon(icon_name)) }
    }
}

/// `HOME > SECTION > PAGE`, from the URL; every crumb but the last links to its path.
fn breadcrumbs(route: &str) -> Markup {
    let segments: Vec<&str> = route.split('/').filter(|s| !s.is_empty()).collect();
    let link =
        "text-primary/[0.7] hover:text-primary contrast-125 dark:text-primary/[0.8] not-prose";
    html! {
        nav aria-label="Breadcrumb" class="w-full text-xs italic flex items-center" {
            ol class="mx-auto mt-4 px-4 flex flex-wrap items-center justify-center" {
                li {
                    @if segments.is_empty() { span class="text-primary contrast-125" aria-current="page" { "HOME" } }
                    @else { a href="/" class=(link) { "HOME" } }
                }
                @for (index, segment) in segments.iter().enumerate() {
                    li {
                        span class="text-primary/[0.6] dark:text-primary/[0.8] font-bold" aria-hidden="true" { "\u{a0}\u{a0}>\u{a0}\u{a0}" }
                        @if index + 1 == segments.len() {
                            span class="text-primary contrast-125" aria-current="page" { (segment.to_uppercase()) }
                        } @else {
                            a href={ "/" (segments[..=index].join("/")) } class=(link) { (segment.to_uppercase()) }
                        }
                    }
                }
            }
        }
    }
}

fn doc_layout(page: &PageView<'_>, nav: &Navigation, body: impl Render) -> Markup {
    let toc: Vec<(&TocEntry, Vec<&TocEntry>)> = table_of_contents(page.headings);
    html! {
        div class="grid grid-cols-12 relative" {
            aside class="not-prose text-wrap col-start-1 col-span-2 hidden lg:block overflow-auto h-screen sticky top-48" aria-label="Section" {
                @if let Some(section) = nav.section(page.route) { (side_menu(section, page.route)) }
            }
            section class="col-start-1 col-span-12 lg:col-start-3 lg:col-span-8 lg:ml-9 lg:mr-24 w-full lg:w-full overflow-auto" {
                h1 { (page.title) }
                div style="font-size:23px;" class="par mt-8 pb-10" { (body) }
            }
            @if !toc.is_empty() {
                nav class="col-start-12 col-span-1 hidden lg:block sticky top-48 h-screen overflow-auto sm:-ml-16 not-prose" aria-label="Table of contents" {
                    p class="text-sm leading-6 font-bold text-gray-700 dark:text-golden mb-4" { "Table of Contents" }
                    ul class="space-y-1 -ml-2" {
                        @for (h2, h3s) in &toc {
                            li class="w-full p-2 space-y-1" {
                                a href={ "#" (h2.id) } id={ "toc-" (h2.id) } class="oma-toc-link" { (h2.text) }
                                @if !h3s.is_empty() {
                                    ul class="pl-4 space-y-1" {
                                        @for h3 in h3s { li { a href={ "#" (h3.id) } id={ "toc-" (h3.id) } class="oma-toc-link" { (h3.text) } } }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A news article as the OMA site lays it out: the hero image, the title, the subtitle, the tag
/// chips and "By: author | date", then the body. In the content column (the OMA site's block
/// was as wide as the window, then pushed in by margins, and so wider than it).
fn articles_layout(page: &PageView<'_>, body: impl Render) -> Markup {
    let no_article = Article::default();
    let article = page.article.unwrap_or(&no_article);
    let label = "text-gray-500 dark:text-gray-400";
    html! {
        div class="w-full -mt-16 xl:px-32 2xl:px-64" {
            @if let Some(image) = &article.image {
                div class="container flex mx-auto" {
                    img src=(image) alt=(article.image_alt.as_deref().unwrap_or_default()) class="mx-auto object-contain h-fit w-full";
                }
            }
            h2 class="text-start text-4xl text-primary" { (page.title) }
            @if let Some(subtitle) = &article.subtitle {
                h3 class="text-start text-3xl text-primary-700 dark:text-primary-300" { (subtitle) }
            }
            @if !article.tags.is_empty() {
                p class="flex flex-wrap items-center gap-y-2 text-xl" {
                    "Tags:"
                    @for tag in &article.tags {
                        span class="border rounded-3xl p-2 mx-2 text-white bg-primary border-primary-600" { (tag) }
                    }
                }
            }
            @if article.author.is_some() || article.date_label.is_some() {
                p class="text-2xl" {
                    "By: "
                    @if let Some(author) = &article.author { span class=(label) { (author) } }
                    @if article.author.is_some() && article.date_label.is_some() { " | " }
                    @if let Some(date_label) = &article.date_label {
                        @match &article.published {
                            Some(published) => { time class=(label) datetime=(published) { (date_label) } }
                            None => { span class=(label) { (date_label) } }
                        }
                    }
                }
            }
            div style="font-size:23px;" class="par text-left dark:text-white" { (body) }
        }
    }
}

/// `h2` entries with their `h3`s; `h3`s before the first `h2` stand on their own.
fn table_of_contents(headings: &[TocEntry]) -> Vec<(&TocEntry, Vec<&TocEntry>)> {
    let mut toc: Vec<(&TocEntry, Vec<&TocEntry>)> = Vec::new();
    for heading in headings {
        match (heading.depth, toc.last_mut()) {
            (2, _) => toc.push((heading, Vec::new())),
            (3, Some((parent, children))) if parent.depth == 2 => children.push(heading),
            (3, _) => toc.push((heading, Vec::new())),
            _ => {}
        }
    }
    toc
}

/// The section's entries, depth first, three levels deep, indented by depth.
fn side_menu(section: &NavItem, route: &str) -> Markup {
    let mut rows: Vec<(usize, &NavItem)> = Vec::new();
    let mut stack = vec![(0usize, section)];
    while let Some((depth, item)) = stack.pop() {
        rows.push((depth, item));
        if depth < 3 {
            stack.extend(item.children.iter().rev().map(|child| (depth + 1, child)));
        }
    }
    html! {
        ul {
            @for (depth, item) in rows {
                @let active = item.route == route;
                li class={ (if active { "oma-side-item-current " } else { "oma-side-item " }) (["pl-2", "pl-4", "pl-8", "pl-12"][depth.min(3)]) } {
                    a href=(route_url(&item.route)) aria-current=[active.then_some("page")]
                        class=(if active { "oma-side-link-current" } else { "oma-side-link" }) { (item.title) }
                }
            }
        }
    }
}

/// Links to the pages before and after this one in menu order.
fn prev_next(neighbours: Neighbours<'_>) -> Markup {
    let Neighbours { previous, next } = neighbours;
    if previous.is_none() && next.is_none() {
        return PreEscaped(String::new());
    }
    let card = "flex-1 border border-primary/[0.4] rounded-xl p-4 hover:border-golden not-prose";
    html! {
        nav aria-label="Previous and next pages" class="flex gap-4 mt-8 mb-8 max-w-4xl" {
            @if let Some(item) = previous {
                a href=(route_url(&item.route)) rel="prev" class=(card) { span class="block text-sm text-neutral-500 dark:text-neutral-400" { "Previous" } span class="dark:text-golden" { (item.title) } }
            }
            @if let Some(item) = next {
                a href=(route_url(&item.route)) rel="next" class={ (card) " text-right" } { span class="block text-sm text-neutral-500 dark:text-neutral-400" { "Next" } span class="dark:text-golden" { (item.title) } }
            }
        }
    }
}

fn footer(feed: bool) -> PreEscaped<&'static str> {
    static RENDERED: [OnceLock<String>; 2] = [const { OnceLock::new() }; 2];
    once(&RENDERED[usize::from(feed)], || {
        html! {
            footer class="fixed py-4 bottom-0 z-50 w-full backdrop-blur bg-white/75 dark:bg-[#19191a]/75 border-t border-primary/[0.4]" {
                div class="mx-auto px-4 sm:px-6 lg:px-8 max-w-7xl sm:flex sm:items-center sm:justify-between" {
                    p class="text-sm text-gray-500 dark:text-gray-400" { "Copyright © OMA SpecWorks. All Rights Reserved." }
                    (theme_toggle())
                    ul class="flex mt-4 sm:justify-center sm:mt-0 text-xl" { (social_links(feed)) }
                }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(depth: u8, id: &str) -> TocEntry {
        TocEntry {
            depth,
            id: id.into(),
            text: id.into(),
        }
    }

    #[test]
    fn toc_nests_h3_under_h2() {
        let headings = [
            heading(3, "a"),
            heading(2, "b"),
            heading(3, "c"),
            heading(4, "d"),
            heading(3, "e"),
            heading(2, "f"),
        ];
        let toc = table_of_contents(&headings);
        let ids: Vec<(&str, Vec<&str>)> = toc
            .iter()
            .map(|(h, c)| (h.id.as_str(), c.iter().map(|x| x.id.as_str()).collect()))
            .collect();
        assert_eq!(ids, [("a", vec![]), ("b", vec!["c", "e"]), ("f", vec![])]);
    }

    #[test]
    fn breadcrumbs_link_every_crumb_but_the_last() {
        let crumbs = breadcrumbs("/omaspecworks/collaborate/working-groups").into_string();
        assert!(crumbs.contains(r#"<a href="/" "#));
        assert!(crumbs.contains(r#"<a href="/omaspecworks" class="#));
        assert!(crumbs.contains(r#"<a href="/omaspecworks/collaborate" class="#));
        assert!(crumbs.contains(r#"aria-current="page">WORKING-GROUPS</span>"#));
        assert!(!crumbs.contains(r#"href="/omaspecworks/collaborate/working-groups""#));
    }
}
