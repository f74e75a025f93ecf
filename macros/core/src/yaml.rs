//! YAML (front matter, component props, the redirect table, folder metadata and data files)
//! into JSON values, as remark-mdc reads it, with where each key and value is written.
//!
//! The events come from `saphyr-parser`, which reports the span of every node; the values are
//! resolved here by the YAML 1.2 core schema, exactly as `serde_yaml` resolved them before it
//! (plain `null`/`~`/empty is null, `true`/`false` in three casings, decimal, `0x`, `0o` and
//! `0b` integers, floats with `.inf` and `.nan`, quoted and block scalars are text), so that
//! every value stays what it was.

use crate::source::Span;
use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Tag};
use serde_json::{Map, Number, Value};
use std::collections::HashMap;

/// Where a YAML value and its parts are written in the file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Spans {
    /// The value itself (a scalar's text with its quotes; a collection from its first token).
    pub value: Span,
    /// Its entries, when it is a mapping or a list.
    pub children: Children,
}

/// The spans of a collection's entries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Children {
    /// A scalar.
    #[default]
    None,
    /// A mapping's entries in order: key, the key's span, the value's spans.
    Map(Vec<(String, Span, Spans)>),
    /// A list's items in order.
    List(Vec<Spans>),
}

impl Spans {
    /// The spans of `key`'s value, when this is a mapping that has it.
    pub fn get(&self, key: &str) -> Option<&Spans> {
        self.entry(key).map(|(_, spans)| spans)
    }

    /// The span of the key `key`, when this is a mapping that has it.
    pub fn key(&self, key: &str) -> Option<Span> {
        self.entry(key).map(|(span, _)| span)
    }

    /// The spans of item `index`, when this is a list that long.
    pub fn item(&self, index: usize) -> Option<&Spans> {
        match &self.children {
            Children::List(items) => items.get(index),
            _ => None,
        }
    }

    fn entry(&self, key: &str) -> Option<(Span, &Spans)> {
        match &self.children {
            // The last of equal keys is the one that counts, as with the values.
            Children::Map(entries) => entries
                .iter()
                .rev()
                .find(|(name, _, _)| name == key)
                .map(|(_, span, spans)| (*span, spans)),
            _ => None,
        }
    }

    /// Every scalar below this value, with its spans, in document order.
    pub fn scalars(&self) -> Vec<&Spans> {
        let mut found = Vec::new();
        let mut stack = vec![self];
        while let Some(spans) = stack.pop() {
            match &spans.children {
                Children::None => found.push(spans),
                Children::Map(entries) => stack.extend(entries.iter().rev().map(|(_, _, s)| s)),
                Children::List(items) => stack.extend(items.iter().rev()),
            }
        }
        found
    }
}

/// A YAML syntax error and where it is, as a file offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// What is wrong.
    pub message: String,
    /// Where, in the file.
    pub at: usize,
}

/// Parses a YAML mapping. Empty text or text holding only comments gives an empty map; dotted
/// keys are unflattened (`ui.wrapper: x` → `{"ui": {"wrapper": "x"}}`). `place` turns a byte
/// offset in `text` into the file offset it was taken from.
pub fn parse_mapping(
    text: &str,
    place: &dyn Fn(usize) -> usize,
) -> Result<(Map<String, Value>, Spans), YamlError> {
    let (value, spans) = parse(text, place)?;
    match value {
        Value::Null => Ok((Map::new(), spans)),
        Value::Object(map) => Ok(unflatten(map, spans)),
        other => Err(YamlError {
            message: format!("expected `key: value` pairs, found {}", kind(&other)),
            at: spans.value.start as usize,
        }),
    }
}

