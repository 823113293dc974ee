"""The passages as a flat table: CSV (UTF-8 with BOM, so Excel shows Chinese) and XLSX (a sheet of
passages with wrapped text, frozen header and filters, and a sheet of theme × county counts; written
directly by reader.core.export.sheets).

One row per passage and theme, so a spreadsheet filter or pivot counts by theme; the last column
is the passage id, which tells the rows of one passage apart from two passages.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import BinaryIO

from reader.core.export import sheets
from reader.core.export.result import ExportResult
from reader.core.export.selection import COLUMNS, Selection, counts, row_values
from reader.core.export.writing import TABLE, Job, write_passages
from reader.core.messages import no_theme, unknown_county
from reader.core.progress import Progress
from reader.core.store.project import Project

# Column widths in the XLSX passages sheet (characters; a hanzi is about two).
WIDTHS = {"theme": 24, "county": 10, "province": 8, "prefecture": 10, "year": 6, "title": 30, "section": 30,
          "quote": 70, "note": 24, "start": 7, "end": 7, "source": 24, "tagged_at": 20, "coder": 10, "id": 8}
WRAPPED = {"theme", "title", "section", "quote", "note"}


def write_csv(
    project: Project,
    out: str | Path,
    selection: Selection | None = None,
    *,
    force: bool = False,
    lang: str = "zh",
    progress: Progress | None = None,
    cancel: object | None = None,
) -> ExportResult:
    def write(job: Job, f: BinaryIO) -> None:
        text = io.TextIOWrapper(f, encoding="utf-8-sig", newline="")
        w = csv.writer(text)
        w.writerow([c.title(lang) for c in COLUMNS])
        for r, path in job.table:
            w.writerow(row_values(r, path, lang))
            job.step()
        text.flush()
        text.detach()

    return write_passages(project, out, selection, write, fmt="csv", rows=TABLE, label="CSV", every=500,
                          force=force, progress=progress, cancel=cancel)


def write_xlsx(
    project: Project,
    out: str | Path,
    selection: Selection | None = None,
    *,
    force: bool = False,
    lang: str = "zh",
    progress: Progress | None = None,
    cancel: object | None = None,
) -> ExportResult:
    zh = lang == "zh"
    column_styles = [sheets.WRAP if col.key in WRAPPED else sheets.TOP for col in COLUMNS]
    none_county = unknown_county(lang)
    none_theme = no_theme(lang)
    total_label = "合计" if zh else "Total"

    def write(job: Job, f: BinaryIO) -> None:
        def passage_rows():
            yield [c.title(lang) for c in COLUMNS], sheets.BOLD
            for r, path in job.table:
                yield row_values(r, path, lang), column_styles
                job.step()

        themes, counties, table = counts(job.records, job.resolved)

        def count_rows():
            header = [("主题 \\ 县区" if zh else "theme \\ county")] + [c or none_county for c in counties] + [total_label]
            yield header, sheets.BOLD
            plain = [sheets.PLAIN] * len(header)
            for path in themes:
                values = [table.get((path, c)) for c in counties]  # none: an empty cell, as in a pivot table
                yield [path or none_theme, *values, sum(v for v in values if v)], plain
            col_totals = [sum(table.get((p, c), 0) for p in themes) for c in counties]
            yield [total_label, *col_totals, sum(col_totals)], sheets.BOLD

        book = [
            sheets.Sheet("标注段落" if zh else "Passages", passage_rows(), [WIDTHS.get(c.key, 12) for c in COLUMNS],
                         freeze="A2", filter_columns=len(COLUMNS)),
            sheets.Sheet("主题×县区" if zh else "Theme x county", count_rows(), [32], freeze="B2", default_width=12),
        ]
        sheets.write_workbook(f, book)

    return write_passages(project, out, selection, write, fmt="xlsx", rows=TABLE, label="XLSX", every=200,
                          force=force, progress=progress, cancel=cancel, saving=True)
