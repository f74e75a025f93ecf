//! ShMicroCard's layouts and ShCard's cover as the OMA site draws them now
//! (components-head.md §2 and §10), the cards written for the October 2024 components as they
//! were, and what the props' checks say: boolean props written `""`, `ui` keys written as
//! props, the renamed `article`.

mod support;

use site_compiler::{Options, Severity, compile_page};
use support::{body, errors, has, lacks};

/// The classes a card's root link takes so that its text keeps the card's colour.
const INHERIT: &str = "text-inherit hover:text-inherit dark:text-inherit dark:hover:text-inherit";
/// The fade every title, subtitle and text of a card ends with.
const FADE: &str = "transition-opacity duration-300";
/// The cover image of a card that names none.
const FALLBACK: &str = "src=\"/images/landing-hero/lh-2.jpeg\"";

/// A ShMicroCard with these YAML props.
fn micro_card(yaml: &str) -> String {
    body(&format!("::ShMicroCard\n---\n{yaml}---\n::\n"))
}

/// The value of the first `class` attribute after `marker` in `html`.
fn class_after<'a>(html: &'a str, marker: &str) -> &'a str {
    let rest = html
        .find(marker)
        .map(|at| &html[at + marker.len()..])
        .unwrap_or_else(|| panic!("`{marker}` not in:\n{html}"));
    let start = rest.find("class=\"").map_or(0, |at| at + 7);
    let end = rest[start..].find('"').map_or(0, |at| start + at);
    &rest[start..end]
}

// ShMicroCard: the worked vectors of components-head.md §2.5.

#[test]
fn micro_card_teaser_without_cover_draws_the_fallback_image() {
    let html = micro_card(
        "layout: teaser\nurlWrapper: /lwm2m\nicon: heroicons:information-circle\ntitle: T\nsubtitle: S\ntext: X\n",
    );
    has(
        &html,
        &[
            &format!(
                "<a href=\"/lwm2m\" class=\"not-prose {INHERIT} container overflow-hidden relative group flex flex-col rounded-2xl p-4 mx-auto max-w-md w-full h-full justify-items-center hover:shadow-lg duration-300 border-2 bg-golden/[0.4] border-golden/[0.6] hover:border-golden dark:bg-neutral-700 dark:border-neutral-600 dark:hover:border-golden\">"
            ),
            &format!(
                "<img class=\"absolute inset-0 w-full h-full object-cover opacity-60 dark:opacity-45 group-hover:opacity-[25%] transition-opacity duration-500 z-0\" {FALLBACK} alt=\"\"><div><div class=\"relative group\"><svg "
            ),
            "class=\"relative sm:mt-4 mb-8 flex shrink-0 mx-auto text-[96px] dark:saturate-[450%] transition-transform duration-500 ease-in-out group-hover:translate-y-[-0.3rem] transform z-20\"",
            &format!(
                "<div class=\"relative\"><div class=\"title mt-16 text-center text-[24px] font-extrabold dark:saturate-[300%] break-words z-20 transition-transform duration-500 ease-in-out group-hover:translate-y-[-2rem] transform {FADE}\"><p>T</p></div>"
            ),
            &format!(
                "<div class=\"subtitle text-center font-bold dark:saturate-[180%] text-[20px] opacity-0 group-hover:opacity-100 transition-opacity duration-500 ease-in-out mt-1 break-words z-20 transition-transform group-hover:translate-y-[-1.1rem] transform {FADE}\"><p>S</p></div>"
            ),
            &format!(
                "<div class=\"text text-center text-[18px] opacity-0 group-hover:opacity-100 transition-opacity duration-500 ease-in-out font-medium mt-2 mb-5 break-words z-20 {FADE}\"><p>X</p></div></div></div></div></a>"
            ),
        ],
    );
    // An internal link in the same tab: no target, no rel.
    lacks(&html, &["target=", "rel="]);
}

