//! `fixtures/oma-today/`: a small tree written the way today's OMA pages are, using every
//! construct they use that the October 2024 seeds do not: document bindings, attributes with
//! spaces around `=`, dotted keys in list items' props, a table ended by `</br>`, loose nested
//! lists, indented raw HTML, an unclosed link, ShMicroCard's layouts and covers, both
//! ShCarousel forms, ShHelperComponent's logos, ShCard's new props, ShImgContainer, the
//! site-wide announcement, `""` booleans, the `web` layout, content-owned and animated icons,
//! highlighted code. It also holds the mistakes real pages make, and the strict build reports
//! those and nothing else.

use site_compiler::{Build, Options, Severity, build};
use std::path::Path;

fn fixture() -> Build {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/oma-today");
    build(&root, &Options::default()).unwrap_or_else(|error| panic!("the fixture: {error}"))
}

fn page<'a>(build: &'a Build, route: &str) -> &'a str {
    build
        .pages
        .iter()
        .find(|page| page.page.route == route)
        .map(|page| page.page.html.as_str())
        .unwrap_or_else(|| panic!("no page at {route}"))
}

#[test]
fn the_strict_build_reports_only_the_mistakes_the_pages_make() {
    let build = fixture();
    let reported: Vec<String> = build
        .diagnostics
        .iter()
        .map(|d| {
            let severity = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            format!("{}:{}:{} {severity} {}", d.path, d.line, d.column, d.code)
        })
        .collect();
    assert_eq!(
        reported,
        [
            // A `:::::` card closed by `::::`: it closes the grid too, as remark-mdc reads it.
            "oma-today/1.working-groups/index.md:28:3 warning fence-closes-parent",
            // Props the real site ignores: true alarms, with the intended name in the help.
            "oma-today/1.working-groups/index.md:37:1 error unknown-prop",
            "oma-today/1.working-groups/index.md:43:48 error unknown-prop",
            // ShCard's `article`, since renamed `articleURL`: still works.
            "oma-today/3.news.md:24:3 warning renamed-prop",
        ]
    );
    let helps: Vec<_> = build
        .diagnostics
        .iter()
        .map(|d| d.help.as_deref())
        .collect();
    assert_eq!(helps[1], Some("did you mean `subtitle`?"));
    assert_eq!(helps[2], Some("did you mean `ui.rounded`?"));
}

#[test]
fn the_pages_render_what_they_are_written_with() {
    let build = fixture();
    let home = page(&build, "/");
    // `{{ $doc.title }}` and the web layout's full-width section.
    assert!(home.contains(">OMA SpecWorks</h1>"), "{home}");
    assert!(home.contains("col-span-12"), "not the web layout");
    // `fullWidth=""` is true, and `urlButton ="…"` with a space is read.
    assert!(home.contains("href=\"/working-groups\""), "{home}");
    // Each micro card layout, a cover icon and the cta chevron.
    for title in [
        "Flat",
        "Teaser",
        "Snap",
        "Call to action",
        "Default",
        "Translate",
        "Opacity",
    ] {
        assert!(home.contains(title), "no {title} card");
    }
    assert!(home.contains("/images/partner-light.png"), "helper logos");

    let groups = page(&build, "/working-groups");
    assert!(groups.contains("Owned by The DM&amp;SE group"), "{groups}");
    assert!(
        groups.contains("Chaired by the board."),
        "a binding's default"
    );

    let guidelines = page(&build, "/guidelines");
    // The table ends at `</br>`: one body row.
    let Some(table) = guidelines
        .split_once("<table")
        .and_then(|(_, rest)| rest.split_once("</table>"))
        .map(|(table, _)| table)
    else {
        panic!("no table: {guidelines}")
    };
    assert_eq!(table.matches("<tr>").count(), 2, "{table}");
    assert!(guidelines.contains("<pre class=\"shiki shiki-themes github-light github-dark\""));
    assert!(guidelines.contains("data-filename=\"nuxt.config.ts\""));
    assert!(
        guidelines.contains("In addition to [Units]("),
        "unclosed link"
    );
    assert!(guidelines.contains("data-carousel"), "the carousels");

    // The announcement is on every page, before the header.
    for page in &build.pages {
        let html = &page.page.html;
        let banner = html.find("id=\"site-announcement\"");
        let header = html.find("<header");
        assert!(
            banner.is_some() && banner < header,
            "{}: no announcement before the header",
            page.page.route
        );
    }
}
