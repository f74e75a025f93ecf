//! Block components, found line by line before the markdown parser sees the text.
//!
//! pulldown-cmark knows nothing of `::Component` fences, and would read a component indented
//! by four spaces as code. So each container's lines are scanned here first: components are
//! cut out (recursively, with their indentation stripped) and replaced by a placeholder line
//! the markdown parser turns into an HTML block, which `markdown` swaps back for the component.

use super::MAX_NESTING;
use super::attributes::parse_attributes;
use super::front_matter::column_bytes;
use super::markdown::{self, Markdown};
use super::yaml::parse_mapping;
use crate::diagnostic::Diagnostics;
use crate::source::{SourceFile, Span};
use crate::tree::{Attributes, Component, Node, NodeKind};
use serde_json::{Map, Value};

/// The text being parsed: the file itself, or a prop's markdown placed at one spot of the file.
pub(super) struct Text<'a> {
    pub(super) source: &'a str,
    /// `Some(offset)` when `source` is not the file's text: every position maps to `offset`.
    pub(super) fixed_origin: Option<usize>,
    pub(super) file: &'a SourceFile,
}

impl Text<'_> {
    /// The file offset of an offset in `source`.
    pub(super) fn file_offset(&self, offset: usize) -> usize {
        self.fixed_origin.unwrap_or(offset)
    }

    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.file_offset(start), self.file_offset(end))
    }
}

/// One line of `source` (byte range, without the line end).
#[derive(Debug, Clone, Copy)]
pub(super) struct Line {
    start: usize,
    end: usize,
}

impl Line {
    /// The lines of `source` from byte `from` on.
    pub(super) fn split(source: &str, from: usize) -> Vec<Line> {
        let mut lines = Vec::new();
        let mut start = from.min(source.len());
        for piece in source[start..].split_inclusive('\n') {
            let end = start + piece.trim_end_matches('\n').len();
            lines.push(Line { start, end });
            start += piece.len();
        }
        lines
    }

    /// The line with up to `indent` leading spaces removed, and where that text starts.
    fn at<'a>(&self, source: &'a str, indent: usize) -> (&'a str, usize) {
        let raw = source.get(self.start..self.end).unwrap_or("");
        let strip = raw.bytes().take(indent).take_while(|&b| b == b' ').count();
        (&raw[strip..], self.start + strip)
    }
}

/// A parsed `::Name[label]{attrs}` opening line.
struct Opener<'a> {
    /// Leading spaces before the colons.
    indent: usize,
    colons: usize,
    name: &'a str,
    label: Option<(&'a str, usize)>,
    attributes: Attributes,
}

fn parse_opener(line: &str) -> Option<Opener<'_>> {
    let indent = line.bytes().take_while(|&b| b == b' ').count();
    let rest = &line[indent..];
    let colons = rest.bytes().take_while(|&b| b == b':').count();
    if colons < 2 {
        return None;
    }
    let rest = &rest[colons..];
    let first = rest.bytes().next()?;
    if !first.is_ascii_alphabetic() {
        return None;
    }
    let name_len = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')
        .count();
    let name = &rest[..name_len];
    let mut rest = &rest[name_len..];
    let mut label = None;
    if rest.starts_with('[') {
        let end = closing_bracket(rest)?;
        label = Some((&rest[1..end], indent + colons + name_len + 1));
        rest = &rest[end + 1..];
    }
    let mut attributes = Attributes::new();
    if rest.starts_with('{') {
        let (parsed, used) = parse_attributes(rest)?;
        attributes = parsed;
        rest = &rest[used..];
    }
    rest.trim_matches(' ').is_empty().then_some(Opener {
        indent,
        colons,
        name,
        label,
        attributes,
    })
}

/// Index of the `]` matching the `[` at the start of `text`.
fn closing_bracket(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (index, byte) in text.bytes().enumerate() {
        match byte {
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(index);
                }
            }
            _ => {}
        }
    }
    None
}

/// A closing fence: exactly `colons` colons at exactly `indent` spaces, then only spaces.
fn is_close(line: &str, indent: usize, colons: usize) -> bool {
    let lead = line.bytes().take_while(|&b| b == b' ').count();
    let rest = &line[lead..];
    let count = rest.bytes().take_while(|&b| b == b':').count();
    lead == indent && count == colons && rest[count..].trim_matches(' ').is_empty()
}

/// The fence of a code block opened by `line`: its character and length.
fn code_fence(line: &str) -> Option<(u8, usize)> {
    let trimmed = line.trim_start_matches(' ');
    let marker = *trimmed.as_bytes().first()?;
    if marker != b'`' && marker != b'~' {
        return None;
    }
    let len = trimmed.bytes().take_while(|&b| b == marker).count();
    let info_ok = marker == b'~' || !trimmed[len..].contains('`');
    (len >= 3 && info_ok).then_some((marker, len))
}

fn closes_code_fence(line: &str, (marker, len): (u8, usize)) -> bool {
    let trimmed = line.trim_start_matches(' ');
    let count = trimmed.bytes().take_while(|&b| b == marker).count();
    count >= len && trimmed[count..].trim().is_empty()
}

