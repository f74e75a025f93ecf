//! One build of the content folder through the compiler's one `build`: everything the site
//! would serve, in memory, with the build's diagnostics. Builds go through a
//! [`Session`](site_compiler::Session), which renders again only the pages that changed and
//! updates what depends on them (links, menus, previous/next, the stylesheet), so the output
//! is always what a build of the whole folder gives; pages whose entity tag did not change keep
//! the bytes of the output before.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use site_compiler::embed::{self, EmbeddedPage};
use site_compiler::{Options, Session};

/// A static file to serve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DevAsset {
    /// Its `Content-Type`.
    pub(crate) content_type: String,
    /// Its bytes.
    pub(crate) bytes: Bytes,
    /// Its strong entity tag.
    pub(crate) etag: String,
    /// Whether its name carries a content hash (cached for a year, as in production).
    pub(crate) immutable: bool,
}

/// A compiled page.
#[derive(Debug, Clone, Default)]
pub(crate) struct DevPage {
    /// Its HTML document, exactly as the macro compiles it.
    pub(crate) html: Bytes,
    /// Its strong entity tag.
    pub(crate) etag: String,
}

/// Pages are the same when their strong entity tags are, which hash their bytes: comparing
/// the tags spares comparing every page's bytes after each save.
impl PartialEq for DevPage {
    fn eq(&self, other: &DevPage) -> bool {
        self.etag == other.etag
    }
}

impl Eq for DevPage {}

/// What the site serves for one state of the content folder.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Output {
    /// The path the pages are served under (`/docs`), empty at the root.
    pub(crate) base_path: String,
    /// Each page by route.
    pub(crate) pages: BTreeMap<String, DevPage>,
    /// The content folder's `public/` files, the compiler's own assets and the sitemap.
    pub(crate) assets: BTreeMap<String, DevAsset>,
    /// Old path → page route, from `redirects.yml`.
    pub(crate) redirects: BTreeMap<String, String>,
    /// The 404 document.
    pub(crate) not_found: DevPage,
    /// The `Content-Security-Policy` of each page embedding third-party content, by route.
    pub(crate) policies: BTreeMap<String, String>,
    /// When the content has errors: the report the terminal prints, which every page shows
    /// instead of itself until the errors are fixed.
    pub(crate) errors: Option<String>,
    /// When the content has only warnings (lenient mode): the report the terminal prints,
    /// which every page lists over itself.
    pub(crate) warnings: Option<String>,
}

/// A finished build.
#[derive(Debug)]
pub(crate) struct Build {
    /// What to serve.
    pub(crate) output: Output,
    /// Every diagnostic, as the compiler prints them, each followed by a blank line.
    pub(crate) diagnostics: String,
    /// The closing line: `1 error, 0 warnings in 7 pages`.
    pub(crate) summary: String,
    /// Whether the build has errors.
    pub(crate) failed: bool,
    /// How long it took.
    pub(crate) elapsed: Duration,
}

impl Build {
    /// A build that produced nothing, because of `error`.
    pub(crate) fn broken(error: &str, started: Instant) -> Build {
        let report = format!("error: {error}\n\nthe content could not be built");
        Build {
            output: Output {
                errors: Some(report),
                ..Output::default()
            },
            diagnostics: format!("error: {error}\n\n"),
            summary: "the content could not be built".into(),
            failed: true,
            elapsed: started.elapsed(),
        }
    }

    /// The diagnostics and the summary: what the terminal and the error page show.
    pub(crate) fn report(&self) -> String {
        format!("{}{}", self.diagnostics, self.summary)
    }
}

/// How to build: the options of `site dev` that the build sees.
#[derive(Debug, Clone, Default)]
pub(crate) struct Settings {
    /// Problems are warnings, and every page renders.
    pub(crate) lenient: bool,
    /// The path the pages are served under (`/docs`), empty at the root.
    pub(crate) base_path: String,
    /// The content's authors are not trusted ([`Options::untrusted`]).
    pub(crate) untrusted: bool,
}

/// The session `site dev` builds with: the macro's checks, nothing compressed.
pub(crate) fn session(settings: &Settings) -> Session {
    Session::new(Options {
        lenient: settings.lenient,
        untrusted: settings.untrusted,
        base_path: settings.base_path.clone(),
        site_url: embed::site_url(),
        ..Options::default()
    })
}

