//! Root-relative URLs of the output, rewritten: page links in their canonical form (no
//! trailing slash, which would cost visitors a redirect), and everything under the path a site
//! is mounted at (`/docs`), so the pages link to each other and to their assets where served.

use super::html_scan::{UrlAttribute, for_each_attribute, is_url_attribute};
use std::ops::Range;

/// `html` with `base` (`/docs`) put before every root-relative URL: in URL attributes, in
/// `srcset` candidates and in `url(…)` of `style` attributes. Protocol-relative URLs (`//host`)
/// are left alone.
pub fn prefix_root_urls(html: &str, base: &str) -> String {
    let mut insertions = Vec::new();
    for_each_attribute(html, |_, name, value| {
        let raw = &html[value.clone()];
        let at = |offset: usize| value.start + offset;
        if is_url_attribute(name) {
            if is_root_relative(raw) {
                insertions.push(at(0));
            }
        } else if name == "srcset" {
            let mut offset = 0;
            for candidate in raw.split(',') {
                let leading = candidate.len() - candidate.trim_start().len();
                if is_root_relative(candidate.trim_start()) {
                    insertions.push(at(offset + leading));
                }
                offset += candidate.len() + 1;
            }
        } else if name == "style" {
            insertions.extend(css_root_urls(raw).into_iter().map(at));
        }
    });
    insert_at(html, &insertions, base)
}

/// `html` with the trailing slash of every root-relative link (`<a href="/a/b/#x">`) removed:
/// the canonical URL of the page, which the server answers without a `308`. `urls` are those
/// of `html` ([`urls`](super::html_scan::urls)), which the renderer has read already.
pub(crate) fn canonical_page_links(html: String, urls: &[(UrlAttribute, Range<usize>)]) -> String {
    let links = urls
        .iter()
        .filter(|(url, _)| url.tag == "a" && url.attribute == "href");
    let slashes = links.filter_map(|(_, range)| {
        // The value as written: a link's range is its whole value.
        let raw = &html[range.clone()];
        let path = raw.split(['?', '#']).next().unwrap_or(raw);
        let trailing = is_root_relative(raw) && path.len() > 1 && path.ends_with('/');
        trailing.then(|| range.start + path.len() - 1)
    });
    let slashes: Vec<usize> = slashes.collect();
    // Most pages have none: their body is kept as it is, not copied.
    if slashes.is_empty() {
        return html;
    }
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    for at in slashes {
        out.push_str(&html[copied..at]);
        copied = at + 1;
    }
    out.push_str(&html[copied..]);
    out
}

/// `css` with `base` put before every root-relative `url(…)`.
pub(crate) fn prefix_css_urls(css: &str, base: &str) -> String {
    insert_at(css, &css_root_urls(css), base)
}

/// `text` with `insertion` at each of the ascending byte offsets `at`.
fn insert_at(text: &str, at: &[usize], insertion: &str) -> String {
    let mut out = String::with_capacity(text.len() + at.len() * insertion.len());
    let mut copied = 0;
    for &offset in at {
        out.push_str(&text[copied..offset]);
        out.push_str(insertion);
        copied = offset;
    }
    out.push_str(&text[copied..]);
    out
}

/// The offsets in `css` where a root-relative `url(…)` starts (after any quote).
fn css_root_urls(css: &str) -> Vec<usize> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(open) = css[from..].find("url(") {
        let mut start = from + open + "url(".len();
        let rest = &css[start..];
        let trimmed = rest.trim_start_matches([' ', '\'', '"']);
        start += rest.len() - trimmed.len();
        if is_root_relative(trimmed) {
            found.push(start);
        }
        from = start;
    }
    found
}

/// Whether `url` is a path on this site's host: `/x`, but not `//host/x`.
fn is_root_relative(url: &str) -> bool {
    url.starts_with('/') && !url.starts_with("//")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_root_relative_urls_only() {
        let html = r#"<a href="/a#x">a</a> <a href='//cdn/x'>b</a> <a href=https://x/y>c</a> <a href=#top>d</a>
<img src=/i.png srcset="/i-2x.png 2x, /i-3x.png 3x, https://x/4.png 4x"><p data-x="/no" style="background:url('/bg.jpg')">/text</p>"#;
        assert_eq!(
            prefix_root_urls(html, "/docs"),
            r#"<a href="/docs/a#x">a</a> <a href='//cdn/x'>b</a> <a href=https://x/y>c</a> <a href=#top>d</a>
<img src=/docs/i.png srcset="/docs/i-2x.png 2x, /docs/i-3x.png 3x, https://x/4.png 4x"><p data-x="/no" style="background:url('/docs/bg.jpg')">/text</p>"#
        );
    }

    #[test]
    fn page_links_lose_their_trailing_slash() {
        let html = r#"<a href="/a/b/#x">1</a> <a href='/a/'>2</a> <a href="/">3</a> <a href="/a/?q=1">4</a> <a href="https://x/y/">5</a> <img src="/i/"> <a href="/a">6</a>"#;
        assert_eq!(
            canonical_page_links(html.to_string(), &super::super::html_scan::urls(html)),
            r#"<a href="/a/b#x">1</a> <a href='/a'>2</a> <a href="/">3</a> <a href="/a?q=1">4</a> <a href="https://x/y/">5</a> <img src="/i/"> <a href="/a">6</a>"#
        );
    }

    #[test]
    fn finds_root_urls_in_css() {
        let css = r#"a{src:url(/f.woff2)} b{background:url( "/b.png")} c{background:url(data:x)}"#;
        let starts: Vec<&str> = css_root_urls(css)
            .iter()
            .map(|&at| &css[at..at + 2])
            .collect();
        assert_eq!(starts, ["/f", "/b"]);
    }
}
