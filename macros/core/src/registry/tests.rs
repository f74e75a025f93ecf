//! The registry read from folders written for each test, and from the repository's snapshot.

use super::*;
use crate::diagnostic::Diagnostic;
use std::collections::BTreeMap;

/// A content folder with registry data in the temporary directory, removed on drop.
struct Folder(PathBuf);

impl Folder {
    /// `files` (paths in the registry's folder, and their text); `index.tsv` gets a header
    /// before the rows given.
    fn new(name: &str, files: &[(&str, &str)]) -> Folder {
        let root = std::env::temp_dir()
            .join(format!("site-registry-{name}-{}", std::process::id()))
            .join("content");
        let _ = std::fs::remove_dir_all(&root);
        for (path, text) in files {
            let path = root.join(REGISTRY_DIR).join(path);
            let text = match path.file_name().and_then(|n| n.to_str()) {
                Some(INDEX_FILE) => format!("{}\n{text}", INDEX_COLUMNS.join("\t")),
                Some(LICENCES_FILE) => format!("file\tlicence\n{text}"),
                _ => text.to_string(),
            };
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)
                    .unwrap_or_else(|e| panic!("{}: {e}", parent.display()));
            }
            std::fs::write(&path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
        Folder(root)
    }

    /// The registry and the problems found, in strict mode.
    fn load(&self) -> (Registry, Vec<Diagnostic>) {
        load(&self.0, false)
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        if let Some(parent) = self.0.parent() {
            let _ = std::fs::remove_dir_all(parent);
        }
    }
}

fn load(root: &Path, lenient: bool) -> (Registry, Vec<Diagnostic>) {
    let files = crate::load::scan(root).unwrap_or_else(|e| panic!("{e}"));
    let mut diagnostics = Diagnostics::new(lenient);
    let registry = Registry::load(root, &files.registry, &mut diagnostics)
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("no registry in {}", root.display()));
    (registry, diagnostics.finish())
}

/// A well-formed object file for object `id`, version `version`, whose resources are `items`.
fn object(id: u32, version: &str, urn: &str, items: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <!-- Copyright 2024 Test. Redistribution and use permitted. -->\n\
         <LWM2M>\n\
         \t<Object ObjectType=\"MODefinition\">\n\
         \t\t<Name>Test</Name>\n\
         \t\t<Description1><![CDATA[A test object.\nSecond line: https://example.org/spec.]]></Description1>\n\
         \t\t<ObjectID>{id}</ObjectID>\n\
         \t\t<ObjectURN>{urn}</ObjectURN>\n\
         \t\t<LWM2MVersion>1.1</LWM2MVersion>\n\
         \t\t<ObjectVersion>{version}</ObjectVersion>\n\
         \t\t<MultipleInstances>Multiple</MultipleInstances>\n\
         \t\t<Mandatory>Optional</Mandatory>\n\
         \t\t<Resources>\n{items}\t\t</Resources>\n\
         \t\t<Description2></Description2>\n\
         \t</Object>\n\
         </LWM2M>\n"
    )
}

/// A resource's `<Item>`, on lines of its own.
fn item(id: &str, operations: &str, kind: &str, range: &str) -> String {
    format!(
        "\t\t\t<Item ID=\"{id}\">\n\
         \t\t\t\t<Name>Resource {id}</Name>\n\
         \t\t\t\t<Operations>{operations}</Operations>\n\
         \t\t\t\t<MultipleInstances>Single</MultipleInstances>\n\
         \t\t\t\t<Mandatory>Mandatory</Mandatory>\n\
         \t\t\t\t<Type>{kind}</Type>\n\
         \t\t\t\t<RangeEnumeration>{range}</RangeEnumeration>\n\
         \t\t\t\t<Units></Units>\n\
         \t\t\t\t<Description><![CDATA[Resource {id}.]]></Description>\n\
         \t\t\t</Item>\n"
    )
}

const ROW_50000: &str = "50000\turn:oma:lwm2m:x:50000\tTest\tSite\t2\t1.0\t50000.xml\t1\t\t0";

