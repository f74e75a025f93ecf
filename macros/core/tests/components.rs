//! The OMA components one by one, through the public API: props, defaults, falsy values, `ui`
//! overrides, one exact HTML string each, and the strict checks their declarations give.

mod support;

use site_compiler::{Options, compile_page};
use support::{body, errors, has, lacks, page};

#[test]
fn button_exact_html() {
    assert_eq!(
        body(
            "::ShButton\n---\nurlButton: https://example.com\nlabelButton: Join **us**\n---\n::\n"
        ),
        "<a href=\"https://example.com\" target=\"_blank\" type=\"button\" rel=\"nofollow noopener noreferrer\" class=\"rounded-md px-3 py-3 inline-flex items-center text-base bg-primary-500 dark:bg-primary-400 text-white hover:text-white dark:hover:text-black dark:text-gray-900 no-underline align-middle m-1 hover:saturate-150\"><span class=\"text-center not-prose mx-auto\"><span>Join <strong>us</strong></span></span></a>"
    );
}

#[test]
fn button_inline_form_stays_in_its_paragraph() {
    let html = body(
        "Text :sh-button{url-button=\"/about\" label-button=\"About\" size=\"xl\" style-button=\"outline\" color-button=\"oma-blue\" target=\"_self\"} end.\n",
    );
    assert_eq!(
        html,
        "<p>Text <a href=\"/about\" target=\"_self\" type=\"button\" class=\"rounded-md px-8 py-7 inline-flex items-center text-xl text-oma-blue-500 dark:text-oma-blue-400 ring-1 ring-inset ring-oma-blue-500 dark:ring-oma-blue-400 no-underline align-middle m-1 hover:saturate-150\"><span class=\"text-center not-prose mx-auto\"><span>About</span></span></a> end.</p>"
    );
}

#[test]
fn button_sizes_styles_and_flags() {
    let sizes = [
        ("2xs", "px-1 py-1", "text-xs"),
        ("xs", "px-1.5 py-1.5", "text-xs"),
        ("sm", "px-2 py-2", "text-sm"),
        ("md", "px-2.5 py-2.5", "text-md"),
        ("base", "px-3 py-3", "text-base"),
        ("lg", "px-7 py-6", "text-lg"),
        ("xl", "px-8 py-7", "text-xl"),
        ("2xl", "px-9 py-8", "text-2xl"),
        ("3xl", "px-10 py-9", "text-3xl"),
        ("4xl", "px-11 py-10", "text-4xl"),
        ("5xl", "px-12 py-11", "text-5xl"),
    ];
    for (size, padding, text) in sizes {
        let html = body(&format!(
            ":sh-button{{size=\"{size}\" label-button=\"x\"}}\n"
        ));
        has(
            &html,
            &[&format!(
                "rounded-md {padding} inline-flex items-center {text} "
            )],
        );
    }
    let link =
        body(":sh-button{style-button=\"link\" color-button=\"oma-red\" label-button=\"x\"}\n");
    has(
        &link,
        &[
            "text-oma-red-500 hover:text-oma-red-600",
            "hover:underline",
            "focus-visible:ring-oma-red-500",
        ],
    );
    lacks(&link, &["bg-"]);
    let full = body(":sh-button{full-width label-button=\"x\"}\n");
    has(
        &full,
        &["px-3 py-3 w-full flex justify-center items-center text-base"],
    );
    lacks(&full, &["inline-flex"]);
    let disabled = body(":sh-button{url-button=\"/a\" disabled label-button=\"x\"}\n");
    has(&disabled, &["aria-disabled=\"true\""]);
    lacks(&disabled, &["href="]);
    // Internal links get no rel; the default target is `_blank`.
    let internal = body(":sh-button{url-button=\"/lwm2m\" label-button=\"x\"}\n");
    has(
        &internal,
        &["href=\"/lwm2m\" target=\"_blank\" type=\"button\" class="],
    );
    lacks(&internal, &["rel="]);
    let external =
        body(":sh-button{url-button=\"https://x.org\" target=\"_self\" label-button=\"x\"}\n");
    has(&external, &["rel=\"nofollow\""]);
    // A colour that is not one class word falls back to `primary`.
    let odd = body(":sh-button{color-button=\"red x\" label-button=\"x\"}\n");
    has(&odd, &["bg-primary-500"]);
}

