//! The macro's arguments: `include_site!("path/to/content")` or
//! `include_site!("path/to/content", lenient)`.

use syn::parse::{Parse, ParseStream};
use syn::{Ident, LitStr, Token};

/// What `include_site!` was asked to do.
pub(crate) struct Args {
    /// The content folder, relative to the calling crate's `Cargo.toml`.
    pub(crate) path: LitStr,
    /// Report content problems as warnings instead of errors.
    pub(crate) lenient: bool,
}

impl Parse for Args {
    fn parse(input: ParseStream<'_>) -> syn::Result<Args> {
        let path: LitStr = input.parse()?;
        let mut args = Args {
            path,
            lenient: false,
        };
        while !input.is_empty() {
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                break;
            }
            let option: Ident = input.parse()?;
            match option.to_string().as_str() {
                "lenient" => args.lenient = true,
                "strict" => args.lenient = false,
                other => {
                    let message =
                        format!("unknown option `{other}`: expected `strict` or `lenient`");
                    return Err(syn::Error::new(option.span(), message));
                }
            }
        }
        Ok(args)
    }
}
