"""What to export: a Selection (themes, counties, years), resolved against a project into records
that carry every column an export writes, and how many passages that is.

A county is a place (reader.core.store.counties): named by its key, by a name the project holds once,
or with the places above it (福州市/鼓楼区); counties.UNKNOWN chooses the reports whose county is not
known. Two places of one name are two groups everywhere (compilations, the counts sheet).

A theme includes its children. Filters combine with AND; several values of one filter with OR.
Without a theme filter every passage is taken, also one tagged with a note only; with one, a
passage is taken when any of its themes is selected, and only the selected themes are written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reader.core.errors import NotFound
from reader.core.messages import no_theme, unknown_county
from reader.core.store.coders import check_known, coder_filter
from reader.core.store.counties import UNKNOWN, County, key_filter, key_of, project_counties
from reader.core.store.documents import SectionOutline
from reader.core.store.project import Project
from reader.core.store.themes import Theme, find_theme, theme_tree

SECTION_SEP = " > "
NO_THEME = ""  # the theme path of a passage tagged with a note only


@dataclass(frozen=True)
class Selection:
    """The user's choice; theme keys are names, paths (父/子) or ids; counties are place keys or
    names as reader.core.store.counties resolves them."""

    themes: tuple[str | int, ...] = ()
    counties: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    coders: tuple[str, ...] = ()  # only these coders' passages (none given: everyone's)

    def describe(self, lang: str = "zh", counties: list[str] | None = None) -> str:
        """In words; `counties`: the counties' names to show instead of what was typed."""
        parts = []
        zh = lang == "zh"
        if self.themes:
            parts.append(("主题：" if zh else "themes: ") + "、".join(map(str, self.themes)))
        if self.counties:
            parts.append(("县区：" if zh else "counties: ") + "、".join(counties or self.counties))
        if self.years:
            parts.append(("年份：" if zh else "years: ") + "、".join(map(str, self.years)))
        if self.coders:
            from reader.core.store.coders import coder_label

            parts.append(("标注人：" if zh else "coders: ") + "、".join(coder_label(c, lang) for c in self.coders))
        return "；".join(parts) if parts else ("全部标注" if zh else "all passages")


@dataclass
class Resolved:
    """A Selection checked against a project."""

    theme_ids: set[int] | None  # None: no theme filter
    counties: list[str]  # place keys
    years: list[int]
    themes: list[Theme]  # every theme of the project, flat in tree order, with paths
    tree: list[Theme] = field(default_factory=list)
    places: list[County] = field(default_factory=list)  # the chosen places
    labels: dict[str, str | None] = field(default_factory=dict)  # key -> label of every place of the project
    coders: tuple[str, ...] = ()  # only these coders' passages (none: everyone's)

    def theme_order(self) -> dict[int, int]:
        return {t.id: i for i, t in enumerate(self.themes)}

    def county_names(self, lang: str = "zh") -> list[str]:
        """The chosen places as a reader reads them (鼓楼区（福州市） when two share the name)."""
        return [c.label or unknown_label(lang) for c in self.places]

    def qualified(self) -> list[str]:
        """The chosen places as typed names that resolve back to them (福州市/鼓楼区)."""
        return [c.qualified for c in self.places]


def unknown_label(lang: str = "zh") -> str:
    return unknown_county(lang)


@dataclass
class ExportRecord:
    """One passage with everything an export writes about it."""

    id: int
    unit_id: int
    theme_ids: list[int]  # its themes within the selection, in codebook order
    themes: list[str]  # their paths
    county: str | None
    province: str | None
    prefecture: str | None
    year: int | None
    title: str | None
    section_path: list[str]
    quote: str
    note: str
    start: int
    end: int
    source: str
    created_at: str
    coder: str | None
    county_code: str | None = None
    county_key: str = UNKNOWN  # the place (reader.core.store.counties)
    county_label: str | None = None  # its name for display, told apart from a namesake; None: unknown

    @property
    def section(self) -> str:
        return SECTION_SEP.join(self.section_path)

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "unit": self.unit_id,
            "themes": self.themes,
            "county": self.county,
            "province": self.province,
            "prefecture": self.prefecture,
            "county_code": self.county_code,
            "year": self.year,
            "title": self.title,
            "section": self.section_path,
            "quote": self.quote,
            "note": self.note,
            "start": self.start,
            "end": self.end,
            "source": self.source,
            "tagged_at": self.created_at,
            "coder": self.coder,
        }


