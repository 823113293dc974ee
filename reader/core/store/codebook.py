"""Codebooks: a tree of themes as JSON (resources/codebook/default.json), loaded into a project.

Format: {"name": str, "version": 1, "themes": [{"name", "colour", "shortcut", "keywords": [...],
"description", "children": [...]}]}.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.core.errors import InvalidInput, PathMissing, PathUnreadable
from reader.core.store.project import Project
from reader.core.store.themes import Theme, add_theme, theme_tree
from reader.resources import resource_path

DEFAULT = ("codebook", "default.json")


@dataclass
class CodebookReport:
    added: list[int] = field(default_factory=list)


def default_path() -> Path:
    return resource_path(*DEFAULT)


def load(path: str | Path) -> dict[str, Any]:
    path = Path(path)
    if not path.exists():
        raise PathMissing(str(path))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        raise PathUnreadable(str(path), str(e)) from e
    except json.JSONDecodeError as e:
        raise InvalidInput("codebook", f"{path}: {e}") from e
    if not isinstance(data, dict) or not isinstance(data.get("themes"), list):
        raise InvalidInput("codebook", str(path))
    return data


def load_default() -> dict[str, Any]:
    return load(default_path())


def install(project: Project, codebook: dict[str, Any]) -> CodebookReport:
    """Add the codebook's themes to the project (one transaction; names must not clash)."""
    report = CodebookReport()

    def add(items: list[dict[str, Any]], parent: int | None) -> None:
        for item in items:
            change = add_theme(
                project,
                item["name"],
                parent,
                colour=item.get("colour"),
                shortcut=item.get("shortcut"),
                keywords=list(item.get("keywords", [])),
                description=item.get("description", ""),
            )
            report.added.append(change.theme_id)
            add(item.get("children", []), change.theme_id)

    with project.db.atomic():
        add(codebook["themes"], None)
    return report


def export(project: Project, name: str = "") -> dict[str, Any]:
    """The project's themes in codebook form."""

    def item(t: Theme) -> dict[str, Any]:
        d: dict[str, Any] = {"name": t.name, "colour": t.colour, "keywords": t.keywords}
        if t.shortcut:
            d["shortcut"] = t.shortcut
        if t.description:
            d["description"] = t.description
        if t.children:
            d["children"] = [item(c) for c in t.children]
        return d

    return {"name": name, "version": 1, "themes": [item(t) for t in theme_tree(project)]}
