"""Importing files into a project: read -> clean -> find units -> one transaction per document.

import_paths takes files and folders (searched recursively: files whose suffix we read, plus the
QDA exchange formats .qdpx/.qdc, read by reader.core.export.refi; hidden files and folders skipped;
symlinked folders not followed, nor links to files outside the folder: LinkLeavesFolder; a file
the user names is read, a link or not). A file name that is not UTF-8 is imported and shown with
replacement characters (reader.core.store.documents.shown_name). The page pictures directly in one
folder, two or more, are one report (readers.image). Scans and pictures are read by OCR (`ocr_mode`,
reader.core.ocr), in OCR processes, page by page with progress. Each file ends as 'imported', 'duplicate' (the same bytes are
already in the project: nothing is added) or 'failed' with its typed error; a failure never
leaves half a document behind and the rest of the batch still imports.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reader.core import readers
from reader.core.errors import (
    Cancelled,
    ImportFailed,
    LinkLeavesFolder,
    NotAFile,
    PathMissing,
    PathUnreadable,
    ReaderError,
    UnsupportedFormat,
    WriteFailed,
)
from reader.core.ingest.preparing import Prepared, prepare
from reader.core.ingest.preparing import prepare_in_worker as _prepare_in_worker
from reader.core.ocr import AUTO, OcrOptions
from reader.core.progress import Progress, is_cancelled
from reader.core.store import documents
from reader.core.store.project import Project

log = logging.getLogger(__name__)

RESERVED_SUFFIXES = {".qdpx": "qdpx", ".qdc": "qdc"}

IMPORTED, DUPLICATE, FAILED = "imported", "duplicate", "failed"
PAGE_LABEL = 60  # characters of a page read by OCR shown in the import's progress


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
        """The file's name as it may be shown (not UTF-8: replacement characters; no control
        character acts)."""
        from reader.core.visible import one_line

        return one_line(documents.shown_name(self.path.name))


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


def _leaves(link: Path, folder: str) -> bool:
    """Whether the link `link` leads out of `folder` (a real path): where it ends, resolved."""
    target = os.path.realpath(link)
    try:
        return os.path.commonpath([target, folder]) != folder
    except ValueError:  # another drive
        return True


def collect(paths: Iterable[str | Path]) -> list[tuple[Path, ReaderError | None]]:
    """The files to import, in order, each with an error already known (missing, unsupported, a
    link leading out of a folder)."""
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
            folder = os.path.realpath(p)
            for root, dirs, files in os.walk(p, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not _hidden(d))
                pictures = _page_pictures(Path(root), files)
                if pictures:
                    add(Path(root))
                for name in sorted(files):
                    f = Path(root) / name
                    if not _hidden(name) and f.suffix.lower() in suffixes and name not in pictures:
                        if f.is_symlink() and _leaves(f, folder):
                            add(f, LinkLeavesFolder(str(f)))
                        elif _regular(f):
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


def _page_pictures(folder: Path, names: list[str]) -> set[str]:
    """The names of a folder's page pictures when there are two or more (one report), else none."""
    from reader.core.readers.image import IMAGE_SUFFIXES

    pictures = {n for n in names if not _hidden(n) and Path(n).suffix.lower() in IMAGE_SUFFIXES
                and _regular(folder / n)}
    return pictures if len(pictures) >= 2 else set()


def resume_collection() -> None:
    """gc.enable() after a stretch without cycle collection, without a collection of everything
    made meanwhile: those objects (the files found, the report of 30,000 files) are moved into the
    oldest generation (gc.freeze then gc.unfreeze: lists spliced, nothing gone through), which the
    next full collection goes through as ever. Enabled as it was, the first allocation collected all
    of them at once: 0.1 s with the GIL held at the end of an import of 30,000 files, the window
    stopped. When objects are already set aside (gc.freeze, as reader.core.compare does after a big
    comparison), unfreezing would give them back to the collector: the new ones join them instead
    (freed as ever when let go, never gone through)."""
    if not gc.get_freeze_count():
        gc.freeze()
        gc.unfreeze()
    else:
        gc.freeze()
    gc.enable()


