//! One HTTP/1.1 connection, framed by hand: request heads parsed by `httparse` (hyper's own
//! parser), each response's head and static body written with one `writev`.
//!
//! Why not hyper: every response here is a static slice, so a request need cost no more than
//! a parse, a table look-up and one write. Through hyper and the axum router the server stayed
//! well below a minimal hyper server answering one fixed response, and about level with nginx
//! (BENCHMARKS.md, "Serving"). Left out on purpose: request bodies are never read (GET and HEAD
//! have none; a short one is skipped, any other closes the connection after the answer), and
//! there is no HTTP/2 or protocol upgrade.

use std::cell::RefCell;
use std::future::Future;
use std::io::{self, IoSlice};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::http::header::{CONNECTION, CONTENT_LENGTH, EXPECT, HOST, TRANSFER_ENCODING};
use axum::http::{HeaderMap, HeaderValue, Method, Response, StatusCode, Uri};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;
use tokio::sync::watch;
use tokio::time::Interval;

use super::Limits;
use super::negotiate::REQUEST_HEADERS;
use super::respond::Body;
use crate::Site;

/// The smallest request-head buffer: the heads browsers send fit in it with room to spare.
const MIN_HEADER_BYTES: usize = 8192;

/// The most header lines a request may have; beyond it the answer is `431`.
const MAX_HEADERS: usize = 64;

/// The largest request body skipped to keep the connection; a larger one closes it instead.
const MAX_SKIPPED_BODY: u64 = 64 * 1024;

/// How long a connection waiting for a request may stay idle while the listener is crowded.
const CROWDED_IDLE: Duration = Duration::from_secs(1);

/// How long a refused connection's answer may take to write.
const REFUSAL_TIMEOUT: Duration = Duration::from_secs(1);

/// How long a closed connection still reads (and drops) what the client sends, so that
/// unread pipelined requests do not turn the close into a reset that destroys the responses
/// the client has not read yet.
const LINGER: Duration = Duration::from_secs(2);

/// Serves requests on `stream` until the client closes it, breaks the protocol, makes no
/// progress for a whole header-read timeout (or, while `crowding` says the listener is
/// crowded, waits idle for a request for [`CROWDED_IDLE`]), or `stop` flips (then the response
/// being written is finished first); then closes it gracefully.
pub(super) async fn serve(
    site: &'static Site,
    mut stream: TcpStream,
    limits: &Limits,
    mut stop: watch::Receiver<bool>,
    mut crowding: watch::Receiver<bool>,
) {
    let mut received = Received::new(limits.max_header_bytes);
    let progress = Progress::default();
    let mut watchdog = Watchdog::new(limits.header_read_timeout);
    let mut head = Vec::with_capacity(1024);
    loop {
        if *stop.borrow() {
            break;
        }
        let Some(answer) = received.answer(site) else {
            let idle = received.filled == 0;
            tokio::select! {
                biased;
                read = received.read(&mut stream) => match read {
                    Ok(0) | Err(_) => break,
                    Ok(_) => continue,
                },
                changed = stop.changed() => if changed.is_err() { break } else { continue },
                idle = watchdog.expired(&progress) => if idle { break } else { continue },
                () = crowded_for(&mut crowding, CROWDED_IDLE), if idle => break,
            }
        };
        progress.advance();
        let keep_alive = answer.keep_alive && !*stop.borrow();
        write_head(&mut head, &answer.response, answer.http10, keep_alive);
        let sent = watchdog.watch(
            &progress,
            send(&mut stream, &head, answer.response.body(), &progress),
        );
        if sent.await.is_err() || !keep_alive {
            break;
        }
    }
    linger(stream).await;
}

/// Answers `503` to a connection refused a slot, and closes it.
pub(super) async fn refuse(mut stream: TcpStream) {
    let mut head = Vec::new();
    let response = super::respond::empty(StatusCode::SERVICE_UNAVAILABLE);
    write_head(&mut head, &response, false, false);
    let written = tokio::time::timeout(REFUSAL_TIMEOUT, stream.write_all(&head)).await;
    if matches!(written, Ok(Ok(()))) {
        linger(stream).await;
    }
}

