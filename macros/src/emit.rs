//! Arguments in, tokens out: a `Build` → a page table ([`site_table::Index`]) in a few
//! included files, and one `::site::Site` of them.

use crate::args::Args;
use crate::blobs::{self, Blobs};
use proc_macro2::Ident;
use proc_macro2::TokenStream;
use quote::quote;
use quote::quote_spanned;
use site_compiler::diagnostic::summary;
use site_compiler::embed::redirects::Redirect;
use site_compiler::embed::{self, EmbeddedPage, Encoded};
use site_compiler::registry::pages::object_route;
use site_compiler::registry::{Definition, Field, Registry, Resource};
use site_compiler::render::csp::STRICT_POLICY;
use site_compiler::render::nav::NavItem;
use site_compiler::{Build, Compression, Diagnostic, Options, Severity};
use site_table::{
    AssetRecord, EncodedRecord, HeadingRecord, Index, Json, NavRecord, ObjectRecord, PageRecord,
    ResourceRecord,
};
use std::borrow::Cow;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use syn::LitStr;

/// Expands `include_site!("path/to/content")`.
pub(crate) fn expand(input: TokenStream) -> TokenStream {
    let Args {
        path,
        lenient,
        untrusted,
        base_path,
        output,
        compressed,
    } = match syn::parse2(input) {
        Ok(args) => args,
        Err(error) => return error.to_compile_error(),
    };
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_default();
    let content_dir = manifest_dir.join(path.value());
    let mut options = Options {
        lenient,
        untrusted,
        base_path,
        output,
        compression: None,
        site_url: embed::site_url(),
    };
    // What the expansion's files belong to: this crate, this content, these options.
    let key = xxhash_rust::xxh3::xxh3_64(
        format!(
            "{:?}\0{:?}\0{}\0{options:?}",
            std::env::var("CARGO_CRATE_NAME"),
            std::env::var("CARGO_PKG_NAME"),
            content_dir.display(),
        )
        .as_bytes(),
    );
    let dir = blobs::folder();
    // Debug builds embed compressed variants only when asked, and pack their documents.
    let debug = embed::DEBUG_BUILD;
    options.compression = Some(Compression {
        cache: dir
            .as_ref()
            .map(|dir| dir.join(format!("{key:016x}.cache"))),
        variants: compressed || !debug,
    });
    let build = match site_compiler::build(&content_dir, &options) {
        Ok(build) => build,
        Err(error) => return compile_error(&path, &error),
    };
    let mut blobs = Blobs::new(dir, key, groups(&build), debug);
    let report = report(&path, &build.diagnostics);
    let index = index(&mut blobs, &build, &options.base_path);
    let index = match index.and_then(|index| site_table::encode(&index)) {
        Ok(index) => index,
        Err(error) => {
            let message = format!("internal error in site_macros: {error}");
            return quote! { compile_error!(#message) };
        }
    };
    let sources = sources(&build, blobs.included());
    let statics = blobs.statics(index);
    quote! {
        {
            #report
            #sources
            #statics
            ::site::Site::__embedded(&INDEX, &FILES)
        }
    }
}

/// One `compile_error!` per error and one deprecation warning per warning (the only warning a
/// macro can raise on stable Rust), all at the macro's path argument, then the count. The LwM2M
/// registry snapshot's own problems are left to `site check` and `site dev`: the site publishes
/// that data as the registry accepted it, and a warning in every crate embedding it would fail
/// their `-D warnings` builds for what they cannot fix.
fn report(path: &LitStr, diagnostics: &[Diagnostic]) -> TokenStream {
    let diagnostics: Vec<Diagnostic> = diagnostics
        .iter()
        .filter(|d| !site_compiler::registry::is_snapshot_warning(d))
        .cloned()
        .collect();
    let diagnostics = diagnostics.as_slice();
    let items = diagnostics.iter().enumerate().map(|(index, diagnostic)| {
        match diagnostic.severity {
            // rustc says `error:` itself.
            Severity::Error => {
                let message = diagnostic.located().to_string();
                quote_spanned! { path.span() => compile_error!(#message); }
            }
            Severity::Warning => {
                let message = diagnostic.to_string();
                let name = Ident::new(&format!("content_warning_{index}"), path.span());
                let note = format!("\n{message}");
                quote_spanned! { path.span() =>
                    const _: () = {
                        #[deprecated(note = #note)]
                        #[allow(non_camel_case_types)]
                        struct #name;
                        let _ = #name;
                    };
                }
            }
        }
    });
    let summary = (!diagnostics.is_empty()).then(|| {
        let summary = format!("content: {}", summary(diagnostics));
        let has_errors = diagnostics.iter().any(|d| d.severity == Severity::Error);
        has_errors.then(|| quote_spanned! { path.span() => compile_error!(#summary); })
    });
    quote! { #(#items)* #summary }
}

fn compile_error(path: &LitStr, error: &site_compiler::Error) -> TokenStream {
    let message = error.to_string();
    quote::quote_spanned! { path.span() => compile_error!(#message) }
}

/// Pages whose documents and variants share a pair of included files: an edit of one page
/// changes its group's files only (see `blobs`), and a group's files are large enough that a
/// build from scratch writes few of them (32 for 1,000 pages).
const PAGES_PER_GROUP: usize = 64;

/// The group of the page at `index`.
fn group_of(index: usize) -> usize {
    index / PAGES_PER_GROUP
}

/// The group after the pages' groups: the `404` page.
fn rest_group(build: &Build) -> usize {
    build.pages.len().div_ceil(PAGES_PER_GROUP)
}

/// How many groups the files of `build` make: the pages', the rest group, then one per asset
/// the build generated (the stylesheet, the search index, the sitemap…) and, with the LwM2M
/// registry, one for its objects' records, so that an edit changing one of them, as most
/// edits change the search index, leaves the others' files as they were for rustc.
fn groups(build: &Build) -> usize {
    let generated = build.assets.iter().filter(|asset| asset.file.is_none());
    rest_group(build) + 1 + generated.count() + usize::from(build.registry.is_some())
}

/// Every file the build read but does not include as it is (those are named already), named
/// so that rustc's dep-info tracks edits to it, and the base URL read through `option_env!` so
/// that a change of it rebuilds the sitemap. The files are named in a function that is never
/// called rather than in a `const` each, which rustc would type-check and evaluate one by one.
fn sources(build: &Build, included: &[PathBuf]) -> TokenStream {
    let served = build
        .assets
        .iter()
        .filter_map(|asset| asset.file.as_deref());
    let read = build.sources.iter().map(PathBuf::as_path).chain(served);
    let sources = to_name(read, included).into_iter().map(|source| {
        let path = source.to_string_lossy();
        quote! { include_bytes!(#path); }
    });
    let site_url_var = embed::SITE_URL_VAR;
    quote! {
        #[allow(dead_code)]
        fn sources() { #(#sources)* }
        const _: ::core::option::Option<&str> = option_env!(#site_url_var);
    }
}

/// The files of `read` to name for rustc's dep-info, each once: all but those `included` as
/// they are, which their inclusion names (the content's files served from a gathered file,
/// and the registry's, which it also reads as sources, are named here).
fn to_name<'a>(read: impl IntoIterator<Item = &'a Path>, included: &[PathBuf]) -> Vec<&'a Path> {
    let mut named: HashSet<&Path> = included.iter().map(PathBuf::as_path).collect();
    read.into_iter().filter(|file| named.insert(file)).collect()
}

/// The page table of `build`, its documents, bytes and the registry's objects put in `blobs`.
fn index<'a>(
    blobs: &mut Blobs,
    build: &'a Build,
    base_path: &'a str,
) -> Result<Index<'a>, site_table::Error> {
    let pages = build
        .pages
        .iter()
        .enumerate()
        .map(|(index, page)| page_record(blobs, group_of(index), page, base_path))
        .collect();
    let rest = rest_group(build);
    let not_found = page_record(blobs, rest, &build.not_found, base_path);
    let routes: Vec<&str> = build
        .pages
        .iter()
        .map(|EmbeddedPage { page, .. }| page.route.as_str())
        .collect();
    let order = build
        .nav
        .order(&routes)
        .into_iter()
        .map(|index| u32::try_from(index).unwrap_or(u32::MAX))
        .collect();
    let mut generated = rest;
    let assets = build
        .assets
        .iter()
        .map(|asset| {
            let text = embed::compress::compressible(&asset.content_type);
            let (bytes, group) = match &asset.file {
                // The content's own files, their variants in the rest group: text gathered
                // into one file, the rest (images, fonts), large and compressed already,
                // included as it is.
                Some(_) if text => (blobs.gather(&asset.bytes), rest),
                Some(path) => (blobs.include(path, asset.bytes.len()), rest),
                // Generated ones in a group of their own, as text when they are (the search
                // index, the stylesheet): packed in debug builds, where most of them are the same
                // from one build to the next and rustc would read them whole each time.
                None => {
                    generated += 1;
                    let bytes = match text {
                        true => blobs.push_text(generated, &asset.bytes),
                        false => blobs.push_bytes(generated, &asset.bytes),
                    };
                    (bytes, generated)
                }
            };
            AssetRecord {
                route: &asset.route,
                content_type: &asset.content_type,
                bytes,
                etag: &asset.variants.etag,
                br: encoded_record(blobs, group, asset.variants.br.as_ref()),
                gzip: encoded_record(blobs, group, asset.variants.gzip.as_ref()),
                immutable: asset.immutable,
            }
        })
        .collect();
    let lwm2m = match build.registry.as_deref() {
        Some(registry) => {
            let objects = site_table::encode(&object_records(registry, base_path))?;
            Some(blobs.push_text(generated + 1, &objects))
        }
        None => None,
    };
    Ok(Index {
        base_path,
        stylesheet: &build.stylesheet,
        widest_content_security_policy: Cow::Owned(build.widest_content_security_policy()),
        pages,
        not_found,
        order,
        nav: nav_records(&build.nav.items, base_path),
        assets,
        redirects: build
            .redirects
            .iter()
            .map(|Redirect { from, to }| (from.as_str(), to.as_str()))
            .collect(),
        lwm2m,
    })
}

/// The records of the registry's objects, by ID: each one's latest version, with the latest
/// definition the data has.
fn object_records<'a>(registry: &'a Registry, base_path: &str) -> Vec<ObjectRecord<'a>> {
    let objects = registry.objects();
    let records = objects.iter().filter_map(|object| {
        let row = object.row()?;
        let definition = object.definition();
        let text = |field: fn(&Definition) -> &Field| {
            definition.map_or("", |definition| field(definition).text.as_str())
        };
        Some(ObjectRecord {
            id: object.id,
            name: &row.name,
            owner: &row.owner,
            version: &row.version,
            urn: &row.urn,
            lwm2m_version: text(|d| &d.lwm2m_version),
            multiple: text(|d| &d.multiple) == "Multiple",
            mandatory: text(|d| &d.mandatory) == "Mandatory",
            description: text(|d| &d.description),
            url: Cow::Owned(format!("{base_path}{}", object_route(object.id))),
            defined: definition.is_some(),
            resources: definition.map_or_else(Vec::new, |definition| {
                let resources = definition.resources.iter();
                resources.filter_map(resource_record).collect()
            }),
        })
    });
    records.collect()
}

/// The record of `resource`; `None` when its ID is not a number (a content error).
fn resource_record(resource: &Resource) -> Option<ResourceRecord<'_>> {
    Some(ResourceRecord {
        id: resource.id()?,
        name: &resource.name.text,
        operations: &resource.operations.text,
        multiple: resource.multiple.text == "Multiple",
        mandatory: resource.mandatory.text == "Mandatory",
        kind: &resource.kind.text,
        range: &resource.range.text,
        units: &resource.units.text,
        description: &resource.description.text,
    })
}

/// The record of `page`, whose document and variants go to group `group`.
fn page_record<'a>(
    blobs: &mut Blobs,
    group: usize,
    EmbeddedPage { page, variants }: &'a EmbeddedPage,
    base_path: &str,
) -> PageRecord<'a> {
    let html = blobs.push_text(group, page.html.as_bytes());
    // The body is within the document (the whole of it in fragments mode): the binary holds
    // those bytes once.
    let body = match page.around_body() {
        Some((before, _)) => {
            let start = html.start + u32::try_from(before.len()).unwrap_or(u32::MAX);
            let end = start + u32::try_from(page.body.len()).unwrap_or(u32::MAX);
            site_table::Span { start, end, ..html }
        }
        None => blobs.push_text(group, page.body.as_bytes()),
    };
    // Printable ASCII, as a header value must be: the build checks every policy. The strict
    // one is the server's default.
    let policy = page.content_security_policy();
    PageRecord {
        route: &page.route,
        url: Cow::Owned(format!("{base_path}{}", page.route)),
        title: &page.title,
        description: &page.description,
        layout: page
            .front_matter
            .get("layout")
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default(),
        listed: page.listed,
        front_matter: object(&page.front_matter),
        headings: page
            .headings
            .iter()
            .map(|heading| HeadingRecord {
                depth: heading.depth,
                id: &heading.id,
                text: &heading.text,
            })
            .collect(),
        html,
        body,
        etag: &variants.etag,
        br: encoded_record(blobs, group, variants.br.as_ref()),
        gzip: encoded_record(blobs, group, variants.gzip.as_ref()),
        content_security_policy: (policy != STRICT_POLICY).then_some(Cow::Owned(policy)),
    }
}

/// The record of a compressed variant, its bytes in group `group`.
fn encoded_record<'a>(
    blobs: &mut Blobs,
    group: usize,
    encoded: Option<&'a Encoded>,
) -> Option<EncodedRecord<'a>> {
    let Encoded { bytes, etag } = encoded?;
    Some(EncodedRecord {
        bytes: blobs.push_bytes(group, bytes),
        etag,
    })
}

/// Front-matter JSON as the table holds it.
fn json(value: &serde_json::Value) -> Json<'_> {
    use serde_json::Value;
    match value {
        Value::Null => Json::Null,
        Value::Bool(flag) => Json::Bool(*flag),
        Value::Number(number) => Json::Number(number.as_f64().unwrap_or_default()),
        Value::String(text) => Json::String(text),
        Value::Array(items) => Json::Array(items.iter().map(json).collect()),
        Value::Object(entries) => Json::Object(object(entries)),
    }
}

fn object(entries: &serde_json::Map<String, serde_json::Value>) -> Vec<(&str, Json<'_>)> {
    entries
        .iter()
        .map(|(key, value)| (key.as_str(), json(value)))
        .collect()
}

/// The records of `items` and, nested, their children.
fn nav_records<'a>(items: &'a [NavItem], base_path: &str) -> Vec<NavRecord<'a>> {
    items
        .iter()
        .map(|item| NavRecord {
            title: &item.title,
            route: &item.route,
            url: Cow::Owned(format!("{base_path}{}", item.route)),
            children: nav_records(&item.children, base_path),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_read_is_named_once_but_those_included_as_they_are() {
        let included = [PathBuf::from("/site/public/logo.png")];
        let read = [
            "/site/index.md",
            "/site/data/lwm2m-registry/objects/3.xml",
            // Served as well as read: named once.
            "/site/public/logo.png",
            "/site/public/icon.svg",
            "/site/data/lwm2m-registry/objects/3.xml",
        ];
        let named = to_name(read.iter().map(Path::new), &included);
        assert_eq!(
            named,
            [
                Path::new("/site/index.md"),
                Path::new("/site/data/lwm2m-registry/objects/3.xml"),
                Path::new("/site/public/icon.svg"),
            ]
        );
    }
}
