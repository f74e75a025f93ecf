//! Prop declarations and their resolution: inline attributes, bound props and YAML props,
//! coerced to each prop's declared type and checked against it.

use super::ComponentSpec;
use crate::diagnostic::Code;
use crate::render::{Renderer, script};
use crate::source::Span;
use crate::tree::Attributes;
use crate::yaml::Spans;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

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

/// A component's props as a struct: `#[derive(Props)]` (crate `site_props`) implements this from
/// the struct's fields, so that the declarations and the typed reading are one.
pub trait ReadProps: Sized {
    /// The declared props.
    const PROPS: &'static [PropSpec];
    /// The props of a use, from its resolved props.
    fn read(props: &Props) -> Self;
}

/// A Rust type a prop can be read as, and the kind of prop it declares unless the field says
/// otherwise.
pub trait FromProp: Sized {
    /// The kind of prop a field of this type is.
    const KIND: PropKind;
    /// Prop `name` of `props` as this type.
    fn from_prop(props: &Props, name: &str) -> Self;
}

/// A markdown prop's text and where it is written, to render it with the page's rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Markdown {
    /// The markdown.
    pub text: String,
    /// Where the value is written.
    pub span: Span,
}

/// A prop's value and where it and its parts (a list's items) are written, for the props whose
/// problems are reported at the value.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where the value is written (the key, or the component, when it is not written).
    pub span: Span,
    /// Where its parts are written.
    pub spans: Spans,
}

/// Falsy (absent, null or empty) as `None`, as the Vue components test text props.
impl FromProp for Option<String> {
    const KIND: PropKind = PropKind::Text;
    fn from_prop(props: &Props, name: &str) -> Self {
        props.text(name)
    }
}

/// Text with a default: empty when absent and without one.
impl FromProp for String {
    const KIND: PropKind = PropKind::Text;
    fn from_prop(props: &Props, name: &str) -> Self {
        props.text(name).unwrap_or_default()
    }
}

impl FromProp for bool {
    const KIND: PropKind = PropKind::Bool;
    fn from_prop(props: &Props, name: &str) -> Self {
        props.flag(name)
    }
}

/// The field declares its range (`kind = PropKind::Number(min, max)`).
impl FromProp for Option<i64> {
    const KIND: PropKind = PropKind::Number(i64::MIN, i64::MAX);
    fn from_prop(props: &Props, name: &str) -> Self {
        props.number(name)
    }
}

impl FromProp for Option<Markdown> {
    const KIND: PropKind = PropKind::Markdown;
    fn from_prop(props: &Props, name: &str) -> Self {
        let text = props.text(name)?;
        Some(Markdown {
            text,
            span: props.value_span(name),
        })
    }
}

/// Any value, as written (lists, mappings, `true`).
impl FromProp for Option<Value> {
    const KIND: PropKind = PropKind::Any;
    fn from_prop(props: &Props, name: &str) -> Self {
        props.get(name).filter(|value| !value.is_null()).cloned()
    }
}

/// A list's items (none when absent or not a list), with where each is written.
impl FromProp for Spanned<Vec<Value>> {
    const KIND: PropKind = PropKind::List;
    fn from_prop(props: &Props, name: &str) -> Self {
        Spanned {
            value: props
                .get(name)
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default(),
            span: props.value_span(name),
            spans: props.value_spans(name).cloned().unwrap_or_default(),
        }
    }
}

/// Text that is reported at its value when it is wrong (an icon, a data file, a URL).
impl FromProp for Option<Spanned<String>> {
    const KIND: PropKind = PropKind::Text;
    fn from_prop(props: &Props, name: &str) -> Self {
        Some(Spanned {
            value: props.text(name)?,
            span: props.value_span(name),
            spans: props.value_spans(name).cloned().unwrap_or_default(),
        })
    }
}

/// A prop without a default.
pub const fn prop(name: &'static str, kind: PropKind) -> PropSpec {
    PropSpec {
        name,
        kind,
        default: None,
    }
}

/// The props of one component use, resolved and typed, and where each is written.
#[derive(Debug, Default)]
pub struct Props {
    values: Map<String, Value>,
    /// Where each prop's key and value are written, by prop name.
    places: BTreeMap<String, (Span, Spans)>,
    /// Where the component was written.
    pub span: Span,
}

/// Where a component's props are written: its inline attributes and its YAML props.
#[derive(Debug, Clone, Copy)]
pub struct Written<'a> {
    /// Inline `{…}` attributes (kebab-case keys).
    pub attributes: &'a Attributes,
    /// Where each attribute is written.
    pub attribute_spans: &'a Spans,
    /// YAML props.
    pub yaml: &'a Map<String, Value>,
    /// Where each YAML prop is written.
    pub yaml_spans: &'a Spans,
}

