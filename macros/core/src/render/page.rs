//! A page: its title, body and the full HTML document around it.

use super::Renderer;
use crate::components::legacy;
use crate::content::{PageFile, title_from_path};
use crate::diagnostic::Diagnostics;
use crate::source::SourceFile;
use crate::tree::{Document, NodeKind};
use maud::{DOCTYPE, Markup, PreEscaped, html};
use serde_json::{Map, Value};

/// The site name, appended to every page title.
pub const SITE_NAME: &str = "OMA SpecWorks";

/// A heading, for a table of contents and for checking `#anchor` links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TocEntry {
    /// 1 to 6.
    pub depth: u8,
    /// The heading's id.
    pub id: String,
    /// Its text without markup.
    pub text: String,
}

/// A page rendered to HTML.
#[derive(Debug, Clone)]
pub struct RenderedPage {
    /// Canonical route.
    pub route: String,
    /// Title (front matter, first `#` heading, or file name).
    pub title: String,
    /// Meta description (front matter `description`, or empty).
    pub description: String,
    /// The front matter as JSON text.
    pub front_matter: String,
    /// Rendered content without chrome.
    pub body: String,
    /// The complete HTML document.
    pub html: String,
    /// The page's headings in order.
    pub headings: Vec<TocEntry>,
}

/// Renders a parsed page into its body and document.
pub fn render_page(
    page: &PageFile,
    file: &SourceFile,
    document: &Document,
    diagnostics: &mut Diagnostics,
) -> RenderedPage {
    let empty = Map::new();
    let front_matter = document.front_matter.as_ref().unwrap_or(&empty);
    let mut renderer = Renderer::new(file, front_matter, diagnostics);
    let body = match front_matter.get("modules") {
        Some(modules) => {
            let modules = legacy::render_modules(&mut renderer, modules);
            let markdown = renderer.nodes(&document.children);
            legacy::page_body(modules, markdown)
        }
        None => renderer.nodes(&document.children),
    };
    let headings = std::mem::take(&mut renderer.headings);
    let title = text_value(front_matter, "title")
        .or_else(|| first_h1(document))
        .unwrap_or_else(|| title_from_path(&page.relative));
    let description = text_value(front_matter, "description").unwrap_or_default();
    let layout = text_value(front_matter, "layout");
    let main = match layout.as_deref() {
        Some("doc") => html! {
            article.prose."w-fit"."max-w-full"."mt-16" {
                h1 { (title) }
                div style="font-size:23px;" class="par mt-8 pb-10" { (body) }
            }
        },
        _ => html! {
            article.prose."w-fit"."max-w-full"."mt-16" {
                div."grid"."grid-cols-12" {
                    div style="font-size:23px;" class="col-start-1 col-span-12 w-full lg:w-fit par mt-8 pb-24" { (body) }
                }
            }
        },
    };
    let html = document_html(&title, &description, main);
    RenderedPage {
        route: page.route.clone(),
        title,
        description,
        front_matter: Value::Object(front_matter.clone()).to_string(),
        body: body.into_string(),
        html,
        headings,
    }
}

/// A string front-matter value, trimmed; empty counts as absent.
fn text_value(front_matter: &Map<String, Value>, key: &str) -> Option<String> {
    let value = front_matter.get(key)?;
    let text = match value {
        Value::String(text) => text.trim().to_string(),
        Value::Number(number) => number.to_string(),
        Value::Bool(flag) => flag.to_string(),
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

fn first_h1(document: &Document) -> Option<String> {
    document.children.iter().find_map(|node| match node.kind {
        NodeKind::Heading { depth: 1, .. } => {
            Some(node.plain_text().trim().to_string()).filter(|t| !t.is_empty())
        }
        _ => None,
    })
}

/// The complete HTML document for a page titled `title`.
pub fn document_html(title: &str, description: &str, main: Markup) -> String {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " | " (SITE_NAME) }
                @if !description.is_empty() {
                    meta name="description" content=(description);
                }
            }
            body {
                main { (main) }
            }
        }
    }
    .into_string()
}

/// The generated home page: a link to every page.
pub fn home_page<'a>(pages: impl IntoIterator<Item = &'a RenderedPage>) -> RenderedPage {
    let body = html! {
        ul {
            @for page in pages {
                li { a href=(page.route) { (page.title) } }
            }
        }
    };
    let main = html! { article.prose."mt-16" { h1 { (SITE_NAME) } (body) } };
    generated_page("/", "Home", body, main)
}

/// The page answered with status 404.
pub fn not_found_page() -> String {
    let main = html! {
        article.prose."mt-16" {
            h1 { "Page not found" }
            p { "The requested page does not exist. " a href="/" { "Go to the home page" } "." }
        }
    };
    document_html("Page not found", "", main)
}

fn generated_page(route: &str, title: &str, body: Markup, main: Markup) -> RenderedPage {
    let html = document_html(title, "", main);
    let PreEscaped(body) = body;
    RenderedPage {
        route: route.into(),
        title: title.into(),
        description: String::new(),
        front_matter: "{}".into(),
        body,
        html,
        headings: Vec::new(),
    }
}
