//! Internal proc-macro crate of `site_compiler`: `#[derive(Props)]`.
//!
//! A component declares its props once, as a struct whose fields are the props:
//!
//! ```text
//! #[derive(Props)]
//! #[props(ui)]                                   // it also takes `ui` (and/or `class`)
//! struct MicroCard {
//!     url_wrapper: Option<String>,               // prop `urlWrapper`, text
//!     title: Option<Markdown>,                   // prop `title`, markdown
//!     #[prop(default = "false")]
//!     clipboard: bool,                           // prop `clipboard`, a boolean
//!     #[prop(name = "cardID", kind = PropKind::List)]
//!     card_id: Spanned<Vec<Value>>,
//! }
//! ```
//!
//! The derive implements `ReadProps`: `PROPS`, the declarations the checks, the defaults and
//! the guide read (each field's name in camelCase unless `name` says otherwise; its kind from
//! its type unless `kind` says otherwise; its default from `default`), and `read`, which
//! builds the struct from a use's resolved props. So a render function reads
//! `props.url_wrapper`, and a misspelt prop is a Rust compile error.

use proc_macro::TokenStream;
use proc_macro2::TokenStream as Tokens;
use quote::quote;
use syn::{Data, DeriveInput, Expr, Fields, LitStr, parse_macro_input};

/// Implements `ReadProps` for a struct of props; see the crate documentation.
#[proc_macro_derive(Props, attributes(prop, props))]
pub fn derive_props(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

fn expand(input: &DeriveInput) -> syn::Result<Tokens> {
    let Data::Struct(data) = &input.data else {
        return Err(syn::Error::new_spanned(
            input,
            "`Props` is derived for structs",
        ));
    };
    let Fields::Named(fields) = &data.fields else {
        return Err(syn::Error::new_spanned(input, "`Props` needs named fields"));
    };
    let props = quote! { crate::components::props };
    let mut specs = Vec::new();
    let mut reads = Vec::new();
    for field in &fields.named {
        let Some(ident) = &field.ident else { continue };
        let ty = &field.ty;
        let mut name = camel_case(&ident.to_string());
        let mut kind: Option<Expr> = None;
        let mut default: Option<LitStr> = None;
        for attribute in field.attrs.iter().filter(|a| a.path().is_ident("prop")) {
            attribute.parse_nested_meta(|meta| {
                if meta.path.is_ident("name") {
                    name = meta.value()?.parse::<LitStr>()?.value();
                } else if meta.path.is_ident("kind") {
                    kind = Some(meta.value()?.parse()?);
                } else if meta.path.is_ident("default") {
                    default = Some(meta.value()?.parse()?);
                } else {
                    return Err(meta.error("expected `name`, `kind` or `default`"));
                }
                Ok(())
            })?;
        }
        let kind = match kind {
            Some(kind) => quote! { #kind },
            None => quote! { <#ty as #props::FromProp>::KIND },
        };
        let default = match default {
            Some(default) => quote! { Some(#default) },
            None => quote! { None },
        };
        specs.push(quote! {
            #props::PropSpec { name: #name, kind: #kind, default: #default }
        });
        reads.push(quote! { #ident: #props::FromProp::from_prop(props, #name) });
    }
    for attribute in input.attrs.iter().filter(|a| a.path().is_ident("props")) {
        attribute.parse_nested_meta(|meta| {
            if meta.path.is_ident("ui") {
                specs.push(quote! { crate::components::UI });
            } else if meta.path.is_ident("class") {
                specs.push(quote! { crate::components::CLASS });
            } else {
                return Err(meta.error("expected `ui` or `class`"));
            }
            Ok(())
        })?;
    }
    let name = &input.ident;
    let (impl_generics, type_generics, where_clause) = input.generics.split_for_impl();
    Ok(quote! {
        impl #impl_generics #props::ReadProps for #name #type_generics #where_clause {
            const PROPS: &'static [#props::PropSpec] = &[#(#specs),*];

            fn read(props: &#props::Props) -> Self {
                #name { #(#reads),* }
            }
        }
    })
}

/// `url_wrapper` → `urlWrapper`.
fn camel_case(snake: &str) -> String {
    let mut camel = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = !camel.is_empty();
        } else if upper {
            camel.extend(c.to_uppercase());
            upper = false;
        } else {
            camel.push(c);
        }
    }
    camel
}
