//! The seed pages in a real browser: headless Chromium driven through chromedriver with
//! fantoccini, for what only a browser shows.
//!
//! * Every seed page at 1280 and 390 px, light and dark, in one session: the colour mode's
//!   class, body background and text colour; the page tint painted once; no sideways
//!   scrolling; each ShTwoColumns' two children side by side from 768 px and stacked below;
//!   ShMicroCards one, two and (at 1600 px) three to a row, each icon a visible SVG with path
//!   data; the header's section menu closed under "Menus" below 1536 px (its links taking no
//!   focus) and a row of focusable links without it from there on; every image loaded; no
//!   request (DevTools network log and resource timing) to anything but the site's own
//!   127.0.0.1 port; no error or warning in the console.
//! * The header's colour-mode button cycles system → light → dark → system, stored under
//!   `nuxt-color-mode`; the stored choice is on `<html>` before the first paint after a
//!   reload and on another page; "system" follows the emulated OS setting live; the footer's
//!   button switches to the other mode.
//! * With JavaScript off, every page shows its text, images and working Menus, and hides the
//!   buttons that need the script.
//! * The Content-Security-Policy lets the colour-mode script run and logs nothing, and does
//!   refuse an injected inline script (so the console check can see a violation). The same
//!   on the export served by nginx, which sends no policy of its own, where each document's
//!   `<meta http-equiv>` policy is all there is: on a seed page, a page with a YouTube player
//!   and the 404 page.
//! * Every page of the authors' guide (`/guide/…`, from the page table) at 1280 and 390 px,
//!   light and dark, with the same checks, and nothing wider than the content column; only
//!   the pages that embed third-party content may request other hosts, and none may have a
//!   frame refused by its policy. ShFaq's answer opens on a click and closes on the next;
//!   ShCarousel's track scrolls to the next slide by its arrow; the body form's dots show,
//!   its views advance by themselves and a dot shows its view; ShHelperComponent shows each
//!   logo's version for the colour mode; `layout: web` has its grid, full-width section and
//!   padded body. With JavaScript off, ShDynamicTable shows every row, and each view of the
//!   body-form carousel shows when its track is scrolled to it.
//! * The news section (`/news`, its articles, `layout: articles`) at 1280 and 390 px, light and
//!   dark, with the same checks.
//! * The LwM2M registry's object list and object 3's page at 1280 and 390 px, light and dark,
//!   with the same checks; the list's quick filter on the source; `…/objects/3#r13` lands on
//!   Current Time's row; without JavaScript the list shows every object.
//! * A fixture site with a visible `announcement.md`, built and served at run time: the banner
//!   before the header, closed by its button with and without JavaScript, back on the next page.
//! * The guide's highlighted code (`yaml`, `mdc`, `ts`) at 1280 px, light and dark: every
//!   token painted with its theme's colour, at least two colours in each block, the block's
//!   background of the mode; the colour-mode button repaints a token; the copy button puts the
//!   block's text on the clipboard (read back with clipboard permission granted through the
//!   DevTools protocol); with JavaScript off the colours show and no button does.
//! * Search, on the binary and on the export served by nginx, at 1280 and 390 px, light and
//!   dark: `/` focuses the header's field, typing lists the results the compiler ranks
//!   (`embed::search::rank`) with their words marked, in the window and the mode's colours;
//!   the arrows select, Enter opens the first result, Escape closes the list, "No results"
//!   says so; a click in the field and on a result opens it at its heading; a quiet console.
//!   The script's ranking equals the compiler's for queries of every kind, in the header and
//!   on `/search?q=`. Without JavaScript the field submits to `/search`, which says why and
//!   links the sitemap.
//!
//! Chromium, chromedriver and nginx must be installed (Debian: `apt-get install chromium
//! chromium-driver nginx`; `.ci/run` does it): without them these tests fail, they never skip.
//! `CHROMEDRIVER`, `CHROMIUM` and `NGINX` name other binaries.

use axum::http::HeaderValue;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use site::SITE;
use site::serve::respond::respond;
use site::serve::{Representation, Store};
use site_compiler::embed::search::rank::search;
use site_compiler::embed::search::{Index, read_served};
use site_tests::Server;
use std::future::Future;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

type Error = Box<dyn std::error::Error>;
type TestResult = Result<(), Error>;

/// A failure whose message prints as it is (a test's `Err` is shown with `Debug`).
struct Failed(String);

impl std::fmt::Debug for Failed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::fmt::Display for Failed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Failed {}

fn fail(message: impl Into<String>) -> Error {
    Box::new(Failed(message.into()))
}

/// The seed pages.
const PAGES: [&str; 5] = [
    "/lwm2m/about",
    "/lwm2m/examples",
    "/omaspecworks/collaborate/working-groups",
    "/ipso",
    "/omaspecworks/about",
];

/// The pages that embed third-party content (ShVideo's YouTube player, ShSocial's posts, the
/// HubSpot forms): only these may make requests off 127.0.0.1.
const THIRD_PARTY: &[&str] = &[
    "/guide/components/sh-video",
    "/guide/components/sh-social",
    "/guide/components/sh-form-contact-us",
    "/guide/components/sh-form-newsletter",
];

/// Every page of the authors' guide, from the site's page table.
fn guide_pages() -> Vec<&'static str> {
    SITE.pages
        .iter()
        .map(|page| page.route)
        .filter(|route| *route == "/guide" || route.starts_with("/guide/"))
        .collect()
}

/// The news section: its list of articles, the articles' folder and every article, from the
/// site's page table.
fn news_pages() -> Vec<&'static str> {
    SITE.pages
        .iter()
        .map(|page| page.route)
        .filter(|route| *route == "/news" || route.starts_with("/news/"))
        .collect()
}

/// The longest any one browser command may take.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(30);
/// How long chromedriver may take to listen.
const DRIVER_START: Duration = Duration::from_secs(20);

/// One browser at a time: the machine has two cores, and Chromium wants both.
static SERIAL: Mutex<()> = Mutex::new(());

// ---- chromedriver and Chromium --------------------------------------------------------------

/// A binary from `variable`, or the first of `names` on the `PATH`.
fn find_binary(variable: &str, names: &[&str]) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os(variable) {
        return Some(PathBuf::from(path)).filter(|path| path.is_file());
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// A free port on 127.0.0.1 (free when asked; chromedriver binds it right after).
fn free_port() -> std::io::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port())
}

/// chromedriver on a port of its own, the profile folder of the Chromium it starts, and the
/// session. Dropping it, also when a test panics, ends the session (chromedriver then quits
/// Chromium), stops chromedriver and removes the folder.
struct Driver {
    process: Child,
    url: String,
    dir: PathBuf,
    chromium: PathBuf,
    session: Option<String>,
}

impl Driver {
    fn start() -> Result<Driver, Error> {
        let missing = "install Chromium and its driver (Debian: `apt-get install -y chromium \
                       chromium-driver`, as .ci/run does), or name them in CHROMEDRIVER and CHROMIUM";
        let chromedriver = find_binary("CHROMEDRIVER", &["chromedriver"])
            .ok_or_else(|| fail(format!("chromedriver not found: {missing}")))?;
        let chromium = find_binary(
            "CHROMIUM",
            &["chromium", "chromium-browser", "google-chrome"],
        )
        .ok_or_else(|| fail(format!("chromium not found: {missing}")))?;
        static STARTED: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "site-browser-{}-{}",
            std::process::id(),
            STARTED.fetch_add(1, Ordering::Relaxed)
        ));
        // Left over from an earlier process of the same id, killed before it could clean up.
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)?;
        let port = free_port()?;
        let log = dir.join("chromedriver.log");
        let process = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .arg(format!("--log-path={}", log.display()))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| fail(format!("cannot run {}: {e}", chromedriver.display())))?;
        let mut driver = Driver {
            process,
            url: format!("http://127.0.0.1:{port}/"),
            dir,
            chromium,
            session: None,
        };
        let deadline = Instant::now() + DRIVER_START;
        loop {
            if let Ok(response) = agent().get(format!("{}status", driver.url)).call() {
                if response.status() == 200 {
                    return Ok(driver);
                }
            }
            if let Some(status) = driver.process.try_wait()? {
                return Err(fail(format!(
                    "chromedriver exited ({status}):\n{}",
                    tail(&std::fs::read_to_string(&log).unwrap_or_default())
                )));
            }
            if Instant::now() > deadline {
                return Err(fail(format!(
                    "chromedriver did not listen within {DRIVER_START:?}"
                )));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// A new session: headless Chromium with a fresh profile, its console and network logged.
    async fn connect(&mut self, javascript: bool) -> Result<Client, Error> {
        let profile = self.dir.join(format!("profile-{}", u8::from(javascript)));
        let mut prefs = json!({});
        if !javascript {
            prefs = json!({ "profile.managed_default_content_settings.javascript": 2 });
        }
        let capabilities = json!({
            "browserName": "chrome",
            "pageLoadStrategy": "normal",
            "timeouts": { "pageLoad": 20_000, "script": 10_000 },
            "goog:loggingPrefs": { "browser": "ALL", "performance": "ALL" },
            "goog:chromeOptions": {
                "binary": self.chromium,
                "args": [
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-dev-shm-usage",
                    "--hide-scrollbars",
                    "--window-size=1280,900",
                    format!("--user-data-dir={}", profile.display()),
                ],
                "prefs": prefs,
            },
        });
        let Value::Object(capabilities) = capabilities else {
            return Err(fail("capabilities are an object"));
        };
        let client = bounded(
            "starting Chromium",
            ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                .capabilities(capabilities)
                .connect(&self.url),
        )
        .await?
        .map_err(|e| fail(format!("no browser session: {e}")))?;
        self.session = client.session_id().await?;
        Ok(client)
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        if let Some(session) = self.session.take() {
            // Already gone when the test closed it; chromedriver quits Chromium otherwise.
            let _ = agent()
                .delete(format!("{}session/{session}", self.url))
                .call();
        }
        let _ = self.process.kill();
        let _ = self.process.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Blocking requests to chromedriver itself, bounded.
fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into()
}

fn tail(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(20)..].join("\n")
}

/// `future`, or an error naming `what` once [`COMMAND_TIMEOUT`] has passed.
async fn bounded<T>(what: &str, future: impl Future<Output = T>) -> Result<T, Error> {
    tokio::time::timeout(COMMAND_TIMEOUT, future)
        .await
        .map_err(|_| fail(format!("{what}: no answer within {COMMAND_TIMEOUT:?}")))
}

/// A chromedriver command fantoccini has no method for, on the current session.
#[derive(Debug)]
struct Extension {
    path: &'static str,
    body: Value,
}

impl WebDriverCompatibleCommand for Extension {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/{}",
            session_id.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

// ---- the browser as the tests use it --------------------------------------------------------

/// A browser session on the served site.
#[derive(Clone)]
struct Browser {
    client: Client,
    base: String,
}

impl Browser {
    async fn goto(&self, path: &str) -> TestResult {
        let url = format!("{}{path}", self.base);
        bounded(&format!("loading {path}"), self.client.goto(&url)).await??;
        Ok(())
    }

    /// Runs `script` (a function body; `arguments` are `args`) in the page.
    async fn js(&self, script: &str, args: Vec<Value>) -> Result<Value, Error> {
        Ok(bounded("a script", self.client.execute(script, args)).await??)
    }

    /// A Chrome DevTools Protocol command.
    async fn cdp(&self, cmd: &str, params: Value) -> Result<Value, Error> {
        let command = Extension {
            path: "goog/cdp/execute",
            body: json!({ "cmd": cmd, "params": params }),
        };
        Ok(bounded(cmd, self.client.issue_cmd(command)).await??)
    }

    /// The entries of log `kind` (`browser`: the console; `performance`: DevTools events)
    /// since the last call.
    async fn log(&self, kind: &str) -> Result<Vec<Value>, Error> {
        let command = Extension {
            path: "se/log",
            body: json!({ "type": kind }),
        };
        match bounded("reading a log", self.client.issue_cmd(command)).await?? {
            Value::Array(entries) => Ok(entries),
            other => Err(fail(format!("log {kind}: {other}"))),
        }
    }

    /// Resizes the window so that the page is `width` CSS pixels wide.
    async fn set_width(&self, width: u32) -> TestResult {
        bounded("resizing", self.client.set_window_size(width, 900)).await??;
        let inner = self.js("return window.innerWidth", vec![]).await?;
        if inner.as_u64() != Some(u64::from(width)) {
            return Err(fail(format!("asked for {width} px wide, got {inner}")));
        }
        Ok(())
    }
}

/// Runs `body` against a fresh browser session on the served site, one test at a time.
fn with_browser<F, Fut>(javascript: bool, body: F) -> TestResult
where
    F: FnOnce(Browser) -> Fut,
    Fut: Future<Output = TestResult>,
{
    let _serial = SERIAL.lock().unwrap_or_else(PoisonError::into_inner);
    let server = Server::start(&SITE)?;
    with_browser_at(&server.base, javascript, body)
}

/// Runs `body` against a fresh browser session on the site served at `base`; the caller holds
/// [`SERIAL`].
fn with_browser_at<F, Fut>(base: &str, javascript: bool, body: F) -> TestResult
where
    F: FnOnce(Browser) -> Fut,
    Fut: Future<Output = TestResult>,
{
    let mut driver = Driver::start()?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let client = driver.connect(javascript).await?;
        let browser = Browser {
            client: client.clone(),
            base: base.to_string(),
        };
        let result = body(browser).await;
        let _ = bounded("closing the session", client.close()).await;
        driver.session = None;
        result
    })
}

