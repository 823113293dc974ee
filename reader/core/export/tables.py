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

from reader.core.export.result import ExportResult, Steps, xml_text
from reader.core.export.safe import atomic_file
from reader.core.export.selection import COLUMNS, Selection, choose, counts, row_values, table_rows
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
            w.writerow(row_values(r, path))
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
    wb = Workbook()
    ws = wb.active
    ws.title = "标注段落" if zh else "Passages"
    ws.append([c.title(lang) for c in COLUMNS])
    for r, path in rows:
        values = [xml_text(v) if isinstance(v, str) else v for v in row_values(r, path)]
        ws.append(values)
        for i, v in enumerate(values, start=1):
            if isinstance(v, str) and v.startswith("="):  # text, not a formula (a note may start with =)
                ws.cell(row=ws.max_row, column=i).data_type = "s"
        steps.step()
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    for i, col in enumerate(COLUMNS, start=1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = WIDTHS.get(col.key, 12)
        ws.cell(row=1, column=i).font = bold
        align = wrap if col.key in WRAPPED else top
        # the alignment set once, its style copied to the other cells: assigning it to each cell
        # makes openpyxl hash it each time (seconds for 10,000 rows)
        template = None
        for (cell,) in ws.iter_rows(min_row=2, max_row=len(rows) + 1, min_col=i, max_col=i):
            if template is None:
                cell.alignment = align
                template = cell._style
            else:
                cell._style = copy(template)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{len(rows) + 1}"

    themes, counties, table = counts(recs, resolved)
    cs = wb.create_sheet("主题×县区" if zh else "Theme x county")
    none_county = "（未识别县区）" if zh else "(county unknown)"
    none_theme = "（未分主题）" if zh else "(no theme)"
    total_label = "合计" if zh else "Total"
    cs.append([("主题 \\ 县区" if zh else "theme \\ county")] + [c or none_county for c in counties] + [total_label])
    for path in themes:
        values = [table.get((path, c), 0) for c in counties]
        cs.append([path or none_theme, *values, sum(values)])
    col_totals = [sum(table.get((p, c), 0) for p in themes) for c in counties]
    cs.append([total_label, *col_totals, sum(col_totals)])
    for cell in cs[1]:
        cell.font = bold
    for cell in cs[cs.max_row]:
        cell.font = bold
    cs.column_dimensions["A"].width = 32
    for i in range(2, len(counties) + 3):
        cs.column_dimensions[get_column_letter(i)].width = 12
    cs.freeze_panes = "B2"
    with atomic_file(out, force=force) as f:
        wb.save(f)
    steps.step()
    return ExportResult(Path(out), "xlsx", passages=len(recs), rows=len(rows))
