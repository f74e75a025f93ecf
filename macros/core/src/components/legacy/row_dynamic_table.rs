//! `RowDynamicTable`: the older site's table of cell objects (`{title}`, `{url, title}`,
//! `{icon}`, `{image}`…), given inline as `items` or read from a data file (`dataUrl`), every
//! row in the HTML; filter and pages come from the enhancement script, as for ShDynamicTable.

use super::fa_icon;
use crate::components::icon::report_missing;
use crate::components::props::{PropKind, prop};
use crate::components::sh_dynamic_table::{data_error, load};
use crate::components::{ComponentSpec, Use};
use crate::icons::{icon, icon_exists};
use crate::load::data::value_text;
use crate::render::Renderer;
use crate::render::html::link_rel;
use maud::{Markup, html};
use serde_json::{Map, Value};

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "RowDynamicTable",
    props: &[
        prop("items", PropKind::List),
        // A data file under the content folder holding the rows, instead of `items`.
        prop("dataUrl", PropKind::Text),
        // The field of the data file's mapping that holds the rows.
        prop("dataField", PropKind::Text),
        prop("columns", PropKind::List),
        // Field names to search, or `true` for all.
        prop("filter", PropKind::Any),
        // Rows per page.
        prop("pagination", PropKind::Number(1, 100_000)),
    ],
    ui: &[],
    render,
};

/// A column: its row key, its label, whether it sorts.
struct Column {
    key: String,
    label: String,
    sortable: bool,
}

fn columns(module: &Use<'_>) -> Vec<Column> {
    let list = module.props.get("columns").and_then(Value::as_array);
    list.map(|list| {
        list.iter()
            .filter_map(|column| match column {
                Value::String(key) => Some(Column {
                    key: key.clone(),
                    label: key.clone(),
                    sortable: false,
                }),
                Value::Object(fields) => {
                    let key = fields.get("key").and_then(value_text)?;
                    Some(Column {
                        label: fields
                            .get("label")
                            .and_then(value_text)
                            .unwrap_or_else(|| key.clone()),
                        sortable: fields.get("sortable") == Some(&Value::Bool(true)),
                        key,
                    })
                }
                _ => None,
            })
            .collect()
    })
    .unwrap_or_default()
}

/// The text a cell sorts and searches by: its `title`, or the value itself.
fn sort_text(cell: Option<&Value>) -> String {
    match cell {
        Some(Value::Object(fields)) => fields.get("title").and_then(value_text),
        Some(other) => value_text(other),
        None => None,
    }
    .unwrap_or_default()
}

fn cell(cell: Option<&Value>, module: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let Some(Value::Object(fields)) = cell else {
        return html! { (cell.and_then(value_text).unwrap_or_default()) };
    };
    let text = |key: &str| fields.get(key).and_then(value_text);
    let url = text("url");
    let rel = url
        .as_deref()
        .and_then(|url| link_rel(url, text("target").as_deref()));
    let inner = if let Some(spec) = text("icon") {
        let name = fa_icon(&spec);
        if !icon_exists(&name) {
            report_missing(renderer, module.props.span, &name);
        }
        icon(&name, "", text("title").as_deref())
    } else if let Some(src) = text("image") {
        html! { img src=(src) alt=(text("title").unwrap_or_default()); }
    } else if url.is_some() {
        html! { (text("title").unwrap_or_default()) }
    } else {
        let title = text("title").unwrap_or_default();
        return renderer.markdown(&title, module.props.span);
    };
    match &url {
        Some(href) => {
            html! { a href=(href) target=[text("target")] rel=[rel] { (inner) } }
        }
        None => inner,
    }
}

fn render(module: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let props = &module.props;
    let columns = columns(module);
    let mut rows: Vec<Map<String, Value>> = match props.get("items") {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|r| r.as_object().cloned())
            .collect(),
        _ => Vec::new(),
    };
    if props.text("dataUrl").is_some() {
        let data = load(module, renderer, "dataUrl");
        let field = props.text("dataField");
        let list = match (data.as_deref(), field) {
            (Some(data), Some(field)) => data.get(&field),
            (data, None) => data,
            (None, Some(_)) => None,
        };
        match list {
            Some(Value::Array(items)) => {
                rows.extend(items.iter().filter_map(|r| r.as_object().cloned()));
            }
            Some(_) => {
                data_error(
                    renderer,
                    props.span,
                    "the table's data is not a list of rows".into(),
                    "the file must be a list of mappings, one per row".into(),
                );
            }
            None if data.is_some() => {
                data_error(
                    renderer,
                    props.span,
                    "the data has no such `dataField`".into(),
                    "name a field of the data file's top-level mapping".into(),
                );
            }
            None => {}
        }
    }
    if !rows.is_empty() {
        for column in &columns {
            if !rows.iter().any(|row| row.contains_key(&column.key)) {
                data_error(
                    renderer,
                    props.span,
                    format!("no row of the table has the field `{}`", column.key),
                    "each column's `key` names a field of the rows".into(),
                );
            }
        }
    }
    // The older site sorted by publication date first.
    if columns.iter().any(|column| column.key == "published") {
        rows.sort_by_cached_key(|row| sort_text(row.get("published")));
    }
    let searched: Vec<String> = match props.get("filter") {
        Some(Value::Array(fields)) => fields.iter().filter_map(value_text).collect(),
        _ => Vec::new(),
    };
    let search = match props.get("filter") {
        Some(Value::Array(fields)) => !fields.is_empty(),
        Some(Value::Bool(flag)) => *flag,
        Some(Value::Null) | None => false,
        Some(_) => true,
    };
    let per_page = props.number("pagination").unwrap_or(0);
    renderer.enhanced = true;
    let body: Vec<Vec<Markup>> = rows
        .iter()
        .map(|row| {
            columns
                .iter()
                .map(|column| cell(row.get(&column.key), module, renderer))
                .collect()
        })
        .collect();
    let total = rows.len();
    html! {
        div class="row-dynamic-table" data-table data-per-page=(per_page) {
            @if search {
                div class="row mb-3" data-table-controls hidden {
                    div class="col" {
                        label class="table-filter" {
                            "Filter"
                            input type="search" class="form-control" placeholder="Type to Search" data-table-search;
                        }
                    }
                }
            }
            div class="table-responsive" {
                table class="table table-striped table-hover" {
                    thead {
                        tr {
                            @for column in &columns {
                                th scope="col" data-sortable[column.sortable] data-query[searched.contains(&column.key)] { (column.label) }
                            }
                        }
                    }
                    tbody {
                        @for row in body {
                            tr { @for cell in row { td { (cell) } } }
                        }
                    }
                }
            }
            @if per_page > 0 {
                div class="table-pages" {
                    p data-table-status { "Showing 1 to " (total) " out of " (total) " items" }
                    nav aria-label="Table pages" data-table-pager hidden {}
                }
            }
        }
    }
}
