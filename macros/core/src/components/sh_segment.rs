//! `::ShSegment`: a plain block wrapper, typically one cell of `ShTwoColumns`.

use super::props::{ReadProps, Spanned};
use super::{ComponentSpec, Use, css, non_empty};
use crate::render::Renderer;
use maud::{Markup, html};
use site_props::Props;

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShSegment",
    props: Segment::PROPS,
    ui: &[("wrapper", "")],
    render: |used, renderer| render(&Segment::read(&used.props), used, renderer),
};

#[derive(Props)]
#[props(ui)]
struct Segment {
    image_background: Option<Spanned<String>>,
    image_background_class: Option<Spanned<String>>,
}

fn render(props: &Segment, component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    // Despite its name, `imageBackgroundClass` holds inline CSS on the OMA site.
    let mut style = Vec::new();
    if let Some(url) = &props.image_background
        && let Some(url) = css::image_url(renderer, url)
    {
        style.push(format!("background: url({url})"));
    }
    if let Some(css) = &props.image_background_class
        && let Some(css) = css::declarations(renderer, css)
    {
        style.push(css.to_string());
    }
    let style = style.join("; ");
    let body = component.slot(renderer);
    html! {
        div class=[non_empty(component.ui.get("wrapper"))] style=[non_empty(&style)] { (body) }
    }
}
