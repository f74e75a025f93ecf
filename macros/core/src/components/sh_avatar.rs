//! `::ShAvatar`: a person card with a photo, name, role, company and social links.

use super::props::{Markdown, ReadProps};
use super::sh_card::markdown;
use super::{ComponentSpec, Use, non_empty};
use crate::icons::icon;
use crate::render::Renderer;
use crate::render::html::link_rel;
use maud::{Markup, html};
use site_props::Props;

pub(super) static SPEC: ComponentSpec = ComponentSpec {
    name: "ShAvatar",
    props: Avatar::PROPS,
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
    render: |used, renderer| render(&Avatar::read(&used.props), used, renderer),
};

#[derive(Props)]
#[props(ui)]
struct Avatar {
    src_avatar: Option<String>,
    alt_avatar: String,
    name: Option<Markdown>,
    role: Option<Markdown>,
    company: Option<Markdown>,
    twitter: Option<String>,
    linkedin: Option<String>,
    facebook: Option<String>,
    instagram: Option<String>,
}

fn render(props: &Avatar, component: &Use<'_>, renderer: &mut Renderer<'_>) -> Markup {
    let ui = &component.ui;
    let name = markdown(renderer, &props.name);
    let role = markdown(renderer, &props.role);
    let company = props
        .company
        .as_ref()
        .map(|company| renderer.markdown(&format!("@{}", company.text), company.span));
    // The social links: the prop, its icon, its label.
    let socials: Vec<(&str, Option<&str>, Markup)> = [
        (&props.twitter, "mdi:twitter", "Twitter"),
        (&props.linkedin, "mdi:linkedin", "LinkedIn"),
        (&props.facebook, "mdi:facebook", "Facebook"),
        (&props.instagram, "mdi:instagram", "Instagram"),
    ]
    .into_iter()
    .filter_map(|(href, icon_name, label)| {
        let href = href.as_deref()?;
        let rel = link_rel(href, None);
        Some((href, rel, icon(icon_name, ui.get("icon"), Some(label))))
    })
    .collect();
    html! {
        div class=[non_empty(ui.get("wrapper"))] {
            @if let Some(src) = &props.src_avatar {
                img class=[non_empty(ui.get("avatar"))] src=(src) alt=(props.alt_avatar);
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
