//! `RowImageText`: an image column of `cols`/12 beside a text column.

use crate::components::props::{PropKind, prop, prop_or};
use crate::components::{ComponentSpec, Use, classes};
use crate::render::Renderer;
use maud::{Markup, html};

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "RowImageText",
    props: &[
        prop("text", PropKind::Markdown),
        prop("image", PropKind::Text),
        prop_or("cols", PropKind::Number(1, 12), "6"),
        prop("status", PropKind::Text),
        prop("title", PropKind::Text),
    ],
    ui: &[],
    render,
};

fn render(module: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let props = &module.props;
    let cols = format!("col-{}", props.number("cols").unwrap_or(6));
    let text = props
        .text("text")
        .map(|text| renderer.markdown(&text, props.span));
    let status = props.text("status").unwrap_or_default();
    html! {
        div class="row-image-text" {
            div class=(classes(&["row", &status])) {
                div class=(classes(&[&cols, "image-col"])) {
                    @if let Some(src) = props.text("image") { img src=(src) alt=""; }
                }
                div class="col text-col" { div class="pt-3" { @if let Some(text) = text { (text) } } }
            }
        }
    }
}
