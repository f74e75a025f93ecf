//! `::ShColumn`: one cell with an optional header (title, subtitle) and footer.

use super::props::{PropKind, prop, prop_or};
use super::{CLASS, ComponentSpec, UI, Use, classes, non_empty};
use crate::render::Renderer;
use maud::{Markup, html};

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShColumn",
    props: &[
        prop("title", PropKind::Markdown),
        prop("subtitle", PropKind::Markdown),
        prop("footerText", PropKind::Markdown),
        prop_or("size", PropKind::Number(0, 12), "1"),
        CLASS,
        UI,
    ],
    ui: &[
        ("wrapper", ""),
        ("header.wrapper", ""),
        ("header.title", "text-xl not-prose"),
        ("header.subtitle", "text-slate-400 py-0 not-prose"),
        ("main", ""),
        ("footer", "text-slate-300 py-0 not-prose"),
    ],
    render,
};

fn render(component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let span = match component.props.number("size") {
        Some(0) => "col-auto".to_string(),
        Some(n @ 1..=12) => format!("col-span-{n}"),
        _ => "col-span-1".to_string(),
    };
    let ui = &component.ui;
    let has_header =
        component.props.text("title").is_some() || component.props.text("subtitle").is_some();
    let title = component.markdown_div(renderer, "title", ui.get("header.title"));
    let subtitle = component.markdown_div(renderer, "subtitle", ui.get("header.subtitle"));
    let body = component.slot(renderer);
    let footer = component.markdown_div(renderer, "footerText", "");
    let has_footer = component.props.text("footerText").is_some();
    html! {
        div class=(classes(&[ui.get("wrapper"), &span])) {
            @if has_header {
                div class=[non_empty(ui.get("header.wrapper"))] { (title) (subtitle) }
            }
            div class=[non_empty(ui.get("main"))] { (body) }
            @if has_footer {
                div class=[non_empty(ui.get("footer"))] { (footer) }
            }
        }
    }
}
