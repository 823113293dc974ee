"""Importing files into a project: read -> clean -> find units -> one transaction per document.

import_paths takes files and folders (searched recursively: files whose suffix we read, plus the
QDA exchange formats .qdpx/.qdc, read by reader.core.export.refi; hidden files and folders skipped;
symlinked folders not followed). Each file ends as 'imported', 'duplicate' (the same bytes are
already in the project: nothing is added) or 'failed' with its typed error; a failure never
leaves half a document behind and the rest of the batch still imports.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reader.core import readers, structure
from reader.core.clean import pipeline
from reader.core.errors import (
    EmptyDocument,
    ImportFailed,
    NotAFile,
    PathMissing,
    PathUnreadable,
    ProjectReadOnly,
    ReaderError,
    UnsupportedFormat,
    WriteFailed,
)
from reader.core.progress import Progress, is_cancelled
from reader.core.store import documents
from reader.core.store.db import Project

log = logging.getLogger(__name__)

RESERVED_SUFFIXES = {".qdpx": "qdpx", ".qdc": "qdc"}

IMPORTED, DUPLICATE, FAILED = "imported", "duplicate", "failed"


@dataclass
class ImportedUnit:
    id: int
    county: str | None
    title: str | None


@dataclass
class ImportItem:
    path: Path
    status: str  # 'imported', 'duplicate' or 'failed'
    document_id: int | None = None  # the new document, or the one it duplicates
    units: list[ImportedUnit] = field(default_factory=list)
    error: ReaderError | None = None
    exchange: object | None = None  # for .qdpx/.qdc: the ExchangeImport (themes added/kept, passages)

    @property
    def name(self) -> str:
        return self.path.name


@dataclass
class ImportReport:
    items: list[ImportItem] = field(default_factory=list)
    cancelled: bool = False
    total: int = 0  # files found (cancelled imports process fewer)

    def _with(self, status: str) -> list[ImportItem]:
        return [i for i in self.items if i.status == status]

    @property
    def imported(self) -> list[ImportItem]:
        return self._with(IMPORTED)

    @property
    def duplicates(self) -> list[ImportItem]:
        return self._with(DUPLICATE)

    @property
    def failed(self) -> list[ImportItem]:
        return self._with(FAILED)

    @property
    def unit_ids(self) -> list[int]:
        return [u.id for i in self.imported for u in i.units]


def importable_suffixes() -> dict[str, str]:
    return {**readers.SUFFIXES, **RESERVED_SUFFIXES}


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _regular(p: Path) -> bool:
    """An ordinary file (through links): not a pipe, a device, a dangling or looping link."""
    try:
        return p.is_file()
    except (OSError, ValueError):
        return False


def collect(paths: Iterable[str | Path]) -> list[tuple[Path, ReaderError | None]]:
    """The files to import, in order, each with an error already known (missing, unsupported)."""
    suffixes = importable_suffixes()
    out: list[tuple[Path, ReaderError | None]] = []
    seen: set[Path] = set()

    def add(p: Path, err: ReaderError | None = None) -> None:
        key = p.resolve() if err is None else p
        if key not in seen:
            seen.add(key)
            out.append((p, err))

    for raw in paths:
        p = Path(raw)
        try:
            exists, is_dir = p.exists(), p.is_dir()
        except (OSError, ValueError) as e:  # a name the system refuses (too long, a null character)
            add(p, PathUnreadable(str(p), getattr(e, "strerror", None) or str(e)))
            continue
        if not exists:
            add(p, PathMissing(str(p)))
        elif is_dir:
            for root, dirs, files in os.walk(p, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not _hidden(d))
                for name in sorted(files):
                    f = Path(root) / name
                    if not _hidden(name) and f.suffix.lower() in suffixes:
                        if _regular(f):
                            add(f)
                        else:
                            add(f, NotAFile(str(f)))
        elif p.suffix.lower() not in suffixes:
            add(p, UnsupportedFormat(str(p), p.suffix))
        elif not _regular(p):  # a pipe or a device: reading it could wait or run forever
            add(p, NotAFile(str(p)))
        else:
            add(p)
    return out


def import_paths(
    project: Project,
    paths: Iterable[str | Path],
    progress: Progress | None = None,
    cancel: object | None = None,
) -> ImportReport:
    """Import files and folders. `progress(done, total, name)` is called before each file and once
    at the end; `cancel` (a CancelToken) is checked between files: on cancel the report has
    cancelled=True and what was imported stays."""
    if project.read_only:
        raise ProjectReadOnly(str(project.path))
    files = collect(paths)
    report = ImportReport(total=len(files))
    for done, (path, known) in enumerate(files):
        if is_cancelled(cancel):
            report.cancelled = True
            break
        if progress is not None:
            progress(done, len(files), path.name)
        if known is not None:
            report.items.append(ImportItem(path, FAILED, error=known))
            continue
        try:
            report.items.append(import_file(project, path))
        except ReaderError as e:
            report.items.append(ImportItem(path, FAILED, error=e))
        except sqlite3.Error as e:  # the document's transaction was rolled back
            report.items.append(ImportItem(path, FAILED, error=WriteFailed(str(project.path), str(e))))
        except Exception as e:  # a fault in a reader or the cleaning: logged, recorded, the batch goes on
            log.exception("importing %s failed", path)
            report.items.append(ImportItem(path, FAILED, error=ImportFailed(str(path), f"{type(e).__name__}: {e}")))
    if progress is not None and not report.cancelled:
        progress(len(files), len(files), "")
    return report


def import_file(project: Project, path: Path) -> ImportItem:
    """Import one file (raises ReaderError when it cannot be read)."""
    if path.suffix.lower() in RESERVED_SUFFIXES:
        return _import_exchange(project, path)
    try:
        readers.check_size(path)  # before reading an absurdly large file into memory
        data = path.read_bytes()
    except OSError as e:
        raise PathUnreadable(str(path), e.strerror or str(e)) from e
    sha = hashlib.sha256(data).hexdigest()
    existing = documents.find_sha256(project, sha)
    if existing is not None:
        return ImportItem(path, DUPLICATE, document_id=existing)
    try:
        raw = readers.read_path(path, data)
    except OSError as e:
        raise PathUnreadable(str(path), e.strerror or str(e)) from e
    if not raw.text.strip():
        raise EmptyDocument(str(path))
    cleaned = pipeline.clean(raw)
    if not cleaned.text.strip():
        raise EmptyDocument(str(path))
    units = structure.find_units(cleaned.text, cleaned.hints, path.name, published=cleaned.published)
    doc_id, unit_ids = documents.insert_document(
        project,
        source_path=str(path.resolve()),
        source_name=path.name,
        sha256=sha,
        encoding=raw.encoding,
        format=raw.format,
        original_text=raw.text,
        cleaned_text=cleaned.text,
        offsets=cleaned.offsets,
        steps=cleaned.steps,
        damaged=cleaned.damaged,
        units=units,
    )
    return ImportItem(
        path,
        IMPORTED,
        document_id=doc_id,
        units=[
            ImportedUnit(uid, u.place.county if u.place else None, u.title)
            for uid, u in zip(unit_ids, units, strict=True)
        ],
    )


def _import_exchange(project: Project, path: Path) -> ImportItem:
    """A REFI-QDA project (.qdpx: themes, sources, passages) or codebook (.qdc: themes)."""
    from reader.core.export.refi.project_reader import import_file as import_exchange

    result = import_exchange(project, path)
    return ImportItem(
        path,
        IMPORTED if result.changed else DUPLICATE,
        document_id=result.documents[0] if result.documents else None,
        units=[ImportedUnit(uid, county, title) for uid, county, title in result.units],
        exchange=result,
    )