#[test]
fn micro_card_layout_overrides_merge() {
    let html = micro_card("layout: teaser\ntitle: T\nui:\n  teaser:\n    title: text-[22px]\n");
    assert_eq!(
        class_after(&html, "<div class=\"relative\">"),
        format!(
            "title mt-16 text-center font-extrabold dark:saturate-[300%] break-words z-20 transition-transform duration-500 ease-in-out group-hover:translate-y-[-2rem] transform text-[22px] {FADE}"
        )
    );
}

#[test]
fn micro_card_logo_with_an_external_link_in_a_new_tab() {
    let html = micro_card(
        "layout: logo\nurlWrapper: http://example.com/member\ntarget: _blank\ntitle: Member\nui:\n  logo:\n    wrapper: h-32\n    title: flex justify-center mt-8\n",
    );
    has(
        &html,
        &[
            &format!(
                "<a href=\"http://example.com/member\" target=\"_blank\" rel=\"nofollow noopener noreferrer\" class=\"not-prose {INHERIT} container overflow-hidden relative group flex flex-col rounded-2xl pl-3 pr-3 mx-auto max-w-md w-full justify-items-center text-center border-2 border-golden/[0.6] hover:border-golden dark:border-neutral-600 dark:hover:border-golden h-32\">"
            ),
            &format!(
                "<img class=\"absolute mb-0 bottom-0 left-0 w-full h-full object-contain bg-white transition-transform duration-700 group-hover:-translate-y-full z-40\" {FALLBACK} alt=\"\">"
            ),
            &format!(
                "<div class=\"title text-xl font-extrabold dark:saturate-[300%] break-words z-20 flex justify-center mt-8 {FADE}\"><p>Member</p></div>"
            ),
        ],
    );
}

#[test]
fn micro_card_cta_is_a_div_with_a_chevron_link() {
    let html = micro_card(
        "layout: cta\ntitle: Join\nsubtitle: \"\"\nurlButton: /lwm2m\nui:\n  cta:\n    wrapper: dark:bg-transparent\n    coverImage: object-contain mt-24 dark:opacity-100\n    button: mb-16 mt-10\n",
    );
    has(
        &html,
        &[
            "<div class=\"not-prose container overflow-hidden relative group flex flex-col rounded-2xl p-4 mx-auto max-w-md w-full h-full justify-items-center text-center border-2 bg-golden/[0.4] border-golden/[0.6] dark:bg-transparent\">",
            &format!(
                "<img class=\"absolute inset-0 w-full h-full opacity-60 z-0 object-contain mt-24 dark:opacity-100\" {FALLBACK} alt=\"\">"
            ),
            // No subtitle: the title is the underlined line.
            &format!(
                "<div class=\"title text-4xl text-start font-extrabold dark:saturate-[300%] text-black dark:text-golden break-words z-20 underline underline-offset-[1.5rem] decoration-2 dark:decoration-golden/[0.4] {FADE}\"><p>Join</p></div>"
            ),
            &format!(
                "<div class=\"flex justify-start\"><a class=\"inline-block {INHERIT}\" href=\"/lwm2m\" aria-label=\"Read more\"><svg "
            ),
            "class=\"text-6xl hover:scale-105 duration-300 text-neutral-900 dark:text-golden mb-16 mt-10\"",
        ],
    );
    assert!(html.starts_with("<div class=\"not-prose"), "{html}");
    // With a subtitle, the subtitle is underlined and the title is not.
    let html = micro_card("layout: cta\ntitle: Join\nsubtitle: Us\n");
    assert!(!class_after(&html, "<div class=\"relative\">").contains("underline"));
    assert!(class_after(&html, "<p>Join</p></div>").contains("underline underline-offset"));
}

#[test]
fn micro_card_default_overrides_replace() {
    let html = micro_card("layout: default\ntitle: T\nui:\n  default:\n    title: text-red-500\n");
    has(
        &html,
        &[&format!(
            "<div class=\"text-red-500 {FADE}\"><p>T</p></div>"
        )],
    );
    // The other keys keep their defaults.
    has(
        &html,
        &["container overflow-hidden relative group flex flex-col rounded-2xl pl-4 pr-4 pb-4 pt-4"],
    );
}

// ShMicroCard: every layout's map, the covers, the links.

