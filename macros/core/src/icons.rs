//! Iconify icons (`tabler:network`, `i-heroicons-information-circle`) as inline SVG.
//!
//! Icons come from two files of one format ([`IconFile`]): the compiler's own,
//! `macros/core/icons/icons.json`, embedded here, with exactly the icons the compiler's code
//! draws ([`SITE_ICONS`]); and the content folder's `icons.json`, read by the load stage, with
//! the icons the content names. `site icons` writes both from the `@iconify-json/*` npm
//! packages. A name the content writes is looked up in the content's file first, then in the
//! compiler's ([`find`]); the chrome, the components' fixed icons and the stylesheet's masks
//! draw on the compiler's alone. An icon neither has renders as nothing; components report it
//! (code `missing-icon`, `components::icon`) with the command that adds it.
//!
//! The format, one Iconify set per key with its licence (and author, whom CC BY sets require
//! to be credited), each icon resolved (aliases followed, transforms applied) to its SVG body
//! and view box:
//!
//! ```json
//! {
//!   "tabler": {
//!     "name": "Tabler Icons",
//!     "author": {"name": "Paweł Kuna", "url": "https://github.com/tabler/tabler-icons"},
//!     "license": {"title": "MIT", "spdx": "MIT", "url": "https://…/LICENSE"},
//!     "icons": {
//!       "network": {"body": "<g fill=\"none\" …/>", "width": 24, "height": 24}
//!     }
//!   }
//! }
//! ```
//!
//! An icon's `left` and `top` are 0 when absent, its `width` and `height` 16 (Iconify's
//! defaults).

use maud::{Markup, PreEscaped, html};
use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// The icons the compiler's own code draws, whatever the content says: exactly those of its
/// icon file (a test checks it); `site icons --compiler` adds one listed here to the file.
pub const SITE_ICONS: &[&str] = &[
    // ShAlert, one per type
    "heroicons:information-circle",
    "heroicons:check-circle",
    "heroicons:exclamation-circle",
    "heroicons:x-circle",
    // ShMicroCard's copy button
    "line-md:clipboard-arrow",
    // colour-mode toggle: system, light, dark
    "grommet-icons:system",
    "heroicons:sun-20-solid",
    "heroicons:moon-20-solid",
    // footer social links
    "fa6-brands:linkedin",
    "fa6-brands:square-facebook",
    "fa6-brands:square-youtube",
    "fa6-brands:square-x-twitter",
    "fa6-brands:square-github",
    "heroicons-solid:rss",
    // header menu
    "heroicons:chevron-down-20-solid",
    // ShAvatar's social links
    "mdi:twitter",
    "mdi:linkedin",
    "mdi:facebook",
    "mdi:instagram",
    // ShActionCard's e-mail field
    "heroicons:envelope",
    // ShFaq's chevron
    "heroicons:chevron-right-20-solid",
    // ShAnnouncement's close button
    "line-md:close-small",
    // ShDynamicTable's CSV button and quick filters
    "carbon:download",
    "heroicons:eye-dropper",
    // ShCarousel's arrows
    "mdi:chevron-left-circle",
    "mdi:chevron-right-circle",
    // ShListCards' clear button
    "line-md:close-circle",
];

/// One icon's SVG data.
#[derive(Debug, Clone, PartialEq)]
pub struct Icon {
    /// The SVG markup inside `<svg>`.
    pub body: String,
    /// The view box: left, top, width, height.
    pub view_box: [f64; 4],
}

impl Icon {
    /// Whether the icon moves: SMIL animation elements (`<animate>`, `<animateTransform>`,
    /// `<animateMotion>`, `<set>`) or CSS keyframes in its body, as `line-md`, `svg-spinners`
    /// and `eos-icons` have.
    pub fn is_animated(&self) -> bool {
        ["<animate", "<set ", "<set/", "@keyframes"]
            .iter()
            .any(|mark| self.body.contains(mark))
    }
}

/// One Iconify set as an icon file holds it: who made it, its licence, the icons taken from it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IconSet {
    /// The set's name (`Tabler Icons`).
    pub name: Option<String>,
    /// Who made it.
    pub author: Option<Author>,
    /// The licence its icons are used under.
    pub license: Option<License>,
    /// Its icons by name (`network`).
    pub icons: BTreeMap<String, Icon>,
}

