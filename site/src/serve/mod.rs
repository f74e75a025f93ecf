//! The HTTP server: answers every request from a [`Site`] table, copying no page or asset bytes.

use std::borrow::Cow;
use std::future::Future;
use std::io;
use std::net::SocketAddr;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{Method, StatusCode, Uri, header};
use axum::response::{Html, IntoResponse, Response};
use tokio::net::TcpListener;

use crate::Site;

/// A router answering every path from `site`: its pages, its assets, else its 404 page.
///
/// Everything goes through one fallback handler since the routes are a sorted table, not patterns.
pub fn router(site: &'static Site) -> Router {
    Router::new().fallback(respond).with_state(site)
}

/// Serves `site` on `addr` until Ctrl-C or SIGTERM, letting open requests finish.
///
/// Prints the bound address, so port 0 shows the port actually chosen.
pub async fn serve(site: &'static Site, addr: SocketAddr) -> io::Result<()> {
    let listener = TcpListener::bind(addr).await?;
    println!(
        "Serving the OMA SpecWorks site on http://{}/",
        listener.local_addr()?
    );
    axum::serve(listener, router(site))
        .with_graceful_shutdown(shutdown_signal()?)
        .await
}

/// The fallback handler. HEAD needs no special case: axum sets `Content-Length` from the body
/// and then drops the body for HEAD requests.
async fn respond(State(site): State<&'static Site>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return (
            StatusCode::METHOD_NOT_ALLOWED,
            [(header::ALLOW, "GET, HEAD")],
        )
            .into_response();
    }
    // `Uri::path` excludes the query string, which no page depends on.
    let Some(path) = percent_decode(uri.path()) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    if let Some(page) = site.page(&path) {
        // A `&'static str` body is `Bytes::from_static`: the page is served from the binary as is.
        Html(page.html).into_response()
    } else if let Some(asset) = site.asset(&path) {
        let content_type = [(header::CONTENT_TYPE, asset.content_type)];
        (content_type, Bytes::from_static(asset.bytes)).into_response()
    } else {
        (StatusCode::NOT_FOUND, Html(site.not_found)).into_response()
    }
}

/// `path` with its `%XX` escapes decoded, or `None` when an escape is malformed or the result is
/// not UTF-8. Borrows `path` when it has no escape, so most requests allocate nothing.
fn percent_decode(path: &str) -> Option<Cow<'_, str>> {
    if !path.contains('%') {
        return Some(Cow::Borrowed(path));
    }
    let mut bytes = path.bytes();
    let mut decoded = Vec::with_capacity(path.len());
    while let Some(byte) = bytes.next() {
        decoded.push(match byte {
            b'%' => hex_digit(bytes.next()?)? << 4 | hex_digit(bytes.next()?)?,
            _ => byte,
        });
    }
    String::from_utf8(decoded).ok().map(Cow::Owned)
}

/// The value of one hexadecimal digit.
fn hex_digit(byte: u8) -> Option<u8> {
    match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'a'..=b'f' => Some(byte - b'a' + 10),
        b'A'..=b'F' => Some(byte - b'A' + 10),
        _ => None,
    }
}

/// Resolves on Ctrl-C or (on Unix) SIGTERM, the signal container runtimes stop with.
///
/// The SIGTERM handler is installed now so that failing to install it is an error of `serve`.
fn shutdown_signal() -> io::Result<impl Future<Output = ()>> {
    #[cfg(unix)]
    let mut terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
    Ok(async move {
        #[cfg(unix)]
        let terminate = terminate.recv();
        #[cfg(not(unix))]
        let terminate = std::future::pending::<Option<()>>();
        tokio::select! {
            // Should listening for Ctrl-C fail, keep serving rather than stop at once.
            Ok(()) = tokio::signal::ctrl_c() => {}
            _ = terminate => {}
        }
    })
}

#[cfg(test)]
mod tests {
    use axum::body::{Body, to_bytes};
    use axum::http::Request;
    use maud::PreEscaped;
    use tower::ServiceExt as _;

    use super::*;
    use crate::{Asset, Page};

    static PAGES: [Page; 2] = [
        page("/", "<h1>Home</h1>"),
        page("/lwm2m/about", "<h1>About</h1>"),
    ];
    static ASSETS: [Asset; 1] = [Asset {
        route: "/images/x.png",
        content_type: "image/png",
        bytes: b"\x89PNG",
    }];
    static SITE: Site = Site {
        pages: &PAGES,
        assets: &ASSETS,
        not_found: "<h1>Not found</h1>",
    };

    const fn page(route: &'static str, html: &'static str) -> Page {
        Page {
            route,
            title: "",
            description: "",
            front_matter: "{}",
            body: PreEscaped(html),
            html,
        }
    }

