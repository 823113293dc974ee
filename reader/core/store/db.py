"""Opening and creating projects: one SQLite file per project, through sqlite-utils.

A file is only ever written once we know it is one of our projects (or new): a non-empty file
that is not SQLite, or a SQLite database without our reader_meta mark, is refused with
NotAProject before anything opens it for writing. A project written by a newer program
(schema_version above ours, or migrations we do not know) is refused with ProjectTooNew.

A project the user may not write (the file or its folder read-only) opens read-only: reading
works, and the first change raises ProjectReadOnly. Every change goes through db.atomic(), which
turns SQLite's "read-only" and "locked" into ProjectReadOnly and ProjectLocked.

One writer: opening for writing takes the project's owner lock (reader.core.store.owner); when
another process holds it, the project opens read-only with read_only_reason IN_USE, and changes
raise ProjectInUse. Before anything is written, an existing project passes SQLite's quick_check
(else ProjectDamaged, the file untouched); a backup is made before a migration runs and once a
day (reader.core.store.backups).
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

from reader.core.errors import (
    FileExists,
    NotAProject,
    PathMissing,
    PathUnreadable,
    ProjectDamaged,
    ProjectLocked,
    ProjectTooNew,
    ReaderError,
)
from reader.core.store import backups as bk
from reader.core.store import codebook as cb
from reader.core.store import fulltext, owner
from reader.core.store import migrations as mig
from reader.core.store.lean import Database
from reader.core.store.project import IN_USE, NOT_WRITABLE, READING, Project, ProjectDatabase

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
APPLICATION_ID_OFFSET = 68  # where the SQLite header keeps PRAGMA application_id
QUICK_CHECK_AT_OPEN_BYTES = 64 * 2**20  # bigger projects: the window checks them in the background
def fts5_available(db: Database) -> bool:
    """Whether this SQLite has FTS5 (a temp table, so the file is not touched)."""
    try:
        db.conn.execute("CREATE VIRTUAL TABLE temp._reader_fts_probe USING fts5(x)")
        db.conn.execute("DROP TABLE temp._reader_fts_probe")
    except sqlite3.OperationalError:
        return False
    return True


def check_project_file(path: Path, *, integrity: bool = False) -> int | None:
    """Inspect an existing, non-empty file without writing to it. Returns its schema version.

    Raises NotAProject (not SQLite, or SQLite without our mark), PathUnreadable, ProjectTooNew;
    with `integrity`, ProjectDamaged when SQLite's quick_check finds the file damaged. A file whose
    header carries our application id but cannot be read is ProjectDamaged, not NotAProject."""
    try:
        with open(path, "rb") as f:
            head = f.read(APPLICATION_ID_OFFSET + 4)
    except OSError as e:
        raise PathUnreadable(str(path), e.strerror or str(e)) from e
    if head[: len(SQLITE_HEADER)] != SQLITE_HEADER:
        raise NotAProject(str(path), "not a SQLite database")
    ours = int.from_bytes(head[APPLICATION_ID_OFFSET:], "big") == mig.APPLICATION_ID
    try:
        version = _check_sqlite(path, integrity)
    except NotAProject as e:
        foreign = ("no reader_meta", "not marked", "unexpected", "missing table")
        if ours and not any(f in e.reason for f in foreign):
            raise _damaged(path, e.reason) from e
        raise
    except sqlite3.DatabaseError as e:
        if ours:
            raise _damaged(path, str(e)) from e
        raise NotAProject(str(path), str(e)) from e
    return version


def _damaged(path: Path, reason: str) -> ProjectDamaged:
    kept = ("database disk image is malformed", "file is not a database", "unexpected data")
    shown = reason if reason in kept else "integrity check failed"
    return ProjectDamaged(str(path), shown, len(bk.list_backups(path)))


def check_at_open(path: str | Path) -> bool:
    """Whether opening `path` should wait for SQLite's quick_check: it reads every page (about 4.5 ms
    a MB on the project machine, 1.1 s for a national corpus of 240 MB). Projects up to
    QUICK_CHECK_AT_OPEN_BYTES are checked before they open; the window opens a bigger one at once
    and checks it in the background (integrity_problems), offering its backups when damaged."""
    try:
        return Path(path).stat().st_size <= QUICK_CHECK_AT_OPEN_BYTES
    except OSError:
        return True  # open_project says what is wrong with it


def integrity_problems(path: str | Path) -> list[str]:
    """SQLite's quick_check of the project file on a read-only connection of its own ([]: sound)."""
    conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return quick_check(conn)
    except sqlite3.DatabaseError as e:
        return [str(e)]
    finally:
        conn.close()


