//! Text → [`Document`]: front matter, MDC block components, markdown, MDC inline syntax.
//!
//! Only this module reads text. Block components are found line by line first (so that
//! indented components are never mistaken for code); each container's remaining markdown
//! goes to pulldown-cmark, with a placeholder line where each component stood.

mod attributes;
mod blocks;
mod inline;
mod markdown;

use crate::diagnostic::Code;
pub(crate) use attributes::decode_entities;
pub use attributes::kebab_case;

use crate::diagnostic::Diagnostics;
use crate::load::FrontMatter;
use crate::source::{SourceFile, Span};
use crate::tree::{Document, Node};
use blocks::{Line, Origin, Text};

/// How deeply components may nest before the rest is reported instead of parsed.
pub const MAX_NESTING: usize = 64;

/// How deep the tree may get, blocks, inlines and components together. Deeper content
/// (`>>>>>…`, `- - - - …` thousands of levels down) is flattened to its leaves and reported,
/// so that whatever walks the tree recursively (rendering, dropping it) stays within bounds.
pub const MAX_DEPTH: usize = 4 * MAX_NESTING;

/// Parses a whole file: front matter, then the body.
pub fn parse_document(file: &SourceFile, diagnostics: &mut Diagnostics) -> Document {
    let front_matter = FrontMatter::read(file, diagnostics);
    parse_body(file, &front_matter, diagnostics)
}

/// Parses the body of a file whose front matter has been read.
pub fn parse_body(
    file: &SourceFile,
    front_matter: &FrontMatter,
    diagnostics: &mut Diagnostics,
) -> Document {
    let text = Text {
        source: &file.text,
        origin: Origin::File,
        file,
        closed_early: Default::default(),
    };
    let lines = Line::split(&file.text, front_matter.body_start);
    let mut children = blocks::parse_blocks(&text, &lines, 0, 0, diagnostics);
    limit_depth(&mut children, file, diagnostics);
    Document {
        front_matter: front_matter.values.clone(),
        front_matter_spans: front_matter.spans.clone(),
        children,
    }
}

/// Parses markdown that is not a file of its own (a prop's value) written at `origin` of
/// `file`: when the file holds it there as it is, every node and diagnostic gets its own place;
/// otherwise (a block scalar, escapes) all are placed at the start of `origin`.
pub fn parse_fragment(
    markdown: &str,
    file: &SourceFile,
    origin: Span,
    diagnostics: &mut Diagnostics,
) -> Vec<Node> {
    let start = origin.start as usize;
    let written = file.text.get(start..origin.end as usize).unwrap_or("");
    // A quoted YAML or attribute value is written as it is between its quotes.
    let unquoted = ['"', '\''].iter().find_map(|&quote| {
        written
            .strip_prefix(quote)
            .and_then(|inner| inner.strip_suffix(quote))
    });
    let text = Text {
        source: markdown,
        origin: if written == markdown {
            Origin::Shifted(start)
        } else if unquoted == Some(markdown) {
            Origin::Shifted(start + 1)
        } else {
            Origin::Fixed(start)
        },
        file,
        closed_early: Default::default(),
    };
    let lines = Line::split(markdown, 0);
    let mut nodes = blocks::parse_blocks(&text, &lines, 0, 0, diagnostics);
    limit_depth(&mut nodes, file, diagnostics);
    nodes
}

/// Flattens every node deeper than [`MAX_DEPTH`] into its parent as the leaves it holds, and
/// reports the first place. Walks with an explicit stack: no recursion.
fn limit_depth(nodes: &mut Vec<Node>, file: &SourceFile, diagnostics: &mut Diagnostics) {
    let mut reported = false;
    let mut stack: Vec<(&mut Vec<Node>, usize)> = vec![(nodes, 1)];
    while let Some((list, depth)) = stack.pop() {
        for node in list {
            let span = node.span;
            let Some(children) = node.children_mut() else {
                continue;
            };
            if depth + 1 < MAX_DEPTH {
                stack.push((children, depth + 1));
                continue;
            }
            if children.iter().all(|child| child.children().is_empty()) {
                continue;
            }
            *children = leaves(std::mem::take(children));
            if !reported {
                reported = true;
                diagnostics
                    .error(
                        file,
                        span,
                        Code::Nesting,
                        format!("the content nests deeper than {MAX_DEPTH} levels"),
                    )
                    .help = Some("flatten the content: the inner structure is dropped".into());
            }
        }
    }
}

