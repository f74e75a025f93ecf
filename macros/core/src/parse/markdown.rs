//! Markdown → tree, through pulldown-cmark's event stream.

use super::blocks::{Origin, Text};
use super::inline::{self, LITERAL};
use crate::source::Span;
use crate::tree::{Align, Node, NodeKind};
use crate::yaml::Spans;
use pulldown_cmark::{
    BrokenLink, CodeBlockKind, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd,
};

/// The link destination given to `[text]` with no definition: MDC reads it as a span.
pub(super) const SPAN_MARKER: &str = "\u{1}mdc-span";
/// Placeholder lines stand where block components were cut out.
const PLACEHOLDER_PREFIX: &str = "<!--\u{1}mdc-component ";

/// Markdown text collected for one container, with each line's place in the file.
#[derive(Debug, Default)]
pub(super) struct Markdown {
    text: String,
    lines: Vec<LineStart>,
}

/// Where a line of the markdown text starts, in it and in the file.
#[derive(Debug, Clone, Copy, Default)]
struct LineStart {
    text: usize,
    file: usize,
    /// Spaces the line starts with that stand for the rest of a tab, which is before `file`.
    virtual_spaces: usize,
}

impl Markdown {
    /// Adds `line`, whose first real byte is at `file_offset` after `virtual_spaces` spaces
    /// standing for the rest of a tab.
    pub(super) fn push_line(&mut self, line: &str, file_offset: usize, virtual_spaces: usize) {
        self.lines.push(LineStart {
            text: self.text.len(),
            file: file_offset,
            virtual_spaces,
        });
        self.text.push_str(line);
        self.text.push('\n');
    }

    /// A line the markdown parser reads as an HTML block, swapped back for node `index`, which
    /// starts at `file_offset` on a line starting at `line_offset`; `prefix` puts it in the
    /// right container (indentation of a list item, `> ` of a quote) and stands for the bytes
    /// between the two, or for fewer when a tab was written for spaces.
    pub(super) fn push_placeholder(
        &mut self,
        prefix: &str,
        index: usize,
        line_offset: usize,
        file_offset: usize,
    ) {
        let written = file_offset.saturating_sub(line_offset);
        self.lines.push(LineStart {
            text: self.text.len(),
            file: line_offset,
            virtual_spaces: prefix.len().saturating_sub(written),
        });
        let line = format!("{prefix}{PLACEHOLDER_PREFIX}{index}-->\n");
        for text in [
            self.text.len() + prefix.len(),
            self.text.len() + line.len() - 1,
        ] {
            self.lines.push(LineStart {
                text,
                file: file_offset,
                virtual_spaces: 0,
            });
        }
        self.text.push_str(&line);
    }

    fn file_offset(&self, text: &Text<'_>, offset: usize) -> usize {
        let line = self
            .lines
            .partition_point(|start| start.text <= offset)
            .saturating_sub(1);
        let start = self.lines.get(line).copied().unwrap_or_default();
        match text.origin {
            Origin::Fixed(origin) => origin,
            // The line end `push_line` adds after the text's last line is not in the file.
            Origin::File | Origin::Shifted(_) => {
                let in_line = offset.saturating_sub(start.text);
                let end = text.file_offset(text.source.len());
                (start.file + in_line.saturating_sub(start.virtual_spaces)).min(end)
            }
        }
    }
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
}

