//! `site dev` as an author uses it: the binary previewing a copy of the repository's content,
//! edits reaching the open page through the event stream, and content errors shown in the
//! page and the terminal until fixed. Every wait is bounded.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// How long any one wait may take before the test fails.
const WAIT: Duration = Duration::from_secs(10);

/// The start of the tag the dev server adds before `</head>`.
const TAG_START: &str = "<script src=\"/_site/dev/reload.js\" data-version=\"";

/// `site dev` on a copy of `content/`, killed and its folder removed at the end of the test.
struct Dev {
    child: Child,
    folder: PathBuf,
    /// `http://127.0.0.1:PORT`
    base: String,
    /// What it has printed so far.
    output: Arc<Mutex<Vec<String>>>,
}

impl Dev {
    fn start(name: &str) -> Result<Dev, Box<dyn std::error::Error>> {
        let folder = std::env::temp_dir().join(format!("site-dev-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        copy(
            Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../content")),
            &folder.join("content"),
        )?;
        let mut child = Command::new(env!("CARGO_BIN_EXE_site"))
            .args(["dev", "--addr", "127.0.0.1:0", "content"])
            .current_dir(&folder)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?;
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let output = Arc::new(Mutex::new(Vec::new()));
        let (sender, found) = channel();
        let lines = output.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(at) = line.find("http://") {
                    let url = line[at..].split_whitespace().next().unwrap_or_default();
                    let _ = sender.send(url.trim_end_matches('/').to_string());
                }
                if let Ok(mut lines) = lines.lock() {
                    lines.push(line);
                }
            }
        });
        let mut dev = Dev {
            child,
            folder,
            base: String::new(),
            output,
        };
        dev.base = found.recv_timeout(WAIT).map_err(|_| "no URL printed")?;
        Ok(dev)
    }

    fn page_path(&self, relative: &str) -> PathBuf {
        self.folder.join("content").join(relative)
    }

    /// `GET path`: status and body.
    fn get(&self, path: &str) -> Result<(u16, String), Box<dyn std::error::Error>> {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_global(Some(WAIT))
            .build()
            .into();
        let mut response = agent.get(format!("{}{path}", self.base)).call()?;
        let status = response.status().as_u16();
        Ok((status, response.body_mut().read_to_string()?))
    }

    /// The event stream, read on a thread of its own: each event as `(name, data)`.
    fn events(&self) -> Result<Events, Box<dyn std::error::Error>> {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_connect(Some(WAIT))
            .build()
            .into();
        let response = agent
            .get(format!("{}/_site/dev/events", self.base))
            .call()?;
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        assert_eq!(content_type, "text/event-stream");
        let reader = BufReader::new(response.into_body().into_reader());
        let (sender, receiver) = channel();
        std::thread::spawn(move || {
            let (mut name, mut data) = (String::new(), String::new());
            for line in reader.lines().map_while(Result::ok) {
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
        Ok(Events(receiver))
    }

    /// Waits for a printed line containing `text`.
    fn printed(&self, text: &str) -> Result<String, Box<dyn std::error::Error>> {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Ok(lines) = self.output.lock() {
                if let Some(line) = lines.iter().find(|line| line.contains(text)) {
                    return Ok(line.clone());
                }
            }
            if Instant::now() > deadline {
                let lines = self.output.lock().map(|l| l.join("\n")).unwrap_or_default();
                return Err(format!("`{text}` not printed; printed:\n{lines}").into());
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Dev {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}

/// The events of one stream.
struct Events(Receiver<(String, String)>);

impl Events {
    /// The next event, within [`WAIT`].
    fn next(&self) -> Result<(String, String), Box<dyn std::error::Error>> {
        Ok(self.0.recv_timeout(WAIT).map_err(|_| "no event in time")?)
    }

    /// Waits for a `reload` to a version other than `version`, and returns the new one.
    fn reload_from(&self, version: &str) -> Result<String, Box<dyn std::error::Error>> {
        let deadline = Instant::now() + WAIT;
        while Instant::now() < deadline {
            let (name, data) = self.next()?;
            if name == "reload" && data != version {
                return Ok(data);
            }
        }
        Err("no reload in time".into())
    }
}

fn copy(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// `html` without the reload tag, and the version the tag names.
fn strip_tag(html: &str) -> Result<(String, String), Box<dyn std::error::Error>> {
    let start = html.find(TAG_START).ok_or("no reload tag")?;
    let rest = &html[start..];
    let end = rest.find("</script>").ok_or("unclosed reload tag")? + "</script>".len();
    let version = rest[TAG_START.len()..]
        .split('"')
        .next()
        .unwrap_or_default()
        .to_string();
    assert!(
        html[start + end..].starts_with("</head>"),
        "the tag is not right before </head>"
    );
    assert_eq!(html.matches(TAG_START).count(), 1);
    Ok((
        format!("{}{}", &html[..start], &html[start + end..]),
        version,
    ))
}

#[test]
fn pages_are_the_compiled_pages_but_for_the_reload_script() -> TestResult {
    let dev = Dev::start("identical")?;
    for page in site::SITE.pages {
        let (status, html) = dev.get(page.route)?;
        assert_eq!(status, 200, "{}", page.route);
        let (html, _) = strip_tag(&html)?;
        assert!(
            html == page.html,
            "{} differs from the compiled page",
            page.route
        );
    }
    let (status, html) = dev.get("/no/such/page")?;
    assert_eq!(status, 404);
    assert!(
        strip_tag(&html)?.0 == site::SITE.not_found.html,
        "the 404 page differs"
    );
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(WAIT))
        .build()
        .into();
    for asset in site::SITE.assets {
        let mut response = agent.get(format!("{}{}", dev.base, asset.route)).call()?;
        let bytes = response
            .body_mut()
            .with_config()
            .limit(64 << 20)
            .read_to_vec()?;
        assert!(bytes == asset.bytes, "{} differs", asset.route);
    }
    Ok(())
}

#[test]
fn an_edit_reaches_the_open_page() -> TestResult {
    let dev = Dev::start("edit")?;
    let events = dev.events()?;
    let (name, first) = events.next()?;
    assert_eq!(name, "hello");
    let (_, html) = dev.get("/lwm2m/about")?;
    assert_eq!(strip_tag(&html)?.1, first);

    let path = dev.page_path("3.lwm2m/about.md");
    let text = std::fs::read_to_string(&path)?;
    let edited = format!("{text}\nA sentence the dev test added.\n");
    let started = Instant::now();
    std::fs::write(&path, edited)?;
    let version = events.reload_from(&first)?;
    let (status, html) = dev.get("/lwm2m/about")?;
    let latency = started.elapsed();
    assert_eq!(status, 200);
    assert!(html.contains("A sentence the dev test added."), "{html}");
    assert_eq!(strip_tag(&html)?.1, version);
    eprintln!("edit to new HTML: {latency:?}");
    // The 13 warnings are the LwM2M registry snapshot's own (see the registry's tests).
    dev.printed("changed: 0 errors, 13 warnings in ")?;
    Ok(())
}

#[test]
fn a_broken_page_shows_its_error_until_fixed() -> TestResult {
    let dev = Dev::start("broken")?;
    let events = dev.events()?;
    let (_, first) = events.next()?;
    let path = dev.page_path("3.lwm2m/about.md");
    let text = std::fs::read_to_string(&path)?;
    assert!(text.ends_with('\n'));
    let line = text.lines().count() + 2;
    std::fs::write(&path, format!("{text}\n::NoSuchComponent\n::\n"))?;
    let broken = events.reload_from(&first)?;

    let diagnostic =
        format!("content/3.lwm2m/about.md:{line}:1: error: unknown component `NoSuchComponent`");
    for route in ["/lwm2m/about", "/ipso"] {
        let (status, html) = dev.get(route)?;
        assert_eq!(status, 500, "{route}");
        assert!(html.contains(&diagnostic), "{route}: {html}");
        assert!(html.contains("1 error, 13 warnings in "), "{html}");
        assert_eq!(strip_tag(&html)?.1, broken);
    }
    dev.printed(&diagnostic)?;
    dev.printed("every page shows the errors until they are fixed")?;

    std::fs::write(&path, &text)?;
    events.reload_from(&broken)?;
    let (status, html) = dev.get("/lwm2m/about")?;
    assert_eq!(status, 200);
    let compiled = site::SITE.page("/lwm2m/about").ok_or("no page")?;
    assert!(
        strip_tag(&html)?.0 == compiled.html,
        "not back to the compiled page"
    );
    Ok(())
}

#[test]
fn bad_arguments_are_clear_errors() -> TestResult {
    let missing = Command::new(env!("CARGO_BIN_EXE_site"))
        .args(["dev", "--addr", "127.0.0.1:0", "/no/such/folder"])
        .output()?;
    assert_eq!(missing.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&missing.stderr);
    assert!(
        stderr.contains("error: cannot preview /no/such/folder") && stderr.contains("not a folder"),
        "{stderr}"
    );
    let address = Command::new(env!("CARGO_BIN_EXE_site"))
        .args(["dev", "--addr", "nowhere"])
        .output()?;
    assert_eq!(address.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&address.stderr);
    assert!(
        stderr.contains("invalid value 'nowhere' for '--addr <HOST:PORT>'"),
        "{stderr}"
    );
    let base = Command::new(env!("CARGO_BIN_EXE_site"))
        .args(["dev", "--base", "docs"])
        .output()?;
    assert_eq!(base.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&base.stderr);
    assert!(
        stderr.contains("invalid value 'docs' for '--base <PATH>'")
            && stderr.contains("the base path `docs` must start with `/`"),
        "{stderr}"
    );
    Ok(())
}
