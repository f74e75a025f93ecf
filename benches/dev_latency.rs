//! Edit-to-new-HTML latency of `site dev`, as an author's browser sees it: start the binary
//! on a content folder, open the event stream, then for each edit write the file, wait for the
//! `reload` event and fetch the page until it holds the edit. Prints the median, p95, minimum
//! and maximum, and the build times the server printed. Run by `benches/dev.sh`.
//!
//! Usage: `dev_latency SITE_BINARY CONTENT_DIR FILE ROUTE EDITS`, where `FILE` is the page's
//! path inside `CONTENT_DIR` and `ROUTE` its URL path. The file is restored at the end.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// Any one wait longer than this fails the run.
const WAIT: Duration = Duration::from_secs(30);
/// Edits made before measuring, so that caches and the allocator are warm.
const WARM_UP: usize = 3;

/// Kills the server when the run ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [binary, dir, file, route, edits] = args.as_slice() else {
        return Err("usage: dev_latency SITE_BINARY CONTENT_DIR FILE ROUTE EDITS".into());
    };
    let edits: usize = edits.parse()?;
    let path = PathBuf::from(dir).join(file);
    let original = std::fs::read_to_string(&path)?;

    let mut child = Command::new(binary)
        .args(["dev", "--addr", "127.0.0.1:0", dir])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let _server = Running(child);
    let (lines_in, lines) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout)
            .lines()
            .map_while(std::result::Result::ok)
        {
            if lines_in.send(line).is_err() {
                break;
            }
        }
    });
    let base = loop {
        let line = lines.recv_timeout(WAIT)?;
        if let Some(at) = line.find("http://") {
            let url = line[at..].split_whitespace().next().unwrap_or_default();
            break url.trim_end_matches('/').to_string();
        }
    };
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(WAIT))
        .build()
        .into();
    let events = events(&base)?;
    let (name, _) = events.recv_timeout(WAIT)?;
    if name != "hello" {
        return Err(format!("first event: {name}").into());
    }

    let mut latencies = Vec::with_capacity(edits);
    let mut builds = Vec::with_capacity(edits);
    for edit in 0..WARM_UP + edits {
        let marker = format!("Benchmark edit number {edit}.");
        let started = Instant::now();
        std::fs::write(&path, format!("{original}\n{marker}\n"))?;
        loop {
            let (name, _) = events.recv_timeout(WAIT)?;
            if name == "reload" {
                break;
            }
        }
        let mut response = agent.get(format!("{base}{route}")).call()?;
        let html = response.body_mut().read_to_string()?;
        let latency = started.elapsed();
        if !html.contains(&marker) {
            return Err(format!("edit {edit}: the page does not show it").into());
        }
        // The server's own account of the build: `1 page changed: … (12 ms)`.
        let build = std::iter::from_fn(|| lines.recv_timeout(WAIT).ok())
            .find(|line| line.contains(" changed: "))
            .and_then(|line| {
                let ms = line.rsplit('(').next()?.strip_suffix(" ms)")?;
                ms.parse::<u64>().ok()
            })
            .ok_or("no build line printed")?;
        if edit >= WARM_UP {
            latencies.push(latency);
            builds.push(Duration::from_millis(build));
        }
    }
    std::fs::write(&path, original)?;
    println!(
        "edit to new HTML: {}; the server's build: {}",
        stats(&mut latencies),
        stats(&mut builds)
    );
    Ok(())
}

/// `median X ms, p95 X ms, min X ms, max X ms (N edits)`.
fn stats(samples: &mut [Duration]) -> String {
    samples.sort();
    let at = |q: f64| {
        let rank = ((q * samples.len() as f64).ceil() as usize).clamp(1, samples.len().max(1));
        samples
            .get(rank - 1)
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    format!(
        "median {:.1} ms, p95 {:.1} ms, min {:.1} ms, max {:.1} ms ({} edits)",
        at(0.5),
        at(0.95),
        at(0.0),
        at(1.0),
        samples.len()
    )
}

/// The event stream of the server at `base`, read on a thread: `(name, data)` per event.
fn events(base: &str) -> Result<Receiver<(String, String)>> {
    let response = ureq::get(format!("{base}/_site/dev/events")).call()?;
    let reader = BufReader::new(response.into_body().into_reader());
    let (sender, receiver) = channel();
    std::thread::spawn(move || {
        let (mut name, mut data) = (String::new(), String::new());
        for line in reader.lines().map_while(std::result::Result::ok) {
            if let Some(value) = line.strip_prefix("event: ") {
                name = value.to_string();
            } else if let Some(value) = line.strip_prefix("data: ") {
                data = value.to_string();
            } else if line.is_empty() && !name.is_empty() {
                let event = (std::mem::take(&mut name), std::mem::take(&mut data));
                if sender.send(event).is_err() {
                    break;
                }
            }
        }
    });
    Ok(receiver)
}
