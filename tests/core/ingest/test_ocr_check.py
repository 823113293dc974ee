"""Checking and correcting OCR'd text: the line at a place, low-confidence marks, a line's correction
(a new cleaned text, passages found again, nothing lost), cancel between pages."""

from __future__ import annotations

import pytest

from reader.core.errors import InvalidInput, NotFound
from reader.core.ingest import importing as ingest
from reader.core.ingest.ocr_check import correct_line, unit_scan
from reader.core.ocr.record import CORRECTED
from reader.core.progress import CancelToken
from reader.core.store import documents, passages
from reader.core.store.db import open_project
from tests.ocr_scans import needs_ocr

pytestmark = [pytest.mark.ocr, needs_ocr]


def _theme(p) -> int:
    return p.db.execute("SELECT id FROM themes ORDER BY id LIMIT 1").fetchone()[0]


def test_a_place_in_the_text_has_its_line_and_page(scan_project_path):
    with open_project(scan_project_path, create=False) as p:
        for u in documents.list_units(p):
            scan = unit_scan(p, u.id)
            text = documents.unit_text(p, u.id)
            for k in (0, len(scan.lines) // 2, len(scan.lines) - 1):
                s, e = scan.span_of(k)
                if e > s:
                    assert scan.line_at(s) == k and scan.line_at(e - 1) == k
                    assert text[s:e].replace(" ", "") in scan.lines[k].text.replace(" ", "") or e - s < 3
            assert scan.low_spans(threshold=101)  # every OCR'd character is below 101 %
            assert all(0 <= s < e <= len(text) for s, e in scan.low_spans(threshold=101))
            assert scan.low_spans(threshold=0) == []


def test_correcting_a_line_keeps_every_passage(scan_project_path):
    with open_project(scan_project_path, create=False) as p:
        unit = next(u for u in documents.list_units(p) if u.source == "scan-004.pdf")
        scan = unit_scan(p, unit.id)
        text = documents.unit_text(p, unit.id)
        k = len(scan.lines) // 2
        s, e = scan.span_of(k)
        after = passages.tag(p, unit.id, e + 5, e + 25, [_theme(p)])  # a passage after the line
        before = passages.tag(p, unit.id, max(0, s - 30), max(0, s - 10), [_theme(p)])
        original = p.db.execute("SELECT original_text FROM documents WHERE id = ?", [scan.document_id]).fetchone()[0]
        old_line = original[scan.lines[k].start : scan.lines[k].end]
        fixed = "【更正】" + old_line
        result = correct_line(p, scan.document_id, k, fixed)
        assert result.before == old_line and result.reclean.status == "changed"
        assert result.reclean.unplaced == 0 and result.reclean.exact == 2
        new_text = documents.unit_text(p, unit.id)
        assert "【更正】" in new_text and len(new_text) == len(text) + 4
        assert passages.get_passage(p, after.id).quote == after.quote
        assert passages.get_passage(p, before.id).quote == before.quote
        scan2 = unit_scan(p, unit.id)
        line = scan2.lines[k]
        assert scan2.confidence[line.start : line.end] == bytes([CORRECTED]) * len(fixed)
        assert line.text == scan.lines[k].text  # the recognised text is kept
        later = scan2.lines[k + 1]
        new_original = p.db.execute("SELECT original_text FROM documents WHERE id = ?",
                                    [scan.document_id]).fetchone()[0]
        assert new_original[later.start : later.end] == later.text  # the lines after it moved with it
        # the undo is the correction back
        correct_line(p, scan.document_id, k, old_line)
        assert documents.unit_text(p, unit.id) == text
        with pytest.raises(InvalidInput):
            correct_line(p, scan.document_id, k, " \n ")
        with pytest.raises(NotFound):
            correct_line(p, scan.document_id, 10_000, "x")


def test_a_cancelled_scan_leaves_nothing(project, scans):
    token = CancelToken()
    pages = []

    def on_page(name, page, total, text):
        pages.append((page, total, text))
        token.cancel()

    folder = scans["000_31e8ac0237fc797b.txt"]
    report = ingest.import_paths(project, [folder], cancel=token, on_page=on_page)
    assert report.cancelled and not report.imported
    total = len(list(folder.iterdir()))
    assert pages[0][:2] == (1, total) and pages[0][2]  # the first page's text came before the rest
    assert len(pages) < total
    assert project.db.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
