"""The stored alignment: its rows and members (align_rows, align_members), the units it was made
from (align_units), the run's description (setting 'align.run') and the user's corrections
(align_corrections). SQL only: what a correction means is reader.core.compare.corrections.

Rows are named by stable keys; the 其他 row (key 'other') always sorts last. Members are listed in
the order of the aligned units, then reading order (section ids follow reading order in a unit).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reader.core.align.model import OTHER_KEY, AlignResult, AlignRow
from reader.core.store.documents import now
from reader.core.store.project import Project
from reader.core.store.settings import get_setting, set_setting

RUN_SETTING = "align.run"


@dataclass(slots=True)  # a decade of reports stores ~300,000
class StoredMember:
    section_id: int
    unit_id: int
    county: str | None
    year: int | None
    source: str
    heading: str
    level: int
    start: int  # the section's span in the unit text
    end: int
    score: float | None  # None: placed by a correction since the last run
    terms: list[str]


@dataclass
class StoredRow:
    key: str
    label: str
    theme_id: int | None
    position: int
    members: list[StoredMember] = field(default_factory=list)
    parent: str | None = None  # the key of the frame row it hangs under
    frame: bool = False  # a row of frames (parts of reports read through their children)


@dataclass
class StoredCorrection:
    id: int
    kind: str
    section_id: int | None
    row_key: str
    target_row_key: str | None
    label: str | None
    row_label: str | None  # the label of row_key when the user made it
    target_row_label: str | None
    created_at: str
    undo: dict[str, Any] | None


# -- the whole result --------------------------------------------------------------------------


def save_result(project: Project, result: AlignResult, unit_ids: Sequence[int], run: dict[str, Any]) -> None:
    """Replace the stored alignment with `result` (one transaction)."""
    save_rows(project, result.rows, unit_ids, run, result.unfit)


def save_rows(project: Project, rows: Iterable[AlignRow], unit_ids: Sequence[int], run: dict[str, Any],
              unfit: Iterable[int] | Callable[[], Iterable[int]] = ()) -> None:
    """Replace the stored alignment with `rows`, written as they come (an alignment made in another
    process hands them over one at a time: they are never all held here), in one transaction: an
    error while they come leaves the stored alignment as it was. `unfit`: the units of another genre
    than the codebook's (or what gives them, once the rows are written)."""
    db = project.db
    with db.atomic():
        db.execute("DELETE FROM align_members")
        db.execute("DELETE FROM align_rows")
        db.execute("DELETE FROM align_units")
        theme_ids = {r[0] for r in db.execute("SELECT id FROM themes")}
        for position, row in enumerate(rows):
            rid = position + 1
            theme_id = row.theme_id if row.theme_id in theme_ids else None  # a theme deleted while aligning: unlinked
            db["align_rows"].insert({"id": rid, "key": row.key, "label": row.label, "position": position,
                                     "theme_id": theme_id, "parent": row.parent, "frame": int(row.frame)}, pk="id")
            members = [
                {"row_id": rid, "section_id": m.section_id, "score": m.score, "terms": json.dumps(m.terms, ensure_ascii=False)}
                for m in row.members
            ]
            if members:
                db["align_members"].insert_all(members, pk=("row_id", "section_id"))
        if unit_ids:
            misfits = set(unfit() if callable(unfit) else unfit)
            db["align_units"].insert_all(
                [{"unit_id": u, "position": i, "fits": int(u not in misfits)} for i, u in enumerate(unit_ids)], pk="unit_id"
            )
        set_setting(project, RUN_SETTING, run)


def run_info(project: Project) -> dict[str, Any] | None:
    return get_setting(project, RUN_SETTING)


def set_run_info(project: Project, run: dict[str, Any]) -> None:
    set_setting(project, RUN_SETTING, run)


def aligned_units(project: Project) -> list[int]:
    return [r[0] for r in project.db.execute("SELECT unit_id FROM align_units ORDER BY position")]


