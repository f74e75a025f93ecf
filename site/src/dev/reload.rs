//! Telling open pages to reload: a Server-Sent Events stream at [`EVENTS`], and the script
//! at [`SCRIPT`] that the dev server adds to every page it sends.
//!
//! Each build that changes what the site serves gets a new version. Pages carry the version
//! they were rendered from; the stream sends the current one on connecting (`hello`) and after
//! every change (`reload`), and the script reloads the page when the two differ. So no change
//! is missed, whether it lands before the stream is open, while a tab is hidden (hidden tabs
//! close their stream) or while the server restarts.

use std::convert::Infallible;
use std::pin::Pin;
use std::sync::{Mutex, PoisonError};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{Bytes, HttpBody};
use hyper::body::Frame;
use tokio::sync::mpsc;

/// The URL of the event stream.
pub(crate) const EVENTS: &str = "/_site/dev/events";
/// The URL of the reload script.
pub(crate) const SCRIPT: &str = "/_site/dev/reload.js";
/// The reload script.
pub(crate) const SCRIPT_SOURCE: &str = include_str!("reload.js");

/// How often an idle stream sends a comment, so that streams of closed tabs are noticed.
const PING: Duration = Duration::from_secs(15);
/// Events a slow client may have pending; more are dropped (each one repeats the last).
const BACKLOG: usize = 4;

/// The `<script>` element the dev server adds before `</head>` of every page it sends, naming
/// the build the page comes from. Versions are made of hex digits and dots: nothing to escape.
pub(crate) fn script_tag(version: &str) -> String {
    format!("<script src=\"{SCRIPT}\" data-version=\"{version}\" defer></script>")
}

/// `html` with the script tag before its `</head>` (at the start when it has none).
pub(crate) fn inject(html: &[u8], version: &str) -> Vec<u8> {
    let tag = script_tag(version);
    let at = html
        .windows(7)
        .position(|window| window.eq_ignore_ascii_case(b"</head>"))
        .unwrap_or(0);
    let mut out = Vec::with_capacity(html.len() + tag.len());
    out.extend_from_slice(html.get(..at).unwrap_or_default());
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(html.get(at..).unwrap_or_default());
    out
}

/// The open event streams.
#[derive(Debug, Default)]
pub(crate) struct Hub {
    clients: Mutex<Vec<mpsc::Sender<Bytes>>>,
}

impl Hub {
    /// A new stream; `current` is called after it is registered, so a change is either in
    /// the `hello` it starts with or in a `reload` it receives.
    pub(crate) fn subscribe(&self, current: impl FnOnce() -> String) -> EventStream {
        let (sender, receiver) = mpsc::channel(BACKLOG);
        self.lock().push(sender);
        let start = tokio::time::Instant::now() + PING;
        EventStream {
            first: Some(event("hello", &current())),
            events: receiver,
            ping: tokio::time::interval_at(start, PING),
        }
    }

    /// Sends `reload` with the new version to every open stream, forgetting closed ones.
    pub(crate) fn reload(&self, version: &str) {
        let event = event("reload", version);
        self.lock().retain(|client| {
            !matches!(
                client.try_send(event.clone()),
                Err(mpsc::error::TrySendError::Closed(_))
            )
        });
    }

    /// How many streams are open (as far as the hub knows).
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.lock().len()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<mpsc::Sender<Bytes>>> {
        self.clients.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// An event in the `text/event-stream` format.
fn event(name: &str, data: &str) -> Bytes {
    Bytes::from(format!("event: {name}\ndata: {data}\n\n"))
}

/// The body of an event stream response: `hello`, then each `reload`, with a comment when
/// idle. It ends when the hub goes away.
#[derive(Debug)]
pub(crate) struct EventStream {
    first: Option<Bytes>,
    events: mpsc::Receiver<Bytes>,
    ping: tokio::time::Interval,
}

impl HttpBody for EventStream {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        let this = self.get_mut();
        if let Some(first) = this.first.take() {
            return Poll::Ready(Some(Ok(Frame::data(first))));
        }
        match this.events.poll_recv(cx) {
            Poll::Ready(Some(event)) => return Poll::Ready(Some(Ok(Frame::data(event)))),
            Poll::Ready(None) => return Poll::Ready(None),
            Poll::Pending => {}
        }
        if this.ping.poll_tick(cx).is_ready() {
            return Poll::Ready(Some(Ok(Frame::data(Bytes::from_static(b": ping\n\n")))));
        }
        Poll::Pending
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tag_goes_before_the_end_of_the_head() {
        let html = b"<!DOCTYPE html><html><head><title>t</title></head><body></body></html>";
        let injected = String::from_utf8_lossy(&inject(html, "1.2")).into_owned();
        assert_eq!(
            injected,
            "<!DOCTYPE html><html><head><title>t</title><script src=\"/_site/dev/reload.js\" \
             data-version=\"1.2\" defer></script></head><body></body></html>"
        );
        assert!(String::from_utf8_lossy(&inject(b"<p>x</p>", "3")).starts_with("<script "));
    }

    #[tokio::test]
    async fn streams_get_hello_then_each_reload_and_closed_ones_are_dropped() {
        use http_body_util::BodyExt as _;
        let hub = Hub::default();
        let mut stream = hub.subscribe(|| "a.1".into());
        let closed = hub.subscribe(|| "a.1".into());
        drop(closed);
        hub.reload("a.2");
        assert_eq!(hub.len(), 1);
        let mut received = Vec::new();
        for _ in 0..2 {
            if let Some(Ok(frame)) = stream.frame().await {
                received.extend(frame.into_data().unwrap_or_default());
            }
        }
        assert_eq!(
            String::from_utf8_lossy(&received),
            "event: hello\ndata: a.1\n\nevent: reload\ndata: a.2\n\n"
        );
    }
}
