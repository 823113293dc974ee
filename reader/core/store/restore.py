"""Putting a backup back in place of the project (the backups themselves: reader.core.store.backups).

restore(project_path, backup) refuses while the project is open for writing anywhere (this
process included: close it first), checks that the backup is a sound project of ours and a copy of
this one, backs up the current file, and replaces it atomically (a copy beside it, then
os.replace). A `.restoring` copy a killed restore left behind is removed by the next restore or
the next open for writing (clear_leftovers).
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from reader.core.errors import BackupOfAnotherProject, ProjectInUse, ReaderError, WriteFailed
from reader.core.store import owner
from reader.core.store.backups import (
    BEFORE_RESTORE,
    RESTORING,
    Backup,
    _discard,
    _fsync,
    _target,
    backup_connection,
    clear_leftovers,
    find_backup,
    prune,
)
from reader.core.store.db import check_project_file

log = logging.getLogger(__name__)


def restore(project_path: str | Path, backup: Backup | str | Path) -> Backup | None:
    """Put `backup` in place of the project. The current file is backed up first (a damaged one
    byte for byte); returns that copy (None when there was no file). ProjectInUse while the project
    is open for writing (here or in another process); the backup itself must be a sound project of
    ours (NotAProject, ProjectTooNew, ProjectDamaged otherwise, and nothing changes)."""
    project_path = Path(project_path)
    chosen = backup if isinstance(backup, Backup) else find_backup(project_path, backup)
    check_project_file(chosen.path, integrity=True)  # NotAProject / ProjectTooNew / ProjectDamaged
    ours, theirs = _project_id(project_path), _project_id(chosen.path)
    if ours is not None and theirs is not None and ours != theirs:
        raise BackupOfAnotherProject(str(project_path), chosen.name)
    if owner.held_here(project_path):
        raise ProjectInUse(str(project_path))
    lock = owner.acquire(project_path)
    if lock is None:
        raise ProjectInUse(str(project_path))
    try:
        clear_leftovers(project_path)
        saved = _save_current(project_path)
        tmp = project_path.with_name(project_path.name + RESTORING)
        try:
            src = sqlite3.connect(chosen.path.resolve().as_uri() + "?mode=ro", uri=True)
            dest = sqlite3.connect(tmp)
            try:
                src.backup(dest)
                dest.execute("PRAGMA journal_mode = WAL")
            finally:
                dest.close()
                src.close()
            _fsync(tmp)
            for side in ("-wal", "-shm"):  # a WAL of the old file must not be replayed onto the new one
                Path(str(project_path) + side).unlink(missing_ok=True)
            os.replace(tmp, project_path)
        except (OSError, sqlite3.Error) as e:
            _discard(tmp)
            raise WriteFailed(str(project_path), getattr(e, "strerror", None) or str(e)) from e
    finally:
        lock.release()
    return saved


def _project_id(path: Path) -> str | None:
    """The project id a project (or backup) file keeps in reader_meta; None when it has none (made
    before ids were kept) or cannot be read."""
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except (sqlite3.Error, OSError):
        return None
    try:
        row = conn.execute("SELECT value FROM reader_meta WHERE key = 'project_id'").fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return str(row[0]) if row and row[0] else None


def _save_current(project_path: Path) -> Backup | None:
    """The current file into the backups before a restore replaces it; None when there is no
    file. A file that cannot be read as a sound project is copied byte for byte; a copy that cannot
    be written (a full disk) is WriteFailed, and the restore goes no further."""
    if not project_path.is_file() or project_path.stat().st_size == 0:
        return None
    try:
        check_project_file(project_path, integrity=True)  # a damaged file is kept byte for byte
        conn = sqlite3.connect(project_path.resolve().as_uri() + "?mode=ro", uri=True)
    except (ReaderError, sqlite3.Error) as e:
        log.info("current file copied byte for byte before restore: %s", e)
    else:
        try:
            return backup_connection(conn, project_path, BEFORE_RESTORE)
        finally:
            conn.close()
    target = _target(project_path, BEFORE_RESTORE, datetime.now())
    try:
        target.parent.mkdir(exist_ok=True)
        shutil.copyfile(project_path, target)
    except OSError as e:
        raise WriteFailed(str(target), e.strerror or str(e)) from e
    prune(project_path, BEFORE_RESTORE)
    return Backup(target, datetime.now().replace(microsecond=0), BEFORE_RESTORE, target.stat().st_size)
