"""The codebook alone as a table (CSV with BOM, XLSX), so a team can share it; and reading such a
table back into a project (merged by path). The REFI-QDA codebook (.qdc) is in refi/.

Columns: theme path (父/子), name, level, colour, shortcut, keywords (、-separated), description,
passages (tagged directly with it). Reading needs the path column (or name); the others are
optional, headers in Chinese or English.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from reader.core.errors import InvalidInput, PathMissing, PathUnreadable
from reader.core.export.codebook_merge import CodeNode, MergeReport, merge_codebook, nodes_from_paths
from reader.core.export.result import ExportResult, sheet_cell
from reader.core.export.safe import atomic_file, check_target
from reader.core.export.selection import Column
from reader.core.store.db import Project
from reader.core.store.themes import PATH_SEP, theme_counts, theme_tree

CODEBOOK_COLUMNS = (
    Column("path", "主题路径", "theme path"),
    Column("name", "名称", "name"),
    Column("level", "层级", "level"),
    Column("colour", "颜色", "colour"),
    Column("shortcut", "快捷键", "shortcut"),
    Column("keywords", "关键词", "keywords"),
    Column("description", "说明", "description"),
    Column("passages", "标注数", "passages"),
)
_KEYWORD_SPLIT = re.compile(r"[、,，;；\n]")
_ALIASES = {
    "path": {"主题路径", "路径", "theme path", "path", "theme"},
    "name": {"名称", "主题", "name"},
    "colour": {"颜色", "colour", "color"},
    "keywords": {"关键词", "keywords"},
    "description": {"说明", "描述", "description"},
}


def _rows(project: Project) -> list[list[object]]:
    counts = theme_counts(project)
    rows = []
    for root in theme_tree(project):
        for t in root.walk():
            rows.append(
                [t.path, t.name, t.path.count(PATH_SEP) + 1, t.colour or "", t.shortcut or "", "、".join(t.keywords),
                 t.description, counts.get(t.id, 0)]
            )
    return rows


def write_codebook_csv(project: Project, out: str | Path, *, force: bool = False, lang: str = "zh", **_: object) -> ExportResult:
    check_target(out, force)
    rows = _rows(project)
    with atomic_file(out, force=force) as f:
        text = io.TextIOWrapper(f, encoding="utf-8-sig", newline="")
        w = csv.writer(text)
        w.writerow([c.title(lang) for c in CODEBOOK_COLUMNS])
        w.writerows(rows)
        text.flush()
        text.detach()
    return ExportResult(Path(out), "codebook-csv", themes=len(rows))


def write_codebook_xlsx(project: Project, out: str | Path, *, force: bool = False, lang: str = "zh", **_: object) -> ExportResult:
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    check_target(out, force)
    rows = _rows(project)
    wb = Workbook()
    ws = wb.active
    ws.title = "编码表" if lang == "zh" else "Codebook"
    ws.append([sheet_cell(ws, c.title(lang)) for c in CODEBOOK_COLUMNS])
    for row in rows:
        ws.append([sheet_cell(ws, v) for v in row])
        colour = row[3]
        if colour:  # the colour cell shows the colour
            ws.cell(row=ws.max_row, column=4).fill = PatternFill("solid", fgColor=str(colour)[1:].upper())
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCDEFGH", (32, 18, 6, 10, 8, 50, 40, 8), strict=True):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:H{len(rows) + 1}"
    with atomic_file(out, force=force) as f:
        wb.save(f)
    return ExportResult(Path(out), "codebook-xlsx", themes=len(rows))


# -- reading -------------------------------------------------------------------------------------


def _table(path: Path) -> list[list[str]]:
    if not path.exists():
        raise PathMissing(str(path))
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        try:
            wb = load_workbook(path, read_only=True, data_only=True)
        except (OSError, ValueError, KeyError) as e:
            raise InvalidInput("codebook", f"{path}: {e}") from e
        try:
            ws = wb.worksheets[0]
            return [["" if v is None else str(v) for v in row] for row in ws.iter_rows(values_only=True)]
        finally:
            wb.close()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as e:
        raise InvalidInput("codebook", f"{path}: not UTF-8") from e
    except OSError as e:
        raise PathUnreadable(str(path), e.strerror or str(e)) from e
    return [row for row in csv.reader(io.StringIO(text))]


def read_codebook_table(path: str | Path) -> list[CodeNode]:
    """The themes of a codebook table (as written by write_codebook_csv/xlsx, or made by hand)."""
    path = Path(path)
    table = [r for r in _table(path) if any(c.strip() for c in r)]
    if not table:
        raise InvalidInput("codebook", str(path))
    header = [h.strip().lower() for h in table[0]]
    col = {key: next((i for i, h in enumerate(header) if h in names), None) for key, names in _ALIASES.items()}
    key_col = col["path"] if col["path"] is not None else col["name"]
    if key_col is None:
        raise InvalidInput("codebook", f"{path}: no column {'/'.join(sorted(_ALIASES['path']))}")

    def cell(row: list[str], key: str) -> str:
        i = col[key]
        return row[i].strip() if i is not None and i < len(row) else ""

    rows = []
    for row in table[1:]:
        if key_col >= len(row) or not row[key_col].strip():
            continue
        node = CodeNode(
            name="",
            colour=cell(row, "colour") or None,
            description=cell(row, "description"),
            keywords=[k.strip() for k in _KEYWORD_SPLIT.split(cell(row, "keywords")) if k.strip()],
        )
        rows.append((row[key_col].strip(), node))
    return nodes_from_paths(rows)


def import_codebook_table(project: Project, path: str | Path) -> MergeReport:
    return merge_codebook(project, read_codebook_table(path))
