"""Check a screenshot PNG: signature, size above a minimum, and more than one colour.

    python packaging/check_png.py FILE [--min-width 401] [--min-height 301]

Standard library only (zlib), so it runs with any Python 3, outside the bundle. Handles the
8-bit non-interlaced grey, RGB, grey+alpha and RGBA PNGs that Qt writes.
"""

from __future__ import annotations

import argparse
import struct
import sys
import zlib
from pathlib import Path

SIGNATURE = b"\x89PNG\r\n\x1a\n"
CHANNELS = {0: 1, 2: 3, 4: 2, 6: 4}  # colour type -> samples per pixel


def read_png(data: bytes) -> tuple[int, int, int, list[bytes]]:
    """Return width, height, bytes per pixel and the unfiltered scanlines."""
    if not data.startswith(SIGNATURE):
        raise ValueError("not a PNG (bad signature)")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
        pos += 12 + length
    if header is None:
        raise ValueError("no IHDR chunk")
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in CHANNELS or interlace:
        raise ValueError(
            f"unsupported PNG layout (depth {depth}, colour type {colour}, interlace {interlace})"
        )
    bpp = CHANNELS[colour]
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + b) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pred) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--min-width", type=int, default=401)
    parser.add_argument("--min-height", type=int, default=301)
    args = parser.parse_args(argv)
    if not args.file.is_file():
        print(f"FAIL: {args.file} was not written", file=sys.stderr)
        return 1
    try:
        width, height, bpp, rows = read_png(args.file.read_bytes())
    except (ValueError, zlib.error, struct.error) as exc:
        print(f"FAIL: {args.file}: {exc}", file=sys.stderr)
        return 1
    if width < args.min_width or height < args.min_height:
        print(f"FAIL: {width}x{height} is smaller than {args.min_width}x{args.min_height}", file=sys.stderr)
        return 1
    colours = set()
    for row in rows:
        colours.update(row[i : i + bpp] for i in range(0, len(row), bpp))
        if len(colours) > 1:
            break
    if len(colours) < 2:
        print(f"FAIL: {args.file} is a single colour", file=sys.stderr)
        return 1
    print(f"ok: {args.file} {width}x{height}, more than one colour")
    return 0


if __name__ == "__main__":
    sys.exit(main())
