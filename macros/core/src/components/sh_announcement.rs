//! `::ShAnnouncement`: a banner its reader can close. The chrome puts one before the header of
//! every page, holding the body of the content's `announcement.md` when it says
//! `visible: true` (`render::page::site_announcement`); written in a page, it holds its own body.
//!
//! Closing needs no script: the close button is the label of a visually hidden checkbox, and
//! the banner hides itself when its checkbox is checked. Nothing is remembered: the banner is
//! back on the next page, as on the OMA site.

use super::icon::component_icon;
use super::props::ReadProps;
use super::{ComponentSpec, Use, classes, non_empty};
use crate::render::Renderer;
use maud::{Markup, html};
use site_props::Props;

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShAnnouncement",
    props: Announcement::PROPS,
    ui: &[
        // `relative` (not the OMA site's): the close button, `absolute right-0`, then sits at
        // the banner's right edge wherever the banner is. Before the header, where the OMA
        // site's sits at the page's, that is the same place.
        ("wrapper", "relative p-1 sm:p-3 z-50"),
        ("base", "flex items-start justify-between"),
        ("content", "content flex-1 text-center text-xl"),
        (
            "button",
            "absolute hover:bg-inherit hover:rounded-lg right-0 hover:scale-125 duration-700 z-50",
        ),
        ("icon", "text-3xl mr-4 text-white"),
    ],
    render,
};

/// Only `ui`.
#[derive(Props)]
#[props(ui)]
struct Announcement {}

fn render(component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let ui = &component.ui;
    let id = component.props.id();
    // One checkbox per banner: named after the banner's id, else its place in the file.
    let checkbox = match &id {
        Some(id) => format!("{id}-close"),
        None => format!("sh-announcement-{}-close", component.props.span.start),
    };
    let body = component.slot(renderer);
    let close = component_icon(
        renderer,
        "line-md:close-small",
        ui.get("icon"),
        Some("Close"),
    );
    // Hidden when its own checkbox is checked: not one in the body (a task list's).
    let closable = "has-[>input:checked]:hidden has-[>input:focus-visible]:outline";
    html! {
        div id=[id] class=(classes(&[ui.get("wrapper"), closable])) role="region" aria-label="Announcement" {
            input type="checkbox" id=(checkbox) class="sr-only" aria-label="Close the announcement";
            div class=[non_empty(ui.get("base"))] {
                div class=[non_empty(ui.get("content"))] { div { (body) } }
                label for=(checkbox) class=[non_empty(ui.get("button"))] title="Close" {
                    (close)
                }
            }
        }
    }
}
