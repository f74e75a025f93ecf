//! `RowMultiColumns`: a row with one column per child module, column `i` spanning `widths[i]`/12.

use crate::components::props::{PropKind, ReadProps, Spanned};
use crate::components::{ComponentSpec, Use};
use crate::render::Renderer;
use crate::yaml::Spans;
use maud::{Markup, PreEscaped, html};
use serde_json::Value;
use site_props::Props;

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "RowMultiColumns",
    props: MultiColumns::PROPS,
    ui: &[],
    // Rendered through `render_with_children`, which knows how to render the child modules.
    render: |_, _| PreEscaped(String::new()),
};

#[derive(Props)]
struct MultiColumns {
    // Declared for the checks and the guide; not rendered.
    #[allow(dead_code)]
    #[prop(kind = PropKind::Number(1, 12))]
    cols: Option<i64>,
    widths: Spanned<Vec<Value>>,
    modules: Spanned<Vec<Value>>,
}

/// Renders the row, rendering each child module with `child`, given where it is written.
pub(super) fn render_with_children(
    module: &Use<'_>,
    renderer: &mut Renderer<'_>,
    mut child: impl FnMut(&mut Renderer<'_>, &Value, &Spans) -> Markup,
) -> Markup {
    let props = MultiColumns::read(&module.props);
    let widths: Vec<Option<i64>> = props.widths.value.iter().map(Value::as_i64).collect();
    let columns: Vec<(String, Markup)> = props
        .modules
        .value
        .iter()
        .enumerate()
        .map(|(index, module)| {
            let class = match widths.get(index).copied().flatten() {
                Some(width) => format!("col-{width}"),
                None => "col".into(),
            };
            let spans = props.modules.spans.item(index).cloned().unwrap_or_default();
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
