#!/usr/bin/env python3
"""Create labelled placeholder images for every image the content references.

Usage:
    python3 scripts/placeholder-images.py [--content DIR] [--force] [--dry-run]

Scans every ``*.md`` file under the content folder (default: ``content/`` in
the repository root, i.e. the parent of this script's folder; ``content/public/``
itself is skipped) for site-absolute image references:

* markdown images ``![alt](/path.png)`` (optionally followed by ``{...}``),
* raw HTML ``<img src="/path.png">``,
* the YAML keys ``urlImage``, ``image``, ``srcAvatar`` and ``imageBackground``
  (also written as inline component attributes ``image="/path.png"``).

For every referenced path missing under ``<content>/public/`` it writes a
1200x800 placeholder: a baseline JPEG for ``.jpg``/``.jpeg``, a palette PNG for
``.png``; other extensions (``.gif``, ``.webp``, ``.svg``) are reported and
skipped. Existing files are never touched, so a real image simply replaces
its placeholder. ``--force`` rewrites only files this script made itself
(recognised by the marker it embeds: a PNG tEXt chunk or a JPEG COM segment).

Only the standard library is used, and the encoders (including the deflate
stream) are written out here, so the output is byte-for-byte the same on
every run and every machine.
"""

import argparse
import math
import os
import re
import struct
import sys
import zlib  # only crc32 / adler32, which are fixed checksums
from pathlib import Path
from urllib.parse import unquote

WIDTH, HEIGHT = 1200, 800
MARKER = b"OMA SpecWorks site placeholder image (scripts/placeholder-images.py)"

# Palette: background, border, main text, secondary text. Defined in YCbCr
# with one shared chroma (a calm grey-blue tint) so that the JPEG colour
# channels stay flat and cost next to nothing; only brightness differs.
PALETTE_YCC = [
    (232, 134, 124),  # light grey-blue background
    (160, 134, 124),  # border
    (64, 134, 124),  # "Placeholder"
    (86, 134, 124),  # file name and path
]
PALETTE = [  # the same colours in RGB (JFIF conversion), for the PNG
    tuple(
        min(255, max(0, int(v + 0.5)))
        for v in (y + 1.402 * (cr - 128),
                  y - 0.344136 * (cb - 128) - 0.714136 * (cr - 128),
                  y + 1.772 * (cb - 128))
    )
    for y, cb, cr in PALETTE_YCC
]
BG, BORDER, INK, INK2 = range(4)
BORDER_WIDTH = 4
TEXT_MARGIN = 80

IMAGE_EXTS = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg")
YAML_KEYS = ("urlImage", "image", "srcAvatar", "imageBackground")

# --------------------------------------------------------------------------
# Finding references
# --------------------------------------------------------------------------

MD_IMAGE = re.compile(r"!\[(?:[^\[\]\\\n]|\\.|\[[^\[\]\n]*\])*\]\(\s*<?([^)\s>]+)")
HTML_IMG = re.compile(r"<img\b[^>]*?\bsrc\s*=\s*(?:\"([^\"]*)\"|'([^']*)')", re.I)
_KEYS = "|".join(YAML_KEYS)
YAML_VALUE = re.compile(
    r"^[ \t]*(?:-[ \t]+)?(?:%s)[ \t]*:[ \t]*(?:\"([^\"\n]*)\"|'([^'\n]*)'|([^\s#][^\s]*))"
    % _KEYS,
    re.M,
)
INLINE_ATTR = re.compile(r"(?<![\w-])(?:%s)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')" % _KEYS)


def site_path(raw):
    """Return the normalised site-absolute path of an image reference, or None."""
    value = raw.strip()
    if not value.startswith("/") or value.startswith("//"):
        return None  # relative, protocol-relative, http(s), data: ... -> ignore
    value = unquote(value.split("#", 1)[0].split("?", 1)[0])
    if not value.lower().endswith(IMAGE_EXTS):
        return None
    parts = value.split("/")[1:]
    if any(p in ("", ".", "..") for p in parts) or "\\" in value or "\0" in value:
        return None  # never write outside public/
    return value


