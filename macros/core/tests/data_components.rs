//! The components that read data at compile time (tables, article lists, news modules) and
//! those that need the enhancement script or third-party hosts, through `compile` on a
//! content folder holding the sample data sets of `content/data/`.

mod support;

use site_compiler::render::csp::STRICT_POLICY;
use site_compiler::{Build, Options, RenderedPage, Severity, build};
use std::path::Path;
use support::{Content, has, lacks, unstyled};

/// A content folder holding `files` and the sample data sets of `content/data/`.
fn content(name: &str, files: &[(&str, &str)]) -> Content {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/data");
    let samples: Vec<(String, String)> = std::fs::read_dir(&data)
        .map_or_else(|_| Vec::new(), |dir| dir.flatten().collect())
        .into_iter()
        .filter_map(|entry| {
            let text = std::fs::read_to_string(entry.path()).ok()?;
            Some((
                format!("data/{}", entry.file_name().to_string_lossy()),
                text,
            ))
        })
        .collect();
    let all: Vec<(&str, &str)> = samples
        .iter()
        .map(|(path, text)| (path.as_str(), text.as_str()))
        .chain(files.iter().copied())
        .collect();
    match Content::new(name, &all) {
        Ok(content) => content,
        Err(error) => panic!("cannot write the content folder: {error}"),
    }
}

/// The compiled `content` and its errors, each with its place and help.
fn compile_errors(content: &Content) -> (Build, Vec<String>) {
    let Ok(compiled) = build(content.root(), &Options::default()) else {
        panic!("the content folder compiles");
    };
    let errors = compiled
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| match &d.help {
            Some(help) => format!(
                "{}:{}:{}: {} help: {help}",
                d.path, d.line, d.column, d.message
            ),
            None => format!("{}:{}:{}: {}", d.path, d.line, d.column, d.message),
        })
        .collect();
    (compiled, errors)
}

fn page<'a>(build: &'a Build, route: &str) -> &'a RenderedPage {
    match build.pages.iter().find(|page| page.page.route == route) {
        Some(page) => &page.page,
        None => panic!("no page {route}"),
    }
}

/// The body of page `page.md` holding `text`, which must compile without errors.
fn body(name: &str, text: &str) -> String {
    let content = content(name, &[("page.md", text)]);
    let (bundle, errors) = compile_errors(&content);
    assert!(
        errors.is_empty(),
        "unexpected errors:\n{}",
        errors.join("\n")
    );
    page(&bundle, "/page").body.clone()
}

/// The errors of page `page.md` holding `text`.
fn errors(name: &str, text: &str) -> Vec<String> {
    compile_errors(&content(name, &[("page.md", text)])).1
}

// ShDynamicTable

const TABLE: &str = "::ShDynamicTable
---
dataUrl: /data/sample-publications.json
perPage: 25
columns:
  - name: enablerName
    title: Name
    sortable: true
    query: true
  - name: status
    title: Status
    filter: true
  - name: releaseDate
    title: Year
    formatColumValue: DY
    sortable: true
  - name: fileName
    title: File
    type: url
    typeData: [url]
  - name: enablerAbbreviation
    hide: true
    query: true
header: Sample **header**
---
::
";

#[test]
fn table_has_every_row_in_the_html() {
    let html = body("table-rows", TABLE);
    // 23 sample rows, all present without JavaScript.
    assert_eq!(html.matches("<tr class=").count(), 23, "{html}");
    has(
        &html,
        &[
            "data-table data-per-page=\"25\"",
            "<option value=\"25\" selected>25</option>",
            "<option value=\"0\">All</option>",
            "<td class=\"whitespace-nowrap text-pretty px-4 py-4 text-gray-500 dark:text-gray-400 text-sm not-prose\">Sample publication 23</td>",
            // DY: the year alone.
            ">2011</td>",
            "<a href=\"https://example.com/sample-publication-1.pdf\" target=\"_blank\" rel=\"nofollow noopener noreferrer\">sample-publication-1.pdf</a>",
            "<th class=\"text-left rtl:text-right dark:bg-neutral-600 px-4 py-3.5 text-gray-900 dark:text-white font-semibold text-sm\" scope=\"col\" data-sortable data-query>Name</th>",
            "<th class=\"text-left rtl:text-right dark:bg-neutral-600 px-4 py-3.5 text-gray-900 dark:text-white font-semibold text-sm\" scope=\"col\" hidden data-query></th>",
            "Showing 1 to 23 out of 23 items",
            "<div class=\"font-semibold text-center bg-slate-200 dark:bg-slate-700 dark:text-slate-200\"><p>Sample <strong>header</strong></p></div>",
            // Quick filters: counts, the empty value as Undefined.
            "data-filter-column=\"1\" value=\"Undefined\"",
            "data-table-controls hidden",
        ],
    );
    lacks(&html, &["data-table-filters hidden></details>"]);
    assert_eq!(unstyled(&html), Vec::<String>::new());
}