    /// The response of the test site to `method uri`, with its body collected.
    async fn request(method: Method, uri: &'static str) -> Result<Response<Bytes>, axum::Error> {
        let mut request = Request::new(Body::empty());
        *request.method_mut() = method;
        *request.uri_mut() = Uri::from_static(uri);
        let Ok(response) = router(&SITE).oneshot(request).await;
        let (parts, body) = response.into_parts();
        Ok(Response::from_parts(
            parts,
            to_bytes(body, usize::MAX).await?,
        ))
    }

    fn header(response: &Response<Bytes>, name: header::HeaderName) -> Option<&str> {
        response
            .headers()
            .get(name)
            .and_then(|value| value.to_str().ok())
    }

    #[tokio::test]
    async fn serves_pages_with_and_without_trailing_slash() -> Result<(), axum::Error> {
        for (uri, html) in [
            ("/", PAGES[0].html),
            ("/lwm2m/about", PAGES[1].html),
            ("/lwm2m/about/", PAGES[1].html),
        ] {
            let response = request(Method::GET, uri).await?;
            assert_eq!(response.status(), StatusCode::OK, "{uri}");
            assert_eq!(
                header(&response, header::CONTENT_TYPE),
                Some("text/html; charset=utf-8")
            );
            assert_eq!(response.body(), html, "{uri}");
        }
        Ok(())
    }

    #[tokio::test]
    async fn page_bytes_are_not_copied() -> Result<(), axum::Error> {
        let response = request(Method::GET, "/lwm2m/about").await?;
        assert_eq!(response.body().as_ptr(), PAGES[1].html.as_ptr());
        Ok(())
    }

    #[tokio::test]
    async fn serves_assets_with_their_content_type() -> Result<(), axum::Error> {
        let response = request(Method::GET, "/images/x.png").await?;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(header(&response, header::CONTENT_TYPE), Some("image/png"));
        assert_eq!(response.body(), ASSETS[0].bytes);
        Ok(())
    }

    #[tokio::test]
    async fn head_has_the_headers_and_no_body() -> Result<(), axum::Error> {
        for uri in ["/lwm2m/about", "/images/x.png"] {
            let get = request(Method::GET, uri).await?;
            let head = request(Method::HEAD, uri).await?;
            assert_eq!(head.status(), StatusCode::OK);
            assert_eq!(head.headers(), get.headers(), "{uri}");
            let length = get.body().len().to_string();
            assert_eq!(
                header(&head, header::CONTENT_LENGTH),
                Some(length.as_str()),
                "{uri}"
            );
            assert!(head.body().is_empty(), "{uri}");
        }
        Ok(())
    }

    #[tokio::test]
    async fn unknown_path_is_404_with_the_not_found_page() -> Result<(), axum::Error> {
        let response = request(Method::GET, "/nowhere").await?;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        assert_eq!(
            header(&response, header::CONTENT_TYPE),
            Some("text/html; charset=utf-8")
        );
        assert_eq!(response.body(), SITE.not_found);
        Ok(())
    }

    #[tokio::test]
    async fn other_methods_are_405_with_allow() -> Result<(), axum::Error> {
        for method in [Method::POST, Method::PUT, Method::DELETE, Method::OPTIONS] {
            let response = request(method.clone(), "/lwm2m/about").await?;
            assert_eq!(
                response.status(),
                StatusCode::METHOD_NOT_ALLOWED,
                "{method}"
            );
            assert_eq!(
                header(&response, header::ALLOW),
                Some("GET, HEAD"),
                "{method}"
            );
        }
        Ok(())
    }

    #[tokio::test]
    async fn percent_encoded_paths_are_decoded() -> Result<(), axum::Error> {
        for uri in ["/lwm2m/%61bout", "/lwm2m%2Fabout", "/images/x%2epng"] {
            let response = request(Method::GET, uri).await?;
            assert_eq!(response.status(), StatusCode::OK, "{uri}");
        }
        Ok(())
    }

    #[tokio::test]
    async fn query_strings_are_ignored() -> Result<(), axum::Error> {
        let response = request(Method::GET, "/lwm2m/about?utm_source=x&y").await?;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.body(), PAGES[1].html);
        let response = request(Method::GET, "/images/x.png?v=2").await?;
        assert_eq!(response.body(), ASSETS[0].bytes);
        Ok(())
    }

    #[tokio::test]
    async fn bad_percent_encoding_is_400() -> Result<(), axum::Error> {
        // Truncated escape, non-hex digits, and an escape decoding to invalid UTF-8.
        for uri in ["/lwm2m/about%", "/lwm2m/about%4", "/lwm2m/%zzbout", "/%ff"] {
            let response = request(Method::GET, uri).await?;
            assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{uri}");
        }
        Ok(())
    }

    #[test]
    fn percent_decode_borrows_unless_there_is_an_escape() {
        assert!(matches!(
            percent_decode("/lwm2m/about"),
            Some(Cow::Borrowed("/lwm2m/about"))
        ));
        assert_eq!(percent_decode("/caf%C3%A9").as_deref(), Some("/café"));
    }
}
