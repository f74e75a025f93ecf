//! The server over real sockets: the seed site's encodings, malformed and abusive requests,
//! the connection limit, and shutdown draining the requests in flight.

mod common;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use site::serve::Limits;
use site::{Asset, Encoded, Site};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// A server running `site::serve::run` on a thread of its own, stopped on drop.
struct Server {
    addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    done: std::sync::mpsc::Receiver<std::io::Result<()>>,
}

impl Server {
    fn start(site: &'static Site, limits: Limits) -> std::io::Result<Server> {
        let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()?;
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let (finished, done) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let result = runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener)?;
                let shutdown = async move {
                    let _ = stopped.await;
                };
                site::serve::run(site, listener, &limits, shutdown).await
            });
            let _ = finished.send(result);
        });
        Ok(Server {
            addr,
            stop: Some(stop),
            done,
        })
    }

    fn connect(&self) -> std::io::Result<TcpStream> {
        let stream = TcpStream::connect(self.addr)?;
        stream.set_read_timeout(Some(Duration::from_secs(10)))?;
        Ok(stream)
    }

    /// Sends `request` on a new connection and reads until the server closes it.
    fn exchange(&self, request: &[u8]) -> std::io::Result<Vec<u8>> {
        let mut stream = self.connect()?;
        stream.write_all(request)?;
        let mut response = Vec::new();
        match stream.read_to_end(&mut response) {
            Ok(_) => Ok(response),
            // A reset after the answer (unread request bytes) still leaves the answer read.
            Err(_) if !response.is_empty() => Ok(response),
            Err(error) => Err(error),
        }
    }

    /// Signals shutdown and waits (at most `within`) for `run` to return.
    fn stop(&mut self, within: Duration) -> Result<(), Box<dyn std::error::Error>> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        Ok(self.done.recv_timeout(within)??)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

fn status(response: &[u8]) -> String {
    String::from_utf8_lossy(response)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string()
}

/// The value of header `name` (lower-case) in a raw response.
fn header(response: &[u8], name: &str) -> Option<String> {
    let text = String::from_utf8_lossy(response);
    let head = text.split("\r\n\r\n").next().unwrap_or_default();
    head.lines().skip(1).find_map(|line| {
        let (key, value) = line.split_once(':')?;
        key.eq_ignore_ascii_case(name)
            .then(|| value.trim().to_string())
    })
}

/// The body of a raw response: everything after the head.
fn body(response: &[u8]) -> &[u8] {
    let end = response
        .windows(4)
        .position(|window| window == b"\r\n\r\n")
        .map_or(response.len(), |at| at + 4);
    &response[end..]
}