/// A `---` line (three or more dashes, spaces allowed) opening or closing a YAML props block.
fn is_yaml_fence(line: &str) -> bool {
    let dashes = line.bytes().filter(|&b| b == b'-').count();
    dashes >= 3 && line.bytes().all(|b| b == b'-' || b == b' ') && line.starts_with('-')
}

/// A slot line `#name{attrs}` at the container's own indentation.
fn parse_slot(line: &str) -> Option<(&str, Attributes)> {
    let rest = line.strip_prefix('#')?;
    if !rest.bytes().next()?.is_ascii_alphabetic() {
        return None;
    }
    let len = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')
        .count();
    let (name, after) = rest.split_at(len);
    let mut attributes = Attributes::new();
    let mut after = after;
    if after.starts_with('{') {
        let (parsed, used) = parse_attributes(after)?;
        attributes = parsed;
        after = &after[used..];
    }
    after
        .trim_matches(' ')
        .is_empty()
        .then_some((name, attributes))
}

/// Whether a line ends what came before it, so that an indented component after it is not a
/// lazy continuation of a paragraph.
fn ends_block(line: &str) -> bool {
    let trimmed = line.trim();
    trimmed.is_empty()
        || trimmed.starts_with('#')
        || is_yaml_fence(trimmed)
        || trimmed.bytes().all(|b| b == b':')
}

/// Parses the lines of one container (a file body, a component body or a slot), whose own
/// indentation is `indent` spaces. With `slots`, `#name` lines split it into slot sections.
pub(super) fn parse_blocks(
    text: &Text<'_>,
    lines: &[Line],
    indent: usize,
    depth: usize,
    slots: bool,
    diagnostics: &mut Diagnostics,
) -> Vec<Node> {
    let mut nodes = Vec::new();
    let mut section: Option<(String, Attributes, usize)> = None;
    let mut markdown = Markdown::default();
    let mut components = Vec::new();
    let mut fence = None;
    let mut after_text = false;
    let mut index = 0;
    while let Some(line) = lines.get(index) {
        let (content, offset) = line.at(text.source, indent);
        if let Some(open) = fence {
            if closes_code_fence(content, open) {
                fence = None;
            }
            markdown.push_line(content, text.file_offset(offset));
            index += 1;
            continue;
        }
        if let Some(open) = code_fence(content) {
            fence = Some(open);
        } else if let Some((name, attributes)) = slots.then(|| parse_slot(content)).flatten() {
            let blocks = markdown::parse(
                text,
                std::mem::take(&mut markdown),
                std::mem::take(&mut components),
                diagnostics,
            );
            close_section(&mut nodes, section.take(), blocks, text);
            section = Some((name.to_string(), attributes, offset));
            after_text = false;
            index += 1;
            continue;
        } else if let Some(opener) = parse_opener(content) {
            if !(opener.indent >= 4 && after_text) {
                let close = find_close(text, lines, index, indent + opener.indent, opener.colons);
                let body = &lines[index + 1..close.unwrap_or(lines.len())];
                let span = text.span(offset, offset + content.len());
                let placeholder_indent = opener.indent.min(3);
                let node = component(text, opener, body, indent, depth, span, diagnostics);
                markdown.push_placeholder(
                    components.len(),
                    placeholder_indent,
                    node.span.start as usize,
                );
                components.push(node);
                index = close.map_or(lines.len(), |close| close + 1);
                after_text = false;
                continue;
            }
        }
        after_text = !ends_block(content);
        markdown.push_line(content, text.file_offset(offset));
        index += 1;
    }
    let blocks = markdown::parse(text, markdown, components, diagnostics);
    close_section(&mut nodes, section, blocks, text);
    nodes
}

/// Adds a finished section: default content in place, named slots as `Slot` nodes.
fn close_section(
    nodes: &mut Vec<Node>,
    section: Option<(String, Attributes, usize)>,
    blocks: Vec<Node>,
    text: &Text<'_>,
) {
    match section {
        Some((name, attributes, offset)) if !(name == "default" && attributes.is_empty()) => {
            let end = blocks
                .last()
                .map_or(text.file_offset(offset), |last| last.span.end as usize);
            let span = Span::new(text.file_offset(offset), end);
            nodes.push(Node::new(
                NodeKind::Slot {
                    name,
                    attributes,
                    children: blocks,
                },
                span,
            ));
        }
        _ => nodes.extend(blocks),
    }
}

/// The index of the line closing the component opened at `open`, skipping code blocks and
/// nested components of the same fence length.
fn find_close(
    text: &Text<'_>,
    lines: &[Line],
    open: usize,
    indent: usize,
    colons: usize,
) -> Option<usize> {
    let mut nested = 0usize;
    let mut fence = None;
    for (index, line) in lines.iter().enumerate().skip(open + 1) {
        let (content, _) = line.at(text.source, 0);
        let (relative, _) = line.at(text.source, indent);
        if let Some(open) = fence {
            if closes_code_fence(relative, open) {
                fence = None;
            }
            continue;
        }
        if let Some(open) = code_fence(relative) {
            fence = Some(open);
        } else if is_close(content, indent, colons) {
            if nested == 0 {
                return Some(index);
            }
            nested -= 1;
        } else if parse_opener(content).is_some_and(|o| o.indent == indent && o.colons == colons) {
            nested += 1;
        }
    }
    None
}

