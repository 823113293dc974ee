"""Corrections to a report (unit): its county, year and title; deleting it and putting it back;
what the reading pane needs besides the text (damaged spans, the original of a span).

Every change is one transaction and returns a UnitChange with the values before and after, so
that undo is `update_unit(project, change.unit_id, **change.before)`. A county is typed by name
("离石区", "吕梁市离石区", "新绛"): it is resolved against the national list, the prefecture or
province typed with it (else the report's text) settling names that several places share.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from reader.core.errors import AmbiguousPlace, InvalidInput, NotFound
from reader.core.offsets import OffsetMap
from reader.core.store import fulltext
from reader.core.store.documents import get_unit, unit_text
from reader.core.store.project import Project
from reader.core.store.snapshots import Snapshot, cascade_rows, restore
from reader.core.structure import places

EDITABLE = ("title", "year", "county", "province", "prefecture", "county_code", "county_method")
PLACE_FIELDS = ("county", "province", "prefecture", "county_code", "county_method")
MANUAL = "manual"
YEARS = (1949, 2100)


@dataclass
class UnitChange:
    unit_id: int
    before: dict[str, object]
    after: dict[str, object]

    @property
    def moved(self) -> bool:
        """Whether the unit changed place in the outline (its county)."""
        return any(self.before.get(k) != self.after.get(k) for k in ("county", "province", "prefecture"))


def _current(project: Project, unit_id: int, fields: tuple[str, ...]) -> dict[str, object]:
    get_unit(project, unit_id)
    row = project.db.execute(
        f"SELECT {', '.join(fields)} FROM units WHERE id = ?", [unit_id]
    ).fetchone()
    return dict(zip(fields, row, strict=True))


def update_unit(project: Project, unit_id: int, **values: object) -> UnitChange:
    """Set editable fields of a unit (title, year, county, province, prefecture, county_code,
    county_method) as given."""
    unknown = [k for k in values if k not in EDITABLE]
    if unknown:
        raise InvalidInput("field", ", ".join(unknown))
    fields = tuple(values)
    before = _current(project, unit_id, fields)
    if not fields:
        return UnitChange(unit_id, {}, {})
    with project.db.atomic():
        project.db.execute(
            f"UPDATE units SET {', '.join(f'{k} = ?' for k in fields)} WHERE id = ?",
            [values[k] for k in fields] + [unit_id],
        )
    return UnitChange(unit_id, before, dict(values))


def set_title(project: Project, unit_id: int, title: str | None) -> UnitChange:
    title = (title or "").strip() or None
    return update_unit(project, unit_id, title=title)


def set_year(project: Project, unit_id: int, year: int | str | None) -> UnitChange:
    if year in (None, ""):
        return update_unit(project, unit_id, year=None)
    try:
        value = int(str(year).strip().removesuffix("年"))
    except ValueError as e:
        raise InvalidInput("year", str(year)) from e
    if not YEARS[0] <= value <= YEARS[1]:
        raise InvalidInput("year", str(year))
    return update_unit(project, unit_id, year=value)


def resolve_county(name: str, context: str = "") -> places.Place:
    """The county-level place a user typed (NotFound, or AmbiguousPlace, listing them, when the name
    is shared by several places and neither the input nor the context tells them apart)."""
    typed = name.strip()
    if not typed:
        raise InvalidInput("county", name)
    found = places.find_names(typed, include_generic=True)
    key = found[-1] if found else typed
    place = places.resolve_name(key, typed) or places.resolve_name(key, typed + "\n" + context)
    if place is not None:
        return place
    g = places.gazetteer()
    candidates = g.by_name.get(key) or g.by_short.get(key) or ()
    if len(candidates) > 1:
        raise AmbiguousPlace("county", key, len(candidates), "、".join(county_choices(candidates)))
    raise NotFound("county", typed)


def county_choices(candidates) -> list[str]:
    """How to name each of several places that share a name so that resolve_county takes it:
    prefecture/county (province/county when the prefecture is not known)."""
    return [f"{p.prefecture or p.province}/{p.county}" for p in candidates]


def set_county(project: Project, unit_id: int, name: str | None) -> UnitChange:
    """Correct the unit's county (and so its province and prefecture); empty clears it."""
    if not (name or "").strip():
        return update_unit(project, unit_id, **dict.fromkeys(PLACE_FIELDS[:-1]), county_method=MANUAL)
    place = resolve_county(name or "", unit_text(project, unit_id)[:3000])
    return update_unit(
        project,
        unit_id,
        county=place.county,
        province=place.province,
        prefecture=place.prefecture,
        county_code=place.code,
        county_method=MANUAL,
    )


# -- deleting and restoring ------------------------------------------------------------------------


@dataclass
class DeletedUnit:
    """What delete_unit removed: the snapshot restores it with the same ids (its document too
    when the unit was the document's only one)."""

    unit_id: int
    snapshot: Snapshot
    passages: int

    @property
    def document_removed(self) -> bool:
        return self.snapshot.count("documents") > 0


def delete_unit(project: Project, unit_id: int) -> DeletedUnit:
    """Delete a report with its sections, passages and notes. When it is the only unit of its
    document the document goes too (so the file can be imported again)."""
    info = get_unit(project, unit_id)
    siblings = project.db.execute("SELECT count(*) FROM units WHERE document_id = ?", [info.document_id]).fetchone()[0]
    text = unit_text(project, unit_id)
    with project.db.atomic():
        if siblings == 1:
            snap = cascade_rows(project, "documents", [info.document_id])
        else:
            snap = cascade_rows(project, "units", [unit_id])
        fulltext.unindex_units(project, [(unit_id, text)])
        if siblings == 1:
            project.db.execute("DELETE FROM documents WHERE id = ?", [info.document_id])
        else:
            project.db.execute("DELETE FROM units WHERE id = ?", [unit_id])
    return DeletedUnit(unit_id, snap, snap.count("passages"))


def restore_unit(project: Project, deleted: DeletedUnit) -> None:
    """Undo delete_unit: the unit, its sections, passages and notes, with their ids."""
    with project.db.atomic():
        restore(project, deleted.snapshot)
        fulltext.index_units(project, [(deleted.unit_id, unit_text(project, deleted.unit_id))])


# -- for the reading pane ----------------------------------------------------------------------------


def damaged_spans(project: Project, unit_id: int) -> list[tuple[int, int]]:
    """Spans of the unit text marked as damaged when it was cleaned (lost characters), relative to
    the unit text."""
    row = project.db.execute(
        'SELECT d.damaged, u.start, u."end" FROM units u JOIN documents d ON d.id = u.document_id WHERE u.id = ?',
        [unit_id],
    ).fetchone()
    if row is None:
        raise NotFound("unit", str(unit_id))
    spans, start, end = json.loads(row[0] or "[]"), row[1], row[2]
    return [(max(s, start) - start, min(e, end) - start) for s, e in spans if s < end and e > start]


def original_of(project: Project, unit_id: int, start: int, end: int) -> str:
    """The original (uncleaned) text that unit text [start, end) was cleaned from."""
    row = project.db.execute(
        "SELECT d.original_text, d.offset_map, u.start FROM units u JOIN documents d ON d.id = u.document_id "
        "WHERE u.id = ?",
        [unit_id],
    ).fetchone()
    if row is None:
        raise NotFound("unit", str(unit_id))
    original, offsets, base = row
    o_start, o_end = OffsetMap.from_json(offsets).span_to_original(base + start, base + end)
    return original[o_start:o_end]
