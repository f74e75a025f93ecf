//! Compiles a content folder and prints how long it took and what was found.
//!
//! `cargo run --release -p site_compiler --example compile_dir -- DIR [--embed]`
//! (the compile-speed benchmarks in BENCHMARKS.md use it on generated corpora). With
//! `--embed` it also runs the embed stage (compression and entity tags of every page and
//! asset), which is the rest of what `include_site!` does before it emits tokens, and prints
//! one more line: `embed: N ms, BR bytes of brotli, GZ bytes of gzip (brotli quality Q, gzip
//! level L)`.

use std::time::Instant;

fn main() -> Result<(), site_compiler::Error> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "content".into());
    let embed = args.any(|arg| arg == "--embed");
    let root = std::path::Path::new(&dir);
    let start = Instant::now();
    let compiled = site_compiler::compile(root, &site_compiler::Options::default())?;
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
    if embed {
        use site_compiler::embed::{self, compress};
        let start = Instant::now();
        let embedded = embed::embed(root, &compiled.value, &embed::EmbedOptions::default())?;
        let elapsed = start.elapsed();
        let size = |encoded: &Option<embed::Encoded>| encoded.as_ref().map_or(0, |e| e.bytes.len());
        let br: usize = embedded.value.pages.iter().map(|v| size(&v.br)).sum();
        let gzip: usize = embedded.value.pages.iter().map(|v| size(&v.gzip)).sum();
        println!(
            "embed: {:.1} ms, {br} bytes of brotli, {gzip} bytes of gzip (brotli quality {}, gzip level {})",
            elapsed.as_secs_f64() * 1000.0,
            compress::BROTLI_QUALITY,
            compress::GZIP_LEVEL,
        );
    }
    Ok(())
}
