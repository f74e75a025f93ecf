//! Prop declarations and their resolution: inline attributes, bound props and YAML props,
//! coerced to each prop's declared type and checked against it.

use super::ComponentSpec;
use crate::diagnostic::Code;
use crate::render::Renderer;
use crate::source::{SourceFile, Span};
use crate::tree::Attributes;
use serde_json::{Map, Value};

/// The type of a prop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PropKind {
    /// Plain text (a URL, a class list, an icon name…).
    Text,
    /// Markdown, rendered with the page's rules.
    Markdown,
    /// A whole number within an inclusive range.
    Number(i64, i64),
    /// `true` or `false`.
    Bool,
    /// One of a fixed set of strings.
    OneOf(&'static [&'static str]),
    /// One of a fixed set of strings, compared without regard to case.
    OneOfIgnoreCase(&'static [&'static str]),
    /// A class-override map (`ui`).
    Ui,
    /// A list.
    List,
    /// Any value (a list of names, or `true`).
    Any,
}

/// One declared prop.
#[derive(Debug, Clone, Copy)]
pub struct PropSpec {
    /// Its camelCase name.
    pub name: &'static str,
    /// Its type.
    pub kind: PropKind,
    /// Default used when the prop is absent (not when it is present and empty).
    pub default: Option<&'static str>,
}

/// A prop without a default.
pub const fn prop(name: &'static str, kind: PropKind) -> PropSpec {
    PropSpec {
        name,
        kind,
        default: None,
    }
}

/// A prop with a default.
pub const fn prop_or(name: &'static str, kind: PropKind, default: &'static str) -> PropSpec {
    PropSpec {
        name,
        kind,
        default: Some(default),
    }
}

/// The props of one component use, resolved and typed.
#[derive(Debug, Default)]
pub struct Props {
    values: Map<String, Value>,
    /// Where the component was written.
    pub span: Span,
}

impl Props {
    /// Resolves a component's props: inline attributes, then YAML props (which win), then
    /// defaults for absent props. Problems are reported as diagnostics at `span`.
    pub fn resolve(
        spec: &ComponentSpec,
        attributes: &Attributes,
        yaml: &Map<String, Value>,
        span: Span,
        renderer: &mut Renderer<'_>,
    ) -> Props {
        let mut values = Map::new();
        for (key, value) in attributes {
            let (bound, key) = match key.strip_prefix(':') {
                Some(key) => (true, key),
                None => (false, key.as_str()),
            };
            let name = prop_name(key);
            let kind = spec.prop(&name).map(|p| p.kind);
            let value = match (bound, value) {
                (true, Value::String(expression)) => bound_value(expression, renderer.front_matter),
                (false, Value::String(text)) => coerce(text, kind),
                (_, other) => other.clone(),
            };
            values.insert(name, value);
        }
        for (key, value) in yaml {
            values.insert(key.clone(), value.clone());
        }
        let props = Props { values, span };
        props.check(spec, renderer);
        let mut props = props;
        for declared in spec.props {
            if let (Some(default), false) =
                (declared.default, props.values.contains_key(declared.name))
            {
                props
                    .values
                    .insert(declared.name.into(), coerce(default, Some(declared.kind)));
            }
        }
        props
    }

