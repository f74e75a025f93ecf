//! Arguments in, tokens out: `Bundle` → one `::site::Site` literal.

use crate::args::Args;
use crate::blobs::{self, Blobs};
use proc_macro2::Ident;
use proc_macro2::{Literal, Span, TokenStream};
use quote::quote;
use quote::quote_spanned;
use site_compiler::diagnostic::summary;
use site_compiler::embed::redirects::Redirect;
use site_compiler::embed::{self, EmbeddedPage, Encoded, Variants};
use site_compiler::render::csp::STRICT_POLICY;
use site_compiler::render::nav::NavItem;
use site_compiler::{Build, Compression, Diagnostic, Options, RenderedPage, Severity};
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
    options.compression = Some(Compression {
        cache: dir
            .as_ref()
            .map(|dir| dir.join(format!("{key:016x}.cache"))),
    });
    let build = match site_compiler::build(&content_dir, &options) {
        Ok(build) => build,
        Err(error) => return compile_error(&path, &error),
    };
    let mut blobs = Blobs::new(dir, key);
    let report = report(&path, &build.diagnostics);
    let fields = page_fields(&mut blobs, &build, &options.base_path);
    blobs.write_texts();
    let site = site_literal(&mut blobs, &build, fields, &options.base_path);
    let statics = blobs.statics();
    quote! {
        {
            #report
            // Short names for the table below: a path of one segment is three to nine tokens
            // fewer than `::site::…`, for each of tens of thousands of values. A site may not
            // need them all (no redirect, no image).
            #[allow(unused_imports)]
            use ::core::option::Option::{None, Some};
            #[allow(unused_imports)]
            use ::site::__private::{PreEscaped, slice, slice_of};
            #[allow(unused_imports)]
            use ::site::{Asset, Binary, Encoded, Heading, NavItem, Page, Redirect, Site, Value};
            #statics
            #site
        }
    }
}

