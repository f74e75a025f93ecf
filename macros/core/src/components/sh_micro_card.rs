//! `::ShMicroCard`: a small clickable tile with an icon or image, title, subtitle and text.
//!
//! A card that writes `layout` is drawn as the OMA site draws it now: the card itself is the
//! link (a `div` with a chevron link for `cta`), over a cover (image, icon or text) that
//! fades or slides away on hover, with the classes of its layout (`ui` nested by layout). A
//! card without `layout` keeps the October 2024 tile and its top-level `ui` keys, so that the
//! pages written for it do not change.

use super::icon::{component_icon, prop_icon};
use super::props::{Markdown, PropKind, ReadProps, Spanned, value_error};
use super::ui::{UiDefaults, merge};
use super::{ComponentSpec, Use, classes, markdown_div, non_empty};
use crate::icons::icon;
use crate::render::Renderer;
use crate::render::html::{is_external, link_rel};
use maud::{Markup, PreEscaped, html};
use serde_json::Value;
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

/// The layouts' names, `default` first.
const LAYOUT_NAMES: &[&str] = &[
    "default",
    "flat",
    "teaser",
    "snap",
    "translate",
    "opacity",
    "cta",
    "logo",
];

/// One layout: its name and its default classes (components-head.md §2.2).
struct Layout {
    name: &'static str,
    ui: UiDefaults,
}

