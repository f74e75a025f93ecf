//! `site check`: the build's checks, run at run time on any content folder, for content
//! repositories' CI and for authors who do not build Rust.

use site_compiler::diagnostic::{count, summary};
use site_compiler::{Build, Diagnostic, Options};
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::Path;

/// How to check.
#[derive(Debug, Clone, Copy, Default)]
pub struct Checks {
    /// Problems are warnings.
    pub lenient: bool,
    /// The content's authors are not trusted ([`Options::untrusted`]).
    pub untrusted: bool,
}

/// Checks the content folder `dir` exactly as the build does (nothing is compressed), writes
/// every diagnostic and a summary to `out`, and tells whether it is free of errors (warnings do
/// not fail a check).
pub fn check(dir: &Path, checks: Checks, out: &mut impl Write) -> io::Result<bool> {
    let Checks { lenient, untrusted } = checks;
    let options = Options {
        lenient,
        untrusted,
        ..Options::default()
    };
    let build = site_compiler::build(dir, &options).map_err(io::Error::other)?;
    let (diagnostics, summary) = report(&build);
    writeln!(out, "{diagnostics}{summary}")?;
    if lenient {
        write!(out, "{}", where_to_start(&build.diagnostics))?;
    }
    Ok(!build.failed())
}

/// `counts` most first; equal counts in name order (the map's, kept by a stable sort).
fn most_first(counts: BTreeMap<&str, usize>) -> Vec<(&str, usize)> {
    let mut counts: Vec<(&str, usize)> = counts.into_iter().collect();
    counts.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    counts
}

/// For a team migrating many pages: the problems counted by kind, most first, and the three
/// files with the most problems. Empty when there is none.
fn where_to_start(diagnostics: &[Diagnostic]) -> String {
    if diagnostics.is_empty() {
        return String::new();
    }
    let mut by_kind: BTreeMap<&str, usize> = BTreeMap::new();
    let mut by_file: BTreeMap<&str, usize> = BTreeMap::new();
    for diagnostic in diagnostics {
        *by_kind.entry(diagnostic.code.as_str()).or_default() += diagnostic.count;
        *by_file.entry(&diagnostic.path).or_default() += diagnostic.count;
    }
    let kinds: Vec<String> = most_first(by_kind)
        .into_iter()
        .map(|(kind, n)| format!("{n} {kind}"))
        .collect();
    let files: Vec<String> = most_first(by_file)
        .into_iter()
        .take(3)
        .map(|(file, n)| format!("{file} ({n})"))
        .collect();
    format!(
        "by kind: {}\nmost problems: {}\n",
        kinds.join(", "),
        files.join(", ")
    )
}

/// What a report of `build` says: every diagnostic as the compiler prints it, each followed by
/// a blank line, and the closing count (`1 error, 0 warnings in 7 pages`).
pub(crate) fn report(build: &Build) -> (String, String) {
    let diagnostics = build
        .diagnostics
        .iter()
        .map(|diagnostic| format!("{diagnostic}\n\n"))
        .collect();
    let pages = count(build.pages.len(), "page");
    (
        diagnostics,
        format!("{} in {pages}", summary(&build.diagnostics)),
    )
}
