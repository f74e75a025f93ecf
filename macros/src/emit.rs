//! Arguments in, tokens out: `Bundle` → one `::site::Site` literal.

use proc_macro2::{Literal, Span, TokenStream};
use quote::quote;
use site_compiler::{Bundle, Options, Severity};
use std::path::{Path, PathBuf};
use syn::LitStr;

/// Expands `include_site!("path/to/content")`.
pub(crate) fn expand(input: TokenStream) -> TokenStream {
    let path: LitStr = match syn::parse2(input) {
        Ok(path) => path,
        Err(error) => return error.to_compile_error(),
    };
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_default();
    let content_dir = manifest_dir.join(path.value());
    let options = Options::default();
    let compiled = match site_compiler::compile(&content_dir, &options) {
        Ok(compiled) => compiled,
        Err(error) => {
            let message = error.to_string();
            return quote::quote_spanned! { path.span() => compile_error!(#message) };
        }
    };
    let errors = compiled
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error);
    let errors: Vec<TokenStream> = errors
        .map(|diagnostic| {
            let message = diagnostic.to_string();
            quote::quote_spanned! { path.span() => compile_error!(#message); }
        })
        .collect();
    let site = site_literal(&compiled.value);
    quote! {
        {
            #(#errors)*
            #site
        }
    }
}

fn site_literal(bundle: &Bundle) -> TokenStream {
    let pages = bundle.pages.iter().map(|page| {
        let route = &page.route;
        let title = &page.title;
        let description = &page.description;
        let front_matter = &page.front_matter;
        let body = Literal::string(&page.body);
        let html = Literal::string(&page.html);
        quote! {
            ::site::Page {
                route: #route,
                title: #title,
                description: #description,
                front_matter: #front_matter,
                body: ::site::__private::PreEscaped(#body),
                html: #html,
            }
        }
    });
    let assets = bundle.assets.iter().map(|asset| {
        let route = &asset.route;
        let content_type = &asset.content_type;
        let path = path_literal(&asset.path);
        quote! {
            ::site::Asset { route: #route, content_type: #content_type, bytes: include_bytes!(#path) }
        }
    });
    // Naming every source file lets rustc's dep-info track edits to it.
    let sources = bundle.sources.iter().map(|source| {
        let path = path_literal(source);
        quote! { const _: &[u8] = include_bytes!(#path); }
    });
    let not_found = Literal::string(&bundle.not_found);
    quote! {
        {
            #(#sources)*
            ::site::Site {
                pages: &[#(#pages),*],
                assets: &[#(#assets),*],
                not_found: #not_found,
            }
        }
    }
}

fn path_literal(path: &Path) -> LitStr {
    LitStr::new(&path.to_string_lossy(), Span::call_site())
}
