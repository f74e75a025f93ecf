//! The search index of the repository's content, ranked as the search script ranks it
//! (`embed::search::rank`; the browser test holds the script's results to the same ranking).

use site_compiler::embed::search::rank::{Hit, search};
use site_compiler::embed::search::{Index, IndexedPage, POINTER_ROUTE, read_served};
use site_compiler::{Build, Options, build};
use std::path::Path;
use std::sync::OnceLock;

/// The index `built` serves, found as the search script finds it: through the file at
/// [`POINTER_ROUTE`], which names its files, beside it, the one file cached for good.
fn served_index(built: &Build) -> Index {
    let asset = |route: &str| built.assets.iter().find(|asset| asset.route == route);
    let pointer = asset(POINTER_ROUTE).unwrap_or_else(|| panic!("no {POINTER_ROUTE}"));
    assert!(!pointer.immutable, "the pointer is cached for good");
    for file in built
        .assets
        .iter()
        .filter(|asset| asset.route.ends_with(".json"))
    {
        if file.route != POINTER_ROUTE && file.route.starts_with("/_site/search-") {
            assert!(file.immutable, "{} carries no content hash", file.route);
        }
    }
    read_served(|route| asset(route).map(|asset| &asset.bytes[..]))
        .unwrap_or_else(|| panic!("the index does not read back"))
}

/// The build of `content/`, made once for the tests that read it.
fn content_build() -> &'static Build {
    static BUILT: OnceLock<Build> = OnceLock::new();
    BUILT.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
        build(&root, &Options::default()).unwrap_or_else(|e| panic!("{e}"))
    })
}

/// The index the build of `content/` serves.
fn content_index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| served_index(content_build()))
}

/// Each hit as `url#anchor`.
fn links(index: &Index, hits: &[Hit]) -> Vec<String> {
    hits.iter()
        .map(|hit| {
            let anchor = &index.parts[hit.part].anchor;
            format!("{}#{anchor}", index.pages[hit.page].url)
        })
        .collect()
}

#[test]
fn a_component_name_finds_its_guide_page_first() {
    let index = content_index();
    let hits = search(index, "ShMicroCard", 10);
    let found = links(index, &hits);
    assert_eq!(
        found.first().map(String::as_str),
        Some("/guide/components/sh-micro-card#"),
        "{found:?}"
    );
    // As the reader types it, the first letters find it first too.
    let typing = search(index, "shmicro", 10);
    assert_eq!(
        links(index, &typing).first(),
        found.first(),
        "{:?}",
        links(index, &typing)
    );
}

#[test]
fn lwm2m_finds_the_lwm2m_section_first_and_the_registry_s_entries_after_every_authored_page() {
    let index = content_index();
    let hits = search(index, "lwm2m", index.pages.len());
    let pages: Vec<&IndexedPage> = hits.iter().map(|hit| &index.pages[hit.page]).collect();
    let urls: Vec<&str> = pages.iter().map(|page| page.url.as_str()).collect();
    let in_section = |url: &&str| url.starts_with("/lwm2m/");
    let authored: Vec<&str> = pages
        .iter()
        .filter(|page| !page.reference)
        .map(|page| page.url.as_str())
        .collect();
    // The authored pages come first, led by the section's (the registry's list and resource
    // view, the about page), and pages elsewhere that mention LwM2M; then the registry's
    // hundreds of entries.
    assert!(urls[..3].iter().all(in_section), "{urls:?}");
    assert!(authored.iter().any(|url| !in_section(url)), "{urls:?}");
    assert_eq!(urls[..authored.len()], authored[..], "{urls:?}");
    assert!(urls.len() > authored.len() + 300, "{urls:?}");
    assert!(urls[authored.len()..].iter().all(in_section), "{urls:?}");
}

#[test]
fn a_heading_s_text_finds_that_heading_s_anchor() {
    let index = content_index();
    for (query, expected) in [
        (
            "Rows from a field of a YAML file",
            "/guide/components/sh-dynamic-table#rows-from-a-field-of-a-yaml-file-and-class",
        ),
        (
            "Utility Outreach",
            "/omaspecworks/collaborate/working-groups#utility-outreach",
        ),
    ] {
        let found = links(index, &search(index, query, 10));
        assert_eq!(
            found.first().map(String::as_str),
            Some(expected),
            "{query}: {found:?}"
        );
    }
}

#[test]
fn a_word_in_a_data_table_row_finds_its_page() {
    let index = content_index();
    // "publication" is written only in the data file (content/data/sample-publications.json),
    // and its last row, on the table's last page, is in the index too.
    let data = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/data/sample-publications.json"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(data.contains("\"Sample publication 23\""));
    for query in ["publication", "Sample publication 23"] {
        let hits = search(index, query, 10);
        let first = hits.first().unwrap_or_else(|| panic!("{query}: no result"));
        assert_eq!(
            index.pages[first.page].url, "/guide/components/sh-dynamic-table",
            "{query}"
        );
        assert!(
            index.parts[first.part]
                .text
                .contains("Sample publication 23"),
            "{query}: {:?}",
            index.parts[first.part]
        );
    }
}

