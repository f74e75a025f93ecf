//! `RowMultiColumns`: a row with one column per child module, column `i` spanning `widths[i]`/12.

use crate::components::props::{PropKind, prop};
use crate::components::{ComponentSpec, Use};
use crate::render::Renderer;
use crate::yaml::Spans;
use maud::{Markup, PreEscaped, html};
use serde_json::Value;

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "RowMultiColumns",
    props: &[
        prop("cols", PropKind::Number(1, 12)),
        prop("widths", PropKind::List),
        prop("modules", PropKind::List),
    ],
    ui: &[],
    // Rendered through `render_with_children`, which knows how to render the child modules.
    render: |_, _| PreEscaped(String::new()),
};

/// Renders the row, rendering each child module with `child`, given where it is written.
pub(super) fn render_with_children(
    module: &Use<'_>,
    renderer: &mut Renderer<'_>,
    mut child: impl FnMut(&mut Renderer<'_>, &Value, &Spans) -> Markup,
) -> Markup {
    let widths: Vec<Option<i64>> = module
        .props
        .get("widths")
        .and_then(Value::as_array)
        .map_or_else(Vec::new, |w| w.iter().map(Value::as_i64).collect());
    let children: Vec<Value> = module
        .props
        .get("modules")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let module_spans = |index: usize| module.props.value_spans("modules")?.item(index);
    let columns: Vec<(String, Markup)> = children
        .iter()
        .enumerate()
        .map(|(index, module)| {
            let class = match widths.get(index).copied().flatten() {
                Some(width) => format!("col-{width}"),
                None => "col".into(),
            };
            let spans = module_spans(index).cloned().unwrap_or_default();
            (class, child(renderer, module, &spans))
        })
        .collect();
    html! {
        div class="row-multi-columns" {
            div class="row py-3" {
                @for (class, column) in columns { div class=(class) { (column) } }
            }
        }
    }
}
