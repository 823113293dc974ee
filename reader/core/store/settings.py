"""Per-project settings: a key/value table (values JSON-encoded)."""

from __future__ import annotations

import json
from typing import Any

from reader.core.store.project import Project


def get_setting(project: Project, key: str, default: Any = None) -> Any:
    row = project.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return default if row is None else json.loads(row[0])


def set_setting(project: Project, key: str, value: Any) -> None:
    with project.db.atomic():
        project.db["settings"].upsert({"key": key, "value": json.dumps(value, ensure_ascii=False)}, pk="key")
