"""Writing an export file safely: never over an existing file unless asked, and never half a file.

`atomic_file(path, force=...)` yields a binary file that is a temporary file in the same folder;
when the block ends normally the temporary file is flushed to disk and renamed over `path` in one
step (os.replace), so a crash, a cancel or a full disk leaves either the old file or the new one,
never a mixture, and no temporary file behind. Any OSError becomes one WriteFailed. The temporary
file is locked while it is written, so one that a killed program left behind (nobody holds its
lock) is removed by the next export to that name.

Never a target, whatever force says: a project file of ours (the project itself through any path
or link, another project, a backup) and the files beside one (its -wal, -shm, -journal, lock):
TargetIsProject. A target that exists but is not a regular file is never replaced: a character
device (/dev/null) or a pipe is written through (no force needed: nothing is lost), anything else
(a socket, a block device) is refused.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from reader.core.errors import FileExists, TargetIsProject, WriteFailed
from reader.core.store.migrations import APPLICATION_ID

SQLITE_HEADER = b"SQLite format 3\x00"
APPLICATION_ID_OFFSET = 68  # where the SQLite header keeps PRAGMA application_id
# Files SQLite and the program keep beside a project (reader.core.store.owner: the lock).
COMPANIONS = ("-wal", "-shm", "-journal", ".lock")
NOT_ORDINARY = "not an ordinary file"
PART = ".part"
PART_AGE_S = 3600  # where files cannot be locked (Windows), a .part this old is a leftover


def _read_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()  # read once: os.umask can only be read by setting it


def is_project_file(path: str | Path) -> bool:
    """Whether `path` (through links) is a regular file that a SQLite header marks as one of our
    projects (a backup is one too). Never opens anything but a regular file."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as f:
            head = f.read(APPLICATION_ID_OFFSET + 4)
    except (OSError, ValueError):
        return False
    return head.startswith(SQLITE_HEADER) and int.from_bytes(head[APPLICATION_ID_OFFSET:], "big") == APPLICATION_ID


def belongs_to_project(path: str | Path) -> bool:
    """Whether `path` is a project file of ours or one of the files beside one (-wal, -shm, lock)."""
    path = Path(path)
    if is_project_file(path):
        return True
    for suffix in COMPANIONS:
        if path.name.endswith(suffix) and len(path.name) > len(suffix):
            if is_project_file(path.with_name(path.name[: -len(suffix)])):
                return True
    return False


def _stat(path: Path) -> os.stat_result | None:
    """The target's status through links (None: nothing there, or a link that leads nowhere)."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as e:  # a name the system refuses: too long, a null character; a link loop
        raise WriteFailed(str(path), getattr(e, "strerror", None) or str(e)) from e


def _is_stream(st: os.stat_result | None) -> bool:
    """A target written through rather than replaced: a character device or a pipe."""
    return st is not None and (stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode))


def check_target(path: str | Path, force: bool = False) -> Path:
    """The path to write, refused early (FileExists, WriteFailed, TargetIsProject) so a long export
    does not run for nothing."""
    path = Path(path)
    st = _stat(path)
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise WriteFailed(str(path), os.strerror(errno.EISDIR))
    if belongs_to_project(path):
        raise TargetIsProject(str(path))
    if _is_stream(st):
        return path
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise WriteFailed(str(path), NOT_ORDINARY)
    if st is not None and not force:
        raise FileExists(str(path))
    try:
        parent = path.parent if str(path.parent) else Path(".")
        parent_is_dir = parent.is_dir()
    except (OSError, ValueError) as e:
        raise WriteFailed(str(path), getattr(e, "strerror", None) or str(e)) from e
    if not parent_is_dir:
        raise WriteFailed(str(path), os.strerror(errno.ENOENT))  # the folder does not exist
    return path


@contextlib.contextmanager
def atomic_file(path: str | Path, *, force: bool = False) -> Iterator[BinaryIO]:
    """A binary file that replaces `path` when the block ends without an exception."""
    path = check_target(path, force)
    if _is_stream(_stat(path)):
        with _stream(path) as f:
            yield f
        return
    remove_leftovers(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=PART, dir=path.parent)
    except OSError as e:
        raise WriteFailed(str(path), e.strerror or str(e)) from e
    _lock(fd)
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes it private; an export is an ordinary file
        os.replace(tmp, path)
    except OSError as e:
        _remove(tmp)
        raise WriteFailed(str(path), e.strerror or str(e)) from e
    except BaseException:  # a cancel, a bug, Ctrl+C: the old file stays, the temporary one goes
        _remove(tmp)
        raise


@contextlib.contextmanager
def _stream(path: Path) -> Iterator[BinaryIO]:
    """A device or a pipe, written through. A pipe nobody reads is WriteFailed at once (opening it
    would wait for a reader for ever)."""
    fifo = stat.S_ISFIFO(os.stat(path).st_mode)
    try:
        fd = os.open(path, os.O_WRONLY | (getattr(os, "O_NONBLOCK", 0) if fifo else 0))
        if fifo:
            os.set_blocking(fd, True)
    except OSError as e:
        raise WriteFailed(str(path), e.strerror or str(e)) from e
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
    except OSError as e:
        raise WriteFailed(str(path), e.strerror or str(e)) from e


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only

    def _lock(fd: int) -> None:
        return None

    def _unlocked(path: Path) -> bool:
        try:
            return time.time() - path.stat().st_mtime > PART_AGE_S
        except OSError:
            return False

else:
    import fcntl

    def _lock(fd: int) -> None:
        with contextlib.suppress(OSError):  # a file system without locks: leftovers then wait for a lockable one
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlocked(path: Path) -> bool:
        """Whether nobody holds the lock of `path` (its writer is gone)."""
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        finally:
            os.close(fd)
        return True


def remove_leftovers(path: Path) -> list[Path]:
    """Temporary files of earlier exports to `path` whose writer was killed (no one holds their lock):
    removed. Returns those removed."""
    prefix = f".{path.name}."
    gone = []
    try:
        entries = list(path.parent.iterdir()) if str(path.parent) else list(Path(".").iterdir())
    except OSError:
        return []
    for entry in entries:
        if entry.name.startswith(prefix) and entry.name.endswith(PART) and not entry.is_symlink() and _unlocked(entry):
            with contextlib.suppress(OSError):
                entry.unlink()
                gone.append(entry)
    return gone


def _remove(tmp: str) -> None:
    with contextlib.suppress(OSError):  # already gone, or the folder turned read-only: nothing more to do
        os.unlink(tmp)