#[test]
fn table_page_loads_the_enhancement_script_and_others_do_not() {
    let content = content(
        "table-script",
        &[("page.md", TABLE), ("plain.md", "# Plain\n")],
    );
    let (bundle, errors) = compile_errors(&content);
    assert!(errors.is_empty(), "{errors:?}");
    let table = page(&bundle, "/page");
    assert!(table.enhanced);
    assert!(
        table.html.contains("<script src=\"/_site/enhance."),
        "{}",
        table.html
    );
    assert!(table.third_party.is_empty());
    assert_eq!(table.content_security_policy(), STRICT_POLICY);
    let plain = page(&bundle, "/plain");
    assert!(!plain.enhanced);
    assert!(!plain.html.contains("/_site/enhance."));
    let script = bundle
        .assets
        .iter()
        .find(|asset| asset.route.starts_with("/_site/enhance."));
    assert!(script.is_some_and(|s| s.content_type.starts_with("text/javascript")));
    // The data file is tracked, so that an edit rebuilds.
    assert!(
        bundle
            .sources
            .iter()
            .any(|path| path.ends_with("data/sample-publications.json"))
    );
}

#[test]
fn table_defaults_class_ui_and_yaml_data() {
    let html = body(
        "table-yaml",
        "::ShDynamicTable{class=\"mt-10 p-2\"}\n---\ndataUrl: data/sample-registry.yaml\ndataField: items\ncolumns:\n  - name: name\n    title: Name\n  - name: owner\n    title: Owner\nui:\n  th: px-2\n---\n::\n",
    );
    has(
        &html,
        &[
            "<div class=\"bg-gray-50 dark:bg-inherit border-2 border-neutral-200 dark:border-neutral-500 rounded-2xl mt-10 p-2 w-full p-4\" data-table data-per-page=\"10\">",
            "<option value=\"10\" selected>10</option>",
            "<th class=\"text-left rtl:text-right dark:bg-neutral-600 py-3.5 text-gray-900 dark:text-white font-semibold text-sm px-2\" scope=\"col\">Owner</th>",
            ">Sample object C</td>",
        ],
    );
    // No header, footer or filters when none is asked for.
    lacks(&html, &["bg-slate-200", "data-table-filters"]);
    assert_eq!(html.matches("<tr class=").count(), 3);
}

#[test]
fn table_data_errors_point_at_the_prop() {
    let found = errors(
        "table-missing-file",
        "# T\n\n::ShDynamicTable\n---\ndataUrl: /data/no-such-file.json\n---\n::\n",
    );
    assert_eq!(
        found,
        vec![
            "content/page.md:5:10: no data file `/data/no-such-file.json` in the content folder help: looked for `data/no-such-file.json` and `public/data/no-such-file.json` in the content folder"
                .to_string()
        ]
    );
    let found = errors(
        "table-missing-field",
        "::ShDynamicTable\n---\ndataUrl: /data/sample-publications.json\ncolumns:\n  - name: enablerNam\n    title: Name\n---\n::\n",
    );
    assert_eq!(
        found,
        vec![
            "content/page.md:5:11: no row of the table's data has the field `enablerNam` help: did you mean `enablerName`?"
                .to_string()
        ]
    );
    let found = errors(
        "table-remote",
        "::ShDynamicTable\n---\ndataUrl: https://example.com/x.json\n---\n::\n",
    );
    has(
        &found.join("\n"),
        &["content/page.md:3:10: `https://example.com/x.json` is a remote URL"],
    );
    let found = errors(
        "table-field",
        "::ShDynamicTable\n---\ndataUrl: data/sample-registry.yaml\ndataField: rows\n---\n::\n",
    );
    has(
        &found.join("\n"),
        &["content/page.md:4:12: the data has no field `rows`"],
    );
    let found = errors(
        "table-values",
        "::ShDynamicTable\n---\ndataUrl: data/sample-registry.yaml\ndataField: items\nperPage: many\ntransformRawData: filterOmaEnabler\n---\n::\n",
    );
    has(
        &found.join("\n"),
        &[
            "`perPage` must be a number",
            "did you mean `filterOmaEnablers`?",
        ],
    );
}

