"""Documents, units and sections in a project: writing an imported document, and the read
functions the command line and the window use (outline, unit text).

Offsets: a unit's text is document.cleaned_text[unit.start:unit.end]; sections (and passages and
search hits) are stored and returned relative to that unit text.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from reader.core.errors import NotFound
from reader.core.model import SectionSpan, UnitSpan
from reader.core.offsets import OffsetMap
from reader.core.store import fulltext
from reader.core.store.counties import key_filter, key_sql, project_counties
from reader.core.store.project import Project


@dataclass
class SectionOutline:
    id: int
    unit_id: int
    parent_id: int | None
    position: int
    level: int
    heading: str
    kind: str | None
    start: int  # relative to the unit text
    end: int
    heading_end: int
    children: list[SectionOutline] = field(default_factory=list)

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()


@dataclass
class UnitInfo:
    id: int
    document_id: int
    position: int
    source: str  # the file name
    source_path: str
    start: int  # into the document's cleaned text
    end: int
    title: str | None
    author: str | None
    year: int | None
    county: str | None
    province: str | None
    prefecture: str | None
    county_code: str | None
    method: str | None
    office: str | None = None

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass
class UnitOutline(UnitInfo):
    sections: list[SectionOutline] = field(default_factory=list)

    def walk_sections(self):
        for s in self.sections:
            yield from s.walk()


@dataclass
class DocumentInfo:
    id: int
    source_path: str
    source_name: str
    sha256: str
    encoding: str | None
    format: str
    steps: list[str]
    damaged: list[tuple[int, int]]
    imported_at: str
    units: int


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# -- writing -----------------------------------------------------------------------------------


def stored_path(path: str) -> str | bytes:
    """A source path as stored: as text, or as the bytes of its name when it is not valid UTF-8 (GBK
    names from an archive unzipped on Linux reach Python as lone surrogates, which SQLite cannot
    hold as text)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path)
    return path


def shown_path(value: str | bytes) -> str:
    """A stored source path as text to show (the bytes of a name that is not UTF-8 read with
    replacement characters)."""
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value


def path_of(value: str | bytes) -> Path:
    """A stored source path as a path of this system (bytes as they were)."""
    return Path(os.fsdecode(value) if isinstance(value, bytes) else value)


def shown_name(name: str) -> str:
    """A file name as stored and shown: the bytes of a name that is not UTF-8 (lone surrogates) read
    with replacement characters."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return name


def insert_document(
    project: Project,
    *,
    source_path: str,
    source_name: str,
    sha256: str,
    encoding: str | None,
    format: str,
    original_text: str,
    cleaned_text: str,
    offsets: OffsetMap,
    steps: list[str],
    damaged: list[tuple[int, int]],
    units: list[UnitSpan],
    index: bool = True,
) -> tuple[int, list[int]]:
    """Insert a document with its units, sections and search index entries, in one transaction.
    With `index` False the caller indexes the units itself (an import indexes a whole batch at
    once: see reader.core.ingest.importing). Returns (document id, unit ids).

    The rows go in with plain prepared statements and explicit ids: this is the import's hot path,
    where sqlite-utils' insert() (a look at the table's columns and a JSON check of every value)
    took a third of the writer's time."""
    db = project.db
    with db.atomic():
        doc_id = db.conn.execute(
            f"INSERT INTO documents ({', '.join(_DOCUMENT_COLUMNS)}) VALUES ({', '.join('?' * len(_DOCUMENT_COLUMNS))})",
            [stored_path(source_path), shown_name(source_name), sha256, encoding, format, original_text, cleaned_text,
             offsets.to_json(), json.dumps(steps, ensure_ascii=False), json.dumps([list(d) for d in damaged]), now()],
        ).lastrowid
        next_unit = next_id(project, "units")
        next_section = next_id(project, "sections")
        unit_rows, sections, unit_ids = [], [], []
        for position, u in enumerate(units):
            uid = next_unit + position
            unit_ids.append(uid)
            unit_rows.append(unit_row(uid, doc_id, position, u))
            sections += section_rows(u.sections, uid, u.start, next_section + len(sections))
        _insert_rows(project, "units", unit_rows)
        _insert_rows(project, "sections", sections)
        if index:
            fulltext.index_units(project, [(uid, cleaned_text[u.start : u.end]) for uid, u in zip(unit_ids, units, strict=True)])
    return doc_id, unit_ids


_DOCUMENT_COLUMNS = ("source_path", "source_name", "sha256", "encoding", "format", "original_text", "cleaned_text",
                     "offset_map", "steps", "damaged", "imported_at")


def _insert_rows(project: Project, table: str, rows: list[dict]) -> None:
    """Insert rows (dicts of the same keys, explicit ids) with one prepared statement."""
    if not rows:
        return
    columns = list(rows[0])
    names = ", ".join(f'"{c}"' for c in columns)
    project.db.conn.executemany(
        f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})",
        [[r[c] for c in columns] for r in rows],
    )


