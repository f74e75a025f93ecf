//! `RowImageText` and `RowTextImage`: an image and a text column side by side, the first of
//! them `cols`/12 wide; the two differ only in which column comes first.

use crate::components::props::{Markdown, PropKind, ReadProps};
use crate::components::{ComponentSpec, Use, classes};
use crate::render::Renderer;
use maud::{Markup, html};
use site_props::Props;

/// The props of both modules.
#[derive(Props)]
struct ImageBesideText {
    text: Option<Markdown>,
    image: Option<String>,
    #[prop(kind = PropKind::Number(1, 12), default = "6")]
    cols: Option<i64>,
    status: String,
    // Declared for the checks and the guide; not rendered.
    #[allow(dead_code)]
    title: Option<String>,
}

/// `RowImageText`: the image first.
pub(super) static IMAGE_TEXT: ComponentSpec = spec("RowImageText", |module, renderer| {
    render(module, renderer, Order::ImageFirst)
});

/// `RowTextImage`: the text first.
pub(super) static TEXT_IMAGE: ComponentSpec = spec("RowTextImage", |module, renderer| {
    render(module, renderer, Order::TextFirst)
});

/// The declaration of the module called `name`, which `render` renders.
const fn spec(
    name: &'static str,
    render: fn(&Use<'_>, &mut Renderer<'_>) -> Markup,
) -> ComponentSpec {
    ComponentSpec {
        name,
        props: ImageBesideText::PROPS,
        ui: &[],
        render,
    }
}

/// Which column comes first, `cols`/12 wide; the other takes the rest of the row.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Order {
    ImageFirst,
    TextFirst,
}

fn render(module: &Use<'_>, renderer: &mut Renderer<'_>, order: Order) -> Markup {
    let props = &ImageBesideText::read(&module.props);
    let cols = format!("col-{}", props.cols.unwrap_or(6));
    let text = props.text.as_ref().map(|text| text.render(renderer));
    let image = html! { @if let Some(src) = &props.image { img src=(src) alt=""; } };
    let text = html! { div class="pt-3" { @if let Some(text) = text { (text) } } };
    let (wrapper, [(first_class, first), (second_class, second)]) = match order {
        Order::ImageFirst => ("row-image-text", [("image-col", image), ("text-col", text)]),
        Order::TextFirst => ("row-text-image", [("text-col", text), ("image-col", image)]),
    };
    html! {
        div class=(wrapper) {
            div class=(classes(&["row", &props.status])) {
                div class=(classes(&[&cols, first_class])) { (first) }
                div class=(classes(&["col", second_class])) { (second) }
            }
        }
    }
}
