//! An object definition file (`objects/3.xml`) read into an [`Definition`], each value with
//! its place in the file.
//!
//! Real files vary: CDATA or plain text, tabs and spaces, several elements on a line, an empty
//! `Type` for executable resources, elements the schema does not name. The XML is read with
//! roxmltree, whose nodes keep their byte ranges, so every problem is reported at its text.

use super::Reporter;
use crate::diagnostic::Code;
use crate::source::{SourceFile, Span};
use roxmltree::{Document, Node};
use serde::{Deserialize, Serialize};

/// An element's text (trimmed) and where it is written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    /// The text, CDATA sections included, without the whitespace around it.
    pub text: String,
    /// The text's place, or the element's when it is empty.
    pub span: Span,
}

/// One object definition.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Definition {
    /// `Name`.
    pub name: Field,
    /// `Description1`.
    pub description: Field,
    /// `Description2`, mostly empty.
    pub description2: Field,
    /// `ObjectID`, as written.
    pub object_id: Field,
    /// `ObjectURN`.
    pub urn: Field,
    /// `LWM2MVersion`; empty when absent (the registry's oldest files have none).
    pub lwm2m_version: Field,
    /// `ObjectVersion`; empty when absent, which means `1.0`.
    pub version: Field,
    /// `MultipleInstances`: `Single` or `Multiple`.
    pub multiple: Field,
    /// `Mandatory`: `Mandatory` or `Optional`.
    pub mandatory: Field,
    /// The resources, in file order.
    pub resources: Vec<Resource>,
    /// The `<Object>` start tag.
    pub span: Span,
}

impl Definition {
    /// The object version, `1.0` when the file gives none.
    pub fn version(&self) -> &str {
        match self.version.text.as_str() {
            "" => "1.0",
            version => version,
        }
    }

    /// The resource with ID `id`.
    pub fn resource(&self, id: u32) -> Option<&Resource> {
        self.resources.iter().find(|r| r.id() == Some(id))
    }
}

/// One resource (`<Item ID="13">`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resource {
    /// The `ID` attribute's value.
    pub id: Field,
    /// `Name`.
    pub name: Field,
    /// `Operations`: `R`, `W`, `RW`, `E` or empty.
    pub operations: Field,
    /// `MultipleInstances`.
    pub multiple: Field,
    /// `Mandatory`.
    pub mandatory: Field,
    /// `Type`.
    pub kind: Field,
    /// `RangeEnumeration`.
    pub range: Field,
    /// `Units`.
    pub units: Field,
    /// `Description`.
    pub description: Field,
    /// The `<Item>` start tag.
    pub span: Span,
}

impl Resource {
    /// Its ID, when it is a number.
    pub fn id(&self) -> Option<u32> {
        self.id.text.parse().ok()
    }
}

/// The elements of an object, in the schema's order; those the pages cannot do without are
/// required (the schema also requires the descriptions, which some registered files leave
/// out, harmlessly).
const OBJECT_ELEMENTS: &[(&str, bool)] = &[
    ("Name", true),
    ("Description1", false),
    ("ObjectID", true),
    ("ObjectURN", true),
    ("LWM2MVersion", false),
    ("ObjectVersion", false),
    ("MultipleInstances", true),
    ("Mandatory", true),
    ("Resources", true),
    ("Description2", false),
];

/// The elements of a resource; `RangeEnumeration`, `Units` and `Description` may be left out
/// (290 registered resources have no `RangeEnumeration`).
const RESOURCE_ELEMENTS: &[(&str, bool)] = &[
    ("Name", true),
    ("Operations", true),
    ("MultipleInstances", true),
    ("Mandatory", true),
    ("Type", true),
    ("RangeEnumeration", false),
    ("Units", false),
    ("Description", false),
];

/// Reads the definition in `file`; `None` when it is not well-formed XML or holds no object
/// (reported).
pub(super) fn read(file: &SourceFile, report: &mut Reporter<'_>) -> Option<Definition> {
    let document = match Document::parse(&file.text) {
        Ok(document) => document,
        Err(error) => {
            let position = error.pos();
            let offset = offset_of(file, position.row as usize, position.col as usize);
            report.report(
                file,
                Span::at(offset),
                Code::RegistryXml,
                format!("the object file is not well-formed XML: {}", without_position(&error.to_string())),
                "fix the XML where it says; an XML editor or `xmllint --noout FILE` shows the problem too",
            );
            return None;
        }
    };
    let root = document.root_element();
    let object = root
        .children()
        .find(|node| node.is_element() && node.has_tag_name("Object"));
    let Some(object) = object.filter(|_| root.has_tag_name("LWM2M")) else {
        report.report(
            file,
            start_tag(&file.text, root),
            Code::RegistrySchema,
            "an object file holds `<LWM2M><Object>…</Object></LWM2M>`",
            "see the registry's schema, `schema/LWM2M-v1_1.xsd`",
        );
        return None;
    };
    let span = start_tag(&file.text, object);
    let mut fields = Fields::read(file, object, "an object", OBJECT_ELEMENTS, report);
    let resources = match object.children().find(|n| n.has_tag_name("Resources")) {
        Some(list) => list
            .children()
            .filter(Node::is_element)
            .filter_map(|item| resource(file, item, report))
            .collect(),
        None => Vec::new(),
    };
    Some(Definition {
        name: fields.take("Name"),
        description: fields.take("Description1"),
        description2: fields.take("Description2"),
        object_id: fields.take("ObjectID"),
        urn: fields.take("ObjectURN"),
        lwm2m_version: fields.take("LWM2MVersion"),
        version: fields.take("ObjectVersion"),
        multiple: fields.take("MultipleInstances"),
        mandatory: fields.take("Mandatory"),
        resources,
        span,
    })
}