# Many files are read, cleaned and cut into units in worker processes (both cores), while this
# process alone writes them, in batches; fewer files are not worth the workers' start-up (~0.5 s).
PARALLEL_MIN_FILES = 16
BATCH = 32  # documents written per transaction when importing many
AHEAD = 2 * BATCH  # files handed out ahead of the one being written (workers never wait for a batch)


def workers() -> int:
    """Processes that prepare files in a parallel import (1: none, all in this process)."""
    return max(1, min(os.cpu_count() or 1, 8))


def import_paths(
    project: Project,
    paths: Iterable[str | Path],
    progress: Progress | None = None,
    cancel: object | None = None,
    ocr_mode: str = AUTO,
    on_page=None,
) -> ImportReport:
    """Import files and folders. `progress(done, total, name)` is called before each file and once
    at the end; `cancel` (a CancelToken) is checked between files: on cancel the report has
    cancelled=True and what was imported stays. Many files are prepared on every core and written
    in batches (each document still all or nothing); the report is the same either way. `ocr_mode`:
how scans are read (reader.core.ocr); while a file is read by OCR, `progress` names it with the
page read and the start of its text ("scan.pdf 3/20 …"), and `on_page(name, page, pages, text)`
is given each page's text as it is read (the window shows it before the file is stored); a cancel
stops it between pages (nothing of it is kept)."""
    if project.read_only:
        raise project.read_only_error()
    collecting = gc.isenabled()
    gc.disable()  # finding 30,000 files makes enough objects for a full collection, which stops the window
    try:
        files = collect(paths)
    finally:
        if collecting:
            resume_collection()
    report = ImportReport(total=len(files))
    readable = sum(1 for p, known in files if known is None and p.suffix.lower() not in RESERVED_SUFFIXES)
    if readable >= PARALLEL_MIN_FILES and workers() > 1:
        _import_parallel(project, files, report, progress, cancel, ocr_mode)
    else:
        for done, (path, known) in enumerate(files):
            if is_cancelled(cancel):
                report.cancelled = True
                break
            if progress is not None:
                progress(done, len(files), path.name)
            options = OcrOptions(ocr_mode, _page_progress(progress, on_page, done, len(files), path.name), cancel)
            item = _guarded(project, path, known, lambda p=path, o=options: import_file(project, p, o))
            if isinstance(item.error, Cancelled):
                report.cancelled = True
                break
            report.items.append(item)
    if progress is not None and not report.cancelled:
        progress(len(files), len(files), "")
    return report


def _page_progress(progress: Progress | None, on_page, done: int, total: int, name: str):
    """A file's OCR progress, page by page: to `on_page` (with the page's text) and as the import's
    progress of the file (with the start of it)."""
    if on_page is None and progress is None:
        return None

    def page_read(page: int, pages: int, text: str) -> None:
        if on_page is not None:
            on_page(name, page, pages, text)
        if progress is not None:
            start = " ".join(text.split())[:PAGE_LABEL]
            progress(done, total, f"{name} {page}/{pages} {start}".rstrip())

    return page_read


def _guarded(project: Project, path: Path, known: ReaderError | None, work) -> ImportItem:
    """`work()`'s item, or the file failed with its typed error (a bug logged, the batch goes on)."""
    if known is not None:
        return ImportItem(path, FAILED, error=known)
    try:
        return work()
    except ReaderError as e:
        return ImportItem(path, FAILED, error=e)
    except sqlite3.Error as e:  # the document's transaction was rolled back
        return ImportItem(path, FAILED, error=WriteFailed(str(project.path), str(e)))
    except Exception as e:  # a fault in a reader or the cleaning: logged, recorded, the batch goes on
        log.exception("importing %s failed", path)
        return ImportItem(path, FAILED, error=ImportFailed(str(path), f"{type(e).__name__}: {e}"))


def import_file(project: Project, path: Path, ocr: OcrOptions | None = None) -> ImportItem:
    """Import one file (raises ReaderError when it cannot be read)."""
    if path.suffix.lower() in RESERVED_SUFFIXES:
        return _import_exchange(project, path)
    data, sha = _read(path)
    existing = documents.find_sha256(project, sha)
    if existing is not None:
        return ImportItem(path, DUPLICATE, document_id=existing)
    return _store(project, prepare(path, data, sha, ocr))


