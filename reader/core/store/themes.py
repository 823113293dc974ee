"""Themes (the codebook): a tree of names with colours, shortcuts and keywords.

Every operation is one transaction and returns a ThemeChange saying what changed. Names are
unique among siblings (DuplicateName). A theme is found by id, by a unique name, or by a path
"父主题/子主题" (AmbiguousName when a bare name is used by several themes).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from reader.core.errors import AmbiguousName, DuplicateName, InvalidInput, NotFound
from reader.core.store.project import Project

PATH_SEP = "/"
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
SHORTCUTS = tuple("123456789")


@dataclass
class Theme:
    id: int
    parent_id: int | None
    name: str
    colour: str | None
    shortcut: str | None
    keywords: list[str]
    description: str
    position: int
    children: list[Theme] = field(default_factory=list)
    path: str = ""

    def walk(self):
        """This theme and every theme below it, parents first (without recursion)."""
        stack = [self]
        while stack:
            t = stack.pop()
            yield t
            stack.extend(reversed(t.children))


@dataclass
class ThemeChange:
    """What a theme operation did."""

    action: str  # 'add', 'rename', 'recolour', 'shortcut', 'delete', 'merge', 'move', 'keywords'
    theme_id: int
    deleted: list[int] = field(default_factory=list)  # theme ids removed
    moved_passages: int = 0  # passage tags moved (merge)
    removed_tags: int = 0  # passage tags removed with deleted themes
    cleared_shortcut: int | None = None  # the theme that lost the shortcut
    reparented: list[int] = field(default_factory=list)


_COLUMNS = "id, parent_id, name, colour, shortcut, keywords, description, position"


def _row(r) -> Theme:
    return Theme(r[0], r[1], r[2], r[3], r[4], json.loads(r[5] or "[]"), r[6] or "", r[7])


def list_themes(project: Project) -> list[Theme]:
    """All themes, flat, parents before children, in tree order."""
    out = []
    for t in theme_tree(project):
        out.extend(t.walk())
    return out


def theme_tree(project: Project) -> list[Theme]:
    rows = [_row(r) for r in project.db.execute(f"SELECT {_COLUMNS} FROM themes ORDER BY position, id")]
    by_id = {t.id: t for t in rows}
    roots: list[Theme] = []
    for t in rows:
        parent = by_id.get(t.parent_id) if t.parent_id is not None else None
        (parent.children if parent else roots).append(t)

    stack = [(t, "") for t in roots]
    while stack:
        t, prefix = stack.pop()
        t.path = prefix + t.name
        stack.extend((c, t.path + PATH_SEP) for c in t.children)
    return roots


def get_theme(project: Project, theme_id: int) -> Theme:
    r = project.db.execute(f"SELECT {_COLUMNS} FROM themes WHERE id = ?", [theme_id]).fetchone()
    if r is None:
        raise NotFound("theme", str(theme_id))
    return _row(r)


def find_theme(project: Project, key: str | int) -> Theme:
    """A theme by id, by path (a/b), or by a name only one theme has."""
    if isinstance(key, int):
        return get_theme(project, key)
    key = key.strip()
    themes = list_themes(project)
    for t in themes:
        if t.path == key:
            return t
    named = [t for t in themes if t.name == key]
    if len(named) == 1:
        return named[0]
    if len(named) > 1:
        raise AmbiguousName("theme", key, len(named))
    if key.isascii() and key.isdigit() and int(key) < 2**63:  # an id (² is a digit too, but not one)
        return get_theme(project, int(key))
    raise NotFound("theme", key)


def _check_name(project: Project, name: str, parent_id: int | None, exclude: int | None = None) -> str:
    name = (name or "").strip()
    if not name or PATH_SEP in name:
        raise InvalidInput("name", name)
    row = project.db.execute(
        "SELECT id FROM themes WHERE coalesce(parent_id, 0) = ? AND name = ? AND id IS NOT ?",
        [parent_id or 0, name, exclude],
    ).fetchone()
    if row:
        raise DuplicateName("theme", name)
    return name


def _check_colour(colour: str | None) -> str | None:
    if colour is None:
        return None
    if not _COLOUR.match(colour):
        raise InvalidInput("colour", colour)
    return colour.lower()


def _check_shortcut(shortcut: str | int | None) -> str | None:
    if shortcut is None or shortcut == "":
        return None
    s = str(shortcut)
    if s not in SHORTCUTS:
        raise InvalidInput("shortcut", s)
    return s


def add_theme(
    project: Project,
    name: str,
    parent_id: int | None = None,
    *,
    colour: str | None = None,
    shortcut: str | int | None = None,
    keywords: list[str] | None = None,
    description: str = "",
) -> ThemeChange:
    db = project.db
    if parent_id is not None:
        get_theme(project, parent_id)
    name = _check_name(project, name, parent_id)
    colour = _check_colour(colour)
    shortcut = _check_shortcut(shortcut)
    with db.atomic():
        cleared = _take_shortcut(project, shortcut, None)
        position = db.execute(
            "SELECT coalesce(max(position), -1) + 1 FROM themes WHERE coalesce(parent_id, 0) = ?", [parent_id or 0]
        ).fetchone()[0]
        tid = db["themes"].insert(
            {
                "parent_id": parent_id,
                "name": name,
                "colour": colour,
                "shortcut": shortcut,
                "keywords": json.dumps([k.strip() for k in keywords or [] if k.strip()], ensure_ascii=False),
                "description": description,
                "position": position,
            },
            pk="id",
        ).last_pk
    return ThemeChange("add", tid, cleared_shortcut=cleared)


def _take_shortcut(project: Project, shortcut: str | None, theme_id: int | None) -> int | None:
    """Free `shortcut` from whichever theme holds it; returns that theme's id."""
    if shortcut is None:
        return None
    row = project.db.execute(
        "SELECT id FROM themes WHERE shortcut = ? AND id IS NOT ?", [shortcut, theme_id]
    ).fetchone()
    if row is None:
        return None
    project.db.execute("UPDATE themes SET shortcut = NULL WHERE id = ?", [row[0]])
    return row[0]


