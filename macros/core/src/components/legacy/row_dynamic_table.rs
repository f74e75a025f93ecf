//! `RowDynamicTable`: the older site's table of cell objects (`{title}`, `{url, title}`,
//! `{icon}`, `{image}`…), given inline as `items` or read from a data file (`dataUrl`), every
//! row in the HTML; filter and pages come from the enhancement script, as for ShDynamicTable.

use super::fa_icon;
use crate::components::icon::content_icon;
use crate::components::props::{PropKind, ReadProps, Spanned};
use crate::components::sh_dynamic_table::{data_error, load};
use crate::components::{ComponentSpec, Use};
use crate::load::data::value_text;
use crate::render::Renderer;
use crate::render::html::link_rel;
use crate::source::Span;
use maud::{Markup, html};
use serde_json::{Map, Value};
use site_props::Props;

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "RowDynamicTable",
    props: DynamicTable::PROPS,
    ui: &[],
    render: |used, renderer| render(&DynamicTable::read(&used.props), used, renderer),
};

#[derive(Props)]
struct DynamicTable {
    items: Spanned<Vec<Value>>,
    // A data file under the content folder holding the rows, instead of `items`.
    data_url: Option<Spanned<String>>,
    // The field of the data file's mapping that holds the rows.
    data_field: Option<String>,
    columns: Spanned<Vec<Value>>,
    // Field names to search, or `true` for all.
    filter: Option<Value>,
    // Rows per page.
    #[prop(kind = PropKind::Number(1, 100_000))]
    pagination: Option<i64>,
}

/// A column: its row key, its label, whether it sorts.
struct Column {
    key: String,
    label: String,
    sortable: bool,
}

fn columns(list: &[Value]) -> Vec<Column> {
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

/// A cell; its problems are reported at `span` (the module).
fn cell(cell: Option<&Value>, span: Span, renderer: &mut Renderer<'_>) -> Markup {
    let Some(Value::Object(fields)) = cell else {
        return html! { (cell.and_then(value_text).unwrap_or_default()) };
    };
    let text = |key: &str| fields.get(key).and_then(value_text);
    let url = text("url");
    let rel = url
        .as_deref()
        .and_then(|url| link_rel(url, text("target").as_deref()));
    let inner = if let Some(spec) = text("icon") {
        content_icon(
            renderer,
            &fa_icon(&spec),
            span,
            "",
            text("title").as_deref(),
        )
    } else if let Some(src) = text("image") {
        html! { img src=(src) alt=(text("title").unwrap_or_default()); }
    } else if url.is_some() {
        html! { (text("title").unwrap_or_default()) }
    } else {
        let title = text("title").unwrap_or_default();
        return renderer.markdown(&title, span);
    };
    match &url {
        Some(href) => {
            html! { a href=(href) target=[text("target")] rel=[rel] { (inner) } }
        }
        None => inner,
    }
}

fn render(props: &DynamicTable, module: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let span = module.props.span;
    let columns = columns(&props.columns.value);
    let mut rows: Vec<Map<String, Value>> = props
        .items
        .value
        .iter()
        .filter_map(|r| r.as_object().cloned())
        .collect();
    if let Some(data_url) = &props.data_url {
        let data = load(renderer, data_url);
        let list = match (data.as_deref(), &props.data_field) {
            (Some(data), Some(field)) => data.get(field),
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
                    span,
                    "the table's data is not a list of rows".into(),
                    "the file must be a list of mappings, one per row".into(),
                );
            }
            None if data.is_some() => {
                data_error(
                    renderer,
                    span,
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
                    span,
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
    let searched: Vec<String> = match &props.filter {
        Some(Value::Array(fields)) => fields.iter().filter_map(value_text).collect(),
        _ => Vec::new(),
    };
    let search = match &props.filter {
        Some(Value::Array(fields)) => !fields.is_empty(),
        Some(Value::Bool(flag)) => *flag,
        Some(_) => true,
        None => false,
    };
    let per_page = props.pagination.unwrap_or(0);
    renderer.enhanced = true;
    let body: Vec<Vec<Markup>> = rows
        .iter()
        .map(|row| {
            columns
                .iter()
                .map(|column| cell(row.get(&column.key), span, renderer))
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
