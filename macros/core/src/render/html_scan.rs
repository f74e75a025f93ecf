//! The URLs and ids in a rendered page, read back from its HTML.
//!
//! Checking the output rather than each place that writes a URL covers markdown links,
//! component props and authors' raw HTML alike. Hand-written: a linear scan of start tags is
//! all that is needed, and the HTML is our own output plus small raw snippets.

use std::borrow::Cow;
use std::ops::Range;

/// A URL attribute found in a start tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct UrlAttribute {
    /// Lower-case tag name (`a`, `img`, …).
    pub(crate) tag: String,
    /// Lower-case attribute name (`href`, `src`, …).
    pub(crate) attribute: String,
    /// The value, with character references decoded.
    pub(crate) value: String,
}

/// Whether the attribute `name` (lower case) holds a URL. A `matches!` rather than a list:
/// every attribute of every page is looked up.
pub(crate) fn is_url_attribute(name: &str) -> bool {
    matches!(
        name,
        "href"
            | "src"
            | "action"
            | "formaction"
            | "poster"
            | "data"
            | "cite"
            | "background"
            // SVG's links (`<svg><a xlink:href>`, `<use xlink:href>`).
            | "xlink:href"
    )
}

/// Every URL of `html`, in document order, with the byte range of `html` it is written in:
/// URL attributes, each candidate of a `srcset`, each `url()` of a `style`. A value with
/// character references has the whole value's range.
pub(crate) fn urls(html: &str) -> Vec<(UrlAttribute, Range<usize>)> {
    let mut found = Vec::new();
    for_each_attribute(html, |tag, name, value| {
        push_urls(html, tag, name, value, &mut found);
    });
    found
}

/// [`urls`] of `html` and its ids, in document order, read in one scan.
pub(crate) fn urls_and_ids(html: &str) -> (Vec<(UrlAttribute, Range<usize>)>, Vec<String>) {
    let (mut urls, mut ids) = (Vec::new(), Vec::new());
    for_each_attribute(html, |tag, name, value| match name {
        "id" => ids.push(crate::parse::decode_entities(&html[value])),
        _ => push_urls(html, tag, name, value, &mut urls),
    });
    (urls, ids)
}

/// Adds to `found` the URLs of the attribute `name` of a `tag` whose raw value is at `value`
/// in `html`.
fn push_urls(
    html: &str,
    tag: &str,
    name: &str,
    value: Range<usize>,
    found: &mut Vec<(UrlAttribute, Range<usize>)>,
) {
    let raw = &html[value.clone()];
    let holds_urls = match name {
        "srcset" => true,
        // A style's URLs are in `url(…)`, whose parenthesis may be written as a reference.
        "style" => memchr::memchr2(b'(', b'&', raw.as_bytes()).is_some(),
        _ => is_url_attribute(name),
    };
    if !holds_urls {
        return;
    }
    // Every character reference starts with `&`: without one the value is as written.
    let decoded = match memchr::memchr(b'&', raw.as_bytes()) {
        Some(_) => Cow::Owned(crate::parse::decode_entities(raw)),
        None => Cow::Borrowed(raw),
    };
    let verbatim = matches!(decoded, Cow::Borrowed(_)) || decoded == raw;
    for (url, range) in value_urls(name, &decoded) {
        let range = if verbatim {
            value.start + range.start..value.start + range.end
        } else {
            value.clone()
        };
        let attribute = UrlAttribute {
            tag: tag.to_string(),
            attribute: name.to_string(),
            value: url.to_string(),
        };
        found.push((attribute, range));
    }
}

/// The URLs the attribute `name` holds in its value `decoded` (character references decoded),
/// with their ranges in it: one for a URL attribute, each candidate of a `srcset`, each `url()`
/// of a `style`, none for other attributes.
pub(crate) fn value_urls<'a>(name: &str, decoded: &'a str) -> Vec<(&'a str, Range<usize>)> {
    match name {
        "srcset" => srcset_urls(decoded),
        "style" => style_urls(decoded),
        _ if is_url_attribute(name) => vec![(decoded, 0..decoded.len())],
        _ => Vec::new(),
    }
}

/// The URLs of a `srcset` value: each comma-separated candidate's first word.
fn srcset_urls(value: &str) -> Vec<(&str, Range<usize>)> {
    let mut found = Vec::new();
    let mut offset = 0;
    for candidate in value.split(',') {
        let lead = candidate.len() - candidate.trim_start().len();
        let url = candidate.split_whitespace().next().unwrap_or("");
        if !url.is_empty() {
            let start = offset + lead;
            found.push((url, start..start + url.len()));
        }
        offset += candidate.len() + 1;
    }
    found
}