    /// Reports that the value of prop `name` is wrong, at the line it is written on.
    pub fn value_error<'r>(
        &self,
        renderer: &'r mut Renderer<'_>,
        name: &str,
        message: impl Into<String>,
    ) -> &'r mut crate::Diagnostic {
        let span = self.span_of(renderer.file, name);
        renderer
            .diagnostics
            .error(renderer.file, span, Code::PropValue, message)
    }

    /// Where prop `name` is written: its YAML key or inline attribute within the component,
    /// else the component's opening line.
    pub fn span_of(&self, file: &SourceFile, name: &str) -> Span {
        let start = self.span.start as usize;
        let text = file.text.get(start..self.span.end as usize).unwrap_or("");
        let kebab = crate::parse::kebab_case(name);
        let mut offset = start;
        for line in text.split_inclusive('\n') {
            for written in [name, kebab.as_str()] {
                let key = line.trim_start();
                let is_yaml_key = key
                    .strip_prefix(written)
                    .is_some_and(|rest| rest.trim_start().starts_with(':'));
                if is_yaml_key {
                    let at = offset + (line.len() - key.len());
                    return Span::new(at, at + written.len());
                }
                let attribute = [
                    format!(" {written}="),
                    format!("{{{written}="),
                    format!(":{written}="),
                    format!(" {written} "),
                    format!(" {written}}}"),
                ];
                if let Some(found) = attribute
                    .iter()
                    .filter_map(|pattern| line.find(pattern.as_str()))
                    .min()
                {
                    let at = offset + found + 1;
                    return Span::new(at, at + written.len());
                }
            }
            offset += line.len();
        }
        Span::new(start, start)
    }

    /// Where `needle` (`name: title`) is first written within the component, if anywhere;
    /// for diagnostics about one item of a list prop.
    pub fn span_of_text(&self, file: &SourceFile, needle: &str) -> Option<Span> {
        let start = self.span.start as usize;
        let text = file.text.get(start..self.span.end as usize)?;
        let found = text.find(needle)?;
        Some(Span::new(start + found, start + found + needle.len()))
    }

    fn check(&self, spec: &ComponentSpec, renderer: &mut Renderer<'_>) {
        for (name, value) in &self.values {
            let Some(declared) = spec.prop(name) else {
                if !is_global_attribute(name) {
                    // Only now: finding where a prop is written costs a scan of the component.
                    let span = self.span_of(renderer.file, name);
                    let known: Vec<&str> = spec.props.iter().map(|p| p.name).collect();
                    let help = match crate::diagnostic::closest(name, known.iter().copied()) {
                        Some(near) => format!("did you mean `{near}`?"),
                        None => format!("`{}` takes {}", spec.name, list(&known)),
                    };
                    renderer
                        .diagnostics
                        .error(
                            renderer.file,
                            span,
                            Code::UnknownProp,
                            format!("unknown prop `{name}` on `{}`", spec.name),
                        )
                        .help = Some(help);
                }
                continue;
            };
            if let Some((message, help)) = type_error(declared, value) {
                self.value_error(renderer, name, message).help = help;
            }
        }
    }

    /// A prop's value (its default when absent).
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.values.get(name)
    }

    /// A prop as text, `None` when it is absent, null or empty ("falsy", as the Vue components test it).
    pub fn text(&self, name: &str) -> Option<String> {
        match self.values.get(name)? {
            Value::String(text) if !text.is_empty() => Some(text.clone()),
            Value::Number(number) => Some(number.to_string()),
            _ => None,
        }
    }

    /// A prop as a whole number.
    pub fn number(&self, name: &str) -> Option<i64> {
        match self.values.get(name)? {
            Value::Number(number) => number
                .as_i64()
                .or_else(|| number.as_f64().map(|f| f as i64)),
            Value::String(text) => text.trim().parse().ok(),
            _ => None,
        }
    }

    /// A boolean prop; absent, null and `false` are false.
    pub fn flag(&self, name: &str) -> bool {
        matches!(self.values.get(name), Some(Value::Bool(true)))
    }
}

/// Attributes every component accepts: they fall through to its root element, or document it.
fn is_global_attribute(name: &str) -> bool {
    matches!(name, "id" | "class" | "style" | "description" | "ui")
        || name.starts_with("data-")
        || name.starts_with("aria-")
}

/// `position-text` → `positionText`; `data-*` and `aria-*` keep their dashes.
fn prop_name(key: &str) -> String {
    if key.starts_with("data-") || key.starts_with("aria-") {
        return key.to_string();
    }
    let mut name = String::with_capacity(key.len());
    let mut upper = false;
    for c in key.chars() {
        if c == '-' {
            upper = !name.is_empty();
        } else if upper {
            name.extend(c.to_uppercase());
            upper = false;
        } else {
            name.push(c);
        }
    }
    name
}

/// Inline values are strings; a prop declared as a number or boolean takes the typed value.
fn coerce(text: &str, kind: Option<PropKind>) -> Value {
    match kind {
        Some(PropKind::Number(..)) => text
            .trim()
            .parse::<i64>()
            .map_or_else(|_| Value::String(text.into()), Value::from),
        Some(PropKind::Bool) => match text {
            "true" | "" => Value::Bool(true),
            "false" => Value::Bool(false),
            other => Value::String(other.into()),
        },
        _ => Value::String(text.into()),
    }
}

/// `:key="expr"`: a dotted path into the front matter, else JSON if it parses, else the text.
fn bound_value(expression: &str, front_matter: &Map<String, Value>) -> Value {
    let mut found = None;
    let mut current = front_matter;
    let parts: Vec<&str> = expression.split('.').collect();
    for (index, part) in parts.iter().enumerate() {
        match current.get(*part) {
            Some(Value::Object(inner)) if index + 1 < parts.len() => current = inner,
            Some(value) if index + 1 == parts.len() => found = Some(value.clone()),
            _ => break,
        }
    }
    found.unwrap_or_else(|| {
        serde_json::from_str(expression).unwrap_or_else(|_| Value::String(expression.into()))
    })
}

