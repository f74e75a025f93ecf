//! The one-page edit in a `Session` (what `site dev` runs), with and without the LwM2M
//! registry's data beside the same pages: `benches/registry.sh` runs it.
//!
//!     cargo run --release -p site_compiler --example registry_session -- PLAIN WITH_REGISTRY [EDITS]
//!
//! Each folder's first build, then EDITS rounds alternating between the two: a paragraph
//! appended to `1.section-0/page-1.md`, then a build. Prints each median and the ratio, and
//! whether an edit round read the registry again (it should not).

use site_compiler::{Options, Session};
use std::path::{Path, PathBuf};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [plain, registry, rest @ ..] = args.as_slice() else {
        return Err("usage: registry_session PLAIN WITH_REGISTRY [EDITS]".into());
    };
    let edits: usize = rest.first().map_or(Ok(5), |n| n.parse())?.max(1);
    let folders = [PathBuf::from(plain), PathBuf::from(registry)];
    let mut sessions: Vec<Session> = folders
        .iter()
        .map(|_| Session::new(Options::default()))
        .collect();
    for (folder, session) in folders.iter().zip(&mut sessions) {
        let started = Instant::now();
        let pages = session.build(folder)?.pages.len();
        let name = folder.display();
        println!(
            "{name}: first build {} ms, {pages} pages",
            started.elapsed().as_millis()
        );
    }
    let mut times: [Vec<u128>; 2] = [Vec::new(), Vec::new()];
    let mut read_again = false;
    for round in 0..edits {
        for (at, (folder, session)) in folders.iter().zip(&mut sessions).enumerate() {
            append(folder, round)?;
            let started = Instant::now();
            session.build(folder)?;
            times[at].push(started.elapsed().as_micros());
            read_again |= session.read_registry();
        }
    }
    let [without, with] = times.map(|mut list| {
        list.sort_unstable();
        list[list.len() / 2]
    });
    println!("edit to new HTML, median: without the registry {without} µs, with it {with} µs");
    println!(
        "with the registry ÷ without: {:.2}; an edit read the registry again: {read_again}",
        with as f64 / without.max(1) as f64
    );
    Ok(())
}

fn append(folder: &Path, round: usize) -> std::io::Result<()> {
    let page = folder.join("1.section-0/page-1.md");
    let mut text = std::fs::read_to_string(&page)?;
    text.push_str(&format!("\nSession edit {round}: one more paragraph.\n"));
    std::fs::write(page, text)
}
