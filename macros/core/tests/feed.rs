//! The news feed: the articles (`layout: articles`) as an Atom feed that keeps RFC 4287's
//! rules, checked with an XML parser; the `articles` layout; the feed named in every head and
//! linked by the RSS icons; the article date's errors.

mod support;

use roxmltree::{Document, Node};
use site_compiler::{Build, Options, build};
use support::{Content, document, has, lacks};

type TestResult = Result<(), Box<dyn std::error::Error>>;

const ATOM: &str = "http://www.w3.org/2005/Atom";

/// Three articles: dated by file name, by a `date` date-time with an offset, and by a `date`
/// that wins over the file name's; a page that is no article; the image an article shows.
const ARTICLES: &[(&str, &str)] = &[
    ("index.md", "# Home\n"),
    ("news/index.md", "# News\n"),
    (
        "news/articles/2024-07-01-first.md",
        "---\ntitle: First & foremost\nlayout: articles\ndescription: \"The first <one>.\"\n\
         urlImage: /images/a.png\naltImage: A picture\nsubtitle: A subtitle\n\
         tags: [LwM2M, Release]\nleftLabel: 2024-Jul-01\nrightLabel: OMA SpecWorks\n---\n\
         See [the second](/news/articles/second#part), [below](#more), \
         [elsewhere](https://example.com/x) and ![a](/images/a.png).\n\n## More\n\nText.\n",
    ),
    (
        "news/articles/second.md",
        "---\ntitle: Second\nlayout: articles\ndate: 2024-08-01T10:00:00+02:00\n\
         rightLabel: Jane Doe\ntags: IPSO\n---\n## Part\n\nText.\n",
    ),
    (
        "news/articles/2024-06-01-third.md",
        "---\ntitle: Third\nlayout: articles\ndate: \"2024-09-01\"\n---\nText.\n",
    ),
    (
        "other.md",
        "---\ntitle: Other\ndate: not a date\n---\nText.\n",
    ),
    ("public/images/a.png", "png"),
];

/// The build of `files` with `options`, which must have no diagnostics.
fn built(name: &str, files: &[(&str, &str)], options: &Options) -> Result<Build, String> {
    let content = Content::new(name, files).map_err(|e| e.to_string())?;
    let build = build(content.root(), options).map_err(|e| e.to_string())?;
    let messages: Vec<String> = build.diagnostics.iter().map(ToString::to_string).collect();
    if !messages.is_empty() {
        return Err(messages.join("\n"));
    }
    Ok(build)
}

/// The text of the asset at `route`.
fn asset(build: &Build, route: &str) -> Option<String> {
    build
        .assets
        .iter()
        .find(|asset| asset.route == route)
        .map(|asset| String::from_utf8_lossy(&asset.bytes).into_owned())
}

fn options(base_path: &str) -> Options {
    Options {
        site_url: "https://example.org/".into(),
        base_path: base_path.into(),
        ..Options::default()
    }
}

// ---- RFC 4287, checked on the parsed feed ------------------------------------------------

/// An RFC 3339 date-time as Atom wants it (RFC 4287 §3.3): upper-case `T`, and `Z` or an
/// offset.
fn is_atom_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        bytes
            .get(range)
            .is_some_and(|part| part.iter().all(u8::is_ascii_digit))
    };
    let shape = bytes.len() >= 20
        && digits(0..4)
        && bytes[4] == b'-'
        && digits(5..7)
        && bytes[7] == b'-'
        && digits(8..10)
        && bytes[10] == b'T'
        && digits(11..13)
        && bytes[13] == b':'
        && digits(14..16)
        && bytes[16] == b':'
        && digits(17..19);
    let mut rest = &text[19.min(text.len())..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let count = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if count == 0 {
            return false;
        }
        rest = &fraction[count..];
    }
    let offset = rest == "Z"
        || (rest.len() == 6
            && matches!(rest.as_bytes()[0], b'+' | b'-')
            && rest.as_bytes()[3] == b':'
            && rest[1..3]
                .bytes()
                .chain(rest[4..6].bytes())
                .all(|b| b.is_ascii_digit()));
    shape && offset
}

