//! `::ShSocial`: an embedded Facebook or LinkedIn post, or a link to a post on X (no script).

use super::props::{ReadProps, Spanned};
use super::{ComponentSpec, Use, classes, non_empty};
use crate::render::Renderer;
use crate::render::csp::Directive;
use maud::{Markup, html};
use site_props::Props;

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShSocial",
    props: Social::PROPS,
    ui: &[
        ("wrapper", "flex p-4 justify-center"),
        ("facebook", "bg-white dark:bg-white rounded-xl border"),
        ("linkedin", ""),
        ("twitter", "bg-white dark:bg-white"),
    ],
    render: |used, renderer| render(&Social::read(&used.props), used, renderer),
};

#[derive(Props)]
#[props(ui)]
struct Social {
    src: Option<Spanned<String>>,
    #[prop(default = "500")]
    width: Option<String>,
    // Declared by the OMA component and unused there too.
    #[allow(dead_code)]
    height: Option<String>,
}

fn render(props: &Social, component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let ui = &component.ui;
    let src = props.src.as_ref().map_or("", |src| src.value.as_str());
    let width = props.width.as_deref();
    let lower = src.to_ascii_lowercase();
    // An embedded post is a frame from its site: the page's policy allows that origin.
    let framed = lower.contains("facebook") || lower.contains("linkedin");
    if let Some(written) = &props.src
        && framed
        && !renderer.allow(Directive::Frame, src, written.span)
    {
        return html! {};
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