#[test]
fn seed_pages_are_sent_in_the_accepted_encoding() -> TestResult {
    let server = Server::start(&site::SITE, Limits::default())?;
    let page = site::SITE.page("/lwm2m/about").ok_or("no seed page")?;
    assert!(page.br.is_some() && page.gzip.is_some());
    for (accept, bytes, encoding, etag) in [
        (
            "gzip, deflate, br",
            page.br.bytes.get(),
            Some("br"),
            page.br.etag,
        ),
        ("gzip", page.gzip.bytes.get(), Some("gzip"), page.gzip.etag),
        ("identity", page.html.as_bytes(), None, page.etag),
    ] {
        let request = format!(
            "GET /lwm2m/about HTTP/1.1\r\nHost: x\r\nAccept-Encoding: {accept}\r\nConnection: close\r\n\r\n"
        );
        let response = server.exchange(request.as_bytes())?;
        assert_eq!(status(&response), "HTTP/1.1 200 OK", "{accept}");
        assert_eq!(body(&response), bytes, "{accept}");
        assert_eq!(header(&response, "content-encoding").as_deref(), encoding);
        assert_eq!(header(&response, "etag").as_deref(), Some(etag));
        assert_eq!(
            header(&response, "content-length"),
            Some(bytes.len().to_string())
        );
        assert_eq!(
            header(&response, "vary").as_deref(),
            Some("accept-encoding")
        );
        let date = header(&response, "date").ok_or("no Date")?;
        assert!(date.ends_with(" GMT") && date.len() == 29, "{date}");
        // Compressed pages are much smaller.
        if encoding.is_some() {
            assert!(bytes.len() * 2 < page.html.len(), "{accept}");
        }
    }
    // HEAD: the same length, no body.
    let response = server.exchange(
        b"HEAD /lwm2m/about HTTP/1.1\r\nHost: x\r\nAccept-Encoding: br\r\nConnection: close\r\n\r\n",
    )?;
    assert_eq!(status(&response), "HTTP/1.1 200 OK");
    assert_eq!(
        header(&response, "content-length"),
        Some(page.br.bytes.len().to_string())
    );
    assert!(body(&response).is_empty());
    // 304 for the current tag.
    let request = format!(
        "GET /lwm2m/about HTTP/1.1\r\nHost: x\r\nAccept-Encoding: br\r\nIf-None-Match: {}\r\nConnection: close\r\n\r\n",
        page.br.etag
    );
    let response = server.exchange(request.as_bytes())?;
    assert_eq!(status(&response), "HTTP/1.1 304 Not Modified");
    // The length a `200` would have, or none: never a zero for the empty body.
    assert_eq!(
        header(&response, "content-length"),
        Some(page.br.bytes.len().to_string())
    );
    assert!(body(&response).is_empty());
    Ok(())
}

#[test]
fn the_sitemap_lists_every_page() -> TestResult {
    let server = Server::start(&site::SITE, Limits::default())?;
    let response =
        server.exchange(b"GET /sitemap.xml HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")?;
    assert_eq!(status(&response), "HTTP/1.1 200 OK");
    assert_eq!(
        header(&response, "content-type").as_deref(),
        Some("application/xml")
    );
    let xml = String::from_utf8_lossy(body(&response)).into_owned();
    for page in site::SITE.pages {
        let loc = format!("<loc>https://omaspecworks.org{}</loc>", page.route);
        assert!(xml.contains(&loc), "{loc}");
    }
    Ok(())
}

