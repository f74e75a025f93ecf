//! `::ShFormNewsletter`: the OMA newsletter sign-up, a HubSpot form (see `ShFormContactUs`).

use super::props::{PropKind, prop, prop_or};
use super::sh_form_contact_us::{UI_DEFAULTS, hubspot_form};
use super::{ComponentSpec, UI, Use};
use crate::render::Renderer;
use maud::Markup;

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShFormNewsletter",
    props: &[
        // The OMA site's HubSpot portal and newsletter form.
        prop_or("portalId", PropKind::Text, "21247113"),
        prop_or(
            "formId",
            PropKind::Text,
            "56969656-646b-423d-98af-133ab4c4e2dd",
        ),
        prop_or("region", PropKind::Text, "na1"),
        // Where the form can be filled in without JavaScript.
        prop("fallbackUrl", PropKind::Text),
        UI,
    ],
    ui: UI_DEFAULTS,
    render,
};

fn render(component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    // The OMA site's id for this form.
    hubspot_form(component, renderer, "contact-us-form")
}
