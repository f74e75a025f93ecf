//! Front matter as static data: the YAML of a page's header, typed, in the binary.

/// A front-matter value, as YAML (through JSON's data model) gives it.
///
/// ```
/// use site::Value;
///
/// static FRONT_MATTER: Value = Value::Object(&[
///     ("title", Value::String("About")),
///     ("tags", Value::Array(&[Value::String("lwm2m")])),
/// ]);
/// assert_eq!(FRONT_MATTER.get("title").and_then(Value::as_str), Some("About"));
/// assert_eq!(FRONT_MATTER.get("tags").and_then(Value::as_array).map(<[_]>::len), Some(1));
/// assert!(FRONT_MATTER.get("missing").is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    /// `null`, `~` or an empty value.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    String(&'static str),
    /// A sequence.
    Array(&'static [Value]),
    /// A mapping, its keys in the order written.
    Object(&'static [(&'static str, Value)]),
}

impl Value {
    /// The value of `key`, when this is a mapping that has it.
    pub fn get(&self, key: &str) -> Option<&'static Value> {
        self.as_object()?
            .iter()
            .find(|(name, _)| *name == key)
            .map(|(_, value)| value)
    }

    /// The string, when this is one.
    pub fn as_str(&self) -> Option<&'static str> {
        match *self {
            Value::String(text) => Some(text),
            _ => None,
        }
    }

    /// The boolean, when this is one.
    pub fn as_bool(&self) -> Option<bool> {
        match *self {
            Value::Bool(flag) => Some(flag),
            _ => None,
        }
    }

    /// The number, when this is one.
    pub fn as_f64(&self) -> Option<f64> {
        match *self {
            Value::Number(number) => Some(number),
            _ => None,
        }
    }

    /// The items, when this is a sequence.
    pub fn as_array(&self) -> Option<&'static [Value]> {
        match *self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The entries, when this is a mapping.
    pub fn as_object(&self) -> Option<&'static [(&'static str, Value)]> {
        match *self {
            Value::Object(entries) => Some(entries),
            _ => None,
        }
    }
}
