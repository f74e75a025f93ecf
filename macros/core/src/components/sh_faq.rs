//! `::ShFaq`: a list of questions whose answers open on a click, as `<details>` (no script).

use super::props::{Markdown, ReadProps, Spanned, value_error};
use super::{ComponentSpec, Use, classes, markdown_div, non_empty};
use crate::icons::icon;
use crate::render::Renderer;
use maud::{Markup, html};
use serde_json::Value;
use site_props::Props;

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShFaq",
    props: Faq::PROPS,
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
    render: |used, renderer| render(&Faq::read(&used.props), used, renderer),
};

#[derive(Props)]
#[props(ui)]
struct Faq {
    qas: Spanned<Vec<Value>>,
    #[prop(default = "FAQs")]
    title: Option<Markdown>,
}

/// The text of field `key` of one `qas` item, `""` when absent.
fn field(item: &Value, key: &str) -> String {
    match item.get(key) {
        Some(Value::String(text)) => text.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

fn render(props: &Faq, component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let ui = &component.ui;
    let items = &props.qas.value;
    let title = markdown_div(renderer, &props.title, ui.get("header.title"));
    let mut rendered = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let item_spans = props.qas.spans.item(index);
        if !item.is_object() {
            let span = item_spans.map_or(props.qas.span, |spans| spans.value);
            value_error(
                renderer,
                span,
                "each item of `qas` must be a mapping with `q` and `a`",
            )
            .help = Some("write `- q: Question?` and `a: Answer.` for each item".into());
            continue;
        }
        // Each answer where it is written; the question gets a `Q: ` before it.
        let at = |key: &str| {
            item_spans
                .and_then(|spans| spans.get(key))
                .map_or(component.props.span, |spans| spans.value)
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
        @if props.title.is_some() {
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