/// The URLs of the `url(…)` functions of a `style` value, without their quotes.
fn style_urls(value: &str) -> Vec<(&str, Range<usize>)> {
    let mut found = Vec::new();
    // Most styles have no function at all, and no lower-case copy is needed to tell.
    if !value.contains('(') {
        return found;
    }
    let lower = value.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower[from..].find("url(") {
        let start = from + at + 4;
        let Some(length) = value[start..].find(')') else {
            break;
        };
        let inner = &value[start..start + length];
        let lead = inner.len() - inner.trim_start().len();
        let url = inner.trim().trim_matches(|c| c == '"' || c == '\'');
        let quote = usize::from(inner.trim_start().starts_with(['"', '\'']));
        let url_start = start + lead + quote;
        found.push((url, url_start..url_start + url.len()));
        from = start + length + 1;
    }
    found
}

/// What [`scan`] finds in a start tag, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Found<'a> {
    /// A start tag: its lower-case name, and the range of `<name`.
    Tag(&'a str, Range<usize>),
    /// One of its attributes: the tag's and its own lower-case names, the range of the name,
    /// and the range of the raw value (without quotes; empty, after the name, when it has none).
    Attribute {
        tag: &'a str,
        name: &'a str,
        name_range: Range<usize>,
        value: Range<usize>,
    },
}

/// Calls `visit` with the lower-case tag name, the lower-case attribute name and the byte range
/// of the raw value (without quotes) of every attribute of every start tag of `html`.
pub(crate) fn for_each_attribute(html: &str, mut visit: impl FnMut(&str, &str, Range<usize>)) {
    scan(html, |found| {
        if let Found::Attribute {
            tag, name, value, ..
        } = found
        {
            visit(tag, name, value);
        }
    });
}

