//! The seed content as another service embeds it: mounted under a base path, as fragments, and
//! read through the typed page table.

use site::{Site, Value};

static DOCS: Site = site::include_site!("../content", base = "/docs");
static PARTS: Site = site::include_site!("../content", fragments);
/// The default of the profile: in a debug build, packed documents and no compressed variants.
static PLAIN: Site = site::include_site!("../content");

/// Every root-relative URL in `html` (`href="/…"`, `src="/…"`).
fn root_urls(html: &str) -> Vec<&str> {
    let mut urls = Vec::new();
    for attribute in ["href=\"/", "src=\"/"] {
        let mut rest = html;
        while let Some(at) = rest.find(attribute) {
            let value = &rest[at + attribute.len() - 1..];
            let end = value.find('"').unwrap_or(value.len());
            urls.push(&value[..end]);
            rest = &value[end..];
        }
    }
    urls
}

#[test]
fn a_mounted_site_links_below_its_base_path_only() {
    let pages = DOCS.pages.iter().chain([&DOCS.not_found]);
    for page in pages {
        let urls = root_urls(&page.html);
        assert!(!urls.is_empty(), "{}", page.route);
        for url in urls {
            assert!(url.starts_with("/docs/"), "{}: {url}", page.route);
        }
        assert_eq!(page.url, format!("/docs{}", page.route));
    }
    assert!(DOCS.stylesheet.starts_with("/docs/_site/style."));
    let stylesheet = DOCS.asset(&DOCS.stylesheet["/docs".len()..]);
    let css = String::from_utf8_lossy(stylesheet.map_or(&[][..], |asset| asset.bytes.get()));
    assert!(
        css.contains("url(/docs/_site/fonts/"),
        "font URLs under the base"
    );
    assert!(!css.contains("url(/_site/"));
    // Every link of the mounted pages leads to one of them or to one of their assets.
    for page in DOCS.pages {
        for url in root_urls(&page.html) {
            let path = url.split(['#', '?']).next().unwrap_or(url);
            let route = &path["/docs".len()..];
            assert!(
                DOCS.get(path).is_some() || DOCS.asset(route).is_some(),
                "{}: {url}",
                page.route
            );
        }
    }
}

#[test]
fn fragments_are_the_bodies_without_chrome() {
    for page in PARTS.pages {
        assert_eq!(page.html, page.body.0, "{}", page.route);
        assert!(!page.html.contains("<html"), "{}", page.route);
        assert!(!page.html.contains("<header"), "{}", page.route);
    }
    let about = PARTS.get("/lwm2m/about").map(|page| page.html);
    assert!(about.is_some_and(|html| html.contains("<h2")));
}

/// Whether `part` is a slice of `whole`'s own bytes, not an equal copy.
fn is_within(part: &str, whole: &str) -> bool {
    let (start, end) = (
        whole.as_ptr() as usize,
        whole.as_ptr() as usize + whole.len(),
    );
    let part_start = part.as_ptr() as usize;
    start <= part_start && part_start + part.len() <= end
}

#[test]
fn bodies_are_held_once_within_their_documents() {
    for site in [&site::SITE, &DOCS, &PARTS] {
        for page in site.pages.iter().chain([&site.not_found]) {
            let (body, html) = (page.body.0.get(), page.html.get());
            assert!(html.contains(body), "{}{}", site.base_path, page.route);
            assert!(is_within(body, html), "{}{}", site.base_path, page.route);
        }
    }
}