/// Parses `markdown`; the placeholder HTML blocks become the `components` they stand for.
pub(super) fn parse(text: &Text<'_>, markdown: Markdown, components: Vec<Node>) -> Vec<Node> {
    if markdown.text.trim().is_empty() && components.is_empty() {
        return Vec::new();
    }
    let mut spans_as_links = |link: BrokenLink<'_>| -> Option<(CowStr<'_>, CowStr<'_>)> {
        matches!(link.link_type, LinkType::Shortcut)
            .then(|| (CowStr::Borrowed(SPAN_MARKER), CowStr::Borrowed("")))
    };
    let parser =
        Parser::new_with_broken_link_callback(&markdown.text, options(), Some(&mut spans_as_links));
    let mut builder = Builder {
        source: match text.origin {
            Origin::Fixed(_) => None,
            Origin::File | Origin::Shifted(_) => Some(&text.file.text),
        },
        markdown: &markdown.text,
        frames: vec![Frame::new(FrameKind::Root, 0)],
        open_links: 0,
        components: components.into_iter().map(Some).collect(),
    };
    // End of the last inline event, to tell a backslash escape from a backslash that belongs
    // to something before (an escaped backslash, a code span).
    let mut inline_end = 0;
    for (event, range) in parser.into_offset_iter() {
        let mut span = Span::new(
            markdown.file_offset(text, range.start),
            markdown.file_offset(text, range.end),
        );
        let event = match event {
            Event::Text(value) if !builder.in_code() => {
                let source = markdown.text.get(range.clone()).unwrap_or("");
                let escaped = range.start > inline_end
                    && markdown.text.as_bytes().get(range.start - 1) == Some(&b'\\');
                // The escaped text starts at its backslash, which its mark stands for.
                if escaped {
                    span = Span::new(
                        markdown.file_offset(text, range.start - 1),
                        span.end as usize,
                    );
                }
                Event::Text(mark_literal(value, source, escaped))
            }
            other => other,
        };
        if matches!(
            event,
            Event::Text(_)
                | Event::Code(_)
                | Event::InlineHtml(_)
                | Event::End(_)
                | Event::SoftBreak
                | Event::HardBreak
                | Event::FootnoteReference(_)
        ) {
            inline_end = range.end;
        }
        builder.event(event, span, range);
    }
    builder.finish()
}

/// Marks characters that must stay text: an escaped character (`\\:`) or one written as a
/// character reference (`&#58;`) never starts MDC syntax.
fn mark_literal<'a>(value: CowStr<'a>, source: &str, escaped: bool) -> CowStr<'a> {
    if escaped {
        let mut marked = String::with_capacity(value.len() + 1);
        marked.push(LITERAL);
        marked.push_str(&value);
        return CowStr::from(marked);
    }
    if source != value.as_ref() && source.starts_with('&') {
        let mut marked = String::with_capacity(value.len() * 2);
        for c in value.chars() {
            marked.push(LITERAL);
            marked.push(c);
        }
        return CowStr::from(marked);
    }
    value
}

/// The info string of a code fence as mdast splits it: language, then the rest.
pub(super) fn split_info(info: &str) -> (Option<String>, Option<String>) {
    let info = info.trim();
    match info.split_once(char::is_whitespace) {
        Some((lang, meta)) => (Some(lang.to_string()), Some(meta.trim_start().to_string())),
        None if info.is_empty() => (None, None),
        None => (Some(info.to_string()), None),
    }
}

enum FrameKind {
    Root,
    Paragraph,
    Heading(u8),
    Blockquote,
    Code {
        lang: Option<String>,
        meta: Option<String>,
    },
    Html,
    List {
        start: Option<u64>,
    },
    Item {
        checked: Option<bool>,
    },
    FootnoteDefinition(String),
    Table(Vec<Align>),
    TableRow,
    TableCell,
    Emphasis,
    Strong,
    Delete,
    Link {
        url: String,
        title: Option<String>,
    },
    Image {
        url: String,
        title: Option<String>,
    },
    /// Markup pulldown-cmark knows but MDC does not (super/subscript…): its content is kept.
    Transparent,
}

struct Frame {
    kind: FrameKind,
    start: u32,
    children: Vec<Node>,
    text: String,
    /// Where its last direct child ended in the markdown text (lists and items only).
    last_child_end: Option<usize>,
    /// A blank line between two of its direct children: mdast's `spread` of a list (between
    /// items) or of an item (between its blocks).
    spread: bool,
}

impl Frame {
    fn new(kind: FrameKind, start: u32) -> Frame {
        Frame {
            kind,
            start,
            children: Vec::new(),
            text: String::new(),
            last_child_end: None,
            spread: false,
        }
    }

    fn is_list_or_item(&self) -> bool {
        matches!(self.kind, FrameKind::List { .. } | FrameKind::Item { .. })
    }
}

