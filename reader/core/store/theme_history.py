"""The codebook's state before and after a change, for undo and redo of theme operations.

A ThemeState holds every row of the themes table (a codebook has dozens of themes), the passage
tags of the themes a change touches, and the references to them that ON DELETE SET NULL would
clear. `restore_theme_state` makes the codebook what the state recorded, with the same ids: it
deletes themes added since, updates the others and inserts the removed ones, then puts back the
tags of the touched themes; all in one transaction.

    before = capture(project, touched)   # touched: ids whose passage tags may change
    change = themes.merge_themes(project, a, b)
    after = capture(project, touched)
    restore_theme_state(project, before)  # undo
    restore_theme_state(project, after)   # redo
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from reader.core.errors import InvalidInput
from reader.core.store.project import Project
from reader.core.store.snapshots import references_to, select_in

_COLUMNS = ("id", "parent_id", "name", "colour", "shortcut", "keywords", "description", "position")


@dataclass
class ThemeState:
    themes: list[dict] = field(default_factory=list)
    touched: list[int] = field(default_factory=list)
    tags: list[tuple[int, int]] = field(default_factory=list)  # (passage_id, theme_id) of touched themes
    references: list[tuple[str, int, str, object]] = field(default_factory=list)


def capture(project: Project, touched: list[int] | tuple[int, ...] = ()) -> ThemeState:
    """The codebook now; `touched`: themes whose passage tags the change may alter."""
    touched = list(dict.fromkeys(touched))
    themes = list(project.db.query(f"SELECT {', '.join(_COLUMNS)} FROM themes ORDER BY id"))
    tags: list[tuple[int, int]] = []
    references: list[tuple[str, int, str, object]] = []
    if touched:
        tags = [(r["passage_id"], r["theme_id"]) for r in select_in(project, "passage_themes", "theme_id", touched)]
        for child, column, _parent_col, on_delete in references_to(project).get("themes", []):
            if on_delete == "SET NULL":
                for r in select_in(project, child, column, touched):
                    references.append((child, r["_rowid_"], column, r[column]))
    return ThemeState(themes, touched, tags, references)


def restore_theme_state(project: Project, state: ThemeState) -> None:
    db = project.db
    wanted = {r["id"]: r for r in state.themes}
    try:
        with db.atomic():
            db.execute("PRAGMA defer_foreign_keys = ON")
            current = {r["id"]: r for r in db.query(f"SELECT {', '.join(_COLUMNS)} FROM themes")}
            extra = [i for i in current if i not in wanted]
            changed = [i for i in wanted if i in current and current[i] != wanted[i]]
            for i in changed + extra:  # free sibling names first, so that swaps cannot clash
                db.execute("UPDATE themes SET name = ?, parent_id = NULL WHERE id = ?", [f"\x00{i}", i])
            for i in changed:  # re-parent before deleting, so that no wanted child goes with a parent
                row = wanted[i]
                db.execute(
                    "UPDATE themes SET parent_id = ?, name = ?, colour = ?, shortcut = ?, keywords = ?, "
                    "description = ?, position = ? WHERE id = ?",
                    [row[c] for c in _COLUMNS[1:]] + [i],
                )
            for i in extra:  # their tags go with them
                db.execute("DELETE FROM themes WHERE id = ?", [i])
            missing = [wanted[i] for i in wanted if i not in current]
            if missing:
                db["themes"].insert_all(missing, pk="id")
            if state.touched:
                marks = ",".join("?" * len(state.touched))
                db.execute(f"DELETE FROM passage_themes WHERE theme_id IN ({marks})", state.touched)
                live = {r["id"] for r in select_in(project, "passages", "id", [p for p, _ in state.tags])}
                rows = [{"passage_id": p, "theme_id": t} for p, t in state.tags if p in live and t in wanted]
                if rows:
                    db["passage_themes"].insert_all(rows, pk=("passage_id", "theme_id"))
            for table, rowid, column, value in state.references:
                db.execute(f"UPDATE [{table}] SET [{column}] = ? WHERE rowid = ?", [value, rowid])
    except sqlite3.IntegrityError as e:
        raise InvalidInput("restore", str(e)) from e
