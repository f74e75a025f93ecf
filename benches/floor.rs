//! The floor of the serving benchmark (`benches/serve.sh`): a minimal hyper server answering
//! every request with one static byte string, on the same runtime and HTTP settings as the
//! `site` server, with no routing, no negotiation and no headers but `Content-Type`.
//!
//! `floor ADDR [identity|gzip|br]` answers with the seed page `/lwm2m/about` in that encoding,
//! so its responses are as long as the server's. Not part of the `site` binary.

use std::convert::Infallible;
use std::net::SocketAddr;

use http_body_util::Full;
use hyper::body::Bytes;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Response, header};
use hyper_util::rt::TokioIo;

// One single-threaded runtime: the `site` server's model on one core.
#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let addr: SocketAddr = args.next().unwrap_or("127.0.0.1:8090".into()).parse()?;
    let page = site::SITE.page("/lwm2m/about").ok_or("no seed page")?;
    let bytes: &'static [u8] = match args.next().as_deref() {
        Some("br") => page.br.bytes,
        Some("gzip") => page.gzip.bytes,
        _ => page.html.as_bytes(),
    };
    let listener = tokio::net::TcpListener::bind(addr).await?;
    println!(
        "floor on http://{}/ ({} bytes)",
        listener.local_addr()?,
        bytes.len()
    );
    loop {
        let (stream, _) = listener.accept().await?;
        let _ = stream.set_nodelay(true);
        tokio::spawn(async move {
            let service = service_fn(move |_request| async move {
                let mut response = Response::new(Full::new(Bytes::from_static(bytes)));
                response.headers_mut().insert(
                    header::CONTENT_TYPE,
                    header::HeaderValue::from_static("text/html; charset=utf-8"),
                );
                Ok::<_, Infallible>(response)
            });
            let _ = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}
