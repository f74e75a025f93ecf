//! Each MDC construct the seed pages use, from markdown text to HTML, through the public API.

mod support;

use site_compiler::{Options, Severity, compile_page};
use support::{body, errors};

#[test]
fn indented_components_are_components_not_code() {
    let html = body(
        "::ShSegment\n\n    :::ShSegment\n    ---\n    ui:\n        wrapper: inner\n    ---\n    Text\n    :::\n::\n",
    );
    assert_eq!(html, "<div><div class=\"inner\"><p>Text</p></div></div>");
}

#[test]
fn four_levels_of_indentation() {
    let text = "::ShSegment\n    :::ShSegment\n        ::::ShSegment\n            :::::ShSegment\n            Deep\n            :::::\n        ::::\n    :::\n::\n";
    assert_eq!(
        body(text),
        "<div><div><div><div><p>Deep</p></div></div></div></div>"
    );
}

#[test]
fn inline_bound_and_yaml_props() {
    let inline = body("::ShTwoColumns{size=\"M\" gap=\"gap-2\"}  \nx\n::\n");
    assert!(inline.contains("md:grid-cols-3 [&amp;&gt;*:nth-child(odd)]:col-span-1 [&amp;&gt;*:nth-child(even)]:col-span-2 gap-2"), "{inline}");
    let bound = body("::ShTwoColumns{:size=\"L\" :ui='{\"wrapper\": \"pb-10\"}'}\nx\n::\n");
    let yaml = body("::ShTwoColumns\n---\nsize: L\nui:\n  wrapper: \"pb-10\"\n---\nx\n::\n");
    assert_eq!(bound, yaml);
    assert!(
        bound.starts_with(
            "<div class=\"bg-golden/[0.2] dark:bg-neutral-800 shadow-md rounded-2xl p-7 pb-10\">"
        ),
        "{bound}"
    );
}

#[test]
fn bound_props_read_the_front_matter() {
    let html = body("---\nwidth: 5\n---\n::ShMultiColumn{:cols=\"width\"}\nx\n::\n");
    assert!(html.contains("2xl:grid-cols-5"), "{html}");
}

#[test]
fn inline_strings_become_numbers_for_number_props() {
    let html = body("::ShMultiColumn{cols=\"4\"}\nx\n::\n");
    assert!(html.contains("2xl:grid-cols-4"), "{html}");
}

#[test]
fn named_slots_are_parsed_and_not_rendered_by_oma_components() {
    let html = body("::ShSegment\nDefault\n#title\nHidden\n::\n");
    assert_eq!(html, "<div><p>Default</p></div>");
}

#[test]
fn markdown_props_render_as_markdown_with_attributes() {
    let html = body(
        "::ShTextImg\n---\ntext: |\n  First **bold**\n\n  [Go](https://x.org){target=\"_blank\"}\ntitle:\nsubtitle: \"\"\n---\n::\n",
    );
    assert!(html.contains("<div class=\"not-prose items-center\"><p>First <strong>bold</strong></p><p><a href=\"https://x.org\" rel=\"nofollow noopener noreferrer\" target=\"_blank\">Go</a></p></div>"), "{html}");
    assert!(
        !html.contains("font-bold text-3xl"),
        "a null title renders nothing: {html}"
    );
    assert!(
        !html.contains("font-semibold"),
        "an empty subtitle renders nothing: {html}"
    );
}

#[test]
fn attributes_on_links_images_and_spans() {
    let html =
        body("[a](/x){target=\"_blank\"} ![i](/i.png){ class=\"a b\"} [s]{.c #d} **b**{.e}\n");
    assert_eq!(
        html,
        "<p><a href=\"/x\" target=\"_blank\">a</a> <img src=\"/i.png\" alt=\"i\" class=\"a b\"> <span class=\"c\" id=\"d\">s</span> <strong class=\"e\">b</strong></p>"
    );
}

#[test]
fn raw_html_passes_through() {
    assert_eq!(
        body("<img src=\"/a.png\" alt=\"A\" class=\"rounded-lg\">\n\ntext <kbd>k</kbd>\n"),
        "<img src=\"/a.png\" alt=\"A\" class=\"rounded-lg\"><p>text <kbd>k</kbd></p>"
    );
}

#[test]
fn gfm_tables_strikethrough_and_task_lists() {
    let html = body("| a | b |\n|:--|--:|\n| 1 | ~~2~~ |\n\n- [x] done\n- [ ] todo\n");
    assert_eq!(
        html,
        "<table><thead><tr><th style=\"text-align:left\">a</th><th style=\"text-align:right\">b</th></tr></thead><tbody><tr><td style=\"text-align:left\">1</td><td style=\"text-align:right\"><del>2</del></td></tr></tbody></table>\
         <ul><li><input type=\"checkbox\" disabled checked> done</li><li><input type=\"checkbox\" disabled> todo</li></ul>"
    );
}

#[test]
fn headings_get_unique_ids_also_inside_components() {
    let html = body("## Intro\n\n::ShSegment\n### Intro\n::\n\n###### 2024 plans\n");
    assert_eq!(
        html,
        "<h2 id=\"intro\">Intro</h2><div><h3 id=\"intro-1\">Intro</h3></div><h6 id=\"_2024-plans\">2024 plans</h6>"
    );
}

#[test]
fn link_rel_rule() {
    let html = body(
        "[in](/omaspecworks){target=\"_blank\"} [out](https://x.org) [new](http://x.org){target=\"_blank\"}\n",
    );
    assert_eq!(
        html,
        "<p><a href=\"/omaspecworks\" target=\"_blank\">in</a> <a href=\"https://x.org\" rel=\"nofollow\">out</a> <a href=\"http://x.org\" rel=\"nofollow noopener noreferrer\" target=\"_blank\">new</a></p>"
    );
}