/// The layouts' class maps, in the order of [`LAYOUT_NAMES`].
static LAYOUTS: [Layout; 8] = [
    Layout {
        name: "default",
        ui: &[
            (
                "wrapper",
                "container overflow-hidden relative group flex flex-col rounded-2xl pl-4 pr-4 pb-4 pt-4 mx-auto max-w-md w-full h-full justify-items-center text-center hover:shadow-lg hover:scale-105 duration-300 border-2 bg-golden/[0.4] border-golden/[0.6] hover:border-golden dark:bg-neutral-700 dark:border-neutral-600 dark:hover:border-golden",
            ),
            (
                "coverImage",
                "absolute inset-0 w-full h-full object-cover opacity-60 dark:opacity-60 group-hover:opacity-[25%] transition-opacity duration-500 z-0",
            ),
            (
                "coverText",
                "absolute inset-0 flex items-center justify-center text-center ease-in-out opacity-100 group-hover:opacity-[10%] transition-opacity duration-500 z-0",
            ),
            (
                "coverIconWrapper",
                "absolute inset-0 w-full h-full flex items-center justify-center z-0",
            ),
            (
                "coverIcon",
                "absolute inset-0 w-full h-full object-cover opacity-30 dark:opacity-30 duration-500 group-hover:opacity-[5%] transition-opacity duration-500 z-0",
            ),
            (
                "image",
                "relative mt-4 w-full h-auto flex shrink mx-auto z-20",
            ),
            (
                "icon",
                "relative sm:mt-4 flex shrink-0 mx-auto text-[96px] dark:saturate-[300%] mb-8 z-20",
            ),
            (
                "title",
                "title text-[24px] font-extrabold dark:saturate-[300%] break-words z-20",
            ),
            (
                "subtitle",
                "subtitle text-[20px] font-bold dark:saturate-[180%] mt-3 break-words z-20",
            ),
            ("text", "text font-light text-[18px] mt-7 break-words z-20"),
        ],
    },
    Layout {
        name: "flat",
        ui: &[
            (
                "wrapper",
                "container overflow-hidden relative group flex flex-col rounded-2xl p-4 mx-auto max-w-md w-full h-full justify-items-center text-center bg-transparent dark:bg-transparent",
            ),
            (
                "image",
                "relative mt-4 w-full h-auto flex shrink mx-auto z-20",
            ),
            (
                "icon",
                "relative sm:mt-4 mb-8 flex shrink-0 mx-auto text-[96px] dark:saturate-[300%] z-20",
            ),
            (
                "title",
                "title text-[24px] font-extrabold dark:saturate-[300%] break-words z-20",
            ),
            (
                "subtitle",
                "subtitle text-[20px] font-bold dark:saturate-[180%] mt-1 break-words z-20",
            ),
            (
                "text",
                "text font-light opacity-0 group-hover:opacity-100 transition-opacity duration-500 ease-in-out text-[18px] mt-9 break-words z-20",
            ),
        ],
    },
    Layout {
        name: "teaser",
        ui: &[
            (
                "wrapper",
                "container overflow-hidden relative group flex flex-col rounded-2xl p-4 mx-auto max-w-md w-full h-full justify-items-center hover:shadow-lg duration-300 border-2 bg-golden/[0.4] border-golden/[0.6] hover:border-golden dark:bg-neutral-700 dark:border-neutral-600 dark:hover:border-golden",
            ),
            (
                "coverImage",
                "absolute inset-0 w-full h-full object-cover opacity-60 dark:opacity-45 group-hover:opacity-[25%] transition-opacity duration-500 z-0",
            ),
            (
                "coverText",
                "absolute inset-0 flex items-center justify-center text-center ease-in-out opacity-100 group-hover:opacity-[10%] transition-opacity duration-500 z-0",
            ),
            (
                "coverIconWrapper",
                "absolute inset-0 w-full h-full flex items-center justify-center z-0",
            ),
            (
                "coverIcon",
                "absolute inset-0 w-full h-full object-cover opacity-30 dark:opacity-30 duration-500 group-hover:opacity-[5%] transition-opacity duration-500 z-0",
            ),
            (
                "image",
                "relative mt-4 w-full h-auto flex shrink mx-auto z-20",
            ),
            (
                "icon",
                "relative sm:mt-4 mb-8 flex shrink-0 mx-auto text-[96px] dark:saturate-[450%] transition-transform duration-500 ease-in-out group-hover:translate-y-[-0.3rem] transform z-20",
            ),
            (
                "title",
                "title mt-16 text-center text-[24px] font-extrabold dark:saturate-[300%] break-words z-20 transition-transform duration-500 ease-in-out group-hover:translate-y-[-2rem] transform",
            ),
            (
                "subtitle",
                "subtitle text-center font-bold dark:saturate-[180%] text-[20px] opacity-0 group-hover:opacity-100 transition-opacity duration-500 ease-in-out mt-1 break-words z-20 transition-transform group-hover:translate-y-[-1.1rem] transform",
            ),
            (
                "text",
                "text text-center text-[18px] opacity-0 group-hover:opacity-100 transition-opacity duration-500 ease-in-out font-medium mt-2 mb-5 break-words z-20",
            ),
        ],
    },
    Layout {
        name: "snap",
        ui: &[
            (
                "wrapper",
                "container overflow-hidden relative group flex flex-col rounded-2xl p-4 mx-auto max-w-md w-full h-full justify-items-center hover:shadow-lg duration-300 border-2 bg-golden/[0.4] border-golden/[0.6] hover:border-golden dark:bg-neutral-700 dark:border-neutral-600 dark:hover:border-golden",
            ),
            (
                "coverImage",
                "absolute inset-0 w-full h-full object-cover opacity-60 z-0",
            ),
            (
                "coverText",
                "absolute inset-0 flex items-center justify-center text-center text-2xl font-extrabold opacity-30 scale-100 transition-all duration-700 ease-in-out group-hover:translate-y-[45%] group-hover:scale-[0.8] group-hover:opacity-100 group-hover:dark:saturate-[180%] z-10",
            ),
            (
                "coverIconWrapper",
                "absolute inset-0 w-full h-full flex items-center justify-between z-0 overflow-hidden",
            ),
            (
                "coverIcon",
                "absolute inset-0 w-full h-full object-cover opacity-30 scale-100 transition-all duration-700 ease-in-out group-hover:-translate-y-[6rem] group-hover:scale-[0.2] group-hover:opacity-100 group-hover:dark:saturate-[300%] group-hover:-mt-9 z-0",
            ),
            (
                "icon",
                "relative sm:mt-4 mb-8 flex shrink-0 mx-auto text-[3rem] dark:saturate-[300%] transition-transform duration-500 ease-in-out group-hover:opacity-0 group-hover:transition-opacity group-hover:duration-500 transform z-20",
            ),
            (
                "title",
                "title mt-32 text-center text-[24px] font-extrabold dark:saturate-[300%] break-words z-20 transition-transform duration-500 ease-in-out group-hover:translate-y-[-2rem] transform",
            ),
            (
                "subtitle",
                "subtitle text-center font-bold dark:saturate-[180%] text-[20px] opacity-0 group-hover:opacity-100 transition-opacity duration-500 delay-300 ease-in-out mt-1 break-words z-20 transition-transform group-hover:translate-y-[-1.1rem] transform",
            ),
            (
                "text",
                "text text-center text-[18px] opacity-0 group-hover:opacity-100 transition-opacity duration-500 delay-200 ease-in-out font-medium mt-2 mb-5 break-words z-20",
            ),
        ],
    },
    Layout {
        name: "translate",
        ui: &[
            (
                "wrapper",
                "container overflow-hidden relative group flex flex-col rounded-2xl pl-3 pr-3 mx-auto max-w-md w-full h-full justify-items-center text-center border-2 border-golden/[0.6] hover:border-golden dark:border-neutral-600 dark:hover:border-golden",
            ),
            (
                "coverImage",
                "absolute mb-0 bottom-0 left-0 w-full h-full object-cover transition-transform duration-700 group-hover:-translate-y-full z-40",
            ),
            (
                "coverText",
                "absolute inset-0 flex items-center justify-center text-center dark:bg-neutral-800 bg-white transition-transform duration-700 group-hover:-translate-y-full z-40",
            ),
            (
                "coverIconWrapper",
                "bg-white dark:bg-neutral-800 absolute inset-0 w-full h-full object-cover transition-transform duration-700 group-hover:-translate-y-full z-40",
            ),
            (
                "coverIcon",
                "absolute inset-0 w-full h-full object-cover opacity-100 ease-in-out z-40",
            ),
            (
                "image",
                "relative mt-4 w-full h-auto flex shrink mx-auto z-20",
            ),
            (
                "icon",
                "relative sm:mt-4 mb-8 text-[4rem] dark:saturate-[300%] flex shrink-0 mx-auto z-20",
            ),
            (
                "title",
                "title text-xl font-extrabold dark:saturate-[300%] break-words z-20",
            ),
            (
                "subtitle",
                "subtitle text-base font-bold dark:saturate-[180%] mt-3 break-words z-20",
            ),
            (
                "text",
                "text font-light text-[1.1rem] mt-7 break-words z-20",
            ),
        ],
    },
    Layout {
        name: "opacity",
        ui: &[
            (
                "wrapper",
                "container overflow-hidden relative group flex flex-col rounded-2xl pl-3 pr-3 pt-5 pb-7 mx-auto max-w-md w-full h-full justify-items-center text-center border-2 border-golden/[0.6] hover:border-golden dark:border-neutral-600 dark:hover:border-golden",
            ),
            (
                "coverImage",
                "absolute mb-0 bottom-0 left-0 w-full h-full object-cover opacity-100 ease-in-out transition-opacity duration-700 group-hover:opacity-0 z-40",
            ),
            (
                "coverText",
                "absolute inset-0 flex items-center justify-center text-center dark:bg-neutral-800 bg-white opacity-100 ease-in-out transition-opacity duration-700 group-hover:opacity-0 z-40",
            ),
            (
                "coverIconWrapper",
                "bg-white dark:bg-neutral-800 absolute inset-0 w-full h-full object-cover opacity-100 ease-in-out transition-opacity duration-700 group-hover:opacity-0 z-40",
            ),
            (
                "coverIcon",
                "absolute inset-0 w-full h-full object-cover opacity-100 ease-in-out z-40",
            ),
            (
                "image",
                "relative mt-4 w-full h-auto flex shrink mx-auto z-20",
            ),
            (
                "icon",
                "relative sm:mt-4 mb-8 text-[96px] dark:saturate-[300%] flex shrink-0 mx-auto z-20",
            ),
            (
                "title",
                "title text-[24px] font-extrabold dark:saturate-[300%] break-words z-20",
            ),
            (
                "subtitle",
                "subtitle text-[20px] font-bold dark:saturate-[180%] mt-3 break-words z-20",
            ),
            ("text", "text font-light text-[18px] mt-7 break-words z-20"),
        ],
    },
    Layout {
        name: "cta",
        ui: &[
            (
                "wrapper",
                "container overflow-hidden relative group flex flex-col rounded-2xl p-4 mx-auto max-w-md w-full h-full justify-items-center text-center border-2 bg-golden/[0.4] border-golden/[0.6]",
            ),
            (
                "coverImage",
                "absolute inset-0 w-full h-full object-cover opacity-60 dark:opacity-60 z-0",
            ),
            (
                "coverText",
                "absolute inset-0 flex items-center justify-center text-center opacity-60 z-0",
            ),
            (
                "coverIconWrapper",
                "absolute inset-0 w-full h-full flex items-center justify-center z-0",
            ),
            (
                "coverIcon",
                "absolute inset-0 w-full h-full object-cover opacity-60 z-0",
            ),
            (
                "image",
                "relative mt-4 w-full h-auto flex shrink mx-auto z-20",
            ),
            (
                "icon",
                "relative text-start sm:mt-4 mb-8 flex shrink-0 text-[3rem] z-20",
            ),
            (
                "title",
                "title text-4xl text-start font-extrabold dark:saturate-[300%] text-black dark:text-golden break-words z-20",
            ),
            (
                "subtitle",
                "subtitle text-2xl text-start font-bold dark:saturate-[180%] text-black dark:text-golden mt-1 break-words z-20",
            ),
            (
                "underline",
                "underline underline-offset-[1.5rem] decoration-2 dark:decoration-golden/[0.4]",
            ),
            (
                "text",
                "text mt-8 font-light text-[1.1rem] text-start text-neutral-800 dark:text-golden break-words z-20",
            ),
            (
                "button",
                "mt-24 mb-4 text-6xl hover:scale-105 duration-300 text-neutral-900 dark:text-golden",
            ),
        ],
    },
    Layout {
        name: "logo",
        ui: &[
            (
                "wrapper",
                "container overflow-hidden relative group flex flex-col rounded-2xl pl-3 pr-3 mx-auto max-w-md w-full h-full justify-items-center text-center border-2 border-golden/[0.6] hover:border-golden dark:border-neutral-600 dark:hover:border-golden",
            ),
            (
                "coverImage",
                "absolute mb-0 bottom-0 left-0 w-full h-full object-contain bg-white transition-transform duration-700 group-hover:-translate-y-full z-40",
            ),
            (
                "coverText",
                "absolute inset-0 flex items-center justify-center text-center dark:bg-neutral-800 bg-white transition-transform duration-700 group-hover:-translate-y-full z-40",
            ),
            (
                "coverIconWrapper",
                "bg-white dark:bg-neutral-800 absolute inset-0 w-full h-full object-cover transition-transform duration-700 group-hover:-translate-y-full z-40",
            ),
            (
                "coverIcon",
                "absolute inset-0 w-full h-full object-cover opacity-100 ease-in-out z-40",
            ),
            (
                "image",
                "relative mt-4 w-full h-auto flex shrink mx-auto z-20",
            ),
            (
                "icon",
                "relative sm:mt-4 mb-8 text-[8rem] dark:saturate-[300%] flex shrink-0 mx-auto z-20",
            ),
            (
                "title",
                "title text-xl font-extrabold dark:saturate-[300%] break-words z-20",
            ),
            (
                "subtitle",
                "subtitle text-base font-bold dark:saturate-[180%] mt-3 break-words z-20",
            ),
            (
                "text",
                "text font-light text-[1.1rem] mt-7 break-words z-20",
            ),
        ],
    },
];

