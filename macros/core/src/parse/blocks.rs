//! Block components, found line by line before the markdown parser sees the text.
//!
//! pulldown-cmark knows nothing of `::Component` fences, and would read a component indented
//! by four spaces as code. So each container's lines are scanned here first: components are
//! cut out (recursively, with their indentation stripped) and replaced by a placeholder line
//! the markdown parser turns into an HTML block, which `markdown` swaps back for the component.

use super::MAX_NESTING;
use super::attributes::{AttributePlace, attribute_spans, parse_attribute_list, parse_attributes};
use super::markdown::{self, Markdown};
use crate::diagnostic::{Code, Diagnostic, Diagnostics, Severity};
use crate::source::{SourceFile, Span};
use crate::tree::{Attributes, Component, Node, NodeKind};
use crate::yaml::{Spans, parse_mapping};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::BTreeSet;

/// The text being parsed: the file itself, or a prop's markdown placed in the file.
pub(super) struct Text<'a> {
    pub(super) source: &'a str,
    /// Where `source` is in the file.
    pub(super) origin: Origin,
    pub(super) file: &'a SourceFile,
    /// What components closed by a shorter fence left behind (see [`Closing::Early`]).
    pub(super) closed_early: RefCell<ClosedEarly>,
}

/// What a component closed by a shorter fence leaves behind, by file offset: the openers of
/// the components inside it that the fence closed too, and the fence that was meant to close
/// it, now text. Both are explained by the warning at the shorter fence, not reported again.
#[derive(Debug, Default)]
pub(super) struct ClosedEarly {
    children: BTreeSet<usize>,
    leftover_fences: BTreeSet<usize>,
}

/// Where a text being parsed is in its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Origin {
    /// It is the file's text.
    File,
    /// It is written in the file as it is, from this offset on: positions map one to one.
    Shifted(usize),
    /// It is not written as it is (a YAML block scalar, a value with escapes): every position
    /// maps to this offset, the start of what it was read from.
    Fixed(usize),
}

impl Origin {
    /// The origin of a part of the text that is written as it is from file offset `offset`.
    pub(super) fn at(self, offset: usize) -> Origin {
        match self {
            Origin::Fixed(origin) => Origin::Fixed(origin),
            Origin::File | Origin::Shifted(_) => Origin::Shifted(offset),
        }
    }

    /// The file offset of `offset` in the text.
    pub(super) fn place(self, offset: usize) -> usize {
        match self {
            Origin::File => offset,
            Origin::Shifted(start) => start + offset,
            Origin::Fixed(origin) => origin,
        }
    }
}

impl Text<'_> {
    /// The file offset of an offset in `source`.
    pub(super) fn file_offset(&self, offset: usize) -> usize {
        self.origin.place(offset)
    }

    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.file_offset(start), self.file_offset(end))
    }
}

/// One line of `source` (byte range, without the line end). `start` may lie after the line's
/// real start when a container prefix (`> `) has been stripped.
#[derive(Debug, Clone, Copy)]
pub(super) struct Line {
    start: usize,
    end: usize,
}

/// A line's text with its container's indentation removed.
#[derive(Debug)]
struct View<'a> {
    /// The text; starts with spaces standing for the rest of a tab only partly removed.
    text: Cow<'a, str>,
    /// Where the first real (not tab-made) byte of `text` is in the source.
    offset: usize,
    /// How many spaces at the start of `text` stand for part of a tab.
    virtual_spaces: usize,
}

impl View<'_> {
    /// The source offset of byte `index` of the text.
    fn source_offset(&self, index: usize) -> usize {
        self.offset + index.saturating_sub(self.virtual_spaces)
    }
}

/// Columns a tab advances to: the next multiple of four.
const TAB_STOP: usize = 4;

/// The width in columns and in bytes of the white space starting `text`.
fn leading_columns(text: &str) -> (usize, usize) {
    let mut columns = 0;
    let mut bytes = 0;
    for byte in text.bytes() {
        match byte {
            b' ' => columns += 1,
            b'\t' => columns += TAB_STOP - columns % TAB_STOP,
            _ => break,
        }
        bytes += 1;
    }
    (columns, bytes)
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

    /// The line with up to `indent` columns of leading white space removed.
    fn at<'a>(&self, source: &'a str, indent: usize) -> View<'a> {
        let raw = source.get(self.start..self.end).unwrap_or("");
        let mut columns = 0;
        let mut bytes = 0;
        for byte in raw.bytes() {
            if columns >= indent {
                break;
            }
            match byte {
                b' ' => columns += 1,
                b'\t' => columns += TAB_STOP - columns % TAB_STOP,
                _ => break,
            }
            bytes += 1;
        }
        let rest = &raw[bytes..];
        let virtual_spaces = columns.saturating_sub(indent);
        let text = if virtual_spaces == 0 {
            Cow::Borrowed(rest)
        } else {
            Cow::Owned(format!("{}{rest}", " ".repeat(virtual_spaces)))
        };
        View {
            text,
            offset: self.start + bytes,
            virtual_spaces,
        }
    }
}