/// The nodes without children under `nodes`, in document order. Each container is emptied
/// before it is dropped, so dropping never recurses.
fn leaves(nodes: Vec<Node>) -> Vec<Node> {
    let mut out = Vec::new();
    let mut stack: Vec<Node> = nodes.into_iter().rev().collect();
    while let Some(mut node) = stack.pop() {
        match node.children_mut() {
            Some(children) if !children.is_empty() => {
                stack.extend(std::mem::take(children).into_iter().rev());
            }
            _ => out.push(node),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tree::NodeKind;
    use std::path::PathBuf;
    use std::time::{Duration, Instant};

    fn parse(text: &str) -> (Document, Vec<crate::Diagnostic>) {
        let file = SourceFile::new("a.md", PathBuf::new(), text);
        let mut diagnostics = Diagnostics::new(false);
        let document = parse_document(&file, &mut diagnostics);
        (document, diagnostics.finish())
    }

    /// The depth of the deepest node, measured without recursion.
    fn depth(nodes: &[Node]) -> usize {
        let mut deepest = 0;
        let mut stack: Vec<(&Node, usize)> = nodes.iter().map(|node| (node, 1)).collect();
        while let Some((node, depth)) = stack.pop() {
            deepest = deepest.max(depth);
            stack.extend(node.children().iter().map(|child| (child, depth + 1)));
        }
        deepest
    }

    #[test]
    fn deep_markdown_is_flattened_and_reported_not_overflowing() {
        let n = 10_000;
        // (text, whether it nests too deep)
        let cases = [
            (format!("{} quoted", ">".repeat(n)), true),
            (format!("{}item", "- ".repeat(n)), true),
            (format!("{}x{}", "[".repeat(n), "]".repeat(n)), true),
            (format!("{}x{}", "*a ".repeat(n), " b*".repeat(n)), true),
            (format!("{}x\n", "> ::a\n".repeat(n)), true),
            // Components nested past MAX_NESTING: `::x1`, `:::x2`, `::::x3`…
            (
                (1..=2 * MAX_NESTING)
                    .map(|i| format!("{}:x{i}\n", ":".repeat(i + 1)))
                    .collect(),
                true,
            ),
            // Links cannot hold links: the outer brackets stay text.
            (format!("{}x{}", "[a ".repeat(n), "](u)".repeat(n)), false),
        ];
        for (text, deep) in &cases {
            let (document, diagnostics) = parse(text);
            assert!(depth(&document.children) <= MAX_DEPTH, "{text:.40}");
            let reported = diagnostics.iter().any(|d| d.code == "nesting");
            assert_eq!(reported, *deep, "{text:.40}: {diagnostics:?}");
            if !text.contains("::") {
                let kept: String = document.children.iter().map(Node::plain_text).collect();
                assert!(kept.contains('x') || kept.contains("quoted") || kept.contains("item"));
            }
        }
    }

    /// Found by the `mdc_parse` fuzz target: a paragraph ending the file without a line end
    /// was placed one byte past the end.
    #[test]
    fn a_last_line_without_a_line_end_is_placed_within_the_file() {
        for text in [
            "Some text",
            "# Title",
            "> quoted",
            "- item",
            "::ShAlert\nIn it",
        ] {
            let (document, _) = parse(text);
            let last = document.children.last().map(|node| node.span.end);
            assert_eq!(last, Some(text.len() as u32), "{text}");
        }
    }

    /// Found by the `mdc_parse` fuzz target: a line whose indentation ends inside a tab (part
    /// of it taken by its container) was placed as many bytes too far as the tab had spaces
    /// left, inside a character when one followed.
    #[test]
    fn lines_indented_by_part_of_a_tab_are_placed_where_they_are_written() {
        for (text, written) in [
            ("  ::o\n\tAé\n  ::\n", "Aé"),
            ("- a\n\n\tbé\n", "bé"),
            (">\tcé\n", "cé"),
        ] {
            let (document, _) = parse(text);
            let mut texts = Vec::new();
            let mut stack: Vec<&Node> = document.children.iter().collect();
            while let Some(node) = stack.pop() {
                let place = text.get(node.span.start as usize..node.span.end as usize);
                assert!(place.is_some(), "{text:?}: {node:?}");
                if let NodeKind::Text(value) = &node.kind {
                    texts.push((value.as_str(), place));
                }
                stack.extend(node.children());
            }
            assert!(
                texts.contains(&(written, Some(written))),
                "{text:?}: {texts:?}"
            );
        }
    }

    /// Found by the `mdc_parse` fuzz target: the quotes around a component were placed from
    /// the component's start, each one byte further, the innermost past the line, inside the
    /// character after it.
    #[test]
    fn quotes_around_a_component_are_placed_at_their_markers() {
        let text = ">>>::i\n\u{fffd}";
        let (document, _) = parse(text);
        let mut starts = Vec::new();
        let mut node = document.children.first();
        while let Some(quote) = node.filter(|n| matches!(n.kind, NodeKind::Blockquote(_))) {
            starts.push(quote.span.start);
            assert!(quote.span.end <= 7, "{quote:?}");
            node = quote.children().first();
        }
        assert_eq!(starts, [0, 1, 2]);
        assert_eq!(node.map(|n| (n.span.start, n.span.end)), Some((3, 6)));
    }

    #[test]
    fn large_inputs_parse_in_linear_time() {
        let unit = "Some *text* with [a link](/x){target=\"_blank\"}, :icon{name=\"x\"} and www.x.org.\n\n\
                    ::ShAlert{type=\"info\"}\n> quoted [span]{.a}\n::\n\n";
        let time = |copies: usize| {
            let text = unit.repeat(copies);
            let start = Instant::now();
            let _ = parse(&text);
            start.elapsed()
        };
        let small = time(500);
        let large = time(5_000);
        // Ten times the input: allow generous noise, but not quadratic growth.
        assert!(
            large < small * 40 + Duration::from_millis(50),
            "{small:?} for 500 copies, {large:?} for 5000"
        );
    }
}