#[test]
fn button_falsy_props_class_and_ui() {
    // No label: the default slot, as it is; no URL: no href.
    let html = body("::ShButton{label-button=\"\"}\nSlot text\n::\n");
    has(
        &html,
        &["<span class=\"text-center not-prose mx-auto\"><p>Slot text</p></span>"],
    );
    lacks(&html, &["href="]);
    // `class` is merged last, over the size and style classes.
    let html = body(":sh-button{class=\"px-9 bg-oma-blue-500 m-0\" label-button=\"x\"}\n");
    has(
        &html,
        &[
            "class=\"rounded-md py-3 inline-flex items-center text-base dark:bg-primary-400 text-white hover:text-white dark:hover:text-black dark:text-gray-900 no-underline align-middle hover:saturate-150 px-9 bg-oma-blue-500 m-0\"",
        ],
    );
    let html = body(
        "::ShButton\n---\nlabelButton: x\nui:\n  rounded: rounded-none\n  inner: text-left\n---\n::\n",
    );
    has(
        &html,
        &[
            "class=\"rounded-none px-3",
            "<span class=\"not-prose mx-auto text-left\">",
        ],
    );
}

#[test]
fn strict_checks_know_the_new_components() {
    let found = errors("::ShButton\n---\nstyleButton: solod\nlabelButon: x\n---\n::\n");
    let all = found.join("\n");
    assert_eq!(found.len(), 2, "{all}");
    has(
        &all,
        &[
            "`solod` is not an allowed value of `styleButton`",
            "did you mean `solid`?",
            "unknown prop `labelButon` on `ShButton`",
            "did you mean `labelButton`?",
        ],
    );
    let size = errors(":sh-button{size=\"6xl\"}\n").join("\n");
    has(&size, &["`6xl` is not an allowed value of `size`"]);
    let faq = errors("::ShFaq\n---\nqas: nope\n---\n::\n").join("\n");
    has(&faq, &["`qas` must be a list"]);
    let badge = errors("::ShBadge{colour=\"red\"}\nx\n::\n").join("\n");
    has(&badge, &["unknown prop `colour` on `ShBadge`"]);
}

// ShBadge

#[test]
fn badge_exact_html_and_ui() {
    assert_eq!(
        body("::ShBadge\nNew\n::\n"),
        "<div class=\"bg-neutral-200 border-neutral-200 dark:border-gray-700 dark:bg-slate-800 dark:text-gray-300 text-gray-700 w-fit rounded-3xl px-2 py-1\"><p>New</p></div>"
    );
    let html =
        body("::ShBadge\n---\nui:\n  wrapper: bg-oma-red-200 dark:bg-oma-red-900\n---\nHot\n::\n");
    has(
        &html,
        &[
            "class=\"border-neutral-200 dark:border-gray-700 dark:text-gray-300 text-gray-700 bg-oma-red-200 dark:bg-oma-red-900 w-fit rounded-3xl px-2 py-1\"",
        ],
    );
    assert_eq!(
        body("::ShBadge\n::\n"),
        "<div class=\"bg-neutral-200 border-neutral-200 dark:border-gray-700 dark:bg-slate-800 dark:text-gray-300 text-gray-700 w-fit rounded-3xl px-2 py-1\"></div>"
    );
}

// ShFaq

const FAQ: &str = "::ShFaq\n---\nqas:\n  - q: What is *LwM2M*?\n    a: A protocol.\n  - q: Who?\n    a: OMA.\n---\n::\n";

#[test]
fn faq_exact_html() {
    let chevron = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 20 20\" width=\"1em\" height=\"1em\" class=\"place-self-end self-center text-2xl rotate-0 transition-transform duration-300 group-open:rotate-90\" role=\"img\" aria-hidden=\"true\"><path fill=\"currentColor\" fill-rule=\"evenodd\" d=\"M8.22 5.22a.75.75 0 0 1 1.06 0l4.25 4.25a.75.75 0 0 1 0 1.06l-4.25 4.25a.75.75 0 0 1-1.06-1.06L11.94 10L8.22 6.28a.75.75 0 0 1 0-1.06\" clip-rule=\"evenodd\"/></svg>";
    let item = |q: &str, a: &str| {
        format!(
            "<details class=\"group mx-3 cursor-pointer\"><summary class=\"grid grid-cols-2 flex-row font-bold list-none [&amp;::-webkit-details-marker]:hidden\"><div class=\"not-prose w-full hover:scale-105 duration-300 hover:text-primary dark:text-white mx-4\"><p>Q: {q}</p></div>{chevron}</summary><div class=\"ml-1\"><div class=\"mx-6 dark:text-white font-light\"><p>{a}</p></div></div></details>"
        )
    };
    assert_eq!(
        body(FAQ),
        format!(
            "<div class=\"mt-10\"><div class=\"text-2xl font-bold\"><p>FAQs</p></div></div><div class=\"border rounded-xl\">{}<div class=\"border-b\"></div>{}</div>",
            item("What is <em>LwM2M</em>?", "A protocol."),
            item("Who?", "OMA.")
        )
    );
}