fn resource(file: &SourceFile, item: Node<'_, '_>, report: &mut Reporter<'_>) -> Option<Resource> {
    let span = start_tag(&file.text, item);
    if !item.has_tag_name("Item") {
        report.report(
            file,
            span,
            Code::RegistrySchema,
            format!(
                "the schema allows no `{}` among the resources",
                item.tag_name().name()
            ),
            "each resource is an `<Item ID=\"…\">`",
        );
        return None;
    }
    let id = match item.attribute_node("ID") {
        Some(attribute) => Field {
            text: attribute.value().trim().to_string(),
            span: span_of(attribute.range_value()),
        },
        None => Field {
            text: String::new(),
            span,
        },
    };
    let mut fields = Fields::read(file, item, "a resource", RESOURCE_ELEMENTS, report);
    Some(Resource {
        id,
        name: fields.take("Name"),
        operations: fields.take("Operations"),
        multiple: fields.take("MultipleInstances"),
        mandatory: fields.take("Mandatory"),
        kind: fields.take("Type"),
        range: fields.take("RangeEnumeration"),
        units: fields.take("Units"),
        description: fields.take("Description"),
        span,
    })
}

/// The child elements of an object or resource, by name.
struct Fields {
    found: Vec<(String, Field)>,
    /// Where an absent element's empty value is placed: the parent's start tag.
    parent: Span,
}

impl Fields {
    /// Reads `parent`'s children, reporting an element `allowed` does not name and a required
    /// one that is missing.
    fn read(
        file: &SourceFile,
        parent: Node<'_, '_>,
        what: &str,
        allowed: &[(&str, bool)],
        report: &mut Reporter<'_>,
    ) -> Fields {
        let parent_span = start_tag(&file.text, parent);
        let mut found = Vec::new();
        for child in parent.children().filter(Node::is_element) {
            let name = child.tag_name().name();
            if !allowed.iter().any(|(allowed, _)| *allowed == name) {
                let names: Vec<&str> = allowed.iter().map(|(name, _)| *name).collect();
                let help = match crate::diagnostic::closest(name, names.iter().copied()) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => format!("the schema allows {}", names.join(", ")),
                };
                report.report(
                    file,
                    start_tag(&file.text, child),
                    Code::RegistrySchema,
                    format!("the schema allows no `{name}` in {what}"),
                    help,
                );
                continue;
            }
            found.push((name.to_string(), text_of(child)));
        }
        for (name, required) in allowed {
            if *required && !found.iter().any(|(found, _)| found == name) {
                report.report(
                    file,
                    parent_span,
                    Code::RegistrySchema,
                    format!("{what} without `{name}`"),
                    format!("add `<{name}>…</{name}>`"),
                );
            }
        }
        Fields {
            found,
            parent: parent_span,
        }
    }

    /// The element `name`'s field (the first, if written twice), or an empty one.
    fn take(&mut self, name: &str) -> Field {
        match self.found.iter().position(|(found, _)| found == name) {
            Some(index) => self.found.swap_remove(index).1,
            None => Field {
                text: String::new(),
                span: Span::at(self.parent.start as usize),
            },
        }
    }
}

/// An element's text: every text and CDATA node inside it, trimmed, placed at its first
/// non-blank character.
fn text_of(element: Node<'_, '_>) -> Field {
    let mut text = String::new();
    let mut start = None;
    for node in element.descendants().filter(Node::is_text) {
        let part = node.text().unwrap_or_default();
        if start.is_none() && !part.trim().is_empty() {
            let at = node.range().start;
            // Plain text is written as it reads, so its first character is found past the
            // blanks; a CDATA section is placed at its start.
            let input = element.document().input_text();
            let plain = input.get(at..).is_some_and(|rest| !rest.starts_with('<'));
            let blank = part.len() - part.trim_start().len();
            start = Some(if plain { at + blank } else { at });
        }
        text.push_str(part);
    }
    let range = element.range();
    let start = start.unwrap_or(range.start);
    Field {
        text: text.trim().to_string(),
        span: Span::new(start, range.end.min(start + text.trim_end().len().max(1))),
    }
}

/// The start tag of `node` (`<Item ID="13">`), or its start when it has none.
fn start_tag(text: &str, node: Node<'_, '_>) -> Span {
    let start = node.range().start;
    let end = text
        .get(start..)
        .and_then(|rest| rest.find('>'))
        .map_or(start, |at| start + at + 1);
    Span::new(start, end)
}

/// roxmltree's message without the ` at LINE:COL` it ends with: the diagnostic places it.
fn without_position(message: &str) -> &str {
    match message.rsplit_once(" at ") {
        Some((text, position))
            if position
                .split(':')
                .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())) =>
        {
            text
        }
        _ => message,
    }
}

fn span_of(range: std::ops::Range<usize>) -> Span {
    Span::new(range.start, range.end)
}

/// The byte offset of 1-based `row` and `column` (counted in characters).
fn offset_of(file: &SourceFile, row: usize, column: usize) -> usize {
    let start = file.line_start(row);
    let line = file.line_text(row);
    let within = line
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line.len(), |(at, _)| at);
    start + within
}
