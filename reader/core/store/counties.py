"""The counties of a project as places, and what a user means by a county.

A county's identity is its place, not its name: China has many county-level places that share a
name (鼓楼区 in 福州, 南京, 徐州 and 开封). The key of a place is its county_code when the national
list knew it, else "province/prefecture/county"; the reports whose county is not known form one
group of their own, keyed UNKNOWN. Names are for display:

    counties = project_counties(project)
    for c in counties.places: c.key, c.name, c.province, c.prefecture, c.code, c.reports, c.passages
    c.label        # 鼓楼区, or 鼓楼区（福州市） when the project holds two places of that name
    c.qualified    # what resolves back to it: 鼓楼区, or 福州市/鼓楼区 (福建省/福州市/鼓楼区, the code)
    counties.resolve("南京市/鼓楼区")  # a County; AmbiguousPlace for a bare shared name, NotFound

SQL filters and groupings use key_sql() (an expression over the units table), so that a place is
selected the same way everywhere: export, alignment, passages, the outline and the matrix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.core.errors import AmbiguousPlace, InvalidInput, NotFound

if TYPE_CHECKING:  # not imported at run time: the cleaning (an import's worker processes) needs no database
    from reader.core.store.project import Project

UNKNOWN = "unknown"  # the key of the reports whose county is not known
# What a user may type for that group (besides the key).
UNKNOWN_NAMES = frozenset({UNKNOWN, "未识别", "未识别县区", "县区未识别", "（县区未识别）", "县区不详", "（县区不详）",
                           "(county unknown)", "(county not identified)", "county not identified"})
SEPARATORS = re.compile(r"\s*[/／\\|｜]\s*")
_PARENT_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "地区", "省", "市", "盟", "州")


def key_of(code: str | None, province: str | None, prefecture: str | None, county: str | None) -> str:
    """The key of a unit's place (as key_sql computes it in SQL). A prefecture's or province's own
    report is keyed by that place (its code, else its path with an empty county)."""
    if not (county or prefecture or province):
        return UNKNOWN
    if code:
        return code
    return "/".join(x or "" for x in (province, prefecture, county))


def key_sql(alias: str = "u") -> str:
    """An SQL expression for the key of a unit's place, over the units table (aliased `alias`)."""
    a = f"{alias}." if alias else ""
    return (
        f"(CASE WHEN coalesce({a}county, '') = '' AND coalesce({a}prefecture, '') = '' "
        f"AND coalesce({a}province, '') = '' THEN '{UNKNOWN}' "
        f"WHEN coalesce({a}county_code, '') != '' THEN {a}county_code "
        f"ELSE coalesce({a}province, '') || '/' || coalesce({a}prefecture, '') || '/' || coalesce({a}county, '') END)"
    )


def key_filter(keys: Iterable[str], alias: str = "u") -> tuple[str, list[object]]:
    """A WHERE condition keeping the units of the places `keys`, and its parameters."""
    keys = list(dict.fromkeys(keys))
    return f"{key_sql(alias)} IN ({','.join('?' * len(keys))})", list(keys)


@dataclass(frozen=True)
class County:
    """A place of the project with its reports (or, keyed UNKNOWN, the reports whose county is not
    known: name None). A prefecture's or province's own reports make a place of that level: its name
    is the prefecture's or province's."""

    key: str
    name: str | None
    province: str | None
    prefecture: str | None
    code: str | None
    reports: int = 0
    passages: int = 0  # tagged passages in its reports
    label: str | None = None  # for display: the name, with its parent when the project has two of it
    qualified: str = ""  # the shortest name that resolves back to it in this project

    @property
    def unknown(self) -> bool:
        return self.key == UNKNOWN

    @property
    def parent(self) -> str | None:
        """The place above: a county's prefecture (or province), a prefecture's province."""
        above = [x for x in (self.province, self.prefecture) if x and x != self.name]
        return above[-1] if above else None


def _short(name: str) -> str:
    for suffix in _PARENT_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def _parent_names(c: County) -> set[str]:
    """What a user may type for the places above a county: 福州市, 福州, 福建省福州市, 福建福州…"""
    levels = [x for x in (c.province, c.prefecture) if x]
    names = {n for x in levels for n in (x, _short(x))}
    if len(levels) == 2:
        names |= {a + b for a in (levels[0], _short(levels[0])) for b in (levels[1], _short(levels[1]))}
    return names


