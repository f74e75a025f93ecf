//! The syntax tree of an MDC document: mdast's shape, plus MDC components and slots.
//!
//! The parser builds it, the checks walk it and the renderer turns it into HTML.
//! Every node keeps its span in the source file for diagnostics.

use crate::source::Span;
use crate::yaml::Spans;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Attributes written inline as `{.a #b key="v" flag}`: kebab-case keys, string or `true` values.
pub type Attributes = BTreeMap<String, Value>;

/// A parsed document: front matter and top-level blocks.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    /// YAML front matter, `None` when the file has none.
    pub front_matter: Option<Map<String, Value>>,
    /// Where each front-matter key and value is written.
    pub front_matter_spans: Spans,
    /// Top-level blocks.
    pub children: Vec<Node>,
}

/// A node and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// What the node is.
    pub kind: NodeKind,
    /// Its place in the source file.
    pub span: Span,
}

/// Column alignment of a GFM table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// No alignment given.
    None,
    /// `:--`
    Left,
    /// `:-:`
    Center,
    /// `--:`
    Right,
}

/// An MDC component: `::Name{attrs}` with YAML props and a body, or inline `:name{attrs}`.
#[derive(Debug, Clone, PartialEq)]
pub struct Component {
    /// The name as written (`ShTextImg`, `sh-text-img`).
    pub name: String,
    /// Inline `{...}` attributes.
    pub attributes: Attributes,
    /// Where each of `attributes` is written.
    pub attribute_spans: Spans,
    /// Props from the YAML block after the opening line.
    pub yaml_props: Map<String, Value>,
    /// Where each of `yaml_props` is written.
    pub yaml_spans: Spans,
    /// Body blocks, slot sections and (for inline components) label inlines.
    pub children: Vec<Node>,
}

impl Component {
    /// A component written inline (`:name{…}`, `[text]{…}`), which has no YAML props.
    pub fn inline(
        name: impl Into<String>,
        attributes: Attributes,
        children: Vec<Node>,
    ) -> Component {
        Component {
            name: name.into(),
            attributes,
            attribute_spans: Spans::default(),
            yaml_props: Map::new(),
            yaml_spans: Spans::default(),
            children,
        }
    }
}

/// Every kind of node.
#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    /// A paragraph.
    Paragraph(Vec<Node>),
    /// `#`…`######` heading.
    Heading {
        /// 1 to 6.
        depth: u8,
        /// Inline content.
        children: Vec<Node>,
    },
    /// `---`
    ThematicBreak,
    /// `> …`
    Blockquote(Vec<Node>),
    /// Ordered or bullet list.
    List {
        /// Numbered list.
        ordered: bool,
        /// First number of an ordered list.
        start: Option<u64>,
        /// A blank line between two of its items (mdast's `spread`); the list renders loose
        /// when it or any item is spread.
        spread: bool,
        /// The items.
        children: Vec<Node>,
    },
    /// One list item.
    ListItem {
        /// Task-list state: `Some(true)` for `[x]`.
        checked: Option<bool>,
        /// A blank line between two of its blocks (mdast's `spread`).
        spread: bool,
        /// Blocks of the item.
        children: Vec<Node>,
    },
    /// Fenced or indented code.
    Code {
        /// First word of the info string.
        lang: Option<String>,
        /// Rest of the info string.
        meta: Option<String>,
        /// The code.
        value: String,
    },
    /// Raw HTML, block or inline.
    Html(String),
    /// GFM table; the first row is the header.
    Table {
        /// Alignment per column.
        align: Vec<Align>,
        /// Rows.
        children: Vec<Node>,
    },
    /// A table row.
    TableRow(Vec<Node>),
    /// A table cell.
    TableCell(Vec<Node>),
    /// `[^label]: …`
    FootnoteDefinition {
        /// The label.
        label: String,
        /// Its blocks.
        children: Vec<Node>,
    },
    /// Plain text.
    Text(String),
    /// `*…*`
    Emphasis {
        /// Inline content.
        children: Vec<Node>,
        /// MDC attributes written right after it.
        attributes: Option<Attributes>,
        /// Where each of `attributes` is written.
        attribute_spans: Spans,
    },
    /// `**…**`
    Strong {
        /// Inline content.
        children: Vec<Node>,
        /// MDC attributes written right after it.
        attributes: Option<Attributes>,
        /// Where each of `attributes` is written.
        attribute_spans: Spans,
    },
    /// `~~…~~`
    Delete(Vec<Node>),
    /// `` `code` ``
    InlineCode {
        /// The code.
        value: String,
        /// MDC attributes written right after it.
        attributes: Option<Attributes>,
        /// Where each of `attributes` is written.
        attribute_spans: Spans,
    },
    /// Hard line break.
    Break,
    /// `[text](url "title")`
    Link {
        /// Destination.
        url: String,
        /// Where the destination is written (the whole link when not as it is).
        url_span: Span,
        /// Title, if given.
        title: Option<String>,
        /// Link text.
        children: Vec<Node>,
        /// MDC attributes written right after it.
        attributes: Option<Attributes>,
        /// Where each of `attributes` is written.
        attribute_spans: Spans,
    },
    /// `![alt](url "title")`
    Image {
        /// Source.
        url: String,
        /// Where the source is written (the whole image when not as it is).
        url_span: Span,
        /// Title, if given.
        title: Option<String>,
        /// Alternative text.
        alt: String,
        /// MDC attributes written right after it.
        attributes: Option<Attributes>,
        /// Where each of `attributes` is written.
        attribute_spans: Spans,
    },
    /// `[^label]`
    FootnoteReference(String),
    /// A block component `::Name … ::`.
    Component(Component),
    /// An inline component `:name{…}`, or a span `[text]{…}` (named `span`).
    InlineComponent(Component),
    /// A named slot `#name` inside a block component.
    Slot {
        /// The slot's name.
        name: String,
        /// Attributes written after the name.
        attributes: Attributes,
        /// Its blocks.
        children: Vec<Node>,
    },
}

