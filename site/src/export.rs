//! `site export DIR`: the site as plain files, for any static host or CDN.
//!
//! Every page goes to `DIR/ROUTE/index.html` (the home page to `DIR/index.html`), every asset to
//! `DIR/ROUTE`, the 404 page to `DIR/404.html`, each with its `.br` and `.gz` siblings when
//! the server has those variants; the redirect table goes to `DIR/_redirects` and the security
//! headers to `DIR/_headers` (the formats of Netlify and Cloudflare Pages). The bytes are the
//! very ones the server sends, so a host that serves precompressed files (nginx's
//! `gzip_static`, `brotli_static`) answers as it does; each document carries its
//! Content-Security-Policy in a `<meta http-equiv>`, so even a host sending no header refuses
//! injected script.

use std::io::{self, IsTerminal as _};
use std::path::{Path, PathBuf};

use crate::{Encoded, Site, security};

/// What an export wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Files written.
    pub files: usize,
    /// Bytes written.
    pub bytes: u64,
}

/// Every file of the export of `site`, except `_redirects` and `_headers` (see
/// [`redirects_file`], [`headers_file`]), in page then asset order.
pub fn files(site: &'static Site) -> Vec<(String, &'static [u8])> {
    let mut files = Vec::with_capacity(3 * (site.pages.len() + site.assets.len() + 1));
    let mut push = |path: String, identity: &'static [u8], br: Encoded, gzip: Encoded| {
        for (suffix, encoded) in [(".br", br), (".gz", gzip)] {
            if encoded.is_some() {
                files.push((format!("{path}{suffix}"), encoded.bytes.get()));
            }
        }
        files.push((path, identity));
    };
    for page in site.pages {
        let path = match page.route.trim_start_matches('/') {
            "" => "index.html".to_string(),
            route => format!("{route}/index.html"),
        };
        push(path, page.html.as_bytes(), page.br, page.gzip);
    }
    let not_found = &site.not_found;
    push(
        "404.html".into(),
        not_found.html.as_bytes(),
        not_found.br,
        not_found.gzip,
    );
    for asset in site.assets {
        let path = asset.route.trim_start_matches('/').to_string();
        push(path, asset.bytes.get(), asset.br, asset.gzip);
    }
    files
}

/// The redirect table in the `_redirects` format: `FROM TO 308`, one a line.
pub fn redirects_file(site: &Site) -> String {
    site.redirects
        .iter()
        .map(|redirect| {
            let base = site.base_path;
            format!("{base}{} {base}{} 308\n", redirect.from, redirect.to)
        })
        .collect()
}

/// The security headers of every response in the `_headers` format: a path pattern, then its
/// headers indented, one a line.
///
/// One rule, `/*`, with the site's widest policy ([`Table::widest_content_security_policy`](crate::Table))
/// rather than a rule per page. These hosts send a path the headers of every rule it matches,
/// joining the values of a header two rules name: two policies, each enforced. So a page's
/// own rule could not widen a strict policy of `/*`; and rules per page alone would leave the
/// 404 page (served at any path) without a policy, and pass the hosts' limits on a large site
/// (Cloudflare Pages reads 100 rules). The widest policy gives each page all it needs; its own,
/// in its `<meta http-equiv>` and enforced beside the header, holds it to exactly that (the
/// header adding `frame-ancestors`, the same in every policy, which a meta cannot carry).
pub fn headers_file(site: &Site) -> String {
    let mut file = format!(
        "# One policy for every path, the widest any page needs: each page's own, in its\n\
         # <meta http-equiv=\"Content-Security-Policy\">, holds the page to what it needs.\n\
         {}/*\n  Content-Security-Policy: {}\n",
        site.base_path, site.widest_content_security_policy
    );
    for (name, value) in security::HEADERS {
        file.push_str(&format!("  {name}: {value}\n"));
    }
    file
}