/// One `compile_error!` per error and one deprecation warning per warning (the only warning a
/// macro can raise on stable Rust), all at the macro's path argument, then the count.
fn report(path: &LitStr, diagnostics: &[Diagnostic]) -> TokenStream {
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
/// makes rustc evaluate again the pages of its group only (see `blobs`), and a group's files are
/// large enough that a build from scratch writes few of them (32 for 1,000 pages).
const PAGES_PER_GROUP: usize = 64;

/// The group of the page at `index`.
fn group_of(index: usize) -> usize {
    index / PAGES_PER_GROUP
}

/// The group after the pages' groups: the `404` page and the generated assets.
fn rest_group(build: &Build) -> usize {
    build.pages.len().div_ceil(PAGES_PER_GROUP)
}

/// The fields of each page but its entity tag and compressed variants, and those of the `404`
/// page.
fn page_fields(
    blobs: &mut Blobs,
    build: &Build,
    base_path: &str,
) -> (Vec<TokenStream>, TokenStream) {
    let pages = build.pages.iter().enumerate();
    let pages = pages
        .map(|(index, page)| fields_literal(blobs, group_of(index), &page.page, base_path))
        .collect();
    let rest = rest_group(build);
    let not_found = fields_literal(blobs, rest, &build.not_found.page, base_path);
    (pages, not_found)
}

fn site_literal(
    blobs: &mut Blobs,
    build: &Build,
    (pages, not_found): (Vec<TokenStream>, TokenStream),
    base_path: &str,
) -> TokenStream {
    let rest = rest_group(build);
    let not_found = page_literal(not_found, blobs, rest, &build.not_found.variants);
    let pages: Vec<TokenStream> = pages
        .into_iter()
        .zip(&build.pages)
        .enumerate()
        .map(|(index, (fields, page))| page_literal(fields, blobs, group_of(index), &page.variants))
        .collect();
    let routes: Vec<&str> = build
        .pages
        .iter()
        .map(|EmbeddedPage { page, .. }| page.route.as_str())
        .collect();
    let order = build
        .nav
        .order(&routes)
        .into_iter()
        .map(|index| Literal::u32_unsuffixed(u32::try_from(index).unwrap_or(u32::MAX)));
    let nav = nav_literals(&build.nav.items, base_path);
    let assets: Vec<TokenStream> = build
        .assets
        .iter()
        .map(|asset| {
            let route = &asset.route;
            let content_type = &asset.content_type;
            let bytes = match &asset.file {
                // The content's own files (images, fonts) are included as they are, not copied
                // into a group's files, which are rewritten whenever the group changes.
                Some(path) => {
                    let path = path_literal(path);
                    quote! { Binary::new(&(include_bytes!(#path) as &[u8])) }
                }
                None => blobs.bytes(rest, &asset.bytes),
            };
            let immutable = asset.immutable;
            let (etag, br, gzip) = variants_literals(blobs, rest, &asset.variants);
            quote! {
                Asset {
                    route: #route,
                    content_type: #content_type,
                    bytes: #bytes,
                    etag: #etag,
                    br: #br,
                    gzip: #gzip,
                    immutable: #immutable,
                }
            }
        })
        .collect();
    let redirects = build.redirects.iter().map(|Redirect { from, to }| {
        quote! { Redirect { from: #from, to: #to } }
    });
    // Naming every source file lets rustc's dep-info track edits to it, and reading the base
    // URL through `option_env!` makes a change of it rebuild the sitemap. The files are named
    // in a function that is never called rather than in a `const` each, which rustc would
    // type-check and evaluate one by one.
    let sources = build.sources.iter().map(|source| {
        let path = path_literal(source);
        quote! { include_bytes!(#path); }
    });
    let stylesheet = &build.stylesheet;
    let widest_policy = build.widest_content_security_policy();
    let site_url_var = embed::SITE_URL_VAR;
    quote! {
        {
            #[allow(dead_code)]
            fn sources() { #(#sources)* }
            const _: Option<&str> = option_env!(#site_url_var);
            Site {
                base_path: #base_path,
                stylesheet: #stylesheet,
                pages: &[#(#pages),*],
                order: &[#(#order),*],
                nav: &[#(#nav),*],
                assets: &[#(#assets),*],
                redirects: &[#(#redirects),*],
                not_found: #not_found,
                widest_content_security_policy: #widest_policy,
            }
        }
    }
}

/// The fields of a `::site::Page` literal that do not depend on its compressed variants,
/// each followed by a comma; its document in group `group`.
fn fields_literal(
    blobs: &mut Blobs,
    group: usize,
    page: &RenderedPage,
    base_path: &str,
) -> TokenStream {
    let route = &page.route;
    let url = format!("{base_path}{route}");
    let title = &page.title;
    let description = &page.description;
    let layout = page
        .front_matter
        .get("layout")
        .and_then(serde_json::Value::as_str)
        .unwrap_or_default();
    let front_matter = object_literal(&page.front_matter);
    let listed = page.listed;
    let headings = page.headings.iter().map(|heading| {
        let (depth, id, text) = (heading.depth, &heading.id, &heading.text);
        quote! { Heading { depth: #depth, id: #id, text: #text } }
    });
    let html = blobs.push_text(group, &page.html);
    // The body is within the document (the whole of it in fragments mode): the binary holds
    // those bytes once.
    let body = match page.around_body() {
        Some((before, _)) => html.part(before.len(), page.body.len()),
        None => blobs.push_text(group, &page.body),
    };
    let (html, body) = (Blobs::text_at(html), Blobs::text_at(body));
    // Printable ASCII, as a header value must be: the build checks every policy. The strict
    // one is the server's default.
    let policy = page.content_security_policy();
    let content_security_policy = match policy == STRICT_POLICY {
        true => quote! { None },
        false => quote! { Some(#policy) },
    };
    quote! {
        route: #route,
        url: #url,
        title: #title,
        description: #description,
        layout: #layout,
        listed: #listed,
        front_matter: #front_matter,
        headings: &[#(#headings),*],
        body: PreEscaped(#body),
        html: #html,
        content_security_policy: #content_security_policy,
    }
}

/// A `::site::Page` literal of `fields` and `variants`, whose bytes go to group `group`.
fn page_literal(
    fields: TokenStream,
    blobs: &mut Blobs,
    group: usize,
    variants: &Variants,
) -> TokenStream {
    let (etag, br, gzip) = variants_literals(blobs, group, variants);
    // Each page is a constant of its own: rustc checks and evaluates many small items much
    // faster than one initializer holding every page (BENCHMARKS.md, "Compile time").
    quote! {{
        const PAGE: Page = Page { #fields etag: #etag, br: #br, gzip: #gzip };
        PAGE
    }}
}

/// A `::site::Value` literal of front-matter JSON.
fn value_literal(value: &serde_json::Value) -> TokenStream {
    use serde_json::Value as Json;
    match value {
        Json::Null => quote! { Value::Null },
        Json::Bool(flag) => quote! { Value::Bool(#flag) },
        Json::Number(number) => {
            let number = Literal::f64_suffixed(number.as_f64().unwrap_or_default());
            quote! { Value::Number(#number) }
        }
        Json::String(text) => quote! { Value::String(#text) },
        Json::Array(items) => {
            let items = items.iter().map(value_literal);
            quote! { Value::Array(&[#(#items),*]) }
        }
        Json::Object(entries) => object_literal(entries),
    }
}

/// A `::site::Value::Object` literal of a JSON mapping.
fn object_literal(entries: &serde_json::Map<String, serde_json::Value>) -> TokenStream {
    let entries = entries.iter().map(|(key, value)| {
        let value = value_literal(value);
        quote! { (#key, #value) }
    });
    quote! { Value::Object(&[#(#entries),*]) }
}

/// `::site::NavItem` literals of `items` and, nested, their children.
fn nav_literals(items: &[NavItem], base_path: &str) -> Vec<TokenStream> {
    items
        .iter()
        .map(|item| {
            let (title, route) = (&item.title, &item.route);
            let url = format!("{base_path}{route}");
            let children = nav_literals(&item.children, base_path);
            quote! {
                NavItem {
                    title: #title,
                    route: #route,
                    url: #url,
                    children: &[#(#children),*],
                }
            }
        })
        .collect()
}

/// The entity tag, brotli and gzip `::site::Encoded` literals of `variants`: one literal per
/// encoding, their bytes in group `group`.
fn variants_literals(
    blobs: &mut Blobs,
    group: usize,
    variants: &Variants,
) -> (LitStr, TokenStream, TokenStream) {
    let mut encoded = |encoded: &Option<Encoded>| match encoded {
        Some(Encoded { bytes, etag }) => {
            let bytes = blobs.bytes(group, bytes);
            quote! { Encoded { bytes: #bytes, etag: #etag } }
        }
        None => quote! { Encoded::NONE },
    };
    let etag = LitStr::new(&variants.etag, Span::call_site());
    (etag, encoded(&variants.br), encoded(&variants.gzip))
}

fn path_literal(path: &Path) -> LitStr {
    LitStr::new(&path.to_string_lossy(), Span::call_site())
}
