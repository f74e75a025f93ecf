//! The compact table the content macro hands to the binary: files of bytes, and an index whose
//! records point into them.
//!
//! A Rust constant per page (a dozen fields and a typed front-matter tree) costs rustc type
//! checking and code generation for every page; an index of plain records, encoded with
//! [postcard](https://docs.rs/postcard) into one byte string, costs it nothing but the bytes.
//! The records borrow their strings from that byte string, so decoding copies no text. Large
//! data (documents, compressed variants, files) stays in the files, each record naming a
//! [`Span`] of one; [`Index`] is the site's table, and any other table of records can use
//! [`encode`], [`decode`] and [`Span`] the same way.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// Why a table did not encode or decode.
pub use postcard::Error;

/// `start..end` of file `file`: data outside the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// The file's position in the list of files the index comes with.
    pub file: u32,
    /// The first byte.
    pub start: u32,
    /// The byte after the last.
    pub end: u32,
}

/// A site's table: what `site::Site` gives, with [`Span`]s for its large data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Index<'a> {
    /// The path the site is mounted under, empty at the root.
    pub base_path: &'a str,
    /// The stylesheet's URL.
    pub stylesheet: &'a str,
    /// The policy allowing what every page's allows.
    #[serde(borrow)]
    pub widest_content_security_policy: Cow<'a, str>,
    /// Pages sorted by route.
    #[serde(borrow)]
    pub pages: Vec<PageRecord<'a>>,
    /// The `404` page.
    #[serde(borrow)]
    pub not_found: PageRecord<'a>,
    /// Indices into `pages` in navigation order.
    pub order: Vec<u32>,
    /// The navigation tree's top-level entries.
    #[serde(borrow)]
    pub nav: Vec<NavRecord<'a>>,
    /// Assets sorted by route.
    #[serde(borrow)]
    pub assets: Vec<AssetRecord<'a>>,
    /// Redirects sorted by old path: (old path, route).
    #[serde(borrow)]
    pub redirects: Vec<(&'a str, &'a str)>,
    /// The LwM2M registry's objects sorted by ID (`Vec<ObjectRecord>`, [`encode`]d in a
    /// file of their own: they are most of the table, and the same from one edit of a page to
    /// the next), when the content has the registry's data.
    pub lwm2m: Option<Span>,
}

/// An object of the LwM2M registry: its latest version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ObjectRecord<'a> {
    /// Its ID.
    pub id: u32,
    /// Its name.
    pub name: &'a str,
    /// Who registered it.
    pub owner: &'a str,
    /// Its version.
    pub version: &'a str,
    /// Its URN.
    pub urn: &'a str,
    /// The LwM2M version it was defined for; empty when its file gives none.
    pub lwm2m_version: &'a str,
    /// Whether it has several instances.
    pub multiple: bool,
    /// Whether a client must implement it.
    pub mandatory: bool,
    /// Its description, line breaks kept; empty when its definition is not in the data.
    pub description: &'a str,
    /// The URL of its page.
    #[serde(borrow)]
    pub url: Cow<'a, str>,
    /// Whether the data holds its definition (a few registered objects carry no licence).
    pub defined: bool,
    /// Its resources, in the order of its file.
    #[serde(borrow)]
    pub resources: Vec<ResourceRecord<'a>>,
}

/// A resource of an LwM2M object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResourceRecord<'a> {
    /// Its ID.
    pub id: u32,
    /// Its name.
    pub name: &'a str,
    /// `R`, `W`, `RW`, `E` or empty.
    pub operations: &'a str,
    /// Whether it has several instances.
    pub multiple: bool,
    /// Whether an instance must have it.
    pub mandatory: bool,
    /// Its data type (`Integer`, `Time`…); empty for an executable resource.
    pub kind: &'a str,
    /// Its range or enumeration, as written.
    pub range: &'a str,
    /// Its units.
    pub units: &'a str,
    /// Its description, line breaks kept.
    pub description: &'a str,
}

/// One page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageRecord<'a> {
    /// Its route.
    pub route: &'a str,
    /// Its route under the base path.
    #[serde(borrow)]
    pub url: Cow<'a, str>,
    /// Its title.
    pub title: &'a str,
    /// Its description.
    pub description: &'a str,
    /// Its layout.
    pub layout: &'a str,
    /// Whether the menus list it.
    pub listed: bool,
    /// Its front matter's entries, in the order written.
    #[serde(borrow)]
    pub front_matter: Vec<(&'a str, Json<'a>)>,
    /// Its headings.
    #[serde(borrow)]
    pub headings: Vec<HeadingRecord<'a>>,
    /// The served document, text.
    pub html: Span,
    /// The content without chrome, text (within `html` for documents).
    pub body: Span,
    /// The entity tag of `html`.
    pub etag: &'a str,
    /// Its brotli variant.
    #[serde(borrow)]
    pub br: Option<EncodedRecord<'a>>,
    /// Its gzip variant.
    #[serde(borrow)]
    pub gzip: Option<EncodedRecord<'a>>,
    /// Its own policy, when it is not the strict one.
    #[serde(borrow)]
    pub content_security_policy: Option<Cow<'a, str>>,
}

/// A heading of a page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeadingRecord<'a> {
    /// 1 to 6.
    pub depth: u8,
    /// Its `id`.
    pub id: &'a str,
    /// Its text.
    pub text: &'a str,
}

/// A compressed variant: its bytes and their entity tag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EncodedRecord<'a> {
    /// The compressed bytes.
    pub bytes: Span,
    /// Their entity tag.
    pub etag: &'a str,
}

