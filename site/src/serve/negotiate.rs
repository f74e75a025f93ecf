//! Content negotiation: which encoding of a body to send, from the request's `Accept-Encoding`
//! (RFC 9110 §12.5.3), and the preconditions on the client's copy (`If-Match`,
//! `If-None-Match`).

use axum::http::header::{ACCEPT_ENCODING, IF_MATCH, IF_NONE_MATCH};
use axum::http::{HeaderMap, HeaderName};

/// The request headers negotiation reads, the only ones a response depends on.
pub const REQUEST_HEADERS: [HeaderName; 3] = [ACCEPT_ENCODING, IF_MATCH, IF_NONE_MATCH];

/// A content coding the server has bodies in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coding {
    /// Brotli (`br`).
    Br,
    /// Gzip (`gzip`, or its old alias `x-gzip`).
    Gzip,
    /// No coding.
    Identity,
}

/// The coding to send, given which compressed variants exist: the acceptable one with the
/// highest q-value; on a tie the smallest (brotli, then gzip, then none).
///
/// Without `Accept-Encoding`, or when it excludes everything (`*;q=0`, `identity;q=0`), the
/// body goes uncompressed, as RFC 9110 allows. A coding the header does not name is acceptable
/// only through `*`, except `identity`, which is acceptable unless excluded but then comes
/// after every coding named with a non-zero q-value.
pub fn coding(headers: &HeaderMap, has_br: bool, has_gzip: bool) -> Coding {
    let mut values = headers.get_all(ACCEPT_ENCODING).iter().peekable();
    if values.peek().is_none() || !(has_br || has_gzip) {
        return Coding::Identity;
    }
    let (mut br, mut gzip, mut identity, mut any) = (None, None, None, None);
    for element in values
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
    {
        let mut parts = element.split(';');
        let name = parts.next().unwrap_or_default().trim();
        let Some(q) = quality(parts) else { continue };
        let slot = if name.eq_ignore_ascii_case("br") {
            &mut br
        } else if name.eq_ignore_ascii_case("gzip") || name.eq_ignore_ascii_case("x-gzip") {
            &mut gzip
        } else if name.eq_ignore_ascii_case("identity") {
            &mut identity
        } else if name == "*" {
            &mut any
        } else {
            continue;
        };
        // The first mention of a coding counts.
        slot.get_or_insert(q);
    }
    let br = if has_br { br.or(any).unwrap_or(0) } else { 0 };
    let gzip = if has_gzip {
        gzip.or(any).unwrap_or(0)
    } else {
        0
    };
    let identity = identity.or(any).unwrap_or(0);
    // `max_by_key` keeps the last of equal maxima: list the least preferred first.
    let (best, q) = [
        (Coding::Identity, identity),
        (Coding::Gzip, gzip),
        (Coding::Br, br),
    ]
    .into_iter()
    .max_by_key(|(_, q)| *q)
    .unwrap_or((Coding::Identity, 0));
    if q == 0 { Coding::Identity } else { best }
}

/// The q-value (in thousandths) among an element's parameters; 1000 when it has none; `None`
/// when it is malformed, so the element is ignored.
fn quality<'a>(parameters: impl Iterator<Item = &'a str>) -> Option<u16> {
    let mut q = 1000;
    for parameter in parameters {
        let (name, value) = parameter.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("q") {
            continue;
        }
        q = parse_q(value.trim())?;
    }
    Some(q)
}