/// The Atom children of `node` named `name`.
fn children<'a, 'input>(node: Node<'a, 'input>, name: &str) -> Vec<Node<'a, 'input>> {
    node.children()
        .filter(|child| child.has_tag_name((ATOM, name)))
        .collect()
}

/// The type and href of `node`'s Atom link `rel`.
fn link<'a>(node: Node<'a, '_>, rel: &str) -> Option<(&'a str, &'a str)> {
    children(node, "link")
        .into_iter()
        .find(|link| link.attribute("rel") == Some(rel))
        .and_then(|link| Some((link.attribute("type")?, link.attribute("href")?)))
}

/// The text of `node`'s only Atom child `name`.
fn text_of(node: Node<'_, '_>, name: &str) -> String {
    children(node, name)
        .first()
        .and_then(|child| child.text())
        .unwrap_or_default()
        .to_string()
}

/// What RFC 4287 requires of a feed or an entry, `what` naming it: exactly one `id` (an
/// absolute IRI), `title` and `updated` (an Atom date), at most one `published`, `summary`,
/// `content`, an `alternate` link unless there is content, at most one `alternate` link per
/// type and language, every link with an `href`, every author with exactly one `name`, every
/// category with a `term`.
fn check_atom_element(node: Node<'_, '_>, what: &str, problems: &mut Vec<String>) {
    for name in ["id", "title", "updated"] {
        let count = children(node, name).len();
        if count != 1 {
            problems.push(format!("{what}: {count} <{name}>, exactly one is required"));
        }
    }
    for name in ["published", "summary", "content", "rights", "subtitle"] {
        if children(node, name).len() > 1 {
            problems.push(format!("{what}: more than one <{name}>"));
        }
    }
    let id = text_of(node, "id");
    if !id.starts_with("https://") {
        problems.push(format!("{what}: the id `{id}` is not an absolute IRI"));
    }
    for name in ["updated", "published"] {
        for date in children(node, name) {
            let text = date.text().unwrap_or_default();
            if !is_atom_date(text) {
                problems.push(format!(
                    "{what}: <{name}>{text}</{name}> is no RFC 3339 date"
                ));
            }
        }
    }
    let links = children(node, "link");
    let mut alternates = Vec::new();
    for link in &links {
        if link.attribute("href").is_none_or(str::is_empty) {
            problems.push(format!("{what}: a <link> without href"));
        }
        if link.attribute("rel").is_none_or(|rel| rel == "alternate") {
            let key = (link.attribute("type"), link.attribute("hreflang"));
            if alternates.contains(&key) {
                problems.push(format!(
                    "{what}: two alternate links of one type and language"
                ));
            }
            alternates.push(key);
        }
    }
    if children(node, "content").is_empty() && alternates.is_empty() {
        problems.push(format!("{what}: no content and no alternate link"));
    }
    for author in children(node, "author") {
        if children(author, "name").len() != 1 {
            problems.push(format!("{what}: an <author> without exactly one <name>"));
        }
    }
    for category in children(node, "category") {
        if category.attribute("term").is_none_or(str::is_empty) {
            problems.push(format!("{what}: a <category> without term"));
        }
    }
}

/// The problems RFC 4287 finds in `xml`: a well-formed `atom:feed`, its own elements, an
/// author on the feed or on every entry, and each entry's elements.
fn atom_problems(xml: &str) -> Result<Vec<String>, roxmltree::Error> {
    let parsed = Document::parse(xml)?;
    let feed = parsed.root_element();
    let mut problems = Vec::new();
    if !feed.has_tag_name((ATOM, "feed")) {
        problems.push(format!(
            "the root is <{:?}>, not atom:feed",
            feed.tag_name()
        ));
    }
    check_atom_element(feed, "feed", &mut problems);
    let entries = children(feed, "entry");
    let every_entry_has_author = entries
        .iter()
        .all(|entry| !children(*entry, "author").is_empty());
    if children(feed, "author").is_empty() && !every_entry_has_author {
        problems.push("no feed author, and an entry without one".into());
    }
    for (index, entry) in entries.iter().enumerate() {
        check_atom_element(*entry, &format!("entry {index}"), &mut problems);
    }
    Ok(problems)
}