/// Whether a blank line (empty, or white space and block-quote markers only) lies between
/// `end` and `start` of `markdown`, as mdast-util-from-markdown finds a list's or an item's
/// `spread`.
fn blank_line_between(markdown: &str, end: usize, start: usize) -> bool {
    let Some(gap) = markdown.get(end..start) else {
        return false;
    };
    // A gap that starts a line has that line whole.
    let starts_line = end == 0 || markdown.as_bytes().get(end - 1) == Some(&b'\n');
    let mut lines = gap.split('\n');
    if !starts_line {
        lines.next();
    }
    let mut lines = lines.peekable();
    while let Some(line) = lines.next() {
        // The last piece is the start of the next block's line, not a whole line.
        if lines.peek().is_none() {
            break;
        }
        if line.chars().all(|c| c == ' ' || c == '\t' || c == '>') {
            return true;
        }
    }
    false
}

struct Builder<'a> {
    /// The file's text, when positions in it are those of the markdown (not a prop's value
    /// placed at one spot).
    source: Option<&'a str>,
    /// The text given to pulldown-cmark.
    markdown: &'a str,
    frames: Vec<Frame>,
    /// How many of `frames` are links or images (no autolinks inside them).
    open_links: usize,
    components: Vec<Option<Node>>,
}

impl Builder<'_> {
    /// Whether text now goes into a code block.
    fn in_code(&self) -> bool {
        matches!(
            self.frames.last(),
            Some(Frame {
                kind: FrameKind::Code { .. },
                ..
            })
        )
    }

    fn push(&mut self, node: Node) {
        if let Some(frame) = self.frames.last_mut() {
            frame.children.push(node);
        }
    }

    fn event(&mut self, event: Event<'_>, span: Span, range: std::ops::Range<usize>) {
        self.follow_spread(&event, &range);
        match event {
            Event::Start(tag) => {
                let at_root = self.frames.len() == 1;
                let kind = frame_kind(tag);
                if is_link(&kind) {
                    self.open_links += 1;
                }
                let mut frame = Frame::new(kind, span.start);
                // An HTML block indented by up to three spaces keeps them, as in mdast.
                if at_root && matches!(frame.kind, FrameKind::Html) {
                    let line_start = self.markdown[..range.start]
                        .rfind('\n')
                        .map_or(0, |at| at + 1);
                    let indentation = &self.markdown[line_start..range.start];
                    if indentation.bytes().all(|b| b == b' ' || b == b'\t') {
                        frame.text.push_str(indentation);
                    }
                }
                self.frames.push(frame);
            }
            Event::End(TagEnd::TableHead) => self.end(span),
            Event::End(_) => self.end(span),
            Event::Text(value) => match self.frames.last_mut() {
                Some(frame) if matches!(frame.kind, FrameKind::Code { .. }) => {
                    frame.text.push_str(&value)
                }
                _ => self.push(Node::new(NodeKind::Text(value.into_string()), span)),
            },
            Event::Code(value) => self.push(Node::new(
                NodeKind::InlineCode {
                    value: value.into_string(),
                    attributes: None,
                    attribute_spans: Spans::default(),
                },
                span,
            )),
            Event::Html(value) => {
                if let Some(frame) = self.frames.last_mut() {
                    frame.text.push_str(&value);
                }
            }
            Event::InlineHtml(value) => {
                let value = strip_continuation_prefixes(&value);
                self.push(Node::new(NodeKind::Html(value), span))
            }
            Event::FootnoteReference(label) => self.push(Node::new(
                NodeKind::FootnoteReference(label.into_string()),
                span,
            )),
            Event::SoftBreak => self.push(Node::new(NodeKind::Text("\n".into()), span)),
            Event::HardBreak => self.push(Node::new(NodeKind::Break, span)),
            Event::Rule => self.push(Node::new(NodeKind::ThematicBreak, span)),
            Event::TaskListMarker(checked) => {
                if let Some(Frame {
                    kind: FrameKind::Item { checked: state },
                    ..
                }) = self.frames.last_mut()
                {
                    *state = Some(checked);
                }
            }
            Event::InlineMath(value) | Event::DisplayMath(value) => {
                self.push(Node::new(NodeKind::Text(value.into_string()), span))
            }
        }
    }

    /// Notes, for the list or item open, where its direct children start and end, and whether
    /// a blank line separates two of them.
    fn follow_spread(&mut self, event: &Event<'_>, range: &std::ops::Range<usize>) {
        let markdown = self.markdown;
        match event {
            Event::Start(tag) if !is_inline_tag(tag) => {
                if let Some(parent) = self.frames.last_mut().filter(|f| f.is_list_or_item()) {
                    if let Some(end) = parent.last_child_end {
                        parent.spread |= blank_line_between(markdown, end, range.start);
                    }
                }
            }
            Event::End(_) => {
                let depth = self.frames.len();
                if depth >= 2 {
                    let (outer, closing) = self.frames.split_at_mut(depth - 1);
                    // A list or item ends with its content, not with the blank lines after.
                    let end = match &closing[0] {
                        frame if frame.is_list_or_item() => {
                            frame.last_child_end.unwrap_or(range.end)
                        }
                        _ => range.end,
                    };
                    if let Some(parent) = outer.last_mut().filter(|f| f.is_list_or_item()) {
                        parent.last_child_end = Some(end);
                    }
                }
            }
            _ => {
                // Text directly in a tight item ends where it ends.
                if let Some(item) = self
                    .frames
                    .last_mut()
                    .filter(|f| matches!(f.kind, FrameKind::Item { .. }))
                {
                    item.last_child_end = Some(range.end);
                }
            }
        }
    }

    fn end(&mut self, end: Span) {
        let Some(frame) = self.frames.pop() else {
            return;
        };
        let span = Span {
            start: frame.start,
            end: end.end,
        };
        if is_link(&frame.kind) {
            self.open_links = self.open_links.saturating_sub(1);
        }
        let spread = frame.spread;
        let children = frame.children;
        let in_link = self.open_links > 0;
        let source = self.source;
        let refine = |children| inline::refine(children, in_link, source);
        let kind = match frame.kind {
            FrameKind::Root => {
                self.frames.push(Frame { children, ..frame });
                return;
            }
            FrameKind::Paragraph => {
                let children = refine(children);
                // A line holding only an inline component is a block of its own.
                if let [only] = children.as_slice() {
                    if is_block_component(&only.kind) {
                        self.push(
                            children
                                .into_iter()
                                .next()
                                .unwrap_or_else(|| unreachable_node(span)),
                        );
                        return;
                    }
                }
                NodeKind::Paragraph(children)
            }
            FrameKind::Heading(depth) => NodeKind::Heading {
                depth,
                children: refine(children),
            },
            FrameKind::Blockquote => NodeKind::Blockquote(children),
            FrameKind::Code { lang, meta } => {
                let value = frame
                    .text
                    .strip_suffix('\n')
                    .unwrap_or(&frame.text)
                    .to_string();
                NodeKind::Code { lang, meta, value }
            }
            FrameKind::Html => {
                let value = frame.text.trim_end_matches('\n');
                if let Some(component) = self.placeholder(value) {
                    // In a tight list item, the text before is a paragraph of its own.
                    if let Some(Frame {
                        kind: FrameKind::Item { .. },
                        children,
                        ..
                    }) = self.frames.last_mut()
                    {
                        *children = wrap_inlines(std::mem::take(children), span, in_link, source);
                    }
                    self.push(component);
                    return;
                }
                NodeKind::Html(value.to_string())
            }
            FrameKind::List { start, .. } => NodeKind::List {
                ordered: start.is_some(),
                start,
                spread,
                children,
            },
            FrameKind::Item { checked } => NodeKind::ListItem {
                checked,
                spread,
                children: wrap_inlines(children, span, in_link, source),
            },
            FrameKind::FootnoteDefinition(label) => {
                NodeKind::FootnoteDefinition { label, children }
            }
            FrameKind::Table(align) => NodeKind::Table { align, children },
            FrameKind::TableRow => NodeKind::TableRow(children),
            FrameKind::TableCell => NodeKind::TableCell(refine(children)),
            FrameKind::Emphasis => NodeKind::Emphasis {
                children: refine(children),
                attributes: None,
                attribute_spans: Spans::default(),
            },
            FrameKind::Strong => NodeKind::Strong {
                children: refine(children),
                attributes: None,
                attribute_spans: Spans::default(),
            },
            FrameKind::Delete => NodeKind::Delete(refine(children)),
            FrameKind::Link { url, title } => {
                // A span (shortcut "link") may hold autolinks; a real link may not.
                let in_link = in_link || url != SPAN_MARKER;
                NodeKind::Link {
                    url_span: destination(self.source, span, &url),
                    url,
                    title,
                    children: inline::refine(children, in_link, source),
                    attributes: None,
                    attribute_spans: Spans::default(),
                }
            }
            FrameKind::Image { url, .. } if url == SPAN_MARKER => {
                // `![text]` without a definition: `!` and a span.
                self.push(Node::new(NodeKind::Text("!".into()), span));
                NodeKind::Link {
                    url,
                    url_span: span,
                    title: None,
                    children: refine(children),
                    attributes: None,
                    attribute_spans: Spans::default(),
                }
            }
            FrameKind::Image { url, title } => {
                let alt = children
                    .iter()
                    .map(Node::plain_text)
                    .collect::<String>()
                    .replace(LITERAL, "");
                NodeKind::Image {
                    url_span: destination(self.source, span, &url),
                    url,
                    title,
                    alt,
                    attributes: None,
                    attribute_spans: Spans::default(),
                }
            }
            FrameKind::Transparent => {
                children.into_iter().for_each(|child| self.push(child));
                return;
            }
        };
        self.push(Node::new(kind, span));
    }

    /// The component a placeholder HTML block stands for.
    fn placeholder(&mut self, html: &str) -> Option<Node> {
        let index: usize = html
            .trim()
            .strip_prefix(PLACEHOLDER_PREFIX)?
            .strip_suffix("-->")?
            .parse()
            .ok()?;
        self.components.get_mut(index)?.take()
    }

    fn finish(mut self) -> Vec<Node> {
        while self.frames.len() > 1 {
            self.end(Span::default());
        }
        let mut nodes = self
            .frames
            .pop()
            .map(|root| root.children)
            .unwrap_or_default();
        // A placeholder the markdown parser did not read as an HTML block (it should not
        // happen) must not lose its component.
        nodes.extend(self.components.into_iter().flatten());
        nodes
    }
}