@dataclass(frozen=True)
class Column:
    key: str
    zh: str
    en: str

    def title(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


# The flat table (CSV, XLSX): one row per passage and theme, so a spreadsheet counts by theme.
COLUMNS = (
    Column("theme", "主题路径", "theme path"),
    Column("county", "县区", "county"),
    Column("province", "省份", "province"),
    Column("prefecture", "地市", "prefecture"),
    Column("year", "年份", "year"),
    Column("title", "报告标题", "report title"),
    Column("section", "章节路径", "section path"),
    Column("quote", "摘录", "excerpt"),
    Column("note", "备注", "note"),
    Column("start", "起", "start"),
    Column("end", "止", "end"),
    Column("source", "来源文件", "source file"),
    Column("tagged_at", "标注时间", "tagged at"),
    Column("coder", "标注人", "coder"),
    Column("id", "标注编号", "passage id"),
)


def row_values(record: ExportRecord, theme: str, lang: str = "zh") -> list[object]:
    """The COLUMNS values of one table row, every text shown as it may be (reader.core.visible: no
    control or text-direction character acts in a spreadsheet)."""
    from reader.core.visible import visible

    return [visible(v) if isinstance(v, str) else v for v in _row(record, theme, lang)]


def _row(record: ExportRecord, theme: str, lang: str) -> list[object]:
    return [
        theme or no_theme(lang),
        record.county or unknown_county(lang),
        record.province or "",
        record.prefecture or "",
        record.year if record.year is not None else "",
        record.title or "",
        record.section,
        record.quote,
        record.note,
        record.start,
        record.end,
        record.source,
        record.created_at,
        record.coder or "",
        record.id,
    ]


def table_rows(records: list[ExportRecord]):
    """(record, theme path) for each row of the flat table."""
    for r in records:
        for path in r.themes or [NO_THEME]:
            yield r, path


# -- resolving ----------------------------------------------------------------------------------


def resolve(project: Project, selection: Selection) -> Resolved:
    """Check the selection against the project (NotFound for an unknown theme, county or year)."""
    tree = theme_tree(project)
    flat = [t for root in tree for t in root.walk()]
    by_id = {t.id: t for t in flat}
    theme_ids: set[int] | None = None
    if selection.themes:
        theme_ids = set()
        for key in selection.themes:
            found = find_theme(project, key)
            theme_ids.update(d.id for d in by_id[found.id].walk())
    counties = project_counties(project)
    places = counties.resolve_all(selection.counties)
    known_years = {r[0] for r in project.db.execute("SELECT DISTINCT year FROM units WHERE year IS NOT NULL")}
    for y in selection.years:
        if y not in known_years:
            raise NotFound("year", str(y))
    coders = check_known(project, selection.coders) if selection.coders else ()
    return Resolved(theme_ids, [c.key for c in places], list(selection.years), flat, tree, places,
                    {c.key: c.label for c in counties.places}, coders)


def _unit_filters(resolved: Resolved) -> tuple[list[str], list[object]]:
    """Conditions on units (alias u) for the chosen counties and years."""
    where: list[str] = []
    params: list[object] = []
    if resolved.counties:
        condition, keys = key_filter(resolved.counties)
        where.append(condition)
        params += keys
    if resolved.years:
        where.append(f"u.year IN ({','.join('?' * len(resolved.years))})")
        params += resolved.years
    return where, params


def _where(resolved: Resolved) -> tuple[str, list[object]]:
    where, params = _unit_filters(resolved)
    if resolved.coders:
        condition, names = coder_filter(resolved.coders)
        where.append(condition)
        params += names
    if resolved.theme_ids is not None:
        ids = sorted(resolved.theme_ids) or [-1]
        where.append(f"p.id IN (SELECT passage_id FROM passage_themes WHERE theme_id IN ({','.join('?' * len(ids))}))")
        params += ids
    return ("WHERE " + " AND ".join(where)) if where else "", params


def count_passages(project: Project, selection: Selection | Resolved) -> int:
    """How many passages an export of `selection` writes (each passage once, whatever its themes)."""
    resolved = selection if isinstance(selection, Resolved) else resolve(project, selection)
    where, params = _where(resolved)
    return project.db.execute(
        f"SELECT count(*) FROM passages p JOIN units u ON u.id = p.unit_id {where}", params
    ).fetchone()[0]


def unit_ids(project: Project, resolved: Resolved) -> list[int]:
    """The units the county and year filters keep (every unit without them), in import order."""
    where, params = _unit_filters(resolved)
    sql = "SELECT u.id FROM units u " + ("WHERE " + " AND ".join(where) if where else "") + " ORDER BY u.document_id, u.position"
    return [r[0] for r in project.db.execute(sql, params)]


def records(project: Project, selection: Selection | Resolved) -> list[ExportRecord]:
    """The selected passages, in import order of their reports, then by position."""
    resolved = selection if isinstance(selection, Resolved) else resolve(project, selection)
    where, params = _where(resolved)
    rows = project.db.execute(
        'SELECT p.id, p.unit_id, p.start, p."end", p.quote, p.note, p.coder, p.created_at, '
        "u.county, u.province, u.prefecture, u.year, u.title, d.source_name, u.county_code "
        "FROM passages p JOIN units u ON u.id = p.unit_id JOIN documents d ON d.id = u.document_id "
        f"{where} ORDER BY u.document_id, u.position, p.start, p.id",
        params,
    ).fetchall()
    order = resolved.theme_order()
    paths = {t.id: t.path for t in resolved.themes}
    tags: dict[int, list[int]] = {}
    for pid, tid in project.db.execute("SELECT passage_id, theme_id FROM passage_themes"):
        if resolved.theme_ids is None or tid in resolved.theme_ids:
            tags.setdefault(pid, []).append(tid)
    chains = section_chains(project, where, params)
    out = []
    for pid, uid, start, end, quote, note, coder, created, county, province, prefecture, year, title, source, code in rows:
        key = key_of(code, province, prefecture, county)
        theme_ids = sorted(tags.get(pid, []), key=lambda t: order.get(t, len(order)))
        out.append(
            ExportRecord(
                id=pid,
                unit_id=uid,
                theme_ids=theme_ids,
                themes=[paths[t] for t in theme_ids if t in paths],
                county=county,
                province=province,
                prefecture=prefecture,
                year=year,
                title=title,
                section_path=chains.get(pid, []),
                quote=quote,
                note=note or "",
                start=start,
                end=end,
                source=source,
                created_at=created,
                coder=coder,
                county_code=code,
                county_key=key,
                county_label=resolved.labels.get(key, county),
            )
        )
    return out


def section_chains(project: Project, where: str, params: list[object]) -> dict[int, list[str]]:
    """Passage id -> section_chain at its start, for the passages `where` keeps: only the sections
    holding a passage's start are read (a 50,000-passage export read a section tree for each of
    its ~25,000 reports), and the chain is taken from them as section_chain takes it from the tree:
    at each level the first section (by position) holding the start, then its children."""
    found: dict[int, list[tuple[int | None, int, int, str]]] = {}
    for pid, sid, parent, position, heading in project.db.execute(
        "SELECT p.id, s.id, s.parent_id, s.position, s.heading FROM passages p JOIN units u ON u.id = p.unit_id "
        'JOIN sections s ON s.unit_id = p.unit_id AND s.start <= p.start AND p.start < s."end" '
        f"{where}",
        params,
    ):
        found.setdefault(pid, []).append((parent, position, sid, heading))
    chains = {}
    for pid, holding in found.items():
        chain: list[str] = []
        parent = None
        while True:
            level = [h for h in holding if h[0] == parent]
            if not level:
                break
            _parent, _position, parent, heading = min(level, key=lambda h: (h[1], h[2]))
            chain.append(heading)
        chains[pid] = chain
    return chains


def section_chain(sections: list[SectionOutline], pos: int) -> list[str]:
    """The headings from the top section down to the innermost one holding unit offset `pos`."""
    chain: list[str] = []
    level = sections
    while True:
        nxt = next((s for s in level if s.start <= pos < s.end), None)
        if nxt is None:
            return chain
        chain.append(nxt.heading)
        level = nxt.children


# -- grouping (compilations: Word, Markdown, HTML) -------------------------------------------------


@dataclass
class CountyGroup:
    county: str | None
    province: str | None
    prefecture: str | None
    records: list[ExportRecord] = field(default_factory=list)
    key: str = UNKNOWN  # the place (reader.core.store.counties)
    label: str | None = None  # its name, told apart from a namesake (鼓楼区（福州市）); None: unknown


@dataclass
class ThemeGroup:
    theme: str  # the path; NO_THEME for passages with a note only
    counties: list[CountyGroup] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(c.records) for c in self.counties)