#[test]
fn faq_title_falsy_items_and_ui() {
    let html = body("::ShFaq\n---\ntitle: Questions\nqas:\n  - q: One\n    a:\n---\n::\n");
    has(
        &html,
        &[
            "<p>Questions</p>",
            "<p>Q: One</p>",
            "<div class=\"mx-6 dark:text-white font-light\"></div>",
        ],
    );
    lacks(&html, &["border-b", "FAQs"]);
    let html = body("::ShFaq\n---\ntitle:\nqas: []\n---\n::\n");
    assert_eq!(html, "<div class=\"border rounded-xl\"></div>");
    let html = body(
        "::ShFaq\n---\nqas:\n  - q: One\n    a: Two\nui:\n  header:\n    title: text-4xl\n  q: mx-0\n---\n::\n",
    );
    has(
        &html,
        &[
            "<div class=\"font-bold text-4xl\">",
            "hover:text-primary dark:text-white mx-0\"",
        ],
    );
    let found = errors("::ShFaq\n---\nqas:\n  - just text\n---\n::\n").join("\n");
    has(&found, &["each item of `qas` must be a mapping"]);
}

#[test]
fn card_exact_html() {
    assert_eq!(
        body(
            "::ShCard\n---\nurlUpperBase: https://example.com/a\nurlImage: /images/a.jpg\naltImage: A\ntitle: Title\nsubtitle: Sub\ntext: Body\nleftLabel: L\ncenterLabel: C\nrightLabel: R\n---\n::\n"
        ),
        "<div class=\"flex flex-col justify-between border-2 dark:border-neutral-700 hover:border-2 hover:border-primary dark:hover:border-2 dark:hover:border-primary rounded-xl mx-auto max-w-lg overflow-hidden bg-inherit shadow-2xl\"><div class=\"flex items-center justify-center rounded-t-xl\"><a class=\"not-prose\" href=\"https://example.com/a\" target=\"_blank\" rel=\"nofollow noopener noreferrer\"><div class=\"h-80 w-full flex justify-center items-center\"><img class=\"h-full w-screen rounded-b-xl overflow-hidden\" src=\"/images/a.jpg\" alt=\"A\"></div></a></div><div class=\"p-6 rounded-b-xl\"><div class=\"text-3xl font-extrabold text-primary\"><div><p>Title</p></div></div><div class=\"text-xl font-semibold text-primary-700 -mt-8\"><div><p>Sub</p></div></div><div class=\"text-base text-gray-800 dark:text-gray-200 not-prose\"><p>Body</p></div><div class=\"border-t mt-16\"><div class=\"grid grid-cols-3\"><div class=\"mt-3 text-lg text-gray-600 dark:text-gray-400 not-prose\"><p>L</p></div><div class=\"mt-3 text-lg text-gray-600 dark:text-gray-400 not-prose\"><p>C</p></div><div class=\"mt-3 text-lg text-gray-600 dark:text-gray-400 not-prose\"><p>R</p></div></div></div></div></div>"
    );
}

#[test]
fn avatar_exact_html() {
    assert_eq!(
        body(
            "::ShAvatar\n---\nsrcAvatar: /images/p.jpg\naltAvatar: P\nname: Jane\nrole: Chair\ncompany: OMA\nlinkedin: https://linkedin.com/in/jane\n---\n::\n"
        ),
        "<div class=\"grid grid-cols-2 gap-4 p-4 mx-auto w-fit dark:bg-inherit rounded-md\"><img class=\"grayscale justify-self-end tracking-widest rounded-full size-48 object-cover dark:border dark:border-primary/[0.6]\" src=\"/images/p.jpg\" alt=\"P\"><div><div><div class=\"text-3xl font-bold grow text-primary bottom-0 dark:primary\"><p>Jane</p></div></div><div><div class=\"text-lg font-semibold text-black -mt-4 dark:text-gray-400\"><p>Chair</p></div></div><div><div class=\"text-lg text-gray-500 tracking-widest -mt-5 dark:text-gray-300\"><p>@OMA</p></div></div><div class=\"flex flex-wrap text-5xl -mx-1 -mt-4\"><a href=\"https://linkedin.com/in/jane\" rel=\"nofollow\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\" width=\"1em\" height=\"1em\" class=\"transition-transform transform hover:-translate-y-1 duration-400 dark:text-primary/[0.6] hover:text-primary dark:hover:text-primary-400\" role=\"img\" aria-label=\"LinkedIn\"><path fill=\"currentColor\" d=\"M19 3a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm-.5 15.5v-5.3a3.26 3.26 0 0 0-3.26-3.26c-.85 0-1.84.52-2.32 1.3v-1.11h-2.79v8.37h2.79v-4.93c0-.77.62-1.4 1.39-1.4a1.4 1.4 0 0 1 1.4 1.4v4.93zM6.88 8.56a1.68 1.68 0 0 0 1.68-1.68c0-.93-.75-1.69-1.68-1.69a1.69 1.69 0 0 0-1.69 1.69c0 .93.76 1.68 1.69 1.68m1.39 9.94v-8.37H5.5v8.37z\"/></svg></a></div></div></div>"
    );
}