@dataclass
class Counties:
    """The places of a project, in the order of their codes (those without a code after them, the
    unknown group last)."""

    places: list[County] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._by_key = {c.key: c for c in self.places}

    def get(self, key: str | None) -> County | None:
        return self._by_key.get(key or "")

    def label(self, key: str | None) -> str | None:
        """The display name of a place (None for the unknown group or a key not in the project)."""
        c = self.get(key)
        return c.label if c else None

    @property
    def named(self) -> list[County]:
        return [c for c in self.places if not c.unknown]

    @property
    def unknown(self) -> County | None:
        return self.get(UNKNOWN)

    def resolve(self, text: str) -> County:
        """The place a user means: a key (code), a name the project has once, or a name with the
        places above it ("福州市/鼓楼区", "福建省/福州市/鼓楼区", "福州市鼓楼区"); also the start of one
        name ("新绛" → 新绛县). AmbiguousPlace when several places match, NotFound when none."""
        typed = (text or "").strip()
        if not typed:
            raise InvalidInput("county", text or "")
        if typed in UNKNOWN_NAMES:
            if self.unknown is None:
                raise NotFound("county", typed)
            return self.unknown
        found = self.get(typed)
        if found is not None:
            return found
        matches = self._matches(typed)
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise AmbiguousPlace("county", typed, len(matches), "、".join(c.qualified for c in matches))
        raise NotFound("county", typed)

    def resolve_all(self, texts: Iterable[str]) -> list[County]:
        """Each of `texts` resolved, in order, each place once."""
        out: dict[str, County] = {}
        for t in texts:
            c = self.resolve(t)
            out.setdefault(c.key, c)
        return list(out.values())

    def _matches(self, typed: str) -> list[County]:
        parts = [p for p in SEPARATORS.split(typed) if p]
        if not parts:
            return []
        name, parents = parts[-1], parts[:-1]

        def above(c: County) -> bool:
            names = _parent_names(c)
            return all(p in names for p in parents)

        exact = [c for c in self.named if c.name == name and above(c)]
        if exact:
            return exact
        if not parents:  # the parents written before the name: 福州市鼓楼区
            joined = [c for c in self.named if c.name and typed.endswith(c.name) and typed[: -len(c.name)] in _parent_names(c)]
            if joined:
                return joined
        return [c for c in self.named if c.name and c.name.startswith(name) and above(c)]


def project_counties(project: Project) -> Counties:
    """Every place of the project's reports with its number of reports and tagged passages."""
    key = key_sql("u")
    rows = project.db.execute(
        f"SELECT {key} AS k, coalesce(min(u.county), min(u.prefecture), min(u.province)), min(u.province), "
        "min(u.prefecture), min(u.county_code), count(*), "
        "coalesce(sum(pc.n), 0) FROM units u "
        "LEFT JOIN (SELECT unit_id, count(*) AS n FROM passages GROUP BY unit_id) pc ON pc.unit_id = u.id GROUP BY k "
        "ORDER BY k = ?, min(u.county_code) IS NULL, min(u.county_code), min(u.province), min(u.prefecture), "
        "min(u.county)",
        [UNKNOWN],
    ).fetchall()
    named = _names([(k, county, province, prefecture, code) for k, county, province, prefecture, code, _r, _p in rows
                    if k != UNKNOWN])
    places = []
    for k, county, province, prefecture, code, reports, passages in rows:
        if k == UNKNOWN:
            places.append(County(UNKNOWN, None, None, None, None, reports, passages, None, UNKNOWN))
        else:
            label, qualified = named[k]
            places.append(County(k, county, province, prefecture, code or None, reports, passages, label, qualified))
    return Counties(places)


def _names(places: list[tuple]) -> dict[str, tuple[str, str]]:
    """Key -> (label, qualified name) of each (key, county, province, prefecture, code): a name the
    project holds once stands alone; two places of one name are told apart by their prefecture (or
    province, for a 直辖市's districts), else by both, else by the code."""
    by_name: dict[str, list[tuple]] = {}
    for place in places:
        by_name.setdefault(place[1], []).append(place)
    out: dict[str, tuple[str, str]] = {}
    for name, group in by_name.items():
        if len(group) == 1:
            out[group[0][0]] = (name, name)
            continue
        parents = [prefecture or province for _k, _n, province, prefecture, _c in group]
        levels = [tuple(x for x in (province, prefecture) if x) for _k, _n, province, prefecture, _c in group]
        above = [_parent_names(County(k, n, province, prefecture, c)) for k, n, province, prefecture, c in group]
        for (k, _n, _p, _f, code), parent, level in zip(group, parents, levels, strict=True):
            if parent and parents.count(parent) == 1 and sum(parent in a for a in above) == 1:
                out[k] = (f"{name}（{parent}）", f"{parent}/{name}")
            elif level and levels.count(level) == 1 and sum(all(x in a for x in level) for a in above) == 1:
                out[k] = (f"{name}（{''.join(level)}）", "/".join((*level, name)))
            else:  # the same names all the way up: only the code (or key) tells them apart
                out[k] = (f"{name}（{code or k}）", k)
    seen: dict[str, int] = {}
    for label, _q in out.values():
        seen[label] = seen.get(label, 0) + 1
    return {k: ((f"{label}（{k}）" if seen[label] > 1 else label), q) for k, (label, q) in out.items()}


def unit_keys(project: Project, unit_ids: Iterable[int] | None = None) -> dict[int, str]:
    """Unit id -> the key of its place (every unit when `unit_ids` is None)."""
    key = key_sql("u")
    if unit_ids is None:
        return dict(project.db.execute(f"SELECT u.id, {key} FROM units u"))
    ids = list(unit_ids)
    out: dict[int, str] = {}
    for k in range(0, len(ids), 500):
        chunk = ids[k : k + 500]
        out.update(project.db.execute(f"SELECT u.id, {key} FROM units u WHERE u.id IN ({','.join('?' * len(chunk))})", chunk))
    return out


def resolve_keys(project: Project, texts: Iterable[str]) -> list[str]:
    """The keys of the places a user named (each once, in order)."""
    texts = list(texts)
    if not texts:
        return []
    return [c.key for c in project_counties(project).resolve_all(texts)]


def unit_groups(project: Project, unit_ids: Iterable[int]) -> dict[int, str]:
    """Unit id -> a readable name of its place that tells places apart (鼓楼区, or 鼓楼区（福州市）
    when the project has two), '#<unit id>' for a unit whose county is not known: for grouping
    reports by county where the group's name is shown."""
    keys = unit_keys(project, unit_ids)
    places = project_counties(project)
    return {uid: places.label(key) or f"#{uid}" for uid, key in keys.items()}
