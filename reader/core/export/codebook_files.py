"""The codebook alone as a table (CSV with BOM, XLSX), so a team can share it; and reading such a
table back into a project (merged by path). The REFI-QDA codebook (.qdc) is in refi/.

Columns: theme path (父/子), name, level, colour, shortcut, keywords (、-separated), description,
passages (tagged directly with it). Reading needs the path column (or name); the others are
optional, headers in Chinese or English. A CSV may be in any encoding a text file may
(reader.core.readers.decode: Excel in a Chinese locale saves GBK).

Limits: the file's size (MAX_TABLE_MB), an .xlsx's unpacked size (checked from what its zip
declares, then inflated a piece at a time before openpyxl reads it), the rows (MAX_CODES and a
header) and columns read, and the codebook's codes and depth (codebook_merge.check_tree). A file
that cannot be read as a table is one error (DamagedFile).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from pathlib import Path
from xml.etree import ElementTree as ET

from reader.core.errors import DamagedFile, InvalidInput, PathMissing, PathUnreadable, TooComplex, TooLarge
from reader.core.export.codebook_merge import (
    MAX_CODES,
    MAX_DEPTH,
    CodeNode,
    MergeReport,
    check_tree,
    merge_codebook,
    nodes_from_paths,
)
from reader.core.export.result import ExportResult, sheet_cell
from reader.core.export.safe import atomic_file, check_target
from reader.core.export.selection import Column
from reader.core.store.project import Project
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
MAX_TABLE_MB = 16  # a codebook table (thousands of themes fit in one)
XLSX_UNPACKED_MB = 64  # what an .xlsx codebook may unpack to
MAX_ROWS = MAX_CODES + 1  # and a header
MAX_COLUMNS = 64
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
    try:
        if path.stat().st_size > MAX_TABLE_MB << 20:
            raise TooLarge(str(path), MAX_TABLE_MB)
        data = path.read_bytes()
    except OSError as e:
        raise PathUnreadable(str(path), e.strerror or str(e)) from e
    if path.suffix.lower() == ".xlsx":
        return _xlsx_rows(path, data)
    from reader.core.readers.decode import decode

    text = decode(data, str(path)).text  # BinaryContent, UndecodableText, MixedEncodings: one line each
    try:
        rows = []
        for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))):
            rows.append(row[:MAX_COLUMNS])
            if len(rows) > MAX_ROWS:
                raise TooComplex(str(path), "csv", "rows", MAX_ROWS)
    except csv.Error as e:  # a field past csv's size limit, a NUL…
        raise DamagedFile(str(path), "csv", str(e)) from e
    return rows


# What openpyxl raises for an .xlsx it cannot read (damaged, truncated, not a workbook at all).
_XLSX_BROKEN = (zipfile.BadZipFile, zlib.error, EOFError, KeyError, ValueError, TypeError, IndexError,
                AttributeError, ET.ParseError, SyntaxError, OSError)


def _xlsx_rows(path: Path, data: bytes) -> list[list[str]]:
    """The first sheet's rows, after the zip-bomb checks of reader.core.archive."""
    from openpyxl import load_workbook

    from reader.core.archive import check_archive, check_streamed

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            check_archive(z, str(path), "xlsx", XLSX_UNPACKED_MB)  # UnpacksTooLarge, UnsafeArchivePath
            check_streamed(z, str(path), "xlsx")
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except _XLSX_BROKEN as e:
        raise DamagedFile(str(path), "xlsx", f"{type(e).__name__}: {e}") from e
    try:
        if not wb.worksheets:
            raise DamagedFile(str(path), "xlsx", "no worksheet")
        rows = []
        for row in wb.worksheets[0].iter_rows(values_only=True, max_col=MAX_COLUMNS):
            rows.append(["" if v is None else str(v) for v in row])
            if len(rows) > MAX_ROWS:
                raise TooComplex(str(path), "xlsx", "rows", MAX_ROWS)
        return rows
    except _XLSX_BROKEN as e:
        raise DamagedFile(str(path), "xlsx", f"{type(e).__name__}: {e}") from e
    finally:
        wb.close()


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
        if row[key_col].count(PATH_SEP) >= MAX_DEPTH:
            raise TooComplex(str(path), path.suffix.lower().lstrip("."), "depth", MAX_DEPTH)
    nodes = nodes_from_paths(rows)
    check_tree(nodes, str(path), path.suffix.lower().lstrip("."))
    return nodes


def import_codebook_table(project: Project, path: str | Path) -> MergeReport:
    return merge_codebook(project, read_codebook_table(path))
