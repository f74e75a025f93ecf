//! `::ShCard`: an article card with an image header, title, subtitle, text and three labels.

use super::props::{Markdown, ReadProps};
use super::{ComponentSpec, Use, non_empty};
use crate::render::Renderer;
use crate::render::html::link_rel;
use maud::{Markup, PreEscaped, html};
use site_props::Props;

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShCard",
    props: Card::PROPS,
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
    render: |used, renderer| render(&Card::read(&used.props), used, renderer),
};

#[derive(Props)]
#[props(ui)]
struct Card {
    url_upper_base: Option<String>,
    url_image: Option<String>,
    alt_image: String,
    title: Option<Markdown>,
    subtitle: Option<Markdown>,
    text: Option<Markdown>,
    // A content document on the OMA site; here its excerpt as markdown.
    excerpt: Option<Markdown>,
    left_label: Option<Markdown>,
    center_label: Option<Markdown>,
    right_label: Option<Markdown>,
    image_background: Option<String>,
    article: Option<String>,
}

/// `background-image:url('…')` for a URL that cannot break out of the CSS value, else nothing.
pub(super) fn background(url: Option<&str>) -> Option<String> {
    let url = url?;
    let safe = !url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || "'\"()\\;<>".contains(c));
    safe.then(|| format!("background-image:url('{url}')"))
}

/// A markdown prop rendered, or nothing.
pub(super) fn markdown(renderer: &mut Renderer<'_>, markdown: &Option<Markdown>) -> Markup {
    match markdown {
        Some(markdown) => markdown.render(renderer),
        None => PreEscaped(String::new()),
    }
}

/// Whether the page being rendered is `/news` (the only page where a card links its article).
fn on_news_page(renderer: &Renderer<'_>) -> bool {
    let path = renderer.file.display_path.replace('\\', "/");
    let relative = path
        .rsplit_once("content/")
        .map_or(path.as_str(), |(_, relative)| relative);
    crate::load::route_of(relative) == "/news"
}

fn render(props: &Card, component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let ui = &component.ui;
    let title = markdown(renderer, &props.title);
    let subtitle = markdown(renderer, &props.subtitle);
    let text = match props.text {
        Some(_) => markdown(renderer, &props.text),
        None => markdown(renderer, &props.excerpt),
    };
    let labels = [
        ("leftLabel", &props.left_label),
        ("centerLabel", &props.center_label),
        ("rightLabel", &props.right_label),
    ]
    .map(|(key, label)| (ui.get(key), markdown(renderer, label)));
    let href = props.url_upper_base.as_deref();
    let rel = href.and_then(|href| link_rel(href, Some("_blank")));
    let article = props.article.as_deref().filter(|_| on_news_page(renderer));
    let article_rel = article.and_then(|href| link_rel(href, Some("_blank")));
    html! {
        div class=[non_empty(ui.get("wrapper"))] {
            div class=[non_empty(ui.get("upperBase"))] style=[background(props.image_background.as_deref())] {
                a class="not-prose" href=[href] target="_blank" rel=[rel] {
                    div class="h-80 w-full flex justify-center items-center" {
                        @if let Some(src) = &props.url_image {
                            img class=[non_empty(ui.get("image"))] src=(src) alt=(props.alt_image);
                        }
                    }
                }
            }
            div class=[non_empty(ui.get("lowerBase"))] {
                div class=[non_empty(ui.get("title"))] { div { (title) } }
                div class=[non_empty(ui.get("subtitle"))] { div { (subtitle) } }
                div class=[non_empty(ui.get("text"))] { (text) }
                @if let Some(article) = article {
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
