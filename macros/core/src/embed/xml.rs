//! Text for the XML the build writes (the sitemap, the news feed), written by hand rather than
//! through an XML crate: the documents are small and flat, and the compiler runs inside a
//! proc-macro, where every dependency adds to the build of each crate using it.

/// `text` as XML character data or an attribute value: its five special characters escaped,
/// and the characters XML 1.0 cannot hold at all (most C0 controls, U+FFFE, U+FFFF) replaced by
/// U+FFFD, so that no page's text can make the document ill-formed.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            '\t' | '\n' | '\r' => escaped.push(c),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => escaped.push('\u{fffd}'),
            _ => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_replaces_what_xml_cannot_hold() {
        assert_eq!(
            escape("<a href=\"x?a=1&b='2'\">\u{c}\t\u{ffff}é</a>"),
            "&lt;a href=&quot;x?a=1&amp;b=&apos;2&apos;&quot;&gt;\u{fffd}\t\u{fffd}é&lt;/a&gt;"
        );
    }
}
