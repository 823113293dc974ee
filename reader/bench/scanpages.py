"""Printed pages of a report as images, for the OCR tests and benchmark: a scan made here.

`render_pages(text, ...)` lays a report's paragraphs out on A4 pages (one or two columns, a
running head with a rule under it, a page number at the foot) and draws them with Pillow in a CJK
font at the given resolution; `to_pdf` writes the pages as an image-only PDF (no text layer), as a
scanner does. Each paragraph is one line of `text`; its first line is indented by two characters,
and a line never starts with closing punctuation (the lines of a printed Chinese page).

The font: the subset of Noto Sans CJK SC shipped in tests/data/fonts (the characters of the sample
reports; SIL Open Font License), else the system's Noto Sans CJK. Pillow comes with the OCR extra.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

A4_MM = (210, 297)
_NO_LINE_START = set("，。、；：？！）》」』”’…—·,.;:?!)%")
_FONTS = [
    Path(__file__).resolve().parents[2] / "tests" / "data" / "fonts" / "NotoSansCJKsc-subset.otf",
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
]


def font_path() -> Path:
    for p in _FONTS:
        if p.is_file():
            return p
    raise FileNotFoundError("no CJK font: tests/data/fonts is missing and fonts-noto-cjk is not installed")


@dataclass
class Layout:
    dpi: int = 150
    columns: int = 1
    body_pt: float = 12.0
    header: str | None = "人大常委会工作报告"
    page_numbers: bool = True
    margin_mm: float = 22.0


def _wrap(draw, font, paragraph: str, width: float, indent: float) -> list[tuple[float, str]]:
    """(x offset, line) of one paragraph broken to `width` pixels."""
    lines: list[tuple[float, str]] = []
    line, x0 = "", indent
    for ch in paragraph:
        if line and draw.textlength(line + ch, font=font) > width - x0 and ch not in _NO_LINE_START:
            lines.append((x0, line))
            line, x0 = "", 0.0
        line += ch
    if line:
        lines.append((x0, line))
    return lines


def render_pages(text: str, layout: Layout | None = None, first_page: int = 1):
    """The pages (PIL images, greyscale) of `text` laid out by `layout`."""
    from PIL import Image, ImageDraw, ImageFont

    lay = layout or Layout()
    px_mm = lay.dpi / 25.4
    width, height = round(A4_MM[0] * px_mm), round(A4_MM[1] * px_mm)
    size = round(lay.body_pt / 72 * lay.dpi)
    index = 2 if str(font_path()).endswith(".ttc") else 0  # the SC face of the collection
    font = ImageFont.truetype(str(font_path()), size, index=index)
    small = ImageFont.truetype(str(font_path()), round(size * 0.8), index=index)
    margin = round(lay.margin_mm * px_mm)
    gutter = round(size * 2)
    col_w = (width - 2 * margin - gutter * (lay.columns - 1)) / lay.columns
    step = round(size * 1.6)
    top, bottom = margin + step, height - margin - step
    measure = ImageDraw.Draw(Image.new("L", (8, 8)))
    lines: list[tuple[float, str] | None] = []  # None: space between paragraphs (none here)
    for para in text.split("\n"):
        para = para.strip()
        if para:
            lines += _wrap(measure, font, para, col_w, 2 * size)
    pages = []
    k = 0
    number = first_page
    while k < len(lines):
        page = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(page)
        if lay.header:
            draw.text((width / 2, margin - step // 2), lay.header, font=small, fill=0, anchor="ms")
            draw.line((margin, margin, width - margin, margin), fill=0, width=max(1, size // 12))
        for col in range(lay.columns):
            x = margin + col * (col_w + gutter)
            y = top
            while k < len(lines) and y + size <= bottom:
                dx, line = lines[k]
                draw.text((x + dx, y), line, font=font, fill=0)
                y += step
                k += 1
        if lay.page_numbers:
            draw.text((width / 2, height - margin + step // 2), f"- {number} -", font=small, fill=0, anchor="ms")
        pages.append(page)
        number += 1
    return pages


def to_pdf(pages, dpi: int = 150) -> bytes:
    """An image-only PDF of the pages (no text layer)."""
    out = io.BytesIO()
    pages[0].save(out, "PDF", save_all=True, append_images=pages[1:], resolution=dpi)
    return out.getvalue()


def to_png(page) -> bytes:
    out = io.BytesIO()
    page.save(out, "PNG")
    return out.getvalue()


def photograph(page, *, angle: float = 1.5, keystone: float = 0.03, width: int = 1600, seed: int = 1) -> bytes:
    """A phone photo of a printed page, as JPEG: the page on a desk, turned by `angle` degrees and
    narrower at the top (`keystone`, a share of the width), lit unevenly, a little blurred, with
    sensor noise, `width` pixels wide."""
    import numpy as np
    from PIL import Image, ImageFilter

    desk = (120, 110, 95)
    page = page.convert("RGB")
    w, h = page.size
    canvas = Image.new("RGB", (int(w * 1.15), int(h * 1.1)), desk)
    canvas.paste(page, (int(w * 0.07), int(h * 0.05)))
    canvas = canvas.rotate(angle, resample=Image.BICUBIC, fillcolor=desk)
    cw, ch = canvas.size
    src = [(0, 0), (cw, 0), (cw, ch), (0, ch)]
    dst = [(cw * keystone, 0), (cw * (1 - keystone), 0), (cw, ch), (0, ch)]
    rows = []
    for (x, y), (u, v) in zip(src, dst, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    coeffs = np.linalg.solve(np.array(rows, dtype=float), np.array(dst, dtype=float).reshape(8))
    canvas = canvas.transform((cw, ch), Image.PERSPECTIVE, tuple(coeffs), Image.BICUBIC, fillcolor=desk)
    light = np.linspace(0.75, 1.05, cw)[None, :, None] * np.linspace(1.0, 0.85, ch)[:, None, None]
    pixels = np.asarray(canvas).astype(float) * light + np.random.default_rng(seed).normal(0, 6, (ch, cw, 3))
    photo = Image.fromarray(np.clip(pixels, 0, 255).astype("uint8")).filter(ImageFilter.GaussianBlur(0.8))
    photo = photo.resize((width, round(width * ch / cw)), Image.LANCZOS)
    out = io.BytesIO()
    photo.save(out, "JPEG", quality=75)
    return out.getvalue()
