//! `::ShSocial`: an embedded Facebook or LinkedIn post, or a link to a post on X (no script).

use super::props::{PropKind, prop, prop_or};
use super::{ComponentSpec, UI, Use, classes, non_empty};
use crate::render::Renderer;
use crate::render::csp::Directive;
use maud::{Markup, html};

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShSocial",
    props: &[
        prop("src", PropKind::Text),
        prop_or("width", PropKind::Text, "500"),
        // Declared by the OMA component and unused there too.
        prop("height", PropKind::Text),
        UI,
    ],
    ui: &[
        ("wrapper", "flex p-4 justify-center"),
        ("facebook", "bg-white dark:bg-white rounded-xl border"),
        ("linkedin", ""),
        ("twitter", "bg-white dark:bg-white"),
    ],
    render,
};

fn render(component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let props = &component.props;
    let ui = &component.ui;
    let src = props.text("src").unwrap_or_default();
    let width = props.text("width");
    let lower = src.to_ascii_lowercase();
    // An embedded post is a frame from its site: the page's policy allows that origin.
    if lower.contains("facebook") || lower.contains("linkedin") {
        renderer.allow(Directive::Frame, &src, props.value_span("src"));
    }
    let post = if lower.contains("facebook") {
        html! {
            iframe class=(classes(&[ui.get("facebook"), "max-w-full"])) src=(src) width=[width] height="410" title="Embedded post" style="overflow:hidden" scrolling="no" frameborder="0" allowfullscreen="true" allow="autoplay; clipboard-write; encrypted-media; picture-in-picture; web-share" {}
        }
    } else if lower.contains("linkedin") {
        html! {
            iframe class=(classes(&[ui.get("linkedin"), "max-w-full"])) src=(src) width=[width] height="650" frameborder="0" allowfullscreen="true" title="Embedded post" {}
        }
    } else if !src.is_empty() && src.chars().all(|c| c.is_ascii_digit()) {
        let href = format!("https://x.com/i/status/{src}");
        html! {
            blockquote class=[non_empty(ui.get("twitter"))] {
                p { a href=(href) target="_blank" rel="nofollow noopener noreferrer" { "View the post on X" } }
            }
        }
    } else {
        html! { "No supported social media found." }
    };
    // Never wider than the page: a frame narrows to fit (its `width` is a maximum).
    html! { div class=[non_empty(ui.get("wrapper"))] { div class="max-w-full" { (post) } } }
}
