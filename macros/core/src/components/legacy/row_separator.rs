//! `RowSeparator`: vertical space between modules, `XS` to `XL`.

use crate::components::ComponentSpec;
use crate::components::props::{PropKind, ReadProps};
use crate::render::Renderer;
use maud::{Markup, html};
use site_props::Props;

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "RowSeparator",
    props: Separator::PROPS,
    ui: &[],
    render: |used, renderer| render(&Separator::read(&used.props), renderer),
};

#[derive(Props)]
struct Separator {
    #[prop(
        kind = PropKind::OneOfIgnoreCase(&["XS", "S", "M", "L", "XL"]),
        default = "M"
    )]
    size: String,
}

fn render(props: &Separator, _: &mut Renderer<'_>) -> Markup {
    let size = props.size.to_ascii_uppercase();
    let class = match size.as_str() {
        "XS" => "extra-small",
        "S" => "small",
        "L" => "large",
        "XL" => "extra-large",
        _ => "medium",
    };
    html! { div class={ "row row-separator " (class) } {} }
}