def _read(path: Path) -> tuple[bytes, str]:
    try:
        readers.check_size(path)  # before reading an absurdly large file into memory
        data = readers.read_bytes(path)
    except OSError as e:
        raise PathUnreadable(str(path), e.strerror or str(e)) from e
    return data, hashlib.sha256(data).hexdigest()


def _store(project: Project, prepared: Prepared, index: bool = True) -> ImportItem:
    """Write a prepared document; with `index` False its units are left for the caller to index."""
    if getattr(prepared.raw, "ocr", None) is not None:
        with project.db.atomic():  # the document and its OCR record, all or nothing
            return _store_document(project, prepared, index)
    return _store_document(project, prepared, index)


def _store_document(project: Project, prepared: Prepared, index: bool) -> ImportItem:
    path, raw, cleaned, units = prepared.path, prepared.raw, prepared.cleaned, prepared.units
    doc_id, unit_ids = documents.insert_document(
        project,
        source_path=str(path.resolve()),
        source_name=path.name,
        sha256=prepared.sha,
        encoding=raw.encoding,
        format=raw.format,
        original_text=raw.text,
        cleaned_text=cleaned.text,
        offsets=cleaned.offsets,
        steps=cleaned.steps,
        damaged=cleaned.damaged,
        units=units,
        index=index,
    )
    if getattr(raw, "ocr", None) is not None:
        from reader.core.store import ocr_pages

        ocr_pages.save(project, doc_id, raw.ocr)
    return ImportItem(
        path,
        IMPORTED,
        document_id=doc_id,
        units=[
            ImportedUnit(uid, u.place.county if u.place else None, u.title)
            for uid, u in zip(unit_ids, units, strict=True)
        ],
    )


# -- many files: prepared on every core, written here in batches ---------------------------------


class _Task:
    """One file of a parallel import: its bytes read and hashed here, prepared in a worker."""

    def __init__(self, path: Path, known: ReaderError | None, ocr_mode: str = AUTO):
        self.path, self.known, self.ocr_mode = path, known, ocr_mode
        self.data: bytes | None = None
        self.sha = ""
        self.future = None

    def start(self, project: Project, pool, pending: set[str]) -> None:
        if self.known is not None or self.path.suffix.lower() in RESERVED_SUFFIXES:
            return
        try:
            self.data, self.sha = _read(self.path)
        except ReaderError as e:
            self.known = e
            return
        if self.sha in pending or documents.find_sha256(project, self.sha) is not None:
            return  # a duplicate: decided when its turn comes (the first copy is written by then)
        pending.add(self.sha)
        if pool is not None:
            try:
                self.future = pool.submit(_prepare_in_worker, self.path, self.data, self.sha, self.ocr_mode)
            except RuntimeError:  # the pool is broken or shut: prepared here instead
                self.future = None

    def result(self, project: Project) -> ImportItem | Prepared:
        """The item when nothing is left to write (failed, duplicate, an exchange file), else the
        Prepared document."""
        if self.known is not None:
            return ImportItem(self.path, FAILED, error=self.known)
        if self.path.suffix.lower() in RESERVED_SUFFIXES:
            return _import_exchange(project, self.path)
        existing = documents.find_sha256(project, self.sha)
        if existing is not None:
            return ImportItem(self.path, DUPLICATE, document_id=existing)
        outcome = None
        if self.future is not None:
            try:
                outcome = self.future.result()
            except Exception:  # noqa: BLE001 - a worker died (BrokenProcessPool): prepared here instead
                log.warning("a worker process failed; %s is prepared in the main process", self.path, exc_info=True)
        self.future = None
        if outcome is None:
            return prepare(self.path, self.data or b"", self.sha, OcrOptions(self.ocr_mode))
        kind, value = outcome
        if kind == "error":
            raise value
        if kind == "bug":
            message, trace = value
            log.error("importing %s failed\n%s", self.path, trace)
            return ImportItem(self.path, FAILED, error=ImportFailed(str(self.path), message))
        return value


WORKER_NICENESS = 3


