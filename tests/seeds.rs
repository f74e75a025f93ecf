//! Every seed page, served over a real socket, carries its components' output.

use site::SITE;
use site_tests::{Response, Server};

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn page(server: &Server, path: &str) -> Result<String, Box<dyn std::error::Error>> {
    let response: Response = server.get(path)?;
    assert_eq!(response.status, 200, "GET {path}");
    assert_eq!(
        response.header("content-type"),
        Some("text/html; charset=utf-8"),
        "GET {path}"
    );
    Ok(response.text())
}

/// The page's content, without the chrome around it.
fn article(html: &str) -> &str {
    let start = html.find("<article").unwrap_or(0);
    let end = html.find("</article>").unwrap_or(html.len());
    &html[start..end]
}

#[test]
fn every_seed_page_has_its_title_and_description() -> TestResult {
    let server = Server::start(&SITE)?;
    let cases = [
        (
            "/lwm2m/about",
            "About Page",
            Some("Page dedicated to LwM2M and IPSO"),
        ),
        ("/lwm2m/examples", "Examples", None),
        (
            "/omaspecworks/collaborate/working-groups",
            "Working Groups",
            None,
        ),
        ("/ipso", "Ipso", None),
        ("/omaspecworks/about", "About OMA SpecWorks", None),
    ];
    for (path, title, description) in cases {
        let html = page(&server, path)?;
        assert!(html.starts_with("<!DOCTYPE html>"), "{path}");
        assert!(
            html.contains(&format!("<title>{title} | OMA SpecWorks</title>")),
            "{path}: title"
        );
        match description {
            Some(text) => assert!(
                html.contains(&format!(r#"<meta name="description" content="{text}">"#)),
                "{path}"
            ),
            None => assert!(
                !html.contains(r#"name="description""#),
                "{path}: empty description"
            ),
        }
        // Indented components are components: no page of the seeds has a code block.
        assert!(!html.contains("<pre>"), "{path}: {html}");
        assert!(!html.contains("::"), "{path}: an unparsed fence is left");
    }
    Ok(())
}

#[test]
fn working_groups_cards_link_to_the_headings() -> TestResult {
    let server = Server::start(&SITE)?;
    let html = page(&server, "/omaspecworks/collaborate/working-groups")?;
    for (anchor, title) in [
        ("dmso", "DMSO"),
        ("utility-outreach", "Utility Outreach"),
        ("utility-interoperability", "Utility Interoperability"),
    ] {
        // The seed writes `/omaspecworks/collaborate/working-groups/#dmso`; the page links to
        // the canonical URL, which answers without a redirect.
        let link = format!(
            r#"<a href="/omaspecworks/collaborate/working-groups#{anchor}" class="not-prose">"#
        );
        assert_eq!(html.matches(&link).count(), 1, "card for #{anchor}");
        assert!(
            html.contains(&format!(r#"<h3 id="{anchor}">{title}</h3>"#)),
            "heading #{anchor}"
        );
        assert!(html.contains(&format!(
            r#"break-words transition-opacity duration-300"><p>{title}</p></div>"#
        )));
    }
    // Each card sits in its own column of a three-column (from 2xl) grid.
    assert!(html.contains(r#"<div class="grid grid-cols-1 sm:grid-cols-1 md:grid-cols-2 lg:grid-cols-2 2xl:grid-cols-3 gap-4">"#));
    assert_eq!(html.matches(r#"<div class="col-span-1"><div>"#).count(), 3);
    // The `ui` overrides merged into the card defaults (components.md §1.3).
    let wrapper = "container flex flex-col rounded-2xl p-4 mx-auto justify-items-center text-center hover:shadow-lg hover:scale-105 duration-300 border-2 border-golden/[0.6] hover:border-golden dark:border-neutral-600 dark:hover:border-golden bg-[#cddcec] bg-gradient-to-b from-primary/[0.4] dark:bg-gradient-to-t dark:from-primary dark:bg-primary-900";
    assert_eq!(
        html.matches(&format!(r#"<div class="{wrapper}">"#)).count(),
        3
    );
    // Each card's icon inlined as SVG, with its own view box.
    for (width, icon, size) in [
        ("w-1/2", "tabler:network", 24),
        ("w-1/4", "mingcute:scale-line", 24),
        ("w-1/5", "devicon-plain:fastapi", 128),
    ] {
        let class = format!(
            "relative mt-4 h-10 flex shrink-0 mx-auto text-oma-blue-900/[0.7] hover:text-oma-blue-600 dark:text-oma-blue-200 {width}"
        );
        assert!(
            html.contains(&format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" width="1em" height="1em" class="{class}" role="img" aria-hidden="true"><"#
            )),
            "{icon}"
        );
    }
    // The doc layout prints the title; the segment keeps its `-mt-5` and raw <img> stays as written.
    assert!(html.contains("<h1>Working Groups</h1>"));
    assert!(html.contains(r#"<div class="-mt-5"><img src="/images/omaspecworks/collaborate/WG-2.png" alt="OMA Working Groups" class="rounded-lg"><p>The <strong>OMA Working Groups</strong>"#));
    Ok(())
}

#[test]
fn lwm2m_about_has_text_image_cards_alert_and_new_tab_links() -> TestResult {
    let server = Server::start(&SITE)?;
    let html = page(&server, "/lwm2m/about")?;
    assert!(html.contains(r#"<h3 id="device-management-smart-objects-dmso">Device Management &amp; Smart Objects (DMSO)</h3>"#));
    let first = r#"<div class="dark:bg-inherit border-2 border-neutral-200 dark:border-neutral-500 rounded-2xl p-5 shadow-xl bg-white"><div class="lg:grid lg:grid-cols-4 lg:grid-rows-1 lg:grid-flow-col lg:gap-8 items-center"><img src="/images/lwm2m/working_together_1.jpg" alt="" class="col-start-1 col-span-2 mx-auto rounded-xl mb-12"><div class="col-start-3 col-span-2 text-left"><div class="font-semibold text-2xl mt-2 mb-6 dark:text-neutral-400"><p>DMSO</p></div><div class="not-prose"><p>The Device Management"#;
    assert!(html.contains(first), "first ShTextImg");
    assert!(html.contains(r#"<img src="/images/lwm2m/working_together_2.jpg" alt="" class="col-span-2 mx-auto rounded-xl mb-12"><div class="col-start-1 col-span-2 text-left">"#));
    // `title:` is empty: no title block.
    assert!(!html.contains("font-bold text-3xl"));
    let blank = r#"<a href="https://technical.openmobilealliance.org/Overviews/lightweightm2m_overview.html" rel="nofollow noopener noreferrer" target="_blank">Specifications</a>"#;
    assert!(html.contains(blank));
    assert_eq!(article(&html).matches(r#"target="_blank""#).count(), 4);
    let alert = r#"<div id="alert" class="flex items-center space-x-1 mt-4 mb-4 shadow-md rounded-xl bg-[#EBF8FF] dark:bg-[#2A4365] text-[#2B6CB0] dark:text-[#90CDF4] relative border-l-4 border-[#63B3ED] dark:border-[#2B6CB0]"><div class="flex mx-2 p-1 mr-3"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="1em" height="1em" class="size-7 text-[#63B3ED] dark:text-[#63B3ED]" role="img" aria-hidden="true"><path "#;
    assert!(html.contains(alert));
    assert!(html.contains(r#"</svg></div><p>OMA SpecWorks is an innovative kind"#));
    // An external link without a target gets only `nofollow`.
    assert!(html.contains(r#"rel="nofollow">agile process</a>"#));
    Ok(())
}

#[test]
fn lwm2m_examples_has_both_two_column_grids() -> TestResult {
    let server = Server::start(&SITE)?;
    let html = page(&server, "/lwm2m/examples")?;
    // YAML `ui` and bound `:ui='{…}'` props give the same wrapper.
    let grid = r#"<div class="bg-golden/[0.2] dark:bg-neutral-800 shadow-md rounded-2xl p-7 pb-10"><div class="flex flex-col md:grid md:grid-cols-2 [&amp;&gt;*:nth-child(odd)]:col-span-1 [&amp;&gt;*:nth-child(even)]:col-span-1 gap-4">"#;
    assert_eq!(html.matches(grid).count(), 2);
    assert!(html.contains(r#"<div><p><img src="/images/lwm2m/working_together_1.jpg" alt="working_together_1.jpg"></p></div>"#));
    assert!(html.contains(r#"<h3 id="device-management-service-enablement-working-group">"#));
    assert!(html.contains(r#"<h3 id="ipso-smart-objects-working-group-ipso">IPSO Smart Objects Working Group (IPSO)</h3>"#));
    assert_eq!(
        article(&html)
            .matches(r#"rel="nofollow noopener noreferrer" target="_blank""#)
            .count(),
        2
    );
    Ok(())
}

#[test]
fn ipso_renders_legacy_modules_above_the_body() -> TestResult {
    let server = Server::start(&SITE)?;
    let html = page(&server, "/ipso")?;
    let columns = html.find(r#"<div class="row-multi-columns"><div class="row py-3"><div class="col-6"><div class="row-text-image"><div class="row"><div class="col-4 text-col">"#);
    let separator = html.find(r#"<div class="row row-separator extra-large"></div>"#);
    let wide = html.find(r#"<div class="col-6 text-col"><div class="pt-3"><h5 id="ipso-smart-objects-working-group-ipso"><strong>"#);
    let last_separator = html.find(r#"<div class="row row-separator large"></div>"#);
    let body = html.find(r#"<div class="row-dowument"><div class="row py-3"><div class="col"><div class="nuxt-content"><h5 id="about-oma-specworks">"#);
    let order = [columns, separator, wide, last_separator, body];
    assert!(order.iter().all(Option::is_some), "{order:?}");
    assert!(
        order.windows(2).all(|pair| pair[0] < pair[1]),
        "modules in order, then the body: {order:?}"
    );
    assert_eq!(
        html.matches(r#"<img src="/images/working_together_2.jpg" alt="">"#)
            .count(),
        3
    );
    Ok(())
}

#[test]
fn omaspecworks_about_has_the_classed_image_and_alert() -> TestResult {
    let server = Server::start(&SITE)?;
    let html = page(&server, "/omaspecworks/about")?;
    assert!(html.contains(r#"<p><img src="/images/omaspecworks/about/DALL_E_Idea_machine_landscape.png" alt="" class="mx-auto hover:scale-105"></p>"#));
    assert!(
        html.contains(r#"<h3 id="about-oma-specworks">About OMA SpecWorks</h3><div id="alert""#)
    );
    assert!(html.contains("<h1>About OMA SpecWorks</h1>"));
    Ok(())
}

#[test]
fn home_lists_every_page_and_images_are_served() -> TestResult {
    let server = Server::start(&SITE)?;
    let home = page(&server, "/")?;
    // Every page the menus list (not the search page, which the header's field leads to).
    for page in SITE
        .pages
        .iter()
        .filter(|page| page.route != "/" && page.listed)
    {
        // Menus name a folder's index page by the folder's `_dir.yaml` title.
        assert!(
            article(&home).contains(&format!(r#"<a href="{}">"#, page.route)),
            "{}",
            page.route
        );
    }
    for (path, content_type, magic) in [
        (
            "/images/lwm2m/working_together_1.jpg",
            "image/jpeg",
            &b"\xff\xd8\xff"[..],
        ),
        (
            "/images/omaspecworks/collaborate/WG-2.png",
            "image/png",
            &b"\x89PNG"[..],
        ),
    ] {
        let response = server.get(path)?;
        assert_eq!(
            (response.status, response.header("content-type")),
            (200, Some(content_type)),
            "{path}"
        );
        assert!(response.body.starts_with(magic), "{path}");
    }
    Ok(())
}

#[test]
fn unknown_paths_and_other_methods() -> TestResult {
    let server = Server::start(&SITE)?;
    let missing = server.get("/no/such/page")?;
    assert_eq!(missing.status, 404);
    assert!(
        missing
            .text()
            .contains("<title>Page not found | OMA SpecWorks</title>")
    );
    let post = server.post("/lwm2m/about")?;
    assert_eq!(post.status, 405);
    assert_eq!(post.header("allow"), Some("GET, HEAD"));
    let head = server.head("/lwm2m/about")?;
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    Ok(())
}
