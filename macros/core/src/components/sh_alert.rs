//! `::ShAlert`: a coloured call-out box with a status icon.

use super::props::{PropKind, ReadProps};
use super::{ComponentSpec, Use, classes};
use crate::icons::icon;
use crate::render::Renderer;
use maud::{Markup, html};
use site_props::Props;

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShAlert",
    props: Alert::PROPS,
    ui: &[
        (
            "wrapper",
            "flex items-center space-x-1 mt-4 mb-4 shadow-md rounded-xl",
        ),
        ("base", "flex mx-2 p-1 mr-3"),
    ],
    render: |used, renderer| render(&Alert::read(&used.props), used, renderer),
};

#[derive(Props)]
#[props(ui)]
struct Alert {
    #[prop(
        kind = PropKind::OneOf(&["info", "success", "warning", "danger"]),
        default = "info"
    )]
    type_alert: String,
}

/// Colour classes, icon classes and icon per type; fixed (a `ui.alert` override is ignored, as
/// on the OMA site).
fn type_classes(kind: &str) -> (&'static str, &'static str, &'static str) {
    match kind {
        "success" => (
            "bg-[#F0FFF4] dark:bg-[#22543D] text-[#2F855A] dark:text-[#9AE6B4] relative border-l-4 border-[#68D391] dark:border-[#2F855A]",
            "text-[#68D391] dark:text-[#68D391]",
            "heroicons:check-circle",
        ),
        "warning" => (
            "bg-[#FFFAF0] dark:bg-[#744210] text-[#C05621] dark:text-[#FBD38D] relative border-l-4 border-[#F6AD55] dark:border-[#B7791F]",
            "text-[#F6AD55] dark:text-[#F6AD55]",
            "heroicons:exclamation-circle",
        ),
        "danger" => (
            "bg-[#FFF5F5] dark:bg-[#742A2A] text-[#C53030] dark:text-[#FEB2B2] relative border-l-4 border-[#FC8181] dark:border-[#C53030]",
            "text-[#FC8181] dark:text-[#FC8181]",
            "heroicons:x-circle",
        ),
        _ => (
            "bg-[#EBF8FF] dark:bg-[#2A4365] text-[#2B6CB0] dark:text-[#90CDF4] relative border-l-4 border-[#63B3ED] dark:border-[#2B6CB0]",
            "text-[#63B3ED] dark:text-[#63B3ED]",
            "heroicons:information-circle",
        ),
    }
}

fn render(props: &Alert, component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let (alert, icon_class, icon_name) = type_classes(&props.type_alert);
    let body = component.slot(renderer);
    html! {
        div id="alert" class=(classes(&[component.ui.get("wrapper"), alert])) {
            div class=(component.ui.get("base")) {
                (icon(icon_name, &classes(&["size-7", icon_class]), None))
            }
            (body)
        }
    }
}