#[test]
fn the_lwm2m_registry_is_typed_data() {
    let Some(device) = DOCS.lwm2m_object(3) else {
        panic!("no object 3 among {} objects", DOCS.lwm2m.len());
    };
    assert_eq!((device.name, device.defined), ("Device", true));
    assert_eq!(device.url, "/docs/lwm2m/resources/registry/objects/3");
    let ids: Vec<u32> = device
        .resources
        .iter()
        .map(|resource| resource.id)
        .collect();
    assert_eq!(ids, (0..=22).collect::<Vec<u32>>());
    let time = device.resource(13).map(|r| (r.name, r.operations, r.kind));
    assert_eq!(time, Some(("Current Time", "RW", "Time")));
    // Sorted by ID, one per registered object, those without a definition among them.
    assert!(DOCS.lwm2m.windows(2).all(|pair| pair[0].id < pair[1].id));
    assert_eq!(DOCS.lwm2m.len(), 340);
    assert!(
        DOCS.lwm2m_object(3443)
            .is_some_and(|object| !object.defined)
    );
    assert!(DOCS.lwm2m_object(1_000_000).is_none());
}

#[test]
fn pages_carry_typed_front_matter_and_headings() {
    let Some(about) = site::SITE.get("/lwm2m/about/") else {
        panic!("the seed page /lwm2m/about");
    };
    assert_eq!(about.title, "About Page");
    assert_eq!(
        about
            .front_matter
            .get("description")
            .and_then(Value::as_str),
        Some(about.description)
    );
    assert!(matches!(about.front_matter, Value::Object(_)));
    let Some(ipso) = site::SITE.get("/ipso") else {
        panic!("the seed page /ipso");
    };
    let modules = ipso.front_matter.get("modules").and_then(Value::as_array);
    assert!(modules.is_some_and(|modules| !modules.is_empty()));
    let Some(working_groups) = site::SITE.get("/omaspecworks/collaborate/working-groups") else {
        panic!("the seed page working-groups");
    };
    assert!(
        working_groups
            .headings
            .iter()
            .any(|heading| heading.id == "dmso" && heading.depth == 3),
        "{:?}",
        working_groups.headings
    );
}

#[test]
fn pages_follow_the_menus() {
    let order: Vec<&str> = site::SITE.pages().map(|page| page.route).collect();
    assert_eq!(order.len(), site::SITE.pages.len());
    let menus: Vec<&str> = site::SITE
        .nav
        .iter()
        .flat_map(|item| item.walk())
        .map(|item| item.route)
        .collect();
    assert_eq!(&order[..menus.len()], &menus[..]);
    assert_eq!(menus.first(), Some(&"/omaspecworks"));
}

#[test]
fn every_profile_serves_the_same_documents_and_tags() {
    // `site::SITE` is compiled `compressed`: its variants in every profile.
    let (plain, compressed) = (PLAIN.table(), site::SITE.table());
    assert_eq!(plain.pages.len(), compressed.pages.len());
    let pages = plain.pages.iter().chain([&plain.not_found]);
    let others = compressed.pages.iter().chain([&compressed.not_found]);
    for (page, other) in pages.zip(others) {
        assert_eq!(page.route, other.route);
        assert_eq!(page.html, other.html, "{}", page.route);
        assert_eq!(page.body.0, other.body.0, "{}", page.route);
        assert_eq!(page.etag, other.etag, "{}", page.route);
        assert_eq!(page.front_matter, other.front_matter, "{}", page.route);
        assert!(other.br.is_some() && other.gzip.is_some(), "{}", page.route);
        let embedded = page.br.is_some() && page.gzip.is_some();
        assert_eq!(embedded, !cfg!(debug_assertions), "{}", page.route);
        if embedded {
            assert_eq!(page.br, other.br, "{}", page.route);
        }
    }
    for (asset, other) in plain.assets.iter().zip(compressed.assets) {
        assert_eq!(asset.route, other.route);
        assert_eq!(asset.bytes, other.bytes, "{}", asset.route);
        assert_eq!(asset.etag, other.etag, "{}", asset.route);
    }
    assert_eq!(plain.assets.len(), compressed.assets.len());
    assert_eq!(plain.order, compressed.order);
    assert_eq!(
        plain.widest_content_security_policy,
        compressed.widest_content_security_policy
    );
}