/// A parsed `::Name[label]{attrs}` opening line.
struct Opener<'a> {
    /// Columns of white space before the colons.
    indent: usize,
    colons: usize,
    name: &'a str,
    /// The label's text and its byte offset from the first colon.
    label: Option<(&'a str, usize)>,
    attributes: Attributes,
    /// Where each attribute is written, in bytes from the first colon.
    attribute_places: Vec<AttributePlace>,
}

fn parse_opener(line: &str) -> Option<Opener<'_>> {
    let (indent, lead) = leading_columns(line);
    let rest = &line[lead..];
    let colons = rest.bytes().take_while(|&b| b == b':').count();
    if colons < 2 {
        return None;
    }
    let rest = &rest[colons..];
    let name_len = name_length(rest)?;
    let name = &rest[..name_len];
    let mut rest = &rest[name_len..];
    let mut label = None;
    if rest.starts_with('[') {
        let end = closing_bracket(rest)?;
        label = Some((&rest[1..end], colons + name_len + 1));
        rest = &rest[end + 1..];
    }
    let mut attributes = Attributes::new();
    let mut attribute_places = Vec::new();
    if rest.starts_with('{') {
        let at = line.len() - rest.len() - lead;
        let (parsed, places, used) = parse_attribute_list(rest)?;
        attributes = parsed;
        attribute_places = places
            .into_iter()
            .map(|(key, key_at, value_at)| (key, shift(key_at, at), shift(value_at, at)))
            .collect();
        rest = &rest[used..];
    }
    rest.trim_matches(' ').is_empty().then_some(Opener {
        indent,
        colons,
        name,
        label,
        attributes,
        attribute_places,
    })
}

fn shift(range: std::ops::Range<usize>, by: usize) -> std::ops::Range<usize> {
    range.start + by..range.end + by
}

/// The length of the component name starting `text`: an ASCII letter, then letters, digits,
/// `-` and `_`.
fn name_length(text: &str) -> Option<usize> {
    if !text.bytes().next()?.is_ascii_alphabetic() {
        return None;
    }
    Some(
        text.bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')
            .count(),
    )
}

