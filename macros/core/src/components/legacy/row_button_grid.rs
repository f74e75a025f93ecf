//! `RowButtonGrid`: columns of link buttons under an icon and a title; each button's `status`
//! colours it (`active`, `deactive`, `pending`, `highlight`), and the id `events` switches to
//! the events palette.

use super::fa_icon;
use crate::components::icon::content_icon;
use crate::components::props::{ReadProps, Spanned};
use crate::components::{ComponentSpec, Use};
use crate::diagnostic::Code;
use crate::diagnostic::closest;
use crate::load::data::value_text;
use crate::render::Renderer;
use crate::render::html::link_rel;
use maud::{Markup, html};
use serde_json::Value;
use site_props::Props;

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "RowButtonGrid",
    props: ButtonGrid::PROPS,
    ui: &[],
    render: |used, renderer| render(&ButtonGrid::read(&used.props), used, renderer),
};

#[derive(Props)]
struct ButtonGrid {
    // `{title, subtitle, image, items: [{title, subtitle, url, target, status}]}` each.
    cols: Spanned<Vec<Value>>,
}

/// The button statuses the stylesheet colours.
const STATUSES: &[&str] = &["active", "deactive", "pending", "highlight"];

fn render(props: &ButtonGrid, module: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let span = module.props.span;
    let cols = &props.cols.value;
    let text = |value: &Value, key: &str| value.get(key).and_then(value_text);
    let mut columns = Vec::with_capacity(cols.len());
    for col in cols {
        let image = text(col, "image")
            .map(|spec| content_icon(renderer, &fa_icon(&spec), span, "fa-2x", None));
        let items: Vec<Value> = col
            .get("items")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        let mut buttons = Vec::with_capacity(items.len());
        for item in &items {
            let status = text(item, "status").unwrap_or_default();
            if !status.is_empty() && !STATUSES.contains(&status.as_str()) {
                let help = match closest(&status, STATUSES.iter().copied()) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => "a button's `status` is `active`, `deactive`, `pending` or `highlight`"
                        .into(),
                };
                renderer
                    .diagnostics
                    .error(
                        renderer.file,
                        span,
                        Code::PropValue,
                        format!("`{status}` is not a button status"),
                    )
                    .help = Some(help);
            }
            let url = text(item, "url");
            let target = text(item, "target");
            let rel = url
                .as_deref()
                .and_then(|url| link_rel(url, target.as_deref()));
            let disabled = status == "deactive";
            buttons.push(html! {
                a role="button" class=(format!("btn btn-block button {status}").trim_end()) href=[url] target=[target] rel=[rel] aria-disabled=[disabled.then_some("true")] {
                    p class="button-title" { (text(item, "title").unwrap_or_default()) }
                    @if let Some(subtitle) = text(item, "subtitle") { p class="button-subtitle" { (subtitle) } }
                }
            });
        }
        columns.push((image, text(col, "title"), text(col, "subtitle"), buttons));
    }
    html! {
        div id=[module.props.id()] class="row-button-grid" {
            div class="row" {
                @for (image, title, subtitle, buttons) in columns {
                    div class="col" {
                        div class="text-center text-primary col-title mb-3" {
                            @if let Some(svg) = image { (svg) }
                            p class="h5 mb-0" { (title.unwrap_or_default()) }
                            p class="col-title-subtitle font-italic" { (subtitle.unwrap_or_default()) }
                        }
                        @for button in buttons { (button) }
                    }
                }
            }
        }
    }
}
