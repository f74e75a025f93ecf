//! `::ShMultiColumn`: a responsive grid, one column on phones, two from `md`, `cols` from `2xl`.

use super::props::{PropKind, ReadProps};
use super::{ComponentSpec, Use, classes};
use crate::render::Renderer;
use maud::{Markup, html};
use site_props::Props;

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShMultiColumn",
    props: MultiColumn::PROPS,
    ui: &[("wrapper", "rounded-2xl p-5")],
    render: |used, renderer| render(&MultiColumn::read(&used.props), used, renderer),
};

#[derive(Props)]
#[props(class, ui)]
struct MultiColumn {
    #[prop(kind = PropKind::Number(0, 12), default = "3")]
    cols: Option<i64>,
    #[prop(default = "gap-4")]
    gap: String,
}

fn render(props: &MultiColumn, component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let columns = match props.cols {
        Some(0) => "2xl:grid-cols-none".to_string(),
        Some(n @ 1..=12) => format!("2xl:grid-cols-{n}"),
        _ => String::new(),
    };
    let grid = classes(&[
        "grid grid-cols-1 sm:grid-cols-1 md:grid-cols-2 lg:grid-cols-2",
        &columns,
        &props.gap,
    ]);
    let body = component.slot(renderer);
    html! {
        div class=(component.ui.get("wrapper")) {
            div class=(grid) { (body) }
        }
    }
}
