//! `::ShFormContactUs`: the OMA contact form, a HubSpot form drawn in the browser. HubSpot's
//! script is loaded by the enhancement script on the pages that have a form, and those pages'
//! Content-Security-Policy allows HubSpot's hosts; without JavaScript a note (and, with
//! `fallbackUrl`, a link) stands in its place.

use super::props::ReadProps;
use super::{ComponentSpec, Use, non_empty};
use crate::render::Renderer;
use crate::render::csp;
use crate::render::html::link_rel;
use maud::{Markup, html};
use site_props::Props;

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShFormContactUs",
    props: ContactUs::PROPS,
    ui: UI_DEFAULTS,
    render: |used, renderer| render(&ContactUs::read(&used.props), used, renderer),
};

/// The OMA site's portal and region, and its contact form (`ShFormNewsletter` declares the same
/// props with its own form).
#[derive(Props)]
#[props(ui)]
struct ContactUs {
    #[prop(default = "21247113")]
    portal_id: String,
    #[prop(default = "c9bf8828-7520-4e8c-987b-70fe763e77eb")]
    form_id: String,
    #[prop(default = "na1")]
    region: String,
    // Where the form can be filled in without JavaScript.
    fallback_url: Option<String>,
}

/// The props of either HubSpot form.
pub(super) struct HubspotForm<'a> {
    pub(super) portal_id: &'a str,
    pub(super) form_id: &'a str,
    pub(super) region: &'a str,
    pub(super) fallback_url: Option<&'a str>,
}

/// The classes of both HubSpot forms.
pub(super) const UI_DEFAULTS: super::ui::UiDefaults = &[
    ("wrapper", "w-full"),
    (
        "fallback",
        "rounded-xl border-2 border-neutral-200 dark:border-neutral-500 p-5 text-center",
    ),
];

fn render(props: &ContactUs, component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let form = HubspotForm {
        portal_id: &props.portal_id,
        form_id: &props.form_id,
        region: &props.region,
        fallback_url: props.fallback_url.as_deref(),
    };
    hubspot_form(&form, component, renderer, "hubspot-form")
}

/// A HubSpot form in a `div` with id `id` (unless the author gives one).
pub(super) fn hubspot_form(
    form: &HubspotForm<'_>,
    component: &Use<'_>,
    renderer: &mut Renderer<'_>,
    id: &str,
) -> Markup {
    let ui = &component.ui;
    let id = component.props.id().unwrap_or_else(|| id.to_string());
    let rel = form
        .fallback_url
        .and_then(|href| link_rel(href, Some("_blank")));
    let fallback = html! {
        div class=[non_empty(ui.get("fallback"))] data-hubspot-fallback {
            p { "This form is loaded from HubSpot and needs JavaScript." }
            @if let Some(href) = form.fallback_url {
                p { a href=(href) target="_blank" rel=[rel] { "Open the form on its own page" } }
            }
        }
    };
    // Where HubSpot may not be embedded (untrusted mode), the fallback alone.
    if !renderer.embed(csp::hubspot(), component.props.span) {
        return html! { div class=[non_empty(ui.get("wrapper"))] id=(id) { (fallback) } };
    }
    renderer.enhanced = true;
    html! {
        div class=[non_empty(ui.get("wrapper"))] id=(id) data-hubspot-form
            data-portal-id=(form.portal_id)
            data-form-id=(form.form_id)
            data-region=(form.region) {
            (fallback)
        }
    }
}
