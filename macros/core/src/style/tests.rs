//! The stylesheet: the seed pages' classes all get rules, and the tricky ones the right ones.

use super::*;

/// The stylesheet of one element carrying `classes`, as the HTML renderer escapes them.
fn sheet(classes: &str) -> Stylesheet {
    let html = format!(
        "<div class=\"{}\"></div>",
        classes.replace('&', "&amp;").replace('>', "&gt;")
    );
    stylesheet([html.as_str()])
}

/// The generated CSS for `classes`, which must all be matched.
fn css(classes: &str) -> String {
    let sheet = sheet(classes);
    assert!(sheet.unmatched.is_empty(), "{:?}", sheet.unmatched);
    sheet.css
}

#[test]
fn every_class_of_the_seed_pages_gets_a_rule() {
    let content = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let Ok(build) = crate::build(&content, &crate::Options::default()) else {
        panic!("the content folder compiles");
    };
    let pages = &build.pages;
    assert!(pages.len() >= 5, "{} pages", pages.len());
    let sheet = stylesheet(pages.iter().map(|page| page.page.body.as_str()));
    assert_eq!(sheet.unmatched, Vec::<String>::new());
    // Some of the seeds' own classes, each with its rule.
    for rule in [
        ".bg-\\[\\#cddcec\\] {",
        ".bg-golden\\/\\[0\\.2\\] {",
        ".text-oma-blue-900\\/\\[0\\.7\\] {",
        ".size-7 {",
        ".dark .dark\\:bg-primary-900 {",
        ".row-separator.extra-large {",
    ] {
        assert!(sheet.css.contains(rule), "{rule}");
    }
    // Only what is used: no rule for a class no page has.
    assert!(!sheet.css.contains(".bg-red-500"));
}

#[test]
fn every_class_of_the_page_chrome_gets_a_rule() {
    let content = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let Ok(build) = crate::build(&content, &crate::Options::default()) else {
        panic!("the content folder compiles");
    };
    // Whole documents: header, menus, table of contents, footer and the colour-mode buttons.
    let pages = &build.pages;
    let sheet = stylesheet(pages.iter().map(|page| page.page.html.as_str()));
    assert_eq!(sheet.unmatched, Vec::<String>::new());
    for rule in [
        ".min-h-16 {",
        ".dark .dark\\:hidden {",
        ".dark .dark\\:inline {",
        // The section menu's entries, styled from their list.
        ".oma-section-list>li>a:hover {",
        "@media (width < 96rem) {\n  .oma-section-list>li {",
        ".dark .oma-side-link-current {",
    ] {
        assert!(sheet.css.contains(rule), "{rule}");
    }
}

#[test]
fn the_chrome_shortcuts_stand_for_known_utilities() {
    for (name, utilities) in super::shortcuts::CLASS_SHORTCUTS {
        let expanded = css(utilities);
        let shortcut = sheet(name);
        assert!(shortcut.unmatched.is_empty(), "{:?}", shortcut.unmatched);
        assert!(
            css_classes(&shortcut.css).contains(*name),
            "{name} has no rule"
        );
        // One rule for each of its utilities (both sheets have the same preflight and site.css).
        let rules = |css: &str| css.matches('{').count();
        assert_eq!(rules(&shortcut.css), rules(&expanded), "{name}");
    }
}

#[test]
fn the_same_pages_give_the_same_bytes() {
    let a = "<p class=\"p-4 md:grid-cols-2 bg-golden/[0.2]\"></p>";
    let b = "<p class='size-7 dark:bg-primary-900'></p>";
    let first = stylesheet([a, b]);
    assert_eq!(first, stylesheet([a, b]));
    assert_eq!(first, stylesheet([b, a, b]));
}

#[test]
fn arbitrary_opacities_give_the_colour_with_that_alpha() {
    assert!(
        css("bg-golden/[0.2]")
            .contains(".bg-golden\\/\\[0\\.2\\] {\n  background-color: rgb(231 214 194 / 0.2);\n}")
    );
    assert!(
        css("border-golden/[0.6]")
            .contains(".border-golden\\/\\[0\\.6\\] {\n  border-color: rgb(231 214 194 / 0.6);\n}")
    );
    assert!(
        css("text-oma-blue-900/[0.7]")
            .contains(".text-oma-blue-900\\/\\[0\\.7\\] {\n  color: rgb(2 47 97 / 0.7);\n}")
    );
    assert!(css("dark:bg-[#19191a]/75").contains(
        ".dark .dark\\:bg-\\[\\#19191a\\]\\/75 {\n  background-color: rgb(25 25 26 / 0.75);\n}"
    ));
    // encre-css's own integer opacities still work.
    assert!(
        css("bg-golden/50")
            .contains("background-color: color-mix(in oklab, #e7d6c2 50%, transparent);")
    );
}

