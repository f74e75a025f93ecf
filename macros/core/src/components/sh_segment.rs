//! `::ShSegment`: a plain block wrapper, typically one cell of `ShTwoColumns`.

use super::props::{PropKind, prop};
use super::{ComponentSpec, UI, Use, non_empty};
use crate::render::Renderer;
use maud::{Markup, html};

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShSegment",
    props: &[
        prop("imageBackground", PropKind::Text),
        prop("imageBackgroundClass", PropKind::Text),
        UI,
    ],
    ui: &[("wrapper", "")],
    render,
};

fn render(component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    // Despite its name, `imageBackgroundClass` holds inline CSS on the OMA site.
    let mut style = Vec::new();
    if let Some(url) = component.props.text("imageBackground") {
        style.push(format!("background: url({url})"));
    }
    style.extend(component.props.text("imageBackgroundClass"));
    let style = style.join("; ");
    let body = component.slot(renderer);
    html! {
        div class=[non_empty(component.ui.get("wrapper"))] style=[non_empty(&style)] { (body) }
    }
}
