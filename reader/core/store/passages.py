"""Tagged passages: a span of a unit's text with themes and a note.

Offsets are code points relative to the unit text. Each passage keeps its quote, 30 characters of
context either side and the sha1 of the unit text the offsets refer to, so it can be found again
if the text is ever cleaned differently.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from reader.core.errors import AmbiguousQuote, InvalidInput, NotFound, QuoteNotFound
from reader.core.store.coders import coder_filter, default_coder
from reader.core.store.counties import key_filter, project_counties
from reader.core.store.documents import get_unit, innermost_section, now, sections_of, unit_text
from reader.core.store.project import Project
from reader.core.store.themes import get_theme, theme_tree

CONTEXT = 30


@dataclass
class Passage:
    id: int
    unit_id: int
    start: int
    end: int
    quote: str
    context_before: str
    context_after: str
    text_hash: str
    coder: str | None
    created_at: str
    note: str
    theme_ids: list[int] = field(default_factory=list)


@dataclass
class PassageRecord:
    """A passage as lists show it: with its themes' names, unit, county and section."""

    id: int
    unit: int
    county: str | None
    section: int | None
    heading: str | None
    start: int
    end: int
    quote: str
    themes: list[str]
    theme_ids: list[int]
    note: str
    coder: str | None
    created_at: str
    theme_paths: list[str] = field(default_factory=list)  # the themes' full paths (父/子), in the same order

    def to_json(self) -> dict:
        """The passage for scripts; its themes by their full paths (two may share a name)."""
        return {
            "id": self.id,
            "unit": self.unit,
            "county": self.county,
            "section": self.section,
            "heading": self.heading,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "themes": self.theme_paths or self.themes,
            "note": self.note,
            "coder": self.coder,
        }


def text_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()  # an identity, not security


def passage_row(unit_id: int, text: str, start: int, end: int, *, coder: str | None, note: str = "",
                created_at: str | None = None, digest: str | None = None) -> dict:
    """The row of a passage over unit text `text` [start, end): its quote, context either side and the
    hash of the text the offsets refer to (`digest`, when the caller has it already)."""
    return {
        "unit_id": unit_id,
        "start": start,
        "end": end,
        "quote": text[start:end],
        "context_before": text[max(0, start - CONTEXT) : start],
        "context_after": text[end : end + CONTEXT],
        "text_hash": digest or text_hash(text),
        "coder": coder,
        "created_at": created_at or now(),
        "note": note,
    }


def _check_themes(project: Project, theme_ids: list[int]) -> list[int]:
    out: list[int] = []
    for tid in theme_ids:
        get_theme(project, tid)
        if tid not in out:
            out.append(tid)
    return out


def tag(
    project: Project,
    unit_id: int,
    start: int,
    end: int,
    theme_ids: list[int],
    note: str = "",
    coder: str | None = None,
) -> Passage:
    """Tag unit text [start, end) with themes (at least one, or a note)."""
    text = unit_text(project, unit_id)
    if not (0 <= start < end <= len(text)):
        raise InvalidInput("span", f"{start}-{end} (0-{len(text)})")
    if not text[start:end].strip():
        raise InvalidInput("blank_span", f"{start}-{end}")
    theme_ids = _check_themes(project, list(theme_ids))
    if coder is None:
        coder = default_coder()
    return insert_passage(project, passage_row(unit_id, text, start, end, coder=coder, note=note or ""), theme_ids)


def insert_passage(project: Project, row: dict, theme_ids: list[int]) -> Passage:
    """Store a passage row (passage_row) with its themes (ids known to exist), in one transaction."""
    with project.db.atomic():
        pid = project.db["passages"].insert(row, pk="id").last_pk
        if theme_ids:
            project.db["passage_themes"].insert_all(
                [{"passage_id": pid, "theme_id": t} for t in theme_ids], pk=("passage_id", "theme_id")
            )
    return Passage(id=pid, theme_ids=theme_ids, **row)


def locate_quote(project: Project, unit_id: int, quote: str) -> tuple[int, int]:
    """The one place `quote` occurs in the unit text (QuoteNotFound / AmbiguousQuote)."""
    text = unit_text(project, unit_id)
    if not quote:
        raise InvalidInput("quote", quote)
    i = text.find(quote)
    if i < 0:
        raise QuoteNotFound(unit_id, quote)
    count = text.count(quote)
    if count > 1:
        raise AmbiguousQuote(unit_id, quote, count)
    return i, i + len(quote)


def tag_quote(
    project: Project, unit_id: int, quote: str, theme_ids: list[int], note: str = "", coder: str | None = None
) -> Passage:
    start, end = locate_quote(project, unit_id, quote)
    return tag(project, unit_id, start, end, theme_ids, note=note, coder=coder)


def get_passage(project: Project, passage_id: int) -> Passage:
    r = project.db.execute(
        'SELECT id, unit_id, start, "end", quote, context_before, context_after, text_hash, coder, created_at, note '
        "FROM passages WHERE id = ?",
        [passage_id],
    ).fetchone()
    if r is None:
        raise NotFound("passage", str(passage_id))
    themes = [t[0] for t in project.db.execute("SELECT theme_id FROM passage_themes WHERE passage_id = ?", [passage_id])]
    return Passage(*r, theme_ids=themes)


