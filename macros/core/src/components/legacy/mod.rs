//! The older site's `modules:` front matter: a list of row modules rendered above the body.

mod row_image;
mod row_image_text;
mod row_multi_columns;
mod row_separator;
mod row_text;
mod row_text_image;

use super::props::Props;
use super::{ComponentSpec, Use, closest};
use crate::render::Renderer;
use crate::source::Span;
use maud::{Markup, PreEscaped, html};
use serde_json::{Map, Value};

static MODULES: &[&ComponentSpec] = &[
    &row_image::SPEC,
    &row_image_text::SPEC,
    &row_multi_columns::SPEC,
    &row_separator::SPEC,
    &row_text::SPEC,
    &row_text_image::SPEC,
];

/// Modules a `RowMultiColumns` may hold (the older site rendered others as their bare name).
const CHILD_MODULES: &[&str] = &[
    "RowText",
    "RowTextImage",
    "RowImageText",
    "RowDynamicTable",
    "RowButtonGrid",
    "RowSeparator",
    "RowNewsList",
];

fn find(name: &str) -> Option<&'static ComponentSpec> {
    MODULES.iter().copied().find(|spec| spec.name == name)
}

/// Renders a page's `modules:` list in order.
pub fn render_modules(renderer: &mut Renderer<'_>, modules: &Value) -> Markup {
    let mut cursor = 0;
    let span = locate(renderer, "modules:", &mut cursor);
    let Some(list) = modules.as_array() else {
        renderer.diagnostics.error(
            renderer.file,
            span,
            "legacy-module",
            "`modules` must be a list of modules",
        );
        return PreEscaped(String::new());
    };
    let mut out = String::new();
    for module in list {
        out.push_str(&render_module(renderer, module, &mut cursor, false).0);
    }
    PreEscaped(out)
}

/// Renders one module entry; `nested` modules are those inside a `RowMultiColumns`.
fn render_module(
    renderer: &mut Renderer<'_>,
    module: &Value,
    cursor: &mut usize,
    nested: bool,
) -> Markup {
    let empty = Map::new();
    let fields = module.as_object().unwrap_or(&empty);
    let name = fields.get("name").and_then(Value::as_str).unwrap_or("");
    let span = locate(renderer, &format!("name: {name}"), cursor);
    let Some(spec) = find(name) else {
        let known = MODULES
            .iter()
            .map(|spec| spec.name)
            .chain(CHILD_MODULES.iter().copied());
        let help = closest(name, known).map_or_else(
            || "see the authors' guide for the available modules".to_string(),
            |near| format!("did you mean `{near}`?"),
        );
        let message = if name.is_empty() {
            "a module without a `name`".to_string()
        } else {
            format!("unknown legacy module `{name}`")
        };
        renderer
            .diagnostics
            .error(renderer.file, span, "unknown-module", message)
            .help = Some(help);
        return PreEscaped(String::new());
    };
    if nested && !CHILD_MODULES.contains(&name) {
        renderer.diagnostics.error(
            renderer.file,
            span,
            "legacy-module",
            format!("`{name}` cannot be placed inside `RowMultiColumns`"),
        );
        return html! { div { (name) } };
    }
    let mut props_map = fields.clone();
    props_map.remove("name");
    let props = Props::resolve(spec, &Default::default(), &props_map, span, renderer);
    let component = Use {
        props,
        ui: Default::default(),
        children: &[],
    };
    if spec.name == row_multi_columns::SPEC.name {
        return row_multi_columns::render_with_children(&component, renderer, |renderer, child| {
            render_module(renderer, child, cursor, true)
        });
    }
    (spec.render)(&component, renderer)
}

/// The span of the next occurrence of `needle` in the file (for diagnostics about front matter).
fn locate(renderer: &Renderer<'_>, needle: &str, cursor: &mut usize) -> Span {
    let text = &renderer.file.text;
    match text.get(*cursor..).and_then(|rest| rest.find(needle)) {
        Some(found) => {
            let start = *cursor + found;
            *cursor = start + needle.len();
            Span::new(start, start + needle.len())
        }
        None => Span::at(0),
    }
}

/// The page around a legacy page's modules and markdown body, as the older site wrapped them.
pub fn page_body(modules: Markup, markdown: Markup) -> Markup {
    html! {
        div class="container" {
            (modules)
            div class="row-dowument" {
                div class="row py-3" { div class="col" { div class="nuxt-content" { (markdown) } } }
            }
        }
    }
}
