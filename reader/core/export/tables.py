"""The passages as a flat table: CSV (UTF-8 with BOM, so Excel shows Chinese) and XLSX (a sheet of
passages with wrapped text, frozen header and filters, and a sheet of theme × county counts).

One row per passage and theme, so a spreadsheet filter or pivot counts by theme; the last column
is the passage id, which tells the rows of one passage apart from two passages.
"""

from __future__ import annotations

import csv
import io
from copy import copy
from pathlib import Path

from reader.core.export.result import ExportResult, Steps, sheet_cell
from reader.core.export.safe import atomic_file
from reader.core.export.selection import COLUMNS, Selection, choose, counts, row_values, table_rows
from reader.core.messages import no_theme, unknown_county
from reader.core.progress import Progress
from reader.core.store.db import Project

# Column widths in the XLSX passages sheet (characters; a hanzi is about two).
WIDTHS = {"theme": 24, "county": 10, "province": 8, "prefecture": 10, "year": 6, "title": 30, "section": 30,
          "quote": 70, "note": 24, "start": 7, "end": 7, "source": 24, "tagged_at": 20, "id": 8}
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
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    chosen = choose(project, out, selection, force)
    resolved, recs = chosen.resolved, chosen.records
    rows = list(table_rows(recs))
    steps = Steps(len(rows) + 1, progress, cancel, "XLSX", every=200)
    zh = lang == "zh"
    # written as it goes (write-only: no sheet of cell objects kept, a fifth faster); widths and
    # frozen panes are set before the first row, as such a sheet requires
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("标注段落" if zh else "Passages")
    bold = Font(bold=True)

    # each column's style made once and copied into its cells: assigning an Alignment to each cell
    # makes openpyxl hash it each time (seconds for 10,000 rows)
    wrap = sheet_cell(ws, alignment=Alignment(wrap_text=True, vertical="top"))._style
    top = sheet_cell(ws, alignment=Alignment(vertical="top"))._style
    column_styles = [wrap if col.key in WRAPPED else top for col in COLUMNS]
    for i, col in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = WIDTHS.get(col.key, 12)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{len(rows) + 1}"
    ws.append([sheet_cell(ws, c.title(lang), font=bold) for c in COLUMNS])
    for r, path in rows:
        cells = []
        for v, style in zip(row_values(r, path, lang), column_styles, strict=True):
            cell = sheet_cell(ws, v)
            cell._style = copy(style)
            cells.append(cell)
        ws.append(cells)
        steps.step()

    themes, counties, table = counts(recs, resolved)
    cs = wb.create_sheet("主题×县区" if zh else "Theme x county")
    none_county = unknown_county(lang)
    none_theme = no_theme(lang)
    total_label = "合计" if zh else "Total"
    cs.column_dimensions["A"].width = 32
    for i in range(2, len(counties) + 3):
        cs.column_dimensions[get_column_letter(i)].width = 12
    cs.freeze_panes = "B2"
    header = [("主题 \\ 县区" if zh else "theme \\ county")] + [c or none_county for c in counties] + [total_label]
    cs.append([sheet_cell(cs, v, font=bold) for v in header])
    for path in themes:
        values = [table.get((path, c)) for c in counties]  # none: an empty cell, as in a pivot table
        cs.append([sheet_cell(cs, path or none_theme), *values, sum(v for v in values if v)])
    col_totals = [sum(table.get((p, c), 0) for p in themes) for c in counties]
    cs.append([sheet_cell(cs, v, font=bold) for v in [total_label, *col_totals, sum(col_totals)]])
    with atomic_file(out, force=force) as f:
        wb.save(f)
    steps.step()
    return ExportResult(Path(out), "xlsx", passages=len(recs), rows=len(rows))