#[test]
fn action_card_exact_html() {
    assert_eq!(
        body(
            "::ShActionCard\n---\ntitle: Join\nurlButton: https://example.com/join\nlabelButton: Sign up\n---\n::\n"
        ),
        "<div class=\"mt-6 dark:bg-inherit border-2 border-neutral-300 dark:border-neutral-500 mx-auto p-4 rounded-xl bg-no-repeat bg-cover size-full max-w-4xl max-h-3xl\"><div class=\"grid grid-cols-5 gap-4\"><div class=\"col-start-2 col-span-3 flex-col\"><div class=\"text-2xl text-black dark:text-white text-center font-bold\"><p>Join</p></div><div class=\"pb-4 relative flex items-center\"><span class=\"absolute left-3 flex text-xl text-gray-400 dark:invert\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\" width=\"1em\" height=\"1em\" role=\"img\" aria-hidden=\"true\"><path fill=\"none\" stroke=\"currentColor\" stroke-linecap=\"round\" stroke-linejoin=\"round\" stroke-width=\"1.5\" d=\"M21.75 6.75v10.5a2.25 2.25 0 0 1-2.25 2.25h-15a2.25 2.25 0 0 1-2.25-2.25V6.75m19.5 0A2.25 2.25 0 0 0 19.5 4.5h-15a2.25 2.25 0 0 0-2.25 2.25m19.5 0v.243a2.25 2.25 0 0 1-1.07 1.916l-7.5 4.615a2.25 2.25 0 0 1-2.36 0L3.32 8.91a2.25 2.25 0 0 1-1.07-1.916V6.75\"/></svg></span><input type=\"email\" name=\"email\" autocomplete=\"email\" placeholder=\"you@example.com\" aria-label=\"E-mail address\" class=\"w-full rounded-md border border-gray-300 dark:border-neutral-600 bg-white dark:bg-neutral-900 py-2.5 pl-10 pr-3 text-xl\"></div></div><a href=\"https://example.com/join\" target=\"_blank\" rel=\"nofollow noopener noreferrer\" class=\"rounded-md px-3.5 py-2.5 inline-flex items-center text-base bg-primary-500 dark:bg-primary-400 text-white hover:text-white dark:hover:text-black dark:text-gray-900 no-underline hover:drop-shadow-xl hover:saturate-200 col-start-3 col-span-1 mx-auto mb-4 not-prose\">Sign up</a></div></div>"
    );
}

#[test]
fn video_youtube_exact_html() {
    assert_eq!(
        body("::ShVideo{src=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1\"}\n::\n"),
        "<div class=\"mx-5 ring-4\"><iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\" title=\"YouTube video player\" frameborder=\"0\" allowfullscreen width=\"100%\" height=\"700\"></iframe></div>"
    );
}

#[test]
fn video_file_exact_html() {
    assert_eq!(
        body("::ShVideo{src=\"/v.mp4\"}\n::\n"),
        "<div class=\"mx-5 ring-4\"><video controls><source src=\"/v.mp4\" type=\"video/mp4\">Your browser does not support the video tag.</video></div>"
    );
}

#[test]
fn social_tweet_exact_html() {
    assert_eq!(
        body("::ShSocial{src=\"1234567890\"}\n::\n"),
        "<div class=\"flex p-4 justify-center\"><div class=\"max-w-full\"><blockquote class=\"bg-white dark:bg-white\"><p><a href=\"https://x.com/i/status/1234567890\" target=\"_blank\" rel=\"nofollow noopener noreferrer\">View the post on X</a></p></blockquote></div></div>"
    );
}

#[test]
fn social_facebook_exact_html() {
    assert_eq!(
        body("::ShSocial{src=\"https://www.facebook.com/plugins/post.php?x\"}\n::\n"),
        "<div class=\"flex p-4 justify-center\"><div class=\"max-w-full\"><iframe class=\"bg-white dark:bg-white rounded-xl border max-w-full\" src=\"https://www.facebook.com/plugins/post.php?x\" width=\"500\" height=\"410\" title=\"Embedded post\" style=\"overflow:hidden\" scrolling=\"no\" frameborder=\"0\" allowfullscreen=\"true\" allow=\"autoplay; clipboard-write; encrypted-media; picture-in-picture; web-share\"></iframe></div></div>"
    );
}

#[test]
fn social_linkedin_exact_html() {
    assert_eq!(
        body("::ShSocial{src=\"https://www.linkedin.com/embed/feed/update/urn:li:share:1\"}\n::\n"),
        "<div class=\"flex p-4 justify-center\"><div class=\"max-w-full\"><iframe class=\"max-w-full\" src=\"https://www.linkedin.com/embed/feed/update/urn:li:share:1\" width=\"500\" height=\"650\" frameborder=\"0\" allowfullscreen=\"true\" title=\"Embedded post\"></iframe></div></div>"
    );
}

