//! The registry's pages, under `/lwm2m/resources/registry/` as on the OMA site: one per object
//! ID of `index.tsv` and the licences page. The object list and the resource view are the
//! tables `::ShDynamicTable` makes of [`super::rows`].

mod licences;
mod object;
mod text;

use super::Registry;

/// The registry's section.
pub const SECTION_ROUTE: &str = "/lwm2m/resources/registry";
/// The object list.
pub const OBJECTS_ROUTE: &str = "/lwm2m/resources/registry/objects";
/// Every resource of every object.
pub const RESOURCES_ROUTE: &str = "/lwm2m/resources/registry/resources";
/// The licence notices of the object definitions.
pub const LICENCES_ROUTE: &str = "/lwm2m/resources/registry/licences";

/// The page of object `id` (`/lwm2m/resources/registry/objects/3`).
pub fn object_route(id: u32) -> String {
    format!("{OBJECTS_ROUTE}/{id}")
}

/// Where the object file at `path` in the registry's folder is served, as it is
/// (`objects/3.xml` at `/lwm2m/resources/registry/objects/3.xml`).
pub fn xml_route(path: &str) -> String {
    format!("{SECTION_ROUTE}/{path}")
}

/// A page the registry makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistryPage {
    /// Its route.
    pub route: String,
    /// Its title.
    pub title: String,
    /// Its meta description.
    pub description: String,
    /// Its content, without the chrome.
    pub body: String,
    /// Its headings with an id, in order: depth, id, text.
    pub headings: Vec<(u8, String, String)>,
}

/// Every object's page, then the licences page.
pub fn pages(registry: &Registry) -> Vec<RegistryPage> {
    let mut pages: Vec<RegistryPage> = registry
        .objects()
        .iter()
        .map(|object| object::page(object, registry))
        .collect();
    pages.push(licences::page(registry));
    pages
}

/// The links every registry page starts with.
fn section_links() -> maud::Markup {
    maud::html! {
        p class="text-sm not-prose flex flex-wrap gap-x-4" {
            a class="underline" href=(OBJECTS_ROUTE) { "All objects" }
            a class="underline" href=(RESOURCES_ROUTE) { "All resources" }
            a class="underline" href=(LICENCES_ROUTE) { "Licences of the object definitions" }
        }
    }
}