#[test]
fn bare_primary_follows_the_colour_mode() {
    let generated = css("from-primary/[0.4] dark:from-primary");
    assert!(generated.contains(
        ".from-primary\\/\\[0\\.4\\] {\n  --en-gradient-from: color-mix(in oklab, var(--color-primary) 40%, transparent);\n  --en-gradient-stops: var(--en-gradient-from), var(--en-gradient-to, transparent);\n}"
    ));
    assert!(
        generated
            .contains(".dark .dark\\:from-primary {\n  --en-gradient-from: var(--color-primary);")
    );
    // neutral-500, and neutral-400 in dark mode.
    assert!(generated.contains(":root { --color-primary: #737373; }"));
    assert!(generated.contains(".dark { --color-primary: #a3a3a3;"));
}

#[test]
fn primary_shades_are_tailwind_neutral_and_dark_is_a_class() {
    assert!(
        css("dark:bg-primary-900")
            .contains(".dark .dark\\:bg-primary-900 {\n  background-color: #171717;\n}")
    );
    assert!(css("text-neutral-500").contains("color: #737373;"));
    assert!(
        css("hover:text-oma-blue-600")
            .contains(".hover\\:text-oma-blue-600:hover {\n  color: #034692;\n}")
    );
    // Tailwind 3's hex values, not Tailwind 4's oklch ones.
    assert!(css("text-gray-400").contains("color: #9ca3af;"));
}

#[test]
fn breakpoints_are_media_queries() {
    // 48rem is 768px.
    assert!(css("md:grid-cols-2").contains(
        "@media (width >= 48rem) {\n  .md\\:grid-cols-2 {\n    grid-template-columns: repeat(2, minmax(0, 1fr));\n  }\n}"
    ));
}

#[test]
fn arbitrary_variants_target_their_selector() {
    let generated = css("[&>*:nth-child(odd)]:col-span-1");
    assert!(generated.contains(
        ".\\[\\&\\>\\*\\:nth-child\\(odd\\)\\]\\:col-span-1>*:nth-child(odd) {\n  grid-column: span 1 / span 1;\n}"
    ), "{generated}");
    assert!(css("bg-[#cddcec]").contains(".bg-\\[\\#cddcec\\] {\n  background-color: #cddcec;\n}"));
}

#[test]
fn size_sets_width_and_height() {
    assert!(css("size-7").contains(".size-7 {\n  width: 1.75rem;\n  height: 1.75rem;\n}"));
    assert!(css("size-full").contains(".size-full {\n  width: 100%;\n  height: 100%;\n}"));
    assert!(css("size-[3px]").contains("width: 3px;\n  height: 3px;"));
}

#[test]
fn tailwind_3_names_still_work() {
    assert!(css("flex-shrink-0").contains(".flex-shrink-0 {\n  flex-shrink: 0;\n}"));
    assert!(css("backdrop-blur").contains("--en-backdrop-blur: blur(8px);"));
}

#[test]
fn prose_links_are_oma_blue_without_underline() {
    let generated = css("prose");
    assert!(generated.contains(".prose :where(a):not(:where([class~=\"not-prose\"] *)) {"));
    assert!(generated.contains(".prose { --en-prose-links: #3571b5; }"));
    assert!(generated.contains(".prose a { text-decoration: none !important; }"));
}

#[test]
fn legacy_classes_come_from_the_hand_written_file() {
    let generated = css("container row col col-4 col-6 row-separator large text-col image-col");
    // Bootstrap's columns, not a Tailwind `col-4` (grid-column).
    assert!(!generated.contains("grid-column: 4"));
    assert!(generated.contains(".col-4 { flex: 0 0 33.333333%; max-width: 33.333333%; }"));
    // `container` is still Tailwind's, refined for the legacy pages only.
    assert!(generated.contains(".container {\n  width: 100%;\n}"));
    assert!(generated.contains(".container:has(> .row-dowument) {"));
    for class in [
        "row",
        "col",
        "col-12",
        "row-separator",
        "extra-small",
        "extra-large",
        "second",
        "second-wide",
        "text-col",
        "image-col",
        "par",
        "row-dowument",
        "row-text-image",
        "row-image-text",
        "row-text",
    ] {
        assert!(HAND_WRITTEN.contains(class), "{class}");
    }
    assert!(!HAND_WRITTEN.contains("5rem"));
    assert!(!HAND_WRITTEN.contains("333333%"));
}

#[test]
fn unknown_classes_are_reported_and_markers_are_not() {
    let sheet = sheet("no-such-utility group not-prose p-4 nuxt-content text-oma-blue");
    // There is no bare `oma-blue`, as on the OMA site.
    assert_eq!(sheet.unmatched, ["no-such-utility", "text-oma-blue"]);
}

