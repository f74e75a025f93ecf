//! What the serving examples share: serve an app, or with `--smoke` answer one request of
//! its own and exit (so CI can run them).

use std::error::Error;

use axum::Router;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpListener, TcpStream};

/// Serves `app` on the address given as the first argument (default `127.0.0.1:3000`) until
/// Ctrl-C; with `--smoke`, serves on a free port, checks that `GET smoke_path` answers `200`
/// with a body containing `expected`, and returns.
pub(crate) async fn serve(
    app: Router,
    smoke_path: &str,
    expected: &str,
) -> Result<(), Box<dyn Error>> {
    let mut smoke = false;
    let mut addr = "127.0.0.1:3000".to_string();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--smoke" => smoke = true,
            flag if flag.starts_with('-') => {
                return Err(format!("unknown option `{flag}`: expected [--smoke] [ADDR]").into());
            }
            _ => addr = arg,
        }
    }
    if smoke {
        addr = "127.0.0.1:0".into();
    }
    let listener = TcpListener::bind(&addr).await?;
    let addr = listener.local_addr()?;
    if !smoke {
        println!("Serving on http://{addr}{smoke_path}");
        axum::serve(listener, app).await?;
        return Ok(());
    }
    let server = tokio::spawn(async move { axum::serve(listener, app).await });
    let mut stream = TcpStream::connect(addr).await?;
    let request = format!("GET {smoke_path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).await?;
    server.abort();
    let response = String::from_utf8_lossy(&response);
    let status = response.lines().next().unwrap_or_default();
    if !status.starts_with("HTTP/1.1 200") || !response.contains(expected) {
        return Err(format!("GET {smoke_path}: {status}, expected 200 with `{expected}`").into());
    }
    println!("GET {smoke_path}: {status} ({} bytes)", response.len());
    Ok(())
}
