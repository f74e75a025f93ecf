//! When to stop: SIGINT (Ctrl-C) or SIGTERM, the signal container runtimes and systemd stop
//! services with.

use std::future::Future;
use std::io;

/// Resolves on SIGINT or (on Unix) SIGTERM.
///
/// The handlers are installed now, so failing to install them is an error of the caller, and
/// a signal arriving before the future is polled is not lost.
pub fn signal() -> io::Result<impl Future<Output = ()>> {
    #[cfg(unix)]
    let (mut terminate, mut interrupt) = {
        use tokio::signal::unix::{SignalKind, signal};
        (
            signal(SignalKind::terminate())?,
            signal(SignalKind::interrupt())?,
        )
    };
    Ok(async move {
        #[cfg(unix)]
        tokio::select! {
            _ = terminate.recv() => tracing::info!("SIGTERM: finishing open requests"),
            _ = interrupt.recv() => tracing::info!("SIGINT: finishing open requests"),
        }
        #[cfg(not(unix))]
        if tokio::signal::ctrl_c().await.is_err() {
            // Should listening for Ctrl-C fail, keep serving rather than stop at once.
            std::future::pending::<()>().await;
        }
    })
}