// ShListCards and the news modules: other pages' front matter

/// Two sample articles and a news index.
const ARTICLES: &[(&str, &str)] = &[
    (
        "news/articles/first.md",
        "---\ntitle: Sample article 1\nsubtitle: Sample subtitle 1\ncardID: 7\ntags: [alpha, beta]\ndate: \"2020-01-02\"\nby: Sample author\nhomepage: 2\nleftLabel: Left 1\n---\nSample excerpt 1.\n\n<!--more-->\n\nThe rest.\n",
    ),
    (
        "news/articles/second.md",
        "---\ntitle: Sample article 2\ncardID: 3\ntags: gamma\ndate: \"2021-05-06\"\ndescription: Sample description 2\nhomepage: 1\n---\nNo marker here.\n",
    ),
];

fn with_articles(name: &str, text: &str) -> (Build, Vec<String>, Content) {
    let mut files: Vec<(&str, &str)> = ARTICLES.to_vec();
    files.push(("page.md", text));
    let content = content(name, &files);
    let (bundle, errors) = compile_errors(&content);
    (bundle, errors, content)
}

#[test]
fn list_cards_in_the_order_of_card_id() {
    let (bundle, errors, _content) = with_articles(
        "list-cards",
        "::ShListCards\n---\ntitle: Sample **news**\ncols: 4\ncardID: [3, 7]\n---\n::\n",
    );
    assert!(errors.is_empty(), "{errors:?}");
    let page = page(&bundle, "/page");
    let html = &page.body;
    assert!(page.enhanced);
    has(
        html,
        &[
            "<div class=\"pl-4 pr-4 pb-10 shadow-xl bg-neutral-100 dark:bg-neutral-900/[0.6] rounded-2xl\" data-tag-filter>",
            "<h3 class=\"flex flex-wrap justify-center\">Tags</h3>",
            "data-tag=\"gamma\">gamma</span>",
            "data-tag=\"alpha\">alpha</span>",
            "data-tags-clear hidden>Clear All <svg",
            "<div class=\"pt-6 text-3xl font-extrabold text-center dark:text-gray-200\"><p>Sample <strong>news</strong></p></div>",
            "<div class=\"justify-between flex flex-wrap gap-0 grid grid-cols-1 sm:grid-cols-2 lg:grid-cols-3 min-[1300px]:grid-cols-4\">",
            "<div data-card-tags=\"[&quot;gamma&quot;]\">",
            "<div data-card-tags=\"[&quot;alpha&quot;,&quot;beta&quot;]\">",
            // The excerpt is the body up to the marker, else the description.
            "<p>Sample excerpt 1.</p>",
            "<p>Sample description 2</p>",
            "href=\"/news/articles/first\"",
            "<div class=\"mt-3 text-lg text-gray-600 dark:text-gray-400 not-prose\"><p>Left 1</p></div>",
        ],
    );
    lacks(html, &["The rest."]);
    // Article 3 comes before article 7, as listed.
    let second = html.find("Sample article 2").unwrap_or(usize::MAX);
    let first = html.find("Sample article 1").unwrap_or(0);
    assert!(second < first, "{html}");
    assert_eq!(unstyled(html), Vec::<String>::new());
}

#[test]
fn list_cards_defaults_ui_and_unknown_card_id() {
    let (bundle, errors, _content) = with_articles(
        "list-cards-ui",
        "::ShListCards{class=\"pb-2\"}\n---\ncardID: [3]\nui:\n  title: pt-2\n---\n::\n",
    );
    assert!(errors.is_empty(), "{errors:?}");
    let html = &page(&bundle, "/page").body;
    has(
        html,
        &[
            "<div class=\"pl-4 pr-4 shadow-xl bg-neutral-100 dark:bg-neutral-900/[0.6] rounded-2xl pb-2\" data-tag-filter>",
            // Title, subtitle and text render even when empty.
            "<div class=\"text-3xl font-extrabold text-center dark:text-gray-200 pt-2\"></div>",
            "<div class=\"justify-between flex flex-wrap gap-0 grid grid-cols-1 sm:grid-cols-2 lg:grid-cols-3\">",
        ],
    );
    let (_, errors, _content) = with_articles(
        "list-cards-missing",
        "# T\n\n::ShListCards\n---\ncardID: [3, 99]\n---\n::\n",
    );
    assert_eq!(
        errors,
        vec![
            "content/page.md:5:13: no article has `cardID: 99` help: the articles' ids are 7, 3"
                .to_string()
        ]
    );
    // No tags, no tag filter script.
    let (bundle, _, _content) = with_articles("list-cards-none", "::ShListCards\n::\n");
    let page = page(&bundle, "/page");
    assert!(!page.enhanced);
    assert!(!page.body.contains("Tags</h3>"));
}

