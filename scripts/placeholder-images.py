#!/usr/bin/env python3
"""Make a labelled placeholder for every image the content references that does not exist yet.

Usage: python3 scripts/placeholder-images.py [--content DIR]

Scans the markdown under the content folder (default: the repository's content/) for
site-absolute image paths -- markdown images, <img src>, and the YAML keys urlImage, image,
srcAvatar, imageBackground -- and writes a 1200x800 placeholder (JPEG for .jpg/.jpeg, PNG for
.png) at content/public/<path> for each one missing. Existing files are never overwritten, so a
real image dropped in place replaces its placeholder for good. Needs Pillow (installed on demand).
"""

import argparse
import pathlib
import re
import subprocess
import sys

try:
    from PIL import Image, ImageDraw, ImageFont
except ImportError:
    subprocess.check_call([sys.executable, "-m", "pip", "install", "--quiet", "pillow==13.0.0"])
    from PIL import Image, ImageDraw, ImageFont

IMAGE = r"(/[^\s\"'()<>]+\.(?:jpe?g|png|gif|webp|svg))"
PATTERNS = [
    re.compile(r"!\[[^\]]*\]\(\s*<?" + IMAGE, re.I),
    re.compile(r"<img\b[^>]*\bsrc\s*=\s*[\"']?" + IMAGE, re.I),
    re.compile(r"\b(?:urlImage|image|srcAvatar|imageBackground)\s*[:=]\s*[\"']?" + IMAGE, re.I),
]


def referenced_images(content: pathlib.Path):
    public = content / "public"
    for page in sorted(content.rglob("*.md")):
        if public in page.parents:
            continue
        text = page.read_text(encoding="utf-8", errors="replace")
        for pattern in PATTERNS:
            for match in pattern.finditer(text):
                yield match.group(1)


def placeholder(path: pathlib.Path, route: str):
    image = Image.new("RGB", (1200, 800), (214, 224, 236))
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, 1199, 799], outline=(120, 140, 165), width=6)
    for text, size, y in (("Placeholder", 120, 300), (route, 36, 480)):
        font = ImageFont.load_default(size)
        width = draw.textlength(text, font=font)
        draw.text(((1200 - width) / 2, y), text, fill=(40, 55, 75), font=font)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() == ".png":
        image.quantize(colors=16).save(path, optimize=True)
    else:
        image.save(path, quality=70, optimize=True)


def main():
    root = pathlib.Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=pathlib.Path, default=root / "content")
    args = parser.parse_args()
    for route in sorted(set(referenced_images(args.content))):
        target = args.content / "public" / route.lstrip("/")
        if target.exists():
            continue
        if target.suffix.lower() not in (".jpg", ".jpeg", ".png"):
            print(f"skipped {route}: only JPEG and PNG placeholders are made")
            continue
        placeholder(target, route)
        print(f"created {target.relative_to(args.content.parent)} ({target.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
