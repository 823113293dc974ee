"""The theme matrix: places (counties, prefectures or provinces) or years by themes, with the number
of tagged passages and the characters they cover in each cell.

A theme's column counts its subtree (a passage tagged 执法检查 counts under 依法监督 too, once).
Coverage is the length of the union of the passages' spans, so overlapping passages are not
counted twice. Only rows with at least one passage appear. Each cell names the passages behind it
through `cell_scope`, which passage_scope.passages_in lists.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from reader.core.errors import InvalidInput
from reader.core.store.coders import coder_filter
from reader.core.store.counties import Counties, key_of, project_counties
from reader.core.store.passage_scope import Scope
from reader.core.store.project import Project
from reader.core.store.themes import Theme, list_themes

BY = ("county", "prefecture", "province", "year")


@dataclass
class MatrixRow:
    key: tuple
    label: str | None  # None: unknown place or year
    detail: str  # the place's province and prefecture, for a tooltip
    scope: Scope


@dataclass
class Matrix:
    by: str
    rows: list[MatrixRow] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)
    counts: list[list[int]] = field(default_factory=list)
    coverage: list[list[int]] = field(default_factory=list)

    def max_count(self) -> int:
        return max((max(r) for r in self.counts if r), default=0)

    def max_coverage(self) -> int:
        return max((max(r) for r in self.coverage if r), default=0)


def _union_length(spans: list[tuple[int, int]]) -> int:
    total, end = 0, -1
    for s, e in sorted(spans):
        if e <= end:
            continue
        total += e - max(s, end)
        end = e
    return total


def _safe(key: tuple) -> tuple:
    return tuple("" if x is None else x for x in key)


def _row_of(by: str, province, prefecture, county, code, year, labels: Counties) -> tuple[tuple, MatrixRow]:
    if by == "county":  # a place: two of one name are two rows, labelled 鼓楼区（福州市） and 鼓楼区（南京市）
        key = (province, prefecture, county)
        detail = " ".join(x for x in (province, prefecture) if x)
        label = labels.label(key_of(code, province, prefecture, county)) or county
        return (code is None, code or "", _safe(key)), MatrixRow(key, label, detail, Scope(place=key))
    if by == "prefecture":
        key = (province, prefecture)
        label = prefecture or province
        return (code is None, (code or "")[:4], _safe(key)), MatrixRow(key, label, province or "", Scope(place=key))
    if by == "province":
        key = (province,)
        return (code is None, (code or "")[:2], _safe(key)), MatrixRow(key, province, "", Scope(place=key))
    return (year is None, year or 0), MatrixRow((year,), None if year is None else str(year), "", Scope(year=year))


def theme_matrix(
    project: Project, by: str = "county", theme_ids: list[int] | None = None, coders: tuple[str, ...] | None = None
) -> Matrix:
    """The matrix of `by` ('county', 'prefecture', 'province' or 'year') by themes (all, in tree
    order, unless `theme_ids` names some), of every coder's passages or only of `coders`'."""
    if by not in BY:
        raise InvalidInput("by", by)
    themes = list_themes(project)
    if theme_ids is not None:
        wanted = set(theme_ids)
        themes = [t for t in themes if t.id in wanted]
    by_id = {t.id: t for t in list_themes(project)}
    # each theme's column(s): a tag on theme t counts for t and its ancestors that are columns
    columns = {t.id: k for k, t in enumerate(themes)}

    def cols_of(tid: int) -> list[int]:
        out, t = [], by_id.get(tid)
        while t is not None:
            if t.id in columns:
                out.append(columns[t.id])
            t = by_id.get(t.parent_id) if t.parent_id is not None else None
        return out

    tags: dict[int, set[int]] = {}
    for pid, tid in project.db.execute("SELECT passage_id, theme_id FROM passage_themes"):
        tags.setdefault(pid, set()).update(cols_of(tid))

    labels = project_counties(project) if by == "county" else Counties()
    rows: dict[tuple, tuple[tuple, MatrixRow]] = {}
    cells: dict[tuple[tuple, int], list[tuple[int, int, int]]] = {}
    condition, names = coder_filter(coders)
    for pid, uid, start, end, province, prefecture, county, code, year in project.db.execute(
        'SELECT p.id, p.unit_id, p.start, p."end", u.province, u.prefecture, u.county, u.county_code, u.year '
        "FROM passages p JOIN units u ON u.id = p.unit_id" + (f" WHERE {condition}" if condition else ""),
        names,
    ):
        cols = tags.get(pid)
        if not cols:
            continue
        order, row = _row_of(by, province, prefecture, county, code, year, labels)
        if coders is not None:
            row.scope = replace(row.scope, coders=tuple(coders))
        if row.key not in rows or order < rows[row.key][0]:
            rows[row.key] = (order, row)
        for c in cols:
            cells.setdefault((row.key, c), []).append((uid, start, end))

    matrix = Matrix(by=by, themes=themes)
    for _order, row in sorted(rows.values(), key=lambda x: x[0]):
        counts, coverage = [], []
        for c in range(len(themes)):
            spans = cells.get((row.key, c), [])
            counts.append(len(spans))
            by_unit: dict[int, list[tuple[int, int]]] = {}
            for uid, s, e in spans:
                by_unit.setdefault(uid, []).append((s, e))
            coverage.append(sum(_union_length(v) for v in by_unit.values()))
        matrix.rows.append(row)
        matrix.counts.append(counts)
        matrix.coverage.append(coverage)
    return matrix


def cell_scope(matrix: Matrix, row: int, column: int) -> tuple[Scope, list[int]]:
    """The scope and theme of a cell, for passage_scope.passages_in."""
    return matrix.rows[row].scope, [matrix.themes[column].id]
