//! `::ShAvatar`: a person card with a photo, name, role, company and social links.

use super::props::{PropKind, prop};
use super::sh_card::markdown;
use super::{ComponentSpec, UI, Use, non_empty};
use crate::icons::icon;
use crate::render::Renderer;
use crate::render::html::link_rel;
use maud::{Markup, html};

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShAvatar",
    props: &[
        prop("srcAvatar", PropKind::Text),
        prop("altAvatar", PropKind::Text),
        prop("name", PropKind::Markdown),
        prop("role", PropKind::Markdown),
        prop("company", PropKind::Markdown),
        prop("twitter", PropKind::Text),
        prop("linkedin", PropKind::Text),
        prop("facebook", PropKind::Text),
        prop("instagram", PropKind::Text),
        UI,
    ],
    ui: &[
        (
            "wrapper",
            "grid grid-cols-2 gap-4 p-4 mx-auto w-fit dark:bg-inherit rounded-md",
        ),
        (
            "avatar",
            "grayscale justify-self-end tracking-widest rounded-full size-48 object-cover dark:border dark:border-primary/[0.6]",
        ),
        ("base", ""),
        (
            "name",
            "text-3xl font-bold grow text-primary bottom-0 dark:primary",
        ),
        (
            "role",
            "text-lg font-semibold text-black -mt-4 dark:text-gray-400",
        ),
        (
            "company",
            "text-lg text-gray-500 tracking-widest -mt-5 dark:text-gray-300",
        ),
        ("socials", "flex flex-wrap text-5xl -mx-1 -mt-4"),
        (
            "icon",
            "transition-transform transform hover:-translate-y-1 duration-400 dark:text-primary/[0.6] hover:text-primary dark:hover:text-primary-400",
        ),
    ],
    render,
};

/// The social links: prop, icon, label.
const SOCIALS: &[(&str, &str, &str)] = &[
    ("twitter", "mdi:twitter", "Twitter"),
    ("linkedin", "mdi:linkedin", "LinkedIn"),
    ("facebook", "mdi:facebook", "Facebook"),
    ("instagram", "mdi:instagram", "Instagram"),
];

fn render(component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let props = &component.props;
    let ui = &component.ui;
    let name = markdown(component, renderer, "name");
    let role = markdown(component, renderer, "role");
    let company = props
        .text("company")
        .map(|company| renderer.markdown(&format!("@{company}"), props.value_span("company")));
    let socials: Vec<(String, Option<&str>, Markup)> = SOCIALS
        .iter()
        .filter_map(|&(prop, icon_name, label)| {
            let href = props.text(prop)?;
            let rel = link_rel(&href, None);
            Some((href, rel, icon(icon_name, ui.get("icon"), Some(label))))
        })
        .collect();
    html! {
        div class=[non_empty(ui.get("wrapper"))] {
            @if let Some(src) = props.text("srcAvatar") {
                img class=[non_empty(ui.get("avatar"))] src=(src) alt=(props.text("altAvatar").unwrap_or_default());
            }
            div class=[non_empty(ui.get("base"))] {
                div { div class=[non_empty(ui.get("name"))] { (name) } }
                div { div class=[non_empty(ui.get("role"))] { (role) } }
                div { div class=[non_empty(ui.get("company"))] { @if let Some(company) = company { (company) } } }
                @if !socials.is_empty() {
                    div class=[non_empty(ui.get("socials"))] {
                        @for (href, rel, svg) in socials {
                            a href=(href) rel=[rel] { (svg) }
                        }
                    }
                }
            }
        }
    }
}
