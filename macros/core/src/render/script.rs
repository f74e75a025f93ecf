//! What in content can run a script or send the reader elsewhere, wherever the content writes
//! it: `<script>` elements, event-handler attributes, `srcdoc`, `<meta http-equiv="refresh">`,
//! URLs whose scheme runs a script (`javascript:`, `vbscript:`) or makes a document of its own
//! (`data:`, but for images in `<img src>`), and CSS values that could leave their declaration.
//!
//! The rules are here; the renderer asks them about every raw HTML snippet, every attribute an
//! author writes and every URL it records, and reports what they find at the text it came from
//! ([`Renderer::report`]). Pages that need no more than the site's own script cannot ask for
//! these: none is an OMA page's way of doing something.

use super::Renderer;
use super::html_scan::{self, Found};
use crate::Severity;
use crate::diagnostic::{Code, Diagnostic};
use crate::parse::decode_entities;
use crate::source::Span;
use std::ops::Range;

/// Something that can run a script, before it is placed in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Its kind.
    pub code: Code,
    /// What it is, the offending thing in backticks.
    pub message: String,
    /// What to write instead.
    pub help: &'static str,
}

impl Finding {
    fn new(code: Code, message: String, help: &'static str) -> Finding {
        Finding {
            code,
            message,
            help,
        }
    }
}

/// The image types a `data:` URL may hold in an `<img src>`: raster images, which run nothing
/// (an SVG may hold scripts and links).
const DATA_IMAGE_TYPES: &[&str] = &[
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "image/avif",
];

/// `url` as a browser reads it before looking at its scheme: without leading and trailing C0
/// controls and spaces, and without any tab, line feed or carriage return.
pub fn normalised_url(url: &str) -> String {
    url.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// The scheme of `url` as a browser reads it, in lower case (`javascript` of
/// ` Java&Tab;Script:…` once decoded); `None` for a relative URL.
pub fn scheme(url: &str) -> Option<String> {
    let url = normalised_url(url);
    let (scheme, _) = url.split_once(':')?;
    let valid = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| scheme.to_ascii_lowercase())
}

/// What `url`, written in `attribute` of a `tag` element, can run: `javascript:` and
/// `vbscript:` anywhere, `data:` anywhere but a raster image in `<img src>`.
pub fn url_finding(tag: &str, attribute: &str, url: &str) -> Option<Finding> {
    let scheme = scheme(url)?;
    match scheme.as_str() {
        "javascript" | "vbscript" => Some(Finding::new(
            Code::ScriptUrl,
            format!("`{scheme}:` URL in `{attribute}`"),
            "scripts cannot be linked from content; link to a page or remove the link",
        )),
        "data" if !(tag == "img" && attribute == "src" && is_raster_data(url)) => {
            Some(Finding::new(
                Code::ScriptUrl,
                format!("`data:` URL in `{attribute}` of `<{tag}>`"),
                "a `data:` URL can hold a page or a script: only PNG, JPEG, GIF, WebP and AVIF \
                 images are written inline, in `<img src>`; put the file in `public/` and link \
                 to it",
            ))
        }
        _ => None,
    }
}

/// Whether the `data:` URL `url` holds one of [`DATA_IMAGE_TYPES`].
fn is_raster_data(url: &str) -> bool {
    let url = normalised_url(url);
    let media_type = url
        .split_once(':')
        .map_or("", |(_, rest)| rest)
        .split([';', ','])
        .next()
        .unwrap_or("")
        .trim();
    DATA_IMAGE_TYPES
        .iter()
        .any(|allowed| media_type.eq_ignore_ascii_case(allowed))
}

/// Whether the attribute `name` is an event handler (`onclick`, `ONERROR`), which runs its
/// value as a script.
pub fn is_event_handler(name: &str) -> bool {
    let name = name.as_bytes();
    name.len() > 2
        && name[..2].eq_ignore_ascii_case(b"on")
        && name[2..].iter().all(|b| b.is_ascii_alphabetic())
}

