//! The page every route shows while the content has errors: the report exactly as the
//! terminal prints it (and as the build would fail with), and the reload script, so that
//! saving the fix brings the page back by itself.

use maud::{DOCTYPE, html};

/// Self-contained styles: the site's stylesheet may be the thing that is broken.
const STYLE: &str = "body{margin:0;background:#1b1b1f;color:#e8e8ec;\
     font:15px/1.5 system-ui,sans-serif}main{max-width:960px;margin:0 auto;padding:32px 24px}\
     h1{margin:0 0 4px;font-size:22px;color:#ff8f8f}p{margin:0 0 20px;color:#b8b8c0}\
     pre{margin:0;padding:16px;overflow:auto;background:#111114;border-left:4px solid #ff5f5f;\
     border-radius:4px;font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;\
     white-space:pre}";

/// The error page for `report` (HTML-escaped here), without the reload script.
pub(crate) fn page(report: &str) -> String {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { "Content error · site dev" }
                style { (maud::PreEscaped(STYLE)) }
            }
            body {
                main {
                    h1 { "The content has errors" }
                    p { "Fix them and save: this page reloads by itself." }
                    pre { (report) }
                }
            }
        }
    }
    .into_string()
}

/// Styles of the warnings list, inline: the page's own stylesheet knows nothing of it.
const WARNINGS_STYLE: &str = "position:fixed;right:12px;bottom:12px;z-index:2147483647;\
     max-width:min(90vw,760px);max-height:70vh;overflow:auto;margin:0;background:#1b1b1f;\
     color:#e8e8ec;border-left:4px solid #f5b83d;border-radius:6px;\
     box-shadow:0 4px 24px rgba(0,0,0,.4);font:14px/1.5 system-ui,sans-serif";

/// `html` with the warnings of `report` listed over the page, in a box at its bottom right
/// that opens on a click (no script needed), before `</body>` (at the end when it has none).
pub(crate) fn with_warnings(html: &[u8], report: &str) -> Vec<u8> {
    let count = report.lines().last().unwrap_or_default();
    let panel = html! {
        details id="site-dev-warnings" style=(WARNINGS_STYLE) {
            summary style="cursor:pointer;padding:8px 14px;font-weight:600;color:#f5d27a" {
                "site dev: " (count)
            }
            pre style="margin:0;padding:0 14px 14px;white-space:pre;font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace" {
                (report)
            }
        }
    }
    .into_string();
    let at = html
        .windows(7)
        .rposition(|window| window.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    [&html[..at], panel.as_bytes(), &html[at..]].concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_is_escaped_and_whole() {
        let report = "content/a.md:3:1: error: unknown component `X<y>`\n  |\n3 | ::X<y>\n  | ^^^^^^\n\n1 error, 0 warnings in 1 page";
        let page = page(report);
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(page.contains("</head>"));
        assert!(page.contains(
            "<pre>content/a.md:3:1: error: unknown component `X&lt;y&gt;`\n  |\n3 | ::X&lt;y&gt;\n  | ^^^^^^\n\n1 error, 0 warnings in 1 page</pre>"
        ));
    }
}
