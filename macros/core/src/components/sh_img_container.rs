//! `::ShImgContainer`: an image in a figure on a light panel (inverted in dark mode, for
//! diagrams drawn black on transparent), and a caption under the panel.

use super::props::{Markdown, ReadProps};
use super::{ComponentSpec, Use, markdown_div, non_empty};
use crate::render::Renderer;
use maud::{Markup, html};
use site_props::Props;

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShImgContainer",
    props: ImgContainer::PROPS,
    ui: &[
        ("wrapper", "flex-row"),
        ("inner", "bg-white dark:bg-black pt-3 pb-3 mx-32 rounded-lg"),
        (
            "base",
            "dark:invert flex flex-col justify-center items-center m-4",
        ),
        ("image", ""),
        (
            "figcaption",
            "flex justify-center italic text-neutral-600 dark:text-neutral-400",
        ),
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

/// The caption is outside the figure, as on the OMA site, and its panel stays when it is empty.
fn render(props: &ImgContainer, component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let ui = &component.ui;
    let caption = markdown_div(renderer, &props.figcaption, "");
    html! {
        div class=[non_empty(ui.get("wrapper"))] {
            div class=[non_empty(ui.get("inner"))] {
                figure class=[non_empty(ui.get("base"))] {
                    img class=[non_empty(ui.get("image"))] src=[props.url_image.as_deref()] alt=(props.alt_image);
                }
            }
            div class=[non_empty(ui.get("figcaption"))] { (caption) }
        }
    }
}