def row_parents(project: Project) -> dict[str, str]:
    """Row key -> the key of the frame row it hangs under, for the rows that have one."""
    return dict(project.db.execute("SELECT key, parent FROM align_rows WHERE parent IS NOT NULL"))


def unfit_units(project: Project) -> list[int]:
    """The aligned units of another genre than the codebook's (reader.core.align.fit)."""
    return [r[0] for r in project.db.execute("SELECT unit_id FROM align_units WHERE fits = 0 ORDER BY position")]


def load_rows(project: Project, keys: Sequence[str] | None = None,
              member: Callable[..., StoredMember] = StoredMember) -> list[StoredRow]:
    """The stored rows in order (其他 last) with their members (made by `member`, given the fields in
    order); `keys`: only those rows. The names of places and files and the terms are one string
    each however many members repeat them."""
    db = project.db
    where, params = "", []
    if keys is not None:
        where, params = f"WHERE key IN ({','.join('?' * len(keys))}) ", list(keys)
    rows = {
        r[0]: StoredRow(r[1], r[2], r[3], r[4], parent=r[5], frame=bool(r[6]))
        for r in db.execute(
            f"SELECT id, key, label, theme_id, position, parent, frame FROM align_rows {where}"
            "ORDER BY key = ?, position, id",
            [*params, OTHER_KEY],
        )
    }
    if not rows:
        return []
    only = f"WHERE m.row_id IN ({','.join('?' * len(rows))}) " if keys is not None else ""
    raw: list[StoredMember] = []
    terms: list[str] = []
    shared: dict = {}
    one = shared.setdefault
    for r in db.execute(
        "SELECT m.row_id, s.id, s.unit_id, u.county, u.year, d.source_name, s.heading, s.level, s.start, s.\"end\", "
        "m.score, m.terms FROM align_members m JOIN sections s ON s.id = m.section_id "
        "JOIN units u ON u.id = s.unit_id JOIN documents d ON d.id = u.document_id "
        f"LEFT JOIN align_units au ON au.unit_id = s.unit_id {only}"
        "ORDER BY m.row_id, coalesce(au.position, 1e9), s.unit_id, s.id",
        list(rows) if keys is not None else [],
    ):
        row = rows.get(r[0])
        if row is not None:
            m = member(r[1], r[2], one(r[3], r[3]), r[4], one(r[5], r[5]), r[6], r[7], r[8], r[9], r[10], _NO_TERMS)
            row.members.append(m)
            raw.append(m)
            terms.append(r[11] or "[]")
    # the terms parsed a chunk of members at a time: a json.loads per member is most of the time of
    # reading a big row, and one for 300,000 would hold the interpreter for a third of a second
    for k in range(0, len(raw), TERMS_CHUNK):
        parsed = json.loads("[" + ",".join(terms[k : k + TERMS_CHUNK]) + "]")
        for m, these in zip(raw[k : k + TERMS_CHUNK], parsed, strict=True):
            m.terms = [one(t, t) for t in these]
    return list(rows.values())


TERMS_CHUNK = 5000
_NO_TERMS: list[str] = []  # replaced for every member once its terms are read


def row_heads(project: Project, keys: Sequence[str]) -> list[StoredRow]:
    """The rows named by `keys` without their members, in order."""
    return [
        StoredRow(*r[:4], parent=r[4], frame=bool(r[5]))
        for r in project.db.execute(
            "SELECT key, label, theme_id, position, parent, frame FROM align_rows "
            f"WHERE key IN ({','.join('?' * len(keys))}) ORDER BY key = ?, position, id",
            [*keys, OTHER_KEY],
        )
    ]