#[test]
fn every_layout_has_its_classes() {
    // Layout, the start of its wrapper, its cover image's classes (none for `flat`), and its
    // icon's size.
    let layouts = [
        (
            "default",
            "container overflow-hidden relative group flex flex-col rounded-2xl pl-4 pr-4 pb-4 pt-4 mx-auto max-w-md w-full h-full justify-items-center text-center hover:shadow-lg hover:scale-105",
            Some(
                "absolute inset-0 w-full h-full object-cover opacity-60 dark:opacity-60 group-hover:opacity-[25%] transition-opacity duration-500 z-0",
            ),
            "text-[96px]",
        ),
        (
            "flat",
            "container overflow-hidden relative group flex flex-col rounded-2xl p-4 mx-auto max-w-md w-full h-full justify-items-center text-center bg-transparent dark:bg-transparent",
            None,
            "text-[96px]",
        ),
        (
            "teaser",
            "container overflow-hidden relative group flex flex-col rounded-2xl p-4 mx-auto max-w-md w-full h-full justify-items-center hover:shadow-lg duration-300",
            Some(
                "absolute inset-0 w-full h-full object-cover opacity-60 dark:opacity-45 group-hover:opacity-[25%] transition-opacity duration-500 z-0",
            ),
            "text-[96px]",
        ),
        (
            "snap",
            "container overflow-hidden relative group flex flex-col rounded-2xl p-4 mx-auto max-w-md w-full h-full justify-items-center hover:shadow-lg duration-300",
            Some("absolute inset-0 w-full h-full object-cover opacity-60 z-0"),
            "text-[3rem]",
        ),
        (
            "translate",
            "container overflow-hidden relative group flex flex-col rounded-2xl pl-3 pr-3 mx-auto max-w-md w-full h-full justify-items-center text-center border-2",
            Some(
                "absolute mb-0 bottom-0 left-0 w-full h-full object-cover transition-transform duration-700 group-hover:-translate-y-full z-40",
            ),
            "text-[4rem]",
        ),
        (
            "opacity",
            "container overflow-hidden relative group flex flex-col rounded-2xl pl-3 pr-3 pt-5 pb-7 mx-auto",
            Some(
                "absolute mb-0 bottom-0 left-0 w-full h-full object-cover opacity-100 ease-in-out transition-opacity duration-700 group-hover:opacity-0 z-40",
            ),
            "text-[96px]",
        ),
        (
            "cta",
            "container overflow-hidden relative group flex flex-col rounded-2xl p-4 mx-auto max-w-md w-full h-full justify-items-center text-center border-2 bg-golden/[0.4] border-golden/[0.6]",
            Some("absolute inset-0 w-full h-full object-cover opacity-60 dark:opacity-60 z-0"),
            "text-[3rem]",
        ),
        (
            "logo",
            "container overflow-hidden relative group flex flex-col rounded-2xl pl-3 pr-3 mx-auto max-w-md w-full h-full justify-items-center text-center border-2",
            Some(
                "absolute mb-0 bottom-0 left-0 w-full h-full object-contain bg-white transition-transform duration-700 group-hover:-translate-y-full z-40",
            ),
            "text-[8rem]",
        ),
    ];
    for (layout, wrapper, cover, icon_size) in layouts {
        let html = micro_card(&format!(
            "layout: {layout}\nurlWrapper: /lwm2m\nurlImage: /images/a.jpg\nicon: heroicons:information-circle\ntitle: T\n"
        ));
        let root = if layout == "cta" {
            "<div class=\"not-prose ".to_string()
        } else {
            format!("<a href=\"/lwm2m\" class=\"not-prose {INHERIT} ")
        };
        assert!(
            html.starts_with(&format!("{root}{wrapper}")),
            "{layout}:\n{html}"
        );
        match cover {
            Some(cover) => has(
                &html,
                &[&format!("<img class=\"{cover}\" {FALLBACK} alt=\"\">")],
            ),
            None => lacks(&html, &[FALLBACK]),
        }
        // `snap` has no `image` key: its image has no class.
        let image = if layout == "snap" {
            "<img src=\"/images/a.jpg\" alt=\"\">".to_string()
        } else {
            "<img src=\"/images/a.jpg\" alt=\"\" class=\"relative mt-4 w-full h-auto flex shrink mx-auto z-20\">".to_string()
        };
        has(&html, &[&image]);
        assert!(
            class_after(&html, "<svg ").contains(icon_size),
            "{layout}: {}",
            class_after(&html, "<svg ")
        );
        assert!(
            class_after(&html, "<div class=\"relative\">").starts_with("title "),
            "{layout}"
        );
    }
}