// ---- what the page shows ---------------------------------------------------------------------

/// The seed pages with how many ShTwoColumns and ShMicroCards each has, so that no check
/// passes for want of something to check.
const EXPECTED: [(&str, usize, usize); 5] = [
    (PAGES[0], 0, 0),
    (PAGES[1], 2, 0),
    (PAGES[2], 1, 3),
    (PAGES[3], 0, 0),
    (PAGES[4], 0, 0),
];

/// Reads the facts the layout checks need, in one round trip.
const LAYOUT_FACTS: &str = r#"
const box = (element) => {
  const r = element.getBoundingClientRect();
  return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height };
};
const main = document.querySelector("main");
const painted = [];
for (let e = main && main.parentElement; e && e !== document.body; e = e.parentElement) {
  const background = getComputedStyle(e).backgroundColor;
  if (background !== "rgba(0, 0, 0, 0)") painted.push(`<${e.tagName.toLowerCase()} class="${e.className}">: ${background}`);
}
const cards = [...document.querySelectorAll("article div.container.rounded-2xl")];
const cardGrids = [...new Set(cards.map((card) => card.closest("div.grid")))].filter(Boolean);
const body = document.querySelector("article .par");
return {
  classes: document.documentElement.className,
  bodyBackground: getComputedStyle(document.body).backgroundColor,
  painted,
  textColour: body ? getComputedStyle(body).color : null,
  scrollWidth: document.documentElement.scrollWidth,
  clientWidth: document.documentElement.clientWidth,
  twoColumns: [...document.querySelectorAll("article div.flex-col.md\\:grid")]
    .map((grid) => [...grid.children].map(box)),
  cards: cards.length,
  cardRows: cardGrids.map((grid) => [...grid.children].map((child) => Math.round(child.getBoundingClientRect().top))),
  icons: cards.map((card) => {
    const svg = card.querySelector("svg");
    if (!svg) return null;
    const style = getComputedStyle(svg);
    const shapes = [...svg.querySelectorAll("path, circle, rect, line, polyline, polygon, ellipse")];
    return {
      ...box(svg),
      display: style.display, visibility: style.visibility, opacity: style.opacity, colour: style.color,
      shapes: shapes.length,
      pathData: shapes.filter((s) => s.tagName !== "path" || (s.getAttribute("d") || "").length > 0).length,
    };
  }),
  brokenImages: [...document.images].filter((i) => !i.complete || i.naturalWidth === 0).map((i) => i.src),
  // Wider than the content column, which would scroll sideways within it (what scrolls on
  // purpose, code blocks and a carousel's track, does not count).
  overflowing: (() => {
    const column = document.querySelector("article section") || document.querySelector("article");
    if (!column) return [];
    const right = column.getBoundingClientRect().right + 1;
    const scrolled = (e) => {
      for (let a = e.parentElement; a && a !== column; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== "visible") return true;
      }
      return false;
    };
    return [...column.querySelectorAll("*")]
      .filter((e) => e.getBoundingClientRect().width > 0 && e.getBoundingClientRect().right > right && !scrolled(e))
      .slice(0, 5)
      .map((e) => `<${e.tagName.toLowerCase()} class="${e.getAttribute("class") || ""}"> ends at ${Math.round(e.getBoundingClientRect().right)} px, the column at ${Math.round(right - 1)} px`);
  })(),
  resources: [location.href, ...performance.getEntriesByType("resource").map((e) => e.name)],
  // The header's section menu: "Menus" and the tops of the entries that show.
  sectionMenu: (() => {
    const menu = document.querySelector('header nav[aria-label="Sections"]');
    if (!menu) return null;
    const summary = menu.querySelector("summary");
    const links = [...menu.querySelectorAll("li a")];
    // Whether the first entry takes the keyboard focus: where it shows, and only there.
    const first = links[0];
    const focused = !!first && (first.focus(), document.activeElement === first);
    if (first) first.blur();
    return {
      menus: !!summary && summary.checkVisibility(),
      links: links.length,
      shownTops: links.filter((a) => a.checkVisibility()).map((a) => Math.round(a.getBoundingClientRect().top)),
      focusable: focused,
    };
  })(),
};
"#;

/// An `rgb()`/`rgba()` colour as red, green, blue (0-255) and alpha (0-1).
fn colour(value: &Value) -> Option<[f64; 4]> {
    let text = value.as_str()?;
    let inner = text.split_once('(')?.1.strip_suffix(')')?;
    let parts: Vec<f64> = inner
        .split([',', ' ', '/'])
        .filter(|part| !part.is_empty())
        .map(str::parse)
        .collect::<Result<_, _>>()
        .ok()?;
    match parts[..] {
        [r, g, b] => Some([r, g, b, 1.0]),
        [r, g, b, a] => Some([r, g, b, a]),
        _ => None,
    }
}

/// Relative luminance (0 black, 1 white) of `rgba` painted over `under`.
fn luminance(rgba: [f64; 4], under: [f64; 3]) -> f64 {
    let [r, g, b, a] = rgba;
    let mix = |top: f64, bottom: f64| (top * a + bottom * (1.0 - a)) / 255.0;
    0.2126 * mix(r, under[0]) + 0.7152 * mix(g, under[1]) + 0.0722 * mix(b, under[2])
}

fn number(value: &Value, key: &str) -> f64 {
    value[key].as_f64().unwrap_or(f64::NAN)
}

/// The URLs the browser requested, from the DevTools events of the performance log.
fn requested_urls(entries: &[Value]) -> Vec<String> {
    entries
        .iter()
        .filter_map(|entry| serde_json::from_str::<Value>(entry["message"].as_str()?).ok())
        .filter(|event| {
            matches!(
                event["message"]["method"].as_str(),
                Some("Network.requestWillBeSent" | "Network.webSocketCreated")
            )
        })
        .filter_map(|event| {
            let params = &event["message"]["params"];
            params["request"]["url"]
                .as_str()
                .or_else(|| params["url"].as_str())
                .map(str::to_string)
        })
        .collect()
}

/// Failed checks, gathered so that one run reports all of them.
#[derive(Default)]
struct Failures(Vec<String>);

impl Failures {
    fn check(&mut self, ok: bool, message: impl FnOnce() -> String) {
        if !ok {
            self.0.push(message());
        }
    }

    fn into_result(self) -> TestResult {
        if self.0.is_empty() {
            return Ok(());
        }
        Err(fail(format!(
            "{} failed checks:\n  {}",
            self.0.len(),
            self.0.join("\n  ")
        )))
    }
}

impl Browser {
    /// Stores the visitor's colour-mode choice, as the header button does.
    async fn choose_theme(&self, choice: &str) -> TestResult {
        self.js(
            "localStorage.setItem('nuxt-color-mode', arguments[0])",
            vec![json!(choice)],
        )
        .await?;
        Ok(())
    }

