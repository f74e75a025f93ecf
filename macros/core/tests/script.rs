//! What can run a script: each way content can write one is an error at its exact place; the
//! raw HTML OMA's pages use is none.

mod support;

use site_compiler::{Build, Options, build};
use support::Content;

/// A page with every way of running a script, each on its line (the comment says which).
const HOSTILE: &str = r#"# Hostile

<a href="java&Tab;script:alert(1)">tab</a>

<a href="java&NewLine;script&colon;alert(1)">newline</a>

<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>

<script>alert(1)</script>

<script src="https://cdn.example/x.js"></script>

[click](/){onclick="alert(1)"}

<img src="/x.png" onerror="alert(1)">

<body onload="alert(1)">

<iframe srcdoc="<script>alert(1)</script>"></iframe>

<a href="vbscript:msgbox(1)">vb</a>

<img src="data:text/html,<script>alert(1)</script>">

<meta http-equiv="refresh" content="0;url=https://elsewhere.example">

::ShCard
---
title: "<script>alert(1)</script>"
---
::

::ShSegment
---
imageBackground: "x); color: red"
imageBackgroundClass: "color: red\" onmouseover=\"alert(1)"
---
::

::ShSegment
---
imageBackground: "javascript:alert(1)"
imageBackgroundClass: "width: expression(alert(1))"
---
::

::ShSegment
---
imageBackgroundClass: "background: url(javascript:alert(1))"
---
::

::ShSegment
---
imageBackgroundClass: "color: red; } body { color: red"
---
::

::ShAlert{onclick="alert(1)"}
Alert
::

<button formaction="javascript:alert(1)">go</button>

<form action="javascript:alert(1)"><input></form>

<object data="data:text/html,x"></object>
"#;

/// Each problem of `content`: `line:column code`, in file order.
fn problems(content: &Content, options: &Options) -> Vec<String> {
    let build = build(content.root(), options).map(|build| build.diagnostics);
    build
        .unwrap_or_default()
        .iter()
        .map(|d| format!("{}:{}:{} {}", d.path, d.line, d.column, d.code))
        .collect()
}

fn hostile() -> std::io::Result<Content> {
    Content::new(
        "script-hostile",
        &[("a.md", HOSTILE), ("public/x.png", "png")],
    )
}

#[test]
fn every_way_of_running_a_script_is_an_error_at_its_place() -> std::io::Result<()> {
    let content = hostile()?;
    assert_eq!(
        problems(&content, &Options::default()),
        [
            // `&Tab;` and `&NewLine;` decoded as a browser decodes them: the whole value.
            "content/a.md:3:10 script-url",
            "content/a.md:5:10 script-url",
            "content/a.md:7:21 script-url",
            "content/a.md:9:1 script-element",
            "content/a.md:11:1 script-element",
            "content/a.md:13:12 event-handler",
            "content/a.md:15:19 event-handler",
            "content/a.md:17:7 event-handler",
            "content/a.md:19:9 iframe-srcdoc",
            "content/a.md:21:10 script-url",
            "content/a.md:23:11 script-url",
            "content/a.md:25:7 meta-refresh",
            // In a markdown prop.
            "content/a.md:29:9 script-element",
            "content/a.md:35:18 unsafe-style",
            "content/a.md:36:23 unsafe-style",
            "content/a.md:42:18 script-url",
            "content/a.md:43:23 unsafe-style",
            "content/a.md:49:23 script-url",
            "content/a.md:55:23 unsafe-style",
            "content/a.md:59:11 event-handler",
            "content/a.md:63:21 script-url",
            "content/a.md:65:15 script-url",
            "content/a.md:67:15 script-url",
        ]
    );
    Ok(())
}

/// The raw HTML OMA's own pages use, and CSS in ShSegment as the guide shows it.
const OMA: &str = r#"# OMA's raw HTML

<style>
.oma-grid > div { padding: 1rem; }
</style>

<div class="grid grid-cols-1 md:grid-cols-2 gap-4 oma-grid">

**Markdown** inside the grid, [a link](/x.png) and ![an image](/x.png).

</div>

<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="YouTube video player" frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share" referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe>

<a href="https://www.openmobilealliance.org" target="_blank">OMA SpecWorks</a>

Line one<br>Line two</br>Line three

<button type="button" class="rounded-md px-3 py-2">Join</button>

<img src="data:image/png;base64,iVBORw0KGgo=" alt="A pixel">

::ShSegment
---
imageBackground: /x.png
imageBackgroundClass: "background-size: cover; background-position: center"
---
In a segment.
::
"#;

#[test]
fn oma_s_own_raw_html_passes_strict_mode() -> Result<(), Box<dyn std::error::Error>> {
    let content = Content::new("script-oma", &[("a.md", OMA), ("public/x.png", "png")])?;
    let compiled = build(content.root(), &Options::default())?;
    let messages: Vec<String> = compiled
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(messages.is_empty(), "{}", messages.join("\n"));
    let page = page(&compiled, "/a");
    for kept in [
        "<style>\n.oma-grid > div",
        "<iframe width=\"560\"",
        "target=\"_blank\"",
        "Line two</br>",
        "<button type=\"button\"",
        "style=\"background: url(/x.png); background-size: cover; background-position: center\"",
    ] {
        assert!(
            page.page.body.contains(kept),
            "{kept} not in {}",
            page.page.body
        );
    }
    // The raw frame's host is allowed by the page's policy.
    let policy = page.page.content_security_policy();
    assert!(
        policy.contains("frame-src 'self' https://www.youtube.com;"),
        "{policy}"
    );
    Ok(())
}

fn page<'b>(build: &'b Build, route: &str) -> &'b site_compiler::embed::EmbeddedPage {
    build
        .pages
        .iter()
        .find(|page| page.page.route == route)
        .unwrap_or_else(|| panic!("no page {route}"))
}