/// The cover image of a card that names none, on every layout that draws a cover.
const FALLBACK_COVER: &str = "/images/landing-hero/lh-2.jpeg";

/// The chevron of a `cta` card's button. The OMA site draws `line-md:chevron-right-circle`,
/// which the site's icon set lacks; this is the set's chevron in a circle.
const CTA_CHEVRON: &str = "mdi:chevron-right-circle";

/// `color: inherit` on a card's links in every state, over the site's link colours (`a:hover`,
/// `.dark a`), as the OMA component's scoped style gives them.
const INHERIT_COLOUR: &str =
    "text-inherit hover:text-inherit dark:text-inherit dark:hover:text-inherit";

/// The props a card without `layout` cannot draw.
const LAYOUT_PROPS: &[&str] = &["coverImage", "coverIcon", "coverText", "urlButton"];

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
    #[prop(kind = PropKind::OneOf(LAYOUT_NAMES))]
    layout: Option<String>,
    cover_image: Option<String>,
    cover_icon: Option<Spanned<String>>,
    cover_text: Option<Markdown>,
    #[prop(default = "_self")]
    target: String,
    url_button: Option<String>,
}

fn render(props: &MicroCard, component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    // `layout:` written empty chooses `default` too: only a card without the key keeps the
    // October 2024 tile.
    if component.props.get("layout").is_none() {
        report_layout_props(component, renderer);
        return render_october(props, component, renderer);
    }
    let name = props.layout.as_deref().unwrap_or("default");
    let layout = LAYOUTS
        .iter()
        .find(|layout| layout.name == name)
        .unwrap_or(&LAYOUTS[0]);
    render_layout(props, layout, component, renderer)
}

