//! Tree → HTML. Markdown nodes are written here; components by `crate::components`.

use serde::{Deserialize, Serialize};
pub mod article;
pub mod assets;
mod chrome;
pub mod csp;
pub mod date;
pub mod highlight;
pub mod html;
pub(crate) mod html_scan;
pub mod nav;
pub mod page;
pub mod root_urls;
pub mod script;
pub mod search_page;
pub mod slug;
pub mod untrusted;

pub use chrome::{AssetUrls, Layout, SITE_NAME};
pub use page::{RenderedPage, Searched, render_page, render_page_in};

use crate::Severity;
use crate::components;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::load::data::SiteData;
use crate::parse::parse_fragment;
use crate::source::{SourceFile, Span};
use crate::tree::{Align, Attributes, Node, NodeKind};
use crate::yaml::Spans;
use highlight::Fence;
use html::{escape_into, link_rel, open_tag};
use maud::{Markup, PreEscaped};
use serde_json::{Map, Value};
use slug::Slugger;
use std::collections::{BTreeSet, HashMap};

/// A heading, for a table of contents and for checking `#anchor` links.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TocEntry {
    /// 1 to 6.
    pub depth: u8,
    /// The heading's id.
    pub id: String,
    /// Its text without markup.
    pub text: String,
}

/// State of rendering one page: its file, front matter, heading ids and diagnostics.
#[derive(Debug)]
pub struct Renderer<'a> {
    /// The page's source file.
    pub file: &'a SourceFile,
    /// The page's front matter (bound props `:key="path"` look values up in it).
    pub front_matter: &'a Map<String, Value>,
    /// Where content problems go.
    pub diagnostics: &'a mut Diagnostics,
    slugger: Slugger,
    /// Headings in page order, for the table of contents and anchor checks.
    pub headings: Vec<TocEntry>,
    /// The content folder's data files and pages; `None` for a page compiled on its own.
    pub site: Option<&'a SiteData>,
    /// Third-party sources the page's embeds need, for its Content-Security-Policy.
    pub third_party: BTreeSet<csp::ThirdParty>,
    /// Whether the page needs the enhancement script (tables, carousels, forms, code blocks).
    pub enhanced: bool,
    /// Every URL written so far, with where it came from, for the link checks.
    pub urls: Vec<WrittenUrl>,
    /// Highlighted code shared with the other pages of the build and kept between builds;
    /// `None` for a page compiled on its own.
    pub highlights: Option<&'a highlight::Cache>,
    /// Whether the page's authors are untrusted ([`untrusted`]): raw HTML is sanitised, URLs
    /// and embeds are limited.
    pub untrusted: bool,
}

/// A URL the renderer wrote, and the text of the page it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WrittenUrl {
    /// Lower-case tag name (`a`, `img`, …).
    pub tag: String,
    /// The attribute holding it (`href`, `src`, `srcset`, `style` for a `url()`, …).
    pub attribute: String,
    /// The URL, as the browser reads it (character references decoded).
    pub url: String,
    /// Where it is written in the page's file.
    pub span: Span,
}

