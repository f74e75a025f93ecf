//! `site dev`: the content folder on disk, rendered at run time by the same compiler and with
//! the same checks as the `include_site!` macro, and open browser tabs reloaded on each change.
//!
//! - `build`: one build of the whole folder through the compiler's one `build`, in memory;
//! - `watch`: file events, batched;
//! - `reload`: the event stream and the script that reloads open pages;
//! - `overlay`: the page every route shows while the content has errors, and the list of
//!   warnings shown over every page in lenient mode;
//! - `store`: a build as the production routing serves it;
//! - `respond`: the production routing over the current build, and what only a preview adds.
//!
//! Every change builds the folder again in one [`site_compiler::Session`]: only the pages that
//! changed are parsed and rendered again, and what depends on them (links checked across
//! pages, menus, previous/next, the stylesheet made from the pages' classes) is updated, so it
//! is always right. A page is the compiled page plus one `<script>` element before
//! `</head>`, added as it is sent; the response headers are the production ones (the
//! Content-Security-Policy already allows the script and its same-origin event stream), but
//! nothing is cached or compressed.

mod build;
mod overlay;
mod reload;
mod respond;
mod store;
mod watch;

use std::future::Future;
use std::io::{self, Write as _};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, PoisonError, RwLock};

use axum::Router;
use axum::extract::Request;
use site_compiler::Session;
use site_compiler::diagnostic::count;
use tokio::net::TcpListener;

use build::{Build, Output, Settings};
use store::Served;

/// How to preview.
#[derive(Debug, Clone, Default)]
pub struct Preview {
    /// Problems are warnings, listed over every page and in the terminal, and every page
    /// renders (`--lenient`); otherwise every page shows the errors until they are fixed.
    pub lenient: bool,
    /// The path the pages are served under (`/docs`, checked by
    /// [`site_compiler::base_path`]), empty at the root, as the macro's `base` option.
    pub base_path: String,
    /// Builds as the macro's `untrusted` option does (`--untrusted`): raw HTML sanitised, what
    /// can run a script removed with a warning, for previewing what users wrote.
    pub untrusted: bool,
}

/// Serves the content folder `dir` on `addr` until SIGINT or SIGTERM, rebuilding it on every
/// change. Prints each build's diagnostics and summary, then the address.
pub async fn serve(dir: &Path, addr: SocketAddr, preview: &Preview) -> io::Result<()> {
    let listener = TcpListener::bind(addr).await?;
    let signal = crate::serve::shutdown::signal()?;
    run(dir, listener, preview, signal).await
}

/// Serves the content folder `dir` on `listener` until `shutdown` resolves (open event
/// streams are then dropped), rebuilding it on every change.
pub async fn run(
    dir: &Path,
    listener: TcpListener,
    preview: &Preview,
    shutdown: impl Future<Output = ()>,
) -> io::Result<()> {
    if !dir.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!("`{}` is not a folder", dir.display()),
        ));
    }
    // Watch first: a change made during the first build is not lost.
    let mut changes = watch::watch(dir).map_err(io::Error::other)?;
    let settings = Settings {
        lenient: preview.lenient,
        base_path: preview.base_path.clone(),
        untrusted: preview.untrusted,
    };
    let session = build::session(&settings);
    let previous = Arc::new(Output::default());
    let (first, mut session) =
        rebuild(dir.to_path_buf(), settings.clone(), session, previous).await;
    let state = Arc::new(State::new(first.output));
    say(&format!(
        "{}{} ({} ms)",
        first.diagnostics,
        first.summary,
        first.elapsed.as_millis()
    ));
    let addr = listener.local_addr()?;
    say(&format!(
        "Previewing {} on http://{addr}{}/ — pages reload when a file changes",
        dir.display(),
        preview.base_path
    ));

    let rebuilds = {
        let (state, dir) = (state.clone(), dir.to_path_buf());
        async move {
            while changes.next_batch().await.is_some() {
                let previous = state.current().output.clone();
                let (build, kept) = rebuild(dir.clone(), settings.clone(), session, previous).await;
                session = kept;
                let (diagnostics, summary, elapsed) =
                    (build.diagnostics, build.summary, build.elapsed.as_millis());
                let failed = build.failed;
                // Nothing to say when nothing changed (a file saved as it was, a backup file).
                if let Some(changed) = state.install(build.output) {
                    say(&if failed {
                        format!(
                            "{diagnostics}{summary} ({elapsed} ms): every page shows the errors \
                             until they are fixed"
                        )
                    } else {
                        let changed = count(changed, "page");
                        format!("{diagnostics}{changed} changed: {summary} ({elapsed} ms)")
                    });
                }
            }
        }
    };
    tokio::select! {
        served = axum::serve(listener, app(state)) => served,
        () = rebuilds => Err(io::Error::other("the content folder is no longer watched")),
        () = shutdown => Ok(()),
    }
}

