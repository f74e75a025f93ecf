//! The schema's and LwM2M's rules for an object definition: its ID and URN agree with its file
//! name and version, resource IDs are unique, enumerated values are allowed ones, executable
//! resources have no type, numeric ranges parse.

use super::Reporter;
use super::definition::{Definition, Field};
use super::range;
use crate::diagnostic::Code;
use crate::source::SourceFile;
use std::collections::BTreeMap;

/// The values `Operations` may take (empty: neither readable, writable nor executable).
pub const OPERATIONS: &[&str] = &["R", "W", "RW", "E", ""];
/// The resource types of the LwM2M 1.1 schema, and empty for executable resources.
pub const TYPES: &[&str] = &[
    "String",
    "Integer",
    "Unsigned Integer",
    "Float",
    "Boolean",
    "Opaque",
    "Time",
    "Objlnk",
    "Corelnk",
    "",
];
/// The values of `MultipleInstances`.
pub const INSTANCES: &[&str] = &["Single", "Multiple"];
/// The values of `Mandatory`.
pub const MANDATORY: &[&str] = &["Mandatory", "Optional"];

/// Checks `definition`, read from `file`, whose name in the registry's folder is `path`
/// (`objects/3.xml`, `version_history/3-1_0.xml`).
pub(super) fn check(
    file: &SourceFile,
    path: &str,
    definition: &Definition,
    report: &mut Reporter<'_>,
) {
    check_identity(file, path, definition, report);
    value(
        file,
        "MultipleInstances",
        &definition.multiple,
        INSTANCES,
        report,
    );
    value(file, "Mandatory", &definition.mandatory, MANDATORY, report);
    let mut seen: BTreeMap<u32, &Field> = BTreeMap::new();
    for resource in &definition.resources {
        match resource.id() {
            None => report.report(
                file,
                resource.id.span,
                Code::RegistryResourceId,
                format!("`{}` is not a resource ID", resource.id.text),
                "a resource ID is a whole number from 0 to 65535 (`ID=\"13\"`)",
            ),
            Some(id) => {
                if let Some(first) = seen.insert(id, &resource.id) {
                    let (line, _) = file.line_col(first.span.start);
                    report.report(
                        file,
                        resource.id.span,
                        Code::RegistryResourceId,
                        format!("the object has two resources with ID {id}"),
                        format!("the first is on line {line}: give each resource its own ID"),
                    );
                }
            }
        }
        value(file, "Operations", &resource.operations, OPERATIONS, report);
        value(file, "Type", &resource.kind, TYPES, report);
        value(
            file,
            "MultipleInstances",
            &resource.multiple,
            INSTANCES,
            report,
        );
        value(file, "Mandatory", &resource.mandatory, MANDATORY, report);
        if resource.operations.text == "E" && !resource.kind.text.is_empty() {
            report.report(
                file,
                resource.kind.span,
                Code::RegistryExecutableType,
                format!(
                    "the executable resource `{}` has the type `{}`",
                    resource.name.text, resource.kind.text
                ),
                "an executable resource (`E`) has no value: leave its `Type` empty",
            );
        }
        if let Some((message, help)) = range::problem(&resource.kind.text, &resource.range.text) {
            report.report(
                file,
                resource.range.span,
                Code::RegistryRange,
                message,
                help,
            );
        }
    }
}

/// The object's ID against its file name, and its URN against its ID and version.
fn check_identity(
    file: &SourceFile,
    path: &str,
    definition: &Definition,
    report: &mut Reporter<'_>,
) {
    let stem = path
        .rsplit('/')
        .next()
        .unwrap_or(path)
        .trim_end_matches(".xml");
    let (named_id, named_version) = match stem.split_once('-') {
        Some((id, version)) => (id, Some(version.replace('_', "."))),
        None => (stem, None),
    };
    let id = &definition.object_id;
    if id.text != named_id {
        report.report(
            file,
            id.span,
            Code::RegistryObjectId,
            format!("the file `{path}` defines the object `{}`", id.text),
            format!("an object file is named after its ID: give `ObjectID` {named_id}, or rename the file"),
        );
    }
    if let Some(named_version) = named_version.filter(|v| v != definition.version()) {
        report.report(
            file,
            definition.version.span,
            Code::RegistryObjectId,
            format!(
                "the file `{path}` holds version {named_version}, but `ObjectVersion` says {}",
                definition.version()
            ),
            "a version-history file is named `ID-MAJOR_MINOR.xml` after the version it holds",
        );
    }
    let urn = &definition.urn;
    let version = definition.version();
    let expected = |namespace: &str| match version {
        "1.0" => format!("urn:oma:lwm2m:{namespace}:{}", id.text),
        _ => format!("urn:oma:lwm2m:{namespace}:{}:{version}", id.text),
    };
    let parts: Vec<&str> = urn.text.split(':').collect();
    let namespace = parts.get(3).copied().unwrap_or("oma");
    let namespace = match namespace {
        "oma" | "ext" | "x" => namespace,
        _ => "oma",
    };
    let consistent = match parts.as_slice() {
        [
            "urn",
            "oma",
            "lwm2m",
            "oma" | "ext" | "x",
            urn_id,
            rest @ ..,
        ] => {
            *urn_id == id.text
                && match rest {
                    [] => version == "1.0",
                    [urn_version] => *urn_version == version,
                    _ => false,
                }
        }
        _ => false,
    };
    if !consistent {
        report.report(
            file,
            urn.span,
            Code::RegistryUrn,
            format!(
                "the URN `{}` does not name object {} version {version}",
                urn.text, id.text
            ),
            format!(
                "write `{}` (`urn:oma:lwm2m:oma|ext|x:ID`, then `:VERSION` past 1.0)",
                expected(namespace)
            ),
        );
    }
}

/// Reports `field` (element `element`) when its text is none of `allowed`.
fn value(
    file: &SourceFile,
    element: &str,
    field: &Field,
    allowed: &[&str],
    report: &mut Reporter<'_>,
) {
    if allowed.contains(&field.text.as_str()) {
        return;
    }
    let named: Vec<String> = allowed
        .iter()
        .map(|value| match *value {
            "" => "empty".to_string(),
            value => format!("`{value}`"),
        })
        .collect();
    let help = match crate::diagnostic::closest(
        &field.text,
        allowed.iter().copied().filter(|v| !v.is_empty()),
    ) {
        Some(near) => format!("did you mean `{near}`?"),
        None => format!("`{element}` is {}", named.join(", ")),
    };
    report.report(
        file,
        field.span,
        Code::RegistryValue,
        format!("`{}` is not a value of `{element}`", field.text),
        help,
    );
}