/// Resolves once the listener has been crowded for `period` on end.
async fn crowded_for(crowding: &mut watch::Receiver<bool>, period: Duration) {
    loop {
        if crowding.wait_for(|crowded| *crowded).await.is_err() {
            return std::future::pending().await;
        }
        tokio::select! {
            () = tokio::time::sleep(period) => return,
            _ = crowding.wait_for(|crowded| !*crowded) => {}
        }
    }
}

/// A connection's received bytes.
struct Received {
    /// Received bytes not yet parsed: at most one request head long.
    buffer: Vec<u8>,
    filled: usize,
    /// Bytes of a request body still to be dropped as they arrive.
    skip: u64,
}

/// A parsed request head: what a response depends on, and what the connection does after.
struct Request {
    method: Method,
    uri: Uri,
    /// Only [`REQUEST_HEADERS`]: the rest cannot change the response.
    headers: HeaderMap,
    http10: bool,
    keep_alive: bool,
}

/// A response to write, and what the connection does after it.
struct Answer {
    response: Response<Body>,
    http10: bool,
    keep_alive: bool,
}

impl Received {
    /// An empty buffer for request heads of up to `max_header_bytes` (at least
    /// [`MIN_HEADER_BYTES`]).
    fn new(max_header_bytes: usize) -> Received {
        Received {
            buffer: vec![0; max_header_bytes.max(MIN_HEADER_BYTES)],
            filled: 0,
            skip: 0,
        }
    }

    /// The answer to the next request in the buffer, consuming it; `None` until a whole head
    /// has arrived.
    fn answer(&mut self, site: &'static Site) -> Option<Answer> {
        match self.next_request() {
            Ok(Some(request)) => Some(Answer {
                response: super::handle(site, &request.method, &request.uri, &request.headers),
                http10: request.http10,
                keep_alive: request.keep_alive,
            }),
            // A request that breaks the protocol: answered with the status, the security
            // headers and no body; then the connection ends.
            Err(status) => {
                tracing::debug!(status = status.as_u16(), "malformed request");
                Some(Answer {
                    response: super::respond::empty(status),
                    http10: false,
                    keep_alive: false,
                })
            }
            Ok(None) => None,
        }
    }

    /// The next request in the buffer, consuming its head (and what has arrived of its body);
    /// `None` until a whole head has arrived; the status to refuse it with when it is malformed.
    fn next_request(&mut self) -> Result<Option<Request>, StatusCode> {
        let skipped = usize::try_from(self.skip).map_or(self.filled, |skip| skip.min(self.filled));
        self.consume(skipped);
        self.skip -= skipped as u64;
        if self.skip > 0 || self.filled == 0 {
            return Ok(None);
        }
        let mut lines = [httparse::EMPTY_HEADER; MAX_HEADERS];
        let mut parsed = httparse::Request::new(&mut lines);
        let length = match parsed.parse(&self.buffer[..self.filled]) {
            Ok(httparse::Status::Complete(length)) => length,
            Ok(httparse::Status::Partial) if self.filled < self.buffer.len() => return Ok(None),
            // A head too long for the buffer: its request line alone, or its header fields.
            Ok(httparse::Status::Partial) if !self.buffer.contains(&b'\n') => {
                return Err(StatusCode::URI_TOO_LONG);
            }
            Ok(httparse::Status::Partial) | Err(httparse::Error::TooManyHeaders) => {
                return Err(StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE);
            }
            // Judged on the whole request line, so that the answer does not depend on how
            // much of it has arrived.
            Err(httparse::Error::Version) => match request_line(&self.buffer[..self.filled]) {
                Some(line) => return Err(version_refusal(line)),
                None if self.filled < self.buffer.len() => return Ok(None),
                None => return Err(StatusCode::URI_TOO_LONG),
            },
            Err(_) => return Err(StatusCode::BAD_REQUEST),
        };
        let (request, body) = Request::from_head(&parsed)?;
        self.skip = body;
        self.consume(length);
        Ok(Some(request))
    }

    /// Drops the first `count` buffered bytes.
    fn consume(&mut self, count: usize) {
        self.buffer.copy_within(count..self.filled, 0);
        self.filled -= count;
    }

    async fn read(&mut self, stream: &mut TcpStream) -> io::Result<usize> {
        let read = stream.read(&mut self.buffer[self.filled..]).await?;
        self.filled += read;
        Ok(read)
    }