/// Whether `line` (without its indentation) holds only an inline component,
/// `:name[label]{attrs}`: such a line is a block of its own.
fn is_component_line(line: &str) -> bool {
    let Some(rest) = line.strip_prefix(':') else {
        return false;
    };
    let Some(name_len) = name_length(rest) else {
        return false;
    };
    let mut rest = &rest[name_len..];
    let mut seen_label = false;
    let mut seen_attributes = false;
    loop {
        if rest.starts_with('[') && !seen_label {
            let Some(end) = closing_bracket(rest) else {
                return false;
            };
            rest = &rest[end + 1..];
            seen_label = true;
        } else if rest.starts_with('{') && !seen_attributes {
            let Some((_, used)) = parse_attributes(rest) else {
                return false;
            };
            rest = &rest[used..];
            seen_attributes = true;
        } else {
            return rest.trim_matches(' ').is_empty();
        }
    }
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

/// A line of two or more colons alone: a closing fence, which here matched no opening line.
fn is_stray_close(line: &str) -> bool {
    let trimmed = line.trim();
    trimmed.len() >= 2 && trimmed.bytes().all(|b| b == b':')
}

/// A closing fence: exactly `colons` colons at exactly `indent` columns, then only spaces.
fn is_close(line: &str, indent: usize, colons: usize) -> bool {
    let (lead, bytes) = leading_columns(line);
    let rest = &line[bytes..];
    let count = rest.bytes().take_while(|&b| b == b':').count();
    lead == indent && count == colons && rest[count..].trim_matches(' ').is_empty()
}

/// The fence of a code block opened by `line`: its character and length.
fn code_fence(line: &str) -> Option<(u8, usize)> {
    let trimmed = line.trim_start_matches([' ', '\t']);
    let marker = *trimmed.as_bytes().first()?;
    if marker != b'`' && marker != b'~' {
        return None;
    }
    let len = trimmed.bytes().take_while(|&b| b == marker).count();
    let info_ok = marker == b'~' || !trimmed[len..].contains('`');
    (len >= 3 && info_ok).then_some((marker, len))
}

fn closes_code_fence(line: &str, (marker, len): (u8, usize)) -> bool {
    let trimmed = line.trim_start_matches([' ', '\t']);
    let count = trimmed.bytes().take_while(|&b| b == marker).count();
    count >= len && trimmed[count..].trim().is_empty()
}

/// A `---` line (three or more dashes, spaces allowed) opening or closing a YAML props block.
fn is_yaml_fence(line: &str) -> bool {
    let dashes = line.bytes().filter(|&b| b == b'-').count();
    dashes >= 3 && line.bytes().all(|b| b == b'-' || b == b' ') && line.starts_with('-')
}

/// A slot line `#name{attrs}` (without indentation).
fn parse_slot(line: &str) -> Option<(&str, Attributes)> {
    let rest = line.strip_prefix('#')?;
    let len = name_length(rest)?;
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

/// The `>` markers starting `line`: how many, and the bytes they (and one space after each)
/// take.
fn quote_prefix(line: &str) -> Option<(usize, usize)> {
    let mut quotes = 0;
    let mut at = 0;
    loop {
        let (columns, lead) = leading_columns(&line[at..]);
        if columns > 3 || line.as_bytes().get(at + lead) != Some(&b'>') {
            break;
        }
        at += lead + 1;
        if line.as_bytes().get(at) == Some(&b' ') {
            at += 1;
        }
        quotes += 1;
    }
    (quotes > 0).then_some((quotes, at))
}

/// The bytes taken by exactly `quotes` `>` markers at the start of `line`, if it has them.
fn strip_quotes(line: &str, quotes: usize) -> Option<usize> {
    let mut at = 0;
    for _ in 0..quotes {
        let (columns, lead) = leading_columns(&line[at..]);
        if columns > 3 || line.as_bytes().get(at + lead) != Some(&b'>') {
            return None;
        }
        at += lead + 1;
        if line.as_bytes().get(at) == Some(&b' ') {
            at += 1;
        }
    }
    Some(at)
}

/// The width of a list marker starting `text` (`- `, `* `, `+ `, `1. `, `1) `) up to the
/// item's content.
fn list_marker(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let marker = match bytes.first()? {
        b'-' | b'*' | b'+' => 1,
        b'0'..=b'9' => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            if digits > 9 || !matches!(bytes.get(digits), Some(b'.' | b')')) {
                return None;
            }
            digits + 1
        }
        _ => return None,
    };
    let rest = &text[marker..];
    if rest.trim().is_empty() {
        return Some(marker + 1);
    }
    let (spaces, _) = leading_columns(rest);
    match spaces {
        0 => None,
        1..=4 => Some(marker + spaces),
        _ => Some(marker + 1),
    }
}

/// The list items a container's lines are in, as the columns where their content starts, so
/// that a line's indentation is measured inside the innermost item (as pulldown-cmark does).
#[derive(Debug, Default)]
struct Lists {
    columns: Vec<usize>,
}

impl Lists {
    /// Takes in the next line; returns the column its indentation counts from.
    fn update(&mut self, line: &str) -> usize {
        if line.trim().is_empty() {
            return self.columns.last().copied().unwrap_or(0);
        }
        let (lead, bytes) = leading_columns(line);
        while self.columns.last().is_some_and(|&column| lead < column) {
            self.columns.pop();
        }
        let base = self.columns.last().copied().unwrap_or(0);
        if lead - base <= 3 {
            if let Some(width) = list_marker(&line[bytes..]) {
                self.columns.push(lead + width);
            }
        }
        base
    }
}

/// Parses the lines of one container (a file body, a component section), whose own
/// indentation is `indent` columns. Components become placeholder lines for the markdown
/// parser, which the markdown module swaps back.
pub(super) fn parse_blocks(
    text: &Text<'_>,
    lines: &[Line],
    indent: usize,
    depth: usize,
    diagnostics: &mut Diagnostics,
) -> Vec<Node> {
    let mut markdown = Markdown::default();
    let mut built: Vec<Node> = Vec::new();
    let mut fence = None;
    let mut after_text = false;
    let mut in_indented_code = false;
    let mut lists = Lists::default();
    let mut table = TableState::Outside;
    let mut index = 0;
    while let Some(line) = lines.get(index) {
        let view = line.at(text.source, indent);
        let content = view.text.as_ref();
        if let Some(open) = fence {
            if closes_code_fence(content, open) {
                fence = None;
            }
            markdown.push_line(content, text.file_offset(view.offset), view.virtual_spaces);
            index += 1;
            continue;
        }
        let blank = content.trim().is_empty();
        let base = lists.update(content);
        let (lead, _) = leading_columns(content);
        let relative = lead.saturating_sub(base);
        if !blank && relative < 4 {
            in_indented_code = false;
        }
        // An indented line right after text continues the paragraph; after indented code,
        // it continues the code.
        let lazy = relative >= 4 && (after_text || in_indented_code);
        let prefix = " ".repeat(base + relative.min(3));
        let found = if lazy {
            None
        } else if relative < 4 && code_fence(content).is_some() {
            fence = code_fence(content);
            None
        } else {
            block_at(text, lines, index, indent, base, depth, diagnostics)
        };
        if let Some((node, used, placeholder_prefix)) = found {
            let prefix = placeholder_prefix.unwrap_or(prefix);
            markdown.push_placeholder(
                &prefix,
                built.len(),
                text.file_offset(view.offset),
                node.span.start as usize,
            );
            built.push(node);
            index += used;
            after_text = false;
            continue;
        }
        if !blank && relative >= 4 && !after_text {
            in_indented_code = true;
        }
        let fence_start =
            text.file_offset(view.offset + (content.len() - content.trim_start().len()));
        let leftover = || {
            text.closed_early
                .borrow()
                .leftover_fences
                .contains(&fence_start)
        };
        if fence.is_none() && !in_indented_code && is_stray_close(content) && !leftover() {
            let fence_text = content.trim();
            let start = fence_start;
            let span = Span::new(start, start + fence_text.len());
            let message = format!("`{fence_text}` closes no component");
            diagnostics
                .error(text.file, span, Code::UnmatchedFence, message)
                .help = Some(
                "a closing fence needs as many colons as its opening line, at the same indentation"
                    .into(),
            );
        }
        after_text = fence.is_none() && !ends_block(content);
        // A line starting an HTML block ends a GFM table in remark (micromark), where
        // pulldown-cmark reads it as one more row: a blank line before it says the same.
        if table.update(content) && starts_html_block(content) {
            markdown.push_line("", text.file_offset(view.offset), 0);
            table = TableState::Outside;
        }
        markdown.push_line(content, text.file_offset(view.offset), view.virtual_spaces);
        index += 1;
    }
    markdown::parse(text, markdown, built)
}

/// Where a container's lines are with respect to a GFM table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TableState {
    Outside,
    /// The previous line could be a table's header row.
    AfterRow,
    Inside,
}

