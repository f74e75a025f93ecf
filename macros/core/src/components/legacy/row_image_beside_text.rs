//! `RowImageText` and `RowTextImage`: an image and a text column side by side, the first of
//! them `cols`/12 wide; the two differ only in which column comes first.

use crate::components::props::{PropKind, PropSpec, prop, prop_or};
use crate::components::{ComponentSpec, Use, classes};
use crate::render::Renderer;
use maud::{Markup, html};

const PROPS: &[PropSpec] = &[
    prop("text", PropKind::Markdown),
    prop("image", PropKind::Text),
    prop_or("cols", PropKind::Number(1, 12), "6"),
    prop("status", PropKind::Text),
    prop("title", PropKind::Text),
];

/// `RowImageText`: the image first.
pub(super) static IMAGE_TEXT: ComponentSpec = ComponentSpec {
    name: "RowImageText",
    props: PROPS,
    ui: &[],
    render: |module, renderer| render(module, renderer, Order::ImageFirst),
};

/// `RowTextImage`: the text first.
pub(super) static TEXT_IMAGE: ComponentSpec = ComponentSpec {
    name: "RowTextImage",
    props: PROPS,
    ui: &[],
    render: |module, renderer| render(module, renderer, Order::TextFirst),
};

/// Which column comes first, `cols`/12 wide; the other takes the rest of the row.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Order {
    ImageFirst,
    TextFirst,
}

fn render(module: &Use<'_>, renderer: &mut Renderer<'_>, order: Order) -> Markup {
    let props = &module.props;
    let cols = format!("col-{}", props.number("cols").unwrap_or(6));
    let text = module.markdown(renderer, "text");
    let status = props.text("status").unwrap_or_default();
    let image = html! { @if let Some(src) = props.text("image") { img src=(src) alt=""; } };
    let text = html! { div class="pt-3" { @if let Some(text) = text { (text) } } };
    let (wrapper, [(first_class, first), (second_class, second)]) = match order {
        Order::ImageFirst => ("row-image-text", [("image-col", image), ("text-col", text)]),
        Order::TextFirst => ("row-text-image", [("text-col", text), ("image-col", image)]),
    };
    html! {
        div class=(wrapper) {
            div class=(classes(&["row", &status])) {
                div class=(classes(&[&cols, first_class])) { (first) }
                div class=(classes(&["col", second_class])) { (second) }
            }
        }
    }
}
