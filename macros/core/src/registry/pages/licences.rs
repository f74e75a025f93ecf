//! The licences page: each distinct notice of the object definitions once, with the files that
//! carry it, as their licences ask of a work made from them.

use super::{LICENCES_ROUTE, RegistryPage, object_route, section_links, xml_route};
use crate::registry::Registry;
use crate::registry::licences::Notice;
use maud::html;

pub(super) fn page(registry: &Registry) -> RegistryPage {
    let notices = &registry.notices;
    let mut headings = Vec::new();
    for (index, notice) in notices.iter().enumerate() {
        headings.push((2, Notice::anchor(index), heading(index, notice)));
    }
    let body = html! {
        (section_links())
        p {
            "The object definitions of the LwM2M registry are published here as their owners \
             licensed them. Each file begins with its copyright notice and licence; each \
             distinct notice is reproduced below once, with the files that carry it."
        }
        @for (index, notice) in notices.iter().enumerate() {
            h2 id=(Notice::anchor(index)) { (heading(index, notice)) }
            pre class="whitespace-pre-wrap text-sm" { (notice.text) }
            details {
                summary { (files(notice.files.len())) }
                ul class="text-sm" {
                    @for file in &notice.files {
                        li {
                            a href=(xml_route(file)) type="application/xml" { (file) }
                            @if let Some(id) = object_of(file).filter(|id| registry.rows.iter().any(|row| row.object_id == *id)) {
                                " (" a href=(object_route(id)) { "object " (id) } ")"
                            }
                        }
                    }
                }
            }
        }
    };
    RegistryPage {
        route: LICENCES_ROUTE.into(),
        title: "Object definitions: licences".into(),
        description: "The copyright notices and licences of the LwM2M object definitions.".into(),
        body: body.into_string(),
        headings,
    }
}

/// A notice's heading: its number, its licence, and its first line (the copyright holder).
fn heading(index: usize, notice: &Notice) -> String {
    let first = notice.text.lines().next().unwrap_or_default();
    let first: String = first.chars().take(80).collect();
    match notice.licence.as_str() {
        "" => format!("{}. {first}", index + 1),
        licence => format!("{}. {licence}: {first}", index + 1),
    }
}

fn files(count: usize) -> String {
    match count {
        1 => "1 file".into(),
        _ => format!("{count} files"),
    }
}

/// The object a file defines, from its name.
fn object_of(file: &str) -> Option<u32> {
    let name = file.rsplit('/').next()?.trim_end_matches(".xml");
    name.split('-').next()?.parse().ok()
}
