//! `::ShVideo`: a YouTube video in an iframe, or any other video file in `<video>`.

use super::props::{ReadProps, Spanned};
use super::{ComponentSpec, Use, non_empty};
use crate::render::Renderer;
use crate::render::csp::{self, Directive};
use maud::{Markup, PreEscaped, html};
use site_props::Props;

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShVideo",
    props: Video::PROPS,
    ui: &[("wrapper", "mx-5 ring-4")],
    render: |used, renderer| render(&Video::read(&used.props), used, renderer),
};

#[derive(Props)]
#[props(ui)]
struct Video {
    src: Option<Spanned<String>>,
}

/// The 11-character video id of a YouTube URL (`watch?v=`, `/embed/`, `/v/`, `youtu.be/`).
pub(super) fn youtube_id(src: &str) -> Option<&str> {
    if !(src.contains("youtube.com") || src.contains("youtu.be")) {
        return None;
    }
    ["v=", "/embed/", "/v/", "youtu.be/"]
        .iter()
        .filter_map(|marker| {
            let start = src.find(marker)? + marker.len();
            let rest = src.get(start..)?;
            let id = rest.get(..11)?;
            id.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                .then_some(id)
        })
        .next()
}

fn render(props: &Video, component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let Some(written) = &props.src else {
        return PreEscaped(String::new());
    };
    let src = written.value.as_str();
    let wrapper = non_empty(component.ui.get("wrapper"));
    // The page's Content-Security-Policy allows the player's host, or the video's.
    let allowed = match youtube_id(src) {
        Some(_) => renderer.embed(csp::youtube(), written.span),
        None => renderer.allow(Directive::Media, src, written.span),
    };
    if !allowed {
        return PreEscaped(String::new());
    }
    match youtube_id(src) {
        Some(id) => html! {
            div class=[wrapper] {
                iframe src=(format!("https://www.youtube.com/embed/{id}")) title="YouTube video player" frameborder="0" allowfullscreen width="100%" height="700" {}
            }
        },
        None => html! {
            div class=[wrapper] {
                video controls { source src=(src) type="video/mp4"; "Your browser does not support the video tag." }
            }
        },
    }
}