/// The author of an Iconify set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Author {
    /// Their name.
    pub name: String,
    /// Their page.
    pub url: Option<String>,
}

/// The licence of an Iconify set, as its package states it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct License {
    /// Its title (`Apache 2.0`).
    pub title: String,
    /// Its SPDX identifier (`Apache-2.0`).
    pub spdx: Option<String>,
    /// Its text.
    pub url: Option<String>,
}

/// An icon file: Iconify sets by prefix (`tabler`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IconFile {
    /// The sets, by prefix.
    pub sets: BTreeMap<String, IconSet>,
}

/// Why an icon file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IconFileError {
    /// What is wrong.
    pub message: String,
    /// The byte offset in the file's text of what is wrong.
    pub offset: usize,
}

impl IconFile {
    /// Reads an icon file's text (the format is in the module's documentation). Anything it
    /// does not know is an error rather than skipped, since `site icons` rewrites the file
    /// from what was read: a misspelt `licence` would otherwise be lost.
    pub fn parse(text: &str) -> Result<IconFile, IconFileError> {
        let value: Value = serde_json::from_str(text).map_err(|error| IconFileError {
            message: format!("invalid JSON: {error}"),
            offset: offset_of(text, error.line(), error.column()),
        })?;
        let fail = |path: &[&str], message: String| IconFileError {
            message,
            offset: locate(text, path),
        };
        let Value::Object(sets) = value else {
            return Err(fail(
                &[],
                "an icon file is a JSON object of Iconify sets by prefix".into(),
            ));
        };
        let mut file = IconFile::default();
        for (prefix, set) in &sets {
            if !is_iconify_name(prefix) {
                return Err(fail(
                    &[prefix],
                    format!(
                        "`{prefix}` is not an Iconify set prefix (lower-case letters and digits, \
                         joined by single `-`)"
                    ),
                ));
            }
            let in_set = |key: &str, problem: &str| {
                fail(&[prefix, key], format!("set `{prefix}`: {problem}"))
            };
            let set = fields(set, &["name", "author", "license", "icons"])
                .map_err(|problem| in_set("", &problem))?;
            let mut read = IconSet {
                name: text_field(set, "name").map_err(|problem| in_set("name", &problem))?,
                ..IconSet::default()
            };
            if let Some(author) = set.get("author") {
                let in_author = |problem: String| in_set("author", &format!("`author`: {problem}"));
                let author = fields(author, &["name", "url"]).map_err(in_author)?;
                read.author = Some(Author {
                    name: required_text(author, "name").map_err(in_author)?,
                    url: text_field(author, "url").map_err(in_author)?,
                });
            }
            if let Some(license) = set.get("license") {
                let in_license =
                    |problem: String| in_set("license", &format!("`license`: {problem}"));
                let license = fields(license, &["title", "spdx", "url"]).map_err(in_license)?;
                read.license = Some(License {
                    title: required_text(license, "title").map_err(in_license)?,
                    spdx: text_field(license, "spdx").map_err(in_license)?,
                    url: text_field(license, "url").map_err(in_license)?,
                });
            }
            let Some(Value::Object(icons)) = set.get("icons") else {
                return Err(in_set(
                    "icons",
                    "`icons` must be an object of icons by name",
                ));
            };
            for (name, icon) in icons {
                let at = [prefix.as_str(), "icons", name];
                let in_icon =
                    |problem: String| fail(&at, format!("icon `{prefix}:{name}`: {problem}"));
                if !is_iconify_name(name) {
                    return Err(in_icon(
                        "not an Iconify icon name (lower-case letters and digits, joined by \
                         single `-`)"
                            .into(),
                    ));
                }
                let icon =
                    fields(icon, &["body", "left", "top", "width", "height"]).map_err(in_icon)?;
                let number = |key: &str, default: f64| match icon.get(key) {
                    None => Ok(default),
                    Some(value) => value
                        .as_f64()
                        .ok_or_else(|| in_icon(format!("`{key}` must be a number"))),
                };
                let icon = Icon {
                    body: required_text(icon, "body").map_err(in_icon)?,
                    view_box: [
                        number("left", 0.0)?,
                        number("top", 0.0)?,
                        number("width", 16.0)?,
                        number("height", 16.0)?,
                    ],
                };
                read.icons.insert(name.clone(), icon);
            }
            file.sets.insert(prefix.clone(), read);
        }
        Ok(file)
    }