#[test]
fn social_none_exact_html() {
    assert_eq!(
        body("::ShSocial\n::\n"),
        "<div class=\"flex p-4 justify-center\"><div class=\"max-w-full\">No supported social media found.</div></div>"
    );
}

#[test]
fn img_container_exact_html() {
    assert_eq!(
        body(
            "::ShImgContainer\n---\nurlImage: /images/a.jpg\naltImage: A\nfigcaption: Caption\n---\n::\n"
        ),
        "<div class=\"flex-row\"><div class=\"bg-white dark:bg-black pt-3 pb-3 mx-32 rounded-lg\"><figure class=\"dark:invert flex flex-col justify-center items-center m-4\"><img src=\"/images/a.jpg\" alt=\"A\"></figure></div><div class=\"flex justify-center italic text-neutral-600 dark:text-neutral-400\"><div><p>Caption</p></div></div></div>"
    );
}

#[test]
fn announcement_exact_html() {
    assert_eq!(
        body("::ShAnnouncement\nNews\n::\n"),
        "<div class=\"relative p-1 sm:p-3 z-50 has-[&gt;input:checked]:hidden has-[&gt;input:focus-visible]:outline\" role=\"region\" aria-label=\"Announcement\"><input type=\"checkbox\" id=\"sh-announcement-0-close\" class=\"sr-only\" aria-label=\"Close the announcement\"><div class=\"flex items-start justify-between\"><div class=\"content flex-1 text-center text-xl\"><div><p>News</p></div></div><label for=\"sh-announcement-0-close\" class=\"absolute hover:bg-inherit hover:rounded-lg right-0 hover:scale-125 duration-700 z-50\" title=\"Close\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\" width=\"1em\" height=\"1em\" class=\"text-3xl mr-4 text-white\" role=\"img\" aria-label=\"Close\"><g fill=\"none\" stroke=\"currentColor\" stroke-dasharray=\"18\" stroke-linecap=\"round\" stroke-linejoin=\"round\" stroke-width=\"2\"><path d=\"M7 7l10 10\"><animate fill=\"freeze\" attributeName=\"stroke-dashoffset\" dur=\"0.5s\" values=\"18;0\"/></path><path stroke-dashoffset=\"18\" d=\"M17 7l-10 10\"><animate fill=\"freeze\" attributeName=\"stroke-dashoffset\" begin=\"0.5s\" dur=\"0.5s\" to=\"0\"/></path></g></svg></label></div></div>"
    );
}

#[test]
fn helper_exact_html() {
    assert_eq!(
        body("::ShHelperComponent\n::\n"),
        "<div><div class=\"flex-col -mt-3\"><div><img src=\"/logo-dark.png\" alt=\"\" class=\"m-0 max-w-full max-h-full object-contain hidden dark:block\"><img src=\"/logo-light.png\" alt=\"\" class=\"m-0 max-w-full max-h-full object-contain dark:hidden\"></div><div class=\"mt-10\"><img src=\"/images/oma2.png\" alt=\"\" class=\"m-0 max-w-full max-h-full object-contain hidden dark:block\"></div></div></div>"
    );
}

#[test]
fn helper_logos_urls_empty_urls_and_ui() {
    let html = body(
        "::ShHelperComponent\n---\nfirstLogoLight: \"\"\nsecondLogoLight: /images/b.png\nui:\n  secondLogo: mt-0\n  secondLogoLight: size-[35%] block\n  secondLogoDark: block\n---\n::\n",
    );
    has(
        &html,
        &[
            // The first logo in dark mode only.
            "<div><img src=\"/logo-dark.png\" alt=\"\" class=\"m-0 max-w-full max-h-full object-contain hidden dark:block\"></div>",
            "<div class=\"mt-0\">",
            // The mode's classes win over the author's display class.
            "<img src=\"/images/oma2.png\" alt=\"\" class=\"m-0 max-w-full max-h-full object-contain hidden dark:block\">",
            "<img src=\"/images/b.png\" alt=\"\" class=\"m-0 max-w-full max-h-full object-contain size-[35%] block dark:hidden\">",
        ],
    );
    lacks(&html, &["/logo-light.png", "src=\"\""]);
}

