//! Untrusted mode (`Options::untrusted`): pages written by people the site does not trust, as
//! when a service compiles what its own users wrote. Whatever they wrote, the output runs no
//! script of theirs, sends no reader elsewhere by itself and loads nothing from hosts besides
//! a few known embeds:
//!
//! - Raw HTML (blocks, inline HTML, HTML in markdown props, unknown components' tags) is
//!   sanitised by [ammonia] with the allowlist below. The renderer writes it between two markers
//!   ([`push_authored`]); when a page's body is complete, [`sanitise`] gives all of its raw HTML to
//!   ammonia at once, the renderer's own markup standing between as placeholders (so that a
//!   `<div>` opened in one HTML block and closed in another still wraps the markdown between
//!   them), then puts that markup back where its placeholders are left.
//! - Then every URL of the body whose scheme is not `http`, `https` or `mailto`, and is not
//!   relative, is emptied, whoever wrote it: raw HTML, a markdown link or image, a component's
//!   prop.
//! - Attributes written in MDC (`{…}`) lose `style`, besides event handlers and `srcdoc`, which
//!   no mode writes.
//! - Embeds come from the hosts of [`csp::UNTRUSTED_EMBEDS`] only (an `<iframe src>` from
//!   another host loses its `src`, a component embedding from one is left out), and the page's
//!   Content-Security-Policy is [`csp::untrusted_policy`].
//! - What can run a script ([`super::script`]) is reported as a warning: it is removed, so it
//!   need not fail the build.
//!
//! The allowlist of raw HTML:
//!
//! - tags: `a`, `abbr`, `article`, `aside`, `b`, `bdi`, `bdo`, `blockquote`, `br`, `button`,
//!   `caption`, `cite`, `code`, `col`, `colgroup`, `dd`, `del`, `details`, `dfn`, `div`, `dl`,
//!   `dt`, `em`, `figcaption`, `figure`, `footer`, `h1`…`h6`, `header`, `hr`, `i`, `iframe`,
//!   `img`, `ins`, `kbd`, `li`, `mark`, `nav`, `ol`, `p`, `pre`, `q`, `s`, `samp`, `section`,
//!   `small`, `span`, `strong`, `sub`, `summary`, `sup`, `table`, `tbody`, `td`, `tfoot`, `th`,
//!   `thead`, `time`, `tr`, `u`, `ul`, `var`, `wbr`. Any other tag is removed and its content
//!   kept, but for `script` and `style`, removed with their content; comments are removed.
//! - attributes on every tag: `class`, `dir`, `lang`, `title`. Besides: `a`: `href`,
//!   `hreflang`, `target` (and `rel="noopener noreferrer"` added); `img`: `src`, `alt`,
//!   `width`, `height`, `loading`; `iframe`: `src` (from [`csp::UNTRUSTED_EMBEDS`] only),
//!   `width`, `height`, `title`, `allowfullscreen`, `frameborder`, `loading`,
//!   `referrerpolicy`; `td` and `th`: `colspan`, `rowspan`, and `scope` on `th`; `col` and
//!   `colgroup`: `span`; `ol`: `start`, `reversed`, `type`; `li`: `value`; `blockquote` and
//!   `q`: `cite`; `del` and `ins`: `cite`, `datetime`; `time`: `datetime`; `details`: `open`;
//!   `button`: `type`. No `style`, no `id`, no event handler.
//! - URL schemes: `http`, `https`, `mailto`; relative URLs are kept as they are.

use super::csp::{self, Directive, ThirdParty};
use super::html_scan::{self, for_each_attribute};
use super::script;
use crate::parse::decode_entities;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

/// Put before raw HTML in a body being rendered. A noncharacter, kept for a program's own use:
/// no text means it, and it is taken out of the raw HTML itself.
const RAW_START: char = '\u{fdd0}';
/// Put after raw HTML.
const RAW_END: char = '\u{fdd1}';
/// Put before the number of the renderer's markup standing in for it while ammonia sanitises.
const PLACEHOLDER_START: char = '\u{fdd2}';
/// Put after that number.
const PLACEHOLDER_END: char = '\u{fdd3}';
const MARKERS: [char; 4] = [RAW_START, RAW_END, PLACEHOLDER_START, PLACEHOLDER_END];

