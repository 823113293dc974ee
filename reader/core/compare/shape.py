"""The shape of a comparison beyond its flat list of rows: frame rows holding topic rows (a row's
parent, such as "the year's work plan" holding the rows of its topics) and reports of another genre
than the codebook's (the codebook does not fit them; their rows come from the text).

The alignment engine decides both (reader.core.align: frames.py, fit.py) and the stored alignment keeps
them (align_rows.parent, align_units.fits); `row_parents` and `codebook_misfits` are the one place the
comparison reads them from.
`row_tree` orders rows as a tree of bands for the view: each row followed by its children.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.core.align import OTHER_KEY
from reader.core.compare import stored as store
from reader.core.store.project import Project

if TYPE_CHECKING:
    from reader.core.compare.comparison import Row


def row_parents(project: Project) -> dict[str, str]:
    """Row key -> the key of the row it sits in, for the rows that have one."""
    return store.row_parents(project)


def codebook_misfits(project: Project) -> set[int]:
    """Ids of the aligned reports that the codebook does not fit."""
    return set(store.unfit_units(project))


@dataclass
class TreeRow:
    """A row in tree order: how deep it sits and the keys of its children (in order)."""

    row: Row
    depth: int = 0
    children: list[str] = field(default_factory=list)
    ancestors: list[str] = field(default_factory=list)  # outermost first


def row_tree(rows: Sequence[Row]) -> list[TreeRow]:
    """The rows in tree order: every top-level row in stored order, each followed by its descendants
    (in stored order). A row whose parent is not among `rows`, is itself or would make a cycle is
    top-level; 其他 stays last and never holds rows."""
    by_key = {r.key: r for r in rows}

    def parent_of(r: Row) -> str | None:
        p = r.parent
        if p is None or p not in by_key or p == r.key or p == OTHER_KEY or r.key == OTHER_KEY:
            return None
        seen = {r.key}
        while p is not None:  # a cycle: the row is top-level
            if p in seen:
                return None
            seen.add(p)
            q = by_key[p].parent
            p = q if q in by_key else None
        return r.parent

    children: dict[str | None, list[Row]] = {}
    for r in rows:
        children.setdefault(parent_of(r), []).append(r)
    out: list[TreeRow] = []

    def walk(r: Row, ancestors: list[str]) -> None:
        node = TreeRow(r, len(ancestors), [c.key for c in children.get(r.key, [])], ancestors)
        out.append(node)
        for c in children.get(r.key, []):
            walk(c, [*ancestors, r.key])

    top = children.get(None, [])
    for r in [r for r in top if r.key != OTHER_KEY] + [r for r in top if r.key == OTHER_KEY]:
        walk(r, [])
    return out


def visible_rows(tree: Sequence[TreeRow], opened: Collection[str]) -> list[TreeRow]:
    """The rows of `tree` whose every ancestor is opened."""
    return [t for t in tree if all(a in opened for a in t.ancestors)]
