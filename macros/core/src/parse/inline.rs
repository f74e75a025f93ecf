//! MDC's inline syntax on top of markdown's inlines: spans (`[text]{.class}`), inline
//! components (`:name{…}`), bindings (`{{ expr }}`), attributes after marks
//! (`[a](b){target="_blank"}`), and GFM's literal autolinks (`www.x.org`), which
//! pulldown-cmark does not know.
//!
//! Every pass walks one list of siblings once; nested lists were refined when their parent
//! node was built, so the work is linear in the text and nothing here recurses.

use super::attributes::{attribute_spans, parse_attribute_list};
use super::markdown::SPAN_MARKER;
use crate::source::Span;
use crate::tree::{Attributes, Component, Node, NodeKind};
use crate::yaml::{Children, Spans};
use serde_json::Value;

/// Put before a character that was escaped (`\:`) or written as a character reference: it is
/// text, never MDC syntax. pulldown-cmark turns NUL into U+FFFD, so no text holds it; it is
/// removed once the inline passes are done.
pub(super) const LITERAL: char = '\0';

/// Applies MDC's inline rules to the children of one inline container; `in_link` when the
/// container is (inside) a link, where no autolinks are made.
/// `source` is the file's text when the nodes' spans are places in it.
pub(super) fn refine(children: Vec<Node>, in_link: bool, source: Option<&str>) -> Vec<Node> {
    let nodes = merge_texts(links_to_spans(children));
    let nodes = bracket_spans(nodes, in_link, source);
    finish(nodes, in_link, source)
}

/// The passes after spans are known.
fn finish(nodes: Vec<Node>, in_link: bool, source: Option<&str>) -> Vec<Node> {
    let nodes = if in_link {
        nodes
    } else {
        autolinks(nodes, source)
    };
    let nodes = bindings(nodes, source);
    let nodes = inline_components(nodes, source);
    let nodes = attach_attributes(nodes, source);
    strip_literals(nodes)
}

fn span_component(children: Vec<Node>) -> NodeKind {
    // `[ ]` is an empty span.
    let blank = children
        .iter()
        .all(|child| matches!(&child.kind, NodeKind::Text(text) if text.trim().is_empty()));
    let children = if blank { Vec::new() } else { children };
    NodeKind::InlineComponent(Component::inline("span", Attributes::new(), children))
}

/// `[text]` that pulldown-cmark read as a shortcut link is a span, unless a `(` follows it:
/// then it began a link that was never closed (`[Units](https://…` and no `)`), and it stays
/// text, as in remark-mdc.
fn links_to_spans(children: Vec<Node>) -> Vec<Node> {
    let is_span =
        |node: &Node| matches!(&node.kind, NodeKind::Link { url, .. } if url == SPAN_MARKER);
    if !children.iter().any(is_span) {
        return children;
    }
    let mut out = Vec::with_capacity(children.len());
    let mut children = children.into_iter().peekable();
    while let Some(node) = children.next() {
        match node.kind {
            NodeKind::Link {
                url,
                children: inner,
                ..
            } if url == SPAN_MARKER => {
                let unclosed_link = children.peek().is_some_and(
                    |next| matches!(&next.kind, NodeKind::Text(text) if text.starts_with('(')),
                );
                if unclosed_link {
                    let (start, end) = (node.span.start as usize, node.span.end as usize);
                    out.push(text_node("[", Span::new(start, start + 1)));
                    out.extend(inner);
                    out.push(text_node("]", Span::new(end.saturating_sub(1), end)));
                } else {
                    out.push(Node::new(span_component(inner), node.span));
                }
            }
            kind => out.push(Node::new(kind, node.span)),
        }
    }
    out
}

/// Joins adjacent text nodes (pulldown-cmark splits text at markup characters) and drops
/// empty ones.
fn merge_texts(children: Vec<Node>) -> Vec<Node> {
    let is_text = |node: &Node| matches!(node.kind, NodeKind::Text(_));
    let empty = |node: &Node| matches!(&node.kind, NodeKind::Text(text) if text.is_empty());
    let adjacent = children
        .windows(2)
        .any(|pair| is_text(&pair[0]) && is_text(&pair[1]));
    if !adjacent && !children.iter().any(empty) {
        return children;
    }
    let mut out: Vec<Node> = Vec::with_capacity(children.len());
    for child in children {
        if let NodeKind::Text(text) = &child.kind {
            if text.is_empty() {
                continue;
            }
            if let Some(Node {
                kind: NodeKind::Text(previous),
                span,
            }) = out.last_mut()
            {
                previous.push_str(text);
                span.end = child.span.end;
                continue;
            }
        }
        out.push(child);
    }
    out
}

