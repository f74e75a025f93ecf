//! Compiles a content folder and prints how long it took and what was found.
//!
//! `cargo run --release -p site_compiler --example compile_dir -- DIR`
//! (the compile-speed benchmark in BENCHMARKS.md uses it on generated corpora).

use std::time::Instant;

fn main() -> Result<(), site_compiler::Error> {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "content".into());
    let start = Instant::now();
    let compiled = site_compiler::compile(
        std::path::Path::new(&dir),
        &site_compiler::Options::default(),
    )?;
    let elapsed = start.elapsed();
    for diagnostic in &compiled.diagnostics {
        eprintln!("{diagnostic}");
    }
    let pages = compiled.value.pages.len();
    let bytes: usize = compiled
        .value
        .pages
        .iter()
        .map(|page| page.html.len())
        .sum();
    println!(
        "{pages} pages, {bytes} bytes of HTML, {} diagnostics in {:.1} ms ({:.0} pages/s)",
        compiled.diagnostics.len(),
        elapsed.as_secs_f64() * 1000.0,
        pages as f64 / elapsed.as_secs_f64()
    );
    Ok(())
}
