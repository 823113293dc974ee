"""The bar for reading scans: sample reports printed as scans (150 dpi, Noto Sans CJK, one and two
columns, a running head and page numbers) and imported read like their text import."""

from __future__ import annotations

import re
import sys

import pytest

from reader.bench.cer import cer
from reader.core.store import documents
from reader.core.store.db import open_project
from tests.ocr_scans import FIRST_PICTURE, ONE_COLUMN, TWO_COLUMNS, needs_ocr

pytestmark = [pytest.mark.ocr, needs_ocr]


def _units(path, name_part: str):
    with open_project(path, create=False) as p:
        out = []
        for u in documents.list_units(p):
            if name_part in u.source:
                text = documents.unit_text(p, u.id)
                heads = [s.heading for s in documents.sections_of(p, [u.id]).get(u.id, [])]
                out.append((u, text, heads))
        return out


@pytest.mark.parametrize("sample, scan", [(ONE_COLUMN, "scan-004.pdf"), (TWO_COLUMNS, "scan-000")],
                         ids=["one-column-pdf", "two-column-pictures"])
def test_a_scan_reads_as_its_text_import(sample, scan, sample_project_file, scan_project_file):
    (text_unit, text, text_heads), = _units(sample_project_file, sample)
    (scan_unit, scanned, scan_heads), = _units(scan_project_file, scan)
    rate = cer(scanned, text)
    print(f"{scan}: CER {rate:.4f} over {len(text)} characters")
    assert rate < 0.02
    assert (scan_unit.county, scan_unit.year) == (text_unit.county, text_unit.year)
    assert scan_heads == text_heads and scan_heads
    assert "工作报告" not in scanned[:20]  # the running head is not read as the title
    assert scanned.count("人大常委会工作报告") == text.count("人大常委会工作报告")
    assert not re.search(r"(?m)^\s*-\s*\d+\s*-\s*$", scanned) and "- 1 -" not in scanned


def test_the_scans_keep_their_pages_and_confidences(scan_project_file, scans):
    from reader.core.ingest.ocr_check import unit_scan
    from reader.core.store import ocr_pages

    with open_project(scan_project_file, create=False) as p:
        for u in documents.list_units(p):
            scan = unit_scan(p, u.id)
            assert scan is not None and scan.pages >= 2 and scan.lines
            page = ocr_pages.page(p, scan.document_id, 0)
            assert page.image[:2] == b"\xff\xd8" and 1000 <= page.width <= 1300  # a JPEG of the page
            original = p.db.execute("SELECT original_text FROM documents WHERE id = ?",
                                    [scan.document_id]).fetchone()[0]
            assert len(scan.confidence) == len(original)
            assert sum(c <= 100 for c in scan.confidence) > 0.9 * len(original.replace("\n", ""))
            # every line's box is on its page and its span holds its text
            for ln in scan.lines:
                pg = ocr_pages.page(p, scan.document_id, ln.page)
                assert 0 <= ln.box[0] < ln.box[2] <= pg.width and 0 <= ln.box[1] < ln.box[3] <= pg.height
                assert original[ln.start : ln.end] == ln.text
        folder_pages = [ocr_pages.page(p, d, k).source for d, in p.db.execute(
            "SELECT id FROM documents WHERE source_name = 'scan-000'") for k in range(3)]
    assert folder_pages[:2] == [f"页{FIRST_PICTURE}.png", f"页{FIRST_PICTURE + 1}.png"]  # natural order


def test_ocr_stays_out_of_this_process(scan_project_file):
    """The engine (OpenCV, onnxruntime) ran in OCR processes: the tests' process, like the window's,
    never imported it."""
    assert "cv2" not in sys.modules and "onnxruntime" not in sys.modules
