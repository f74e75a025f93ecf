//! `RowNewsList`: the news chosen for the home page (front matter `homepage` above 0, in that
//! order) as a column of coloured cards under a title.

use super::{fa_icon, folder_pages, page_link};
use crate::components::icon::report_missing;
use crate::components::props::{PropKind, prop, prop_or};
use crate::components::{ComponentSpec, Use};
use crate::icons::{icon, icon_exists};
use crate::render::Renderer;
use maud::{Markup, html};

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "RowNewsList",
    props: &[
        prop("title", PropKind::Text),
        prop("subtitle", PropKind::Text),
        // A FontAwesome icon (`fas newspaper`) or an Iconify name.
        prop("image", PropKind::Text),
        prop_or("folder", PropKind::Text, "/news"),
    ],
    ui: &[],
    render,
};

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

fn render(module: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let props = &module.props;
    let folder = props.text("folder").unwrap_or_default();
    let mut items: Vec<(i64, _)> = folder_pages(renderer, props, &folder)
        .into_iter()
        .filter_map(|page| {
            let rank = page.text("homepage")?.parse::<i64>().ok()?;
            (rank > 0).then_some((rank, page))
        })
        .collect();
    items.sort_by_key(|(rank, _)| *rank);
    let image = props.text("image").map(|spec| fa_icon(&spec));
    if let Some(name) = image.as_deref().filter(|name| !icon_exists(name)) {
        report_missing(renderer, props.span, name);
    }
    html! {
        div class="row-news-list" {
            div class="text-center text-primary col-title mb-3" {
                @if let Some(name) = &image { (icon(name, "fa-2x", None)) }
                @if let Some(title) = props.text("title") { p class="h5 mb-0" { (title) } }
                @if let Some(subtitle) = props.text("subtitle") { p class="col-title-subtitle font-italic" { (subtitle) } }
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
