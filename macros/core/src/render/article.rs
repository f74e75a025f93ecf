//! A news article: a page with `layout: articles`, read from its front matter as its layout
//! shows it and the news feed lists it, with its publication date.

use super::RenderedPage;
use super::date::{Date, file_name_day};
use super::page::text_value;
use super::{Renderer, untrusted};
use crate::diagnostic::Code;
use crate::load::data::front_matter_tags;
use crate::load::{PageFile, strip_order_prefix};
use crate::source::Span;
use crate::yaml::Spans;
use serde::{Deserialize, Serialize};

/// The `layout` value that makes a page an article.
pub const ARTICLES_LAYOUT: &str = "articles";

/// Where the Atom feed of the articles is served; every page's head names it when the site
/// has articles, and the RSS icons link to it.
pub const FEED_ROUTE: &str = "/news/feed.xml";

/// The feed's title, as feed readers and the pages' heads name it.
pub const FEED_TITLE: &str = "OMA SpecWorks news";

/// Whether `pages` hold an article with a date: the site then has a news feed, at
/// [`FEED_ROUTE`].
pub fn has_feed<'a>(pages: impl IntoIterator<Item = &'a RenderedPage>) -> bool {
    pages.into_iter().any(|page| page.published().is_some())
}

/// What an article's front matter says beside its title and description.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Article {
    /// When it was published: its `date`, else the `YYYY-MM-DD` its file name starts with;
    /// `None` when neither gives one (a content error).
    pub published: Option<Date>,
    /// `subtitle`.
    pub subtitle: Option<String>,
    /// `urlImage`: the hero image above the title.
    pub image: Option<String>,
    /// `altImage`: the hero image's text alternative.
    pub image_alt: Option<String>,
    /// `tags`: the chips under the title, the feed's categories.
    pub tags: Vec<String>,
    /// `rightLabel`: who wrote it, as the news cards show it.
    pub author: Option<String>,
    /// `leftLabel`: its date as the news cards show it, a label that nothing reads as a date.
    pub date_label: Option<String>,
}

/// The article `page` is (its front matter's keys placed by `spans`), its hero image recorded
/// for the link checks and, in untrusted mode, left out unless untrusted content may link to
/// it; a `date` that is no date, or no date at all, is reported.
pub(super) fn read(page: &PageFile, spans: &Spans, renderer: &mut Renderer<'_>) -> Article {
    let front_matter = renderer.front_matter;
    let text = |key: &str| text_value(front_matter, key);
    let written_image = text("urlImage");
    if let Some(image) = &written_image {
        let span = spans.get("urlImage").map(|s| s.value).unwrap_or_default();
        renderer.record_url("img", "src", image, span);
    }
    // The hero is outside the body, which untrusted mode sanitises: its URL is checked here.
    let image = written_image.filter(|url| !renderer.untrusted || untrusted::may_link(url));
    Article {
        published: published(page, spans, renderer),
        subtitle: text("subtitle"),
        image,
        image_alt: text("altImage"),
        tags: front_matter_tags(front_matter),
        author: text("rightLabel"),
        date_label: text("leftLabel"),
    }
}

/// The article's `date`, else its file name's day; reported when neither is a date.
fn published(page: &PageFile, spans: &Spans, renderer: &mut Renderer<'_>) -> Option<Date> {
    let file = renderer.file;
    let help = "write `date: YYYY-MM-DD` (`date: 2024-07-01`) or an RFC 3339 date-time \
                (`date: 2024-07-01T09:30:00Z`)";
    if renderer.front_matter.contains_key("date") {
        let written = text_value(renderer.front_matter, "date").unwrap_or_default();
        let date = Date::parse(&written);
        if date.is_none() {
            let span = spans.get("date").map(|s| s.value).unwrap_or_default();
            let message = if written.is_empty() {
                "the article's `date` is empty".to_string()
            } else {
                format!("the article's `date` `{written}` is not a date")
            };
            renderer
                .diagnostics
                .error(file, span, Code::ArticleDate, message)
                .help = Some(help.into());
        }
        return date;
    }
    let name = page.relative.rsplit('/').next().unwrap_or(&page.relative);
    let layout = spans.get("layout").map_or(Span::at(0), |s| s.value);
    let (message, help) = match file_name_day(strip_order_prefix(name)) {
        Some(Ok(date)) => return Some(date),
        Some(Err(prefix)) => (
            format!("the article's file name `{name}` starts with `{prefix}`, which is not a date"),
            format!("rename the file to a real day (`YYYY-MM-DD-slug.md`), or {help}"),
        ),
        None => (
            format!("the article `{name}` has no date"),
            format!("name the file `YYYY-MM-DD-slug.md` (`2024-07-01-{name}`), or {help}"),
        ),
    };
    renderer
        .diagnostics
        .error(file, layout, Code::ArticleDate, message)
        .help = Some(help);
    None
}