def find_references(content_dir):
    """Map each referenced site path to the sorted list of files mentioning it."""
    public = content_dir / "public"
    refs = {}
    for md in sorted(content_dir.rglob("*.md")):
        if public in md.parents or not md.is_file():
            continue
        text = md.read_text(encoding="utf-8", errors="replace")
        found = [m.group(1) for m in MD_IMAGE.finditer(text)]
        for rx in (HTML_IMG, YAML_VALUE, INLINE_ATTR):
            found += [next(g for g in m.groups() if g is not None) for m in rx.finditer(text)]
        for raw in found:
            path = site_path(raw)
            if path:
                refs.setdefault(path, set()).add(md.relative_to(content_dir).as_posix())
    return {p: sorted(f) for p, f in sorted(refs.items())}


# --------------------------------------------------------------------------
# A small 5x7 pixel font (own design; descenders use two extra rows)
# --------------------------------------------------------------------------

_FONT_SRC = """
A .###. #...# #...# ##### #...# #...# #...#
B ####. #...# #...# ####. #...# #...# ####.
C .###. #...# #.... #.... #.... #...# .###.
D ####. #...# #...# #...# #...# #...# ####.
E ##### #.... #.... ####. #.... #.... #####
F ##### #.... #.... ####. #.... #.... #....
G .###. #...# #.... #.### #...# #...# .####
H #...# #...# #...# ##### #...# #...# #...#
I .###. ..#.. ..#.. ..#.. ..#.. ..#.. .###.
J ..### ...#. ...#. ...#. ...#. #..#. .##..
K #...# #..#. #.#.. ##... #.#.. #..#. #...#
L #.... #.... #.... #.... #.... #.... #####
M #...# ##.## #.#.# #.#.# #...# #...# #...#
N #...# #...# ##..# #.#.# #..## #...# #...#
O .###. #...# #...# #...# #...# #...# .###.
P ####. #...# #...# ####. #.... #.... #....
Q .###. #...# #...# #...# #.#.# #..#. .##.#
R ####. #...# #...# ####. #.#.. #..#. #...#
S .#### #.... #.... .###. ....# ....# ####.
T ##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..
U #...# #...# #...# #...# #...# #...# .###.
V #...# #...# #...# #...# #...# .#.#. ..#..
W #...# #...# #...# #.#.# #.#.# #.#.# .#.#.
X #...# #...# .#.#. ..#.. .#.#. #...# #...#
Y #...# #...# .#.#. ..#.. ..#.. ..#.. ..#..
Z ##### ....# ...#. ..#.. .#... #.... #####
a ..... ..... .###. ....# .#### #...# .####
b #.... #.... #.##. ##..# #...# #...# ####.
c ..... ..... .###. #.... #.... #...# .###.
d ....# ....# .##.# #..## #...# #...# .####
e ..... ..... .###. #...# ##### #.... .###.
f ..##. .#..# .#... ###.. .#... .#... .#...
g ..... ..... .#### #...# #...# #...# .#### ....# .###.
h #.... #.... #.##. ##..# #...# #...# #...#
i ..#.. ..... .##.. ..#.. ..#.. ..#.. .###.
j ...#. ..... ..##. ...#. ...#. ...#. ...#. #..#. .##..
k #.... #.... #..#. #.#.. ##... #.#.. #..#.
l .##.. ..#.. ..#.. ..#.. ..#.. ..#.. .###.
m ..... ..... ##.#. #.#.# #.#.# #...# #...#
n ..... ..... #.##. ##..# #...# #...# #...#
o ..... ..... .###. #...# #...# #...# .###.
p ..... ..... ####. #...# #...# #...# ####. #.... #....
q ..... ..... .#### #...# #...# #...# .#### ....# ....#
r ..... ..... #.##. ##..# #.... #.... #....
s ..... ..... .#### #.... .###. ....# ####.
t .#... .#... ###.. .#... .#... .#..# ..##.
u ..... ..... #...# #...# #...# #..## .##.#
v ..... ..... #...# #...# #...# .#.#. ..#..
w ..... ..... #...# #...# #.#.# #.#.# .#.#.
x ..... ..... #...# .#.#. ..#.. .#.#. #...#
y ..... ..... #...# #...# #...# #...# .#### ....# .###.
z ..... ..... ##### ...#. ..#.. .#... #####
0 .###. #...# #..## #.#.# ##..# #...# .###.
1 ..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.
2 .###. #...# ....# ...#. ..#.. .#... #####
3 ##### ...#. ..#.. ...#. ....# #...# .###.
4 ...#. ..##. .#.#. #..#. ##### ...#. ...#.
5 ##### #.... ####. ....# ....# #...# .###.
6 ..##. .#... #.... ####. #...# #...# .###.
7 ##### ....# ...#. ..#.. .#... .#... .#...
8 .###. #...# #...# .###. #...# #...# .###.
9 .###. #...# #...# .#### ....# ...#. .##..
_ ..... ..... ..... ..... ..... ..... ..... #####
- ..... ..... ..... .###. ..... ..... .....
. ..... ..... ..... ..... ..... .##.. .##..
, ..... ..... ..... ..... ..... .##.. ..#.. .#...
: ..... .##.. .##.. ..... .##.. .##.. .....
/ ....# ....# ...#. ..#.. .#... #.... #....
( ...#. ..#.. .#... .#... .#... ..#.. ...#.
) .#... ..#.. ...#. ...#. ...#. ..#.. .#...
+ ..... ..#.. ..#.. ##### ..#.. ..#.. .....
? .###. #...# ....# ...#. ..#.. ..... ..#..
"""

