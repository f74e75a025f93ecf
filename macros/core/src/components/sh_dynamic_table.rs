//! `::ShDynamicTable`: a data table read at compile time from a JSON or YAML file under the
//! content folder, or made of the LwM2M registry (`transformRawData: filterDDFObjects` for its
//! objects, `filterCommonObjects` for their resources), every row in the HTML. Search, quick filters, sorting, page size and CSV
//! download are added by the enhancement script; without it the whole table shows.

use super::props::{Markdown, PropKind, ReadProps, Spanned};
use super::{ComponentSpec, Use, classes, markdown_div, non_empty};
use crate::diagnostic::Code;
use crate::icons::icon;
use crate::load::data::value_text;
use crate::registry::{self, Registry};
use crate::render::Renderer;
use crate::source::Span;
use maud::{Markup, PreEscaped, html};
use serde_json::{Map, Value};
use site_props::Props;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The page sizes offered; `0` is "All".
pub(super) const PAGE_SIZES: &[i64] = &[10, 25, 50, 100, 0];

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShDynamicTable",
    props: DynamicTable::PROPS,
    ui: &[
        (
            "wrapper",
            "bg-gray-50 dark:bg-inherit border-2 border-neutral-200 dark:border-neutral-500 rounded-2xl p-5",
        ),
        (
            "header",
            "font-semibold text-center bg-slate-200 dark:bg-slate-700 dark:text-slate-200",
        ),
        (
            "footer",
            "font-semibold text-center bg-slate-200 dark:bg-slate-700 dark:text-slate-200",
        ),
        ("search", "pb-4"),
        (
            "table",
            "min-w-full divide-y divide-gray-300 dark:divide-gray-700",
        ),
        (
            "tr.selected",
            "bg-oma-blue-400 hover:bg-oma-blue-300 text-white dark:bg-oma-blue-600 dark:hover:bg-oma-blue-500 dark:text-golden",
        ),
        (
            "tr.active",
            "hover:bg-neutral-200 dark:hover:bg-neutral-600 cursor-pointer",
        ),
        (
            "th",
            "text-left rtl:text-right dark:bg-neutral-600 px-4 py-3.5 text-gray-900 dark:text-white font-semibold text-sm",
        ),
        (
            "td",
            "whitespace-nowrap text-pretty px-4 py-4 text-gray-500 dark:text-gray-400 text-sm not-prose",
        ),
    ],
    render: |used, renderer| render(&DynamicTable::read(&used.props), used, renderer),
};

#[derive(Props)]
#[props(class, ui)]
struct DynamicTable {
    // A data file under the content folder: `data/publications.json`, or `/data/…` as the OMA
    // site wrote the URLs of its `public/data/`.
    data_url: Option<Spanned<String>>,
    data_field: Option<Spanned<String>>,
    #[prop(kind = PropKind::OneOf(&[
        "filterDDFObjects",
        "filterCommonObjects",
        "filterOmaEnablers",
    ]))]
    transform_raw_data: Option<Spanned<String>>,
    columns: Spanned<Vec<Value>>,
    header: Option<Markdown>,
    footer: Option<Markdown>,
    #[prop(kind = PropKind::Number(0, 100_000), default = "10")]
    per_page: Option<i64>,
}

/// One column as the page declares it.
#[derive(Debug, Default)]
struct Column {
    name: String,
    title: String,
    hide: bool,
    sortable: bool,
    filter: bool,
    filter_order: i64,
    query: bool,
    year_only: bool,
    /// `type: url`: the field holding the link.
    link_field: Option<String>,
    /// `type: subs`: the field shown instead.
    shown_field: Option<String>,
}