#[test]
fn classes_are_read_from_class_attributes_only() {
    let html = "<div class=\"a  b&amp;c\" data-class=\"x\"><p CLASS='d'>class=\"y\"</p><i class=e>";
    let classes: Vec<String> = html_classes(html).into_iter().collect();
    assert_eq!(classes, ["a", "b&c", "d", "e"]);
    assert_eq!(
        decode_entities("[&amp;&gt;*]&#58;&#x41;&unknown;&"),
        "[&>*]:A&unknown;&"
    );
    // Broken markup does not panic.
    for html in [
        "<p class=",
        "<p class=\"",
        "<p class='a",
        " class",
        "&#xffffffff;",
    ] {
        let _ = html_classes(html);
        let _ = decode_entities(html);
    }
}

#[test]
fn class_attributes_shown_as_text_are_not_read() {
    // The authors' guide shows MDC source in code blocks: `class=` there is text.
    let html = "<pre><code class=\"language-mdc\">![](a.png){ class=&quot;border rounded-xl&quot;}\n\
                <span>:button{ :ui=\"x\" class=&quot;mt-4&quot;}</span> a class=b</code></pre>\
                <img alt=\"a\" \n class=\"c\">";
    let classes: Vec<String> = html_classes(html).into_iter().collect();
    assert_eq!(classes, ["c", "language-mdc"]);
}

#[test]
fn code_languages_and_known_no_ops_are_not_reported() {
    let sheet = sheet("language-mdc language-yaml dark:primary row-image primary");
    assert_eq!(sheet.unmatched, ["primary"]);
}

#[test]
fn ring_inset_draws_the_ring_inside() {
    let generated = css("ring-1 ring-inset focus-visible:ring-2 focus-visible:ring-inset");
    assert!(generated.contains(
        ".ring-inset {\n  box-shadow: var(--en-inset-shadow, 0 0 #0000), var(--en-inset-ring-shadow, 0 0 #0000), var(--en-ring-offset-shadow, 0 0 #0000), inset var(--en-ring-shadow, 0 0 #0000), var(--en-shadow, 0 0 #0000) !important;\n}"
    ), "{generated}");
    assert!(generated.contains(".focus-visible\\:ring-inset:focus-visible {\n  box-shadow:"));
    // The ring's width is still encre-css's.
    assert!(generated.contains("--en-ring-shadow: 0 0 0 calc(1px + var(--en-ring-offset-width))"));
}

#[test]
fn the_oma_defaults_own_sizes_get_their_intended_values() {
    assert!(css("text-md").contains(".text-md {\n  font-size: 1rem;\n  line-height: 1.5rem;\n}"));
    assert!(css("sm:text-md").contains("font-size: 1rem;"));
    assert!(css("max-h-3xl").contains(".max-h-3xl {\n  max-height: 48rem;\n}"));
    // Tailwind's own neighbours still resolve.
    assert!(css("max-h-3").contains("max-height: 0.75rem;"));
    assert!(css("text-base ring-2 ring-offset-2").contains("font-size: 1rem;"));
}

#[test]
fn malformed_classes_do_not_panic() {
    let sheet = sheet(
        "[ ] [& - ! bg-[ size-[ from-/[0.2] text-golden/[ bg-golden/[0.2 dark: : [&>*]: \
         bg-[#19191a]/ bg-[#19191a]/[x] é w-1/0 size-1/0 bg-golden/[1e400] ( () x:( \
         group-hover: content-[&#39; m-[calc(1px p-4",
    );
    assert!(sheet.unmatched.contains(&"bg-golden/[1e400]".to_string()));
    assert!(!sheet.unmatched.contains(&"p-4".to_string()));
}

#[test]
fn the_site_stylesheet_carries_its_fonts_and_a_content_hash() {
    let (assets, _) = crate::render::assets::fixed_assets();
    let (style, _) = site_stylesheet(["<p class=\"mt-4\">"], &assets, "");
    assert!(style.route.starts_with("/_site/style.") && style.route.ends_with(".css"));
    let css = String::from_utf8_lossy(&style.bytes);
    assert!(css.contains("font-weight:700"), "{css}");
    assert!(css.contains(".mt-4"), "{css}");
    assert!(css.contains("url(/_site/fonts/dm-sans-700."), "{css}");
    let (mounted, _) = site_stylesheet(["<p class=\"mt-4\">"], &assets, "/docs");
    let css = String::from_utf8_lossy(&mounted.bytes);
    assert!(css.contains("url(/docs/_site/fonts/dm-sans-700."), "{css}");
    assert_ne!(mounted.route, style.route);
}

#[test]
fn arbitrary_saturation_and_opacity_amounts_get_rules() {
    let css = css("saturate-[300%] dark:saturate-[180%] group-hover:opacity-[25%] opacity-[0.4]");
    assert!(css.contains("--en-saturate: saturate(300%);"), "{css}");
    assert!(css.contains("--en-saturate: saturate(180%);"), "{css}");
    assert!(css.contains("opacity: 25%;"), "{css}");
    assert!(css.contains("opacity: 0.4;"), "{css}");
    assert!(css.contains("filter: var(--en-blur)"), "{css}");
    assert!(!sheet("saturate-[red]").unmatched.is_empty());
}
