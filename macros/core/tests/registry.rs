//! The LwM2M registry in the build: its pages, its XML files served as assets, links to its
//! resources' anchors checked, and read again only when a file under it changed: in a
//! `Session`, and in builds that store it beside their cache.

mod support;

use site_compiler::{Build, Compression, Options, Session, build};
use std::path::Path;
use support::{Content, document};

/// The repository's snapshot file `path` (in the registry's folder).
fn snapshot(path: &str) -> String {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../content/data/lwm2m-registry")
        .join(path);
    std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
}

const INDEX: &str = "ObjectID\tURN\tName\tOwner\tSource\tVer\tDDF\tDDFLink\tTS\tTSLink\n\
    3\turn:oma:lwm2m:oma:3\tDevice\tOMA\t0\t1.0\tversion_history/3-1_0.xml\t1\t\t0\n\
    3\turn:oma:lwm2m:oma:3:1.2\tDevice\tOMA\t0\t1.2\t3.xml\t1\thttps://example.org/ts.pdf\t1\n\
    3443\turn:oma:lwm2m:ext:3443\teSIM IoT\tGSMA\t1\t1.0\t3443.xml\t1\t\t0\n";
const LICENCES: &str =
    "file\tlicence\nobjects/3.xml\tBSD-3-Clause\nversion_history/3-1_0.xml\tBSD-3-Clause\n";
const PAGE: &str = "# Home\n\n[Current Time](/lwm2m/resources/registry/objects/3#r13)\n";

