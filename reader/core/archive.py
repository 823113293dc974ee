"""Safety checks for zip archives the program reads (.qdpx projects, zipped .qdc codebooks).

Nothing is ever extracted to disk, but an archive whose member names lead out of it (../x,
/etc/x, C:\\x) is not one a tool of ours made: it is refused as a whole (UnsafeArchivePath). A zip
bomb is refused from the sizes the members declare, before anything is unpacked (UnpacksTooLarge);
zipfile itself never inflates a member past its declared size, so a member that lies about its
size is caught while it is read a piece at a time (read_member, check_streamed): zipfile's own
read() inflates up to 2 GB in one call before it compares with the declared size.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import PurePosixPath

from reader.core.errors import DamagedFile, UnpacksTooLarge, UnsafeArchivePath

_DRIVE = re.compile(r"^[A-Za-z]:")


def leaves_folder(name: str) -> bool:
    """True for a path that is absolute, starts with a drive letter or climbs with '..'."""
    norm = name.replace("\\", "/")
    if norm.startswith("/") or _DRIVE.match(norm):
        return True
    return ".." in PurePosixPath(norm).parts


def check_archive(archive: zipfile.ZipFile, path: str, fmt: str, limit_mb: int) -> None:
    """Refuse an archive with a member outside its folder or whose members unpack past `limit_mb`."""
    total = 0
    for info in archive.infolist():
        if leaves_folder(info.filename):
            raise UnsafeArchivePath(path, info.filename)
        total += info.file_size
    if total > limit_mb << 20:
        raise UnpacksTooLarge(path, fmt, limit_mb)


CHUNK = 1 << 16


def read_member(archive: zipfile.ZipFile, name: str, path: str, fmt: str, limit_mb: int) -> bytes:
    """A member's bytes, read a piece at a time and refused past `limit_mb` or past its declared
    size (a member lying about its size: zipfile's CRC check then fails, as DamagedFile)."""
    info = archive.getinfo(name)
    if info.file_size > limit_mb << 20:
        raise UnpacksTooLarge(path, fmt, limit_mb)
    parts: list[bytes] = []
    size = 0
    with archive.open(info) as member:
        while chunk := member.read(CHUNK):
            size += len(chunk)
            if size > min(info.file_size, limit_mb << 20):
                raise DamagedFile(path, fmt, f"{name} unpacks past its declared size")
            parts.append(chunk)
    return b"".join(parts)


def check_streamed(archive: zipfile.ZipFile, path: str, fmt: str) -> None:
    """Inflate every member a piece at a time, keeping nothing: a member that inflates past its
    declared size fails here (zipfile stops at the declared size and its CRC check fails) before a
    library reads the archive whole."""
    for info in archive.infolist():
        with archive.open(info) as member:
            while member.read(CHUNK):
                pass
