//! YAML (front matter and component props) into JSON values, as remark-mdc reads it.

use serde_json::{Map, Number, Value};

/// A YAML syntax error, positioned within the YAML text (1-based line and column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct YamlError {
    pub(crate) message: String,
    pub(crate) line: usize,
    pub(crate) column: usize,
}

/// Parses a YAML mapping. Empty text or text holding only comments gives an empty map; dotted
/// keys are unflattened (`ui.wrapper: x` → `{"ui": {"wrapper": "x"}}`).
pub(crate) fn parse_mapping(text: &str) -> Result<Map<String, Value>, YamlError> {
    let value: serde_yaml::Value = serde_yaml::from_str(text).map_err(|error| {
        let (line, column) = error.location().map_or((1, 1), |l| (l.line(), l.column()));
        // serde_yaml appends " at line L column C"; the position is reported separately.
        let message = error.to_string();
        let message = message
            .split(" at line ")
            .next()
            .unwrap_or(&message)
            .to_string();
        YamlError {
            message,
            line,
            column,
        }
    })?;
    match to_json(value) {
        Value::Null => Ok(Map::new()),
        Value::Object(map) => Ok(unflatten(map)),
        other => Err(YamlError {
            message: format!("expected `key: value` pairs, found {}", kind(&other)),
            line: 1,
            column: 1,
        }),
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

fn to_json(value: serde_yaml::Value) -> Value {
    match value {
        serde_yaml::Value::Null => Value::Null,
        serde_yaml::Value::Bool(b) => Value::Bool(b),
        serde_yaml::Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                Value::Number(i.into())
            } else if let Some(u) = n.as_u64() {
                Value::Number(u.into())
            } else {
                let f = n.as_f64().unwrap_or(f64::NAN);
                // JSON has no NaN or infinity: keep what the author wrote as text.
                Number::from_f64(f).map_or_else(|| Value::String(n.to_string()), Value::Number)
            }
        }
        serde_yaml::Value::String(s) => Value::String(s),
        serde_yaml::Value::Sequence(items) => {
            Value::Array(items.into_iter().map(to_json).collect())
        }
        serde_yaml::Value::Mapping(mapping) => Value::Object(
            mapping
                .into_iter()
                .map(|(key, value)| (key_text(key), to_json(value)))
                .collect(),
        ),
        serde_yaml::Value::Tagged(tagged) => to_json(tagged.value),
    }
}

fn key_text(key: serde_yaml::Value) -> String {
    match to_json(key) {
        Value::String(s) => s,
        Value::Null => "null".into(),
        other => other.to_string(),
    }
}

/// `a.b: x` becomes `a: {b: x}`, recursively, merging with existing objects.
fn unflatten(map: Map<String, Value>) -> Map<String, Value> {
    let mut out = Map::new();
    for (key, value) in map {
        let value = match value {
            Value::Object(inner) => Value::Object(unflatten(inner)),
            other => other,
        };
        insert_path(&mut out, &key, value);
    }
    out
}

fn insert_path(map: &mut Map<String, Value>, key: &str, value: Value) {
    match key.split_once('.') {
        Some((head, rest)) if !head.is_empty() && !rest.is_empty() => {
            let entry = map
                .entry(head.to_string())
                .or_insert_with(|| Value::Object(Map::new()));
            if !entry.is_object() {
                *entry = Value::Object(Map::new());
            }
            if let Value::Object(inner) = entry {
                insert_path(inner, rest, value);
            }
        }
        _ => match (map.get_mut(key), value) {
            (Some(Value::Object(existing)), Value::Object(new)) => existing.extend(new),
            (_, value) => {
                map.insert(key.to_string(), value);
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn comments_empty_values_and_block_scalars() {
        let map = parse_mapping("title: About Page #title of the window\nui: # First Column\nempty: |\ntext: |\n  a\n\n  b\n").unwrap_or_default();
        assert_eq!(
            Value::Object(map),
            json!({"title": "About Page", "ui": null, "empty": "", "text": "a\n\nb\n"})
        );
    }

    #[test]
    fn typed_values_and_dotted_keys() {
        let map = parse_mapping(
            "cols: 3\nflag: true\nui.wrapper: p-4\nui.icon: w-1\nf: 1.5\nd: 2024-07-01",
        )
        .unwrap_or_default();
        assert_eq!(
            Value::Object(map),
            json!({"cols": 3, "flag": true, "ui": {"wrapper": "p-4", "icon": "w-1"}, "f": 1.5, "d": "2024-07-01"})
        );
    }

    #[test]
    fn only_comments_is_empty() {
        assert_eq!(parse_mapping("# nothing here\n"), Ok(Map::new()));
        assert_eq!(parse_mapping(""), Ok(Map::new()));
    }

    #[test]
    fn errors_carry_their_position() {
        let error = parse_mapping("title: ok\nbad: [1, 2\n").err();
        assert!(error.as_ref().is_some_and(|e| e.line >= 2), "{error:?}");
        assert!(parse_mapping("- a\n- b").is_err());
    }
}
