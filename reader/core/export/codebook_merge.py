"""Adding a codebook from another file (a .qdc, a .qdpx's CodeBook, a CSV/XLSX table) to a
project's themes, merging by path: a theme whose path (父/子) exists is kept as it is, a new one is
added under its parent. One transaction; the report says what was added and what was kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.core.store.db import Project
from reader.core.store.themes import PATH_SEP, add_theme, theme_tree

_HEX6 = re.compile(r"^#?([0-9a-fA-F]{6})$")
_HEX3 = re.compile(r"^#?([0-9a-fA-F]{3})$")
UNNAMED = "（无名）"


@dataclass
class CodeNode:
    """A theme as read from a file. `key` ties it to the file's own id (a REFI GUID)."""

    name: str
    colour: str | None = None
    description: str = ""
    keywords: list[str] = field(default_factory=list)
    key: str | None = None
    children: list[CodeNode] = field(default_factory=list)


@dataclass
class MergeReport:
    added: list[str] = field(default_factory=list)  # paths of themes added
    kept: list[str] = field(default_factory=list)  # paths that were already there
    ids: dict[str, int] = field(default_factory=dict)  # CodeNode.key -> theme id


def clean_name(name: str | None) -> str:
    """A theme name we can store: '/' separates path parts here, so a '/' in a name becomes '／'."""
    name = " ".join((name or "").split()).replace(PATH_SEP, "／")
    return name or UNNAMED


def clean_colour(colour: str | None) -> str | None:
    """'#RRGGBB' (also from 'RRGGBB' or '#RGB'), lower case; None for anything else."""
    if not colour:
        return None
    colour = colour.strip()
    m = _HEX6.match(colour)
    if m:
        return "#" + m.group(1).lower()
    m = _HEX3.match(colour)
    if m:
        return "#" + "".join(c * 2 for c in m.group(1).lower())
    return None


def merge_codebook(project: Project, nodes: list[CodeNode]) -> MergeReport:
    report = MergeReport()
    existing = {t.path: t.id for root in theme_tree(project) for t in root.walk()}

    def walk(items: list[CodeNode], parent_id: int | None, prefix: str) -> None:
        for node in items:
            name = clean_name(node.name)
            path = prefix + name
            theme_id = existing.get(path)
            if theme_id is None:
                theme_id = add_theme(
                    project,
                    name,
                    parent_id,
                    colour=clean_colour(node.colour),
                    keywords=node.keywords,
                    description=node.description or "",
                ).theme_id
                existing[path] = theme_id
                report.added.append(path)
            elif path not in report.added and path not in report.kept:
                report.kept.append(path)
            if node.key is not None:
                report.ids[node.key] = theme_id
            walk(node.children, theme_id, path + PATH_SEP)

    with project.db.atomic():
        walk(nodes, None, "")
    return report


def nodes_from_paths(rows: list[tuple[str, CodeNode]]) -> list[CodeNode]:
    """A tree from (path, node) rows; parents missing from the rows are made up from the path."""
    roots: list[CodeNode] = []
    by_path: dict[str, CodeNode] = {}
    for path, node in rows:
        parts = [clean_name(p) for p in path.split(PATH_SEP) if p.strip()]
        if not parts:
            continue
        siblings, prefix = roots, ""
        for depth, part in enumerate(parts):
            prefix = prefix + PATH_SEP + part if prefix else part
            found = by_path.get(prefix)
            if found is None:
                found = node if depth == len(parts) - 1 else CodeNode(part)
                found.name = part
                by_path[prefix] = found
                siblings.append(found)
            elif depth == len(parts) - 1:  # a row for a parent made up earlier: take its details
                found.colour, found.description, found.keywords = node.colour, node.description, node.keywords
            siblings = found.children
    return roots