/// Reports the props that only a card with a `layout` draws, written on one without.
fn report_layout_props(component: &Use<'_>, renderer: &mut Renderer<'_>) {
    for name in LAYOUT_PROPS {
        if component.props.get(name).is_some() {
            let span = component.props.key_span(name);
            value_error(
                renderer,
                span,
                format!("`{name}` is drawn only by a card with a `layout`"),
            )
            .help = Some("add `layout: default`, or another layout".into());
        }
    }
}

/// The `target` and `rel` of a card's link to `href`, as NuxtLink writes them: an internal
/// link shows its target unless it is `_self`; an external one (or one without `href`) always.
fn link_target<'a>(href: &str, target: &'a str) -> (Option<&'a str>, Option<&'static str>) {
    let shown = (href.is_empty() || is_external(href) || target != "_self")
        .then_some(target)
        .filter(|target| !target.is_empty());
    (shown, link_rel(href, shown))
}

/// The icon of the copy button over a `clipboard` card, which the enhancement script makes
/// copy the card's title; nothing for another card.
fn copy_icon(renderer: &mut Renderer<'_>, clipboard: bool) -> Markup {
    if !clipboard {
        return PreEscaped(String::new());
    }
    renderer.enhanced = true;
    component_icon(
        renderer,
        "line-md:clipboard-arrow",
        "text-5xl text-black",
        None,
    )
}

