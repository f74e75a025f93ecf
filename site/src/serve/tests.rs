//! The router over a small hand-made site: every HTTP behaviour without a socket.

use axum::body::{Body, Bytes, to_bytes};
use axum::http::{HeaderName, Method, Request, Response, StatusCode, header};
use tower::ServiceExt as _;

use super::router;
use crate::test_site::{ASSETS, MOUNTED, PAGES, SITE};

type TestResult = Result<(), axum::Error>;

/// The response of the test site to `method uri` with `headers`, its body collected.
async fn send(
    method: Method,
    uri: &str,
    headers: &[(HeaderName, &str)],
) -> Result<Response<Bytes>, axum::Error> {
    send_to(&SITE, method, uri, headers).await
}

/// The response of `site`'s router to `method uri` with `headers`, its body collected.
async fn send_to(
    site: &'static crate::Site,
    method: Method,
    uri: &str,
    headers: &[(HeaderName, &str)],
) -> Result<Response<Bytes>, axum::Error> {
    let mut request = Request::builder().method(method).uri(uri);
    for (name, value) in headers {
        request = request.header(name, *value);
    }
    let request = request.body(Body::empty()).map_err(axum::Error::new)?;
    let Ok(response) = router(site).oneshot(request).await;
    let (parts, body) = response.into_parts();
    Ok(Response::from_parts(
        parts,
        to_bytes(body, usize::MAX).await?,
    ))
}

async fn get(uri: &str) -> Result<Response<Bytes>, axum::Error> {
    send(Method::GET, uri, &[]).await
}

fn header(response: &Response<Bytes>, name: HeaderName) -> Option<&str> {
    response
        .headers()
        .get(name)
        .and_then(|value| value.to_str().ok())
}

#[tokio::test]
async fn pages_are_html_revalidated_with_an_etag() -> TestResult {
    let response = get("/lwm2m/about").await?;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        header(&response, header::CONTENT_TYPE),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(response.body(), "<h1>About</h1>");
    assert_eq!(header(&response, header::ETAG), Some("\"identity\""));
    assert_eq!(header(&response, header::CACHE_CONTROL), Some("no-cache"));
    assert_eq!(header(&response, header::VARY), Some("accept-encoding"));
    assert_eq!(header(&response, header::CONTENT_ENCODING), None);
    assert_eq!(header(&response, header::CONTENT_LENGTH), Some("14"));
    Ok(())
}

#[tokio::test]
async fn page_bytes_are_not_copied() -> TestResult {
    let response = get("/lwm2m/about").await?;
    assert_eq!(response.body().as_ptr(), PAGES[1].html.as_ptr());
    let response = send(
        Method::GET,
        "/lwm2m/about",
        &[(header::ACCEPT_ENCODING, "br")],
    )
    .await?;
    assert_eq!(response.body().as_ptr(), PAGES[1].br.bytes.as_ptr());
    Ok(())
}

#[tokio::test]
async fn the_best_accepted_encoding_is_sent_with_its_own_etag() -> TestResult {
    for (accept, body, encoding, etag) in [
        ("gzip, deflate, br", "BROTLI", Some("br"), "\"br\""),
        ("gzip", "GZIP", Some("gzip"), "\"gz\""),
        ("br;q=0.5, gzip", "GZIP", Some("gzip"), "\"gz\""),
        ("identity", "<h1>About</h1>", None, "\"identity\""),
        (
            "*;q=0, identity;q=0",
            "<h1>About</h1>",
            None,
            "\"identity\"",
        ),
        ("*", "BROTLI", Some("br"), "\"br\""),
    ] {
        let response = send(
            Method::GET,
            "/lwm2m/about",
            &[(header::ACCEPT_ENCODING, accept)],
        )
        .await?;
        assert_eq!(response.body(), body, "{accept}");
        assert_eq!(
            header(&response, header::CONTENT_ENCODING),
            encoding,
            "{accept}"
        );
        assert_eq!(header(&response, header::ETAG), Some(etag), "{accept}");
        assert_eq!(header(&response, header::VARY), Some("accept-encoding"));
        let length = body.len().to_string();
        assert_eq!(
            header(&response, header::CONTENT_LENGTH),
            Some(length.as_str())
        );
    }
    Ok(())
}