#[test]
fn the_checker_finds_what_rfc_4287_forbids() -> TestResult {
    let problems = atom_problems(&format!(
        "<feed xmlns=\"{ATOM}\"><title>t</title><id>/relative</id><updated>2024-07-01t00:00:00z</updated>\
         <entry><id>https://a/1</id><title>e</title><updated>2024-07-01</updated>\
         <link rel=\"alternate\" href=\"https://a/1\"/><link href=\"https://a/2\"/><category/></entry></feed>"
    ))?;
    for expected in [
        "feed: the id `/relative` is not an absolute IRI",
        "feed: <updated>2024-07-01t00:00:00z</updated> is no RFC 3339 date",
        "entry 0: <updated>2024-07-01</updated> is no RFC 3339 date",
        "entry 0: two alternate links of one type and language",
        "entry 0: a <category> without term",
        "no feed author, and an entry without one",
    ] {
        assert!(
            problems.iter().any(|problem| problem == expected),
            "`{expected}` not in {problems:#?}"
        );
    }
    Ok(())
}

// ---- the feed ------------------------------------------------------------------------------

#[test]
fn the_feed_lists_the_articles_newest_first_and_keeps_the_atom_rules() -> TestResult {
    let build = built("feed", ARTICLES, &options(""))?;
    let xml = asset(&build, "/news/feed.xml").ok_or("no /news/feed.xml")?;
    let problems = atom_problems(&xml)?;
    assert!(problems.is_empty(), "{problems:#?}\n{xml}");

    let parsed = Document::parse(&xml)?;
    let feed = parsed.root_element();
    assert_eq!(text_of(feed, "id"), "https://example.org/news/feed.xml");
    assert_eq!(text_of(feed, "title"), "OMA SpecWorks news");
    // The newest article's date, not the time of the build.
    assert_eq!(text_of(feed, "updated"), "2024-09-01T00:00:00Z");
    assert_eq!(
        link(feed, "self"),
        Some(("application/atom+xml", "https://example.org/news/feed.xml"))
    );
    assert_eq!(
        link(feed, "alternate"),
        Some(("text/html", "https://example.org/news"))
    );
    let feed_author = children(feed, "author");
    assert_eq!(text_of(feed_author[0], "name"), "OMA SpecWorks");

    // Newest first: the `date` key over the file name, the offset counted.
    let entries = children(feed, "entry");
    let ids: Vec<String> = entries.iter().map(|e| text_of(*e, "id")).collect();
    assert_eq!(
        ids,
        [
            "https://example.org/news/articles/2024-06-01-third",
            "https://example.org/news/articles/second",
            "https://example.org/news/articles/2024-07-01-first",
        ]
    );
    let dates: Vec<String> = entries.iter().map(|e| text_of(*e, "updated")).collect();
    assert_eq!(
        dates,
        [
            "2024-09-01T00:00:00Z",
            "2024-08-01T10:00:00+02:00",
            "2024-07-01T00:00:00Z"
        ]
    );
    for entry in &entries {
        assert_eq!(text_of(*entry, "published"), text_of(*entry, "updated"));
        assert_eq!(
            link(*entry, "alternate"),
            Some(("text/html", text_of(*entry, "id").as_str()))
        );
    }

    // The first article whole: title, summary, author, categories, content.
    let first = entries[2];
    assert_eq!(text_of(first, "title"), "First & foremost");
    assert_eq!(text_of(first, "summary"), "The first <one>.");
    let author = children(first, "author");
    assert_eq!(text_of(author[0], "name"), "OMA SpecWorks");
    let terms: Vec<&str> = children(first, "category")
        .iter()
        .filter_map(|c| c.attribute("term"))
        .collect();
    assert_eq!(terms, ["LwM2M", "Release"]);
    let content = children(first, "content")[0];
    assert_eq!(content.attribute("type"), Some("html"));
    assert_eq!(
        content.attribute(("http://www.w3.org/XML/1998/namespace", "base")),
        Some("https://example.org/news/articles/2024-07-01-first")
    );
    let html = content.text().unwrap_or_default();
    has(
        html,
        &[
            "href=\"https://example.org/news/articles/second#part\"",
            "href=\"#more\"",
            "href=\"https://example.com/x\"",
            "src=\"https://example.org/images/a.png\"",
        ],
    );
    lacks(html, &["=\"/"]);

    // An author of its own, one tag as text; none of either on the third.
    let second = entries[1];
    assert_eq!(text_of(children(second, "author")[0], "name"), "Jane Doe");
    assert_eq!(
        children(second, "category")[0].attribute("term"),
        Some("IPSO")
    );
    let third = entries[0];
    assert!(children(third, "author").is_empty() && children(third, "category").is_empty());
    assert!(children(third, "summary").is_empty());

    // Served as an asset: Atom's type, an entity tag.
    let served = build
        .assets
        .iter()
        .find(|asset| asset.route == "/news/feed.xml")
        .ok_or("no feed asset")?;
    assert_eq!(served.content_type, "application/atom+xml");
    assert!(served.variants.etag.starts_with('"'));
    Ok(())
}

