"""A file's bytes read, cleaned and cut into units: the part of an import that needs no project,
run in the import's worker processes (reader.core.ingest.importing writes what comes back).

A worker imports this module and what it needs only (the readers, the cleaning, the structure
finder): not the store, sqlite-utils nor python-docx until a Word file comes, which made a
worker's start a third slower.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.core import readers
from reader.core.clean import pipeline
from reader.core.errors import EmptyDocument, PathUnreadable, ReaderError
from reader.core.ocr import AUTO, OcrOptions
from reader.core.structure import units as structure


@dataclass
class Prepared:
    """A file read, cleaned and cut into units, ready to be written (made in a worker process)."""

    path: Path
    sha: str
    raw: object  # RawDocument
    cleaned: object  # pipeline.Cleaned
    units: list


def prepare(path: Path, data: bytes, sha: str, ocr: OcrOptions | None = None) -> Prepared:
    """Read, clean and find the units of one file's bytes (no project: runs in a worker)."""
    try:
        raw = readers.read_path(path, data, ocr)
    except OSError as e:
        raise PathUnreadable(str(path), e.strerror or str(e)) from e
    if not raw.text.strip():
        raise EmptyDocument(str(path))
    cleaned = pipeline.clean(raw)
    if not cleaned.text.strip():
        raise EmptyDocument(str(path))
    units = structure.find_units(cleaned.text, cleaned.hints, path.name, published=cleaned.published)
    return Prepared(path, sha, raw, cleaned, units)


def prepare_in_worker(path: Path, data: bytes, sha: str, ocr_mode: str = AUTO) -> tuple[str, object]:
    """('ok', Prepared), ('error', ReaderError) or ('bug', traceback text): never raises, so that
    nothing unpicklable crosses back."""
    try:
        return "ok", prepare(path, data, sha, OcrOptions(ocr_mode))
    except ReaderError as e:
        return "error", e
    except Exception as e:  # noqa: BLE001 - reported to the main process, which logs and records it
        import traceback

        return "bug", (f"{type(e).__name__}: {e}", traceback.format_exc())