def yield_to_the_window() -> None:
    """In an import worker: run below the window's priority (the workers keep every core busy, and the
    window's thread waited its turn behind them for a tenth of a second at a time); where the system
    has no niceness, nothing."""
    if hasattr(os, "nice"):
        try:
            os.nice(WORKER_NICENESS)
        except OSError as e:  # not allowed here: the worker runs at the window's priority
            log.info("import worker keeps its priority: %s", e)


def _start_pool():
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    try:  # spawn, not fork: the window's threads (and their locks) must not be copied
        return ProcessPoolExecutor(workers(), mp_context=multiprocessing.get_context("spawn"),
                                   initializer=yield_to_the_window)
    except (OSError, ValueError, ImportError, NotImplementedError) as e:
        log.warning("no worker processes (%s): importing in this process", e)
        return None


def _import_parallel(project: Project, files, report: ImportReport, progress: Progress | None, cancel,
                     ocr_mode: str = AUTO) -> None:
    from collections import deque

    pool = _start_pool()
    # no cycle collection while the documents stream in: a full collection over the growing heap
    # stops every thread of the process (the window's too) for a few hundred milliseconds, and an
    # import makes no garbage cycles to collect
    collecting = gc.isenabled()
    gc.disable()
    tasks = deque(_Task(path, known, ocr_mode) for path, known in files)
    started: deque[_Task] = deque()
    pending: set[str] = set()
    batch: list[tuple[int, Prepared]] = []  # (index in report.items, document) written together
    ahead = AHEAD + 4 * workers()
    try:
        for done in range(len(files)):
            while tasks and len(started) < ahead:
                task = tasks.popleft()
                task.start(project, pool, pending)
                started.append(task)
            task = started.popleft()
            if is_cancelled(cancel):
                report.cancelled = True
                break
            if progress is not None:
                progress(done, len(files), task.path.name)
            if task.path.suffix.lower() in RESERVED_SUFFIXES or any(p.sha == task.sha for _, p in batch):
                _write_batch(project, batch, report)  # in file order: the first copy is written first
            outcome = _guarded(project, task.path, None, lambda t=task: t.result(project))
            task.data = None
            if isinstance(outcome, Prepared):
                report.items.append(ImportItem(outcome.path, IMPORTED))  # replaced when written
                batch.append((len(report.items) - 1, outcome))
                if len(batch) >= BATCH:
                    _write_batch(project, batch, report)
            else:
                report.items.append(outcome)
    finally:
        try:
            _write_batch(project, batch, report)
            if pool is not None:  # cancelled: the files the workers still prepare are not waited for
                pool.shutdown(wait=not report.cancelled, cancel_futures=True)
        finally:
            if collecting:
                resume_collection()


class _BatchLostError(Exception):
    """A document's failure ended the batch's transaction (SQLite rolled it all back)."""


def _write_batch(project: Project, batch: list[tuple[int, Prepared]], report: ImportReport) -> None:
    """Write the batch's documents in one transaction, each in a savepoint of its own (a failing
    document leaves nothing behind, the others are written), and then the search index entries of
    all of them at once: FTS5 writes out what it holds at every savepoint, so indexing document by
    document inside them made a small index segment per document and merged them over and over
    (a third of the writer's time). When the transaction itself is lost, each document again in a
    transaction of its own."""
    from reader.core.store import fulltext

    if not batch:
        return

    def store(prepared: Prepared, own_index: bool = True) -> ImportItem:
        return _guarded(project, prepared.path, None, lambda: _store(project, prepared, own_index))

    items: dict[int, ImportItem] = {}
    try:
        with project.db.atomic():
            entries: list[tuple[int, str]] = []
            for index, prepared in batch:
                items[index] = item = store(prepared, own_index=False)
                if not project.db.conn.in_transaction:
                    raise _BatchLostError
                if item.status == IMPORTED:
                    text = prepared.cleaned.text
                    entries += [(u.id, text[span.start : span.end]) for u, span in zip(item.units, prepared.units, strict=True)]
            fulltext.index_units(project, entries)
    except (_BatchLostError, sqlite3.Error, ReaderError):
        items = {index: store(prepared) for index, prepared in batch}
    for index, item in items.items():
        report.items[index] = item
    batch.clear()


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
