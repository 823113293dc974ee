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

from reader.core.export import sheets
from reader.core.export.result import ExportResult, Steps
from reader.core.export.safe import atomic_file
from reader.core.export.selection import COLUMNS, Selection, choose, counts, row_values, table_rows
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
    chosen = choose(project, out, selection, force)
    recs = chosen.records
    rows = list(table_rows(recs))
    steps = Steps(len(rows), progress, cancel, "CSV", every=500)
    with atomic_file(out, force=force) as f:
        text = io.TextIOWrapper(f, encoding="utf-8-sig", newline="")
        w = csv.writer(text)
        w.writerow([c.title(lang) for c in COLUMNS])
        for r, path in rows:
            w.writerow(row_values(r, path, lang))
            steps.step()
        text.flush()
        text.detach()
    return ExportResult(Path(out), "csv", passages=len(recs), rows=len(rows))


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
    chosen = choose(project, out, selection, force)
    resolved, recs = chosen.resolved, chosen.records
    rows = list(table_rows(recs))
    steps = Steps(len(rows) + 1, progress, cancel, "XLSX", every=200)
    zh = lang == "zh"
    column_styles = [sheets.WRAP if col.key in WRAPPED else sheets.TOP for col in COLUMNS]

    def passage_rows():
        yield [c.title(lang) for c in COLUMNS], sheets.BOLD
        for r, path in rows:
            yield row_values(r, path, lang), column_styles
            steps.step()

    themes, counties, table = counts(recs, resolved)
    none_county = unknown_county(lang)
    none_theme = no_theme(lang)
    total_label = "合计" if zh else "Total"

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
    with atomic_file(out, force=force) as f:
        sheets.write_workbook(f, book)
    steps.step()
    return ExportResult(Path(out), "xlsx", passages=len(recs), rows=len(rows))