/// The problems of a folder holding one object file `objects/50000.xml` of `text`, the site's
/// own (not in `LICENCES.tsv`), as `path:line:col: code: message`.
fn problems_of(name: &str, text: &str) -> Vec<String> {
    let folder = Folder::new(
        name,
        &[
            ("index.tsv", ROW_50000),
            ("LICENCES.tsv", ""),
            ("objects/50000.xml", text),
        ],
    );
    let (_, found) = folder.load();
    found.iter().map(summary).collect()
}

fn summary(d: &Diagnostic) -> String {
    let path = d
        .path
        .rsplit_once("lwm2m-registry/")
        .map_or(d.path.as_str(), |(_, p)| p);
    let severity = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    format!(
        "{path}:{}:{}: {severity} {}: {}",
        d.line, d.column, d.code, d.message
    )
}

#[test]
fn a_tidy_object_file_has_no_problem() {
    let items = item("0", "R", "Integer", "0..100") + &item("1", "E", "", "");
    let text = object(50000, "1.0", "urn:oma:lwm2m:x:50000", &items);
    assert_eq!(problems_of("tidy", &text), Vec::<String>::new());
}

#[test]
fn xml_that_is_not_well_formed_is_an_error_where_it_breaks() {
    let items = item("0", "R", "Integer", "") + "\t\t\t<Item ID=\"1\"><Name>Broken</Nme></Item>\n";
    let text = object(50000, "1.0", "urn:oma:lwm2m:x:50000", &items);
    assert_eq!(
        problems_of("xml", &text),
        [
            "objects/50000.xml:25:29: error registry-xml: the object file is not well-formed XML: expected 'Name' tag, not 'Nme'"
        ]
    );
}

#[test]
fn an_object_id_other_than_the_file_name_is_an_error_at_the_id() {
    let text = object(
        50001,
        "1.0",
        "urn:oma:lwm2m:x:50001",
        &item("0", "R", "String", ""),
    );
    assert_eq!(
        problems_of("id", &text),
        [
            "objects/50000.xml:8:13: error registry-object-id: the file `objects/50000.xml` defines the object `50001`"
        ]
    );
}

#[test]
fn a_urn_naming_another_id_or_version_is_an_error_at_the_urn() {
    let text = object(
        50000,
        "1.1",
        "urn:oma:lwm2m:x:50000",
        &item("0", "R", "String", ""),
    );
    assert_eq!(
        problems_of("urn", &text),
        [
            "objects/50000.xml:9:14: error registry-urn: the URN `urn:oma:lwm2m:x:50000` does not name object 50000 version 1.1"
        ]
    );
    let text = object(
        50000,
        "1.0",
        "urn:oma:lwm2m:y:5",
        &item("0", "R", "String", ""),
    );
    assert_eq!(problems_of("urn-form", &text).len(), 1);
}

#[test]
fn two_resources_with_one_id_are_an_error_at_the_second() {
    let items = item("4", "R", "String", "")
        + &item("4", "W", "String", "")
        + &item("x", "R", "String", "");
    let text = object(50000, "1.0", "urn:oma:lwm2m:x:50000", &items);
    assert_eq!(
        problems_of("ids", &text),
        [
            "objects/50000.xml:25:14: error registry-resource-id: the object has two resources with ID 4",
            "objects/50000.xml:35:14: error registry-resource-id: `x` is not a resource ID",
        ]
    );
}

#[test]
fn values_outside_the_schema_are_errors_at_the_value() {
    let items = item("0", "RX", "Strin", "");
    let text = object(50000, "1.0", "urn:oma:lwm2m:x:50000", &items)
        .replace(
            "<Mandatory>Optional</Mandatory>",
            "<Mandatory>Sometimes</Mandatory>",
        )
        .replacen(
            "<MultipleInstances>Single</MultipleInstances>",
            "<MultipleInstances>Many</MultipleInstances>",
            1,
        );
    assert_eq!(
        problems_of("values", &text),
        [
            "objects/50000.xml:13:14: error registry-value: `Sometimes` is not a value of `Mandatory`",
            "objects/50000.xml:17:17: error registry-value: `RX` is not a value of `Operations`",
            "objects/50000.xml:18:24: error registry-value: `Many` is not a value of `MultipleInstances`",
            "objects/50000.xml:20:11: error registry-value: `Strin` is not a value of `Type`",
        ]
    );
}