/// Parses one YAML document of any shape (null when the text holds none); see
/// [`parse_mapping`] for `place`.
pub fn parse(text: &str, place: &dyn Fn(usize) -> usize) -> Result<(Value, Spans), YamlError> {
    let offsets = Offsets::new(text);
    let span = |span: saphyr_parser::Span| {
        Span::new(
            place(offsets.byte(span.start.line(), span.start.col())),
            place(offsets.byte(span.end.line(), span.end.col())),
        )
    };
    let error = |error: ScanError| YamlError {
        message: error.info().to_string(),
        at: place(offsets.byte(error.marker().line(), error.marker().col())),
    };
    let mut builder = Builder::default();
    for event in Parser::new_from_str(text) {
        let (event, at) = event.map_err(error)?;
        builder
            .event(event, span(at))
            .map_err(|(message, at)| YamlError {
                message,
                at: at.start as usize,
            })?;
    }
    Ok(builder.finish())
}

/// Byte offsets of (line, column) positions of a text: saphyr counts columns in characters.
struct Offsets<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> Offsets<'a> {
    fn new(text: &'a str) -> Offsets<'a> {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(index, _)| index + 1))
            .collect();
        Offsets { text, line_starts }
    }

    /// The byte offset of 1-based `line`, 0-based character `column`.
    fn byte(&self, line: usize, column: usize) -> usize {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        let rest = &self.text[start..];
        start
            + rest
                .char_indices()
                .nth(column)
                .map_or(rest.len(), |(index, _)| index)
    }
}

/// How many times the document's own events the values its aliases repeat may hold, as
/// serde_yaml allows: past it, a few lines of nested aliases would make billions of values.
const MAX_REPETITION: usize = 100;

/// A collection being read, and how many values it holds so far (its keys and what they hold
/// included).
struct Frame {
    kind: FrameKind,
    start: Span,
    anchor: usize,
    size: usize,
}

enum FrameKind {
    Map {
        entries: Map<String, Value>,
        spans: Vec<(String, Span, Spans)>,
        /// The key read, waiting for its value.
        key: Option<(String, Span)>,
    },
    List {
        items: Vec<Value>,
        spans: Vec<Spans>,
    },
}

/// A finished value, where it is written, and how many values it holds (itself included).
#[derive(Clone)]
struct Read {
    value: Value,
    spans: Spans,
    size: usize,
}

/// Values from events: a stack of open collections, and the anchored values for aliases.
#[derive(Default)]
struct Builder {
    stack: Vec<Frame>,
    anchors: HashMap<usize, Read>,
    root: Option<(Value, Spans)>,
    documents: usize,
    /// Events read so far.
    events: usize,
    /// Values repeated by aliases so far.
    repeated: usize,
}

