//! One object's page: its facts, description, resources (each row an anchor, `#r13`), its
//! versions with what changed between them, and links to its specification and XML.

use super::text::paragraphs;
use super::{LICENCES_ROUTE, RegistryPage, object_route, section_links, xml_route};
use crate::registry::licences::Notice;
use crate::registry::{Change, Definition, Object, Registry, Version, changes};
use maud::{Markup, html};

/// The page of `object`; the layout makes its title the page's heading.
pub(super) fn page(object: &Object<'_>, registry: &Registry) -> RegistryPage {
    let id = object.id;
    let row = object.row();
    let definition = object.definition();
    let name = definition
        .map(|d| d.name.text.as_str())
        .filter(|name| !name.is_empty())
        .or(row.map(|row| row.name.as_str()))
        .unwrap_or_default();
    let title = format!("{name} (LwM2M object {id})");
    let mut headings = vec![(2, "object".to_string(), "Object".to_string())];
    if definition.is_some() {
        headings.push((2, "description".into(), "Description".into()));
        headings.push((2, "resources".into(), "Resources".into()));
    }
    headings.push((2, "versions".into(), "Versions".into()));
    let latest = object.latest();
    let notice = latest.and_then(|version| version.path).and_then(|path| {
        registry
            .notices
            .iter()
            .position(|notice| notice.files.iter().any(|file| file == path))
    });
    let body = html! {
        (section_links())
        p class="text-lg" {
            (name) ", LwM2M object " (id)
            @if let Some(row) = row { ", version " (row.version) ", registered by " (row.owner) }
        }
        h2 id="object" { "Object" }
        (facts(object, definition))
        @match (definition, latest) {
            (Some(definition), _) => {
                h2 id="description" { "Description" }
                (paragraphs(&definition.description.text))
                @if !definition.description2.text.is_empty() {
                    (paragraphs(&definition.description2.text))
                }
                h2 id="resources" { "Resources" }
                (resources(definition))
            }
            (None, Some(version)) => (not_included(version)),
            (None, None) => {}
        }
        h2 id="versions" { "Versions" }
        (versions(object))
        @if let Some(index) = notice {
            p class="text-sm" {
                "The object's definition is published under its licence: see "
                a href=(format!("{LICENCES_ROUTE}#{}", Notice::anchor(index))) { "its notice" }
                "."
            }
        }
    };
    let description = definition.map_or_else(String::new, |d| first_sentence(&d.description.text));
    RegistryPage {
        route: object_route(id),
        title,
        description,
        body: body.into_string(),
        headings,
    }
}

/// The object's facts, from its latest definition and its row of `index.tsv`.
fn facts(object: &Object<'_>, definition: Option<&Definition>) -> Markup {
    let row = object.row();
    let latest = object.latest();
    html! {
        dl class="grid grid-cols-1 sm:grid-cols-[max-content_1fr] gap-x-6 sm:gap-y-1" {
            dt { "Object ID" } dd { (object.id) }
            @if let Some(row) = row {
                dt { "URN" } dd { code class="break-all" { (row.urn) } }
                dt { "Version" } dd { (row.version) }
            }
            @if let Some(definition) = definition {
                @if !definition.lwm2m_version.text.is_empty() {
                    dt { "LwM2M version" } dd { (definition.lwm2m_version.text) }
                }
                dt { "Instances" } dd { (definition.multiple.text) }
                dt { "Mandatory" } dd { (definition.mandatory.text) }
            }
            @if let Some(row) = row {
                dt { "Owner" } dd { (row.owner) }
                dt { "Source" } dd { (row.source.label()) }
                @if row.ts_link && !row.ts.is_empty() {
                    dt { "Specification" }
                    dd { a href=(row.ts) title=(row.ts) class="break-all" { (file_name(&row.ts)) } }
                }
            }
            @if let Some(Version { path: Some(path), definition: Some(_), row }) = latest {
                @if row.ddf_link {
                    dt { "Definition" }
                    dd { a href=(xml_route(path)) type="application/xml" { (file_name(path)) } }
                }
            }
        }
    }
}

/// What an object without a definition in the data says instead.
fn not_included(version: &Version<'_>) -> Markup {
    html! {
        div class="rounded-lg border-2 border-neutral-300 p-4 my-4" role="note" {
            @if version.row.ddf.is_empty() {
                p { "The registry reserves this object ID: no definition has been registered for it." }
            } @else {
                p {
                    "Its definition (" code { (version.row.ddf) } ") is not included: the registry's \
                     file carries no licence that allows publishing it here. The registry itself \
                     has it."
                }
            }
        }
    }
}

