//! `RowText`: one text column.

use crate::components::props::{Markdown, ReadProps};
use crate::components::{ComponentSpec, classes};
use crate::render::Renderer;
use maud::{Markup, html};
use site_props::Props;

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "RowText",
    props: Text::PROPS,
    ui: &[],
    render: |used, renderer| render(&Text::read(&used.props), renderer),
};

#[derive(Props)]
struct Text {
    text: Option<Markdown>,
    status: String,
}

fn render(props: &Text, renderer: &mut Renderer<'_>) -> Markup {
    let text = props.text.as_ref().map(|text| text.render(renderer));
    html! {
        div class="row-text" {
            div class=(classes(&["row", &props.status])) {
                div class="col text-col" { div class="pt-3" { @if let Some(text) = text { (text) } } }
            }
        }
    }
}
