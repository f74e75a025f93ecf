//! `::ShFormContactUs`: the OMA contact form, a HubSpot form drawn in the browser. HubSpot's
//! script is loaded by the enhancement script on the pages that have a form, and those pages'
//! Content-Security-Policy allows HubSpot's hosts; without JavaScript a note (and, with
//! `fallbackUrl`, a link) stands in its place.

use super::props::{PropKind, PropSpec, prop, prop_or};
use super::{ComponentSpec, UI, Use, non_empty};
use crate::render::Renderer;
use crate::render::csp;
use crate::render::html::link_rel;
use maud::{Markup, html};

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShFormContactUs",
    // The OMA site's contact form.
    props: &hubspot_props("c9bf8828-7520-4e8c-987b-70fe763e77eb"),
    ui: UI_DEFAULTS,
    render,
};

/// The props of both HubSpot forms: the OMA site's portal and region, and `form_id` as the
/// default form.
pub(super) const fn hubspot_props(form_id: &'static str) -> [PropSpec; 5] {
    [
        prop_or("portalId", PropKind::Text, "21247113"),
        prop_or("formId", PropKind::Text, form_id),
        prop_or("region", PropKind::Text, "na1"),
        // Where the form can be filled in without JavaScript.
        prop("fallbackUrl", PropKind::Text),
        UI,
    ]
}

/// The classes of both HubSpot forms.
pub(super) const UI_DEFAULTS: super::ui::UiDefaults = &[
    ("wrapper", "w-full"),
    (
        "fallback",
        "rounded-xl border-2 border-neutral-200 dark:border-neutral-500 p-5 text-center",
    ),
];

fn render(component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    hubspot_form(component, renderer, "hubspot-form")
}

/// A HubSpot form in a `div` with id `id` (unless the author gives one).
pub(super) fn hubspot_form(component: &Use<'_>, renderer: &mut Renderer<'_>, id: &str) -> Markup {
    let props = &component.props;
    let ui = &component.ui;
    renderer.needs(csp::hubspot());
    renderer.enhanced = true;
    let id = props.text("id").unwrap_or_else(|| id.to_string());
    let fallback = props.text("fallbackUrl");
    let rel = fallback
        .as_deref()
        .and_then(|href| link_rel(href, Some("_blank")));
    html! {
        div class=[non_empty(ui.get("wrapper"))] id=(id) data-hubspot-form
            data-portal-id=(props.text("portalId").unwrap_or_default())
            data-form-id=(props.text("formId").unwrap_or_default())
            data-region=(props.text("region").unwrap_or_default()) {
            div class=[non_empty(ui.get("fallback"))] data-hubspot-fallback {
                p { "This form is loaded from HubSpot and needs JavaScript." }
                @if let Some(href) = &fallback {
                    p { a href=(href) target="_blank" rel=[rel] { "Open the form on its own page" } }
                }
            }
        }
    }
}