/// Where the destination `url` of the link or image written at `span` of `source` is: after
/// the link text's `](`, or inside `<…>`; the whole link when it is not written there as it
/// is (a reference link, escapes) or `source` is unknown.
fn destination(source: Option<&str>, span: Span, url: &str) -> Span {
    let (start, end) = (span.start as usize, span.end as usize);
    let Some(written) = source.and_then(|source| source.get(start..end)) else {
        return span;
    };
    let after_text = written.rfind("](").map_or(0, |at| at + 2);
    match written[after_text..].find(url).filter(|_| !url.is_empty()) {
        Some(at) => Span::new(start + after_text + at, start + after_text + at + url.len()),
        None => span,
    }
}

fn is_link(kind: &FrameKind) -> bool {
    matches!(kind, FrameKind::Link { .. } | FrameKind::Image { .. })
}

/// An inline component that stands alone on its line is a block: spans and bindings are not.
fn is_block_component(kind: &NodeKind) -> bool {
    matches!(kind, NodeKind::InlineComponent(c) if c.name != "span" && c.name != "binding")
}

fn unreachable_node(span: Span) -> Node {
    Node::new(NodeKind::Paragraph(Vec::new()), span)
}

/// In a tight list, pulldown-cmark gives an item's text without a paragraph; mdast (and the
/// renderer) always have one.
fn wrap_inlines(children: Vec<Node>, span: Span, in_link: bool, source: Option<&str>) -> Vec<Node> {
    let mut out = Vec::new();
    let mut run: Vec<Node> = Vec::new();
    for child in children {
        if is_inline(&child.kind) {
            run.push(child);
        } else {
            flush_run(&mut out, &mut run, span, in_link, source);
            out.push(child);
        }
    }
    flush_run(&mut out, &mut run, span, in_link, source);
    out
}

