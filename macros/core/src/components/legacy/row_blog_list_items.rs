//! `RowBlogListItems`: the pages of a folder (the blog) as cards with author, date and a link.

use super::{card_heading, folder_pages};
use crate::components::props::{PropKind, prop};
use crate::components::sh_list_cards::tags_attribute;
use crate::components::{ComponentSpec, Use};
use crate::render::Renderer;
use maud::{Markup, html};

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "RowBlogListItems",
    props: &[
        // The folder whose pages are listed; the page's own route when absent.
        prop("folder", PropKind::Text),
    ],
    ui: &[],
    render,
};

fn render(module: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let props = &module.props;
    let folder = props
        .text("folder")
        .unwrap_or_else(|| super::current_route(renderer));
    let items = folder_pages(renderer, props, &folder);
    html! {
        div class="row-blog-list-items" {
            @for item in &items {
                div class="card mb-3" data-card-tags=(tags_attribute(item)) {
                    div class="card-body" {
                        (card_heading(item))
                        p class="blog-meta" {
                            @if let Some(by) = item.text("by") { "By: " (by) " " }
                            @if let Some(author) = item.text("author") { "Author: " (author) " " }
                            @if let Some(date) = item.text("date") { "Date: " (date) }
                        }
                        a href=(item.route) { "Read more ..." }
                    }
                }
            }
        }
    }
}