#[test]
fn the_news_feed_is_served_as_atom_with_an_entity_tag() -> TestResult {
    let server = Server::start(&site::SITE, Limits::default())?;
    let feed = site::SITE
        .assets
        .iter()
        .find(|asset| asset.route == "/news/feed.xml")
        .ok_or("no /news/feed.xml")?;
    let response = server.exchange(
        b"GET /news/feed.xml HTTP/1.1\r\nHost: x\r\nAccept-Encoding: br\r\nConnection: close\r\n\r\n",
    )?;
    assert_eq!(status(&response), "HTTP/1.1 200 OK");
    assert_eq!(
        header(&response, "content-type").as_deref(),
        Some("application/atom+xml")
    );
    assert_eq!(header(&response, "content-encoding").as_deref(), Some("br"));
    assert_eq!(header(&response, "etag").as_deref(), Some(feed.br.etag));
    assert_eq!(body(&response), feed.br.bytes.get());
    let xml = String::from_utf8_lossy(feed.bytes.get()).into_owned();
    assert!(xml.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
    assert!(xml.contains("<id>https://omaspecworks.org/news/feed.xml</id>"));
    // Revalidated like a page: 304 for the current tag.
    let request = format!(
        "GET /news/feed.xml HTTP/1.1\r\nHost: x\r\nIf-None-Match: {}\r\nConnection: close\r\n\r\n",
        feed.etag
    );
    let response = server.exchange(request.as_bytes())?;
    assert_eq!(status(&response), "HTTP/1.1 304 Not Modified");
    assert_eq!(header(&response, "etag").as_deref(), Some(feed.etag));
    Ok(())
}

#[test]
fn the_search_index_is_served_compressed_and_cached_for_good() -> TestResult {
    let server = Server::start(&site::SITE, Limits::default())?;
    let index = common::search_index()?;
    for (encoding, variant) in [("br", &index.br), ("gzip", &index.gzip)] {
        let request = format!(
            "GET {} HTTP/1.1\r\nHost: x\r\nAccept-Encoding: {encoding}\r\nConnection: close\r\n\r\n",
            index.route
        );
        let response = server.exchange(request.as_bytes())?;
        assert_eq!(status(&response), "HTTP/1.1 200 OK");
        assert_eq!(
            header(&response, "content-type").as_deref(),
            Some("application/json")
        );
        assert_eq!(
            header(&response, "content-encoding").as_deref(),
            Some(encoding)
        );
        assert_eq!(
            header(&response, "cache-control").as_deref(),
            Some("public, max-age=31536000, immutable")
        );
        assert!(variant.bytes.get().len() * 2 < index.bytes.get().len());
        assert_eq!(body(&response), variant.bytes.get());
    }
    // The file naming it, at a fixed route, is revalidated on each use.
    let response = server.exchange(
        b"GET /_site/search-index.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    )?;
    assert_eq!(status(&response), "HTTP/1.1 200 OK");
    assert_eq!(
        header(&response, "cache-control").as_deref(),
        Some("no-cache")
    );
    // It names the authored pages' file and the registry's entries' file, served alike.
    let file_name = |route: &'static str| route.rsplit('/').next().unwrap_or_default();
    let reference = site::SITE
        .assets
        .iter()
        .find(|asset| asset.route.starts_with("/_site/search-reference."))
        .ok_or("no file of reference entries")?;
    assert_eq!(
        String::from_utf8_lossy(body(&response)),
        format!(
            "{{\"index\":\"{}\",\"reference\":\"{}\"}}",
            file_name(index.route),
            file_name(reference.route)
        )
    );
    let request = format!(
        "GET {} HTTP/1.1\r\nHost: x\r\nAccept-Encoding: br\r\nConnection: close\r\n\r\n",
        reference.route
    );
    let response = server.exchange(request.as_bytes())?;
    assert_eq!(status(&response), "HTTP/1.1 200 OK");
    assert_eq!(body(&response), reference.br.bytes.get());
    Ok(())
}

#[test]
fn malformed_requests_are_refused_as_rfc_9112_says() -> TestResult {
    let server = Server::start(&site::SITE, Limits::default())?;
    let long_header = format!(
        "GET / HTTP/1.1\r\nHost: x\r\nX-Long: {}\r\n\r\n",
        "a".repeat(20_000)
    );
    let many_headers = format!(
        "GET / HTTP/1.1\r\nHost: x\r\n{}\r\n",
        "X-A: b\r\n".repeat(200)
    );
    let long_uri = format!("GET /{} HTTP/1.1\r\nHost: x\r\n\r\n", "a".repeat(70_000));
    let cases: [(&[u8], &str); 19] = [
        (b"HELLO\r\n\r\n", "400"),
        (b"GET\r\n\r\n", "400"),
        (b"GET / HTTP/9.9\r\nHost: x\r\n\r\n", "505"),
        (b"GET / HTTP/2.0\r\nHost: x\r\n\r\n", "505"),
        (b"GET / HTTP/1.x\r\nHost: x\r\n\r\n", "400"),
        // Authority form is for `CONNECT`; asterisk form for `OPTIONS`.
        (b"GET evil.example:80 HTTP/1.1\r\nHost: x\r\n\r\n", "400"),
        (b"GET * HTTP/1.1\r\nHost: x\r\n\r\n", "400"),
        (
            b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: xchunked\r\n\r\n",
            "501",
        ),
        (
            b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n",
            "400",
        ),
        (b"G@T / HTTP/1.1\r\nHost: x\r\n\r\n", "400"),
        (b"GET /a\x00b HTTP/1.1\r\nHost: x\r\n\r\n", "400"),
        (b"GET / HTTP/1.1\r\nBad Header\r\n\r\n", "400"),
        (b"GET / HTTP/1.1\r\n\r\n", "400"),
        (b"GET / HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n", "400"),
        (
            b"GET /lwm2m/%zzbout HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            "400",
        ),
        (
            b"GET /%c3%28 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
            "400",
        ),
        (long_header.as_bytes(), "431"),
        (many_headers.as_bytes(), "431"),
        (long_uri.as_bytes(), "414"),
    ];
    for (request, expected) in cases {
        let response = server.exchange(request)?;
        let line = status(&response);
        let shown = String::from_utf8_lossy(&request[..request.len().min(40)]).into_owned();
        assert!(
            line.starts_with(&format!("HTTP/1.1 {expected}")),
            "{shown:?}: {line}"
        );
    }
    // An HTTP/2 preface to this HTTP/1.1 server: the version is not supported.
    let response = server.exchange(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")?;
    assert_eq!(status(&response), "HTTP/1.1 505 HTTP Version Not Supported");
    // The absolute form names the resource as well as the origin form does.
    let response = server
        .exchange(b"GET http://x/lwm2m/about HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")?;
    assert_eq!(status(&response), "HTTP/1.1 200 OK");
    let response =
        server.exchange(b"OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")?;
    assert_eq!(status(&response), "HTTP/1.1 405 Method Not Allowed");
    // The server is still there.
    let response = server.exchange(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")?;
    assert_eq!(status(&response), "HTTP/1.1 200 OK");
    Ok(())
}

#[test]
fn a_slow_request_head_is_cut_off() -> TestResult {
    let limits = Limits {
        header_read_timeout: Duration::from_millis(300),
        ..Limits::default()
    };
    let server = Server::start(&site::SITE, limits)?;
    let mut stream = server.connect()?;
    stream.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n")?;
    let started = Instant::now();
    let mut rest = Vec::new();
    let _ = stream.read_to_end(&mut rest);
    assert!(started.elapsed() < Duration::from_secs(5), "not cut off");
    assert!(!status(&rest).starts_with("HTTP/1.1 2"), "{rest:?}");
    // An idle keep-alive connection is closed as well.
    let mut stream = server.connect()?;
    stream.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")?;
    let started = Instant::now();
    let mut all = Vec::new();
    let _ = stream.read_to_end(&mut all);
    assert!(status(&all).starts_with("HTTP/1.1 200"));
    assert!(started.elapsed() < Duration::from_secs(5), "idle kept open");
    Ok(())
}

#[test]
fn connections_beyond_the_limit_wait_for_a_free_slot() -> TestResult {
    let limits = Limits {
        max_connections: 2,
        ..Limits::default()
    };
    let server = Server::start(&site::SITE, limits)?;
    let request = b"GET / HTTP/1.1\r\nHost: x\r\n\r\n";
    // Two keep-alive connections, each answered once and left open.
    let mut open = Vec::new();
    for _ in 0..2 {
        let mut stream = server.connect()?;
        stream.write_all(request)?;
        let mut buffer = [0; 64];
        let read = stream.read(&mut buffer)?;
        assert!(buffer[..read].starts_with(b"HTTP/1.1 200"));
        open.push(stream);
    }
    let mut third = server.connect()?;
    third.set_read_timeout(Some(Duration::from_millis(500)))?;
    third.write_all(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")?;
    let mut buffer = [0; 64];
    assert!(third.read(&mut buffer).is_err(), "served beyond the limit");
    // Closing one frees its slot.
    drop(open.pop());
    third.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut response = Vec::new();
    third.read_to_end(&mut response)?;
    assert_eq!(status(&response), "HTTP/1.1 200 OK");
    Ok(())
}

#[test]
fn if_match_with_another_tag_is_412() -> TestResult {
    let server = Server::start(&site::SITE, Limits::default())?;
    let response = server.exchange(
        b"GET /lwm2m/about HTTP/1.1\r\nHost: x\r\nIf-Match: \"nope\"\r\nConnection: close\r\n\r\n",
    )?;
    assert_eq!(status(&response), "HTTP/1.1 412 Precondition Failed");
    assert!(body(&response).is_empty());
    // Preconditions do not apply to what does not exist.
    let response = server.exchange(
        b"GET /no/such/page HTTP/1.1\r\nHost: x\r\nIf-Match: *\r\nConnection: close\r\n\r\n",
    )?;
    assert_eq!(status(&response), "HTTP/1.1 404 Not Found");
    Ok(())
}

/// A keep-alive connection from `local` (a loopback address) to `server`, answered once.
fn open_from(server: &Server, local: [u8; 4]) -> Result<TcpStream, Box<dyn std::error::Error>> {
    let socket = socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None)?;
    socket.bind(&SocketAddr::from((local, 0)).into())?;
    socket.connect(&server.addr.into())?;
    let mut stream = TcpStream::from(socket);
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    stream.write_all(b"GET /sitemap.xml HTTP/1.1\r\nHost: x\r\n\r\n")?;
    let mut received = Vec::new();
    let mut buffer = [0; 4096];
    while common::complete_responses(&received).0.is_empty() {
        let read = stream.read(&mut buffer)?;
        if read == 0 {
            break;
        }
        received.extend_from_slice(&buffer[..read]);
    }
    let line = status(&received);
    if line != "HTTP/1.1 200 OK" {
        return Err(line.into());
    }
    Ok(stream)
}

#[test]
fn one_address_cannot_take_every_connection() -> TestResult {
    let limits = Limits {
        header_read_timeout: Duration::from_secs(60),
        ..Limits::default()
    };
    let cap = limits.max_connections_per_address.get();
    let server = Server::start(&site::SITE, limits)?;
    let held: Vec<TcpStream> = (0..cap)
        .map(|_| open_from(&server, [127, 0, 0, 2]))
        .collect::<Result<_, _>>()?;
    let refused = open_from(&server, [127, 0, 0, 2]);
    assert_eq!(
        refused.err().map(|error| error.to_string()).as_deref(),
        Some("HTTP/1.1 503 Service Unavailable")
    );
    // Another address is served meanwhile, and a slot given back is taken again.
    open_from(&server, [127, 0, 0, 1])?;
    drop(held);
    let again = (0..100).find_map(|_| {
        std::thread::sleep(Duration::from_millis(20));
        open_from(&server, [127, 0, 0, 2]).ok()
    });
    assert!(again.is_some(), "the address's slots did not come back");
    Ok(())
}

#[test]
fn idle_connections_make_room_when_the_server_is_full() -> TestResult {
    let limits = Limits {
        max_connections: 8,
        header_read_timeout: Duration::from_secs(60),
        ..Limits::default()
    };
    let server = Server::start(&site::SITE, limits)?;
    let idle: Vec<TcpStream> = (0..8)
        .map(|_| open_from(&server, [127, 0, 0, 1]))
        .collect::<Result<_, _>>()?;
    // Without the crowding rule the ninth would wait for the 60 s idle timeout, beyond the
    // client's 10 s read timeout.
    open_from(&server, [127, 0, 0, 1])?;
    drop(idle);
    Ok(())
}

/// A site with one 64 MiB asset: its response takes a while to read.
fn big_site() -> &'static Site {
    let bytes: &'static [u8] = Box::leak(vec![7u8; 64 << 20].into_boxed_slice());
    let assets: &'static [Asset] = Box::leak(Box::new([Asset {
        route: "/big.bin",
        content_type: "application/octet-stream",
        bytes: site::Binary::new(Box::leak(Box::new(bytes))),
        etag: "\"big\"",
        br: Encoded::NONE,
        gzip: Encoded::NONE,
        immutable: false,
    }]));
    let table = Box::leak(Box::new(site::Table {
        assets,
        redirects: &[],
        ..site::SITE.table().clone()
    }));
    Box::leak(Box::new(Site::new(table)))
}

