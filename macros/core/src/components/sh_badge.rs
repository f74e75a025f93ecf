//! `::ShBadge`: a small pill around inline content.

use super::props::ReadProps;
use super::{ComponentSpec, Use, classes};
use crate::render::Renderer;
use maud::{Markup, html};
use site_props::Props;

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShBadge",
    props: Badge::PROPS,
    ui: &[(
        "wrapper",
        "bg-neutral-200 border-neutral-200 dark:border-gray-700 dark:bg-slate-800 dark:text-gray-300 text-gray-700",
    )],
    render,
};

/// Only `ui`.
#[derive(Props)]
#[props(ui)]
struct Badge {}

fn render(component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let body = component.slot(renderer);
    html! {
        div class=(classes(&[component.ui.get("wrapper"), "w-fit rounded-3xl px-2 py-1"])) { (body) }
    }
}