#[test]
fn an_executable_resource_with_a_type_is_an_error_at_the_type() {
    let text = object(
        50000,
        "1.0",
        "urn:oma:lwm2m:x:50000",
        &item("0", "E", "String", ""),
    );
    assert_eq!(
        problems_of("exec", &text),
        [
            "objects/50000.xml:20:11: error registry-executable-type: the executable resource `Resource 0` has the type `String`"
        ]
    );
}

#[test]
fn a_numeric_range_that_does_not_parse_is_an_error_and_text_is_kept() {
    let items = item("0", "R", "Integer", "1...15")
        + &item("1", "R", "Float", "2 Instances")
        + &item("2", "R", "Unsigned Integer", "0: CONFIGURED")
        + &item("3", "R", "Integer", "9..2");
    let text = object(50000, "1.0", "urn:oma:lwm2m:x:50000", &items);
    assert_eq!(
        problems_of("range", &text),
        [
            "objects/50000.xml:21:23: error registry-range: `1...15` is neither a number nor a range `a..b`",
            "objects/50000.xml:51:23: error registry-range: the range `9..2` ends before it starts",
        ]
    );
}

#[test]
fn missing_and_unknown_elements_are_schema_errors() {
    let text = object(
        50000,
        "1.0",
        "urn:oma:lwm2m:x:50000",
        &item("0", "R", "String", ""),
    )
    .replace(
        "\t\t\t\t<Operations>R</Operations>\n",
        "\t\t\t\t<Operation>R</Operation>\n",
    );
    assert_eq!(
        problems_of("schema", &text),
        [
            "objects/50000.xml:15:4: error registry-schema: a resource without `Operations`",
            "objects/50000.xml:17:5: error registry-schema: the schema allows no `Operation` in a resource",
        ]
    );
}

#[test]
fn a_row_naming_a_missing_file_is_an_error_unless_the_object_has_no_licence() {
    let folder = Folder::new(
        "index",
        &[
            (
                "index.tsv",
                "3\turn:oma:lwm2m:oma:3\tDevice\tOMA\t0\t1.0\tversion_history/3-1_0.xml\t1\t\t0\n\
                 3443\turn:oma:lwm2m:ext:3443\teSIM IoT\tGSMA\t1\t1.0\t3443.xml\t1\t\t0\n\
                 512\turn:oma:lwm2m:oma:512\tTBD\tOMA\t0\t1.0\t\t0\t\t0",
            ),
            ("LICENCES.tsv", "objects/3.xml\tBSD-3-Clause"),
        ],
    );
    let (registry, found) = folder.load();
    let found: Vec<String> = found.iter().map(summary).collect();
    assert_eq!(
        found,
        [
            "index.tsv:2:40: error registry-index: object 3 version 1.0 is defined in `version_history/3-1_0.xml`, which the registry's data does not have"
        ]
    );
    assert_eq!(registry.objects().len(), 3);
}

#[test]
fn problems_in_the_snapshot_s_own_files_are_warnings_in_every_mode() {
    let text = object(
        50000,
        "1.0",
        "urn:oma:lwm2m:x:50000",
        &item("0", "E", "String", ""),
    );
    let folder = Folder::new(
        "snapshot",
        &[
            ("index.tsv", ROW_50000),
            ("LICENCES.tsv", "objects/50000.xml\tMIT"),
            ("objects/50000.xml", &text),
        ],
    );
    for lenient in [false, true] {
        let (_, found) = load(&folder.0, lenient);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Warning);
        assert_eq!(found[0].code, Code::RegistryExecutableType);
        assert!(found[0].message.ends_with("(in the registry's own file)"));
    }
}

