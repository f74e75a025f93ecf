//! `RowImage`: one image; `status` classes the outer element.

use crate::components::props::{PropKind, prop};
use crate::components::{ComponentSpec, Use, classes};
use crate::render::Renderer;
use maud::{Markup, html};

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "RowImage",
    props: &[
        prop("image", PropKind::Text),
        prop("title", PropKind::Text),
        prop("status", PropKind::Text),
    ],
    ui: &[],
    render,
};

fn render(module: &Use<'_>, _renderer: &mut Renderer<'_>) -> Markup {
    let props = &module.props;
    let status = props.text("status").unwrap_or_default();
    html! {
        div class=(classes(&["row-image", &status])) {
            div class="row" {
                div class="col" {
                    @if let Some(src) = props.text("image") {
                        img src=(src) alt=(props.text("title").unwrap_or_default());
                    }
                }
            }
        }
    }
}
