//! The server's HTTP/1.1 request framing (`site/src/serve/connection.rs`) on arbitrary byte
//! streams, cut at arbitrary points.

use site::serve::{Replay, replay};

/// The shortest request a connection answers other than by closing: `X / HTTP/1.0` and an
/// empty line, with bare line feeds.
const SHORTEST_REQUEST: usize = b"X / HTTP/1.0\n\n".len();

/// The size of the connection's head buffer: what may stay unread of a request still arriving.
const HEAD_BUFFER: usize = 8192;

/// `data` is a count of cuts (its first byte, modulo 8), the length of each piece before a cut
/// (a byte each, plus one), then the stream a client sends. Replays the stream to the binary's
/// connection over the OMA site once whole and once cut into those pieces, and checks that
/// both get the same answers, each a well-formed HTTP/1.1 response of the length it states,
/// only the last closing the connection; that no more requests are answered than the stream
/// holds; and that only a request never finished is left unread on a connection kept open.
pub fn http_framing(data: &[u8]) {
    let (count, rest) = data
        .split_first()
        .map_or((0, data), |(&n, rest)| (n % 8, rest));
    let (lengths, stream) = rest.split_at(usize::from(count).min(rest.len()));
    let whole = replay(&site::SITE, [stream]);
    let cut = replay(&site::SITE, pieces(stream, lengths));
    assert_eq!(
        without_dates(&whole),
        without_dates(&cut),
        "the cuts changed the answers"
    );
    assert_eq!(whole.unread, cut.unread, "the cuts changed what is unread");
    assert!(
        whole.answers.len() <= stream.len() / SHORTEST_REQUEST + 1,
        "{} answers to {} bytes",
        whole.answers.len(),
        stream.len()
    );
    let mut closed = false;
    for answer in &whole.answers {
        assert!(
            !closed,
            "an answer after the one that closed the connection"
        );
        closed = assert_well_formed(answer);
    }
    if !closed {
        assert!(
            whole.unread < HEAD_BUFFER,
            "{} bytes left unread on an open connection",
            whole.unread
        );
    }
}

/// `stream` in pieces of `lengths` (each plus one), the rest in one last piece.
fn pieces<'a>(mut stream: &'a [u8], lengths: &[u8]) -> Vec<&'a [u8]> {
    let mut pieces = Vec::new();
    for &length in lengths {
        let (piece, rest) = stream.split_at((usize::from(length) + 1).min(stream.len()));
        pieces.push(piece);
        stream = rest;
    }
    pieces.push(stream);
    pieces
}

/// The answers without their `Date` headers, which change with the second.
fn without_dates(replay: &Replay) -> Vec<Vec<u8>> {
    replay
        .answers
        .iter()
        .map(|answer| {
            let Some(start) = find(answer, b"\r\ndate: ") else {
                return answer.clone();
            };
            let line = start + 2;
            let end = find(&answer[line..], b"\r\n").map_or(answer.len(), |end| line + end + 2);
            [&answer[..line], &answer[end..]].concat()
        })
        .collect()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// Checks that `answer` is an HTTP/1.1 response whose head parses, with a status, one `Date`
/// and one `Content-Length` its body has (or leaves out, for `HEAD` and `304`); whether it
/// closes the connection.
fn assert_well_formed(answer: &[u8]) -> bool {
    assert!(answer.starts_with(b"HTTP/1.1 "), "{:?}", text(answer));
    let mut lines = [httparse::EMPTY_HEADER; 64];
    let mut response = httparse::Response::new(&mut lines);
    let head = match response.parse(answer) {
        Ok(httparse::Status::Complete(head)) => head,
        other => panic!("{other:?}: {:?}", text(answer)),
    };
    let status = response.code.unwrap_or_default();
    assert!((100..600).contains(&status), "{:?}", text(answer));
    let values = |name: &str| -> Vec<&[u8]> {
        response
            .headers
            .iter()
            .filter(|header| header.name.eq_ignore_ascii_case(name))
            .map(|header| header.value)
            .collect()
    };
    assert_eq!(values("date").len(), 1, "{:?}", text(answer));
    let lengths = values("content-length");
    let [length] = lengths.as_slice() else {
        panic!("not one content-length: {:?}", text(answer));
    };
    let length: usize = std::str::from_utf8(length)
        .ok()
        .and_then(|digits| digits.parse().ok())
        .unwrap_or_else(|| panic!("content-length {:?}", text(answer)));
    let body = answer.len() - head;
    assert!(
        body == length || body == 0,
        "a body of {body} bytes for a content-length of {length}"
    );
    values("connection")
        .iter()
        .any(|value| value.eq_ignore_ascii_case(b"close"))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