def grouped(records: list[ExportRecord], resolved: Resolved) -> list[ThemeGroup]:
    """Records by theme (codebook order; a passage appears under each of its themes), then by county
    place (in the order counties were imported), keeping record order inside."""
    by_theme: dict[str, dict[str, CountyGroup]] = {}
    for r in records:
        for path in r.themes or [NO_THEME]:
            counties = by_theme.setdefault(path, {})
            group = counties.get(r.county_key)
            if group is None:
                group = counties[r.county_key] = CountyGroup(
                    r.county, r.province, r.prefecture, key=r.county_key, label=r.county_label)
            group.records.append(r)
    rank = {t.path: i for i, t in enumerate(resolved.themes)}
    out = []
    for path in sorted(by_theme, key=lambda p: rank.get(p, len(rank))):
        out.append(ThemeGroup(path, list(by_theme[path].values())))
    return out


def counts(records: list[ExportRecord], resolved: Resolved) -> tuple[list[str], list[str | None], dict]:
    """Theme × county counts of passages tagged directly with each theme: (theme paths in
    codebook order, counties in import order, {(path, county): n}). A county is a place, named by
    its label (鼓楼区（福州市） when two share the name); None: the reports whose county is not known."""
    table: dict[tuple[str, str | None], int] = {}
    keys: dict[str, str | None] = {}
    themes: set[str] = set()
    for r, path in table_rows(records):
        keys.setdefault(r.county_key, r.county_label)
        themes.add(path)
        table[(path, r.county_key)] = table.get((path, r.county_key), 0) + 1
    rank = {t.path: i for i, t in enumerate(resolved.themes)}
    by_label = {(path, keys[key]): n for (path, key), n in table.items()}
    return sorted(themes, key=lambda p: rank.get(p, len(rank))), list(keys.values()), by_label


@dataclass
class Chosen:
    """What a passage export writes: the selection, checked, and its records."""

    selection: Selection
    resolved: Resolved
    records: list[ExportRecord]


def choose(project: Project, out: str | Path, selection: Selection | None, force: bool) -> Chosen:
    """The passages an export of `selection` to `out` writes. The target is checked first
    (FileExists without `force`), so nothing is read for an export that cannot be written."""
    from reader.core.export.safe import check_target

    check_target(out, force)
    selection = selection or Selection()
    resolved = resolve(project, selection)
    return Chosen(selection, resolved, records(project, resolved))
