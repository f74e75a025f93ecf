//! `::ShColumn`: one cell with an optional header (title, subtitle) and footer.

use super::props::{Markdown, PropKind, ReadProps};
use super::{ComponentSpec, Use, classes, markdown_div, non_empty};
use crate::render::Renderer;
use maud::{Markup, html};
use site_props::Props;

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShColumn",
    props: Column::PROPS,
    ui: &[
        ("wrapper", ""),
        ("header.wrapper", ""),
        ("header.title", "text-xl not-prose"),
        ("header.subtitle", "text-slate-400 py-0 not-prose"),
        ("main", ""),
        ("footer", "text-slate-300 py-0 not-prose"),
    ],
    render: |used, renderer| render(&Column::read(&used.props), used, renderer),
};

#[derive(Props)]
#[props(class, ui)]
struct Column {
    title: Option<Markdown>,
    subtitle: Option<Markdown>,
    footer_text: Option<Markdown>,
    #[prop(kind = PropKind::Number(0, 12), default = "1")]
    size: Option<i64>,
}

fn render(props: &Column, component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let span = match props.size {
        Some(0) => "col-auto".to_string(),
        Some(n @ 1..=12) => format!("col-span-{n}"),
        _ => "col-span-1".to_string(),
    };
    let ui = &component.ui;
    let has_header = props.title.is_some() || props.subtitle.is_some();
    let title = markdown_div(renderer, &props.title, ui.get("header.title"));
    let subtitle = markdown_div(renderer, &props.subtitle, ui.get("header.subtitle"));
    let body = component.slot(renderer);
    let footer = markdown_div(renderer, &props.footer_text, "");
    let has_footer = props.footer_text.is_some();
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