def next_id(project: Project, table: str) -> int:
    """The id the next row of `table` (units, sections) gets: rows are inserted with explicit ids."""
    return project.db.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0]


def unit_row(unit_id: int, document_id: int, position: int, u: UnitSpan) -> dict:
    """The `units` row of the unit `u` found in a document's cleaned text."""
    place = u.place
    return {
        "id": unit_id,
        "document_id": document_id,
        "position": position,
        "start": u.start,
        "end": u.end,
        "title": u.title,
        "author": u.author,
        "office": u.office,
        "year": u.year,
        "county": place.county if place else None,
        "province": place.province if place else None,
        "prefecture": place.prefecture if place else None,
        "county_code": place.code if place else None,
        "county_method": u.place_method,
    }


def section_rows(sections: list[SectionSpan], unit_id: int, base: int, first_id: int) -> list[dict]:
    """The `sections` rows of a unit's section tree (spans in the document's cleaned text, `base`
    the unit's start), parents before children, with ids from `first_id` on."""
    out: list[dict] = []
    _section_rows(sections, unit_id, base, None, first_id, out)
    return out


def _section_rows(
    sections: list[SectionSpan], unit_id: int, base: int, parent: int | None, next_id: int, out: list[dict]
) -> int:
    for position, s in enumerate(sections):
        sid = next_id
        next_id += 1
        out.append(
            {
                "id": sid,
                "unit_id": unit_id,
                "parent_id": parent,
                "position": position,
                "level": s.level,
                "heading": s.heading,
                "kind": s.kind,
                "start": s.start - base,
                "end": s.end - base,
                "heading_end": s.heading_end - base,
            }
        )
        next_id = _section_rows(s.children, unit_id, base, sid, next_id, out)
    return next_id


def delete_document(project: Project, document_id: int) -> list[int]:
    """Delete a document with its units, sections and passages. Returns the unit ids removed."""
    db = project.db
    row = db.execute("SELECT cleaned_text FROM documents WHERE id = ?", [document_id]).fetchone()
    if row is None:
        raise NotFound("document", str(document_id))
    units = db.execute('SELECT id, start, "end" FROM units WHERE document_id = ?', [document_id]).fetchall()
    with db.atomic():
        fulltext.unindex_units(project, [(uid, row[0][s:e]) for uid, s, e in units])
        db.execute("DELETE FROM documents WHERE id = ?", [document_id])
    return [u[0] for u in units]


# -- reading -----------------------------------------------------------------------------------

_UNIT_COLUMNS = (
    'u.id, u.document_id, u.position, d.source_name, d.source_path, u.start, u."end", u.title, u.author, '
    "u.year, u.county, u.province, u.prefecture, u.county_code, u.county_method, u.office"
)


def _unit_info(row, cls=UnitInfo):
    return cls(*row[:4], shown_path(row[4]), *row[5:])


def find_sha256(project: Project, sha256: str) -> int | None:
    row = project.db.execute("SELECT id FROM documents WHERE sha256 = ?", [sha256]).fetchone()
    return row[0] if row else None


def list_documents(project: Project) -> list[DocumentInfo]:
    rows = project.db.execute(
        "SELECT d.id, d.source_path, d.source_name, d.sha256, d.encoding, d.format, d.steps, d.damaged, "
        "d.imported_at, (SELECT count(*) FROM units u WHERE u.document_id = d.id) FROM documents d ORDER BY d.id"
    ).fetchall()
    return [
        DocumentInfo(r[0], shown_path(r[1]), r[2], r[3], r[4], r[5], json.loads(r[6]), [tuple(x) for x in json.loads(r[7])],
                     r[8], r[9])
        for r in rows
    ]


def get_unit(project: Project, unit_id: int) -> UnitInfo:
    row = project.db.execute(
        f"SELECT {_UNIT_COLUMNS} FROM units u JOIN documents d ON d.id = u.document_id WHERE u.id = ?", [unit_id]
    ).fetchone()
    if row is None:
        raise NotFound("unit", str(unit_id))
    return _unit_info(row)


def list_units(project: Project, county: str | None = None) -> list[UnitInfo]:
    """Units in import order; `county`: only those of a place, as reader.core.store.counties resolves it
    (鼓楼区, 福州市/鼓楼区, a code, counties.UNKNOWN; none for a county the project does not have,
    AmbiguousPlace for a bare name two places share)."""
    where, params = "", []
    if county:
        try:
            place = project_counties(project).resolve(county)
        except NotFound:
            return []
        condition, params = key_filter([place.key])
        where = "WHERE " + condition
    rows = project.db.execute(
        f"SELECT {_UNIT_COLUMNS} FROM units u JOIN documents d ON d.id = u.document_id {where} "
        "ORDER BY u.document_id, u.position",
        params,
    ).fetchall()
    return [_unit_info(r) for r in rows]


