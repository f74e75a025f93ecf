//! The YAML props path: YAML with spans, then the props of a component and the front matter of
//! a page, as typed props.

use crate::checks::{assert_span_in, assert_yaml_spans_in};
use crate::page::fixed_site;
use serde_json::Value;
use site_compiler::source::Span;
use site_compiler::yaml::{Children, Spans, parse, parse_mapping};

/// The page the props are compiled in, in the fixed site.
const PAGE: &str = "1.docs/props.md";

/// `data` is a component name, a line end, then YAML. Parses the YAML alone (its value, every
/// span within the text and the spans shaped as the value; an error placed within the text),
/// then compiles it as the props of that component and as the front matter of a page (where
/// `modules:` are the legacy modules' props) in the fixed site, checking that every diagnostic
/// is located in the page.
pub fn yaml_props(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (name, yaml) = text.split_once('\n').unwrap_or((&*text, ""));
    match parse(yaml, &|at| at) {
        Ok((value, spans)) => {
            assert_yaml_spans_in(yaml, &spans);
            assert_shaped_as(&value, &spans);
        }
        Err(error) => assert_span_in(yaml, Span::at(error.at), "YAML error"),
    }
    if let Ok((_, spans)) = parse_mapping(yaml, &|at| at) {
        assert_yaml_spans_in(yaml, &spans);
    }
    // Only what a component name can hold, so that the block stays a component.
    let name: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    for page in [
        format!("::{name}\n---\n{yaml}\n---\n::\n"),
        format!("---\n{yaml}\n---\n"),
    ] {
        fixed_site().compile(PAGE, page.as_bytes());
    }
}

/// The spans of `value` have its shape: a mapping's entries for a mapping, one per item for a
/// list, none for a scalar.
fn assert_shaped_as(value: &Value, spans: &Spans) {
    let mut stack = vec![(value, spans)];
    while let Some((value, spans)) = stack.pop() {
        match (value, &spans.children) {
            (Value::Object(entries), Children::Map(entry_spans)) => {
                assert_eq!(entries.len(), entry_spans.len(), "{value}");
                for (key, _, spans) in entry_spans {
                    let Some(entry) = entries.get(key) else {
                        panic!("spans of `{key}`, which {value} does not have");
                    };
                    stack.push((entry, spans));
                }
            }
            (Value::Array(items), Children::List(item_spans)) => {
                assert_eq!(items.len(), item_spans.len(), "{value}");
                stack.extend(items.iter().zip(item_spans));
            }
            (Value::Object(_) | Value::Array(_), _) => panic!("{value} without its spans"),
            (_, Children::None) => {}
            (_, _) => panic!("the scalar {value} has entries"),
        }
    }
}
