"""An open project: the handle every part of the store takes (Project: its database and what was
learned when it was opened), and the database whose atomic() turns SQLite's refusals to write into
typed errors. Opening and creating projects is reader.core.store.db; this module imports nothing
of the store, so every other module of it can take a Project.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.errors import ProjectInUse, ProjectLocked, ProjectReadOnly
from reader.core.store.lean import Database

if TYPE_CHECKING:
    from reader.core.store import backups as bk
    from reader.core.store import owner

NOT_WRITABLE, IN_USE, READING = "not_writable", "in_use", "reading"  # why a project opened read-only


def write_error(path: str | Path, error: sqlite3.OperationalError) -> ProjectReadOnly | ProjectLocked | None:
    """The typed error for SQLite's refusal to write (None: another kind of failure)."""
    text = str(error).lower()
    if "readonly" in text or "read-only" in text:
        return ProjectReadOnly(str(path))
    if "locked" in text or "busy" in text:
        return ProjectLocked(str(path))
    return None


class ProjectDatabase(Database):
    """sqlite-utils' Database whose atomic() reports a project that cannot be written (read-only,
    or locked by another program) as ProjectReadOnly / ProjectLocked, the change rolled back."""

    project_path: Path = Path()
    in_use: bool = False  # read-only because another process has the project open for writing

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        try:
            with super().atomic() as db:
                yield db
        except sqlite3.OperationalError as e:
            typed = write_error(self.project_path, e)
            if typed is None:
                raise
            if self.in_use and isinstance(typed, ProjectReadOnly):
                typed = ProjectInUse(str(self.project_path))
            raise typed from e


@dataclass
class Project:
    """An open project: the database and what we learned when opening it."""

    db: Database
    path: Path
    fts: bool = False  # FTS5 available (else search scans)
    created: bool = False  # the file was new
    migrated: list[str] = field(default_factory=list)
    read_only_reason: str | None = None  # opened for reading only: NOT_WRITABLE (file or folder) or IN_USE
    backups: list[bk.Backup] = field(default_factory=list)  # made while opening (migration, daily)
    owner: owner.OwnerLock | None = None  # this process's hold on the project (writable projects)
    checked: bool = False  # SQLite's quick_check ran when it was opened (or the file is new)

    @property
    def read_only(self) -> bool:
        """Opened for reading only (read_only_reason says why)."""
        return self.read_only_reason is not None

    def close(self) -> None:
        try:
            self.db.close()
        finally:
            if self.owner is not None:
                self.owner.release()

    def read_only_error(self) -> ProjectReadOnly:
        """The error a change to this read-only project meets."""
        if self.read_only_reason == IN_USE:
            return ProjectInUse(str(self.path))
        return ProjectReadOnly(str(self.path))

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