#[test]
fn micro_card_covers_are_an_image_an_icon_or_a_text() {
    let image = micro_card("layout: teaser\ncoverImage: /images/cover.jpg\ntitle: T\n");
    has(&image, &["src=\"/images/cover.jpg\" alt=\"\">"]);
    lacks(&image, &[FALLBACK]);

    let icon = micro_card("layout: snap\ncoverIcon: heroicons:information-circle\ntitle: T\n");
    has(
        &icon,
        &[
            "<div class=\"absolute inset-0 w-full h-full flex items-center justify-between z-0 overflow-hidden\"><svg ",
            "class=\"absolute inset-0 w-full h-full object-cover opacity-30 scale-100 transition-all duration-700 ease-in-out group-hover:-translate-y-[6rem] group-hover:scale-[0.2] group-hover:opacity-100 group-hover:dark:saturate-[300%] group-hover:-mt-9 z-0\"",
        ],
    );
    lacks(&icon, &["<img"]);

    let text = micro_card("layout: translate\ncoverText: \"**Cover**\"\ntitle: T\n");
    has(
        &text,
        &[
            "<div class=\"absolute inset-0 flex items-center justify-center text-center dark:bg-neutral-800 bg-white transition-transform duration-700 group-hover:-translate-y-full z-40\"><div class=\"px-4\"><p><strong>Cover</strong></p></div></div>",
        ],
    );
    lacks(&text, &["<img"]);

    // Two covers: neither is drawn, as on the OMA site. `flat` draws none.
    let both =
        micro_card("layout: default\ncoverImage: /images/cover.jpg\ncoverText: Cover\ntitle: T\n");
    lacks(&both, &["<img", "px-4"]);
    let flat = micro_card("layout: flat\ncoverImage: /images/cover.jpg\ntitle: T\n");
    lacks(&flat, &["<img"]);
    // A cover icon the site lacks is reported at its value.
    let missing =
        errors("::ShMicroCard\n---\nlayout: default\ncoverIcon: tabler:no-such-icon\n---\n::\n");
    has(
        &missing.join("\n"),
        &["a.md:4:12: error: icon `tabler:no-such-icon` is not available"],
    );
}

#[test]
fn micro_card_links_follow_nuxt_link() {
    // An internal link in a new tab shows its target.
    let html = micro_card("layout: flat\nurlWrapper: /lwm2m\ntarget: _blank\n");
    assert!(
        html.starts_with("<a href=\"/lwm2m\" target=\"_blank\" class="),
        "{html}"
    );
    // An external link shows its target even when it is `_self`.
    let html = micro_card("layout: flat\nurlWrapper: https://example.com\n");
    assert!(
        html.starts_with(
            "<a href=\"https://example.com\" target=\"_self\" rel=\"nofollow\" class="
        ),
        "{html}"
    );
    // No URL: no href at all (the card links nowhere).
    let html = micro_card("layout: flat\ntitle: T\n");
    assert!(html.starts_with("<a target=\"_self\" class="), "{html}");
    // The cta button takes the card's target; the cta card itself is no link.
    let html = micro_card(
        "layout: cta\nurlWrapper: /ignored\nurlButton: https://example.com\ntarget: _blank\n",
    );
    has(
        &html,
        &[
            "href=\"https://example.com\" target=\"_blank\" rel=\"nofollow noopener noreferrer\" aria-label=\"Read more\"",
        ],
    );
    lacks(&html, &["/ignored"]);
    // `urlButton` draws nothing on the other layouts.
    let html = micro_card("layout: teaser\nurlButton: /lwm2m\n");
    lacks(&html, &["/lwm2m", "aria-label=\"Read more\""]);
}

