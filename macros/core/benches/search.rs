//! What the search index costs a build: its size (raw, brotli, gzip, as served) and the time
//! to make it (text, weights, JSON) and compress it, beside the whole build of the same folder
//! (without compressing the pages: the part of a build every caller runs), in one process.
//!
//! `cargo bench -p site_compiler --bench search -- DIR...` prints one line per content folder;
//! `benches/search.sh` runs it on the repository's content and generated corpora, and
//! BENCHMARKS.md records the figures.

use site_compiler::embed::Variants;
use site_compiler::embed::search::{Index, assets, index};
use site_compiler::{Options, RenderedPage, build};
use std::path::Path;
use std::time::{Duration, Instant};

/// Runs of each measurement; the median is printed.
const RUNS: usize = 5;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let start = Instant::now();
    let value = f();
    (value, start.elapsed())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let folders: Vec<String> = std::env::args()
        .skip(1)
        .filter(|arg| !arg.starts_with("--"))
        .collect();
    if folders.is_empty() {
        return Err("usage: cargo bench -p site_compiler --bench search -- DIR...".into());
    }
    for folder in folders {
        let options = Options::default();
        let mut builds = Vec::new();
        let mut built = None;
        for _ in 0..RUNS.min(3) {
            let (result, time) = timed(|| build(Path::new(&folder), &options));
            builds.push(time);
            built = Some(result?);
        }
        let built = built.ok_or("no build")?;
        let pages: Vec<&RenderedPage> = built.pages.iter().map(|page| &page.page).collect();
        let mut indexing = Vec::new();
        let mut compressing = Vec::new();
        let mut sizes = (0, 0, Vec::new());
        for _ in 0..RUNS {
            let (made, time) = timed(|| {
                let (authored, reference) = index(&pages, &built.nav, "");
                let files = assets(&authored, &reference);
                let indexed = authored.pages.len() + reference.pages.len();
                let made = Index::join(authored, reference);
                (indexed, made.terms.len(), files)
            });
            indexing.push(time);
            let (indexed, terms, files) = made;
            // Each file the index is served as (the pointer naming them left out).
            let files: Vec<_> = files.into_iter().skip(1).collect();
            let (variants, time) = timed(|| {
                files
                    .iter()
                    .map(|file| Variants::of(&file.bytes, true, None))
                    .collect::<Vec<_>>()
            });
            compressing.push(time);
            let size = |encoded: &Option<site_compiler::embed::Encoded>| {
                encoded.as_ref().map_or(0, |encoded| encoded.bytes.len())
            };
            let kib = |bytes: usize| bytes as f64 / 1024.0;
            let described = files
                .iter()
                .zip(&variants)
                .map(|(file, variants)| {
                    let name = file.route.trim_start_matches("/_site/");
                    let stem = name.split('.').next().unwrap_or(name);
                    format!(
                        "{stem} {:.1} KiB, brotli {:.1} KiB, gzip {:.1} KiB",
                        kib(file.bytes.len()),
                        kib(size(&variants.br)),
                        kib(size(&variants.gzip)),
                    )
                })
                .collect();
            sizes = (indexed, terms, described);
        }
        let (indexed, terms, files) = sizes;
        let (build_time, index_time, compress_time) =
            (median(builds), median(indexing), median(compressing));
        println!(
            "{folder}: {} pages, {indexed} indexed, {terms} words; {}; build (no page \
             compression) {:.0} ms, of which the index {:.0} ms ({:.1} %); compressing the index \
             {:.0} ms",
            built.pages.len(),
            files.join("; "),
            build_time.as_secs_f64() * 1000.0,
            index_time.as_secs_f64() * 1000.0,
            index_time.as_secs_f64() / build_time.as_secs_f64() * 100.0,
            compress_time.as_secs_f64() * 1000.0,
        );
    }
    Ok(())
}
