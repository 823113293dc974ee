"""Search hits as a table: county, section, the hit in its context (core's snippet, the hit
between 【】, drawn in bold by the panel's delegate). The hits are any sequence: a list of the
first ones, or reader.core.search.HitList, which makes each hit when its row is shown, so every hit
of a big project is listed without making them all."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from reader.core.search import MARK_CLOSE, MARK_OPEN, Hit, HitList
from reader.ui.i18n import tr, unknown_county
from reader.ui.models import NO_INDEX

COUNTY, SECTION, CONTEXT = range(3)
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex



def snippet_html(snippet: str) -> str:
    """The snippet with the hit in bold and coloured (for a rich-text delegate)."""
    before, _, rest = snippet.partition(MARK_OPEN)
    hit, _, after = rest.partition(MARK_CLOSE)
    return f"{html.escape(before)}<b style='color:#b45309'>{html.escape(hit)}</b>{html.escape(after)}"


class HitModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.hits: Sequence[Hit] = []

    def set_hits(self, hits: Sequence[Hit]) -> None:
        self.beginResetModel()
        self.hits = hits if isinstance(hits, HitList) else list(hits)
        self.endResetModel()

    def extend_to(self, hits: HitList) -> None:
        """All the hits, when the first ones shown are its first: the rows after them are added
        (the view keeps its place and selection)."""
        shown = len(self.hits)
        if len(hits) <= shown:
            self.hits = hits
            return
        self.beginInsertRows(NO_INDEX, shown, len(hits) - 1)
        self.hits = hits
        self.endInsertRows()

    def hit(self, index: Index) -> Hit | None:
        return self.hits[index.row()] if index.isValid() and index.row() < len(self.hits) else None

    def rowCount(self, parent: Index = NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self.hits)

    def columnCount(self, parent: Index = NO_INDEX) -> int:
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        h = self.hit(index)
        if h is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COUNTY:
                return h.county or unknown_county()
            if col == SECTION:
                return h.heading or ""
            return h.snippet.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")
        if role == HTML_ROLE and col == CONTEXT:
            return snippet_html(h.snippet)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{h.county or ''} · {h.heading or ''}\n{h.snippet}"
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (tr("County"), tr("Section"), tr("Context"))[section]
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)
