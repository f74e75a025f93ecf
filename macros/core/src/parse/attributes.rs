//! MDC attribute lists: `{.a .b #id key="v" key2='v' key3=v flag :bound='{"json": 1}'}`.

use crate::source::Span;
use crate::tree::Attributes;
use crate::yaml::{Children, Spans};
use serde_json::Value;
use std::ops::Range;

/// Parses an attribute list at the start of `text` (which must start with `{`).
/// Returns the attributes and the bytes consumed, or `None` when the braces do not hold
/// a valid list on one line (then the text stays text, as in remark-mdc).
pub(crate) fn parse_attributes(text: &str) -> Option<(Attributes, usize)> {
    parse_attribute_list(text).map(|(attributes, _, used)| (attributes, used))
}

/// Where one attribute is written, as byte ranges of the text given to
/// [`parse_attribute_list`]: its final key (`class` for `.a` shorthands), the key and the value
/// (the key again for a flag).
pub(crate) type AttributePlace = (String, Range<usize>, Range<usize>);

/// [`parse_attributes`], with where each attribute is written.
pub(crate) fn parse_attribute_list(text: &str) -> Option<(Attributes, Vec<AttributePlace>, usize)> {
    let bytes = text.as_bytes();
    if bytes.first() != Some(&b'{') {
        return None;
    }
    let mut attributes = Attributes::new();
    let mut places: Vec<AttributePlace> = Vec::new();
    let mut classes: Vec<String> = Vec::new();
    let mut class_place: Option<(Range<usize>, Range<usize>)> = None;
    let mut i = 1;
    loop {
        while bytes.get(i).is_some_and(|b| *b == b' ' || *b == b'\t') {
            i += 1;
        }
        match *bytes.get(i)? {
            b'}' => break,
            b'\n' | b'\r' | b'{' => return None,
            b'.' => {
                let (name, next) = word(text, i + 1)?;
                classes.push(name.to_string());
                class_place.get_or_insert((i..next, i + 1..next));
                i = next;
            }
            b'#' => {
                let (name, next) = word(text, i + 1)?;
                attributes.insert("id".into(), Value::String(name.into()));
                places.push(("id".into(), i..next, i + 1..next));
                i = next;
            }
            _ => {
                let start = i;
                while bytes.get(i).is_some_and(|b| {
                    !matches!(b, b'=' | b' ' | b'\t' | b'}' | b'\n' | b'"' | b'\'')
                }) {
                    i += 1;
                }
                let key_range = start..i;
                let key = &text[key_range.clone()];
                if key.is_empty() {
                    return None;
                }
                // remark-mdc allows white space on either side of `=` (`{a ="x" b= "y"}`).
                let blanks = |from: usize| {
                    from + bytes[from..]
                        .iter()
                        .take_while(|b| matches!(b, b' ' | b'\t'))
                        .count()
                };
                let equals = blanks(i);
                let (value, value_range) = if bytes.get(equals) == Some(&b'=') {
                    let (value, range, next) = value(text, blanks(equals + 1))?;
                    i = next;
                    (Value::String(decode_entities(value)), range)
                } else {
                    (Value::Bool(true), key_range.clone())
                };
                let key = attribute_key(key);
                if key == "class" {
                    if let Value::String(class) = &value {
                        classes.push(class.clone());
                        class_place.get_or_insert((key_range, value_range));
                    }
                } else {
                    places.retain(|(name, _, _)| *name != key);
                    places.push((key.clone(), key_range, value_range));
                    attributes.insert(key, value);
                }
            }
        }
    }
    if !classes.is_empty() {
        attributes.insert("class".into(), Value::String(classes.join(" ")));
        if let Some((key, value)) = class_place {
            places.push(("class".into(), key, value));
        }
    }
    Some((attributes, places, i + 1))
}

/// The spans of attributes written at `places`, `place` turning an offset of the text they
/// were parsed from into a file offset.
pub(crate) fn attribute_spans(
    places: Vec<AttributePlace>,
    place: impl Fn(usize) -> usize,
) -> Spans {
    let span = |range: Range<usize>| Span::new(place(range.start), place(range.end));
    let start = places
        .iter()
        .map(|(_, key, _)| key.start)
        .min()
        .unwrap_or(0);
    let end = places
        .iter()
        .map(|(_, _, value)| value.end)
        .max()
        .unwrap_or(start);
    let entries = places
        .into_iter()
        .map(|(key, key_at, value_at)| {
            let value = Spans {
                value: span(value_at),
                children: Children::None,
            };
            (key, span(key_at), value)
        })
        .collect();
    Spans {
        value: span(start..end),
        children: Children::Map(entries),
    }
}

/// A `.class` or `#id` name: up to white space or the closing brace.
fn word(text: &str, start: usize) -> Option<(&str, usize)> {
    let rest = text.get(start..)?;
    let len = rest
        .find([' ', '\t', '}', '\n', '.', '#'])
        .unwrap_or(rest.len());
    (len > 0).then(|| (&rest[..len], start + len))
}

/// An attribute value starting at `start`: its text, where the text is, and where the value
/// ends (after its closing quote).
fn value(text: &str, start: usize) -> Option<(&str, Range<usize>, usize)> {
    let rest = text.get(start..)?;
    let quote = rest.chars().next()?;
    if quote == '"' || quote == '\'' {
        let end = rest[1..].find(quote)?;
        let value = &rest[1..1 + end];
        if value.contains('\n') {
            return None;
        }
        return Some((value, start + 1..start + 1 + end, start + end + 2));
    }
    let len = rest.find([' ', '\t', '}', '\n']).unwrap_or(rest.len());
    Some((&rest[..len], start..start + len, start + len))
}