#[test]
fn news_modules_list_the_news_pages() {
    let (bundle, errors, _content) = with_articles(
        "news-modules",
        "---\nmodules:\n  - name: RowNewsCards\n  - name: RowMultiColumns\n    widths: [12]\n    modules:\n      - name: RowNewsList\n        title: Sample news\n        subtitle: Latest\n---\n",
    );
    assert!(errors.is_empty(), "{errors:?}");
    let html = &page(&bundle, "/page").body;
    has(
        html,
        &[
            "<div class=\"row-news-cards\"><div class=\"row row-eq-height\"><div class=\"col-md-6 col-lg-4\" data-card-tags=\"[&quot;gamma&quot;]\"><article class=\"card mb-2 h-full\"><div class=\"card-body\"><h4 class=\"card-title\"><a class=\"stretched-link\" href=\"/news/articles/second\">Sample article 2</a></h4><p class=\"card-text pt-3\">Sample description 2</p></div><div class=\"card-footer\"><div class=\"row\"><div class=\"col\">2021-05-06</div><div class=\"col\"></div></div></div></article></div>",
            "<h6 class=\"card-subtitle text-muted\"><span class=\"font-italic\">Sample subtitle 1</span></h6>",
            // RowNewsList: by `homepage`, colours cycling.
            "<p class=\"h5 mb-0\">Sample news</p><p class=\"col-title-subtitle font-italic\">Latest</p>",
            "<div class=\"card mb-3 p-0 first\"><div class=\"card-body\"><h5 class=\"card-title\"><a class=\"stretched-link\" href=\"/news/articles/second\">Sample article 2</a></h5></div><div class=\"card-footer\">2021-05-06 | </div></div>",
            "<div class=\"card mb-3 p-0 second\">",
            "2020-01-02 | Sample author",
        ],
    );
    // Newest first in the cards.
    assert!(html.find("Sample article 2") < html.find("Sample article 1"));
    assert_eq!(unstyled(html), Vec::<String>::new());
}

#[test]
fn page_part_modules() {
    let (bundle, errors, _content) = with_articles(
        "page-parts",
        "---\ntitle: Sample document\nsubtitle: Sample document subtitle\nby: Sample author\ndate: \"2022-03-04\"\nmodules:\n  - name: RowDocumentHeader\n  - name: RowTags\n    folder: /news\n  - name: RowBlogListItems\n    folder: /news/articles\n---\n",
    );
    assert!(errors.is_empty(), "{errors:?}");
    let page = page(&bundle, "/page");
    let html = &page.body;
    has(
        html,
        &[
            "<div class=\"row-document-header\"><div class=\"row\"><div class=\"col text-center\"><h1 class=\"display-5\">Sample document</h1><h2 class=\"lead\"><span class=\"font-italic\">Sample document subtitle</span></h2><p class=\"document-header-by\">By: Sample author | 2022-03-04</p></div></div></div>",
            "<div class=\"row-tags\"><div class=\"row\"><div class=\"col\"><h5 class=\"tags-title\">Tags</h5><ul class=\"tags-list\"><li><a href=\"?tag=gamma\">#gamma</a></li><li><a href=\"?tag=alpha\">#alpha</a></li><li><a href=\"?tag=beta\">#beta</a></li><li><a href=\"?\">Clear</a></li></ul></div></div></div>",
            "<div class=\"card mb-3\" data-card-tags=\"[&quot;alpha&quot;,&quot;beta&quot;]\"><div class=\"card-body\"><h4 class=\"card-title\"><a class=\"stretched-link\" href=\"/news/articles/first\">Sample article 1</a></h4><h6 class=\"card-subtitle text-muted\"><span class=\"font-italic\">Sample subtitle 1</span></h6><p class=\"card-text pt-3\">Sample excerpt 1.</p><p class=\"blog-meta\">By: Sample author Date: 2020-01-02</p><a href=\"/news/articles/first\">Read more ...</a></div></div>",
        ],
    );
    assert!(page.enhanced);
    assert_eq!(unstyled(html), Vec::<String>::new());
}

// RowDynamicTable and RowButtonGrid