/// The card as the October 2024 component drew it: a tile holding the link, with the
/// top-level `ui` keys.
fn render_october(props: &MicroCard, component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
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
    let target =
        Some(props.target.as_str()).filter(|target| !target.is_empty() && *target != "_self");
    let rel = link_rel(href, target);
    let copy_icon = copy_icon(renderer, clipboard);
    let prop_icon = prop_icon(
        renderer,
        &props.icon,
        ui.get("icon"),
        props.alt_icon.as_deref(),
    );
    html! {
        div class=(ui.get("wrapper")) {
            a href=(href) target=[target] rel=[rel] class="not-prose" {
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
                            button type="button" aria-label="Copy the title" data-copy-title { (copy_icon) }
                        }
                    }
                }
            }
        }
    }
}

/// The classes of a card's layout: its defaults with the card's `ui.<layout>` overrides.
struct LayoutClasses<'a> {
    layout: &'static Layout,
    overrides: Option<&'a Value>,
}

impl LayoutClasses<'_> {
    /// The classes of `key`; an override of a key the layout lacks is used as written.
    fn get(&self, key: &str) -> String {
        let default = self
            .layout
            .ui
            .iter()
            .find(|(name, _)| *name == key)
            .map_or("", |(_, classes)| classes);
        let authored = self
            .overrides
            .and_then(|overrides| overrides.get(key))
            .and_then(Value::as_str)
            .map_or("", str::trim);
        // Nuxt UI never merges the keys under `default`: an override there replaces them.
        if self.layout.name == "default" && !authored.is_empty() {
            return authored.to_string();
        }
        merge(default, authored)
    }
}

