"""The left panel: a filter box over the outline tree, and the outline's context menu.

Emits intentions only: nodeActivated (show it), and the report and section actions of the
context menu; the window runs them."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QMenu,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.core.store import outline_tree
from reader.ui.i18n import tr
from reader.ui.models.outline import PLACE, SECTION, UNIT, Node, OutlineModel
from reader.ui.models.themes import swatch
from reader.ui.plain import menu_text
from reader.ui.textpane import ThemeLook

FILTER_DELAY_MS = 250
EXPAND_ALL_BELOW = 200  # with a filter, expand down to the reports when fewer match
INDENT = 14  # px per level (Qt's 20 leaves a narrow outline no room for the names of sections)
NARROW = 240  # px: below this the passage counts column gives its room to the names



class OutlinePanel(QWidget):
    nodeActivated = Signal(object)  # Node
    correctCountyRequested = Signal(int)
    correctYearRequested = Signal(int)
    renameRequested = Signal(int)
    deleteRequested = Signal(int)
    tagSectionRequested = Signal(int, int, bool)  # section id, theme id, with subsections
    patternTagRequested = Signal()

    def __init__(self, model: OutlineModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("outlinePanel")
        self.model = model
        self.looks: dict[int, ThemeLook] = {}
        self.filter_box = QLineEdit(objectName="outlineFilter")
        self.filter_box.setClearButtonEnabled(True)
        self.view = QTreeView(objectName="outlineView")
        self.view.setModel(model)
        self.view.setUniformRowHeights(True)
        self.view.setHeaderHidden(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)  # not ResizeToContents: that
        header.resizeSection(1, self.view.fontMetrics().horizontalAdvance("88888") + 8)  # reads every row
        self.view.setIndentation(INDENT)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.view, 1)
        self._timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._timer.timeout.connect(self.apply_filter)
        self.filter_box.textChanged.connect(lambda _t: self._timer.start())
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.retranslate()

    # -- selection -------------------------------------------------------------------------------
    def current_node(self) -> Node | None:
        ix = self.view.currentIndex()
        return self.model.node(ix) if ix.isValid() else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.nodeActivated.emit(self.model.node(current))

    def select_index(self, index: QModelIndex, *, emit: bool = True) -> None:
        if not index.isValid():
            return
        parent = index.parent()
        while parent.isValid():
            self.view.expand(parent)
            parent = parent.parent()
        if not emit:
            self.view.selectionModel().blockSignals(True)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        if not emit:
            self.view.selectionModel().blockSignals(False)
        self.view.scrollTo(index)

    def select_unit(self, unit_id: int, section_id: int | None = None, *, emit: bool = False) -> bool:
        """Select a report or section in the tree (clearing the filter if it hides it)."""
        index = self.model.find_unit(unit_id, section_id)
        if not index.isValid() and self.model.flt:
            self.filter_box.blockSignals(True)
            self.filter_box.clear()
            self.filter_box.blockSignals(False)
            self.model.set_filter("")
            index = self.model.find_unit(unit_id, section_id)
        self.select_index(index, emit=emit)
        return index.isValid()

    # -- expansion kept across reloads -------------------------------------------------------------
    def expanded_keys(self) -> list[tuple[str, object]]:
        keys = []
        for n in self.model.root.walk():
            if n is not self.model.root and n.fetched and self.view.isExpanded(self.model.index_of(n)):
                keys.append((n.kind, n.key))
        return keys

    def restore_expanded(self, keys: list[tuple[str, object]]) -> None:
        wanted = set(keys)
        stack = list(self.model.root.children)
        while stack:
            n = stack.pop(0)
            if (n.kind, n.key) in wanted:
                ix = self.model.index_of(n)
                if not n.fetched:
                    self.model.fetchMore(ix)
                self.view.expand(ix)
                stack.extend(n.children)

    def reload(self) -> None:
        keys = self.expanded_keys()
        current = self.current_node()
        where = (current.unit_id, current.section_id) if current is not None and current.unit_id else None
        self.model.reload()
        self.restore_expanded(keys)
        if where is not None:
            self.select_unit(where[0], where[1], emit=False)

    # -- filter ------------------------------------------------------------------------------------
    def apply_filter(self) -> None:
        """Show what matches: the places expanded down to the reports (when few), and the sections
        whose headings match revealed. Cleared: the tree as it was before filtering, with the
        report or section chosen meanwhile selected."""
        text = self.filter_box.text().strip()
        if text == self.model.flt:
            return
        current = self.current_node()
        where = (current.unit_id, current.section_id) if current is not None and current.unit_id else None
        if text and not self.model.flt:
            self._before_filter = self.expanded_keys()  # to come back to when the filter is cleared
        self.model.set_filter(text)
        if not text:
            self.restore_expanded(getattr(self, "_before_filter", []))
            if where is not None:
                self.select_unit(where[0], where[1], emit=False)
            return
        places = [n for n in self.model.root.children if n.kind == PLACE]
        total = sum(n.data.units for n in places if n.data is not None)
        if total <= EXPAND_ALL_BELOW:
            self.expand_places()
            self.reveal(outline_tree.matching_sections(self.model.project, text, EXPAND_ALL_BELOW))
        else:
            for n in places:
                self.view.expand(self.model.index_of(n))
        if where is not None and self.model.find_unit(*where).isValid():
            self.select_unit(where[0], where[1], emit=False)

    def reveal(self, sections: list[tuple[int, int]]) -> None:
        """Expand the reports and sections above each of (unit id, section id), so they show."""
        for unit_id, section_id in sections:
            parent = self.model.find_unit(unit_id, section_id).parent()
            while parent.isValid():
                self.view.expand(parent)
                parent = parent.parent()

    def expand_places(self) -> None:
        """Expand every place down to the reports."""
        stack = [n for n in self.model.root.children]
        while stack:
            n = stack.pop()
            if n.kind != PLACE:
                continue
            ix = self.model.index_of(n)
            if not n.fetched:
                self.model.fetchMore(ix)
            self.view.expand(ix)
            stack.extend(n.children)

    # -- context menu ------------------------------------------------------------------------------
    def set_looks(self, looks: dict[int, ThemeLook]) -> None:
        self.looks = looks

    def _theme_menu(self, menu: QMenu, title: str, section_id: int, subsections: bool) -> None:
        sub = menu.addMenu(title)
        sub.setEnabled(bool(self.looks))
        for tid, look in sorted(self.looks.items(), key=lambda kv: kv[1].order):
            action = sub.addAction(swatch(look.colour), "    " * look.depth + menu_text(look.name))
            action.triggered.connect(
                lambda _c=False, t=tid: self.tagSectionRequested.emit(section_id, t, subsections)
            )

    def build_menu(self, node: Node) -> QMenu:
        menu = QMenu(self)
        if node.kind == UNIT:
            uid = node.key
            menu.addAction(tr("Correct county…"), lambda: self.correctCountyRequested.emit(uid))
            menu.addAction(tr("Correct year…"), lambda: self.correctYearRequested.emit(uid))
            menu.addAction(tr("Rename…"), lambda: self.renameRequested.emit(uid))
            menu.addSeparator()
            menu.addAction(tr("Tag sections by heading…"), self.patternTagRequested.emit)
            menu.addSeparator()
            menu.addAction(tr("Delete report…"), lambda: self.deleteRequested.emit(uid))
        elif node.kind == SECTION:
            self._theme_menu(menu, tr("Tag whole section as"), node.key, False)
            if node.children:
                self._theme_menu(menu, tr("Tag section with its subsections as"), node.key, True)
            menu.addSeparator()
            menu.addAction(tr("Tag sections by heading…"), self.patternTagRequested.emit)
        else:
            menu.addAction(tr("Expand all"), lambda: self._expand_below(node))
        return menu

    def _expand_below(self, node: Node) -> None:
        """全部展开: every level below the place, down to the reports' sections."""
        stack = [node]
        while stack:
            n = stack.pop()
            ix = self.model.index_of(n)
            self.model.ensure_fetched(n)
            if n.children:
                self.view.expand(ix)
                stack.extend(n.children)

    def _context_menu(self, pos) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        menu = self.build_menu(self.model.node(index))
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def sizeHint(self) -> QSize:
        return QSize(330, 600)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.view.setColumnHidden(1, self.width() < NARROW)

    def retranslate(self) -> None:
        self.filter_box.setPlaceholderText(tr("Filter: place, title, year or heading"))
        self.model.retranslate()