#[test]
fn legacy_rows_exact_html() {
    assert_eq!(
        body(
            "---\nmodules:\n  - name: RowText\n    text: Hello\n    status: second\n  - name: RowImageText\n    text: Hi\n    image: /images/a.jpg\n    cols: 4\n  - name: RowImage\n    image: /images/b.jpg\n    title: B\n    status: second\n---\n"
        ),
        "<div class=\"container\"><div class=\"row-text\"><div class=\"row second\"><div class=\"col text-col\"><div class=\"pt-3\"><p>Hello</p></div></div></div></div><div class=\"row-image-text\"><div class=\"row\"><div class=\"col-4 image-col\"><img src=\"/images/a.jpg\" alt=\"\"></div><div class=\"col text-col\"><div class=\"pt-3\"><p>Hi</p></div></div></div></div><div class=\"row-image second\"><div class=\"row\"><div class=\"col\"><img src=\"/images/b.jpg\" alt=\"B\"></div></div></div><div class=\"row-dowument\"><div class=\"row py-3\"><div class=\"col\"><div class=\"nuxt-content\"></div></div></div></div></div>"
    );
}

#[test]
fn card_falsy_props_excerpt_article_and_ui() {
    let html = body(
        "::ShCard\n---\nexcerpt: The *excerpt*\narticleURL: /news/a\nimageBackground: /images/bg.jpg\nui:\n  title: text-oma-blue-500\n---\n::\n",
    );
    has(
        &html,
        &[
            "style=\"background-image:url('/images/bg.jpg')\"",
            "<a class=\"not-prose\" target=\"_blank\"><div class=\"h-80",
            "<div class=\"text-3xl font-extrabold text-oma-blue-500\"><div></div></div>",
            "<p>The <em>excerpt</em></p>",
        ],
    );
    lacks(&html, &["<img", "rel=", "Read more"]);
    // The article link shows on `/news` only.
    let news = compile_page(
        "content/7.news/index.md",
        "::ShCard\n---\narticleURL: /news/a\n---\n::\n",
        &Options::default(),
    );
    has(&news.value.body, &["href=\"/news/a\""]);
    // A background URL that could break out of the CSS value is reported and dropped.
    let card = compile_page(
        "a.md",
        "::ShCard\n---\nimageBackground: \"x'); color: red\"\n---\n::\n",
        &Options::default(),
    );
    let codes: Vec<&str> = card.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["unsafe-style"]);
    lacks(&card.value.body, &["style="]);
}

#[test]
fn avatar_falsy_props_socials_and_ui() {
    let html = body(
        "::ShAvatar\n---\ntwitter: https://x.com/a\nfacebook: https://facebook.com/a\ninstagram: /team\nui:\n  socials: flex text-3xl\n---\n::\n",
    );
    has(
        &html,
        &[
            "aria-label=\"Twitter\"",
            "aria-label=\"Facebook\"",
            "aria-label=\"Instagram\"",
            "<a href=\"/team\"><svg",
            "<div class=\"flex-wrap -mx-1 -mt-4 flex text-3xl\">",
        ],
    );
    lacks(&html, &["<img", "LinkedIn", "@"]);
    let html = body("::ShAvatar\n::\n");
    lacks(&html, &["<a ", "<img"]);
}

#[test]
fn action_card_props_and_icon_check() {
    let html = body(
        "::ShActionCard\n---\nurlImage: /images/a.jpg\naltImage: A\nsubtitle: Sub\ntext: Text\nicon: heroicons:envelope\naltIcon: Mail\nstyleButton: outline\ncolorButton: oma-red\nlabelButton: Go\n---\n::\n",
    );
    has(
        &html,
        &[
            "<img class=\"col-start-1",
            "alt=\"A\"",
            "<p>Sub</p>",
            "<p>Text</p>",
            "aria-label=\"Mail\"",
            "text-oma-red-500 dark:text-oma-red-400 ring-1 ring-inset",
            ">Go</a>",
        ],
    );
    let found = errors("::ShActionCard\n---\nicon: nope:nothing\n---\n::\n").join("\n");
    has(&found, &["icon `nope:nothing` is not available"]);
}

#[test]
fn video_ids_from_every_url_form() {
    for src in [
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com/embed/dQw4w9WgXcQ?start=3",
        "https://www.youtube.com/v/dQw4w9WgXcQ",
        "https://youtu.be/dQw4w9WgXcQ",
    ] {
        let html = body(&format!("::ShVideo{{src=\"{src}\"}}\n::\n"));
        has(
            &html,
            &["<iframe src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\""],
        );
    }
    assert_eq!(body("::ShVideo\n::\n"), "");
    let html = body("::ShVideo{src=\"/v.mp4\" :ui='{}'}\n::\n");
    has(&html, &["<video controls>"]);
    let html = body("::ShVideo\n---\nsrc: /v.mp4\nui:\n  wrapper: ring-2\n---\n::\n");
    has(&html, &["<div class=\"mx-5 ring-2\">"]);
}