impl Builder {
    fn event(&mut self, event: Event<'_>, span: Span) -> Result<(), (String, Span)> {
        self.events += 1;
        match event {
            Event::DocumentStart(_) => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(("more than one YAML document".into(), span));
                }
            }
            Event::Scalar(text, style, anchor, tag) => {
                let read = Read {
                    value: scalar(&text, style, tag.as_deref()),
                    spans: Spans {
                        value: span,
                        children: Children::None,
                    },
                    size: 1,
                };
                self.value(read, anchor)?;
            }
            Event::Alias(anchor) => {
                let mut read = self.anchors.get(&anchor).cloned().unwrap_or(Read {
                    value: Value::Null,
                    spans: Spans::default(),
                    size: 1,
                });
                self.repeated = self.repeated.saturating_add(read.size);
                if self.repeated > MAX_REPETITION.saturating_mul(self.events) {
                    let message = format!(
                        "the aliases repeat more than {MAX_REPETITION} times what the YAML writes"
                    );
                    return Err((message, span));
                }
                read.spans.value = span;
                self.value(read, 0)?;
            }
            Event::SequenceStart(anchor, _) => self.stack.push(Frame {
                kind: FrameKind::List {
                    items: Vec::new(),
                    spans: Vec::new(),
                },
                start: span,
                anchor,
                size: 1,
            }),
            Event::MappingStart(anchor, _) => self.stack.push(Frame {
                kind: FrameKind::Map {
                    entries: Map::new(),
                    spans: Vec::new(),
                    key: None,
                },
                start: span,
                anchor,
                size: 1,
            }),
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(frame) = self.stack.pop() else {
                    return Ok(());
                };
                let written = Span::new(frame.start.start as usize, span.end as usize);
                let (value, children) = match frame.kind {
                    FrameKind::List { items, spans } => {
                        (Value::Array(items), Children::List(spans))
                    }
                    FrameKind::Map { entries, spans, .. } => {
                        (Value::Object(entries), Children::Map(spans))
                    }
                };
                let read = Read {
                    value,
                    spans: Spans {
                        value: written,
                        children,
                    },
                    size: frame.size,
                };
                self.value(read, frame.anchor)?;
            }
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => {}
        }
        Ok(())
    }

    /// Places a finished value in the open collection (as a key or a value) or as the root.
    fn value(&mut self, read: Read, anchor: usize) -> Result<(), (String, Span)> {
        if anchor != 0 {
            self.anchors.insert(anchor, read.clone());
        }
        let Read { value, spans, size } = read;
        let Some(frame) = self.stack.last_mut() else {
            self.root = Some((value, spans));
            return Ok(());
        };
        frame.size = frame.size.saturating_add(size);
        match &mut frame.kind {
            FrameKind::List {
                items,
                spans: item_spans,
            } => {
                items.push(value);
                item_spans.push(spans);
            }
            FrameKind::Map {
                entries,
                spans: entry_spans,
                key,
            } => match key.take() {
                // As JSON text, a collection would hold each inner key's text escaped once
                // more per level: `{{{…}}}` doubles its size with every brace.
                None if value.is_array() || value.is_object() => {
                    let message = format!("a key must be text, not {}", kind(&value));
                    return Err((message, spans.value));
                }
                None => *key = Some((key_text(value), spans.value)),
                Some((name, key_span)) => {
                    if entries.contains_key(&name) {
                        return Err((format!("duplicate entry with key \"{name}\""), key_span));
                    }
                    entries.insert(name.clone(), value);
                    entry_spans.push((name, key_span, spans));
                }
            },
        }
        Ok(())
    }

    fn finish(self) -> (Value, Spans) {
        self.root.unwrap_or_default()
    }
}

/// A scalar's value: quoted and block scalars are text; plain ones (and those tagged with a
/// core type) are resolved by the core schema.
fn scalar(text: &str, style: ScalarStyle, tag: Option<&Tag>) -> Value {
    let core = tag.filter(|tag| tag.is_yaml_core_schema());
    match core.map(|tag| tag.suffix.as_str()) {
        Some("str") => return Value::String(text.into()),
        Some("null") | Some("bool") | Some("int") | Some("float") => return resolve(text),
        _ => {}
    }
    match style {
        ScalarStyle::Plain => resolve(text),
        _ => Value::String(text.into()),
    }
}

/// The core schema's reading of a plain scalar.
fn resolve(text: &str) -> Value {
    if matches!(text, "" | "~" | "null" | "Null" | "NULL") {
        return Value::Null;
    }
    match text {
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        _ => {}
    }
    if let Some(number) = integer(text) {
        return Value::Number(number);
    }
    if !leading_zero_digits(text) {
        if let Some(float) = float(text) {
            return Number::from_f64(float)
                .map_or_else(|| Value::String(non_finite(float).into()), Value::Number);
        }
    }
    Value::String(text.into())
}

/// JSON has no infinity or NaN: they stay text, as YAML writes them.
fn non_finite(float: f64) -> &'static str {
    if float.is_nan() {
        ".nan"
    } else if float > 0.0 {
        ".inf"
    } else {
        "-.inf"
    }
}

/// A decimal, `0x`, `0o` or `0b` integer, with an optional sign, that fits 64 bits.
fn integer(text: &str) -> Option<Number> {
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if digits.starts_with(['+', '-']) {
        return None;
    }
    let (radix, digits) = match digits.get(..2) {
        Some("0x") => (16, &digits[2..]),
        Some("0o") => (8, &digits[2..]),
        Some("0b") => (2, &digits[2..]),
        _ if leading_zero_digits(text) => return None,
        _ => (10, digits),
    };
    if digits.is_empty() || digits.starts_with(['+', '-']) {
        return None;
    }
    let magnitude = u64::from_str_radix(digits, radix).ok()?;
    if !negative {
        return Some(magnitude.into());
    }
    let negated = 0i64.checked_sub_unsigned(magnitude)?;
    Some(negated.into())
}

