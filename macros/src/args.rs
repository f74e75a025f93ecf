//! The macro's arguments:
//! `include_site!("path/to/content" [, base = "/docs"] [, strict | lenient] [, documents | fragments]
//! [, untrusted] [, compressed])`.

use site_compiler::Output;
use syn::parse::{Parse, ParseStream};
use syn::{Ident, LitStr, Token};

/// What `include_site!` was asked to do.
pub(crate) struct Args {
    /// The content folder, relative to the calling crate's `Cargo.toml`.
    pub(crate) path: LitStr,
    /// Report content problems as warnings instead of errors.
    pub(crate) lenient: bool,
    /// The content's authors are not trusted (`site_compiler::Options::untrusted`).
    pub(crate) untrusted: bool,
    /// The path the site is mounted under, empty at the root.
    pub(crate) base_path: String,
    /// Complete documents or content fragments.
    pub(crate) output: Output,
    /// Embed compressed variants in debug builds too (release builds always do).
    pub(crate) compressed: bool,
}

impl Parse for Args {
    fn parse(input: ParseStream<'_>) -> syn::Result<Args> {
        let path: LitStr = input.parse()?;
        let mut args = Args {
            path,
            lenient: false,
            untrusted: false,
            base_path: String::new(),
            output: Output::Documents,
            compressed: false,
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
                "untrusted" => args.untrusted = true,
                "documents" => args.output = Output::Documents,
                "fragments" => args.output = Output::Fragments,
                "compressed" => args.compressed = true,
                "base" => {
                    input.parse::<Token![=]>()?;
                    let base: LitStr = input.parse()?;
                    args.base_path = site_compiler::base_path(&base.value())
                        .map_err(|message| syn::Error::new(base.span(), message))?;
                }
                other => {
                    let message = format!(
                        "unknown option `{other}`: expected `base = \"/path\"`, `strict`, \
                         `lenient`, `documents`, `fragments`, `untrusted` or `compressed`"
                    );
                    return Err(syn::Error::new(option.span(), message));
                }
            }
        }
        Ok(args)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_option() -> syn::Result<()> {
        let args: Args = syn::parse_str(
            r#""content", base = "/docs/", lenient, fragments, untrusted, compressed"#,
        )?;
        assert_eq!(args.path.value(), "content");
        assert_eq!(args.base_path, "/docs");
        assert!(args.lenient);
        assert!(args.untrusted);
        assert!(args.compressed);
        assert_eq!(args.output, Output::Fragments);
        let args: Args = syn::parse_str(r#""content","#)?;
        assert_eq!(args.base_path, "");
        assert!(!args.lenient);
        assert!(!args.untrusted);
        assert_eq!(args.output, Output::Documents);
        Ok(())
    }

    #[test]
    fn rejects_bad_options_and_base_paths() {
        for bad in [
            r#""content", quick"#,
            r#""content", base = "docs""#,
            r#""content", base = "/a b""#,
            r#""content", base = "/a/../b""#,
            r#""content", base = "/a?x""#,
            r#""content", base"#,
        ] {
            assert!(syn::parse_str::<Args>(bad).is_err(), "{bad}");
        }
    }
}