/// The cover over a card: an image (the fallback when none is named), an icon or a text, each
/// only when the other two are absent; `flat` has none.
fn cover(
    props: &MicroCard,
    layout: &Layout,
    ui: &LayoutClasses<'_>,
    renderer: &mut Renderer<'_>,
) -> Option<Markup> {
    if layout.name == "flat" {
        return None;
    }
    match (&props.cover_image, &props.cover_icon, &props.cover_text) {
        (_, None, None) => {
            let src = props.cover_image.as_deref().unwrap_or(FALLBACK_COVER);
            Some(html! { img class=(ui.get("coverImage")) src=(src) alt=""; })
        }
        (None, Some(_), None) => {
            let icon = prop_icon(renderer, &props.cover_icon, &ui.get("coverIcon"), None);
            Some(html! {
                div class=(ui.get("coverIconWrapper")) { @if let Some(icon) = icon { (icon) } }
            })
        }
        (None, None, Some(_)) => {
            let text = markdown_div(renderer, &props.cover_text, "px-4");
            Some(html! { div class=(ui.get("coverText")) { (text) } })
        }
        _ => None,
    }
}

/// The card as the OMA site draws it now, with the classes of `layout`.
fn render_layout(
    props: &MicroCard,
    layout: &'static Layout,
    component: &Use<'_>,
    renderer: &mut Renderer<'_>,
) -> Markup {
    let ui = LayoutClasses {
        layout,
        overrides: component.props.get("ui").and_then(|ui| ui.get(layout.name)),
    };
    let cta = layout.name == "cta";
    let fade = "transition-opacity duration-300";
    let underline = ui.get("underline");
    // One line is underlined: the subtitle, or the title when there is none.
    let title_class = classes(&[
        &ui.get("title"),
        if props.subtitle.is_none() {
            &underline
        } else {
            ""
        },
        fade,
        if props.clipboard {
            "group-hover:text-transparent"
        } else {
            ""
        },
    ]);
    let title = markdown_div(renderer, &props.title, &title_class);
    let subtitle_class = classes(&[&ui.get("subtitle"), &underline, fade]);
    let subtitle = markdown_div(renderer, &props.subtitle, &subtitle_class);
    let text = markdown_div(renderer, &props.text, &classes(&[&ui.get("text"), fade]));
    let cover = cover(props, layout, &ui, renderer);
    let copy_icon = copy_icon(renderer, props.clipboard);
    let icon_markup = prop_icon(
        renderer,
        &props.icon,
        &ui.get("icon"),
        props.alt_icon.as_deref(),
    );
    let image_class = ui.get("image");
    let button = cta.then(|| {
        let href = props.url_button.as_deref().unwrap_or("");
        let (target, rel) = link_target(href, &props.target);
        html! {
            div class="flex justify-start" {
                a class=(classes(&["inline-block", INHERIT_COLOUR])) href=[non_empty(href)] target=[target] rel=[rel] aria-label="Read more" {
                    (icon(CTA_CHEVRON, &ui.get("button"), None))
                }
            }
        }
    });
    let content = html! {
        div {
            div class="relative group" {
                @if let Some(src) = &props.url_image {
                    img src=(src) alt=(props.alt_image) class=[non_empty(&image_class)];
                }
                @if let Some(icon) = icon_markup { (icon) }
                div class="relative" {
                    (title) (subtitle) (text)
                    @if let Some(button) = button { (button) }
                }
                @if props.clipboard {
                    div class="absolute inset-0 flex items-start justify-center opacity-0 group-hover:opacity-100 group-hover:cursor-pointer transition-opacity duration-300" {
                        button type="button" aria-label="Copy the title" data-copy-title { (copy_icon) }
                    }
                }
            }
        }
    };
    let wrapper = ui.get("wrapper");
    if cta {
        return html! {
            div class=(classes(&["not-prose", &wrapper])) { @if let Some(cover) = cover { (cover) } (content) }
        };
    }
    let href = props.url_wrapper.as_str();
    let (target, rel) = link_target(href, &props.target);
    html! {
        a href=[non_empty(href)] target=[target] rel=[rel] class=(classes(&["not-prose", INHERIT_COLOUR, &wrapper])) {
            @if let Some(cover) = cover { (cover) }
            (content)
        }
    }
}