fn text_node(text: &str, span: Span) -> Node {
    Node::new(NodeKind::Text(text.to_string()), span)
}

/// Where the parts of a text node are: exactly when the node is written in the file as it is,
/// else, for every part, the node's whole span.
#[derive(Debug, Clone, Copy)]
struct Places {
    span: Span,
    exact: bool,
}

impl Places {
    /// The places of `text` written at `span` of `source`. It is written as it is when the
    /// file holds it byte for byte, a [`LITERAL`] mark standing for the backslash of an escape:
    /// comparing lengths alone mistook a text for exact when what decoding removed (a line's
    /// indentation) and added (a character reference's marks) came out even.
    fn of(span: Span, text: &str, source: Option<&str>) -> Places {
        let written = source.and_then(|source| source.get(span.start as usize..span.end as usize));
        let exact = written.is_some_and(|written| {
            written.len() == text.len()
                && (written.bytes().zip(text.bytes()))
                    .all(|(w, t)| w == t || (t == LITERAL as u8 && w == b'\\'))
        });
        Places { span, exact }
    }

    /// The file offset of byte `at` of the text.
    fn offset(self, at: usize) -> usize {
        self.span.start as usize + if self.exact { at } else { 0 }
    }

    /// The span of bytes `range` of the text.
    fn span(self, range: std::ops::Range<usize>) -> Span {
        if self.exact {
            Span::new(self.offset(range.start), self.offset(range.end))
        } else {
            self.span
        }
    }
}

/// The next `[` or `]` in `text` that was not escaped.
fn next_bracket(text: &str) -> Option<(usize, u8)> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(found) = text[from..].find(['[', ']']) {
        let at = from + found;
        from = at + 1;
        if at > 0 && bytes[at - 1] == LITERAL as u8 {
            continue;
        }
        return Some((at, bytes[at]));
    }
    None
}

/// Brackets pulldown-cmark left as text (`[ ]`, or `[…]` holding a link) still make a span
/// when not followed by `(` or `[`: MDC reads every other `[text]` as one.
fn bracket_spans(nodes: Vec<Node>, in_link: bool, source: Option<&str>) -> Vec<Node> {
    let mut out: Vec<Node> = Vec::with_capacity(nodes.len());
    // Indices in `out` of the `[` text nodes still open.
    let mut openers: Vec<usize> = Vec::new();
    for node in nodes {
        let NodeKind::Text(text) = &node.kind else {
            out.push(node);
            continue;
        };
        if next_bracket(text).is_none() {
            out.push(node);
            continue;
        }
        let places = Places::of(node.span, text, source);
        let mut rest = text.as_str();
        while let Some((at, bracket)) = next_bracket(rest) {
            let offset = text.len() - rest.len();
            if at > 0 {
                out.push(text_node(&rest[..at], places.span(offset..offset + at)));
            }
            let bracket_span = places.span(offset + at..offset + at + 1);
            let after = &rest[at + 1..];
            if bracket == b'[' {
                openers.push(out.len());
                out.push(text_node("[", bracket_span));
            } else if let Some(open) = openers.pop().filter(|_| !after.starts_with(['(', '['])) {
                let children: Vec<Node> = out.drain(open + 1..).collect();
                let start = out
                    .pop()
                    .map_or(bracket_span.start, |opener| opener.span.start);
                let children = finish(merge_texts(children), in_link, source);
                out.push(Node::new(
                    span_component(children),
                    Span {
                        start,
                        end: bracket_span.end,
                    },
                ));
            } else {
                out.push(text_node("]", bracket_span));
            }
            rest = after;
        }
        if !rest.is_empty() {
            let offset = text.len() - rest.len();
            out.push(text_node(rest, places.span(offset..text.len())));
        }
    }
    merge_texts(out)
}