#[test]
fn micro_card_clipboard_overlay_is_top_aligned() {
    let html = micro_card("layout: default\ntitle: T\nclipboard: true\n");
    has(
        &html,
        &[
            &format!(
                "<div class=\"title text-[24px] font-extrabold dark:saturate-[300%] break-words z-20 {FADE} group-hover:text-transparent\">"
            ),
            "<div class=\"absolute inset-0 flex items-start justify-center opacity-0 group-hover:opacity-100 group-hover:cursor-pointer transition-opacity duration-300\"><button type=\"button\" aria-label=\"Copy the title\" data-copy-title>",
        ],
    );
}

#[test]
fn micro_card_null_layout_is_default_and_an_unknown_one_is_an_error() {
    let null = micro_card("layout:\ntitle: T\n");
    assert!(
        null.starts_with(&format!("<a target=\"_self\" class=\"not-prose {INHERIT} container overflow-hidden relative group flex flex-col rounded-2xl pl-4 pr-4 pb-4 pt-4")),
        "{null}"
    );
    has(&null, &[FALLBACK]);
    let found = errors("::ShMicroCard\n---\nlayout: teasr\n---\n::\n").join("\n");
    has(
        &found,
        &[
            "`teasr` is not an allowed value of `layout`",
            "did you mean `teaser`?",
        ],
    );
    // Lenient, an unknown layout draws `default`.
    let lenient = compile_page(
        "a.md",
        "::ShMicroCard\n---\nlayout: teasr\n---\n::\n",
        &Options {
            lenient: true,
            ..Options::default()
        },
    );
    has(
        &lenient.value.body,
        &["pl-4 pr-4 pb-4 pt-4", "group-hover:opacity-[25%]"],
    );
}

// ShMicroCard: the cards written for the October 2024 component.

#[test]
fn micro_card_without_layout_renders_as_before() {
    assert_eq!(
        micro_card(
            "urlWrapper: https://example.com/x\nurlImage: /images/a.jpg\naltImage: A\ntitle: Title\nsubtitle: Sub\ntext: Body\nui:\n  wrapper: bg-[#cddcec] dark:bg-primary-900\n  title: text-2xl\n"
        ),
        "<div class=\"container flex flex-col rounded-2xl p-4 mx-auto justify-items-center text-center hover:shadow-lg hover:scale-105 duration-300 border-2 border-golden/[0.6] hover:border-golden dark:border-neutral-600 dark:hover:border-golden bg-[#cddcec] dark:bg-primary-900\"><a href=\"https://example.com/x\" rel=\"nofollow\" class=\"not-prose\"><div class=\"relative group\"><img src=\"/images/a.jpg\" alt=\"A\" class=\"relative mt-4 w-full h-auto flex shrink mx-auto\"><div class=\"relative\"><div class=\"font-medium text-black dark:text-white break-words text-2xl transition-opacity duration-300\"><p>Title</p></div><div class=\"text-base font-thin dark:font-thin text-neutral-500 dark:text-gray-400 mt-3 break-words transition-opacity duration-300\"><p>Sub</p></div><div class=\"font-light text-md text-gray-400 dark:text-gray-600 mt-7 break-words transition-opacity duration-300\"><p>Body</p></div></div></div></a></div>"
    );
    // Its icon keeps the October classes and top-level `ui.icon`.
    let html = micro_card("icon: heroicons:information-circle\nui:\n  icon: w-1/2\n");
    has(
        &html,
        &[
            "class=\"relative mt-4 h-10 flex shrink-0 mx-auto text-oma-blue-900/[0.7] hover:text-oma-blue-600 dark:text-oma-blue-200 w-1/2\"",
        ],
    );
    lacks(&html, &[FALLBACK, "text-inherit"]);
    // A target applies to its link.
    let html = micro_card("urlWrapper: /lwm2m\ntarget: _blank\n");
    has(
        &html,
        &["<a href=\"/lwm2m\" target=\"_blank\" class=\"not-prose\">"],
    );
}

