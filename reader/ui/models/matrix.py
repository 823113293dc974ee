"""The theme matrix as a table: rows (counties, prefectures, provinces or years) by themes; each
cell shows the passage count or the characters covered, on a colour scale of the theme's colour."""

from __future__ import annotations

import math

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from reader.core.analysis.matrix import Matrix
from reader.ui.i18n import tr, unknown_county
from reader.ui.models import NO_INDEX
from reader.ui.models.themes import swatch

COUNTS, COVERAGE = "counts", "coverage"
DEFAULT_COLOUR = "#2471a3"
Index = QModelIndex | QPersistentModelIndex



def scale(colour: str | None, value: int, maximum: int) -> QColor | None:
    """The cell colour: the theme colour, more opaque for larger values (square-root scale)."""
    if value <= 0 or maximum <= 0:
        return None
    c = QColor(colour or DEFAULT_COLOUR)
    c.setAlphaF(0.12 + 0.78 * math.sqrt(value / maximum))
    return c


class MatrixModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.matrix = Matrix(by="county")
        self.value = COUNTS
        self._max = 0

    def set_matrix(self, matrix: Matrix) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self._max = max((max(row) for row in self._values() if row), default=0)
        self.endResetModel()

    def set_value(self, value: str) -> None:
        self.beginResetModel()
        self.value = value
        self._max = max((max(row) for row in self._values() if row), default=0)
        self.endResetModel()

    def _values(self) -> list[list[int]]:
        return self.matrix.counts if self.value == COUNTS else self.matrix.coverage

    def rowCount(self, parent: Index = NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self.matrix.rows)

    def columnCount(self, parent: Index = NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self.matrix.themes)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        value = self._values()[r][c]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(value) if value else ""
        if role == Qt.ItemDataRole.BackgroundRole:
            return scale(self.matrix.themes[c].colour, value, self._max)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor("white") if self._max and value / self._max > 0.55 else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr("{row} × {theme}: {count} passages, {chars} characters").format(
                row=self.row_label(r),
                theme=self.matrix.themes[c].path or self.matrix.themes[c].name,
                count=self.matrix.counts[r][c],
                chars=self.matrix.coverage[r][c],
            )
        return None

    def row_label(self, r: int) -> str:
        label = self.matrix.rows[r].label
        if label is not None:
            return label
        return tr("(year unknown)") if self.matrix.by == "year" else unknown_county()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            if section >= len(self.matrix.themes):
                return None
            t = self.matrix.themes[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return t.name
            if role == Qt.ItemDataRole.ToolTipRole:
                return t.path or t.name
            if role == Qt.ItemDataRole.DecorationRole:
                return swatch(t.colour)
            return None
        if section >= len(self.matrix.rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.row_label(section)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.matrix.rows[section].detail or self.row_label(section)
        return None