/// Text and the last character before it (`None` at the start of the container), for the
/// rules that look behind.
fn previous_char(node: &Node) -> Option<char> {
    Some(match &node.kind {
        NodeKind::Text(text) => text.chars().next_back().unwrap_or(' '),
        // `*x*`, `__x__`: the delimiter.
        NodeKind::Emphasis { .. } | NodeKind::Strong { .. } => '*',
        NodeKind::Break => '\n',
        // `)`, `]`, `}`, `` ` ``, `>`, `~`: nothing that lets syntax start right after.
        _ => ')',
    })
}

/// `{{ expr }}` and `{{ expr || 'default' }}` become `binding` components.
fn bindings(nodes: Vec<Node>, source: Option<&str>) -> Vec<Node> {
    split_texts(nodes, source, |rest, _, _| {
        next_binding(rest).map(|(start, content, end)| (start, end, binding(content)))
    })
}

/// Splits each text node of `nodes` around what `next` finds in it; the text around the finds
/// stays text. `next(rest, first, span)` gives where the next find in `rest` starts and ends
/// and the node it becomes; `first` tells whether `rest` is the start of the text node, and
/// `span` is where `rest` is written.
fn split_texts(
    nodes: Vec<Node>,
    source: Option<&str>,
    mut next: impl FnMut(&str, bool, Span) -> Option<(usize, usize, NodeKind)>,
) -> Vec<Node> {
    let mut out = Vec::with_capacity(nodes.len());
    for node in nodes {
        let NodeKind::Text(text) = &node.kind else {
            out.push(node);
            continue;
        };
        // Most texts hold nothing to find: they stay as they are, not copied nor compared
        // with the file (the whole text is written at the node's span, exact or not).
        let Some(mut found) = next(text, true, node.span) else {
            out.push(node);
            continue;
        };
        let places = Places::of(node.span, text, source);
        let mut rest = text.as_str();
        loop {
            let (start, end, kind) = found;
            let at = text.len() - rest.len();
            if start > 0 {
                out.push(text_node(&rest[..start], places.span(at..at + start)));
            }
            out.push(Node::new(kind, places.span(at + start..at + end)));
            rest = &rest[end..];
            let at = text.len() - rest.len();
            match next(rest, false, places.span(at..text.len())) {
                Some(next) => found = next,
                None => break,
            }
        }
        if !rest.is_empty() {
            let at = text.len() - rest.len();
            out.push(text_node(rest, places.span(at..text.len())));
        }
    }
    out
}

/// The next binding in `text`: where it starts, its content, where it ends.
fn next_binding(text: &str) -> Option<(usize, &str, usize)> {
    let mut from = 0;
    while let Some(found) = text[from..].find("{{") {
        let start = from + found;
        from = start + 1;
        if start > 0 && text.as_bytes()[start - 1] == LITERAL as u8 {
            continue;
        }
        let close = text[start + 2..].find("}}")?;
        let content = &text[start + 2..start + 2 + close];
        return Some((start, content, start + 2 + close + 2));
    }
    None
}

/// remark-mdc's reading of a binding: the value up to the first `|`, trimmed, and the text
/// between the quotes of `|| '…'` as default.
fn binding(content: &str) -> NodeKind {
    let content = content.replace(LITERAL, "");
    let pipe = content.find('|').unwrap_or(content.len());
    let mut attributes = Attributes::new();
    attributes.insert(
        "value".into(),
        Value::String(content[..pipe].trim().to_string()),
    );
    let default = content[pipe..]
        .strip_prefix("||")
        .map(|rest| rest.trim_start_matches([' ', '\t']))
        .and_then(|rest| rest.strip_prefix('\''))
        .and_then(|rest| {
            let line = rest.split('\n').next().unwrap_or(rest);
            line.rfind('\'').map(|end| &line[..end])
        });
    if let Some(default) = default {
        attributes.insert("defaultValue".into(), Value::String(default.to_string()));
    }
    NodeKind::InlineComponent(Component::inline("binding", attributes, Vec::new()))
}

