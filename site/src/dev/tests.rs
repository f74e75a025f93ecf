//! The dev router over small content folders: every HTTP behaviour without a socket.

use std::path::PathBuf;
use std::sync::Arc;

use axum::body::{Body, Bytes, HttpBody as _, to_bytes};
use axum::http::{Method, Request, Response, StatusCode, header};
use tower::ServiceExt as _;

use super::{State, app, build};
use crate::serve::headers::CONTENT_SECURITY_POLICY_VALUE;

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// A content folder named `content` holding `files`, removed on drop.
struct Folder(PathBuf);

impl Folder {
    fn new(name: &str, files: &[(&str, &str)]) -> std::io::Result<Folder> {
        let root = std::env::temp_dir()
            .join(format!("site-dev-{name}-{}", std::process::id()))
            .join("content");
        let _ = std::fs::remove_dir_all(&root);
        let folder = Folder(root);
        for (path, text) in files {
            folder.write(path, text)?;
        }
        Ok(folder)
    }

    fn write(&self, path: &str, text: &str) -> std::io::Result<()> {
        let path = self.0.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, text)
    }

    fn state(&self) -> Arc<State> {
        self.state_with(&Default::default())
    }

    fn state_with(&self, settings: &build::Settings) -> Arc<State> {
        Arc::new(State::new(self.build_with(settings)))
    }

    /// The folder built from scratch.
    fn build(&self) -> build::Output {
        self.build_with(&Default::default())
    }

    fn build_with(&self, settings: &build::Settings) -> build::Output {
        let mut session = build::session(settings);
        build::build(&mut session, &self.0, settings, &Default::default()).output
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        if let Some(parent) = self.0.parent() {
            let _ = std::fs::remove_dir_all(parent);
        }
    }
}

const FILES: &[(&str, &str)] = &[
    ("1.guide/intro.md", "# Intro\n\nHello.\n"),
    ("public/images/a.txt", "text"),
    ("redirects.yml", "/old: /guide/intro#start\n"),
];

async fn send(
    state: &Arc<State>,
    method: Method,
    uri: &str,
) -> Result<Response<Bytes>, Box<dyn std::error::Error>> {
    let request = Request::builder()
        .method(method)
        .uri(uri)
        .body(Body::empty())?;
    let Ok(response) = app(state.clone()).oneshot(request).await;
    let (parts, body) = response.into_parts();
    Ok(Response::from_parts(
        parts,
        to_bytes(body, usize::MAX).await?,
    ))
}

fn header(response: &Response<Bytes>, name: header::HeaderName) -> Option<&str> {
    response.headers().get(name).and_then(|v| v.to_str().ok())
}

#[tokio::test]
async fn pages_are_the_compiled_pages_with_the_reload_script() -> TestResult {
    let folder = Folder::new("pages", FILES)?;
    let state = folder.state();
    let response = send(&state, Method::GET, "/guide/intro").await?;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        header(&response, header::CONTENT_TYPE),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(header(&response, header::CACHE_CONTROL), Some("no-store"));
    assert_eq!(
        header(&response, header::CONTENT_SECURITY_POLICY),
        Some(CONTENT_SECURITY_POLICY_VALUE)
    );
    assert_eq!(
        header(&response, header::X_CONTENT_TYPE_OPTIONS),
        Some("nosniff")
    );
    let html = String::from_utf8(response.body().to_vec())?;
    let version = state.current().version.clone();
    let tag = format!(
        "<script src=\"/_site/dev/reload.js\" data-version=\"{version}\" defer></script></head>"
    );
    assert_eq!(html.matches(&tag).count(), 1, "{html}");
    let compiled = state.current().output.pages.get("/guide/intro").cloned();
    let without = html.replacen(&tag, "</head>", 1);
    assert_eq!(
        Some(without.as_bytes()),
        compiled.as_ref().map(|page| page.html.as_ref())
    );

    let head = send(&state, Method::HEAD, "/guide/intro").await?;
    assert_eq!(head.status(), StatusCode::OK);
    assert!(head.body().is_empty());
    let length = html.len().to_string();
    assert_eq!(header(&head, header::CONTENT_LENGTH), Some(length.as_str()));
    Ok(())
}

