"""The outline as the window shows it, one level at a time: 省 ▸ 地市 ▸ 县区 ▸ report ▸ sections,
each node with its count of tagged passages.

A place is named by its path: (province,), (province, prefecture) or (province, prefecture,
county). A level whose value is unknown (NULL: a 直辖市's districts have no prefecture; a report
whose county was not found has none of the three) is not shown: its children take its place, so
the districts of 北京市 hang under the province and reports with no county under one root node.

Every function runs a few indexed queries over one level, so the window stays fast with thousands
of reports. `flt` filters by a substring of the province, prefecture, county, title, file name,
year or any section heading of a report (case-insensitive for Latin letters).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from reader.core.errors import NotFound
from reader.core.store import fulltext
from reader.core.store.documents import sections_of
from reader.core.store.project import Project

PLACE_COLUMNS = ("province", "prefecture", "county")
Path = tuple[str | None, ...]


@dataclass(frozen=True)
class PlaceRow:
    """A province (level 0), prefecture (1) or county (2)."""

    level: int
    path: Path  # the values of province .. this level
    units: int
    passages: int

    @property
    def name(self) -> str | None:
        return self.path[-1]


@dataclass(frozen=True)
class UnitRow:
    """A report, as the outline lists it."""

    id: int
    path: tuple[str | None, str | None, str | None]  # province, prefecture, county
    title: str | None
    year: int | None
    source: str
    passages: int


@dataclass
class SectionRow:
    id: int
    unit_id: int
    heading: str
    level: int
    start: int  # relative to the unit text
    end: int
    heading_end: int
    passages: int  # tagged passages that start inside the section (subsections included)
    children: list[SectionRow] = field(default_factory=list)

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()


# -- filtering -----------------------------------------------------------------------------------


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


@dataclass(frozen=True)
class Matching:
    """The reports a filter text keeps, found once (every level of the outline then asks for them)."""

    text: str
    ids: frozenset[int]


def matching(project: Project, flt: str | Matching | None) -> Matching | None:
    """The reports whose province, prefecture, county, title, year, file name or a section heading
    holds `flt` (None: no filter). Headings are looked at only in the reports whose text holds the
    filter, when the search index can say which (a county's name or a year is in few of them)."""
    if isinstance(flt, Matching) or flt is None:
        return flt
    text = flt.strip()
    if not text:
        return None
    pattern = _like(text)
    like = "LIKE ? ESCAPE '\\'"
    columns = ["u.province", "u.prefecture", "u.county", "u.title", "CAST(u.year AS TEXT)"]
    ids = {r[0] for r in project.db.execute(
        "SELECT u.id FROM units u WHERE " + " OR ".join(f"{c} {like}" for c in columns)
        + f" OR u.document_id IN (SELECT id FROM documents WHERE source_name {like})", [pattern] * (len(columns) + 1))}
    holding = _holding(project, text)
    if holding is None:
        rows = project.db.execute("SELECT DISTINCT unit_id FROM sections WHERE heading LIKE ? ESCAPE '\\'", [pattern])
        ids.update(r[0] for r in rows)
    else:
        rest = [uid for uid in holding if uid not in ids]
        for k in range(0, len(rest), 500):
            chunk = rest[k : k + 500]
            ids.update(r[0] for r in project.db.execute(
                f"SELECT DISTINCT unit_id FROM sections WHERE unit_id IN ({','.join('?' * len(chunk))}) "
                "AND heading LIKE ? ESCAPE '\\'", [*chunk, pattern]))
    return Matching(text, frozenset(ids))


def _holding(project: Project, text: str) -> list[int] | None:
    """The reports whose text holds `text` exactly, from the search index; None when it cannot say
    (no index, or Latin letters, which the filter matches in either case) or when a fifth of the
    reports or more do (a heading word: then one pass over all headings is quicker)."""
    if any("a" <= ch.lower() <= "z" for ch in text) or not fulltext.has_index(project):
        return None
    most = project.db.execute("SELECT count(*) FROM units").fetchone()[0] // 5 + 1
    found = fulltext.candidates(project, text, most)
    return None if len(found) >= most else found


def filter_clause(m: Matching | None) -> tuple[str, list]:
    """SQL (on units u) keeping the units a filter matched, and its parameters."""
    if m is None:
        return "1", []
    return "u.id IN (SELECT value FROM json_each(?))", [json.dumps(sorted(m.ids))]


def _path_clause(path: Path) -> tuple[str, list]:
    parts = [f"u.{PLACE_COLUMNS[i]} IS ?" for i in range(len(path))]
    return (" AND ".join(parts) or "1"), list(path)


# passages of one unit, through idx_passages_unit_id (a GROUP BY over all passages would cost as
# much for one county as for the whole project)
_UNIT_PASSAGES = "(SELECT count(*) FROM passages p WHERE p.unit_id = u.id)"


# -- levels --------------------------------------------------------------------------------------


def children(project: Project, path: Path = (), flt: str | Matching | None = None) -> list[PlaceRow | UnitRow]:
    """What the outline shows under the place at `path` (() is the root): places one level down,
    each unknown (NULL) place replaced by its own children; under a county, its reports (newest
    year first). Places come in the order of their administrative codes, unknown ones last. `flt`:
    a filter text, or what matching() found for it (the window finds it once for every level)."""
    flt = matching(project, flt)
    if len(path) > len(PLACE_COLUMNS):
        raise NotFound("place", "/".join(p or "" for p in path))
    if len(path) == len(PLACE_COLUMNS):
        return list(units_of(project, path, flt))
    level = len(path)
    column = PLACE_COLUMNS[level]
    where, params = _path_clause(path)
    fwhere, fparams = filter_clause(flt)
    rows = project.db.execute(
        f"SELECT u.{column}, count(*), coalesce(sum({_UNIT_PASSAGES}), 0), min(u.county_code) "
        f"FROM units u WHERE {where} AND {fwhere} GROUP BY u.{column} "
        f"ORDER BY u.{column} IS NULL, min(u.county_code) IS NULL, min(u.county_code), u.{column}",
        params + fparams,
    ).fetchall()
    out: list[PlaceRow | UnitRow] = []
    for value, units, passages, _code in rows:
        if value is None:
            out.extend(children(project, (*path, None), flt))
        else:
            out.append(PlaceRow(level, (*path, value), units, passages))
    return out


def units_of(project: Project, path: Path, flt: str | Matching | None = None) -> list[UnitRow]:
    """The reports of a county (path of three values, any of them None for unknown)."""
    where, params = _path_clause(path)
    fwhere, fparams = filter_clause(matching(project, flt))
    rows = project.db.execute(
        f"SELECT u.id, u.province, u.prefecture, u.county, u.title, u.year, d.source_name, {_UNIT_PASSAGES} "
        f"FROM units u JOIN documents d ON d.id = u.document_id WHERE {where} AND {fwhere} "
        "ORDER BY u.year IS NULL, u.year DESC, u.document_id, u.position",
        params + fparams,
    ).fetchall()
    return [UnitRow(r[0], (r[1], r[2], r[3]), r[4], r[5], r[6], r[7]) for r in rows]


def unit_row(project: Project, unit_id: int) -> UnitRow:
    row = project.db.execute(
        "SELECT u.id, u.province, u.prefecture, u.county, u.title, u.year, d.source_name, "
        "(SELECT count(*) FROM passages p WHERE p.unit_id = u.id) "
        "FROM units u JOIN documents d ON d.id = u.document_id WHERE u.id = ?",
        [unit_id],
    ).fetchone()
    if row is None:
        raise NotFound("unit", str(unit_id))
    return UnitRow(row[0], (row[1], row[2], row[3]), row[4], row[5], row[6], row[7])


def section_tree(project: Project, unit_id: int) -> list[SectionRow]:
    """The unit's sections, nested, each with its count of tagged passages."""
    trees = sections_of(project, [unit_id])
    starts = sorted(r[0] for r in project.db.execute("SELECT start FROM passages WHERE unit_id = ?", [unit_id]))
    from bisect import bisect_left

    def convert(s) -> SectionRow:
        n = bisect_left(starts, s.end) - bisect_left(starts, s.start)
        row = SectionRow(s.id, s.unit_id, s.heading, s.level, s.start, s.end, s.heading_end, n)
        row.children = [convert(c) for c in s.children]
        return row

    return [convert(s) for s in trees.get(unit_id, [])]


# -- counts --------------------------------------------------------------------------------------


def place_counts(project: Project, level: int) -> dict[Path, int]:
    """Tagged passages of every place at `level` (0 province, 1 prefecture, 2 county), by path."""
    columns = ", ".join(f"u.{c}" for c in PLACE_COLUMNS[: level + 1])
    rows = project.db.execute(
        f"SELECT {columns}, count(*) FROM passages p JOIN units u ON u.id = p.unit_id GROUP BY {columns}"
    ).fetchall()
    return {tuple(r[:-1]): r[-1] for r in rows}


def place_count(project: Project, path: Path) -> int:
    """Tagged passages of one place (a path of one to three values, None for unknown)."""
    where, params = _path_clause(path)
    return project.db.execute(
        f"SELECT count(*) FROM passages p JOIN units u ON u.id = p.unit_id WHERE {where}", params
    ).fetchone()[0]


def unit_counts(project: Project, unit_ids: list[int]) -> dict[int, int]:
    """Tagged passages of each unit (0 for those without)."""
    out = dict.fromkeys(unit_ids, 0)
    for k in range(0, len(unit_ids), 500):
        chunk = unit_ids[k : k + 500]
        out.update(
            project.db.execute(
                f"SELECT unit_id, count(*) FROM passages WHERE unit_id IN ({','.join('?' * len(chunk))}) "
                "GROUP BY unit_id",
                chunk,
            ).fetchall()
        )
    return out


def totals(project: Project) -> tuple[int, int, int]:
    """(counties, reports, tagged passages) in the project; unknown counties count as one."""
    counties = project.db.execute(
        "SELECT count(*) FROM (SELECT DISTINCT province, prefecture, county FROM units)"
    ).fetchone()[0]
    units = project.db.execute("SELECT count(*) FROM units").fetchone()[0]
    passages = project.db.execute("SELECT count(*) FROM passages").fetchone()[0]
    return counties, units, passages


def locate(project: Project, spec: str) -> tuple[int, int | None]:
    """A report and section named as "县区/section heading" (the heading: any part of it; without
    it, the county's newest report). Raises NotFound."""
    county, _, heading = spec.strip().partition("/")
    county, heading = county.strip(), heading.strip()
    rows = project.db.execute(
        "SELECT u.id FROM units u WHERE u.county = ? OR u.county LIKE ? ESCAPE '\\' "
        "ORDER BY u.county = ? DESC, u.year IS NULL, u.year DESC, u.id",
        [county, _like(county)[1:], county],
    ).fetchall()
    if not county or not rows:
        raise NotFound("county", county)
    if not heading:
        return rows[0][0], None
    for (uid,) in rows:
        for top in section_tree(project, uid):
            for s in top.walk():
                if heading in s.heading:
                    return uid, s.id
    raise NotFound("section", heading)


def matching_sections(project: Project, flt: str | None, limit: int = 500) -> list[tuple[int, int]]:
    """(unit id, section id) of the sections whose heading contains the filter text (one of the
    ways filter_clause lets a report through), in outline order; at most `limit`."""
    flt = (flt or "").strip()
    if not flt:
        return []
    rows = project.db.execute(
        "SELECT s.unit_id, s.id FROM sections s JOIN units u ON u.id = s.unit_id "
        "WHERE s.heading LIKE ? ESCAPE '\\' ORDER BY u.document_id, u.position, s.start LIMIT ?",
        [_like(flt), limit],
    ).fetchall()
    return [(r[0], r[1]) for r in rows]
