//! Internal proc-macro crate of `site`: use `site::include_site!` instead.
//!
//! The macro is a thin shell: it reads its arguments, runs [`site_compiler::build`] and
//! turns the result into one static table; the large strings and bytes in it are two files
//! the expansion includes (see `blobs`).

mod args;
mod blobs;
mod emit;

use proc_macro::TokenStream;

/// Compiles a content folder into a `::site::Site`. See `site::include_site!`.
#[proc_macro]
pub fn include_site(input: TokenStream) -> TokenStream {
    let input = proc_macro2::TokenStream::from(input);
    // A bug in the compiler must surface as a readable compile error, never as a rustc crash.
    let expanded = std::panic::catch_unwind(|| emit::expand(input)).unwrap_or_else(|panic| {
        let reason = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let message = format!("internal error in site_macros: {reason}");
        quote::quote! { compile_error!(#message) }
    });
    expanded.into()
}
