"""Render resources/icons/reader.svg to the PNG sizes, the Windows .ico and the macOS .icns.

    python packaging/make_icons.py

Uses rsvg-convert (Debian: librsvg2-bin) when it is on PATH, else PySide6's QtSvg. The outputs
are committed, so this is only needed after the SVG changes. The .ico and .icns are assembled
here from the PNGs (both formats may hold PNG data as is), so no imaging library is needed.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "reader.svg"
SIZES = (16, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 32, 48, 64, 128, 256)
# icns element types that hold PNG data, with the pixel size each one wants.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),  # 16@2x
    (b"ic12", 64),  # 32@2x
    (b"ic07", 128),
    (b"ic13", 256),  # 128@2x
    (b"ic08", 256),
    (b"ic14", 512),  # 256@2x
    (b"ic09", 512),
)


def png_path(size: int) -> Path:
    return ICONS / f"reader-{size}.png"


def render_rsvg(size: int, out: Path) -> None:
    subprocess.run(["rsvg-convert", "-w", str(size), "-h", str(size), "-o", str(out), str(SVG)], check=True)


def render_qt(size: int, out: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(["make_icons", "-platform", "offscreen"])
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    if not image.save(str(out), "PNG"):
        raise OSError(f"could not write {out}")


def build_ico(pngs: dict[int, bytes]) -> bytes:
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, data in sorted(pngs.items()):
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def build_icns(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    render = render_rsvg if shutil.which("rsvg-convert") else render_qt
    for size in SIZES:
        render(size, png_path(size))
        print(f"{png_path(size).relative_to(ICONS.parent.parent)}")
    pngs = {size: png_path(size).read_bytes() for size in SIZES}
    (ICONS / "reader.ico").write_bytes(build_ico({s: pngs[s] for s in ICO_SIZES}))
    (ICONS / "reader.icns").write_bytes(build_icns(pngs))
    print("resources/icons/reader.ico\nresources/icons/reader.icns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
