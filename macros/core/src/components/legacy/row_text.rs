//! `RowText`: one text column.

use crate::components::props::{PropKind, prop};
use crate::components::{ComponentSpec, Use, classes};
use crate::render::Renderer;
use maud::{Markup, html};

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "RowText",
    props: &[
        prop("text", PropKind::Markdown),
        prop("status", PropKind::Text),
    ],
    ui: &[],
    render,
};

fn render(module: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let props = &module.props;
    let text = module.markdown(renderer, "text");
    let status = props.text("status").unwrap_or_default();
    html! {
        div class="row-text" {
            div class=(classes(&["row", &status])) {
                div class="col text-col" { div class="pt-3" { @if let Some(text) = text { (text) } } }
            }
        }
    }
}
