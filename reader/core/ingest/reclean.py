"""Cleaning documents again with the current pipeline, keeping every passage.

When the cleaning pipeline or the structure finding changes, `reclean` runs them again on each
document's kept original and writes the new cleaned text, units and sections in one transaction per
document. Each passage is found again by its quote and context (reader.core.ingest.anchor.place: exact
first, then fuzzy), near where its old position falls in the new text (through the original: old
offset map back, new one forward), and moved to the unit that now holds it. A passage that cannot
be found again, or that would straddle two units, is kept among the unplaced passages
(reader.core.store.unplaced) with its quote, themes and old position, for the user to place or
delete: none is dropped in silence.

What is kept as it was: the units' ids by position (and their title, year, county, which the user
may have corrected), so lists and bookmarks still point at them; units past the new count are
removed once their passages have moved. Sections are found anew: the rows of a stored alignment lose
the sections replaced (the report counts those rows: run the alignment again). The heading hints of
Word and web files come from the source file when it is still where it was with the same bytes;
otherwise from the headings found at the last cleaning (mapped back into the original). Documents imported from a REFI-QDA project
are skipped: their text is kept exactly as it came, so that its passages' positions stay right.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from dataclasses import dataclass, field

from reader.core import readers
from reader.core.clean import pipeline
from reader.core.errors import (
    EmptyDocument,
    ImportFailed,
    NotFound,
    ReaderError,
    WriteFailed,
)
from reader.core.ingest.anchor import Anchor, place
from reader.core.model import HeadingHint, RawDocument, UnitSpan
from reader.core.offsets import OffsetMap
from reader.core.progress import Progress, is_cancelled
from reader.core.store import documents, fulltext
from reader.core.store.passages import CONTEXT, Passage, text_hash
from reader.core.store.project import Project
from reader.core.store.unplaced import unplaced_row
from reader.core.structure import units as structure

log = logging.getLogger(__name__)

CHANGED, UNCHANGED, SKIPPED, FAILED = "changed", "unchanged", "skipped", "failed"
EXCHANGE_FORMATS = {"qdpx"}
HINT_FORMATS = {"docx", "doc", "rtf", "html", "mht"}


@dataclass
class DocumentReclean:
    document_id: int
    name: str
    status: str  # CHANGED, UNCHANGED, SKIPPED (an exchange source) or FAILED (with `error`)
    exact: int = 0  # passages found again exactly
    fuzzy: int = 0  # found again by likeness (their quote now reads as the new text)
    unplaced: int = 0  # kept for the user to place
    units_before: int = 0
    units_after: int = 0
    alignment_rows: set[int] = field(default_factory=set)  # stored alignment rows that lost sections
    hints_from_source: bool = False
    error: ReaderError | None = None


@dataclass
class RecleanReport:
    documents: list[DocumentReclean] = field(default_factory=list)
    cancelled: bool = False

    def _sum(self, name: str) -> int:
        return sum(getattr(d, name) for d in self.documents)

    @property
    def exact(self) -> int:
        return self._sum("exact")

    @property
    def fuzzy(self) -> int:
        return self._sum("fuzzy")

    @property
    def unplaced(self) -> int:
        return self._sum("unplaced")

    @property
    def alignment_rows(self) -> int:
        """How many rows of the stored alignment lost sections (replaced by the re-cleaning): the
        alignment should be run again."""
        return len(set().union(*(d.alignment_rows for d in self.documents)))

    def with_status(self, status: str) -> list[DocumentReclean]:
        return [d for d in self.documents if d.status == status]


def reclean(
    project: Project,
    document_ids: list[int] | None = None,
    progress: Progress | None = None,
    cancel: object | None = None,
) -> RecleanReport:
    """Clean documents again (all when `document_ids` is None). `progress(done, total, name)`
    before each document and once at the end; `cancel` is checked between documents (what was
    re-cleaned stays). A document that fails is recorded and left as it was; the rest go on."""
    if project.read_only:
        raise project.read_only_error()
    known = {r[0]: r[1] for r in project.db.execute("SELECT id, source_name FROM documents ORDER BY id")}
    ids = list(known) if document_ids is None else list(dict.fromkeys(document_ids))
    for doc_id in ids:
        if doc_id not in known:
            raise NotFound("document", str(doc_id))
    report = RecleanReport()
    for done, doc_id in enumerate(ids):
        if is_cancelled(cancel):
            report.cancelled = True
            break
        if progress is not None:
            progress(done, len(ids), known[doc_id])
        try:
            report.documents.append(reclean_document(project, doc_id))
        except ReaderError as e:
            report.documents.append(DocumentReclean(doc_id, known[doc_id], FAILED, error=e))
        except sqlite3.Error as e:  # the document's transaction was rolled back
            report.documents.append(DocumentReclean(doc_id, known[doc_id], FAILED,
                                                    error=WriteFailed(str(project.path), str(e))))
        except Exception as e:  # a fault in the cleaning: logged, recorded, the others go on
            log.exception("re-cleaning document %s failed", doc_id)
            report.documents.append(DocumentReclean(doc_id, known[doc_id], FAILED,
                                                    error=ImportFailed(known[doc_id], f"{type(e).__name__}: {e}")))
    if progress is not None and not report.cancelled:
        progress(len(ids), len(ids), "")
    return report


@dataclass
class _OldUnit:
    id: int
    position: int
    start: int
    end: int


def _raw(row: dict) -> tuple[RawDocument, bool]:
    """The document as read: from the source file when it is unchanged (for its heading hints),
    else its kept original text."""
    original = row["original_text"]
    if row["format"] in HINT_FORMATS:
        path = documents.path_of(row["source_path"])
        try:
            if path.is_file():
                readers.check_size(path)
                data = path.read_bytes()
                if hashlib.sha256(data).hexdigest() == row["sha256"]:
                    raw = readers.read_path(path, data)
                    if raw.text == original:
                        return raw, True
        except (OSError, ReaderError):
            pass  # the source moved or changed: the kept original is cleaned with the stored headings
    return RawDocument(text=original, encoding=row["encoding"], format=row["format"]), False


def _stored_hints(project: Project, old_units: list[_OldUnit], old_map: OffsetMap) -> list[HeadingHint]:
    """Heading hints in the original text from the headings found at the last cleaning: what a Word
    or web file's source gave, when the source is gone."""
    start_of = {u.id: u.start for u in old_units}
    hints = {}
    for uid, tree in documents.sections_of(project, list(start_of)).items():
        for top in tree:
            for s in top.walk():
                hints.setdefault(old_map.to_original(start_of[uid] + s.start), s.level)
    return [HeadingHint(offset, level) for offset, level in sorted(hints.items())]


