"""Writing an export file safely: never over an existing file unless asked, and never half a file.

`atomic_file(path, force=...)` yields a binary file that is a temporary file in the same folder;
when the block ends normally the temporary file is flushed to disk and renamed over `path` in one
step (os.replace), so a crash, a cancel or a full disk leaves either the old file or the new one,
never a mixture, and no temporary file behind. Any OSError becomes one WriteFailed.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from reader.core.errors import FileExists, WriteFailed


def _read_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()  # read once: os.umask can only be read by setting it


def check_target(path: str | Path, force: bool = False) -> Path:
    """The path to write, refused early (FileExists, WriteFailed) so a long export does not run for
    nothing."""
    path = Path(path)
    try:
        is_dir, exists = path.is_dir(), path.exists()
        parent = path.parent if str(path.parent) else Path(".")
        parent_is_dir = parent.is_dir()
    except (OSError, ValueError) as e:  # a name the system refuses: too long, a null character
        raise WriteFailed(str(path), getattr(e, "strerror", None) or str(e)) from e
    if is_dir:
        raise WriteFailed(str(path), os.strerror(errno.EISDIR))
    if exists and not force:
        raise FileExists(str(path))
    if not parent_is_dir:
        raise WriteFailed(str(path), os.strerror(errno.ENOENT))  # the folder does not exist
    return path


@contextlib.contextmanager
def atomic_file(path: str | Path, *, force: bool = False) -> Iterator[BinaryIO]:
    """A binary file that replaces `path` when the block ends without an exception."""
    path = check_target(path, force)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as e:
        raise WriteFailed(str(path), e.strerror or str(e)) from e
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


def _remove(tmp: str) -> None:
    with contextlib.suppress(OSError):  # already gone, or the folder turned read-only: nothing more to do
        os.unlink(tmp)
