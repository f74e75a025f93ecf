//! What the integration tests that read raw HTTP/1.1 share.

/// Splits raw responses to requests other than `HEAD`, one after the other on a connection,
/// where each one's `Content-Length` ends it: the complete ones, and the bytes left over.
pub(crate) fn complete_responses(mut bytes: &[u8]) -> (Vec<&[u8]>, &[u8]) {
    let mut responses = Vec::new();
    while let Some(head) = bytes.windows(4).position(|w| w == b"\r\n\r\n") {
        let text = String::from_utf8_lossy(&bytes[..head]).to_ascii_lowercase();
        let length: usize = text
            .lines()
            .find_map(|line| line.strip_prefix("content-length:"))
            .and_then(|value| value.trim().parse().ok())
            .unwrap_or(0);
        let total = head + 4 + length;
        if bytes.len() < total {
            break;
        }
        let (response, rest) = bytes.split_at(total);
        responses.push(response);
        bytes = rest;
    }
    (responses, bytes)
}

/// The repository site's search index: the hashed asset, not the file naming it at its fixed
/// route.
pub(crate) fn search_index() -> Result<&'static site::Asset, &'static str> {
    site::SITE
        .assets
        .iter()
        .find(|asset| {
            asset.route.starts_with("/_site/search-index.")
                && asset.route != "/_site/search-index.json"
        })
        .ok_or("no search index")
}
