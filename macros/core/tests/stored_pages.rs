//! A build with a cache file (the macro's) stores each page as it rendered beside it, and the
//! next build renders again only the pages whose text, or what they read of the site, changed:
//! after each edit, exactly what a build from scratch gives.

mod support;

use site_compiler::{Compression, Options, build};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use support::{Content, summary};

const LINKING: &str = "---\ntitle: A\n---\n\n## Intro\n\nSee [b](/guide/b#details).\n";
const LINKED: &str = "---\ntitle: B\n---\n\n## Details\n\nText.\n";
const CARDS: &str = "---\ntitle: Cards\n---\n\n::ShListCards\n---\ncardID: [1]\n---\n::\n";
const CARD: &str = "---\ntitle: Card one\ncardID: 1\n---\n\nFirst.\n";
const TABLE: &str = "---\ntitle: Table\n---\n\n::ShDynamicTable\n---\ndataUrl: data/rows.yaml\ndataField: items\ncolumns:\n  - name: name\n    title: Name\n---\n::\n";

/// Each stored file of `folder` with its bytes.
fn stored(folder: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let entries = std::fs::read_dir(folder).unwrap_or_else(|e| panic!("{e}"));
    entries
        .flatten()
        .map(|entry| {
            let bytes = std::fs::read(entry.path()).unwrap_or_else(|e| panic!("{e}"));
            (entry.path(), bytes)
        })
        .collect()
}

/// The page a stored file holds: the first field after the header line, a string of fewer
/// than 128 bytes (its length in one byte, then the bytes).
fn page_of(bytes: &[u8]) -> String {
    let after_header = bytes
        .iter()
        .position(|b| *b == b'\n')
        .map_or(0, |at| at + 1);
    let rest = &bytes[after_header..];
    let len = usize::from(rest.first().copied().unwrap_or_default());
    String::from_utf8_lossy(rest.get(1..1 + len).unwrap_or_default()).into_owned()
}

/// The pages whose files were written between `before` and `after`, sorted.
fn written(before: &BTreeMap<PathBuf, Vec<u8>>, after: &BTreeMap<PathBuf, Vec<u8>>) -> Vec<String> {
    let mut pages: Vec<String> = after
        .iter()
        .filter(|(file, bytes)| before.get(*file) != Some(*bytes))
        .map(|(_, bytes)| page_of(bytes))
        .collect();
    pages.sort();
    pages
}

#[test]
fn a_build_with_a_cache_file_renders_again_only_what_changed() -> std::io::Result<()> {
    let content = Content::new(
        "stored-pages",
        &[
            ("1.guide/a.md", LINKING),
            ("1.guide/b.md", LINKED),
            ("2.news/cards.md", CARDS),
            ("2.news/one.md", CARD),
            ("3.tables/rows.md", TABLE),
            ("data/rows.yaml", "items:\n  - name: First row\n"),
        ],
    )?;
    let root = content.root();
    let Some(cache_dir) = root.parent() else {
        panic!("the content folder has a parent");
    };
    let write = |path: &str, text: &str| std::fs::write(root.join(path), text);
    let with_cache = |lenient: bool| Options {
        lenient,
        compression: Some(Compression {
            cache: Some(cache_dir.join("build.cache")),
            variants: false,
        }),
        ..Options::default()
    };
    let folder = cache_dir.join("build.pages");
    // Builds with the cache file, checks the build against one from scratch, and gives the
    // pages it stored again.
    let rebuild = |lenient: bool| {
        let before = match folder.is_dir() {
            true => stored(&folder),
            false => BTreeMap::new(),
        };
        let kept = build(root, &with_cache(lenient)).unwrap_or_else(|e| panic!("{e}"));
        let fresh = build(
            root,
            &Options {
                lenient,
                ..Options::default()
            },
        );
        assert_eq!(
            summary(&kept),
            summary(&fresh.unwrap_or_else(|e| panic!("{e}")))
        );
        written(&before, &stored(&folder))
    };

    let all = [
        "1.guide/a.md",
        "1.guide/b.md",
        "2.news/cards.md",
        "2.news/one.md",
        "3.tables/rows.md",
    ];
    assert_eq!(rebuild(false), all);
    assert_eq!(rebuild(false), Vec::<String>::new(), "nothing changed");

    // A page's body: that page alone.
    write("1.guide/b.md", &format!("{LINKED}\nMore.\n"))?;
    assert_eq!(rebuild(false), ["1.guide/b.md"]);

    // The front matter a list reads: the list too.
    write("2.news/one.md", &CARD.replace("Card one", "Card uno"))?;
    assert_eq!(rebuild(false), ["2.news/cards.md", "2.news/one.md"]);

    // The data file a table reads: the table's page.
    write("data/rows.yaml", "items:\n  - name: Second row\n")?;
    assert_eq!(rebuild(false), ["3.tables/rows.md"]);

    // Another mode: every page, the files of the other being another build's.
    assert_eq!(rebuild(true), all);

    // A file that does not decode is ignored: its page renders again.
    let damaged = stored(&folder);
    for file in damaged.keys().take(1) {
        std::fs::write(file, b"not a stored page")?;
    }
    assert_eq!(rebuild(true).len(), 1);

    // A page removed: its file too; the list, which reads the pages, renders again.
    std::fs::remove_file(root.join("1.guide/a.md"))?;
    assert_eq!(rebuild(true), ["2.news/cards.md"]);
    assert_eq!(stored(&folder).len(), all.len() - 1);
    Ok(())
}
