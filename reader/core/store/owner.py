"""One writer per project: an operating-system lock on `<project>.lock` beside the project file.

The process that opens a project for writing takes an exclusive advisory lock on the lock file
(fcntl.flock on POSIX, msvcrt.locking on Windows) and holds it for as long as the project is open.
A second process (another window, a `reader tag` in a terminal) cannot take it: it opens the
project read-only and says why. The lock belongs to the open file, so the system drops it when the
process ends in any way (a crash, SIGKILL, a power cut): a killed program never leaves a stale
lock. The empty lock file is deleted when the project is closed (while still locked; whoever took
a lock on a file that was deleted meanwhile sees that its inode is no longer the one at the path,
and tries again); after a crash it stays behind, meaning nothing without a lock on it.

Inside one process the lock is shared: the window and its background workers each open their own
connection to the project (SQLite serialises their writes), so acquire() counts its holders and
the lock goes when the last of them releases it.

SQLite's own locks guard each transaction; this lock guards the project as a whole, so that two
windows never interleave their edits (and an undo of one never undoes the other's work).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

LOCK_SUFFIX = ".lock"


def lock_path(project_path: str | Path) -> Path:
    p = Path(project_path)
    return p.with_name(p.name + LOCK_SUFFIX)


@dataclass
class _Held:
    fd: int
    count: int


_held: dict[str, _Held] = {}
_guard = threading.Lock()


def _key(project_path: Path) -> str:
    return os.path.normcase(str(project_path.resolve()))


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError as e:
            log.warning("could not unlock %s: %s", fd, e)

else:
    import errno
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            if e.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                return False
            raise
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class OwnerLock:
    """This process's hold on a project (release() once; the lock goes with the last holder)."""

    def __init__(self, key: str, path: Path):
        self.key = key
        self.path = path
        self.released = False

    def release(self) -> None:
        if self.released:
            return
        self.released = True
        with _guard:
            held = _held.get(self.key)
            if held is None:
                return
            held.count -= 1
            if held.count > 0:
                return
            del _held[self.key]
            try:
                if sys.platform != "win32":  # Windows keeps the file: it cannot delete an open file
                    with contextlib.suppress(OSError):
                        lock_path(self.path).unlink()
                _unlock(held.fd)
            finally:
                os.close(held.fd)


def _open_lock_file(path: Path) -> int | None:
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        try:
            return os.open(path, os.O_RDONLY)  # a lock file we may not write can still be locked
        except OSError as e:
            log.warning("no lock file %s: %s", path, e)
            return None


def acquire(project_path: str | Path) -> OwnerLock | None:
    """Take the project for writing: an OwnerLock, or None when another process holds it.

    Where the system offers no lock (a lock file that cannot be made, a network drive without
    locks) the project is not refused: SQLite still keeps every transaction whole."""
    project_path = Path(project_path)
    key = _key(project_path)
    with _guard:
        held = _held.get(key)
        if held is not None:
            held.count += 1
            return OwnerLock(key, project_path)
        path = lock_path(project_path)
        for _attempt in range(5):
            fd = _open_lock_file(path)
            if fd is None:
                return OwnerLock(key, project_path)  # nothing held: release() finds no entry
            try:
                locked = _try_lock(fd)
            except OSError as e:  # no locking on this file system
                log.warning("cannot lock %s: %s", path, e)
                os.close(fd)
                return OwnerLock(key, project_path)
            if not locked:
                os.close(fd)
                return None
            if _still_there(fd, path):
                _held[key] = _Held(fd, 1)
                return OwnerLock(key, project_path)
            _unlock(fd)  # the holder before us deleted this file as we opened it: take the new one
            os.close(fd)
        return None


def _still_there(fd: int, path: Path) -> bool:
    """Whether the file we locked is still the one at `path`."""
    if sys.platform == "win32":  # pragma: no cover - lock files are not deleted there
        return True
    try:
        st, now = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (st.st_dev, st.st_ino) == (now.st_dev, now.st_ino)


def held_here(project_path: str | Path) -> bool:
    """Whether this process has the project open for writing."""
    with _guard:
        return _key(Path(project_path)) in _held


def held_elsewhere(project_path: str | Path) -> bool:
    """Whether another process has the project open for writing (a quick probe: the lock is taken
    and let go at once)."""
    project_path = Path(project_path)
    if held_here(project_path):
        return False
    path = lock_path(project_path)
    if not path.exists():
        return False
    owner = acquire(project_path)
    if owner is None:
        return True
    owner.release()
    return False