impl Column {
    fn read(value: &Value) -> Option<Column> {
        let text = |key: &str| value.get(key).and_then(value_text);
        let flag = |key: &str| value.get(key).is_some_and(truthy);
        let type_data = match value.get("typeData") {
            Some(Value::Array(list)) => list.first().and_then(value_text),
            Some(other) => value_text(other),
            None => None,
        };
        let kind = text("type").unwrap_or_default();
        Some(Column {
            name: text("name")?,
            title: text("title").unwrap_or_default(),
            hide: flag("hide"),
            sortable: flag("sortable"),
            filter: flag("filter"),
            filter_order: value
                .get("filterOrder")
                .and_then(Value::as_i64)
                .unwrap_or(0),
            query: flag("query"),
            year_only: text("formatColumValue").as_deref() == Some("DY"),
            link_field: (kind == "url").then(|| type_data.clone()).flatten(),
            shown_field: (kind == "subs").then_some(type_data).flatten(),
        })
    }

    /// The fields of a row this column reads.
    fn fields(&self) -> impl Iterator<Item = &str> {
        [
            Some(self.name.as_str()),
            self.link_field.as_deref(),
            self.shown_field.as_deref(),
        ]
        .into_iter()
        .flatten()
    }
}

fn truthy(value: &Value) -> bool {
    match value {
        Value::Bool(flag) => *flag,
        Value::Null => false,
        Value::String(text) => !text.is_empty() && text != "false",
        Value::Number(number) => number.as_f64() != Some(0.0),
        _ => true,
    }
}

/// A date cell as its year: the first run of four digits.
fn year(text: &str) -> String {
    let digits: Vec<char> = text.chars().collect();
    digits
        .windows(4)
        .position(|w| w.iter().all(char::is_ascii_digit))
        .and_then(|start| digits.get(start..start + 4))
        .map_or_else(|| text.to_string(), |year| year.iter().collect())
}

/// Reports a data problem at `span` and returns nothing to render.
pub(super) fn data_error(
    renderer: &mut Renderer<'_>,
    span: Span,
    message: String,
    help: String,
) -> Option<Arc<Value>> {
    renderer
        .diagnostics
        .error(renderer.file, span, Code::Data, message)
        .help = Some(help);
    None
}

/// The data file `reference` names, reported where it is written when it cannot be read.
pub(super) fn load(renderer: &mut Renderer<'_>, reference: &Spanned<String>) -> Option<Arc<Value>> {
    let span = reference.span;
    let reference = &reference.value;
    let Some(site) = renderer.site else {
        return data_error(
            renderer,
            span,
            format!(
                "`{reference}` cannot be read: data files are read when a content folder compiles"
            ),
            "compile the whole content folder".into(),
        );
    };
    match site.load(reference) {
        Ok(value) => Some(value),
        Err(error) => data_error(renderer, span, error.message, error.help),
    }
}

/// The rows of the table: the LwM2M registry's objects or resources for its transforms, else
/// the data file's array, or its field `dataField`.
fn rows(props: &DynamicTable, renderer: &mut Renderer<'_>) -> Vec<Map<String, Value>> {
    if let Some(transform) = &props.transform_raw_data {
        let registry_rows = match transform.value.as_str() {
            "filterDDFObjects" => Some(registry::rows::object_rows as fn(&Registry) -> _),
            "filterCommonObjects" => Some(registry::rows::resource_rows as fn(&Registry) -> _),
            _ => None,
        };
        if let Some(registry_rows) = registry_rows {
            // The registry is compiled in: `dataUrl` (the registry's files on GitHub, on the
            // OMA site) is not fetched.
            if let Some(registry) = renderer.site.and_then(|site| site.registry()) {
                return registry_rows(registry);
            }
            data_error(
                renderer,
                transform.span,
                format!(
                    "`{}` reads the LwM2M registry, and the content folder has no `{}/`",
                    transform.value,
                    crate::load::REGISTRY_DIR
                ),
                "copy the registry's data there: `scripts/refresh-lwm2m-registry.py` writes it from a clone of the registry".into(),
            );
            return Vec::new();
        }
        data_error(
            renderer,
            transform.span,
            format!("`{}` is not applied at compile time yet", transform.value),
            "save the transformed rows as a JSON or YAML list under `content/data/` and name that file in `dataUrl`".into(),
        );
        return Vec::new();
    }
    let Some(data_url) = &props.data_url else {
        return Vec::new();
    };
    let Some(data) = load(renderer, data_url) else {
        return Vec::new();
    };
    let list = match &props.data_field {
        Some(field) => match data.get(&field.value) {
            Some(list) => list,
            None => {
                data_error(
                    renderer,
                    field.span,
                    format!("the data has no field `{}`", field.value),
                    "name a field of the data file's top-level mapping, or leave `dataField` empty when the file is the list of rows".into(),
                );
                return Vec::new();
            }
        },
        None => &*data,
    };
    let Some(list) = list.as_array() else {
        data_error(
            renderer,
            data_url.span,
            "the table's data is not a list of rows".into(),
            "the file (or its `dataField`) must be a list of mappings, one per row".into(),
        );
        return Vec::new();
    };
    list.iter()
        .filter_map(|row| row.as_object().cloned())
        .collect()
}

