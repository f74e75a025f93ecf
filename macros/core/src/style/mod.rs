//! The site's one stylesheet, generated at compile time with exactly the rules the pages use.
//!
//! [`stylesheet`] collects the classes of the given pages, has [encre-css] (a Tailwind
//! generator) write the utilities they name, configured as the OMA site's Tailwind was
//! (`palette`, typography, dark mode by class, and `plugins` for what encre-css lacks),
//! and appends the hand-written `site.css`: the global styles and the legacy pages' Bootstrap
//! grid; then `code.css` when a page has highlighted code. A class that gets no rule from any
//! is reported in [`Stylesheet::unmatched`].
//!
//! [encre-css]: https://docs.rs/encre-css

mod palette;
mod plugins;
mod shortcuts;

use crate::icons::class_rule;
use crate::parse::decode_entities;
use crate::render::assets::SiteAsset;
use encre_css::config::DarkMode;
use encre_css::{Config, Preflight, Scanner};
use shortcuts::CLASS_SHORTCUTS;
use std::collections::{BTreeSet, HashSet};
use std::sync::LazyLock;

/// The hand-written styles: what is not a Tailwind utility.
pub const SITE_CSS: &str = include_str!("site.css");

/// The rules of highlighted code, for a site whose pages have some: they follow `SITE_CSS`
/// then.
pub const CODE_CSS: &str = include_str!("code.css");

/// Classes that carry no style of their own and need none: markers that other rules select
/// on (`group`, `peer`, typography's `not-prose`) and wrappers kept from the older site's
/// markup.
pub const MARKERS: &[&str] = &[
    "group",
    "peer",
    "not-prose",
    "nuxt-content",
    "row-multi-columns",
    // RowImage's root: the older site gave that module no styles of its own.
    "row-image",
    // Today's OMA components start many class lists with these; no CSS styles them there.
    "title",
    "subtitle",
    "text",
    "content",
    // A highlighted block's themes, named as Shiki names them.
    "shiki-themes",
    "github-light",
    "github-dark",
];

/// Prefixes of marker classes: a fenced code block's `language-*` names its language for
/// highlighters and needs no CSS.
pub const MARKER_PREFIXES: &[&str] = &["language-"];

/// Classes of the OMA components' default class lists that were never utilities, not in
/// Tailwind 3 nor in Nuxt UI, and that got no CSS on the OMA site either: kept in the markup
/// as the OMA site had them, and listed here so that they are known rather than unmatched.
///
/// * `dark:primary` (ShAvatar's name): `primary` alone names no utility; the text colour
///   comes from `text-primary` beside it.
pub const NO_OP_CLASSES: &[&str] = &["dark:primary"];

/// A generated stylesheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stylesheet {
    /// The CSS: Tailwind's preflight, the utilities the pages use, then `site.css` (and
    /// `code.css` when the pages have highlighted code).
    pub css: String,
    /// Classes used in the pages that produced no CSS and that the hand-written rules do not
    /// style, sorted.
    pub unmatched: Vec<String>,
}

static CONFIG: LazyLock<Config> = LazyLock::new(config);

/// The classes `site.css` and `code.css` define.
static HAND_WRITTEN: LazyLock<BTreeSet<String>> = LazyLock::new(|| {
    let mut classes = css_classes(SITE_CSS);
    classes.extend(css_classes(CODE_CSS));
    classes
});

/// encre-css configured as the OMA site's Tailwind.
fn config() -> Config {
    let mut config = Config::default();
    config.preflight = Preflight::new_full();
    // Sources are class lists already.
    config.scanner = Scanner::from_fn(|classes| classes.split_whitespace().collect());
    config.theme.dark_mode = DarkMode::new_class(".dark");
    palette::register(&mut config.theme.colors);
    encre_css_typography::register(&mut config);
    plugins::register(&mut config);
    for (name, utilities) in CLASS_SHORTCUTS {
        config.shortcuts.add(*name, *utilities);
    }
    config
}

/// Pages whose class values one thread gathers into one set.
const PAGES_PER_SCAN: usize = 32;