    /// Takes as much of `bytes` as the buffer has room for, as a read would; how much.
    fn receive(&mut self, bytes: &[u8]) -> usize {
        let room = &mut self.buffer[self.filled..];
        let taken = room.len().min(bytes.len());
        room[..taken].copy_from_slice(&bytes[..taken]);
        self.filled += taken;
        taken
    }
}

/// What a connection wrote back to a client, and what it left unread.
#[derive(Debug)]
pub struct Replay {
    /// Each answer as written: its head, then its body.
    pub answers: Vec<Vec<u8>>,
    /// The bytes the client sent that the connection neither answered nor skipped as a body:
    /// those after the answer that closed it, or the start of a request that never ended.
    pub unread: usize,
}

/// What the binary's connection answers, answering from `site`, to a client that sends
/// `pieces` one after the other, each arriving in as many reads as the head buffer needs, and
/// then closes its side: the connection's framing without a socket or timers, for the fuzz
/// targets (`fuzz/`).
pub fn replay<'a>(site: &'static Site, pieces: impl IntoIterator<Item = &'a [u8]>) -> Replay {
    let mut received = Received::new(MIN_HEADER_BYTES);
    let mut pieces = pieces.into_iter();
    let mut piece: &[u8] = &[];
    let mut head = Vec::new();
    let mut answers = Vec::new();
    loop {
        if let Some(answer) = received.answer(site) {
            write_head(
                &mut head,
                &answer.response,
                answer.http10,
                answer.keep_alive,
            );
            answers.push([head.as_slice(), answer.response.body()].concat());
            if answer.keep_alive {
                continue;
            }
            break;
        }
        while piece.is_empty() {
            let Some(next) = pieces.next() else {
                return Replay {
                    answers,
                    unread: received.filled,
                };
            };
            piece = next;
        }
        let taken = received.receive(piece);
        // A read into a full buffer reads nothing, which `serve` takes for the end.
        if taken == 0 {
            break;
        }
        piece = &piece[taken..];
    }
    let unsent: usize = pieces.map(<[u8]>::len).sum();
    Replay {
        answers,
        unread: received.filled + piece.len() + unsent,
    }
}

/// Counts requests and writes: the connection is alive while it moves. Atomic because a
/// spawned task must be `Send`; it has one writer.
#[derive(Default)]
struct Progress(AtomicU64);

impl Progress {
    fn advance(&self) {
        let next = self.0.load(Ordering::Relaxed) + 1;
        self.0.store(next, Ordering::Relaxed);
    }
}

/// Ends connections that neither start a request nor write anything for a whole period: idle
/// clients, heads sent too slowly, clients that stopped reading. One timer per connection,
/// not one per request.
struct Watchdog {
    ticks: Interval,
    seen: u64,
}

impl Watchdog {
    fn new(period: Duration) -> Watchdog {
        let period = period.max(Duration::from_millis(1));
        Watchdog {
            ticks: tokio::time::interval_at(tokio::time::Instant::now() + period, period),
            seen: 0,
        }
    }

    /// Waits for the next tick: `true` when there was no progress since the one before.
    async fn expired(&mut self, progress: &Progress) -> bool {
        self.ticks.tick().await;
        let now = progress.0.load(Ordering::Relaxed);
        std::mem::replace(&mut self.seen, now) == now
    }

    /// `operation`, unless the connection stops making progress for a whole period first.
    async fn watch(
        &mut self,
        progress: &Progress,
        operation: impl Future<Output = io::Result<()>>,
    ) -> io::Result<()> {
        tokio::select! {
            result = operation => result,
            () = async { while !self.expired(progress).await {} } => {
                Err(io::ErrorKind::TimedOut.into())
            }
        }
    }
}

