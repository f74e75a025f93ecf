//! Builds in a `Session`: after each edit, exactly what a build from scratch gives, with only
//! the pages that need it rendered again.

mod support;

use site_compiler::{Options, Session, build};
use std::path::Path;
use support::{Content, summary};

/// Builds `root` in `session` and checks the result against a build from scratch; returns
/// the build's diagnostics, as printed, and the pages it rendered.
fn rebuild(session: &mut Session, root: &Path) -> (Vec<String>, Vec<String>) {
    let fresh = build(root, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
    let kept = session.build(root).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(summary(kept), summary(&fresh));
    let diagnostics = kept.diagnostics.iter().map(ToString::to_string).collect();
    (diagnostics, session.rendered().to_vec())
}

const LINKING: &str = "---\ntitle: A\n---\n\n## Intro\n\nSee [b](/guide/b#details).\n";
const LINKED: &str = "---\ntitle: B\n---\n\n## Details\n\nText.\n";
const OTHER: &str = "---\ntitle: C\n---\n\n## Other\n\nMore text.\n";

#[test]
fn an_edit_renders_its_page_again_and_every_check_still_runs() -> std::io::Result<()> {
    let content = Content::new(
        "session-links",
        &[
            ("1.guide/a.md", LINKING),
            ("1.guide/b.md", LINKED),
            ("1.guide/c.md", OTHER),
        ],
    )?;
    let root = content.root();
    let write = |path: &str, text: &str| std::fs::write(root.join(path), text);
    let mut session = Session::new(Options::default());
    let (diagnostics, rendered) = rebuild(&mut session, root);
    assert_eq!(diagnostics, Vec::<String>::new());
    assert_eq!(rendered.len(), 3);

    // Nothing changed: nothing rendered.
    let (_, rendered) = rebuild(&mut session, root);
    assert_eq!(rendered, Vec::<String>::new());

    // A broken link and a missing anchor in the edited page.
    write(
        "1.guide/a.md",
        &format!("{LINKING}\n[gone](/guide/nowhere) and [b](/guide/b#nope)\n"),
    )?;
    let (diagnostics, rendered) = rebuild(&mut session, root);
    assert_eq!(rendered, ["1.guide/a.md"]);
    assert_eq!(diagnostics.len(), 2, "{diagnostics:?}");
    assert!(diagnostics[0].contains("/guide/nowhere"), "{diagnostics:?}");
    assert!(diagnostics[1].contains("#nope"), "{diagnostics:?}");

    // Fixed; then the anchor another page links to is removed from its page.
    write("1.guide/a.md", LINKING)?;
    let (diagnostics, _) = rebuild(&mut session, root);
    assert_eq!(diagnostics, Vec::<String>::new());
    write("1.guide/b.md", &LINKED.replace("## Details", "## Summary"))?;
    let (diagnostics, rendered) = rebuild(&mut session, root);
    assert_eq!(rendered, ["1.guide/b.md"]);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert!(
        diagnostics[0].starts_with("content/1.guide/a.md:7:")
            && diagnostics[0].contains("missing anchor `#details`"),
        "{diagnostics:?}"
    );

    // A page removed: the link to it is broken.
    write("1.guide/b.md", LINKED)?;
    rebuild(&mut session, root);
    std::fs::remove_file(root.join("1.guide/b.md"))?;
    let (diagnostics, rendered) = rebuild(&mut session, root);
    assert_eq!(rendered, Vec::<String>::new());
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    Ok(())
}

#[test]
fn menus_stylesheet_and_lists_follow_the_edited_page() -> std::io::Result<()> {
    let cards = "---\ntitle: Cards\n---\n\n::ShListCards\n---\ncardID: [1]\n---\n::\n";
    let card = "---\ntitle: Card one\ncardID: 1\n---\n\nFirst.\n";
    let content = Content::new(
        "session-site",
        &[
            ("1.guide/a.md", LINKING),
            ("1.guide/b.md", LINKED),
            ("2.news/cards.md", cards),
            ("2.news/one.md", card),
        ],
    )?;
    let root = content.root();
    let write = |path: &str, text: &str| std::fs::write(root.join(path), text);
    let mut session = Session::new(Options::default());
    rebuild(&mut session, root);

    // A new title: every menu changes; the page renders again, and the list that reads the
    // pages' front matter.
    write("1.guide/b.md", &LINKED.replace("title: B", "title: Bee"))?;
    let (_, rendered) = rebuild(&mut session, root);
    assert_eq!(rendered, ["1.guide/b.md", "2.news/cards.md"]);

    // A class no page had: the stylesheet is made again, and every document links it.
    write(
        "1.guide/a.md",
        &format!("{LINKING}\n::div{{class=\"text-red-500\"}}\nRed.\n::\n"),
    )?;
    let (_, rendered) = rebuild(&mut session, root);
    assert_eq!(rendered, ["1.guide/a.md"]);

    // The front matter a list reads: the list renders again too.
    let card = card.replace("Card one", "Card uno");
    write("2.news/one.md", &card)?;
    let (_, rendered) = rebuild(&mut session, root);
    assert_eq!(rendered, ["2.news/cards.md", "2.news/one.md"]);

    // Its body alone: the list does not.
    write("2.news/one.md", &format!("{card}\nSecond paragraph.\n"))?;
    let (_, rendered) = rebuild(&mut session, root);
    assert_eq!(rendered, ["2.news/one.md"]);

    // The section's title, which the search results of its pages show: the search index
    // follows, though none of the pages renders again.
    write("1.guide/_dir.yaml", "title: Handbook\n")?;
    let (_, rendered) = rebuild(&mut session, root);
    assert_eq!(rendered, Vec::<String>::new());
    let built = session.build(root).unwrap_or_else(|e| panic!("{e}"));
    let index = built.assets.iter().find(|asset| {
        asset.route.starts_with("/_site/search-index.") && asset.route != "/_site/search-index.json"
    });
    let index = index.map(|asset| String::from_utf8_lossy(&asset.bytes).into_owned());
    assert!(index.is_some_and(|index| index.contains("\"Handbook\"")));
    Ok(())
}
