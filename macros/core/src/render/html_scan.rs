//! The URLs and ids in a rendered page, read back from its HTML.
//!
//! Checking the output rather than each place that writes a URL covers markdown links,
//! component props and authors' raw HTML alike. Hand-written: a linear scan of start tags is
//! all that is needed, and the HTML is our own output plus small raw snippets.

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

/// Attributes that hold a URL.
pub(crate) const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "poster",
    "data",
    "cite",
    "background",
];

/// Every URL attribute and every `id` of `html`, in document order.
pub(crate) fn scan(html: &str) -> (Vec<UrlAttribute>, Vec<String>) {
    let mut urls = Vec::new();
    let mut ids = Vec::new();
    let decoded = |value: Range<usize>| crate::parse::decode_entities(&html[value]);
    for_each_attribute(html, |tag, name, value| {
        if name == "id" {
            ids.push(decoded(value));
        } else if URL_ATTRIBUTES.contains(&name) {
            urls.push(UrlAttribute {
                tag: tag.to_string(),
                attribute: name.to_string(),
                value: decoded(value),
            });
        }
    });
    (urls, ids)
}

/// Calls `visit` with the lower-case tag name, the lower-case attribute name and the byte range
/// of the raw value (without quotes) of every attribute of every start tag of `html`.
pub(crate) fn for_each_attribute(html: &str, mut visit: impl FnMut(&str, &str, Range<usize>)) {
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
    while let Some(open) = rest.find('<') {
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
        loop {
            rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
            let Some(first) = rest.chars().next() else {
                return;
            };
            if first == '>' {
                rest = &rest[1..];
                break;
            }
            let name_len = rest
                .find(|c: char| c.is_ascii_whitespace() || matches!(c, '=' | '>' | '/'))
                .unwrap_or(rest.len())
                .max(1);
            lower_into(&mut name, &rest[..name_len]);
            rest = rest[name_len..].trim_start();
            let start = offset(rest);
            let mut value = start..start;
            if let Some(after) = rest.strip_prefix('=') {
                let after = after.trim_start();
                let (raw, remaining) = match after.chars().next() {
                    Some(quote @ ('"' | '\'')) => {
                        let body = &after[1..];
                        let end = body.find(quote).unwrap_or(body.len());
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
            visit(&tag, &name, value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_urls_and_ids_in_every_quoting_style() {
        let html = r#"<h3 id="dmso">x</h3><!-- <a href="/no"> --><a href="/a?b=1&amp;c=2#x" class=y>l</a><IMG SRC='/i.png' alt><img src=/j.png><p id=p>"#;
        let (urls, ids) = scan(html);
        let values: Vec<(&str, &str, &str)> = urls
            .iter()
            .map(|u| (u.tag.as_str(), u.attribute.as_str(), u.value.as_str()))
            .collect();
        assert_eq!(
            values,
            [
                ("a", "href", "/a?b=1&c=2#x"),
                ("img", "src", "/i.png"),
                ("img", "src", "/j.png")
            ]
        );
        assert_eq!(ids, ["dmso", "p"]);
    }
}