fn type_error(declared: &PropSpec, value: &Value) -> Option<(String, Option<String>)> {
    let name = declared.name;
    if value.is_null() {
        return None;
    }
    let shown = match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    };
    match declared.kind {
        PropKind::Number(min, max) => match value.as_i64() {
            Some(n) if (min..=max).contains(&n) => None,
            Some(_) => Some((
                format!("`{name}` must be between {min} and {max}, found `{shown}`"),
                None,
            )),
            None => Some((
                format!("`{name}` must be a number, found `{shown}`"),
                Some(format!("write a whole number from {min} to {max}")),
            )),
        },
        PropKind::Bool => (!value.is_boolean()).then(|| {
            (
                format!("`{name}` must be `true` or `false`, found `{shown}`"),
                None,
            )
        }),
        PropKind::OneOf(allowed) | PropKind::OneOfIgnoreCase(allowed) => {
            let ignore_case = matches!(declared.kind, PropKind::OneOfIgnoreCase(_));
            let ok = value.as_str().is_some_and(|v| {
                allowed.iter().any(|a| {
                    if ignore_case {
                        a.eq_ignore_ascii_case(v)
                    } else {
                        *a == v
                    }
                })
            });
            (!ok).then(|| {
                let help = match crate::diagnostic::closest(&shown, allowed.iter().copied()) {
                    Some(near) => {
                        format!("did you mean `{near}`? `{name}` takes {}", list(allowed))
                    }
                    None => format!("`{name}` takes {}", list(allowed)),
                };
                (
                    format!("`{shown}` is not an allowed value of `{name}`"),
                    Some(help),
                )
            })
        }
        PropKind::Ui => (!value.is_object()).then(|| {
            (
                format!("`{name}` must be a mapping of class lists, found `{shown}`"),
                None,
            )
        }),
        PropKind::List => {
            (!value.is_array()).then(|| (format!("`{name}` must be a list, found `{shown}`"), None))
        }
        PropKind::Any => None,
        PropKind::Text | PropKind::Markdown => (value.is_object() || value.is_array())
            .then(|| (format!("`{name}` must be text, found `{shown}`"), None)),
    }
}

/// `` `a`, `b` or `c` ``
fn list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|item| format!("`{item}`")).collect();
    match quoted.split_last() {
        None => "no props".into(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn kebab_keys_become_prop_names() {
        assert_eq!(prop_name("position-text"), "positionText");
        assert_eq!(prop_name("url-image"), "urlImage");
        assert_eq!(prop_name("data-x-y"), "data-x-y");
        assert_eq!(prop_name("ui"), "ui");
    }

    #[test]
    fn bound_props_use_front_matter_then_json_then_text() {
        let front_matter = json!({"title": "Hello", "meta": {"n": 2}});
        let Value::Object(front_matter) = front_matter else {
            return;
        };
        assert_eq!(bound_value("title", &front_matter), json!("Hello"));
        assert_eq!(bound_value("meta.n", &front_matter), json!(2));
        assert_eq!(bound_value("L", &front_matter), json!("L"));
        assert_eq!(bound_value("3", &front_matter), json!(3));
        assert_eq!(
            bound_value(r#"{"wrapper": "pb-10"}"#, &front_matter),
            json!({"wrapper": "pb-10"})
        );
    }

    #[test]
    fn inline_strings_take_the_declared_type() {
        assert_eq!(coerce("3", Some(PropKind::Number(0, 12))), json!(3));
        assert_eq!(
            coerce("three", Some(PropKind::Number(0, 12))),
            json!("three")
        );
        assert_eq!(coerce("", Some(PropKind::Bool)), json!(true));
        assert_eq!(coerce("3", Some(PropKind::Text)), json!("3"));
    }

    #[test]
    fn values_are_checked_against_the_declaration() {
        let cols = prop("cols", PropKind::Number(0, 12));
        assert!(type_error(&cols, &json!(3)).is_none());
        assert!(type_error(&cols, &json!("three")).is_some());
        assert!(type_error(&cols, &json!(13)).is_some());
        let position = prop("positionText", PropKind::OneOf(&["left", "right"]));
        let error = type_error(&position, &json!("middle"));
        assert_eq!(
            error.map(|e| e.0),
            Some("`middle` is not an allowed value of `positionText`".to_string())
        );
        assert!(type_error(&position, &Value::Null).is_none());
    }
}