/// A float in Rust's syntax, or `.inf`, `-.inf`, `.nan` in YAML's casings.
fn float(text: &str) -> Option<f64> {
    let unsigned = match text.strip_prefix('+') {
        Some(rest) if rest.starts_with(['+', '-']) => return None,
        Some(rest) => rest,
        None => text,
    };
    match unsigned {
        ".inf" | ".Inf" | ".INF" => return Some(f64::INFINITY),
        "-.inf" | "-.Inf" | "-.INF" => return Some(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Some(f64::NAN),
        _ => {}
    }
    unsigned
        .parse::<f64>()
        .ok()
        .filter(|float| float.is_finite())
}

/// `0123`, `-007`: leading zeros then digits, which YAML 1.2 reads as text.
fn leading_zero_digits(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    digits.len() > 1 && digits.starts_with('0') && digits[1..].bytes().all(|b| b.is_ascii_digit())
}

/// A scalar key as text: strings as they are, null as `null`, numbers and booleans as written
/// in JSON.
fn key_text(key: Value) -> String {
    match key {
        Value::String(text) => text,
        Value::Null => "null".into(),
        other => other.to_string(),
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "nothing",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "a mapping",
    }
}

/// `a.b: x` becomes `a: {b: x}`, recursively, merging with existing objects; the spans follow
/// (a dotted key's span stands for each level it makes).
fn unflatten(map: Map<String, Value>, spans: Spans) -> (Map<String, Value>, Spans) {
    let Children::Map(entry_spans) = spans.children else {
        return (map, spans);
    };
    let mut by_key: HashMap<String, (Span, Spans)> = entry_spans
        .into_iter()
        .map(|(key, span, spans)| (key, (span, spans)))
        .collect();
    let mut out = Map::new();
    let mut out_spans = Vec::new();
    for (key, value) in map {
        let (key_span, value_spans) = by_key.remove(&key).unwrap_or_default();
        let (value, value_spans) = unflatten_value(value, value_spans);
        insert_path(&mut out, &mut out_spans, &key, key_span, value, value_spans);
    }
    let spans = Spans {
        value: spans.value,
        children: Children::Map(out_spans),
    };
    (out, spans)
}

/// `value` with the dotted keys of every mapping in it unflattened, in lists too (a carousel's
/// `items[].props`).
fn unflatten_value(value: Value, spans: Spans) -> (Value, Spans) {
    match value {
        Value::Object(inner) => {
            let (inner, spans) = unflatten(inner, spans);
            (Value::Object(inner), spans)
        }
        Value::Array(items) => {
            let item_spans = match spans.children {
                Children::List(item_spans) => item_spans,
                _ => Vec::new(),
            };
            let mut item_spans = item_spans.into_iter();
            let (items, item_spans): (Vec<Value>, Vec<Spans>) = items
                .into_iter()
                .map(|item| unflatten_value(item, item_spans.next().unwrap_or_default()))
                .unzip();
            let spans = Spans {
                value: spans.value,
                children: Children::List(item_spans),
            };
            (Value::Array(items), spans)
        }
        other => (other, spans),
    }
}

fn insert_path(
    map: &mut Map<String, Value>,
    spans: &mut Vec<(String, Span, Spans)>,
    key: &str,
    key_span: Span,
    value: Value,
    value_spans: Spans,
) {
    match key.split_once('.') {
        Some((head, rest)) if !head.is_empty() && !rest.is_empty() => {
            let entry = map
                .entry(head.to_string())
                .or_insert_with(|| Value::Object(Map::new()));
            if !entry.is_object() {
                *entry = Value::Object(Map::new());
            }
            let position = match spans.iter().position(|(name, _, _)| name == head) {
                Some(position) => position,
                None => {
                    let level = Spans {
                        value: key_span,
                        children: Children::Map(Vec::new()),
                    };
                    spans.push((head.to_string(), key_span, level));
                    spans.len() - 1
                }
            };
            let level = &mut spans[position].2;
            if !matches!(level.children, Children::Map(_)) {
                level.children = Children::Map(Vec::new());
            }
            if let (Value::Object(inner), Children::Map(inner_spans)) = (entry, &mut level.children)
            {
                insert_path(inner, inner_spans, rest, key_span, value, value_spans);
            }
        }
        _ => {
            let merged_spans = match (map.get_mut(key), value) {
                (Some(Value::Object(existing)), Value::Object(new)) => {
                    existing.extend(new);
                    true
                }
                (_, value) => {
                    map.insert(key.to_string(), value);
                    false
                }
            };
            match spans.iter_mut().find(|(name, _, _)| name == key) {
                Some((_, span, existing)) if merged_spans => {
                    *span = key_span;
                    if let (Children::Map(existing), Children::Map(new)) =
                        (&mut existing.children, value_spans.children)
                    {
                        existing.extend(new);
                    }
                }
                Some(entry) => *entry = (key.to_string(), key_span, value_spans),
                None => spans.push((key.to_string(), key_span, value_spans)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn mapping(text: &str) -> Result<Map<String, Value>, YamlError> {
        parse_mapping(text, &|offset| offset).map(|(map, _)| map)
    }

    #[test]
    fn comments_empty_values_and_block_scalars() {
        let map = mapping("title: About Page #title of the window\nui: # First Column\nempty: |\ntext: |\n  a\n\n  b\n").unwrap_or_default();
        assert_eq!(
            Value::Object(map),
            json!({"title": "About Page", "ui": null, "empty": "", "text": "a\n\nb\n"})
        );
    }

    #[test]
    fn typed_values_and_dotted_keys() {
        let map =
            mapping("cols: 3\nflag: true\nui.wrapper: p-4\nui.icon: w-1\nf: 1.5\nd: 2024-07-01")
                .unwrap_or_default();
        assert_eq!(
            Value::Object(map),
            json!({"cols": 3, "flag": true, "ui": {"wrapper": "p-4", "icon": "w-1"}, "f": 1.5, "d": "2024-07-01"})
        );
    }

    #[test]
    fn dotted_keys_are_unflattened_in_lists_too() {
        let map = mapping("items:\n  - props:\n      ui.image: h-40\n      ui.wrapper.inner: p-2\n      title: One\n")
            .unwrap_or_default();
        assert_eq!(
            Value::Object(map),
            json!({"items": [{"props": {"ui": {"image": "h-40", "wrapper": {"inner": "p-2"}}, "title": "One"}}]})
        );
    }

    #[test]
    fn only_comments_is_empty() {
        assert_eq!(mapping("# nothing here\n"), Ok(Map::new()));
        assert_eq!(mapping(""), Ok(Map::new()));
    }

    #[test]
    fn errors_carry_their_position() {
        let error = mapping("title: ok\nbad: [1, 2\n").err();
        assert!(error.as_ref().is_some_and(|e| e.at >= 10), "{error:?}");
        assert!(mapping("- a\n- b").is_err());
        let duplicate = mapping("a: 1\na: 2\n").err();
        assert_eq!(duplicate.as_ref().map(|e| e.at), Some(5), "{duplicate:?}");
    }

    #[test]
    fn scalars_resolve_as_the_core_schema_says() {
        let map = mapping(
            "a: ~\nb: Null\nc: TRUE\nd: 0x1F\ne: -0o17\nf: 0b101\ng: 012\nh: +12\ni: -7\nj: .inf\nk: -.INF\nl: .nan\nm: 1e3\nn: '12'\no: !!str 12\np: 18446744073709551615\nq: 1_000\nr: yes\ns: \"true\"\nt: 0.50\n",
        )
        .unwrap_or_default();
        assert_eq!(
            Value::Object(map),
            json!({"a": null, "b": null, "c": true, "d": 31, "e": -15, "f": 5, "g": "012",
                   "h": 12, "i": -7, "j": ".inf", "k": "-.inf", "l": ".nan", "m": 1000.0,
                   "n": "12", "o": "12", "p": 18446744073709551615u64, "q": "1_000",
                   "r": "yes", "s": "true", "t": 0.5})
        );
    }

    #[test]
    fn anchors_and_aliases_repeat_the_value() {
        let map = mapping("a: &x [1, 2]\nb: *x\n").unwrap_or_default();
        assert_eq!(Value::Object(map), json!({"a": [1, 2], "b": [1, 2]}));
    }

    /// Found while writing the `yaml_props` fuzz target: aliases of aliases, a few hundred
    /// bytes of front matter, made a hundred thousand values, and a billion with four more
    /// lines (rustc running the macro out of memory).
    #[test]
    fn aliases_repeating_past_the_limit_are_refused() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for level in 1..9 {
            let aliases = vec![format!("*a{}", level - 1); 10].join(", ");
            text.push_str(&format!("a{level}: &a{level} [{aliases}]\n"));
        }
        let Err(error) = mapping(&text) else {
            panic!("accepted");
        };
        assert_eq!(
            error.message,
            "the aliases repeat more than 100 times what the YAML writes"
        );
        // On the fourth line, the first to repeat too much.
        assert_eq!(text[..error.at].matches('\n').count(), 3);
        let repeated = "a: &a [1, 2, 3]\nb: [*a, *a, *a, *a, *a, *a, *a, *a]\n";
        assert!(mapping(repeated).is_ok());
    }

    /// Found by the `yaml_props` fuzz target: `icon: {{{…}}}`, under 200 bytes of props, took
    /// gigabytes, each level's key being the JSON text of the one inside it.
    #[test]
    fn a_collection_as_a_key_is_refused_at_the_key() {
        let text = format!("icon: {}{}\n", "{".repeat(60), "}".repeat(60));
        let Err(error) = mapping(&text) else {
            panic!("accepted");
        };
        assert_eq!(error.message, "a key must be text, not a mapping");
        assert_eq!(&text[error.at..error.at + 2], "{}");
        let Err(error) = mapping("? [a, b]\n: x\n") else {
            panic!("accepted");
        };
        assert_eq!(error.message, "a key must be text, not a list");
        assert_eq!(error.at, 2);
        let scalars = mapping("1: a\ntrue: b\n~: c\n").unwrap_or_default();
        assert_eq!(
            Value::Object(scalars),
            json!({"1": "a", "true": "b", "null": "c"})
        );
    }

    #[test]
    fn keys_and_values_carry_their_spans() {
        let text = "title: Hello\nitems:\n  - q: \"Why?\"\n    a: Because\nui.wrapper: p-4\n";
        let Ok((_, spans)) = parse_mapping(text, &|offset| offset + 100) else {
            panic!("valid YAML");
        };
        let at = |span: Option<Span>| span.map(|s| (s.start as usize - 100, s.end as usize - 100));
        assert_eq!(at(spans.key("title")), Some((0, 5)));
        assert_eq!(at(spans.get("title").map(|s| s.value)), Some((7, 12)));
        let item = spans.get("items").and_then(|items| items.item(0));
        assert_eq!(
            at(item.and_then(|item| item.get("q")).map(|s| s.value)),
            Some((27, 33))
        );
        assert_eq!(at(item.and_then(|item| item.key("a"))), Some((38, 39)));
        let wrapper = spans.get("ui").and_then(|ui| ui.get("wrapper"));
        assert_eq!(at(wrapper.map(|s| s.value)), Some((61, 64)));
        assert_eq!(
            at(spans.get("ui").and_then(|ui| ui.key("wrapper"))),
            Some((49, 59))
        );
    }
}