/// Writes the export of `site` into `dir` (created if missing; files already there are
/// overwritten, others left alone). Reports progress on `progress` when there are many files.
pub fn export(
    site: &'static Site,
    dir: &Path,
    progress: &mut dyn io::Write,
) -> io::Result<Summary> {
    let files = files(site);
    let redirects = redirects_file(site);
    let headers = headers_file(site);
    let total = files.len() + usize::from(!redirects.is_empty()) + 1;
    let mut reporter = Progress::new(total, progress);
    let mut summary = Summary::default();
    let mut write = |relative: &str, bytes: &[u8]| -> io::Result<()> {
        let path = target(dir, relative)?;
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, bytes).map_err(|error| {
            io::Error::new(error.kind(), format!("{}: {error}", path.display()))
        })?;
        summary.files += 1;
        summary.bytes += bytes.len() as u64;
        reporter.advance(summary.files)
    };
    for (relative, bytes) in &files {
        write(relative, bytes)?;
    }
    if !redirects.is_empty() {
        write("_redirects", redirects.as_bytes())?;
    }
    write("_headers", headers.as_bytes())?;
    reporter.finish()?;
    Ok(summary)
}

/// `dir` joined with the `/`-separated `relative`, refusing any path that would leave `dir`.
fn target(dir: &Path, relative: &str) -> io::Result<PathBuf> {
    let mut path = dir.to_path_buf();
    for segment in relative.split('/') {
        if segment.is_empty() || segment == "." || segment == ".." || segment.contains('\\') {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("refusing to export to `{relative}`"),
            ));
        }
        path.push(segment);
    }
    Ok(path)
}

/// Progress on large exports: a line redrawn in place on a terminal, a line per tenth
/// otherwise; nothing for small sites.
struct Progress<'a> {
    total: usize,
    out: &'a mut dyn io::Write,
    terminal: bool,
    shown: usize,
}

/// Below this many files an export is too quick for a progress report.
const PROGRESS_FROM: usize = 500;