/// What the attribute `name="value"` (its value decoded) of a `tag` element can run: an event
/// handler, a `srcdoc` document, a refresh to another page.
pub fn attribute_finding(tag: &str, name: &str, value: &str) -> Option<Finding> {
    if is_event_handler(name) {
        return Some(Finding::new(
            Code::EventHandler,
            format!("event handler `{name}` on `<{tag}>`"),
            "content cannot run scripts; remove the attribute",
        ));
    }
    if name.eq_ignore_ascii_case("srcdoc") {
        return Some(Finding::new(
            Code::IframeSrcdoc,
            format!("`srcdoc` on `<{tag}>`: a document written in an attribute"),
            "embed a page by its `src` instead",
        ));
    }
    if tag.eq_ignore_ascii_case("meta")
        && name.eq_ignore_ascii_case("http-equiv")
        && value.trim().eq_ignore_ascii_case("refresh")
    {
        return Some(Finding::new(
            Code::MetaRefresh,
            "`<meta http-equiv=\"refresh\">` sends the reader to another page".into(),
            "link to the page instead, or redirect its old path in `redirects.yml`",
        ));
    }
    None
}

/// What a `tag` element can run by being there: a `<script>`.
pub fn element_finding(tag: &str) -> Option<Finding> {
    tag.eq_ignore_ascii_case("script").then(|| {
        Finding::new(
            Code::ScriptElement,
            "`<script>` element".into(),
            "content cannot run scripts; the site's own script does what its components need",
        )
    })
}

/// Why `url` cannot be the image of a CSS `url(…)` written without quotes: a character that
/// would end the URL, the declaration or the attribute, or a scheme that runs a script.
pub fn css_url_finding(url: &str) -> Option<Finding> {
    if let Some(finding) = url_finding("img", "src", url) {
        return Some(finding);
    }
    let breaks_out = url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || "'\"()\\;{}<>".contains(c));
    if breaks_out {
        return Some(Finding::new(
            Code::UnsafeStyle,
            format!("`{url}` is not an image URL CSS can hold"),
            "an image URL has no quotes, brackets, braces, `;`, `\\`, `<`, `>` or spaces \
             (write a space as `%20`)",
        ));
    }
    None
}

/// Why `css` is not a list of CSS declarations (`background-size: cover; background-position:
/// center`) that stays in its `style` attribute and runs nothing: each `property: value` of
/// letters, digits, spaces and `#%.,+-/*!()`, images in `url(…)` as [`css_url_finding`] wants
/// them (in quotes or not), no `expression(…)`.
pub fn css_declarations_finding(css: &str) -> Option<Finding> {
    for declaration in css.split(';').map(str::trim) {
        if declaration.is_empty() {
            continue;
        }
        let (property, value) = declaration.split_once(':').unwrap_or(("", declaration));
        let property = property.trim();
        let named = !property.is_empty()
            && property
                .bytes()
                .all(|b| b.is_ascii_alphabetic() || b == b'-');
        if !named {
            return Some(Finding::new(
                Code::UnsafeStyle,
                format!("`{declaration}` is not a CSS declaration"),
                "write declarations `property: value`, separated by `;`",
            ));
        }
        if let Some(finding) = css_value_finding(value) {
            return Some(finding);
        }
    }
    None
}

/// Why the CSS value `value` could leave its declaration or run something.
fn css_value_finding(value: &str) -> Option<Finding> {
    let lower = value.to_ascii_lowercase();
    if lower.contains("expression(") {
        return Some(Finding::new(
            Code::UnsafeStyle,
            format!("`{}` runs a script in old browsers", value.trim()),
            "remove `expression(…)`",
        ));
    }
    // The images of `url(…)`, checked as URLs; the rest, character by character.
    let mut rest = String::new();
    let mut from = 0;
    while let Some(at) = lower[from..].find("url(") {
        let start = from + at;
        rest.push_str(&value[from..start]);
        let inner_start = start + "url(".len();
        let Some(length) = value[inner_start..].find(')') else {
            rest.push_str(&value[start..]);
            from = value.len();
            break;
        };
        let inner = value[inner_start..inner_start + length].trim();
        let unquoted = ['"', '\'']
            .iter()
            .find_map(|&quote| inner.strip_prefix(quote)?.strip_suffix(quote))
            .unwrap_or(inner);
        if let Some(finding) = css_url_finding(unquoted) {
            return Some(finding);
        }
        from = inner_start + length + 1;
    }
    rest.push_str(&value[from..]);
    let plain = rest
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || " \t#%.,+-/*!()".contains(c));
    (!plain).then(|| {
        Finding::new(
            Code::UnsafeStyle,
            format!("`{}` is not a CSS value the page can hold", value.trim()),
            "a value has letters, digits, spaces, `#%.,+-/*!()` and images in `url(…)`; no \
             quotes, braces, `;`, `\\`, `<` or `>`",
        )
    })
}