def member_scores(project: Project, keys: Sequence[str]) -> dict[str, list[tuple[int, float | None, list[str]]]]:
    """Row key -> (section id, score, terms) of each of its members, for the rows named by `keys`
    (no order): what a correction can change, read without the sections' details."""
    out: dict[str, list[tuple[int, float | None, list[str]]]] = {k: [] for k in keys}
    found = project.db.execute(
        "SELECT r.key, m.section_id, m.score, m.terms FROM align_members m JOIN align_rows r ON r.id = m.row_id "
        f"WHERE r.key IN ({','.join('?' * len(keys))})",
        list(keys),
    ).fetchall()
    terms = json.loads("[" + ",".join(t or "[]" for _k, _s, _sc, t in found) + "]")
    for (key, sid, score, _t), t in zip(found, terms, strict=True):
        out[key].append((sid, score, t))
    return out


def load_members(project: Project, section_ids: Sequence[int]) -> dict[int, StoredMember]:
    """Section id -> the member it is in its row (details of the section and its report)."""
    out: dict[int, StoredMember] = {}
    ids = list(section_ids)
    for k in range(0, len(ids), 400):
        chunk = ids[k : k + 400]
        for r in project.db.execute(
            "SELECT s.id, s.unit_id, u.county, u.year, d.source_name, s.heading, s.level, s.start, s.\"end\", "
            "m.score, m.terms FROM align_members m JOIN sections s ON s.id = m.section_id "
            "JOIN units u ON u.id = s.unit_id JOIN documents d ON d.id = u.document_id "
            f"WHERE m.section_id IN ({','.join('?' * len(chunk))})",
            chunk,
        ):
            out[r[0]] = StoredMember(*r[:10], json.loads(r[10] or "[]"))
    return out


def row_sections(project: Project) -> dict[str, list[int]]:
    """Row key -> its members' section ids."""
    out: dict[str, list[int]] = {}
    for key, sid in project.db.execute(
        "SELECT r.key, m.section_id FROM align_rows r JOIN align_members m ON m.row_id = r.id ORDER BY r.id, m.section_id"
    ):
        out.setdefault(key, []).append(sid)
    return out


# -- pieces of rows, for corrections -----------------------------------------------------------


def row_by_key(project: Project, key: str) -> StoredRow | None:
    r = project.db.execute(
        "SELECT key, label, theme_id, position, parent, frame FROM align_rows WHERE key = ?", [key]
    ).fetchone()
    return StoredRow(*r[:4], parent=r[4], frame=bool(r[5])) if r else None


def children_of(project: Project, key: str) -> list[str]:
    """The keys of the rows that hang under row `key`."""
    return [r[0] for r in project.db.execute("SELECT key FROM align_rows WHERE parent = ? ORDER BY position", [key])]


def set_parent(project: Project, keys: Sequence[str], parent: str | None) -> None:
    for key in keys:
        project.db.execute("UPDATE align_rows SET parent = ? WHERE key = ?", [parent, key])


def membership(project: Project, section_id: int) -> dict[str, Any] | None:
    """Where a section sits: {'row': key, 'score': …, 'terms': […]}, or None."""
    r = project.db.execute(
        "SELECT r.key, m.score, m.terms FROM align_members m JOIN align_rows r ON r.id = m.row_id WHERE m.section_id = ?",
        [section_id],
    ).fetchone()
    return {"row": r[0], "score": r[1], "terms": json.loads(r[2] or "[]")} if r else None


def members_of(project: Project, key: str) -> list[dict[str, Any]]:
    return [
        {"section": r[0], "score": r[1], "terms": json.loads(r[2] or "[]")}
        for r in project.db.execute(
            "SELECT m.section_id, m.score, m.terms FROM align_members m JOIN align_rows r ON r.id = m.row_id "
            "WHERE r.key = ? ORDER BY m.section_id",
            [key],
        )
    ]


def add_row(project: Project, key: str, label: str, theme_id: int | None = None, position: int | None = None,
            parent: str | None = None, frame: bool = False) -> None:
    """A new row (last before 其他 unless `position` is given)."""
    db = project.db
    if position is None:
        position = db.execute("SELECT coalesce(max(position), -1) + 1 FROM align_rows").fetchone()[0]
    db.execute("UPDATE align_rows SET position = position + 1 WHERE position >= ?", [position])
    db["align_rows"].insert({"key": key, "label": label, "theme_id": theme_id, "position": position,
                             "parent": parent, "frame": int(frame)}, pk="id")


