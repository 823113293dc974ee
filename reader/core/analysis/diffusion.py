"""How a phrase or a theme spread across counties over the years: the first year each county used
it, and how many counties used it (for the first time, that year, by then) each year.

A phrase is used in a report that holds it (the search index counts it: no text is read); a theme
is used in a report with a passage tagged with it or one of its sub-themes. A county is a place
(reader.core.store.counties: two places of one name apart); reports without a county or a year are left
out and counted. Each county's first use is its earliest report that uses it (the first report of
that year in import order) with the place in it: the phrase's first occurrence (first_use_span,
read when asked for) or the first tagged passage.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from reader.core import search
from reader.core.errors import InvalidInput
from reader.core.store.counties import UNKNOWN, key_sql, project_counties
from reader.core.store.documents import unit_text, unit_texts
from reader.core.store.passage_scope import expand_themes
from reader.core.store.project import Project
from reader.core.store.themes import find_theme

PHRASE, THEME = "phrase", "theme"


@dataclass
class YearRow:
    year: int
    reporting: int  # counties with a report of that year
    using: int  # counties whose report of that year uses it
    new: int  # counties that use it for the first time that year
    cumulative: int  # counties that have used it by that year

    @property
    def share(self) -> float:
        """The share of that year's reporting counties that use it."""
        return self.using / self.reporting if self.reporting else 0.0


@dataclass
class FirstUse:
    key: str  # the place's key (reader.core.store.counties)
    county: str  # its label (鼓楼区, or 鼓楼区（福州市） when two places share the name)
    prefecture: str | None
    province: str | None
    code: str | None
    year: int
    unit: int  # the report of its first use
    start: int | None = None  # where in the unit text (None: not looked up yet; see first_use_span)
    end: int | None = None
    occurrences: int = 0  # in that report (a theme: its passages)

    def to_json(self) -> dict:
        return dict(self.__dict__)


@dataclass
class Diffusion:
    query: str  # the phrase, or the theme's name
    kind: Literal["phrase", "theme"]
    years: list[YearRow]  # every year the project has reports of, in order
    first_uses: list[FirstUse]  # one per county, by year, then by place (its code)
    reports: int  # reports that use it (with a county and a year)
    occurrences: int  # of the phrase, or passages of the theme, in those reports
    undated: int = 0  # reports that use it but have no year
    unplaced: int = 0  # reports that use it but have no county
    theme_id: int | None = None
    counted_by: str = "index"  # a phrase's counts: 'index' or 'text' (search.SearchResult.counted_by)

    @property
    def counties(self) -> int:
        return len(self.first_uses)

    def to_json(self) -> dict:
        return {
            "query": self.query, "kind": self.kind, "counties": self.counties, "reports": self.reports,
            "occurrences": self.occurrences, "undated": self.undated, "unplaced": self.unplaced,
            "years": [dict(r.__dict__, share=round(r.share, 4)) for r in self.years],
            "first_uses": [f.to_json() for f in self.first_uses],
        }


def diffusion(project: Project, phrase: str | None = None, theme: str | int | None = None) -> Diffusion:
    """The spread of `phrase` (every exact occurrence) or of `theme` (a name, path or id: its passages
    and those of its sub-themes) over the project's counties and years."""
    if (phrase is None) == (theme is None):
        raise InvalidInput("timeline", "" if phrase is None else f"{phrase} / {theme}")
    if phrase is not None:
        if not phrase.strip():
            raise InvalidInput("query", phrase)
        used, counted_by = _phrase_units(project, phrase)
        return _spread(project, phrase, PHRASE, used, None, counted_by)
    t = find_theme(project, theme)
    return _spread(project, t.name, THEME, _theme_units(project, t.id), t.id, "index")


def _phrase_units(project: Project, phrase: str) -> tuple[dict[int, tuple[int, int | None, int | None]], str]:
    """unit id -> (occurrences, None, None) of every report that holds the phrase."""
    result = search.search(project, phrase, limit=0)
    return {uid: (n, None, None) for uid, n in result.units}, result.counted_by


