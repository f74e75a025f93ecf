//! Iconify icons (`tabler:network`, `i-heroicons-information-circle`) as inline SVG.
//!
//! The SVG bodies come from `macros/core/icons/icons.json`, written by
//! `scripts/extract-icons.py` with only the icons the site and its content use, and embedded
//! here at compile time. An icon missing from it renders as nothing; components report it
//! (code `missing-icon`, `components::icon`) with the command that adds it. Components, the
//! page chrome and the stylesheet all draw on this set.

use maud::{Markup, PreEscaped, html};
use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;

/// The icons the site's own code renders, whatever the content says. `scripts/extract-icons.py`
/// holds the same list (a test keeps the two equal) and always extracts them.
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

/// The embedded icons by `collection:name`, and the collections they come from.
#[derive(Debug, Default)]
struct Icons {
    icons: HashMap<String, Icon>,
    collections: BTreeSet<String>,
}

static DATA: &str = include_str!("../icons/icons.json");

static ICONS: LazyLock<Icons> = LazyLock::new(|| parse_data(DATA));

/// Reads the data file; an entry that is not an icon is skipped (a test checks there is none).
fn parse_data(text: &str) -> Icons {
    let Ok(Value::Object(entries)) = serde_json::from_str::<Value>(text) else {
        return Icons::default();
    };
    let mut icons = Icons::default();
    for (key, value) in entries {
        let (Some((collection, _)), Some(body)) = (
            key.split_once(':'),
            value.get("body").and_then(Value::as_str),
        ) else {
            continue;
        };
        let number =
            |field: &str, default: f64| value.get(field).and_then(Value::as_f64).unwrap_or(default);
        let icon = Icon {
            body: body.to_string(),
            view_box: [
                number("left", 0.0),
                number("top", 0.0),
                number("width", 16.0),
                number("height", 16.0),
            ],
        };
        icons.collections.insert(collection.to_string());
        icons.icons.insert(key, icon);
    }
    icons
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

/// The icon called `name` (any form [`canonical_name`] accepts), if the site has it.
pub fn lookup(name: &str) -> Option<&'static Icon> {
    let icons = &*ICONS;
    let key = canonical_name(name, icons.collections.iter().map(String::as_str))?;
    icons.icons.get(&key)
}

/// Whether the icon called `name` is available.
pub fn icon_exists(name: &str) -> bool {
    lookup(name).is_some()
}

/// An inline `<svg>` for icon `name` carrying `class`, sized 1em so that it follows the font
/// size unless a class sizes it, and coloured by `currentColor`. With `alt` it is an image
/// labelled `alt`, otherwise decoration hidden from assistive technology. An unknown icon
/// renders as nothing.
pub fn icon(name: &str, class: &str, alt: Option<&str>) -> Markup {
    let Some(icon) = lookup(name) else {
        return PreEscaped(String::new());
    };
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

/// A `<span>` that shows icon `name` in the text colour through a CSS mask, as the OMA site's
/// header and footer show theirs (`<span class="i-fa6-brands-linkedin">`): the SVG is in the
/// stylesheet once ([`class_rule`]) instead of in every page's chrome. Decoration, hidden
/// from assistive technology; an unknown icon renders as nothing.
pub fn class_icon(name: &str) -> Markup {
    let icons = &*ICONS;
    let Some(key) = canonical_name(name, icons.collections.iter().map(String::as_str))
        .filter(|key| icons.icons.contains_key(key))
    else {
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
    fn the_data_file_parses_and_has_the_site_icons() {
        let entries = serde_json::from_str::<serde_json::Map<String, Value>>(DATA)
            .map(|map| map.len())
            .unwrap_or_default();
        assert!(entries > 0);
        assert_eq!(ICONS.icons.len(), entries, "every entry is an icon");
        for name in SITE_ICONS {
            assert!(icon_exists(name), "{name} is missing from icons.json");
        }
        assert!(icon_exists("i-heroicons-information-circle"));
        assert!(icon_exists("i-heroicons-solid-rss"));
        assert!(icon_exists("fa6-brands-square-github"));
        assert!(!icon_exists("tabler:no-such-icon"));
        assert!(!icon_exists("no-such-set:network"));
    }

    #[test]
    fn the_script_extracts_the_same_site_icons() {
        let script =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/extract-icons.py");
        let text = std::fs::read_to_string(&script).unwrap_or_default();
        let list = text
            .split_once("SITE_ICONS = [")
            .and_then(|(_, rest)| rest.split_once(']'))
            .map(|(list, _)| list)
            .unwrap_or_default();
        let names: Vec<&str> = list
            .lines()
            .map(str::trim)
            .filter(|line| line.starts_with('"'))
            .map(|line| line.trim_end_matches(',').trim_matches('"'))
            .collect();
        assert_eq!(names, SITE_ICONS);
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
        let Some(data) = lookup("tabler:network") else {
            panic!("tabler:network is in the data file");
        };
        let svg = icon("tabler:network", "w-10 h-10", None).0;
        assert!(svg.starts_with(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\" width=\"1em\" height=\"1em\" class=\"w-10 h-10\" role=\"img\" aria-hidden=\"true\">"
        ), "{svg}");
        assert!(svg.ends_with(&format!("{}</svg>", data.body)), "{svg}");
        let devicon = icon("i-devicon-plain:fastapi", "", Some("FastAPI")).0;
        assert!(devicon.contains("viewBox=\"0 0 128 128\""), "{devicon}");
        assert!(devicon.contains("aria-label=\"FastAPI\""), "{devicon}");
        assert!(!devicon.contains("aria-hidden"), "{devicon}");
        assert!(!devicon.contains("class="), "{devicon}");
    }

    #[test]
    fn an_unknown_icon_renders_nothing() {
        assert_eq!(icon("tabler:no-such-icon", "w-10", None).0, "");
        assert_eq!(icon("", "", None).0, "");
    }
}
