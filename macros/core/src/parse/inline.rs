//! MDC's inline syntax on top of markdown's inlines: attributes after marks
//! (`[a](b){target="_blank"}`), spans (`[text]{.class}`) and inline components (`:name{…}`).

use super::attributes::parse_attributes;
use super::markdown::SPAN_MARKER;
use crate::source::Span;
use crate::tree::{Attributes, Component, Node, NodeKind};
use serde_json::Map;

/// Applies MDC's inline rules to the children of one inline container.
pub(super) fn refine(children: Vec<Node>) -> Vec<Node> {
    let merged = merge_texts(children);
    let with_components = inline_components(merged);
    attach_attributes(with_components)
}

/// Joins adjacent text nodes (pulldown-cmark splits text at markup characters).
fn merge_texts(children: Vec<Node>) -> Vec<Node> {
    let mut out: Vec<Node> = Vec::with_capacity(children.len());
    for child in children {
        let child = match child.kind {
            NodeKind::Link { url, children, .. } if url == SPAN_MARKER => Node::new(
                NodeKind::InlineComponent(Component {
                    name: "span".into(),
                    attributes: Attributes::new(),
                    yaml_props: Map::new(),
                    children,
                }),
                child.span,
            ),
            kind => Node::new(kind, child.span),
        };
        if let (
            Some(Node {
                kind: NodeKind::Text(previous),
                span,
            }),
            NodeKind::Text(text),
        ) = (out.last_mut(), &child.kind)
        {
            previous.push_str(text);
            span.end = child.span.end;
            continue;
        }
        out.push(child);
    }
    out
}

/// Splits `:name`, `:name{attrs}` out of text; `:name` directly before a span takes the span's
/// content as its label (`:badge[New]{color=red}`).
fn inline_components(children: Vec<Node>) -> Vec<Node> {
    let mut out = Vec::with_capacity(children.len());
    let mut iter = children.into_iter().peekable();
    while let Some(node) = iter.next() {
        let NodeKind::Text(text) = &node.kind else {
            out.push(node);
            continue;
        };
        let mut rest = text.as_str();
        while let Some((before, name, after)) = next_component(rest) {
            if !before.is_empty() {
                out.push(Node::new(NodeKind::Text(before.to_string()), node.span));
            }
            let mut component = Component {
                name: name.to_string(),
                attributes: Attributes::new(),
                yaml_props: Map::new(),
                children: Vec::new(),
            };
            let mut after = after;
            if after.is_empty() {
                let label = iter.next_if(
                    |next| matches!(&next.kind, NodeKind::InlineComponent(c) if c.name == "span"),
                );
                if let Some(Node {
                    kind: NodeKind::InlineComponent(span),
                    ..
                }) = label
                {
                    component.children = span.children;
                }
            } else if let Some((attributes, used)) = parse_attributes(after) {
                component.attributes = attributes;
                after = &after[used..];
            }
            out.push(Node::new(NodeKind::InlineComponent(component), node.span));
            rest = after;
        }
        if !rest.is_empty() {
            let span = if rest.len() == text.len() {
                node.span
            } else {
                Span {
                    start: node.span.start,
                    end: node.span.end,
                }
            };
            out.push(Node::new(NodeKind::Text(rest.to_string()), span));
        }
    }
    out
}

/// The next `:name` in `text` whose colon does not follow a letter or digit:
/// (text before, name, text after).
fn next_component(text: &str) -> Option<(&str, &str, &str)> {
    let bytes = text.as_bytes();
    let mut search = 0;
    while let Some(found) = text[search..].find(':') {
        let colon = search + found;
        search = colon + 1;
        let after_boundary = colon == 0
            || !text[..colon]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == ':');
        let starts_name = bytes.get(colon + 1).is_some_and(u8::is_ascii_alphabetic);
        if !(after_boundary && starts_name) {
            continue;
        }
        let len = text[colon + 1..]
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')
            .count();
        let end = colon + 1 + len;
        // `:name` must end the text or be followed by `{`, a space or punctuation; `a:b` in URLs is excluded above.
        return Some((&text[..colon], &text[colon + 1..end], &text[end..]));
    }
    None
}

/// `{…}` written directly after a link, image, emphasis, strong, inline code or component
/// becomes that node's attributes.
fn attach_attributes(children: Vec<Node>) -> Vec<Node> {
    let mut out: Vec<Node> = Vec::with_capacity(children.len());
    for mut node in children {
        if let (Some(previous), NodeKind::Text(text)) = (out.last_mut(), &mut node.kind) {
            if text.starts_with('{') {
                if let Some(slot) = attribute_slot(&mut previous.kind) {
                    if let Some((attributes, used)) = parse_attributes(text) {
                        slot.extend(attributes);
                        previous.span.end = node
                            .span
                            .start
                            .saturating_add(used as u32)
                            .min(node.span.end);
                        text.drain(..used);
                        if text.is_empty() {
                            continue;
                        }
                    }
                }
            }
        }
        out.push(node);
    }
    out
}

fn attribute_slot(kind: &mut NodeKind) -> Option<&mut Attributes> {
    match kind {
        NodeKind::Link { attributes, .. }
        | NodeKind::Image { attributes, .. }
        | NodeKind::Emphasis { attributes, .. }
        | NodeKind::Strong { attributes, .. }
        | NodeKind::InlineCode { attributes, .. } => {
            Some(attributes.get_or_insert_with(Attributes::new))
        }
        NodeKind::InlineComponent(component) => Some(&mut component.attributes),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn component_names_need_a_word_boundary() {
        assert_eq!(next_component("at 10:30"), None);
        assert_eq!(next_component("see https://x.org"), None);
        assert_eq!(
            next_component("a :icon{name=x} b"),
            Some(("a ", "icon", "{name=x} b"))
        );
        assert_eq!(next_component(":badge"), Some(("", "badge", "")));
    }
}
