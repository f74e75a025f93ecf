//! `RowDocumentHeader`: a news article's header (image, title, subtitle, author and date),
//! from the page's own front matter unless the module gives them.

use crate::components::ComponentSpec;
use crate::components::props::ReadProps;
use crate::load::data::value_text;
use crate::render::Renderer;
use maud::{Markup, html};
use site_props::Props;

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "RowDocumentHeader",
    props: DocumentHeader::PROPS,
    ui: &[],
    render: |used, renderer| render(&DocumentHeader::read(&used.props), renderer),
};

#[derive(Props)]
struct DocumentHeader {
    image: Option<String>,
    title: Option<String>,
    subtitle: Option<String>,
    by: Option<String>,
    date: Option<String>,
}

fn render(props: &DocumentHeader, renderer: &mut Renderer<'_>) -> Markup {
    // Each from the module, else from the page's front matter.
    let [image, title, subtitle, by, date] = [
        (&props.image, "image"),
        (&props.title, "title"),
        (&props.subtitle, "subtitle"),
        (&props.by, "by"),
        (&props.date, "date"),
    ]
    .map(|(value, key)| {
        value
            .clone()
            .or_else(|| renderer.front_matter.get(key).and_then(value_text))
    });
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