/// `$found` with `$children` bound to the children of `$kind` (by reference or mutably, as
/// `$kind` is given), for every kind that has children; `$none` for the others.
macro_rules! match_children {
    ($kind:expr, $children:ident => $found:expr, _ => $none:expr) => {
        match $kind {
            NodeKind::Paragraph($children)
            | NodeKind::Blockquote($children)
            | NodeKind::TableRow($children)
            | NodeKind::TableCell($children)
            | NodeKind::Delete($children)
            | NodeKind::Heading {
                children: $children,
                ..
            }
            | NodeKind::List {
                children: $children,
                ..
            }
            | NodeKind::ListItem {
                children: $children,
                ..
            }
            | NodeKind::Table {
                children: $children,
                ..
            }
            | NodeKind::FootnoteDefinition {
                children: $children,
                ..
            }
            | NodeKind::Emphasis {
                children: $children,
                ..
            }
            | NodeKind::Strong {
                children: $children,
                ..
            }
            | NodeKind::Link {
                children: $children,
                ..
            }
            | NodeKind::Slot {
                children: $children,
                ..
            }
            | NodeKind::Component(Component {
                children: $children,
                ..
            })
            | NodeKind::InlineComponent(Component {
                children: $children,
                ..
            }) => $found,
            _ => $none,
        }
    };
}

impl Node {
    /// A node of `kind` at `span`.
    pub fn new(kind: NodeKind, span: Span) -> Node {
        Node { kind, span }
    }

    /// The child nodes, if this kind has any.
    pub fn children(&self) -> &[Node] {
        match_children!(&self.kind, children => children, _ => &[])
    }

    /// The child nodes, mutably, if this kind has any.
    pub fn children_mut(&mut self) -> Option<&mut Vec<Node>> {
        match_children!(&mut self.kind, children => Some(children), _ => None)
    }

    /// The node's text with all markup removed (for heading ids and titles).
    ///
    /// Walks the tree with an explicit stack, so no nesting depth can overflow the call stack.
    pub fn plain_text(&self) -> String {
        let mut text = String::new();
        let mut stack = vec![self];
        while let Some(node) = stack.pop() {
            match &node.kind {
                NodeKind::Text(value) | NodeKind::InlineCode { value, .. } => text.push_str(value),
                NodeKind::Image { alt, .. } => text.push_str(alt),
                _ => stack.extend(node.children().iter().rev()),
            }
        }
        text
    }
}
