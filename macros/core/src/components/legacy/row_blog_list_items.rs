//! `RowBlogListItems`: the pages of a folder (the blog) as cards with author, date and a link.

use super::{card_heading, folder_pages};
use crate::components::props::ReadProps;
use crate::components::sh_list_cards::tags_attribute;
use crate::components::{ComponentSpec, Use};
use crate::load::route_url;
use crate::render::Renderer;
use maud::{Markup, html};
use site_props::Props;

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "RowBlogListItems",
    props: BlogListItems::PROPS,
    ui: &[],
    render: |used, renderer| render(&BlogListItems::read(&used.props), used, renderer),
};

#[derive(Props)]
struct BlogListItems {
    // The folder whose pages are listed; the page's own route when absent.
    folder: Option<String>,
}

fn render(props: &BlogListItems, module: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let folder = props
        .folder
        .clone()
        .unwrap_or_else(|| super::current_route(renderer));
    let items = folder_pages(renderer, module.props.span, &folder);
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
                        a href=(route_url(&item.route)) { "Read more ..." }
                    }
                }
            }
        }
    }
}