#[test]
fn social_width_and_ui() {
    let html = body(
        "::ShSocial\n---\nsrc: https://www.linkedin.com/embed/x\nwidth: \"300\"\nui:\n  linkedin: rounded-xl\n---\n::\n",
    );
    has(
        &html,
        &[
            "<iframe class=\"rounded-xl max-w-full\"",
            "width=\"300\" height=\"650\"",
        ],
    );
    let html = body("::ShSocial{src=\"12ab\"}\n::\n");
    has(&html, &["No supported social media found."]);
}

#[test]
fn img_container_and_announcement_falsy_props_and_ui() {
    // The image without `src`, the caption's box empty, as on the OMA site.
    assert_eq!(
        body("::ShImgContainer\n::\n"),
        "<div class=\"flex-row\"><div class=\"bg-white dark:bg-black pt-3 pb-3 mx-32 rounded-lg\"><figure class=\"dark:invert flex flex-col justify-center items-center m-4\"><img alt=\"\"></figure></div><div class=\"flex justify-center italic text-neutral-600 dark:text-neutral-400\"></div></div>"
    );
    let html = body(
        "::ShImgContainer\n---\nurlImage: /images/a.jpg\nui:\n  wrapper: shadow-lg bg-purple-300 dark:bg-purple-900 p-4 rounded-xl\n  inner: mx-4 md:mx-32\n  image: rounded-lg border border-gray-300\n  figcaption: text-lg text-gray-600 italic\n---\n::\n",
    );
    has(
        &html,
        &[
            "class=\"flex-row shadow-lg bg-purple-300 dark:bg-purple-900 p-4 rounded-xl\"",
            "class=\"bg-white dark:bg-black pt-3 pb-3 rounded-lg mx-4 md:mx-32\"",
            "<img class=\"rounded-lg border border-gray-300\" src=\"/images/a.jpg\" alt=\"\">",
            // components-head.md §16's worked example.
            "class=\"flex justify-center dark:text-neutral-400 text-lg text-gray-600 italic\"",
        ],
    );
    let html = body(
        "::ShAnnouncement\n---\nui:\n  wrapper: bg-oma-red-50\n  icon: text-oma-blue-900\n---\nA\n::\n\n::ShAnnouncement{#news}\nB\n- [x] done\n::\n",
    );
    has(
        &html,
        &[
            "class=\"relative p-1 sm:p-3 z-50 bg-oma-red-50 has-[&gt;input:checked]:hidden",
            "class=\"text-3xl mr-4 text-oma-blue-900\"",
            // The id names the banner, and its checkbox after it.
            "<div id=\"news\" class=",
            "<input type=\"checkbox\" id=\"news-close\"",
            "<label for=\"news-close\"",
        ],
    );
    // Two uses, two checkboxes.
    assert_eq!(html.matches("<input type=\"checkbox\" id=").count(), 2);
    lacks(&html, &["<script"]);
}

#[test]
fn legacy_rows_defaults_and_falsy_fields() {
    let html = body(
        "---\nmodules:\n  - name: RowImageText\n    image: /images/a.jpg\n  - name: RowText\n  - name: RowImage\n---\n",
    );
    has(
        &html,
        &[
            "<div class=\"row-image-text\"><div class=\"row\"><div class=\"col-6 image-col\"><img src=\"/images/a.jpg\" alt=\"\"></div><div class=\"col text-col\"><div class=\"pt-3\"></div></div></div></div>",
            "<div class=\"row-text\"><div class=\"row\"><div class=\"col text-col\"><div class=\"pt-3\"></div></div></div></div>",
            "<div class=\"row-image\"><div class=\"row\"><div class=\"col\"></div></div></div>",
        ],
    );
    let html = body(
        "---\nmodules:\n  - name: RowMultiColumns\n    modules:\n      - name: RowText\n        text: In\n      - name: RowImageText\n        text: Too\n---\n",
    );
    has(&html, &["<p>In</p>", "<p>Too</p>"]);
    let found = errors("---\nmodules:\n  - name: RowImageText\n    cols: 13\n    colour: x\n---\n")
        .join("\n");
    has(
        &found,
        &["`cols` must be between 1 and 12", "unknown prop `colour`"],
    );
}

#[test]
fn the_script_free_behaviour_classes_have_css() {
    let html = body(&format!("{FAQ}\n::ShAnnouncement\nA\n::\n"));
    let sheet = site_compiler::style::stylesheet([html.as_str()]);
    for class in [
        "has-[>input:checked]:hidden",
        "group-open:rotate-90",
        "sr-only",
        "list-none",
    ] {
        assert!(
            !sheet.unmatched.iter().any(|c| c == class),
            "no CSS for `{class}`"
        );
    }
    assert!(sheet.css.contains(":has(>input:checked)"));
}

// ShCarousel's body form (components-head.md §4); the `items` form is in embeds.rs.