GLYPH_W, GLYPH_H = 5, 9  # cell: 7 rows above the baseline, 2 below


def _load_font():
    font = {" ": []}
    for line in _FONT_SRC.strip().splitlines():
        ch, *rows = line.split()
        assert all(len(r) == GLYPH_W for r in rows) and len(rows) <= GLYPH_H, ch
        font[ch] = [(x, y) for y, r in enumerate(rows) for x, c in enumerate(r) if c == "#"]
    return font


FONT = _load_font()


# --------------------------------------------------------------------------
# Drawing on a palette-indexed canvas
# --------------------------------------------------------------------------


class Canvas:
    def __init__(self, width, height, colour):
        self.w, self.h = width, height
        self.px = bytearray([colour]) * (width * height)

    def rect(self, x0, y0, x1, y1, colour):
        x0, x1 = max(0, x0), min(self.w, x1)
        row = bytes([colour]) * max(0, x1 - x0)
        for y in range(max(0, y0), min(self.h, y1)):
            self.px[y * self.w + x0 : y * self.w + x1] = row

    def glyph(self, ch, x, y, s, colour):
        """Draw one glyph at scale s, bridging lone diagonal steps so that
        slanted strokes come out as straight edges instead of staircases."""
        on = set(FONT.get(ch, FONT["?"]))
        for gx, gy in on:
            self.rect(x + gx * s, y + gy * s, x + gx * s + s, y + gy * s + s, colour)
        for gx in range(-1, GLYPH_W):
            for gy in range(-1, GLYPH_H):
                a, b = (gx, gy) in on, (gx + 1, gy) in on
                c, d = (gx, gy + 1) in on, (gx + 1, gy + 1) in on
                if a and d and not b and not c:
                    inside = lambda u, v: abs(u - v) < s
                elif b and c and not a and not d:
                    inside = lambda u, v: abs(u + v + 1 - 2 * s) < s
                else:
                    continue
                for v in range(2 * s):
                    py = y + gy * s + v
                    if 0 <= py < self.h:
                        for u in range(2 * s):
                            pxx = x + gx * s + u
                            if inside(u, v) and 0 <= pxx < self.w:
                                self.px[py * self.w + pxx] = colour

    def text(self, s_text, cx, y, s, colour):
        """Draw a line of text horizontally centred on cx, top at y."""
        width = text_width(s_text, s)
        x = cx - width // 2
        for ch in s_text:
            self.glyph(ch, x, y, s, colour)
            x += (GLYPH_W + 1) * s


def text_width(text, s):
    return ((GLYPH_W + 1) * len(text) - 1) * s if text else 0