def rename_theme(project: Project, theme_id: int, new_name: str) -> ThemeChange:
    t = get_theme(project, theme_id)
    name = _check_name(project, new_name, t.parent_id, exclude=theme_id)
    with project.db.atomic():
        project.db.execute("UPDATE themes SET name = ? WHERE id = ?", [name, theme_id])
    return ThemeChange("rename", theme_id)


def recolour_theme(project: Project, theme_id: int, colour: str | None) -> ThemeChange:
    get_theme(project, theme_id)
    colour = _check_colour(colour)
    with project.db.atomic():
        project.db.execute("UPDATE themes SET colour = ? WHERE id = ?", [colour, theme_id])
    return ThemeChange("recolour", theme_id)


def set_shortcut(project: Project, theme_id: int, shortcut: str | int | None) -> ThemeChange:
    """Give the theme a shortcut key 1-9 (taken from any other theme), or None to clear it."""
    get_theme(project, theme_id)
    shortcut = _check_shortcut(shortcut)
    with project.db.atomic():
        cleared = _take_shortcut(project, shortcut, theme_id)
        project.db.execute("UPDATE themes SET shortcut = ? WHERE id = ?", [shortcut, theme_id])
    return ThemeChange("shortcut", theme_id, cleared_shortcut=cleared)


def set_keywords(project: Project, theme_id: int, keywords: list[str]) -> ThemeChange:
    get_theme(project, theme_id)
    with project.db.atomic():
        project.db.execute(
            "UPDATE themes SET keywords = ? WHERE id = ?",
            [json.dumps([k.strip() for k in keywords if k.strip()], ensure_ascii=False), theme_id],
        )
    return ThemeChange("keywords", theme_id)


def subtree_ids(project: Project, theme_id: int) -> list[int]:
    """The theme and all its descendants."""
    rows = project.db.execute(
        "WITH RECURSIVE d(id) AS (SELECT ? UNION ALL SELECT t.id FROM themes t JOIN d ON t.parent_id = d.id) "
        "SELECT id FROM d",
        [theme_id],
    ).fetchall()
    return [r[0] for r in rows]


def delete_theme(project: Project, theme_id: int) -> ThemeChange:
    """Delete a theme with its children; their tags on passages go too (the passages stay)."""
    get_theme(project, theme_id)
    ids = subtree_ids(project, theme_id)
    marks = ",".join("?" * len(ids))
    with project.db.atomic():
        tags = project.db.execute(f"SELECT count(*) FROM passage_themes WHERE theme_id IN ({marks})", ids).fetchone()[0]
        project.db.execute("DELETE FROM themes WHERE id = ?", [theme_id])  # children and tags cascade
    return ThemeChange("delete", theme_id, deleted=ids, removed_tags=tags)


def merge_themes(project: Project, source_id: int, target_id: int) -> ThemeChange:
    """Merge theme `source` into `target`: its passages take `target`, its children move under
    `target`, and `source` is deleted."""
    source = get_theme(project, source_id)
    target = get_theme(project, target_id)
    if source_id == target_id or target_id in subtree_ids(project, source_id):
        raise InvalidInput("merge", f"{source.name} → {target.name}")
    db = project.db
    children = [r[0] for r in db.execute("SELECT id, name FROM themes WHERE parent_id = ?", [source_id])]
    for cid in children:
        _check_name(project, get_theme(project, cid).name, target_id)
    with db.atomic():
        moved = db.execute(
            "SELECT count(*) FROM passage_themes WHERE theme_id = ? AND passage_id NOT IN "
            "(SELECT passage_id FROM passage_themes WHERE theme_id = ?)",
            [source_id, target_id],
        ).fetchone()[0]
        db.execute(
            "INSERT OR IGNORE INTO passage_themes (passage_id, theme_id) "
            "SELECT passage_id, ? FROM passage_themes WHERE theme_id = ?",
            [target_id, source_id],
        )
        db.execute("UPDATE themes SET parent_id = ? WHERE parent_id = ?", [target_id, source_id])
        db.execute("DELETE FROM themes WHERE id = ?", [source_id])
    return ThemeChange("merge", target_id, deleted=[source_id], moved_passages=moved, reparented=children)


def move_theme(project: Project, theme_id: int, new_parent_id: int | None) -> ThemeChange:
    """Re-parent a theme (None: make it top-level); it goes last among its new siblings."""
    t = get_theme(project, theme_id)
    if new_parent_id is not None:
        parent = get_theme(project, new_parent_id)
        if new_parent_id in subtree_ids(project, theme_id):
            raise InvalidInput("parent", f"{t.name} → {parent.name}")
    _check_name(project, t.name, new_parent_id, exclude=theme_id)
    with project.db.atomic():
        position = project.db.execute(
            "SELECT coalesce(max(position), -1) + 1 FROM themes WHERE coalesce(parent_id, 0) = ?",
            [new_parent_id or 0],
        ).fetchone()[0]
        project.db.execute(
            "UPDATE themes SET parent_id = ?, position = ? WHERE id = ?", [new_parent_id, position, theme_id]
        )
    return ThemeChange("move", theme_id, reparented=[theme_id])


def theme_counts(project: Project) -> dict[int, int]:
    """Passages tagged with each theme (directly)."""
    return dict(project.db.execute("SELECT theme_id, count(*) FROM passage_themes GROUP BY theme_id").fetchall())
