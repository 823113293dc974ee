"""Choosing the columns of the comparison view: which reports are shown and in what order (a
project may hold thousands; the view shows the ones ticked here)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.compare import Column
from reader.ui.compare.model import ColumnListModel
from reader.ui.i18n import tr

MANY = 30  # more columns than this are slow to read side by side: say so


class ColumnsDialog(QDialog):
    def __init__(self, parent: QWidget | None, columns: list[Column], shown: list[int]):
        super().__init__(parent)
        self.setObjectName("columnsDialog")
        self.setWindowTitle(tr("Columns"))
        self.setMinimumSize(460, 520)
        self.model = ColumnListModel(columns, shown, self)
        self.filter_box = QLineEdit(objectName="columnsFilter")
        self.filter_box.setPlaceholderText(tr("Filter by county, prefecture, year or file"))
        self.filter_box.setClearButtonEnabled(True)
        self.view = QListView(objectName="columnsList")
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.up = QPushButton(tr("Up"), objectName="columnsUp")
        self.down = QPushButton(tr("Down"), objectName="columnsDown")
        self.all = QPushButton(tr("Tick all listed"), objectName="columnsAll")
        self.none = QPushButton(tr("Untick all listed"), objectName="columnsNone")
        self.count = QLabel(objectName="columnsCount")
        self.count.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        side = QVBoxLayout()
        for b in (self.up, self.down, self.all, self.none):
            side.addWidget(b)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.view, 1)
        middle.addLayout(side)
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Tick the reports to show as columns; Up and Down change their order."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.filter_box)
        layout.addLayout(middle, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        self.all.clicked.connect(lambda: self.model.set_all(True, self._listed()))
        self.none.clicked.connect(lambda: self.model.set_all(False, self._listed()))
        self.filter_box.textChanged.connect(self._filter)
        self.model.dataChanged.connect(self._count)
        self._count()

    def _listed(self) -> list[int]:
        return [r for r in range(self.model.rowCount()) if not self.view.isRowHidden(r)]

    def _filter(self, text: str) -> None:
        text = text.strip()
        for r in range(self.model.rowCount()):
            index = self.model.index(r)
            hay = f"{index.data()} {index.data(Qt.ItemDataRole.ToolTipRole)}"
            self.view.setRowHidden(r, bool(text) and text not in hay)

    def _move(self, delta: int) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        to = self.model.move(index.row(), delta)
        self.view.setCurrentIndex(self.model.index(to))

    def _count(self, *_args) -> None:
        n = len(self.model.checked)
        text = tr("{n} of {total} reports shown.").format(n=n, total=self.model.rowCount())
        if n > MANY:
            text += " " + tr("Many columns: the view stays usable, but reading them side by side is hard.")
        self.count.setText(text)

    @classmethod
    def ask(cls, parent: QWidget | None, columns: list[Column], shown: list[int]) -> list[int] | None:
        dialog = cls(parent, columns, shown)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.model.shown()