impl Request {
    /// The request of a parsed head, and the length of the body to skip; or the status that
    /// refuses it.
    fn from_head(parsed: &httparse::Request<'_, '_>) -> Result<(Request, u64), StatusCode> {
        let (Some(method), Some(target), Some(version)) =
            (parsed.method, parsed.path, parsed.version)
        else {
            return Err(StatusCode::BAD_REQUEST);
        };
        let method = Method::from_bytes(method.as_bytes()).map_err(|_| StatusCode::BAD_REQUEST)?;
        let uri = request_target(&method, target).ok_or(StatusCode::BAD_REQUEST)?;
        let http10 = version == 0;
        let mut headers = HeaderMap::new();
        let (mut close, mut keep_alive) = (false, false);
        let (mut length, mut codings, mut expects) = (None, Vec::new(), false);
        let mut hosts = 0;
        for line in parsed.headers.iter() {
            if let Some(name) = REQUEST_HEADERS
                .iter()
                .find(|n| n.as_str().eq_ignore_ascii_case(line.name))
            {
                let value =
                    HeaderValue::from_bytes(line.value).map_err(|_| StatusCode::BAD_REQUEST)?;
                headers.append(name.clone(), value);
            } else if line.name.eq_ignore_ascii_case(CONNECTION.as_str()) {
                for option in line.value.split(|&byte| byte == b',') {
                    let option = option.trim_ascii();
                    close |= option.eq_ignore_ascii_case(b"close");
                    keep_alive |= option.eq_ignore_ascii_case(b"keep-alive");
                }
            } else if line.name.eq_ignore_ascii_case(CONTENT_LENGTH.as_str()) {
                let value = std::str::from_utf8(line.value.trim_ascii())
                    .ok()
                    .filter(|digits| {
                        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
                    })
                    .and_then(|digits| digits.parse::<u64>().ok())
                    .ok_or(StatusCode::BAD_REQUEST)?;
                // Two different lengths make the body's end ambiguous (request smuggling).
                if length.is_some_and(|seen| seen != value) {
                    return Err(StatusCode::BAD_REQUEST);
                }
                length = Some(value);
            } else if line.name.eq_ignore_ascii_case(HOST.as_str()) {
                hosts += 1;
            } else if line.name.eq_ignore_ascii_case(EXPECT.as_str()) {
                expects = true;
            } else if line.name.eq_ignore_ascii_case(TRANSFER_ENCODING.as_str()) {
                codings.extend(
                    line.value
                        .split(|&byte| byte == b',')
                        .map(<[u8]>::trim_ascii)
                        .filter(|coding| !coding.is_empty()),
                );
            }
        }
        let transfer_coded = !codings.is_empty();
        // Chunked is the only transfer coding (RFC 9112 §7); it must come last, and once.
        if codings
            .iter()
            .any(|coding| !coding.eq_ignore_ascii_case(b"chunked"))
        {
            return Err(StatusCode::NOT_IMPLEMENTED);
        }
        if codings.len() > 1 {
            return Err(StatusCode::BAD_REQUEST);
        }
        // HTTP/1.1 requires exactly one `Host` (RFC 9112 §3.2); a body framed two ways is
        // ambiguous (request smuggling).
        if (!http10 && hosts != 1) || (transfer_coded && length.is_some()) {
            return Err(StatusCode::BAD_REQUEST);
        }
        let body = length.unwrap_or(0);
        // A transfer-coded or long body is not read: the connection ends after the answer
        // instead. So does a body the client waits to be asked for (`Expect: 100-continue`):
        // answered at once, it may never come.
        let keep_alive = !close
            && (!http10 || keep_alive)
            && !transfer_coded
            && (body == 0 || (body <= MAX_SKIPPED_BODY && !expects));
        let request = Request {
            method,
            uri,
            headers,
            http10,
            keep_alive,
        };
        Ok((request, if keep_alive { body } else { 0 }))
    }
}

/// The request target in origin form (`/path?query`), absolute form (`http://host/path`), or
/// asterisk form for `OPTIONS` (RFC 9112 §3.2); `None` for anything else, such as the
/// authority form only `CONNECT` uses.
fn request_target(method: &Method, target: &str) -> Option<Uri> {
    if target == "*" {
        return (method == Method::OPTIONS).then(|| Uri::from_static("*"));
    }
    let uri = Uri::try_from(target).ok()?;
    let absolute = matches!(uri.scheme_str(), Some("http" | "https")) && uri.authority().is_some();
    (target.starts_with('/') || absolute).then_some(uri)
}

/// The request line at the start of `received`, once it has arrived whole: after the empty
/// lines `httparse` skips, up to its line feed.
fn request_line(received: &[u8]) -> Option<&[u8]> {
    let start = received
        .iter()
        .position(|&byte| !matches!(byte, b'\r' | b'\n'))?;
    let line = &received[start..];
    let end = line.iter().position(|&byte| byte == b'\n')?;
    Some(&line[..end])
}

