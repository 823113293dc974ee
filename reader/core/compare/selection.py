"""Which reports to compare: all units, or those of chosen counties, a prefecture and years.

Criteria of different kinds narrow each other (counties AND prefecture AND years); several counties
or years widen (any of them). A county is a place (reader.core.store.counties): named by its key, by a
name the project holds once or the start of one (新绛 → 新绛县), or with its prefecture when two
places share the name (福州市/鼓楼区); counties.UNKNOWN chooses the reports whose county is not known.
A prefecture is named exactly or by the start of one name. An unknown name is NotFound, an
ambiguous one AmbiguousName. A resolved selection keeps each place's key, so a stored one still
means the same places after a namesake is imported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.core.errors import AmbiguousName, InvalidInput, NotFound
from reader.core.store.counties import County, key_filter, project_counties
from reader.core.store.project import Project

YEAR_MIN, YEAR_MAX = 1949, 2100


@dataclass
class Selection:
    counties: list[str] = field(default_factory=list)  # as typed; resolved: names that resolve back (福州市/鼓楼区)
    prefecture: str | None = None
    years: list[int] = field(default_factory=list)
    county_keys: list[str] = field(default_factory=list)  # resolved: the places' keys, in the order of `counties`

    @property
    def everything(self) -> bool:
        return not (self.counties or self.county_keys or self.prefecture or self.years)

    def to_json(self) -> dict:
        return {"counties": list(self.counties), "county_keys": list(self.county_keys), "prefecture": self.prefecture,
                "years": list(self.years)}

    @classmethod
    def from_json(cls, data: dict | None) -> Selection:
        data = data or {}
        return cls(list(data.get("counties") or []), data.get("prefecture"), [int(y) for y in data.get("years") or []],
                   list(data.get("county_keys") or []))


def parse_years(values: Sequence[str]) -> list[int]:
    """'2021' or a range '2019-2022' (also with ～, ~ or –), each a year between 1949 and 2100."""
    out: list[int] = []
    for value in values:
        text = value.strip()
        for dash in ("～", "~", "–", "—", "至"):
            text = text.replace(dash, "-")
        parts = text.split("-")
        try:
            lo, hi = (int(parts[0]), int(parts[-1])) if len(parts) in (1, 2) else (0, -1)
        except ValueError as e:
            raise InvalidInput("year", value) from e
        if not (YEAR_MIN <= lo <= hi <= YEAR_MAX):
            raise InvalidInput("year", value)
        out += [y for y in range(lo, hi + 1) if y not in out]
    return out


def _resolve(kind: str, given: str, names: Sequence[str]) -> str:
    given = given.strip()
    if not given:
        raise InvalidInput(kind, given)
    if given in names:
        return given
    starts = sorted({n for n in names if n.startswith(given)})
    if len(starts) == 1:
        return starts[0]
    if len(starts) > 1:
        raise AmbiguousName(kind, given, len(starts))
    raise NotFound(kind, given)


def resolve(project: Project, selection: Selection) -> Selection:
    """The selection with every county a place of the project (its key, and the name that
    resolves back to it) and the prefecture named as the project names it."""
    counties = project_counties(project)
    prefectures = [r[0] for r in project.db.execute("SELECT DISTINCT prefecture FROM units WHERE prefecture IS NOT NULL")]
    known = [counties.get(k) for k in selection.county_keys]
    if selection.county_keys and all(known):  # a resolved selection: its places, however named now
        places: list[County] = list(dict.fromkeys(c for c in known if c is not None))
    else:
        places = counties.resolve_all(selection.counties)
    prefecture = _resolve("prefecture", selection.prefecture, prefectures) if selection.prefecture else None
    for y in selection.years:
        if not (YEAR_MIN <= y <= YEAR_MAX):
            raise InvalidInput("year", str(y))
    return Selection([c.qualified for c in places], prefecture, sorted(set(selection.years)), [c.key for c in places])


def select_units(project: Project, selection: Selection) -> list[int]:
    """Unit ids chosen by `selection` (resolved first), in import order."""
    sel = resolve(project, selection)
    where, params = [], []
    if sel.county_keys:
        condition, keys = key_filter(sel.county_keys)
        where.append(condition)
        params += keys
    if sel.prefecture:
        where.append("u.prefecture = ?")
        params.append(sel.prefecture)
    if sel.years:
        where.append(f"u.year IN ({','.join('?' * len(sel.years))})")
        params += sel.years
    sql = "SELECT u.id FROM units u " + ("WHERE " + " AND ".join(where) if where else "") + " ORDER BY u.document_id, u.position"
    return [r[0] for r in project.db.execute(sql, params)]


@dataclass
class Choices:
    """What a selection can name in a project: its county names, prefectures and years, sorted;
    and its places (reader.core.store.counties: in the order of their codes, two of one name apart, the
    reports whose county is not known last), which the comparison view's filter ticks."""

    counties: list[str]
    prefectures: list[str]
    years: list[int]
    places: list[County] = field(default_factory=list)


def choices(project: Project) -> Choices:
    db = project.db
    return Choices(
        [r[0] for r in db.execute("SELECT DISTINCT county FROM units WHERE county IS NOT NULL ORDER BY county")],
        [r[0] for r in db.execute("SELECT DISTINCT prefecture FROM units WHERE prefecture IS NOT NULL ORDER BY prefecture")],
        [r[0] for r in db.execute("SELECT DISTINCT year FROM units WHERE year IS NOT NULL ORDER BY year")],
        project_counties(project).places,
    )


_NAME_SEPARATORS = re.compile(r"[,，、;；\s]+")


def split_names(text: str) -> list[str]:
    """Names typed in one box ('离石区、文水县', 'a, b', '2019-2021 2023') as a list."""
    return [n for n in _NAME_SEPARATORS.split(text or "") if n]
