//! The MDC parser on arbitrary bytes.

use crate::checks::{assert_located, assert_span_in, assert_yaml_spans_in};
use site_compiler::Diagnostics;
use site_compiler::load::source_file;
use site_compiler::parse::{MAX_DEPTH, parse_document};
use site_compiler::tree::{Document, Node, NodeKind};
use std::path::Path;

/// Parses `data` as a page file, as the build reads one (invalid UTF-8 reported and
/// replaced), and checks that every node, URL, attribute and YAML value is placed within the
/// text, that the tree is no deeper than [`MAX_DEPTH`], and that every diagnostic is located
/// in the file.
pub fn mdc_parse(data: &[u8]) {
    let mut diagnostics = Diagnostics::new(false);
    let file = source_file(
        "fuzz.md".into(),
        Path::new("fuzz.md"),
        data,
        &mut diagnostics,
    );
    let document = parse_document(&file, &mut diagnostics);
    assert_tree_in(&file.text, &document);
    assert_located(&file, &diagnostics.finish());
}

fn assert_tree_in(text: &str, document: &Document) {
    assert_yaml_spans_in(text, &document.front_matter_spans);
    let mut stack: Vec<(&Node, usize)> = document.children.iter().map(|node| (node, 1)).collect();
    while let Some((node, depth)) = stack.pop() {
        assert!(depth <= MAX_DEPTH, "a node {depth} levels deep");
        assert_span_in(text, node.span, "node");
        match &node.kind {
            NodeKind::Link { url_span, .. } | NodeKind::Image { url_span, .. } => {
                assert_span_in(text, *url_span, "URL");
            }
            NodeKind::Component(component) | NodeKind::InlineComponent(component) => {
                assert_yaml_spans_in(text, &component.attribute_spans);
                assert_yaml_spans_in(text, &component.yaml_spans);
            }
            _ => {}
        }
        stack.extend(node.children().iter().map(|child| (child, depth + 1)));
    }
}
