"""The passages of the current selection (right, below the codebook), filterable by theme;
double-click (or Enter) opens one in its context, Delete (or the context menu) deletes it. The
table is also used by the matrix panel."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QComboBox,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.core.store.passages import PassageRecord
from reader.ui.i18n import tr
from reader.ui.models.passages import CODER, COUNTY, EXCERPT, SECTION, THEMES, PassageModel
from reader.ui.models.themes import swatch
from reader.ui.plain import plain_label
from reader.ui.textpane import ThemeLook


def passage_table(model: PassageModel, name: str) -> QTableView:
    view = QTableView(objectName=name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setSectionResizeMode(COUNTY, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(SECTION, QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(EXCERPT, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(THEMES, QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(CODER, QHeaderView.ResizeMode.ResizeToContents)
    view.setColumnWidth(SECTION, 110)
    view.setColumnWidth(THEMES, 90)
    return view


NARROW = 320  # px: below this the theme filter goes under the scope line


class PassageList(QWidget):
    passageOpenRequested = Signal(int, int, int, int)  # passage id, unit id, start, end
    themeFilterChanged = Signal(object)  # theme id or None
    editRequested = Signal(int)  # passage id
    deleteRequested = Signal(int)  # passage id (the Delete key or the context menu)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("passagePanel")
        self.model = PassageModel(self)
        self.scope_label = plain_label(QLabel(objectName="passageScope"))
        self.scope_label.setWordWrap(True)
        self.theme_filter = QComboBox(objectName="passageThemeFilter")
        self.theme_filter.setMinimumContentsLength(8)
        self.view = passage_table(self.model, "passageList")
        top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.scope_label, 1)
        top.addWidget(self.theme_filter)
        self.top_bar = top
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self.view.doubleClicked.connect(self._open)
        self.view.activated.connect(self._open)
        self.delete_action = QAction(self.view, objectName="action_delete_listed_passage")
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_action.triggered.connect(self._delete_current)
        self.view.addAction(self.delete_action)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.theme_filter.currentIndexChanged.connect(self._filter_changed)
        self.scope_text = ""
        self.looks: dict[int, ThemeLook] = {}
        self.retranslate()

    def set_looks(self, looks: dict[int, ThemeLook]) -> None:
        current = self.theme_id()
        self.looks = looks
        self.theme_filter.blockSignals(True)
        self.theme_filter.clear()
        self.theme_filter.addItem(tr("All themes"), None)
        for tid, look in sorted(looks.items(), key=lambda kv: kv[1].order):
            self.theme_filter.addItem(swatch(look.colour), "  " * look.depth + look.name, tid)
        k = self.theme_filter.findData(current) if current is not None else 0
        self.theme_filter.setCurrentIndex(max(k, 0))
        self.theme_filter.blockSignals(False)
        if current is not None and k < 0:
            self.themeFilterChanged.emit(None)

    def theme_id(self) -> int | None:
        return self.theme_filter.currentData()

    def set_theme_filter(self, theme_id: int | None) -> None:
        k = self.theme_filter.findData(theme_id) if theme_id is not None else 0
        self.theme_filter.setCurrentIndex(max(k, 0))

    def _filter_changed(self, _i: int) -> None:
        self.themeFilterChanged.emit(self.theme_id())

    def set_records(self, records: list[PassageRecord], scope_text: str, *, one_report: bool = False) -> None:
        """Show passages; within one report the county column is left out (it is the same)."""
        self.model.set_records(records)
        self.view.setColumnHidden(COUNTY, one_report)
        self.view.setColumnHidden(CODER, len({r.coder for r in records}) <= 1)  # whose, when it varies
        self.scope_text = scope_text
        self._label()

    def select_passage(self, passage_id: int) -> None:
        row = self.model.row_of(passage_id)
        if row >= 0:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))

    def _label(self) -> None:
        n = len(self.model.records)
        text = tr("{scope}: {n} passage") if n == 1 else tr("{scope}: {n} passages")  # English has a singular
        self.scope_label.setText(text.format(scope=self.scope_text or tr("Project"), n=n))

    def _open(self, index: QModelIndex) -> None:
        r = self.model.record(index)
        if r is not None:
            self.passageOpenRequested.emit(r.id, r.unit, r.start, r.end)

    def current_passage(self) -> PassageRecord | None:
        return self.model.record(self.view.currentIndex())

    def _delete_current(self) -> None:
        r = self.current_passage()
        if r is not None:
            self.deleteRequested.emit(r.id)

    def build_menu(self, index: QModelIndex) -> QMenu | None:
        """Open, edit and delete the passage at `index`."""
        r = self.model.record(index)
        if r is None:
            return None
        menu = QMenu(self)
        menu.addAction(tr("Open in its context"), lambda: self._open(index))
        menu.addAction(tr("Edit passage…"), lambda: self.editRequested.emit(r.id))
        menu.addSeparator()
        delete = menu.addAction(tr("Delete passage"), lambda: self.deleteRequested.emit(r.id))
        delete.setShortcut(self.delete_action.shortcut())
        return menu

    def _context_menu(self, pos) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        self.view.setCurrentIndex(index)
        menu = self.build_menu(index)
        if menu is not None:
            menu.exec(self.view.viewport().mapToGlobal(pos))
            menu.deleteLater()

    def sizeHint(self) -> QSize:
        return QSize(400, 320)

    def resizeEvent(self, event) -> None:
        """Narrow (a small screen): the theme filter goes under the scope instead of beside it."""
        super().resizeEvent(event)
        narrow = self.width() < NARROW
        self.top_bar.setDirection(QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight)

    def retranslate(self) -> None:
        if self.theme_filter.count():
            self.theme_filter.setItemText(0, tr("All themes"))
        self.theme_filter.setToolTip(tr("Show only passages of this theme (with its subthemes)"))
        self.view.setToolTip(tr("Double-click a passage to open it in its context"))
        self.model.retranslate()
        self._label()