#[test]
fn the_feed_is_the_same_from_one_build_to_the_next() -> TestResult {
    let once = built("feed-once", ARTICLES, &options(""))?;
    let twice = built("feed-twice", ARTICLES, &options(""))?;
    assert_eq!(
        asset(&once, "/news/feed.xml"),
        asset(&twice, "/news/feed.xml")
    );
    Ok(())
}

#[test]
fn under_a_base_path_the_feed_and_its_links_are_below_it() -> TestResult {
    let build = built("feed-base", ARTICLES, &options("/docs"))?;
    let xml = asset(&build, "/news/feed.xml").ok_or("no /news/feed.xml")?;
    assert!(atom_problems(&xml)?.is_empty());
    let parsed = Document::parse(&xml)?;
    let feed = parsed.root_element();
    assert_eq!(
        text_of(feed, "id"),
        "https://example.org/docs/news/feed.xml"
    );
    let entries = children(feed, "entry");
    assert_eq!(
        text_of(entries[2], "id"),
        "https://example.org/docs/news/articles/2024-07-01-first"
    );
    let html = children(entries[2], "content")[0]
        .text()
        .unwrap_or_default();
    has(
        html,
        &[
            "href=\"https://example.org/docs/news/articles/second#part\"",
            "src=\"https://example.org/docs/images/a.png\"",
        ],
    );
    lacks(html, &["=\"/"]);
    // The head's link and the RSS icons (header and footer) under the base path too.
    let page = document(&build, "/other");
    has(
        page,
        &[
            "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"OMA SpecWorks news\" href=\"/docs/news/feed.xml\">",
        ],
    );
    assert_eq!(
        page.matches("href=\"/docs/news/feed.xml\" target=\"_blank\" title=\"RSS\"")
            .count(),
        2,
        "{page}"
    );
    Ok(())
}

#[test]
fn every_head_names_the_feed_and_the_rss_icons_link_to_it() -> TestResult {
    let build = built("feed-heads", ARTICLES, &options(""))?;
    let documents = build
        .pages
        .iter()
        .chain([&build.not_found])
        .map(|page| (page.page.route.as_str(), page.page.html.as_str()));
    for (route, html) in documents {
        let head = html.split("</head>").next().unwrap_or_default();
        has(
            head,
            &[
                "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"OMA SpecWorks news\" href=\"/news/feed.xml\">",
            ],
        );
        let header = html
            .split("<header")
            .nth(1)
            .and_then(|rest| rest.split("</header>").next())
            .unwrap_or_default();
        has(
            header,
            &["<a href=\"/news/feed.xml\" target=\"_blank\" title=\"RSS\" aria-label=\"RSS\""],
        );
        lacks(html, &["openmobilealliance.org/rss"]);
        assert!(html.contains("<footer"), "{route}");
    }
    Ok(())
}

