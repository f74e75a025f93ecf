//! MDC as Shiki's `mdc` grammar colours it: block components with their attributes and YAML
//! props, ATX headings, and paragraphs of text with bold, italic, code, links, images and
//! inline components. Lists, quotes, tables, HTML, fences, slots, escapes and emphasis
//! that nests are left to giallo.

use super::yaml::Yaml;
use super::{Class, Cursor, Line};

/// The lines of an MDC document.
pub(super) fn lines(code: &str) -> Option<Vec<Line<'_>>> {
    let mut state = State::First;
    // How many components are open around the line.
    let mut open = 0;
    let mut lines = Vec::new();
    for text in code.split('\n') {
        let mut cursor = Cursor::new(text);
        let trimmed = text.trim_start_matches(' ');
        let indent = text.len() - trimmed.len();
        state = match state {
            State::Props(yaml, front_matter)
                if trimmed == "---" && (!front_matter || indent == 0) =>
            {
                if yaml.takes_as_text(indent) {
                    return None;
                }
                cursor.rest_of_line(Class::Plain);
                State::Start
            }
            State::Props(mut yaml, front_matter) => {
                lines.push(yaml.line(text)?);
                state = State::Props(yaml, front_matter);
                continue;
            }
            State::Opened if trimmed == "---" => {
                cursor.rest_of_line(Class::Plain);
                State::Props(Yaml::default(), false)
            }
            State::First if text == "---" => {
                cursor.rest_of_line(Class::Plain);
                State::Props(Yaml::default(), true)
            }
            _ if trimmed.is_empty() => State::Start,
            // A line four spaces in continues a paragraph, as text.
            State::Paragraph if indent > 3 && trimmed.bytes().all(|byte| byte == b':') => {
                cursor.rest_of_line(Class::Plain);
                State::Paragraph
            }
            State::Paragraph if indent > 3 && trimmed.starts_with(['#', ':']) => return None,
            _ if trimmed.starts_with("::") => {
                cursor.spaces();
                block_component(&mut cursor, &mut open)?
            }
            _ if trimmed.starts_with('#') => {
                heading(&mut cursor, indent)?;
                State::Paragraph
            }
            _ => {
                cursor.spaces();
                paragraph_line(&mut cursor)?;
                State::Paragraph
            }
        };
        lines.push(cursor.done());
    }
    // Props never closed are read otherwise by the grammar.
    match state {
        State::Props(..) => None,
        _ => Some(lines),
    }
}

/// What the lines before tell of the next one.
enum State {
    /// At the first line, where `---` opens the document's front matter.
    First,
    /// At the start, or after a blank line or the end of a component or its props.
    Start,
    /// Right after a block component's line: `---` opens its props.
    Opened,
    /// In a paragraph, which a line four spaces in continues.
    Paragraph,
    /// In a component's YAML props, or the document's front matter (`true`), up to `---`.
    Props(Yaml, bool),
}

/// `::Name{attributes}` opening a block component, or colons closing the innermost one
/// (whatever their number, as the grammar reads them).
fn block_component(cursor: &mut Cursor<'_>, open: &mut usize) -> Option<State> {
    let colons = cursor.rest().len() - cursor.rest().trim_start_matches(':').len();
    cursor.take(colons, Class::Plain);
    if cursor.rest().is_empty() {
        // Colons that close nothing are a paragraph's text.
        return Some(match open.checked_sub(1) {
            Some(left) => {
                *open = left;
                State::Start
            }
            None => State::Paragraph,
        });
    }
    let name = name_length(cursor.rest(), |byte| {
        byte.is_ascii_alphabetic() || byte == b'-'
    })?;
    cursor.take(name, Class::Tag);
    if cursor.rest().starts_with('{') {
        attributes(cursor)?;
    }
    *open += 1;
    cursor.rest().is_empty().then_some(State::Opened)
}

