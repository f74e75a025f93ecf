//! `::ShImgContainer`: an image with a caption, in a figure on a light panel.

use super::props::{Markdown, ReadProps};
use super::{ComponentSpec, Use, non_empty};
use crate::render::Renderer;
use maud::{Markup, html};
use site_props::Props;

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShImgContainer",
    props: ImgContainer::PROPS,
    ui: &[
        ("wrapper", "flex-row"),
        (
            "inner",
            "bg-white dark:bg-black pt-3 pb-3 mx-4 md:mx-32 rounded-lg",
        ),
        (
            "base",
            "dark:invert flex flex-col justify-center items-center m-4",
        ),
        ("image", "max-w-full h-auto"),
        ("figcaption", "mt-2 text-sm text-center text-gray-600"),
    ],
    render: |used, renderer| render(&ImgContainer::read(&used.props), used, renderer),
};

#[derive(Props)]
#[props(ui)]
struct ImgContainer {
    url_image: Option<String>,
    alt_image: String,
    figcaption: Option<Markdown>,
}

fn render(props: &ImgContainer, component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let ui = &component.ui;
    let caption = props
        .figcaption
        .as_ref()
        .map(|caption| caption.render(renderer));
    html! {
        div class=[non_empty(ui.get("wrapper"))] {
            div class=[non_empty(ui.get("inner"))] {
                figure class=[non_empty(ui.get("base"))] {
                    @if let Some(src) = &props.url_image {
                        img class=[non_empty(ui.get("image"))] src=(src) alt=(props.alt_image);
                    }
                    @if let Some(caption) = caption {
                        figcaption class=[non_empty(ui.get("figcaption"))] { (caption) }
                    }
                }
            }
        }
    }
}