/// Splits `:name`, `:name{attrs}` out of text; `:name` directly before a span takes the span's
/// content as its label (`:badge[New]{color=red}`).
fn inline_components(children: Vec<Node>, source: Option<&str>) -> Vec<Node> {
    let mut out: Vec<Node> = Vec::with_capacity(children.len());
    let mut iter = children.into_iter().peekable();
    while let Some(node) = iter.next() {
        let NodeKind::Text(text) = &node.kind else {
            out.push(node);
            continue;
        };
        let start_allowed = out.last().and_then(previous_char).is_none_or(allows_syntax);
        // Most texts hold no component: they stay as they are.
        let Some(mut found) = next_component(text, start_allowed) else {
            out.push(node);
            continue;
        };
        let places = Places::of(node.span, text, source);
        let offset_of = |part: &str| text.len() - part.len();
        let mut rest = text.as_str();
        loop {
            let (before, name, after) = found;
            let start = offset_of(rest);
            if !before.is_empty() {
                out.push(text_node(before, places.span(start..start + before.len())));
            }
            let mut component = Component::inline(name, Attributes::new(), Vec::new());
            let mut after = after;
            if after.starts_with('{') {
                if let Some((attributes, attribute_places, used)) = parse_attribute_list(after) {
                    let at = offset_of(after);
                    component.attributes = attributes;
                    component.attribute_spans =
                        attribute_spans(attribute_places, |offset| places.offset(at + offset));
                    after = &after[used..];
                }
            }
            let span = places.span(start + before.len()..offset_of(after));
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
                    component.attributes.extend(span.attributes);
                    extend_spans(&mut component.attribute_spans, span.attribute_spans);
                }
            }
            out.push(Node::new(NodeKind::InlineComponent(component), span));
            rest = after;
            match next_component(rest, false) {
                Some(next) => found = next,
                None => break,
            }
        }
        if !rest.is_empty() {
            let start = offset_of(rest);
            out.push(text_node(rest, places.span(start..text.len())));
        }
    }
    out
}

/// Whether MDC inline syntax may start right after `c`.
fn allows_syntax(c: char) -> bool {
    c.is_whitespace() || matches!(c, '[' | '*' | '_' | '(')
}

/// The next `:name` in `text`, as remark-mdc finds it: the colon follows white space, `[`,
/// `*`, `_` or `(` (or starts the text, when `start_allowed`), and the name is not followed by
/// another colon. Returns (text before, name, text after).
fn next_component(text: &str, start_allowed: bool) -> Option<(&str, &str, &str)> {
    let mut search = 0;
    while let Some(found) = text[search..].find(':') {
        let colon = search + found;
        search = colon + 1;
        let boundary = match text[..colon].chars().next_back() {
            None => start_allowed,
            Some(LITERAL) => false,
            Some(previous) => allows_syntax(previous),
        };
        if !boundary {
            continue;
        }
        let rest = &text[colon + 1..];
        let Some(first) = rest.bytes().next() else {
            continue;
        };
        if !first.is_ascii_alphabetic() {
            continue;
        }
        let len = rest
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')
            .count();
        let end = colon + 1 + len;
        if text[end..].starts_with(':') {
            continue;
        }
        return Some((&text[..colon], &text[colon + 1..end], &text[end..]));
    }
    None
}