    /// Loads `path` and checks what every page must show at this width and theme.
    async fn check_page(
        &self,
        path: &str,
        width: u32,
        theme: &str,
        failures: &mut Failures,
    ) -> TestResult {
        // The seed pages' counts; other pages (the guide) have no fixed counts.
        let expected = EXPECTED
            .iter()
            .copied()
            .find(|(page, ..)| *page == path)
            .map(|(_, two_columns, cards)| (two_columns, cards));
        let case = format!("{path} at {width} px, {theme}");
        // Whatever earlier pages logged is not this page's.
        self.log("performance").await?;
        self.log("browser").await?;
        self.goto(path).await?;
        let facts = self.js(LAYOUT_FACTS, vec![]).await?;

        // The colour mode, and the page's colours in it.
        let classes = facts["classes"].as_str().unwrap_or_default();
        failures.check(
            classes.split_whitespace().any(|class| class == theme),
            || format!("{case}: <html class=\"{classes}\">, expected `{theme}`"),
        );
        let background = colour(&facts["bodyBackground"]);
        let text = colour(&facts["textColour"]);
        match theme {
            "dark" => {
                failures.check(
                    background.is_some_and(|c| c[3] == 1.0 && luminance(c, [0.0; 3]) < 0.15),
                    || {
                        format!(
                            "{case}: body background {} is not dark",
                            facts["bodyBackground"]
                        )
                    },
                );
                failures.check(text.is_some_and(|c| luminance(c, [0.0; 3]) > 0.6), || {
                    format!("{case}: body text {} is not light", facts["textColour"])
                });
            }
            _ => {
                // The golden tint, 20 % over the white canvas.
                failures.check(
                    background.is_some_and(|[r, g, b, a]| {
                        (r, g, b) == (231.0, 214.0, 194.0) && (a - 0.2).abs() < 0.01
                    }),
                    || format!("{case}: body background {}, expected the golden tint rgba(231, 214, 194, 0.2)", facts["bodyBackground"]),
                );
                failures.check(text.is_some_and(|c| luminance(c, [255.0; 3]) < 0.3), || {
                    format!("{case}: body text {} is not dark", facts["textColour"])
                });
            }
        }
        failures.check(
            facts["painted"].as_array().is_some_and(Vec::is_empty),
            || {
                format!(
                    "{case}: the page tint is painted again between <body> and <main>: {}",
                    facts["painted"]
                )
            },
        );

        // Nothing wider than the window.
        let (scroll, client) = (number(&facts, "scrollWidth"), number(&facts, "clientWidth"));
        failures.check(scroll <= client, || {
            format!("{case}: the page scrolls sideways: {scroll} px wide in a {client} px window")
        });
        failures.check(
            facts["overflowing"].as_array().is_some_and(Vec::is_empty),
            || {
                format!(
                    "{case}: wider than the content column: {}",
                    facts["overflowing"]
                )
            },
        );

        // ShTwoColumns: side by side from `md` (768 px), stacked below.
        let grids = facts["twoColumns"].as_array().cloned().unwrap_or_default();
        if let Some((two_columns, _)) = expected {
            failures.check(grids.len() == two_columns, || {
                format!(
                    "{case}: {} ShTwoColumns, expected {two_columns}",
                    grids.len()
                )
            });
        }
        for (index, grid) in grids.iter().enumerate() {
            let (Some(a), Some(b)) = (grid.get(0), grid.get(1)) else {
                failures.check(false, || {
                    format!("{case}: ShTwoColumns {index} has fewer than two children")
                });
                continue;
            };
            let overlaps_vertically =
                number(a, "top") < number(b, "bottom") && number(b, "top") < number(a, "bottom");
            let overlaps_horizontally =
                number(a, "left") < number(b, "right") && number(b, "left") < number(a, "right");
            let sized = number(a, "width") > 0.0 && number(b, "width") > 0.0;
            if width >= 768 {
                failures.check(sized && number(b, "left") >= number(a, "right") - 0.5 && overlaps_vertically, || {
                    format!("{case}: ShTwoColumns {index}: the children are not side by side: {a} {b}")
                });
            } else {
                failures.check(
                    sized && number(b, "top") >= number(a, "bottom") - 0.5 && overlaps_horizontally,
                    || {
                        format!(
                            "{case}: ShTwoColumns {index}: the children are not stacked: {a} {b}"
                        )
                    },
                );
            }
        }

        // The section menu: closed under "Menus" below 2xl (1536 px), a row from 2xl on.
        let menu = &facts["sectionMenu"];
        let links = number(menu, "links");
        let tops: Vec<f64> = menu["shownTops"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_f64)
            .collect();
        let row = width >= 1536;
        failures.check(
            links > 0.0
                && menu["menus"].as_bool() == Some(!row)
                && if row {
                    tops.len() as f64 == links
                        && tops.iter().all(|top| *top == tops[0])
                        && menu["focusable"].as_bool() == Some(true)
                } else {
                    // Closed, the entries show nothing and take no focus.
                    tops.is_empty() && menu["focusable"].as_bool() == Some(false)
                },
            || {
                format!(
                    "{case}: the section menu is not {}: {menu}",
                    if row {
                        "a row without \"Menus\""
                    } else {
                        "closed under \"Menus\""
                    }
                )
            },
        );

        // ShMicroCards: a grid of one, two (md) then three (2xl) a row, each with its icon.
        if let Some((_, cards)) = expected {
            failures.check(number(&facts, "cards") == cards as f64, || {
                format!("{case}: {} ShMicroCards, expected {cards}", facts["cards"])
            });
        }
        let per_row = match width {
            ..768 => 1,
            768..1536 => 2,
            _ => 3,
        };
        // Card rows only where the cards are known to fill an ShMultiColumn grid.
        let rows = match expected {
            Some(_) => facts["cardRows"].as_array().cloned().unwrap_or_default(),
            None => Vec::new(),
        };
        for row in &rows {
            let tops: Vec<i64> = row
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_i64)
                .collect();
            let first_row = tops.iter().filter(|top| Some(*top) == tops.first()).count();
            failures.check(first_row == per_row.min(tops.len()), || {
                format!("{case}: {first_row} micro cards in the first row, expected {per_row} (tops {tops:?})")
            });
        }
        for (index, icon) in facts["icons"].as_array().into_iter().flatten().enumerate() {
            let visible = number(icon, "width") > 0.0
                && number(icon, "height") > 0.0
                && icon["display"] != "none"
                && icon["visibility"] == "visible"
                && icon["opacity"]
                    .as_str()
                    .and_then(|o| o.parse::<f64>().ok())
                    .is_some_and(|o| o > 0.0)
                && colour(&icon["colour"]).is_some_and(|c| c[3] > 0.0)
                && number(icon, "shapes") > 0.0
                && number(icon, "pathData") == number(icon, "shapes");
            failures.check(visible, || {
                format!("{case}: micro card {index}: the icon is not a visible SVG: {icon}")
            });
        }

        // Every image loaded, and nothing was asked of anyone but this server.
        failures.check(
            facts["brokenImages"].as_array().is_some_and(Vec::is_empty),
            || {
                format!(
                    "{case}: images that did not load: {}",
                    facts["brokenImages"]
                )
            },
        );
        let own = format!("{}/", self.base);
        let mut urls: Vec<String> = requested_urls(&self.log("performance").await?);
        failures.check(
            urls.iter()
                .any(|url| url.starts_with(&own) && url.ends_with(".css")),
            || format!("{case}: the performance log shows no request for the stylesheet: {urls:?}"),
        );
        urls.extend(
            facts["resources"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .map(str::to_string),
        );
        let third_party = THIRD_PARTY.contains(&path);
        for url in urls {
            failures.check(
                third_party || url.starts_with(&own) || url.starts_with("data:"),
                || format!("{case}: a request leaves 127.0.0.1: {url}"),
            );
        }
        // A quiet console: no CSP violation, no failed load, no script error. Pages with
        // third-party frames may log what those frames cause (their loads, their permission
        // features), but never a refusal by the policy.
        for entry in self.log("browser").await? {
            let message = entry["message"].as_str().unwrap_or_default();
            let theirs = third_party && !message.contains("Content Security Policy");
            failures.check(
                theirs || !matches!(entry["level"].as_str(), Some("SEVERE" | "WARNING")),
                || format!("{case}: console: {message}"),
            );
        }
        Ok(())
    }
}

#[test]
fn seed_pages_at_1280_and_390_px_light_and_dark() -> TestResult {
    with_browser(true, |browser| async move {
        let mut failures = Failures::default();
        for theme in ["light", "dark"] {
            browser.goto(PAGES[0]).await?;
            browser.choose_theme(theme).await?;
            for width in [1280, 390] {
                browser.set_width(width).await?;
                for path in PAGES {
                    browser
                        .check_page(path, width, theme, &mut failures)
                        .await?;
                }
            }
        }
        // Three micro cards a row from 2xl (1536 px) up.
        browser.set_width(1600).await?;
        browser
            .check_page(PAGES[2], 1600, "dark", &mut failures)
            .await?;
        failures.into_result()
    })
}

impl Browser {
    /// `pages` at 1280 and 390 px, light and dark, with [`Browser::check_page`]'s checks.
    async fn check_pages(&self, pages: &[&str], failures: &mut Failures) -> TestResult {
        for theme in ["light", "dark"] {
            self.goto(pages[0]).await?;
            self.choose_theme(theme).await?;
            for width in [1280, 390] {
                self.set_width(width).await?;
                for path in pages {
                    self.check_page(path, width, theme, failures).await?;
                }
            }
        }
        Ok(())
    }
}

#[test]
fn guide_pages_at_1280_and_390_px_light_and_dark() -> TestResult {
    let pages = guide_pages();
    assert!(pages.len() > 20, "the guide has {} pages", pages.len());
    with_browser(true, |browser| async move {
        let mut failures = Failures::default();
        browser.check_pages(&pages, &mut failures).await?;
        browser.check_faq(&mut failures).await?;
        browser.check_carousel(&mut failures).await?;
        browser.check_body_carousel(&mut failures).await?;
        browser.check_helper_logos(&mut failures).await?;
        browser.check_web_layout(&mut failures).await?;
        browser.check_micro_card_layouts(&mut failures).await?;
        failures.into_result()
    })
}

#[test]
fn news_pages_at_1280_and_390_px_light_and_dark() -> TestResult {
    let pages = news_pages();
    assert!(
        pages.len() >= 4,
        "the news section has {} pages",
        pages.len()
    );
    with_browser(true, |browser| async move {
        let mut failures = Failures::default();
        browser.check_pages(&pages, &mut failures).await?;
        failures.into_result()
    })
}

/// The LwM2M registry's object list and one object's page.
const REGISTRY_PAGES: [&str; 2] = [
    "/lwm2m/resources/registry/objects",
    "/lwm2m/resources/registry/objects/3",
];

#[test]
fn registry_pages_at_1280_and_390_px_light_and_dark() -> TestResult {
    with_browser(true, |browser| async move {
        let mut failures = Failures::default();
        browser.check_pages(&REGISTRY_PAGES, &mut failures).await?;
        browser.check_registry_filter(&mut failures).await?;
        browser.check_resource_anchor(&mut failures).await?;
        failures.into_result()
    })
}

impl Browser {
    /// The object list's quick filter: ticking the source "OMA" shows only OMA's objects.
    async fn check_registry_filter(&self, failures: &mut Failures) -> TestResult {
        let path = REGISTRY_PAGES[0];
        self.goto(path).await?;
        // The Source column is the list's fourth (the Owner column has an "OMA" too).
        let oma = "article [data-table] input[data-filter-column=\"3\"][value=\"OMA\"]";
        self.js(
            "document.querySelector(arguments[0]).scrollIntoView({ block: 'center', behavior: 'instant' })",
            vec![json!(oma)],
        )
        .await?;
        self.click(oma).await?;
        let shown = self
            .js(
                "const rows = [...document.querySelectorAll('article [data-table] tbody tr')].filter((r) => r.checkVisibility()); \
                 return [rows.length, rows.every((r) => r.cells[3].textContent === 'OMA'), \
                 document.querySelector('article [data-table-status]').textContent]",
                vec![],
            )
            .await?;
        failures.check(
            shown == json!([25, true, "Showing 1 to 25 out of 41 items"]),
            || format!("{path}: filtering on the source OMA shows {shown}"),
        );
        Ok(())
    }

    /// A resource's anchor lands on its row: `…/objects/3#r13` is Current Time, scrolled into
    /// view (smoothly: polled).
    async fn check_resource_anchor(&self, failures: &mut Failures) -> TestResult {
        let path = "/lwm2m/resources/registry/objects/3#r13";
        self.goto(path).await?;
        let in_view = "const r = document.querySelector('tr:target'); if (!r) return null; \
                       const box = r.getBoundingClientRect(); \
                       return box.top >= 0 && box.bottom <= window.innerHeight ? [r.id, r.cells[1].textContent] : null";
        match self
            .wait_for(
                &format!("{path}: the targeted row in view"),
                in_view,
                vec![],
            )
            .await
        {
            Ok(row) => failures.check(row == json!(["r13", "Current Time"]), || {
                format!("{path}: the targeted row is {row}")
            }),
            Err(error) => failures.check(false, || error.to_string()),
        }
        Ok(())
    }
}

#[test]
fn the_registry_list_shows_every_object_without_javascript() -> TestResult {
    let server = Server::start(&SITE)?;
    let path = REGISTRY_PAGES[0];
    let html = server.get(path)?.text();
    let rows = html.matches("<tr class=").count();
    assert_eq!(rows, 340, "{path}: one row per object ID of index.tsv");
    every_row_shows_without_javascript(path, rows)
}

/// Loads `path` with JavaScript off at 1280 and 390 px and checks that its tables show all
/// their `rows`.
fn every_row_shows_without_javascript(path: &'static str, rows: usize) -> TestResult {
    with_browser(false, |browser| async move {
        let mut failures = Failures::default();
        for width in [1280, 390] {
            bounded("resizing", browser.client.set_window_size(width, 900)).await??;
            browser.goto(path).await?;
            let shown = browser
                .js(
                    "return [...document.querySelectorAll('article [data-table] tbody tr')].filter((r) => r.checkVisibility()).length",
                    vec![],
                )
                .await?;
            failures.check(shown.as_u64() == Some(rows as u64), || {
                format!("{path} at {width} px without JavaScript: {shown} of {rows} rows show")
            });
        }
        failures.into_result()
    })
}

