//! `::ShTextImg`: a bordered card with an image on one side and markdown text on the other.

use super::props::{Markdown, PropKind, ReadProps};
use super::{ComponentSpec, Use, classes, markdown_div};
use crate::render::Renderer;
use maud::{Markup, html};
use site_props::Props;

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShTextImg",
    props: TextImg::PROPS,
    ui: &[
        (
            "wrapper",
            "bg-gray-50 dark:bg-inherit border-2 border-neutral-200 dark:border-neutral-500 rounded-2xl shadow-2xl p-5",
        ),
        ("title", "font-bold text-3xl dark:text-white"),
        (
            "subtitle",
            "font-semibold text-2xl mt-2 mb-6 dark:text-neutral-400",
        ),
        ("text", "not-prose"),
        ("image", "mx-auto rounded-xl mb-12"),
    ],
    render: |used, renderer| render(&TextImg::read(&used.props), used, renderer),
};

#[derive(Props)]
#[props(ui)]
struct TextImg {
    url_image: Option<String>,
    alt_image: String,
    title: Option<Markdown>,
    subtitle: Option<Markdown>,
    text: Option<Markdown>,
    #[prop(kind = PropKind::OneOf(&["left", "right"]), default = "right")]
    position_text: String,
    #[prop(kind = PropKind::OneOf(&["s", "m", "l"]), default = "m")]
    span_text: String,
    #[prop(kind = PropKind::OneOf(&["left", "center", "right"]), default = "center")]
    align_text: String,
    // Declared for the checks and the guide; not rendered.
    #[allow(dead_code)]
    status: Option<String>,
}

/// Grid placement of the image and the text for a text position and width (of 4 columns).
fn layout(position: &str, span: &str) -> (&'static str, &'static str) {
    match (position, span) {
        ("left", "s") => ("col-start-2 col-span-3", "col-start-1 col-span-1"),
        ("left", "l") => ("col-start-4 col-span-1", "col-start-1 col-span-3"),
        ("left", _) => ("col-span-2", "col-start-1 col-span-2"),
        ("right", "s") => ("col-start-1 col-span-3", "col-start-4 col-span-1"),
        ("right", "l") => ("col-start-1 col-span-1", "col-start-2 col-span-3"),
        ("right", _) => ("col-start-1 col-span-2", "col-start-3 col-span-2"),
        (_, "s") => ("", "col-start-3 col-span-1"),
        (_, "l") => ("", "col-start-3 col-span-3"),
        _ => ("", "col-start-3 col-span-2"),
    }
}

fn align(value: &str) -> &'static str {
    match value {
        "left" => "text-left",
        "right" => "text-right",
        _ => "text-center",
    }
}

fn render(props: &TextImg, component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let ui = &component.ui;
    let align = align(&props.align_text);
    let title = markdown_div(renderer, &props.title, ui.get("title"));
    let subtitle = markdown_div(renderer, &props.subtitle, ui.get("subtitle"));
    let Some(src) = &props.url_image else {
        let text = markdown_div(
            renderer,
            &props.text,
            &classes(&[ui.get("text"), "items-center"]),
        );
        return html! {
            div class=(ui.get("wrapper")) {
                div class="grid grid-cols-1 grid-rows-1" {
                    div class=(align) { (title) (subtitle) (text) }
                }
            }
        };
    };
    let text = markdown_div(renderer, &props.text, ui.get("text"));
    let (image_place, text_place) = layout(&props.position_text, &props.span_text);
    html! {
        div class=(ui.get("wrapper")) {
            div class="lg:grid lg:grid-cols-4 lg:grid-rows-1 lg:grid-flow-col lg:gap-8 items-center" {
                img src=(src) alt=(props.alt_image) class=(classes(&[image_place, ui.get("image")]));
                div class=(classes(&[text_place, align])) { (title) (subtitle) (text) }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layouts_of_the_seed_pages() {
        assert_eq!(
            layout("right", "m"),
            ("col-start-1 col-span-2", "col-start-3 col-span-2")
        );
        assert_eq!(
            layout("left", "m"),
            ("col-span-2", "col-start-1 col-span-2")
        );
        assert_eq!(align("left"), "text-left");
        assert_eq!(align("middle"), "text-center");
    }
}