def _theme_units(project: Project, theme_id: int) -> dict[int, tuple[int, int | None, int | None]]:
    """unit id -> (passages, start and end of its first passage) of every report tagged with the theme."""
    ids = expand_themes(project, [theme_id])
    rows = project.db.execute(
        f'SELECT p.unit_id, count(DISTINCT p.id), min(p.start), min(p."end") FROM passages p '
        f"JOIN passage_themes pt ON pt.passage_id = p.id WHERE pt.theme_id IN ({','.join('?' * len(ids))}) "
        "GROUP BY p.unit_id",
        ids,
    ).fetchall()
    first = {}
    for uid, start, end in project.db.execute(
        f'SELECT p.unit_id, p.start, p."end" FROM passages p JOIN passage_themes pt ON pt.passage_id = p.id '
        f"WHERE pt.theme_id IN ({','.join('?' * len(ids))}) ORDER BY p.unit_id DESC, p.start DESC, p.\"end\" DESC",
        ids,
    ):
        first[uid] = (start, end)  # the last written is the first in the unit
    return {uid: (n, *first[uid]) for uid, n, _s, _e in rows}


def _spread(project: Project, query: str, kind, used: dict[int, tuple[int, int | None, int | None]],
            theme_id: int | None, counted_by: str) -> Diffusion:
    places = project_counties(project)
    reporting: dict[int, set[str]] = {}
    using: dict[int, set[str]] = {}
    first: dict[str, tuple[int, int]] = {}  # place key -> (year, unit) of its first use
    reports = occurrences = undated = unplaced = 0
    for uid, year, key in project.db.execute(f"SELECT u.id, u.year, {key_sql('u')} FROM units u ORDER BY u.id"):
        if year is not None and key != UNKNOWN:
            reporting.setdefault(year, set()).add(key)
        if uid not in used:
            continue
        if key == UNKNOWN:
            unplaced += 1
            continue
        if year is None:
            undated += 1
            continue
        reports += 1
        occurrences += used[uid][0]
        using.setdefault(year, set()).add(key)
        if key not in first or year < first[key][0]:
            first[key] = (year, uid)
    new: dict[int, int] = {}
    for year, _uid in first.values():
        new[year] = new.get(year, 0) + 1
    years, cumulative = [], 0
    for year in sorted(reporting):
        cumulative += new.get(year, 0)
        years.append(YearRow(year, len(reporting[year]), len(using.get(year, ())), new.get(year, 0), cumulative))
    order = {c.key: k for k, c in enumerate(places.places)}
    uses = []
    for key, (year, uid) in sorted(first.items(), key=lambda kv: (kv[1][0], order.get(kv[0], 0))):
        c = places.get(key)
        n, start, end = used[uid]
        uses.append(FirstUse(key, c.label if c else key, c.prefecture if c else None, c.province if c else None,
                             c.code if c else None, year, uid, start, end, n))
    return Diffusion(query, kind, years, uses, reports, occurrences, undated, unplaced, theme_id, counted_by)


def first_use_span(project: Project, use: FirstUse, phrase: str) -> tuple[int, int]:
    """Where the phrase first stands in the report of a first use (its unit text offsets)."""
    if use.start is None:
        i = max(0, unit_text(project, use.unit).find(phrase))
        use.start, use.end = i, i + len(phrase)
    return use.start, use.end


def fill_spans(project: Project, result: Diffusion) -> None:
    """Look up where every first use of a phrase stands (reads those reports; a theme has them)."""
    if result.kind != PHRASE:
        return
    missing = [u for u in result.first_uses if u.start is None]
    by_unit = {u.unit: u for u in missing}
    ids = list(by_unit)
    for k in range(0, len(ids), 200):
        for uid, body in unit_texts(project, ids[k : k + 200]):
            use = by_unit[uid]
            i = max(0, body.find(result.query))
            use.start, use.end = i, i + len(result.query)
