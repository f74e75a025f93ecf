//! `::ShImgContainer`: an image with a caption, in a figure on a light panel.

use super::props::{PropKind, prop};
use super::{ComponentSpec, UI, Use, non_empty};
use crate::render::Renderer;
use maud::{Markup, html};

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShImgContainer",
    props: &[
        prop("urlImage", PropKind::Text),
        prop("altImage", PropKind::Text),
        prop("figcaption", PropKind::Markdown),
        UI,
    ],
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
    render,
};

fn render(component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let props = &component.props;
    let ui = &component.ui;
    let caption = component.markdown(renderer, "figcaption");
    html! {
        div class=[non_empty(ui.get("wrapper"))] {
            div class=[non_empty(ui.get("inner"))] {
                figure class=[non_empty(ui.get("base"))] {
                    @if let Some(src) = props.text("urlImage") {
                        img class=[non_empty(ui.get("image"))] src=(src) alt=(props.text("altImage").unwrap_or_default());
                    }
                    @if let Some(caption) = caption {
                        figcaption class=[non_empty(ui.get("figcaption"))] { (caption) }
                    }
                }
            }
        }
    }
}
