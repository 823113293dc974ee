"""Adding a codebook from another file (a .qdc, a .qdpx's CodeBook, a CSV/XLSX table) to a
project's themes, merging by path: a theme whose path (父/子) exists is kept as it is, a new one is
added under its parent. One transaction; the report says what was added and what was kept. From a
REFI-QDA file (take_colours), a kept theme whose colour is still the default codebook's takes the
colour the file gives it (a new project's default codebook had absorbed imported codes of the same
path, their colours lost); a colour the user chose stays. A table merges names only.

Limits: a codebook file holds at most MAX_CODES codes, nested at most MAX_DEPTH deep (the readers
refuse more with TooComplex, check_tree); the merge is linear in the codes (a codebook of 40,000
codes took 137 s when each new theme looked its siblings up again).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from reader.core.errors import TooComplex
from reader.core.store.project import Project
from reader.core.store.themes import PATH_SEP, theme_tree

MAX_CODES = 10_000  # codes in one codebook file (a real codebook holds tens to hundreds)
MAX_DEPTH = 20  # levels of nesting (a real one has two to four)
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
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
    recoloured: list[str] = field(default_factory=list)  # kept paths that took the file's colour
    ids: dict[str, int] = field(default_factory=dict)  # CodeNode.key -> theme id


def clean_name(name: str | None) -> str:
    """A theme name we can store: '/' separates path parts here, so a '/' in a name becomes '／';
    control and text-direction characters go (a name is one line of plain text)."""
    name = " ".join(_CONTROL.sub(" ", name or "").split()).replace(PATH_SEP, "／")
    return name or UNNAMED


def check_tree(nodes: list[CodeNode], path: str, fmt: str) -> None:
    """TooComplex when `nodes` hold more than MAX_CODES codes or nest deeper than MAX_DEPTH (walked
    without recursion)."""
    count = 0
    stack = [(n, 1) for n in nodes]
    while stack:
        node, depth = stack.pop()
        count += 1
        if depth > MAX_DEPTH:
            raise TooComplex(path, fmt, "depth", MAX_DEPTH)
        if count > MAX_CODES:
            raise TooComplex(path, fmt, "codes", MAX_CODES)
        stack.extend((c, depth + 1) for c in node.children)


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


def merge_codebook(project: Project, nodes: list[CodeNode], *, take_colours: bool = False) -> MergeReport:
    """Merge `nodes` into the project's themes by path (see the module's description). Linear: the
    themes there are read once, each new one is one INSERT, its place among its siblings counted
    as it goes."""
    report = MergeReport()
    themes = [t for root in theme_tree(project) for t in root.walk()]
    existing = {t.path: t.id for t in themes}
    colours = {t.path: t.colour for t in themes}
    defaults = _default_colours() if take_colours else {}
    known: set[str] = set()  # paths already reported, added or kept
    positions: dict[int | None, int] = {}
    db = project.db

    def next_position(parent_id: int | None) -> int:
        if parent_id not in positions:
            positions[parent_id] = db.execute(
                "SELECT coalesce(max(position), -1) + 1 FROM themes WHERE coalesce(parent_id, 0) = ?", [parent_id or 0]
            ).fetchone()[0]
        positions[parent_id] += 1
        return positions[parent_id] - 1

    with db.atomic():
        stack: list[tuple[CodeNode, int | None, str]] = [(n, None, "") for n in reversed(nodes)]
        while stack:
            node, parent_id, prefix = stack.pop()
            name = clean_name(node.name)
            path = prefix + name
            theme_id = existing.get(path)
            if theme_id is None:
                keywords = [k.strip() for k in node.keywords if k.strip()]
                theme_id = db.execute(
                    "INSERT INTO themes (parent_id, name, colour, shortcut, keywords, description, position) "
                    "VALUES (?, ?, ?, NULL, ?, ?, ?)",
                    [parent_id, name, clean_colour(node.colour), json.dumps(keywords, ensure_ascii=False),
                     node.description or "", next_position(parent_id)],
                ).lastrowid
                existing[path] = theme_id
                known.add(path)
                report.added.append(path)
            elif path not in known:
                known.add(path)
                report.kept.append(path)
                colour = clean_colour(node.colour)
                if take_colours and colour and colour != colours.get(path) and colours.get(path) == defaults.get(path):
                    db.execute("UPDATE themes SET colour = ? WHERE id = ?", [colour, theme_id])
                    report.recoloured.append(path)
            if node.key is not None:
                report.ids[node.key] = theme_id
            stack.extend((c, theme_id, path + PATH_SEP) for c in reversed(node.children))
    return report


def _default_colours() -> dict[str, str | None]:
    """The default codebook's colour of each path (a theme still of that colour was not recoloured
    by the user)."""
    from reader.core.store.codebook import load_default

    out: dict[str, str | None] = {}
    stack = [(t, "") for t in load_default()["themes"]]
    while stack:
        item, prefix = stack.pop()
        path = prefix + str(item.get("name", ""))
        colour = item.get("colour")
        out[path] = colour.lower() if isinstance(colour, str) else None
        stack.extend((c, path + PATH_SEP) for c in item.get("children", []))
    return out


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