/// The resources' table, by ID, each row's anchor `r` and its ID.
fn resources(definition: &Definition) -> Markup {
    let mut resources: Vec<_> = definition.resources.iter().collect();
    resources.sort_by_key(|resource| resource.id());
    html! {
        div class="w-full overflow-x-auto not-prose" {
            table class="min-w-full divide-y divide-gray-300 dark:divide-gray-700 text-sm" {
                thead {
                    tr {
                        @for title in ["ID", "Name", "Operations", "Instances", "Mandatory", "Type", "Range or enumeration", "Units", "Description"] {
                            th scope="col" class="text-left px-2 py-2 font-semibold" { (title) }
                        }
                    }
                }
                tbody {
                    @for resource in resources {
                        tr id=(format!("r{}", resource.id.text)) class="align-top target:bg-golden/[0.3]" {
                            td class="px-2 py-2" { a href=(format!("#r{}", resource.id.text)) { (resource.id.text) } }
                            th scope="row" class="px-2 py-2 font-semibold text-left" { (resource.name.text) }
                            td class="px-2 py-2" { (resource.operations.text) }
                            td class="px-2 py-2" { (resource.multiple.text) }
                            td class="px-2 py-2" { (resource.mandatory.text) }
                            td class="px-2 py-2" { (resource.kind.text) }
                            td class="px-2 py-2 whitespace-pre-line" { (resource.range.text) }
                            td class="px-2 py-2" { (resource.units.text) }
                            td class="px-2 py-2 min-w-[16rem]" { (paragraphs(&resource.description.text)) }
                        }
                    }
                }
            }
        }
    }
}

/// Every version, newest first, each with what changed from the one before.
fn versions(object: &Object<'_>) -> Markup {
    let listed: Vec<(usize, &Version<'_>)> = object.versions.iter().enumerate().rev().collect();
    html! {
        ul {
            @for (index, version) in listed {
                li {
                    strong { "Version " (version.row.version) }
                    @if let Some(definition) = version.definition {
                        @if !definition.lwm2m_version.text.is_empty() {
                            " (LwM2M " (definition.lwm2m_version.text) ")"
                        }
                    }
                    @if let (Some(path), Some(_)) = (version.path, version.definition) {
                        " · " a href=(xml_route(path)) type="application/xml" { (file_name(path)) }
                    }
                    @if version.row.ts_link && !version.row.ts.is_empty() {
                        " · " a href=(version.row.ts) { "specification" }
                    }
                    @if let Some(earlier) = index.checked_sub(1).and_then(|i| object.versions.get(i)) {
                        (changes_from(earlier, version, object.definition()))
                    }
                }
            }
        }
    }
}

/// What changed from `earlier` to `later`, when both definitions are in the data; a resource
/// the `current` definition has links to its row.
fn changes_from(
    earlier: &Version<'_>,
    later: &Version<'_>,
    current: Option<&Definition>,
) -> Markup {
    let (Some(before), Some(after)) = (earlier.definition, later.definition) else {
        return html! {};
    };
    let found = changes(before, after);
    html! {
        @if found.is_empty() {
            p class="text-sm" { "No resource added, removed or changed in type or operations since " (earlier.row.version) "." }
        } @else {
            p class="text-sm" { "Since " (earlier.row.version) ":" }
            ul class="text-sm" {
                @for change in &found {
                    li { (change_text(change, current)) }
                }
            }
        }
    }
}

fn change_text(change: &Change, current: Option<&Definition>) -> Markup {
    let resource = |id: u32, name: &str| {
        let listed = current.is_some_and(|definition| definition.resource(id).is_some());
        html! {
            @if listed { a href=(format!("#r{id}")) { (id) " " (name) } } @else { (id) " " (name) }
        }
    };
    match change {
        Change::Added { id, name } => html! { "added " (resource(*id, name)) },
        Change::Removed { id, name } => html! { "removed " (resource(*id, name)) },
        Change::Changed {
            id,
            name,
            kind,
            operations,
        } => html! {
            (resource(*id, name))
            @if let Some((before, after)) = kind {
                ": type " (shown(before)) " → " (shown(after))
            }
            @if let Some((before, after)) = operations {
                ": operations " (shown(before)) " → " (shown(after))
            }
        },
    }
}

/// A value as a change shows it: empty as "none".
fn shown(value: &str) -> &str {
    if value.is_empty() { "none" } else { value }
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// The description's first sentence, for the page's meta description.
fn first_sentence(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.find(". ") {
        Some(at) => flat[..=at].to_string(),
        None => flat,
    }
}
