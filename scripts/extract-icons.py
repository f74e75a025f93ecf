#!/usr/bin/env python3
"""Extract the Iconify icons the site uses into macros/core/icons/icons.json.

The compiler inlines every icon as an <svg> at compile time from that one file, so the
site needs no icon font, no CSS mask and no request to an icon service.

Icons come from four places:
  * SITE_ICONS below: the icons the site's own code uses (mirrored by `SITE_ICONS` in
    macros/core/src/components/icon.rs, and a test keeps the two lists equal);
  * the content: `icon:` / `coverIcon:` props and Iconify names in any form
    (`tabler:network`, `i-devicon-plain:fastapi`, `i-heroicons-information-circle`) in
    content/**/*.md;
  * names given on the command line, which are remembered in macros/core/icons/extra.txt so
    the next run keeps them;
  * that file.

Usage:
    python3 scripts/extract-icons.py [NAME ...]

It installs the needed `@iconify-json/<set>` packages (and `@iconify/collections`, the list
of set names, to split `collection-name` forms) from the npm registry into a temporary
folder, writes only the used icons, sorted, to macros/core/icons/icons.json, and the
sets' licences to macros/core/icons/LICENSES.md. Python 3 standard library and npm only.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

# The icons the site's own code uses (keep in step with `SITE_ICONS` in
# macros/core/src/components/icon.rs).
SITE_ICONS = [
    # ShAlert, one per type
    "heroicons:information-circle",
    "heroicons:check-circle",
    "heroicons:exclamation-circle",
    "heroicons:x-circle",
    # ShMicroCard's copy button
    "line-md:clipboard-arrow",
    # colour-mode toggle: system, light, dark
    "grommet-icons:system",
    "heroicons:sun-20-solid",
    "heroicons:moon-20-solid",
    # footer social links
    "fa6-brands:linkedin",
    "fa6-brands:square-facebook",
    "fa6-brands:square-youtube",
    "fa6-brands:square-x-twitter",
    "fa6-brands:square-github",
    "heroicons-solid:rss",
    # header menu
    "heroicons:chevron-down-20-solid",
    # ShAvatar's social links
    "mdi:twitter",
    "mdi:linkedin",
    "mdi:facebook",
    "mdi:instagram",
    # ShActionCard's e-mail field
    "heroicons:envelope",
    # ShFaq's chevron
    "heroicons:chevron-right-20-solid",
    # ShAnnouncement's close button
    "line-md:close-small",
    # ShDynamicTable's CSV button and quick filters
    "carbon:download",
    "heroicons:eye-dropper",
    # ShCarousel's arrows
    "mdi:chevron-left-circle",
    "mdi:chevron-right-circle",
    # ShListCards' clear button
    "line-md:close-circle",
]

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
OUT = ROOT / "macros" / "core" / "icons"
EXTRA = OUT / "extra.txt"

PART = r"[a-z0-9]+(?:-[a-z0-9]+)*"
NAME_RE = re.compile(rf"^(?:i-)?(?:{PART}:{PART}|{PART})$")
# `icon: x` / `coverIcon: x` in YAML, `icon="x"` / `:cover-icon='x'` in MDC attributes.
PROP_RE = re.compile(
    r"""(?:^|[\s{,])(?::?(?:icon|coverIcon|cover-icon))\s*[:=]\s*["']?([^\s"'}]+)""",
    re.MULTILINE,
)
# Names anywhere in the text: `i-...` class forms, and `set:name` (kept only for known sets).
I_RE = re.compile(rf"(?<![\w:/.-])(i-{PART}(?::{PART})?)(?![\w:/-])")
COLON_RE = re.compile(rf"(?<![\w:/.-])({PART}:{PART})(?![\w:/-])")


def fail(message: str) -> None:
    print(f"extract-icons: {message}", file=sys.stderr)
    sys.exit(1)


def npm_install(folder: Path, packages: list[str]) -> None:
    command = ["npm", "install", "--no-save", "--no-audit", "--no-fund", "--silent",
               "--prefix", str(folder), *packages]
    print("extract-icons: npm install " + " ".join(packages), file=sys.stderr)
    try:
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    except (OSError, subprocess.CalledProcessError) as error:
        fail(f"`npm install` failed: {error}")


def split_name(name: str, collections: set[str]) -> tuple[str, str] | None:
    """`i-heroicons-solid-rss` -> ("heroicons-solid", "rss"); None if no known set matches."""
    name = name.removeprefix("i-")
    if ":" in name:
        collection, _, icon = name.partition(":")
        return (collection, icon) if collection and icon else None
    best = None
    for i, ch in enumerate(name):
        if ch == "-" and name[:i] in collections:
            best = (name[:i], name[i + 1:])
    return best if best and best[1] else None


def scan_content() -> tuple[set[str], set[str]]:
    """(names written as icon props, other Iconify-looking names) in content/**/*.md."""
    props: set[str] = set()
    loose: set[str] = set()
    for path in sorted(CONTENT.rglob("*.md")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for match in PROP_RE.finditer(text):
            value = match.group(1)
            # `ui: { icon: w-1/2 }` is a class list, not an icon.
            if NAME_RE.match(value) and (":" in value or value.startswith("i-")):
                props.add(value)
        loose.update(m.group(1) for m in I_RE.finditer(text))
        loose.update(m.group(1) for m in COLON_RE.finditer(text))
    return props, loose


def number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def resolve(data: dict, name: str) -> dict | None:
    """The icon `name` of one set's icons.json as {body, width, height[, left, top]}."""
    icons, aliases = data.get("icons", {}), data.get("aliases", {})
    chain = []
    seen = set()
    while name not in icons:
        alias = aliases.get(name)
        if alias is None or name in seen:
            return None
        seen.add(name)
        chain.append(alias)
        name = alias.get("parent", "")
    base = icons[name]
    # The nearest definition of a dimension wins; rotations add up; flips cancel in pairs.
    props = {"left": 0, "top": 0, "width": data.get("width", 16), "height": data.get("height", 16)}
    rotate, hflip, vflip = 0, False, False
    for layer in [base, *reversed(chain)]:
        for key in ("left", "top", "width", "height"):
            if key in layer:
                props[key] = layer[key]
        rotate += layer.get("rotate", 0)
        hflip ^= bool(layer.get("hFlip", False))
        vflip ^= bool(layer.get("vFlip", False))
    body = base["body"]
    # As Iconify's iconToSVG does.
    left, top, width, height = props["left"], props["top"], props["width"], props["height"]
    transforms = []
    if hflip:
        if vflip:
            rotate += 2
        else:
            transforms.append(f"translate({number(width + left)} {number(-top)})")
            transforms.append("scale(-1 1)")
            left = top = 0
    elif vflip:
        transforms.append(f"translate({number(-left)} {number(height + top)})")
        transforms.append("scale(1 -1)")
        left = top = 0
    rotate %= 4
    if rotate == 1:
        centre = number(height / 2 + top)
        transforms.insert(0, f"rotate(90 {centre} {centre})")
    elif rotate == 2:
        transforms.insert(0, f"rotate(180 {number(width / 2 + left)} {number(height / 2 + top)})")
    elif rotate == 3:
        centre = number(width / 2 + left)
        transforms.insert(0, f"rotate(-90 {centre} {centre})")
    if rotate % 2 == 1:
        left, top, width, height = top, left, height, width
    if transforms:
        body = f'<g transform="{" ".join(transforms)}">{body}</g>'
    icon = {"body": body, "width": number(width), "height": number(height)}
    if left:
        icon["left"] = number(left)
    if top:
        icon["top"] = number(top)
    return icon


def main(arguments: list[str]) -> None:
    if any(a in ("-h", "--help") for a in arguments):
        print(__doc__)
        return
    for name in arguments:
        if not NAME_RE.match(name):
            fail(f"`{name}` is not an Iconify name (`collection:name` or `i-collection-name`)")
    extra = set(arguments)
    if EXTRA.exists():
        extra.update(line.strip() for line in EXTRA.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))
    props, loose = scan_content()
    required = set(SITE_ICONS) | extra | props

    with tempfile.TemporaryDirectory(prefix="extract-icons-") as tmp:
        folder = Path(tmp)
        npm_install(folder, ["@iconify/collections"])
        collections_file = folder / "node_modules" / "@iconify" / "collections" / "collections.json"
        collections = set(json.loads(collections_file.read_text(encoding="utf-8")))

        wanted: dict[str, tuple[str, str]] = {}
        problems = []
        for name in sorted(required):
            split = split_name(name, collections)
            if split is None or split[0] not in collections:
                problems.append(f"`{name}`: no Iconify icon set by that name")
            else:
                wanted[name] = split
        for name in sorted(loose - required):
            split = split_name(name, collections)
            if split is not None and split[0] in collections:
                wanted[name] = split

        sets = sorted({collection for collection, _ in wanted.values()})
        if sets:
            npm_install(folder, [f"@iconify-json/{s}" for s in sets])
        data, info, versions = {}, {}, {}
        for s in sets:
            package = folder / "node_modules" / "@iconify-json" / s
            try:
                data[s] = json.loads((package / "icons.json").read_text(encoding="utf-8"))
                info[s] = json.loads((package / "info.json").read_text(encoding="utf-8"))
                versions[s] = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
            except (OSError, ValueError, KeyError) as error:
                fail(f"cannot read the `@iconify-json/{s}` package: {error}")

    icons: dict[str, dict] = {}
    for name, (collection, icon_name) in sorted(wanted.items()):
        icon = resolve(data[collection], icon_name)
        if icon is None:
            if name in required:
                problems.append(f"`{name}`: the `{collection}` set has no icon `{icon_name}`")
            continue
        icons[f"{collection}:{icon_name}"] = icon
    if problems:
        fail("cannot resolve every icon:\n  " + "\n  ".join(problems))

    OUT.mkdir(parents=True, exist_ok=True)
    lines = [f"{json.dumps(key)}: {json.dumps(icons[key], sort_keys=True, ensure_ascii=False)}"
             for key in sorted(icons)]
    (OUT / "icons.json").write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")

    used = sorted({key.split(":", 1)[0] for key in icons})
    licences = [
        "# Icon licences",
        "",
        "`icons.json` holds icons from these [Iconify](https://iconify.design) sets, extracted by",
        "`scripts/extract-icons.py` from the `@iconify-json/<set>` npm packages named.",
        "",
        "| set | package | licence | author | icons |",
        "| --- | --- | --- | --- | --- |",
    ]
    for s in used:
        meta = info[s]
        licence = meta.get("license", {})
        author = meta.get("author", {})
        licence_text = licence.get("title", "unknown")
        if licence.get("spdx") and licence.get("spdx") != licence_text:
            licence_text += f" ({licence['spdx']})"
        if licence.get("url"):
            licence_text = f"[{licence_text}]({licence['url']})"
        author_text = author.get("name", "unknown")
        if author.get("url"):
            author_text = f"[{author_text}]({author['url']})"
        count = sum(1 for key in icons if key.split(":", 1)[0] == s)
        licences.append(f"| {meta.get('name', s)} (`{s}`) | `@iconify-json/{s}@{versions[s]}` "
                        f"| {licence_text} | {author_text} | {count} |")
    (OUT / "LICENSES.md").write_text("\n".join(licences) + "\n", encoding="utf-8")

    kept = sorted(extra)
    if kept or EXTRA.exists():
        EXTRA.write_text(
            "# Icons added with `python3 scripts/extract-icons.py NAME`, kept for the next run.\n"
            + "".join(f"{name}\n" for name in kept),
            encoding="utf-8",
        )
    print(f"extract-icons: wrote {len(icons)} icons from {len(used)} sets to "
          f"{(OUT / 'icons.json').relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