#[tokio::test]
async fn files_redirects_trailing_slashes_and_404_as_in_production() -> TestResult {
    let folder = Folder::new("routes", FILES)?;
    let state = folder.state();
    let file = send(&state, Method::GET, "/images/a.txt").await?;
    assert_eq!(file.status(), StatusCode::OK);
    assert_eq!(file.body().as_ref(), b"text");
    assert_eq!(header(&file, header::CACHE_CONTROL), Some("no-store"));

    let stylesheet = state
        .current()
        .output
        .assets
        .keys()
        .find(|route| route.ends_with(".css"))
        .cloned()
        .ok_or("no stylesheet")?;
    let css = send(&state, Method::GET, &stylesheet).await?;
    assert_eq!(css.status(), StatusCode::OK);
    assert_eq!(
        header(&css, header::CACHE_CONTROL),
        Some("public, max-age=31536000, immutable")
    );
    let sitemap = send(&state, Method::GET, "/sitemap.xml").await?;
    assert!(String::from_utf8_lossy(sitemap.body()).contains("/guide/intro</loc>"));

    for (uri, location) in [
        ("/old", "/guide/intro#start"),
        ("/old/?x=1", "/guide/intro?x=1#start"),
        ("/guide/intro/", "/guide/intro"),
        ("/images/a.txt/", "/images/a.txt"),
    ] {
        let response = send(&state, Method::GET, uri).await?;
        assert_eq!(response.status(), StatusCode::PERMANENT_REDIRECT, "{uri}");
        assert_eq!(header(&response, header::LOCATION), Some(location), "{uri}");
    }

    let missing = send(&state, Method::GET, "/nowhere").await?;
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert!(String::from_utf8_lossy(missing.body()).contains("/_site/dev/reload.js"));
    assert_eq!(
        send(&state, Method::GET, "/%ff").await?.status(),
        StatusCode::BAD_REQUEST
    );
    let post = send(&state, Method::POST, "/guide/intro").await?;
    assert_eq!(post.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(header(&post, header::ALLOW), Some("GET, HEAD"));
    Ok(())
}

#[tokio::test]
async fn content_errors_replace_every_page_until_fixed() -> TestResult {
    let folder = Folder::new("errors", FILES)?;
    let state = folder.state();
    folder.write("1.guide/intro.md", "# Intro\n\n::Nope\n::\n")?;
    let changed = state.install(folder.build());
    assert!(changed.is_some());
    for uri in ["/guide/intro", "/", "/nowhere"] {
        let response = send(&state, Method::GET, uri).await?;
        assert_eq!(
            response.status(),
            StatusCode::INTERNAL_SERVER_ERROR,
            "{uri}"
        );
        let html = String::from_utf8_lossy(response.body()).into_owned();
        assert!(
            html.contains("content/1.guide/intro.md:3:1: error: unknown component `Nope`"),
            "{html}"
        );
        assert!(html.contains("1 error, 0 warnings in 4 pages"), "{html}");
        assert!(html.contains("/_site/dev/reload.js"), "{html}");
    }
    // Files are still served: the error page needs none, but the pages around it may.
    let file = send(&state, Method::GET, "/images/a.txt").await?;
    assert_eq!(file.status(), StatusCode::OK);

    folder.write("1.guide/intro.md", "# Intro\n\nHello.\n")?;
    assert!(state.install(folder.build()).is_some());
    let page = send(&state, Method::GET, "/guide/intro").await?;
    assert_eq!(page.status(), StatusCode::OK);
    Ok(())
}

#[tokio::test]
async fn untrusted_content_is_previewed_without_what_runs_a_script() -> TestResult {
    let folder = Folder::new(
        "untrusted",
        &[(
            "1.guide/intro.md",
            "# Intro\n\n<b onclick=\"alert(1)\">Bold</b> and [a link](javascript:alert(2)).\n",
        )],
    )?;
    let settings = build::Settings {
        untrusted: true,
        ..Default::default()
    };
    let state = folder.state_with(&settings);
    let response = send(&state, Method::GET, "/guide/intro").await?;
    assert_eq!(response.status(), StatusCode::OK);
    let html = String::from_utf8(response.body().to_vec())?;
    // The page, and the warnings listed over it, which quote the source.
    let (page, warnings) = html
        .split_once("<details id=\"site-dev-warnings\"")
        .ok_or("no list of warnings")?;
    assert!(page.contains("<b>Bold</b>"), "{page}");
    assert!(!page.contains("alert("), "{page}");
    assert!(warnings.contains("event handler `onclick`"), "{warnings}");
    // Trusted, the same folder is an error page: script in content is a content error.
    let trusted = folder.state();
    let page = send(&trusted, Method::GET, "/guide/intro").await?;
    assert_eq!(page.status(), StatusCode::INTERNAL_SERVER_ERROR);
    Ok(())
}

#[tokio::test]
async fn lenient_pages_render_with_their_warnings_listed() -> TestResult {
    let folder = Folder::new(
        "lenient",
        &[
            (
                "1.guide/intro.md",
                "# Intro\n\n::ShAlert{colour=\"red\"}\nStill here.\n::\n\n[gone](/nowhere)\n",
            ),
            ("redirects.yml", "/old: /guide/intro\n"),
        ],
    )?;
    let settings = build::Settings {
        lenient: true,
        ..Default::default()
    };
    let state = folder.state_with(&settings);
    let response = send(&state, Method::GET, "/guide/intro").await?;
    assert_eq!(response.status(), StatusCode::OK);
    let html = String::from_utf8(response.body().to_vec())?;
    assert!(html.contains("Still here."), "{html}");
    let panel = html
        .split("<details id=\"site-dev-warnings\"")
        .nth(1)
        .ok_or("no list of warnings")?;
    assert!(panel.contains("0 errors, 2 warnings in 4 pages"), "{panel}");
    assert!(
        panel
            .contains("content/1.guide/intro.md:3:11: warning: unknown prop `colour` on `ShAlert`"),
        "{panel}"
    );
    assert!(
        panel.contains(
            "content/1.guide/intro.md:7:8: warning: link to `/nowhere`, which no page or file has"
        ),
        "{panel}"
    );
    assert!(panel.find("</details>") < panel.find("</body>"), "{panel}");
    // Without `--lenient` the same folder is an error page.
    let strict = folder.state();
    let page = send(&strict, Method::GET, "/guide/intro").await?;
    assert_eq!(page.status(), StatusCode::INTERNAL_SERVER_ERROR);
    Ok(())
}

#[tokio::test]
async fn a_base_path_serves_the_pages_below_it() -> TestResult {
    let folder = Folder::new("base", FILES)?;
    let settings = build::Settings {
        base_path: "/docs".into(),
        ..Default::default()
    };
    let state = folder.state_with(&settings);
    let page = send(&state, Method::GET, "/docs/guide/intro").await?;
    assert_eq!(page.status(), StatusCode::OK);
    let html = String::from_utf8(page.body().to_vec())?;
    assert!(html.contains("href=\"/docs/_site/style."), "{html}");
    assert!(html.contains("href=\"/docs/guide\""), "{html}");
    let stylesheet = html
        .split("href=\"/docs/_site/style.")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .ok_or("no stylesheet link")?;
    let css = send(
        &state,
        Method::GET,
        &format!("/docs/_site/style.{stylesheet}"),
    )
    .await?;
    assert_eq!(css.status(), StatusCode::OK);
    for (uri, location) in [
        ("/docs", "/docs/"),
        ("/docs/old", "/docs/guide/intro#start"),
        ("/docs/guide/intro/", "/docs/guide/intro"),
    ] {
        let response = send(&state, Method::GET, uri).await?;
        assert_eq!(response.status(), StatusCode::PERMANENT_REDIRECT, "{uri}");
        assert_eq!(header(&response, header::LOCATION), Some(location), "{uri}");
    }
    for outside in ["/guide/intro", "/images/a.txt", "/docsx/guide/intro"] {
        let response = send(&state, Method::GET, outside).await?;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{outside}");
    }
    assert_eq!(
        send(&state, Method::GET, "/docs/images/a.txt")
            .await?
            .body()
            .as_ref(),
        b"text"
    );
    Ok(())
}

#[tokio::test]
async fn an_unchanged_build_keeps_its_version() -> TestResult {
    let folder = Folder::new("unchanged", FILES)?;
    let state = folder.state();
    let version = state.current().version.clone();
    assert_eq!(state.install(folder.build()), None);
    assert_eq!(state.current().version, version);
    folder.write("1.guide/other.md", "# Other\n")?;
    // The new page, and the menus of the others: the home page, the generated `/guide`
    // section page and the intro.
    assert_eq!(state.install(folder.build()), Some(4));
    assert_ne!(state.current().version, version);
    Ok(())
}

#[tokio::test]
async fn the_event_stream_starts_with_the_current_version() -> TestResult {
    let folder = Folder::new("events", FILES)?;
    let state = folder.state();
    let request = Request::builder()
        .uri("/_site/dev/events")
        .body(Body::empty())?;
    let Ok(response) = app(state.clone()).oneshot(request).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok()),
        Some("text/event-stream")
    );
    let mut body = response.into_body();
    let frame = std::future::poll_fn(|cx| std::pin::Pin::new(&mut body).poll_frame(cx)).await;
    let data = frame
        .ok_or("no event")??
        .into_data()
        .map_err(|_| "not data")?;
    let version = state.current().version.clone();
    assert_eq!(data, format!("event: hello\ndata: {version}\n\n"));

    let script = send(&state, Method::GET, "/_site/dev/reload.js").await?;
    assert_eq!(
        header(&script, header::CONTENT_TYPE),
        Some("text/javascript; charset=utf-8")
    );
    assert!(
        String::from_utf8_lossy(script.body()).contains("new EventSource(\"/_site/dev/events\")")
    );
    Ok(())
}

/// The production policy lets the script and its event stream through: both are same-origin,
/// and `default-src 'self'` covers `connect-src` (the policy names none of its own).
#[test]
fn the_production_policy_allows_the_reload_script_and_stream() {
    let directives: Vec<Vec<&str>> = CONTENT_SECURITY_POLICY_VALUE
        .split(';')
        .map(|d| d.split_whitespace().collect())
        .collect();
    let sources = |name: &str| {
        directives
            .iter()
            .find(|d| d.first() == Some(&name))
            .map(|d| d.get(1..).unwrap_or_default().to_vec())
    };
    let connect = sources("connect-src").or_else(|| sources("default-src"));
    assert!(connect.is_some_and(|s| s.contains(&"'self'")));
    let script = sources("script-src").or_else(|| sources("default-src"));
    assert!(script.is_some_and(|s| s.contains(&"'self'")));
}
