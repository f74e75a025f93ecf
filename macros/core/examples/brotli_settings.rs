//! Brotli's settings weighed against each other on a content folder's bodies: for each
//! setting, the time to compress every body a build compresses (pages, the 404 page, text
//! assets), on every core, and the bytes it gives, next to quality 11's.
//!
//! `cargo run --release -p site_compiler --example brotli_settings -- DIR [ROUNDS] [SETTING...]`
//!
//! A setting is `qQ` (quality Q, each body's window fitted to it), `q9.5` (the brotli crate's
//! quality 9.5), with `/wN` for windows of at most 2^N bytes, or `/fixedN` for 2^N whatever
//! the body. Times are wall-clock and CPU (user and system, all threads). Settings take turns in each of `ROUNDS` rounds (1), so that the machine's other
//! work hits them alike; the figures are each setting's median. `benches/brotli.sh` runs it.

use site_compiler::embed::compress::{self, BrotliSettings};
use site_compiler::{Error, Options};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// What is compared when no setting is named.
const DEFAULT_SETTINGS: &[&str] = &[
    "q11",
    "q10",
    "q9.5",
    "q9",
    "q8",
    "q7",
    "q6",
    "q5",
    "q11/fixed22",
    "q9.5/fixed22",
    "q9/fixed22",
    "q9.5/w16",
    "q9.5/w12",
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "content".into());
    let rounds: usize = args.next().map_or(Ok(1), |n| n.parse())?;
    let named: Vec<String> = args.collect();
    let names: Vec<&str> = match named.is_empty() {
        true => DEFAULT_SETTINGS.to_vec(),
        false => named.iter().map(String::as_str).collect(),
    };
    let settings = names
        .iter()
        .map(|name| parse(name).ok_or(format!("unknown setting `{name}`")))
        .collect::<Result<Vec<_>, _>>()?;
    let bodies = bodies(&dir)?;
    let total: usize = bodies.iter().map(Vec::len).sum();
    println!(
        "{} bodies, {total} bytes, {} threads, brotli settings of this profile's builds: {:?}",
        bodies.len(),
        threads(),
        compress::BROTLI
    );
    let mut times: Vec<Vec<(Duration, Duration)>> = vec![Vec::new(); settings.len()];
    let mut bytes = vec![0; settings.len()];
    for _ in 0..rounds {
        for (index, setting) in settings.iter().enumerate() {
            let (started, cpu) = (Instant::now(), cpu_time());
            bytes[index] = compress_all(&bodies, *setting);
            times[index].push((started.elapsed(), cpu_time().saturating_sub(cpu)));
        }
    }
    let reference = names
        .iter()
        .position(|name| *name == "q11")
        .map(|index| bytes[index]);
    println!("| setting | time | CPU time | brotli bytes | ÷ quality 11's |");
    println!("| --- | ---: | ---: | ---: | ---: |");
    for ((name, times), bytes) in names.iter().zip(&mut times).zip(&bytes) {
        times.sort();
        let (median, cpu) = times[times.len() / 2];
        let ratio = reference.map_or("-".into(), |q11| {
            format!("{:.4}", *bytes as f64 / q11 as f64)
        });
        println!(
            "| {name} | {:.2} s | {:.2} s | {bytes} | {ratio} |",
            median.as_secs_f64(),
            cpu.as_secs_f64()
        );
    }
    Ok(())
}

/// `q11`, `q9.5`, `q9/w16`, `q9/fixed22`.
fn parse(name: &str) -> Option<BrotliSettings> {
    let (quality, window) = name
        .strip_prefix('q')?
        .split_once('/')
        .unwrap_or((name.strip_prefix('q')?, ""));
    let mut settings = match quality {
        "9.5" => BrotliSettings {
            q9_5: true,
            ..BrotliSettings::quality(10)
        },
        quality => BrotliSettings::quality(quality.parse().ok().filter(|q| (0..=11).contains(q))?),
    };
    if let Some(largest) = window.strip_prefix('w') {
        settings.window = largest.parse().ok()?;
    } else if let Some(fixed) = window.strip_prefix("fixed") {
        settings.window = fixed.parse().ok()?;
        settings.fitted = false;
    } else if !window.is_empty() {
        return None;
    }
    Some(settings)
}

/// Every body a build of `dir` compresses.
fn bodies(dir: &str) -> Result<Vec<Vec<u8>>, Error> {
    let build = site_compiler::build(std::path::Path::new(dir), &Options::default())?;
    let pages = build
        .pages
        .iter()
        .chain([&build.not_found])
        .map(|page| page.page.html.as_bytes().to_vec());
    let assets = build
        .assets
        .iter()
        .filter(|asset| compress::compressible(&asset.content_type))
        .map(|asset| asset.bytes.clone());
    Ok(pages.chain(assets).collect())
}

/// The brotli bytes of every body at `settings`, compressed on every core.
fn compress_all(bodies: &[Vec<u8>], settings: BrotliSettings) -> usize {
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads())
            .map(|_| {
                scope.spawn(|| {
                    let mut bytes = 0;
                    while let Some(body) = bodies.get(next.fetch_add(1, Ordering::Relaxed)) {
                        // A build keeps a variant only when it is smaller than the body.
                        let compressed = compress::brotli_with(body, settings).len();
                        bytes += if compressed < body.len() {
                            compressed
                        } else {
                            0
                        };
                    }
                    bytes
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|worker| worker.join().unwrap_or_default())
            .sum()
    })
}

/// The CPU time this process has used, user and system, from `/proc/self/stat` (in the
/// kernel's clock ticks, 100 a second); zero where there is no such file.
fn cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // The fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or("", |(_, rest)| rest)
        .split_whitespace()
        .collect();
    let ticks = |index: usize| fields.get(index).and_then(|f| f.parse::<u64>().ok());
    // utime and stime: fields 14 and 15 of the file, 12 and 13 after the name.
    let total = ticks(11).unwrap_or(0) + ticks(12).unwrap_or(0);
    Duration::from_millis(total * 10)
}

fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}