def damaged(path: str | Path, problems: list[str]) -> ProjectDamaged:
    """The error for a project whose quick_check found `problems` (logged), with its backups."""
    log.warning("%s failed quick_check: %s", path, problems[:5])
    return _damaged(Path(path), "integrity check failed")


def quick_check(conn: sqlite3.Connection) -> list[str]:
    """SQLite's quick_check: the problems found ([] when the file is sound)."""
    rows = [r[0] for r in conn.execute("PRAGMA quick_check")]
    return [] if rows == ["ok"] else rows


# What a project of ours holds that SQLite could run: nothing but these tables (the first
# migration's; later ones add more tables, and a table runs nothing) and the search index, an FTS5
# table of this name. A view or a trigger is never ours: a crafted file could make one that never
# ends (a recursive view named reader_meta) or that runs on our writes.
REQUIRED_TABLES = ("reader_meta", "documents", "units", "sections", "themes", "passages", "passage_themes", "notes",
                   "align_rows", "align_members", "align_corrections", "settings")
SEARCH_TABLE = "units_fts"
_OUR_VIRTUAL = f"CREATE VIRTUAL TABLE {SEARCH_TABLE} USING fts5("


def check_schema(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse (NotAProject) a file whose schema is not one of ours: a view or a trigger, a virtual
    table other than the search index, or one of our tables missing or not a table. Reads only
    sqlite_master, so nothing of the file is run; called before any other query on a project."""
    try:
        rows = conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
    except sqlite3.DatabaseError as e:
        if "locked" in str(e):
            raise ProjectLocked(str(path)) from e
        raise NotAProject(str(path), str(e)) from e
    kinds: dict[str, str] = {}
    for kind, name, sql in rows:
        if kind in ("view", "trigger"):
            raise NotAProject(str(path), f"unexpected {kind} {name}")
        if kind == "table" and " ".join(str(sql or "").split()).upper().startswith("CREATE VIRTUAL TABLE"):
            if name != SEARCH_TABLE or not " ".join(str(sql).split()).startswith(_OUR_VIRTUAL):
                raise NotAProject(str(path), f"unexpected virtual table {name}")
        kinds[str(name)] = str(kind)
    if kinds.get("_sqlite_migrations", "table") != "table":
        raise NotAProject(str(path), "unexpected _sqlite_migrations")
    if "reader_meta" not in kinds:
        raise NotAProject(str(path), "no reader_meta table")
    missing = [t for t in REQUIRED_TABLES if kinds.get(t) != "table"]
    if missing:
        raise NotAProject(str(path), f"missing table {missing[0]}")


def _check_sqlite(path: Path, integrity: bool) -> int | None:
    """check_project_file's work on a SQLite file (read-only connection). With no -wal beside the
    file (no one has it open, and it was closed cleanly) the file is read as immutable, so that
    looking leaves nothing behind: a read-only connection to a WAL database makes -wal and -shm.
    The schema is checked before anything else is read (check_schema)."""
    wal = Path(str(path) + "-wal")
    uri = path.resolve().as_uri() + ("?mode=ro" if wal.exists() else "?immutable=1")
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as e:
        raise NotAProject(str(path), str(e)) from e
    try:
        try:
            check_schema(conn, path)
        except NotAProject as e:
            if "unable to open" not in e.reason and "readonly" not in e.reason:
                raise
            conn.close()  # WAL without -shm, folder read-only: read the file as it is
            conn = sqlite3.connect(path.resolve().as_uri() + "?immutable=1", uri=True)
            check_schema(conn, path)
        try:
            rows = dict(conn.execute("SELECT key, value FROM reader_meta").fetchall())
        except sqlite3.OperationalError as e:
            if "locked" in str(e):
                raise ProjectLocked(str(path)) from e
            if "readonly" in str(e) or "unable to open" in str(e):  # WAL without -shm, folder read-only
                conn.close()
                conn = sqlite3.connect(path.resolve().as_uri() + "?immutable=1", uri=True)
                rows = _meta(conn, path)
            else:
                raise NotAProject(str(path), "no reader_meta table") from e
        except sqlite3.DatabaseError as e:
            raise NotAProject(str(path), str(e)) from e
        if rows.get("app") != mig.APP_MARK:
            raise NotAProject(str(path), "not marked as a Renda Reader project")
        try:
            applied = [
                r[0]
                for r in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [mig.MIGRATION_SET]
                )
            ]
        except sqlite3.OperationalError:
            applied = []
        try:
            version = int(rows.get("schema_version") or 0)
        except ValueError as e:
            raise ProjectDamaged(str(path), "bad schema_version") from e
        unknown = [name for name in applied if name not in mig.KNOWN]
        if version > mig.SCHEMA_VERSION or unknown:
            raise ProjectTooNew(str(path), max(version, mig.SCHEMA_VERSION + len(unknown)), mig.SCHEMA_VERSION)
        if integrity:
            problems = quick_check(conn)
            if problems:
                log.warning("%s failed quick_check: %s", path, problems[:5])
                raise _damaged(path, "integrity check failed")
    finally:
        conn.close()
    return version


def _meta(conn: sqlite3.Connection, path: Path) -> dict:
    try:
        return dict(conn.execute("SELECT key, value FROM reader_meta").fetchall())
    except sqlite3.DatabaseError as e:
        raise NotAProject(str(path), "no reader_meta table") from e


def writable(path: Path) -> bool:
    """Whether we may change the project file (and create its journal beside it)."""
    return os.access(path, os.W_OK) and os.access(path.parent if str(path.parent) else Path("."), os.W_OK)


def _stat(path: Path) -> tuple[bool, bool, int]:
    """(exists, is a folder, size), an unusable name (too long, a null character) as PathUnreadable."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return False, False, 0
    except (OSError, ValueError) as e:
        raise PathUnreadable(str(path), getattr(e, "strerror", None) or str(e)) from e
    return True, path.is_dir(), st.st_size


def open_project(
    path: str | Path, *, create: bool = True, codebook: bool = True, check: bool = True, reading: bool = False
) -> Project:
    """Open the project at `path`, creating it when the file is missing or empty (and `create`).

    A new project gets the default codebook unless `codebook` is False. An existing one is first
    inspected without being written: NotAProject, ProjectTooNew, and (with `check`, SQLite's
    quick_check) ProjectDamaged leave the file as it was. A project the user may not write, or one
    another process has open for writing, opens read-only (Project.read_only, read_only_reason).
    Opening for writing backs the project up before a migration and once a day.

    With `reading` (commands that only read: outline, search, export…) an existing project opens
    read-only (read_only_reason READING): no owner lock, so a window opened meanwhile may still
    write it, and no backup. A project that needs upgrading first is opened for writing as usual."""
    path = Path(path)
    exists, is_dir, size = _stat(path)
    if is_dir:
        raise NotAProject(str(path), "a folder")
    new = not exists or size == 0
    if new and not create:
        if exists:
            raise NotAProject(str(path), "an empty file")
        raise PathMissing(str(path))
    integrity = False
    if not new:
        integrity = check and not owner.held_here(path)
        check_project_file(path, integrity=integrity)
        if not writable(path):
            return _open_read_only(path, NOT_WRITABLE, integrity)
        if reading:
            project = _open_read_only(path, READING, integrity)
            if project is not None:
                return project
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise PathUnreadable(str(path.parent), e.strerror or str(e)) from e
    lock = owner.acquire(path)
    if lock is None:
        if new:  # another program is creating it this moment
            raise ProjectLocked(str(path))
        return _open_read_only(path, IN_USE, integrity)
    try:
        bk.clear_leftovers(path)  # we hold the lock: no restore is running
        project = _open_writable(path, new, codebook)
    except BaseException:
        lock.release()
        raise
    project.owner = lock
    project.checked = new or integrity
    return project


def _open_writable(path: Path, new: bool, codebook: bool) -> Project:
    try:
        db = ProjectDatabase(path)
    except sqlite3.Error as e:
        raise NotAProject(str(path), str(e)) from e
    db.project_path = path
    try:
        db.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.conn.execute("PRAGMA foreign_keys = ON")
        if db.conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            db.conn.execute("PRAGMA journal_mode = WAL")
        made = []
        if not new and mig.migrations.pending(db):
            made.append(bk.backup_connection(db.conn, path, bk.MIGRATION))  # WriteFailed: not migrated
        applied = mig.apply(db)
        if not new:
            made.extend(_daily_backup(db, path))
        project = Project(db=db, path=path, fts=fts5_available(db), created=new, migrated=applied, backups=made)
        fulltext.ensure_index(project)
        if new and codebook:
            cb.install(project, cb.load_default())
    except sqlite3.OperationalError as e:
        db.close()
        if "locked" in str(e) or "busy" in str(e):
            raise ProjectLocked(str(path)) from e
        raise ProjectDamaged(str(path), str(e), len(bk.list_backups(path))) from e
    except sqlite3.DatabaseError as e:
        db.close()
        raise ProjectDamaged(str(path), str(e), len(bk.list_backups(path))) from e
    except BaseException:
        db.close()
        raise
    return project


def _daily_backup(db: Database, path: Path) -> list[bk.Backup]:
    """Today's backup if none was made today. Best effort: a backup that cannot be written (a full
    disk) is logged and the project still opens; the next open tries again."""
    if not bk.daily_due(path):
        return []
    try:
        return [bk.backup_connection(db.conn, path, bk.DAILY)]
    except ReaderError as e:
        log.warning("daily backup of %s failed: %s", path, e)
        return []


def _open_read_only(path: Path, reason: str, checked: bool) -> Project | None:
    """A project we may read but not write: no migration, no index built, no journal created.
    One that needs upgrading first: refused (the read-only error), or None when only `READING`
    was asked for (the caller opens it for writing, which upgrades it)."""
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(uri + "?mode=ro", uri=True, check_same_thread=True)
    try:
        conn.execute("SELECT count(*) FROM reader_meta").fetchone()
    except sqlite3.OperationalError:  # WAL mode and no -shm we may create: read the file as it is
        conn.close()
        conn = sqlite3.connect(uri + "?immutable=1", uri=True)
    db = ProjectDatabase(conn)
    db.project_path = path
    db.in_use = reason == IN_USE
    project = Project(db=db, path=path, read_only_reason=reason, checked=checked)
    if mig.migrations.pending(db):  # an older project that would need upgrading first
        db.close()
        if reason == READING:
            return None
        raise project.read_only_error()
    db.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    db.conn.execute("PRAGMA foreign_keys = ON")
    project.fts = fts5_available(db)
    return project


def create_project(path: str | Path, *, codebook: bool = True) -> Project:
    """A new project at `path` (FileExists if a non-empty file is there)."""
    path = Path(path)
    exists, is_dir, size = _stat(path)
    if exists and (is_dir or size > 0):
        raise FileExists(str(path))
    return open_project(path, create=True, codebook=codebook)


def schema_version(project: Project) -> int:
    row = project.db.execute("SELECT value FROM reader_meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0
