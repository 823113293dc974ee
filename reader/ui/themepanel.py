"""The codebook panel (right, top): the theme tree with colour, passage count and shortcut, a
small toolbar and a context menu. Drag a theme onto another to re-parent it.

Emits intentions; the window runs the undoable commands and reloads the model."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.ui.i18n import tr
from reader.ui.models.themes import ThemeModel
from reader.ui.plain import plain_label

INDENT = 14  # px per level
NARROW = 300  # px: below this the count columns give their room to the names


class ThemePanel(QWidget):
    themeClicked = Signal(int)
    addRequested = Signal(object)  # parent theme id or None
    editRequested = Signal(int)
    mergeRequested = Signal(int)
    deleteRequested = Signal(int)
    moveRequested = Signal(int, object)  # theme id, new parent id or None

    def __init__(self, model: ThemeModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("themePanel")
        self.model = model
        self.title = plain_label(QLabel(objectName="themePanelTitle"))
        self.title.setStyleSheet("font-weight: bold;")
        self.add_button = QToolButton(objectName="addThemeButton", text="+")
        self.edit_button = QToolButton(objectName="editThemeButton", text="✎")
        self.merge_button = QToolButton(objectName="mergeThemeButton", text="⇥")
        self.delete_button = QToolButton(objectName="deleteThemeButton", text="−")
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.title, 1)
        for b in (self.add_button, self.edit_button, self.merge_button, self.delete_button):
            b.setAutoRaise(True)
            bar.addWidget(b)
        self.view = QTreeView(objectName="themeView")
        self.view.setModel(model)
        self.view.setHeaderHidden(False)
        self.view.setRootIsDecorated(True)
        self.view.setUniformRowHeights(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setIndentation(INDENT)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.add_button.clicked.connect(lambda: self.addRequested.emit(None))
        self.edit_button.clicked.connect(lambda: self._with_current(self.editRequested))
        self.merge_button.clicked.connect(lambda: self._with_current(self.mergeRequested))
        self.delete_button.clicked.connect(lambda: self._with_current(self.deleteRequested))
        self.view.clicked.connect(self._clicked)
        self.view.customContextMenuRequested.connect(self._context_menu)
        model.moveRequested.connect(self.moveRequested)
        model.modelReset.connect(self.view.expandAll)
        self.view.selectionModel().currentChanged.connect(lambda *_a: self._update_buttons())
        self._update_buttons()
        self.retranslate()

    def current_theme_id(self) -> int | None:
        t = self.model.theme(self.view.currentIndex())
        return t.id if t is not None else None

    def select_theme(self, theme_id: int) -> None:
        ix = self.model.index_of_theme(theme_id)
        if ix.isValid():
            self.view.setCurrentIndex(ix)

    def _with_current(self, signal) -> None:
        tid = self.current_theme_id()
        if tid is not None:
            signal.emit(tid)

    def _update_buttons(self) -> None:
        has = self.current_theme_id() is not None
        for b in (self.edit_button, self.merge_button, self.delete_button):
            b.setEnabled(has)

    def _clicked(self, index: QModelIndex) -> None:
        t = self.model.theme(index)
        if t is not None:
            self.themeClicked.emit(t.id)

    def build_menu(self, theme_id: int | None) -> QMenu:
        menu = QMenu(self)
        menu.addAction(tr("New theme…"), lambda: self.addRequested.emit(None))
        if theme_id is not None:
            menu.addAction(tr("New subtheme…"), lambda: self.addRequested.emit(theme_id))
            menu.addSeparator()
            menu.addAction(tr("Edit theme…"), lambda: self.editRequested.emit(theme_id))
            menu.addAction(tr("Merge into…"), lambda: self.mergeRequested.emit(theme_id))
            parent = self.model.by_id[theme_id].theme.parent_id if theme_id in self.model.by_id else None
            if parent is not None:
                menu.addAction(tr("Make top-level"), lambda: self.moveRequested.emit(theme_id, None))
            menu.addSeparator()
            menu.addAction(tr("Delete theme…"), lambda: self.deleteRequested.emit(theme_id))
        return menu

    def _context_menu(self, pos) -> None:
        t = self.model.theme(self.view.indexAt(pos))
        menu = self.build_menu(t.id if t else None)
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def resizeEvent(self, event) -> None:
        """Narrow (a small screen): the count and key columns as wide as their numbers, not their
        headings ("Passages" took the room of the theme names)."""
        super().resizeEvent(event)
        header = self.view.header()
        narrow = self.width() < NARROW
        for column, sample in ((1, "8888"), (2, "88")):
            if narrow:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
                header.resizeSection(column, self.view.fontMetrics().horizontalAdvance(sample) + 12)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def sizeHint(self) -> QSize:
        return QSize(400, 320)

    def retranslate(self) -> None:
        self.title.setText(tr("Codebook"))
        self.add_button.setToolTip(tr("New theme"))
        self.edit_button.setToolTip(tr("Edit the theme: name, colour, shortcut, keywords"))
        self.merge_button.setToolTip(tr("Merge the theme into another"))
        self.delete_button.setToolTip(tr("Delete the theme"))
        self.view.setToolTip(
            tr("Select text, then click a theme (or press its key 1–9) to tag it. Drag a theme onto another to move it.")
        )
        self.model.retranslate()
