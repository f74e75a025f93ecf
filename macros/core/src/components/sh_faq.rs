//! `::ShFaq`: a list of questions whose answers open on a click, as `<details>` (no script).

use super::props::{PropKind, prop, prop_or};
use super::{ComponentSpec, UI, Use, classes, non_empty};
use crate::diagnostic::Code;
use crate::icons::icon;
use crate::render::Renderer;
use maud::{Markup, html};
use serde_json::Value;

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShFaq",
    props: &[
        prop("qas", PropKind::List),
        prop_or("title", PropKind::Markdown, "FAQs"),
        UI,
    ],
    ui: &[
        ("header.wrapper", "mt-10"),
        ("header.title", "text-2xl font-bold"),
        ("wrapper", "border rounded-xl"),
        ("inner", "mx-3 cursor-pointer"),
        ("question", "grid grid-cols-2 flex-row font-bold"),
        (
            "q",
            "w-full hover:scale-105 duration-300 hover:text-primary dark:text-white mx-4",
        ),
        ("answer", "ml-1"),
        ("a", "mx-6 dark:text-white font-light"),
        ("divider", "border-b"),
        // The OMA site's `i-icons8-chevron-right-round` class icon is an inline svg here.
        ("icon", "place-self-end self-center text-2xl"),
    ],
    render,
};

/// The text of field `key` of one `qas` item, `""` when absent.
fn field(item: &Value, key: &str) -> String {
    match item.get(key) {
        Some(Value::String(text)) => text.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

fn render(component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let props = &component.props;
    let ui = &component.ui;
    let items: Vec<Value> = match props.get("qas") {
        Some(Value::Array(items)) => items.clone(),
        _ => Vec::new(),
    };
    let title = component.markdown_div(renderer, "title", ui.get("header.title"));
    let mut rendered = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let item_spans = props.value_spans("qas").and_then(|spans| spans.item(index));
        if !item.is_object() {
            let span = item_spans.map_or_else(|| props.value_span("qas"), |spans| spans.value);
            renderer
                .diagnostics
                .error(
                    renderer.file,
                    span,
                    Code::PropValue,
                    "each item of `qas` must be a mapping with `q` and `a`",
                )
                .help = Some("write `- q: Question?` and `a: Answer.` for each item".into());
            continue;
        }
        // Each answer where it is written; the question gets a `Q: ` before it.
        let at = |key: &str| {
            item_spans
                .and_then(|spans| spans.get(key))
                .map_or(props.span, |spans| spans.value)
        };
        let question = renderer.markdown(&format!("Q: {}", field(item, "q")), at("q"));
        let answer = renderer.markdown(&field(item, "a"), at("a"));
        rendered.push((question, answer));
    }
    let last = rendered.len().saturating_sub(1);
    let chevron = icon(
        "heroicons:chevron-right-20-solid",
        &classes(&[
            ui.get("icon"),
            "rotate-0 transition-transform duration-300 group-open:rotate-90",
        ]),
        None,
    );
    html! {
        @if props.text("title").is_some() {
            div class=[non_empty(ui.get("header.wrapper"))] { (title) }
        }
        div class=[non_empty(ui.get("wrapper"))] {
            @for (index, (question, answer)) in rendered.into_iter().enumerate() {
                details class=(classes(&["group", ui.get("inner")])) {
                    summary class=(classes(&[ui.get("question"), "list-none [&::-webkit-details-marker]:hidden"])) {
                        div class=(classes(&["not-prose", ui.get("q")])) { (question) }
                        (chevron)
                    }
                    div class=[non_empty(ui.get("answer"))] {
                        div class=[non_empty(ui.get("a"))] { (answer) }
                    }
                }
                @if index < last {
                    div class=[non_empty(ui.get("divider"))] {}
                }
            }
        }
    }
}
