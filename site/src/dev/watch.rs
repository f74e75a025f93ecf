//! Watching the content folder: file events in (inotify, FSEvents, … through `notify`), one
//! signal per batch of changes out.

use std::path::Path;
use std::time::Duration;

use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};
use tokio::sync::mpsc;
use tokio::time::Instant;

/// A batch ends when no event has come for this long: editors save with several writes,
/// renames and attribute changes in a row.
const QUIET: Duration = Duration::from_millis(15);
/// A batch ends after this long however busy the folder (a `git checkout`, a generator).
const MAX_BATCH: Duration = Duration::from_millis(300);

/// The folder under watch, and its changes.
#[derive(Debug)]
pub(crate) struct Changes {
    /// Stops watching when dropped.
    _watcher: RecommendedWatcher,
    events: mpsc::UnboundedReceiver<()>,
}

/// Starts watching `dir` and everything below it.
pub(crate) fn watch(dir: &Path) -> notify::Result<Changes> {
    let (sender, events) = mpsc::unbounded_channel();
    // Events name paths below the folder as given to the watcher: compare them with that.
    let root = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let filter_root = root.clone();
    // Links are not followed: what a link inside the folder leads to is in the folder and
    // watched there, and one leading elsewhere (or around a loop) is not content.
    let config = notify::Config::default().with_follow_symlinks(false);
    let handler = move |event: notify::Result<Event>| {
        let relevant = match &event {
            Ok(event) => matters(&filter_root, event),
            Err(error) => {
                // Lost events (a full queue, a removed watch): rebuild to be sure.
                tracing::warn!("watching the content folder: {error}");
                true
            }
        };
        if relevant {
            let _ = sender.send(());
        }
    };
    let mut watcher = RecommendedWatcher::new(handler, config)?;
    watcher.watch(&root, RecursiveMode::Recursive)?;
    Ok(Changes {
        _watcher: watcher,
        events,
    })
}

impl Changes {
    /// Waits for the next batch of changes: the first one, then until [`QUIET`] passes
    /// without another (or [`MAX_BATCH`] since the first). `None` once the watcher is gone.
    pub(crate) async fn next_batch(&mut self) -> Option<()> {
        self.events.recv().await?;
        let end = Instant::now() + MAX_BATCH;
        loop {
            let quiet = (Instant::now() + QUIET).min(end);
            match tokio::time::timeout_at(quiet, self.events.recv()).await {
                Ok(Some(())) if Instant::now() < end => {}
                Ok(Some(())) | Err(_) => return Some(()),
                Ok(None) => return None,
            }
        }
    }
}

/// Whether `event` can change what the site serves: not a mere read, and not only about dot
/// files (editors' swap files, `.git`), which are never content.
fn matters(root: &Path, event: &Event) -> bool {
    if matches!(event.kind, EventKind::Access(_)) {
        return false;
    }
    event.need_rescan() || event.paths.is_empty() || event.paths.iter().any(|p| !hidden(root, p))
}

/// Whether a part of `path` below `root` starts with a dot.
fn hidden(root: &Path, path: &Path) -> bool {
    let relative = path.strip_prefix(root).map_or(path, |relative| relative);
    relative
        .components()
        .any(|part| part.as_os_str().to_string_lossy().starts_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{AccessKind, CreateKind, ModifyKind};
    use std::path::PathBuf;

    fn event(kind: EventKind, path: &str) -> Event {
        Event::new(kind).add_path(PathBuf::from(path))
    }

    #[test]
    fn reads_and_dot_files_do_not_matter() {
        let root = Path::new("/c");
        let modify = EventKind::Modify(ModifyKind::Any);
        assert!(matters(root, &event(modify, "/c/1.a/b.md")));
        assert!(matters(
            root,
            &event(EventKind::Create(CreateKind::File), "/c/public/x.png")
        ));
        assert!(!matters(
            root,
            &event(EventKind::Access(AccessKind::Any), "/c/a.md")
        ));
        assert!(!matters(root, &event(modify, "/c/.a.md.swp")));
        assert!(!matters(root, &event(modify, "/c/.git/index")));
        // A dot in the folder's own path is no reason to ignore it.
        assert!(matters(Path::new("/x/.c"), &event(modify, "/x/.c/a.md")));
    }

    #[tokio::test]
    async fn writes_are_seen() -> Result<(), Box<dyn std::error::Error>> {
        let dir = std::env::temp_dir().join(format!("site-dev-watch-{}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        let mut changes = watch(&dir)?;
        for n in 0..5 {
            std::fs::write(dir.join("a.md"), format!("# {n}\n"))?;
        }
        let deadline = Duration::from_secs(10);
        assert_eq!(
            tokio::time::timeout(deadline, changes.next_batch()).await?,
            Some(())
        );
        std::fs::remove_dir_all(&dir)?;
        Ok(())
    }
}