#[test]
fn shutdown_finishes_requests_in_flight_and_refuses_new_ones() -> TestResult {
    let mut server = Server::start(big_site(), Limits::default())?;
    // An idle connection, closed by the shutdown.
    let mut idle = server.connect()?;
    idle.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")?;
    let mut buffer = vec![0; 1 << 16];
    let _ = idle.read(&mut buffer)?;
    // A request in flight: the client has read only the start of its 64 MiB.
    let mut busy = server.connect()?;
    busy.write_all(b"GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n")?;
    let mut received = busy.read(&mut buffer)?;
    let head_end = buffer[..received]
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or("no head")?
        + 4;
    assert!(buffer.starts_with(b"HTTP/1.1 200 OK"));
    received -= head_end;

    if let Some(stop) = server.stop.take() {
        let _ = stop.send(());
    }
    // The listener goes at once: new connections are refused.
    let deadline = Instant::now() + Duration::from_secs(5);
    while TcpStream::connect(server.addr).is_ok() {
        assert!(Instant::now() < deadline, "still accepting after shutdown");
        std::thread::sleep(Duration::from_millis(20));
    }
    // The idle connection is closed.
    let mut rest = Vec::new();
    assert_eq!(idle.read_to_end(&mut rest)?, 0);
    // The response in flight arrives whole, then the connection closes.
    loop {
        match busy.read(&mut buffer)? {
            0 => break,
            read => received += read,
        }
    }
    assert_eq!(received, 64 << 20);
    // And `run` returns.
    server.stop(Duration::from_secs(10))?;
    Ok(())
}

