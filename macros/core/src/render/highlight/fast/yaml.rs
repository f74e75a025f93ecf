//! YAML as Shiki's grammar colours it: block mappings and sequences of plain, quoted and
//! block scalars, one-line flow sequences, comments. Anchors, tags, flow mappings, documents,
//! keys that are not plain words and scalars that continue on the next line are left to
//! giallo.

use super::{Class, Cursor, Line};

/// The lines of a YAML document.
pub(super) fn lines(code: &str) -> Option<Vec<Line<'_>>> {
    let mut yaml = Yaml::default();
    code.split('\n').map(|line| yaml.line(line)).collect()
}

/// What the lines before tell of the next one.
#[derive(Debug, Default)]
pub(super) struct Yaml {
    /// Inside a block scalar (`|`, `>`): its key's column, and its text's indentation once
    /// its first line has told it.
    block_scalar: Option<(usize, Option<usize>)>,
    /// After a scalar on its key's line: a line indented more than this would continue it.
    deepest: Option<usize>,
}

impl Yaml {
    /// Whether a line indented `indent` spaces could be the text of a block scalar.
    pub(super) fn takes_as_text(&self, indent: usize) -> bool {
        match self.block_scalar {
            // Before its first line of text, the grammar takes even a props block's `---`.
            Some((_, None)) => true,
            Some((parent, Some(text_indent))) => indent >= text_indent || indent > parent,
            None => false,
        }
    }

    /// The tokens of the next line.
    pub(super) fn line<'a>(&mut self, text: &'a str) -> Option<Line<'a>> {
        let mut cursor = Cursor::new(text);
        if text.is_empty() {
            // The grammar ends a block scalar whose first line is empty.
            if matches!(self.block_scalar, Some((_, None))) {
                self.block_scalar = None;
            }
            return Some(cursor.done());
        }
        let indent = text.len() - text.trim_start_matches(' ').len();
        if let Some((parent, text_indent)) = self.block_scalar {
            // Lines between the key's column and the text's are where the grammar's idea of
            // the text's indentation could differ from the one here.
            match text_indent {
                None if indent > parent => {
                    self.block_scalar = Some((parent, Some(indent)));
                    cursor.rest_of_line(Class::String);
                    return Some(cursor.done());
                }
                Some(text_indent) if indent >= text_indent => {
                    cursor.rest_of_line(Class::String);
                    return Some(cursor.done());
                }
                Some(_) if indent <= parent => self.block_scalar = None,
                _ => return None,
            }
        }
        if self.deepest.take().is_some_and(|deepest| indent > deepest) {
            return None;
        }
        if text == "---" {
            cursor.rest_of_line(Class::Function);
            return Some(cursor.done());
        }
        cursor.spaces();
        if cursor.rest().starts_with('#') {
            cursor.rest_of_line(Class::Comment);
            return Some(cursor.done());
        }
        let item = match cursor.rest().as_bytes() {
            [b'-'] => {
                cursor.take(1, Class::Plain);
                return Some(cursor.done());
            }
            [b'-', b' ', ..] => {
                cursor.take(1, Class::Plain);
                cursor.spaces();
                true
            }
            _ => false,
        };
        let column = cursor.at;
        match key_length(cursor.rest()) {
            Some(len) => {
                let class = scalar_class(&cursor.rest()[..len])?;
                cursor.take(
                    len,
                    if class == Class::String {
                        Class::Tag
                    } else {
                        class
                    },
                );
                cursor.take(1, Class::Plain);
                if cursor.rest().is_empty() {
                    return Some(cursor.done());
                }
                cursor.spaces();
                // A block scalar's text is told by its indentation, which a sequence item's
                // key would make another column's.
                if item && matches!(cursor.rest().as_bytes().first(), Some(b'|' | b'>')) {
                    return None;
                }
                self.value(&mut cursor, column)?;
            }
            None if item => self.value(&mut cursor, indent)?,
            None => return None,
        }
        Some(cursor.done())
    }

    /// A key's value, or a sequence item's: `column` is the key's, or the item's line's
    /// indentation; lines indented more would continue the value.
    fn value(&mut self, cursor: &mut Cursor<'_>, column: usize) -> Option<()> {
        let rest = cursor.rest();
        match rest.as_bytes().first()? {
            b'"' | b'\'' => quoted(cursor, b"")?,
            b'|' | b'>' => {
                let len = match rest.as_bytes().get(1) {
                    Some(b'-' | b'+') => 2,
                    _ => 1,
                };
                if rest.len() != len {
                    return None;
                }
                cursor.take(len, Class::Keyword);
                self.block_scalar = Some((column, None));
                return Some(());
            }
            b'[' => flow_sequence(cursor)?,
            b'{' | b'&' | b'*' | b'!' | b'%' | b'@' | b'`' | b',' | b']' | b'}' | b'?' | b':'
            | b'-' | b'#' => return None,
            _ => {
                let len = rest.find(" #").unwrap_or(rest.len());
                let scalar = &rest[..len];
                if scalar.contains(": ") || scalar.ends_with(':') || scalar.ends_with(' ') {
                    return None;
                }
                cursor.take(len, scalar_class(scalar)?);
            }
        }
        comment(cursor)?;
        self.deepest = Some(column);
        Some(())
    }
}

