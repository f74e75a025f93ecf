//! `::ShFormNewsletter`: the OMA newsletter sign-up, a HubSpot form (see `ShFormContactUs`).

use super::sh_form_contact_us::{UI_DEFAULTS, hubspot_form, hubspot_props};
use super::{ComponentSpec, Use};
use crate::render::Renderer;
use maud::Markup;

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShFormNewsletter",
    // The OMA site's newsletter form.
    props: &hubspot_props("56969656-646b-423d-98af-133ab4c4e2dd"),
    ui: UI_DEFAULTS,
    render,
};

fn render(component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    // The OMA site's id for this form.
    hubspot_form(component, renderer, "contact-us-form")
}