/// `{…}` written directly after a link, image, emphasis, strong, inline code or component
/// becomes that node's attributes, with where each is written.
fn attach_attributes(children: Vec<Node>, source: Option<&str>) -> Vec<Node> {
    let mut out: Vec<Node> = Vec::with_capacity(children.len());
    for mut node in children {
        if let (Some(previous), NodeKind::Text(text)) = (out.last_mut(), &mut node.kind) {
            if text.starts_with('{') {
                let places = Places::of(node.span, text, source);
                if let Some((slot, slot_spans)) = attribute_slot(&mut previous.kind) {
                    if let Some((attributes, written, used)) = parse_attribute_list(text) {
                        slot.extend(attributes);
                        let spans = attribute_spans(written, |offset| places.offset(offset));
                        extend_spans(slot_spans, spans);
                        previous.span.end = places.span(0..used).end;
                        node.span = places.span(used..text.len());
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

/// Where the attributes written after a node of `kind` go, and their places.
fn attribute_slot(kind: &mut NodeKind) -> Option<(&mut Attributes, &mut Spans)> {
    match kind {
        NodeKind::Link {
            attributes,
            attribute_spans,
            ..
        }
        | NodeKind::Image {
            attributes,
            attribute_spans,
            ..
        }
        | NodeKind::Emphasis {
            attributes,
            attribute_spans,
            ..
        }
        | NodeKind::Strong {
            attributes,
            attribute_spans,
            ..
        }
        | NodeKind::InlineCode {
            attributes,
            attribute_spans,
            ..
        } => Some((
            attributes.get_or_insert_with(Attributes::new),
            attribute_spans,
        )),
        NodeKind::InlineComponent(component) if component.name != "binding" => {
            Some((&mut component.attributes, &mut component.attribute_spans))
        }
        _ => None,
    }
}

/// `spans` with the entries of `more` added (a second `{…}` after the same node).
fn extend_spans(spans: &mut Spans, more: Spans) {
    match (&mut spans.children, more.children) {
        (Children::Map(entries), Children::Map(more_entries)) => {
            entries.extend(more_entries);
            spans.value.end = spans.value.end.max(more.value.end);
        }
        (_, children) => {
            spans.value = more.value;
            spans.children = children;
        }
    }
}

/// Removes the [`LITERAL`] marks and joins the texts split on the way.
fn strip_literals(nodes: Vec<Node>) -> Vec<Node> {
    merge_texts(
        nodes
            .into_iter()
            .map(|mut node| {
                if let NodeKind::Text(text) = &mut node.kind {
                    if text.contains(LITERAL) {
                        text.retain(|c| c != LITERAL);
                    }
                }
                node
            })
            .collect(),
    )
}

/// GFM literal autolinks (`www.x.org`, `https://x.org`, `me@x.org`) in text become links.
fn autolinks(nodes: Vec<Node>, source: Option<&str>) -> Vec<Node> {
    split_texts(nodes, source, |rest, first, span| {
        next_autolink(rest, first).map(|(start, end, url)| {
            let exact = (span.end - span.start) as usize == rest.len();
            let at = |offset: usize| span.start as usize + offset;
            let url_span = if exact {
                Span::new(at(start), at(end))
            } else {
                span
            };
            let link = NodeKind::Link {
                url,
                url_span,
                title: None,
                children: vec![text_node(&rest[start..end], span)],
                attributes: None,
                attribute_spans: Spans::default(),
            };
            (start, end, link)
        })
    })
}

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

fn is_domain_char(c: char) -> bool {
    c != LITERAL && (c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

fn is_email_local(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.' | b'_')
}

/// The next literal autolink in `text`: (start, end, url). `start_allowed` tells whether a
/// link may start at the very beginning of the text.
fn next_autolink(text: &str, start_allowed: bool) -> Option<(usize, usize, String)> {
    let bytes = text.as_bytes();
    // A failed domain scan ends here; starting again inside it would fail the same way.
    let mut failed_until = 0;
    // Email local parts may not reach back before this.
    let mut local_floor = 0;
    for (at, c) in text.char_indices() {
        let previous = text[..at].chars().next_back();
        if at >= failed_until && matches!(c, 'w' | 'W' | 'h' | 'H') {
            let (domain_start, www) = if starts_with_ignore_case(&text[at..], "www.") {
                let ok = match previous {
                    None => start_allowed,
                    Some(p) => p.is_whitespace() || matches!(p, '(' | '*' | '_' | '[' | ']' | '~'),
                };
                (ok.then_some(at), true)
            } else {
                let scheme = ["https://", "http://"]
                    .into_iter()
                    .find(|scheme| starts_with_ignore_case(&text[at..], scheme));
                let ok = previous.is_none_or(|p| !p.is_ascii_alphabetic() && p != LITERAL);
                (scheme.filter(|_| ok).map(|scheme| at + scheme.len()), false)
            };
            if let Some(domain_start) = domain_start {
                match link_end(text, domain_start, www) {
                    Ok(end) => {
                        let link = &text[at..end];
                        let url = if www {
                            format!("http://{link}")
                        } else {
                            link.to_string()
                        };
                        return Some((at, end, url));
                    }
                    Err(scanned) => failed_until = scanned,
                }
            }
        }
        if c == '@' {
            let local_start = (local_floor..at)
                .rev()
                .take_while(|&i| is_email_local(bytes[i]))
                .last();
            local_floor = at + 1;
            let Some(local_start) = local_start else {
                continue;
            };
            if local_start > 0 && bytes[local_start - 1] == b'/' {
                continue;
            }
            if let Some(end) = email_domain_end(text, at + 1) {
                let email = &text[local_start..end];
                return Some((local_start, end, format!("mailto:{email}")));
            }
        }
    }
    None
}

/// The end of a www or http(s) autolink whose domain starts at `from`, or where the scan
/// stopped if there is none.
fn link_end(text: &str, from: usize, www: bool) -> Result<usize, usize> {
    let domain_len: usize = text[from..]
        .chars()
        .take_while(|&c| is_domain_char(c))
        .map(char::len_utf8)
        .sum();
    let path_len: usize = text[from + domain_len..]
        .chars()
        .take_while(|&c| !c.is_whitespace() && c != '<' && c != LITERAL)
        .map(char::len_utf8)
        .sum();
    let scanned = from + domain_len + path_len;
    let mut link = &text[from..scanned];
    // Unbalanced closing parentheses at the end are not part of the link.
    let open_parens = link.matches('(').count();
    let mut close_parens = link.matches(')').count();
    loop {
        let trimmed = match link.chars().next_back() {
            Some('!' | '"' | '\'' | '*' | ',' | '.' | ':' | '?' | ']' | '_' | '~') => {
                &link[..link.len() - 1]
            }
            Some(')') if close_parens > open_parens => {
                close_parens -= 1;
                &link[..link.len() - 1]
            }
            Some(';') => {
                // `&amp;` at the end is a character reference, not part of the link.
                let body = &link[..link.len() - 1];
                let name_len = body
                    .bytes()
                    .rev()
                    .take_while(u8::is_ascii_alphanumeric)
                    .count();
                let amp = body.len() - name_len;
                if name_len > 0 && amp > 0 && body.as_bytes()[amp - 1] == b'&' {
                    &link[..amp - 1]
                } else {
                    break;
                }
            }
            _ => break,
        };
        link = trimmed;
    }
    let domain = &link[..domain_len.min(link.len())];
    let segments: Vec<&str> = domain.split('.').collect();
    let underscore_at_end = segments.iter().rev().take(2).any(|s| s.contains('_'));
    let valid = !domain.is_empty()
        && !underscore_at_end
        && (!www || segments.len() > 2 || segments.get(1).is_some_and(|s| !s.is_empty()));
    if valid {
        Ok(from + link.len())
    } else {
        Err(scanned.max(from + 1))
    }
}

/// The end of the domain of an email autolink starting at `from` (after the `@`).
fn email_domain_end(text: &str, from: usize) -> Option<usize> {
    let len = text[from..]
        .bytes()
        .take_while(|&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        .count();
    let domain = text[from..from + len].trim_end_matches('.');
    let last = domain.bytes().last()?;
    let valid = domain.contains('.')
        && !matches!(last, b'-' | b'_')
        && domain.split('.').all(|segment| !segment.is_empty());
    valid.then_some(from + domain.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by the `mdc_parse` fuzz target: the parts of a text holding brackets were each
    /// placed at the whole text, so attributes after `[…]` ended the span where the text
    /// started plus their length, inside a character when it was not ASCII.
    #[test]
    fn spans_and_their_attributes_are_placed_where_they_are_written() {
        use crate::diagnostic::Diagnostics;
        use crate::source::SourceFile;
        for (text, written) in [
            ("[]{x}", "[]{x}"),
            ("[]{\u{fffd}}", "[]{\u{fffd}}"),
            ("Say [hé]{.a} now", "[hé]{.a}"),
            ("a *b*{é} c", "*b*{é}"),
        ] {
            let file = SourceFile::new("a.md", std::path::PathBuf::new(), text);
            let mut diagnostics = Diagnostics::new(false);
            let document = super::super::parse_document(&file, &mut diagnostics);
            let _ = diagnostics.finish();
            let paragraph = document.children[0].children();
            let node = paragraph
                .iter()
                .find(|node| !matches!(node.kind, NodeKind::Text(_)))
                .map(|node| &text[node.span.start as usize..node.span.end as usize]);
            assert_eq!(node, Some(written), "{text}");
            for node in paragraph {
                let place = &text[node.span.start as usize..node.span.end as usize];
                if let NodeKind::Text(value) = &node.kind {
                    assert_eq!(place, value, "{text}");
                }
            }
        }
    }

    /// Found by the `mdc_parse` fuzz target: in `\*:aé` and a continuation line, the escape's
    /// mark and the line's indentation made the text as long as its span, which was taken for
    /// written as it is, and the component after the escape was placed one byte on, inside `é`.
    #[test]
    fn texts_decoded_to_their_own_length_are_not_taken_for_written_as_they_are() {
        use crate::diagnostic::Diagnostics;
        use crate::source::SourceFile;
        for (text, component) in [
            ("\\*:aé", Some(":a")),
            ("\\*:aé\n |", None),
            ("&#0; :aé\n |", None),
        ] {
            let file = SourceFile::new("a.md", std::path::PathBuf::new(), text);
            let mut diagnostics = Diagnostics::new(false);
            let document = super::super::parse_document(&file, &mut diagnostics);
            let _ = diagnostics.finish();
            let nodes = document.children[0].children();
            for node in nodes {
                let place = text.get(node.span.start as usize..node.span.end as usize);
                assert!(
                    place.is_some(),
                    "{text:?}: {:?} inside a character",
                    node.span
                );
                if let (NodeKind::InlineComponent(_), Some(component)) = (&node.kind, component) {
                    assert_eq!(place, Some(component), "{text:?}");
                }
            }
            let components = nodes
                .iter()
                .filter(|node| matches!(node.kind, NodeKind::InlineComponent(_)))
                .count();
            assert_eq!(components, 1, "{text:?}: {nodes:?}");
        }
    }

    #[test]
    fn component_names_need_a_boundary() {
        assert_eq!(next_component("at 10:30", true), None);
        assert_eq!(next_component("see https://x.org", true), None);
        assert_eq!(next_component("a,:icon", true), None);
        assert_eq!(next_component(":smile: face", true), None);
        assert_eq!(next_component("\0:icon", true), None);
        assert_eq!(
            next_component("a :icon{name=x} b", true),
            Some(("a ", "icon", "{name=x} b"))
        );
        assert_eq!(next_component(":badge", true), Some(("", "badge", "")));
        assert_eq!(next_component(":badge", false), None);
        assert_eq!(next_component("(:badge)", false), Some(("(", "badge", ")")));
    }

    #[test]
    fn autolink_literals() {
        let found = |text: &str| {
            next_autolink(text, true).map(|(start, end, url)| (text[start..end].to_string(), url))
        };
        assert_eq!(
            found("Visit www.example.com, now"),
            Some(("www.example.com".into(), "http://www.example.com".into()))
        );
        assert_eq!(
            found("see https://example.org/path?q=1. Then"),
            Some((
                "https://example.org/path?q=1".into(),
                "https://example.org/path?q=1".into()
            ))
        );
        assert_eq!(
            found("(https://x.org/a_(b))."),
            Some(("https://x.org/a_(b)".into(), "https://x.org/a_(b)".into()))
        );
        assert_eq!(
            found("mail me@example.com."),
            Some(("me@example.com".into(), "mailto:me@example.com".into()))
        );
        assert_eq!(found("www.a_b.c_d"), None);
        assert_eq!(found("xhttps://x.org"), None);
        assert_eq!(found("a@b"), None);
        assert_eq!(found("path/me@example.com"), None);
    }

    #[test]
    fn bindings_with_defaults() {
        let NodeKind::InlineComponent(component) = binding(" author || 'anonymous' ") else {
            return;
        };
        assert_eq!(component.attributes.get("value"), Some(&"author".into()));
        assert_eq!(
            component.attributes.get("defaultValue"),
            Some(&"anonymous".into())
        );
        assert_eq!(next_binding("a {{ x }} b"), Some((2, " x ", 9)));
        assert_eq!(next_binding("a \0{{ x }} b"), None);
        assert_eq!(next_binding("a {{ x } b"), None);
    }
}