impl TableState {
    /// Follows `line`; whether it is a line inside a table (after its delimiter row).
    fn update(&mut self, line: &str) -> bool {
        let trimmed = line.trim();
        let was_inside = *self == TableState::Inside;
        *self = match *self {
            _ if trimmed.is_empty() => TableState::Outside,
            TableState::Inside => TableState::Inside,
            TableState::AfterRow if is_delimiter_row(trimmed) => TableState::Inside,
            _ if trimmed.contains('|') => TableState::AfterRow,
            _ => TableState::Outside,
        };
        was_inside && *self == TableState::Inside
    }
}

/// `| --- | :-: |`: a table's delimiter row.
fn is_delimiter_row(line: &str) -> bool {
    let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
    line.contains('-')
        && cells.iter().all(|cell| {
            let dashes = cell.trim_start_matches(':').trim_end_matches(':');
            !dashes.is_empty() && dashes.bytes().all(|b| b == b'-')
        })
}

/// Tag names that start an HTML block of CommonMark's kind 6.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "base",
    "basefont",
    "blockquote",
    "body",
    "caption",
    "center",
    "col",
    "colgroup",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "iframe",
    "legend",
    "li",
    "link",
    "main",
    "menu",
    "menuitem",
    "nav",
    "noframes",
    "ol",
    "optgroup",
    "option",
    "p",
    "param",
    "search",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "track",
    "ul",
];

/// Whether `line` starts an HTML block, by CommonMark's start conditions (a comment, a
/// declaration, a block-level tag, or a lone complete tag such as `</br>`).
fn starts_html_block(line: &str) -> bool {
    let (columns, bytes) = leading_columns(line);
    let rest = &line[bytes..];
    if columns > 3 || !rest.starts_with('<') {
        return false;
    }
    if rest.starts_with("<!--") || rest.starts_with("<?") || rest.starts_with("<![CDATA[") {
        return true;
    }
    let after = rest[1..].strip_prefix('/').unwrap_or(&rest[1..]);
    if rest[1..].starts_with('!') {
        return rest[2..].starts_with(|c: char| c.is_ascii_alphabetic());
    }
    let name_len = after
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
        .count();
    if name_len == 0 || !after.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return false;
    }
    let name = after[..name_len].to_ascii_lowercase();
    let next = after[name_len..].chars().next();
    let ends_name = next.is_none_or(|c| c.is_whitespace() || c == '>' || c == '/');
    if ends_name && ["script", "pre", "style", "textarea"].contains(&name.as_str()) {
        return true;
    }
    if ends_name && BLOCK_TAGS.contains(&name.as_str()) {
        return true;
    }
    // A complete open or closing tag alone on its line.
    lone_tag(rest)
}

/// Whether `text` is one complete tag (quoted attribute values may hold `>`) and only white
/// space after it.
fn lone_tag(text: &str) -> bool {
    let mut quote = None;
    for (at, c) in text.char_indices().skip(1) {
        match (quote, c) {
            (Some(open), c) if c == open => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '<') => return false,
            (None, '>') => return text[at + 1..].trim().is_empty(),
            (None, _) => {}
        }
    }
    false
}

