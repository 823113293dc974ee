"""The one path every export of passages takes (CSV, XLSX, JSON, Markdown, HTML, Word): choose the
passages (the target checked before anything is read: selection.choose), step through the rows
written (progress, and Cancelled when the user cancels), write the file whole or not at all
(safe.atomic_file: the old file stays on a cancel or a failure), and say what was written
(ExportResult). A format gives only what it writes: write(job, f).

    def write_csv(project, out, selection=None, *, force=False, lang="zh", progress=None, cancel=None):
        def write(job, f):
            for record, theme in job.table:
                ...  # one row
                job.step()
        return write_passages(project, out, selection, write, fmt="csv", rows=TABLE, label="CSV",
                              every=500, force=force, progress=progress, cancel=cancel)

What a row is differs by format (`rows`): TABLE, a passage under one of its themes (a passage with
two themes is two rows: CSV, XLSX); EXCERPTS, a passage quoted under a theme and a county (the
compilations); PASSAGES, a passage (JSON).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import BinaryIO

from reader.core.export.result import ExportResult, Steps
from reader.core.export.safe import atomic_file
from reader.core.export.selection import (
    Chosen,
    ExportRecord,
    Resolved,
    Selection,
    ThemeGroup,
    choose,
    grouped,
    table_rows,
)
from reader.core.progress import Progress
from reader.core.store.project import Project

TABLE, EXCERPTS, PASSAGES = "table", "excerpts", "passages"


@dataclass
class Job:
    """What a format writes from: the chosen passages, in the shapes formats use, and the step to
    take after each row."""

    chosen: Chosen
    rows: str  # TABLE, EXCERPTS or PASSAGES
    steps: Steps | None = None

    @property
    def selection(self) -> Selection:
        return self.chosen.selection

    @property
    def resolved(self) -> Resolved:
        return self.chosen.resolved

    @property
    def records(self) -> list[ExportRecord]:
        return self.chosen.records

    @cached_property
    def table(self) -> list[tuple[ExportRecord, str]]:
        """(passage, theme path): one row per passage and theme (selection.table_rows)."""
        return list(table_rows(self.records))

    @cached_property
    def groups(self) -> list[ThemeGroup]:
        """The passages by theme, then county (selection.grouped)."""
        return grouped(self.records, self.resolved)

    def count(self) -> int:
        """The rows this export writes."""
        if self.rows == TABLE:
            return len(self.table)
        if self.rows == EXCERPTS:
            return sum(g.count for g in self.groups)
        return len(self.records)

    def step(self) -> None:
        """One row written: report progress now and then, raise Cancelled when cancelled."""
        self.steps.step()


def write_passages(
    project: Project,
    out: str | Path,
    selection: Selection | None,
    write: Callable[[Job, BinaryIO], None],
    *,
    fmt: str,
    rows: str,
    label: str,
    every: int,
    force: bool = False,
    progress: Progress | None = None,
    cancel: object | None = None,
    saving: bool = False,
) -> ExportResult:
    """Export the passages of `selection` to `out` as `fmt`: `write(job, f)` writes them into the
    file `f` (a temporary file that replaces `out` when it returns). Progress goes by rows, reported
    every `every` of them under `label`; with `saving` one more step comes once the file is in place
    (formats that make the whole file at the end: XLSX, DOCX)."""
    job = Job(choose(project, out, selection, force), rows)
    count = job.count()
    job.steps = Steps(count + (1 if saving else 0), progress, cancel, label, every=every)
    with atomic_file(out, force=force) as f:
        write(job, f)
    if saving:
        job.step()
    return ExportResult(Path(out), fmt, passages=len(job.records), rows=count)
