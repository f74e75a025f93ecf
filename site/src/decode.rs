//! The macro's index decoded into a [`Table`], once per site: its strings are read where they
//! lie in the index, its documents and bytes where they lie in the files.
//!
//! The table's slices (pages, headings, menus, front matter) are made here, at run time, and
//! kept for the rest of the program, as a `static` would be: a [`Site`](crate::Site) decodes
//! its index once.

use std::borrow::Cow;

use site_table::{
    AssetRecord, EncodedRecord, Index, Json, NavRecord, ObjectRecord, PageRecord, Span,
};

use crate::blob::Blob;
use crate::embedded::in_blob;
use crate::{Asset, Binary, Encoded, Heading, NavItem, Page, Redirect, Table, Text, Value, lwm2m};
use maud::PreEscaped;

/// The table of `index`, whose spans point into `files`.
///
/// Panics if `index` is not an index the macro wrote for these files: a binary whose data
/// was damaged.
pub(crate) fn table(index: &'static [u8], files: &'static [&'static Blob]) -> &'static Table {
    let index: Index<'static> = site_table::decode(index)
        .unwrap_or_else(|error| panic!("the site's page table does not decode: {error}"));
    let files = Files(files);
    let pages = index
        .pages
        .into_iter()
        .map(|page| files.page(page))
        .collect();
    let assets = index
        .assets
        .into_iter()
        .map(|asset| files.asset(asset))
        .collect();
    let redirects = index
        .redirects
        .into_iter()
        .map(|(from, to)| Redirect { from, to })
        .collect();
    leak_one(Table {
        base_path: index.base_path,
        stylesheet: index.stylesheet,
        pages: leak(pages),
        order: leak(index.order),
        nav: nav(index.nav),
        assets: leak(assets),
        redirects: leak(redirects),
        not_found: files.page(index.not_found),
        widest_content_security_policy: text(index.widest_content_security_policy),
        lwm2m: index.lwm2m.map_or(&[], |span| files.objects(span)),
    })
}

/// The typed object of `record`.
fn lwm2m_object(record: ObjectRecord<'static>) -> lwm2m::Object {
    let resources = record.resources.into_iter().map(|record| lwm2m::Resource {
        id: record.id,
        name: record.name,
        operations: record.operations,
        multiple: record.multiple,
        mandatory: record.mandatory,
        kind: record.kind,
        range: record.range,
        units: record.units,
        description: record.description,
    });
    lwm2m::Object {
        id: record.id,
        name: record.name,
        owner: record.owner,
        version: record.version,
        urn: record.urn,
        lwm2m_version: record.lwm2m_version,
        multiple: record.multiple,
        mandatory: record.mandatory,
        description: record.description,
        url: text(record.url),
        defined: record.defined,
        resources: leak(resources.collect()),
    }
}

/// The included files the records' spans point into.
struct Files(&'static [&'static Blob]);

impl Files {
    fn blob(&self, span: Span) -> (&'static Blob, usize, usize) {
        let blob = self
            .0
            .get(span.file as usize)
            .unwrap_or_else(|| panic!("the site's page table names file {}", span.file));
        (blob, span.start as usize, span.end as usize)
    }

    fn text(&self, span: Span) -> Text {
        let (blob, start, end) = self.blob(span);
        in_blob(blob, start, end)
    }

    /// The LwM2M registry's objects, encoded at `span`.
    fn objects(&self, span: Span) -> &'static [lwm2m::Object] {
        let (blob, start, end) = self.blob(span);
        let records: Vec<ObjectRecord<'static>> = blob
            .bytes()
            .get(start..end)
            .map(site_table::decode)
            .unwrap_or_else(|| panic!("the site's LwM2M objects are not where its table says"))
            .unwrap_or_else(|error| panic!("the site's LwM2M objects do not decode: {error}"));
        leak(records.into_iter().map(lwm2m_object).collect())
    }

    fn bytes(&self, span: Span) -> Binary {
        let (blob, start, end) = self.blob(span);
        in_blob(blob, start, end)
    }

    fn encoded(&self, record: Option<EncodedRecord<'static>>) -> Encoded {
        match record {
            Some(EncodedRecord { bytes, etag }) => Encoded {
                bytes: self.bytes(bytes),
                etag,
            },
            None => Encoded::NONE,
        }
    }

    fn page(&self, page: PageRecord<'static>) -> Page {
        let headings = page
            .headings
            .into_iter()
            .map(|heading| Heading {
                depth: heading.depth,
                id: heading.id,
                text: heading.text,
            })
            .collect();
        Page {
            route: page.route,
            url: text(page.url),
            title: page.title,
            description: page.description,
            layout: page.layout,
            listed: page.listed,
            front_matter: object(page.front_matter),
            headings: leak(headings),
            body: PreEscaped(self.text(page.body)),
            html: self.text(page.html),
            etag: page.etag,
            br: self.encoded(page.br),
            gzip: self.encoded(page.gzip),
            content_security_policy: page.content_security_policy.map(text),
        }
    }

    fn asset(&self, asset: AssetRecord<'static>) -> Asset {
        Asset {
            route: asset.route,
            content_type: asset.content_type,
            bytes: self.bytes(asset.bytes),
            etag: asset.etag,
            br: self.encoded(asset.br),
            gzip: self.encoded(asset.gzip),
            immutable: asset.immutable,
        }
    }
}

fn nav(items: Vec<NavRecord<'static>>) -> &'static [NavItem] {
    let items = items
        .into_iter()
        .map(|item| NavItem {
            title: item.title,
            route: item.route,
            url: text(item.url),
            children: nav(item.children),
        })
        .collect();
    leak(items)
}

fn value(json: Json<'static>) -> Value {
    match json {
        Json::Null => Value::Null,
        Json::Bool(flag) => Value::Bool(flag),
        Json::Number(number) => Value::Number(number),
        Json::String(text) => Value::String(text),
        Json::Array(items) => Value::Array(leak(items.into_iter().map(value).collect())),
        Json::Object(entries) => object(entries),
    }
}

fn object(entries: Vec<(&'static str, Json<'static>)>) -> Value {
    let entries = entries
        .into_iter()
        .map(|(key, json)| (key, value(json)))
        .collect();
    Value::Object(leak(entries))
}

/// A string of the index: borrowed from it, as postcard decodes every string.
fn text(text: Cow<'static, str>) -> &'static str {
    match text {
        Cow::Borrowed(text) => text,
        Cow::Owned(text) => Box::leak(text.into_boxed_str()),
    }
}

/// `items`, kept for the rest of the program (see the module's documentation).
fn leak<T>(items: Vec<T>) -> &'static [T] {
    Box::leak(items.into_boxed_slice())
}

fn leak_one<T>(item: T) -> &'static T {
    Box::leak(Box::new(item))
}