/// A static file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssetRecord<'a> {
    /// Its route.
    pub route: &'a str,
    /// Its `Content-Type`.
    pub content_type: &'a str,
    /// Its bytes.
    pub bytes: Span,
    /// Their entity tag.
    pub etag: &'a str,
    /// Its brotli variant.
    #[serde(borrow)]
    pub br: Option<EncodedRecord<'a>>,
    /// Its gzip variant.
    #[serde(borrow)]
    pub gzip: Option<EncodedRecord<'a>>,
    /// Whether it may be cached for good.
    pub immutable: bool,
}

/// An entry of the navigation tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NavRecord<'a> {
    /// Its label.
    pub title: &'a str,
    /// Its route.
    pub route: &'a str,
    /// Its route under the base path.
    #[serde(borrow)]
    pub url: Cow<'a, str>,
    /// The entries below it.
    #[serde(borrow)]
    pub children: Vec<NavRecord<'a>>,
}

/// A front-matter value (JSON's data model, as YAML gives it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Json<'a> {
    /// `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    String(&'a str),
    /// A sequence.
    Array(#[serde(borrow)] Vec<Json<'a>>),
    /// A mapping, in the order written.
    Object(#[serde(borrow)] Vec<(&'a str, Json<'a>)>),
}

/// `record` as bytes. Its strings decode borrowed from them, `Cow` fields too (but a `Cow` in
/// an `Option`, which serde decodes owned).
pub fn encode<T: Serialize>(record: &T) -> Result<Vec<u8>, Error> {
    postcard::to_allocvec(record)
}

/// The record `bytes` hold, its strings borrowed from them.
pub fn decode<'a, T: Deserialize<'a>>(bytes: &'a [u8]) -> Result<T, Error> {
    postcard::from_bytes(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page<'a>(route: &'a str, front_matter: Vec<(&'a str, Json<'a>)>) -> PageRecord<'a> {
        let span = |file, start, end| Span { file, start, end };
        PageRecord {
            route,
            url: Cow::Borrowed(route),
            title: "About",
            description: "",
            layout: "doc",
            listed: true,
            front_matter,
            headings: vec![HeadingRecord {
                depth: 2,
                id: "intro",
                text: "Intro",
            }],
            html: span(0, 0, 300),
            body: span(0, 120, 200),
            etag: "\"a\"",
            br: Some(EncodedRecord {
                bytes: span(1, 0, 70),
                etag: "\"b\"",
            }),
            gzip: None,
            content_security_policy: Some(Cow::Owned("default-src 'self'".into())),
        }
    }

    #[test]
    fn an_index_decodes_to_what_was_encoded_borrowing_its_strings() -> Result<(), postcard::Error> {
        let front_matter = vec![
            ("title", Json::String("Über")),
            ("weight", Json::Number(2.5)),
            ("draft", Json::Bool(false)),
            ("tags", Json::Array(vec![Json::String("lwm2m"), Json::Null])),
            (
                "hero",
                Json::Object(vec![("alt", Json::String("a \"quote\""))]),
            ),
        ];
        let index = Index {
            base_path: "/docs",
            stylesheet: "/docs/_site/style.0.css",
            widest_content_security_policy: Cow::Borrowed("default-src 'self'"),
            pages: vec![page("/", vec![]), page("/lwm2m/about", front_matter)],
            not_found: page("/404", vec![]),
            order: vec![1, 0],
            nav: vec![NavRecord {
                title: "LwM2M",
                route: "/lwm2m",
                url: Cow::Borrowed("/docs/lwm2m"),
                children: vec![NavRecord {
                    title: "About",
                    route: "/lwm2m/about",
                    url: Cow::Borrowed("/docs/lwm2m/about"),
                    children: vec![],
                }],
            }],
            assets: vec![AssetRecord {
                route: "/sitemap.xml",
                content_type: "application/xml",
                bytes: Span {
                    file: 2,
                    start: 0,
                    end: 9,
                },
                etag: "\"s\"",
                br: None,
                gzip: None,
                immutable: false,
            }],
            redirects: vec![("/lwm2m", "/lwm2m/about#dmso")],
            lwm2m: Some(Span {
                file: 3,
                start: 0,
                end: 200,
            }),
        };
        let bytes = encode(&index)?;
        let decoded: Index = decode(&bytes)?;
        assert_eq!(decoded, index);
        let range = bytes.as_ptr_range();
        assert!(
            range.contains(&decoded.pages[1].route.as_ptr()),
            "strings are read where they lie"
        );
        let url = &decoded.pages[1].url;
        assert!(matches!(url, Cow::Borrowed(_)), "{url:?}");
        assert!(decode::<Index>(&bytes[..bytes.len() / 2]).is_err());
        Ok(())
    }

    #[test]
    fn the_registry_s_objects_decode_to_what_was_encoded() -> Result<(), postcard::Error> {
        let objects = vec![ObjectRecord {
            id: 3,
            name: "Device",
            owner: "OMA",
            version: "1.2",
            urn: "urn:oma:lwm2m:oma:3:1.2",
            lwm2m_version: "1.1",
            multiple: false,
            mandatory: true,
            description: "This LwM2M Object provides a range of device related information.\n",
            url: Cow::Borrowed("/docs/lwm2m/resources/registry/objects/3"),
            defined: true,
            resources: vec![ResourceRecord {
                id: 13,
                name: "Current Time",
                operations: "RW",
                multiple: false,
                mandatory: false,
                kind: "Time",
                range: "",
                units: "",
                description: "Current UNIX time of the LwM2M Client.",
            }],
        }];
        let bytes = encode(&objects)?;
        let decoded: Vec<ObjectRecord> = decode(&bytes)?;
        assert_eq!(decoded, objects);
        let name = decoded[0].resources[0].name;
        assert!(bytes.as_ptr_range().contains(&name.as_ptr()));
        Ok(())
    }
}
