"""Every QSettings key the window uses, in one place.

The settings live in an INI file in the program's config folder (reader.core.paths.config_dir,
which READER_HOME replaces in tests), never in the system registry, so tests stay isolated and a
user can delete one file to start afresh.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from reader.core import paths

FILE_NAME = "window.ini"
GEOMETRY = "window/geometry"
STATE = "window/state"
SPLITTERS = "window/splitters/"  # + splitter objectName
DOCK_WIDTHS = "window/dock_widths/"  # + dock objectName: the width the user gave a side dock
LANGUAGE = "ui/language"
FONT_SIZE = "text/font_size"
RECENT = "projects/recent"
PLACES = "places/"  # + hash of the project path: "unit_id:section_id"
MATRIX_BY = "matrix/by"
MATRIX_VALUE = "matrix/value"
EXPORT_FORMAT = "export/format"
EXPORT_FOLDER = "export/folder"
IMPORT_FOLDER = "import/folder"  # where the last import came from: the import dialogs open there
WELCOME = "welcome/show_at_start"

RECENT_MAX = 8
FONT_SIZE_DEFAULT = 13
FONT_SIZE_RANGE = (9, 32)


class UiSettings:
    """Typed access to the window's settings."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path else paths.config_dir() / FILE_NAME
        self.qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    def sync(self) -> None:
        self.qs.sync()

    # -- raw values --------------------------------------------------------------------------
    def bytes(self, key: str) -> QByteArray | None:
        value = self.qs.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_bytes(self, key: str, value: QByteArray) -> None:
        self.qs.setValue(key, value)

    def text(self, key: str, default: str = "") -> str:
        value = self.qs.value(key, default)
        return value if isinstance(value, str) else default

    def set_text(self, key: str, value: str) -> None:
        self.qs.setValue(key, value)

    def number(self, key: str, default: int = 0) -> int:
        try:
            return int(self.qs.value(key, default))
        except (TypeError, ValueError):
            return default

    def set_number(self, key: str, value: int) -> None:
        self.qs.setValue(key, int(value))

    # -- typed -------------------------------------------------------------------------------
    def language(self) -> str | None:
        value = self.text(LANGUAGE)
        return value or None

    def set_language(self, lang: str) -> None:
        self.set_text(LANGUAGE, lang)

    def font_size(self) -> int:
        try:
            size = int(self.qs.value(FONT_SIZE, FONT_SIZE_DEFAULT))
        except (TypeError, ValueError):
            return FONT_SIZE_DEFAULT
        return min(max(size, FONT_SIZE_RANGE[0]), FONT_SIZE_RANGE[1])

    def set_font_size(self, size: int) -> None:
        self.qs.setValue(FONT_SIZE, int(size))

    def recent_projects(self) -> list[Path]:
        value = self.qs.value(RECENT, [])
        items = [value] if isinstance(value, str) else list(value or [])
        return [Path(p) for p in items if isinstance(p, str) and p]

    def add_recent(self, path: str | Path) -> None:
        path = str(Path(path).resolve())
        items = [str(p) for p in self.recent_projects() if str(p) != path]
        self.qs.setValue(RECENT, [path, *items][:RECENT_MAX])

    @staticmethod
    def _place_key(project_path: str | Path) -> str:
        digest = hashlib.sha1(str(Path(project_path).resolve()).encode("utf-8")).hexdigest()[:16]
        return PLACES + digest

    def last_place(self, project_path: str | Path) -> tuple[int, int | None] | None:
        """(unit id, section id or None) last shown in this project."""
        value = self.text(self._place_key(project_path))
        try:
            unit, section = value.split(":")
            return int(unit), (int(section) if section else None)
        except ValueError:
            return None

    def set_last_place(self, project_path: str | Path, unit_id: int, section_id: int | None) -> None:
        self.set_text(self._place_key(project_path), f"{unit_id}:{section_id or ''}")

    def show_welcome(self) -> bool:
        """Whether the welcome opens at start (until the user says not to show it again)."""
        return str(self.qs.value(WELCOME, "true")).lower() not in ("false", "0")

    def set_show_welcome(self, show: bool) -> None:
        self.qs.setValue(WELCOME, "true" if show else "false")