    /// The file's text: sets and icons sorted by name, one icon a line, so that a change
    /// shows as the lines of the icons it adds.
    pub fn to_json(&self) -> String {
        let sets: Vec<String> = self
            .sets
            .iter()
            .map(|(prefix, set)| {
                let mut lines = vec![format!("  {}: {{", quoted(prefix))];
                if let Some(name) = &set.name {
                    lines.push(format!("    \"name\": {},", quoted(name)));
                }
                if let Some(author) = &set.author {
                    let fields = [("name", Some(&author.name)), ("url", author.url.as_ref())];
                    lines.push(format!("    \"author\": {},", inline_object(&fields)));
                }
                if let Some(license) = &set.license {
                    let fields = [
                        ("title", Some(&license.title)),
                        ("spdx", license.spdx.as_ref()),
                        ("url", license.url.as_ref()),
                    ];
                    lines.push(format!("    \"license\": {},", inline_object(&fields)));
                }
                let icons: Vec<String> = set
                    .icons
                    .iter()
                    .map(|(name, icon)| format!("      {}: {}", quoted(name), icon_json(icon)))
                    .collect();
                if icons.is_empty() {
                    lines.push("    \"icons\": {}".into());
                } else {
                    lines.push("    \"icons\": {".into());
                    lines.push(icons.join(",\n"));
                    lines.push("    }".into());
                }
                lines.push("  }".into());
                lines.join("\n")
            })
            .collect();
        if sets.is_empty() {
            "{}\n".into()
        } else {
            format!("{{\n{}\n}}\n", sets.join(",\n"))
        }
    }

    /// The icon of key `set:name`.
    pub fn get(&self, key: &str) -> Option<&Icon> {
        let (prefix, name) = key.split_once(':')?;
        self.sets.get(prefix)?.icons.get(name)
    }

    /// The prefixes of its sets.
    pub fn prefixes(&self) -> impl Iterator<Item = &str> {
        self.sets.keys().map(String::as_str)
    }

    /// The `set:name` keys of its icons, by set, then by name.
    pub fn keys(&self) -> impl Iterator<Item = String> {
        self.sets
            .iter()
            .flat_map(|(prefix, set)| set.icons.keys().map(move |name| format!("{prefix}:{name}")))
    }
}

/// Whether `name` is an Iconify set prefix or icon name: lower-case letters and digits, in
/// parts joined by single dashes (as `@iconify/utils` requires).
pub fn is_iconify_name(name: &str) -> bool {
    !name.is_empty()
        && name.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit())
        })
}

/// A number as an SVG attribute or the icon file writes it: `24`, `0.5`, never `-0`.
pub fn svg_number(value: f64) -> String {
    // `-0.0 + 0.0` is `0.0`.
    format!("{}", value + 0.0)
}

/// `value`'s object, with no key but `allowed`.
fn fields<'v>(value: &'v Value, allowed: &[&str]) -> Result<&'v Map<String, Value>, String> {
    let Value::Object(map) = value else {
        return Err("must be an object".into());
    };
    match map.keys().find(|key| !allowed.contains(&key.as_str())) {
        Some(unknown) => Err(format!(
            "unknown key `{unknown}` (known: `{}`)",
            allowed.join("`, `")
        )),
        None => Ok(map),
    }
}

fn text_field(map: &Map<String, Value>, key: &str) -> Result<Option<String>, String> {
    match map.get(key) {
        None => Ok(None),
        Some(Value::String(text)) => Ok(Some(text.clone())),
        Some(_) => Err(format!("`{key}` must be a string")),
    }
}

fn required_text(map: &Map<String, Value>, key: &str) -> Result<String, String> {
    text_field(map, key)?.ok_or_else(|| format!("`{key}` is missing"))
}

/// The offset of 1-based `line` and `column` (in bytes, as serde_json counts) in `text`.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (line_start + column.saturating_sub(1)).min(text.len())
}

/// Where the entry at `path` (keys from the top; empty ones skipped) is written: each quoted
/// key found in turn after the one before, as the file lists them.
fn locate(text: &str, path: &[&str]) -> usize {
    let mut at = 0;
    for key in path.iter().filter(|key| !key.is_empty()) {
        match text.get(at..).and_then(|rest| rest.find(&quoted(key))) {
            Some(found) => at += found,
            None => break,
        }
    }
    at
}

