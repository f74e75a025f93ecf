//! The floor of the serving benchmark (`benches/serve.sh`): a minimal hyper server answering
//! every request with one precomputed response, on one single-threaded runtime as each of the
//! `site` server's threads is, with no routing and no negotiation.
//!
//! `floor ADDR [identity|gzip|br]` answers with the seed page `/lwm2m/about` in that encoding:
//! the body and the headers the `site` server sends for it (security headers, `ETag`,
//! `Cache-Control`, `Vary`…), asked of the site once at start. Its responses are byte for byte
//! the server's, so what the server does beyond writing them (parsing, routing, content
//! negotiation, building the head) is the whole difference. Not part of the `site` binary.

use std::convert::Infallible;
use std::net::SocketAddr;

use axum::http::{HeaderMap, HeaderValue, Method, Request, header};
use http_body_util::Full;
use hyper::Response;
use hyper::body::Bytes;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;

const PAGE: &str = "/lwm2m/about";

// One single-threaded runtime: the `site` server's model on one core.
#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let addr: SocketAddr = args.next().unwrap_or("127.0.0.1:8090".into()).parse()?;
    let page = site::SITE.page(PAGE).ok_or("no seed page")?;
    let (bytes, accept): (&'static [u8], _) = match args.next().as_deref() {
        Some("br") => (page.br.bytes.get(), "br"),
        Some("gzip") => (page.gzip.bytes.get(), "gzip"),
        _ => (page.html.as_bytes(), "identity"),
    };
    let head = server_head(accept)?;
    let listener = tokio::net::TcpListener::bind(addr).await?;
    println!(
        "floor on http://{}/ ({} bytes, {} headers)",
        listener.local_addr()?,
        bytes.len(),
        head.len()
    );
    let head: &'static HeaderMap = Box::leak(Box::new(head));
    loop {
        let (stream, _) = listener.accept().await?;
        let _ = stream.set_nodelay(true);
        tokio::spawn(async move {
            let service = service_fn(move |_request| async move {
                let mut response = Response::new(Full::new(Bytes::from_static(bytes)));
                *response.headers_mut() = head.clone();
                Ok::<_, Infallible>(response)
            });
            let _ = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

/// The headers the `site` server sends for the page to a client accepting `accept`.
fn server_head(accept: &'static str) -> Result<HeaderMap, Box<dyn std::error::Error>> {
    let request = Request::builder()
        .uri(PAGE)
        .header(header::ACCEPT_ENCODING, HeaderValue::from_static(accept))
        .body(())?;
    let response =
        site::serve::respond::respond(&site::SITE, &Method::GET, request.uri(), request.headers());
    if !response.status().is_success() {
        return Err(format!("{PAGE}: {}", response.status()).into());
    }
    Ok(response.headers().clone())
}
