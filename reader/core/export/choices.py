"""What an export can be narrowed to, for the export dialog: the counties of the project with their
province and prefecture, the years, and the codebook, each with its number of tagged passages.

    choices = export_choices(project)
    for c in choices.counties: c.province, c.prefecture, c.county, c.passages
                               c.key, c.label     # the place (a Selection takes the key), its name
    choices.unknown                # the reports whose county is not known (key counties.UNKNOWN), or None
    choices.places                 # all of them as reader.core.store.counties.County (the unknown group last)
    for y in choices.years: y.year, y.passages
    choices.themes                 # the theme tree (reader.core.store.themes.Theme)
    choices.theme_passages[tid]    # passages tagged with the theme or any theme below it (each once)

A few grouped queries: milliseconds for thousands of reports. The Selection the dialog builds from
these keys is counted with reader.core.export.selection.count_passages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.store.counties import UNKNOWN, County, project_counties
from reader.core.store.project import Project
from reader.core.store.themes import Theme, theme_tree


@dataclass(frozen=True)
class CountyChoice:
    county: str
    province: str | None
    prefecture: str | None  # None for the districts of a 直辖市 (no prefecture level)
    reports: int
    passages: int
    key: str = ""  # the place (reader.core.store.counties): what a Selection names
    label: str = ""  # its name, with its prefecture when the project has two places of that name


@dataclass(frozen=True)
class UnknownChoice:
    """The reports whose county is not known, chosen together (key counties.UNKNOWN)."""

    reports: int
    passages: int
    key: str = UNKNOWN


@dataclass(frozen=True)
class YearChoice:
    year: int
    reports: int
    passages: int


@dataclass
class ExportChoices:
    counties: list[CountyChoice] = field(default_factory=list)  # in the order of their codes
    years: list[YearChoice] = field(default_factory=list)  # oldest first
    themes: list[Theme] = field(default_factory=list)  # the tree
    theme_passages: dict[int, int] = field(default_factory=dict)  # theme id -> passages (children included)
    passages: int = 0  # every tagged passage of the project
    without_county: int = 0  # passages in reports whose county is not known
    without_year: int = 0  # passages in reports whose year is not known
    unknown: UnknownChoice | None = None  # the reports whose county is not known, if any
    places: list[County] = field(default_factory=list)  # the counties and the unknown group as places

    def theme_count(self) -> int:
        return sum(1 for root in self.themes for _ in root.walk())


_UNIT_PASSAGES = "(SELECT count(*) FROM passages p WHERE p.unit_id = u.id)"


def export_choices(project: Project) -> ExportChoices:
    db = project.db
    out = ExportChoices()
    out.places = project_counties(project).places
    for c in out.places:
        if c.unknown:
            out.unknown = UnknownChoice(c.reports, c.passages)
        else:
            out.counties.append(CountyChoice(c.name or "", c.province, c.prefecture, c.reports, c.passages, c.key,
                                             c.label or ""))
    for year, reports, passages in db.execute(
        f"SELECT u.year, count(*), coalesce(sum({_UNIT_PASSAGES}), 0) FROM units u "
        "WHERE u.year IS NOT NULL GROUP BY u.year ORDER BY u.year"
    ):
        out.years.append(YearChoice(year, reports, passages))
    out.passages, out.without_county, out.without_year = db.execute(
        "SELECT count(*), coalesce(sum(coalesce(u.county, '') = ''), 0), coalesce(sum(u.year IS NULL), 0) "
        "FROM passages p JOIN units u ON u.id = p.unit_id"
    ).fetchone()
    out.themes = theme_tree(project)
    out.theme_passages = _theme_passages(project, out.themes)
    return out


def _theme_passages(project: Project, tree: list[Theme]) -> dict[int, int]:
    """Passages of each theme and its descendants, a passage with two of them counted once."""
    direct: dict[int, set[int]] = {}
    for passage_id, theme_id in project.db.execute("SELECT passage_id, theme_id FROM passage_themes"):
        direct.setdefault(theme_id, set()).add(passage_id)
    counts: dict[int, int] = {}

    def walk(theme: Theme) -> set[int]:
        found = set(direct.get(theme.id, ()))
        for child in theme.children:
            found |= walk(child)
        counts[theme.id] = len(found)
        return found

    for root in tree:
        walk(root)
    return counts