/// Builds the content folder `dir` in `session` as the macro does, with the same checks;
/// pages and files that `previous` (the output served until now) has with the same entity tag
/// keep its bytes.
pub(crate) fn build(
    session: &mut Session,
    dir: &Path,
    settings: &Settings,
    previous: &Output,
) -> Build {
    let started = Instant::now();
    let built = match session.build(dir) {
        Ok(built) => built,
        Err(error) => return Build::broken(&error.to_string(), started),
    };
    let (diagnostics, summary) = crate::check::report(built);
    let failed = built.failed();
    // The LwM2M registry snapshot's own problems are printed, not listed over every page:
    // the site publishes that data as the registry accepted it.
    let has_warnings = built
        .diagnostics
        .iter()
        .any(|d| !site_compiler::registry::is_snapshot_warning(d));
    let page = |page: &EmbeddedPage, before: Option<&DevPage>| match before {
        Some(before) if before.etag == page.variants.etag => before.clone(),
        _ => DevPage {
            html: Bytes::from(page.page.html.clone()),
            etag: page.variants.etag.clone(),
        },
    };
    let output = Output {
        base_path: settings.base_path.clone(),
        policies: built
            .pages
            .iter()
            .filter(|page| !page.page.third_party.is_empty())
            .map(|page| (page.page.route.clone(), page.page.content_security_policy()))
            .collect(),
        pages: built
            .pages
            .iter()
            .map(|embedded| {
                let route = &embedded.page.route;
                (route.clone(), page(embedded, previous.pages.get(route)))
            })
            .collect(),
        assets: built
            .assets
            .iter()
            .map(|asset| {
                let served = match previous.assets.get(&asset.route) {
                    Some(before) if before.etag == asset.variants.etag => before.clone(),
                    _ => DevAsset {
                        content_type: asset.content_type.clone(),
                        bytes: Bytes::from(asset.bytes.clone()),
                        etag: asset.variants.etag.clone(),
                        immutable: asset.immutable,
                    },
                };
                (asset.route.clone(), served)
            })
            .collect(),
        redirects: built
            .redirects
            .iter()
            .map(|r| (r.from.clone(), r.to.clone()))
            .collect(),
        not_found: page(&built.not_found, Some(&previous.not_found)),
        errors: None,
        warnings: None,
    };
    let mut build = Build {
        output,
        diagnostics,
        summary,
        failed,
        elapsed: Duration::ZERO,
    };
    if failed {
        build.output.errors = Some(build.report());
    } else if has_warnings {
        build.output.warnings = Some(build.report());
    }
    build.elapsed = started.elapsed();
    build
}

/// How many of the pages differ between `old` and `new` (added, removed or changed).
pub(crate) fn changed_pages(old: &Output, new: &Output) -> usize {
    let changed = new
        .pages
        .iter()
        .filter(|(route, page)| old.pages.get(*route) != Some(page))
        .count();
    let removed = old
        .pages
        .keys()
        .filter(|route| !new.pages.contains_key(*route))
        .count();
    changed + removed
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `dir` built in a session of its own.
    fn build(dir: &Path, settings: &Settings) -> Build {
        super::build(&mut session(settings), dir, settings, &Output::default())
    }

    fn folder(name: &str, files: &[(&str, &str)]) -> std::io::Result<std::path::PathBuf> {
        let root = std::env::temp_dir()
            .join(format!("site-dev-build-{name}-{}", std::process::id()))
            .join("content");
        let _ = std::fs::remove_dir_all(&root);
        for (path, text) in files {
            let path = root.join(path);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(path, text)?;
        }
        Ok(root)
    }

    #[test]
    fn a_clean_folder_builds_pages_assets_redirects_and_the_sitemap() -> std::io::Result<()> {
        let root = folder(
            "clean",
            &[
                ("1.guide/intro.md", "# Intro\n\nHello.\n"),
                ("public/a.txt", "text"),
                ("redirects.yml", "/old: /guide/intro\n"),
            ],
        )?;
        let build = build(&root, &Settings::default());
        assert!(!build.failed, "{}", build.report());
        assert_eq!(build.output.errors, None);
        assert!(build.output.pages.contains_key("/guide/intro"));
        assert!(build.output.pages.contains_key("/"));
        assert_eq!(
            build.output.redirects.get("/old").map(String::as_str),
            Some("/guide/intro")
        );
        assert_eq!(
            build.output.assets.get("/a.txt").map(|a| a.bytes.as_ref()),
            Some(&b"text"[..])
        );
        assert!(build.output.assets.contains_key("/sitemap.xml"));
        assert!(
            build
                .output
                .assets
                .iter()
                .any(|(route, asset)| route.ends_with(".css") && asset.immutable)
        );
        assert_eq!(build.diagnostics, "");
        assert!(build.summary.starts_with("0 errors, 0 warnings in "));
        let settings = Settings::default();
        let mut session = session(&settings);
        let first = super::build(&mut session, &root, &settings, &Output::default());
        let again = super::build(&mut session, &root, &settings, &first.output);
        assert_eq!(changed_pages(&build.output, &again.output), 0);
        assert_eq!(build.output, again.output);
        // Unchanged pages keep the bytes served before.
        let (before, after) = (
            &first.output.pages["/guide/intro"],
            &again.output.pages["/guide/intro"],
        );
        assert_eq!(before.html.as_ptr(), after.html.as_ptr());
        std::fs::remove_dir_all(root.parent().unwrap_or(&root))?;
        Ok(())
    }

    #[test]
    fn errors_are_reported_as_the_compiler_prints_them() -> std::io::Result<()> {
        let root = folder(
            "errors",
            &[
                ("a.md", "# A\n\n::NoSuchThing\n::\n"),
                ("redirects.yml", "/old: /nowhere\n"),
            ],
        )?;
        let build = build(&root, &Settings::default());
        let report = build.report();
        assert!(build.failed);
        assert!(
            report.starts_with("content/a.md:3:1: error: unknown component `NoSuchThing`"),
            "{report}"
        );
        assert!(
            report.contains("content/redirects.yml:1:7: error: `/nowhere` is no page's route"),
            "{report}"
        );
        assert_eq!(build.summary, "2 errors, 0 warnings in 3 pages");
        assert_eq!(build.output.errors.as_deref(), Some(report.as_str()));
        std::fs::remove_dir_all(root.parent().unwrap_or(&root))?;
        Ok(())
    }

    #[test]
    fn a_missing_folder_is_an_error_report() {
        let build = build(Path::new("/no/such/content"), &Settings::default());
        assert!(build.failed);
        assert!(
            build
                .diagnostics
                .starts_with("error: cannot read `/no/such/content`"),
            "{}",
            build.diagnostics
        );
        assert!(build.output.pages.is_empty());
    }
}
