//! `::ShCard`: an article card with an image header, title, subtitle, text and three labels.

use super::props::{PropKind, prop};
use super::{ComponentSpec, UI, Use, non_empty};
use crate::render::Renderer;
use crate::render::html::link_rel;
use maud::{Markup, PreEscaped, html};

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShCard",
    props: &[
        prop("urlUpperBase", PropKind::Text),
        prop("urlImage", PropKind::Text),
        prop("altImage", PropKind::Text),
        prop("title", PropKind::Markdown),
        prop("subtitle", PropKind::Markdown),
        prop("text", PropKind::Markdown),
        // A content document on the OMA site; here its excerpt as markdown.
        prop("excerpt", PropKind::Markdown),
        prop("leftLabel", PropKind::Markdown),
        prop("centerLabel", PropKind::Markdown),
        prop("rightLabel", PropKind::Markdown),
        prop("imageBackground", PropKind::Text),
        prop("article", PropKind::Text),
        UI,
    ],
    ui: &[
        (
            "wrapper",
            "flex flex-col justify-between border-2 dark:border-neutral-700 hover:border-2 hover:border-primary dark:hover:border-2 dark:hover:border-primary rounded-xl mx-auto max-w-lg overflow-hidden bg-inherit shadow-2xl",
        ),
        ("upperBase", "flex items-center justify-center rounded-t-xl"),
        ("image", "h-full w-screen rounded-b-xl overflow-hidden"),
        ("lowerBase", "p-6 rounded-b-xl"),
        ("title", "text-3xl font-extrabold text-primary"),
        ("subtitle", "text-xl font-semibold text-primary-700 -mt-8"),
        (
            "text",
            "text-base text-gray-800 dark:text-gray-200 not-prose",
        ),
        (
            "leftLabel",
            "mt-3 text-lg text-gray-600 dark:text-gray-400 not-prose",
        ),
        (
            "centerLabel",
            "mt-3 text-lg text-gray-600 dark:text-gray-400 not-prose",
        ),
        (
            "rightLabel",
            "mt-3 text-lg text-gray-600 dark:text-gray-400 not-prose",
        ),
    ],
    render,
};

/// `background-image:url('…')` for a URL that cannot break out of the CSS value, else nothing.
pub(super) fn background(url: Option<String>) -> Option<String> {
    let url = url?;
    let safe = !url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || "'\"()\\;<>".contains(c));
    safe.then(|| format!("background-image:url('{url}')"))
}

/// Markdown prop `name` rendered, or nothing.
pub(super) fn markdown(component: &Use<'_>, renderer: &mut Renderer<'_>, name: &str) -> Markup {
    component
        .markdown(renderer, name)
        .unwrap_or_else(|| PreEscaped(String::new()))
}

/// Whether the page being rendered is `/news` (the only page where a card links its article).
fn on_news_page(renderer: &Renderer<'_>) -> bool {
    let path = renderer.file.display_path.replace('\\', "/");
    let relative = path
        .rsplit_once("content/")
        .map_or(path.as_str(), |(_, relative)| relative);
    crate::load::route_of(relative) == "/news"
}

fn render(component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let props = &component.props;
    let ui = &component.ui;
    let title = markdown(component, renderer, "title");
    let subtitle = markdown(component, renderer, "subtitle");
    let text = match props.text("text") {
        Some(_) => markdown(component, renderer, "text"),
        None => markdown(component, renderer, "excerpt"),
    };
    let labels = ["leftLabel", "centerLabel", "rightLabel"]
        .map(|name| (ui.get(name), markdown(component, renderer, name)));
    let href = props.text("urlUpperBase");
    let rel = href
        .as_deref()
        .and_then(|href| link_rel(href, Some("_blank")));
    let article = props.text("article").filter(|_| on_news_page(renderer));
    let article_rel = article
        .as_deref()
        .and_then(|href| link_rel(href, Some("_blank")));
    html! {
        div class=[non_empty(ui.get("wrapper"))] {
            div class=[non_empty(ui.get("upperBase"))] style=[background(props.text("imageBackground"))] {
                a class="not-prose" href=[href.as_deref()] target="_blank" rel=[rel] {
                    div class="h-80 w-full flex justify-center items-center" {
                        @if let Some(src) = props.text("urlImage") {
                            img class=[non_empty(ui.get("image"))] src=(src) alt=(props.text("altImage").unwrap_or_default());
                        }
                    }
                }
            }
            div class=[non_empty(ui.get("lowerBase"))] {
                div class=[non_empty(ui.get("title"))] { div { (title) } }
                div class=[non_empty(ui.get("subtitle"))] { div { (subtitle) } }
                div class=[non_empty(ui.get("text"))] { (text) }
                @if let Some(article) = &article {
                    div { a class="not-prose" href=(article) target="_blank" rel=[article_rel] { "Read more..." } }
                }
                div class="border-t mt-16" {
                    div class="grid grid-cols-3" {
                        @for (class, label) in labels {
                            div class=[non_empty(class)] { (label) }
                        }
                    }
                }
            }
        }
    }
}