/// The length of a component's name at the start of `text`: a letter, then letters or
/// what `more` allows; at least two characters (one letter is not a name to the grammar).
fn name_length(text: &str, more: impl Fn(u8) -> bool) -> Option<usize> {
    let bytes = text.as_bytes();
    if !bytes.first()?.is_ascii_alphabetic() {
        return None;
    }
    let len = bytes
        .iter()
        .position(|&byte| !more(byte))
        .unwrap_or(bytes.len());
    (len >= 2).then_some(len)
}

/// `{#id .class name="value" name='value' flag}`.
fn attributes(cursor: &mut Cursor<'_>) -> Option<()> {
    cursor.take(1, Class::Plain);
    loop {
        cursor.spaces();
        let rest = cursor.rest();
        if rest.starts_with('}') {
            cursor.take(1, Class::Plain);
            return Some(());
        }
        let sigil = usize::from(rest.starts_with([':', '.', '#']));
        let name = sigil
            + name_length(&rest[sigil..], |byte| {
                byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_'
            })?;
        cursor.take(name, Class::Function);
        if cursor.rest().starts_with('=') {
            cursor.take(1, Class::Plain);
            let rest = cursor.rest();
            match rest.as_bytes().first()? {
                b'"' => {
                    let len = rest[1..].find('"')?;
                    if rest[1..1 + len].contains('\\') {
                        return None;
                    }
                    cursor.take(1, Class::String);
                    cursor.take(len, Class::String);
                    cursor.take(1, Class::String);
                }
                // The grammar reads no quote in `'…'`, but names (and `=` in it as
                // between a name and its value), all an attribute's name's colour.
                b'\'' => {
                    let len = rest[1..].find('\'')? + 2;
                    if rest[..len].contains('=') {
                        return None;
                    }
                    cursor.take(len, Class::Function);
                }
                _ => return None,
            }
        }
        if !cursor.rest().starts_with([' ', '}']) {
            return None;
        }
    }
}

/// `## Heading` of plain text, at most three spaces in.
fn heading(cursor: &mut Cursor<'_>, indent: usize) -> Option<()> {
    let rest = cursor.rest().trim_start_matches(' ');
    let level = rest.len() - rest.trim_start_matches('#').len();
    let text = &rest[level..];
    if indent > 3 || level > 6 || !text.starts_with(' ') || text.ends_with('#') {
        return None;
    }
    if !plain(text) {
        return None;
    }
    cursor.spaces();
    cursor.rest_of_line(Class::Heading);
    Some(())
}

/// Whether `byte` may start inline markup, which plain text runs stop at.
fn special(byte: u8) -> bool {
    matches!(
        byte,
        b'*' | b'`'
            | b'['
            | b']'
            | b'!'
            | b':'
            | b'{'
            | b'}'
            | b'<'
            | b'>'
            | b'&'
            | b'\\'
            | b'_'
            | b'|'
            | b'~'
    )
}

/// Whether `text` holds no inline markup.
fn plain(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes
        .iter()
        .enumerate()
        .all(|(at, &byte)| !special(byte) || byte == b':' && plain_colon(&bytes[at..]))
}

/// Whether the colon `text` starts with is text: at the end, or before a space or a slash;
/// before anything else the grammar may read an inline component.
fn plain_colon(text: &[u8]) -> bool {
    matches!(text.get(1), None | Some(b' ' | b'/'))
}

/// A line of a paragraph, after its indentation.
fn paragraph_line(cursor: &mut Cursor<'_>) -> Option<()> {
    let rest = cursor.rest().as_bytes();
    // What could start a list, a quote, a table, a fence, a setext underline or HTML.
    let first = *rest.first()?;
    if b"-+>|<=~#".contains(&first) || first.is_ascii_digit() || rest.starts_with(b"* ") {
        return None;
    }
    let mut run = 0;
    loop {
        let rest = &cursor.rest().as_bytes()[run..];
        let Some(&byte) = rest.first() else {
            cursor.take(run, Class::Plain);
            return Some(());
        };
        if !special(byte) || byte == b'!' && rest.get(1) != Some(&b'[') {
            run += 1;
            continue;
        }
        if byte == b':' && plain_colon(rest) {
            run += 1;
            continue;
        }
        // After a space in text or at the line's start; not after a space that follows
        // other markup.
        let before = &cursor.line[cursor.at..cursor.at + run];
        let after_space = before.trim_start_matches(' ').ends_with(' ')
            || cursor.line[..cursor.at + run]
                .trim_start_matches(' ')
                .is_empty();
        cursor.take(run, Class::Plain);
        run = 0;
        match byte {
            b'*' => emphasis(cursor)?,
            b'`' => code(cursor)?,
            b'[' | b'!' => link(cursor)?,
            b':' if after_space => inline_component(cursor)?,
            _ => return None,
        }
    }
}

