//! What the chrome puts around bodies: the site-wide announcement before the header of every
//! page, and the page layouts.

mod support;

use site_compiler::render::csp::{STRICT_POLICY, meta_policy};
use site_compiler::{Build, Options, build};
use support::{Content, document, has, lacks};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// The build of `files`, which must have no diagnostics.
fn built(
    name: &str,
    files: &[(&str, &str)],
    options: &Options,
) -> Result<Build, Box<dyn std::error::Error>> {
    let content = Content::new(name, files)?;
    let build = build(content.root(), options)?;
    let messages: Vec<String> = build.diagnostics.iter().map(ToString::to_string).collect();
    assert!(messages.is_empty(), "{}", messages.join("\n"));
    Ok(build)
}

const ANNOUNCEMENT: &str = "---\nvisible: true\n---\n**Members' meeting:** [register](/a/).\n";

const BANNER: &str = "<div id=\"site-announcement\" class=\"relative p-1 sm:p-3 z-50 has-[&gt;input:checked]:hidden has-[&gt;input:focus-visible]:outline\" role=\"region\" aria-label=\"Announcement\"><input type=\"checkbox\" id=\"site-announcement-close\" class=\"sr-only\" aria-label=\"Close the announcement\"><div class=\"flex items-start justify-between\"><div class=\"content flex-1 text-center text-xl\"><div><p><strong>Members' meeting:</strong> <a href=\"/a\">register</a>.</p></div></div><label for=\"site-announcement-close\" class=\"absolute hover:bg-inherit hover:rounded-lg right-0 hover:scale-125 duration-700 z-50\" title=\"Close\"><svg";

#[test]
fn the_announcement_is_before_the_header_of_every_page() -> TestResult {
    let build = built(
        "announcement",
        &[
            ("announcement.md", ANNOUNCEMENT),
            ("a.md", "# A\n"),
            ("b/c.md", "---\nlayout: doc\n---\n# C\n"),
        ],
        &Options::default(),
    )?;
    let documents = build
        .pages
        .iter()
        .chain([&build.not_found])
        .map(|page| (page.page.route.as_str(), page.page.html.as_str()));
    for (route, html) in documents {
        let banner = html.find(BANNER);
        let header = html.find("<header");
        assert!(
            banner.is_some() && banner < header,
            "{route}: no banner before the header:\n{html}"
        );
        assert_eq!(
            html.matches("id=\"site-announcement\"").count(),
            1,
            "{route}"
        );
    }
    // A page of its own, which the menus leave out.
    assert!(
        build
            .pages
            .iter()
            .any(|page| page.page.route == "/announcement")
    );
    assert!(
        build
            .nav
            .flatten()
            .iter()
            .all(|item| item.route != "/announcement")
    );
    lacks(document(&build, "/a"), &["href=\"/announcement\""]);
    Ok(())
}

#[test]
fn only_visible_true_shows_the_announcement() -> TestResult {
    for front_matter in [
        "visible: false",
        "visible: \"true\"",
        "visible: 1",
        "title: News",
    ] {
        let announcement = format!("---\n{front_matter}\n---\nNews\n");
        let build = built(
            "announcement-hidden",
            &[("announcement.md", &announcement), ("a.md", "# A\n")],
            &Options::default(),
        )?;
        lacks(document(&build, "/a"), &["site-announcement"]);
        assert!(
            build
                .nav
                .flatten()
                .iter()
                .all(|item| item.route != "/announcement")
        );
    }
    Ok(())
}

#[test]
fn the_announcement_is_under_the_base_path_and_its_needs_are_every_pages() -> TestResult {
    let announcement = "---\nvisible: true\n---\n[A](/a)\n\n::ShVideo{src=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\"}\n::\n";
    let options = Options {
        base_path: "/docs".into(),
        ..Options::default()
    };
    let build = built(
        "announcement-base",
        &[("announcement.md", announcement), ("a.md", "# A\n")],
        &options,
    )?;
    let page = build
        .pages
        .iter()
        .find(|page| page.page.route == "/a")
        .ok_or("no page /a")?;
    has(&page.page.html, &["<div><p><a href=\"/docs/a\">A</a></p>"]);
    assert!(
        page.page
            .content_security_policy()
            .contains("frame-src 'self' https://www.youtube.com"),
        "{}",
        page.page.content_security_policy()
    );
    assert!(
        build
            .not_found
            .page
            .content_security_policy()
            .contains("https://www.youtube.com")
    );
    Ok(())
}

