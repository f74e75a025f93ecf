//! `RowNewsCards`: the news articles (pages under `/news/`) as Bootstrap cards, newest first.

use super::{card_heading, folder_pages};
use crate::components::props::{PropKind, ReadProps};
use crate::components::sh_list_cards::tags_attribute;
use crate::components::{ComponentSpec, Use};
use crate::render::Renderer;
use maud::{Markup, html};
use site_props::Props;

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "RowNewsCards",
    props: NewsCards::PROPS,
    ui: &[],
    render: |used, renderer| render(&NewsCards::read(&used.props), used, renderer),
};

#[derive(Props)]
struct NewsCards {
    // The folder whose pages are the news (the older site's `content/news/`).
    #[prop(default = "/news")]
    folder: String,
    // At most this many cards.
    #[prop(kind = PropKind::Number(1, 1000))]
    limit: Option<i64>,
}

fn render(props: &NewsCards, module: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let mut items = folder_pages(renderer, module.props.span, &props.folder);
    if let Some(limit) = props.limit {
        items.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    }
    html! {
        div class="row-news-cards" {
            div class="row row-eq-height" {
                @for item in &items {
                    div class="col-md-6 col-lg-4" data-card-tags=(tags_attribute(item)) {
                        article class="card mb-2 h-full" {
                            @if let Some(image) = item.text("image") {
                                img class="card-img news-card-image" src=(image) alt="";
                            }
                            div class="card-body" {
                                (card_heading(item))
                            }
                            div class="card-footer" {
                                div class="row" {
                                    div class="col" { (item.text("date").unwrap_or_default()) }
                                    div class="col" { (item.text("by").unwrap_or_default()) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