/// The tags raw HTML keeps (see the module's documentation).
const TAGS: &[&str] = &[
    "a",
    "abbr",
    "article",
    "aside",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "button",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "i",
    "iframe",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "nav",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "samp",
    "section",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
    "var",
    "wbr",
];

/// The attributes every kept tag may have.
const GENERIC_ATTRIBUTES: &[&str] = &["class", "dir", "lang", "title"];

/// The attributes particular tags may have besides.
const TAG_ATTRIBUTES: &[(&str, &[&str])] = &[
    ("a", &["href", "hreflang", "target"]),
    ("img", &["src", "alt", "width", "height", "loading"]),
    (
        "iframe",
        &[
            "src",
            "width",
            "height",
            "title",
            "allowfullscreen",
            "frameborder",
            "loading",
            "referrerpolicy",
        ],
    ),
    ("td", &["colspan", "rowspan"]),
    ("th", &["colspan", "rowspan", "scope"]),
    ("col", &["span"]),
    ("colgroup", &["span"]),
    ("ol", &["start", "reversed", "type"]),
    ("li", &["value"]),
    ("blockquote", &["cite"]),
    ("q", &["cite"]),
    ("del", &["cite", "datetime"]),
    ("ins", &["cite", "datetime"]),
    ("time", &["datetime"]),
    ("details", &["open"]),
    ("button", &["type"]),
];

/// The URL schemes kept, besides relative URLs.
const URL_SCHEMES: &[&str] = &["http", "https", "mailto"];

/// The sanitiser of raw HTML, configured once.
static SANITISER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::empty();
    builder
        .tags(TAGS.iter().copied().collect())
        .clean_content_tags(HashSet::from(["script", "style"]))
        .generic_attributes(GENERIC_ATTRIBUTES.iter().copied().collect())
        .tag_attributes(
            TAG_ATTRIBUTES
                .iter()
                .map(|&(tag, names)| (tag, names.iter().copied().collect()))
                .collect::<HashMap<_, _>>(),
        )
        .url_schemes(URL_SCHEMES.iter().copied().collect())
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(Some("noopener noreferrer"))
        .strip_comments(true)
        .attribute_filter(|tag, name, value| {
            if tag == "iframe" && name == "src" && !may_frame(value) {
                return None;
            }
            // Placeholders stand for markup, which an attribute value cannot hold.
            Some(match value.contains(MARKERS) {
                true => Cow::Owned(value.replace(MARKERS, "")),
                false => Cow::Borrowed(value),
            })
        });
    builder
});

/// Whether an `<iframe>` may show `src`: a page of a host of [`csp::UNTRUSTED_EMBEDS`].
pub fn may_frame(src: &str) -> bool {
    csp::origin_of(src)
        .is_some_and(|origin| csp::untrusted_may_embed(&ThirdParty::new(Directive::Frame, origin)))
}

/// Appends HTML an author wrote: as it is, or in `untrusted` mode for [`sanitise`] to find.
pub fn push_authored(out: &mut String, html: &str, untrusted: bool) {
    match untrusted {
        true => push_raw(out, html),
        false => out.push_str(html),
    }
}

/// Appends raw HTML between the markers, without any marker of its own.
fn push_raw(out: &mut String, html: &str) {
    out.push(RAW_START);
    out.extend(html.chars().filter(|c| !MARKERS.contains(c)));
    out.push(RAW_END);
}

/// The body `body`, rendered in untrusted mode, made safe: its raw HTML sanitised, its
/// markup kept, its URLs limited (see the module's documentation).
pub fn sanitise(body: &str) -> String {
    if !body.contains(RAW_START) {
        return keep_safe_urls(body);
    }
    let mut input = String::with_capacity(body.len());
    let mut markup: Vec<&str> = Vec::new();
    let mut rest = body;
    loop {
        let (trusted, raw) = match rest.split_once(RAW_START) {
            Some((trusted, after)) => (trusted, Some(after)),
            None => (rest, None),
        };
        if !trusted.is_empty() {
            input.push(PLACEHOLDER_START);
            input.push_str(&markup.len().to_string());
            input.push(PLACEHOLDER_END);
            markup.push(trusted);
        }
        let Some(raw) = raw else { break };
        let (html, after) = raw.split_once(RAW_END).unwrap_or((raw, ""));
        input.push_str(html);
        rest = after;
    }
    let cleaned = SANITISER.clean(&input).to_string();
    keep_safe_urls(&restore(&cleaned, &markup))
}