#[test]
fn redirects_404_and_405_over_a_socket() -> TestResult {
    let server = Server::start(&site::SITE, Limits::default())?;
    let response = server.exchange(
        b"GET /lwm2m/about/?utm_source=x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    )?;
    assert_eq!(status(&response), "HTTP/1.1 308 Permanent Redirect");
    assert_eq!(
        header(&response, "location").as_deref(),
        Some("/lwm2m/about?utm_source=x")
    );
    assert_eq!(header(&response, "content-length").as_deref(), Some("0"));
    // Raw UTF-8 in the query goes on percent-encoded; its own escapes stay as they are.
    let response = server.exchange(
        "GET /lwm2m/about/?q=é%20x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".as_bytes(),
    )?;
    assert_eq!(
        header(&response, "location").as_deref(),
        Some("/lwm2m/about?q=%C3%A9%20x")
    );
    let response =
        server.exchange(b"GET /no/such/page HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")?;
    assert_eq!(status(&response), "HTTP/1.1 404 Not Found");
    assert_eq!(body(&response), site::SITE.not_found.html.as_bytes());
    let response = server.exchange(
        b"DELETE /lwm2m/about HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
    )?;
    assert_eq!(status(&response), "HTTP/1.1 405 Method Not Allowed");
    assert_eq!(header(&response, "allow").as_deref(), Some("GET, HEAD"));
    assert!(header(&response, "content-security-policy").is_some());
    Ok(())
}

#[test]
fn pipelined_requests_are_answered_in_order() -> TestResult {
    let server = Server::start(&site::SITE, Limits::default())?;
    let received = server.exchange(
        b"GET /lwm2m/about HTTP/1.1\r\nHost: x\r\n\r\n\
          GET /no/such/page HTTP/1.1\r\nHost: x\r\n\r\n\
          GET /ipso HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    )?;
    let responses = common::complete_responses(&received).0;
    let lines: Vec<String> = responses.iter().map(|r| status(r)).collect();
    assert_eq!(
        lines,
        [
            "HTTP/1.1 200 OK",
            "HTTP/1.1 404 Not Found",
            "HTTP/1.1 200 OK"
        ]
    );
    let about = site::SITE.page("/lwm2m/about").ok_or("no page")?;
    assert_eq!(body(responses[0]), about.html.as_bytes());
    assert_eq!(header(responses[0], "connection"), None);
    assert_eq!(header(responses[2], "connection").as_deref(), Some("close"));
    Ok(())
}

#[test]
fn http_1_0_connections_close_unless_kept_alive() -> TestResult {
    let server = Server::start(&site::SITE, Limits::default())?;
    let response = server.exchange(b"GET /ipso HTTP/1.0\r\n\r\n")?;
    assert_eq!(status(&response), "HTTP/1.1 200 OK");
    assert_eq!(header(&response, "connection").as_deref(), Some("close"));

    let mut stream = server.connect()?;
    stream.write_all(b"GET /ipso HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")?;
    let page = site::SITE.page("/ipso").ok_or("no page")?;
    let mut received = Vec::new();
    let mut buffer = [0; 8192];
    while common::complete_responses(&received).0.is_empty() {
        match stream.read(&mut buffer)? {
            0 => return Err("closed after a kept-alive response".into()),
            read => received.extend_from_slice(&buffer[..read]),
        }
    }
    assert_eq!(
        header(&received, "connection").as_deref(),
        Some("keep-alive")
    );
    // The same connection answers the next request, then closes.
    stream.write_all(b"GET /ipso HTTP/1.0\r\n\r\n")?;
    stream.read_to_end(&mut received)?;
    let responses = common::complete_responses(&received).0;
    assert_eq!(responses.len(), 2);
    assert_eq!(body(responses[0]), page.html.as_bytes());
    assert_eq!(status(responses[1]), "HTTP/1.1 200 OK");
    Ok(())
}

#[test]
fn a_short_request_body_is_skipped_and_the_connection_kept() -> TestResult {
    let server = Server::start(&site::SITE, Limits::default())?;
    // The body looks like a request: it must not be taken for one.
    let body = "GET /no/such/page HTTP/1.1\r\nHost: x\r\n\r\n";
    let request = format!(
        "POST /lwm2m/about HTTP/1.1\r\nHost: x\r\nContent-Length: {}\r\n\r\n{body}\
         GET /ipso HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let received = server.exchange(request.as_bytes())?;
    let responses = common::complete_responses(&received).0;
    let lines: Vec<String> = responses.iter().map(|r| status(r)).collect();
    assert_eq!(
        lines,
        ["HTTP/1.1 405 Method Not Allowed", "HTTP/1.1 200 OK"]
    );
    Ok(())
}

#[test]
fn bodies_of_unknown_or_ambiguous_length_end_the_connection() -> TestResult {
    let server = Server::start(&site::SITE, Limits::default())?;
    // A chunked body is not read: one answer, then the connection ends.
    let received = server.exchange(
        b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n\
          5\r\nhello\r\n0\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n",
    )?;
    let responses = common::complete_responses(&received).0;
    assert_eq!(responses.len(), 1);
    assert_eq!(status(responses[0]), "HTTP/1.1 405 Method Not Allowed");
    assert_eq!(header(responses[0], "connection").as_deref(), Some("close"));
    // Nor is a long one: the client need not send it for the answer to come.
    let response =
        server.exchange(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\nabc")?;
    assert_eq!(status(&response), "HTTP/1.1 405 Method Not Allowed");
    assert_eq!(header(&response, "connection").as_deref(), Some("close"));
    // Nor is one the client waits to be asked for.
    let response = server.exchange(
        b"PUT / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n",
    )?;
    assert_eq!(status(&response), "HTTP/1.1 405 Method Not Allowed");
    assert_eq!(header(&response, "connection").as_deref(), Some("close"));
    // A length that is not one, or two of them, or one with a chunked body: refused.
    for framing in [
        "Content-Length: 12abc",
        "Content-Length: -1",
        "Content-Length: 3\r\nContent-Length: 4",
        "Content-Length: 3\r\nTransfer-Encoding: chunked",
    ] {
        let request = format!("POST / HTTP/1.1\r\nHost: x\r\n{framing}\r\n\r\nabc");
        let response = server.exchange(request.as_bytes())?;
        assert_eq!(status(&response), "HTTP/1.1 400 Bad Request", "{framing}");
        assert!(header(&response, "content-security-policy").is_some());
    }
    Ok(())
}

/// Status code, headers (but `Date` and `Connection`, which belong to the connection) sorted,
/// and body of a raw response.
type Answer = (u16, Vec<(String, String)>, Vec<u8>);

fn answer_of(response: &[u8]) -> Result<Answer, Box<dyn std::error::Error>> {
    let text = String::from_utf8_lossy(response);
    let head = text.split("\r\n\r\n").next().unwrap_or_default();
    let mut lines = head.lines();
    let code = lines
        .next()
        .and_then(|line| line.split(' ').nth(1))
        .ok_or("no status line")?
        .parse()?;
    let mut headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(": "))
        .map(|(name, value)| (name.to_ascii_lowercase(), value.to_string()))
        .filter(|(name, _)| name != "date" && name != "connection")
        .collect();
    headers.sort();
    Ok((code, headers, body(response).to_vec()))
}

/// What `site::serve::router`, the router services embed, answers to the same request.
async fn router_answer(
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
) -> Result<Answer, Box<dyn std::error::Error>> {
    use tower::ServiceExt as _;
    let mut request = axum::http::Request::builder().method(method).uri(target);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let Ok(response) = site::serve::router(&site::SITE)
        .oneshot(request.body(axum::body::Body::empty())?)
        .await;
    let (parts, content) = response.into_parts();
    let mut headers: Vec<(String, String)> = parts
        .headers
        .iter()
        .map(|(name, value)| Ok((name.to_string(), value.to_str()?.to_string())))
        .collect::<Result<_, axum::http::header::ToStrError>>()?;
    headers.sort();
    let content = axum::body::to_bytes(content, usize::MAX).await?;
    Ok((parts.status.as_u16(), headers, content.to_vec()))
}

#[test]
fn the_server_answers_as_the_router_does() -> TestResult {
    let server = Server::start(&site::SITE, Limits::default())?;
    let runtime = tokio::runtime::Builder::new_current_thread().build()?;
    let page = site::SITE.page("/lwm2m/about").ok_or("no seed page")?;
    let asset = site::SITE.assets.first().ok_or("no asset")?.route;
    type Headers<'a> = &'a [(&'a str, &'a str)];
    let br: Headers = &[("accept-encoding", "gzip, deflate, br")];
    let requests: [(&str, &str, Headers); 14] = [
        ("GET", "/lwm2m/about", br),
        (
            "GET",
            "/lwm2m/about?utm_source=x",
            &[("accept-encoding", "gzip")],
        ),
        ("GET", "/lwm2m/about", &[]),
        ("HEAD", "/lwm2m/about", br),
        (
            "GET",
            "/lwm2m/about",
            &[("accept-encoding", "br"), ("if-none-match", page.br.etag)],
        ),
        ("GET", "/lwm2m/about/?q=1", &[]),
        ("GET", "/no/such/page", br),
        ("DELETE", "/lwm2m/about", &[]),
        ("GET", "/lwm2m/%zzbout", &[]),
        ("GET", "/sitemap.xml", br),
        ("GET", asset, br),
        ("HEAD", "/no/such/page", &[]),
        ("GET", "/lwm2m/about", &[("if-match", "\"nope\"")]),
        ("GET", "/lwm2m/about", &[("if-match", page.etag)]),
    ];
    for (method, target, headers) in requests {
        let mut request = format!("{method} {target} HTTP/1.1\r\nHost: x\r\n");
        for (name, value) in headers {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        request.push_str("Connection: close\r\n\r\n");
        let served = answer_of(&server.exchange(request.as_bytes())?)?;
        let routed = runtime.block_on(router_answer(method, target, headers))?;
        assert_eq!(served, routed, "{method} {target} {headers:?}");
    }
    Ok(())
}
