//! `::ShTwoColumns`: two columns with a preset width ratio, stacked below `md`.

use super::props::{PropKind, ReadProps};
use super::{ComponentSpec, Use, classes};
use crate::render::Renderer;
use maud::{Markup, html};
use site_props::Props;

const SIZES: &[&str] = &["2XS", "XS", "S", "M", "L", "XL", "2XL", "3XL", "4XL"];

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShTwoColumns",
    props: TwoColumns::PROPS,
    ui: &[(
        "wrapper",
        "bg-golden/[0.2] dark:bg-neutral-800 shadow-md rounded-2xl p-7",
    )],
    render: |used, renderer| render(&TwoColumns::read(&used.props), used, renderer),
};

#[derive(Props)]
#[props(class, ui)]
struct TwoColumns {
    #[prop(kind = PropKind::OneOf(SIZES), default = "L")]
    size: String,
    #[prop(default = "gap-4")]
    gap: String,
}

/// Grid columns and the spans of odd (left) and even (right) children per size.
fn ratio(size: &str) -> Option<(&'static str, &'static str, &'static str)> {
    Some(match size {
        "2XS" => (
            "md:grid-cols-10",
            "[&>*:nth-child(odd)]:col-span-1",
            "[&>*:nth-child(even)]:col-span-9",
        ),
        "XS" => (
            "md:grid-cols-5",
            "[&>*:nth-child(odd)]:col-span-1",
            "[&>*:nth-child(even)]:col-span-4",
        ),
        "S" => (
            "md:grid-cols-4",
            "[&>*:nth-child(odd)]:col-span-1",
            "[&>*:nth-child(even)]:col-span-3",
        ),
        "M" => (
            "md:grid-cols-3",
            "[&>*:nth-child(odd)]:col-span-1",
            "[&>*:nth-child(even)]:col-span-2",
        ),
        "L" => (
            "md:grid-cols-2",
            "[&>*:nth-child(odd)]:col-span-1",
            "[&>*:nth-child(even)]:col-span-1",
        ),
        "XL" => (
            "md:grid-cols-3",
            "[&>*:nth-child(odd)]:col-span-2",
            "[&>*:nth-child(even)]:col-span-1",
        ),
        "2XL" => (
            "md:grid-cols-4",
            "[&>*:nth-child(odd)]:col-span-3",
            "[&>*:nth-child(even)]:col-span-1",
        ),
        "3XL" => (
            "md:grid-cols-5",
            "[&>*:nth-child(odd)]:col-span-4",
            "[&>*:nth-child(even)]:col-span-1",
        ),
        "4XL" => (
            "md:grid-cols-10",
            "[&>*:nth-child(odd)]:col-span-9",
            "[&>*:nth-child(even)]:col-span-1",
        ),
        _ => return None,
    })
}

fn render(props: &TwoColumns, component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let (columns, odd, even) = ratio(&props.size).unwrap_or(("", "", ""));
    // Stacked on small screens (the newer OMA site's behaviour), the ratio from `md` up.
    let grid = classes(&["flex flex-col md:grid", columns, odd, even, &props.gap]);
    let body = component.slot(renderer);
    html! {
        div class=(component.ui.get("wrapper")) {
            div class=(grid) { (body) }
        }
    }
}
