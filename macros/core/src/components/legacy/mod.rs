//! The older site's `modules:` front matter: a list of row modules rendered above the body.

mod row_blog_list_items;
mod row_button_grid;
mod row_document_header;
mod row_dynamic_table;
mod row_image;
mod row_image_beside_text;
mod row_multi_columns;
mod row_news_cards;
mod row_news_list;
mod row_separator;
mod row_tags;
mod row_text;

use super::props::{Props, Written};
use super::sh_dynamic_table::data_error;
use super::{ComponentSpec, Use};
use crate::diagnostic::Code;
use crate::diagnostic::closest;
use crate::load::data::PageMeta;
use crate::load::route_url;
use crate::render::Renderer;
use crate::source::Span;
use crate::yaml::Spans;
use maud::{Markup, PreEscaped, html};
use serde_json::{Map, Value};

pub(super) static MODULES: &[&ComponentSpec] = &[
    &row_blog_list_items::SPEC,
    &row_button_grid::SPEC,
    &row_document_header::SPEC,
    &row_dynamic_table::SPEC,
    &row_image::SPEC,
    &row_image_beside_text::IMAGE_TEXT,
    &row_multi_columns::SPEC,
    &row_news_cards::SPEC,
    &row_news_list::SPEC,
    &row_separator::SPEC,
    &row_tags::SPEC,
    &row_text::SPEC,
    &row_image_beside_text::TEXT_IMAGE,
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

/// Renders a page's `modules:` list in order; `key` is where `modules` is written, `spans`
/// where its value and each module are.
pub fn render_modules(
    renderer: &mut Renderer<'_>,
    modules: &Value,
    key: Span,
    spans: &Spans,
) -> Markup {
    let Some(list) = modules.as_array() else {
        renderer.diagnostics.error(
            renderer.file,
            key,
            Code::LegacyModule,
            "`modules` must be a list of modules",
        );
        return PreEscaped(String::new());
    };
    let mut out = String::new();
    for (index, module) in list.iter().enumerate() {
        let module_spans = spans.item(index).cloned().unwrap_or_default();
        out.push_str(&render_module(renderer, module, &module_spans, false).0);
    }
    PreEscaped(out)
}

/// Renders one module entry as [`render_one`] does, recording the URLs it writes where the
/// props holding them are written (the module's name for those it makes itself).
fn render_module(
    renderer: &mut Renderer<'_>,
    module: &Value,
    spans: &Spans,
    nested: bool,
) -> Markup {
    let since = renderer.urls.len();
    let (markup, props) = render_one(renderer, module, spans, nested);
    renderer.record_written(&markup.0, since, |url| {
        props
            .as_ref()
            .and_then(|props| props.place_of_value(url))
            .unwrap_or(spans.value)
    });
    markup
}

/// Renders one module entry, written at `spans`, and gives its resolved props; `nested`
/// modules are those inside a `RowMultiColumns`.
fn render_one(
    renderer: &mut Renderer<'_>,
    module: &Value,
    spans: &Spans,
    nested: bool,
) -> (Markup, Option<Props>) {
    let empty = Map::new();
    let fields = module.as_object().unwrap_or(&empty);
    let name = fields.get("name").and_then(Value::as_str).unwrap_or("");
    let span = spans.get("name").map_or(spans.value, |name| name.value);
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
            .error(renderer.file, span, Code::UnknownModule, message)
            .help = Some(help);
        return (PreEscaped(String::new()), None);
    };
    if nested && !CHILD_MODULES.contains(&name) {
        renderer.diagnostics.error(
            renderer.file,
            span,
            Code::LegacyModule,
            format!("`{name}` cannot be placed inside `RowMultiColumns`"),
        );
        return (html! { div { (name) } }, None);
    }
    let mut props_map = fields.clone();
    props_map.remove("name");
    let written = Written {
        attributes: &Default::default(),
        attribute_spans: &Default::default(),
        yaml: &props_map,
        yaml_spans: spans,
    };
    let props = Props::resolve(spec, written, span, renderer);
    let component = Use {
        props,
        ui: Default::default(),
        children: &[],
    };
    let markup = if spec.name == row_multi_columns::SPEC.name {
        row_multi_columns::render_with_children(&component, renderer, |renderer, child, spans| {
            render_module(renderer, child, spans, true)
        })
    } else {
        (spec.render)(&component, renderer)
    };
    (markup, Some(component.props))
}

/// The pages below route `folder` (not the folder's own page), newest `date` first; reported
/// at `span` (the module) when the content folder is not at hand.
fn folder_pages(renderer: &mut Renderer<'_>, span: Span, folder: &str) -> Vec<PageMeta> {
    let Some(site) = renderer.site else {
        data_error(
            renderer,
            span,
            "this module lists other pages: it works when a content folder compiles".into(),
            "compile the whole content folder".into(),
        );
        return Vec::new();
    };
    let prefix = format!("{}/", folder.trim_end_matches('/'));
    let mut pages: Vec<PageMeta> = site
        .pages()
        .iter()
        .filter(|page| page.route.starts_with(&prefix))
        .cloned()
        .collect();
    pages.sort_by(|a, b| {
        b.text("date")
            .cmp(&a.text("date"))
            .then_with(|| a.route.cmp(&b.route))
    });
    pages
}

/// A news or blog card's title (linking to its page), subtitle and excerpt.
fn card_heading(page: &PageMeta) -> Markup {
    html! {
        h4 class="card-title" { (page_link(page)) }
        @if let Some(subtitle) = page.text("subtitle") {
            h6 class="card-subtitle text-muted" { span class="font-italic" { (subtitle) } }
        }
        @if let Some(excerpt) = crate::components::sh_list_cards::excerpt_of(page) {
            p class="card-text pt-3" { (excerpt) }
        }
    }
}

/// A link to `page` labelled with its title.
fn page_link(page: &PageMeta) -> Markup {
    let title = page.text("title").unwrap_or_else(|| page.route.clone());
    html! { a class="stretched-link" href=(route_url(&page.route)) { (title) } }
}

/// The route of the page being rendered.
fn current_route(renderer: &Renderer<'_>) -> String {
    let path = renderer.file.display_path.replace('\\', "/");
    let relative = path
        .split_once('/')
        .map_or(path.as_str(), |(_, relative)| relative);
    crate::load::route_of(relative)
}

/// The Iconify name of the older site's FontAwesome icons (`fas calendar` is
/// `fa6-solid:calendar`); an Iconify name stays as it is.
fn fa_icon(spec: &str) -> String {
    let mut parts = spec.split_whitespace();
    match (parts.next(), parts.next()) {
        (Some(prefix), Some(name)) => {
            let set = match prefix {
                "fab" => "fa6-brands",
                "far" => "fa6-regular",
                _ => "fa6-solid",
            };
            format!("{set}:{}", name.trim_start_matches("fa-"))
        }
        _ => spec.trim().to_string(),
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
