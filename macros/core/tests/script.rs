//! What can run a script: each way content can write one is an error at its exact place; the
//! raw HTML OMA's pages use is none; in untrusted mode, the output holds none of them.

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

/// What untrusted content also tries: embeds from other hosts, a form that loads HubSpot's
/// script, links and props with script URLs, `data:` images, a `<style>` and `style`
/// attributes, an unknown component named `script`.
const MORE_HOSTILE: &str = r#"
::ShVideo{src="https://evil.example/v.mp4"}
::

::ShSocial{src="https://evil.example/facebook"}
::

::ShFormContactUs
::

[link](javascript:alert(1)) ![img](data:image/png;base64,AA) [mail](mailto:a@b.c)

::ShButton
---
urlButton: "javascript:alert(1)"
labelButton: Go
---
::

<style>body { display: none }</style>

<p style="position:fixed">fixed</p>

[span]{style="position:fixed" onmouseover="alert(1)"}

::script
alert(1)
::

<div class="grid">

Inside the grid.

</div>

<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>

<iframe src="https://evil.example/frame"></iframe>
"#;

#[test]
fn untrusted_mode_writes_no_script_handler_or_dangerous_url()
-> Result<(), Box<dyn std::error::Error>> {
    let content = Content::new(
        "script-untrusted",
        &[
            ("a.md", HOSTILE),
            ("b.md", MORE_HOSTILE),
            ("public/x.png", "png"),
        ],
    )?;
    let options = Options {
        untrusted: true,
        ..Options::default()
    };
    let compiled = build(content.root(), &options)?;
    for route in ["/a", "/b"] {
        let page = &page(&compiled, route).page;
        let body = page.body.to_ascii_lowercase();
        for banned in [
            "<script",
            "javascript:",
            "vbscript:",
            "java&tab;",
            "&newline;",
            "data:",
            "srcdoc",
            "http-equiv",
            "<style",
            "style=\"position",
            "expression(",
            "evil.example",
            "hsforms",
            "data-hubspot-form",
        ] {
            assert!(!body.contains(banned), "{route}: `{banned}` in {body}");
        }
        assert_eq!(handlers(&body), Vec::<String>::new(), "{route}: {body}");
        // The document's only scripts are the site's own.
        for script in page.html.split("<script").skip(1) {
            assert!(
                script.starts_with(" src=\"/"),
                "{route}: <script{script:.80}"
            );
        }
        assert_eq!(
            handlers(&page.html.to_ascii_lowercase()),
            Vec::<String>::new()
        );
        let policy = page.content_security_policy();
        // Inline styles for the `style` attributes of the components and the chrome only.
        assert!(
            policy.contains("style-src 'self'; style-src-attr 'unsafe-inline';"),
            "{route}: {policy}"
        );
        assert!(policy.contains("img-src 'self';"), "{route}: {policy}");
        assert!(
            !policy.contains("evil") && !policy.contains("hsforms"),
            "{policy}"
        );
    }
    let b = &page(&compiled, "/b").page.body;
    for kept in [
        "<div class=\"grid\"><p>Inside the grid.</p>",
        "<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\"></iframe><iframe></iframe>",
        "href=\"mailto:a@b.c\"",
        "This form is loaded from HubSpot",
    ] {
        assert!(b.contains(kept), "`{kept}` not in {b}");
    }
    assert!(
        page(&compiled, "/b")
            .page
            .content_security_policy()
            .contains("frame-src 'self' https://www.youtube.com;")
    );
    // Reported as warnings: the output is safe, the build need not fail on them.
    let script_codes = [
        "script-url",
        "script-element",
        "event-handler",
        "iframe-srcdoc",
        "meta-refresh",
        "unsafe-style",
    ];
    for diagnostic in &compiled.diagnostics {
        if script_codes.contains(&diagnostic.code.as_str()) {
            assert_eq!(diagnostic.severity, site_compiler::Severity::Warning);
        }
    }
    Ok(())
}

/// The event-handler attributes (` onx=`) in lower-case `html`.
fn handlers(html: &str) -> Vec<String> {
    let bytes = html.as_bytes();
    let mut found = Vec::new();
    for (at, _) in html.match_indices("on") {
        let before = at.checked_sub(1).map(|i| bytes[i]);
        if !before.is_some_and(|b| b.is_ascii_whitespace() || b == b'/') {
            continue;
        }
        let name_end = at
            + 2
            + html[at + 2..]
                .bytes()
                .take_while(u8::is_ascii_alphabetic)
                .count();
        let rest = html[name_end..].trim_start();
        if name_end > at + 2 && rest.starts_with('=') {
            found.push(html[at..name_end].to_string());
        }
    }
    found
}