/// The refusal of a request line whose version `httparse` rejects: `505` for a well-formed
/// version above 1 (`HTTP/2.0`), `400` for anything else.
fn version_refusal(line: &[u8]) -> StatusCode {
    let version = line.trim_ascii_end().rsplit(|&byte| byte == b' ').next();
    match version {
        Some([b'H', b'T', b'T', b'P', b'/', major, b'.', minor])
            if major.is_ascii_digit() && minor.is_ascii_digit() && *major >= b'2' =>
        {
            StatusCode::HTTP_VERSION_NOT_SUPPORTED
        }
        _ => StatusCode::BAD_REQUEST,
    }
}

/// Writes the status line and headers of `response` to `head`, with `Date`,
/// `Content-Length` and, where the default does not hold, `Connection`.
fn write_head(head: &mut Vec<u8>, response: &Response<Body>, http10: bool, keep_alive: bool) {
    let status = response.status();
    head.clear();
    head.extend_from_slice(b"HTTP/1.1 ");
    head.extend_from_slice(status.as_str().as_bytes());
    head.push(b' ');
    head.extend_from_slice(status.canonical_reason().unwrap_or("").as_bytes());
    head.extend_from_slice(b"\r\n");
    for (name, value) in response.headers() {
        header(head, name.as_str(), value.as_bytes());
    }
    DATE.with_borrow_mut(|date| header(head, "date", date.now()));
    // A `HEAD` or `304` response already says the length of the body it leaves out.
    if !response.headers().contains_key(CONTENT_LENGTH) {
        header(
            head,
            "content-length",
            itoa::Buffer::new().format(response.body().len()).as_bytes(),
        );
    }
    if !keep_alive {
        header(head, "connection", b"close");
    } else if http10 {
        header(head, "connection", b"keep-alive");
    }
    head.extend_from_slice(b"\r\n");
}

fn header(head: &mut Vec<u8>, name: &str, value: &[u8]) {
    head.extend_from_slice(name.as_bytes());
    head.extend_from_slice(b": ");
    head.extend_from_slice(value);
    head.extend_from_slice(b"\r\n");
}

thread_local! {
    /// The `Date` header of the current second, formatted once per second per thread.
    static DATE: RefCell<Date> = const { RefCell::new(Date { second: u64::MAX, text: String::new() }) };
}

struct Date {
    second: u64,
    text: String,
}

impl Date {
    fn now(&mut self) -> &[u8] {
        let now = SystemTime::now();
        let second = now
            .duration_since(UNIX_EPOCH)
            .map_or(0, |since| since.as_secs());
        if second != self.second {
            self.second = second;
            self.text = httpdate::fmt_http_date(now);
        }
        self.text.as_bytes()
    }
}

/// Writes `head` then `body`, together in one `writev` when the socket takes them, counting
/// every write that makes progress.
async fn send(
    stream: &mut TcpStream,
    mut head: &[u8],
    mut body: &[u8],
    progress: &Progress,
) -> io::Result<()> {
    while !head.is_empty() || !body.is_empty() {
        let written = if head.is_empty() {
            stream.write(body).await?
        } else {
            stream
                .write_vectored(&[IoSlice::new(head), IoSlice::new(body)])
                .await?
        };
        if written == 0 {
            return Err(io::ErrorKind::WriteZero.into());
        }
        progress.advance();
        let from_head = written.min(head.len());
        head = &head[from_head..];
        body = &body[written - from_head..];
    }
    Ok(())
}