/// The site's stylesheet asset for `documents`, with the `@font-face` rules of the fonts among
/// `assets`, its URLs under `base_path`; classes that produced no CSS are returned too.
pub fn site_stylesheet<'a>(
    documents: impl IntoIterator<Item = &'a str>,
    assets: &[SiteAsset],
    base_path: &str,
) -> (SiteAsset, Vec<String>) {
    let generated = stylesheet(documents);
    let mut css = String::new();
    for asset in assets
        .iter()
        .filter(|asset| asset.content_type == "font/woff2")
    {
        let weight = asset
            .route
            .split("dm-sans-")
            .nth(1)
            .and_then(|rest| rest.split('.').next())
            .unwrap_or("400");
        css.push_str(&format!(
            "@font-face{{font-family:\"DM Sans\";font-style:normal;font-weight:{weight};font-display:swap;src:url({}) format(\"woff2\")}}\n",
            asset.route
        ));
    }
    css.push_str(&generated.css);
    if !base_path.is_empty() {
        css = crate::render::root_urls::prefix_css_urls(&css, base_path);
    }
    let asset = SiteAsset {
        route: crate::render::assets::hashed_route("style", "css", css.as_bytes()),
        content_type: "text/css; charset=utf-8",
        bytes: css.into_bytes(),
    };
    (asset, generated.unmatched)
}

/// The stylesheet for `pages_html`: the rules for every class their `class` attributes use.
/// The same pages give the same bytes.
pub fn stylesheet<'a>(pages_html: impl IntoIterator<Item = &'a str>) -> Stylesheet {
    // Pages repeat the same class lists (the chrome on every page): each distinct list is
    // decoded and split once. Scanning the documents is most of the work: on every core.
    // A set per chunk of pages rather than per page: most of a page's values are already in it.
    let pages_html: Vec<&str> = pages_html.into_iter().collect();
    let chunks: Vec<&[&str]> = pages_html.chunks(PAGES_PER_SCAN).collect();
    let mut values: HashSet<&str> = HashSet::new();
    for found in crate::parallel::map(&chunks, |chunk| {
        chunk
            .iter()
            .flat_map(|html| class_values(html))
            .collect::<HashSet<&str>>()
    }) {
        values.extend(found);
    }
    let mut classes = BTreeSet::new();
    for value in values {
        classes.extend(
            decode_entities(value)
                .split_whitespace()
                .map(str::to_string),
        );
    }
    // Every class goes to encre-css: it reads none of the hand-written ones (`row`, `col-4`)
    // as a utility, and `site.css` refines some of its own (`container`, `prose`).
    let tailwind: Vec<&str> = classes.iter().map(String::as_str).collect();
    let joined = tailwind.join(" ");
    let config = &*CONFIG;
    let mut css = encre_css::generate([joined.as_str()], config);
    // The rules of the icon classes the pages use (`class_icon`).
    let icon_rules: Vec<String> = classes.iter().filter_map(|c| class_rule(c)).collect();
    for rule in &icon_rules {
        css.push('\n');
        css.push_str(rule);
    }
    css.push_str("\n\n");
    css.push_str(SITE_CSS);
    if classes.contains("shiki") {
        css.push('\n');
        css.push_str(CODE_CSS);
    }
    if !css.ends_with('\n') {
        css.push('\n');
    }
    // The class each parse error falls in (`joined` is the classes separated by one space).
    let mut starts = Vec::with_capacity(tailwind.len());
    let mut offset = 0;
    for class in &tailwind {
        starts.push(offset);
        offset += class.len() + 1;
    }
    let mut unmatched: BTreeSet<String> = BTreeSet::new();
    for error in encre_css::utils::check_selectors(&joined, config) {
        let index = starts.partition_point(|start| *start <= error.span.start);
        if let Some(class) = index.checked_sub(1).and_then(|i| tailwind.get(i)) {
            unmatched.insert((*class).to_string());
        }
    }
    let hand_written = &*HAND_WRITTEN;
    unmatched.retain(|class| {
        !hand_written.contains(class)
            && !is_known_without_rule(class)
            && class_rule(class).is_none()
            && !is_shortcut(class)
    });
    Stylesheet {
        css,
        unmatched: unmatched.into_iter().collect(),
    }
}

/// Whether `class` is one of the chrome's shortcuts (`check_selectors` does not know them; a
/// test checks their utilities instead).
fn is_shortcut(class: &str) -> bool {
    CLASS_SHORTCUTS.iter().any(|(name, _)| *name == class)
}