fn quoted(text: &str) -> String {
    Value::from(text).to_string()
}

/// `{"name": "…", "url": "…"}` of the fields present.
fn inline_object(fields: &[(&str, Option<&String>)]) -> String {
    let present: Vec<String> = fields
        .iter()
        .filter_map(|(key, value)| Some(format!("\"{key}\": {}", quoted(value.as_ref()?))))
        .collect();
    format!("{{{}}}", present.join(", "))
}

/// An icon's object: its body and view box, `left` and `top` only when not 0.
fn icon_json(icon: &Icon) -> String {
    let [left, top, width, height] = icon.view_box;
    let mut json = format!("{{\"body\": {}", quoted(&icon.body));
    for (key, value) in [("left", left), ("top", top)] {
        if value != 0.0 {
            json += &format!(", \"{key}\": {}", svg_number(value));
        }
    }
    json += &format!(
        ", \"width\": {}, \"height\": {}}}",
        svg_number(width),
        svg_number(height)
    );
    json
}

static DATA: &str = include_str!("../icons/icons.json");

/// The compiler's file; a test checks that it parses.
static COMPILER: LazyLock<IconFile> = LazyLock::new(|| IconFile::parse(DATA).unwrap_or_default());

/// The compiler's own icons ([`SITE_ICONS`]).
pub fn compiler_icons() -> &'static IconFile {
    &COMPILER
}

/// The `collection:name` key of an Iconify name written in any form: `tabler:network`,
/// `i-devicon-plain:fastapi`, or `i-heroicons-solid-rss` / `fa6-brands-linkedin`, where the
/// collection is the longest of `collections` that prefixes the name.
pub fn canonical_name<'a>(
    name: &str,
    collections: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let name = name.trim();
    let name = name.strip_prefix("i-").unwrap_or(name);
    if let Some((collection, icon)) = name.split_once(':') {
        return (!collection.is_empty() && !icon.is_empty()).then(|| name.to_string());
    }
    collections
        .into_iter()
        .filter(|collection| {
            name.strip_prefix(collection)
                .and_then(|rest| rest.strip_prefix('-'))
                .is_some_and(|icon| !icon.is_empty())
        })
        .max_by_key(|collection| collection.len())
        .map(|collection| format!("{collection}:{}", &name[collection.len() + 1..]))
}

/// The `collection:name` key of `name` (any form [`canonical_name`] accepts) among the sets of
/// the content's icon file and the compiler's.
pub fn key_of(content: Option<&IconFile>, name: &str) -> Option<String> {
    let prefixes = COMPILER
        .prefixes()
        .chain(content.into_iter().flat_map(IconFile::prefixes));
    canonical_name(name, prefixes)
}

/// The icon the content calls `name`: from the content's icon file, else from the compiler's.
pub fn find<'a>(content: Option<&'a IconFile>, name: &str) -> Option<&'a Icon> {
    let key = key_of(content, name)?;
    content
        .and_then(|icons| icons.get(&key))
        .or_else(|| COMPILER.get(&key))
}

/// The compiler's icon called `name` (any form [`canonical_name`] accepts).
pub fn lookup(name: &str) -> Option<&'static Icon> {
    find(None, name)
}

/// An inline `<svg>` of `icon` carrying `class`, sized 1em so that it follows the font size
/// unless a class sizes it, and coloured by `currentColor`. With `alt` it is an image labelled
/// `alt`, otherwise decoration hidden from assistive technology.
pub fn svg(icon: &Icon, class: &str, alt: Option<&str>) -> Markup {
    let [left, top, width, height] = icon.view_box;
    let view_box = format!("{left} {top} {width} {height}");
    let hidden = alt.is_none().then_some("true");
    let class = Some(class.trim()).filter(|class| !class.is_empty());
    html! {
        svg xmlns="http://www.w3.org/2000/svg" viewBox=(view_box) width="1em" height="1em"
            class=[class] role="img" aria-hidden=[hidden] aria-label=[alt] {
            (PreEscaped(&icon.body))
        }
    }
}

