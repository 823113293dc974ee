"""Passages of a part of the project: a place of the outline, a report, a section or a year,
optionally of some themes (a theme stands for its subtree: 依法监督 finds 执法检查 too).

A Scope is what the user has selected. Places are paths as in outline_tree: (province,),
(province, prefecture), (province, prefecture, county), None meaning unknown. A passage is in a
section when it starts inside it. A scope may also name coders (reader.core.store.coders): then only
their passages are in it.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.store.coders import coder_filter
from reader.core.store.documents import get_section
from reader.core.store.outline_tree import PLACE_COLUMNS
from reader.core.store.passages import RECORD_COLUMNS, PassageRecord, records_of
from reader.core.store.project import Project
from reader.core.store.themes import subtree_ids

LIMIT = 5000


@dataclass(frozen=True)
class Scope:
    place: tuple[str | None, ...] = ()
    unit_id: int | None = None
    section_id: int | None = None
    year: int | None = None
    coders: tuple[str, ...] | None = None  # only these coders' passages (None: everyone's)

    @property
    def everything(self) -> bool:
        return not self.place and self.unit_id is None and self.section_id is None and self.year is None


def expand_themes(project: Project, theme_ids: list[int]) -> list[int]:
    out: list[int] = []
    for t in theme_ids:
        out.extend(i for i in subtree_ids(project, t) if i not in out)
    return out


def _where(project: Project, scope: Scope, theme_ids: list[int] | None) -> tuple[list[str], list]:
    where: list[str] = []
    params: list = []
    for i, value in enumerate(scope.place):
        where.append(f"u.{PLACE_COLUMNS[i]} IS ?")
        params.append(value)
    if scope.section_id is not None:
        s = get_section(project, scope.section_id)
        where.append("p.unit_id = ? AND p.start >= ? AND p.start < ?")
        params += [s.unit_id, s.start, s.end]
    elif scope.unit_id is not None:
        where.append("p.unit_id = ?")
        params.append(scope.unit_id)
    if scope.year is not None:
        where.append("u.year = ?")
        params.append(scope.year)
    if theme_ids:
        ids = expand_themes(project, theme_ids)
        where.append(f"p.id IN (SELECT passage_id FROM passage_themes WHERE theme_id IN ({','.join('?' * len(ids))}))")
        params += ids
    if scope.coders is not None:
        condition, names = coder_filter(scope.coders)
        where.append(condition)
        params += names
    return where, params


def count_passages(project: Project, scope: Scope = Scope(), theme_ids: list[int] | None = None) -> int:
    where, params = _where(project, scope, theme_ids)
    return project.db.execute(
        "SELECT count(*) FROM passages p JOIN units u ON u.id = p.unit_id "
        + ("WHERE " + " AND ".join(where) if where else ""),
        params,
    ).fetchone()[0]


def passages_in(
    project: Project, scope: Scope = Scope(), theme_ids: list[int] | None = None, limit: int | None = LIMIT
) -> list[PassageRecord]:
    """Passages in the scope (and of any of the themes, subtrees included), in reading order:
    by report, then position. At most `limit` (None: all)."""
    where, params = _where(project, scope, theme_ids)
    sql = (
        f"SELECT {RECORD_COLUMNS} FROM passages p JOIN units u ON u.id = p.unit_id "
        + ("WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY u.province IS NULL, u.county_code, u.year, u.document_id, u.position, p.start, p.id"
    )
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return records_of(project, project.db.execute(sql, params).fetchall())


def unit_passages(
    project: Project, unit_id: int, coders: tuple[str, ...] | None = None
) -> list[tuple[int, int, int, list[int]]]:
    """(passage id, start, end, theme ids) of every passage of a unit (of `coders` only, when given),
    by start: what the reading pane highlights."""
    condition, names = coder_filter(coders, alias="passages")
    rows = project.db.execute(
        'SELECT id, start, "end" FROM passages WHERE unit_id = ? '
        + (f"AND {condition} " if condition else "")
        + "ORDER BY start, id",
        [unit_id, *names],
    ).fetchall()
    themes: dict[int, list[int]] = {}
    for pid, tid in project.db.execute(
        "SELECT pt.passage_id, pt.theme_id FROM passage_themes pt JOIN passages p ON p.id = pt.passage_id "
        "JOIN themes t ON t.id = pt.theme_id WHERE p.unit_id = ? ORDER BY t.position, t.id",
        [unit_id],
    ):
        themes.setdefault(pid, []).append(tid)
    return [(pid, s, e, themes.get(pid, [])) for pid, s, e in rows]


def passage_coders(project: Project, unit_id: int) -> dict[int, str]:
    """The coder of each passage of a unit (coders.NO_CODER for none): whose each highlight is."""
    return dict(project.db.execute("SELECT id, coalesce(coder, '') FROM passages WHERE unit_id = ?", [unit_id]))


def theme_totals(project: Project) -> dict[int, int]:
    """Passages of each theme counting its subtree (a passage tagged with a theme and its child
    counts once), for every theme under a root. Counted by SQLite (each tag joined to the themes
    above it): going through the tags in Python took a tenth of a second at start on 50,000 passages."""
    from reader.core.store.themes import list_themes

    themes = list_themes(project)
    children: dict[int | None, list[int]] = {}
    for t in themes:
        children.setdefault(t.parent_id, []).append(t.id)
    reachable: list[int] = []  # the themes under a root, each after its subtree (a theme whose parent is gone: none)

    def walk(tid: int) -> None:
        for child in children.get(tid, []):
            walk(child)
        reachable.append(tid)

    for root in children.get(None, []):
        walk(root)
    counted = dict(project.db.execute(
        "WITH RECURSIVE up(theme_id, ancestor) AS ("
        " SELECT id, id FROM themes"
        " UNION SELECT up.theme_id, t.parent_id FROM up JOIN themes t ON t.id = up.ancestor WHERE t.parent_id IS NOT NULL)"
        " SELECT up.ancestor, count(DISTINCT pt.passage_id) FROM passage_themes pt"
        " JOIN up ON up.theme_id = pt.theme_id GROUP BY up.ancestor"
    ))
    return {tid: counted.get(tid, 0) for tid in reachable}
