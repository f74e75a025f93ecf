//! Writing HTML by hand where tags carry attributes known only at run time (maud's `html!`
//! needs attribute names at compile time).

/// Appends `text`, escaped for HTML text and attribute values, as maud escapes (`&`, `<`, `>`
/// and `"`).
pub fn escape_into(out: &mut String, text: &str) {
    // htmlize's escaping gives maud's entities and copies the text between them a run at a
    // time, where maud's pushes every byte: code blocks are escaped a token at a time.
    out.push_str(&htmlize::escape_attribute(text));
}

/// Appends `<tag a="v" …>`; attributes with a `None` value are left out. An empty value is
/// written `a=""`, which HTML reads as a present boolean attribute and as an empty `alt`.
pub fn open_tag<'a>(
    out: &mut String,
    tag: &str,
    attributes: impl IntoIterator<Item = (&'a str, Option<&'a str>)>,
) {
    out.push('<');
    out.push_str(tag);
    for (name, value) in attributes {
        let Some(value) = value else { continue };
        if !is_attribute_name(name) {
            continue;
        }
        out.push(' ');
        out.push_str(name);
        out.push_str("=\"");
        escape_into(out, value);
        out.push('"');
    }
    out.push('>');
}

/// Names an author may give are written only when they are valid HTML attribute names.
pub fn is_attribute_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.' | b'@'))
        && name
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_' || b == b':' || b == b'@')
}

/// Whether `url` leaves the site (absolute http or https).
pub fn is_external(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// The `rel` of a link: `nofollow` for external links, plus `noopener noreferrer` when it
/// opens a new tab; none for internal links.
pub fn link_rel(url: &str, target: Option<&str>) -> Option<&'static str> {
    match (is_external(url), target) {
        (false, _) => None,
        (true, Some("_blank")) => Some("nofollow noopener noreferrer"),
        (true, _) => Some("nofollow"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_as_maud_escapes_it() {
        for text in [
            "",
            "plain",
            "<script>a && b</script>",
            "\"q\" 'a' &amp; é < >",
            "&",
        ] {
            let mut ours = String::new();
            escape_into(&mut ours, text);
            assert_eq!(ours, maud::html! { (text) }.into_string(), "{text:?}");
        }
    }

    #[test]
    fn attributes_are_escaped_and_filtered() {
        let mut out = String::new();
        open_tag(
            &mut out,
            "a",
            [
                ("href", Some("/x?a=1&b=\"2\"")),
                ("skip", None),
                ("download", Some("")),
                ("on\"x", Some("y")),
            ],
        );
        assert_eq!(out, "<a href=\"/x?a=1&amp;b=&quot;2&quot;\" download=\"\">");
    }

    #[test]
    fn rel_follows_the_site_rule() {
        assert_eq!(
            link_rel("https://x.org", Some("_blank")),
            Some("nofollow noopener noreferrer")
        );
        assert_eq!(link_rel("HTTP://x.org", None), Some("nofollow"));
        assert_eq!(link_rel("/omaspecworks/about", Some("_blank")), None);
        assert_eq!(link_rel("#dmso", None), None);
    }
}
