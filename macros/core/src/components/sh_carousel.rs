//! `::ShCarousel`, in two forms: the October 2024 site's, whose slides are its `items` (images,
//! or components), and today's, which pages through the blocks of its own body `slides` at a
//! time. Either way the track scrolls sideways with CSS scroll snapping, so that every slide is
//! reachable without JavaScript; the enhancement script adds the arrows or the dots, and autoplay
//! (paused on hover and focus, and off when the visitor prefers reduced motion).

use super::props::{Markdown, PropKind, ReadProps, Spanned, value_error};
use super::ui::{Ui, UiDefaults};
use super::{ComponentSpec, Use, classes, markdown_div, non_empty};
use crate::icons::icon;
use crate::render::Renderer;
use crate::tree::{Node, NodeKind};
use maud::{Markup, html};
use serde_json::Value;
use site_props::Props;

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShCarousel",
    props: Carousel::PROPS,
    ui: &[
        (
            "wrapper",
            // The OMA site's `border-oma-gray-50` named no colour: the border had the default
            // grey, written here as such.
            "relative flex items-center w-full mt-10 overflow-hidden bg-gray-50 rounded-2xl border-2 border-gray-200 shadow-2xl",
        ),
        (
            "title",
            "text-3xl font-bold text-center dark:text-gray-100 text-[#1F2329]",
        ),
        ("subtitle", "text-2xl text-center dark:text-gray-300 -mt-5"),
        (
            "inner",
            "flex transition-transform duration-500 ease-in-out",
        ),
        ("image", "w-full h-auto max-h-[500px] object-cover"),
        ("indicators", "mt-6 w-full text-center"),
        (
            "icon",
            "hover:scale-125 duration-300 dark:text-gray-300 dark:hover:text-gray-100",
        ),
    ],
    render: |used, renderer| render(&Carousel::read(&used.props), used, renderer),
};

#[derive(Props)]
#[props(ui)]
struct Carousel {
    title: Option<Markdown>,
    subtitle: Option<Markdown>,
    // `{urlImage, altImage}` or `{component, props, slotContent}` per slide.
    items: Spanned<Vec<Value>>,
    // Milliseconds between slides when playing by itself (the OMA site's 3 s); 0 stops it.
    #[prop(kind = PropKind::Number(0, 600_000), default = "3000")]
    interval: Option<i64>,
    // The body form's: blocks per group, seconds between groups (0 or less: no autoplay), and
    // whether dots choose the group.
    #[prop(kind = PropKind::Number(1, 12), default = "1")]
    slides: Option<i64>,
    #[prop(kind = PropKind::Number(-600, 600), default = "2")]
    timer: Option<i64>,
    #[prop(default = "true")]
    navigation_visible: bool,
}

/// The body form's classes, today's OMA site's: keys of their own, none shared with `SPEC.ui`.
static GROUPS_UI: UiDefaults = &[
    ("wrapper", "relative w-full"),
    (
        "title",
        "title text-center text-[24px] font-extrabold dark:saturate-[300%] break-words",
    ),
    (
        "subtitle",
        "subtitle text-center text-[20px] font-bold dark:saturate-[180%] -mt-5 break-words",
    ),
    ("inner", "overflow-hidden"),
    (
        "navigation.wrapper",
        "absolute left-1/2 transform -translate-x-1/2 flex gap-2 mt-2 bottom-[-1.5rem]",
    ),
    ("navigation.inner", "w-3 h-3 rounded-full"),
    ("navigation.active", "bg-golden saturate-[300%]"),
    ("navigation.inactive", "bg-gray-500"),
];

/// One slide: an image, or a component written as MDC and rendered like any other.
fn slide(item: &Value, component: &Use<'_>, renderer: &mut Renderer<'_>) -> Option<Markup> {
    let text = |key: &str| item.get(key).and_then(crate::load::data::value_text);
    if let Some(name) = text("component") {
        let mut mdc = format!("::{name}\n");
        if let Some(props) = item.get("props").filter(|p| p.is_object()) {
            let yaml = serde_yaml::to_string(props).unwrap_or_default();
            mdc.push_str(&format!("---\n{yaml}---\n"));
        }
        if let Some(slot) = text("slotContent") {
            mdc.push_str(&slot);
            mdc.push('\n');
        }
        mdc.push_str("::\n");
        return Some(renderer.markdown(&mdc, component.props.span));
    }
    let src = text("urlImage")?;
    let alt = text("altImage").unwrap_or_default();
    Some(html! { img class=[non_empty(component.ui.get("image"))] src=(src) alt=(alt); })
}

/// The body form when the carousel has no `items` and a body; otherwise the `items` form (also
/// for an empty carousel, as before the body form existed).
fn render(props: &Carousel, component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let blocks: Vec<&Node> = component
        .children
        .iter()
        .filter(|node| !matches!(node.kind, NodeKind::Slot { .. }))
        .collect();
    if props.items.value.is_empty() && !blocks.is_empty() {
        render_groups(props, component, &blocks, renderer)
    } else {
        render_items(props, component, renderer)
    }
}