/// A block the markdown parser must not see at line `index`: a component (block or inline
/// alone on its line) or a fenced code block indented by four or more columns. Returns the
/// node, how many lines it takes, and the container prefix its placeholder needs, if any.
fn block_at(
    text: &Text<'_>,
    lines: &[Line],
    index: usize,
    indent: usize,
    base: usize,
    depth: usize,
    diagnostics: &mut Diagnostics,
) -> Option<(Node, usize, Option<String>)> {
    let line = lines.get(index)?;
    let view = line.at(text.source, indent);
    let content = view.text.as_ref();
    let (lead, lead_bytes) = leading_columns(content);
    let relative = lead.saturating_sub(base);
    if relative >= 4 {
        if let Some(found) = indented_fence(text, lines, index, indent, base) {
            return Some((found.0, found.1, None));
        }
    }
    if let Some(opener) = parse_opener(content) {
        let closing = find_close(text, lines, index, indent + opener.indent, opener.colons);
        let close = match &closing {
            Closing::At(close) | Closing::Early { line: close, .. } => Some(*close),
            Closing::Never => None,
        };
        let body = &lines[index + 1..close.unwrap_or(lines.len())];
        let span = text.span(view.source_offset(lead_bytes), line.end);
        if let Closing::Early {
            line: close,
            open_children,
        } = &closing
        {
            closed_early(
                text,
                lines,
                &opener,
                indent,
                *close,
                open_children,
                diagnostics,
            );
        }
        let implicitly_closed = text
            .closed_early
            .borrow()
            .children
            .contains(&(span.start as usize));
        if close.is_none() && !implicitly_closed {
            let fence = ":".repeat(opener.colons);
            let message = format!("`{}` is never closed", opener.name);
            diagnostics
                .error(text.file, span, Code::UnclosedComponent, message)
                .help = Some(format!(
                "close it with a line `{fence}` at the same indentation; it runs to the end of its container"
            ));
        }
        let node = component(text, &opener, body, indent, depth, span, diagnostics);
        let used = close.map_or(lines.len(), |close| close + 1) - index;
        return Some((node, used, None));
    }
    if relative >= 4 {
        return None;
    }
    let rest = &content[lead_bytes..];
    if is_component_line(rest) {
        let mut markdown = Markdown::default();
        markdown.push_line(rest, text.file_offset(view.source_offset(lead_bytes)), 0);
        let mut nodes = markdown::parse(text, markdown, Vec::new());
        if let [
            Node {
                kind: NodeKind::InlineComponent(_),
                ..
            },
        ] = nodes.as_slice()
        {
            return nodes.pop().map(|node| (node, 1, None));
        }
    }
    quoted_component(text, lines, index, indent, depth, diagnostics)
}

/// Records what a component closed early by the shorter fence at line `close` leaves behind
/// (its open children, its own fence further down) and warns at that fence: the page renders
/// as the OMA site renders it, but the author almost certainly meant something else.
fn closed_early(
    text: &Text<'_>,
    lines: &[Line],
    opener: &Opener<'_>,
    indent: usize,
    close: usize,
    open_children: &[usize],
    diagnostics: &mut Diagnostics,
) {
    let own_indent = indent + opener.indent;
    let fence = ":".repeat(opener.colons);
    // Where a line's fence or opener starts in the file.
    let start_of = |index: usize| {
        let full = lines[index].at(text.source, 0);
        let (_, lead) = leading_columns(&full.text);
        text.file_offset(full.source_offset(lead))
    };
    let mut record = text.closed_early.borrow_mut();
    let mut children = Vec::new();
    for &child in open_children {
        record.children.insert(start_of(child));
        let full = lines[child].at(text.source, 0);
        if let Some(child_opener) = parse_opener(&full.text) {
            let line = text.file.line_col(start_of(child) as u32).0;
            children.push(format!("`{}` (line {line})", child_opener.name));
        }
    }
    let leftover = (close + 1..lines.len()).find(|&index| {
        is_close(
            &lines[index].at(text.source, 0).text,
            own_indent,
            opener.colons,
        )
    });
    let later = match leftover {
        Some(index) => {
            record.leftover_fences.insert(start_of(index));
            let line = text.file.line_col(start_of(index) as u32).0;
            format!(
                ", and the `{fence}` at line {line} that was meant to close it is shown as text"
            )
        }
        None => String::new(),
    };
    drop(record);
    let at = start_of(close);
    let span = Span::new(at, at + opener.colons);
    let message = format!(
        "`{fence}` here closes `{}` together with {} inside it, which opened with more colons",
        opener.name,
        children.join(" and ")
    );
    diagnostics
        .push(Diagnostic::new(
            Severity::Warning,
            Code::FenceClosesParent,
            text.file,
            span,
            message,
        ))
        .help = Some(format!(
        "close each component with as many colons as it opened with; as written, the page \
         renders as the OMA site renders it{later}"
    ));
}

/// A component opened inside a block quote (`> ::note`): its lines are those of the quote,
/// with the `>` markers removed.
fn quoted_component(
    text: &Text<'_>,
    lines: &[Line],
    index: usize,
    indent: usize,
    depth: usize,
    diagnostics: &mut Diagnostics,
) -> Option<(Node, usize, Option<String>)> {
    let line = lines.get(index)?;
    let view = line.at(text.source, indent);
    let (quotes, prefix_bytes) = quote_prefix(&view.text)?;
    let opener = parse_opener(&view.text[prefix_bytes..])?;
    // The body: the quote's next lines, markers removed, up to the closing fence.
    let mut body = Vec::new();
    let mut closed = false;
    let mut scanner = CloseScanner::new(opener.indent, opener.colons);
    for next in &lines[index + 1..] {
        let next_view = next.at(text.source, indent);
        let Some(bytes) = strip_quotes(&next_view.text, quotes) else {
            break;
        };
        let inner = Line {
            start: next_view.source_offset(bytes),
            end: next.end,
        };
        if scanner.closes(text, &inner, body.len()) {
            closed = true;
            break;
        }
        body.push(inner);
    }
    let (_, lead_bytes) = leading_columns(&view.text[prefix_bytes..]);
    let span = text.span(view.source_offset(prefix_bytes + lead_bytes), line.end);
    let node = component(text, &opener, &body, 0, depth, span, diagnostics);
    let used = 1 + body.len() + usize::from(closed);
    Some((node, used, Some(view.text[..prefix_bytes].to_string())))
}