/// SVG attributes holding URLs, or values an animation gives an attribute (`<set
/// attributeName="href" to="javascript:…">`), each read as a URL or a `;`-separated list of them.
const SVG_URL_ATTRIBUTES: &[&str] = &["href", "xlink:href", "src", "to", "from", "values"];

/// What the SVG markup `body` of an icon can run: its elements and attributes, as in raw HTML,
/// and the URLs its links and animations name.
pub fn svg_findings(body: &str) -> Vec<Finding> {
    let mut findings = Vec::new();
    html_scan::scan(body, |found| match found {
        Found::Tag(tag, _) => findings.extend(element_finding(tag)),
        Found::Attribute {
            tag, name, value, ..
        } => {
            let decoded = decode_entities(&body[value]);
            findings.extend(attribute_finding(tag, name, &decoded));
            if SVG_URL_ATTRIBUTES.contains(&name) {
                findings.extend(
                    decoded
                        .split(';')
                        .find_map(|url| url_finding(tag, name, url)),
                );
            }
        }
    });
    findings
}

impl Renderer<'_> {
    /// Reports `finding` at `span`: an error (a warning in lenient mode), or in untrusted mode
    /// a warning, since what it found is removed from the output there.
    pub fn report(&mut self, finding: Finding, span: Span) {
        if self.untrusted {
            let diagnostic = Diagnostic::new(
                Severity::Warning,
                finding.code,
                self.file,
                span,
                finding.message,
            );
            self.diagnostics.push(diagnostic).help =
                Some(format!("{}; untrusted mode removes it", finding.help));
        } else {
            self.diagnostics
                .error(self.file, span, finding.code, finding.message)
                .help = Some(finding.help.into());
        }
    }

    /// Reports what in the raw HTML `html` can run a script (but URLs, which are checked as
    /// they are recorded), each at `place` of its range of `html`.
    pub(super) fn check_html(&mut self, html: &str, place: impl Fn(Range<usize>) -> Span) {
        let mut findings = Vec::new();
        html_scan::scan(html, |found| match found {
            Found::Tag(tag, range) => {
                findings.extend(element_finding(tag).map(|finding| (finding, range)));
            }
            Found::Attribute {
                tag,
                name,
                name_range,
                value,
            } => {
                let decoded = decode_entities(&html[value.clone()]);
                if let Some(finding) = attribute_finding(tag, name, &decoded) {
                    let end = if value.is_empty() {
                        name_range.end
                    } else {
                        value.end
                    };
                    findings.push((finding, name_range.start..end));
                }
            }
        });
        for (finding, range) in findings {
            self.report(finding, place(range));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn icons_drawing_only_pass_and_scripts_in_svg_are_found() {
        let drawing = "<g fill=\"none\"><path d=\"M0 0h4\"/><use href=\"#a\"/>\
                       <animate attributeName=\"opacity\" values=\"0;1\"/></g>";
        assert_eq!(svg_findings(drawing), []);
        let compiler = crate::icons::compiler_icons();
        for key in compiler.keys() {
            let body = compiler.get(&key).map_or("", |icon| icon.body.as_str());
            assert_eq!(svg_findings(body), [], "{key}");
        }
        for body in [
            "<script>alert(1)</script>",
            "<path onload=\"alert(1)\" d=\"M0\"/>",
            "<a href=\"javascript:alert(1)\"><path d=\"M0\"/></a>",
            "<a xlink:href=\" JavaScript&colon;alert(1)\"/>",
            "<set attributeName=\"href\" to=\"javascript:alert(1)\"/>",
            "<animate attributeName=\"href\" values=\"#a;javascript:alert(1)\"/>",
            "<foreignObject><iframe srcdoc=\"x\"></iframe></foreignObject>",
        ] {
            assert!(!svg_findings(body).is_empty(), "{body}");
        }
    }

    /// Found by the `page_compile` fuzz target: an attribute name whose second byte is inside
    /// a character (`o\u{fffd}`) was cut there, and the macro panicked.
    #[test]
    fn attribute_names_with_characters_beyond_ascii_are_not_event_handlers() {
        assert!(!is_event_handler("o\u{fffd}x"));
        assert!(!is_event_handler("\u{fffd}"));
        assert!(!is_event_handler("on\u{e9}"));
        assert!(is_event_handler("ONerror"));
        assert!(!is_event_handler("on"));
    }

    #[test]
    fn schemes_are_read_as_a_browser_reads_them() {
        assert_eq!(
            scheme(" \u{1}JavaScript:alert(1)").as_deref(),
            Some("javascript")
        );
        assert_eq!(scheme("java\tscr\nipt\r:x").as_deref(), Some("javascript"));
        assert_eq!(scheme("/a:b"), None);
        assert_eq!(scheme("a b:c"), None);
        assert_eq!(scheme("#x"), None);
        assert_eq!(scheme("mailto:a@b.c").as_deref(), Some("mailto"));
    }

    #[test]
    fn script_urls_are_found() {
        let code = |tag: &str, attribute: &str, url: &str| {
            url_finding(tag, attribute, url).map(|finding| finding.code)
        };
        assert_eq!(code("a", "href", "javascript:x"), Some(Code::ScriptUrl));
        assert_eq!(code("a", "href", " VBScript:x"), Some(Code::ScriptUrl));
        assert_eq!(
            code("iframe", "src", "data:text/html,<p>"),
            Some(Code::ScriptUrl)
        );
        assert_eq!(
            code("img", "src", "data:image/svg+xml,<svg>"),
            Some(Code::ScriptUrl)
        );
        assert_eq!(
            code("a", "href", "data:image/png;base64,AA"),
            Some(Code::ScriptUrl)
        );
        assert_eq!(code("img", "src", "data:image/png;base64,AA"), None);
        assert_eq!(code("img", "src", "DATA:Image/WebP,AA"), None);
        assert_eq!(code("a", "href", "https://x.org/javascript:"), None);
        assert_eq!(code("a", "href", "/javascript:x"), None);
    }

    #[test]
    fn attributes_and_elements_are_found() {
        let code = |tag: &str, name: &str, value: &str| {
            attribute_finding(tag, name, value).map(|finding| finding.code)
        };
        assert_eq!(code("img", "onerror", "x"), Some(Code::EventHandler));
        assert_eq!(code("a", "onClick", "x"), Some(Code::EventHandler));
        assert_eq!(code("a", "on-click", "x"), None);
        assert_eq!(code("a", "on", "x"), None);
        assert_eq!(code("iframe", "srcdoc", "<p>"), Some(Code::IframeSrcdoc));
        assert_eq!(
            code("meta", "http-equiv", " Refresh "),
            Some(Code::MetaRefresh)
        );
        assert_eq!(code("meta", "http-equiv", "content-type"), None);
        assert_eq!(
            element_finding("script").map(|finding| finding.code),
            Some(Code::ScriptElement)
        );
        assert_eq!(element_finding("style"), None);
    }

    #[test]
    fn css_values_stay_in_their_declaration() {
        let code = |css: &str| css_declarations_finding(css).map(|finding| finding.code);
        assert_eq!(
            code("background-size: cover; background-position: center"),
            None
        );
        assert_eq!(
            code("background: url('/a.jpg') no-repeat, rgba(0,0,0,.5);"),
            None
        );
        assert_eq!(
            code("color: red; } body { color: blue"),
            Some(Code::UnsafeStyle)
        );
        assert_eq!(code("color: \"red\""), Some(Code::UnsafeStyle));
        assert_eq!(code("width: expression(alert(1))"), Some(Code::UnsafeStyle));
        assert_eq!(
            code("background: url(javascript:alert(1))"),
            Some(Code::ScriptUrl)
        );
        assert_eq!(
            code("background: url(/a.jpg) \\61"),
            Some(Code::UnsafeStyle)
        );
        assert_eq!(code("not a declaration"), Some(Code::UnsafeStyle));
        let url = |url: &str| css_url_finding(url).map(|finding| finding.code);
        assert_eq!(url("/images/a.jpg"), None);
        assert_eq!(url("https://x.org/a.png?b=1"), None);
        assert_eq!(url("x); color: red"), Some(Code::UnsafeStyle));
        assert_eq!(url("a\"b"), Some(Code::UnsafeStyle));
        assert_eq!(url("javascript:alert`1`"), Some(Code::ScriptUrl));
    }
}
