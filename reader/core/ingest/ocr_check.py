"""Checking and correcting an OCR'd text: where a place in the text is on its page, which
characters OCR was unsure of, and a line's correction.

Offsets here are in a unit's text (as everywhere the window and the command line use them); the
record keeps lines and confidences in the original text, and the document's offset map goes between
the two. A correction replaces the line in the original text, moves the spans of the lines after it
and marks its characters CORRECTED, then cleans the document again with reader.core.ingest.reclean, which
finds every passage again by its quote and context (or keeps it unplaced for the user): the
correction is a new cleaned text, as a re-cleaning is, and nothing is lost. Correcting a line back
to what it was is the undo.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from reader.core.errors import InvalidInput, NotFound
from reader.core.model import OcrLine
from reader.core.ocr.record import CORRECTED, LOW, TEXT_LAYER
from reader.core.offsets import OffsetMap
from reader.core.store import ocr_pages
from reader.core.store.project import Project


@dataclass
class UnitScan:
    """The OCR record of the document a unit belongs to, seen from the unit's text."""

    document_id: int
    unit_start: int
    unit_end: int
    offsets: OffsetMap
    lines: list[OcrLine]
    confidence: bytes
    pages: int

    def line_at(self, offset: int) -> int | None:
        """The index of the line that holds the unit's character `offset` (or the line before it)."""
        if not self.lines:
            return None
        original = self.offsets.to_original(self.unit_start + max(0, offset))
        k = bisect_right([ln.start for ln in self.lines], original) - 1
        return max(0, k)

    def span_of(self, line: int) -> tuple[int, int]:
        """Line `line`'s span in the unit's text (empty when the cleaning removed it)."""
        ln = self.lines[line]
        s = self.offsets.to_cleaned(ln.start) - self.unit_start
        e = self.offsets.to_cleaned(ln.end) - self.unit_start
        size = self.unit_end - self.unit_start
        return max(0, min(size, s)), max(0, min(size, e))

    def line_text(self, line: int, original: str) -> str:
        ln = self.lines[line]
        return original[ln.start : ln.end]

    def low_spans(self, threshold: int = LOW) -> list[tuple[int, int]]:
        """The spans of the unit's text whose characters OCR read with less than `threshold` %."""
        spans: list[tuple[int, int]] = []
        conf = self.confidence
        for c0, o0, n in self.offsets.runs():
            lo, hi = max(c0, self.unit_start), min(c0 + n, self.unit_end)
            for c in range(lo, hi):
                v = conf[o0 + c - c0] if o0 + c - c0 < len(conf) else TEXT_LAYER
                if v < threshold:
                    u = c - self.unit_start
                    if spans and spans[-1][1] == u:
                        spans[-1] = (spans[-1][0], u + 1)
                    else:
                        spans.append((u, u + 1))
        return spans


def unit_scan(project: Project, unit_id: int) -> UnitScan | None:
    """The OCR record seen from unit `unit_id`, or None when its document was not OCR'd."""
    row = project.db.execute('SELECT document_id, start, "end" FROM units WHERE id = ?', [unit_id]).fetchone()
    if row is None:
        raise NotFound("unit", str(unit_id))
    doc_id, start, end = row
    if not ocr_pages.has_record(project, doc_id):  # asked first: most documents were not OCR'd
        return None
    offset_map = project.db.execute("SELECT offset_map FROM documents WHERE id = ?", [doc_id]).fetchone()[0]
    return UnitScan(doc_id, start, end, OffsetMap.from_json(offset_map), ocr_pages.lines(project, doc_id),
                    ocr_pages.confidence(project, doc_id), ocr_pages.page_count(project, doc_id))


@dataclass
class LineCorrection:
    document_id: int
    line: int
    before: str  # the line's text before the correction
    after: str
    reclean: object | None  # the DocumentReclean (None when nothing changed)


def correct_line(project: Project, document_id: int, line: int, text: str) -> LineCorrection:
    """Replace line `line` of an OCR'd document's original text with `text` and clean it again."""
    from reader.core.ingest.reclean import reclean_document

    if project.read_only:
        raise project.read_only_error()
    text = " ".join(text.split("\n")).strip()
    if not text:
        raise InvalidInput("line_text", text)
    db = project.db
    row = db.execute("SELECT original_text FROM documents WHERE id = ?", [document_id]).fetchone()
    lines = ocr_pages.lines(project, document_id)
    if row is None or not lines:
        raise NotFound("document", str(document_id))
    if not 0 <= line < len(lines):
        raise NotFound("line", str(line + 1))
    original, ln = row[0], lines[line]
    before = original[ln.start : ln.end]
    if text == before:
        return LineCorrection(document_id, line, before, text, None)
    delta = len(text) - (ln.end - ln.start)
    spans = []
    for k, other in enumerate(lines):
        if k == line:
            spans.append((ln.start, ln.start + len(text)))
        elif other.start >= ln.end:
            spans.append((other.start + delta, other.end + delta))
        else:
            spans.append((other.start, other.end))
    conf = ocr_pages.confidence(project, document_id)
    conf = conf[: ln.start] + bytes([CORRECTED]) * len(text) + conf[ln.end :]
    with db.atomic():
        db.execute("UPDATE documents SET original_text = ? WHERE id = ?",
                   [original[: ln.start] + text + original[ln.end :], document_id])
        ocr_pages.update(project, document_id, spans, conf)
        result = reclean_document(project, document_id)
    return LineCorrection(document_id, line, before, text, result)