/// A fenced code block whose opening line is indented by four or more columns: remark-mdc
/// reads it as a fence (not as indented code), whose content lines lose the opening line's
/// indentation and whose closing fence must be indented by at most three columns. Unclosed,
/// it runs to the end of the container.
fn indented_fence(
    text: &Text<'_>,
    lines: &[Line],
    index: usize,
    indent: usize,
    base: usize,
) -> Option<(Node, usize)> {
    let line = lines.get(index)?;
    let view = line.at(text.source, indent);
    let (lead, lead_bytes) = leading_columns(&view.text);
    let rest = &view.text[lead_bytes..];
    let ticks = rest.bytes().take_while(|&b| b == b'`').count();
    if ticks < 3 || rest[ticks..].contains('`') {
        return None;
    }
    let (lang, meta) = markdown::split_info(rest[ticks..].trim());
    let mut value: Vec<String> = Vec::new();
    let mut end = line.end;
    let mut next = index + 1;
    while let Some(line) = lines.get(next) {
        let view = line.at(text.source, indent);
        let (columns, bytes) = leading_columns(&view.text);
        let rest = view.text[bytes..].trim_end();
        if !rest.is_empty() && columns < base {
            // The list item holding the code ends here.
            break;
        }
        next += 1;
        end = line.end;
        let count = rest.bytes().take_while(|&b| b == b'`').count();
        if columns.saturating_sub(base) <= 3 && count >= ticks && count == rest.len() {
            break;
        }
        value.push(line.at(text.source, indent + lead).text.into_owned());
    }
    let span = text.span(view.source_offset(lead_bytes), end);
    let node = Node::new(
        NodeKind::Code {
            lang,
            meta,
            value: value.join("\n"),
        },
        span,
    );
    Some((node, next - index))
}

/// How a component's body ends.
#[derive(Debug, PartialEq, Eq)]
enum Closing {
    /// At this line, its own closing fence.
    At(usize),
    /// At this line, a fence with its number of colons written at the indentation of a
    /// component inside it that has more (`::::` inside a `:::::` child of a `::::` parent).
    /// remark-mdc lets it close the parent, the child with it; the parent's own closing fence
    /// further down is then text. The lines of the children still open are given.
    Early {
        line: usize,
        open_children: Vec<usize>,
    },
    /// Never: it runs to the end of its container.
    Never,
}

/// Follows a component's body line by line to find its closing fence, skipping code blocks
/// and nested components of the same fence length, and following the other components inside
/// it, whose fences may close it early ([`Closing::Early`]).
struct CloseScanner {
    indent: usize,
    colons: usize,
    nested: usize,
    fence: Option<(u8, usize)>,
    /// The components open inside it: indentation, colons and opening line.
    children: Vec<(usize, usize, usize)>,
}

/// What one line does to the component being scanned.
enum Scanned {
    Inside,
    Closes,
    ClosesEarly,
}

impl CloseScanner {
    fn new(indent: usize, colons: usize) -> CloseScanner {
        CloseScanner {
            indent,
            colons,
            nested: 0,
            fence: None,
            children: Vec::new(),
        }
    }

    /// What `line`, line `index` of the body, does to the component.
    fn scan(&mut self, text: &Text<'_>, line: &Line, index: usize) -> Scanned {
        let full = line.at(text.source, 0);
        let relative = line.at(text.source, self.indent);
        if let Some(open) = self.fence {
            if closes_code_fence(&relative.text, open) {
                self.fence = None;
            }
            return Scanned::Inside;
        }
        if let Some(open) = code_fence(&relative.text) {
            self.fence = Some(open);
        } else if is_close(&full.text, self.indent, self.colons) {
            if self.nested == 0 {
                return Scanned::Closes;
            }
            self.nested -= 1;
        } else if let Some(&(indent, colons, _)) = self.children.last() {
            if is_close(&full.text, indent, colons) {
                self.children.pop();
            } else if colons > self.colons && is_close(&full.text, indent, self.colons) {
                return Scanned::ClosesEarly;
            } else {
                self.open_child(&full.text, index);
            }
        } else {
            self.open_child(&full.text, index);
        }
        Scanned::Inside
    }

    /// Follows a component opened by `line`, if it opens one.
    fn open_child(&mut self, line: &str, index: usize) {
        let Some(opener) = parse_opener(line) else {
            return;
        };
        if opener.indent == self.indent && opener.colons == self.colons {
            self.nested += 1;
        } else {
            self.children.push((opener.indent, opener.colons, index));
        }
    }

    /// Whether `line`, the next line of the body, closes the component (early or not).
    fn closes(&mut self, text: &Text<'_>, line: &Line, index: usize) -> bool {
        !matches!(self.scan(text, line, index), Scanned::Inside)
    }
}