fn render(props: &DynamicTable, component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let ui = &component.ui;
    let columns: Vec<Column> = props
        .columns
        .value
        .iter()
        .filter_map(Column::read)
        .collect();
    let rows = rows(props, renderer);
    // A field no row has is a typo in the page or the data.
    if !rows.is_empty() {
        for column in &columns {
            for field in column.fields() {
                if rows.iter().any(|row| row.contains_key(field)) {
                    continue;
                }
                let span = props.columns.place_of(field).unwrap_or(props.columns.span);
                let fields: Vec<&str> = rows
                    .iter()
                    .flat_map(|row| row.keys().map(String::as_str))
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect();
                let help = match crate::diagnostic::closest(field, fields.iter().copied()) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => format!("the rows have {}", fields.join(", ")),
                };
                data_error(
                    renderer,
                    span,
                    format!("no row of the table's data has the field `{field}`"),
                    help,
                );
            }
        }
    }
    renderer.enhanced = true;
    let header = markdown_div(renderer, &props.header, ui.get("header"));
    let footer = markdown_div(renderer, &props.footer, ui.get("footer"));
    let per_page = props.per_page.unwrap_or(10);
    let cells: Vec<Vec<Markup>> = rows
        .iter()
        .map(|row| columns.iter().map(|column| cell(row, column)).collect())
        .collect();
    let filters = quick_filters(&columns, &rows);
    let total = rows.len();
    html! {
        div class=(classes(&[ui.get("wrapper"), "w-full p-4"])) data-table data-per-page=(per_page) {
            (header)
            div class=[non_empty(ui.get("search"))] data-table-controls hidden {
                div class="flex flex-wrap items-center gap-4" {
                    label class="flex items-center gap-2 text-sm" {
                        "Show:"
                        select class="rounded-md border px-2 py-1 dark:bg-neutral-800" data-table-size {
                            @for size in PAGE_SIZES {
                                option value=(size) selected[*size == per_page] {
                                    @if *size == 0 { "All" } @else { (size) }
                                }
                            }
                        }
                    }
                    button type="button" class="inline-flex items-center gap-1 rounded-md border px-3 py-1 text-sm" data-table-csv {
                        (icon("carbon:download", "", None)) "CSV"
                    }
                    input type="search" class="grow rounded-md border px-3 py-1 text-sm dark:bg-neutral-800" placeholder="type a token to search for" aria-label="Search the table" data-table-search;
                }
            }
            @if !filters.is_empty() {
                details class="mb-4" open data-table-filters hidden {
                    summary class="cursor-pointer font-semibold" {
                        (icon("heroicons:eye-dropper", "mr-1", None)) "Quick Filters"
                    }
                    div class=(format!("grid grid-cols-1 md:grid-cols-{} gap-4 mt-2", filters.len().min(5))) {
                        @for (index, title, values) in &filters {
                            div class="rounded-lg border p-2" {
                                p class="text-sm font-semibold border-b mb-1" { (title) }
                                ul class="max-h-36 overflow-auto text-sm list-none pl-0" {
                                    @for (value, count) in values {
                                        li {
                                            label class="flex items-center gap-2" {
                                                input type="checkbox" data-filter-column=(index) value=(value);
                                                span class="grow" { (value) }
                                                span class="rounded-3xl bg-neutral-200 dark:bg-neutral-700 px-2 text-xs" { (count) }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            div class="w-full overflow-x-auto" {
                table class=[non_empty(ui.get("table"))] {
                    thead {
                        tr {
                            @for column in &columns {
                                th class=[non_empty(ui.get("th"))] scope="col" hidden[column.hide] data-sortable[column.sortable] data-query[column.query] {
                                    (PreEscaped(escape_title(&column.title)))
                                }
                            }
                        }
                    }
                    tbody {
                        @for row in cells {
                            tr class=[non_empty(ui.get("tr.active"))] {
                                @for (cell, column) in row.into_iter().zip(&columns) {
                                    td class=[non_empty(ui.get("td"))] hidden[column.hide] { (cell) }
                                }
                            }
                        }
                    }
                }
            }
            div class="flex flex-wrap items-center justify-between gap-2 pt-4 text-sm" {
                p data-table-status { "Showing 1 to " (total) " out of " (total) " items" }
                nav class="flex gap-1" aria-label="Table pages" data-table-pager hidden {}
            }
            (footer)
        }
    }
}

/// A column title: text, escaped (the OMA site inserted it as HTML; `<br>` stays a break).
fn escape_title(title: &str) -> String {
    let mut out = String::new();
    for (index, part) in title.split("<br>").enumerate() {
        if index > 0 {
            out.push_str("<br>");
        }
        crate::render::html::escape_into(&mut out, part);
    }
    out
}

/// The text of field `field` of `row`.
fn field_text(row: &Map<String, Value>, field: &str) -> String {
    row.get(field).and_then(value_text).unwrap_or_default()
}

fn cell_text(row: &Map<String, Value>, column: &Column) -> String {
    let name = column.shown_field.as_deref().unwrap_or(&column.name);
    let text = field_text(row, name);
    if column.year_only { year(&text) } else { text }
}

fn cell(row: &Map<String, Value>, column: &Column) -> Markup {
    let text = cell_text(row, column);
    let href = column
        .link_field
        .as_deref()
        .map(|field| field_text(row, field))
        .filter(|href| !href.is_empty());
    match href {
        Some(href) => {
            let rel = crate::render::html::link_rel(&href, Some("_blank"));
            html! { a href=(href) target="_blank" rel=[rel] { (text) } }
        }
        None => html! { (text) },
    }
}

/// One quick filter: its column's index and title, and each value with its count.
type Filter = (usize, String, Vec<(String, usize)>);

/// The filter columns (ordered by `filterOrder`) with their values and counts, most frequent
/// first; an empty value counts as "Undefined".
fn quick_filters(columns: &[Column], rows: &[Map<String, Value>]) -> Vec<Filter> {
    let mut filters: Vec<(i64, Filter)> = columns
        .iter()
        .enumerate()
        .filter(|(_, column)| column.filter)
        .map(|(index, column)| {
            let mut counts: BTreeMap<String, usize> = BTreeMap::new();
            for row in rows {
                let text = cell_text(row, column);
                let text = if text.is_empty() {
                    "Undefined".to_string()
                } else {
                    text
                };
                *counts.entry(text).or_default() += 1;
            }
            let mut values: Vec<(String, usize)> = counts.into_iter().collect();
            values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            let title = if column.title.is_empty() {
                column.name.clone()
            } else {
                column.title.replace("<br>", " ")
            };
            (column.filter_order, (index, title, values))
        })
        .collect();
    filters.sort_by_key(|(order, (index, _, _))| (*order, *index));
    filters.into_iter().map(|(_, filter)| filter).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_become_years() {
        assert_eq!(year("2019-03-01"), "2019");
        assert_eq!(year("01/03/2019"), "2019");
        assert_eq!(year("no date"), "no date");
    }
}