fn flush_run(
    out: &mut Vec<Node>,
    run: &mut Vec<Node>,
    span: Span,
    in_link: bool,
    source: Option<&str>,
) {
    if run.is_empty() {
        return;
    }
    let start = run.first().map_or(span.start, |n| n.span.start);
    let end = run.last().map_or(span.end, |n| n.span.end);
    let mut children = inline::refine(std::mem::take(run), in_link, source);
    // As for paragraphs: an inline component alone is a block of its own.
    if let [only] = children.as_slice() {
        if is_block_component(&only.kind) {
            out.append(&mut children);
            return;
        }
    }
    out.push(Node::new(
        NodeKind::Paragraph(children),
        Span { start, end },
    ));
}

/// Inline HTML over several lines as micromark keeps it: each continuation line loses up to
/// three spaces or tabs of indentation (its line prefix), not more.
fn strip_continuation_prefixes(html: &str) -> String {
    let mut lines = html.split('\n');
    let mut out = lines.next().unwrap_or_default().to_string();
    for line in lines {
        let prefix = line
            .bytes()
            .take(3)
            .take_while(|b| *b == b' ' || *b == b'\t')
            .count();
        out.push('\n');
        out.push_str(&line[prefix..]);
    }
    out
}

/// Whether `tag` opens inline markup rather than a block.
fn is_inline_tag(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Link { .. }
            | Tag::Image { .. }
            | Tag::Superscript
            | Tag::Subscript
    )
}

