//! The components that read data at compile time (tables, article lists, news modules) and
//! those that need the enhancement script or third-party hosts, through `compile` on a
//! content folder holding the sample data sets of `content/data/`.

use site_compiler::render::csp::STRICT_POLICY;

use site_compiler::{Bundle, Options, RenderedPage, Severity, compile};
use std::path::{Path, PathBuf};

/// A content folder in a temporary directory with the sample data, removed afterwards.
struct Content(PathBuf);

impl Content {
    fn new(name: &str, files: &[(&str, &str)]) -> Content {
        let root = std::env::temp_dir()
            .join(format!("site-data-{name}-{}", std::process::id()))
            .join("content");
        if root.exists() {
            std::fs::remove_dir_all(&root).unwrap_or_default();
        }
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/data");
        let copies =
            std::fs::read_dir(&data).map_or_else(|_| Vec::new(), |d| d.flatten().collect());
        for entry in copies {
            let to = root.join("data").join(entry.file_name());
            std::fs::create_dir_all(to.parent().unwrap_or(&root)).unwrap_or_default();
            std::fs::copy(entry.path(), to).unwrap_or_default();
        }
        for (path, text) in files {
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().unwrap_or(&root)).unwrap_or_default();
            std::fs::write(path, text).unwrap_or_default();
        }
        Content(root)
    }

    fn compile(&self) -> (Bundle, Vec<String>) {
        let Ok(compiled) = compile(&self.0, &Options::default()) else {
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
        (compiled.value, errors)
    }
}

impl Drop for Content {
    fn drop(&mut self) {
        if let Some(parent) = self.0.parent() {
            let _ = std::fs::remove_dir_all(parent);
        }
    }
}

fn page<'a>(bundle: &'a Bundle, route: &str) -> &'a RenderedPage {
    match bundle.pages.iter().find(|page| page.route == route) {
        Some(page) => page,
        None => panic!("no page {route}"),
    }
}

/// The body of page `page.md` holding `text`, which must compile without errors.
fn body(name: &str, text: &str) -> String {
    let content = Content::new(name, &[("page.md", text)]);
    let (bundle, errors) = content.compile();
    assert!(
        errors.is_empty(),
        "unexpected errors:\n{}",
        errors.join("\n")
    );
    page(&bundle, "/page").body.clone()
}

/// The errors of page `page.md` holding `text`.
fn errors(name: &str, text: &str) -> Vec<String> {
    Content::new(name, &[("page.md", text)]).compile().1
}

fn has(html: &str, parts: &[&str]) {
    for part in parts {
        assert!(html.contains(part), "`{part}` not in:\n{html}");
    }
}

fn lacks(html: &str, parts: &[&str]) {
    for part in parts {
        assert!(!html.contains(part), "`{part}` in:\n{html}");
    }
}

/// Classes of `html` that get no CSS.
fn unstyled(html: &str) -> Vec<String> {
    site_compiler::style::stylesheet([html]).unmatched
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
    let content = Content::new(
        "table-script",
        &[("page.md", TABLE), ("plain.md", "# Plain\n")],
    );
    let (bundle, errors) = content.compile();
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
        .site_assets
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
            "content/page.md:5:1: no data file `/data/no-such-file.json` in the content folder help: looked for `data/no-such-file.json` and `public/data/no-such-file.json` in the content folder"
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
        &["content/page.md:3:1: `https://example.com/x.json` is a remote URL"],
    );
    let found = errors(
        "table-field",
        "::ShDynamicTable\n---\ndataUrl: data/sample-registry.yaml\ndataField: rows\n---\n::\n",
    );
    has(
        &found.join("\n"),
        &["content/page.md:4:1: the data has no field `rows`"],
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