#[test]
fn micro_card_cover_and_button_need_a_layout() {
    let found =
        errors("::ShMicroCard\n---\ncoverImage: /images/a.jpg\nurlButton: /lwm2m\n---\n::\n");
    let all = found.join("\n");
    assert_eq!(found.len(), 2, "{all}");
    has(
        &all,
        &[
            "a.md:3:1: error: `coverImage` is drawn only by a card with a `layout`",
            "a.md:4:1: error: `urlButton` is drawn only by a card with a `layout`",
            "help: add `layout: default`, or another layout",
        ],
    );
}

// ShCard

#[test]
fn card_cover_layers_and_their_effects() {
    let image = body("::ShCard\n---\ncoverImage: /images/cover.jpg\ntitle: T\n---\n::\n");
    assert!(
        image.starts_with("<div class=\"flex flex-col justify-between border-2 dark:border-neutral-700 hover:border-2 hover:border-primary dark:hover:border-2 dark:hover:border-primary rounded-xl mx-auto max-w-lg overflow-hidden bg-inherit shadow-2xl relative group\"><img class=\"absolute mb-0 bottom-0 w-full h-screen object-cover opacity-100 ease-in-out transition-transform duration-700 group-hover:-translate-y-full\" src=\"/images/cover.jpg\" alt=\"\"><div class=\"flex items-center justify-center rounded-t-xl\">"),
        "{image}"
    );
    let icon =
        body("::ShCard\n---\ncoverIcon: heroicons:information-circle\nopacity: true\n---\n::\n");
    has(
        &icon,
        &[
            "<div class=\"bg-white dark:bg-neutral-800 absolute inset-0 w-full h-full object-cover z-40 transition-opacity duration-700 group-hover:opacity-0\"><svg ",
            "class=\"absolute inset-0 w-full h-full object-cover opacity-100 ease-in-out z-40\"",
        ],
    );
    let text =
        body("::ShCard\n---\ncoverText: Cover\nui:\n  coverText: bg-oma-blue-100\n---\n::\n");
    has(
        &text,
        &[
            "<div class=\"absolute bottom-0 w-full h-full flex items-center justify-center text-center ease-in-out dark:bg-neutral-800 opacity-100 bg-oma-blue-100 transition-transform duration-700 group-hover:-translate-y-full\"><div class=\"px-4\"><p>Cover</p></div></div>",
        ],
    );
    // Two covers: neither.
    let both = body("::ShCard\n---\ncoverImage: /images/cover.jpg\ncoverText: Cover\n---\n::\n");
    lacks(&both, &["cover.jpg", "px-4", "relative group"]);
}

#[test]
fn card_target_upper_base_text_and_article_url() {
    let html = body(
        "::ShCard\n---\nurlUpperBase: /lwm2m\ntarget: _self\nupperBaseText: \"## Upper\"\nui:\n  upperBaseText: p-8\n---\n::\n",
    );
    has(
        &html,
        &[
            "<a class=\"not-prose\" href=\"/lwm2m\" target=\"_self\"><div class=\"p-8\"><h2 id=\"upper\">Upper</h2></div></a>",
        ],
    );
    lacks(&html, &["h-80"]);
    // With an image the header shows the image, as before.
    let html = body("::ShCard\n---\nurlImage: /images/a.jpg\nupperBaseText: Upper\n---\n::\n");
    has(
        &html,
        &["<div class=\"h-80 w-full flex justify-center items-center\"><img "],
    );
    lacks(&html, &["Upper"]);
    // `articleURL` is the "Read more..." link of the cards on `/news`.
    let news = compile_page(
        "content/7.news/index.md",
        "::ShCard\n---\narticleURL: /news/a\n---\n::\n",
        &Options::default(),
    );
    assert!(news.diagnostics.is_empty(), "{:?}", news.diagnostics);
    has(
        &news.value.body,
        &["<a class=\"not-prose\" href=\"/news/a\" target=\"_blank\">Read more...</a>"],
    );
}

