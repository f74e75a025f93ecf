//! `::ShCarousel`: a row of slides (images, or components) that scrolls sideways with CSS
//! scroll snapping, so it works without JavaScript; the enhancement script adds the arrows and
//! autoplay (paused on hover and focus, and off when the visitor prefers reduced motion).

use super::props::{Markdown, PropKind, ReadProps, Spanned, value_error};
use super::{ComponentSpec, Use, classes, non_empty};
use crate::icons::icon;
use crate::render::Renderer;
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
}

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

fn render(props: &Carousel, component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
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
