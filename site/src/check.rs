//! `site check`: the build's checks, run at run time on any content folder, for content
//! repositories' CI and for authors who do not build Rust.

use site_compiler::diagnostic::{count, summary};
use site_compiler::{Build, Options};
use std::io::{self, Write};
use std::path::Path;

/// Checks the content folder `dir` exactly as the build does (nothing is compressed), writes
/// every diagnostic and a summary to `out`, and tells whether it is free of errors (warnings do
/// not fail a check).
pub fn check(dir: &Path, lenient: bool, out: &mut impl Write) -> io::Result<bool> {
    let options = Options {
        lenient,
        ..Options::default()
    };
    let build = site_compiler::build(dir, &options).map_err(io::Error::other)?;
    let (diagnostics, summary) = report(&build);
    writeln!(out, "{diagnostics}{summary}")?;
    Ok(!build.failed())
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
