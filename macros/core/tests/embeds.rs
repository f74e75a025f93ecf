//! Components that embed third-party content or need the enhancement script: the HubSpot
//! forms, ShCarousel, and the hosts ShVideo and ShSocial add to their page's policy.

mod support;

use site_compiler::render::csp::{Directive, STRICT_POLICY, ThirdParty};
use support::{errors, has, page, unstyled};

#[test]
fn contact_form_exact_html_and_policy() {
    let page = page("::ShFormContactUs\n::\n");
    assert_eq!(
        page.body,
        "<div class=\"w-full\" id=\"hubspot-form\" data-hubspot-form data-portal-id=\"21247113\" data-form-id=\"c9bf8828-7520-4e8c-987b-70fe763e77eb\" data-region=\"na1\"><div class=\"rounded-xl border-2 border-neutral-200 dark:border-neutral-500 p-5 text-center\" data-hubspot-fallback><p>This form is loaded from HubSpot and needs JavaScript.</p></div></div>"
    );
    assert!(page.enhanced);
    assert!(page.third_party.contains(&ThirdParty::new(
        Directive::Script,
        "https://js.hsforms.net"
    )));
    let policy = page.content_security_policy();
    assert!(
        policy.contains("script-src 'self' https://js.hsforms.net;"),
        "{policy}"
    );
    assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
    assert_eq!(unstyled(&page.body), Vec::<String>::new());
}

#[test]
fn newsletter_form_props_fallback_and_ui() {
    let page = page(
        "::ShFormNewsletter\n---\nportalId: \"123\"\nformId: sample-form\nregion: eu1\nfallbackUrl: https://example.com/form\nui:\n  wrapper: mt-4\n  fallback: p-2\n---\n::\n",
    );
    assert_eq!(
        page.body,
        "<div class=\"w-full mt-4\" id=\"contact-us-form\" data-hubspot-form data-portal-id=\"123\" data-form-id=\"sample-form\" data-region=\"eu1\"><div class=\"rounded-xl border-2 border-neutral-200 dark:border-neutral-500 text-center p-2\" data-hubspot-fallback><p>This form is loaded from HubSpot and needs JavaScript.</p><p><a href=\"https://example.com/form\" target=\"_blank\" rel=\"nofollow noopener noreferrer\">Open the form on its own page</a></p></div></div>"
    );
    // The newsletter's own default form id.
    let default = self::page("::ShFormNewsletter\n::\n");
    has(
        &default.body,
        &["data-form-id=\"56969656-646b-423d-98af-133ab4c4e2dd\""],
    );
    has(
        &errors("::ShFormNewsletter{form=\"x\"}\n::\n").join("\n"),
        &[
            "unknown prop `form` on `ShFormNewsletter`",
            "did you mean `formId`?",
        ],
    );
}

// Third-party hosts of the other embeds

#[test]
fn pages_without_embeds_keep_the_strict_policy() {
    let page = page("# Title\n\n::ShAlert\nText\n::\n");
    assert!(page.third_party.is_empty());
    assert!(!page.enhanced);
    assert_eq!(page.content_security_policy(), STRICT_POLICY);
}

#[test]
fn video_and_social_allow_exactly_their_hosts() {
    let youtube = page("::ShVideo{src=\"https://youtu.be/dQw4w9WgXcQ\"}\n::\n");
    assert_eq!(
        youtube.third_party.iter().collect::<Vec<_>>(),
        vec![&ThirdParty::new(
            Directive::Frame,
            "https://www.youtube.com"
        )]
    );
    let file = page("::ShVideo{src=\"https://cdn.example.com/v.mp4\"}\n::\n");
    assert_eq!(
        file.third_party.iter().collect::<Vec<_>>(),
        vec![&ThirdParty::new(
            Directive::Media,
            "https://cdn.example.com"
        )]
    );
    assert!(
        file.content_security_policy()
            .contains("media-src 'self' https://cdn.example.com;")
    );
    let local = page("::ShVideo{src=\"/videos/v.mp4\"}\n::\n");
    assert!(local.third_party.is_empty());
    let facebook =
        page("::ShSocial{src=\"https://www.facebook.com/plugins/post.php?href=x\"}\n::\n");
    assert_eq!(
        facebook.third_party.iter().collect::<Vec<_>>(),
        vec![&ThirdParty::new(
            Directive::Frame,
            "https://www.facebook.com"
        )]
    );
    let linkedin = page("::ShSocial{src=\"https://www.linkedin.com/embed/feed/update/x\"}\n::\n");
    assert!(
        linkedin
            .content_security_policy()
            .contains("frame-src 'self' https://www.linkedin.com;")
    );
    // A post on X is a plain link: nothing to allow.
    let tweet = page("::ShSocial{src=\"1234567890\"}\n::\n");
    assert!(tweet.third_party.is_empty());
}

// ShCarousel

const CAROUSEL: &str = "::ShCarousel
---
title: Sample **slides**
items:
  - urlImage: /images/a.png
    altImage: First
  - urlImage: /images/b.png
  - component: ShBadge
    slotContent: Sample badge
---
::
";