/// The length of the plain key the text starts with, up to its `:` (followed by a space or
/// the line's end).
fn key_length(text: &str) -> Option<usize> {
    let len = text
        .bytes()
        .position(|byte| !(byte.is_ascii_alphanumeric() || b"_-./".contains(&byte)))
        .unwrap_or(text.len());
    let key = &text[..len];
    let starts_well = key
        .bytes()
        .next()
        .is_some_and(|byte| byte.is_ascii_alphanumeric() || byte == b'_');
    let ends_well = matches!(
        text.as_bytes().get(len..),
        Some([b':']) | Some([b':', b' ', ..])
    );
    (starts_well && ends_well).then_some(len)
}

/// What is left of a line after a value: nothing, or spaces and a comment.
fn comment(cursor: &mut Cursor<'_>) -> Option<()> {
    if cursor.rest().is_empty() {
        return Some(());
    }
    if cursor.spaces() == 0 || !cursor.rest().starts_with('#') {
        return None;
    }
    cursor.rest_of_line(Class::Comment);
    Some(())
}

/// A quoted scalar on one line, its escapes told apart; `ends` are the bytes that may follow
/// it besides spaces and a comment.
fn quoted(cursor: &mut Cursor<'_>, ends: &[u8]) -> Option<()> {
    let bytes = cursor.rest().as_bytes();
    let quote = bytes[0];
    cursor.take(1, Class::String);
    let mut run = 0;
    loop {
        let bytes = &cursor.rest().as_bytes()[run..];
        match (quote, bytes) {
            (b'\'', [b'\'', b'\'', ..]) => {
                cursor.take(run, Class::String);
                cursor.take(2, Class::Constant);
                run = 0;
            }
            (b'"', [b'\\', escaped, ..]) => {
                if !b"\\\"nt/".contains(escaped) {
                    return None;
                }
                cursor.take(run, Class::String);
                cursor.take(2, Class::Constant);
                run = 0;
            }
            (_, [closing, ..]) if *closing == quote => {
                cursor.take(run + 1, Class::String);
                break;
            }
            (_, [_, ..]) => run += 1,
            (_, []) => return None,
        }
    }
    match cursor.rest().as_bytes().first() {
        None | Some(b' ') => Some(()),
        Some(byte) if ends.contains(byte) => Some(()),
        Some(_) => None,
    }
}

/// `[a, 1, "b"]` on one line.
fn flow_sequence(cursor: &mut Cursor<'_>) -> Option<()> {
    cursor.take(1, Class::Plain);
    cursor.spaces();
    if cursor.rest().starts_with(']') {
        cursor.take(1, Class::Plain);
        return Some(());
    }
    loop {
        match cursor.rest().as_bytes().first()? {
            b'"' | b'\'' => quoted(cursor, b",]")?,
            _ => {
                let rest = cursor.rest();
                let len = rest.find([',', ']'])?;
                let item = &rest[..len];
                if item.is_empty()
                    || item.ends_with(' ')
                    || item.contains([':', '#', '[', '{', '}', '"', '\''])
                    || item.starts_with(['&', '*', '!', '-', '?', '|', '>', '%', '@', '`'])
                {
                    return None;
                }
                cursor.take(len, scalar_class(item)?);
            }
        }
        match cursor.rest().as_bytes().first()? {
            b',' => {
                cursor.take(1, Class::Plain);
                if cursor.spaces() == 0 {
                    return None;
                }
            }
            b']' => {
                cursor.take(1, Class::Plain);
                return Some(());
            }
            _ => return None,
        }
    }
}

/// The words Shiki's YAML grammar reads as constants: booleans, null, and the value and
/// merge keys.
fn is_constant_word(word: &str) -> bool {
    matches!(
        word,
        "=" | "<<"
            | "y"
            | "Y"
            | "yes"
            | "Yes"
            | "YES"
            | "n"
            | "N"
            | "no"
            | "No"
            | "NO"
            | "true"
            | "True"
            | "TRUE"
            | "false"
            | "False"
            | "FALSE"
            | "on"
            | "On"
            | "ON"
            | "off"
            | "Off"
            | "OFF"
            | "null"
            | "Null"
            | "NULL"
            | "~"
    )
}

/// A plain scalar's colour: a constant for the booleans, null, numbers and dates the grammar
/// knows, a string otherwise; `None` for what could be one of the grammar's many other
/// forms of numbers and times (`1_000`, `0x1F`, `10:30`, `1.0.0`) and is not one of the
/// forms checked here.
fn scalar_class(scalar: &str) -> Option<Class> {
    if is_constant_word(scalar) {
        return Some(Class::Constant);
    }
    let first = scalar.bytes().next()?;
    let numeric = |byte: u8| byte.is_ascii_hexdigit() || b" .:_+-xXoOtTzZnNiI".contains(&byte);
    if !(first.is_ascii_digit() || b"+-.".contains(&first)) || !scalar.bytes().all(numeric) {
        return Some(Class::String);
    }
    let unsigned = scalar.strip_prefix(['-', '+']).unwrap_or(scalar);
    let digits = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    let integer = digits(unsigned) && (unsigned == "0" || !unsigned.starts_with('0'));
    let decimal = unsigned
        .split_once('.')
        .is_some_and(|(whole, fraction)| digits(whole) && digits(fraction));
    let date = scalar.len() == 10
        && scalar.bytes().enumerate().all(|(at, byte)| match at {
            4 | 7 => byte == b'-',
            _ => byte.is_ascii_digit(),
        });
    (integer || decimal || date).then_some(Class::Constant)
}
