#!/usr/bin/env python3
"""Full-page screenshots of the seed pages in headless Chromium, for the README.

Usage: python3 scripts/screenshots.py [--out DIR] [--width PX] [--theme light|dark] [PATH ...]

Builds the site (`cargo build -p site`), serves it on a free port of 127.0.0.1, starts
chromedriver on another, and for each page (default: the five seed pages) loads it in headless
Chromium PX wide (default 1280) in the colour mode THEME (default light, stored as a visitor's
choice), grows the window to the page's full height (the fixed footer then sits at the end,
the sticky header at the top) and saves `DIR/<route with - for />.png` (default DIR:
tests/screenshots). With pngquant installed the PNGs are reduced to 256 colours.

Chromium's own `--screenshot` cannot measure a page, so the script talks WebDriver to
chromedriver (plain JSON over HTTP: the standard library is enough), with the same Chromium
flags as tests/browser.rs. Needs chromium and chromium-driver (Debian), as those tests do.
"""

import argparse
import base64
import json
import pathlib
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parent.parent
PAGES = [
    "/lwm2m/about",
    "/lwm2m/examples",
    "/omaspecworks/collaborate/working-groups",
    "/ipso",
    "/omaspecworks/about",
]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
]
TIMEOUT = 30


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_site():
    """`cargo build -p site`; the path of the binary."""
    out = subprocess.run(
        ["cargo", "build", "--quiet", "-p", "site", "--bin", "site", "--message-format=json"],
        cwd=ROOT, check=True, stdout=subprocess.PIPE, text=True,
    ).stdout
    for line in out.splitlines():
        message = json.loads(line)
        if message.get("reason") == "compiler-artifact" and message.get("executable"):
            if message["target"]["name"] == "site":
                return message["executable"]
    sys.exit("cargo built no `site` binary")


def request(method, url, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT) as response:
            return json.load(response).get("value")
    except urllib.error.HTTPError as error:
        sys.exit(f"{method} {url}: {error.code} {error.read().decode(errors='replace')}")


def wait_for(what, ready, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = ready()
        if value:
            return value
        time.sleep(0.05)
    sys.exit(f"{what}: not ready within {seconds} s")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=pathlib.Path, default=ROOT / "tests" / "screenshots")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--theme", choices=["light", "dark"], default="light")
    parser.add_argument("pages", nargs="*", default=PAGES)
    args = parser.parse_args()

    chromedriver = shutil.which("chromedriver")
    chromium = next(filter(None, map(shutil.which, ["chromium", "chromium-browser", "google-chrome"])), None)
    if not chromedriver or not chromium:
        sys.exit("needs chromium and chromedriver (Debian: apt-get install chromium chromium-driver)")
    binary = build_site()
    args.out.mkdir(parents=True, exist_ok=True)

    processes = []
    work = tempfile.mkdtemp(prefix="site-screenshots-")
    session = None
    driver = None
    try:
        site = subprocess.Popen([binary, "--addr", "127.0.0.1:0"], stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True)
        processes.append(site)
        # "Serving the OMA SpecWorks site on http://127.0.0.1:PORT/"
        line = site.stdout.readline()
        base = line.strip().rsplit(" ", 1)[-1].rstrip("/")
        if not base.startswith("http://127.0.0.1:"):
            sys.exit(f"the site did not start: {line!r}")

        port = free_port()
        driver = f"http://127.0.0.1:{port}"
        processes.append(subprocess.Popen([chromedriver, f"--port={port}"],
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))

        def status():
            try:
                return request("GET", f"{driver}/status").get("ready")
            except (OSError, SystemExit):
                return False

        wait_for("chromedriver", status)
        options = {"binary": chromium,
                   "args": CHROMIUM_ARGS + [f"--user-data-dir={work}/profile", f"--window-size={args.width},900"]}
        session = request("POST", f"{driver}/session", {
            "capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": options}},
        })["sessionId"]
        s = f"{driver}/session/{session}"

        def script(source, *arguments):
            return request("POST", f"{s}/execute/sync", {"script": source, "args": list(arguments)})

        request("POST", f"{s}/url", {"url": base + args.pages[0]})
        script("localStorage.setItem('nuxt-color-mode', arguments[0])", args.theme)
        for path in args.pages:
            request("POST", f"{s}/window/rect", {"width": args.width, "height": 900})
            request("POST", f"{s}/url", {"url": base + path})
            request("POST", f"{s}/execute/async",
                    {"script": "document.fonts.ready.then(() => arguments[0]())", "args": []})
            height = script("return Math.ceil(document.documentElement.scrollHeight)")
            # The window's frame takes some of its height: the page gets all of it.
            frame = script("return window.outerHeight - window.innerHeight")
            request("POST", f"{s}/window/rect", {"width": args.width, "height": height + frame})
            wait_for("resize", lambda: script("return window.innerHeight") == height)
            png = base64.b64decode(request("GET", f"{s}/screenshot"))
            name = path.strip("/").replace("/", "-") or "home"
            target = args.out / f"{name}.png"
            target.write_bytes(png)
            if shutil.which("pngquant"):
                subprocess.run(["pngquant", "--force", "--skip-if-larger", "--output", str(target),
                                "--", str(target)], check=False)
            print(f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}: "
                  f"{args.width}x{height}, {target.stat().st_size // 1024} KiB")
    finally:
        if session and driver:
            try:
                request("DELETE", f"{driver}/session/{session}")
            except (OSError, SystemExit):
                pass
        for process in processes:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