def fit_lines(text, want, least, max_w):
    """Pick the largest scale <= want that fits; below `least`, wrap the text."""
    ascii_text = "".join(c if c in FONT else "?" for c in text)
    for s in range(want, least - 1, -1):
        if text_width(ascii_text, s) <= max_w:
            return s, [ascii_text]
    per_line = (max_w // least + 1) // (GLYPH_W + 1)
    lines, rest = [], ascii_text
    while len(rest) > per_line:
        cut = max(rest.rfind(sep, 0, per_line) for sep in "/_-. ")
        cut = cut + 1 if cut > per_line // 2 else per_line
        lines.append(rest[:cut])
        rest = rest[cut:]
    return least, lines + [rest]


def render(site_path_text):
    """Return the canvas of the placeholder for the given site path."""
    cv = Canvas(WIDTH, HEIGHT, BG)
    b = BORDER_WIDTH
    cv.rect(0, 0, WIDTH, b, BORDER)
    cv.rect(0, HEIGHT - b, WIDTH, HEIGHT, BORDER)
    cv.rect(0, 0, b, HEIGHT, BORDER)
    cv.rect(WIDTH - b, 0, WIDTH, HEIGHT, BORDER)

    max_w = WIDTH - 2 * TEXT_MARGIN
    name = site_path_text.rsplit("/", 1)[-1]
    blocks = [  # (text, wanted scale, smallest scale, colour, gap after)
        ("Placeholder", 12, 6, INK, 56),
        (name, 6, 3, INK2, 36),
        (site_path_text, 3, 2, INK2, 0),
    ]
    laid = []
    total = 0
    for text, want, least, colour, gap in blocks:
        s, lines = fit_lines(text, want, least, max_w)
        line_h = GLYPH_H * s
        laid.append((s, lines, colour, line_h))
        total += len(lines) * line_h + (len(lines) - 1) * s * 2 + gap
    y = (HEIGHT - total) // 2
    for (s, lines, colour, line_h), block in zip(laid, blocks):
        for line in lines:
            cv.text(line, WIDTH // 2, y, s, colour)
            y += line_h + s * 2
        y += block[4] - s * 2
    return cv


# --------------------------------------------------------------------------
# PNG (2-bit palette, deflate with fixed Huffman codes written out here)
# --------------------------------------------------------------------------

_LEN_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
             35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
_LEN_EXTRA = [0] * 8 + [1] * 4 + [2] * 4 + [3] * 4 + [4] * 4 + [5] * 4 + [0]
_DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385,
              513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
_DIST_EXTRA = [0, 0, 0, 0] + [i // 2 for i in range(2, 28)]


class _LsbBits:
    def __init__(self):
        self.out, self.acc, self.n = bytearray(), 0, 0

    def put(self, value, nbits):
        self.acc |= value << self.n
        self.n += nbits
        while self.n >= 8:
            self.out.append(self.acc & 0xFF)
            self.acc >>= 8
            self.n -= 8

    def huff(self, code, nbits):  # Huffman codes go most significant bit first
        self.put(int(format(code, "0%db" % nbits)[::-1], 2), nbits)

    def finish(self):
        if self.n:
            self.out.append(self.acc & 0xFF)
        return bytes(self.out)


def _fixed_litlen(bits, sym):
    if sym < 144:
        bits.huff(0x30 + sym, 8)
    elif sym < 256:
        bits.huff(0x190 + sym - 144, 9)
    elif sym < 280:
        bits.huff(sym - 256, 7)
    else:
        bits.huff(0xC0 + sym - 280, 8)


def _bucket(value, bases):
    i = len(bases) - 1
    while bases[i] > value:
        i -= 1
    return i


def deflate(data, stride):
    """zlib stream of `data`, matching only runs (distance 1) and the row
    above (distance `stride`): plenty for flat images, and deterministic."""
    bits = _LsbBits()
    bits.put(1, 1)  # BFINAL
    bits.put(1, 2)  # BTYPE = fixed Huffman
    pos, n = 0, len(data)
    while pos < n:
        best_len, best_dist = 0, 0
        for dist in (1, stride):
            if pos < dist:
                continue
            limit = min(258, n - pos)
            if dist == 1:
                chunk = data[pos : pos + limit]
                length = limit - len(chunk.lstrip(data[pos - 1 : pos]))
            else:
                a, b = data[pos : pos + limit], data[pos - dist : pos - dist + limit]
                length = limit if a == b else len(os.path.commonprefix([a, b]))
            if length > best_len:
                best_len, best_dist = length, dist
        if best_len >= 3:
            i = _bucket(best_len, _LEN_BASE)
            _fixed_litlen(bits, 257 + i)
            bits.put(best_len - _LEN_BASE[i], _LEN_EXTRA[i])
            j = _bucket(best_dist, _DIST_BASE)
            bits.huff(j, 5)
            bits.put(best_dist - _DIST_BASE[j], _DIST_EXTRA[j])
            pos += best_len
        else:
            _fixed_litlen(bits, data[pos])
            pos += 1
    _fixed_litlen(bits, 256)
    return b"\x78\xda" + bits.finish() + struct.pack(">I", zlib.adler32(data))


def _chunk(kind, payload):
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(
        ">I", zlib.crc32(kind + payload)
    )


def encode_png(cv):
    stride = 1 + (cv.w * 2 + 7) // 8
    raw = bytearray()
    for y in range(cv.h):
        row = cv.px[y * cv.w : (y + 1) * cv.w]
        raw.append(0)  # filter: none
        packed = bytearray((cv.w * 2 + 7) // 8)
        for x, v in enumerate(row):
            if v:
                packed[x >> 2] |= v << (6 - 2 * (x & 3))
        raw += packed
    return b"".join([
        b"\x89PNG\r\n\x1a\n",
        _chunk(b"IHDR", struct.pack(">IIBBBBB", cv.w, cv.h, 2, 3, 0, 0, 0)),
        _chunk(b"PLTE", bytes(c for rgb in PALETTE for c in rgb)),
        _chunk(b"tEXt", b"Comment\0" + MARKER),
        _chunk(b"IDAT", deflate(bytes(raw), stride)),
        _chunk(b"IEND", b""),
    ])


# --------------------------------------------------------------------------
# Baseline JPEG (YCbCr 4:4:4, integer DCT, optimised Huffman tables)
# --------------------------------------------------------------------------

JPEG_QUALITY = 70
_ZIGZAG = [
    r * 8 + (s - r)
    for s in range(15)
    for r in (range(min(s, 7), max(0, s - 7) - 1, -1) if s % 2 == 0
              else range(max(0, s - 7), min(s, 7) + 1))
]
_Q_LUMA = [
    16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
    14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
    18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
    49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
]
_Q_CHROMA = [99] * 64
for _i, _v in enumerate([17, 18, 24, 47, 18, 21, 26, 66, 24, 26, 56, 99, 47, 66, 99, 99]):
    _Q_CHROMA[(_i // 4) * 8 + _i % 4] = _v


def _scaled_quant(table, quality):
    scale = 5000 // quality if quality < 50 else 200 - 2 * quality
    return [min(255, max(1, (q * scale + 50) // 100)) for q in table]


# 1-D DCT basis, scaled by 2**12; the values are rounded integers, so all the
# arithmetic below is exact and platform independent.
_DCT_SHIFT = 12
_DCT = [
    [
        round((0.5 ** 0.5 if u == 0 else 1.0) * 0.5
              * math.cos((2 * x + 1) * u * math.pi / 16) * (1 << _DCT_SHIFT))
        for x in range(8)
    ]
    for u in range(8)
]


def _fdct_quant(block, quant):
    """8x8 level-shifted samples (row-major) -> quantised coefficients, zigzag."""
    if min(block) == max(block):  # flat block: DC only
        coeffs = [64 * _DCT[0][0] ** 2 * block[0]] + [0] * 63
    else:
        tmp = [0] * 64
        for y in range(8):
            row = block[y * 8 : y * 8 + 8]
            for u in range(8):
                t = _DCT[u]
                tmp[y * 8 + u] = sum(t[x] * row[x] for x in range(8))
        coeffs = [0] * 64
        for v in range(8):
            t = _DCT[v]
            for u in range(8):
                coeffs[v * 8 + u] = sum(t[y] * tmp[y * 8 + u] for y in range(8))
    out = []
    for k in _ZIGZAG:
        den = quant[k] << (2 * _DCT_SHIFT)
        c = coeffs[k]
        q = (abs(c) * 2 + den) // (2 * den)  # round half away from zero
        out.append(q if c >= 0 else -q)
    return out


def _magnitude(v):
    size = abs(v).bit_length()
    return size, (v if v >= 0 else v + (1 << size) - 1)


def _optimal_huffman(freq):
    """JPEG Annex K.2: code lengths (max 16) for the symbols in `freq`."""
    f = [0] * 257
    for sym, count in freq.items():
        f[sym] = count
    f[256] = 1  # reserved so that no code is all ones
    codesize, others = [0] * 257, [-1] * 257
    while True:
        c1 = c2 = -1
        for i in range(257):
            if f[i] and (c1 < 0 or f[i] <= f[c1]):
                c1 = i
        for i in range(257):
            if f[i] and i != c1 and (c2 < 0 or f[i] <= f[c2]):
                c2 = i
        if c2 < 0:
            break
        f[c1] += f[c2]
        f[c2] = 0
        codesize[c1] += 1
        while others[c1] >= 0:
            c1 = others[c1]
            codesize[c1] += 1
        others[c1] = c2
        codesize[c2] += 1
        while others[c2] >= 0:
            c2 = others[c2]
            codesize[c2] += 1
    bits = [0] * 33
    for i in range(257):
        if codesize[i]:
            bits[codesize[i]] += 1
    for i in range(32, 16, -1):
        while bits[i] > 0:
            j = i - 2
            while bits[j] == 0:
                j -= 1
            bits[i] -= 2
            bits[i - 1] += 1
            bits[j + 1] += 2
            bits[j] -= 1
    i = 16
    while bits[i] == 0:
        i -= 1
    bits[i] -= 1  # drop the reserved symbol
    values = [s for size in range(1, 33) for s in range(256) if codesize[s] == size]
    counts = bits[1:17]
    codes, code, k = {}, 0, 0
    for length in range(1, 17):
        for _ in range(counts[length - 1]):
            codes[values[k]] = (code, length)
            code += 1
            k += 1
        code <<= 1
    return counts, values, codes


class _MsbBits:
    def __init__(self):
        self.out, self.acc, self.n = bytearray(), 0, 0

    def put(self, value, nbits):
        self.acc = (self.acc << nbits) | (value & ((1 << nbits) - 1))
        self.n += nbits
        while self.n >= 8:
            self.n -= 8
            byte = (self.acc >> self.n) & 0xFF
            self.out.append(byte)
            if byte == 0xFF:
                self.out.append(0)  # byte stuffing
        self.acc &= (1 << self.n) - 1

    def finish(self):
        if self.n:
            self.put((1 << (8 - self.n)) - 1, 8 - self.n)  # pad with ones
        return bytes(self.out)


def _segment(marker, payload):
    return struct.pack(">BBH", 0xFF, marker, len(payload) + 2) + payload


def _row16(cv, row_start, x):
    """16 palette indices of one row from column x, repeating the last pixel."""
    row = bytes(cv.px[row_start + x : row_start + min(x + 16, cv.w)])
    return row + row[-1:] * (16 - len(row))


def _block_symbols(samples, quant):
    """DC value and AC (symbol, extra bits, bit count) list of one block."""
    zz = _fdct_quant(samples, quant)
    ac, run = [], 0
    for v in zz[1:]:
        if v == 0:
            run += 1
            continue
        while run > 15:
            ac.append((0xF0, 0, 0))  # ZRL: sixteen zeros
            run -= 16
        size, extra = _magnitude(v)
        ac.append(((run << 4) | size, extra, size))
        run = 0
    if run:
        ac.append((0x00, 0, 0))  # EOB
    return zz[0], ac


def encode_jpeg(cv, quality=JPEG_QUALITY):
    quants = [_scaled_quant(_Q_LUMA, quality), _scaled_quant(_Q_CHROMA, quality)]
    # Pass 1: the symbols of every 16x16 MCU (4:2:0): four luma blocks, then
    # one 2x2-averaged block each for Cb and Cr. Identical MCUs are done once.
    cache, mcus = {}, []
    for my in range(0, cv.h, 16):
        rows = [min(y, cv.h - 1) * cv.w for y in range(my, my + 16)]
        for mx in range(0, cv.w, 16):
            key = b"".join(_row16(cv, r, mx) for r in rows)
            if key not in cache:
                units = []
                for oy, ox in ((0, 0), (0, 8), (8, 0), (8, 8)):
                    samples = [PALETTE_YCC[key[(oy + j) * 16 + ox + i]][0] - 128
                               for j in range(8) for i in range(8)]
                    units.append(_block_symbols(samples, quants[0]))
                for c in (1, 2):
                    samples = [
                        (sum(PALETTE_YCC[key[(2 * j + dy) * 16 + 2 * i + dx]][c]
                             for dy in (0, 1) for dx in (0, 1)) + 2) // 4 - 128
                        for j in range(8) for i in range(8)
                    ]
                    units.append(_block_symbols(samples, quants[1]))
                cache[key] = units
            mcus.append(cache[key])

    freqs = [[{}, {}], [{}, {}]]  # [dc, ac][table]
    stream = []
    prev = [0, 0, 0]
    for units in mcus:
        for n, (dc, ac) in enumerate(units):
            c = max(0, n - 3)  # component: 0 (Y) for the first four units
            t = min(c, 1)
            size, extra = _magnitude(dc - prev[c])
            prev[c] = dc
            freqs[0][t][size] = freqs[0][t].get(size, 0) + 1
            stream.append((0, t, size, extra, size))
            for sym, ex, nbits in ac:
                freqs[1][t][sym] = freqs[1][t].get(sym, 0) + 1
                stream.append((1, t, sym, ex, nbits))

    tables = [[_optimal_huffman(freqs[k][t]) for t in range(2)] for k in range(2)]
    bits = _MsbBits()
    for k, t, sym, extra, nbits in stream:
        code, length = tables[k][t][2][sym]
        bits.put(code, length)
        if nbits:
            bits.put(extra, nbits)
    scan = bits.finish()

    dht = b""
    for t in range(2):
        for k in range(2):
            counts, values, _ = tables[k][t]
            dht += bytes([(k << 4) | t]) + bytes(counts) + bytes(values)
    comps = b"".join(bytes([c + 1, 0x22 if c == 0 else 0x11, min(c, 1)]) for c in range(3))
    return b"".join([
        b"\xff\xd8",
        _segment(0xE0, b"JFIF\0\x01\x01\x00\x00\x01\x00\x01\x00\x00"),
        _segment(0xFE, MARKER),
        _segment(0xDB, b"".join(bytes([t]) + bytes(quants[t][k] for k in _ZIGZAG) for t in range(2))),
        _segment(0xC0, struct.pack(">BHHB", 8, cv.h, cv.w, 3) + comps),
        _segment(0xC4, dht),
        _segment(0xDA, b"\x03" + b"".join(bytes([c + 1, (min(c, 1) << 4) | min(c, 1)]) for c in range(3)) + b"\x00\x3f\x00"),
        scan,
        b"\xff\xd9",
    ])


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------


def is_placeholder(path):
    try:
        with open(path, "rb") as fh:
            return MARKER in fh.read(4096)
    except OSError:
        return False


def main(argv=None):
    repo_root = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--content", type=Path, default=repo_root / "content",
                    help="content folder to scan (default: %(default)s)")
    ap.add_argument("--force", action="store_true",
                    help="also rewrite placeholders made earlier by this script "
                         "(files without its marker are never touched)")
    ap.add_argument("--dry-run", action="store_true",
                    help="only list what would be written")
    args = ap.parse_args(argv)

    content = args.content
    if not content.is_dir():
        print("error: content folder not found: %s" % content, file=sys.stderr)
        return 1
    public = content / "public"
    for site, sources in find_references(content).items():
        ext = os.path.splitext(site)[1].lower()
        target = public / site.lstrip("/")
        try:
            shown = os.path.relpath(target)
        except ValueError:  # another drive on Windows
            shown = str(target)
        existed = target.exists()
        if existed and not (args.force and is_placeholder(target)):
            continue
        if ext not in (".jpg", ".jpeg", ".png"):
            print("notice: no placeholder for %s (%s files are not generated; "
                  "referenced in %s)" % (site, ext, ", ".join(sources)))
            continue
        if args.dry_run:
            print("would create %s" % shown)
            continue
        cv = render(site)
        data = encode_png(cv) if ext == ".png" else encode_jpeg(cv)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, target)
        print("%s %s (%d bytes)" % ("rewrote" if existed else "created", shown, len(data)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