fn folder(name: &str) -> Content {
    let current = snapshot("objects/3.xml");
    let earlier = snapshot("version_history/3-1_0.xml");
    Content::new(
        name,
        &[
            ("index.md", PAGE),
            ("other.md", "# Other\n\nText.\n"),
            ("data/lwm2m-registry/index.tsv", INDEX),
            ("data/lwm2m-registry/LICENCES.tsv", LICENCES),
            ("data/lwm2m-registry/README.md", "# The registry's data\n"),
            ("data/lwm2m-registry/objects/3.xml", &current),
            ("data/lwm2m-registry/version_history/3-1_0.xml", &earlier),
        ],
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_folder_with_the_registry_s_data_gets_its_pages_and_files() {
    let content = folder("pages");
    let built = build(content.root(), &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    let messages: Vec<String> = built.diagnostics.iter().map(ToString::to_string).collect();
    assert!(messages.is_empty(), "{}", messages.join("\n"));
    let device = document(&built, "/lwm2m/resources/registry/objects/3");
    assert!(device.contains("<tr id=\"r13\""));
    assert!(device.contains("Current Time"));
    assert!(
        device.contains("No resource added, removed or changed in type or operations since 1.0.")
    );
    let esim = document(&built, "/lwm2m/resources/registry/objects/3443");
    assert!(esim.contains("is not included"));
    // The lists the folder does not write itself, every row in the HTML.
    let list = document(&built, "/lwm2m/resources/registry/objects");
    assert!(list.contains("href=\"/lwm2m/resources/registry/objects/3\""));
    assert!(list.contains("href=\"/lwm2m/resources/registry/objects/3443\""));
    let resources = document(&built, "/lwm2m/resources/registry/resources");
    assert!(resources.contains("href=\"/lwm2m/resources/registry/objects/3#r13\""));
    let licences = document(&built, "/lwm2m/resources/registry/licences");
    assert!(licences.contains("Copyright 2020 Open Mobile Alliance."));
    // The README is the data's, not a page.
    assert!(!built.pages.iter().any(|p| p.page.route.contains("readme")));
    let xml = built
        .assets
        .iter()
        .find(|asset| asset.route == "/lwm2m/resources/registry/objects/3.xml")
        .unwrap_or_else(|| panic!("the XML is not served"));
    assert_eq!(xml.content_type, "application/xml");
    assert_eq!(xml.bytes, snapshot("objects/3.xml").into_bytes());
    let tracked = Path::new("data/lwm2m-registry/objects/3.xml");
    assert!(built.sources.iter().any(|path| path.ends_with(tracked)));
}

#[test]
fn a_link_to_a_resource_that_does_not_exist_is_a_missing_anchor() {
    let content = folder("anchor");
    std::fs::write(
        content.root().join("index.md"),
        "# Home\n\n[Nothing](/lwm2m/resources/registry/objects/3#r99)\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let built = build(content.root(), &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    let codes: Vec<&str> = built.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["missing-anchor"]);
}

#[test]
fn a_folder_without_the_data_gets_no_registry_page() {
    let content =
        Content::new("none", &[("index.md", "# Home\n")]).unwrap_or_else(|e| panic!("{e}"));
    let built = build(content.root(), &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        !built
            .pages
            .iter()
            .any(|p| p.page.route.starts_with("/lwm2m"))
    );
}

#[test]
fn a_session_reads_the_registry_again_only_when_a_file_under_it_changed() {
    let content = folder("session");
    let mut session = Session::new(Options::default());
    let rebuild = |session: &mut Session| {
        let fresh = build(content.root(), &Options::default()).unwrap_or_else(|e| panic!("{e}"));
        let kept = session
            .build(content.root())
            .unwrap_or_else(|e| panic!("{e}"));
        let html = |build: &Build| -> Vec<(String, String)> {
            build
                .pages
                .iter()
                .map(|p| (p.page.route.clone(), p.page.html.clone()))
                .collect()
        };
        assert_eq!(html(kept), html(&fresh));
        assert_eq!(kept.diagnostics, fresh.diagnostics);
        // The search files: the reference entries' one is taken over whole when none of them
        // changed, and must then be the one a build from scratch makes.
        let search = |build: &Build| -> Vec<(String, Vec<u8>)> {
            build
                .assets
                .iter()
                .filter(|asset| asset.route.starts_with("/_site/search-"))
                .map(|asset| (asset.route.clone(), asset.bytes.clone()))
                .collect()
        };
        assert_eq!(search(kept).len(), 3);
        assert_eq!(search(kept), search(&fresh));
        (session.read_registry(), session.rendered().to_vec())
    };
    let (read, _) = rebuild(&mut session);
    assert!(read, "the first build reads it");

    std::fs::write(content.root().join("other.md"), "# Other\n\nChanged.\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let (read, rendered) = rebuild(&mut session);
    assert!(!read, "an unrelated page changed");
    assert_eq!(rendered, ["other.md"]);

    // A section over the registry's pages: their results name it, so their file is made again.
    std::fs::create_dir_all(content.root().join("lwm2m")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        content.root().join("lwm2m/about.md"),
        "# About

Text.
",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let (read, _) = rebuild(&mut session);
    assert!(!read, "a page was added");
    // The section renamed: no page renders again, and the file follows.
    std::fs::write(content.root().join("lwm2m/_dir.yaml"), "title: Devices\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let (read, rendered) = rebuild(&mut session);
    assert!(!read && rendered.is_empty(), "{rendered:?}");
    // A page of the content's own at an object's route, then without it: the object's words
    // are its page's again, not those the content's page had at the route.
    let own = content
        .root()
        .join("lwm2m/resources/registry/objects/3443.md");
    let made = own.parent().map_or(Ok(()), std::fs::create_dir_all);
    made.and_then(|()| std::fs::write(&own, "# Our eSIM page\n\nText of our own.\n"))
        .unwrap_or_else(|e| panic!("{e}"));
    rebuild(&mut session);
    std::fs::remove_file(&own).unwrap_or_else(|e| panic!("{e}"));
    rebuild(&mut session);

    let renamed =
        snapshot("objects/3.xml").replace("<Name>Current Time</Name>", "<Name>Clock</Name>");
    std::fs::write(
        content.root().join("data/lwm2m-registry/objects/3.xml"),
        &renamed,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let (read, rendered) = rebuild(&mut session);
    assert!(read, "an object file changed");
    // The resource view reads the registry: rendered again.
    assert!(
        rendered.iter().any(|page| page.ends_with("resources.md")),
        "{rendered:?}"
    );
    let kept = session
        .build(content.root())
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(document(kept, "/lwm2m/resources/registry/objects/3").contains("Clock"));
}

#[test]
fn a_build_takes_the_registry_back_from_the_file_beside_its_cache_until_a_file_under_it_changes() {
    let content = folder("stored");
    let Some(cache_dir) = content.root().parent() else {
        panic!("the content folder has a parent");
    };
    let options = Options {
        compression: Some(Compression {
            cache: Some(cache_dir.join("build.cache")),
            variants: false,
        }),
        ..Options::default()
    };
    let stored = cache_dir.join("build.registry");
    let built =
        |options: &Options| build(content.root(), options).unwrap_or_else(|e| panic!("{e}"));
    // Every page, asset and diagnostic, but the asset at `left_out`.
    let outputs_but = |build: &Build, left_out: &str| {
        let pages: Vec<(String, String)> = build
            .pages
            .iter()
            .map(|p| (p.page.route.clone(), p.page.html.clone()))
            .collect();
        let assets: Vec<(String, Vec<u8>)> = build
            .assets
            .iter()
            .filter(|a| a.route != left_out)
            .map(|a| (a.route.clone(), a.bytes.clone()))
            .collect();
        (pages, assets, build.diagnostics.clone())
    };
    let outputs = |build: &Build| outputs_but(build, "");
    let object = "/lwm2m/resources/registry/objects/3";
    // A page of the content's own in the registry's section, so that the section's title is
    // the same with or without a page at an object's route (below).
    let write = |relative: &str, text: &str| {
        let path = content.root().join(relative);
        let made = path.parent().map_or(Ok(()), std::fs::create_dir_all);
        made.and_then(|()| std::fs::write(&path, text))
            .unwrap_or_else(|e| panic!("{e}"));
    };
    write("lwm2m/about.md", "# About LwM2M\n\nText.\n");

    let first = built(&options);
    assert!(stored.is_file(), "the registry's part is stored");
    assert_eq!(outputs(&first), outputs(&built(&Options::default())));

    // Same length, same modification time: the stamp is the same, so the registry is not read
    // again, and the build shows it as stored but for the file itself, served as it is.
    let file = content.root().join("data/lwm2m-registry/objects/3.xml");
    let modified = std::fs::metadata(&file)
        .and_then(|m| m.modified())
        .unwrap_or_else(|e| panic!("{e}"));
    let edited = snapshot("objects/3.xml").replace("Current Time", "Current Tick");
    std::fs::write(&file, &edited).unwrap_or_else(|e| panic!("{e}"));
    let set_back = std::fs::File::options()
        .write(true)
        .open(&file)
        .and_then(|f| f.set_modified(modified));
    set_back.unwrap_or_else(|e| panic!("{e}"));
    let taken_back = built(&options);
    assert!(document(&taken_back, object).contains("Current Time"));
    let served = "/lwm2m/resources/registry/objects/3.xml";
    assert_eq!(
        outputs_but(&taken_back, served),
        outputs_but(&first, served)
    );

    // Modified now: read again, as a build from scratch reads it.
    std::fs::write(&file, &edited).unwrap_or_else(|e| panic!("{e}"));
    let read_again = built(&options);
    assert!(document(&read_again, object).contains("Current Tick"));
    assert_eq!(outputs(&read_again), outputs(&built(&Options::default())));

    // A page of the content's own at an object's route: the reference entries' file is made
    // again, with the other entries' words as stored, as a build from scratch makes it; then
    // again without the page.
    let own = "lwm2m/resources/registry/objects/3443.md";
    write(own, "# Our eSIM page\n\nText of our own.\n");
    let overridden = built(&options);
    let esim = "/lwm2m/resources/registry/objects/3443";
    assert!(document(&overridden, esim).contains("Text of our own"));
    assert_eq!(outputs(&overridden), outputs(&built(&Options::default())));
    std::fs::remove_file(content.root().join(own)).unwrap_or_else(|e| panic!("{e}"));
    let _ = std::fs::remove_dir_all(content.root().join("lwm2m/resources"));
    assert_eq!(outputs(&built(&options)), outputs(&read_again));

    // A stored file that does not decode is ignored.
    std::fs::write(&stored, "site stored registry, cut short").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(outputs(&built(&options)), outputs(&read_again));

    // Without the registry's data, nothing is stored.
    std::fs::remove_dir_all(content.root().join("data/lwm2m-registry"))
        .unwrap_or_else(|e| panic!("{e}"));
    built(&options);
    assert!(!stored.exists());
}
