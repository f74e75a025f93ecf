//! `RowImage`: one image; `status` classes the outer element.

use crate::components::props::ReadProps;
use crate::components::{ComponentSpec, classes};
use crate::render::Renderer;
use maud::{Markup, html};
use site_props::Props;

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "RowImage",
    props: Image::PROPS,
    ui: &[],
    render: |used, renderer| render(&Image::read(&used.props), renderer),
};

#[derive(Props)]
struct Image {
    image: Option<String>,
    title: String,
    status: String,
}

fn render(props: &Image, _: &mut Renderer<'_>) -> Markup {
    html! {
        div class=(classes(&["row-image", &props.status])) {
            div class="row" {
                div class="col" {
                    @if let Some(src) = &props.image {
                        img src=(src) alt=(props.title);
                    }
                }
            }
        }
    }
}
