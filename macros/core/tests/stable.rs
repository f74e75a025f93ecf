//! Compiling the content twice, in two separate processes, gives the same pages, the same
//! compressed variants and the same entity tags: nothing depends on hash-map order, time,
//! threads or addresses.

use std::path::{Path, PathBuf};
use std::process::Command;

use site_compiler::{Compression, Options};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// Set in the child processes: where to write what they compiled.
const DUMP_TO: &str = "SITE_STABLE_DUMP_TO";
const TEST: &str = "compiling_twice_in_two_processes_gives_the_same_bytes_and_etags";

#[test]
fn compiling_twice_in_two_processes_gives_the_same_bytes_and_etags() -> TestResult {
    if let Some(path) = std::env::var_os(DUMP_TO) {
        return dump(Path::new(&path));
    }
    let dir = std::env::temp_dir().join(format!("site-stable-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let dumps: Vec<PathBuf> = (0..2).map(|n| dir.join(format!("{n}.txt"))).collect();
    for dump in &dumps {
        let status = Command::new(std::env::current_exe()?)
            .args(["--exact", TEST, "--test-threads=1"])
            .env(DUMP_TO, dump)
            .status()?;
        assert!(status.success());
    }
    let (first, second) = (std::fs::read(&dumps[0])?, std::fs::read(&dumps[1])?);
    assert!(
        first.len() > 10_000,
        "too little compiled: {} bytes",
        first.len()
    );
    assert!(first == second, "the two compilations differ");
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}

/// Compiles the repository's content and writes every page, variant and tag to `path`.
fn dump(path: &Path) -> TestResult {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let options = Options {
        compression: Some(Compression::default()),
        ..Options::default()
    };
    let build = site_compiler::build(&root, &options)?;
    // The LwM2M registry snapshot's own warnings aside.
    let problems: Vec<_> = build
        .diagnostics
        .iter()
        .filter(|d| !site_compiler::registry::is_snapshot_warning(d))
        .collect();
    assert!(problems.is_empty(), "{problems:?}");
    assert!(
        build
            .pages
            .iter()
            .all(|page| page.variants.br.is_some() && page.variants.gzip.is_some())
    );
    let pages: Vec<_> = build
        .pages
        .iter()
        .map(|page| (&page.page.route, &page.page.html))
        .collect();
    let variants: Vec<_> = build.pages.iter().map(|page| &page.variants).collect();
    let embedded = (
        variants,
        &build.not_found.variants,
        &build.assets,
        &build.redirects,
    );
    std::fs::write(path, format!("{pages:?}\n{embedded:?}\n"))?;
    Ok(())
}