/// Calls `visit` with every start tag of `html` and each of its attributes, as a browser
/// tokenizes them (comments skipped, `/` between attributes ignored).
pub(crate) fn scan(html: &str, mut visit: impl FnMut(Found<'_>)) {
    let offset = |rest: &str| html.len() - rest.len();
    // The lower-cased names, written into the same two buffers each time: every page is
    // scanned, and allocating a name per attribute was most of the scan's time.
    let (mut tag, mut name) = (String::new(), String::new());
    let lower_into = |buffer: &mut String, text: &str| {
        buffer.clear();
        buffer.push_str(text);
        buffer.make_ascii_lowercase();
    };
    let mut rest = html;
    while let Some(open) = memchr::memchr(b'<', rest.as_bytes()) {
        let tag_start = offset(rest) + open;
        rest = &rest[open + 1..];
        if rest.starts_with("!--") {
            rest = rest.find("-->").map_or("", |end| &rest[end + 3..]);
            continue;
        }
        let name_len = rest
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
            .count();
        if name_len == 0 {
            continue;
        }
        lower_into(&mut tag, &rest[..name_len]);
        rest = &rest[name_len..];
        visit(Found::Tag(&tag, tag_start..offset(rest)));
        loop {
            if let Some((name, value, after)) = written_as_the_compiler_writes(rest) {
                let at = offset(rest);
                visit(Found::Attribute {
                    tag: &tag,
                    name: &rest[name.clone()],
                    name_range: at + name.start..at + name.end,
                    value: at + value.start..at + value.end,
                });
                rest = after;
                continue;
            }
            rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
            let Some(first) = rest.chars().next() else {
                return;
            };
            if first == '>' {
                rest = &rest[1..];
                break;
            }
            let name_len = rest
                .bytes()
                .position(|b| b.is_ascii_whitespace() || matches!(b, b'=' | b'>' | b'/'))
                .unwrap_or(rest.len())
                .max(1);
            let name_start = offset(rest);
            lower_into(&mut name, &rest[..name_len]);
            rest = rest[name_len..].trim_start();
            let start = offset(rest);
            let mut value = start..start;
            if let Some(after) = rest.strip_prefix('=') {
                let after = after.trim_start();
                let (raw, remaining) = match after.chars().next() {
                    Some(quote @ ('"' | '\'')) => {
                        let body = &after[1..];
                        let end =
                            memchr::memchr(quote as u8, body.as_bytes()).unwrap_or(body.len());
                        (&body[..end], body.get(end + 1..).unwrap_or(""))
                    }
                    _ => {
                        let end = after
                            .find(|c: char| c.is_ascii_whitespace() || c == '>')
                            .unwrap_or(after.len());
                        (&after[..end], &after[end..])
                    }
                };
                // `raw` is a slice of `html`: its distance from the start is its offset.
                let start = raw.as_ptr() as usize - html.as_ptr() as usize;
                value = start..start + raw.len();
                rest = remaining;
            }
            visit(Found::Attribute {
                tag: &tag,
                name: &name,
                name_range: name_start..name_start + name_len,
                value,
            });
        }
    }
}

/// The attribute at the start of `text` when it is written as the compiler writes every one,
/// ` name="value"` (one space, a lower-case name, a double-quoted value): the ranges of its
/// name and value in `text`, and what follows it. The general steps of an HTML tokenizer
/// ([`scan`], the search's) read such an attribute the same way, but they are most of its time
/// on a page of code.
pub(crate) fn written_as_the_compiler_writes(
    text: &str,
) -> Option<(Range<usize>, Range<usize>, &str)> {
    let bytes = text.as_bytes();
    let name = bytes.strip_prefix(b" ")?;
    let name_len = name
        .iter()
        .position(|b| !matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'-' | b':'))?;
    if name_len == 0 || !name[name_len..].starts_with(b"=\"") {
        return None;
    }
    let value_start = 1 + name_len + 2;
    let value_end = value_start + memchr::memchr(b'"', &bytes[value_start..])?;
    Some((
        1..1 + name_len,
        value_start..value_end,
        &text[value_end + 1..],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_urls_and_ids_in_every_quoting_style() {
        let html = r#"<h3 id="dmso">x</h3><!-- <a href="/no"> --><a href="/a?b=1&amp;c=2#x" class=y>l</a><IMG SRC='/i.png' alt><img src=/j.png><p id=p>"#;
        let urls = urls(html);
        let values: Vec<(&str, &str, &str)> = urls
            .iter()
            .map(|(u, _)| (u.tag.as_str(), u.attribute.as_str(), u.value.as_str()))
            .collect();
        assert_eq!(
            values,
            [
                ("a", "href", "/a?b=1&c=2#x"),
                ("img", "src", "/i.png"),
                ("img", "src", "/j.png")
            ]
        );
        assert_eq!(&html[urls[1].1.clone()], "/i.png");
        assert_eq!(urls_and_ids(html), (urls, vec!["dmso".into(), "p".into()]));
    }

    #[test]
    fn attributes_written_as_the_compiler_writes_them_are_read_as_any_other() {
        // Each case in the compiler's form and in forms the general steps read.
        let cases = [
            (
                r#"<span style="--a:#1;--b:#2">x</span>"#,
                r#"<span  style = "--a:#1;--b:#2" >x</span>"#,
            ),
            (
                r#"<a href="/x" class="y" data-x="z">"#,
                r#"<a href='/x' CLASS="y" data-x=z>"#,
            ),
            (
                r#"<use xlink:href="/s.svg#i">"#,
                r#"<use xlink:href='/s.svg#i'>"#,
            ),
            (r#"<p id="" title="a'b">"#, r#"<p id='' title="a'b">"#),
        ];
        let events = |html: &str| {
            let mut seen = Vec::new();
            scan(html, |found| {
                if let Found::Attribute {
                    name,
                    name_range,
                    value,
                    ..
                } = found
                {
                    seen.push((
                        name.to_string(),
                        html[name_range].to_ascii_lowercase(),
                        html[value].to_string(),
                    ));
                }
            });
            seen
        };
        for (compiler, general) in cases {
            assert_eq!(events(compiler), events(general), "{compiler}");
            assert!(!events(compiler).is_empty());
        }
        assert!(written_as_the_compiler_writes(r#" style="a">"#).is_some());
        // Unfinished: the value runs to the end, as the general steps read it.
        assert_eq!(
            events(r#"<p title="x"#),
            [("title".into(), "title".into(), "x".into())]
        );
    }

    #[test]
    fn finds_the_urls_of_srcset_and_style() {
        let html = r#"<img srcset="/a.png 1x, /b.png 2x" src="/c.png"><div style="background:url('/d.png') no-repeat, URL( /e.png )">"#;
        let urls = urls(html);
        let found: Vec<(&str, &str)> = urls
            .iter()
            .map(|(u, range)| (u.attribute.as_str(), &html[range.clone()]))
            .collect();
        assert_eq!(
            found,
            [
                ("srcset", "/a.png"),
                ("srcset", "/b.png"),
                ("src", "/c.png"),
                ("style", "/d.png"),
                ("style", "/e.png")
            ]
        );
    }
}
