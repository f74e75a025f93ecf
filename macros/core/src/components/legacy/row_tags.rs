//! `RowTags`: the tags of a folder's pages (the news or blog index) as `?tag=` links, and a
//! link that clears the choice; the enhancement script filters the page's cards by the tag.

use super::folder_pages;
use crate::components::props::{ReadProps, Spanned};
use crate::components::sh_list_cards::tags_of;
use crate::components::{ComponentSpec, Use};
use crate::load::data::value_text;
use crate::render::Renderer;
use maud::{Markup, html};
use serde_json::Value;
use site_props::Props;

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "RowTags",
    props: Tags::PROPS,
    ui: &[],
    render: |used, renderer| render(&Tags::read(&used.props), used, renderer),
};

#[derive(Props)]
struct Tags {
    // The folder whose pages' tags are listed; the page's own route when absent.
    folder: Option<String>,
    // The tags, when given instead.
    tags: Spanned<Vec<Value>>,
}

fn render(props: &Tags, module: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let mut tags: Vec<String> = props.tags.value.iter().filter_map(value_text).collect();
    if tags.is_empty() {
        let folder = props
            .folder
            .clone()
            .unwrap_or_else(|| super::current_route(renderer));
        for page in folder_pages(renderer, module.props.span, &folder) {
            for tag in tags_of(&page) {
                if !tags.contains(&tag) {
                    tags.push(tag);
                }
            }
        }
    }
    if !tags.is_empty() {
        renderer.enhanced = true;
    }
    html! {
        div class="row-tags" {
            div class="row" {
                div class="col" {
                    h5 class="tags-title" { "Tags" }
                    ul class="tags-list" {
                        @for tag in &tags {
                            li { a href=(format!("?tag={}", percent(tag))) { "#" (tag) } }
                        }
                        li { a href="?" { "Clear" } }
                    }
                }
            }
        }
    }
}

/// `tag` for a query string.
fn percent(tag: &str) -> String {
    percent_encoding::utf8_percent_encode(tag, percent_encoding::NON_ALPHANUMERIC).to_string()
}
