//! `::ShHelperComponent`: two logos one above the other, each in a dark-mode and a light-mode
//! version.

use super::props::ReadProps;
use super::ui::merge;
use super::{ComponentSpec, Use, non_empty};
use crate::render::Renderer;
use maud::{Markup, html};
use site_props::Props;

/// The classes of a logo.
const LOGO: &str = "m-0 max-w-full max-h-full object-contain";

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShHelperComponent",
    props: HelperComponent::PROPS,
    ui: &[
        ("wrapper", ""),
        ("inner", "flex-col -mt-3"),
        ("firstLogo", ""),
        ("secondLogo", "mt-10"),
        ("firstLogoDark", LOGO),
        ("firstLogoLight", LOGO),
        ("secondLogoDark", LOGO),
        ("secondLogoLight", LOGO),
    ],
    render: |used, renderer| render(&HelperComponent::read(&used.props), used, renderer),
};

/// Each logo's image for dark mode and for light mode; an empty URL leaves that image out.
#[derive(Props)]
#[props(ui)]
struct HelperComponent {
    #[prop(default = "/logo-dark.png")]
    first_logo_dark: Option<String>,
    #[prop(default = "/logo-light.png")]
    first_logo_light: Option<String>,
    #[prop(default = "/images/oma2.png")]
    second_logo_dark: Option<String>,
    second_logo_light: Option<String>,
}

/// The OMA site renders one version by the colour mode in script; a static page has both, and
/// CSS shows the one the mode wants. Its light second logo shows whenever the dark one is set,
/// as `<img src="">` when it has no URL of its own (its default): a broken image, left out here.
fn render(props: &HelperComponent, component: &Use<'_>, _renderer: &mut Renderer<'_>) -> Markup {
    let ui = &component.ui;
    let logo = |src: &Option<String>, key: &str, mode: &str| {
        html! {
            @if let Some(src) = src {
                img src=(src) alt="" class=(merge(ui.get(key), mode));
            }
        }
    };
    let (dark, light) = ("hidden dark:block", "dark:hidden");
    html! {
        div class=[non_empty(ui.get("wrapper"))] {
            div class=[non_empty(ui.get("inner"))] {
                div class=[non_empty(ui.get("firstLogo"))] {
                    (logo(&props.first_logo_dark, "firstLogoDark", dark))
                    (logo(&props.first_logo_light, "firstLogoLight", light))
                }
                div class=[non_empty(ui.get("secondLogo"))] {
                    (logo(&props.second_logo_dark, "secondLogoDark", dark))
                    (logo(&props.second_logo_light, "secondLogoLight", light))
                }
            }
        }
    }
}
