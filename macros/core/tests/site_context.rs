//! `SiteContext`: one page compiled against a content folder rendered once, as the build
//! compiles it in that folder.

mod support;

use site_compiler::{Options, SiteContext, build};
use support::Content;

/// Links to a page, an anchor, a missing page and an image, a list of the folder's articles by
/// their front matter, a data table, an icon and an unknown component.
const PAGE: &str = "---\ntitle: New\n---\n# New\n\n\
    [Guide](/docs/guide#install), [nowhere](/docs/gone), [top](#new), ![logo](/logo.svg)\n\n\
    ::ShListCards\n---\ncardID: [1]\n---\n::\n\n\
    ::ShDynamicTable\n---\ndataUrl: data/rows.json\ncolumns:\n  - name: a\n    title: A\n---\n::\n\n\
    ::ShAlrt\nText\n::\n";

const FOLDER: &[(&str, &str)] = &[
    ("1.docs/guide.md", "# Guide\n\n## Install\n"),
    (
        "2.news/1.first.md",
        "---\ntitle: First\ncardID: 1\n---\nAn article.\n",
    ),
    ("data/rows.json", "[{\"a\": \"one\"}, {\"a\": \"two\"}]"),
    (
        "public/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    ),
];

#[test]
fn a_page_compiles_in_a_folder_as_the_build_compiles_it_there() -> std::io::Result<()> {
    let folder = Content::new("site-context", FOLDER)?;
    let Ok(context) = SiteContext::new(folder.root(), &Options::default()) else {
        panic!("the folder cannot be read");
    };
    assert!(context.diagnostics.is_empty(), "{:?}", context.diagnostics);
    let alone = context.value.compile_page("1.docs/new.md", PAGE.as_bytes());

    let with_page: Vec<_> = FOLDER
        .iter()
        .copied()
        .chain([("1.docs/new.md", PAGE)])
        .collect();
    let built_folder = Content::new("site-context-built", &with_page)?;
    let Ok(built) = build(built_folder.root(), &Options::default()) else {
        panic!("the folder cannot be read");
    };
    let Some(in_build) = built
        .pages
        .iter()
        .find(|page| page.page.route == "/docs/new")
    else {
        panic!("no page /docs/new");
    };
    assert_eq!(alone.value.body, in_build.page.body);
    assert_eq!(alone.value.title, "New");
    assert_eq!(alone.diagnostics, built.diagnostics);
    let codes: Vec<&str> = alone.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["broken-link", "unknown-component"]);
    assert!(alone.value.html.contains(&alone.value.body));
    assert!(alone.value.html.starts_with("<!DOCTYPE html>"));
    Ok(())
}
