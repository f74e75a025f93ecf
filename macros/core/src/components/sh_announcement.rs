//! `::ShAnnouncement`: a banner its reader can dismiss, without script: a hidden checkbox the
//! close button (its label) ticks, and `peer-checked:hidden` on the banner.

use super::props::ReadProps;
use super::{ComponentSpec, Use, classes, non_empty};
use crate::icons::icon;
use crate::render::Renderer;
use maud::{Markup, html};
use site_props::Props;

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShAnnouncement",
    props: Announcement::PROPS,
    ui: &[
        (
            "wrapper",
            "relative my-4 rounded-xl border border-oma-blue-200 bg-oma-blue-50 px-4 py-3 dark:border-neutral-600 dark:bg-neutral-800",
        ),
        ("base", "flex items-center gap-4"),
        ("content", "grow"),
        (
            "button",
            "shrink-0 cursor-pointer rounded-md p-1 hover:bg-oma-blue-100 dark:hover:bg-neutral-700",
        ),
        ("icon", "size-6"),
    ],
    render,
};

/// Only `ui`.
#[derive(Props)]
#[props(ui)]
struct Announcement {}

fn render(component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let ui = &component.ui;
    // One id per use: the component's place in the file.
    let id = format!("sh-announcement-{}", component.props.span.start);
    let body = component.slot(renderer);
    html! {
        div {
            input type="checkbox" id=(id) class="peer sr-only" aria-label="Dismiss the announcement";
            div class=(classes(&[ui.get("wrapper"), "peer-checked:hidden"])) role="status" {
                div class=[non_empty(ui.get("base"))] {
                    div class=[non_empty(ui.get("content"))] { (body) }
                    label for=(id) class=[non_empty(ui.get("button"))] title="Dismiss" {
                        (icon("line-md:close-small", ui.get("icon"), Some("Dismiss")))
                    }
                }
            }
        }
    }
}
