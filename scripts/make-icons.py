#!/usr/bin/env python3
"""Draws the app icons (a speech bubble with a tick) into public/icons/. Standard library only.

Run once after changing the design: python3 scripts/make-icons.py
"""
import struct
import zlib
from pathlib import Path

TEAL = (15, 118, 110)
WHITE = (255, 255, 255)


def png(path, size, pixel):
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            row.extend(pixel((x + 0.5) / size, (y + 0.5) / size))
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    Path(path).write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b""))


def in_round_rect(u, v, x0, y0, x1, y1, r):
    if not (x0 <= u <= x1 and y0 <= v <= y1):
        return False
    cx = min(max(u, x0 + r), x1 - r)
    cy = min(max(v, y0 + r), y1 - r)
    return (u - cx) ** 2 + (v - cy) ** 2 <= r * r


def in_triangle(u, v, a, b, c):
    def side(p, q, r):
        return (p[0] - r[0]) * (q[1] - r[1]) - (q[0] - r[0]) * (p[1] - r[1])

    d1, d2, d3 = side((u, v), a, b), side((u, v), b, c), side((u, v), c, a)
    neg = d1 < 0 or d2 < 0 or d3 < 0
    pos = d1 > 0 or d2 > 0 or d3 > 0
    return not (neg and pos)


def near_segment(u, v, a, b, width):
    ax, ay = a
    bx, by = b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((u - ax) * dx + (v - ay) * dy) / (dx * dx + dy * dy)))
    px, py = ax + t * dx, ay + t * dy
    return (u - px) ** 2 + (v - py) ** 2 <= width * width


def design(scale):
    """The glyph, drawn inside a centred box that takes `scale` of the icon."""

    def glyph(u, v):
        u = (u - 0.5) / scale + 0.5
        v = (v - 0.5) / scale + 0.5
        bubble = in_round_rect(u, v, 0.16, 0.2, 0.84, 0.68, 0.12) or in_triangle(
            u, v, (0.3, 0.64), (0.46, 0.64), (0.26, 0.84)
        )
        tick = near_segment(u, v, (0.33, 0.44), (0.45, 0.55), 0.045) or near_segment(
            u, v, (0.45, 0.55), (0.67, 0.33), 0.045
        )
        if tick:
            return TEAL
        if bubble:
            return WHITE
        return None

    return glyph


def any_icon(u, v):
    if not in_round_rect(u, v, 0.0, 0.0, 1.0, 1.0, 0.2):
        return (0, 0, 0, 0)
    colour = design(1.0)(u, v) or TEAL
    return (*colour, 255)


def maskable_icon(u, v):
    # Full bleed; the glyph stays inside the 80 % safe zone.
    colour = design(0.7)(u, v) or TEAL
    return (*colour, 255)


out = Path(__file__).resolve().parent.parent / "public" / "icons"
out.mkdir(parents=True, exist_ok=True)
png(out / "icon-192.png", 192, any_icon)
png(out / "icon-512.png", 512, any_icon)
png(out / "icon-maskable-512.png", 512, maskable_icon)
print("wrote", *sorted(p.name for p in out.iterdir()))
