//! `RowNewsList`: the news chosen for the home page (front matter `homepage` above 0, in that
//! order) as a column of coloured cards under a title.

use super::{fa_icon, folder_pages, page_link};
use crate::components::icon::content_icon;
use crate::components::props::ReadProps;
use crate::components::{ComponentSpec, Use};
use crate::render::Renderer;
use maud::{Markup, html};
use site_props::Props;

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "RowNewsList",
    props: NewsList::PROPS,
    ui: &[],
    render: |used, renderer| render(&NewsList::read(&used.props), used, renderer),
};

#[derive(Props)]
struct NewsList {
    title: Option<String>,
    subtitle: Option<String>,
    // A FontAwesome icon (`fas newspaper`) or an Iconify name.
    image: Option<String>,
    #[prop(default = "/news")]
    folder: String,
}

/// The colour of the card at `index`: every second is `second`, else every third `third`.
fn colour(index: usize) -> &'static str {
    let n = index + 1;
    if n % 2 == 0 {
        "second"
    } else if n % 3 == 0 {
        "third"
    } else {
        "first"
    }
}

fn render(props: &NewsList, module: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let span = module.props.span;
    let mut items: Vec<(i64, _)> = folder_pages(renderer, span, &props.folder)
        .into_iter()
        .filter_map(|page| {
            let rank = page.text("homepage")?.parse::<i64>().ok()?;
            (rank > 0).then_some((rank, page))
        })
        .collect();
    items.sort_by_key(|(rank, _)| *rank);
    let image = props
        .image
        .as_deref()
        .map(|spec| content_icon(renderer, &fa_icon(spec), span, "fa-2x", None));
    html! {
        div class="row-news-list" {
            div class="text-center text-primary col-title mb-3" {
                @if let Some(svg) = image { (svg) }
                @if let Some(title) = &props.title { p class="h5 mb-0" { (title) } }
                @if let Some(subtitle) = &props.subtitle { p class="col-title-subtitle font-italic" { (subtitle) } }
            }
            @for (index, (_, item)) in items.iter().enumerate() {
                div class="row row-news-list-item" {
                    div class=(format!("card mb-3 p-0 {}", colour(index))) {
                        div class="card-body" {
                            h5 class="card-title" { (page_link(item)) }
                            @if let Some(subtitle) = item.text("subtitle") {
                                h6 class="card-subtitle" { (subtitle) }
                            }
                        }
                        div class="card-footer" {
                            (item.text("date").unwrap_or_default()) " | " (item.text("by").unwrap_or_default())
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn colours_cycle() {
        let cycle: Vec<&str> = (0..6).map(super::colour).collect();
        assert_eq!(
            cycle,
            ["first", "second", "third", "second", "first", "second"]
        );
    }
}
