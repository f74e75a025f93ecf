//! Links, images and other URLs: internal targets must exist. (A URL that runs a script is
//! reported as it is written: `render::script`.)

use super::PageIndex;
use crate::diagnostic::Code;
use crate::diagnostic::Diagnostics;
use crate::render::{WrittenUrl, script};
use crate::source::{SourceFile, Span};

/// What a URL points at.
#[derive(Debug, PartialEq, Eq)]
enum Target<'a> {
    /// Another site (or a scheme such as `mailto:`): not checked.
    External,
    /// A path on this site and an optional `#anchor`.
    Internal {
        path: String,
        anchor: Option<&'a str>,
    },
}

fn classify<'a>(url: &'a str, route: &str) -> Target<'a> {
    // A URL with a scheme, as a browser reads it.
    if script::scheme(url).is_some() {
        return Target::External;
    }
    let (without_anchor, anchor) = match url.split_once('#') {
        Some((path, anchor)) => (path, Some(anchor)),
        None => (url, None),
    };
    let path = without_anchor.split('?').next().unwrap_or("");
    if path.starts_with("//") {
        return Target::External;
    }
    let path = if path.is_empty() {
        route.to_string()
    } else if path.starts_with('/') {
        path.to_string()
    } else {
        // A relative path resolves against the page's folder, as in a browser.
        let base = route.rsplit_once('/').map_or("", |(folder, _)| folder);
        resolve_dots(&format!("{base}/{path}"))
    };
    Target::Internal {
        path,
        anchor: anchor.filter(|a| !a.is_empty()),
    }
}

fn resolve_dots(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "." | "" => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    format!("/{}", parts.join("/"))
}

/// Checks the URLs one page writes against the site.
pub(super) fn check(
    file: &SourceFile,
    route: &str,
    urls: &[WrittenUrl],
    site: &PageIndex,
    diagnostics: &mut Diagnostics,
) {
    for url in urls {
        let span = url.span;
        match classify(&url.url, route) {
            Target::External => {}
            Target::Internal { path, anchor } => {
                check_internal(file, span, url, &path, anchor, site, diagnostics)
            }
        }
    }
}

fn check_internal(
    file: &SourceFile,
    span: Span,
    url: &WrittenUrl,
    path: &str,
    anchor: Option<&str>,
    site: &PageIndex,
    diagnostics: &mut Diagnostics,
) {
    let decoded = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    let canonical = match decoded.strip_suffix('/') {
        Some("") | None => decoded.as_ref(),
        Some(stripped) => stripped,
    };
    if let Some(ids) = site.pages.get(canonical) {
        if let Some(anchor) = anchor {
            if !ids.iter().any(|id| id == anchor) {
                let help = match crate::diagnostic::closest(anchor, ids.iter().map(String::as_str))
                {
                    Some(near) => format!("did you mean `#{near}`?"),
                    None => format!("`{canonical}` has no heading or element with id `{anchor}`"),
                };
                diagnostics
                    .error(
                        file,
                        span,
                        Code::MissingAnchor,
                        format!("link to a missing anchor `#{anchor}` on `{canonical}`"),
                    )
                    .help = Some(help);
            }
        }
        return;
    }
    if site.assets.contains(canonical) {
        return;
    }
    let is_image = url.tag == "img"
        || matches!(url.attribute.as_str(), "srcset" | "style")
        || (url.attribute == "src" && url.tag != "iframe");
    if is_image {
        diagnostics
            .error(
                file,
                span,
                Code::MissingImage,
                format!("image `{path}` not found"),
            )
            .help = Some(format!(
            "put the file at `public{canonical}` in the content folder"
        ));
    } else {
        let routes = site.pages.keys().map(String::as_str);
        let help = match crate::diagnostic::closest(canonical, routes) {
            Some(near) => format!("did you mean `{near}`?"),
            None => "no page or file has this path".into(),
        };
        diagnostics
            .error(
                file,
                span,
                Code::BrokenLink,
                format!("link to `{path}`, which no page or file has"),
            )
            .help = Some(help);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_classified() {
        assert_eq!(classify("https://x.org/a", "/p"), Target::External);
        assert_eq!(classify("mailto:a@b.c", "/p"), Target::External);
        assert_eq!(classify("//cdn.x/a.js", "/p"), Target::External);
        assert_eq!(classify(" JavaScript:alert(1)", "/p"), Target::External);
        assert_eq!(
            classify("/a/b/#dmso", "/p"),
            Target::Internal {
                path: "/a/b/".into(),
                anchor: Some("dmso")
            }
        );
        assert_eq!(
            classify("#top", "/a/b"),
            Target::Internal {
                path: "/a/b".into(),
                anchor: Some("top")
            }
        );
        assert_eq!(
            classify("c?x=1", "/a/b"),
            Target::Internal {
                path: "/a/c".into(),
                anchor: None
            }
        );
        assert_eq!(
            classify("../d", "/a/b/c"),
            Target::Internal {
                path: "/a/d".into(),
                anchor: None
            }
        );
    }
}
