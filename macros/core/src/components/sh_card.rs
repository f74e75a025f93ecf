//! `::ShCard`: an article card with an image header, title, subtitle, text and three labels,
//! and the OMA site's later additions: a cover (image, icon or text) over the card that moves
//! away on hover, the header link's `target`, a text header, and `article` renamed `articleURL`.
//! A card that uses none of them renders as the October 2024 card did.

use super::icon::prop_icon;
use super::props::{Markdown, ReadProps, Spanned};
use super::{ComponentSpec, Use, classes, css, markdown_div, non_empty};
use crate::diagnostic::{Code, Diagnostic, Severity};
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
        (
            "coverImage",
            "absolute mb-0 bottom-0 w-full h-screen object-cover opacity-100 ease-in-out",
        ),
        (
            "coverIconWrapper",
            "bg-white dark:bg-neutral-800 absolute inset-0 w-full h-full object-cover z-40",
        ),
        (
            "coverIcon",
            "absolute inset-0 w-full h-full object-cover opacity-100 ease-in-out z-40",
        ),
        (
            "coverText",
            "absolute bottom-0 w-full h-full flex items-center justify-center text-center ease-in-out dark:bg-neutral-800 bg-white opacity-100",
        ),
        ("upperBaseText", ""),
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
    image_background: Option<Spanned<String>>,
    // The old name of `articleURL`: still read, with a warning.
    article: Option<String>,
    #[prop(name = "articleURL")]
    article_url: Option<String>,
    cover_image: Option<String>,
    cover_icon: Option<Spanned<String>>,
    cover_text: Option<Markdown>,
    #[prop(default = "false")]
    opacity: bool,
    // The header link's target. The OMA site's default is now `_self`; `_blank`, the target the
    // October 2024 card always had, keeps the cards written for it as they were.
    #[prop(default = "_blank")]
    target: String,
    upper_base_text: Option<Markdown>,
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

/// Warns that `article` is written, under its old name.
fn warn_renamed_article(component: &Use<'_>, renderer: &mut Renderer<'_>) {
    if component.props.get("article").is_none() {
        return;
    }
    let span = component.props.key_span("article");
    renderer.diagnostics.push(
        Diagnostic::new(
            Severity::Warning,
            Code::RenamedProp,
            renderer.file,
            span,
            "`article` on `ShCard` is now called `articleURL`",
        )
        .with_help("write `articleURL`"),
    );
}

/// The cover over the card: an image, an icon or a text, each only when the other two are
/// absent, as on the OMA site; it fades (`opacity`) or slides up on hover.
fn cover(props: &Card, component: &Use<'_>, renderer: &mut Renderer<'_>) -> Option<Markup> {
    let ui = &component.ui;
    let effect = if props.opacity {
        "transition-opacity duration-700 group-hover:opacity-0"
    } else {
        "transition-transform duration-700 group-hover:-translate-y-full"
    };
    match (&props.cover_image, &props.cover_icon, &props.cover_text) {
        (Some(src), None, None) => Some(html! {
            img class=(classes(&[ui.get("coverImage"), effect])) src=(src) alt="";
        }),
        (None, Some(_), None) => {
            let icon = prop_icon(renderer, &props.cover_icon, ui.get("coverIcon"), None);
            Some(html! {
                div class=(classes(&[ui.get("coverIconWrapper"), effect])) { @if let Some(icon) = icon { (icon) } }
            })
        }
        (None, None, Some(_)) => {
            let text = markdown_div(renderer, &props.cover_text, "px-4");
            Some(html! { div class=(classes(&[ui.get("coverText"), effect])) { (text) } })
        }
        _ => None,
    }
}

fn render(props: &Card, component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    warn_renamed_article(component, renderer);
    let ui = &component.ui;
    let cover = cover(props, component, renderer);
    // The cover is placed over the card and moves on the card's hover.
    let wrapper = classes(&[
        ui.get("wrapper"),
        if cover.is_some() {
            "relative group"
        } else {
            ""
        },
    ]);
    let upper_base_text = match (&props.url_image, &props.upper_base_text) {
        (None, Some(_)) => Some(markdown_div(
            renderer,
            &props.upper_base_text,
            ui.get("upperBaseText"),
        )),
        _ => None,
    };
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
    let target = non_empty(&props.target);
    let rel = href.and_then(|href| link_rel(href, target));
    let article = props
        .article_url
        .as_deref()
        .or(props.article.as_deref())
        .filter(|_| on_news_page(renderer));
    let article_rel = article.and_then(|href| link_rel(href, Some("_blank")));
    let background = css::background_image(renderer, props.image_background.as_ref());
    html! {
        div class=[non_empty(&wrapper)] {
            @if let Some(cover) = cover { (cover) }
            div class=[non_empty(ui.get("upperBase"))] style=[background] {
                a class="not-prose" href=[href] target=[target] rel=[rel] {
                    @if let Some(text) = upper_base_text {
                        (text)
                    } @else {
                        div class="h-80 w-full flex justify-center items-center" {
                            @if let Some(src) = &props.url_image {
                                img class=[non_empty(ui.get("image"))] src=(src) alt=(props.alt_image);
                            }
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