#[test]
fn every_document_carries_its_policy_in_its_head_before_what_it_loads() -> TestResult {
    let video = "# Video\n\n::ShVideo{src=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\"}\n::\n";
    let options = Options {
        base_path: "/docs".into(),
        ..Options::default()
    };
    // Generated pages too: the home page, the folder's and the search page.
    let build = built(
        "meta-policy",
        &[("a.md", "# A\n"), ("folder/video.md", video)],
        &options,
    )?;
    let documents: Vec<_> = build.pages.iter().chain([&build.not_found]).collect();
    let routes: Vec<&str> = documents
        .iter()
        .map(|page| page.page.route.as_str())
        .collect();
    assert_eq!(
        routes,
        ["/", "/a", "/folder", "/folder/video", "/search", "/404"]
    );
    let opening = "<meta http-equiv=\"Content-Security-Policy\" content=\"";
    for page in documents {
        let (route, html) = (&page.page.route, &page.page.html);
        assert_eq!(html.matches("http-equiv").count(), 1, "{route}:\n{html}");
        let at = html.find(opening).ok_or(format!("{route}: no policy"))?;
        let head_end = html.find("</head>").ok_or(format!("{route}: no head"))?;
        assert!(at < head_end, "{route}: the policy is not in the head");
        for loads in ["<script", "<link rel=\"stylesheet\""] {
            let loaded = html.find(loads).ok_or(format!("{route}: no `{loads}`"))?;
            assert!(at < loaded, "{route}: `{loads}` before the policy");
        }
        let content = &html[at + opening.len()..];
        let content = &content[..content.find('"').unwrap_or_default()];
        let served = page.page.content_security_policy();
        assert_eq!(content, meta_policy(&served), "{route}");
        assert!(!content.contains("frame-ancestors"), "{route}: {content}");
        let widened = route == "/folder/video";
        assert_eq!(
            content.contains("https://www.youtube.com"),
            widened,
            "{route}"
        );
    }
    Ok(())
}

#[test]
fn the_widest_policy_allows_what_any_page_allows() -> TestResult {
    let video = "::ShVideo{src=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\"}\n::\n";
    let form = "::ShFormContactUs\n::\n";
    let build = built(
        "widest-policy",
        &[("a.md", "# A\n"), ("video.md", video), ("form.md", form)],
        &Options::default(),
    )?;
    let widest = build.widest_content_security_policy();
    has(
        &widest,
        &[
            "script-src 'self' https://js.hsforms.net;",
            "frame-src 'self' https://forms-na1.hsforms.com https://forms.hsforms.com https://www.youtube.com;",
            "frame-ancestors 'none'",
        ],
    );
    let strict = built("strict-policy", &[("a.md", "# A\n")], &Options::default())?;
    assert_eq!(strict.widest_content_security_policy(), STRICT_POLICY);
    Ok(())
}

#[test]
fn the_web_layout_pads_the_body_across_the_page_without_a_title() -> TestResult {
    let build = built(
        "layouts",
        &[
            (
                "web.md",
                "---\ntitle: Web\nlayout: web\n---\n# Own heading\n\nText.\n",
            ),
            ("doc.md", "---\ntitle: Doc\nlayout: doc\n---\nText.\n"),
            ("plain.md", "---\ntitle: Plain\n---\nText.\n"),
        ],
        &Options::default(),
    )?;
    has(
        document(&build, "/web"),
        &[
            "<article class=\"prose w-full max-w-full mt-16\"><div class=\"grid grid-cols-12 relative\"><section class=\"col-start-1 col-span-12 lg:col-start-1 lg:col-span-12 w-full lg:w-full overflow-auto\"><div style=\"font-size:23px;\" class=\"par pb-10 pl-4 pr-4 sm:pl-8 sm:pr-8 2xl:pl-36 2xl:pr-36\"><h1 id=\"own-heading\">Own heading</h1><p>Text.</p></div></section></div></article>",
        ],
    );
    assert_eq!(document(&build, "/web").matches("<h1").count(), 1);
    // The layouts of October 2024 as they were.
    has(
        document(&build, "/doc"),
        &[
            "<article class=\"prose w-fit max-w-full mt-16\"><div class=\"grid grid-cols-12 relative\"><aside ",
            "<h1>Doc</h1><div style=\"font-size:23px;\" class=\"par mt-8 pb-10\"><p>Text.</p></div></section>",
        ],
    );
    has(
        document(&build, "/plain"),
        &[
            "<article class=\"prose w-fit max-w-full mt-16\"><div class=\"grid grid-cols-12\"><div style=\"font-size:23px;\" class=\"col-start-1 col-span-12 w-full lg:w-fit par mt-8 pb-24\"><p>Text.</p></div></div></article>",
        ],
    );
    Ok(())
}

#[test]
fn links_to_a_page_are_encoded_as_the_sitemap_encodes_them() -> TestResult {
    let build = built(
        "encoded-routes",
        &[("café.md", "# Café\n"), ("news/it's [new].md", "# New\n")],
        &Options::default(),
    )?;
    let sitemap = build
        .assets
        .iter()
        .find(|asset| asset.route == "/sitemap.xml")
        .map(|asset| String::from_utf8_lossy(&asset.bytes).into_owned())
        .unwrap_or_default();
    for (route, url) in [
        ("/café", "/caf%C3%A9"),
        ("/news/it's-[new]", "/news/it%27s-%5Bnew%5D"),
    ] {
        assert!(
            build.pages.iter().any(|page| page.page.route == route),
            "no page at {route}"
        );
        has(&sitemap, &[&format!("{url}</loc>")]);
        // The home page's list of every page writes the same URL, as do the menus.
        let home = document(&build, "/");
        has(home, &[&format!("href=\"{url}\"")]);
        lacks(home, &[&format!("href=\"{route}\"")]);
    }
    Ok(())
}
