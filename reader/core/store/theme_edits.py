"""Editing a theme's name, colour, shortcut and keywords together (the theme dialog), in one
transaction."""

from __future__ import annotations

import re

from reader.core.store.project import Project
from reader.core.store.themes import (
    ThemeChange,
    get_theme,
    recolour_theme,
    rename_theme,
    set_keywords,
    set_shortcut,
)


def edit_theme(
    project: Project,
    theme_id: int,
    *,
    name: str | None = None,
    colour: str | None = None,
    shortcut: str | None = None,
    keywords: list[str] | None = None,
) -> list[ThemeChange]:
    """Apply what differs from the theme as it is; '' clears the shortcut. All or nothing."""
    t = get_theme(project, theme_id)
    changes: list[ThemeChange] = []
    with project.db.atomic():
        if name is not None and name.strip() != t.name:
            changes.append(rename_theme(project, theme_id, name))
        if colour is not None and colour.lower() != (t.colour or ""):
            changes.append(recolour_theme(project, theme_id, colour))
        if shortcut is not None and (shortcut or None) != t.shortcut:
            changes.append(set_shortcut(project, theme_id, shortcut or None))
        if keywords is not None and [k.strip() for k in keywords if k.strip()] != t.keywords:
            changes.append(set_keywords(project, theme_id, keywords))
    return changes


def parse_keywords(text: str) -> list[str]:
    """Keywords as a user types them: separated by commas, 、, semicolons or new lines."""
    return [k for k in (w.strip() for w in re.split(r"[,，、;；\n]+", text)) if k]
