"""Which reports to compare: all units, or those of chosen counties, a prefecture and years.

Criteria of different kinds narrow each other (counties AND prefecture AND years); several counties
or years widen (any of them). A county or prefecture is named exactly, or by the start of exactly
one name in the project (新绛 → 新绛县); an unknown one is NotFound, an ambiguous start AmbiguousName.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.core.errors import AmbiguousName, InvalidInput, NotFound
from reader.core.store.db import Project

YEAR_MIN, YEAR_MAX = 1949, 2100


@dataclass
class Selection:
    counties: list[str] = field(default_factory=list)
    prefecture: str | None = None
    years: list[int] = field(default_factory=list)

    @property
    def everything(self) -> bool:
        return not (self.counties or self.prefecture or self.years)

    def to_json(self) -> dict:
        return {"counties": list(self.counties), "prefecture": self.prefecture, "years": list(self.years)}

    @classmethod
    def from_json(cls, data: dict | None) -> Selection:
        data = data or {}
        return cls(list(data.get("counties") or []), data.get("prefecture"), [int(y) for y in data.get("years") or []])


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
    """The selection with every county and prefecture named as the project names it."""
    counties = [r[0] for r in project.db.execute("SELECT DISTINCT county FROM units WHERE county IS NOT NULL")]
    prefectures = [r[0] for r in project.db.execute("SELECT DISTINCT prefecture FROM units WHERE prefecture IS NOT NULL")]
    chosen: list[str] = []
    for c in selection.counties:
        name = _resolve("county", c, counties)
        if name not in chosen:
            chosen.append(name)
    prefecture = _resolve("prefecture", selection.prefecture, prefectures) if selection.prefecture else None
    for y in selection.years:
        if not (YEAR_MIN <= y <= YEAR_MAX):
            raise InvalidInput("year", str(y))
    return Selection(chosen, prefecture, sorted(set(selection.years)))


def select_units(project: Project, selection: Selection) -> list[int]:
    """Unit ids chosen by `selection` (resolved first), in import order."""
    sel = resolve(project, selection)
    where, params = [], []
    if sel.counties:
        where.append(f"u.county IN ({','.join('?' * len(sel.counties))})")
        params += sel.counties
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
    """What a selection can name in a project: its counties, prefectures and years, sorted."""

    counties: list[str]
    prefectures: list[str]
    years: list[int]


def choices(project: Project) -> Choices:
    db = project.db
    return Choices(
        [r[0] for r in db.execute("SELECT DISTINCT county FROM units WHERE county IS NOT NULL ORDER BY county")],
        [r[0] for r in db.execute("SELECT DISTINCT prefecture FROM units WHERE prefecture IS NOT NULL ORDER BY prefecture")],
        [r[0] for r in db.execute("SELECT DISTINCT year FROM units WHERE year IS NOT NULL ORDER BY year")],
    )


_NAME_SEPARATORS = re.compile(r"[,，、;；\s]+")


def split_names(text: str) -> list[str]:
    """Names typed in one box ('离石区、文水县', 'a, b', '2019-2021 2023') as a list."""
    return [n for n in _NAME_SEPARATORS.split(text or "") if n]