#[test]
fn versions_show_what_changed() {
    let old = object(
        50000,
        "1.0",
        "urn:oma:lwm2m:x:50000",
        &(item("0", "R", "String", "")
            + &item("1", "R", "Integer", "")
            + &item("2", "W", "Integer", "")),
    );
    let new = object(
        50000,
        "1.1",
        "urn:oma:lwm2m:x:50000:1.1",
        &(item("0", "R", "String", "") + &item("1", "RW", "Float", "") + &item("3", "E", "", "")),
    );
    let folder = Folder::new(
        "versions",
        &[
            (
                "index.tsv",
                "50000\turn:oma:lwm2m:x:50000\tTest\tSite\t2\t1.0\tversion_history/50000-1_0.xml\t1\t\t0\n\
                 50000\turn:oma:lwm2m:x:50000:1.1\tTest\tSite\t2\t1.1\t50000.xml\t1\thttps://example.org/ts.pdf\t1",
            ),
            ("LICENCES.tsv", ""),
            ("version_history/50000-1_0.xml", &old),
            ("objects/50000.xml", &new),
        ],
    );
    let (registry, found) = folder.load();
    assert_eq!(found, []);
    let objects = registry.objects();
    let versions: Vec<&str> = objects[0]
        .versions
        .iter()
        .map(|v| v.row.version.as_str())
        .collect();
    assert_eq!(versions, ["1.0", "1.1"]);
    let (Some(before), Some(after)) = (
        objects[0].versions[0].definition,
        objects[0].versions[1].definition,
    ) else {
        panic!("both versions are in the data");
    };
    assert_eq!(
        changes(before, after),
        [
            Change::Changed {
                id: 1,
                name: "Resource 1".into(),
                kind: Some(("Integer".into(), "Float".into())),
                operations: Some(("R".into(), "RW".into())),
            },
            Change::Removed {
                id: 2,
                name: "Resource 2".into()
            },
            Change::Added {
                id: 3,
                name: "Resource 3".into()
            },
        ]
    );
    let page = pages::pages(&registry)
        .into_iter()
        .find(|page| page.route == "/lwm2m/resources/registry/objects/50000")
        .unwrap_or_else(|| panic!("no page for object 50000"));
    assert!(page.body.contains("<tr id=\"r3\""), "{}", page.body);
    assert!(page.body.contains("removed 2 Resource 2"), "{}", page.body);
    assert!(page.body.contains("href=\"https://example.org/ts.pdf\""));
    assert!(
        page.body
            .contains("A test object.<br>Second line: <a href=\"https://example.org/spec\"")
    );
}

/// The repository's own snapshot.
fn snapshot() -> (Registry, Vec<Diagnostic>) {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    load(&content, false)
}