impl<'a> Renderer<'a> {
    /// A renderer for one page.
    pub fn new(
        file: &'a SourceFile,
        front_matter: &'a Map<String, Value>,
        diagnostics: &'a mut Diagnostics,
    ) -> Renderer<'a> {
        Renderer {
            file,
            front_matter,
            diagnostics,
            slugger: Slugger::default(),
            headings: Vec::new(),
            site: None,
            third_party: BTreeSet::new(),
            enhanced: false,
            urls: Vec::new(),
            highlights: None,
            untrusted: false,
        }
    }

    /// Records a URL written into attribute `attribute` of a `tag` element, from the text at
    /// `span`; a URL that can run a script is reported there.
    pub fn record_url(&mut self, tag: &str, attribute: &str, url: &str, span: Span) {
        if let Some(finding) = script::url_finding(tag, attribute, url) {
            self.report(finding, span);
        }
        self.urls.push(WrittenUrl {
            tag: tag.into(),
            attribute: attribute.into(),
            url: url.into(),
            span,
        });
    }

    /// Writes raw HTML written at `span` (between the markers of [`untrusted`] in untrusted
    /// mode), records its URLs, allows its frames in the page's policy and reports what in it
    /// can run a script: each at its own place when the file holds the HTML there as it is (but
    /// for the line end), else at the whole block.
    fn write_html(&mut self, out: &mut String, html: &str, span: Span) {
        let start = span.start as usize;
        let written = self.file.text.get(start..span.end as usize).unwrap_or("");
        let verbatim = written.starts_with(html);
        let place = |range: std::ops::Range<usize>| match verbatim {
            true => Span::new(start + range.start, start + range.end),
            false => span,
        };
        for (found, range) in html_scan::urls(html) {
            if found.tag == "iframe" && found.attribute == "src" {
                self.allow(csp::Directive::Frame, &found.value, place(range.clone()));
            }
            self.record_url(&found.tag, &found.attribute, &found.value, place(range));
        }
        self.check_html(html, place);
        untrusted::push_authored(out, html, self.untrusted);
    }

    /// The attributes an author wrote on a `tag` element (at `spans`), as they are written:
    /// those that can run a script are reported and left out, and in untrusted mode `style`
    /// too; URL-valued ones are recorded.
    pub fn authored<'x>(
        &mut self,
        tag: &str,
        attributes: Option<&'x Attributes>,
        spans: &Spans,
    ) -> Vec<(&'x str, Option<&'x str>)> {
        let mut kept = Vec::new();
        for (name, value) in attribute_pairs(attributes) {
            let text = value.unwrap_or_default();
            let span = attribute_span(spans, name);
            if let Some(finding) = script::attribute_finding(tag, name, text) {
                self.report(finding, span);
                continue;
            }
            if self.untrusted && name.eq_ignore_ascii_case("style") {
                continue;
            }
            if html_scan::is_url_attribute(name) {
                let value_span = spans.get(name).map_or(span, |value| value.value);
                self.record_url(tag, name, text, value_span);
            }
            kept.push((name, value));
        }
        kept
    }

    /// Records the URLs of `html` that no record since `since` accounts for (a component's
    /// own, not those of the content it wraps, recorded as that content rendered), each at
    /// `locate(url)`.
    pub fn record_written(&mut self, html: &str, since: usize, locate: impl Fn(&str) -> Span) {
        self.record_found(&html_scan::urls(html), since, locate);
    }

    /// [`Renderer::record_written`] of HTML whose URLs are `found` ([`html_scan::urls`]).
    pub(crate) fn record_found(
        &mut self,
        found: &[(html_scan::UrlAttribute, std::ops::Range<usize>)],
        since: usize,
        locate: impl Fn(&str) -> Span,
    ) {
        // Each record since `since` accounts for one URL of `html` with its attribute.
        let mut inner: HashMap<(&str, &str), usize> = HashMap::new();
        for written in self.urls.get(since..).unwrap_or_default() {
            *inner.entry((&written.attribute, &written.url)).or_default() += 1;
        }
        let mut own = Vec::new();
        for (url, _) in found {
            match inner.get_mut(&(url.attribute.as_str(), url.value.as_str())) {
                Some(count) if *count > 0 => *count -= 1,
                _ => own.push(url),
            }
        }
        for url in own {
            let span = locate(&url.value);
            self.record_url(&url.tag, &url.attribute, &url.value, span);
        }
    }

    /// The same renderer, reading data files and other pages from `site`.
    pub fn with_site(mut self, site: Option<&'a SiteData>) -> Renderer<'a> {
        self.site = site;
        self
    }

    /// The same renderer, for untrusted authors when `untrusted` ([`untrusted`]).
    pub fn with_untrusted(mut self, untrusted: bool) -> Renderer<'a> {
        self.untrusted = untrusted;
        self
    }

    /// The same renderer, taking highlighted code from `highlights` and keeping it there.
    pub fn with_highlights(mut self, highlights: Option<&'a highlight::Cache>) -> Renderer<'a> {
        self.highlights = highlights;
        self
    }

    /// Allows the third-party sources an embed written at `span` needs in the page's policy,
    /// and tells whether the embed may be written. In untrusted mode only those of
    /// [`csp::UNTRUSTED_EMBEDS`] may: another is reported, and none of the embed's is allowed.
    pub fn embed(
        &mut self,
        third_party: impl IntoIterator<Item = csp::ThirdParty>,
        span: Span,
    ) -> bool {
        let needed: Vec<csp::ThirdParty> = third_party.into_iter().collect();
        let refused = needed
            .iter()
            .find(|need| self.untrusted && !csp::untrusted_may_embed(need));
        if let Some(refused) = refused {
            let message = format!("untrusted content may not embed from `{}`", refused.origin);
            let diagnostic =
                Diagnostic::new(Severity::Warning, Code::Csp, self.file, span, message);
            self.diagnostics.push(diagnostic).help = Some(
                "untrusted mode embeds YouTube videos and Facebook and LinkedIn posts only; the \
                 embed is left out"
                    .into(),
            );
            return false;
        }
        self.third_party.extend(needed);
        true
    }

    /// Allows the origin of the embedded `url`, written at `span`, for `directive` in the
    /// page's policy ([`Renderer::embed`]), and tells whether the embed may be written. An
    /// absolute `http(s)` URL whose host no policy can name (user info, or characters besides
    /// letters, digits, `.`, `-` and a port) is reported: the browser would block it.
    pub fn allow(&mut self, directive: csp::Directive, url: &str, span: Span) -> bool {
        match csp::origin_of(url) {
            Some(origin) => self.embed([csp::ThirdParty::new(directive, origin)], span),
            None if csp::is_remote(url) => {
                self.diagnostics
                    .error(
                        self.file,
                        span,
                        Code::Csp,
                        format!(
                            "the host of `{url}` cannot be named in the page's \
                             Content-Security-Policy, which would block it"
                        ),
                    )
                    .help = Some(
                    "write the URL as `https://host/path`, the host in ASCII (punycode), without \
                     a user name"
                        .into(),
                );
                false
            }
            None => true,
        }
    }

    /// Renders a list of blocks or inlines.
    pub fn nodes(&mut self, nodes: &[Node]) -> Markup {
        let mut out = String::new();
        for node in nodes {
            self.write_node(&mut out, node, false);
        }
        PreEscaped(out)
    }

    /// Renders a markdown-valued prop (`title`, `text`, …) placed at `span` of the file.
    pub fn markdown(&mut self, markdown: &str, span: Span) -> Markup {
        let nodes = parse_fragment(markdown, self.file, span, self.diagnostics);
        self.nodes(&nodes)
    }

    fn write_nodes(&mut self, out: &mut String, nodes: &[Node], tight: bool) {
        for node in nodes {
            self.write_node(out, node, tight);
        }
    }

    fn write_node(&mut self, out: &mut String, node: &Node, tight: bool) {
        match &node.kind {
            NodeKind::Paragraph(children) if tight => self.write_nodes(out, children, false),
            NodeKind::Paragraph(children) => self.wrap(out, "p", children),
            NodeKind::Heading { depth, children } => {
                let text = node.plain_text();
                let id = self.slugger.slug(&text);
                let tag = format!("h{depth}");
                open_tag(out, &tag, [("id", Some(id.as_str()))]);
                self.write_nodes(out, children, false);
                close(out, &tag);
                self.headings.push(TocEntry {
                    depth: *depth,
                    id,
                    text,
                });
            }
            NodeKind::ThematicBreak => out.push_str("<hr>"),
            NodeKind::Blockquote(children) => self.wrap(out, "blockquote", children),
            NodeKind::List {
                ordered,
                start,
                spread,
                children,
            } => {
                let tag = if *ordered { "ol" } else { "ul" };
                let start = start.filter(|&s| s != 1).map(|s| s.to_string());
                open_tag(out, tag, [("start", start.as_deref())]);
                // As mdast-util-to-hast decides: loose when the list or any item is spread.
                let loose = *spread
                    || children
                        .iter()
                        .any(|item| matches!(item.kind, NodeKind::ListItem { spread: true, .. }));
                for item in children {
                    self.write_node(out, item, !loose);
                }
                close(out, tag);
            }
            NodeKind::ListItem {
                checked, children, ..
            } => {
                out.push_str("<li>");
                if let Some(checked) = checked {
                    out.push_str(if *checked {
                        "<input type=\"checkbox\" disabled checked> "
                    } else {
                        "<input type=\"checkbox\" disabled> "
                    });
                }
                self.write_nodes(out, children, tight);
                out.push_str("</li>");
            }
            NodeKind::Code { lang, meta, value } => {
                self.write_code(out, node.span, lang.as_deref(), meta.as_deref(), value)
            }
            NodeKind::Html(html) => self.write_html(out, html, node.span),
            NodeKind::Table { align, children } => self.write_table(out, align, children),
            NodeKind::TableRow(_) | NodeKind::TableCell(_) => {
                self.write_nodes(out, node.children(), false)
            }
            NodeKind::FootnoteDefinition { label, children } => {
                let id = format!("fn-{}", slug::slug(label));
                open_tag(
                    out,
                    "div",
                    [
                        ("class", Some("footnote-definition")),
                        ("id", Some(id.as_str())),
                    ],
                );
                out.push_str("<sup>");
                escape_into(out, label);
                out.push_str("</sup>");
                self.write_nodes(out, children, false);
                out.push_str("</div>");
            }
            NodeKind::Text(text) => escape_into(out, text),
            NodeKind::Emphasis {
                children,
                attributes,
                attribute_spans,
            } => self.wrap_with(out, "em", (attributes.as_ref(), attribute_spans), children),
            NodeKind::Strong {
                children,
                attributes,
                attribute_spans,
            } => self.wrap_with(
                out,
                "strong",
                (attributes.as_ref(), attribute_spans),
                children,
            ),
            NodeKind::Delete(children) => self.wrap(out, "del", children),
            NodeKind::InlineCode {
                value,
                attributes,
                attribute_spans,
            } => self.write_inline_code(
                out,
                node.span,
                value,
                (attributes.as_ref(), attribute_spans),
            ),
            NodeKind::Break => out.push_str("<br>"),
            NodeKind::Link {
                url,
                url_span,
                title,
                children,
                attributes,
                attribute_spans,
            } => {
                self.record_url("a", "href", url, *url_span);
                let target = attributes
                    .as_ref()
                    .and_then(|a| a.get("target"))
                    .and_then(Value::as_str);
                let rel = link_rel(url, target);
                let own = [
                    ("href", Some(url.as_str())),
                    ("title", title.as_deref()),
                    ("rel", rel),
                ];
                let written = without(attributes.as_ref(), &["href", "rel"]);
                let authored = self.authored("a", written.as_ref(), attribute_spans);
                open_tag(out, "a", own.into_iter().chain(authored));
                self.write_nodes(out, children, false);
                out.push_str("</a>");
            }
            NodeKind::Image {
                url,
                url_span,
                title,
                alt,
                attributes,
                attribute_spans,
            } => {
                self.record_url("img", "src", url, *url_span);
                let own = [
                    ("src", Some(url.as_str())),
                    ("alt", Some(alt.as_str())),
                    ("title", title.as_deref()),
                ];
                let written = without(attributes.as_ref(), &["src", "alt"]);
                let authored = self.authored("img", written.as_ref(), attribute_spans);
                open_tag(out, "img", own.into_iter().chain(authored));
            }
            NodeKind::FootnoteReference(label) => {
                let href = format!("#fn-{}", slug::slug(label));
                out.push_str("<sup>");
                open_tag(out, "a", [("href", Some(href.as_str()))]);
                escape_into(out, label);
                out.push_str("</a></sup>");
            }
            NodeKind::InlineComponent(component) if component.name == "span" => {
                let authored = self.authored(
                    "span",
                    Some(&component.attributes),
                    &component.attribute_spans,
                );
                open_tag(out, "span", authored);
                self.write_nodes(out, &component.children, false);
                out.push_str("</span>");
            }
            NodeKind::Component(component) | NodeKind::InlineComponent(component) => {
                let markup = components::render(self, component, node.span);
                out.push_str(&markup.0);
            }
            // Named slots: the OMA components render only their default slot.
            NodeKind::Slot { .. } => {}
        }
    }

    /// A fenced or indented code block: highlighted when its fence names a language, as
    /// Nuxt Content does, else a plain `pre > code`. Either way the enhancement script gives
    /// it a copy button.
    fn write_code(
        &mut self,
        out: &mut String,
        span: Span,
        lang: Option<&str>,
        meta: Option<&str>,
        value: &str,
    ) {
        self.enhanced = true;
        let fence = Fence::parse(lang, meta);
        let Some(language) = fence.language.as_deref() else {
            out.push_str("<pre><code>");
            escape_into(out, value);
            out.push_str("</code></pre>");
            return;
        };
        let highlighted = match self.highlights {
            Some(cache) => cache.block(value, language, &fence),
            None => highlight::block(value, language, &fence),
        };
        if !highlighted.known {
            self.unknown_language(span, language);
        }
        highlight::open_block(out, &fence, language);
        out.push_str(&highlighted.html);
        out.push_str("</code></pre>");
    }

    /// Inline code: highlighted when its attributes name a language (`` `x`{lang="ts"} ``),
    /// as Nuxt Content does, with the block's classes; else as it is.
    fn write_inline_code(
        &mut self,
        out: &mut String,
        span: Span,
        value: &str,
        (attributes, spans): (Option<&Attributes>, &Spans),
    ) {
        let language = attributes
            .and_then(|a| a.get("language").or_else(|| a.get("lang")))
            .and_then(Value::as_str);
        let Some(language) = language else {
            let authored = self.authored("code", attributes, spans);
            open_tag(out, "code", authored);
            escape_into(out, value);
            out.push_str("</code>");
            return;
        };
        let highlighted = match self.highlights {
            Some(cache) => cache.inline(value, language),
            None => highlight::inline(value, language),
        };
        if !highlighted.known {
            self.unknown_language(span, language);
        }
        let class = attributes
            .and_then(|a| a.get("class"))
            .and_then(Value::as_str)
            .into_iter()
            .chain([
                format!("language-{language}").as_str(),
                highlight::SHIKI_CLASSES,
            ])
            .collect::<Vec<_>>()
            .join(" ");
        let own = [
            ("class", Some(class.as_str())),
            ("language", Some(language)),
        ];
        let written = without(attributes, &["class", "lang", "language"]);
        let authored = self.authored("code", written.as_ref(), spans);
        open_tag(out, "code", own.into_iter().chain(authored));
        out.push_str(&highlighted.html);
        out.push_str("</code>");
    }

    /// Reports a code language the highlighter does not know, at its name when the line
    /// from `span` on holds it.
    fn unknown_language(&mut self, span: Span, language: &str) {
        let start = span.start as usize;
        let line = self.file.text.get(start..).unwrap_or_default();
        let line = line.split('\n').next().unwrap_or_default();
        let span = line.find(language).map_or(span, |at| {
            Span::new(start + at, start + at + language.len())
        });
        self.diagnostics
            .error(
                self.file,
                span,
                Code::UnknownLanguage,
                format!("unknown code language `{language}`: shown as plain text"),
            )
            .help = Some(match highlight::suggestion(language) {
            Some(near) => format!("did you mean `{near}`?"),
            None => "name a language Shiki knows (`ts`, `yaml`, `bash`, `mdc`, …), or none".into(),
        });
    }

    fn wrap(&mut self, out: &mut String, tag: &str, children: &[Node]) {
        self.wrap_with(out, tag, (None, &Spans::default()), children);
    }

    fn wrap_with(
        &mut self,
        out: &mut String,
        tag: &str,
        (attributes, spans): (Option<&Attributes>, &Spans),
        children: &[Node],
    ) {
        let authored = self.authored(tag, attributes, spans);
        open_tag(out, tag, authored);
        self.write_nodes(out, children, false);
        close(out, tag);
    }

    fn write_table(&mut self, out: &mut String, align: &[Align], rows: &[Node]) {
        out.push_str("<table>");
        for (index, row) in rows.iter().enumerate() {
            let cell_tag = if index == 0 { "th" } else { "td" };
            match index {
                0 => out.push_str("<thead>"),
                1 => out.push_str("<tbody>"),
                _ => {}
            }
            out.push_str("<tr>");
            for (column, cell) in row.children().iter().enumerate() {
                let style = match align.get(column) {
                    Some(Align::Left) => Some("text-align:left"),
                    Some(Align::Center) => Some("text-align:center"),
                    Some(Align::Right) => Some("text-align:right"),
                    _ => None,
                };
                open_tag(out, cell_tag, [("style", style)]);
                self.write_nodes(out, cell.children(), false);
                close(out, cell_tag);
            }
            out.push_str("</tr>");
            if index == 0 {
                out.push_str("</thead>");
            }
        }
        if rows.len() > 1 {
            out.push_str("</tbody>");
        }
        out.push_str("</table>");
    }
}

fn close(out: &mut String, tag: &str) {
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

/// Where the attribute `name` of `spans` is written: from its key to the end of its value.
pub fn attribute_span(spans: &Spans, name: &str) -> Span {
    let key = spans.key(name).unwrap_or(spans.value);
    let end = spans.get(name).map_or(key.end, |value| value.value.end);
    Span::new(key.start as usize, end.max(key.end) as usize)
}

/// `attributes` but for those named in `own`, which the renderer writes itself.
fn without(attributes: Option<&Attributes>, own: &[&str]) -> Option<Attributes> {
    let mut attributes = attributes?.clone();
    attributes.retain(|name, _| !own.contains(&name.as_str()));
    Some(attributes)
}

/// Inline attributes as HTML attributes: strings as they are, `true` as an empty value.
pub fn attribute_pairs(
    attributes: Option<&Attributes>,
) -> impl Iterator<Item = (&str, Option<&str>)> {
    attributes
        .into_iter()
        .flatten()
        .filter_map(|(name, value)| match value {
            Value::String(value) => Some((name.as_str(), Some(value.as_str()))),
            Value::Bool(true) => Some((name.as_str(), Some(""))),
            _ => None,
        })
}
