"""Safety checks for zip archives the program reads (.qdpx projects, zipped .qdc codebooks).

Nothing is ever extracted to disk, but an archive whose member names lead out of it (../x,
/etc/x, C:\\x) is not one a tool of ours made: it is refused as a whole (UnsafeArchivePath). A zip
bomb is refused from the sizes the members declare, before anything is unpacked (UnpacksTooLarge);
zipfile itself never inflates a member past its declared size, so a member that lies about its
size ends in a CRC error, not in memory.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import PurePosixPath

from reader.core.errors import UnpacksTooLarge, UnsafeArchivePath

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
