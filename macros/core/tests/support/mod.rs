//! What the integration tests share: one page compiled through the public API, a content
//! folder in a temporary directory, and assertions on HTML.
// Each test file uses its own part of this module.
#![allow(dead_code)]

use site_compiler::{Options, RenderedPage, Severity, compile_page};
use std::path::{Path, PathBuf};

/// The page `a.md` holding `text`, which must compile without diagnostics.
pub(crate) fn page(text: &str) -> RenderedPage {
    let compiled = compile_page("a.md", text, &Options::default());
    let messages: Vec<String> = compiled
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        messages.is_empty(),
        "unexpected diagnostics:\n{}",
        messages.join("\n")
    );
    compiled.value
}

/// The body HTML of the page `a.md` holding `text`, which must compile without diagnostics.
pub(crate) fn body(text: &str) -> String {
    page(text).body
}

/// The errors the page `a.md` holding `text` gives.
pub(crate) fn errors(text: &str) -> Vec<String> {
    compile_page("a.md", text, &Options::default())
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(ToString::to_string)
        .collect()
}

/// Asserts that `html` contains every one of `parts`.
pub(crate) fn has(html: &str, parts: &[&str]) {
    for part in parts {
        assert!(html.contains(part), "`{part}` not in:\n{html}");
    }
}

/// Asserts that `html` contains none of `parts`.
pub(crate) fn lacks(html: &str, parts: &[&str]) {
    for part in parts {
        assert!(!html.contains(part), "`{part}` in:\n{html}");
    }
}

/// Classes of `html` that get no CSS.
pub(crate) fn unstyled(html: &str) -> Vec<String> {
    site_compiler::style::stylesheet([html]).unmatched
}

/// A content folder in a temporary directory, removed afterwards.
pub(crate) struct Content(PathBuf);

impl Content {
    /// The folder holding `files` (path inside it, text), named after the test `name`.
    pub(crate) fn new(name: &str, files: &[(&str, &str)]) -> std::io::Result<Content> {
        let root = std::env::temp_dir()
            .join(format!("site-content-{name}-{}", std::process::id()))
            .join("content");
        if root.exists() {
            std::fs::remove_dir_all(&root)?;
        }
        for (path, text) in files {
            let path = root.join(path);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(path, text)?;
        }
        std::fs::create_dir_all(&root)?;
        Ok(Content(root))
    }

    /// The content folder.
    pub(crate) fn root(&self) -> &Path {
        &self.0
    }
}

impl Drop for Content {
    fn drop(&mut self) {
        if let Some(parent) = self.0.parent() {
            let _ = std::fs::remove_dir_all(parent);
        }
    }
}

/// The finished document of the page at `route` of `build`; empty when there is none.
pub(crate) fn document<'a>(build: &'a site_compiler::Build, route: &str) -> &'a str {
    build
        .pages
        .iter()
        .find(|page| page.page.route == route)
        .map_or("", |page| page.page.html.as_str())
}

/// Everything a build gives that can be compared, as text.
pub(crate) fn summary(build: &site_compiler::Build) -> Vec<String> {
    let mut lines: Vec<String> = build
        .pages
        .iter()
        .chain([&build.not_found])
        .map(|page| {
            format!(
                "page {} {} {} {:?} {}",
                page.page.route,
                page.variants.etag,
                page.page.body_start,
                page.page.third_party,
                page.page.html
            )
        })
        .collect();
    lines.extend(
        build
            .assets
            .iter()
            .map(|asset| format!("asset {} {}", asset.route, asset.variants.etag)),
    );
    lines.extend(
        build
            .redirects
            .iter()
            .map(|r| format!("redirect {} {}", r.from, r.to)),
    );
    lines.extend(build.diagnostics.iter().map(ToString::to_string));
    lines.push(format!(
        "stylesheet {} unstyled {:?} icons {:?} sources {:?} nav {:?}",
        build.stylesheet, build.unstyled_classes, build.named_icons, build.sources, build.nav
    ));
    lines
}
