//! The redirect table: `redirects.yml` at the top of the content folder maps old paths to the
//! routes that replaced them. Every target must be a page's route, checked at compile time.
//!
//! ```yaml
//! # old path: route of the page that replaced it (an `#anchor` may follow)
//! /lwm2m: /lwm2m/about
//! /wg/dmso: /omaspecworks/collaborate/working-groups#dmso
//! ```

use crate::diagnostic::{Code, Diagnostics, closest};
use crate::source::{SourceFile, Span};
use crate::yaml::Children;
use serde_json::Value;

/// One old path and where it moved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redirect {
    /// The old path, percent-decoded, without trailing slash (`/lwm2m`).
    pub from: String,
    /// The `Location` to send: a page's route, maybe with an `#anchor`.
    pub to: String,
}

/// Reads the redirect table in `file`, checking each entry against the site's `pages` routes
/// and `assets` routes (an old path must not hide either). Entries with problems are dropped
/// after a diagnostic at the key or value concerned; the result is sorted by `from`.
pub fn parse(
    file: &SourceFile,
    pages: &[&str],
    assets: &[&str],
    diagnostics: &mut Diagnostics,
) -> Vec<Redirect> {
    let (value, spans) = match crate::yaml::parse(&file.text, &|at| at) {
        Ok(parsed) => parsed,
        Err(error) => {
            diagnostics.error(file, Span::at(error.at), Code::Redirects, error.message);
            return Vec::new();
        }
    };
    let (mapping, entries) = match (value, spans.children) {
        (Value::Object(mapping), Children::Map(entries)) => (mapping, entries),
        (Value::Null, _) => return Vec::new(),
        _ => {
            diagnostics
                .error(
                    file,
                    spans.value,
                    Code::Redirects,
                    "the redirect table must be a mapping of old paths to routes",
                )
                .help = Some("write one `/old/path: /new/route` per line".into());
            return Vec::new();
        }
    };
    let mut redirects = Vec::with_capacity(mapping.len());
    for (from, key_span, value_spans) in &entries {
        let Some(Value::String(to)) = mapping.get(from) else {
            diagnostics.error(
                file,
                *key_span,
                Code::Redirects,
                "each entry must map a path to a route, both strings",
            );
            continue;
        };
        let Some(decoded) = old_path(from) else {
            diagnostics
                .error(
                    file,
                    *key_span,
                    Code::RedirectFrom,
                    format!("`{from}` is not a path this table can redirect"),
                )
                .help = Some(
                "an old path starts with `/`, has no `?` or `#`, and is not `/` itself".into(),
            );
            continue;
        };
        if pages.contains(&decoded.as_str()) || assets.contains(&decoded.as_str()) {
            diagnostics
                .error(
                    file,
                    *key_span,
                    Code::RedirectShadows,
                    format!("`{from}` is served by the site: redirecting it would hide it"),
                )
                .help = Some("remove this entry".into());
            continue;
        }
        let route = to.split_once('#').map_or(to.as_str(), |(route, _)| route);
        if !pages.contains(&route) {
            let diagnostic = diagnostics.error(
                file,
                value_spans.value,
                Code::RedirectTarget,
                format!("`{route}` is no page's route"),
            );
            if let Some(page) = closest(route, pages.iter().copied()) {
                diagnostic.help = Some(format!("did you mean `{page}`?"));
            }
            continue;
        }
        redirects.push(Redirect {
            from: decoded,
            to: to.clone(),
        });
    }
    redirects.sort_by(|a, b| a.from.cmp(&b.from));
    redirects.dedup_by(|a, b| a.from == b.from);
    redirects
}

/// `path` percent-decoded and without its trailing slash, if it can be an old path: absolute,
/// no query or fragment, not the home page.
fn old_path(path: &str) -> Option<String> {
    if !path.starts_with('/') || path.contains(['?', '#']) {
        return None;
    }
    let decoded = percent_encoding::percent_decode_str(path)
        .decode_utf8()
        .ok()?;
    let trimmed = decoded.trim_end_matches('/');
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Diagnostic;
    use std::path::PathBuf;

    const PAGES: [&str; 3] = ["/", "/lwm2m/about", "/omaspecworks/about"];
    const ASSETS: [&str; 1] = ["/images/x.png"];

    fn parse_table(text: &str) -> (Vec<Redirect>, Vec<Diagnostic>) {
        let file = SourceFile::new("content/redirects.yml", PathBuf::new(), text);
        let mut diagnostics = Diagnostics::new(false);
        let redirects = parse(&file, &PAGES, &ASSETS, &mut diagnostics);
        (redirects, diagnostics.finish())
    }

    fn redirect(from: &str, to: &str) -> Redirect {
        Redirect {
            from: from.into(),
            to: to.into(),
        }
    }

    #[test]
    fn maps_old_paths_to_routes_sorted() {
        let (redirects, diagnostics) = parse_table(
            "# moved pages\n/lwm2m: /lwm2m/about\n\"/about-us/\": /omaspecworks/about#team\n/caf%C3%A9: /\n",
        );
        assert_eq!(diagnostics, []);
        assert_eq!(
            redirects,
            [
                redirect("/about-us", "/omaspecworks/about#team"),
                redirect("/café", "/"),
                redirect("/lwm2m", "/lwm2m/about"),
            ]
        );
    }

    #[test]
    fn an_empty_table_is_no_redirect() {
        assert_eq!(parse_table("# nothing yet\n"), (vec![], vec![]));
    }

    #[test]
    fn a_target_that_is_no_page_is_an_error_at_its_line_and_column() {
        let (redirects, diagnostics) = parse_table("/a: /lwm2m/about\n/old:   /lwm2m/abot#x\n");
        assert_eq!(redirects, [redirect("/a", "/lwm2m/about")]);
        let [diagnostic] = &diagnostics[..] else {
            panic!("{diagnostics:?}")
        };
        assert_eq!(
            diagnostic.to_string(),
            "content/redirects.yml:2:9: error: `/lwm2m/abot` is no page's route\n  |\n2 | /old:   /lwm2m/abot#x\n  |         ^^^^^^^^^^^^^ help: did you mean `/lwm2m/about`?"
        );
        assert_eq!(diagnostic.code, "redirect-target");
    }

    #[test]
    fn an_old_path_must_not_hide_a_page_or_an_asset() {
        let (redirects, diagnostics) =
            parse_table("/lwm2m/about/: /\n/images/x.png: /\n/: /lwm2m/about\nnot-a-path: /\n");
        assert_eq!(redirects, []);
        let found: Vec<_> = diagnostics
            .iter()
            .map(|d| (d.line, d.code.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (1, "redirect-shadows"),
                (2, "redirect-shadows"),
                (3, "redirect-from"),
                (4, "redirect-from"),
            ]
        );
    }

    #[test]
    fn bad_yaml_and_duplicates_are_errors() {
        let (_, diagnostics) = parse_table("/a: /\n/a: /lwm2m/about\n");
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        assert_eq!(diagnostics[0].code, "redirects");
        assert!(
            diagnostics[0].message.contains("duplicate"),
            "{diagnostics:?}"
        );
        let (_, diagnostics) = parse_table("- /a\n- /b\n");
        assert_eq!(diagnostics[0].code, "redirects");
        let (_, diagnostics) = parse_table("/a: [/b]\n");
        assert_eq!(
            (diagnostics[0].line, diagnostics[0].code.as_str()),
            (1, "redirects")
        );
    }
}
