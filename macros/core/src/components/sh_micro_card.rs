//! `::ShMicroCard`: a small clickable tile with an icon or image, title, subtitle and text.

use super::icon::prop_icon;
use super::props::{Markdown, ReadProps, Spanned};
use super::{ComponentSpec, Use, classes, markdown_div};
use crate::icons::icon;
use crate::render::Renderer;
use crate::render::html::link_rel;
use maud::{Markup, html};
use site_props::Props;

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShMicroCard",
    props: MicroCard::PROPS,
    ui: &[
        (
            "wrapper",
            "container flex flex-col rounded-2xl p-4 mx-auto justify-items-center text-center hover:shadow-lg hover:scale-105 duration-300 border-2 bg-golden/[0.4] border-golden/[0.6] hover:border-golden dark:bg-neutral-700 dark:border-neutral-600 dark:hover:border-golden",
        ),
        ("image", "relative mt-4 w-full h-auto flex shrink mx-auto"),
        (
            "icon",
            "relative mt-4 w-10 h-10 flex shrink-0 mx-auto text-oma-blue-900/[0.7] hover:text-oma-blue-600 dark:text-oma-blue-200",
        ),
        (
            "title",
            "text-xl font-medium text-black dark:text-white break-words",
        ),
        (
            "subtitle",
            "text-base font-thin dark:font-thin text-neutral-500 dark:text-gray-400 mt-3 break-words",
        ),
        (
            "text",
            "font-light text-md text-gray-400 dark:text-gray-600 mt-7 break-words",
        ),
    ],
    render: |used, renderer| render(&MicroCard::read(&used.props), used, renderer),
};

#[derive(Props)]
#[props(ui)]
struct MicroCard {
    url_wrapper: String,
    url_image: Option<String>,
    alt_image: String,
    icon: Option<Spanned<String>>,
    alt_icon: Option<String>,
    title: Option<Markdown>,
    subtitle: Option<Markdown>,
    text: Option<Markdown>,
    #[prop(default = "false")]
    clipboard: bool,
}

fn render(props: &MicroCard, component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let ui = &component.ui;
    let clipboard = props.clipboard;
    let fade = "transition-opacity duration-300";
    let title_class = classes(&[
        ui.get("title"),
        fade,
        if clipboard {
            "group-hover:text-transparent"
        } else {
            ""
        },
    ]);
    let title = markdown_div(renderer, &props.title, &title_class);
    let subtitle = markdown_div(
        renderer,
        &props.subtitle,
        &classes(&[ui.get("subtitle"), fade]),
    );
    let text = markdown_div(renderer, &props.text, &classes(&[ui.get("text"), fade]));
    // An empty `urlWrapper` links to the page itself, as on the OMA site.
    let href = &props.url_wrapper;
    let rel = link_rel(href, None);
    let prop_icon = prop_icon(
        renderer,
        &props.icon,
        ui.get("icon"),
        props.alt_icon.as_deref(),
    );
    html! {
        div class=(ui.get("wrapper")) {
            a href=(href) rel=[rel] class="not-prose" {
                div class="relative group" {
                    @if let Some(src) = &props.url_image {
                        img src=(src) alt=(props.alt_image) class=(ui.get("image"));
                    }
                    @if let Some(icon) = prop_icon {
                        (icon)
                    }
                    div class="relative" { (title) (subtitle) (text) }
                    @if clipboard {
                        div class="absolute inset-0 flex items-center justify-center opacity-0 group-hover:opacity-100 group-hover:cursor-pointer transition-opacity duration-300" {
                            button type="button" aria-label="Copy the title" { (icon("line-md:clipboard-arrow", "text-5xl text-black", None)) }
                        }
                    }
                }
            }
        }
    }
}
