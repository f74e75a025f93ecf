//! Builds a content folder and prints how long it took and what was found.
//!
//! `cargo run --release -p site_compiler --example compile_dir -- DIR [--embed]`
//! (the compile-speed benchmarks in BENCHMARKS.md use it on generated corpora). With
//! `--embed` it builds again with compression (brotli and gzip of every page and text asset,
//! as `include_site!` does) and prints one more line: `embed: N ms, BR bytes of brotli, GZ
//! bytes of gzip (brotli quality Q, gzip level L)`, the time being the difference between the
//! two builds.

use site_compiler::{Compression, Options};
use std::time::Instant;

fn main() -> Result<(), site_compiler::Error> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "content".into());
    let embed = args.any(|arg| arg == "--embed");
    let root = std::path::Path::new(&dir);
    let start = Instant::now();
    let build = site_compiler::build(root, &Options::default())?;
    let elapsed = start.elapsed();
    for diagnostic in &build.diagnostics {
        eprintln!("{diagnostic}");
    }
    let pages = build.pages.len();
    let bytes: usize = build.pages.iter().map(|page| page.page.html.len()).sum();
    println!(
        "{pages} pages, {bytes} bytes of HTML, {} diagnostics in {:.1} ms ({:.0} pages/s)",
        build.diagnostics.len(),
        elapsed.as_secs_f64() * 1000.0,
        pages as f64 / elapsed.as_secs_f64()
    );
    if embed {
        use site_compiler::embed::{Encoded, compress};
        let options = Options {
            compression: Some(Compression::default()),
            ..Options::default()
        };
        let start = Instant::now();
        let compressed = site_compiler::build(root, &options)?;
        let embedding = start.elapsed().saturating_sub(elapsed);
        let size = |encoded: &Option<Encoded>| encoded.as_ref().map_or(0, |e| e.bytes.len());
        let br: usize = compressed.pages.iter().map(|p| size(&p.variants.br)).sum();
        let gzip: usize = compressed
            .pages
            .iter()
            .map(|p| size(&p.variants.gzip))
            .sum();
        println!(
            "embed: {:.1} ms, {br} bytes of brotli, {gzip} bytes of gzip (brotli quality {}, gzip level {})",
            embedding.as_secs_f64() * 1000.0,
            compress::BROTLI_QUALITY,
            compress::GZIP_LEVEL,
        );
    }
    Ok(())
}