#[test]
fn card_article_still_works_with_a_warning() {
    for lenient in [false, true] {
        let compiled = compile_page(
            "content/7.news/index.md",
            "::ShCard\n---\ntitle: T\narticle: /news/a\n---\n::\n",
            &Options {
                lenient,
                ..Options::default()
            },
        );
        let found: Vec<String> = compiled
            .diagnostics
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(found.len(), 1, "{found:?}");
        let warning = &compiled.diagnostics[0];
        assert_eq!(warning.severity, Severity::Warning);
        assert_eq!(warning.code, "renamed-prop");
        assert_eq!((warning.line, warning.column, warning.width), (4, 1, 7));
        assert_eq!(
            found[0],
            "content/7.news/index.md:4:1: warning: `article` on `ShCard` is now called `articleURL`\n  |\n4 | article: /news/a\n  | ^^^^^^^ help: write `articleURL`"
        );
        has(&compiled.value.body, &["href=\"/news/a\""]);
    }
}

// What the props' checks say.

#[test]
fn boolean_props_written_empty_are_true() {
    let full = body("::ShButton\n---\nlabelButton: x\nfullWidth: \"\"\n---\n::\n");
    has(&full, &["w-full flex justify-center items-center"]);
    lacks(&full, &["inline-flex"]);
    let disabled =
        body("::ShButton\n---\nurlButton: /lwm2m\nlabelButton: x\ndisabled: ''\n---\n::\n");
    has(&disabled, &["aria-disabled=\"true\""]);
    lacks(&disabled, &["href="]);
    let clipboard = micro_card("title: T\nclipboard: \"\"\n");
    has(&clipboard, &["aria-label=\"Copy the title\""]);
    let opacity = body("::ShCard\n---\ncoverText: Cover\nopacity: \"\"\n---\n::\n");
    has(&opacity, &["group-hover:opacity-0"]);
    // `key:` with nothing is null, which is false.
    let null = body("::ShButton\n---\nlabelButton: x\nfullWidth:\n---\n::\n");
    has(&null, &["inline-flex"]);
    // Other text is still wrong.
    let found = errors("::ShButton\n---\nfullWidth: yes please\n---\n::\n").join("\n");
    has(
        &found,
        &["`fullWidth` must be `true` or `false`, found `yes please`"],
    );
}

#[test]
fn unknown_props_that_name_a_ui_key_suggest_it() {
    let rounded =
        errors("::ShButton\n---\nlabelButton: x\nrounded: rounded-lg\n---\n::\n").join("\n");
    has(
        &rounded,
        &[
            "unknown prop `rounded` on `ShButton`",
            "help: did you mean `ui.rounded`?",
        ],
    );
    let wrapper = errors("::ShColumn\n---\nwrapper: p-4\n---\n::\n").join("\n");
    has(
        &wrapper,
        &[
            "unknown prop `wrapper` on `ShColumn`",
            "help: did you mean `ui.wrapper`?",
        ],
    );
    // A nested key is suggested by its first part.
    let header = errors("::ShColumn{header=\"x\"}\n::\n").join("\n");
    has(&header, &["help: did you mean `ui.header`?"]);
    let subtitle = errors("::ShColumn\n---\nsubTitle: Sub\n---\n::\n").join("\n");
    has(
        &subtitle,
        &[
            "unknown prop `subTitle` on `ShColumn`",
            "help: did you mean `subtitle`?",
        ],
    );
}

#[test]
fn the_new_classes_have_css() {
    let html = [
        micro_card("layout: cta\ntitle: T\nurlButton: /lwm2m\n"),
        micro_card("layout: teaser\nurlWrapper: /lwm2m\ntitle: T\n"),
    ]
    .concat();
    let sheet = site_compiler::style::stylesheet([html.as_str()]);
    for rule in [
        ".text-inherit {",
        ".hover\\:text-inherit:hover {",
        ".dark .dark\\:text-inherit {",
        ".dark .dark\\:hover\\:text-inherit:hover {",
        ".underline-offset-\\[1\\.5rem\\] {",
    ] {
        assert!(sheet.css.contains(rule), "no `{rule}`");
    }
}