/// Closes the sending side, then drops what the client still sends for a while.
async fn linger(mut stream: TcpStream) {
    if stream.shutdown().await.is_ok() {
        let mut sink = [0; 4096];
        let drain = async { while let Ok(1..) = stream.read(&mut sink).await {} };
        let _ = tokio::time::timeout(LINGER, drain).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Feeds `bytes` in pieces at `cuts`, as reads would, and collects every request as
    /// `METHOD path`, or the refusal's status.
    fn requests(bytes: &[u8], cuts: &[usize]) -> Vec<String> {
        let mut connection = Received::new(MIN_HEADER_BYTES);
        let mut seen = Vec::new();
        let mut start = 0;
        for end in cuts.iter().copied().chain([bytes.len()]) {
            connection.receive(&bytes[start..end]);
            start = end;
            loop {
                match connection.next_request() {
                    Ok(Some(request)) => {
                        seen.push(format!("{} {}", request.method, request.uri.path()));
                    }
                    Ok(None) => break,
                    Err(status) => {
                        seen.push(status.as_str().to_string());
                        return seen;
                    }
                }
            }
        }
        seen
    }

    const STREAM: &[u8] = b"GET /a HTTP/1.1\r\nHost: x\r\n\r\n\
        POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 27\r\n\r\n\
        GET /body HTTP/1.1\r\nHost: x\r\n\
        GET /c?q=1 HTTP/1.1\r\nHost: x\r\nAccept-Encoding: br\r\n\r\n";

    #[test]
    fn a_stream_cut_anywhere_gives_the_same_requests() {
        let whole = requests(STREAM, &[]);
        assert_eq!(whole, ["GET /a", "POST /b", "GET /c"]);
        for cut in 1..STREAM.len() {
            assert_eq!(requests(STREAM, &[cut]), whole, "cut at {cut}");
        }
        let every_byte: Vec<usize> = (1..STREAM.len()).collect();
        assert_eq!(requests(STREAM, &every_byte), whole);
    }

    /// Bytes that matter to the framing.
    const NOISE: &[u8] = b"\r\n: \x00%0";

    #[test]
    fn garbled_streams_are_refused_or_wait_never_panic() {
        // A fixed-seed xorshift: the same cases on every run.
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20_000 {
            let mut bytes = STREAM.to_vec();
            for _ in 0..=next() % 4 {
                let at = (next() % bytes.len() as u64) as usize;
                match next() % 3 {
                    0 => bytes[at] = next() as u8,
                    1 => drop(bytes.remove(at)),
                    _ => bytes.insert(at, NOISE[(next() % NOISE.len() as u64) as usize]),
                }
            }
            let cut = (next() % bytes.len() as u64) as usize;
            for outcome in requests(&bytes, &[cut]) {
                let refused = ["400", "414", "431", "501", "505"].contains(&outcome.as_str());
                assert!(refused || outcome.contains(' '), "{outcome}");
            }
        }
    }

    /// Found by the `http_framing` fuzz target: a version refused before its line had ended
    /// was judged on what had arrived of it (`HTTP/2.` is no version: `400`), and the same
    /// line arriving at once on all of it (`HTTP/2.1`: `505`).
    #[test]
    fn a_refused_version_is_judged_on_the_whole_line_however_it_arrives() {
        for (stream, whole) in [
            (&b"GET / HTTP/2.1\r\nHost: x\r\n\r\n"[..], ["505"]),
            (b"\r\nGET / HTTP/2.0\n\n", ["505"]),
            (b"T / HOS / HTTP/2.1\r\n\r\n", ["505"]),
            (b"GET / HTTP/1\xef\xef\r\n\r\n", ["400"]),
        ] {
            assert_eq!(requests(stream, &[]), whole);
            for cut in 1..stream.len() {
                assert_eq!(requests(stream, &[cut]), whole, "cut at {cut}");
            }
        }
        assert!(requests(b"T / HOS / HTTP/2.1", &[]).is_empty());
    }

    #[test]
    fn only_the_headers_a_response_depends_on_are_kept() {
        let mut lines = [httparse::EMPTY_HEADER; MAX_HEADERS];
        let mut parsed = httparse::Request::new(&mut lines);
        let head = b"GET / HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\nAccept-Encoding: br\r\n\
            If-None-Match: \"t\"\r\nCookie: a=b\r\n\r\n";
        assert!(parsed.parse(head).is_ok_and(|status| status.is_complete()));
        let Ok((request, body)) = Request::from_head(&parsed) else {
            panic!("refused");
        };
        assert_eq!(body, 0);
        assert!(request.keep_alive && !request.http10);
        let names: Vec<&str> = request.headers.keys().map(|name| name.as_str()).collect();
        assert_eq!(names, ["accept-encoding", "if-none-match"]);
        assert_eq!(request.headers.get_all("accept-encoding").iter().count(), 2);
    }
}