/// How the component opened at line `open` ends.
fn find_close(
    text: &Text<'_>,
    lines: &[Line],
    open: usize,
    indent: usize,
    colons: usize,
) -> Closing {
    let mut scanner = CloseScanner::new(indent, colons);
    for (index, line) in lines.iter().enumerate().skip(open + 1) {
        match scanner.scan(text, line, index) {
            Scanned::Inside => {}
            Scanned::Closes => return Closing::At(index),
            Scanned::ClosesEarly => {
                let open_children = scanner.children.iter().map(|&(_, _, at)| at).collect();
                return Closing::Early {
                    line: index,
                    open_children,
                };
            }
        }
    }
    Closing::Never
}

/// A slot of a component: `None` for the content before the first `#slot` line.
type SlotHead = Option<(String, Attributes, usize)>;

/// Splits a component's body at its `#slot` lines. As in remark-mdc, a slot line belongs to
/// the component unless it is inside a code block or a nested component with the same fence
/// length: a nested component with a longer fence loses its slots to this one.
fn sections<'l>(
    text: &Text<'_>,
    body: &'l [Line],
    indent: usize,
    colons: usize,
) -> Vec<(SlotHead, &'l [Line])> {
    let mut out = Vec::new();
    let mut head = None;
    let mut start = 0;
    let mut nested = 0usize;
    let mut fence = None;
    for (index, line) in body.iter().enumerate() {
        let full = line.at(text.source, 0);
        let relative = line.at(text.source, indent);
        if let Some(open) = fence {
            if closes_code_fence(&relative.text, open) {
                fence = None;
            }
            continue;
        }
        if let Some(open) = code_fence(&relative.text) {
            fence = Some(open);
            continue;
        }
        let (lead, lead_bytes) = leading_columns(&full.text);
        if lead != indent {
            continue;
        }
        if nested == 0 {
            if let Some((name, attributes)) = parse_slot(&full.text[lead_bytes..]) {
                out.push((head.take(), &body[start..index]));
                let offset = text.file_offset(full.source_offset(lead_bytes));
                head = Some((name.to_string(), attributes, offset));
                start = index + 1;
                continue;
            }
        }
        if is_close(&full.text, indent, colons) {
            nested = nested.saturating_sub(1);
        } else if parse_opener(&full.text).is_some_and(|o| o.colons == colons) {
            nested += 1;
        }
    }
    out.push((head, &body[start..]));
    out
}

/// Adds a finished section: default content in place, named slots as `Slot` nodes.
fn close_section(nodes: &mut Vec<Node>, section: SlotHead, blocks: Vec<Node>) {
    match section {
        Some((name, attributes, offset)) if !(name == "default" && attributes.is_empty()) => {
            let end = blocks.last().map_or(offset, |last| last.span.end as usize);
            nodes.push(Node::new(
                NodeKind::Slot {
                    name,
                    attributes,
                    children: blocks,
                },
                Span::new(offset, end),
            ));
        }
        _ => nodes.extend(blocks),
    }
}

/// Whether `line` is a YAML fence at exactly `indent` columns.
fn yaml_fence_at(text: &Text<'_>, line: &Line, indent: usize) -> bool {
    let full = line.at(text.source, 0);
    let (lead, bytes) = leading_columns(&full.text);
    lead == indent && is_yaml_fence(&full.text[bytes..])
}

/// Builds a block component from its opening line and body lines.
fn component(
    text: &Text<'_>,
    opener: &Opener<'_>,
    body: &[Line],
    parent_indent: usize,
    depth: usize,
    span: Span,
    diagnostics: &mut Diagnostics,
) -> Node {
    let indent = parent_indent + opener.indent;
    // The node spans the props block too, so that checks can point at a prop's line.
    let end = body
        .last()
        .map_or(span.end as usize, |line| text.file_offset(line.end));
    let mut body = body;
    let (mut yaml_props, mut yaml_spans) = (Map::new(), Spans::default());
    if let Some(first) = body
        .first()
        .filter(|line| yaml_fence_at(text, line, indent))
    {
        let end = body
            .iter()
            .skip(1)
            .position(|line| yaml_fence_at(text, line, indent));
        if let Some(end) = end.map(|end| end + 1) {
            (yaml_props, yaml_spans) =
                props_block(text, &body[1..end], indent, *first, diagnostics);
            body = &body[end + 1..];
        }
    }
    let mut children = Vec::new();
    if let Some((label, column)) = opener.label {
        let start = span.start as usize + column;
        children.extend(label_inlines(label, text, start));
    }
    if depth + 1 >= MAX_NESTING {
        diagnostics
            .error(
                text.file,
                span,
                Code::Nesting,
                format!("components nest deeper than {MAX_NESTING} levels"),
            )
            .help = Some("flatten the content: the inner components are not rendered".into());
    } else {
        for (head, lines) in sections(text, body, indent, opener.colons) {
            let blocks = parse_blocks(text, lines, indent, depth + 1, diagnostics);
            close_section(&mut children, head, blocks);
        }
    }
    let origin = text.origin.at(span.start as usize);
    let attribute_spans = attribute_spans(opener.attribute_places.clone(), |at| origin.place(at));
    let component = Component {
        name: opener.name.to_string(),
        attributes: opener.attributes.clone(),
        attribute_spans,
        yaml_props,
        yaml_spans,
        children,
    };
    Node::new(
        NodeKind::Component(component),
        Span::new(span.start as usize, end.max(span.end as usize)),
    )
}