#[test]
fn guide_tables_show_every_row_without_javascript() -> TestResult {
    let server = Server::start(&SITE)?;
    let path = "/guide/components/sh-dynamic-table";
    let html = server.get(path)?.text();
    // Every row of every table is in the HTML, as the compiler wrote it.
    let rows = html.matches("<tr class=").count();
    assert!(rows > 20, "{path}: {rows} rows in the HTML");
    every_row_shows_without_javascript(path, rows)
}

impl Browser {
    /// ShFaq: a click on a question opens its answer, a second click closes it.
    async fn check_faq(&self, failures: &mut Failures) -> TestResult {
        let path = "/guide/components/sh-faq";
        self.goto(path).await?;
        let question = "article details.group > summary";
        let answer = "article details.group > div";
        let state = |open: bool| {
            format!(
                "const d = document.querySelector('article details.group'); \
                 const a = d.querySelector(':scope > div'); \
                 return d.open === {open} && a.checkVisibility() === {open}"
            )
        };
        failures.check(!self.shown(answer).await?, || {
            format!("{path}: an answer shows before any click")
        });
        // Clear of the fixed footer.
        self.js(
            "document.querySelector(arguments[0]).scrollIntoView({ block: 'center', behavior: 'instant' })",
            vec![json!(question)],
        )
        .await?;
        self.click(question).await?;
        failures.check(
            self.js(&state(true), vec![]).await? == Value::Bool(true),
            || format!("{path}: a click does not open the first answer"),
        );
        failures.check(self.shown(answer).await?, || {
            format!("{path}: the opened answer is not displayed")
        });
        self.click(question).await?;
        failures.check(
            self.js(&state(false), vec![]).await? == Value::Bool(true),
            || format!("{path}: a second click does not close the answer"),
        );
        Ok(())
    }

    /// ShCarousel: the script's arrow scrolls the track sideways to the next slide.
    async fn check_carousel(&self, failures: &mut Failures) -> TestResult {
        let path = "/guide/components/sh-carousel";
        self.goto(path).await?;
        let track = "article [data-carousel] [data-carousel-track]";
        let position =
            format!("const t = document.querySelector('{track}'); return t ? t.scrollLeft : -1");
        let start = self.js(&position, vec![]).await?.as_f64().unwrap_or(-1.0);
        failures.check(start >= 0.0, || format!("{path}: no carousel track"));
        self.js(
            "document.querySelector(arguments[0]).scrollIntoView({ block: 'center', behavior: 'instant' })",
            vec![json!("article [data-carousel]")],
        )
        .await?;
        self.click("article [data-carousel] [data-carousel-next]")
            .await?;
        let moved = self
            .until(
                "the carousel's next arrow",
                &format!(
                    "const t = document.querySelector('{track}'); return t.scrollLeft > {start} + t.clientWidth / 2"
                ),
            )
            .await;
        failures.check(moved.is_ok(), || {
            format!("{path}: the next arrow does not scroll to the next slide")
        });
        Ok(())
    }
}

impl Browser {
    /// ShMicroCard's layouts: the `cta` card is no link but holds its chevron link, drawn; the
    /// cards that are links keep the colour of the text around them (in the theme the guide's
    /// pages were last seen in, dark, where the site colours links).
    async fn check_micro_card_layouts(&self, failures: &mut Failures) -> TestResult {
        let path = "/guide/components/sh-micro-card";
        self.goto(path).await?;
        let facts = self
            .js(
                r#"
                const chevron = 'a[aria-label="Read more"]';
                const ctas = [...document.querySelectorAll("article div.not-prose.container")]
                  .filter((card) => card.querySelector(chevron));
                const link = ctas.length ? ctas[0].querySelector(chevron) : null;
                const svg = link ? link.querySelector("svg") : null;
                const size = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
                const cards = [...document.querySelectorAll("article a.not-prose.container")];
                const colour = (element) => getComputedStyle(element).color;
                return {
                  ctas: ctas.length,
                  href: link ? link.getAttribute("href") : null,
                  chevron: size.width > 0 && size.height > 0 && svg.querySelectorAll("path").length > 0,
                  cards: cards.length,
                  recoloured: cards.filter((card) => colour(card) !== colour(card.parentElement)).map((card) => card.outerHTML.slice(0, 120)),
                };
                "#,
                vec![],
            )
            .await?;
        failures.check(
            facts["ctas"] == 1 && facts["href"] == "/guide/components" && facts["chevron"] == true,
            || {
                format!(
                    "{path}: the cta card has no drawn chevron link to /guide/components: {facts}"
                )
            },
        );
        failures.check(
            facts["cards"].as_u64().is_some_and(|cards| cards >= 8),
            || {
                format!(
                    "{path}: {} cards that are links, expected 8 or more",
                    facts["cards"]
                )
            },
        );
        failures.check(
            facts["recoloured"].as_array().is_some_and(Vec::is_empty),
            || {
                format!(
                    "{path}: cards whose text takes the link colour: {}",
                    facts["recoloured"]
                )
            },
        );
        // The copy button copies its card's title, and the click stays on the page.
        self.js(
            r#"window.copied = null;
               navigator.clipboard.writeText = (text) => { window.copied = text; return Promise.resolve(); };"#,
            vec![],
        )
        .await?;
        // A script click: the button only shows under the pointer.
        let copied = self
            .js(
                r#"const button = document.querySelector("article [data-copy-title]");
                   const click = new MouseEvent("click", { bubbles: true, cancelable: true });
                   const followed = button.dispatchEvent(click);
                   const title = button.closest(".group").querySelector(":scope > div.relative").firstElementChild;
                   return { copied: window.copied, title: title.textContent.trim(), followed };"#,
                vec![],
            )
            .await?;
        failures.check(
            copied["copied"]
                .as_str()
                .is_some_and(|text| !text.is_empty())
                && copied["copied"] == copied["title"]
                && copied["followed"] == false,
            || format!("{path}: the copy button did not copy its card's title: {copied}"),
        );
        Ok(())
    }
}