def reclean_document(project: Project, document_id: int) -> DocumentReclean:
    """Clean one document again (one transaction); see the module's description."""
    db = project.db
    cols = ("source_name", "source_path", "sha256", "encoding", "format", "original_text", "cleaned_text", "offset_map")
    found = db.execute(f"SELECT {', '.join(cols)} FROM documents WHERE id = ?", [document_id]).fetchone()
    if found is None:
        raise NotFound("document", str(document_id))
    row = dict(zip(cols, found, strict=True))
    old_units = [_OldUnit(*r) for r in db.execute(
        'SELECT id, position, start, "end" FROM units WHERE document_id = ? ORDER BY position', [document_id])]
    result = DocumentReclean(document_id, row["source_name"], SKIPPED, units_before=len(old_units),
                             units_after=len(old_units))
    if row["format"] in EXCHANGE_FORMATS:
        return result
    raw, result.hints_from_source = _raw(row)
    old_map = OffsetMap.from_json(row["offset_map"])
    if row["format"] in HINT_FORMATS and not result.hints_from_source:
        raw.hints = _stored_hints(project, old_units, old_map)
    cleaned = pipeline.clean(raw)
    if not cleaned.text.strip():  # the new rules leave nothing: the document stays as it was
        raise EmptyDocument(row["source_name"])
    units = structure.find_units(cleaned.text, cleaned.hints, row["source_name"], published=cleaned.published)
    result.units_after = len(units)
    old_text = row["cleaned_text"]
    if cleaned.text == old_text and _same_structure(project, old_units, units):
        result.status = UNCHANGED
        result.exact = db.execute(
            f"SELECT count(*) FROM passages WHERE unit_id IN ({','.join('?' * len(old_units))})",
            [u.id for u in old_units],
        ).fetchone()[0] if old_units else 0
        return result
    result.status = CHANGED
    new_map = cleaned.offsets
    next_unit = documents.next_id(project, "units")
    new_ids = [old_units[k].id if k < len(old_units) else next_unit + (k - len(old_units)) for k in range(len(units))]
    moves, keeps = _relocate(project, old_units, old_text, old_map, cleaned.text, new_map, units, new_ids, result)
    gone = [u.id for u in old_units[len(units):]]
    old_ids = [u.id for u in old_units]
    marks = ",".join("?" * len(old_ids))
    with db.atomic():
        if old_ids:
            result.alignment_rows = {r[0] for r in db.execute(
                "SELECT DISTINCT row_id FROM align_members "
                f"WHERE section_id IN (SELECT id FROM sections WHERE unit_id IN ({marks}))",
                old_ids,
            )}
            fulltext.unindex_units(project, [(u.id, old_text[u.start : u.end]) for u in old_units])
            db.execute(f"DELETE FROM sections WHERE unit_id IN ({marks})", old_ids)
        db.execute(
            "UPDATE documents SET cleaned_text = ?, offset_map = ?, steps = ?, damaged = ? WHERE id = ?",
            [cleaned.text, new_map.to_json(), json.dumps(cleaned.steps, ensure_ascii=False),
             json.dumps([list(d) for d in cleaned.damaged]), document_id],
        )
        for k, (uid, u) in enumerate(zip(new_ids, units, strict=True)):
            if k < len(old_units):
                db.execute('UPDATE units SET start = ?, "end" = ? WHERE id = ?', [u.start, u.end, uid])
            else:
                db["units"].insert(documents.unit_row(uid, document_id, k, u), pk="id")
        for pid, values in moves:
            db.execute(
                'UPDATE passages SET unit_id = ?, start = ?, "end" = ?, quote = ?, context_before = ?, '
                "context_after = ?, text_hash = ? WHERE id = ?",
                [*values, pid],
            )
        if keeps:
            db["unplaced_passages"].insert_all(keeps, pk="id")
            db.execute(f"DELETE FROM passages WHERE id IN ({','.join('?' * len(keeps))})", [k["passage_id"] for k in keeps])
        if gone:
            db.execute(f"DELETE FROM units WHERE id IN ({','.join('?' * len(gone))})", gone)
        sections: list[dict] = []
        next_section = documents.next_id(project, "sections")
        for uid, u in zip(new_ids, units, strict=True):
            sections += documents.section_rows(u.sections, uid, u.start, next_section + len(sections))
        if sections:
            db["sections"].insert_all(sections, pk="id")
        fulltext.index_units(project, [(uid, cleaned.text[u.start : u.end]) for uid, u in zip(new_ids, units, strict=True)])
    return result