/// Whether `class` deliberately has no rule: a marker or a known no-op of the OMA defaults.
fn is_known_without_rule(class: &str) -> bool {
    MARKERS.contains(&class)
        || NO_OP_CLASSES.contains(&class)
        || MARKER_PREFIXES
            .iter()
            .any(|prefix| class.starts_with(prefix))
}

/// A hash of each distinct `class` attribute value of `html`, sorted: two sets of documents
/// whose hashes are the same get the same stylesheet, so a build that keeps documents between
/// builds makes the stylesheet again only when they differ.
pub fn class_hashes(html: &str) -> Vec<u64> {
    let mut hashes: Vec<u64> = class_values(html)
        .map(|value| xxhash_rust::xxh3::xxh3_64(value.as_bytes()))
        .collect();
    hashes.sort_unstable();
    hashes.dedup();
    hashes
}

/// The classes of every `class` attribute in `html`, entities decoded
/// (`[&amp;&gt;*:nth-child(odd)]:col-span-1` is `[&>*:nth-child(odd)]:col-span-1`).
pub fn html_classes(html: &str) -> BTreeSet<String> {
    class_values(html)
        .flat_map(|value| {
            decode_entities(value)
                .split_whitespace()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The raw values of the `class` attributes in `html`, entities not yet decoded.
///
/// Walks the `=` signs (found fast) and looks back for an attribute named `class` in any
/// letter case, which is far quicker than testing every byte on large sites. Only an attribute
/// inside a start tag counts: text such as a code block showing `class=&quot;x&quot;` does
/// not.
fn class_values(html: &str) -> impl Iterator<Item = &str> {
    let bytes = html.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(found) = bytes
            .get(from..)
            .and_then(|rest| memchr::memchr(b'=', rest))
        {
            let equals = from + found;
            from = equals + 1;
            let name_end = html[..equals].trim_end().len();
            let Some(name_start) = name_end.checked_sub("class".len()) else {
                continue;
            };
            // An attribute name of its own: `class`, not `data-class`.
            let named_class = bytes[name_start..name_end].eq_ignore_ascii_case(b"class")
                && name_start
                    .checked_sub(1)
                    .and_then(|i| bytes.get(i))
                    .is_some_and(u8::is_ascii_whitespace);
            if !named_class {
                continue;
            }
            // Inside a start tag: the nearest `<` or `>` before the name is a `<` (text has
            // its `<` escaped, and the renderer escapes `>` in attribute values). Only `class`
            // names are looked back from, so this stays rare and cheap.
            let in_tag = html[..name_start]
                .rfind(['<', '>'])
                .is_some_and(|at| bytes[at] == b'<');
            if !in_tag {
                continue;
            }
            let rest = html[from..].trim_start();
            return Some(match rest.chars().next() {
                Some(quote @ ('"' | '\'')) => {
                    let inner = &rest[1..];
                    inner.find(quote).map_or(inner, |end| &inner[..end])
                }
                _ => rest
                    .split(|c: char| c.is_whitespace() || c == '>')
                    .next()
                    .unwrap_or_default(),
            });
        }
        None
    })
}

/// The class names that the selectors of `css` mention (`.row-separator.large` gives
/// `row-separator` and `large`); at-rule preludes and declarations are skipped.
fn css_classes(css: &str) -> BTreeSet<String> {
    let mut classes = BTreeSet::new();
    let mut text = String::with_capacity(css.len());
    // Comments out.
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .find("*/")
            .map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    text.push_str(rest);
    // A selector is the text before a `{`, since the previous `{`, `}` or `;`.
    let mut prelude_start = 0;
    for (at, ch) in text.char_indices() {
        match ch {
            '{' => {
                let prelude = text[prelude_start..at].trim();
                if !prelude.starts_with('@') {
                    classes.extend(selector_classes(prelude));
                }
                prelude_start = at + 1;
            }
            '}' | ';' => prelude_start = at + 1,
            _ => {}
        }
    }
    classes
}

/// The class names in one selector list.
fn selector_classes(selector: &str) -> impl Iterator<Item = String> + '_ {
    selector.split('.').skip(1).filter_map(|part| {
        let name: String = part
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        (!name.is_empty() && !name.starts_with(|c: char| c.is_ascii_digit())).then_some(name)
    })
}

#[cfg(test)]
mod tests;
