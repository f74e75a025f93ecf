#!/usr/bin/env python3
"""Write a synthetic content folder of N pages for benchmarks.

Usage: python3 scripts/gen-corpus.py N OUT_DIR [--plain]

Pages are spread over folders of 50, each with front matter, headings, paragraphs with
emphasis and links to other pages' anchors, a list, a table, and (unless --plain) nested MDC
components (ShTwoColumns > ShSegment, ShAlert, ShMultiColumn > ShColumn > ShMicroCard) and an
image. --plain writes the same text without components, for generators that do not know MDC.
Output is deterministic.
"""

import pathlib
import shutil
import sys

PARAGRAPH = (
    "The **Lightweight M2M** protocol manages devices, service access and software on "
    "connected devices across *Internet of Things* networks. See [section {t}](/{tf}/page-{t}#overview) "
    "and [the previous page](/{pf}/page-{p}#details) for more."
)

COMPONENTS = """
::ShTwoColumns{{size="M"}}
---
ui:
  wrapper: pb-10
---
  :::ShSegment
  ![Working together](/images/bench.png){{ class="mx-auto"}}
  :::

  :::ShSegment
  ### Working group {n}

  {paragraph}
  :::
::

::ShAlert{{typeAlert="info"}}
Page {n} is part of a generated corpus. [Home](/)
::

::ShMultiColumn
---
cols: 3
---
    ::::ShColumn
    ---
    title: Column A
    ---
        :::::ShMicroCard
        ---
        title: Card {n}
        urlWrapper: /{tf}/page-{t}#details
        ---
        :::::
    ::::
::
"""


def page(n: int, total: int, plain: bool) -> str:
    t, p = (n * 7 + 3) % total, (n - 1) % total
    folder = lambda i: f"{i // 50 + 1}.section-{i // 50}"
    strip = lambda f: f.split(".", 1)[1]
    paragraph = PARAGRAPH.format(t=t, tf=strip(folder(t)), p=p, pf=strip(folder(p)))
    parts = [
        "---",
        f"title: Generated page {n}",
        f"description: Page {n} of the benchmark corpus",
        "layout: doc" if n % 2 else "",
        "---",
        "",
        "## Overview",
        "",
        paragraph,
        "",
        "## Details",
        "",
        "- first item with `code`",
        "- second item with ~~old~~ text",
        "- third item",
        "",
        "| Object | ID | Version |",
        "|:--|--:|:-:|",
        f"| Device | {n} | 1.1 |",
        "| Firmware | 5 | 1.0 |",
        "",
    ]
    if not plain:
        parts.append(COMPONENTS.format(n=n, tf=strip(folder(t)), t=t, paragraph=paragraph))
    parts += ["### Summary", "", paragraph, ""]
    return "\n".join(line for line in parts if line is not None)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    total, out = int(sys.argv[1]), pathlib.Path(sys.argv[2])
    plain = "--plain" in sys.argv
    if out.exists():
        shutil.rmtree(out)
    for n in range(total):
        path = out / f"{n // 50 + 1}.section-{n // 50}" / f"page-{n}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page(n, total, plain), encoding="utf-8")
    image = out / "public" / "images" / "bench.png"
    image.parent.mkdir(parents=True, exist_ok=True)
    # The smallest valid PNG: 1x1 transparent pixel.
    image.write_bytes(bytes.fromhex(
        "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
        "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"))
    print(f"wrote {total} pages to {out}")


if __name__ == "__main__":
    main()