/// The compiler's icon `name` as [`svg`] writes it; an unknown icon renders as nothing.
pub fn icon(name: &str, class: &str, alt: Option<&str>) -> Markup {
    lookup(name).map_or_else(|| PreEscaped(String::new()), |icon| svg(icon, class, alt))
}

/// A `<span>` that shows the compiler's icon `name` in the text colour through a CSS mask, as
/// the OMA site's header and footer show theirs (`<span class="i-fa6-brands-linkedin">`): the
/// SVG is in the stylesheet once ([`class_rule`]) instead of in every page's chrome.
/// Decoration, hidden from assistive technology; an unknown icon renders as nothing.
pub fn class_icon(name: &str) -> Markup {
    let Some(key) = key_of(None, name).filter(|key| COMPILER.get(key).is_some()) else {
        return PreEscaped(String::new());
    };
    let class = format!("i-{}", key.replace(':', "-"));
    html! { span class=(class) aria-hidden="true" {} }
}
/// Characters escaped in an SVG `data:` URL inside a double-quoted CSS `url("…")`.
const DATA_URL: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'\\');

/// The CSS rule of `class` when it names an icon ([`class_icon`]'s `i-fa6-brands-linkedin`):
/// a 1em box painted in `currentColor` through the icon's SVG as a mask, which scales it like
/// an inline `<svg>` (centred, aspect kept), and a block box as the preflight makes every
/// `<svg>`, so that it takes the same room as the `<svg>` it stands for. The selector weighs nothing (`:where`), so any
/// utility beside it (`hidden`, `size-7`) wins wherever the rules are.
pub fn class_rule(class: &str) -> Option<String> {
    let name = class.strip_prefix("i-")?;
    // Iconify names are lower-case letters, digits and dashes: nothing to escape in a selector.
    if !name
        .bytes()
        .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-')
    {
        return None;
    }
    let icon = lookup(name)?;
    let [left, top, width, height] = icon.view_box;
    let svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="{left} {top} {width} {height}">{}</svg>"#,
        icon.body
    );
    let url = utf8_percent_encode(&svg, DATA_URL);
    Some(format!(
        ":where(.{class}){{--icon:url(\"data:image/svg+xml,{url}\");display:block;width:1em;\
         height:1em;background-color:currentColor;-webkit-mask:var(--icon) no-repeat 50% 50%/100% 100%;\
         mask:var(--icon) no-repeat 50% 50%/100% 100%}}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SETS: &[&str] = &[
        "heroicons",
        "heroicons-solid",
        "devicon",
        "devicon-plain",
        "fa6-brands",
        "line-md",
        "tabler",
    ];

    fn canonical(name: &str) -> Option<String> {
        canonical_name(name, SETS.iter().copied())
    }

    #[test]
    fn names_resolve_in_every_form() {
        let cases = [
            ("tabler:network", "tabler:network"),
            ("i-devicon-plain:fastapi", "devicon-plain:fastapi"),
            (
                "i-heroicons-information-circle",
                "heroicons:information-circle",
            ),
            ("i-fa6-brands-linkedin", "fa6-brands:linkedin"),
            ("fa6-brands-square-github", "fa6-brands:square-github"),
            (
                "line-md:chevron-right-circle",
                "line-md:chevron-right-circle",
            ),
            ("heroicons-solid-rss", "heroicons-solid:rss"),
            ("i-heroicons-solid-rss", "heroicons-solid:rss"),
            ("devicon-plain-fastapi", "devicon-plain:fastapi"),
            ("i-mdi:twitter", "mdi:twitter"),
            (" tabler:network ", "tabler:network"),
        ];
        for (name, expected) in cases {
            assert_eq!(canonical(name).as_deref(), Some(expected), "{name}");
        }
        for name in [
            "",
            "i-",
            "tabler:",
            ":network",
            "unknown-set-icon",
            "heroicons",
            "w-1/2",
        ] {
            assert_eq!(canonical(name), None, "{name}");
        }
    }

    #[test]
    fn the_compiler_file_holds_exactly_the_site_icons_with_their_licences() {
        assert_eq!(IconFile::parse(DATA).as_ref(), Ok(&*COMPILER));
        let mut site: Vec<String> = SITE_ICONS
            .iter()
            .filter_map(|name| key_of(None, name))
            .collect();
        site.sort();
        assert_eq!(site.len(), SITE_ICONS.len(), "every site icon names a set");
        let mut keys: Vec<String> = COMPILER.keys().collect();
        keys.sort();
        assert_eq!(
            keys, site,
            "run `site icons --compiler`, or remove the icons no longer drawn"
        );
        for (prefix, set) in &COMPILER.sets {
            assert!(set.license.is_some(), "{prefix} has no licence");
        }
        assert_eq!(
            DATA,
            COMPILER.to_json(),
            "the file is as `site icons` writes it"
        );
        assert!(lookup("i-heroicons-information-circle").is_some());
        assert!(lookup("i-heroicons-solid-rss").is_some());
        assert!(lookup("fa6-brands-square-github").is_some());
        assert!(lookup("heroicons:no-such-icon").is_none());
        assert!(lookup("no-such-set:network").is_none());
    }

    const CONTENT: &str = r#"{
  "heroicons": {
    "icons": {
      "check-circle": {"body": "<path d=\"M0 0\"/>", "width": 24, "height": 24}
    }
  },
  "xyz": {
    "name": "XYZ",
    "author": {"name": "A. Maker"},
    "license": {"title": "MIT", "spdx": "MIT", "url": "https://example.com/mit"},
    "icons": {
      "spin": {"body": "<path d=\"M1 1\"><animateTransform attributeName=\"transform\" type=\"rotate\" dur=\"1s\" values=\"0 8 8;360 8 8\" repeatCount=\"indefinite\"/></path>", "left": -1, "top": 0.5, "width": 18, "height": 16},
      "still": {"body": "<path d=\"M2 2\"/>", "width": 16, "height": 16}
    }
  }
}
"#;

    #[test]
    fn an_icon_file_reads_and_writes_back_the_same() -> Result<(), IconFileError> {
        let file = IconFile::parse(CONTENT)?;
        assert_eq!(file.to_json(), CONTENT);
        assert_eq!(
            file.keys().collect::<Vec<_>>(),
            ["heroicons:check-circle", "xyz:spin", "xyz:still"]
        );
        let Some(spin) = file.get("xyz:spin") else {
            panic!("xyz:spin is in the file");
        };
        assert_eq!(spin.view_box, [-1.0, 0.5, 18.0, 16.0]);
        assert!(spin.is_animated());
        assert!(
            file.get("xyz:still")
                .is_some_and(|icon| !icon.is_animated())
        );
        assert_eq!(
            file.sets["xyz"].license,
            Some(License {
                title: "MIT".into(),
                spdx: Some("MIT".into()),
                url: Some("https://example.com/mit".into()),
            })
        );
        assert_eq!(IconFile::default().to_json(), "{}\n");
        assert_eq!(IconFile::parse("{}\n"), Ok(IconFile::default()));
        Ok(())
    }

    #[test]
    fn the_content_file_comes_first_then_the_compilers() -> Result<(), IconFileError> {
        let file = IconFile::parse(CONTENT)?;
        let content = Some(&file);
        // Its own version of a compiler icon wins; its sets split `i-set-name` forms.
        assert_eq!(
            find(content, "heroicons:check-circle").map(|icon| icon.body.as_str()),
            Some("<path d=\"M0 0\"/>")
        );
        assert!(find(content, "i-xyz-still").is_some());
        assert!(
            find(content, "heroicons:x-circle").is_some(),
            "the compiler's"
        );
        assert!(find(None, "xyz:still").is_none());
        assert!(find(content, "xyz:nothing").is_none());
        Ok(())
    }

    #[test]
    fn a_broken_icon_file_says_what_and_where() {
        let problem = |text: &str| {
            IconFile::parse(text)
                .map(|_| ())
                .map_err(|error| (error.message, error.offset))
        };
        let Err((message, offset)) = problem("{\n  \"a\": {,\n}") else {
            panic!("invalid JSON is an error");
        };
        assert!(message.starts_with("invalid JSON: "), "{message}");
        assert_eq!(offset, 10);
        assert_eq!(
            problem("[]"),
            Err((
                "an icon file is a JSON object of Iconify sets by prefix".into(),
                0
            ))
        );
        let text = "{\n  \"xyz\": {\n    \"licence\": {},\n    \"icons\": {}\n  }\n}\n";
        assert_eq!(
            problem(text),
            Err((
                "set `xyz`: unknown key `licence` (known: `name`, `author`, `license`, `icons`)"
                    .into(),
                4
            ))
        );
        let text = "{\"xyz\": {\"icons\": {\"a\": {\"body\": \"\"}, \"b\": {\"width\": 1}}}}";
        assert_eq!(
            problem(text),
            Err((
                "icon `xyz:b`: `body` is missing".into(),
                text.find("\"b\"").unwrap_or_default()
            ))
        );
        let text = "{\"xyz\": {\"icons\": {\"A\": {\"body\": \"\"}}}}";
        assert!(
            problem(text).is_err_and(|(message, _)| message.contains("not an Iconify icon name"))
        );
        let text = "{\"xyz\": {\"icons\": {\"a\": {\"body\": \"\", \"width\": \"24\"}}}}";
        assert!(
            problem(text).is_err_and(|(message, _)| message.ends_with("`width` must be a number"))
        );
        assert!(problem("{\"x_y\": {\"icons\": {}}}").is_err());
        assert!(problem("{\"xyz\": {}}").is_err_and(|(message, _)| message.contains("`icons`")));
    }

    #[test]
    fn iconify_names_and_numbers() {
        for name in ["mdi", "fa6-brands", "home-2", "24"] {
            assert!(is_iconify_name(name), "{name}");
        }
        for name in ["", "Mdi", "a--b", "-a", "a-", "a_b", "a:b"] {
            assert!(!is_iconify_name(name), "{name}");
        }
        assert_eq!(svg_number(24.0), "24");
        assert_eq!(svg_number(0.5), "0.5");
        assert_eq!(svg_number(-0.0), "0");
        assert_eq!(svg_number(-12.25), "-12.25");
    }

    #[test]
    fn a_class_icon_is_an_empty_span_whose_class_has_the_svg_as_a_mask() {
        assert_eq!(
            class_icon("fa6-brands:linkedin").0,
            r#"<span class="i-fa6-brands-linkedin" aria-hidden="true"></span>"#
        );
        assert_eq!(class_icon("heroicons:no-such-icon").0, "");
        let Some(rule) = class_rule("i-fa6-brands-linkedin") else {
            panic!("the class of a known icon has a rule");
        };
        assert!(rule.starts_with(":where(.i-fa6-brands-linkedin){--icon:url(\"data:image/svg+xml,%3Csvg%20xmlns=%22http://www.w3.org/2000/svg%22%20viewBox=%220%200%20448%20512%22%3E"), "{rule}");
        assert!(
            rule.contains("background-color:currentColor") && rule.contains("mask:var(--icon)"),
            "{rule}"
        );
        // Nothing in the URL that would end it or the string early.
        let url = rule
            .split("url(\"")
            .nth(1)
            .and_then(|rest| rest.split("\")").next())
            .unwrap_or_default();
        assert!(!url.contains(['"', '#', '<', '>', ' ']), "{url}");
        assert_eq!(class_rule("i-no-such-icon"), None);
        assert_eq!(class_rule("flex"), None);
        assert_eq!(
            class_rule("i-fa6-brands:linkedin"),
            None,
            "not a class the chrome writes"
        );
    }

    #[test]
    fn an_icon_renders_its_body_and_view_box() {
        let Some(data) = lookup("heroicons:envelope") else {
            panic!("heroicons:envelope is in the compiler's file");
        };
        let svg = icon("heroicons:envelope", "w-10 h-10", None).0;
        assert!(svg.starts_with(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\" width=\"1em\" height=\"1em\" class=\"w-10 h-10\" role=\"img\" aria-hidden=\"true\">"
        ), "{svg}");
        assert!(svg.ends_with(&format!("{}</svg>", data.body)), "{svg}");
        let brand = icon("i-fa6-brands:linkedin", "", Some("LinkedIn")).0;
        assert!(brand.contains("viewBox=\"0 0 448 512\""), "{brand}");
        assert!(brand.contains("aria-label=\"LinkedIn\""), "{brand}");
        assert!(!brand.contains("aria-hidden"), "{brand}");
        assert!(!brand.contains("class="), "{brand}");
    }

    #[test]
    fn an_unknown_icon_renders_nothing() {
        assert_eq!(icon("tabler:no-such-icon", "w-10", None).0, "");
        assert_eq!(icon("", "", None).0, "");
    }
}