#[test]
fn without_articles_there_is_no_feed_and_nothing_names_one() -> TestResult {
    let build = built("no-feed", &[("index.md", "# Home\n")], &options(""))?;
    assert!(asset(&build, "/news/feed.xml").is_none());
    let home = document(&build, "/");
    lacks(home, &["application/atom+xml", "title=\"RSS\"", "/rss"]);
    Ok(())
}

#[test]
fn a_link_to_the_feed_is_a_link_to_a_file() -> TestResult {
    let mut files = ARTICLES.to_vec();
    files.push(("feed-link.md", "[Subscribe](/news/feed.xml)\n"));
    built("feed-link", &files, &options(""))?;
    Ok(())
}

// ---- the `articles` layout -----------------------------------------------------------------

#[test]
fn the_articles_layout_shows_the_hero_title_subtitle_tags_and_byline() -> TestResult {
    let build = built("articles-layout", ARTICLES, &options(""))?;
    has(
        document(&build, "/news/articles/2024-07-01-first"),
        &[
            "<article class=\"prose w-full max-w-full mt-16\"><div class=\"w-full -mt-16 xl:px-32 2xl:px-64\">",
            "<img src=\"/images/a.png\" alt=\"A picture\" class=\"mx-auto object-contain h-fit w-full\">",
            "<h2 class=\"text-start text-4xl text-primary\">First &amp; foremost</h2>",
            ">A subtitle</h3>",
            "Tags:<span class=\"border rounded-3xl p-2 mx-2 text-white bg-primary border-primary-600\">LwM2M</span>",
            "By: <span class=\"text-gray-500 dark:text-gray-400\">OMA SpecWorks</span> | <time class=\"text-gray-500 dark:text-gray-400\" datetime=\"2024-07-01T00:00:00Z\">2024-Jul-01</time>",
            "<div style=\"font-size:23px;\" class=\"par text-left dark:text-white\"><p>See ",
        ],
    );
    let third = document(&build, "/news/articles/2024-06-01-third");
    lacks(third, &["<img", "Tags:", "By: "]);
    has(
        third,
        &["<h2 class=\"text-start text-4xl text-primary\">Third</h2>"],
    );
    assert!(
        build.unstyled_classes.is_empty(),
        "{:?}",
        build.unstyled_classes
    );
    Ok(())
}

#[test]
fn in_untrusted_mode_a_hero_image_that_could_run_a_script_is_left_out() -> TestResult {
    let content = Content::new(
        "articles-untrusted",
        &[(
            "news/2024-07-01-a.md",
            "---\nlayout: articles\nurlImage: \"javascript:alert(1)\"\n---\nText.\n",
        )],
    )?;
    let options = Options {
        untrusted: true,
        ..options("")
    };
    let build = build(content.root(), &options)?;
    let page = document(&build, "/news/2024-07-01-a");
    has(
        page,
        &["<div class=\"w-full -mt-16 xl:px-32 2xl:px-64\"><h2"],
    );
    lacks(page, &["javascript:", "<img"]);
    assert!(
        build.diagnostics.iter().any(|d| d.code == "script-url"),
        "{:?}",
        build.diagnostics
    );
    Ok(())
}

// ---- errors ----------------------------------------------------------------------------------

