"""The topic-first view's model: one row of the comparison read down the page, one entry per report
(every aligned report that puts a section in the row, not only the columns shown), filtered by
prefecture and year, in the order of prefecture, county and year. Each entry is a band (the report)
over one cell (its sections in the row), so the grid that draws the comparison draws it too: it
reads the same methods as from ComparisonModel (band, row_at, members, cell_key, cell_at, ...)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, Qt

from reader.core.compare import Column, Comparison, Member, Row
from reader.ui.compare.model import (
    KEY_ROLE,
    MEMBERS_ROLE,
    Band,
    Group,
    Index,
    column_subtitle,
    column_title,
    member_tooltip,
    misfit_text,
)
from reader.ui.models import NO_INDEX


@dataclass
class Entry:
    column: Column
    members: list[Member]


def _order(c: Column) -> tuple:
    return (c.prefecture is None, c.prefecture or "", column_title(c), c.year is None, c.year or 0, c.unit_id)


class TopicModel(QAbstractTableModel):
    """Reports (rows) × one column: the chosen row's sections of each report."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self.row: Row | None = None
        self.prefecture: str | None = None  # None: every prefecture
        self.year: int | None = None  # None: every year
        self.entries: list[Entry] = []
        self._index: dict[str, int] = {}  # band key (a unit id) -> its band
        self.groups: list[Group] = []
        self.total = 0  # reports with a section in the row, before filtering

    def set_topic(self, comparison: Comparison | None, row_key: str | None, prefecture: str | None = None,
                  year: int | None = None) -> None:
        self.beginResetModel()
        self.comparison = comparison
        self.row = comparison.row(row_key) if comparison is not None and row_key else None
        self.prefecture, self.year = prefecture, year
        self.entries = self._entries()
        self._index = {str(e.column.unit_id): i for i, e in enumerate(self.entries)}
        self.endResetModel()

    def set_filter(self, prefecture: str | None, year: int | None) -> None:
        self.set_topic(self.comparison, self.row.key if self.row else None, prefecture, year)

    def _entries(self) -> list[Entry]:
        if self.comparison is None or self.row is None:
            self.total = 0
            return []
        cells = self.row.cells()
        columns = [c for c in self.comparison.columns if c.unit_id in cells]
        self.total = len(columns)
        chosen = [c for c in columns if (self.prefecture is None or c.prefecture == self.prefecture)
                  and (self.year is None or c.year == self.year)]
        return [Entry(c, cells[c.unit_id]) for c in sorted(chosen, key=_order)]

    def update_rows(self, comparison: Comparison, keys: set[str]) -> None:
        """After a correction: read the topic's row again if it was touched (it may be gone)."""
        key = self.row.key if self.row else None
        if key in keys or self.comparison is None:
            self.set_topic(comparison, key if comparison.row(key or "") else None, self.prefecture, self.year)
        else:
            self.comparison = comparison

    def choices(self) -> tuple[list[str], list[int]]:
        """The prefectures and years of the reports with a section in the row (for the filters)."""
        if self.comparison is None or self.row is None:
            return [], []
        units = {m.unit_id for m in self.row.members}
        columns = [c for c in self.comparison.columns if c.unit_id in units]
        return (sorted({c.prefecture for c in columns if c.prefecture}),
                sorted({c.year for c in columns if c.year}))

    # -- what the grid reads ------------------------------------------------------------------------
    @property
    def columns(self) -> list[Column]:
        return [e.column for e in self.entries[:1]]  # one column of text (the grid counts it)

    def row_at(self, _r: int) -> Row:
        return self.row

    def column_at(self, _c: int) -> Column:
        return self.entries[0].column

    def members(self, r: int, _c: int) -> list[Member]:
        return self.entries[r].members

    def cell_key(self, r: int, _c: int) -> tuple[str, int]:
        return self.row.key, self.entries[r].column.unit_id

    def band_cells(self, r: int) -> list[tuple[tuple[str, int], list[Member]]]:
        return [(self.cell_key(r, 0), self.entries[r].members)]

    def cell_at(self, row_key: str, unit_id: int) -> tuple[int, int] | None:
        if self.row is None or row_key != self.row.key:
            return None
        r = self.band_index(str(unit_id))
        return None if r is None else (r, 0)

    def band_key(self, r: int) -> str:
        return str(self.entries[r].column.unit_id)

    def band_index(self, key: str) -> int | None:
        return self._index.get(key)

    def band(self, r: int) -> Band:
        c = self.entries[r].column
        return Band(str(c.unit_id), f"{column_title(c)} · {column_subtitle(c)}", misfit=not c.codebook_fits,
                    subtitle=c.source)

    def shown_sections(self) -> set[int]:
        return {m.section_id for e in self.entries for m in e.members}

    def shown_in(self, r: int) -> list[Member]:
        return list(self.entries[r].members)

    def unit_of_section(self, section_id: int) -> tuple[Row, Member] | None:
        comparison = self.comparison
        found = comparison.row_of(section_id) if comparison else None
        member = next((m for m in found.members if m.section_id == section_id), None) if found else None
        return (found, member) if member else None

    # -- the model ----------------------------------------------------------------------------------
    def rowCount(self, parent: Index = NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = NO_INDEX) -> int:
        return 0 if parent.isValid() or not self.entries else 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.entries) or index.column() != 0:
            return None
        members = self.entries[index.row()].members
        if role == Qt.ItemDataRole.DisplayRole:
            return "；".join(m.heading for m in members)
        if role == MEMBERS_ROLE:
            return members
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(member_tooltip(m) for m in members) or None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            if section != 0 or self.row is None or not self.entries:
                return None
            return self.row.label if role == Qt.ItemDataRole.DisplayRole else None
        if not 0 <= section < len(self.entries):
            return None
        c = self.entries[section].column
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{column_title(c)} · {column_subtitle(c)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = "\n".join([f"{column_title(c)} · {column_subtitle(c)}", c.source,
                             *[member_tooltip(m) for m in self.entries[section].members]])
            return tip + ("\n" + misfit_text() if not c.codebook_fits else "")
        if role == KEY_ROLE:
            return c.unit_id
        return None
