"""The codebook as a tree model: name (with its colour), passages, shortcut. Dragging a theme
onto another asks to re-parent it: the model does not move anything itself, it emits
moveRequested and the window runs the undoable command, then reloads the model."""

from __future__ import annotations

from PySide6.QtCore import (
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPixmap

from reader.core.store.themes import Theme
from reader.ui.i18n import tr
from reader.ui.models.tree import NodeTreeModel

MIME = "application/x-renda-theme-id"
NAME, COUNT, SHORTCUT = 0, 1, 2
DEFAULT_COLOUR = "#888888"
Index = QModelIndex | QPersistentModelIndex



def swatch(colour: str | None, size: int = 12) -> QIcon:
    pm = QPixmap(size, size)
    pm.fill(QColor(colour or DEFAULT_COLOUR))
    return QIcon(pm)


class ThemeNode:
    __slots__ = ("theme", "parent", "children", "row", "count", "direct")

    def __init__(self, theme: Theme | None, parent: ThemeNode | None):
        self.theme = theme
        self.parent = parent
        self.children: list[ThemeNode] = []
        self.row = 0
        self.count = 0  # passages of the theme and its subtree
        self.direct = 0  # passages tagged with the theme itself

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()


class ThemeModel(NodeTreeModel):
    COLUMNS = 3

    moveRequested = Signal(int, object)  # theme id, new parent id or None

    def __init__(self, parent=None):
        super().__init__(parent)
        self.root = ThemeNode(None, None)
        self.by_id: dict[int, ThemeNode] = {}

    def set_themes(self, tree: list[Theme], totals: dict[int, int], direct: dict[int, int]) -> None:
        self.beginResetModel()
        self.root = ThemeNode(None, None)
        self.by_id = {}

        def build(parent: ThemeNode, themes: list[Theme]) -> None:
            for i, t in enumerate(themes):
                n = ThemeNode(t, parent)
                n.row = i
                n.count = totals.get(t.id, 0)
                n.direct = direct.get(t.id, 0)
                parent.children.append(n)
                self.by_id[t.id] = n
                build(n, t.children)

        build(self.root, tree)
        self.endResetModel()

    def set_counts(self, totals: dict[int, int], direct: dict[int, int]) -> None:
        for tid, n in self.by_id.items():
            new = (totals.get(tid, 0), direct.get(tid, 0))
            if new != (n.count, n.direct):
                n.count, n.direct = new
                ix = self.createIndex(n.row, COUNT, n)
                self.dataChanged.emit(ix, ix)

    def themes(self) -> list[Theme]:
        return [n.theme for n in self.root.walk() if n.theme is not None]

    def theme(self, index: Index) -> Theme | None:
        return self.node(index).theme

    def index_of_theme(self, theme_id: int) -> QModelIndex:
        n = self.by_id.get(theme_id)
        return self.createIndex(n.row, 0, n) if n else QModelIndex()

    # -- Qt API ----------------------------------------------------------------------------------
    def node(self, index: Index) -> ThemeNode:
        return super().node(index)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        n = self.node(index)
        t = n.theme
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == NAME:
                return t.name
            if col == COUNT:
                return str(n.count) if n.count else ""
            return t.shortcut or ""
        if role == Qt.ItemDataRole.DecorationRole and col == NAME:
            return swatch(t.colour)
        if role == Qt.ItemDataRole.TextAlignmentRole and col != NAME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col != NAME:
            return QColor("#6b7280") if col == COUNT else QColor("#1d4ed8")
        if role == Qt.ItemDataRole.FontRole and col == SHORTCUT:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [t.path or t.name]
            lines.append(tr("{n} passages ({direct} tagged with this theme itself)").format(n=n.count, direct=n.direct))
            if t.shortcut:
                lines.append(tr("Shortcut: {key}").format(key=t.shortcut))
            if t.keywords:
                lines.append(tr("Keywords: {words}").format(words="、".join(t.keywords)))
            return "\n".join(lines)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (tr("Theme"), tr("Passages"), tr("Key"))[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled  # the root accepts drops (make top-level)
        if not index.isValid():
            return base
        return base | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    # -- drag and drop ---------------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:
        data = QMimeData()
        ids = [self.node(i).theme.id for i in indexes if i.isValid() and i.column() == 0]
        data.setData(MIME, ",".join(map(str, ids[:1])).encode("ascii"))
        return data

    def _dragged(self, data: QMimeData) -> int | None:
        if not data.hasFormat(MIME):
            return None
        raw = bytes(data.data(MIME)).decode("ascii")
        return int(raw) if raw.isdigit() else None

    def canDropMimeData(self, data, action, row, column, parent: Index) -> bool:
        tid = self._dragged(data)
        if tid is None or tid not in self.by_id:
            return False
        target = self.node(parent)
        while target is not None and target.theme is not None:  # not into itself or its subtree
            if target.theme.id == tid:
                return False
            target = target.parent
        return True

    def dropMimeData(self, data, action, row, column, parent: Index) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        tid = self._dragged(data)
        target = self.node(parent).theme
        new_parent = target.id if target is not None else None
        if self.by_id[tid].theme.parent_id != new_parent:
            self.moveRequested.emit(tid, new_parent)
        return False  # the window moves it (undoably) and reloads; the view removes nothing

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)