#[test]
fn carousel_body_form_exact_html() {
    assert_eq!(
        body("::ShCarousel\n---\nslides: 2\ntitle: T\n---\nOne\n\nTwo\n\nThree\n::\n"),
        "<div class=\"relative w-full\" data-carousel data-autoplay=\"2000\" role=\"region\" aria-roledescription=\"carousel\" aria-label=\"Carousel\"><div><div class=\"title text-center text-[24px] font-extrabold dark:saturate-[300%] break-words\"><p>T</p></div></div><div class=\"overflow-hidden\"><div class=\"flex overflow-x-auto snap-x snap-mandatory\" data-carousel-track tabindex=\"0\"><div class=\"w-full flex shrink-0 justify-center gap-4 px-4 snap-start\" data-carousel-slide role=\"group\" aria-roledescription=\"slide\" aria-label=\"1 of 2\"><div class=\"w-full max-w-sm\"><p>One</p></div><div class=\"w-full max-w-sm\"><p>Two</p></div></div><div class=\"w-full flex shrink-0 justify-center gap-4 px-4 snap-start\" data-carousel-slide role=\"group\" aria-roledescription=\"slide\" aria-label=\"2 of 2\"><div class=\"w-full max-w-sm\"><p>Three</p></div></div></div></div><div class=\"absolute left-1/2 transform -translate-x-1/2 flex gap-2 mt-2 bottom-[-1.5rem]\" data-carousel-navigation data-active=\"bg-golden saturate-[300%]\" data-inactive=\"bg-gray-500\" hidden><button type=\"button\" class=\"w-3 h-3 rounded-full bg-golden saturate-[300%]\" data-carousel-dot aria-label=\"Group 1\" aria-current=\"true\"></button><button type=\"button\" class=\"w-3 h-3 rounded-full bg-gray-500\" data-carousel-dot aria-label=\"Group 2\"></button></div></div>"
    );
}

#[test]
fn carousel_body_form_timer_dots_and_groups() {
    let still = page(
        "::ShCarousel\n---\ntimer: 0\nnavigationVisible: false\nsubtitle: S\n---\nA\n\n::ShBadge\nB\n::\n\n#named\nNot a slide\n::\n",
    );
    has(
        &still.body,
        &[
            "data-autoplay=\"0\"",
            "<div><div class=\"subtitle text-center text-[20px] font-bold dark:saturate-[180%] -mt-5 break-words\"><p>S</p></div></div>",
            "aria-label=\"2 of 2\"><div class=\"w-full max-w-md\"><div class=",
        ],
    );
    lacks(
        &still.body,
        &[
            "data-carousel-navigation",
            "Not a slide",
            "aria-label=\"1 of 3\"",
        ],
    );
    assert!(still.enhanced);
    has(
        &body("::ShCarousel{timer=\"-1\"}\nA\n\nB\n::\n"),
        &["data-autoplay=\"0\""],
    );
    has(
        &body("::ShCarousel{timer=\"5\"}\nA\n\nB\n::\n"),
        &["data-autoplay=\"5000\""],
    );
    // One group: nothing to page through, no dot and no script.
    let single = page("::ShCarousel\n---\nslides: 3\n---\nA\n\nB\n::\n");
    has(&single.body, &["aria-label=\"1 of 1\""]);
    lacks(&single.body, &["data-carousel-navigation"]);
    assert!(!single.enhanced);
}

#[test]
fn carousel_items_win_over_the_body_and_each_form_has_its_classes() {
    let html = body(
        "::ShCarousel\n---\nitems:\n  - urlImage: /images/a.png\nui:\n  inner: gap-2\n---\nBody\n::\n",
    );
    has(
        &html,
        &[
            "class=\"flex transition-transform duration-500 ease-in-out gap-2 overflow-x-auto snap-x snap-mandatory\"",
        ],
    );
    lacks(&html, &["Body", "relative w-full"]);
    let html = body(
        "::ShCarousel\n---\nui:\n  wrapper: mt-10\n  inner: rounded-xl overflow-hidden\n  navigation:\n    active: bg-oma-blue-500\n    inner: w-4 h-4 rounded-full\n---\nA\n\nB\n::\n",
    );
    has(
        &html,
        &[
            "<div class=\"relative w-full mt-10\" data-carousel",
            "<div class=\"rounded-xl overflow-hidden\">",
            "data-active=\"saturate-[300%] bg-oma-blue-500\"",
            "<button type=\"button\" class=\"w-4 h-4 rounded-full saturate-[300%] bg-oma-blue-500\"",
        ],
    );
    let found =
        errors("::ShCarousel\n---\nslides: 0\ntimer: 601\nnavigationVisible: maybe\n---\nA\n::\n")
            .join("\n");
    has(
        &found,
        &[
            "`slides` must be between 1 and 12",
            "`timer` must be between -600 and 600",
            "`navigationVisible` must be `true` or `false`",
        ],
    );
}
