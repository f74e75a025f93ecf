//! `RowDocumentHeader`: a news article's header (image, title, subtitle, author and date),
//! from the page's own front matter unless the module gives them.

use crate::components::props::{PropKind, prop};
use crate::components::{ComponentSpec, Use};
use crate::load::data::value_text;
use crate::render::Renderer;
use maud::{Markup, html};

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "RowDocumentHeader",
    props: &[
        prop("image", PropKind::Text),
        prop("title", PropKind::Text),
        prop("subtitle", PropKind::Text),
        prop("by", PropKind::Text),
        prop("date", PropKind::Text),
    ],
    ui: &[],
    render,
};

fn render(module: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let field = |key: &str| {
        module
            .props
            .text(key)
            .or_else(|| renderer.front_matter.get(key).and_then(value_text))
    };
    let [image, title, subtitle, by, date] =
        ["image", "title", "subtitle", "by", "date"].map(field);
    let byline: Vec<String> = [by.map(|by| format!("By: {by}")), date]
        .into_iter()
        .flatten()
        .collect();
    html! {
        div class="row-document-header" {
            div class="row" {
                div class="col text-center" {
                    @if let Some(image) = image { img class="document-header-image" src=(image) alt=""; }
                    @if let Some(title) = title { h1 class="display-5" { (title) } }
                    @if let Some(subtitle) = subtitle { h2 class="lead" { span class="font-italic" { (subtitle) } } }
                    @if !byline.is_empty() { p class="document-header-by" { (byline.join(" | ")) } }
                }
            }
        }
    }
}
