//! An object's or resource's description as HTML: its paragraphs (blank lines), its line
//! breaks kept, its URLs linked.
//!
//! The descriptions are plain text whose links are written out as `http://` or `https://`
//! URLs; finding those needs no more than the few lines below, so no link-finding crate.

use maud::{Markup, html};

/// `text` as paragraphs.
pub(super) fn paragraphs(text: &str) -> Markup {
    let normalised = text.replace("\r\n", "\n");
    let blocks: Vec<Vec<&str>> = normalised
        .split("\n\n")
        .map(|block| {
            block
                .lines()
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .collect::<Vec<_>>()
        })
        .filter(|lines| !lines.is_empty())
        .collect();
    html! {
        @for lines in &blocks {
            p {
                @for (index, line) in lines.iter().enumerate() {
                    @if index > 0 { br; }
                    (linked(line))
                }
            }
        }
    }
}

/// One line with its URLs linked.
fn linked(line: &str) -> Markup {
    let mut parts = Vec::new();
    let mut rest = line;
    while let Some(at) = ["https://", "http://"]
        .iter()
        .filter_map(|scheme| rest.find(scheme))
        .min()
    {
        let (before, from) = rest.split_at(at);
        let length = from
            .find(|c: char| c.is_whitespace() || "<>\"'".contains(c))
            .unwrap_or(from.len());
        // A sentence's punctuation after a URL is not part of it.
        let url = from[..length].trim_end_matches(['.', ',', ';', ':', ')', ']', '!', '?']);
        parts.push((before, None));
        parts.push((url, Some(url)));
        rest = &from[url.len()..];
    }
    parts.push((rest, None));
    html! {
        @for (text, url) in parts {
            @match url {
                Some(url) => a href=(url) rel="noopener" { (text) },
                None => (text),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_keep_line_breaks_and_link_urls() {
        let html = paragraphs(
            "First line\n  second <line>.\n\nSee https://example.org/spec.pdf, then http://x.y.",
        )
        .into_string();
        assert_eq!(
            html,
            "<p>First line<br>second &lt;line&gt;.</p><p>See <a href=\"https://example.org/spec.pdf\" rel=\"noopener\">https://example.org/spec.pdf</a>, then <a href=\"http://x.y\" rel=\"noopener\">http://x.y</a>.</p>"
        );
    }
}