#[test]
fn legacy_table_inline_and_from_a_file() {
    let html = body(
        "legacy-table",
        "---\nmodules:\n  - name: RowDynamicTable\n    filter: [name]\n    pagination: 2\n    columns:\n      - key: name\n        label: Name\n        sortable: true\n      - key: published\n        label: Published\n      - key: doc\n        label: Document\n    items:\n      - name: {title: \"Sample **B**\"}\n        published: {title: \"2020\"}\n        doc: {url: \"https://example.com/b.pdf\", title: Sample B, target: _blank}\n      - name: {title: Sample A}\n        published: {title: \"2019\"}\n        doc: {image: \"https://example.com/a.png\", title: Sample A}\n  - name: RowDynamicTable\n    dataUrl: data/sample-registry.yaml\n    dataField: items\n    columns: [name, owner]\n---\n",
    );
    has(
        &html,
        &[
            "<div class=\"row-dynamic-table\" data-table data-per-page=\"2\"><div class=\"row mb-3\" data-table-controls hidden><div class=\"col\"><label class=\"table-filter\">Filter<input type=\"search\" class=\"form-control\" placeholder=\"Type to Search\" data-table-search></label></div></div>",
            "<th scope=\"col\" data-sortable data-query>Name</th><th scope=\"col\">Published</th>",
            // Sorted by `published` first: 2019 before 2020.
            "<tbody><tr><td><p>Sample A</p></td><td><p>2019</p></td><td><img src=\"https://example.com/a.png\" alt=\"Sample A\"></td></tr><tr><td><p>Sample <strong>B</strong></p></td><td><p>2020</p></td><td><a href=\"https://example.com/b.pdf\" target=\"_blank\" rel=\"nofollow noopener noreferrer\">Sample B</a></td></tr></tbody>",
            "<p data-table-status>Showing 1 to 2 out of 2 items</p>",
            "<div class=\"row-dynamic-table\" data-table data-per-page=\"0\"><div class=\"table-responsive\">",
            "<td>Sample object B</td><td>Sample owner 2</td>",
        ],
    );
    assert_eq!(unstyled(&html), Vec::<String>::new());
    let found = errors(
        "legacy-table-errors",
        "---\nmodules:\n  - name: RowDynamicTable\n    dataUrl: data/nothing.json\n  - name: RowDynamicTable\n    columns: [nam]\n    items:\n      - name: x\n---\n",
    );
    has(
        &found.join("\n"),
        &[
            "no data file `data/nothing.json`",
            "no row of the table has the field `nam`",
        ],
    );
}

#[test]
fn button_grid_statuses_and_events_palette() {
    let html = body(
        "button-grid",
        "---\nmodules:\n  - name: RowButtonGrid\n    id: events\n    cols:\n      - title: Sample column\n        subtitle: Sample subtitle\n        items:\n          - title: Sample button\n            subtitle: Sample detail\n            url: https://example.com/\n            target: _blank\n            status: highlight\n          - title: Closed\n            status: deactive\n          - title: Plain\n---\n",
    );
    assert_eq!(
        html.split("<div class=\"row-dowument\">")
            .next()
            .unwrap_or(""),
        "<div class=\"container\"><div id=\"events\" class=\"row-button-grid\"><div class=\"row\"><div class=\"col\"><div class=\"text-center text-primary col-title mb-3\"><p class=\"h5 mb-0\">Sample column</p><p class=\"col-title-subtitle font-italic\">Sample subtitle</p></div><a role=\"button\" class=\"btn btn-block button highlight\" href=\"https://example.com/\" target=\"_blank\" rel=\"nofollow noopener noreferrer\"><p class=\"button-title\">Sample button</p><p class=\"button-subtitle\">Sample detail</p></a><a role=\"button\" class=\"btn btn-block button deactive\" aria-disabled=\"true\"><p class=\"button-title\">Closed</p></a><a role=\"button\" class=\"btn btn-block button\"><p class=\"button-title\">Plain</p></a></div></div></div>"
    );
    assert_eq!(unstyled(&html), Vec::<String>::new());
    let found = errors(
        "button-grid-errors",
        "---\nmodules:\n  - name: RowButtonGrid\n    cols:\n      - image: fas no-such-icon\n        items:\n          - title: x\n            status: pendin\n---\n",
    );
    has(
        &found.join("\n"),
        &[
            "icon `fa6-solid:no-such-icon` is not available",
            "`pendin` is not a button status help: did you mean `pending`?",
        ],
    );
}
