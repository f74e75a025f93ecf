//! `::ShActionCard`: a call-to-action card with an e-mail field and a button.

use super::css;
use super::icon::prop_icon;
use super::props::{Markdown, PropKind, ReadProps, Spanned};
use super::sh_button::style_classes;
use super::sh_card::markdown;
use super::{ComponentSpec, Use, classes, markdown_div, non_empty};
use crate::icons::icon;
use crate::render::Renderer;
use crate::render::html::link_rel;
use maud::{Markup, html};
use site_props::Props;

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShActionCard",
    props: ActionCard::PROPS,
    ui: &[
        (
            "wrapper",
            "mt-6 dark:bg-inherit border-2 border-neutral-300 dark:border-neutral-500 mx-auto p-4 rounded-xl bg-no-repeat bg-cover size-full max-w-4xl max-h-3xl",
        ),
        (
            "image",
            "col-start-1 col-span-1 size-4/6 self-center place-self-center row-span-2 w-fit h-fit",
        ),
        (
            "title",
            "text-2xl text-black dark:text-white text-center font-bold",
        ),
        (
            "subtitle",
            "text-lg text-center font-semibold text-gray-400 -mt-8",
        ),
        ("text", "text-md text-center font-light not-prose"),
        (
            "button",
            "hover:drop-shadow-xl hover:saturate-200 col-start-3 col-span-1 mx-auto mb-4 not-prose",
        ),
        (
            "icon",
            "self-center place-self-center row-start-1 row-span-2 col-start-5 col-span-1",
        ),
    ],
    render: |used, renderer| render(&ActionCard::read(&used.props), used, renderer),
};

#[derive(Props)]
#[props(ui)]
struct ActionCard {
    title: Option<Markdown>,
    subtitle: Option<Markdown>,
    text: Option<Markdown>,
    url_image: Option<String>,
    alt_image: String,
    url_button: Option<String>,
    label_button: Option<String>,
    #[prop(default = "primary")]
    color_button: String,
    // Nuxt UI's button variants.
    #[prop(
        kind = PropKind::OneOf(&["solid", "outline", "soft", "ghost", "link"]),
        default = "solid"
    )]
    style_button: String,
    icon: Option<Spanned<String>>,
    alt_icon: Option<String>,
    image_background: Option<Spanned<String>>,
}

fn render(props: &ActionCard, component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let ui = &component.ui;
    let title = markdown(renderer, &props.title);
    let subtitle = markdown_div(renderer, &props.subtitle, ui.get("subtitle"));
    let text = markdown_div(renderer, &props.text, ui.get("text"));
    let side_icon = prop_icon(
        renderer,
        &props.icon,
        ui.get("icon"),
        props.alt_icon.as_deref(),
    );
    let href = props.url_button.as_deref();
    let rel = href.and_then(|href| link_rel(href, Some("_blank")));
    let button_class = classes(&[
        "rounded-md px-3.5 py-2.5 inline-flex items-center text-base",
        &style_classes(&props.style_button, &props.color_button),
        ui.get("button"),
    ]);
    let background = css::background_image(renderer, props.image_background.as_ref());
    html! {
        div class=[non_empty(ui.get("wrapper"))] style=[background] {
            div class="grid grid-cols-5 gap-4" {
                @if let Some(src) = &props.url_image {
                    img class=[non_empty(ui.get("image"))] src=(src) alt=(props.alt_image);
                }
                div class="col-start-2 col-span-3 flex-col" {
                    div class=[non_empty(ui.get("title"))] { (title) }
                    (subtitle)
                    (text)
                    div class="pb-4 relative flex items-center" {
                        span class="absolute left-3 flex text-xl text-gray-400 dark:invert" { (icon("heroicons:envelope", "", None)) }
                        input type="email" name="email" autocomplete="email" placeholder="you@example.com" aria-label="E-mail address" class="w-full rounded-md border border-gray-300 dark:border-neutral-600 bg-white dark:bg-neutral-900 py-2.5 pl-10 pr-3 text-xl";
                    }
                }
                @if href.is_some() || props.label_button.is_some() {
                    a href=[href] target="_blank" rel=[rel] class=(button_class) {
                        (props.label_button.as_deref().unwrap_or_default())
                    }
                }
                @if let Some(svg) = side_icon { (svg) }
            }
        }
    }
}
