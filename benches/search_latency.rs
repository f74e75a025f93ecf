//! Time to the first search result in headless Chromium: the page loaded, then the query typed
//! into the header's field at once, until its first result shows (which fetches and reads the
//! index, ranks and draws). Each run in a fresh session with an empty cache. Prints the
//! median, minimum and maximum of the load, of query-to-result, and of the two together. Run
//! by `benches/search.sh`.
//!
//! Usage: `search_latency SITE_BINARY CONTENT_DIR ROUTE QUERY RUNS`: `site dev` serves the
//! folder (the documents as they ship, uncompressed), chromedriver (`CHROMEDRIVER`) drives
//! Chromium (`CHROMIUM`).

use fantoccini::ClientBuilder;
use serde_json::{Value, json};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// Any one wait longer than this fails the run.
const WAIT: Duration = Duration::from_secs(60);

/// Stops a child process when the run ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Types the query as soon as the page has loaded and resolves, once the first result shows,
/// with the load's and the query's milliseconds.
const MEASURE: &str = r#"
const [query, done] = arguments;
const field = document.querySelector('form.oma-search input[name="q"]');
const list = () => document.getElementById("search-results");
const started = performance.now();
field.focus();
field.value = query;
field.dispatchEvent(new Event("input"));
const poll = () => {
  const shown = list();
  if (shown && !shown.hidden && shown.querySelector(".oma-search-result")) {
    const navigation = performance.getEntriesByType("navigation")[0];
    done({ load: navigation.loadEventEnd, query: performance.now() - started, results: shown.children.length });
  } else {
    requestAnimationFrame(poll);
  }
};
poll();
"#;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [binary, dir, route, query, runs] = args.as_slice() else {
        return Err("usage: search_latency SITE_BINARY CONTENT_DIR ROUTE QUERY RUNS".into());
    };
    let runs: usize = runs.parse()?;
    let mut child = Command::new(binary)
        .args(["dev", "--addr", "127.0.0.1:0", dir])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let _server = Running(child);
    let mut lines = BufReader::new(stdout).lines();
    let started = Instant::now();
    let base = loop {
        let line = lines.next().ok_or("the server printed no URL")??;
        if let Some(at) = line.find("http://") {
            let url = line[at..].split_whitespace().next().unwrap_or_default();
            break url.trim_end_matches('/').to_string();
        }
        if started.elapsed() > WAIT {
            return Err("the server printed no URL in time".into());
        }
    };
    // The server's later lines, read so that it never blocks on a full pipe.
    std::thread::spawn(move || lines.for_each(drop));

    let driver_port = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let chromedriver = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "chromium".into());
    let _driver = Running(
        Command::new(chromedriver)
            .arg(format!("--port={driver_port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?,
    );
    std::thread::sleep(Duration::from_millis(500));
    let profile = std::env::temp_dir().join(format!("search-latency-{}", std::process::id()));

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let mut samples = Vec::new();
    for run in 0..runs + 1 {
        let _ = std::fs::remove_dir_all(&profile);
        let capabilities = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                         "--disable-background-networking", "--disable-dev-shm-usage",
                         "--window-size=1280,900", format!("--user-data-dir={}", profile.display())],
            },
        });
        let Value::Object(capabilities) = capabilities else {
            return Err("capabilities are an object".into());
        };
        let measured: Value = runtime.block_on(async {
            let client = tokio::time::timeout(
                WAIT,
                ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                    .capabilities(capabilities)
                    .connect(&format!("http://127.0.0.1:{driver_port}")),
            )
            .await??;
            client.goto(&format!("{base}{route}")).await?;
            let measured =
                tokio::time::timeout(WAIT, client.execute_async(MEASURE, vec![json!(query)]))
                    .await??;
            client.close().await?;
            Ok::<Value, Box<dyn std::error::Error>>(measured)
        })?;
        // The first run warms the server and the disk, not the browser (each run has a new
        // profile): left out.
        if run > 0 {
            let number = |key: &str| measured[key].as_f64().unwrap_or(f64::NAN);
            samples.push((number("load"), number("query")));
        }
        if measured["results"].as_u64().unwrap_or(0) == 0 {
            return Err(format!("no result for `{query}`: {measured}").into());
        }
    }
    let _ = std::fs::remove_dir_all(&profile);
    let stats = |mut values: Vec<f64>| {
        values.sort_by(f64::total_cmp);
        format!(
            "median {:.0} ms (min {:.0}, max {:.0})",
            values[values.len() / 2],
            values[0],
            values[values.len() - 1]
        )
    };
    println!(
        "{route}, `{query}`, {runs} runs: load {}; query to first result {}; load plus query {}",
        stats(samples.iter().map(|s| s.0).collect()),
        stats(samples.iter().map(|s| s.1).collect()),
        stats(samples.iter().map(|s| s.0 + s.1).collect()),
    );
    Ok(())
}
