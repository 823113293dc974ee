"""An OCR'd document's record in the project: page images, lines, confidences (migration
0006_ocr_pages). Written in the document's own transaction; deleted with it (ON DELETE CASCADE)."""

from __future__ import annotations

from reader.core.model import OcrLine, OcrPage, OcrRecord
from reader.core.store.project import Project


def save(project: Project, document_id: int, record: OcrRecord) -> None:
    db = project.db
    with db.atomic():
        db["ocr_pages"].insert_all(
            ({"document_id": document_id, "position": k, "number": p.number, "source": p.source,
              "width": p.width, "height": p.height, "image": p.image} for k, p in enumerate(record.pages)),
            pk=("document_id", "position"),
        )
        db["ocr_lines"].insert_all(
            ({"document_id": document_id, "position": k, "page": ln.page, "x0": ln.box[0], "y0": ln.box[1],
              "x1": ln.box[2], "y1": ln.box[3], "start": ln.start, "end": ln.end, "recognised": ln.text}
             for k, ln in enumerate(record.lines)),
            pk=("document_id", "position"),
        )
        db["ocr_confidence"].insert({"document_id": document_id, "confidence": record.confidence},
                                    pk="document_id")


def has_record(project: Project, document_id: int) -> bool:
    return project.db.execute("SELECT 1 FROM ocr_confidence WHERE document_id = ?", [document_id]).fetchone() is not None


def lines(project: Project, document_id: int) -> list[OcrLine]:
    return [OcrLine(page, (x0, y0, x1, y1), start, end, text) for page, x0, y0, x1, y1, start, end, text in
            project.db.execute('SELECT page, x0, y0, x1, y1, start, "end", recognised FROM ocr_lines '
                               "WHERE document_id = ? ORDER BY position", [document_id])]


def confidence(project: Project, document_id: int) -> bytes:
    row = project.db.execute("SELECT confidence FROM ocr_confidence WHERE document_id = ?", [document_id]).fetchone()
    return bytes(row[0]) if row else b""


def page(project: Project, document_id: int, position: int) -> OcrPage | None:
    row = project.db.execute("SELECT number, source, width, height, image FROM ocr_pages "
                             "WHERE document_id = ? AND position = ?", [document_id, position]).fetchone()
    return None if row is None else OcrPage(row[0], row[1], row[2], row[3], bytes(row[4]))


def page_count(project: Project, document_id: int) -> int:
    return project.db.execute("SELECT count(*) FROM ocr_pages WHERE document_id = ?", [document_id]).fetchone()[0]


def update(project: Project, document_id: int, line_spans: list[tuple[int, int]], confidence_: bytes) -> None:
    """New spans of every line (in order) and new confidences, after a correction."""
    db = project.db
    with db.atomic():
        db.conn.executemany('UPDATE ocr_lines SET start = ?, "end" = ? WHERE document_id = ? AND position = ?',
                            [(s, e, document_id, k) for k, (s, e) in enumerate(line_spans)])
        db.execute("UPDATE ocr_confidence SET confidence = ? WHERE document_id = ?", [confidence_, document_id])
