//! `site check`: the content checks of the build, run at run time on any content folder,
//! for content repositories' CI and for authors who do not build Rust.

use site_compiler::diagnostic::{count, summary};
use site_compiler::{Options, Severity};
use std::io::{self, Write};
use std::path::Path;

/// Checks the content folder `dir`, writes every diagnostic and a summary to `out`, and tells
/// whether it is free of errors (warnings do not fail a check).
pub fn check(dir: &Path, lenient: bool, out: &mut impl Write) -> io::Result<bool> {
    let compiled = site_compiler::analyse(
        dir,
        &Options {
            lenient,
            ..Options::default()
        },
    )
    .map_err(io::Error::other)?;
    for diagnostic in &compiled.diagnostics {
        writeln!(out, "{diagnostic}\n")?;
    }
    let pages = compiled.value.pages.len();
    let pages = count(pages, "page");
    writeln!(out, "{} in {pages}", summary(&compiled.diagnostics))?;
    Ok(!compiled
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error))
}
