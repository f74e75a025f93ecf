//! `::ShListCards`: a grid of article cards (ShCard) chosen by the `cardID` of other pages'
//! front matter, in the order given, with the articles' tags above it. The enhancement script
//! makes the tags filter the cards; without it every card shows.

use super::icon::component_icon;
use super::props::{Markdown, PropKind, Props, ReadProps, Spanned, Written};
use super::sh_dynamic_table::data_error;
use super::ui::Ui;
use super::{ComponentSpec, Use, classes, non_empty, sh_card};
use crate::load::data::{PageMeta, front_matter_tags, value_text};
use crate::load::route_url;
use crate::render::Renderer;
use crate::source::Span;
use maud::{Markup, PreEscaped, html};
use serde_json::{Map, Value};

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShListCards",
    props: ListCards::PROPS,
    ui: &[
        (
            "wrapper",
            "pl-4 pr-4 pb-10 shadow-xl bg-neutral-100 dark:bg-neutral-900/[0.6] rounded-2xl",
        ),
        ("inner", ""),
        ("tags.title", "flex flex-wrap justify-center"),
        (
            "tags.list",
            "inline-block overflow-hidden hover:scale-105 duration-200 ease-in-out rounded-3xl text-lg cursor-pointer px-3 mx-2 mt-4 hover:shadow-xl hover:shadow-primary/[0.3] border border-primary dark:text-white dark:border-primary dark:shadow-primary/[0.3]",
        ),
        (
            "tags.clear",
            "mt-3 text-lg px-3 border border-oma-red-500 bg-oma-red-600 hover:bg-oma-red-500 hover:border-oma-red-600 text-white dark:border-oma-red-500 dark:bg-oma-red-600 dark:hover:bg-oma-red-500 dark:hover:border-oma-red-600 dark:text-white rounded-3xl",
        ),
        ("header", ""),
        (
            "title",
            "pt-6 text-3xl font-extrabold text-center dark:text-gray-200",
        ),
        (
            "subtitle",
            "pb-6 text-xl font-semibold text-gray-600 dark:text-gray-400 -mt-8 text-center",
        ),
        ("text", "pb-16 text-center font-light dark:text-gray-400"),
        ("base", "justify-between flex flex-wrap"),
        ("gap", "gap-0"),
    ],
    render: |used, renderer| render(&ListCards::read(&used.props), used, renderer),
};

#[derive(site_props::Props)]
#[props(class, ui)]
struct ListCards {
    title: Option<Markdown>,
    subtitle: Option<Markdown>,
    text: Option<Markdown>,
    // Columns on wide screens (the OMA config had no default: none unless given).
    #[prop(kind = PropKind::Number(1, 12))]
    cols: Option<i64>,
    // The articles, by the `cardID` of their front matter, in this order.
    #[prop(name = "cardID")]
    card_id: Spanned<Vec<Value>>,
}

/// The tags of an article's front matter (a list, or one tag as text).
pub(super) fn tags_of(page: &PageMeta) -> Vec<String> {
    front_matter_tags(&page.front_matter)
}

/// An article's tags as the JSON list its card's `data-card-tags` holds, for the tag filter.
pub(super) fn tags_attribute(page: &PageMeta) -> String {
    Value::from(tags_of(page)).to_string()
}

/// An article's excerpt: its body up to `<!--more-->`, else its `description`.
pub(super) fn excerpt_of(page: &PageMeta) -> Option<String> {
    page.excerpt
        .clone()
        .filter(|excerpt| !excerpt.is_empty())
        .or_else(|| page.text("description"))
}

/// An article rendered as a ShCard, whose props' problems are reported at `span` (the list).
fn card(article: &PageMeta, span: Span, renderer: &mut Renderer<'_>) -> Markup {
    let mut fields = Map::new();
    let mut set = |key: &str, value: Option<String>| {
        if let Some(value) = value {
            fields.insert(key.to_string(), Value::String(value));
        }
    };
    set("title", article.text("title"));
    set("subtitle", article.text("subtitle"));
    set(
        "urlImage",
        article.text("urlImage").or_else(|| article.text("image")),
    );
    set("altImage", article.text("altImage"));
    set("excerpt", excerpt_of(article));
    set("urlUpperBase", Some(route_url(&article.route)));
    set("articleURL", Some(route_url(&article.route)));
    for label in ["leftLabel", "centerLabel", "rightLabel"] {
        set(label, article.text(label));
    }
    let spec = &sh_card::SPEC;
    let written = Written {
        attributes: &Default::default(),
        attribute_spans: &Default::default(),
        yaml: &fields,
        yaml_spans: &Default::default(),
    };
    let props = Props::resolve(spec, written, span, renderer);
    let ui = Ui::resolve(spec.ui, None, None);
    (spec.render)(
        &Use {
            props,
            ui,
            children: &[],
        },
        renderer,
    )
}