def remove_row(project: Project, key: str) -> None:
    project.db.execute("DELETE FROM align_rows WHERE key = ?", [key])


def set_label(project: Project, key: str, label: str) -> None:
    project.db.execute("UPDATE align_rows SET label = ? WHERE key = ?", [label, key])


def place(project: Project, section_id: int, key: str, score: float | None, terms: Sequence[str] = ()) -> None:
    """Put a section in row `key` (out of any other row)."""
    db = project.db
    db.execute("DELETE FROM align_members WHERE section_id = ?", [section_id])
    db.execute(
        "INSERT INTO align_members (row_id, section_id, score, terms) SELECT id, ?, ?, ? FROM align_rows WHERE key = ?",
        [section_id, score, json.dumps(list(terms), ensure_ascii=False), key],
    )


def unplace(project: Project, section_id: int) -> None:
    project.db.execute("DELETE FROM align_members WHERE section_id = ?", [section_id])


def move_all(project: Project, from_key: str, to_key: str, score: float | None = None) -> None:
    """Every member of one row into another (their scores reset to `score`)."""
    project.db.execute(
        "UPDATE align_members SET row_id = (SELECT id FROM align_rows WHERE key = ?), score = ? "
        "WHERE row_id = (SELECT id FROM align_rows WHERE key = ?)",
        [to_key, score, from_key],
    )


def row_order(project: Project) -> list[str]:
    """Every stored row's key, in the order load_rows gives them."""
    return [r[0] for r in project.db.execute("SELECT key FROM align_rows ORDER BY key = ?, position, id", [OTHER_KEY])]


def row_keys(project: Project) -> set[str]:
    return {r[0] for r in project.db.execute("SELECT key FROM align_rows")}


# -- corrections -------------------------------------------------------------------------------

_CORRECTION_COLUMNS = (
    "id, kind, section_id, row_key, target_row_key, label, row_label, target_row_label, created_at, undo"
)


def _correction(r) -> StoredCorrection:
    return StoredCorrection(*r[:9], json.loads(r[9]) if r[9] else None)


def insert_correction(
    project: Project,
    *,
    kind: str,
    section_id: int | None,
    row_key: str,
    target_row_key: str | None,
    label: str | None,
    row_label: str | None,
    target_row_label: str | None,
    undo: dict[str, Any] | None,
) -> StoredCorrection:
    row = {
        "kind": kind,
        "section_id": section_id,
        "row_key": row_key,
        "target_row_key": target_row_key,
        "label": label,
        "row_label": row_label,
        "target_row_label": target_row_label,
        "created_at": now(),
        "undo": json.dumps(undo, ensure_ascii=False) if undo is not None else None,
    }
    cid = project.db["align_corrections"].insert(row, pk="id").last_pk
    return get_correction(project, cid)


def get_correction(project: Project, correction_id: int) -> StoredCorrection | None:
    r = project.db.execute(
        f"SELECT {_CORRECTION_COLUMNS} FROM align_corrections WHERE id = ?", [correction_id]
    ).fetchone()
    return _correction(r) if r else None


def list_corrections(project: Project) -> list[StoredCorrection]:
    """Oldest first: the order they are applied in (later ones win)."""
    return [_correction(r) for r in project.db.execute(f"SELECT {_CORRECTION_COLUMNS} FROM align_corrections ORDER BY id")]


def delete_correction(project: Project, correction_id: int) -> None:
    project.db.execute("DELETE FROM align_corrections WHERE id = ?", [correction_id])


def user_keys(project: Project) -> set[str]:
    """Every row key named anywhere: stored rows and corrections."""
    keys = row_keys(project)
    for a, b in project.db.execute("SELECT row_key, target_row_key FROM align_corrections"):
        keys.update(k for k in (a, b) if k)
    return keys