/// Runs in every new document before its own scripts: notes `<html>`'s classes when `<body>`
/// is inserted (the head, with its blocking colour-mode script, is done by then, and nothing
/// has painted) and at the first animation frame with a body to paint (just before the first
/// paint of any content).
const FIRST_PAINT_PROBE: &str = r#"
(function () {
  var seen = {};
  window.__firstPaint = seen;
  function note(when) {
    if (!(when in seen)) seen[when] = document.documentElement ? document.documentElement.className : "";
  }
  new MutationObserver(function (records, observer) {
    if (document.body) { note("body"); observer.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
  function frame() {
    if (document.body) note("frame"); else requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
})();
"#;

impl Browser {
    /// The operating system's colour scheme, as the page's media queries see it.
    async fn emulate_scheme(&self, scheme: &str) -> TestResult {
        self.cdp(
            "Emulation.setEmulatedMedia",
            json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
        )
        .await?;
        Ok(())
    }

    /// What the colour mode looks like now: `<html>`'s classes, the header button's label,
    /// which of its icons shows, the stored choice and what the probe saw before painting.
    async fn colour_mode(&self) -> Result<Value, Error> {
        self.js(
            r#"
            const button = document.getElementById("color-mode");
            const shown = [...button.querySelectorAll("[data-mode]")]
              .filter((icon) => getComputedStyle(icon).display !== "none")
              .map((icon) => icon.dataset.mode);
            return {
              classes: document.documentElement.className,
              label: button.getAttribute("aria-label"),
              shown,
              stored: localStorage.getItem("nuxt-color-mode"),
              firstPaint: window.__firstPaint || null,
              background: getComputedStyle(document.body).backgroundColor,
            };
            "#,
            vec![],
        )
        .await
    }

    /// Waits, [`COMMAND_TIMEOUT`] at most, until `script` returns true.
    async fn until(&self, what: &str, script: &str) -> TestResult {
        let deadline = Instant::now() + COMMAND_TIMEOUT;
        while self.js(script, vec![]).await? != Value::Bool(true) {
            if Instant::now() > deadline {
                return Err(fail(format!("{what}: not within {COMMAND_TIMEOUT:?}")));
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        Ok(())
    }

    /// The first element `css` selects.
    async fn find(&self, css: &str) -> Result<Element, Error> {
        Ok(bounded(css, self.client.find(Locator::Css(css))).await??)
    }

    /// Whether the first element `css` selects is displayed.
    async fn shown(&self, css: &str) -> Result<bool, Error> {
        let element = self.find(css).await?;
        Ok(bounded(css, element.is_displayed()).await??)
    }

    async fn click(&self, css: &str) -> TestResult {
        let element = self.find(css).await?;
        bounded(css, element.click()).await??;
        Ok(())
    }
}

/// `<html>`'s classes in `state` (a [`Browser::colour_mode`] or its `firstPaint` member).
fn has_class(state: &Value, key: &str, class: &str) -> bool {
    state[key]
        .as_str()
        .is_some_and(|classes| classes.split_whitespace().any(|c| c == class))
}

#[test]
fn colour_mode_button_cycles_and_the_choice_applies_before_the_first_paint() -> TestResult {
    with_browser(true, |browser| async move {
        browser.emulate_scheme("light").await?;
        browser
            .cdp(
                "Page.addScriptToEvaluateOnNewDocument",
                json!({ "source": FIRST_PAINT_PROBE }),
            )
            .await?;
        browser.goto(PAGES[0]).await?;
        browser.js("localStorage.clear()", vec![]).await?;
        browser.goto(PAGES[0]).await?;

        // A first visit follows the system.
        let state = browser.colour_mode().await?;
        assert!(has_class(&state, "classes", "light"), "{state}");
        assert_eq!(state["label"], "Colour mode: system", "{state}");
        assert_eq!(state["shown"], json!(["system"]), "{state}");
        // The system's change applies without a reload (its event comes a moment later).
        browser.emulate_scheme("dark").await?;
        browser
            .until(
                "a system change to dark",
                "return document.documentElement.classList.contains('dark')",
            )
            .await?;
        browser.emulate_scheme("light").await?;
        browser
            .until(
                "a system change to light",
                "return document.documentElement.classList.contains('light')",
            )
            .await?;

        // system → light → dark, each applied at once and stored.
        for choice in ["light", "dark"] {
            browser.click("#color-mode").await?;
            let state = browser.colour_mode().await?;
            assert!(has_class(&state, "classes", choice), "{choice}: {state}");
            assert_eq!(state["label"], format!("Colour mode: {choice}"), "{state}");
            assert_eq!(state["shown"], json!([choice]), "{state}");
            assert_eq!(state["stored"], choice, "{state}");
        }
        let dark = colour(&browser.colour_mode().await?["background"]);
        assert!(
            dark.is_some_and(|c| luminance(c, [0.0; 3]) < 0.15),
            "{dark:?}"
        );

        // Dark survives a reload and a new page, and is on <html> before anything paints
        // (the system says light).
        for path in [PAGES[0], PAGES[2]] {
            browser.goto(path).await?;
            browser
                .until(
                    "the first frame",
                    "return Boolean(window.__firstPaint && 'frame' in window.__firstPaint)",
                )
                .await?;
            let state = browser.colour_mode().await?;
            assert!(has_class(&state, "classes", "dark"), "{path}: {state}");
            assert!(
                has_class(&state["firstPaint"], "body", "dark")
                    && has_class(&state["firstPaint"], "frame", "dark"),
                "{path}: no `dark` before the first paint: {state}"
            );
            assert_eq!(state["label"], "Colour mode: dark", "{path}: {state}");
        }

        // dark → system: the system's scheme again.
        browser.click("#color-mode").await?;
        let state = browser.colour_mode().await?;
        assert!(has_class(&state, "classes", "light"), "{state}");
        assert_eq!(state["stored"], "system", "{state}");
        assert_eq!(state["shown"], json!(["system"]), "{state}");

        // The footer's button switches to the other mode and stores it.
        browser.click("#theme-toggle").await?;
        let state = browser.colour_mode().await?;
        assert!(has_class(&state, "classes", "dark"), "{state}");
        assert_eq!(state["stored"], "dark", "{state}");
        browser.click("#theme-toggle").await?;
        let state = browser.colour_mode().await?;
        assert!(has_class(&state, "classes", "light"), "{state}");
        assert_eq!(state["stored"], "light", "{state}");
        browser.goto(PAGES[1]).await?;
        let state = browser.colour_mode().await?;
        assert!(
            has_class(&state["firstPaint"], "body", "light"),
            "light chosen, dark system: {state}"
        );
        Ok(())
    })
}

#[test]
fn every_page_reads_without_javascript() -> TestResult {
    with_browser(false, |browser| async move {
        let mut failures = Failures::default();
        for width in [1280, 390] {
            bounded("resizing", browser.client.set_window_size(width, 900)).await??;
            for path in PAGES {
                let case = format!("{path} at {width} px without JavaScript");
                browser.goto(path).await?;
                // The colour-mode script did not run: JavaScript is really off.
                let html = browser.find("html").await?;
                let classes = bounded("class", html.attr("class")).await??;
                failures.check(classes.is_none(), || {
                    format!("{case}: the script ran (<html class=\"{classes:?}\">)")
                });
                let article = browser.find("article").await?;
                let text = bounded("text", article.text()).await??;
                let shown = browser.shown("article").await?;
                failures.check(shown && text.len() > 300, || {
                    format!("{case}: the article shows {} characters", text.len())
                });
                for image in bounded("images", article.find_all(Locator::Css("img"))).await?? {
                    let (_, _, w, h) = bounded("image", image.rectangle()).await??;
                    failures.check(w > 0.0 && h > 0.0, || {
                        format!("{case}: an image is {w}x{h}")
                    });
                }
                // The buttons that need the script stay hidden; the menu needs none.
                for id in ["#color-mode", "#theme-toggle"] {
                    let shown = browser.shown(id).await?;
                    failures.check(!shown, || format!("{case}: {id} shows"));
                }
                browser.click("details > summary").await?;
                let open = browser.shown("details li a").await?;
                failures.check(open, || format!("{case}: the Menus list does not open"));
            }
        }
        failures.into_result()
    })
}

/// The console entries of `log` about the Content-Security-Policy.
fn policy_messages(log: Vec<Value>) -> Vec<Value> {
    log.into_iter()
        .filter(|entry| {
            entry["message"]
                .as_str()
                .is_some_and(|m| m.contains("Content Security Policy"))
        })
        .collect()
}

impl Browser {
    /// Checks that the open page's own script ran, with nothing logged about the policy since
    /// the log was last read.
    async fn check_policy_lets_the_theme_script_run(&self, path: &str) -> TestResult {
        let state = self.colour_mode().await?;
        assert!(
            has_class(&state, "classes", "light") || has_class(&state, "classes", "dark"),
            "{path}: the colour-mode script did not run: {state}"
        );
        assert!(
            self.shown("#color-mode").await?,
            "{path}: the script did not show its button"
        );
        let logged = policy_messages(self.log("browser").await?);
        assert!(logged.is_empty(), "{path}: {logged:?}");
        Ok(())
    }

    /// Injects an inline script into the open page and checks that the policy refused it, and
    /// said so in the console.
    async fn check_policy_refuses_inline_script(&self, path: &str) -> TestResult {
        self.js(
            "const s = document.createElement('script'); s.textContent = 'window.inline = 1'; document.head.appendChild(s);",
            vec![],
        )
        .await?;
        let inline = self.js("return window.inline || null", vec![]).await?;
        assert_eq!(inline, Value::Null, "{path}: an injected inline script ran");
        let logged = policy_messages(self.log("browser").await?);
        assert!(
            !logged.is_empty(),
            "{path}: the refused inline script is not in the console log"
        );
        Ok(())
    }
}

#[test]
fn the_content_security_policy_lets_the_theme_script_run() -> TestResult {
    let server = Server::start(&SITE)?;
    let csp = server.get(PAGES[0])?;
    let policy = csp
        .header("content-security-policy")
        .unwrap_or_default()
        .to_string();
    assert!(policy.contains("script-src 'self'"), "{policy}");
    with_browser(true, |browser| async move {
        for path in PAGES {
            browser.log("browser").await?;
            browser.goto(path).await?;
            browser.check_policy_lets_the_theme_script_run(path).await?;
        }
        // The check can see a violation: an inline script is refused and logged.
        browser.check_policy_refuses_inline_script(PAGES[4]).await
    })
}

/// nginx serving a folder on 127.0.0.1, at an ephemeral port, with no header of its own
/// configured: a static host that nobody told about the site. Dropping it, also when a test
/// panics, stops nginx and removes the folder.
struct Nginx {
    process: Child,
    dir: PathBuf,
    base: String,
}

/// How long nginx may take to listen.
const NGINX_START: Duration = Duration::from_secs(10);

impl Nginx {
    /// `site`'s export, written as `site export` writes it, and served.
    fn serve_export(site: &'static site::Site) -> Result<Nginx, Error> {
        let nginx = find_binary("NGINX", &["nginx"])
            .or_else(|| Some(PathBuf::from("/usr/sbin/nginx")).filter(|path| path.is_file()))
            .ok_or_else(|| {
                fail(
                    "nginx not found: install it (Debian: `apt-get install -y nginx`, as .ci/run \
                     does), or name it in NGINX",
                )
            })?;
        let dir = std::env::temp_dir().join(format!("site-nginx-{}", std::process::id()));
        // Left over from an earlier process of the same id, killed before it could clean up.
        let _ = std::fs::remove_dir_all(&dir);
        let export = dir.join("export");
        site::export::export(site, &export, &mut std::io::sink())?;
        let port = free_port()?;
        let log = dir.join("error.log");
        // One process in the foreground (no master and workers), whose files are all in `dir`.
        let config = format!(
            r#"daemon off;
master_process off;
pid "{dir}/nginx.pid";
error_log "{log}";
events {{ worker_connections 64; }}
http {{
    access_log off;
    types {{
        text/html html; text/css css; text/javascript js; application/xml xml;
        image/png png; image/jpeg jpg jpeg; image/svg+xml svg; font/woff2 woff2;
    }}
    default_type application/octet-stream;
    client_body_temp_path "{dir}/body";
    proxy_temp_path "{dir}/proxy";
    fastcgi_temp_path "{dir}/fastcgi";
    uwsgi_temp_path "{dir}/uwsgi";
    scgi_temp_path "{dir}/scgi";
    server {{
        listen 127.0.0.1:{port};
        root "{export}";
        location / {{ try_files $uri $uri/index.html =404; }}
        error_page 404 /404.html;
    }}
}}
"#,
            dir = dir.display(),
            log = log.display(),
            export = export.display(),
        );
        let config_file = dir.join("nginx.conf");
        std::fs::write(&config_file, config)?;
        let process = Command::new(&nginx)
            .arg("-p")
            .arg(&dir)
            .arg("-e")
            .arg(&log)
            .arg("-c")
            .arg(&config_file)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| fail(format!("cannot run {}: {e}", nginx.display())))?;
        let mut server = Nginx {
            process,
            dir,
            base: format!("http://127.0.0.1:{port}"),
        };
        let deadline = Instant::now() + NGINX_START;
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Some(status) = server.process.try_wait()? {
                return Err(fail(format!(
                    "nginx exited ({status}):\n{}",
                    tail(&std::fs::read_to_string(&log).unwrap_or_default())
                )));
            }
            if Instant::now() > deadline {
                return Err(fail(format!("nginx did not listen within {NGINX_START:?}")));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(server)
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[test]
fn the_export_on_a_host_sending_no_policy_still_refuses_injected_script() -> TestResult {
    let _serial = SERIAL.lock().unwrap_or_else(PoisonError::into_inner);
    let nginx = Nginx::serve_export(&SITE)?;
    // Only the documents' own policies protect them here.
    let response = agent().get(format!("{}{}", nginx.base, PAGES[0])).call()?;
    assert_eq!(response.status(), 200);
    assert!(
        response.headers().get("content-security-policy").is_none(),
        "nginx sends a policy"
    );
    // A seed page, a page whose policy lets in a YouTube player, and the 404 page.
    let paths = [PAGES[0], "/guide/components/sh-video", "/no/such/page"];
    with_browser_at(&nginx.base, true, |browser| async move {
        for path in paths {
            browser.log("browser").await?;
            browser.goto(path).await?;
            browser.check_policy_lets_the_theme_script_run(path).await?;
            browser.check_policy_refuses_inline_script(path).await?;
        }
        Ok(())
    })
}

/// The animated icons of the page (every `<svg>` holding SMIL animation elements): whether its
/// animations are paused, and whether every stroke it draws by animating its dash offset
/// (line-md's drawn icons) is whole.
const ANIMATED_ICONS: &str = r#"
const animations = [...document.querySelectorAll("animate, animateMotion, animateTransform, set")];
return [...new Set(animations.map((animation) => animation.ownerSVGElement))].map((svg) => ({
  paused: svg.animationsPaused(),
  whole: [...svg.querySelectorAll('animate[attributeName="stroke-dashoffset"]')]
    .every((animation) => parseFloat(getComputedStyle(animation.parentElement).strokeDashoffset) === 0),
}));
"#;

/// The page's [`ANIMATED_ICONS`] once their animations are all `paused` or all not, or after
/// a second: the media query's `change` event comes a moment after the emulated preference.
async fn animated_icons(browser: &Browser, paused: bool) -> Result<Vec<Value>, Error> {
    let deadline = Instant::now() + Duration::from_secs(1);
    loop {
        let found = browser.js(ANIMATED_ICONS, vec![]).await?;
        let icons = found.as_array().cloned().unwrap_or_default();
        if icons.is_empty() {
            return Err(fail("no animated icon to check"));
        }
        if icons.iter().all(|icon| icon["paused"] == paused) || Instant::now() > deadline {
            return Ok(icons);
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Emulates the reader's `prefers-reduced-motion` setting (`reduce`, `no-preference`).
async fn prefer_motion(browser: &Browser, motion: &str) -> TestResult {
    let feature = json!({ "name": "prefers-reduced-motion", "value": motion });
    browser
        .cdp(
            "Emulation.setEmulatedMedia",
            json!({ "features": [feature] }),
        )
        .await?;
    Ok(())
}

#[test]
fn animated_icons_stand_still_for_readers_who_prefer_reduced_motion() -> TestResult {
    // ShListCards' clear button is drawn stroke by stroke (line-md's SMIL), and its page loads
    // the enhancement script for its tag filter.
    let path = "/guide/components/sh-list-cards";
    with_browser(true, |browser| async move {
        prefer_motion(&browser, "reduce").await?;
        browser.goto(path).await?;
        for icon in animated_icons(&browser, true).await? {
            assert_eq!(
                icon["paused"], true,
                "{path}: an animated icon moves: {icon}"
            );
            assert_eq!(
                icon["whole"], true,
                "{path}: a drawn icon stands unfinished: {icon}"
            );
        }
        // The icons follow the reader's setting as it changes.
        prefer_motion(&browser, "no-preference").await?;
        for icon in animated_icons(&browser, false).await? {
            assert_eq!(icon["paused"], false, "{path}: an icon stays still: {icon}");
        }
        prefer_motion(&browser, "reduce").await?;
        for icon in animated_icons(&browser, true).await? {
            assert_eq!(
                icon["paused"], true,
                "{path}: an animated icon moves: {icon}"
            );
        }
        Ok(())
    })
}

// ---- ShCarousel's body form, ShHelperComponent, the `web` layout, the announcement ---------

/// The guide's first carousel with dots (the body form's): how far its track is scrolled, its
/// dots and, for each group, whether it fills the track's view and how many of its images show.
const BODY_CAROUSEL: &str = r#"
const root = [...document.querySelectorAll("article [data-carousel]")]
  .find((carousel) => carousel.querySelector("[data-carousel-navigation]"));
if (!root) return null;
const track = root.querySelector("[data-carousel-track]");
const navigation = root.querySelector("[data-carousel-navigation]");
const view = track.getBoundingClientRect();
return {
  scrollLeft: track.scrollLeft,
  clientWidth: track.clientWidth,
  overflowX: getComputedStyle(track).overflowX,
  dotsShown: navigation.checkVisibility(),
  active: [...navigation.querySelectorAll("button")].map((dot) => dot.classList.contains("bg-golden")),
  groups: [...track.querySelectorAll("[data-carousel-slide]")].map((group) => {
    const box = group.getBoundingClientRect();
    return {
      inView: Math.abs(box.left - view.left) < 2 && Math.abs(box.right - view.right) < 2,
      images: [...group.querySelectorAll("img")]
        .filter((image) => image.complete && image.naturalWidth > 0 && image.checkVisibility()).length,
    };
  }),
};
"#;

/// The first group `BODY_CAROUSEL` reports in view, if any.
fn group_in_view(facts: &Value) -> Option<usize> {
    facts["groups"]
        .as_array()?
        .iter()
        .position(|group| group["inView"] == true)
}

impl Browser {
    /// ShCarousel's body form: the script shows the dots, the views advance by themselves, and
    /// a dot shows its view and becomes the active one.
    async fn check_body_carousel(&self, failures: &mut Failures) -> TestResult {
        let path = "/guide/components/sh-carousel";
        self.goto(path).await?;
        let facts = self.js(BODY_CAROUSEL, vec![]).await?;
        failures.check(
            facts["dotsShown"] == true && facts["active"] == json!([true, false, false]),
            || format!("{path}: the body carousel's dots do not show, the first active: {facts}"),
        );
        // Clear of the fixed footer, the pointer and the focus elsewhere: nothing pauses it.
        self.js(
            "const root = document.querySelector('article [data-carousel-navigation]').closest('[data-carousel]'); \
             root.scrollIntoView({ block: 'center', behavior: 'instant' }); \
             root.dispatchEvent(new MouseEvent('mouseleave')); \
             if (document.activeElement) document.activeElement.blur();",
            vec![],
        )
        .await?;
        let track = "document.querySelector('article [data-carousel-navigation]').closest('[data-carousel]').querySelector('[data-carousel-track]')";
        let advanced = self
            .until(
                "the body carousel's autoplay",
                &format!("const t = {track}; return t.scrollLeft > t.clientWidth / 2"),
            )
            .await;
        failures.check(advanced.is_ok(), || {
            format!("{path}: the body carousel does not advance by itself (`timer` 2 s)")
        });
        let dot = "article [data-carousel-navigation] button:nth-child(3)";
        // Clear of the fixed footer, which is taller on a phone.
        self.js(
            "document.querySelector(arguments[0]).scrollIntoView({ block: 'center', behavior: 'instant' })",
            vec![json!(dot)],
        )
        .await?;
        self.click(dot).await?;
        let chosen = self
            .until(
                "the body carousel's third dot",
                &format!(
                    "const t = {track}; const dots = t.closest('[data-carousel]').querySelectorAll('[data-carousel-dot]'); \
                     return Math.abs(t.scrollLeft - 2 * t.clientWidth) < 2 \
                       && dots[2].classList.contains('bg-golden') && !dots[0].classList.contains('bg-golden')"
                ),
            )
            .await;
        let facts = self.js(BODY_CAROUSEL, vec![]).await?;
        failures.check(chosen.is_ok() && group_in_view(&facts) == Some(2), || {
            format!("{path}: the third dot does not show the third view as the active one: {facts}")
        });
        Ok(())
    }

    /// ShHelperComponent: each logo in its dark-mode version in dark mode and its light-mode
    /// version in light mode, loaded.
    async fn check_helper_logos(&self, failures: &mut Failures) -> TestResult {
        let path = "/guide/components/sh-helper-component";
        let shown = r#"
            return [...document.querySelectorAll("article div.flex-col")]
              .filter((logos) => logos.classList.contains("-mt-3"))
              .map((logos) => [...logos.querySelectorAll("img")]
                .filter((image) => image.checkVisibility() && image.complete && image.naturalWidth > 0)
                .map((image) => image.getAttribute("src")));
        "#;
        // The default logos (no second logo in light mode), then four of the example's own.
        for (theme, expected) in [
            (
                "light",
                json!([["/logo-light.png"], ["/logo-light.png", "/images/oma2.png"]]),
            ),
            (
                "dark",
                json!([
                    ["/logo-dark.png", "/images/oma2.png"],
                    ["/logo-dark.png", "/images/oma2.png"]
                ]),
            ),
        ] {
            self.choose_theme(theme).await?;
            self.goto(path).await?;
            let logos = self.js(shown, vec![]).await?;
            failures.check(logos == expected, || {
                format!("{path} in {theme} mode: the logos shown are {logos}, expected {expected}")
            });
        }
        Ok(())
    }

    /// `layout: web`: the grid, its one full-width section and the padded body, with no title
    /// but the page's own `# …` and neither side menu nor table of contents.
    async fn check_web_layout(&self, failures: &mut Failures) -> TestResult {
        let path = "/guide/layouts";
        self.goto(path).await?;
        let facts = self
            .js(
                r#"
                const article = document.querySelector("main > article");
                const grid = article.firstElementChild;
                const section = grid && grid.firstElementChild;
                const body = section && section.firstElementChild;
                const width = (element) => Math.round(element.getBoundingClientRect().width);
                const padding = innerWidth >= 1536 ? "144px" : innerWidth >= 640 ? "32px" : "16px";
                return {
                  grid: grid && `${grid.tagName} ${grid.className} ${grid.children.length}`,
                  section: section && `${section.tagName} ${section.className} ${section.children.length}`,
                  body: body && `${body.tagName} ${body.className}`,
                  fontSize: body && getComputedStyle(body).fontSize,
                  padded: body && getComputedStyle(body).paddingLeft === padding && getComputedStyle(body).paddingRight === padding,
                  fullWidth: section && width(section) === width(document.querySelector("main")),
                  headings: [...article.querySelectorAll("h1")].map((h1) => h1.textContent),
                  first: body && body.firstElementChild && body.firstElementChild.tagName,
                  menus: article.querySelectorAll("aside, nav").length,
                };
                "#,
                vec![],
            )
            .await?;
        let expected = json!({
            "grid": "DIV grid grid-cols-12 relative 1",
            "section": "SECTION col-start-1 col-span-12 lg:col-start-1 lg:col-span-12 w-full lg:w-full overflow-auto 1",
            "body": "DIV par pb-10 pl-4 pr-4 sm:pl-8 sm:pr-8 2xl:pl-36 2xl:pr-36",
            "fontSize": "23px",
            "padded": true,
            "fullWidth": true,
            "headings": ["Layouts"],
            "first": "H1",
            "menus": 0,
        });
        failures.check(facts == expected, || {
            format!("{path}: the `web` layout is {facts}, expected {expected}")
        });
        Ok(())
    }
}

#[test]
fn body_carousel_views_are_reachable_without_javascript() -> TestResult {
    let path = "/guide/components/sh-carousel";
    with_browser(false, |browser| async move {
        let mut failures = Failures::default();
        for width in [1280, 390] {
            bounded("resizing", browser.client.set_window_size(width, 900)).await??;
            browser.goto(path).await?;
            let case = format!("{path} at {width} px without JavaScript");
            let facts = browser.js(BODY_CAROUSEL, vec![]).await?;
            let views = facts["groups"].as_array().map_or(0, Vec::len);
            // The dots need the script: hidden; the track scrolls by itself.
            failures.check(
                facts["dotsShown"] == false && facts["overflowX"] == "auto" && views == 3,
                || format!("{case}: expected a scrolling track of 3 views, no dots: {facts}"),
            );
            for view in 0..views {
                let facts = browser
                    .js(
                        &format!(
                            "const t = document.querySelector('article [data-carousel-navigation]').closest('[data-carousel]').querySelector('[data-carousel-track]'); \
                             t.scrollLeft = {view} * t.clientWidth; {BODY_CAROUSEL}"
                        ),
                        vec![],
                    )
                    .await?;
                failures.check(
                    group_in_view(&facts) == Some(view) && facts["groups"][view]["images"] == 1,
                    || format!("{case}: view {view} does not show when scrolled to: {facts}"),
                );
            }
        }
        failures.into_result()
    })
}

/// A build of a content folder, served as the compiled site is: for a site that only a
/// fixture has (a visible announcement would be on every page of the real one).
struct Built(site_compiler::Build);

fn header_value(text: &str) -> HeaderValue {
    HeaderValue::from_str(text).unwrap_or_else(|_| HeaderValue::from_static(""))
}

fn representation(
    bytes: &[u8],
    content_type: &str,
    etag: &str,
    policy: Option<String>,
) -> Representation<Vec<u8>, HeaderValue> {
    Representation {
        content_type: header_value(content_type),
        identity: bytes.to_vec(),
        etag: header_value(etag),
        br: None,
        gzip: None,
        cache_control: HeaderValue::from_static("no-store"),
        content_security_policy: policy.as_deref().map(header_value),
    }
}

fn page_representation(
    page: &site_compiler::embed::EmbeddedPage,
) -> Representation<Vec<u8>, HeaderValue> {
    representation(
        page.page.html.as_bytes(),
        "text/html; charset=utf-8",
        &page.variants.etag,
        Some(page.page.content_security_policy()),
    )
}

impl Store for Built {
    type Body = Vec<u8>;
    type Text = HeaderValue;

    fn base_path(&self) -> &str {
        ""
    }

    fn page(&self, route: &str) -> Option<Representation<Vec<u8>, HeaderValue>> {
        let page = self.0.pages.iter().find(|page| page.page.route == route)?;
        Some(page_representation(page))
    }

    fn asset(&self, route: &str) -> Option<Representation<Vec<u8>, HeaderValue>> {
        let asset = self.0.assets.iter().find(|asset| asset.route == route)?;
        Some(representation(
            &asset.bytes,
            &asset.content_type,
            &asset.variants.etag,
            None,
        ))
    }

    fn redirect(&self, _path: &str) -> Option<&str> {
        None
    }

    fn not_found(&self) -> Representation<Vec<u8>, HeaderValue> {
        page_representation(&self.0.not_found)
    }
}

/// The content folder `root` built and served on `127.0.0.1`, at an ephemeral port, through
/// the production routing, on a thread of its own for as long as the test runs.
fn serve_built(root: &std::path::Path) -> Result<String, Error> {
    let build = site_compiler::build(root, &site_compiler::Options::default())?;
    if build.failed() {
        return Err(fail(format!(
            "the fixture does not build: {:?}",
            build.diagnostics
        )));
    }
    let store = std::sync::Arc::new(Built(build));
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    listener.set_nonblocking(true)?;
    let base = format!("http://{}", listener.local_addr()?);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()?;
    std::thread::spawn(move || {
        runtime.block_on(async move {
            let app = axum::Router::new().fallback(move |request: axum::extract::Request| {
                let store = store.clone();
                async move {
                    respond(&*store, request.method(), request.uri(), request.headers())
                        .map(axum::body::Body::from)
                }
            });
            if let Ok(listener) = tokio::net::TcpListener::from_std(listener) {
                let _ = axum::serve(listener, app).await;
            }
        });
    });
    Ok(base)
}

/// A content folder in the temporary directory, removed afterwards.
struct Fixture(PathBuf);

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Where the banner is, whether it shows, and its text.
const BANNER: &str = r#"
const banner = document.getElementById("site-announcement");
const header = document.querySelector("header");
return {
  before: !!banner && !!header && !!(banner.compareDocumentPosition(header) & Node.DOCUMENT_POSITION_FOLLOWING),
  shown: !!banner && banner.checkVisibility(),
  text: banner ? banner.textContent.trim() : null,
  header: !!header && header.checkVisibility(),
};
"#;

#[test]
fn the_announcement_is_before_the_header_and_closes_without_a_script() -> TestResult {
    let fixture =
        Fixture(std::env::temp_dir().join(format!("site-announcement-{}", std::process::id())));
    std::fs::create_dir_all(&fixture.0)?;
    for (file, text) in [
        (
            "announcement.md",
            "---\nvisible: true\n---\n**Members' meeting** on 3 March: [the agenda](/a).\n",
        ),
        ("a.md", "---\ntitle: A\nlayout: doc\n---\nThe agenda.\n"),
        ("b.md", "---\ntitle: B\n---\nAnother page.\n"),
    ] {
        std::fs::write(fixture.0.join(file), text)?;
    }
    let base = serve_built(&fixture.0)?;
    let _serial = SERIAL.lock().unwrap_or_else(PoisonError::into_inner);
    for javascript in [true, false] {
        with_browser_at(&base, javascript, |browser| async move {
            let mut failures = Failures::default();
            let case = if javascript {
                "with JavaScript"
            } else {
                "without JavaScript"
            };
            browser.log("browser").await?;
            browser.goto("/a").await?;
            let banner = browser.js(BANNER, vec![]).await?;
            failures.check(
                banner["before"] == true
                    && banner["shown"] == true
                    && banner["text"] == "Members' meeting on 3 March: the agenda.",
                || format!("{case}: no banner before the header: {banner}"),
            );
            browser.click("#site-announcement label").await?;
            let closed = browser.js(BANNER, vec![]).await?;
            failures.check(closed["shown"] == false && closed["header"] == true, || {
                format!("{case}: the close button does not hide the banner: {closed}")
            });
            // Closed for this page only, as on the OMA site.
            browser.goto("/b").await?;
            let again = browser.js(BANNER, vec![]).await?;
            failures.check(again["shown"] == true, || {
                format!("{case}: the banner is not back on the next page: {again}")
            });
            for entry in browser.log("browser").await? {
                failures.check(
                    !matches!(entry["level"].as_str(), Some("SEVERE" | "WARNING")),
                    || format!("{case}: console: {}", entry["message"]),
                );
            }
            failures.into_result()
        })?;
    }
    Ok(())
}

/// Reads, for each of the first highlighted blocks of `arguments[0]` languages, its token
/// spans' colours: computed, and as the two themes' variables give them.
const CODE_COLOURS: &str = r#"
return arguments[0].map((language) => {
  const code = document.querySelector(`article pre.shiki > code.language-${language}`);
  if (!code) return { language, tokens: [] };
  const tokens = [...code.querySelectorAll("span.line > span[style]")].map((span) => ({
    text: span.textContent,
    light: span.style.getPropertyValue("--shiki-default"),
    dark: span.style.getPropertyValue("--shiki-dark"),
    computed: getComputedStyle(span).color,
  }));
  const pre = getComputedStyle(code.parentElement);
  return { language, tokens, background: pre.backgroundColor, lines: code.querySelectorAll("span.line").length };
});
"#;

/// `#RRGGBB` as `rgb(r, g, b)`, as computed styles write colours.
fn rgb(hex: &str) -> String {
    let channel = |at: usize| {
        hex.get(at..at + 2)
            .and_then(|pair| u8::from_str_radix(pair, 16).ok())
            .unwrap_or_default()
    };
    format!("rgb({}, {}, {})", channel(1), channel(3), channel(5))
}

impl Browser {
    /// The highlighted blocks of the guide in `theme`: per language, tokens of at least two
    /// colours, each token painted with its theme's colour, on a background of that mode.
    async fn check_code_colours(&self, theme: &str, failures: &mut Failures) -> TestResult {
        let languages = json!(["yaml", "mdc", "ts"]);
        let blocks = self.js(CODE_COLOURS, vec![languages]).await?;
        for block in blocks.as_array().into_iter().flatten() {
            let case = format!("/guide, {theme}, the first `{}` block", block["language"]);
            let tokens = block["tokens"].as_array().cloned().unwrap_or_default();
            failures.check(number(block, "lines") > 1.0 && tokens.len() > 1, || {
                format!("{case}: not highlighted: {block}")
            });
            let variable = if theme == "dark" { "dark" } else { "light" };
            for token in &tokens {
                let expected = rgb(token[variable].as_str().unwrap_or_default());
                failures.check(token["computed"] == expected.as_str(), || {
                    format!("{case}: {token} is not painted {expected}")
                });
            }
            // Two tokens of different kinds (a key and a value, a component and its text)
            // show in different colours.
            let mut colours: Vec<&str> = tokens
                .iter()
                .filter_map(|token| token["computed"].as_str())
                .collect();
            colours.sort_unstable();
            colours.dedup();
            failures.check(colours.len() >= 2, || {
                format!("{case}: every token has one colour: {colours:?}")
            });
            let background = colour(&block["background"]);
            let dark_background = background.is_some_and(|c| luminance(c, [0.0; 3]) < 0.2);
            failures.check(dark_background == (theme == "dark"), || {
                format!("{case}: background {} in {theme} mode", block["background"])
            });
        }
        Ok(())
    }
}

#[test]
fn code_is_highlighted_in_light_and_dark_and_the_copy_button_copies_it() -> TestResult {
    with_browser(true, |browser| async move {
        let mut failures = Failures::default();
        browser.set_width(1280).await?;
        for theme in ["light", "dark"] {
            browser.goto("/guide").await?;
            browser.choose_theme(theme).await?;
            browser.goto("/guide").await?;
            browser.check_code_colours(theme, &mut failures).await?;
        }

        // The colour-mode button repaints a token at once, from the same markup.
        let token = "article pre.shiki > code.language-yaml span[style]";
        let painted = format!("return getComputedStyle(document.querySelector('{token}')).color");
        let dark = browser.js(&painted, vec![]).await?;
        browser.click("#theme-toggle").await?;
        browser
            .until(
                "light mode",
                "return document.documentElement.classList.contains('light')",
            )
            .await?;
        let light = browser.js(&painted, vec![]).await?;
        failures.check(dark != light, || {
            format!("toggling the colour mode leaves the token {dark}")
        });

        // The copy button puts the block's text, as written, on the clipboard.
        let origin = browser.base.clone();
        browser
            .cdp(
                "Browser.grantPermissions",
                json!({ "origin": origin, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"] }),
            )
            .await?;
        let block = "article pre[data-filename]";
        browser
            .js(
                "document.querySelector(arguments[0]).scrollIntoView({ block: 'center', behavior: 'instant' })",
                vec![json!(block)],
            )
            .await?;
        browser
            .click(&format!("{block} > button.copy-code"))
            .await?;
        browser
            .until(
                "the copy button's answer",
                &format!(
                    "return document.querySelector('{block} > button').textContent === 'Copied'"
                ),
            )
            .await?;
        let copied = bounded(
            "reading the clipboard",
            browser.client.execute_async(
                "navigator.clipboard.readText().then(arguments[0], (e) => arguments[0]('refused: ' + e))",
                vec![],
            ),
        )
        .await??;
        let expected = "export default defineNuxtConfig({\n  modules: ['@nuxt/content'],\n  \
                        colorMode: { classSuffix: '' },\n})";
        failures.check(copied == expected, || {
            format!("the copy button copied {copied}, expected {expected:?}")
        });
        failures.into_result()
    })?;

    // Without JavaScript: the colours, the lines, no copy button.
    with_browser(false, |browser| async move {
        let mut failures = Failures::default();
        browser.goto("/guide").await?;
        browser.check_code_colours("light", &mut failures).await?;
        let buttons = browser
            .js(
                "return document.querySelectorAll('pre > button').length",
                vec![],
            )
            .await?;
        failures.check(buttons == 0, || {
            format!("{buttons} copy buttons without JavaScript")
        });
        failures.into_result()
    })
}

// ---- search -----------------------------------------------------------------------------------

/// The search index the site serves, read as the compiler reads it.
fn served_index() -> Result<Index, Error> {
    read_served(|route| {
        SITE.assets
            .iter()
            .find(|asset| asset.route == route)
            .map(|asset| &asset.bytes[..])
    })
    .ok_or_else(|| fail("the served index does not read back"))
}

/// The results the compiler ranks for `query`, as the links the script writes.
fn ranked_links(index: &Index, query: &str, limit: usize) -> Vec<String> {
    search(index, query, limit)
        .iter()
        .map(|hit| {
            let url = &index.pages[hit.page].url;
            match index.parts[hit.part].anchor.as_str() {
                "" => url.clone(),
                anchor => format!("{url}#{anchor}"),
            }
        })
        .collect()
}

/// How many results the header's list shows, and the search page.
const SHOWN: usize = 8;
const SHOWN_ON_PAGE: usize = 50;

/// The header's search results, or null while they are hidden: each result's link, title,
/// section, snippet, marked words and whether it is selected, the "no results" line, the
/// list's box and colours, the window's width.
const SEARCH_RESULTS: &str = r#"
const list = document.getElementById(arguments[0] || "search-results");
if (!list || list.hidden || !list.children.length) return null;
const r = list.getBoundingClientRect();
const field = document.querySelector('form.oma-search input[name="q"]');
const f = field.getBoundingClientRect();
const first = list.querySelector(".oma-search-title");
const mark = list.querySelector("mark");
return {
  results: [...list.querySelectorAll(".oma-search-result")].map((item) => ({
    href: item.querySelector("a").getAttribute("href"),
    title: item.querySelector(".oma-search-title").textContent,
    where: (item.querySelector(".oma-search-where") || {}).textContent || "",
    snippet: item.querySelector(".oma-search-snippet").textContent,
    marks: [...item.querySelectorAll("mark")].map((m) => m.textContent),
    selected: item.getAttribute("aria-selected") === "true",
  })),
  empty: (list.querySelector(".oma-search-empty") || {}).textContent || null,
  box: { left: r.left, right: r.right, top: r.top, bottom: r.bottom },
  field: { left: f.left, right: f.right, top: f.top, bottom: f.bottom, visible: field.checkVisibility() },
  background: getComputedStyle(list).backgroundColor,
  title: first ? getComputedStyle(first).color : null,
  mark: mark ? getComputedStyle(mark).backgroundColor : null,
  expanded: field.getAttribute("aria-expanded"),
  width: window.innerWidth,
  scrollWidth: document.documentElement.scrollWidth,
};
"#;

impl Browser {
    /// Presses `key` (a character, or a [`Key`]'s) where the focus is.
    async fn press(&self, key: char) -> TestResult {
        let actions = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        bounded("pressing a key", self.client.perform_actions(actions)).await??;
        Ok(())
    }

    /// The value of `script` once it is neither null nor false, polled for ten seconds.
    async fn wait_for(&self, what: &str, script: &str, args: Vec<Value>) -> Result<Value, Error> {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let value = self.js(script, args.clone()).await?;
            if !value.is_null() && value != Value::Bool(false) {
                return Ok(value);
            }
            if Instant::now() > deadline {
                return Err(fail(format!("{what}: not within 10 s")));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The header's results once they show for what the field holds.
    async fn search_results(&self, case: &str) -> Result<Value, Error> {
        self.wait_for(&format!("{case}: results"), SEARCH_RESULTS, vec![])
            .await
    }

    /// The path, query and fragment of the page shown, once it is `expected`.
    async fn wait_for_location(&self, case: &str, expected: &str) -> TestResult {
        let script = "const here = location.pathname + location.search + location.hash; \
                      return here === arguments[0] || null;";
        let waited = self
            .wait_for(
                &format!("{case}: opening {expected}"),
                script,
                vec![json!(expected)],
            )
            .await;
        if let Err(error) = waited {
            let here = self.js("return location.href", vec![]).await?;
            return Err(fail(format!("{error} (the page is {here})")));
        }
        Ok(())
    }

    /// The field holding `query`, as if typed, and the links it lists once it shows them.
    async fn links_for(&self, query: &str) -> Result<Vec<String>, Error> {
        let set = r#"const field = document.querySelector('form.oma-search input[name="q"]');
            field.value = arguments[0]; field.dispatchEvent(new Event("input"));"#;
        self.js(set, vec![json!("")]).await?;
        self.js(set, vec![json!(query)]).await?;
        let shown = self.search_results(query).await?;
        Ok(hrefs(&shown))
    }

    /// The search field at this width and colour mode, on `start`: the keyboard (`/`, typing,
    /// arrows, Enter, Escape) and the mouse each open the result the compiler ranks first;
    /// the list is in the window, in the mode's colours, its words marked; "No results" says
    /// so; the console stays quiet.
    async fn check_search(
        &self,
        index: &Index,
        start: &str,
        width: u32,
        theme: &str,
        failures: &mut Failures,
    ) -> TestResult {
        let case = format!("search on {start} at {width} px, {theme}");
        self.log("browser").await?;
        self.goto(start).await?;

        // `/` focuses the field; typing lists the results the compiler ranks.
        self.press('/').await?;
        let focused = self
            .js(
                r#"return document.activeElement === document.querySelector('form.oma-search input[name="q"]');"#,
                vec![],
            )
            .await?;
        failures.check(focused == json!(true), || {
            format!("{case}: `/` does not focus the field")
        });
        let query = "ShMicroCard";
        let expected = ranked_links(index, query, SHOWN);
        bounded("typing", async {
            self.client.active_element().await?.send_keys(query).await
        })
        .await??;
        let shown = self.search_results(&case).await?;
        failures.check(hrefs(&shown) == expected, || {
            format!(
                "{case}: `{query}` lists {:?}, the compiler ranks {expected:?}",
                hrefs(&shown)
            )
        });
        let first = &shown["results"][0];
        failures.check(first["title"] == json!("ShMicroCard"), || {
            format!("{case}: first result {first}")
        });
        failures.check(first["where"] == json!("Guide"), || {
            format!("{case}: the first result's section: {first}")
        });
        failures.check(
            first["marks"].as_array().is_some_and(|marks| {
                !marks.is_empty()
                    && marks.iter().all(|m| {
                        m.as_str()
                            .is_some_and(|m| m.to_lowercase().starts_with(&query.to_lowercase()))
                    })
            }),
            || format!("{case}: the snippet's marked words: {first}"),
        );
        failures.check(shown["expanded"] == json!("true"), || {
            format!("{case}: aria-expanded is {}", shown["expanded"])
        });

        // In the window, in the colour mode's colours.
        let window = number(&shown, "width");
        let (left, right) = (
            number(&shown["box"], "left"),
            number(&shown["box"], "right"),
        );
        failures.check(
            left >= 0.0 && right <= window && right - left > window.min(500.0) * 0.8,
            || format!("{case}: the results span {left}..{right} px of a {window} px window"),
        );
        failures.check(
            shown["field"]["visible"] == json!(true)
                && number(&shown["field"], "left") >= 0.0
                && number(&shown["field"], "right") <= window,
            || format!("{case}: the field is not in the window: {}", shown["field"]),
        );
        failures.check(number(&shown, "scrollWidth") <= window, || {
            format!("{case}: the page scrolls sideways with the results open")
        });
        let background = colour(&shown["background"]);
        let title = colour(&shown["title"]);
        let mark = colour(&shown["mark"]);
        let (dark, under) = (
            theme == "dark",
            if theme == "dark" {
                [0.0; 3]
            } else {
                [255.0; 3]
            },
        );
        failures.check(
            background.is_some_and(|c| (luminance(c, under) < 0.2) == dark && c[3] == 1.0),
            || format!("{case}: results background {}", shown["background"]),
        );
        if let Some(background) = background {
            let behind = [background[0], background[1], background[2]];
            failures.check(
                title.is_some_and(|c| {
                    (luminance(c, behind) - luminance(background, under)).abs() > 0.2
                }),
                || {
                    format!(
                        "{case}: result title {} on {}",
                        shown["title"], shown["background"]
                    )
                },
            );
            failures.check(mark.is_some_and(|c| c != background), || {
                format!(
                    "{case}: marked words {} on {}",
                    shown["mark"], shown["background"]
                )
            });
        }

        // The arrows move the selection, round the list; Enter opens the selected result.
        let results = shown["results"].as_array().map_or(0, Vec::len);
        self.press(char::from(Key::Down)).await?;
        self.press(char::from(Key::Down)).await?;
        self.press(char::from(Key::Up)).await?;
        let shown = self.search_results(&case).await?;
        let selected: Vec<bool> = shown["results"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|result| result["selected"] == json!(true))
            .collect();
        let mut wanted = vec![false; results];
        if let Some(first) = wanted.first_mut() {
            *first = true;
        }
        failures.check(selected == wanted, || {
            format!("{case}: down, down, up selects {selected:?}")
        });
        self.press(char::from(Key::Enter)).await?;
        self.wait_for_location(&case, &expected[0]).await?;

        // Escape closes the list, and "No results" says so plainly.
        self.goto(start).await?;
        self.press('/').await?;
        bounded("typing", async {
            self.client.active_element().await?.send_keys("lwm2m").await
        })
        .await??;
        self.search_results(&case).await?;
        self.press(char::from(Key::Escape)).await?;
        let hidden = self
            .js(
                "return document.getElementById('search-results').hidden;",
                vec![],
            )
            .await?;
        failures.check(hidden == json!(true), || {
            format!("{case}: Escape leaves the results open")
        });
        let nothing = "zqxjvk";
        let field = self.client.active_element().await?;
        bounded("typing", field.clear()).await??;
        bounded("typing", field.send_keys(nothing)).await??;
        let shown = self.search_results(&case).await?;
        failures.check(
            shown["empty"] == json!(format!("No results for “{nothing}”"))
                && shown["results"].as_array().is_some_and(Vec::is_empty),
            || format!("{case}: for `{nothing}`: {shown}"),
        );

        // The mouse: a click in the field, typing, a click on a result, which opens at its
        // heading.
        let query = "Rows from a field";
        let expected = ranked_links(index, query, SHOWN);
        self.goto(start).await?;
        let field = bounded(
            "the search field",
            self.client
                .find(Locator::Css(r#"form.oma-search input[name="q"]"#)),
        )
        .await??;
        bounded("clicking the field", field.click()).await??;
        bounded("typing", field.send_keys(query)).await??;
        let shown = self.search_results(&case).await?;
        failures.check(hrefs(&shown) == expected, || {
            format!(
                "{case}: `{query}` lists {:?}, the compiler ranks {expected:?}",
                hrefs(&shown)
            )
        });
        let link = bounded(
            "the first result",
            self.client
                .find(Locator::Css("#search-results .oma-search-link")),
        )
        .await??;
        bounded("clicking the result", link.click()).await??;
        self.wait_for_location(&case, &expected[0]).await?;

        for entry in self.log("browser").await? {
            failures.check(
                !matches!(entry["level"].as_str(), Some("SEVERE" | "WARNING")),
                || format!("{case}: console: {}", entry["message"]),
            );
        }
        Ok(())
    }

    /// The search field, in both widths and colour modes, then the browser's ranking against
    /// the compiler's for queries of every kind, in the header and on the search page.
    async fn check_search_everywhere(&self) -> TestResult {
        let index = served_index()?;
        let mut failures = Failures::default();
        for theme in ["light", "dark"] {
            self.goto(PAGES[0]).await?;
            self.choose_theme(theme).await?;
            for width in [1280, 390] {
                self.set_width(width).await?;
                self.check_search(&index, PAGES[0], width, theme, &mut failures)
                    .await?;
            }
        }
        self.set_width(1280).await?;
        self.goto(PAGES[2]).await?;
        for query in [
            "lwm2m",
            "LwM2M device management",
            "lw",
            "publication 23",
            "Utility Outreach",
            "sh card",
            "working groups",
            "battery level",
            "current time",
            "a",
        ] {
            let expected = ranked_links(&index, query, SHOWN);
            let shown = self.links_for(query).await?;
            failures.check(shown == expected, || {
                format!("`{query}`: the browser lists {shown:?}, the compiler ranks {expected:?}")
            });
        }
        // The search page the field submits to lists the results of its `q`.
        let query = "lwm2m";
        self.goto(&format!("/search?q={query}")).await?;
        let shown = self
            .wait_for(
                "the search page's results",
                SEARCH_RESULTS,
                vec![json!("search-page-results")],
            )
            .await?;
        let expected = ranked_links(&index, query, SHOWN_ON_PAGE);
        failures.check(hrefs(&shown) == expected, || {
            format!(
                "/search?q={query} lists {:?}, the compiler ranks {expected:?}",
                hrefs(&shown)
            )
        });
        failures.into_result()
    }
}

/// The links of [`SEARCH_RESULTS`]' results.
fn hrefs(shown: &Value) -> Vec<String> {
    shown["results"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|result| result["href"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn search_finds_and_opens_results_on_the_binary() -> TestResult {
    with_browser(true, |browser| async move {
        browser.check_search_everywhere().await
    })
}

#[test]
fn search_finds_and_opens_results_on_the_export_served_by_nginx() -> TestResult {
    let _serial = SERIAL.lock().unwrap_or_else(PoisonError::into_inner);
    let nginx = Nginx::serve_export(&SITE)?;
    with_browser_at(&nginx.base, true, |browser| async move {
        browser.check_search_everywhere().await
    })
}

#[test]
fn without_javascript_the_search_field_submits_to_a_page_that_says_why() -> TestResult {
    with_browser(false, |browser| async move {
        browser.goto(PAGES[0]).await?;
        let field = bounded(
            "the search field",
            browser
                .client
                .find(Locator::Css(r#"form.oma-search input[name="q"]"#)),
        )
        .await??;
        bounded("typing", field.send_keys("lwm2m\u{e007}")).await??;
        browser
            .wait_for_location("submitting the field", "/search?q=lwm2m")
            .await?;
        let page = browser
            .js(
                r##"const note = document.querySelector("#search-page p");
                return { text: note && note.textContent,
                         sitemap: !!document.querySelector('#search-page a[href="/sitemap.xml"]') };"##,
                vec![],
            )
            .await?;
        let text = page["text"].as_str().unwrap_or_default();
        assert!(text.contains("needs JavaScript"), "{page}");
        assert_eq!(page["sitemap"], json!(true), "{page}");
        Ok(())
    })
}
