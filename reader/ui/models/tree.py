"""The part every tree model of ours shares: nodes with `parent`, `children` and `row`, the root
in `self.root`, the node behind an index in its internal pointer, `COLUMNS` columns."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex

from reader.ui.models import NO_INDEX

Index = QModelIndex | QPersistentModelIndex


class NodeTreeModel(QAbstractItemModel):
    COLUMNS = 1
    root: object

    def node(self, index: Index):
        return index.internalPointer() if index.isValid() else self.root

    def index(self, row: int, column: int, parent: Index = NO_INDEX) -> QModelIndex:
        p = self.node(parent)
        if not (0 <= row < len(p.children)) or not (0 <= column < self.COLUMNS):
            return QModelIndex()
        return self.createIndex(row, column, p.children[row])

    def parent(self, index: Index = NO_INDEX) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        p = self.node(index).parent
        if p is None or p is self.root:
            return QModelIndex()
        return self.createIndex(p.row, 0, p)

    def rowCount(self, parent: Index = NO_INDEX) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: Index = NO_INDEX) -> int:
        return self.COLUMNS
