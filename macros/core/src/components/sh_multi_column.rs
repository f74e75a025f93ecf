//! `::ShMultiColumn`: a responsive grid, one column on phones, two from `md`, `cols` from `2xl`.

use super::props::{PropKind, prop_or};
use super::{CLASS, ComponentSpec, UI, Use, classes};
use crate::render::Renderer;
use maud::{Markup, html};

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShMultiColumn",
    props: &[
        prop_or("cols", PropKind::Number(0, 12), "3"),
        prop_or("gap", PropKind::Text, "gap-4"),
        CLASS,
        UI,
    ],
    ui: &[("wrapper", "rounded-2xl p-5")],
    render,
};

fn render(component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let columns = match component.props.number("cols") {
        Some(0) => "2xl:grid-cols-none".to_string(),
        Some(n @ 1..=12) => format!("2xl:grid-cols-{n}"),
        _ => String::new(),
    };
    let gap = component.props.text("gap").unwrap_or_default();
    let grid = classes(&[
        "grid grid-cols-1 sm:grid-cols-1 md:grid-cols-2 lg:grid-cols-2",
        &columns,
        &gap,
    ]);
    let body = component.slot(renderer);
    html! {
        div class=(component.ui.get("wrapper")) {
            div class=(grid) { (body) }
        }
    }
}
