#!/usr/bin/env python3
"""Write a synthetic content folder of N pages for benchmarks.

Usage: python3 scripts/gen-corpus.py N OUT_DIR [--plain | --hugo] [--code | --code-plain]

Pages are spread over folders of 50, each with front matter, headings, paragraphs with
emphasis and links to other pages' anchors, a list, a table, and (unless --plain) nested MDC
components (ShTwoColumns > ShSegment, ShAlert, ShMultiColumn > ShColumn > ShMicroCard) and an
image. --plain writes the same text without components, for generators that do not know MDC.
--code adds three code blocks of 20 lines to each page (TypeScript, YAML and MDC, the
languages of the OMA pages, each naming the page so that no two pages share one), highlighted
at compile time; --code-plain the same blocks without their language, which stay plain text.
--hugo writes those plain pages as a Hugo site (OUT_DIR/content, a minimal layout that puts
the menu of the page's section, a table of contents and previous/next links around each page,
the image under static/), with the folders named as the routes of the MDC corpus so the links
match. Output is deterministic.
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

# Three code blocks of 20 lines: `{lang}` is the fence's language, empty with --code-plain.
CODE = """
### Configuration

```{ts}
import {{ defineNuxtConfig }} from 'nuxt/config'

// Page {n}: the site's configuration.
export default defineNuxtConfig({{
  modules: ['@nuxt/content', '@nuxt/ui'],
  content: {{
    highlight: {{ theme: {{ default: 'github-light', dark: 'github-dark' }} }},
  }},
  colorMode: {{ classSuffix: '' }},
  routeRules: {{ '/old-{n}': {{ redirect: '/{tf}/page-{t}' }} }},
}})

interface Page {{
  title: string
  layout?: 'doc' | 'web'
}}

export function title(page: Page): string {{
  return page.title.length > {n} ? page.title.slice(0, 57) + '...' : page.title
}}
```

```{yaml}
title: Generated page {n}
description: Page {n} of the benchmark corpus
layout: doc
navigation: true
modules:
  - name: RowText
    text: |
      Some text with **bold** and a [link](/{tf}/page-{t}).
    style: second
  - name: RowImage
    image: /images/bench.png # the placeholder
    width: {n}
    caption: "A caption"
authors:
  - Ada
  - Grace
tags: [lwm2m, ipso]
version: 1.{n}
draft: false
updated: 2026-11-30
```

```{mdc}
::ShTwoColumns{{size="M"}}
---
ui:
  wrapper: pb-10
---
  :::ShSegment
  ### Working group {n}

  The **Lightweight M2M** protocol, see [page {t}](/{tf}/page-{t}#overview).
  :::

  :::ShSegment
    ::::ShAlert{{type-alert="info"}}
    Page {n} is part of a generated corpus.
    ::::
  :::
::

A :sh-button{{url-button="/{tf}/page-{t}" label-button="Next"}} inline.
Read *more* of page {n} below.
```
"""


HUGO_CONFIG = """baseURL = "https://example.org/"
title = "Generated corpus"
disableKinds = ["taxonomy", "term", "RSS"]
"""

HUGO_LAYOUTS = {
    "baseof.html": """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{ .Title }} | {{ .Site.Title }}</title>
<meta name="description" content="{{ .Description }}">
</head>
<body>
<nav><ul>
{{ range .CurrentSection.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul></nav>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
""",
    "single.html": """{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
{{ .TableOfContents }}
{{ .Content }}
</article>
<nav>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
{{ end }}
""",
    "list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ end }}
""",
}


def page(n: int, total: int, plain: bool, hugo: bool = False, code: str | None = None) -> str:
    t, p = (n * 7 + 3) % total, (n - 1) % total
    folder = lambda i: f"{i // 50 + 1}.section-{i // 50}"
    strip = lambda f: f.split(".", 1)[1]
    paragraph = PARAGRAPH.format(t=t, tf=strip(folder(t)), p=p, pf=strip(folder(p)))
    parts = [
        "---",
        f"title: Generated page {n}",
        f"description: Page {n} of the benchmark corpus",
        "layout: doc" if n % 2 and not hugo else "",
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
    if code is not None:
        languages = {lang: lang if code == "code" else "" for lang in ("ts", "yaml", "mdc")}
        parts.append(CODE.format(n=n, tf=strip(folder(t)), t=t, **languages))
    parts += ["### Summary", "", paragraph, ""]
    return "\n".join(line for line in parts if line is not None)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    total, out = int(sys.argv[1]), pathlib.Path(sys.argv[2])
    hugo = "--hugo" in sys.argv
    plain = hugo or "--plain" in sys.argv
    code = "code" if "--code" in sys.argv else "plain" if "--code-plain" in sys.argv else None
    if out.exists():
        shutil.rmtree(out)
    pages, public = out, out / "public"
    if hugo:
        pages, public = out / "content", out / "static"
        (out / "config.toml").parent.mkdir(parents=True)
        (out / "config.toml").write_text(HUGO_CONFIG, encoding="utf-8")
        for name, text in HUGO_LAYOUTS.items():
            path = out / "layouts" / "_default" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    for n in range(total):
        # Hugo has no numeric prefixes: its folders are named as the routes.
        folder = f"section-{n // 50}" if hugo else f"{n // 50 + 1}.section-{n // 50}"
        path = pages / folder / f"page-{n}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page(n, total, plain, hugo, code), encoding="utf-8")
    image = public / "images" / "bench.png"
    image.parent.mkdir(parents=True, exist_ok=True)
    # The smallest valid PNG: 1x1 transparent pixel.
    image.write_bytes(bytes.fromhex(
        "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
        "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"))
    print(f"wrote {total} pages to {out}")


if __name__ == "__main__":
    main()