def unit_text(project: Project, unit_id: int) -> str:
    """The unit's cleaned text: every offset the program shows or takes is relative to it."""
    row = project.db.execute(
        'SELECT substr(d.cleaned_text, u.start + 1, u."end" - u.start) FROM units u '
        "JOIN documents d ON d.id = u.document_id WHERE u.id = ?",
        [unit_id],
    ).fetchone()
    if row is None:
        raise NotFound("unit", str(unit_id))
    return row[0]


def unit_texts(project: Project, unit_ids: list[int]) -> list[tuple[int, str]]:
    """(id, text) of the units (a few hundred at a time), in the order of their ids."""
    if not unit_ids:
        return []
    return project.db.execute(
        'SELECT u.id, substr(d.cleaned_text, u.start + 1, u."end" - u.start) '
        f"FROM units u JOIN documents d ON d.id = u.document_id WHERE u.id IN ({','.join('?' * len(unit_ids))}) "
        "ORDER BY u.id",
        unit_ids,
    ).fetchall()


def unit_original_text(project: Project, unit_id: int) -> str:
    """The span of the original (uncleaned) text the unit was cleaned from."""
    row = project.db.execute(
        'SELECT d.original_text, d.offset_map, u.start, u."end" FROM units u '
        "JOIN documents d ON d.id = u.document_id WHERE u.id = ?",
        [unit_id],
    ).fetchone()
    if row is None:
        raise NotFound("unit", str(unit_id))
    original, offsets, start, end = row
    o_start, o_end = OffsetMap.from_json(offsets).span_to_original(start, end)
    return original[o_start:o_end]


def original_span(project: Project, unit_id: int, start: int, end: int) -> tuple[int, int]:
    """A unit-relative cleaned span as a span of the document's original text."""
    row = project.db.execute(
        "SELECT d.offset_map, u.start FROM units u JOIN documents d ON d.id = u.document_id WHERE u.id = ?",
        [unit_id],
    ).fetchone()
    if row is None:
        raise NotFound("unit", str(unit_id))
    return OffsetMap.from_json(row[0]).span_to_original(row[1] + start, row[1] + end)


def sections_of(project: Project, unit_ids: list[int] | None = None) -> dict[int, list[SectionOutline]]:
    """Section trees by unit id (all units when `unit_ids` is None)."""
    if unit_ids is None:
        rows = project.db.execute(
            'SELECT id, unit_id, parent_id, position, level, heading, kind, start, "end", heading_end '
            "FROM sections ORDER BY unit_id, id"
        ).fetchall()
    else:
        rows = []
        for k in range(0, len(unit_ids), 500):
            chunk = unit_ids[k : k + 500]
            rows += project.db.execute(
                'SELECT id, unit_id, parent_id, position, level, heading, kind, start, "end", heading_end '
                f"FROM sections WHERE unit_id IN ({','.join('?' * len(chunk))}) ORDER BY unit_id, id",
                chunk,
            ).fetchall()
    by_id: dict[int, SectionOutline] = {}
    trees: dict[int, list[SectionOutline]] = {}
    for r in rows:
        s = SectionOutline(*r)
        by_id[s.id] = s
        parent = by_id.get(s.parent_id) if s.parent_id is not None else None
        (parent.children if parent else trees.setdefault(s.unit_id, [])).append(s)
    for tree in trees.values():
        _sort(tree)
    return trees


def _sort(sections: list[SectionOutline]) -> None:
    sections.sort(key=lambda s: s.position)
    for s in sections:
        _sort(s.children)


def innermost_section(sections: list[SectionOutline], pos: int) -> SectionOutline | None:
    """The deepest section whose span holds unit offset `pos`."""
    found = None
    level = sections
    while True:
        nxt = next((s for s in level if s.start <= pos < s.end), None)
        if nxt is None:
            return found
        found, level = nxt, nxt.children


def get_section(project: Project, section_id: int) -> SectionOutline:
    row = project.db.execute(
        'SELECT id, unit_id, parent_id, position, level, heading, kind, start, "end", heading_end '
        "FROM sections WHERE id = ?",
        [section_id],
    ).fetchone()
    if row is None:
        raise NotFound("section", str(section_id))
    return SectionOutline(*row)


def outline(project: Project, county: str | None = None) -> list[UnitOutline]:
    """Every unit with its section tree, in import order."""
    units = list_units(project, county)
    trees = sections_of(project, None if county is None else [u.id for u in units])
    out = []
    for u in units:
        o = UnitOutline(**u.__dict__)
        o.sections = trees.get(u.id, [])
        out.append(o)
    return out


def counties(project: Project) -> list[tuple[str | None, int]]:
    """(county, number of units) of each place (reader.core.store.counties: two places of one name apart,
    named 鼓楼区（福州市）), in first-import order; None for the units without a county."""
    places = project_counties(project)
    rows = project.db.execute(
        f"SELECT {key_sql('u')} AS k, count(*), min(u.id) FROM units u GROUP BY k ORDER BY min(u.id)"
    ).fetchall()
    return [(places.label(r[0]), r[1]) for r in rows]