/// Builds a block component from its opening line and body lines.
fn component(
    text: &Text<'_>,
    opener: Opener<'_>,
    body: &[Line],
    parent_indent: usize,
    depth: usize,
    span: Span,
    diagnostics: &mut Diagnostics,
) -> Node {
    let indent = parent_indent + opener.indent;
    let mut body = body;
    let mut yaml_props = Map::new();
    if let Some(first) = body
        .first()
        .filter(|line| is_yaml_fence(line.at(text.source, indent).0))
    {
        let end = body
            .iter()
            .skip(1)
            .position(|line| is_yaml_fence(line.at(text.source, indent).0));
        if let Some(end) = end.map(|end| end + 1) {
            yaml_props = props_block(text, &body[1..end], indent, *first, diagnostics);
            body = &body[end + 1..];
        }
    }
    let mut children = Vec::new();
    if let Some((label, column)) = opener.label {
        let label_span = Span::new(
            span.start as usize + column,
            span.start as usize + column + label.len(),
        );
        children.extend(label_inlines(label, text, label_span, diagnostics));
    }
    if depth + 1 >= MAX_NESTING {
        diagnostics
            .error(
                text.file,
                span,
                "nesting",
                format!("components nest deeper than {MAX_NESTING} levels"),
            )
            .help = Some("flatten the content: the inner components are not rendered".into());
    } else {
        children.extend(parse_blocks(
            text,
            body,
            indent,
            depth + 1,
            true,
            diagnostics,
        ));
    }
    let end = body
        .last()
        .map_or(span.end as usize, |line| text.file_offset(line.end));
    let component = Component {
        name: opener.name.to_string(),
        attributes: opener.attributes,
        yaml_props,
        children,
    };
    Node::new(
        NodeKind::Component(component),
        Span::new(span.start as usize, end.max(span.end as usize)),
    )
}

/// Parses the YAML between the `---` lines; errors are placed at their line in the file.
fn props_block(
    text: &Text<'_>,
    lines: &[Line],
    indent: usize,
    fence: Line,
    diagnostics: &mut Diagnostics,
) -> Map<String, Value> {
    let mut yaml = String::new();
    for line in lines {
        yaml.push_str(line.at(text.source, indent).0);
        yaml.push('\n');
    }
    match parse_mapping(&yaml) {
        Ok(map) => map,
        Err(error) => {
            // An error at the end of the YAML is reported at the closing `---` line.
            let end = lines.last().map_or(fence.start, |last| last.end + 1);
            let at = lines.get(error.line.saturating_sub(1)).map_or(end, |line| {
                let (content, offset) = line.at(text.source, indent);
                offset + column_bytes(content, error.column)
            });
            let span = text.span(at, at);
            diagnostics.error(
                text.file,
                span,
                "yaml",
                format!("invalid YAML in component props: {}", error.message),
            );
            Map::new()
        }
    }
}

/// The inline content of a `[label]`, spliced into the component without a paragraph.
fn label_inlines(
    label: &str,
    text: &Text<'_>,
    span: Span,
    diagnostics: &mut Diagnostics,
) -> Vec<Node> {
    let label_text = Text {
        source: label,
        fixed_origin: Some(span.start as usize),
        file: text.file,
    };
    let lines = Line::split(label, 0);
    parse_blocks(&label_text, &lines, 0, MAX_NESTING, false, diagnostics)
        .into_iter()
        .flat_map(|node| match node.kind {
            NodeKind::Paragraph(children) => children,
            _ => vec![node],
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opener_forms() {
        let opener = parse_opener("::ShTwoColumns{size=\"L\"}  ")
            .map(|o| (o.indent, o.colons, o.name, o.attributes.len()));
        assert_eq!(opener, Some((0, 2, "ShTwoColumns", 1)));
        let opener = parse_opener("        ::::ShColumn ").map(|o| (o.indent, o.colons, o.name));
        assert_eq!(opener, Some((8, 4, "ShColumn")));
        assert!(parse_opener("::").is_none());
        assert!(parse_opener(":single").is_none());
        assert!(parse_opener("::name{a} trailing text").is_none());
        assert!(parse_opener("::name{a}{b}").is_none());
        assert_eq!(
            parse_opener("::callout[Read **this**]")
                .and_then(|o| o.label)
                .map(|l| l.0),
            Some("Read **this**")
        );
    }

    #[test]
    fn closing_fences_need_the_same_indent_and_length() {
        assert!(is_close("::", 0, 2));
        assert!(is_close("    :::::  ", 4, 5));
        assert!(!is_close("   ::", 0, 2));
        assert!(!is_close(":::", 0, 2));
    }

    #[test]
    fn yaml_fences_allow_spaces() {
        assert!(is_yaml_fence("---"));
        assert!(is_yaml_fence("--- "));
        assert!(is_yaml_fence("- - -"));
        assert!(!is_yaml_fence("--"));
        assert!(!is_yaml_fence("---x"));
    }
}
