"""Tagged passages as a table: county, section, excerpt, themes, coder (PassageRecord rows from core)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from reader.core.store.passages import PassageRecord
from reader.ui.i18n import tr, unknown_county
from reader.ui.models import NO_INDEX

COUNTY, SECTION, EXCERPT, THEMES, CODER = range(5)
EXCERPT_CHARS = 60
Index = QModelIndex | QPersistentModelIndex



def excerpt(text: str, n: int = EXCERPT_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


class PassageModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.records: list[PassageRecord] = []

    def set_records(self, records: list[PassageRecord]) -> None:
        self.beginResetModel()
        self.records = list(records)
        self.endResetModel()

    def record(self, index: Index) -> PassageRecord | None:
        return self.records[index.row()] if index.isValid() and index.row() < len(self.records) else None

    def row_of(self, passage_id: int) -> int:
        return next((i for i, r in enumerate(self.records) if r.id == passage_id), -1)

    def rowCount(self, parent: Index = NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: Index = NO_INDEX) -> int:
        return 0 if parent.isValid() else 5

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        r = self.record(index)
        if r is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COUNTY:
                return r.county or unknown_county()
            if col == SECTION:
                return excerpt(r.heading or "", 24)
            if col == EXCERPT:
                return excerpt(r.quote)
            if col == CODER:
                return r.coder or "—"
            return "、".join(r.themes)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{r.county or ''} · {r.heading or ''}\n\n{excerpt(r.quote, 400)}"
            if r.note:
                tip += "\n\n" + tr("Note: {note}").format(note=r.note)
            return tip
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (tr("County"), tr("Section"), tr("Excerpt"), tr("Themes"), tr("Coder"))[section]
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)