#[test]
fn code_and_chrome_are_not_indexed() {
    let index = content_index();
    // `defineNuxtConfig` is written only in the guide's code blocks; "Copyright" only in the
    // footer, and in some of the registry's object definitions.
    assert_eq!(search(index, "defineNuxtConfig", 10), []);
    let copyright = search(index, "copyright", index.pages.len());
    assert!(!copyright.is_empty());
    for hit in copyright {
        let page = &index.pages[hit.page];
        assert!(page.reference, "{}", page.url);
        let part = &index.parts[hit.part];
        let text = format!("{} {}", part.heading, part.text);
        assert!(text.contains("opyright"), "{}: {text}", page.url);
    }
    assert!(index.pages.iter().all(|page| page.url != "/search"));
}

#[test]
fn under_a_base_path_the_index_and_its_links_are_under_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let options = Options {
        base_path: "/docs".into(),
        ..Options::default()
    };
    let built = build(&root, &options).unwrap_or_else(|e| panic!("{e}"));
    let index = served_index(&built);
    assert!(!index.pages.is_empty());
    assert!(
        index
            .pages
            .iter()
            .all(|page| page.url.starts_with("/docs/")),
        "{:?}",
        index.pages.iter().map(|page| &page.url).collect::<Vec<_>>()
    );
    // The script is loaded under the base path, and finds the pointer beside itself.
    let html = &built.pages[0].page.html;
    assert!(html.contains("src=\"/docs/_site/search."), "{html}");
    assert!(html.contains("action=\"/docs/search\""), "{html}");
}

#[test]
fn an_edit_changes_the_index_but_not_the_other_pages() {
    let dir = std::env::temp_dir().join(format!("site-search-edit-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let write = |text: &str| {
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(dir.join("a.md"), "# A\n\nFirst page.\n").unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(dir.join("b.md"), text).unwrap_or_else(|e| panic!("{e}"));
        build(&dir, &Options::default()).unwrap_or_else(|e| panic!("{e}"))
    };
    let before = write("# B\n\nSecond page.\n");
    let after = write("# B\n\nSecond page, edited: zeppelin.\n");
    let _ = std::fs::remove_dir_all(&dir);
    // The file naming the index names another file.
    let pointer = |built: &Build| {
        let pointer = built
            .assets
            .iter()
            .find(|asset| asset.route == POINTER_ROUTE);
        pointer.map(|asset| asset.bytes.clone())
    };
    assert!(pointer(&before).is_some());
    assert_ne!(pointer(&before), pointer(&after));
    assert_eq!(search(&served_index(&after), "zeppelin", 10).len(), 1);
    let html = |built: &Build, route: &str| {
        built
            .pages
            .iter()
            .find(|page| page.page.route == route)
            .map(|page| page.page.html.clone())
            .unwrap_or_else(|| panic!("no {route}"))
    };
    assert_eq!(html(&before, "/a"), html(&after, "/a"));
    assert_ne!(html(&before, "/b"), html(&after, "/b"));
}

#[test]
fn the_registry_s_entries_are_a_file_of_their_own_beside_the_authored_pages() {
    let built = content_build();
    let files: Vec<(&str, usize)> = built
        .assets
        .iter()
        .filter(|asset| asset.route.starts_with("/_site/search-") && asset.route != POINTER_ROUTE)
        .map(|asset| (asset.route.as_str(), asset.bytes.len()))
        .collect();
    let [(authored, authored_size), (reference, reference_size)] = files[..] else {
        panic!("{files:?}");
    };
    assert!(authored.starts_with("/_site/search-index."), "{files:?}");
    assert!(
        reference.starts_with("/_site/search-reference."),
        "{files:?}"
    );
    // The objects' descriptions and resources are most of what the index holds.
    assert!(reference_size > 2 * authored_size, "{files:?}");
    let index = content_index();
    let first_reference = index.pages.iter().position(|page| page.reference);
    let first_reference = first_reference.unwrap_or_else(|| panic!("no reference entries"));
    assert!(
        index.pages[first_reference..]
            .iter()
            .all(|page| page.reference)
    );
    assert!(index.pages[first_reference..].len() > 300);
}

#[test]
fn battery_level_finds_resource_9_of_object_3_at_its_row() {
    let index = content_index();
    let hits = search(index, "battery level", 10);
    let found = links(index, &hits);
    // After the resource view, an authored page that lists every resource, the registry's
    // objects: those named for batteries, and Device's Battery Level, linking to its row, the
    // part shown that resource's.
    let at = found
        .iter()
        .position(|link| link == "/lwm2m/resources/registry/objects/3#r9")
        .unwrap_or_else(|| panic!("{found:?}"));
    assert!(at < 6, "{found:?}");
    let part = &index.parts[hits[at].part];
    assert_eq!(part.heading, "Battery Level");
    assert!(part.text.contains("battery level"), "{part:?}");
    assert_eq!(index.pages[hits[at].page].title, "Device (LwM2M object 3)");
    assert_eq!(
        found.first().map(String::as_str),
        Some("/lwm2m/resources/registry/resources#lwm2m-resources"),
        "{found:?}"
    );
}

#[test]
fn a_resource_s_name_leads_to_its_row_not_to_a_row_with_a_rarer_word_it_starts() {
    let index = content_index();
    let hits = search(index, "current time", 10);
    let found = links(index, &hits);
    // Timezone's row holds `time` only, as the start of a rarer word: the hit on Device leads
    // to the row holding both words.
    let device = found
        .iter()
        .find(|link| link.starts_with("/lwm2m/resources/registry/objects/3#"));
    assert_eq!(
        device.map(String::as_str),
        Some("/lwm2m/resources/registry/objects/3#r13"),
        "{found:?}"
    );
}