def _same_structure(project: Project, old_units: list[_OldUnit], units: list[UnitSpan]) -> bool:
    """Whether the new units and sections are the stored ones (same spans, headings, levels)."""
    if [(u.start, u.end) for u in old_units] != [(u.start, u.end) for u in units]:
        return False
    stored = documents.sections_of(project, [u.id for u in old_units])
    for old, new in zip(old_units, units, strict=True):
        rows = documents.section_rows(new.sections, old.id, new.start, 0)
        have = [(s.level, s.heading, s.kind, s.start, s.end, s.heading_end) for tree in stored.get(old.id, [])
                for s in tree.walk()]
        want = [(r["level"], r["heading"], r["kind"], r["start"], r["end"], r["heading_end"]) for r in rows]
        if have != want:
            return False
    return True


def _passages_of(project: Project, unit_ids: list[int]) -> list[tuple[Passage, list[tuple[int, str]]]]:
    if not unit_ids:
        return []
    marks = ",".join("?" * len(unit_ids))
    rows = project.db.execute(
        'SELECT id, unit_id, start, "end", quote, context_before, context_after, text_hash, coder, created_at, note '
        f"FROM passages WHERE unit_id IN ({marks}) ORDER BY unit_id, start, id",
        unit_ids,
    ).fetchall()
    themes: dict[int, list[tuple[int, str]]] = {}
    for pid, tid, name in project.db.execute(
        "SELECT pt.passage_id, t.id, t.name FROM passage_themes pt JOIN themes t ON t.id = pt.theme_id "
        f"WHERE pt.passage_id IN (SELECT id FROM passages WHERE unit_id IN ({marks})) ORDER BY t.position, t.id",
        unit_ids,
    ):
        themes.setdefault(pid, []).append((tid, name))
    return [(Passage(*r), themes.get(r[0], [])) for r in rows]


def _relocate(project: Project, old_units: list[_OldUnit], old_text: str, old_map: OffsetMap, new_text: str,
              new_map: OffsetMap, units: list[UnitSpan], new_ids: list[int], result: DocumentReclean):
    """(passage id, new values) for each passage found again, and the unplaced rows of the others."""
    position_of = {u.id: u.position for u in old_units}
    start_of = {u.id: u.start for u in old_units}
    moves: list[tuple[int, list]] = []
    keeps: list[dict] = []
    hashes: dict[int, str] = {}
    for passage, themes in _passages_of(project, [u.id for u in old_units]):
        old_at = start_of[passage.unit_id] + passage.start
        near = new_map.to_cleaned(old_map.to_original(old_at))
        found = place(new_text, Anchor(passage.quote, passage.context_before, passage.context_after, near))
        k = None if found is None else next(
            (k for k, u in enumerate(units) if u.start <= found.start and found.end <= u.end), None)
        if found is None or k is None:
            keeps.append(unplaced_row(passage, themes, result.document_id, position_of[passage.unit_id]))
            result.unplaced += 1
            continue
        u = units[k]
        text = new_text[u.start : u.end]
        s, e = found.start - u.start, found.end - u.start
        if k not in hashes:
            hashes[k] = text_hash(text)
        moves.append((passage.id, [new_ids[k], s, e, text[s:e], text[max(0, s - CONTEXT) : s],
                                   text[e : e + CONTEXT], hashes[k]]))
        if found.exact:
            result.exact += 1
        else:
            result.fuzzy += 1
    return moves, keeps
