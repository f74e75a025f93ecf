//! Accepting and serving connections (HTTP/1.1 over hyper), robust under abuse: request heads
//! are bounded in size and in the time they may take to arrive, open connections are capped,
//! and shutdown lets the requests in flight finish.

use std::convert::Infallible;
use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use std::future::poll_fn;
use std::pin::Pin;
use std::task::{Context, Poll};

use hyper::server::conn::http1;
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncRead, AsyncReadExt as _, AsyncWrite, AsyncWriteExt as _, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use axum::Router;
use axum::routing::future::RouteFuture;

use crate::Site;

/// The bounds a server keeps whatever its clients do.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Connections served at once; more wait in the listen backlog until one closes.
    pub max_connections: usize,
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
            header_read_timeout: Duration::from_secs(10),
            max_header_bytes: 16 * 1024,
            shutdown_grace: Duration::from_secs(30),
        }
    }
}

/// The smallest read buffer hyper accepts (it panics below it).
const MIN_HEADER_BYTES: usize = 8192;

/// Serves `site` on `addr` until SIGINT or SIGTERM, then lets open requests finish.
///
/// One thread per core, each with its own single-threaded runtime and its own listening socket
/// on `addr` (`SO_REUSEPORT`: the kernel spreads connections over them), as nginx does with
/// its workers: no task ever moves between threads. [`Limits::max_connections`] is shared out
/// between the threads. Prints the bound address, so port 0 shows the port actually chosen.
pub async fn serve(site: &'static Site, addr: SocketAddr) -> io::Result<()> {
    let limits = Limits::default();
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
        ..limits
    };
    let (stop, stopping) = tokio::sync::watch::channel(false);
    let (done, mut finished) = tokio::sync::mpsc::unbounded_channel();
    for (index, listener) in listeners.into_iter().enumerate() {
        let (limits, mut stopping, done) = (limits.clone(), stopping.clone(), done.clone());
        let worker = move || {
            let result = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .and_then(|runtime| {
                    runtime.block_on(async move {
                        let listener = TcpListener::from_std(listener)?;
                        let shutdown = async move { drop(stopping.wait_for(|stop| *stop).await) };
                        run(site, listener, &limits, shutdown).await
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
    let router = super::router(site);
    let mut http = http1::Builder::new();
    // The header-read timeout is kept by each connection's watchdog (`serve_connection`), not
    // by hyper's, which arms a new timer for every request: that costs 5 % of the throughput.
    http.max_buf_size(limits.max_header_bytes.max(MIN_HEADER_BYTES));
    let capacity = limits
        .max_connections
        .clamp(1, Semaphore::MAX_PERMITS.min(u32::MAX as usize));
    let slots = Arc::new(Semaphore::new(capacity));
    // Flips to `true` on shutdown; every connection watches it.
    let (stopping, stop_signal) = tokio::sync::watch::channel(false);
    tokio::pin!(shutdown);
    loop {
        let slot = tokio::select! {
            slot = slots.clone().acquire_owned() => slot,
            () = &mut shutdown => break,
        };
        let Ok(slot) = slot else { break };
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut shutdown => break,
        };
        let stream = match accepted {
            Ok((stream, _)) => stream,
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
        let activity = Arc::new(Activity::default());
        let service = Service {
            router: router.clone(),
            activity: activity.clone(),
        };
        let stream = Counted {
            stream,
            activity: activity.clone(),
        };
        let connection = http.serve_connection(TokioIo::new(stream), service);
        let watch = Watch {
            stop: stop_signal.clone(),
            activity,
            header_read_timeout: limits.header_read_timeout,
        };
        tokio::spawn(serve_connection(connection, watch, slot));
    }
    drop(listener);
    let _ = stopping.send(true);
    // Every connection holds a slot until it is closed: all slots back means all done.
    let all = u32::try_from(capacity).unwrap_or(u32::MAX);
    tokio::select! {
        _ = slots.acquire_many(all) => {}
        () = tokio::time::sleep(limits.shutdown_grace) => {
            tracing::warn!("requests still open after {:?}: stopping", limits.shutdown_grace);
        }
    }
    Ok(())
}

/// What a connection is doing, as its watchdog sees it: counters that move while it works.
#[derive(Debug, Default)]
struct Activity {
    /// Requests whose head has arrived.
    requests: AtomicU64,
    /// Writes that sent bytes.
    writes: AtomicU64,
}

impl Activity {
    fn snapshot(&self) -> (u64, u64) {
        (
            self.requests.load(Ordering::Relaxed),
            self.writes.load(Ordering::Relaxed),
        )
    }
}

/// The service of every connection: the site's [`super::router`], counting requests.
#[derive(Clone)]
struct Service {
    router: Router,
    activity: Arc<Activity>,
}

impl hyper::service::Service<hyper::Request<hyper::body::Incoming>> for Service {
    type Response = hyper::Response<axum::body::Body>;
    type Error = Infallible;
    type Future = RouteFuture<Infallible>;

    fn call(&self, request: hyper::Request<hyper::body::Incoming>) -> Self::Future {
        self.activity.requests.fetch_add(1, Ordering::Relaxed);
        // A `Router` is always ready, and cloning it clones one `Arc`.
        tower_service::Service::call(&mut self.router.clone(), request)
    }
}

/// The client's socket, counting the writes that make progress.
struct Counted {
    stream: TcpStream,
    activity: Arc<Activity>,
}

impl Counted {
    fn count(&self, written: &Poll<io::Result<usize>>) {
        if let Poll::Ready(Ok(1..)) = written {
            self.activity.writes.fetch_add(1, Ordering::Relaxed);
        }
    }
}

impl AsyncRead for Counted {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_read(cx, buf)
    }
}

impl AsyncWrite for Counted {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let written = Pin::new(&mut self.stream).poll_write(cx, buf);
        self.count(&written);
        written
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let written = Pin::new(&mut self.stream).poll_write_vectored(cx, bufs);
        self.count(&written);
        written
    }

    fn is_write_vectored(&self) -> bool {
        // hyper then sends head and body with one `writev`, copying neither.
        self.stream.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}

type Connection = http1::Connection<TokioIo<Counted>, Service>;

/// What a connection's task watches besides the connection.
struct Watch {
    /// Flips to `true` on shutdown.
    stop: tokio::sync::watch::Receiver<bool>,
    /// What the connection is doing.
    activity: Arc<Activity>,
    /// See [`Limits::header_read_timeout`].
    header_read_timeout: Duration,
}

/// How long a closed connection still reads (and drops) what the client sends, so that
/// unread pipelined requests do not turn the close into a reset that destroys the responses
/// the client has not read yet.
const LINGER: Duration = Duration::from_secs(2);

/// Serves one connection until it ends, until it has started no request and written nothing
/// for a whole header-read timeout, or (once `stop` flips) until its request in flight is
/// answered; then closes it gracefully and frees its `slot`.
async fn serve_connection(mut connection: Connection, watch: Watch, slot: OwnedSemaphorePermit) {
    let Watch {
        mut stop,
        activity,
        header_read_timeout,
    } = watch;
    let period = header_read_timeout.max(Duration::from_millis(1));
    let mut ticks = tokio::time::interval_at(tokio::time::Instant::now() + period, period);
    let mut seen = activity.snapshot();
    let mut stopping = false;
    let finished = loop {
        tokio::select! {
            finished = poll_fn(|cx| connection.poll_without_shutdown(cx)) => break finished,
            () = async { drop(stop.wait_for(|stop| *stop).await) }, if !stopping => {
                // Closes the connection now if idle, else once the response under way is out.
                stopping = true;
                Pin::new(&mut connection).graceful_shutdown();
            }
            _ = ticks.tick() => {
                // No request started and nothing written for a whole period: an idle client,
                // a head sent too slowly, or a client that stopped reading. Drop it.
                let now = activity.snapshot();
                if now == seen {
                    break Ok(());
                }
                seen = now;
            }
        }
    };
    if let Err(error) = finished {
        tracing::debug!("connection closed: {error}");
    }
    let mut stream = connection.into_parts().io.into_inner().stream;
    if stream.shutdown().await.is_ok() {
        let mut sink = [0; 4096];
        let drain = async { while let Ok(1..) = stream.read(&mut sink).await {} };
        let _ = tokio::time::timeout(LINGER, drain).await;
    }
    drop(slot);
}