/// Parses the YAML between the `---` lines, each value placed where it is written in the file.
fn props_block(
    text: &Text<'_>,
    lines: &[Line],
    indent: usize,
    fence: Line,
    diagnostics: &mut Diagnostics,
) -> (Map<String, Value>, Spans) {
    let views: Vec<View<'_>> = lines
        .iter()
        .map(|line| line.at(text.source, indent))
        .collect();
    let mut yaml = String::new();
    let mut starts = Vec::with_capacity(views.len());
    for view in &views {
        starts.push(yaml.len());
        yaml.push_str(&view.text);
        yaml.push('\n');
    }
    // Past the last line (an error at the end of the YAML): the closing `---` line.
    let end = lines.last().map_or(fence.start, |last| last.end + 1);
    let place = |at: usize| {
        let line = starts
            .partition_point(|&start| start <= at)
            .saturating_sub(1);
        let offset = match (views.get(line), starts.get(line)) {
            (Some(view), Some(start)) if at < yaml.len() => view.source_offset(at - start),
            _ => end,
        };
        text.file_offset(offset)
    };
    match parse_mapping(&yaml, &place) {
        Ok(props) => props,
        Err(error) => {
            diagnostics.error(
                text.file,
                Span::at(error.at),
                Code::Yaml,
                format!("invalid YAML in component props: {}", error.message),
            );
            (Map::new(), Spans::default())
        }
    }
}

/// The inline content of a `[label]`, spliced into the component without a paragraph.
fn label_inlines(label: &str, text: &Text<'_>, start: usize) -> Vec<Node> {
    let label_text = Text {
        source: label,
        origin: text.origin.at(start),
        file: text.file,
        closed_early: RefCell::default(),
    };
    let mut markdown = Markdown::default();
    markdown.push_line(label, start, 0);
    markdown::parse(&label_text, markdown, Vec::new())
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

    fn parse(source: &str) -> Vec<Node> {
        let file = SourceFile::new("a.md", std::path::PathBuf::new(), source);
        let mut diagnostics = Diagnostics::new(true);
        let text = Text {
            source: &file.text,
            origin: Origin::File,
            file: &file,
            closed_early: RefCell::default(),
        };
        let lines = Line::split(&file.text, 0);
        let nodes = parse_blocks(&text, &lines, 0, 0, &mut diagnostics);
        let _ = diagnostics.finish();
        nodes
    }

    /// A compact outline of the block structure: kinds and component names.
    fn outline(nodes: &[Node]) -> String {
        nodes
            .iter()
            .map(|node| {
                let (name, children) = match &node.kind {
                    NodeKind::Component(c) => (format!("::{}", c.name), c.children.as_slice()),
                    NodeKind::InlineComponent(c) => (format!(":{}", c.name), &[][..]),
                    NodeKind::Slot { name, children, .. } => (format!("#{name}"), &children[..]),
                    NodeKind::Paragraph(_) => ("p".into(), &[][..]),
                    NodeKind::Code { value, .. } => (format!("code({value:?})"), &[][..]),
                    NodeKind::Blockquote(children) => ("quote".into(), &children[..]),
                    NodeKind::List { children, .. } => ("list".into(), &children[..]),
                    NodeKind::ListItem { children, .. } => ("item".into(), &children[..]),
                    other => (format!("{other:?}").chars().take(12).collect(), &[][..]),
                };
                if children.is_empty() {
                    name
                } else {
                    format!("{name}[{}]", outline(children))
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn slots_of_a_nested_longer_fence_go_to_the_outer_component() {
        let nodes = parse("::outer\n#a\nx\n:::inner\n#b\ny\n:::\n::\n");
        assert_eq!(outline(&nodes), "::outer[#a[p ::inner] #b[p]]");
        let nodes = parse("::outer\n#a\n  :::inner\n  #b\n  y\n  :::\n::\n");
        assert_eq!(outline(&nodes), "::outer[#a[::inner[#b[p]]]]");
    }

    #[test]
    fn components_in_quotes_tabs_and_list_items() {
        assert_eq!(
            outline(&parse("> text\n>\n> ::note\n> inside\n> ::\n")),
            "quote[p ::note[p]]"
        );
        assert_eq!(
            outline(&parse("::outer\n\n\t:::inner\n\tX\n\t:::\n::\n")),
            "::outer[::inner[p]]"
        );
        assert_eq!(
            outline(&parse("1. numbered\n   :icon{name=\"x\"}\n")),
            "list[item[p :icon]]"
        );
    }

    #[test]
    fn indented_fences_run_to_a_fence_indented_at_most_three() {
        assert_eq!(
            outline(&parse("    ```js\n    a\n    ```\n\nb\n")),
            "code(\"a\\n```\\n\\nb\")"
        );
        assert_eq!(outline(&parse("    ```\n    a\n```\nb\n")), "code(\"a\") p");
        // In a list item, the same fence is an ordinary one.
        assert_eq!(
            outline(&parse("- item\n\n  ```\n  ::x\n  ```\n")),
            "list[item[p code(\"::x\")]]"
        );
    }
}
