//! Shared helpers of the end-to-end tests: a real server on an ephemeral port, and requests to it.

use site::Site;
use std::net::SocketAddr;

/// The site served on `127.0.0.1` at an ephemeral port, on a thread of its own, for as long
/// as the test runs.
#[derive(Debug)]
pub struct Server {
    /// `http://127.0.0.1:PORT`
    pub base: String,
}

impl Server {
    /// Starts serving `site` through the same server as the `site` binary.
    pub fn start(site: &'static Site) -> std::io::Result<Server> {
        let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
        listener.set_nonblocking(true)?;
        let addr: SocketAddr = listener.local_addr()?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()?;
        std::thread::spawn(move || {
            runtime.block_on(async move {
                if let Ok(listener) = tokio::net::TcpListener::from_std(listener) {
                    let limits = site::serve::Limits::default();
                    let _ = site::serve::run(site, listener, &limits, std::future::pending()).await;
                }
            });
        });
        Ok(Server {
            base: format!("http://{addr}"),
        })
    }

    /// `GET path`.
    pub fn get(&self, path: &str) -> Result<Response, ureq::Error> {
        let mut response = agent().get(format!("{}{path}", self.base)).call()?;
        Response::read(&mut response)
    }

    /// `HEAD path`.
    pub fn head(&self, path: &str) -> Result<Response, ureq::Error> {
        let mut response = agent().head(format!("{}{path}", self.base)).call()?;
        Response::read(&mut response)
    }

    /// `POST path` with an empty body.
    pub fn post(&self, path: &str) -> Result<Response, ureq::Error> {
        let mut response = agent().post(format!("{}{path}", self.base)).send_empty()?;
        Response::read(&mut response)
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .build()
        .into()
}

/// What the server answered.
#[derive(Debug)]
pub struct Response {
    /// Status code.
    pub status: u16,
    /// Header values by lower-case name.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Response {
    fn read(response: &mut ureq::http::Response<ureq::Body>) -> Result<Response, ureq::Error> {
        let headers = response
            .headers()
            .iter()
            .map(|(name, value)| {
                (
                    name.as_str().to_string(),
                    value.to_str().unwrap_or("").to_string(),
                )
            })
            .collect();
        let body = response
            .body_mut()
            .with_config()
            .limit(64 << 20)
            .read_to_vec()?;
        Ok(Response {
            status: response.status().as_u16(),
            headers,
            body,
        })
    }

    /// The first value of header `name` (lower-case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The body as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// A crate in `target/fixtures` that embeds a content folder with `include_site!`; every
/// fixture build shares one target directory, so only the fixture itself is rebuilt.
#[derive(Debug)]
pub struct Fixture {
    /// The crate's folder.
    pub dir: std::path::PathBuf,
}

impl Fixture {
    /// A fixture crate named after `name`, whose `main` prints `route title` for each page of
    /// `include_site!(MACRO_ARGS)`.
    pub fn create(name: &str, macro_args: &str) -> std::io::Result<Fixture> {
        let dir = fixtures().join(format!("{name}-{}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        std::fs::create_dir_all(dir.join("src"))?;
        std::fs::create_dir_all(dir.join("content"))?;
        let site = workspace().join("site");
        let manifest = format!(
            "[package]\nname = \"content_fixture\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\nsite = {{ path = {site:?}, default-features = false }}\n\n[workspace]\n"
        );
        std::fs::write(dir.join("Cargo.toml"), manifest)?;
        std::fs::copy(workspace().join("Cargo.lock"), dir.join("Cargo.lock"))?;
        std::fs::write(
            dir.join("build.rs"),
            "fn main() {\n    println!(\"cargo::rerun-if-changed=content\");\n}\n",
        )?;
        let fixture = Fixture { dir };
        fixture.set_macro_args(macro_args)?;
        Ok(fixture)
    }

    /// Rewrites `main.rs` to call `include_site!(MACRO_ARGS)`.
    pub fn set_macro_args(&self, macro_args: &str) -> std::io::Result<()> {
        let main = format!(
            "static SITE: site::Site = site::include_site!({macro_args});\n\n\
             fn main() {{\n    for page in SITE.pages {{\n        println!(\"{{}} {{}}\", page.route, page.title);\n    }}\n}}\n"
        );
        std::fs::write(self.dir.join("src/main.rs"), main)
    }

    /// Writes a content file.
    pub fn write(&self, path: &str, text: &str) -> std::io::Result<()> {
        let path = self.dir.join("content").join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, text)
    }

    /// `cargo build` of the fixture.
    pub fn build(&self) -> std::io::Result<std::process::Output> {
        self.cargo_build("--quiet")
    }

    /// Whether `cargo build` finds the fixture up to date, with nothing to recompile.
    pub fn is_fresh(&self) -> std::io::Result<bool> {
        let build = self.cargo_build("--verbose")?;
        let stderr = String::from_utf8_lossy(&build.stderr);
        Ok(build.status.success() && stderr.contains("Fresh content_fixture"))
    }

    fn cargo_build(&self, verbosity: &str) -> std::io::Result<std::process::Output> {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        std::process::Command::new(cargo)
            .args(["build", verbosity, "--color", "never"])
            .current_dir(&self.dir)
            .env("CARGO_TARGET_DIR", fixtures().join("target"))
            .output()
    }

    /// Builds, then runs the binary: one `route title` line per page.
    pub fn pages(&self) -> Result<Vec<String>, Box<dyn std::error::Error>> {
        let build = self.build()?;
        if !build.status.success() {
            return Err(format!(
                "fixture build failed:\n{}",
                String::from_utf8_lossy(&build.stderr)
            )
            .into());
        }
        let output =
            std::process::Command::new(fixtures().join("target/debug/content_fixture")).output()?;
        Ok(String::from_utf8_lossy(&output.stdout)
            .lines()
            .map(str::to_string)
            .collect())
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The workspace's root folder.
pub fn workspace() -> std::path::PathBuf {
    let tests = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    tests
        .parent()
        .map(std::path::Path::to_path_buf)
        .unwrap_or_default()
}

fn fixtures() -> std::path::PathBuf {
    workspace().join("target").join("fixtures")
}
