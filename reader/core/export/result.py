"""What every export function returns, and the progress/cancel step they share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.errors import Cancelled
from reader.core.progress import Progress, is_cancelled

# Characters XML 1.0 (and so .xlsx, .docx, .qde) cannot hold at all.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass
class ExportResult:
    path: Path
    format: str
    passages: int = 0  # passages written (each once)
    rows: int = 0  # rows of a flat table (a passage with two themes is two rows)
    themes: int = 0  # themes written (codebooks, REFI)
    sources: int = 0  # source texts written (REFI)
    renamed: list[str] = field(default_factory=list)  # 'path → name' of themes written under another name (REFI)


class Steps:
    """Calls `progress(done, total, label)` now and then and raises Cancelled when `cancel` is set."""

    def __init__(self, total: int, progress: Progress | None, cancel: object | None, label: str = "", every: int = 50):
        self.total, self.progress, self.cancel, self.label, self.every = total, progress, cancel, label, every
        self.done = 0
        self._report(0)

    def _report(self, done: int) -> None:
        if is_cancelled(self.cancel):
            raise Cancelled()
        if self.progress is not None:
            self.progress(done, self.total, self.label)

    def step(self, n: int = 1) -> None:
        before = self.done
        self.done += n
        if self.done // self.every != before // self.every or self.done >= self.total:
            self._report(min(self.done, self.total))
        elif is_cancelled(self.cancel):
            raise Cancelled()


def xml_text(text: str) -> str:
    """`text` without the control characters XML cannot carry (they are never in cleaned text,
    but a note typed by a user might hold one)."""
    return _NOT_XML.sub("", text)


def sheet_cell(sheet, value=None, **style):
    """An openpyxl cell for `sheet` (appended with `sheet.append`, write-only or not) holding `value`,
    with `style` (font=…, alignment=…). Every str is stored as text, whatever it starts with: openpyxl
    makes a str starting with "=" a formula (and "#N/A" an error), which a spreadsheet would run; a
    cell of an export is always the data as it is, without the characters XML cannot hold."""
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, str):
        cell = WriteOnlyCell(sheet, xml_text(value))
        cell.data_type = "s"
    else:
        cell = WriteOnlyCell(sheet, value)
    for name, v in style.items():
        setattr(cell, name, v)
    return cell