#[test]
fn the_snapshot_builds_with_warnings_only_and_has_every_object() {
    let (registry, found) = snapshot();
    let mut by_code: BTreeMap<&str, usize> = BTreeMap::new();
    for diagnostic in &found {
        assert_eq!(diagnostic.severity, Severity::Warning, "{diagnostic}");
        *by_code.entry(diagnostic.code.as_str()).or_default() += 1;
    }
    // The registry's own departures from its rules, by rule (BENCHMARKS.md and the issue's
    // note give them too).
    assert_eq!(
        by_code,
        BTreeMap::from([("registry-executable-type", 1), ("registry-range", 12)]),
        "{}",
        found
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert_eq!(registry.rows.len(), 437);
    assert_eq!(registry.definitions.len(), 747);
    let objects = registry.objects();
    assert_eq!(objects.len(), 340);
    let device = objects
        .iter()
        .find(|object| object.id == 3)
        .and_then(Object::definition)
        .unwrap_or_else(|| panic!("object 3 has a definition"));
    let ids: Vec<Option<u32>> = device.resources.iter().map(Resource::id).collect();
    assert_eq!(ids, (0..=22).map(Some).collect::<Vec<_>>());
    assert_eq!(
        device.resource(13).map(|r| r.name.text.as_str()),
        Some("Current Time")
    );
    let missing: Vec<u32> = objects
        .iter()
        .filter(|object| {
            object.definition().is_none() && object.row().is_some_and(|row| !row.ddf.is_empty())
        })
        .map(|object| object.id)
        .collect();
    assert_eq!(missing, [3443, 10244]);
}

#[test]
fn the_snapshot_s_pages_link_each_resource_and_each_notice() {
    let (registry, _) = snapshot();
    let pages = pages::pages(&registry);
    assert_eq!(pages.len(), 341);
    let device = pages
        .iter()
        .find(|page| page.route == "/lwm2m/resources/registry/objects/3")
        .unwrap_or_else(|| panic!("no page for object 3"));
    assert_eq!(device.title, "Device (LwM2M object 3)");
    assert!(device.body.contains("<tr id=\"r13\""));
    assert_eq!(device.body.matches("<tr id=\"r").count(), 23);
    assert!(
        device
            .body
            .contains("href=\"/lwm2m/resources/registry/objects/3.xml\"")
    );
    let esim = pages
        .iter()
        .find(|page| page.route == "/lwm2m/resources/registry/objects/3443")
        .unwrap_or_else(|| panic!("no page for object 3443"));
    assert!(esim.body.contains("is not included"), "{}", esim.body);
    let licences = pages
        .iter()
        .find(|page| page.route == pages::LICENCES_ROUTE)
        .unwrap_or_else(|| panic!("no licences page"));
    for notice in &registry.notices {
        let escaped = maud::html! { (notice.text) }.into_string();
        let element = format!(">{escaped}</pre>");
        assert_eq!(
            licences.body.matches(&element).count(),
            1,
            "{}",
            notice.text
        );
    }
    assert!(registry.notices.len() > 20);
    let files: usize = registry
        .notices
        .iter()
        .map(|notice| notice.files.len())
        .sum();
    assert_eq!(files, 747);
}

#[test]
fn rows_list_every_object_and_every_resource() {
    let (registry, _) = snapshot();
    let objects = rows::object_rows(&registry);
    assert_eq!(objects.len(), 340);
    let device = objects
        .iter()
        .find(|row| row.get("ObjectID").and_then(|v| v.as_str()) == Some("3"))
        .unwrap_or_else(|| panic!("no row for object 3"));
    assert_eq!(device.get("Name").and_then(|v| v.as_str()), Some("Device"));
    assert_eq!(device.get("Ver").and_then(|v| v.as_str()), Some("1.2"));
    assert_eq!(
        device.get("XML").and_then(|v| v.as_str()),
        Some("/lwm2m/resources/registry/objects/3.xml")
    );
    let resources = rows::resource_rows(&registry);
    let battery = resources
        .iter()
        .find(|row| {
            row.get("Page").and_then(|v| v.as_str())
                == Some("/lwm2m/resources/registry/objects/3#r9")
        })
        .unwrap_or_else(|| panic!("no row for resource 9 of object 3"));
    assert_eq!(
        battery.get("Name").and_then(|v| v.as_str()),
        Some("Battery Level")
    );
}

#[test]
fn a_folder_without_the_list_pages_gets_them_in_the_registry_s_section() {
    let root = Path::new("/site/content");
    let mut diagnostics = Diagnostics::new(false);
    let pages = lists::missing_list_pages(root, &[], &BTreeMap::new(), &mut diagnostics);
    let routes: Vec<(&str, &str)> = pages
        .iter()
        .map(|page| (page.file.route.as_str(), page.file.relative.as_str()))
        .collect();
    assert_eq!(
        routes,
        [
            (
                "/lwm2m/resources/registry/objects",
                "lwm2m/resources/registry/objects.md"
            ),
            (
                "/lwm2m/resources/registry/resources",
                "lwm2m/resources/registry/resources.md"
            ),
        ]
    );
    let title = pages[0]
        .front_matter
        .values
        .as_ref()
        .and_then(|v| v.get("title"))
        .and_then(|v| v.as_str());
    assert_eq!(title, Some("LwM2M Objects"));
    assert!(diagnostics.finish().is_empty());

    let folders = BTreeMap::from([(
        "3.lwm2m/30.resources/05.registry".to_string(),
        crate::load::FolderMeta::default(),
    )]);
    let mut diagnostics = Diagnostics::new(false);
    let in_section = lists::missing_list_pages(root, &[], &folders, &mut diagnostics);
    let relatives: Vec<&str> = in_section
        .iter()
        .map(|page| page.file.relative.as_str())
        .collect();
    assert_eq!(
        relatives,
        [
            "3.lwm2m/30.resources/05.registry/objects.md",
            "3.lwm2m/30.resources/05.registry/resources.md"
        ]
    );
    let with_list = lists::missing_list_pages(root, &in_section[..1], &folders, &mut diagnostics);
    let relatives: Vec<&str> = with_list
        .iter()
        .map(|page| page.file.relative.as_str())
        .collect();
    assert_eq!(relatives, ["3.lwm2m/30.resources/05.registry/resources.md"]);
}