def delete_passage(project: Project, passage_id: int) -> Passage:
    """Delete a passage; returns it as it was."""
    p = get_passage(project, passage_id)
    with project.db.atomic():
        project.db.execute("DELETE FROM passages WHERE id = ?", [passage_id])
    return p


def set_passage_themes(project: Project, passage_id: int, theme_ids: list[int]) -> Passage:
    get_passage(project, passage_id)
    theme_ids = _check_themes(project, list(theme_ids))
    with project.db.atomic():
        project.db.execute("DELETE FROM passage_themes WHERE passage_id = ?", [passage_id])
        if theme_ids:
            project.db["passage_themes"].insert_all(
                [{"passage_id": passage_id, "theme_id": t} for t in theme_ids], pk=("passage_id", "theme_id")
            )
    return get_passage(project, passage_id)


def set_span(project: Project, passage_id: int, start: int, end: int) -> Passage:
    """Move a passage's start and end (unit offsets): its quote, context and text hash follow."""
    p = get_passage(project, passage_id)
    text = unit_text(project, p.unit_id)
    if not (0 <= start < end <= len(text)):
        raise InvalidInput("span", f"{start}-{end} (0-{len(text)})")
    if not text[start:end].strip():
        raise InvalidInput("blank_span", f"{start}-{end}")
    row = passage_row(p.unit_id, text, start, end, coder=p.coder, note=p.note, created_at=p.created_at)
    with project.db.atomic():
        project.db.execute(
            'UPDATE passages SET start = ?, "end" = ?, quote = ?, context_before = ?, context_after = ?, text_hash = ? '
            "WHERE id = ?",
            [start, end, row["quote"], row["context_before"], row["context_after"], row["text_hash"], passage_id],
        )
    return get_passage(project, passage_id)


def set_note(project: Project, passage_id: int, note: str) -> Passage:
    get_passage(project, passage_id)
    with project.db.atomic():
        project.db.execute("UPDATE passages SET note = ? WHERE id = ?", [note or "", passage_id])
    return get_passage(project, passage_id)


def list_passages(
    project: Project,
    unit_id: int | None = None,
    theme_ids: list[int] | None = None,
    county: str | None = None,
    coders: tuple[str, ...] | None = None,
) -> list[PassageRecord]:
    """Passages, filtered by unit, by themes (any of them), by county (a place as
    reader.core.store.counties resolves it: 鼓楼区, 福州市/鼓楼区, a code, counties.UNKNOWN; none for a county the
    project does not have, AmbiguousPlace for a bare name two places share) and by coders; by unit,
    then start."""
    where, params = [], []
    if coders is not None:
        condition, names = coder_filter(coders)
        where.append(condition)
        params.extend(names)
    if unit_id is not None:
        get_unit(project, unit_id)
        where.append("p.unit_id = ?")
        params.append(unit_id)
    if theme_ids:
        where.append(f"p.id IN (SELECT passage_id FROM passage_themes WHERE theme_id IN ({','.join('?' * len(theme_ids))}))")
        params.extend(theme_ids)
    if county:
        try:
            place = project_counties(project).resolve(county)
        except NotFound:
            return []
        condition, keys = key_filter([place.key])
        where.append(condition)
        params.extend(keys)
    rows = project.db.execute(
        f"SELECT {RECORD_COLUMNS} FROM passages p JOIN units u ON u.id = p.unit_id "
        + ("WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY u.document_id, u.position, p.start, p.id",
        params,
    ).fetchall()
    return records_of(project, rows)


# The columns records_of() takes, in this order (p: passages, u: units).
RECORD_COLUMNS = 'p.id, p.unit_id, u.county, p.start, p."end", p.quote, p.note, p.coder, p.created_at'


def records_of(project: Project, rows: list[tuple]) -> list[PassageRecord]:
    """PassageRecords for rows of RECORD_COLUMNS: with their themes (in codebook order) and the
    innermost section each starts in."""
    ids = [r[0] for r in rows]
    names: dict[int, list[tuple[int, str]]] = {}
    for k in range(0, len(ids), 500):
        chunk = ids[k : k + 500]
        for pid, tid, name in project.db.execute(
            "SELECT pt.passage_id, t.id, t.name FROM passage_themes pt JOIN themes t ON t.id = pt.theme_id "
            f"WHERE pt.passage_id IN ({','.join('?' * len(chunk))}) ORDER BY t.position, t.id",
            chunk,
        ):
            names.setdefault(pid, []).append((tid, name))
    trees = sections_of(project, sorted({r[1] for r in rows}))
    paths = {t.id: t.path for root in theme_tree(project) for t in root.walk()} if names else {}
    out = []
    for pid, uid, county, start, end, quote, note, coder, created in rows:
        section = innermost_section(trees.get(uid, []), start)
        themes = names.get(pid, [])
        out.append(
            PassageRecord(
                id=pid,
                unit=uid,
                county=county,
                section=section.id if section else None,
                heading=section.heading if section else None,
                start=start,
                end=end,
                quote=quote,
                themes=[n for _, n in themes],
                theme_ids=[t for t, _ in themes],
                note=note,
                coder=coder,
                created_at=created,
                theme_paths=[paths.get(t, n) for t, n in themes],
            )
        )
    return out
