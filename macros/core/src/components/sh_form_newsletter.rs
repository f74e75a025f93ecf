//! `::ShFormNewsletter`: the OMA newsletter sign-up, a HubSpot form (see `ShFormContactUs`).

use super::props::ReadProps;
use super::sh_form_contact_us::{HubspotForm, UI_DEFAULTS, hubspot_form};
use super::{ComponentSpec, Use};
use crate::render::Renderer;
use maud::Markup;
use site_props::Props;

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShFormNewsletter",
    props: Newsletter::PROPS,
    ui: UI_DEFAULTS,
    render: |used, renderer| render(&Newsletter::read(&used.props), used, renderer),
};

/// The props of `ShFormContactUs`, with the OMA site's newsletter form.
#[derive(Props)]
#[props(ui)]
struct Newsletter {
    #[prop(default = "21247113")]
    portal_id: String,
    #[prop(default = "56969656-646b-423d-98af-133ab4c4e2dd")]
    form_id: String,
    #[prop(default = "na1")]
    region: String,
    // Where the form can be filled in without JavaScript.
    fallback_url: Option<String>,
}

fn render(props: &Newsletter, component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let form = HubspotForm {
        portal_id: &props.portal_id,
        form_id: &props.form_id,
        region: &props.region,
        fallback_url: props.fallback_url.as_deref(),
    };
    // The OMA site's id for this form.
    hubspot_form(&form, component, renderer, "contact-us-form")
}
