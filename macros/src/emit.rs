//! Arguments in, tokens out: `Bundle` → one `::site::Site` literal.

use crate::args::Args;
use proc_macro2::Ident;
use proc_macro2::{Literal, Span, TokenStream};
use quote::quote_spanned;
use quote::{ToTokens as _, quote};
use site_compiler::diagnostic::summary;
use site_compiler::embed::redirects::Redirect;
use site_compiler::embed::{
    self as embed, AssetSource, DEFAULT_BASE_URL, EmbedOptions, Embedded, Encoded, Variants,
};
use site_compiler::{Bundle, Diagnostic, Options, Severity};
use std::path::{Path, PathBuf};
use syn::LitStr;

/// Expands `include_site!("path/to/content")`.
pub(crate) fn expand(input: TokenStream) -> TokenStream {
    let Args { path, lenient } = match syn::parse2(input) {
        Ok(args) => args,
        Err(error) => return error.to_compile_error(),
    };
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_default();
    let content_dir = manifest_dir.join(path.value());
    let options = Options { lenient };
    let compiled = match site_compiler::compile(&content_dir, &options) {
        Ok(compiled) => compiled,
        Err(error) => return compile_error(&path, &error),
    };
    let embed_options = EmbedOptions {
        lenient: options.lenient,
        base_url: std::env::var(BASE_URL_VAR).unwrap_or_else(|_| DEFAULT_BASE_URL.into()),
    };
    let embedded = match embed::embed(&content_dir, &compiled.value, &embed_options) {
        Ok(embedded) => embedded,
        Err(error) => return compile_error(&path, &error),
    };
    let mut diagnostics = compiled.diagnostics.clone();
    diagnostics.extend(embedded.diagnostics.iter().cloned());
    diagnostics.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
    let report = report(&path, &diagnostics);
    let site = site_literal(&compiled.value, &embedded.value);
    quote! {
        {
            #report
            #site
        }
    }
}

/// One `compile_error!` per error and one deprecation warning per warning (the only warning a
/// macro can raise on stable Rust), all at the macro's path argument, then the count.
fn report(path: &LitStr, diagnostics: &[Diagnostic]) -> TokenStream {
    let items = diagnostics.iter().enumerate().map(|(index, diagnostic)| {
        let message = diagnostic.to_string();
        match diagnostic.severity {
            Severity::Error => quote_spanned! { path.span() => compile_error!(#message); },
            Severity::Warning => {
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

/// The environment variable naming the site's public URL, for the sitemap.
const BASE_URL_VAR: &str = "SITE_BASE_URL";

fn compile_error(path: &LitStr, error: &site_compiler::Error) -> TokenStream {
    let message = error.to_string();
    quote::quote_spanned! { path.span() => compile_error!(#message) }
}

fn site_literal(bundle: &Bundle, embedded: &Embedded) -> TokenStream {
    let pages = bundle
        .pages
        .iter()
        .zip(&embedded.pages)
        .map(|(page, variants)| {
            let route = &page.route;
            let title = &page.title;
            let description = &page.description;
            let front_matter = &page.front_matter;
            let body = Literal::string(&page.body);
            let html = Literal::string(&page.html);
            let (etag, br, gzip) = variants_literals(variants);
            quote! {
                ::site::Page {
                    route: #route,
                    title: #title,
                    description: #description,
                    front_matter: #front_matter,
                    body: ::site::__private::PreEscaped(#body),
                    html: #html,
                    etag: #etag,
                    br: #br,
                    gzip: #gzip,
                }
            }
        });
    let assets = embedded.assets.iter().map(|asset| {
        let route = &asset.route;
        let content_type = &asset.content_type;
        let bytes = match &asset.source {
            AssetSource::File(path) => {
                let path = path_literal(path);
                quote! { include_bytes!(#path) }
            }
            AssetSource::Generated(bytes) => Literal::byte_string(bytes).into_token_stream(),
        };
        let immutable = asset.immutable;
        let (etag, br, gzip) = variants_literals(&asset.variants);
        quote! {
            ::site::Asset {
                route: #route,
                content_type: #content_type,
                bytes: #bytes,
                etag: #etag,
                br: #br,
                gzip: #gzip,
                immutable: #immutable,
            }
        }
    });
    let redirects = embedded.redirects.iter().map(|Redirect { from, to }| {
        quote! { ::site::Redirect { from: #from, to: #to } }
    });
    // Naming every source file lets rustc's dep-info track edits to it, and reading the base
    // URL through `option_env!` makes a change of it rebuild the sitemap.
    let sources = bundle
        .sources
        .iter()
        .chain(&embedded.sources)
        .map(|source| {
            let path = path_literal(source);
            quote! { const _: &[u8] = include_bytes!(#path); }
        });
    let not_found = Literal::string(&bundle.not_found);
    let (not_found_etag, not_found_br, not_found_gzip) = variants_literals(&embedded.not_found);
    quote! {
        {
            #(#sources)*
            const _: Option<&str> = option_env!(#BASE_URL_VAR);
            ::site::Site {
                pages: &[#(#pages),*],
                assets: &[#(#assets),*],
                redirects: &[#(#redirects),*],
                not_found: ::site::Page {
                    route: "/404",
                    title: "Page not found",
                    description: "",
                    front_matter: "{}",
                    body: ::site::__private::PreEscaped(""),
                    html: #not_found,
                    etag: #not_found_etag,
                    br: #not_found_br,
                    gzip: #not_found_gzip,
                },
            }
        }
    }
}

/// The entity tag, brotli and gzip `::site::Encoded` literals of `variants`: one literal per
/// encoding.
fn variants_literals(variants: &Variants) -> (LitStr, TokenStream, TokenStream) {
    let encoded = |encoded: &Option<Encoded>| match encoded {
        Some(Encoded { bytes, etag }) => {
            let bytes = Literal::byte_string(bytes);
            quote! { ::site::Encoded { bytes: #bytes, etag: #etag } }
        }
        None => quote! { ::site::Encoded::NONE },
    };
    let etag = LitStr::new(&variants.etag, Span::call_site());
    (etag, encoded(&variants.br), encoded(&variants.gzip))
}

fn path_literal(path: &Path) -> LitStr {
    LitStr::new(&path.to_string_lossy(), Span::call_site())
}