/// The articles `cardID` names, in its order; an id no page has is reported.
fn articles(card_id: &Spanned<Vec<Value>>, renderer: &mut Renderer<'_>) -> Vec<PageMeta> {
    let span = card_id.span;
    let Some(site) = renderer.site else {
        data_error(
            renderer,
            span,
            "`ShListCards` reads other pages: it works when a content folder compiles".into(),
            "compile the whole content folder".into(),
        );
        return Vec::new();
    };
    let with_id: Vec<&PageMeta> = site
        .pages()
        .iter()
        .filter(|page| page.text("cardID").is_some())
        .collect();
    let wanted: Vec<(usize, String)> = card_id
        .value
        .iter()
        .enumerate()
        .filter_map(|(index, id)| Some((index, value_text(id)?)))
        .collect();
    let mut found = Vec::with_capacity(wanted.len());
    for (index, id) in &wanted {
        match with_id
            .iter()
            .find(|page| page.text("cardID").as_ref() == Some(id))
        {
            Some(page) => found.push((*page).clone()),
            None => {
                let known: Vec<String> = with_id.iter().filter_map(|p| p.text("cardID")).collect();
                let help = if known.is_empty() {
                    "no page has a `cardID` in its front matter".to_string()
                } else {
                    format!("the articles' ids are {}", known.join(", "))
                };
                let item = card_id.spans.item(*index);
                data_error(
                    renderer,
                    item.map_or(span, |item| item.value),
                    format!("no article has `cardID: {id}`"),
                    help,
                );
            }
        }
    }
    found
}

fn render(props: &ListCards, component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let ui = &component.ui;
    let articles = articles(&props.card_id, renderer);
    let mut tags: Vec<String> = Vec::new();
    for article in &articles {
        for tag in tags_of(article) {
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
    }
    if !tags.is_empty() {
        renderer.enhanced = true;
    }
    let [title, subtitle, text] = [&props.title, &props.subtitle, &props.text]
        .map(|markdown| markdown.as_ref().map(|markdown| markdown.render(renderer)));
    let cards: Vec<(String, Markup)> = articles
        .iter()
        .map(|article| {
            let tags = tags_attribute(article);
            (tags, card(article, component.props.span, renderer))
        })
        .collect();
    let wide = props
        .cols
        .map(|cols| format!("min-[1300px]:grid-cols-{cols}"))
        .unwrap_or_default();
    let grid = classes(&[
        ui.get("base"),
        ui.get("gap"),
        "grid grid-cols-1 sm:grid-cols-2 lg:grid-cols-3",
        &wide,
    ]);
    let clear = if tags.is_empty() {
        PreEscaped(String::new())
    } else {
        component_icon(renderer, "line-md:close-circle", "", None)
    };
    html! {
        div class=[non_empty(ui.get("wrapper"))] data-tag-filter {
            div class=[non_empty(ui.get("inner"))] {
                @if !tags.is_empty() {
                    h3 class=[non_empty(ui.get("tags.title"))] { "Tags" }
                    div class="block xl:flex justify-center" {
                        @for tag in &tags {
                            span class=[non_empty(ui.get("tags.list"))] data-tag=(tag) { (tag) }
                        }
                    }
                    div class="flex justify-center mt-5" {
                        button type="button" class=[non_empty(ui.get("tags.clear"))] data-tags-clear hidden {
                            "Clear All " (clear)
                        }
                    }
                }
            }
            div class=[non_empty(ui.get("header"))] {
                div class=[non_empty(ui.get("title"))] { @if let Some(title) = title { (title) } }
                div class=[non_empty(ui.get("subtitle"))] { @if let Some(subtitle) = subtitle { (subtitle) } }
                div class=[non_empty(ui.get("text"))] { @if let Some(text) = text { (text) } }
            }
            div class=(grid) {
                @for (tags, card) in cards {
                    div data-card-tags=(tags) { (card) }
                }
            }
        }
    }
}