#[test]
fn an_article_without_a_date_is_an_error_at_its_place() -> TestResult {
    let content = Content::new(
        "article-dates",
        &[
            (
                "news/bad.md",
                "---\ntitle: Bad\nlayout: articles\ndate: 2024-02-30\n---\nText.\n",
            ),
            (
                "news/empty.md",
                "---\nlayout: articles\ndate:\n---\nText.\n",
            ),
            ("news/undated.md", "---\nlayout: articles\n---\nText.\n"),
            (
                "news/2024-13-01-wrong.md",
                "---\nlayout: articles\n---\nText.\n",
            ),
            (
                "news/missing.md",
                "---\nlayout: articles\nurlImage: /images/none.png\ndate: 2024-01-01\n---\n",
            ),
        ],
    )?;
    let build = build(content.root(), &options(""))?;
    let found: Vec<(String, usize, usize, &str, &str)> = build
        .diagnostics
        .iter()
        .map(|d| {
            let file = d.path.rsplit('/').next().unwrap_or_default().to_string();
            (
                file,
                d.line,
                d.column,
                d.code.as_str(),
                d.help.as_deref().unwrap_or_default(),
            )
        })
        .collect();
    let messages: Vec<String> = build.diagnostics.iter().map(ToString::to_string).collect();
    let expect = |file: &str, line: usize, column: usize, code: &str, help: &str| {
        assert!(
            found.iter().any(|(f, l, c, k, h)| f == file
                && (*l, *c) == (line, column)
                && k == &code
                && h.contains(help)),
            "no {code} at {file}:{line}:{column} with help `{help}`:\n{}",
            messages.join("\n")
        );
    };
    expect("bad.md", 4, 7, "article-date", "date: YYYY-MM-DD");
    expect("empty.md", 3, 5, "article-date", "date: YYYY-MM-DD");
    expect("undated.md", 2, 9, "article-date", "`YYYY-MM-DD-slug.md`");
    expect(
        "2024-13-01-wrong.md",
        2,
        9,
        "article-date",
        "rename the file",
    );
    expect("missing.md", 3, 11, "missing-image", "");
    has(
        &messages.join("\n"),
        &[
            "the article's `date` `2024-02-30` is not a date",
            "the article's `date` is empty",
            "the article `undated.md` has no date",
            "the article's file name `2024-13-01-wrong.md` starts with `2024-13-01`, which is not a date",
        ],
    );
    // The one article with a date is the feed.
    let xml = asset(&build, "/news/feed.xml").ok_or("no feed")?;
    let parsed = Document::parse(&xml)?;
    let entries = children(parsed.root_element(), "entry");
    assert_eq!(entries.len(), 1);
    assert_eq!(
        text_of(entries[0], "id"),
        "https://example.org/news/missing"
    );
    Ok(())
}

// ---- the site's own news -------------------------------------------------------------------

#[test]
fn the_sites_news_feed_keeps_the_atom_rules() -> TestResult {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let build = build(&root, &Options::default())?;
    // The LwM2M registry snapshot's own warnings aside.
    let messages: Vec<String> = build
        .diagnostics
        .iter()
        .filter(|d| !site_compiler::registry::is_snapshot_warning(d))
        .map(ToString::to_string)
        .collect();
    assert!(messages.is_empty(), "{}", messages.join("\n"));
    let xml = asset(&build, "/news/feed.xml").ok_or("no /news/feed.xml")?;
    let problems = atom_problems(&xml)?;
    assert!(problems.is_empty(), "{problems:#?}");
    let parsed = Document::parse(&xml)?;
    let entries = children(parsed.root_element(), "entry");
    assert!(entries.len() >= 3, "{} entries", entries.len());
    let dates: Vec<String> = entries.iter().map(|e| text_of(*e, "updated")).collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted, "not newest first");
    for entry in &entries {
        for name in ["summary", "content", "author", "category"] {
            assert!(
                !children(*entry, name).is_empty(),
                "{}: no <{name}>",
                text_of(*entry, "id")
            );
        }
        let html = children(*entry, "content")[0].text().unwrap_or_default();
        lacks(html, &["href=\"/", "src=\"/"]);
    }
    Ok(())
}