/// Every request answered from `state`.
fn app(state: Arc<State>) -> Router {
    Router::new()
        .fallback(move |request: Request| async move { respond::respond(&state, &request) })
}

/// Builds `dir` in `session` off the async threads, next to `previous`, the output served
/// until now; a compiler bug is reported as a failed build, and the session then starts
/// afresh.
async fn rebuild(
    dir: PathBuf,
    settings: Settings,
    mut session: Session,
    previous: Arc<Output>,
) -> (Build, Session) {
    let started = std::time::Instant::now();
    let fresh = build::session(&settings);
    let built = tokio::task::spawn_blocking(move || {
        let build = build::build(&mut session, &dir, &settings, &previous);
        (build, session)
    });
    match built.await {
        Ok(built) => built,
        Err(error) => {
            let broken = build::Build::broken(&format!("the compiler failed: {error}"), started);
            (broken, fresh)
        }
    }
}

/// Prints `text` to the terminal; a closed terminal does not stop the server.
fn say(text: &str) {
    let _ = writeln!(io::stdout().lock(), "{text}");
}

/// What the dev server serves now, and who to tell when it changes.
#[derive(Debug)]
struct State {
    current: RwLock<Arc<Snapshot>>,
    hub: reload::Hub,
    /// Tells this run's versions from another's, so that pages open across a restart reload.
    run: u64,
    builds: AtomicU64,
}

/// One build's output, its version, and its pages as they are served.
#[derive(Debug)]
struct Snapshot {
    version: String,
    output: Arc<Output>,
    served: Served,
}

impl State {
    fn new(output: Output) -> State {
        let run = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |time| time.as_secs() ^ u64::from(time.subsec_nanos()));
        let state = State {
            current: RwLock::new(Arc::new(Snapshot {
                version: String::new(),
                served: Served::new(&Output::default(), ""),
                output: Arc::default(),
            })),
            hub: reload::Hub::default(),
            run,
            builds: AtomicU64::new(0),
        };
        state.install(output);
        state
    }

    /// The current build.
    fn current(&self) -> Arc<Snapshot> {
        self.current
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Makes `output` the current build if it differs from it, and tells the open pages;
    /// returns how many pages changed, or `None` when nothing did.
    fn install(&self, output: Output) -> Option<usize> {
        let current = self.current();
        if *current.output == output {
            return None;
        }
        let changed = build::changed_pages(&current.output, &output);
        let build = self.builds.fetch_add(1, Ordering::Relaxed) + 1;
        let version = format!("{:x}.{build}", self.run);
        let snapshot = Arc::new(Snapshot {
            served: Served::new(&output, &version),
            version: version.clone(),
            output: Arc::new(output),
        });
        *self.current.write().unwrap_or_else(PoisonError::into_inner) = snapshot;
        self.hub.reload(&version);
        Some(changed)
    }
}

#[cfg(test)]
mod tests;