/// Keys are kebab-cased as remark-mdc does (`myProp` → `my-prop`); a leading `:` stays.
fn attribute_key(key: &str) -> String {
    match key.strip_prefix(':') {
        Some(bound) => format!(":{}", kebab_case(bound)),
        None => kebab_case(key),
    }
}

/// scule's `kebabCase`: words split at `-`, `_`, and case changes (`HTMLBox` → `html-box`).
pub fn kebab_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut words: Vec<String> = Vec::new();
    let mut current = String::new();
    for (index, &c) in chars.iter().enumerate() {
        if matches!(c, '-' | '_' | ' ' | '.' | '/') {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            continue;
        }
        if c.is_uppercase() && !current.is_empty() {
            let previous = chars[index - 1];
            let next_is_lower = chars.get(index + 1).is_some_and(|n| n.is_lowercase());
            if previous.is_lowercase()
                || previous.is_ascii_digit()
                || (previous.is_uppercase() && next_is_lower)
            {
                words.push(std::mem::take(&mut current));
            }
        }
        current.push(c);
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
        .iter()
        .map(|word| word.to_lowercase())
        .collect::<Vec<_>>()
        .join("-")
}

/// Decodes the character references of an attribute value as a browser does: every named
/// reference of the HTML standard (`&Tab;`, `&colon;`, `&NewLine;`…), numeric ones with or
/// without their `;`, and the legacy names without `;` unless a letter, digit or `=` follows.
pub(crate) fn decode_entities(value: &str) -> String {
    htmlize::unescape_attribute(value).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn parse(text: &str) -> Option<Value> {
        parse_attributes(text)
            .map(|(attributes, _)| serde_json::to_value(attributes).unwrap_or_default())
    }

    #[test]
    fn all_value_forms() {
        assert_eq!(
            parse(r#"{.a .b #x key="v" key2='v "q"' key3=v flag empty=""}"#),
            Some(
                json!({"class": "a b", "id": "x", "key": "v", "key2": "v \"q\"", "key3": "v", "flag": true, "empty": ""})
            )
        );
    }

    #[test]
    fn keys_are_kebab_cased_and_bound_keys_keep_their_colon() {
        assert_eq!(
            parse(r#"{myProp=1 :ui='{"wrapper": "pb-10"}' :size="L"}"#),
            Some(json!({"my-prop": "1", ":ui": "{\"wrapper\": \"pb-10\"}", ":size": "L"}))
        );
    }

    #[test]
    fn class_attribute_joins_shorthands_in_order() {
        assert_eq!(
            parse(r#"{ class="mx-auto hover:scale-105"}"#),
            Some(json!({"class": "mx-auto hover:scale-105"}))
        );
        assert_eq!(
            parse(r#"{.a class="b c" .d}"#),
            Some(json!({"class": "a b c d"}))
        );
    }

    #[test]
    fn invalid_lists_are_rejected() {
        assert_eq!(parse("{a=\"x\ny\"}"), None);
        assert_eq!(parse(r#"{a="unterminated}"#), None);
        assert_eq!(parse("{a"), None);
    }

    #[test]
    fn each_attribute_has_its_place() {
        let text = r#"{.a #x size="L" flag .b}"#;
        let places = parse_attribute_list(text).map(|(_, places, _)| places);
        let shown: Vec<(String, &str, &str)> = places
            .unwrap_or_default()
            .into_iter()
            .map(|(key, key_at, value_at)| (key, &text[key_at], &text[value_at]))
            .collect();
        assert_eq!(
            shown,
            [
                ("id".to_string(), "#x", "x"),
                ("size".to_string(), "size", "L"),
                ("flag".to_string(), "flag", "flag"),
                ("class".to_string(), ".a", "a"),
            ]
        );
    }

    #[test]
    fn white_space_around_equals() {
        assert_eq!(
            parse(r#"{urlButton ="/" labelButton = "all" a= 'x' flag other}"#),
            Some(
                json!({"url-button": "/", "label-button": "all", "a": "x", "flag": true, "other": true})
            )
        );
    }

    #[test]
    fn entities_are_decoded() {
        assert_eq!(
            parse(r#"{t="a &amp; b &copy; &#65;&x;"}"#),
            Some(json!({"t": "a & b © A&x;"}))
        );
    }

    #[test]
    fn entities_are_decoded_as_the_html_standard_says() {
        for (written, read) in [
            ("java&Tab;script&colon;x", "java\tscript:x"),
            ("java&NewLine;script&#x3A;", "java\nscript:"),
            ("&#106avascript&#58", "javascript:"),
            ("&lang;&rang;&fjlig;", "\u{27e8}\u{27e9}fj"),
            ("&copy 2024", "\u{a9} 2024"),
            ("a?b=1&copy=2&notit;", "a?b=1&copy=2&notit;"),
            ("&#0;&#xD800;&#x110000;", "\u{fffd}\u{fffd}\u{fffd}"),
            ("&#x80;", "\u{20ac}"),
        ] {
            assert_eq!(decode_entities(written), read, "{written}");
        }
    }

    #[test]
    fn kebab_case_matches_scule() {
        assert_eq!(kebab_case("ShTextImg"), "sh-text-img");
        assert_eq!(kebab_case("HTMLBox"), "html-box");
        assert_eq!(kebab_case("UButton"), "u-button");
        assert_eq!(kebab_case("my_widget2"), "my-widget2");
        assert_eq!(kebab_case("urlImage"), "url-image");
        assert_eq!(kebab_case("aria-label"), "aria-label");
    }
}
