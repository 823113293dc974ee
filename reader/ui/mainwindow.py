"""A minimal main window: the outline (county ▸ unit ▸ sections) and the text of what is clicked.

Holds no SQL: everything comes from reader.core. The full window replaces this one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QMainWindow, QPlainTextEdit, QSplitter, QTreeView

from reader.core.store import documents
from reader.core.store.db import Project

TITLE = "人大报告对读"
ROLE_SPAN = Qt.ItemDataRole.UserRole + 1  # (unit id, start, end) in the unit text


class MainWindow(QMainWindow):
    def __init__(self, project: Project):
        super().__init__()
        self.project = project
        self.setObjectName("mainWindow")
        self.setWindowTitle(f"{TITLE} — {project.path.stem}")
        self._texts: dict[int, str] = {}

        self.outline_view = QTreeView(objectName="outlineView")
        self.outline_view.setHeaderHidden(True)
        self.outline_view.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.model = QStandardItemModel(self)
        self.outline_view.setModel(self.model)
        self.text_pane = QPlainTextEdit(objectName="textPane")
        self.text_pane.setReadOnly(True)

        splitter = QSplitter(self)
        splitter.addWidget(self.outline_view)
        splitter.addWidget(self.text_pane)
        splitter.setSizes([360, 840])
        self.setCentralWidget(splitter)

        self.outline_view.selectionModel().currentChanged.connect(lambda current, _previous: self.show_item(current))
        self.outline_view.clicked.connect(self.show_item)
        self.load_outline()

    def load_outline(self) -> None:
        self.model.clear()
        units = documents.outline(self.project)
        by_county: dict[str, QStandardItem] = {}
        for u in units:
            county = u.county or "（县区未识别）"
            if county not in by_county:
                item = QStandardItem(county)
                item.setEditable(False)
                by_county[county] = item
                self.model.appendRow(item)
            label = " ".join(x for x in (str(u.year or ""), u.title or u.source) if x)
            unit_item = QStandardItem(label)
            unit_item.setToolTip(f"{u.source} · {u.author or ''}")
            unit_item.setData((u.id, 0, u.length), ROLE_SPAN)
            by_county[county].appendRow(unit_item)
            self._add_sections(unit_item, u.id, u.sections)
        self.outline_view.expandToDepth(0)
        self.statusBar().showMessage(f"{len(by_county)} 个县区，{len(units)} 篇报告")

    def _add_sections(self, parent: QStandardItem, unit_id: int, sections) -> None:
        for s in sections:
            item = QStandardItem(s.heading)
            item.setData((unit_id, s.start, s.end), ROLE_SPAN)
            parent.appendRow(item)
            self._add_sections(item, unit_id, s.children)

    def unit_text(self, unit_id: int) -> str:
        if unit_id not in self._texts:
            self._texts[unit_id] = documents.unit_text(self.project, unit_id)
        return self._texts[unit_id]

    def show_item(self, index) -> None:
        span = index.data(ROLE_SPAN) if index.isValid() else None
        if not span:
            return
        unit_id, start, end = span
        self.text_pane.setPlainText(self.unit_text(unit_id)[start:end])

    def select_first_unit(self) -> None:
        county = self.model.index(0, 0)
        unit = self.model.index(0, 0, county)
        if unit.isValid():
            self.outline_view.setCurrentIndex(unit)

    def closeEvent(self, event) -> None:
        self.project.close()
        super().closeEvent(event)