impl Props {
    /// Resolves a component's props: inline attributes, then YAML props (which win), then
    /// defaults for absent props. Problems are reported as diagnostics where they are written
    /// (the component, at `span`, for what has no place of its own).
    pub fn resolve(
        spec: &ComponentSpec,
        written: Written<'_>,
        span: Span,
        renderer: &mut Renderer<'_>,
    ) -> Props {
        let mut values = Map::new();
        let mut places = BTreeMap::new();
        for (key, value) in written.attributes {
            let (bound, unbound) = match key.strip_prefix(':') {
                Some(key) => (true, key),
                None => (false, key.as_str()),
            };
            let name = prop_name(unbound);
            let kind = spec.prop(&name).map(|p| p.kind);
            let value = match (bound, value) {
                (true, Value::String(expression)) => bound_value(expression, renderer.front_matter),
                (false, Value::String(text)) => coerce(text, kind),
                (_, other) => other.clone(),
            };
            if let Some(key_span) = written.attribute_spans.key(key) {
                let value_spans = written
                    .attribute_spans
                    .get(key)
                    .cloned()
                    .unwrap_or_default();
                places.insert(name.clone(), (key_span, value_spans));
            }
            values.insert(name, value);
        }
        for (key, value) in written.yaml {
            if let Some(key_span) = written.yaml_spans.key(key) {
                let value_spans = written.yaml_spans.get(key).cloned().unwrap_or_default();
                places.insert(key.clone(), (key_span, value_spans));
            }
            values.insert(key.clone(), value.clone());
        }
        for declared in spec.props {
            if let (PropKind::Bool, Some(value)) = (declared.kind, values.get_mut(declared.name)) {
                // Vue casts an empty string given to a boolean prop to `true` (YAML
                // `fullWidth: ""`), as an inline `{full-width}` is.
                if value.as_str() == Some("") {
                    *value = Value::Bool(true);
                }
            }
        }
        let props = Props {
            values,
            places,
            span,
        };
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

    /// The global `id` attribute (not a declared prop: every component takes it).
    pub fn id(&self) -> Option<String> {
        self.text("id")
    }

    /// Where prop `name` is written: its key, else the component.
    pub fn key_span(&self, name: &str) -> Span {
        self.places.get(name).map_or(self.span, |(key, _)| *key)
    }

    /// Where the value of prop `name` is written, else its key, else the component.
    fn value_span(&self, name: &str) -> Span {
        match self.places.get(name) {
            Some((_, value)) if value.value != Span::default() => value.value,
            Some((key, _)) => *key,
            None => self.span,
        }
    }

    /// Where the parts of prop `name`'s value are written (a list's items, a mapping's fields).
    fn value_spans(&self, name: &str) -> Option<&Spans> {
        self.places.get(name).map(|(_, spans)| spans)
    }

    /// Where the first prop value that is, or holds, exactly the text `text` is written; for
    /// what a component writes out of its props (a URL).
    pub fn place_of_value(&self, text: &str) -> Option<Span> {
        self.places
            .iter()
            .find_map(|(name, (_, spans))| find_text(self.values.get(name)?, spans, text))
    }

    fn check(&self, spec: &ComponentSpec, renderer: &mut Renderer<'_>) {
        for (name, value) in &self.values {
            let text = value.as_str().unwrap_or_default();
            if let Some(finding) = script::attribute_finding(spec.name, name, text) {
                let (key, value) = (self.key_span(name), self.value_span(name));
                let span = Span::new(key.start as usize, value.end.max(key.end) as usize);
                renderer.report(finding, span);
                continue;
            }
            let Some(declared) = spec.prop(name) else {
                if !is_global_attribute(name) {
                    let span = self.key_span(name);
                    let known: Vec<&str> = spec.props.iter().map(|p| p.name).collect();
                    let help = match (
                        ui_key_named(spec, name),
                        crate::diagnostic::closest(name, known.iter().copied()),
                    ) {
                        (Some(key), _) => format!("did you mean `ui.{key}`?"),
                        (None, Some(near)) => format!("did you mean `{near}`?"),
                        (None, None) => format!("`{}` takes {}", spec.name, list(&known)),
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
                value_error(renderer, self.value_span(name), message).help = help;
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
    fn number(&self, name: &str) -> Option<i64> {
        match self.values.get(name)? {
            Value::Number(number) => number
                .as_i64()
                .or_else(|| number.as_f64().map(|f| f as i64)),
            Value::String(text) => text.trim().parse().ok(),
            _ => None,
        }
    }

    /// A boolean prop; absent, null and `false` are false.
    fn flag(&self, name: &str) -> bool {
        matches!(self.values.get(name), Some(Value::Bool(true)))
    }
}

/// Reports that a prop's value, written at `span`, is wrong.
pub fn value_error<'r>(
    renderer: &'r mut Renderer<'_>,
    span: Span,
    message: impl Into<String>,
) -> &'r mut crate::Diagnostic {
    renderer
        .diagnostics
        .error(renderer.file, span, Code::PropValue, message)
}

impl Spanned<Vec<Value>> {
    /// Where the first item that is, or holds, exactly the text `text` is written; `None` when
    /// no item holds it.
    pub fn place_of(&self, text: &str) -> Option<Span> {
        self.value
            .iter()
            .enumerate()
            .find_map(|(index, item)| find_text(item, self.spans.item(index)?, text))
    }
}

/// The span of the first text `text` in `value`, whose parts are written at `spans`.
fn find_text(value: &Value, spans: &Spans, text: &str) -> Option<Span> {
    match value {
        Value::String(found) if found == text => Some(spans.value),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(index, item)| find_text(item, spans.item(index)?, text)),
        Value::Object(fields) => fields
            .iter()
            .find_map(|(key, field)| find_text(field, spans.get(key)?, text)),
        _ => None,
    }
}

/// The `ui` key of `spec` (the first part of a nested one: `header` of `header.title`) that
/// `name` names: a class key written as a prop (`rounded: rounded-lg` for `ui.rounded`).
fn ui_key_named(spec: &ComponentSpec, name: &str) -> Option<&'static str> {
    spec.ui
        .iter()
        .map(|(key, _)| key.split('.').next().unwrap_or(key))
        .find(|key| key.eq_ignore_ascii_case(name))
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