fn is_inline(kind: &NodeKind) -> bool {
    matches!(
        kind,
        NodeKind::Text(_)
            | NodeKind::Emphasis { .. }
            | NodeKind::Strong { .. }
            | NodeKind::Delete(_)
            | NodeKind::InlineCode { .. }
            | NodeKind::Break
            | NodeKind::Link { .. }
            | NodeKind::Image { .. }
            | NodeKind::FootnoteReference(_)
            | NodeKind::InlineComponent(_)
            | NodeKind::Html(_)
    )
}

fn frame_kind(tag: Tag<'_>) -> FrameKind {
    match tag {
        Tag::Paragraph => FrameKind::Paragraph,
        Tag::Heading { level, .. } => FrameKind::Heading(level as u8),
        Tag::BlockQuote(_) => FrameKind::Blockquote,
        Tag::CodeBlock(CodeBlockKind::Fenced(info)) => {
            let (lang, meta) = split_info(&info);
            FrameKind::Code { lang, meta }
        }
        Tag::CodeBlock(CodeBlockKind::Indented) => FrameKind::Code {
            lang: None,
            meta: None,
        },
        Tag::HtmlBlock => FrameKind::Html,
        Tag::List(start) => FrameKind::List { start },
        Tag::Item => FrameKind::Item { checked: None },
        Tag::FootnoteDefinition(label) => FrameKind::FootnoteDefinition(label.into_string()),
        Tag::Table(align) => FrameKind::Table(
            align
                .into_iter()
                .map(|a| match a {
                    pulldown_cmark::Alignment::None => Align::None,
                    pulldown_cmark::Alignment::Left => Align::Left,
                    pulldown_cmark::Alignment::Center => Align::Center,
                    pulldown_cmark::Alignment::Right => Align::Right,
                })
                .collect(),
        ),
        Tag::TableHead | Tag::TableRow => FrameKind::TableRow,
        Tag::TableCell => FrameKind::TableCell,
        Tag::Emphasis => FrameKind::Emphasis,
        Tag::Strong => FrameKind::Strong,
        Tag::Strikethrough => FrameKind::Delete,
        Tag::Link {
            link_type,
            dest_url,
            title,
            ..
        } => FrameKind::Link {
            url: match link_type {
                // MDC has no shortcut references: `[text]` is a span even when defined.
                LinkType::Shortcut | LinkType::ShortcutUnknown => SPAN_MARKER.to_string(),
                LinkType::Email => format!("mailto:{dest_url}"),
                _ => dest_url.into_string(),
            },
            title: non_empty(title),
        },
        Tag::Image {
            dest_url, title, ..
        } => FrameKind::Image {
            url: dest_url.into_string(),
            title: non_empty(title),
        },
        _ => FrameKind::Transparent,
    }
}

fn non_empty(text: CowStr<'_>) -> Option<String> {
    (!text.is_empty()).then(|| text.into_string())
}
