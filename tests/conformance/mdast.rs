//! Our syntax tree → the canonical mdast JSON of the reference parser (remark-mdc), as
//! described in the conformance README: no positions, `null` fields omitted, adjacent plain
//! text nodes merged, keys sorted (serde_json's map is a `BTreeMap`).
//!
//! This mapping exists only for the conformance test; the compiler never needs mdast.

use serde_json::{Map, Value, json};
use site_compiler::parse::kebab_case;
use site_compiler::tree::{Align, Attributes, Component, Document, Node, NodeKind};

/// The canonical tree of a whole document.
pub(crate) fn document(document: &Document) -> Value {
    let mut root = Map::new();
    root.insert("type".into(), "root".into());
    root.insert("children".into(), children(&document.children));
    if let Some(front_matter) = &document.front_matter {
        root.insert("frontmatter".into(), Value::Object(front_matter.clone()));
    }
    Value::Object(root)
}

fn children(nodes: &[Node]) -> Value {
    let mut out: Vec<Value> = Vec::with_capacity(nodes.len());
    for node in nodes {
        let value = node_value(node);
        // Adjacent text nodes are one in the canonical form.
        if let (Some(Value::Object(previous)), Value::Object(current)) = (out.last_mut(), &value) {
            if is_plain_text(previous) && is_plain_text(current) {
                let joined = format!(
                    "{}{}",
                    previous.get("value").and_then(Value::as_str).unwrap_or(""),
                    current.get("value").and_then(Value::as_str).unwrap_or("")
                );
                previous.insert("value".into(), Value::String(joined));
                continue;
            }
        }
        out.push(value);
    }
    Value::Array(out)
}

fn is_plain_text(node: &Map<String, Value>) -> bool {
    node.len() == 2 && node.get("type").and_then(Value::as_str) == Some("text")
}

/// mdast's `identifier`: the label with white space collapsed, trimmed, case-folded.
fn identifier(label: &str) -> String {
    label
        .split([' ', '\t', '\n', '\r'])
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_uppercase()
        .to_lowercase()
}

fn attributes(attributes: &Attributes) -> Value {
    Value::Object(
        attributes
            .iter()
            .map(|(key, value)| (key.clone(), value.clone()))
            .collect(),
    )
}

fn component(kind: &str, component: &Component) -> Value {
    json!({
        "type": kind,
        "name": kebab_case(&component.name),
        "attributes": attributes(&component.attributes),
        "fmAttributes": Value::Object(component.yaml_props.clone()),
        "children": children(&component.children),
    })
}

fn node_value(node: &Node) -> Value {
    let mut object = Map::new();
    let mut set = |key: &str, value: Value| {
        object.insert(key.to_string(), value);
    };
    let kind = match &node.kind {
        NodeKind::Paragraph(nodes) => {
            set("children", children(nodes));
            "paragraph"
        }
        NodeKind::Heading {
            depth,
            children: nodes,
        } => {
            set("depth", json!(depth));
            set("children", children(nodes));
            "heading"
        }
        NodeKind::ThematicBreak => "thematicBreak",
        NodeKind::Blockquote(nodes) => {
            set("children", children(nodes));
            "blockquote"
        }
        NodeKind::List {
            ordered,
            start,
            spread,
            children: nodes,
        } => {
            set("ordered", json!(ordered));
            if *ordered {
                if let Some(start) = start {
                    set("start", json!(start));
                }
            }
            set("spread", json!(spread));
            set("children", children(nodes));
            "list"
        }
        NodeKind::ListItem {
            checked,
            spread,
            children: nodes,
        } => {
            set("spread", json!(spread));
            if let Some(checked) = checked {
                set("checked", json!(checked));
            }
            set("children", children(nodes));
            "listItem"
        }
        NodeKind::Code { lang, meta, value } => {
            if let Some(lang) = lang {
                set("lang", json!(lang));
            }
            if let Some(meta) = meta {
                set("meta", json!(meta));
            }
            set("value", json!(value));
            "code"
        }
        NodeKind::Html(value) => {
            set("value", json!(value));
            "html"
        }
        NodeKind::Table {
            align,
            children: nodes,
        } => {
            let align: Vec<Value> = align
                .iter()
                .map(|align| match align {
                    Align::None => Value::Null,
                    Align::Left => json!("left"),
                    Align::Center => json!("center"),
                    Align::Right => json!("right"),
                })
                .collect();
            set("align", Value::Array(align));
            set("children", children(nodes));
            "table"
        }
        NodeKind::TableRow(nodes) => {
            set("children", children(nodes));
            "tableRow"
        }
        NodeKind::TableCell(nodes) => {
            set("children", children(nodes));
            "tableCell"
        }
        NodeKind::FootnoteDefinition {
            label,
            children: nodes,
        } => {
            set("identifier", json!(identifier(label)));
            set("label", json!(label));
            set("children", children(nodes));
            "footnoteDefinition"
        }
        NodeKind::Text(value) => {
            set("value", json!(value));
            "text"
        }
        NodeKind::Emphasis {
            children: nodes,
            attributes: attrs,
            ..
        } => {
            if let Some(attrs) = attrs {
                set("attributes", attributes(attrs));
            }
            set("children", children(nodes));
            "emphasis"
        }
        NodeKind::Strong {
            children: nodes,
            attributes: attrs,
            ..
        } => {
            if let Some(attrs) = attrs {
                set("attributes", attributes(attrs));
            }
            set("children", children(nodes));
            "strong"
        }
        NodeKind::Delete(nodes) => {
            set("children", children(nodes));
            "delete"
        }
        NodeKind::InlineCode {
            value,
            attributes: attrs,
            ..
        } => {
            if let Some(attrs) = attrs {
                set("attributes", attributes(attrs));
            }
            set("value", json!(value));
            "inlineCode"
        }
        NodeKind::Break => "break",
        NodeKind::Link {
            url,
            title,
            children: nodes,
            attributes: attrs,
            ..
        } => {
            set("url", json!(url));
            if let Some(title) = title {
                set("title", json!(title));
            }
            if let Some(attrs) = attrs {
                set("attributes", attributes(attrs));
            }
            set("children", children(nodes));
            "link"
        }
        NodeKind::Image {
            url,
            title,
            alt,
            attributes: attrs,
            ..
        } => {
            set("url", json!(url));
            if let Some(title) = title {
                set("title", json!(title));
            }
            set("alt", json!(alt));
            if let Some(attrs) = attrs {
                set("attributes", attributes(attrs));
            }
            "image"
        }
        NodeKind::FootnoteReference(label) => {
            set("identifier", json!(identifier(label)));
            set("label", json!(label));
            "footnoteReference"
        }
        NodeKind::Component(c) => return component("containerComponent", c),
        // remark-mdc builds bindings (`{{ expr }}`) without a `children` field.
        NodeKind::InlineComponent(c) if c.name == "binding" && c.children.is_empty() => {
            let mut value = component("textComponent", c);
            if let Value::Object(object) = &mut value {
                object.remove("children");
            }
            return value;
        }
        NodeKind::InlineComponent(c) => return component("textComponent", c),
        NodeKind::Slot {
            name,
            attributes: attrs,
            children: nodes,
        } => {
            set("name", json!(name));
            set("attributes", attributes(attrs));
            set("children", children(nodes));
            "componentContainerSection"
        }
    };
    object.insert("type".into(), kind.into());
    Value::Object(object)
}