/// `cleaned` with each placeholder left in it replaced by the markup it stands for.
fn restore(cleaned: &str, markup: &[&str]) -> String {
    let mut out =
        String::with_capacity(cleaned.len() + markup.iter().map(|m| m.len()).sum::<usize>());
    let mut rest = cleaned;
    while let Some((before, after)) = rest.split_once(PLACEHOLDER_START) {
        out.push_str(before);
        let (number, after) = after.split_once(PLACEHOLDER_END).unwrap_or((after, ""));
        if let Some(part) = number.parse::<usize>().ok().and_then(|i| markup.get(i)) {
            out.push_str(part);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Whether untrusted content may write `url`: relative, or `http`, `https` or `mailto`.
pub fn may_link(url: &str) -> bool {
    script::scheme(url).is_none_or(|scheme| URL_SCHEMES.contains(&scheme.as_str()))
}

/// `html` with the value of every attribute holding a URL that [`may_link`] refuses emptied
/// (a `srcset` or `style` holding one, whole).
fn keep_safe_urls(html: &str) -> String {
    let mut refused: Vec<Range<usize>> = Vec::new();
    for_each_attribute(html, |_, name, value| {
        let decoded = decode_entities(&html[value.clone()]);
        let urls = html_scan::value_urls(name, &decoded);
        if urls.iter().any(|(url, _)| !may_link(url)) {
            refused.push(value);
        }
    });
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    for range in refused {
        out.push_str(&html[copied..range.start]);
        copied = range.end;
    }
    out.push_str(&html[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(html: &str) -> String {
        let mut out = String::new();
        push_raw(&mut out, html);
        out
    }

    #[test]
    fn raw_html_is_sanitised_and_markup_between_it_kept() {
        let body = [
            raw("<div class=\"grid\" onclick=\"x()\" style=\"color:red\">"),
            "<p>Kept <em style=\"x\">as</em> written</p>".to_string(),
            raw("<script>alert(1)</script><style>p{}</style>"),
            "<svg viewBox=\"0 0 1 1\"><path d=\"M0\"></path></svg>".to_string(),
            raw("</div><a href=\"java&Tab;script:x\" target=\"_blank\">a</a>"),
        ]
        .concat();
        assert_eq!(
            sanitise(&body),
            "<div class=\"grid\"><p>Kept <em style=\"x\">as</em> written</p>\
             <svg viewBox=\"0 0 1 1\"><path d=\"M0\"></path></svg></div>\
             <a target=\"_blank\" rel=\"noopener noreferrer\">a</a>"
        );
    }

    #[test]
    fn markup_never_lands_in_an_attribute() {
        let body = [raw("<div title=\""), "<b>x</b>".into(), raw("\">")].concat();
        let clean = sanitise(&body);
        assert!(!clean.contains("<b>"), "{clean}");
        // Markers written by an author are taken out.
        let body = raw("<p>\u{fdd1}<script>x</script>\u{fdd2}0\u{fdd3}</p>");
        assert_eq!(sanitise(&body), "<p>0</p>");
    }

    #[test]
    fn frames_come_from_the_allowed_hosts_only() {
        let body = raw("<iframe src=\"https://www.youtube.com/embed/x\"></iframe>\
             <iframe src=\"https://evil.example/\" srcdoc=\"<script>\"></iframe>");
        assert_eq!(
            sanitise(&body),
            "<iframe src=\"https://www.youtube.com/embed/x\"></iframe><iframe></iframe>"
        );
    }

    #[test]
    fn urls_of_the_renderer_s_markup_are_limited_too() {
        let body = "<a href=\"javascript:x\">a</a><img src=\"data:image/png;base64,AA\" alt=\"\">\
                    <a href=\"/p#x\">b</a><a href=\"mailto:a@b.c\">c</a>\
                    <div style=\"background-image:url('vbscript:x')\"></div>";
        assert_eq!(
            sanitise(body),
            "<a href=\"\">a</a><img src=\"\" alt=\"\"><a href=\"/p#x\">b</a>\
             <a href=\"mailto:a@b.c\">c</a><div style=\"\"></div>"
        );
    }
}
