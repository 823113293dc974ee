"""Backup copies of a project: made, listed, pruned.

Where: in a folder beside the project, `<name>.backups/` (for 县区报告.renda: 县区报告.backups/).
Beside, not in the user data folder, because a backup must go where the project goes: a user who
copies the project folder to a new machine or a USB stick takes the backups along, finds them
without knowing where programs keep their data, and a restore is a rename on the same disk.

When: before every schema migration that will run (reason "migration"), once a day when the
project is opened for writing (reason "daily"), when the user asks (File ▸ 备份…, `reader backup`:
"manual"), and of the current file before a restore replaces it ("before-restore"). Each copy is
made with SQLite's online backup API, so it is consistent even while the WAL holds recent
changes; and before a teammate's copy is merged in ("before-merge"). The newest KEEP[reason] copies of each reason are kept; older ones are deleted.

A backup is a complete project file: `<stem>-YYYYMMDD-HHMMSS-<reason><suffix>`, the project's own
stem and suffix (县区.renda: 县区-20240101-093000-daily.renda; a project without a suffix: none);
its name carries its date and reason, so listing needs no other record. Backups belong to one
project file: report.renda and report.db share the folder report.backups/, but each lists, prunes
and restores only the copies that carry its full name, and a restore checks that the copy is of
this project (the project id every project keeps in reader_meta, copied into its backups).

Putting one back is reader.core.store.restore (it checks the copy as opening a project does, which
backs up: so it sits above reader.core.store.db, this module below it). A `.restoring` copy a
killed restore left behind is removed by the next restore or the next open for writing
(clear_leftovers).
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reader.core.errors import NotFound, WriteFailed

log = logging.getLogger(__name__)

FOLDER_SUFFIX = ".backups"
MIGRATION, DAILY, MANUAL, BEFORE_RESTORE = "migration", "daily", "manual", "before-restore"
BEFORE_MERGE = "before-merge"  # before a teammate's copy is merged in (reader.core.team.merge)
REASONS = (MIGRATION, DAILY, MANUAL, BEFORE_RESTORE, BEFORE_MERGE)
KEEP = {MIGRATION: 3, DAILY: 7, MANUAL: 5, BEFORE_RESTORE: 3, BEFORE_MERGE: 3}  # at most 21 copies
STAMP = "%Y%m%d-%H%M%S"
PART_AGE_S = 3600
RESTORING = ".restoring"
_NAME = re.compile(r"^(?P<stem>.*)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?-(?P<reason>[a-z-]+)(?P<suffix>\.[^.]*)?$")


@dataclass
class Backup:
    path: Path
    created: datetime  # local time, from the name
    reason: str  # one of REASONS
    size: int  # bytes

    @property
    def name(self) -> str:
        return self.path.name

    def to_json(self) -> dict:
        return {"path": str(self.path), "name": self.name, "created": self.created.isoformat(timespec="seconds"),
                "reason": self.reason, "size": self.size}


def size_text(size: int) -> str:
    """A file size as people read it: 0.4 MB, 72.2 MB, 12 KB."""
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{max(1, round(size / 1000))} KB"


def backup_dir(project_path: str | Path) -> Path:
    p = Path(project_path)
    return p.with_name(p.stem + FOLDER_SUFFIX)


def list_backups(project_path: str | Path) -> list[Backup]:
    """The project's backups, newest first: those in its backups folder that carry its full name
    (its stem and its suffix; a project of the same stem keeps its own apart)."""
    project_path = Path(project_path)
    folder = backup_dir(project_path)
    try:
        entries = list(folder.iterdir())
    except OSError:  # no backups yet, or a folder we cannot read
        return []
    out = []
    for f in entries:
        m = _NAME.match(f.name)
        if m is None or m["reason"] not in REASONS or not f.is_file():
            continue
        if m["stem"] != project_path.stem or (m["suffix"] or "") != project_path.suffix:
            continue
        try:
            created = datetime.strptime(m["stamp"], STAMP)
            size = f.stat().st_size
        except (ValueError, OSError):
            continue
        out.append(Backup(f, created, m["reason"], size))
    out.sort(key=lambda b: (b.created, b.name), reverse=True)
    return out


def _target(project_path: Path, reason: str, now: datetime) -> Path:
    folder = backup_dir(project_path)
    base = f"{project_path.stem}-{now.strftime(STAMP)}"
    suffix = project_path.suffix
    path = folder / f"{base}-{reason}{suffix}"
    n = 1
    while path.exists():
        n += 1
        path = folder / f"{base}-{n}-{reason}{suffix}"
    return path


def backup_connection(conn: sqlite3.Connection, project_path: str | Path, reason: str,
                      now: datetime | None = None) -> Backup:
    """Copy the project behind the open connection `conn` into its backups folder (SQLite's online
    backup API: consistent even mid-WAL) and prune old copies of this reason. WriteFailed if the
    copy cannot be written (nothing partial is left)."""
    project_path = Path(project_path)
    now = now or datetime.now()
    folder = backup_dir(project_path)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as e:
        raise WriteFailed(str(folder), e.strerror or str(e)) from e
    target = _target(project_path, reason, now)
    tmp = target.with_name(target.name + ".part")
    try:
        dest = sqlite3.connect(tmp)
        try:
            conn.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
        finally:
            dest.close()
        _fsync(tmp)
        os.replace(tmp, target)
    except (OSError, sqlite3.Error) as e:
        _discard(tmp)
        raise WriteFailed(str(target), getattr(e, "strerror", None) or str(e)) from e
    prune(project_path, reason)
    return Backup(target, now.replace(microsecond=0), reason, target.stat().st_size)


def backup_now(project, reason: str = MANUAL) -> Backup:
    """A backup of an open Project (File ▸ 备份…, `reader backup`)."""
    return backup_connection(project.db.conn, project.path, reason)


def daily_due(project_path: str | Path, today: datetime | None = None) -> bool:
    """Whether no backup was made today (by date, local time) of any reason."""
    day = (today or datetime.now()).date()
    return not any(b.created.date() == day for b in list_backups(project_path))


def prune(project_path: str | Path, reason: str) -> list[Path]:
    """Delete the copies of `reason` beyond the newest KEEP[reason], and copies a crash cut short
    (`.part`, an hour old). Returns those deleted."""
    old = [b for b in list_backups(project_path) if b.reason == reason][KEEP.get(reason, 5):]
    cutoff = time.time() - PART_AGE_S
    for part in backup_dir(project_path).glob("*.part"):
        with contextlib.suppress(OSError):  # another process's copy in progress is younger than that
            if part.stat().st_mtime < cutoff:
                part.unlink()
    gone = []
    for b in old:
        try:
            b.path.unlink()
            gone.append(b.path)
        except OSError as e:  # an old copy we cannot delete stays; the next prune tries again
            log.warning("could not delete old backup %s: %s", b.path, e)
    return gone


def find_backup(project_path: str | Path, name: str | Path) -> Backup:
    """A backup of this project by its file name (or path, or its number in list_backups from 1)."""
    backups = list_backups(project_path)
    text = str(name)
    if text.isdigit() and 1 <= int(text) <= len(backups):
        return backups[int(text) - 1]
    for b in backups:
        if b.name == Path(text).name:
            return b
    raise NotFound("backup", text)


def _discard(path: Path) -> None:
    """Remove a copy cut short; where that fails too (a read-only file system says so even of a file
    that is not there) there is nothing more to do: the error already raised says what happened."""
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    with open(path, "rb+") as f:
        os.fsync(f.fileno())


def clear_leftovers(project_path: str | Path) -> None:
    """Remove the `.restoring` copy a restore killed midway left beside the project. Only called
    while holding the project's owner lock (a restore holds it throughout, so none is running)."""
    with contextlib.suppress(OSError):
        Path(str(project_path) + RESTORING).unlink(missing_ok=True)