/// `qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )`, in thousandths.
fn parse_q(value: &str) -> Option<u16> {
    let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths = fraction
        .bytes()
        .chain(std::iter::repeat(b'0'))
        .take(3)
        .fold(0, |n, digit| n * 10 + u16::from(digit - b'0'));
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

/// Whether `If-None-Match` names `etag` (or is `*`), by the weak comparison RFC 9110 §13.1.2
/// prescribes for it: a `W/` prefix is ignored.
pub fn none_match(headers: &HeaderMap, etag: &str) -> bool {
    tags(headers, &IF_NONE_MATCH)
        .any(|tag| tag == "*" || tag.strip_prefix("W/").unwrap_or(tag) == etag)
}

/// Whether the request has an `If-Match` that neither is `*` nor names `etag` by the strong
/// comparison (RFC 9110 §13.1.1): then the answer is `412`.
pub fn match_fails(headers: &HeaderMap, etag: &str) -> bool {
    let mut tags = tags(headers, &IF_MATCH).peekable();
    tags.peek().is_some() && !tags.any(|tag| tag == "*" || tag == etag)
}

/// The entity tags (or `*`) listed in the `name` headers.
fn tags<'a>(headers: &'a HeaderMap, name: &HeaderName) -> impl Iterator<Item = &'a str> {
    headers
        .get_all(name)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(str::trim)
        .filter(|tag| !tag.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn accept(values: &[&'static str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append(ACCEPT_ENCODING, HeaderValue::from_static(value));
        }
        headers
    }

    fn choose(values: &[&'static str]) -> Coding {
        coding(&accept(values), true, true)
    }

    #[test]
    fn prefers_brotli_then_gzip_on_equal_q() {
        assert_eq!(choose(&["gzip, deflate, br, zstd"]), Coding::Br);
        assert_eq!(choose(&["gzip, deflate"]), Coding::Gzip);
        assert_eq!(choose(&["x-gzip"]), Coding::Gzip);
        assert_eq!(choose(&["GZIP", "BR"]), Coding::Br);
        assert_eq!(choose(&["deflate"]), Coding::Identity);
    }

    #[test]
    fn without_the_header_or_with_it_empty_the_body_is_not_encoded() {
        assert_eq!(choose(&[]), Coding::Identity);
        assert_eq!(choose(&[""]), Coding::Identity);
        assert_eq!(choose(&["identity"]), Coding::Identity);
    }

    #[test]
    fn q_values_rank_the_codings() {
        assert_eq!(choose(&["br;q=0.5, gzip;q=0.8"]), Coding::Gzip);
        assert_eq!(choose(&["br;q=0.8, gzip;q=0.5"]), Coding::Br);
        assert_eq!(choose(&["br ; Q=0.500 , gzip ;q=0.501"]), Coding::Gzip);
        assert_eq!(choose(&["gzip;q=1.0, br;q=1.000"]), Coding::Br);
        assert_eq!(choose(&["br;q=0, gzip"]), Coding::Gzip);
        assert_eq!(choose(&["identity;q=1, br;q=0.5"]), Coding::Identity);
        // `identity` unnamed still ranks after a named coding.
        assert_eq!(choose(&["gzip;q=0.1"]), Coding::Gzip);
    }

    #[test]
    fn star_stands_for_codings_not_named() {
        assert_eq!(choose(&["*"]), Coding::Br);
        assert_eq!(choose(&["br;q=0, *"]), Coding::Gzip);
        assert_eq!(choose(&["*;q=0.5, identity"]), Coding::Identity);
        assert_eq!(choose(&["*;q=0"]), Coding::Identity);
        assert_eq!(choose(&["identity;q=0"]), Coding::Identity);
        assert_eq!(choose(&["identity;q=0, *;q=0.1"]), Coding::Br);
    }

    #[test]
    fn only_existing_variants_are_chosen() {
        let headers = accept(&["br, gzip"]);
        assert_eq!(coding(&headers, false, true), Coding::Gzip);
        assert_eq!(coding(&headers, true, false), Coding::Br);
        assert_eq!(coding(&headers, false, false), Coding::Identity);
        assert_eq!(coding(&accept(&["br"]), false, true), Coding::Identity);
    }

    #[test]
    fn malformed_elements_are_ignored() {
        assert_eq!(choose(&["br;q=2, gzip"]), Coding::Gzip);
        assert_eq!(choose(&["br;q=0.5000, gzip;q=0.1"]), Coding::Gzip);
        assert_eq!(choose(&["br;q, gzip;q=x, identity"]), Coding::Identity);
        assert_eq!(choose(&["br;q=-1, gzip;q=1.5"]), Coding::Identity);
        assert_eq!(choose(&[",,;;, br"]), Coding::Br);
    }

    #[test]
    fn if_none_match_uses_the_weak_comparison() {
        let mut headers = HeaderMap::new();
        assert!(!none_match(&headers, "\"a\""));
        headers.insert(IF_NONE_MATCH, HeaderValue::from_static("\"b\", W/\"a\""));
        assert!(none_match(&headers, "\"a\""));
        assert!(none_match(&headers, "\"b\""));
        assert!(!none_match(&headers, "\"c\""));
        headers.insert(IF_NONE_MATCH, HeaderValue::from_static("*"));
        assert!(none_match(&headers, "\"c\""));
    }

    #[test]
    fn if_match_uses_the_strong_comparison() {
        let mut headers = HeaderMap::new();
        assert!(!match_fails(&headers, "\"a\""));
        headers.insert(IF_MATCH, HeaderValue::from_static("\"b\", \"a\""));
        assert!(!match_fails(&headers, "\"a\""));
        assert!(match_fails(&headers, "\"c\""));
        headers.insert(IF_MATCH, HeaderValue::from_static("W/\"a\""));
        assert!(match_fails(&headers, "\"a\""));
        headers.insert(IF_MATCH, HeaderValue::from_static("*"));
        assert!(!match_fails(&headers, "\"c\""));
    }
}
