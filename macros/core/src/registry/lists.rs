//! The object list and the resource view: pages of MDC, each a `::ShDynamicTable` of the
//! registry's rows. A content folder with the registry's data and without these pages gets
//! them as written here, compiled like its own pages (in its menus, sortable and filterable,
//! every row there without JavaScript); a folder that has them keeps its own.

use super::pages::{OBJECTS_ROUTE, RESOURCES_ROUTE, SECTION_ROUTE};
use crate::diagnostic::Diagnostics;
use crate::load::{
    FolderMeta, FrontMatter, LoadedPage, PageFile, display_path, route_of, source_file,
};
use std::collections::BTreeMap;
use std::path::Path;

/// The object list.
pub const OBJECT_LIST: &str = r#"---
title: LwM2M Objects
description: Every object of the OMNA LwM2M Registry, with its owner, versions, specification and definition.
---

# LwM2M Objects

Every object registered in the OMNA LwM2M Registry: its ID, name, owner, latest version and the
LwM2M version it was written for. Each ID and name leads to the object's page, with its
resources, versions and what changed between them; the XML column gives the object's
definition as the registry publishes it. The definitions' licences are on the
[licences page](/lwm2m/resources/registry/licences).

::ShDynamicTable
---
transformRawData: filterDDFObjects
perPage: 25
columns:
  - name: ObjectID
    title: ID
    sortable: true
    query: true
    type: url
    typeData: [Page]
  - name: Name
    title: Name
    sortable: true
    query: true
    type: url
    typeData: [Page]
  - name: Owner
    title: Owner
    sortable: true
    query: true
    filter: true
    filterOrder: 3
  - name: Source
    title: Source
    filter: true
    filterOrder: 1
  - name: Ver
    title: Version
    sortable: true
    filter: true
    filterOrder: 2
  - name: LWM2MVersion
    title: LwM2M
    sortable: true
    filter: true
    filterOrder: 4
  - name: DDF
    title: XML
    type: url
    typeData: [XML]
  - name: TS
    title: Specification
    type: url
    typeData: [TSLink]
  - name: URN
    hide: true
    query: true
  - name: Description
    hide: true
    query: true
---
::
"#;

/// Every resource of every object.
pub const RESOURCE_LIST: &str = r#"---
title: LwM2M Resources
description: Every resource of every object of the OMNA LwM2M Registry, by object and resource ID.
---

# LwM2M Resources

Every resource of every object's latest definition in the OMNA LwM2M Registry. Search by name
or type; each resource leads to its row on its object's page.

::ShDynamicTable
---
transformRawData: filterCommonObjects
perPage: 25
columns:
  - name: ObjectID
    title: Object
    sortable: true
    query: true
    type: url
    typeData: [ObjectPage]
  - name: Object
    title: Object name
    sortable: true
    query: true
  - name: ID
    title: ID
    type: url
    typeData: [Page]
  - name: Name
    title: Resource
    sortable: true
    query: true
    type: url
    typeData: [Page]
  - name: Operations
    title: Operations
    filter: true
    filterOrder: 2
  - name: Instances
    title: Instances
    filter: true
    filterOrder: 3
  - name: Mandatory
    title: Mandatory
    filter: true
    filterOrder: 4
  - name: Type
    title: Type
    sortable: true
    query: true
    filter: true
    filterOrder: 1
  - name: Units
    title: Units
---
::
"#;

/// The list pages `pages` has no page for, as pages of the content folder at `root` in the
/// folder whose route is the registry's section (`3.lwm2m/30.resources/05.registry/`), or in
/// `lwm2m/resources/registry/` when it has none.
pub fn missing_list_pages(
    root: &Path,
    pages: &[LoadedPage],
    folders: &BTreeMap<String, FolderMeta>,
    diagnostics: &mut Diagnostics,
) -> Vec<LoadedPage> {
    let section_folder = pages
        .iter()
        .filter_map(|page| {
            page.file
                .relative
                .rsplit_once('/')
                .map(|(folder, _)| folder)
        })
        .chain(folders.keys().map(String::as_str))
        .find(|folder| route_of(&format!("{folder}/index.md")) == SECTION_ROUTE)
        .unwrap_or("lwm2m/resources/registry")
        .to_string();
    [
        (OBJECTS_ROUTE, "objects.md", OBJECT_LIST),
        (RESOURCES_ROUTE, "resources.md", RESOURCE_LIST),
    ]
    .into_iter()
    .filter(|(route, _, _)| !pages.iter().any(|page| page.file.route == *route))
    .map(|(_, name, text)| {
        let relative = format!("{section_folder}/{name}");
        let path = root.join(&relative);
        let source = source_file(
            display_path(root, &relative),
            &path,
            text.as_bytes(),
            diagnostics,
        );
        let front_matter = FrontMatter::read(&source, diagnostics);
        let file = PageFile {
            route: route_of(&relative),
            path,
            relative,
        };
        LoadedPage::new(file, source, front_matter)
    })
    .collect()
}
