//! `RowSeparator`: vertical space between modules, `XS` to `XL`.

use crate::components::props::{PropKind, prop_or};
use crate::components::{ComponentSpec, Use};
use crate::render::Renderer;
use maud::{Markup, html};

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "RowSeparator",
    props: &[prop_or(
        "size",
        PropKind::OneOfIgnoreCase(&["XS", "S", "M", "L", "XL"]),
        "M",
    )],
    ui: &[],
    render,
};

fn render(module: &Use<'_>, _: &mut Renderer<'_>) -> Markup {
    let size = module
        .props
        .text("size")
        .unwrap_or_default()
        .to_ascii_uppercase();
    let class = match size.as_str() {
        "XS" => "extra-small",
        "S" => "small",
        "L" => "large",
        "XL" => "extra-large",
        _ => "medium",
    };
    html! { div class={ "row row-separator " (class) } {} }
}