fn render_items(props: &Carousel, component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let ui = &component.ui;
    let mut slides = Vec::with_capacity(props.items.value.len());
    for item in &props.items.value {
        match slide(item, component, renderer) {
            Some(markup) => slides.push(markup),
            None => {
                value_error(
                    renderer,
                    props.items.span,
                    "each item of `items` needs `urlImage` or `component`",
                )
                .help = Some(
                    "write `- urlImage: /images/…` (and `altImage:`), or `- component: ShCard` with `props:`".into(),
                );
            }
        }
    }
    // Markdown props render even when empty, as on the OMA site.
    let title = props.title.as_ref().map(|title| title.render(renderer));
    let subtitle = props
        .subtitle
        .as_ref()
        .map(|subtitle| subtitle.render(renderer));
    if slides.len() > 1 {
        renderer.enhanced = true;
    }
    let id = format!("carousel-{}", component.props.span.start);
    let count = slides.len();
    let interval = props.interval.unwrap_or(0);
    let arrow = |name: &str| icon(name, ui.get("icon"), None);
    html! {
        div class=[non_empty(ui.get("wrapper"))] data-carousel data-autoplay=(interval) role="region" aria-roledescription="carousel" aria-label="Carousel" {
            div class="w-full min-w-0 p-6 sm:p-16" {
                div class=[non_empty(ui.get("title"))] { @if let Some(title) = title { (title) } }
                div class=[non_empty(ui.get("subtitle"))] { @if let Some(subtitle) = subtitle { (subtitle) } }
                div class=(classes(&[ui.get("inner"), "overflow-x-auto snap-x snap-mandatory"])) data-carousel-track tabindex="0" {
                    @for (index, slide) in slides.into_iter().enumerate() {
                        div class="min-w-full snap-start" id=(format!("{id}-{}", index + 1)) data-carousel-slide role="group" aria-roledescription="slide" aria-label=(format!("{} of {count}", index + 1)) {
                            (slide)
                        }
                    }
                }
                @if count > 1 {
                    div class=[non_empty(ui.get("indicators"))] {
                        @for index in 0..count {
                            a class=(if index == 0 { "indicator active" } else { "indicator" }) href=(format!("#{id}-{}", index + 1)) data-carousel-dot aria-label=(format!("Slide {}", index + 1)) {}
                        }
                    }
                }
            }
            @if count > 1 {
                button type="button" class="absolute top-1/2 left-2 -translate-y-1/2 text-4xl cursor-pointer" data-carousel-prev hidden aria-label="Previous slide" {
                    (arrow("mdi:chevron-left-circle"))
                }
                button type="button" class="absolute top-1/2 right-2 -translate-y-1/2 text-4xl cursor-pointer" data-carousel-next hidden aria-label="Next slide" {
                    (arrow("mdi:chevron-right-circle"))
                }
            }
        }
    }
}

/// The body form: each block of the body is a slide, `slides` of them to a group, a group to a
/// view. The OMA site moves its track with a transform and sizes it `w-[N00%]`, a class its
/// Tailwind never generated (it is built at run time): here the track is as wide as the view,
/// as it was there in effect, and it scrolls, so that its groups are reachable without the
/// script. With the `w-[N00%]` width each group, `w-full` of the track, would be N views wide
/// and its slides off-centre.
fn render_groups(
    props: &Carousel,
    component: &Use<'_>,
    blocks: &[&Node],
    renderer: &mut Renderer<'_>,
) -> Markup {
    let ui = Ui::resolve(GROUPS_UI, component.props.get("ui"), None);
    let per_group = props
        .slides
        .and_then(|slides| usize::try_from(slides).ok())
        .unwrap_or(1)
        .max(1);
    let slide_class = if per_group == 1 {
        "w-full max-w-md"
    } else {
        "w-full max-w-sm"
    };
    let title = markdown_div(renderer, &props.title, ui.get("title"));
    let subtitle = markdown_div(renderer, &props.subtitle, ui.get("subtitle"));
    let groups: Vec<Vec<Markup>> = blocks
        .chunks(per_group)
        .map(|group| {
            group
                .iter()
                .map(|block| renderer.nodes(std::slice::from_ref(*block)))
                .collect()
        })
        .collect();
    let count = groups.len();
    if count > 1 {
        renderer.enhanced = true;
    }
    let autoplay = props.timer.filter(|seconds| *seconds > 0).unwrap_or(0) * 1000;
    // A lone dot would choose nothing.
    let dots = props.navigation_visible && count > 1;
    let (active, inactive) = (ui.get("navigation.active"), ui.get("navigation.inactive"));
    html! {
        div class=[non_empty(ui.get("wrapper"))] data-carousel data-autoplay=(autoplay) role="region" aria-roledescription="carousel" aria-label="Carousel" {
            @if props.title.is_some() { div { (title) } }
            @if props.subtitle.is_some() { div { (subtitle) } }
            div class=[non_empty(ui.get("inner"))] {
                div class="flex overflow-x-auto snap-x snap-mandatory" data-carousel-track tabindex="0" {
                    @for (index, group) in groups.into_iter().enumerate() {
                        div class="w-full flex shrink-0 justify-center gap-4 px-4 snap-start" data-carousel-slide role="group" aria-roledescription="slide" aria-label=(format!("{} of {count}", index + 1)) {
                            @for slide in group { div class=(slide_class) { (slide) } }
                        }
                    }
                }
            }
            // Hidden until the script, which alone makes the dots work, shows them.
            @if dots {
                div class=[non_empty(ui.get("navigation.wrapper"))] data-carousel-navigation data-active=(active) data-inactive=(inactive) hidden {
                    @for index in 0..count {
                        button type="button" class=(classes(&[ui.get("navigation.inner"), if index == 0 { active } else { inactive }])) data-carousel-dot aria-label=(format!("Group {}", index + 1)) aria-current=[(index == 0).then_some("true")] {}
                    }
                }
            }
        }
    }
}
