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
