"""Passages a re-cleaning could not find again (reader.core.ingest.reclean): kept, for the user to place.

Each keeps what the passage was: its quote, context, note, coder, date, themes (ids and names, as
they were) and where it was (the unit's position in its document, offsets in the old unit text).
The user places one on a span of a unit (it becomes a passage again, with those of its themes that
still exist) or deletes it; either is one transaction.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from reader.core.errors import InvalidInput, NotFound
from reader.core.store.documents import now, unit_text
from reader.core.store.passages import Passage, insert_passage, passage_row
from reader.core.store.project import Project

_COLUMNS = (
    'u.id, u.document_id, u.passage_id, u.unit_id, u.unit_position, u.start, u."end", u.quote, u.context_before, '
    "u.context_after, u.coder, u.created_at, u.note, u.themes, u.recleaned_at"
)


@dataclass
class UnplacedPassage:
    id: int
    document_id: int
    passage_id: int  # the id it had as a passage
    unit_id: int | None  # the unit it was in (it may be gone)
    unit_position: int
    start: int  # in the old unit text
    end: int
    quote: str
    context_before: str
    context_after: str
    coder: str | None
    created_at: str
    note: str
    themes: list[tuple[int, str]] = field(default_factory=list)  # (id, name) as they were
    recleaned_at: str = ""
    source_name: str = ""

    @property
    def theme_names(self) -> list[str]:
        return [name for _, name in self.themes]

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "document": self.document_id,
            "source": self.source_name,
            "passage": self.passage_id,
            "unit": self.unit_id,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "themes": self.theme_names,
            "note": self.note,
        }


def unplaced_row(passage: Passage, themes: list[tuple[int, str]], document_id: int, unit_position: int,
                 recleaned_at: str | None = None) -> dict:
    """The row keeping `passage` (as it was before the re-cleaning) among the unplaced."""
    return {
        "document_id": document_id,
        "passage_id": passage.id,
        "unit_id": passage.unit_id,
        "unit_position": unit_position,
        "start": passage.start,
        "end": passage.end,
        "quote": passage.quote,
        "context_before": passage.context_before,
        "context_after": passage.context_after,
        "coder": passage.coder,
        "created_at": passage.created_at,
        "note": passage.note,
        "themes": json.dumps([list(t) for t in themes], ensure_ascii=False),
        "recleaned_at": recleaned_at or now(),
    }


def _record(row: tuple, source_name: str) -> UnplacedPassage:
    *head, themes, recleaned = row
    return UnplacedPassage(*head, themes=[(int(i), str(n)) for i, n in json.loads(themes)], recleaned_at=recleaned,
                           source_name=source_name)


def _select(project: Project, where: str = "", params: list | None = None) -> list[UnplacedPassage]:
    rows = project.db.execute(
        f"SELECT {_COLUMNS}, d.source_name FROM unplaced_passages u JOIN documents d ON d.id = u.document_id {where} "
        "ORDER BY u.document_id, u.unit_position, u.start, u.id",
        params or [],
    ).fetchall()
    return [_record(r[:-1], r[-1]) for r in rows]


def list_unplaced(project: Project, document_id: int | None = None) -> list[UnplacedPassage]:
    """The unplaced passages (of one document), by document, then old unit and position."""
    return _select(project, "WHERE u.document_id = ?", [document_id]) if document_id is not None else _select(project)


def get_unplaced(project: Project, unplaced_id: int) -> UnplacedPassage:
    found = _select(project, "WHERE u.id = ?", [unplaced_id])
    if not found:
        raise NotFound("unplaced_passage", str(unplaced_id))
    return found[0]


def count_unplaced(project: Project) -> int:
    return project.db.execute("SELECT count(*) FROM unplaced_passages").fetchone()[0]


def place(project: Project, unplaced_id: int, unit_id: int, start: int, end: int) -> Passage:
    """Make an unplaced passage a passage again on unit text [start, end), with those of its themes
    that still exist, its note, coder and date; it leaves the unplaced list (one transaction)."""
    item = get_unplaced(project, unplaced_id)
    text = unit_text(project, unit_id)
    if not (0 <= start < end <= len(text)) or not text[start:end].strip():
        raise InvalidInput("span", f"{start}-{end} (0-{len(text)})")
    existing = {r[0] for r in project.db.execute("SELECT id FROM themes")}
    theme_ids = [tid for tid, _ in item.themes if tid in existing]
    row = passage_row(unit_id, text, start, end, coder=item.coder, note=item.note, created_at=item.created_at)
    with project.db.atomic():
        passage = insert_passage(project, row, theme_ids)
        project.db.execute("DELETE FROM unplaced_passages WHERE id = ?", [unplaced_id])
    return passage


def delete_unplaced(project: Project, unplaced_id: int) -> UnplacedPassage:
    """Delete an unplaced passage for good (the user's explicit choice); returns it as it was."""
    item = get_unplaced(project, unplaced_id)
    with project.db.atomic():
        project.db.execute("DELETE FROM unplaced_passages WHERE id = ?", [unplaced_id])
    return item


def restore_unplaced(project: Project, item: UnplacedPassage) -> None:
    """Put an unplaced passage back as it was (undoing its placing or deleting)."""
    row = asdict(item)
    del row["source_name"]  # the document's, not a column
    row["themes"] = json.dumps([list(t) for t in item.themes], ensure_ascii=False)
    with project.db.atomic():
        project.db["unplaced_passages"].insert(row, pk="id")
