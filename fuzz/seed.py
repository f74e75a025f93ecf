#!/usr/bin/env python3
"""Write the seed corpus of every fuzz target, from the repository.

Usage: python3 fuzz/seed.py OUT_DIR

- mdc_parse, page_compile: every page of content/ and every MDC conformance case
  (tests/conformance/cases/*.md);
- yaml_props: every YAML block of those pages as `NAME` then a line end then the YAML (the
  component's name for a component's props; `page` for a front matter), and the YAML files of
  content/ (folder metadata, redirects, data);
- http_framing: requests written here (pipelined, HTTP/1.0, chunked, malformed), each whole
  (a first byte 0: no cuts) and cut in three.

FUZZING.md says how the runs use it. The committed corpus (fuzz/corpus/) is what
`cargo fuzz cmin` kept of these seeds and of what the runs found.
"""

import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# A component's opening line (`::ShCard`, `:::ShColumn{…}`, indented or not), then its YAML
# between `---` lines.
OPENING = re.compile(r"^\s*:{2,}([A-Za-z][\w-]*)")

REQUESTS = [
    b"GET / HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /lwm2m/about HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip, deflate, br\r\n\r\n",
    b'HEAD /lwm2m/about HTTP/1.1\r\nHost: x\r\nIf-None-Match: "x", W/"y"\r\n\r\n',
    b'GET /ipso HTTP/1.1\r\nHost: x\r\nIf-Match: "x"\r\nAccept-Encoding: br;q=0.5, *;q=0\r\n\r\n',
    b"GET /lwm2m/about/ HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /wg/dmso?x=%20y HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /%6c%77m2m/about HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET http://x/lwm2m/examples HTTP/1.1\r\nHost: x\r\n\r\n",
    b"OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /a HTTP/1.1\r\nHost: x\r\n\r\n"
    b"POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 27\r\n\r\n"
    b"GET /body HTTP/1.1\r\nHost: x\r\n"
    b"GET /c?q=1 HTTP/1.1\r\nHost: x\r\nAccept-Encoding: br\r\n\r\n",
    b"GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET /ipso HTTP/1.0\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n",
    b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
    b"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n",
    b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello",
    b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\nbody",
    b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999\r\n\r\n",
    b"GET / HTTP/2.0\r\nHost: x\r\n\r\n",
    b"GET / HTTP/1.1\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n",
    b"CONNECT x:443 HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET / HTTP/1.1\nHost: x\n\n\r\nGET /ipso HTTP/1.1\nHost: x\n\n",
    b"GET / HTTP/1.1\r\nHost: x\r\nX-Folded: a\r\n b\r\n\r\n",
    b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: x\r\n" + b"X-A: b\r\n" * 70 + b"\r\n",
    b"G\x00T / HTTP/1.1\r\nHost: x\r\n\r\n",
]


def write(folder: Path, data: bytes) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def yaml_blocks(text: str):
    """(name, YAML) of the front matter and of every component's YAML props."""
    lines = text.split("\n")
    if lines and lines[0].startswith("---"):
        for end in range(1, len(lines)):
            if lines[end].startswith("---"):
                yield "page", "\n".join(lines[1:end])
                break
    for at, line in enumerate(lines):
        opening = OPENING.match(line)
        if not opening or at + 1 >= len(lines) or lines[at + 1].strip() != "---":
            continue
        for end in range(at + 2, len(lines)):
            if lines[end].strip() == "---":
                indent = len(line) - len(line.lstrip())
                block = [props[indent:] for props in lines[at + 2 : end]]
                yield opening.group(1), "\n".join(block)
                break


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = Path(sys.argv[1])
    pages = sorted((ROOT / "content").rglob("*.md"))
    pages += sorted((ROOT / "tests/conformance/cases").glob("*.md"))
    for page in pages:
        data = page.read_bytes()
        write(out / "mdc_parse", data)
        write(out / "page_compile", data)
        for name, yaml in yaml_blocks(data.decode("utf-8", "replace")):
            write(out / "yaml_props", f"{name}\n{yaml}".encode())
    for yaml in sorted((ROOT / "content").rglob("*.y*ml")):
        write(out / "yaml_props", b"page\n" + yaml.read_bytes())
    for request in REQUESTS:
        write(out / "http_framing", b"\x00" + request)
        write(out / "http_framing", b"\x03\x04\x10\x20" + request)


if __name__ == "__main__":
    main()