/// `**bold**` or `*italic*` of plain text on one line.
fn emphasis(cursor: &mut Cursor<'_>) -> Option<()> {
    let rest = cursor.rest();
    let (marker, class) = match rest.starts_with("**") {
        true => ("**", Class::Bold),
        false => ("*", Class::Italic),
    };
    let inner = &rest[marker.len()..];
    let len = inner.find(marker)?;
    let text = &inner[..len];
    let after = inner[len + marker.len()..].bytes().next();
    // Where the grammar's rules for what may open and close emphasis are known to agree
    // with these: a letter or digit inside each end, or punctuation before a space.
    let ends_well = text.bytes().next_back().is_some_and(|last| {
        last.is_ascii_alphanumeric()
            || b".,;:!?".contains(&last) && matches!(after, None | Some(b' '))
    });
    if !text
        .bytes()
        .next()
        .is_some_and(|first| first.is_ascii_alphanumeric())
        || !ends_well
        || !plain(text)
        || !matches!(
            after,
            None | Some(b' ' | b'.' | b',' | b';' | b':' | b'!' | b'?' | b')')
        ) && !after.is_some_and(|byte| byte.is_ascii_alphanumeric())
    {
        return None;
    }
    cursor.take(marker.len(), class);
    cursor.take(len, class);
    cursor.take(marker.len(), class);
    Some(())
}

/// `` `code` ``, with one backtick each side.
fn code(cursor: &mut Cursor<'_>) -> Option<()> {
    let inner = &cursor.rest()[1..];
    let len = inner.find('`')?;
    if len == 0 || inner[len + 1..].starts_with('`') {
        return None;
    }
    cursor.take(1, Class::Constant);
    cursor.take(len, Class::Constant);
    cursor.take(1, Class::Constant);
    Some(())
}

/// `[text](url)` or `![alt](url)`, of plain text and a URL without spaces.
fn link(cursor: &mut Cursor<'_>) -> Option<()> {
    let rest = cursor.rest();
    let open = if rest.starts_with('!') { 2 } else { 1 };
    let text = rest[open..].find(']')?;
    let label = &rest[open..open + text];
    let after = &rest[open + text + 1..];
    let url = after.strip_prefix('(')?.find(')')?;
    let target = &after[1..1 + url];
    if label.is_empty()
        || label.starts_with(' ')
        || label.ends_with(' ')
        || !plain(label)
        || label.contains('"')
        || target.is_empty()
        || target.contains([' ', '(', '<', '\'', '*', '`'])
        || after[url + 2..].starts_with(['{', '(', '['])
    {
        return None;
    }
    cursor.take(open, Class::Plain);
    cursor.take(text, Class::LinkText);
    cursor.take(2, Class::Plain);
    cursor.take(url, Class::LinkUrl);
    cursor.take(1, Class::Plain);
    Some(())
}

/// `:name` or `:name{attributes}` after a space or at a line's start.
fn inline_component(cursor: &mut Cursor<'_>) -> Option<()> {
    let name = name_length(&cursor.rest()[1..], |byte| {
        byte.is_ascii_lowercase() || byte == b'-'
    })?;
    let after = cursor.rest().as_bytes().get(1 + name);
    if !matches!(after, None | Some(b' ' | b'{')) {
        return None;
    }
    cursor.take(1, Class::Plain);
    cursor.take(name, Class::Tag);
    if after == Some(&b'{') {
        attributes(cursor)?;
        if !matches!(cursor.rest().as_bytes().first(), None | Some(b' ')) {
            return None;
        }
    }
    Some(())
}