#[tokio::test]
async fn assets_without_variants_are_sent_as_they_are() -> TestResult {
    let response = send(
        Method::GET,
        "/images/x.png",
        &[(header::ACCEPT_ENCODING, "br, gzip")],
    )
    .await?;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(header(&response, header::CONTENT_TYPE), Some("image/png"));
    assert_eq!(header(&response, header::CONTENT_ENCODING), None);
    assert_eq!(header(&response, header::VARY), None);
    assert_eq!(header(&response, header::CACHE_CONTROL), Some("no-cache"));
    assert_eq!(response.body(), ASSETS[1].bytes.get());
    Ok(())
}

#[tokio::test]
async fn hashed_assets_are_immutable_for_a_year() -> TestResult {
    let response = send(
        Method::GET,
        "/_nuxt/app.3f2a9c1b.js",
        &[(header::ACCEPT_ENCODING, "gzip, br")],
    )
    .await?;
    assert_eq!(
        header(&response, header::CACHE_CONTROL),
        Some("public, max-age=31536000, immutable")
    );
    assert_eq!(response.body(), "JS-BR");
    // No gzip variant: gzip-only clients get the file as it is.
    let response = send(
        Method::GET,
        "/_nuxt/app.3f2a9c1b.js",
        &[(header::ACCEPT_ENCODING, "gzip")],
    )
    .await?;
    assert_eq!(response.body(), "console.log(1)");
    assert_eq!(header(&response, header::ETAG), Some("\"js\""));
    Ok(())
}

#[tokio::test]
async fn a_matching_if_none_match_is_304_without_body() -> TestResult {
    for (accept, etag) in [("", "\"identity\""), ("br", "\"br\""), ("gzip", "W/\"gz\"")] {
        let response = send(
            Method::GET,
            "/lwm2m/about",
            &[
                (header::ACCEPT_ENCODING, accept),
                (header::IF_NONE_MATCH, etag),
            ],
        )
        .await?;
        assert_eq!(response.status(), StatusCode::NOT_MODIFIED, "{accept}");
        assert!(response.body().is_empty());
        assert_eq!(
            header(&response, header::ETAG),
            Some(etag.trim_start_matches("W/"))
        );
        assert_eq!(header(&response, header::VARY), Some("accept-encoding"));
        assert_eq!(header(&response, header::CACHE_CONTROL), Some("no-cache"));
        assert!(header(&response, header::CONTENT_SECURITY_POLICY).is_some());
    }
    // The tag of another encoding is another representation: a full answer.
    let response = send(
        Method::GET,
        "/lwm2m/about",
        &[
            (header::ACCEPT_ENCODING, "gzip"),
            (header::IF_NONE_MATCH, "\"br\""),
        ],
    )
    .await?;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.body(), "GZIP");
    let response = send(
        Method::GET,
        "/images/x.png",
        &[(header::IF_NONE_MATCH, "\"a\", *")],
    )
    .await?;
    assert_eq!(response.status(), StatusCode::NOT_MODIFIED);
    Ok(())
}

