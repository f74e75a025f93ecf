//! `::ShHelperComponent`: the OMA logos side by side (the second follows the colour mode).

use super::props::ReadProps;
use super::{ComponentSpec, Use};
use crate::render::Renderer;
use maud::{Markup, html};
use site_props::Props;

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShHelperComponent",
    props: HelperComponent::PROPS,
    ui: &[],
    render,
};

/// No props.
#[derive(Props)]
struct HelperComponent {}

fn render(_component: &Use<'_>, _renderer: &mut Renderer<'_>) -> Markup {
    html! {
        div {
            div class="md:flex" {
                div class="p-7" { img src="/images/oma2.png" alt="OMA SpecWorks" class="w-full h-full md:h-44"; }
                div class="p-7" {
                    img src="/logo-light.png" alt="OMA SpecWorks" class="w-full h-full md:h-32 mt-20 dark:hidden";
                    img src="/logo-dark.png" alt="OMA SpecWorks" class="w-full h-full md:h-32 mt-20 hidden dark:block";
                }
            }
        }
    }
}
