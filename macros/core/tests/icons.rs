//! The content folder's own icons (`icons.json`): read by the load stage and tracked, looked
//! up before the compiler's, every name the content writes exposed for `site icons`, and
//! animated icons that stand still for readers who prefer reduced motion.

mod support;

use site_compiler::{Build, Options, build};
use support::{Content, document, has, lacks};

/// A content icon file: a still icon, and one that spins (SMIL).
const ICONS: &str = r#"{
  "xyz": {
    "name": "XYZ Icons",
    "license": {"title": "MIT", "spdx": "MIT"},
    "icons": {
      "home": {"body": "<path d=\"M1 1h14v14H1z\"/>", "width": 16, "height": 16},
      "spinner": {"body": "<path d=\"M8 1a7 7 0 0 1 7 7\"><animateTransform attributeName=\"transform\" dur=\"1s\" repeatCount=\"indefinite\" type=\"rotate\" values=\"0 8 8;360 8 8\"/></path>", "width": 16, "height": 16}
    }
  }
}
"#;

const HOME_BODY: &str = "<path d=\"M1 1h14v14H1z\"/>";

fn card(icon: &str) -> String {
    format!("::ShMicroCard\n---\nicon: {icon}\ntitle: A card\n---\n::\n")
}

fn built(content: &Content) -> Result<Build, site_compiler::Error> {
    build(content.root(), &Options::default())
}

/// The first line of each diagnostic, with its code.
fn diagnostics(build: &Build) -> Vec<String> {
    build
        .diagnostics
        .iter()
        .map(|d| {
            format!(
                "{}:{}:{}: {} [{}]",
                d.path, d.line, d.column, d.message, d.code
            )
        })
        .collect()
}

#[test]
fn the_content_names_its_own_icons_and_the_compilers() -> Result<(), Box<dyn std::error::Error>> {
    let legacy = "---\ntitle: Legacy\nmodules:\n  - name: RowButtonGrid\n    cols:\n      \
                  - title: A column\n        image: i-xyz-home\n        items:\n          \
                  - title: A button\n            url: /a\n---\n";
    let content = Content::new(
        "content-icons",
        &[
            ("icons.json", ICONS),
            ("a.md", &card("xyz:home")),
            ("b.md", &card("i-xyz-home")),
            ("c.md", &card("heroicons:envelope")),
            ("d.md", &card("xyz:nothing")),
            ("e.md", legacy),
        ],
    )?;
    let build = built(&content)?;
    assert_eq!(
        diagnostics(&build),
        ["content/d.md:3:7: icon `xyz:nothing` is not available [missing-icon]"]
    );
    for route in ["/a", "/b", "/e"] {
        has(document(&build, route), &[HOME_BODY]);
    }
    has(document(&build, "/c"), &["<svg"]);
    lacks(
        document(&build, "/d"),
        &["<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\""],
    );
    assert_eq!(
        build.named_icons,
        [
            "heroicons:envelope",
            "i-xyz-home",
            "xyz:home",
            "xyz:nothing"
        ]
    );
    assert!(
        build.sources.contains(&content.root().join("icons.json")),
        "the icon file is tracked: {:?}",
        build.sources
    );
    Ok(())
}

#[test]
fn without_an_icon_file_the_content_has_the_compilers_icons()
-> Result<(), Box<dyn std::error::Error>> {
    let content = Content::new(
        "no-content-icons",
        &[
            ("a.md", &card("heroicons:envelope")),
            ("b.md", &card("xyz:home")),
        ],
    )?;
    let build = built(&content)?;
    assert_eq!(
        diagnostics(&build),
        ["content/b.md:3:7: icon `xyz:home` is not available [missing-icon]"]
    );
    has(document(&build, "/a"), &["<svg"]);
    Ok(())
}

#[test]
fn a_broken_icon_file_is_a_content_error_at_its_place() -> Result<(), Box<dyn std::error::Error>> {
    let broken =
        "{\n  \"xyz\": {\n    \"icons\": {\n      \"home\": {\"width\": 16}\n    }\n  }\n}\n";
    let content = Content::new(
        "broken-content-icons",
        &[("icons.json", broken), ("a.md", &card("xyz:home"))],
    )?;
    let build = built(&content)?;
    assert_eq!(
        diagnostics(&build),
        [
            "content/a.md:3:7: icon `xyz:home` is not available [missing-icon]",
            "content/icons.json:4:7: icon `xyz:home`: `body` is missing [data]",
        ]
    );
    let content = Content::new(
        "invalid-json-content-icons",
        &[("icons.json", "{\n  \"xyz\": {,\n}\n")],
    )?;
    let build = built(&content)?;
    let found = diagnostics(&build);
    assert!(
        found.len() == 1 && found[0].starts_with("content/icons.json:2:11: invalid JSON: "),
        "{found:?}"
    );
    Ok(())
}

#[test]
fn an_animated_icon_moves_and_stands_still_for_reduced_motion()
-> Result<(), Box<dyn std::error::Error>> {
    let content = Content::new(
        "animated-icons",
        &[
            ("icons.json", ICONS),
            ("spinner.md", &card("xyz:spinner")),
            ("still.md", &card("xyz:home")),
        ],
    )?;
    let build = built(&content)?;
    assert_eq!(diagnostics(&build), Vec::<String>::new());
    let spinner = document(&build, "/spinner");
    // The animation is in the page as the set draws it…
    has(
        spinner,
        &["<animateTransform attributeName=\"transform\" dur=\"1s\" repeatCount=\"indefinite\""],
    );
    // …and the enhancement script, which pauses it for readers who prefer reduced motion,
    // loads with it; a page of still icons goes without.
    has(spinner, &["<script src=\"/_site/enhance."]);
    lacks(document(&build, "/still"), &["/_site/enhance."]);
    let stylesheet = build
        .assets
        .iter()
        .find(|asset| asset.route.starts_with("/_site/style."))
        .map(|asset| String::from_utf8_lossy(&asset.bytes).into_owned())
        .unwrap_or_default();
    has(
        &stylesheet,
        &[
            "@media (prefers-reduced-motion: reduce)",
            "animation: none !important",
        ],
    );
    Ok(())
}

#[test]
fn an_icon_whose_markup_can_run_a_script_is_reported_and_not_drawn()
-> Result<(), Box<dyn std::error::Error>> {
    let icons = r#"{
  "xyz": {
    "name": "XYZ Icons",
    "icons": {
      "trap": {"body": "<path d=\"M0 0\" onload=\"alert(1)\"/><a href=\"javascript:alert(2)\"><path d=\"M1 1\"/></a>"}
    }
  }
}
"#;
    let content = Content::new(
        "content-icons-script",
        &[("icons.json", icons), ("a.md", &card("xyz:trap"))],
    )?;
    let build = built(&content)?;
    assert_eq!(
        diagnostics(&build),
        [
            "content/a.md:3:7: icon `xyz:trap`: event handler `onload` on `<path>` [event-handler]",
            "content/a.md:3:7: icon `xyz:trap`: `javascript:` URL in `href` [script-url]",
        ]
    );
    assert!(build.failed());
    lacks(document(&build, "/a"), &["alert(", "onload"]);

    // Untrusted mode warns, and leaves the icon out all the same.
    let options = Options {
        untrusted: true,
        ..Options::default()
    };
    let build = site_compiler::build(content.root(), &options)?;
    assert!(!build.failed(), "{:?}", diagnostics(&build));
    assert_eq!(build.diagnostics.len(), 2);
    lacks(document(&build, "/a"), &["alert(", "onload"]);
    Ok(())
}
