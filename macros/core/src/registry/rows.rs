//! The registry as table rows, for `::ShDynamicTable`'s transforms: `filterDDFObjects` gives
//! one row per object, `filterCommonObjects` one per resource of every object. The OMA site
//! fetched the registry's XML in the browser and flattened it so; here the rows are made at
//! compile time, so every row is in the page.

use super::pages::{object_route, xml_route};
use super::{Object, Registry};
use serde_json::{Map, Value};

/// The fields of an object row, which a table's `columns` name.
pub const OBJECT_FIELDS: &[&str] = &[
    "ObjectID",
    "Name",
    "Owner",
    "Source",
    "Ver",
    "LWM2MVersion",
    "URN",
    "Description",
    "Page",
    "DDF",
    "XML",
    "TS",
    "TSLink",
];

/// The fields of a resource row.
pub const RESOURCE_FIELDS: &[&str] = &[
    "ObjectID",
    "Object",
    "ObjectPage",
    "ID",
    "Name",
    "Operations",
    "Instances",
    "Mandatory",
    "Type",
    "Range",
    "Units",
    "Description",
    "Page",
];

fn row(fields: &[&str], values: Vec<String>) -> Map<String, Value> {
    fields
        .iter()
        .zip(values)
        .map(|(field, value)| (field.to_string(), Value::String(value)))
        .collect()
}

/// One row per object, by ID: its latest version's facts, and links to its page, its XML file
/// (when the data has it and the registry links it) and its specification (when linked).
pub fn object_rows(registry: &Registry) -> Vec<Map<String, Value>> {
    registry
        .objects()
        .iter()
        .filter_map(|object| object_row(object))
        .collect()
}

fn object_row(object: &Object<'_>) -> Option<Map<String, Value>> {
    let latest = object.latest()?;
    let entry = latest.row;
    let definition = object.definition();
    let (file, xml) = match (latest.path, latest.definition) {
        (Some(path), Some(_)) if entry.ddf_link => (
            path.rsplit('/').next().unwrap_or(path).to_string(),
            xml_route(path),
        ),
        _ => (String::new(), String::new()),
    };
    let (spec, spec_link) = match entry.ts_link && !entry.ts.is_empty() {
        true => (
            entry.ts.rsplit('/').next().unwrap_or(&entry.ts).to_string(),
            entry.ts.clone(),
        ),
        false => (String::new(), String::new()),
    };
    Some(row(
        OBJECT_FIELDS,
        vec![
            object.id.to_string(),
            entry.name.clone(),
            entry.owner.clone(),
            entry.source.label().to_string(),
            entry.version.clone(),
            definition.map_or_else(String::new, |d| d.lwm2m_version.text.clone()),
            entry.urn.clone(),
            definition.map_or_else(String::new, |d| d.description.text.clone()),
            object_route(object.id),
            file,
            xml,
            spec,
            spec_link,
        ],
    ))
}

/// One row per resource of every object's latest definition, by object then resource ID,
/// each linking to the resource's anchor on its object's page.
pub fn resource_rows(registry: &Registry) -> Vec<Map<String, Value>> {
    let mut rows = Vec::new();
    for object in registry.objects() {
        let Some(definition) = object.definition() else {
            continue;
        };
        let page = object_route(object.id);
        let mut resources: Vec<_> = definition.resources.iter().collect();
        resources.sort_by_key(|resource| resource.id());
        for resource in resources {
            rows.push(row(
                RESOURCE_FIELDS,
                vec![
                    object.id.to_string(),
                    definition.name.text.clone(),
                    page.clone(),
                    resource.id.text.clone(),
                    resource.name.text.clone(),
                    resource.operations.text.clone(),
                    resource.multiple.text.clone(),
                    resource.mandatory.text.clone(),
                    resource.kind.text.clone(),
                    resource.range.text.clone(),
                    resource.units.text.clone(),
                    resource.description.text.clone(),
                    format!("{page}#r{}", resource.id.text),
                ],
            ));
        }
    }
    rows
}
