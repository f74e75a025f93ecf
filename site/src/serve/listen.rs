//! Accepting connections (each served by the `connection` module), robust under abuse: request
//! heads are bounded in size and in the time they may take to arrive, open connections are
//! capped in all and per client address (`admission`), and shutdown lets the requests in
//! flight finish.

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::num::NonZeroUsize;
use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;

use super::admission::{Addresses, Gate};
use crate::Site;

/// The bounds a server keeps whatever its clients do.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Connections served at once; more wait in the listen backlog until one closes. When
    /// fewer than an eighth of them are free, connections idle for a second are closed.
    pub max_connections: usize,
    /// Connections one IP address may hold at once; one more is answered `503` and closed.
    pub max_connections_per_address: NonZeroUsize,
    /// Time a client has to send a request head, counted from the connection (or the previous
    /// response) on: a connection that has neither started a request nor written anything
    /// for this long (checked every such period, so after one to two of them) is closed.
    /// Idle clients, heads sent too slowly and clients that stopped reading go that way.
    pub header_read_timeout: Duration,
    /// The largest request head, in bytes (at least 8 KiB); beyond it the answer is `431`.
    pub max_header_bytes: usize,
    /// Time open requests get to finish after the shutdown signal.
    pub shutdown_grace: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_connections: 4096,
            max_connections_per_address: NonZeroUsize::new(256).unwrap_or(NonZeroUsize::MIN),
            header_read_timeout: Duration::from_secs(10),
            max_header_bytes: 16 * 1024,
            shutdown_grace: Duration::from_secs(30),
        }
    }
}

/// Serves `site` on `addr` within `limits` until SIGINT or SIGTERM, then lets open requests
/// finish.
///
/// One thread per core, each with its own single-threaded runtime and its own listening socket
/// on `addr` (`SO_REUSEPORT`: the kernel spreads connections over them), as nginx does with
/// its workers: no task ever moves between threads. [`Limits::max_connections`] is shared out
/// between the threads; [`Limits::max_connections_per_address`] holds over all of them.
/// Prints the bound address, so port 0 shows the port actually chosen.
pub async fn serve(site: &'static Site, addr: SocketAddr, limits: &Limits) -> io::Result<()> {
    let threads = if cfg!(unix) {
        std::thread::available_parallelism().map_or(1, usize::from)
    } else {
        1
    };
    let first = bind(addr)?;
    let addr = first.local_addr()?;
    let mut listeners = vec![first.into_std()?];
    for _ in 1..threads {
        listeners.push(bind(addr)?.into_std()?);
    }
    let signal = super::shutdown::signal()?;
    println!("Serving the OMA SpecWorks site on http://{addr}/");
    let limits = Limits {
        max_connections: limits.max_connections.div_ceil(threads),
        ..limits.clone()
    };
    let addresses = Arc::new(Addresses::default());
    let (stop, stopping) = tokio::sync::watch::channel(false);
    let (done, mut finished) = tokio::sync::mpsc::unbounded_channel();
    for (index, listener) in listeners.into_iter().enumerate() {
        let (limits, mut stopping, done) = (limits.clone(), stopping.clone(), done.clone());
        let addresses = Arc::clone(&addresses);
        let worker = move || {
            let result = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .and_then(|runtime| {
                    runtime.block_on(async move {
                        let listener = TcpListener::from_std(listener)?;
                        let shutdown = async move { drop(stopping.wait_for(|stop| *stop).await) };
                        let gate = Gate::new(&limits, addresses);
                        run_gated(site, listener, &limits, gate, shutdown).await
                    })
                });
            let _ = done.send(result);
        };
        std::thread::Builder::new()
            .name(format!("site-{index}"))
            .spawn(worker)?;
    }
    drop(done);
    tokio::select! {
        () = signal => {}
        // A thread that ends before the signal has failed: stop the others too.
        Some(Err(error)) = finished.recv() => {
            let _ = stop.send(true);
            return Err(error);
        }
    }
    let _ = stop.send(true);
    let mut result = Ok(());
    while let Some(outcome) = finished.recv().await {
        result = result.and(outcome);
    }
    result
}

/// A listening socket on `addr` that other sockets may share (`SO_REUSEPORT`).
fn bind(addr: SocketAddr) -> io::Result<TcpListener> {
    let socket = if addr.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    socket.set_reuseaddr(true)?;
    #[cfg(unix)]
    socket.set_reuseport(true)?;
    socket.bind(addr)?;
    socket.listen(1024)
}

/// Serves `site` on `listener` within `limits` until `shutdown` resolves; then stops accepting,
/// closes idle connections, and returns once the requests in flight are answered (or
/// [`Limits::shutdown_grace`] has passed).
pub async fn run(
    site: &'static Site,
    listener: TcpListener,
    limits: &Limits,
    shutdown: impl Future<Output = ()>,
) -> io::Result<()> {
    let gate = Gate::new(limits, Arc::default());
    run_gated(site, listener, limits, gate, shutdown).await
}

/// [`run`], with the connection slots of `gate`.
async fn run_gated(
    site: &'static Site,
    listener: TcpListener,
    limits: &Limits,
    gate: Gate,
    shutdown: impl Future<Output = ()>,
) -> io::Result<()> {
    // Flips to `true` on shutdown; every connection watches it.
    let (stopping, stop_signal) = tokio::sync::watch::channel(false);
    tokio::pin!(shutdown);
    loop {
        let slot = tokio::select! {
            slot = gate.slot() => slot,
            () = &mut shutdown => break,
        };
        let Some(slot) = slot else { break };
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut shutdown => break,
        };
        let (stream, peer) = match accepted {
            Ok(accepted) => accepted,
            Err(error) => {
                // Out of file descriptors, or a connection reset before it was accepted:
                // neither stops the server. Wait a little in case it is the former.
                tracing::warn!("cannot accept a connection: {error}");
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        // Responses are written whole: do not hold back their last segment.
        let _ = stream.set_nodelay(true);
        let Some(ticket) = gate.admit(slot, peer.ip()) else {
            tracing::debug!(%peer, "too many connections from one address");
            tokio::spawn(super::connection::refuse(stream));
            continue;
        };
        let (limits, stop, crowding) = (limits.clone(), stop_signal.clone(), gate.crowding());
        tokio::spawn(async move {
            super::connection::serve(site, stream, &limits, stop, crowding).await;
            drop(ticket);
        });
    }
    drop(listener);
    let _ = stopping.send(true);
    // Every connection holds a slot until it is closed: all slots back means all done.
    if !gate.drained(limits.shutdown_grace).await {
        tracing::warn!(
            "requests still open after {:?}: stopping",
            limits.shutdown_grace
        );
    }
    Ok(())
}
