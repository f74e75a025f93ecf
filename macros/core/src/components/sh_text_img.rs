//! `::ShTextImg`: a bordered card with an image on one side and markdown text on the other.

use super::props::{PropKind, prop, prop_or};
use super::{ComponentSpec, UI, Use, classes};
use crate::render::Renderer;
use maud::{Markup, html};

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShTextImg",
    props: &[
        prop("urlImage", PropKind::Text),
        prop("altImage", PropKind::Text),
        prop("title", PropKind::Markdown),
        prop("subtitle", PropKind::Markdown),
        prop("text", PropKind::Markdown),
        prop_or("positionText", PropKind::OneOf(&["left", "right"]), "right"),
        prop_or("spanText", PropKind::OneOf(&["s", "m", "l"]), "m"),
        prop_or(
            "alignText",
            PropKind::OneOf(&["left", "center", "right"]),
            "center",
        ),
        prop("status", PropKind::Text),
        UI,
    ],
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
    render,
};

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

fn render(component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let props = &component.props;
    let ui = &component.ui;
    let align = align(&props.text("alignText").unwrap_or_default());
    let title = component.markdown_div(renderer, "title", ui.get("title"));
    let subtitle = component.markdown_div(renderer, "subtitle", ui.get("subtitle"));
    let Some(src) = props.text("urlImage") else {
        let text = component.markdown_div(
            renderer,
            "text",
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
    let text = component.markdown_div(renderer, "text", ui.get("text"));
    let position = props.text("positionText").unwrap_or_default();
    let (image_place, text_place) = layout(&position, &props.text("spanText").unwrap_or_default());
    html! {
        div class=(ui.get("wrapper")) {
            div class="lg:grid lg:grid-cols-4 lg:grid-rows-1 lg:grid-flow-col lg:gap-8 items-center" {
                img src=(src) alt=(props.text("altImage").unwrap_or_default()) class=(classes(&[image_place, ui.get("image")]));
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
