"""An XLSX workbook written directly (the Office Open XML parts, streamed into the zip): sheets of
rows with column widths, a frozen header row (and column), a filter over the table, and three cell
styles (bold, wrapped at the top, at the top).

openpyxl made a cell object, a style copy and an XML element for each of the ~700,000 cells of a
50,000-passage export (15 s of its ~20); this writes each cell as a line of text. Every str is
written as text (an inline string), whatever it starts with, so a spreadsheet never takes "=..."
for a formula; characters XML cannot hold are left out (result.xml_text).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import IO

from reader.core.export.result import xml_text

PLAIN, BOLD, WRAP, TOP = 0, 1, 2, 3  # cell styles (their index in styles.xml)

_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' \
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
    '<alignment vertical="top" wrapText="1"/></xf>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
    '<alignment vertical="top"/></xf></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def escape(text: str) -> str:
    """Text for an XML element or a double-quoted attribute (xml.sax.saxutils pulls in urllib and
    http: 35 ms of the window's start, which imports the exports)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def column_letter(n: int) -> str:
    """1 -> A, 26 -> Z, 27 -> AA."""
    out = ""
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


@dataclass
class Sheet:
    """A sheet to write: `rows` (an iterable, read once as the sheet is written) of values (str,
    int, float; None: no cell) with a style for each column (or one style for the whole row)."""

    name: str
    rows: Iterable[tuple[Sequence[object], Sequence[int] | int]]
    widths: Sequence[float] = ()  # characters, from column A
    freeze: str | None = None  # the top-left cell of what scrolls: "A2" (header row), "B2" (and column)
    filter_columns: int = 0  # an auto filter over the header and every row, this many columns wide
    default_width: float | None = None  # the columns after `widths`


def write_workbook(f: IO[bytes], sheets: Sequence[Sheet], level: int = 1) -> None:
    """Write the sheets as an XLSX workbook to the binary file `f`."""
    with zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        z.writestr("[Content_Types].xml", _content_types(len(sheets)))
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _workbook(sheets))
        z.writestr("xl/_rels/workbook.xml.rels", _workbook_rels(len(sheets)))
        z.writestr("xl/styles.xml", _STYLES)
        for k, sheet in enumerate(sheets, start=1):
            with z.open(f"xl/worksheets/sheet{k}.xml", "w", force_zip64=True) as out:
                _write_sheet(out, sheet)


def _write_sheet(out: IO[bytes], sheet: Sheet) -> None:
    head = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', f"<worksheet {_NS}>"]
    head.append(_views(sheet.freeze))
    head.append('<sheetFormatPr defaultRowHeight="15"/>')
    cols = [f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>' for i, w in enumerate(sheet.widths, start=1)]
    if sheet.default_width is not None:
        first = len(sheet.widths) + 1
        cols.append(f'<col min="{first}" max="16384" width="{sheet.default_width}" customWidth="1"/>')
    if cols:
        head.append("<cols>" + "".join(cols) + "</cols>")
    head.append("<sheetData>")
    out.write("".join(head).encode("utf-8"))
    letters: list[str] = []
    n = 0
    chunk: list[str] = []
    for values, styles in sheet.rows:
        n += 1
        while len(letters) < len(values):
            letters.append(column_letter(len(letters) + 1))
        cells = []
        for j, v in enumerate(values):
            if v is None:
                continue
            s = styles if isinstance(styles, int) else styles[j]
            ref = f"{letters[j]}{n}"
            if isinstance(v, str):
                if not v:
                    cells.append(f'<c r="{ref}" s="{s}"/>')
                    continue
                text = escape(xml_text(v))
                keep = ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""
                cells.append(f'<c r="{ref}" s="{s}" t="inlineStr"><is><t{keep}>{text}</t></is></c>')
            elif isinstance(v, bool):
                cells.append(f'<c r="{ref}" s="{s}" t="b"><v>{int(v)}</v></c>')
            else:
                cells.append(f'<c r="{ref}" s="{s}"><v>{v!r}</v></c>')
        chunk.append(f'<row r="{n}">{"".join(cells)}</row>')
        if len(chunk) >= 500:
            out.write("".join(chunk).encode("utf-8"))
            chunk.clear()
    chunk.append("</sheetData>")
    if sheet.filter_columns and n:
        chunk.append(f'<autoFilter ref="A1:{column_letter(sheet.filter_columns)}{n}"/>')
    chunk.append("</worksheet>")
    out.write("".join(chunk).encode("utf-8"))


def _views(freeze: str | None) -> str:
    if not freeze or freeze == "A1":
        return '<sheetViews><sheetView workbookViewId="0"/></sheetViews>'
    col = sum((ord(ch) - 64) * 26 ** k for k, ch in enumerate(reversed("".join(c for c in freeze if c.isalpha()))))
    row = int("".join(c for c in freeze if c.isdigit()))
    x, y = col - 1, row - 1
    pane = "bottomRight" if x and y else ("bottomLeft" if y else "topRight")
    split = (f' xSplit="{x}"' if x else "") + (f' ySplit="{y}"' if y else "")
    return (f'<sheetViews><sheetView workbookViewId="0"><pane{split} topLeftCell="{freeze}" activePane="{pane}" '
            f'state="frozen"/><selection pane="{pane}" activeCell="{freeze}" sqref="{freeze}"/></sheetView></sheetViews>')


_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)


def _content_types(n: int) -> str:
    sheets = "".join(
        f'<Override PartName="/xl/worksheets/sheet{k}.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for k in range(1, n + 1))
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        f"{sheets}</Types>"
    )


def _workbook(sheets: Sequence[Sheet]) -> str:
    entries = "".join(f'<sheet name="{escape(s.name)}" sheetId="{k}" r:id="rId{k}"/>'
                      for k, s in enumerate(sheets, start=1))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook {_NS}>'
            f'<bookViews><workbookView/></bookViews><sheets>{entries}</sheets></workbook>')


def _workbook_rels(n: int) -> str:
    rels = "".join(
        f'<Relationship Id="rId{k}" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        f'Target="worksheets/sheet{k}.xml"/>' for k in range(1, n + 1))
    rels += (f'<Relationship Id="rId{n + 1}" '
             'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>')
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>')
