"""The first use of a phrase or theme in each county, as a table: year, county, its prefecture and
province, uses in that report (reader.core.analysis.diffusion.FirstUse)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from reader.core.analysis.diffusion import FirstUse
from reader.ui.i18n import tr
from reader.ui.models import NO_INDEX

YEAR, COUNTY, PLACE, USES = range(4)
Index = QModelIndex | QPersistentModelIndex


class FirstUseModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.uses: list[FirstUse] = []

    def set_uses(self, uses: list[FirstUse]) -> None:
        self.beginResetModel()
        self.uses = list(uses)
        self.endResetModel()

    def use(self, index: Index) -> FirstUse | None:
        return self.uses[index.row()] if index.isValid() and index.row() < len(self.uses) else None

    def rowCount(self, parent: Index = NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self.uses)

    def columnCount(self, parent: Index = NO_INDEX) -> int:
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        u = self.use(index)
        if u is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == YEAR:
                return str(u.year)
            if col == COUNTY:
                return u.county
            if col == PLACE:
                return " ".join(x for x in (u.province, u.prefecture) if x)
            return str(u.occurrences)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (YEAR, USES):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr("Open the first use in {county} ({year})").format(county=u.county, year=u.year)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (tr("First year"), tr("County"), tr("Province and prefecture"), tr("Uses in that report"))[section]
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)
