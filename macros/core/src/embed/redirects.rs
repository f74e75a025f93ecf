//! The redirect table: `redirects.yml` at the top of the content folder maps old paths to the
//! routes that replaced them. Every target must be a page's route, checked at compile time.
//!
//! ```yaml
//! # old path: route of the page that replaced it (an `#anchor` may follow)
//! /lwm2m: /lwm2m/about
//! /wg/dmso: /omaspecworks/collaborate/working-groups#dmso
//! ```

use crate::diagnostic::Code;
use crate::diagnostic::Diagnostics;
use crate::source::{SourceFile, Span};
use serde_yaml::Value;

/// The file name of the redirect table, at the top of the content folder.
pub const FILE: &str = "redirects.yml";

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
/// after a diagnostic; the result is sorted by `from`.
pub fn parse(
    file: &SourceFile,
    pages: &[&str],
    assets: &[&str],
    diagnostics: &mut Diagnostics,
) -> Vec<Redirect> {
    let value: Value = match serde_yaml::from_str(&file.text) {
        Ok(value) => value,
        Err(error) => {
            let at = error.location().map_or(0, |location| location.index());
            diagnostics.error(file, Span::at(at), Code::Redirects, format!("{error}"));
            return Vec::new();
        }
    };
    let mapping = match value {
        Value::Mapping(mapping) => mapping,
        Value::Null => return Vec::new(),
        _ => {
            diagnostics
                .error(
                    file,
                    Span::at(0),
                    Code::Redirects,
                    "the redirect table must be a mapping of old paths to routes",
                )
                .help = Some("write one `/old/path: /new/route` per line".into());
            return Vec::new();
        }
    };
    let mut redirects = Vec::with_capacity(mapping.len());
    for (key, value) in &mapping {
        let (Value::String(from), Value::String(to)) = (key, value) else {
            let span = key.as_str().map_or(Span::at(0), |key| locate(file, key));
            diagnostics.error(
                file,
                span,
                Code::Redirects,
                "each entry must map a path to a route, both strings",
            );
            continue;
        };
        let span = locate(file, from);
        let Some(decoded) = old_path(from) else {
            diagnostics
                .error(
                    file,
                    span,
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
                    span,
                    Code::RedirectShadows,
                    format!("`{from}` is served by the site: redirecting it would hide it"),
                )
                .help = Some("remove this entry".into());
            continue;
        }
        let route = to.split_once('#').map_or(to.as_str(), |(route, _)| route);
        if !pages.contains(&route) {
            let span = locate_value(file, span, to);
            let diagnostic = diagnostics.error(
                file,
                span,
                Code::RedirectTarget,
                format!("`{route}` is no page's route"),
            );
            let closest = pages
                .iter()
                .map(|page| (strsim::jaro_winkler(page, route), *page))
                .filter(|(score, _)| *score > 0.8)
                .max_by(|a, b| a.0.total_cmp(&b.0));
            if let Some((_, page)) = closest {
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

/// The span of the key `key` in the table: the first line that starts with it (maybe quoted)
/// followed by `:`.
fn locate(file: &SourceFile, key: &str) -> Span {
    let mut offset = 0;
    for line in file.text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start().len();
        let rest = &line[indent..];
        for quote in ["", "\"", "'"] {
            let Some(after) = rest
                .strip_prefix(quote)
                .and_then(|rest| rest.strip_prefix(key))
                .and_then(|rest| rest.strip_prefix(quote))
            else {
                continue;
            };
            if after.trim_start().starts_with(':') {
                let start = offset + indent;
                return Span::new(start, start + key.len() + 2 * quote.len());
            }
        }
        offset += line.len();
    }
    Span::at(0)
}

/// The span of `value` on the line of the key at `key`, else the key's span.
fn locate_value(file: &SourceFile, key: Span, value: &str) -> Span {
    let start = key.end as usize;
    let line_end = file.text[start..]
        .find('\n')
        .map_or(file.text.len(), |end| start + end);
    match file.text[start..line_end].find(value) {
        Some(at) => Span::new(start + at, start + at + value.len()),
        None => key,
    }
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