impl<'a> Progress<'a> {
    fn new(total: usize, out: &'a mut dyn io::Write) -> Progress<'a> {
        Progress {
            total,
            out,
            terminal: io::stderr().is_terminal(),
            shown: 0,
        }
    }

    fn advance(&mut self, done: usize) -> io::Result<()> {
        if self.total < PROGRESS_FROM {
            return Ok(());
        }
        let percent = done * 100 / self.total;
        if self.terminal && (done == self.total || done % 64 == 0) {
            write!(
                self.out,
                "\rexporting: {done}/{} files ({percent} %)",
                self.total
            )?;
            self.out.flush()?;
        } else if !self.terminal && percent / 10 > self.shown {
            self.shown = percent / 10;
            writeln!(
                self.out,
                "exporting: {done}/{} files ({percent} %)",
                self.total
            )?;
        }
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        if self.terminal && self.total >= PROGRESS_FROM {
            writeln!(self.out)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_site::{MOUNTED, SITE};

    #[test]
    fn pages_become_index_files_with_their_variants() {
        let files: Vec<_> = files(&SITE)
            .into_iter()
            .map(|(path, bytes)| (path, String::from_utf8_lossy(bytes).into_owned()))
            .collect();
        let expected = [
            ("index.html.br", "BROTLI"),
            ("index.html.gz", "GZIP"),
            ("index.html", "<h1>Home</h1>"),
            ("lwm2m/about/index.html.br", "BROTLI"),
            ("lwm2m/about/index.html.gz", "GZIP"),
            ("lwm2m/about/index.html", "<h1>About</h1>"),
            ("404.html.br", "BROTLI"),
            ("404.html.gz", "GZIP"),
            ("404.html", "<h1>Not found</h1>"),
            ("_nuxt/app.3f2a9c1b.js.br", "JS-BR"),
            ("_nuxt/app.3f2a9c1b.js", "console.log(1)"),
            ("images/x.png", "\u{fffd}PNG"),
        ];
        let expected: Vec<_> = expected
            .iter()
            .map(|(path, text)| (path.to_string(), text.to_string()))
            .collect();
        assert_eq!(files, expected);
        assert_eq!(
            redirects_file(&SITE),
            "/caf\u{e9} /lwm2m/about 308\n/lwm2m /lwm2m/about#dmso 308\n"
        );
        assert_eq!(
            redirects_file(&MOUNTED),
            "/docs/caf\u{e9} /docs/lwm2m/about 308\n/docs/lwm2m /docs/lwm2m/about#dmso 308\n"
        );
    }

    #[test]
    fn the_headers_file_gives_every_path_the_security_headers() {
        let rule = |base: &str| {
            format!(
                "# One policy for every path, the widest any page needs: each page's own, in its\n\
                 # <meta http-equiv=\"Content-Security-Policy\">, holds the page to what it needs.\n\
                 {base}/*\n\
                 \x20 Content-Security-Policy: default-src 'self'; frame-src 'self' https://www.youtube.com; frame-ancestors 'none'\n\
                 \x20 X-Content-Type-Options: nosniff\n\
                 \x20 Referrer-Policy: strict-origin-when-cross-origin\n\
                 \x20 X-Frame-Options: DENY\n"
            )
        };
        assert_eq!(headers_file(&SITE), rule(""));
        assert_eq!(headers_file(&MOUNTED), rule("/docs"));
    }

    /// The headers of the `/*` rule of `site`'s `_headers`, by name.
    fn headers_of_every_path(site: &Site) -> Vec<(String, String)> {
        headers_file(site)
            .lines()
            .filter_map(|line| line.strip_prefix("  ")?.split_once(": "))
            .map(|(name, value)| (name.to_string(), value.to_string()))
            .collect()
    }

    #[cfg(feature = "axum")]
    #[test]
    fn the_headers_file_has_the_servers_headers() -> Result<(), Box<dyn std::error::Error>> {
        use axum::http::{HeaderMap, Method, Uri};
        let uri: Uri = "/lwm2m/about".parse()?;
        let response = crate::serve::respond::respond(&SITE, &Method::GET, &uri, &HeaderMap::new());
        let headers = headers_of_every_path(&SITE);
        let besides_the_policy: Vec<_> = headers
            .iter()
            .filter(|(name, _)| name != "Content-Security-Policy")
            .collect();
        assert_eq!(besides_the_policy.len(), 3, "{headers:?}");
        for (name, value) in besides_the_policy {
            let sent = response.headers().get(name).map(|sent| sent.as_bytes());
            assert_eq!(sent, Some(value.as_bytes()), "{name}");
        }
        Ok(())
    }

    /// The sources of each directive of `policy`.
    #[cfg(feature = "content")]
    fn directives(policy: &str) -> std::collections::BTreeMap<&str, Vec<&str>> {
        policy
            .split(';')
            .filter_map(|directive| {
                let mut words = directive.split_whitespace();
                Some((words.next()?, words.collect()))
            })
            .collect()
    }

    #[cfg(feature = "content")]
    #[test]
    fn the_headers_file_allows_what_each_page_with_embeds_needs() {
        let site = &crate::SITE;
        let headers = headers_of_every_path(site);
        assert_eq!(
            headers.first().map(|(name, _)| name.as_str()),
            Some("Content-Security-Policy")
        );
        let widest = headers
            .first()
            .map(|(_, value)| value.as_str())
            .unwrap_or_default();
        assert_eq!(widest, site.widest_content_security_policy);
        let allowed = directives(widest);
        let widened: Vec<_> = site
            .pages
            .iter()
            .chain([&site.not_found])
            .filter_map(|page| Some((page.route, page.content_security_policy?)))
            .collect();
        assert!(
            widened
                .iter()
                .any(|(route, _)| *route == "/guide/components/sh-video"),
            "{widened:?}"
        );
        for (route, policy) in widened {
            for (directive, sources) in directives(policy) {
                let widest_sources = allowed.get(directive).cloned().unwrap_or_default();
                for source in sources {
                    assert!(
                        widest_sources.contains(&source),
                        "{route}: `_headers` lacks {directive} {source}: {widest}"
                    );
                }
            }
        }
    }

    #[test]
    fn paths_cannot_leave_the_folder() {
        let dir = Path::new("/tmp/x");
        assert!(target(dir, "a/b.html").is_ok());
        for bad in ["../a", "a/../../b", "/a", "a//b", "a\\..\\b"] {
            assert!(target(dir, bad).is_err(), "{bad}");
        }
    }
}
