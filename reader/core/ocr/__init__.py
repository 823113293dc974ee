"""Reading scans: OCR of image PDFs and pictures, offline, with each character's confidence.

- `engine`: the OCR engine (rapidocr-onnxruntime, PP-OCRv4 models inside its wheel), one per process;
  boxes of text with a confidence per character, tall pictures read in overlapping tiles.
- `images`: pictures and PDF pages as pixels (Pillow, pypdfium2), with the size checks that keep an
  image bomb from being decoded; page images for the window.
- `layout`: boxes into reading order (columns), page furniture dropped, lines joined into paragraphs
  on the page's own evidence (a full line goes on, an indented line starts a paragraph).
- `run`: pages read in OCR processes on every core (never in the window's process), page by page
  with progress and cancel.
- `record`: what an OCR'd document keeps (page images, lines with their boxes, confidences).

The engine and its imports (onnxruntime, OpenCV) are the optional extra `renda-reader[ocr]`;
without it a scan is refused with OcrUnavailable, which says how to add it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

NEVER, AUTO, ALWAYS = "never", "auto", "always"
MODES = (NEVER, AUTO, ALWAYS)


def available() -> bool:
    """Whether the OCR extra is installed (found without importing it: no OpenCV in this process)."""
    from importlib.util import find_spec

    return all(find_spec(name) is not None for name in ("rapidocr_onnxruntime", "pypdfium2", "PIL"))


@dataclass
class OcrOptions:
    """How a file is read where it has no usable text layer: `mode` never (refused, or those pages
    left out), auto (OCR where there is no text layer) or always (OCR every page); `on_page(done,
    total, text)` after each page; `cancel` checked between pages."""

    mode: str = AUTO
    on_page: Callable[[int, int, str], None] | None = None
    cancel: object | None = None
