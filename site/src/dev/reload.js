// `site dev` only: reloads this page when the content it was rendered from has changed.
// The server names the build each page comes from (`data-version`), and tells every open
// event stream the current build on connecting (`hello`) and after each change (`reload`).
(() => {
  "use strict";
  const script = document.currentScript;
  const version = script ? script.dataset.version : "";
  let source = null;
  const check = (event) => {
    if (event.data !== version) location.reload();
  };
  const connect = () => {
    if (source || document.hidden) return;
    source = new EventSource("/_site/dev/events");
    source.addEventListener("hello", check);
    source.addEventListener("reload", check);
  };
  const disconnect = () => {
    if (source) source.close();
    source = null;
  };
  // Hidden tabs let go of their stream (browsers open at most six connections per host over
  // HTTP/1.1) and catch up through `hello` when shown again.
  document.addEventListener("visibilitychange", () => (document.hidden ? disconnect() : connect()));
  addEventListener("pagehide", disconnect);
  addEventListener("pageshow", connect);
  connect();
})();
