"""Suggested passages (sentences naming a theme's keywords) as a table: theme, sentence, and an
"accept" column a single click on which tags the sentence."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from reader.ui.i18n import tr
from reader.ui.models import NO_INDEX
from reader.ui.models.themes import swatch

THEME, SENTENCE, ACCEPT = range(3)
Index = QModelIndex | QPersistentModelIndex



@dataclass(frozen=True)
class SuggestionRow:
    unit_id: int
    start: int
    end: int
    theme_id: int
    theme: str
    colour: str | None
    sentence: str
    keywords: tuple[str, ...]


class SuggestionModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[SuggestionRow] = []

    def set_rows(self, rows: list[SuggestionRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row(self, index: Index) -> SuggestionRow | None:
        return self.rows[index.row()] if index.isValid() and index.row() < len(self.rows) else None

    def rowCount(self, parent: Index = NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = NO_INDEX) -> int:
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        s = self.row(index)
        if s is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == THEME:
                return s.theme
            if col == SENTENCE:
                text = " ".join(s.sentence.split())
                return text if len(text) <= 60 else text[:59] + "…"
            return tr("✓ Accept")
        if role == Qt.ItemDataRole.DecorationRole and col == THEME:
            return swatch(s.colour)
        if role == Qt.ItemDataRole.ForegroundRole and col == ACCEPT:
            return QColor("#15803d")
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == ACCEPT:
                return tr("Tag this sentence with {theme}").format(theme=s.theme)
            return tr("Keywords found: {words}").format(words="、".join(s.keywords)) + "\n\n" + s.sentence
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (tr("Theme"), tr("Sentence"), "")[section]
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)
