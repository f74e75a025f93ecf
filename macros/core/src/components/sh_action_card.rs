//! `::ShActionCard`: a call-to-action card with an e-mail field and a button.

use super::icon::prop_icon;
use super::props::{PropKind, prop, prop_or};
use super::sh_button::style_classes;
use super::sh_card::background;
use super::{ComponentSpec, UI, Use, classes, non_empty};
use crate::icons::icon;
use crate::render::Renderer;
use crate::render::html::link_rel;
use maud::{Markup, html};

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShActionCard",
    props: &[
        prop("title", PropKind::Markdown),
        prop("subtitle", PropKind::Markdown),
        prop("text", PropKind::Markdown),
        prop("urlImage", PropKind::Text),
        prop("altImage", PropKind::Text),
        prop("urlButton", PropKind::Text),
        prop("labelButton", PropKind::Text),
        prop_or("colorButton", PropKind::Text, "primary"),
        // Nuxt UI's button variants.
        prop_or(
            "styleButton",
            PropKind::OneOf(&["solid", "outline", "soft", "ghost", "link"]),
            "solid",
        ),
        prop("icon", PropKind::Text),
        prop("altIcon", PropKind::Text),
        prop("imageBackground", PropKind::Text),
        UI,
    ],
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
    render,
};

fn render(component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let props = &component.props;
    let ui = &component.ui;
    let title = super::sh_card::markdown(component, renderer, "title");
    let subtitle = component.markdown_div(renderer, "subtitle", ui.get("subtitle"));
    let text = component.markdown_div(renderer, "text", ui.get("text"));
    let alt = props.text("altIcon");
    let side_icon = prop_icon(component, renderer, "icon", ui.get("icon"), alt.as_deref());
    let href = props.text("urlButton");
    let rel = href
        .as_deref()
        .and_then(|href| link_rel(href, Some("_blank")));
    let button_class = classes(&[
        "rounded-md px-3.5 py-2.5 inline-flex items-center text-base",
        &style_classes(
            &props.text("styleButton").unwrap_or_default(),
            &props.text("colorButton").unwrap_or_default(),
        ),
        ui.get("button"),
    ]);
    html! {
        div class=[non_empty(ui.get("wrapper"))] style=[background(props.text("imageBackground"))] {
            div class="grid grid-cols-5 gap-4" {
                @if let Some(src) = props.text("urlImage") {
                    img class=[non_empty(ui.get("image"))] src=(src) alt=(props.text("altImage").unwrap_or_default());
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
                @if href.is_some() || props.text("labelButton").is_some() {
                    a href=[href.as_deref()] target="_blank" rel=[rel] class=(button_class) {
                        (props.text("labelButton").unwrap_or_default())
                    }
                }
                @if let Some(svg) = side_icon { (svg) }
            }
        }
    }
}