#[test]
fn titles_fall_back_to_the_first_h1_then_the_file_name() {
    let options = Options::default();
    assert_eq!(
        compile_page("1.x/10.my-page.md", "# Heading *one*\n", &options)
            .value
            .title,
        "Heading one"
    );
    assert_eq!(
        compile_page("1.x/10.my-page.md", "## Not h1\n", &options)
            .value
            .title,
        "My Page"
    );
    assert_eq!(
        compile_page("2.ipso/index.md", "text", &options)
            .value
            .title,
        "Ipso"
    );
    assert_eq!(
        compile_page("a.md", "---\ntitle: About Page #comment\n---\n", &options)
            .value
            .title,
        "About Page"
    );
}

#[test]
fn legacy_modules_render_above_the_body() {
    let html = body(
        "---\nmodules:\n  - name: RowSeparator\n    size: xs\n  - name: RowTextImage\n    cols: 4\n    text: Hi\n---\nBody\n",
    );
    assert_eq!(
        html,
        "<div class=\"container\"><div class=\"row row-separator extra-small\"></div><div class=\"row-text-image\"><div class=\"row\"><div class=\"col-4 text-col\"><div class=\"pt-3\"><p>Hi</p></div></div><div class=\"col image-col\"></div></div></div>\
         <div class=\"row-dowument\"><div class=\"row py-3\"><div class=\"col\"><div class=\"nuxt-content\"><p>Body</p></div></div></div></div></div>"
    );
}

#[test]
fn unknown_components_and_modules_are_errors_with_suggestions() {
    let found = errors("text\n\n::ShTextImage\n::\n");
    assert_eq!(
        found,
        [
            "a.md:3:1: error: unknown component `ShTextImage`\n  |\n3 | ::ShTextImage\n  | ^^^^^^^^^^^^^ help: did you mean `ShTextImg`?"
        ]
    );
    let found = errors("---\nmodules:\n  - name: RowTextImag\n---\n");
    assert_eq!(found.len(), 1);
    assert!(
        found[0].starts_with("a.md:3:11: error: unknown legacy module `RowTextImag`"),
        "{found:?}"
    );
    assert!(
        found[0].ends_with("help: did you mean `RowTextImage`?"),
        "{found:?}"
    );
}

#[test]
fn lenient_mode_renders_unknown_components_as_custom_elements() {
    let compiled = compile_page(
        "a.md",
        "::MyWidget{color=\"red\"}\n---\nitems: [1, 2]\n---\nBody\n#footer\nFoot\n::\n",
        &Options {
            lenient: true,
            ..Options::default()
        },
    );
    assert!(
        compiled
            .diagnostics
            .iter()
            .all(|d| d.severity == Severity::Warning)
    );
    assert_eq!(
        compiled.value.body,
        "<my-widget color=\"red\" items=\"[1,2]\"><p>Body</p><div slot=\"footer\"><p>Foot</p></div></my-widget>"
    );
}

#[test]
fn unknown_props_and_bad_values_are_errors() {
    let found = errors("::ShTextImg{positionText=\"middle\" colr=\"x\"}\n::\n");
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found
            .iter()
            .any(|e| e.contains("`middle` is not an allowed value of `positionText`")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|e| e.contains("unknown prop `colr` on `ShTextImg`")),
        "{found:?}"
    );
    let found = errors("::ShMultiColumn\n---\ncols: three\n---\n::\n");
    assert!(
        found
            .iter()
            .any(|e| e.contains("`cols` must be a number, found `three`")),
        "{found:?}"
    );
}

#[test]
fn bindings_show_front_matter_values() {
    let html = body(
        "---\ntitle: About\nmeta:\n  year: 2024\n---\n{{ title }} in {{ meta.year }}, {{ missing || 'none' }}\n",
    );
    assert_eq!(html, "<p>About in 2024, none</p>");
    let found = errors("{{ nowhere }}\n");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("`{{ nowhere }}` names nothing in the front matter"),
        "{found:?}"
    );
}

/// The conformance cases listed in `tests/conformance/known-deviations` as invisible: our
/// tree differs from mdast's, but the HTML is what mdast-util-to-hast makes of mdast's tree.
/// Each is paired with markdown whose tree is mdast's own (inline links for resolved
/// references, which mdast-util-to-hast renders alike; an explicit empty cell for the one it
/// pads a short table row with), and both must render the same.
#[test]
fn known_deviations_render_as_the_reference_tree_would() {
    let cases =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/conformance/cases");
    let body = |markdown: &str| {
        let compiled = compile_page("a.md", markdown, &Options::default());
        compiled.value.body
    };
    for (case, as_mdast_has_it) in [
        (
            "attr-reference",
            "[ref link](/target){.x} and ![pic](/img.png){.y}\n",
        ),
        (
            "span-vs-link",
            "[link](/a) [ref](/ref-target) [span]{.a} footnote[^1] [ ] box\n\n[^1]: The note.\n",
        ),
        (
            "span-shortcut-reference",
            "See [docs] and [Docs](/documentation) here.\n",
        ),
        (
            "gfm-table",
            "| Left | Center | Right | None |\n| :--- | :----: | ----: | ---- |\n| a | **b** | `c` | d \\| e |\n| 1 | 2 | 3 | |\n",
        ),
    ] {
        let written = std::fs::read_to_string(cases.join(format!("{case}.md"))).unwrap_or_default();
        assert!(!written.is_empty(), "{case}: no case file");
        assert_eq!(body(&written), body(as_mdast_has_it), "{case}");
    }
}
