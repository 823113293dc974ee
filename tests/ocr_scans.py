"""Scans made in the tests: sample reports printed to page images (reader.bench.scanpages) and read
back by OCR. Rendering and OCR take seconds a page, so the pages and the project they are imported
into are made once per session (fixtures in tests/conftest.py) and copied for each test."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core import ocr

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "sample"
ONE_COLUMN = "004_d17878162788fd1b.txt"  # printed as an image-only PDF, one column
TWO_COLUMNS = "000_31e8ac0237fc797b.txt"  # printed as PNG pages in a folder, two columns
FIRST_PICTURE = 9  # the pictures are named 页9.png, 页10.png, ...: natural order is not the name order

needs_ocr = pytest.mark.skipif(not ocr.available(), reason="the OCR extra is not installed")


def cleaned_text(name: str) -> str:
    """The text import of a sample, cleaned: what is printed on the pages."""
    from reader.core.clean import pipeline
    from reader.core.readers import read_path

    return pipeline.clean(read_path(SAMPLE / name)).text


def make_scans(folder: Path) -> dict[str, Path]:
    from reader.bench.scanpages import Layout, render_pages, to_pdf, to_png

    folder.mkdir(parents=True, exist_ok=True)
    pdf = folder / "scan-004.pdf"
    pdf.write_bytes(to_pdf(render_pages(cleaned_text(ONE_COLUMN), Layout(columns=1))))
    pages = folder / "scan-000"
    pages.mkdir()
    for k, page in enumerate(render_pages(cleaned_text(TWO_COLUMNS), Layout(columns=2))):
        (pages / f"页{FIRST_PICTURE + k}.png").write_bytes(to_png(page))
    return {ONE_COLUMN: pdf, TWO_COLUMNS: pages}