#[test]
fn carousel_exact_html() {
    let page = page(CAROUSEL);
    assert!(page.enhanced);
    assert!(page.third_party.is_empty());
    let id = "carousel-0";
    // Up to the first arrow's icon.
    let head = page.body.split("<svg").next().unwrap_or("");
    assert_eq!(
        head,
        format!(
            "<div class=\"relative flex items-center w-full mt-10 overflow-hidden bg-gray-50 rounded-2xl border-2 border-gray-200 shadow-2xl\" data-carousel data-autoplay=\"3000\" role=\"region\" aria-roledescription=\"carousel\" aria-label=\"Carousel\"><div class=\"w-full min-w-0 p-6 sm:p-16\"><div class=\"text-3xl font-bold text-center dark:text-gray-100 text-[#1F2329]\"><p>Sample <strong>slides</strong></p></div><div class=\"text-2xl text-center dark:text-gray-300 -mt-5\"></div><div class=\"flex transition-transform duration-500 ease-in-out overflow-x-auto snap-x snap-mandatory\" data-carousel-track tabindex=\"0\"><div class=\"min-w-full snap-start\" id=\"{id}-1\" data-carousel-slide role=\"group\" aria-roledescription=\"slide\" aria-label=\"1 of 3\"><img class=\"w-full h-auto max-h-[500px] object-cover\" src=\"/images/a.png\" alt=\"First\"></div><div class=\"min-w-full snap-start\" id=\"{id}-2\" data-carousel-slide role=\"group\" aria-roledescription=\"slide\" aria-label=\"2 of 3\"><img class=\"w-full h-auto max-h-[500px] object-cover\" src=\"/images/b.png\" alt=\"\"></div><div class=\"min-w-full snap-start\" id=\"{id}-3\" data-carousel-slide role=\"group\" aria-roledescription=\"slide\" aria-label=\"3 of 3\"><div class=\"bg-neutral-200 border-neutral-200 dark:border-gray-700 dark:bg-slate-800 dark:text-gray-300 text-gray-700 w-fit rounded-3xl px-2 py-1\"><p>Sample badge</p></div></div></div><div class=\"mt-6 w-full text-center\"><a class=\"indicator active\" href=\"#{id}-1\" data-carousel-dot aria-label=\"Slide 1\"></a><a class=\"indicator\" href=\"#{id}-2\" data-carousel-dot aria-label=\"Slide 2\"></a><a class=\"indicator\" href=\"#{id}-3\" data-carousel-dot aria-label=\"Slide 3\"></a></div></div><button type=\"button\" class=\"absolute top-1/2 left-2 -translate-y-1/2 text-4xl cursor-pointer\" data-carousel-prev hidden aria-label=\"Previous slide\">"
        )
    );
    has(
        &page.body,
        &[
            "data-carousel-next hidden aria-label=\"Next slide\"><svg",
            "class=\"hover:scale-125 duration-300 dark:text-gray-300 dark:hover:text-gray-100\"",
        ],
    );
    assert_eq!(unstyled(&page.body), Vec::<String>::new());
}

#[test]
fn carousel_interval_single_slide_ui_and_errors() {
    let page = page(
        "::ShCarousel\n---\ninterval: 0\nitems:\n  - urlImage: /images/a.png\nui:\n  image: rounded-xl\n---\n::\n",
    );
    has(
        &page.body,
        &[
            "data-autoplay=\"0\"",
            "<img class=\"w-full h-auto max-h-[500px] object-cover rounded-xl\" src=\"/images/a.png\" alt=\"\">",
        ],
    );
    // One slide: nothing to move, so no arrows, dots or script.
    assert!(!page.body.contains("data-carousel-prev"));
    assert!(!page.body.contains("indicator"));
    assert!(!page.enhanced);
    // Empty: the frame stays.
    let empty = self::page("::ShCarousel\n::\n");
    has(&empty.body, &["data-carousel-track tabindex=\"0\"></div>"]);
    let found = errors("::ShCarousel\n---\ninterval: -1\nitems:\n  - altImage: x\n---\n::\n");
    has(
        &found.join("\n"),
        &[
            "`interval` must be between 0 and 600000",
            "each item of `items` needs `urlImage` or `component`",
        ],
    );
}

// Strict checks know the new components and modules

#[test]
fn strict_checks_know_the_new_components_and_modules() {
    for (text, expected) in [
        (
            "::ShDynamicTable{per-pag=\"10\"}\n::\n",
            "did you mean `perPage`?",
        ),
        (
            "::ShCarousel{intervall=\"1\"}\n::\n",
            "did you mean `interval`?",
        ),
        (
            "::ShListCards{cardId=\"1\"}\n::\n",
            "did you mean `cardID`?",
        ),
        (
            "::ShFormContactUs{portal=\"1\"}\n::\n",
            "did you mean `portalId`?",
        ),
        ("::ShCarousal\n::\n", "did you mean `ShCarousel`?"),
        ("::ShDynamicTabel\n::\n", "did you mean `ShDynamicTable`?"),
        (
            "---\nmodules:\n  - name: RowNewsCard\n---\n",
            "did you mean `RowNewsCards`?",
        ),
        (
            "---\nmodules:\n  - name: RowButtonGrid\n    colls: []\n---\n",
            "did you mean `cols`?",
        ),
        (
            "---\nmodules:\n  - name: RowDynamicTable\n    pagination: lots\n---\n",
            "`pagination` must be a number",
        ),
    ] {
        let found = errors(text).join("\n");
        assert!(found.contains(expected), "{text}: {found}");
    }
    // Pages compiled on their own have no content folder: data components say so.
    has(
        &errors("::ShDynamicTable\n---\ndataUrl: data/x.json\n---\n::\n").join("\n"),
        &["data files are read when a content folder compiles"],
    );
}