#[tokio::test]
async fn head_has_the_headers_of_get_and_no_body() -> TestResult {
    for (uri, accept) in [
        ("/lwm2m/about", "br"),
        ("/lwm2m/about", ""),
        ("/images/x.png", ""),
        ("/nowhere", "gzip"),
    ] {
        let headers = [(header::ACCEPT_ENCODING, accept)];
        let get = send(Method::GET, uri, &headers).await?;
        let head = send(Method::HEAD, uri, &headers).await?;
        assert_eq!(head.status(), get.status(), "{uri}");
        assert_eq!(head.headers(), get.headers(), "{uri} {accept}");
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
async fn a_trailing_slash_is_308_to_the_canonical_url() -> TestResult {
    for (uri, location) in [
        ("/lwm2m/about/", "/lwm2m/about"),
        ("/lwm2m/about/?utm_source=x", "/lwm2m/about?utm_source=x"),
        ("/lwm2m/%61bout/", "/lwm2m/about"),
        ("/images/x.png/", "/images/x.png"),
        // A redirected path with a slash goes straight to the final target.
        ("/lwm2m/", "/lwm2m/about#dmso"),
    ] {
        let response = get(uri).await?;
        assert_eq!(response.status(), StatusCode::PERMANENT_REDIRECT, "{uri}");
        assert_eq!(header(&response, header::LOCATION), Some(location), "{uri}");
        assert!(response.body().is_empty());
    }
    // The root is its own canonical form; unknown paths are not redirected.
    assert_eq!(get("/").await?.status(), StatusCode::OK);
    assert_eq!(get("/nowhere/").await?.status(), StatusCode::NOT_FOUND);
    assert_eq!(get("/lwm2m/about//").await?.status(), StatusCode::NOT_FOUND);
    Ok(())
}

#[tokio::test]
async fn old_paths_are_308_to_their_new_route() -> TestResult {
    for (uri, location) in [
        ("/lwm2m", "/lwm2m/about#dmso"),
        ("/lwm2m?x=1", "/lwm2m/about?x=1#dmso"),
        ("/caf%C3%A9", "/lwm2m/about"),
    ] {
        let response = get(uri).await?;
        assert_eq!(response.status(), StatusCode::PERMANENT_REDIRECT, "{uri}");
        assert_eq!(header(&response, header::LOCATION), Some(location), "{uri}");
    }
    Ok(())
}

#[tokio::test]
async fn unknown_paths_are_404_with_the_not_found_page() -> TestResult {
    let response = send(
        Method::GET,
        "/nowhere",
        &[(header::ACCEPT_ENCODING, "gzip")],
    )
    .await?;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        header(&response, header::CONTENT_TYPE),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(header(&response, header::CONTENT_ENCODING), Some("gzip"));
    assert_eq!(response.body(), "GZIP");
    assert_eq!(get("/nowhere").await?.body(), "<h1>Not found</h1>");
    // A 404 is never "not modified".
    let response = send(Method::GET, "/nowhere", &[(header::IF_NONE_MATCH, "*")]).await?;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    Ok(())
}

#[tokio::test]
async fn other_methods_are_405_with_allow() -> TestResult {
    for method in [
        Method::POST,
        Method::PUT,
        Method::DELETE,
        Method::OPTIONS,
        Method::PATCH,
    ] {
        let response = send(method.clone(), "/lwm2m/about", &[]).await?;
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
async fn every_response_has_the_security_headers() -> TestResult {
    let requests = [
        (Method::GET, "/lwm2m/about"),
        (Method::HEAD, "/images/x.png"),
        (Method::GET, "/nowhere"),
        (Method::GET, "/lwm2m/about/"),
        (Method::GET, "/lwm2m"),
        (Method::POST, "/"),
        (Method::GET, "/%zz"),
    ];
    for (method, uri) in requests {
        let response = send(method.clone(), uri, &[]).await?;
        let csp = header(&response, header::CONTENT_SECURITY_POLICY).unwrap_or_default();
        assert!(csp.contains("frame-ancestors 'none'"), "{method} {uri}");
        assert!(csp.contains("default-src 'self'"), "{method} {uri}");
        assert_eq!(
            header(&response, header::X_CONTENT_TYPE_OPTIONS),
            Some("nosniff")
        );
        assert_eq!(
            header(&response, header::REFERRER_POLICY),
            Some("strict-origin-when-cross-origin")
        );
        assert_eq!(header(&response, header::X_FRAME_OPTIONS), Some("DENY"));
    }
    Ok(())
}

#[tokio::test]
async fn percent_encoded_paths_are_decoded() -> TestResult {
    for uri in ["/lwm2m/%61bout", "/lwm2m%2Fabout", "/images/x%2epng"] {
        let response = get(uri).await?;
        assert_eq!(response.status(), StatusCode::OK, "{uri}");
    }
    Ok(())
}

#[tokio::test]
async fn query_strings_are_ignored() -> TestResult {
    let response = get("/lwm2m/about?utm_source=x&y").await?;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.body(), PAGES[1].html.get());
    let response = get("/images/x.png?v=2").await?;
    assert_eq!(response.body(), ASSETS[1].bytes.get());
    Ok(())
}

#[tokio::test]
async fn bad_percent_encoding_is_400() -> TestResult {
    // Truncated escapes, non-hex digits, and an escape decoding to invalid UTF-8.
    for uri in ["/lwm2m/about%", "/lwm2m/about%4", "/lwm2m/%zzbout", "/%ff"] {
        let response = get(uri).await?;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{uri}");
    }
    Ok(())
}

#[tokio::test]
async fn a_mounted_site_answers_below_its_base_path_only() -> TestResult {
    let get = |uri| send_to(&MOUNTED, Method::GET, uri, &[]);
    let response = get("/docs/lwm2m/about").await?;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.body(), PAGES[1].html.get());
    assert_eq!(get("/docs/").await?.body(), PAGES[0].html.get());
    assert_eq!(
        get("/docs/images/x.png").await?.body(),
        ASSETS[1].bytes.get()
    );
    for (uri, location) in [
        ("/docs", "/docs/"),
        ("/docs/lwm2m/about/", "/docs/lwm2m/about"),
        ("/docs/lwm2m", "/docs/lwm2m/about#dmso"),
        ("/docs/lwm2m/?q=1", "/docs/lwm2m/about?q=1#dmso"),
    ] {
        let response = get(uri).await?;
        assert_eq!(response.status(), StatusCode::PERMANENT_REDIRECT, "{uri}");
        assert_eq!(header(&response, header::LOCATION), Some(location), "{uri}");
    }
    assert_eq!(get("/docs/nothing").await?.body(), "<h1>Not found</h1>");
    // Paths outside the base are the embedding app's: the router has no route for them.
    for uri in ["/lwm2m/about", "/docsx", "/"] {
        let response = get(uri).await?;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{uri}");
        assert!(response.body().is_empty(), "{uri}");
    }
    Ok(())
}

#[cfg(feature = "server")]
#[test]
fn the_strict_policy_is_the_one_the_compiler_extends() {
    assert_eq!(
        super::headers::CONTENT_SECURITY_POLICY_VALUE,
        site_compiler::render::csp::STRICT_POLICY
    );
}

#[tokio::test]
async fn a_page_with_embeds_gets_its_own_policy() -> TestResult {
    static EMBEDDING: crate::Site = crate::Site::new(&EMBEDDING_TABLE);
    static EMBEDDING_TABLE: crate::Table = crate::Table {
        pages: &EMBED_PAGES,
        ..crate::test_site::table("")
    };
    static EMBED_PAGES: [crate::Page; 1] = [crate::Page {
        content_security_policy: Some(
            "default-src 'self'; frame-src https://www.youtube-nocookie.com",
        ),
        ..crate::test_site::page("/video", &"<iframe></iframe>")
    }];
    let policy = |response: &Response<Bytes>| {
        header(response, header::CONTENT_SECURITY_POLICY).map(str::to_string)
    };
    let video = send_to(&EMBEDDING, Method::GET, "/video", &[]).await?;
    assert_eq!(
        policy(&video).as_deref(),
        Some("default-src 'self'; frame-src https://www.youtube-nocookie.com")
    );
    let missing = send_to(&EMBEDDING, Method::GET, "/nothing", &[]).await?;
    assert_eq!(
        policy(&missing).as_deref(),
        Some(super::headers::CONTENT_SECURITY_POLICY_VALUE)
    );
    Ok(())
}
