//! Parsing stays linear in the input: times `parse_document` on generated documents of 1, 2 and
//! 4 MB, and on 10,000-line documents nested 1,000 levels deep (components, block quotes).
//!
//! `cargo bench -p site_compiler --bench parse` prints one line per document; BENCHMARKS.md
//! records the figures.

use site_compiler::diagnostic::Diagnostics;
use site_compiler::parse::parse_document;
use site_compiler::source::SourceFile;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// A mixed page of markdown and components, repeated to `bytes`.
fn flat_document(bytes: usize) -> String {
    let block = "## Section\n\nSome **bold** text with a [link](/a/b#c){target=\"_blank\"} and `code`.\n\n\
                 ::ShTwoColumns{size=\"M\"}\n---\nui:\n  wrapper: pb-10\n---\n  :::ShSegment\n  ![img](/i.png){ class=\"mx-auto\"}\n  :::\n\n\
                 \x20 :::ShSegment\n  - one\n  - two\n  :::\n::\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n";
    let mut text = String::from("---\ntitle: Bench\n---\n\n");
    while text.len() < bytes {
        text.push_str(block);
    }
    text
}

/// 1,000 components nested in each other, padded with text to 10,000 lines.
fn nested_components(depth: usize, lines: usize) -> String {
    let per_level = (lines - 2 * depth) / depth;
    let mut text = String::new();
    for level in 0..depth {
        text.push_str("::ShSegment\n");
        for line in 0..per_level {
            text.push_str(&format!("Level {level} line {line} of text.\n"));
        }
    }
    text.push_str(&"::\n".repeat(depth));
    text
}

/// A block quote nested `depth` levels deep, then lines of text.
fn nested_quotes(depth: usize, lines: usize) -> String {
    let mut text = ">".repeat(depth);
    text.push_str(" deep\n");
    for line in 1..lines {
        text.push_str(&format!("line {line}\n"));
    }
    text
}

fn time(name: &str, text: &str) {
    let file = SourceFile::new("bench.md", PathBuf::new(), text);
    let mut best = Duration::MAX;
    let mut diagnostics_count = 0;
    for _ in 0..5 {
        let mut diagnostics = Diagnostics::new(true);
        let start = Instant::now();
        let document = parse_document(&file, &mut diagnostics);
        best = best.min(start.elapsed());
        std::hint::black_box(document);
        diagnostics_count = diagnostics.finish().len();
    }
    let megabytes = text.len() as f64 / 1_048_576.0;
    println!(
        "{name:<40} {:>9} bytes {:>6} lines {:>9.1} ms {:>7.1} MB/s  {diagnostics_count} diagnostics",
        text.len(),
        text.lines().count(),
        best.as_secs_f64() * 1000.0,
        megabytes / best.as_secs_f64()
    );
}

fn main() {
    println!("parse_document, best of 5 runs");
    for megabytes in [1, 2, 4] {
        time(
            &format!("markdown and components, {megabytes} MB"),
            &flat_document(megabytes << 20),
        );
    }
    time(
        "components nested 1,000 deep, 10,000 lines",
        &nested_components(1000, 10_000),
    );
    time(
        "components nested 1,000 deep, 20,000 lines",
        &nested_components(1000, 20_000),
    );
    time(
        "block quotes nested 1,000 deep, 10,000 lines",
        &nested_quotes(1000, 10_000),
    );
    time(
        "block quotes nested 10,000 deep",
        &nested_quotes(10_000, 10_000),
    );
}
