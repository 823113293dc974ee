"""视图 ▸ 主题矩阵: places or years by themes, counts or characters covered, on a colour scale. A
dock, not a dialog: clicking a cell lists its passages in the panel beside the table, and each
opens in context in the text pane, while the matrix stays open."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.analysis.matrix import BY, Matrix
from reader.core.store.passages import PassageRecord
from reader.ui.i18n import tr
from reader.ui.models.matrix import COUNTS, COVERAGE, MatrixModel
from reader.ui.models.passages import PassageModel
from reader.ui.passagelist import passage_table

BY_LABELS = {
    "county": QT_TR_NOOP("Counties"),
    "prefecture": QT_TR_NOOP("Prefectures"),
    "province": QT_TR_NOOP("Provinces"),
    "year": QT_TR_NOOP("Years"),
}
NAME_CHARS = 10  # a theme's column shows this many characters of its name at most

VALUE_LABELS = {
    COUNTS: QT_TR_NOOP("Passages"),
    COVERAGE: QT_TR_NOOP("Characters covered"),
}


class MatrixView(QWidget):
    refreshRequested = Signal(str)  # rows by
    cellActivated = Signal(int, int)  # row, column
    passageOpenRequested = Signal(int, int, int, int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("matrixView")
        self.model = MatrixModel(self)
        self.by_box = QComboBox(objectName="matrixBy")
        self.value_box = QComboBox(objectName="matrixValue")
        for box in (self.by_box, self.value_box):  # as wide as the words of the language shown
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.refresh_button = QToolButton(objectName="matrixRefresh", text="⟳")
        self.rows_label = QLabel()
        self.value_label = QLabel()
        self.status = QLabel(objectName="matrixStatus")
        self.status.setWordWrap(True)  # a long status wraps instead of pushing the controls out
        self.table = QTableView(objectName="matrixTable")
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # fixed widths: sizing columns to their contents would read every cell (thousands of rows)
        self.table.horizontalHeader().setDefaultSectionSize(self.table.fontMetrics().horizontalAdvance("代表联络站") + 28)
        self.table.horizontalHeader().setMinimumSectionSize(40)
        self.table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.cell_label = QLabel(objectName="matrixCellLabel")
        self.cell_label.setWordWrap(True)
        self.cell_model = PassageModel(self)
        self.cell_list = passage_table(self.cell_model, "matrixPassages")
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.rows_label)
        bar.addWidget(self.by_box)
        bar.addSpacing(12)
        bar.addWidget(self.value_label)
        bar.addWidget(self.value_box)
        bar.addWidget(self.refresh_button)
        bar.addSpacing(12)
        bar.addWidget(self.status, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.cell_label)
        right_layout.addWidget(self.cell_list, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="matrixSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        for key in BY:
            self.by_box.addItem(key, key)
        for key in (COUNTS, COVERAGE):
            self.value_box.addItem(key, key)
        self.by_box.currentIndexChanged.connect(lambda _i: self.refreshRequested.emit(self.by()))
        self.value_box.currentIndexChanged.connect(lambda _i: self.model.set_value(self.value()))
        self.refresh_button.clicked.connect(lambda: self.refreshRequested.emit(self.by()))
        self.table.clicked.connect(self._cell)
        self.cell_list.doubleClicked.connect(self._open)
        self.cell_list.clicked.connect(self._open)
        self.cell_text = ""
        self.busy = False
        self.counted = False
        self.retranslate()

    def by(self) -> str:
        return self.by_box.currentData() or "county"

    def value(self) -> str:
        return self.value_box.currentData() or COUNTS

    def set_by(self, by: str, value: str) -> None:
        self.by_box.blockSignals(True)
        self.by_box.setCurrentIndex(max(self.by_box.findData(by), 0))
        self.by_box.blockSignals(False)
        self.value_box.setCurrentIndex(max(self.value_box.findData(value), 0))

    def set_busy(self) -> None:
        self.busy = True
        self._status()

    def set_matrix(self, matrix: Matrix) -> None:
        self.busy = False
        self.counted = True
        self.model.set_matrix(matrix)
        self.model.set_value(self.value())
        self._fit_columns()
        self._status()

    def _status(self) -> None:
        """Say what the matrix shows (again after the language changed)."""
        matrix = self.model.matrix
        if self.busy:
            text = tr("Counting…")
        elif not self.counted:
            text = ""
        elif not matrix.rows:
            text = tr("No tagged passages yet: tag some text to fill the matrix.")
        else:
            text = (tr("1 row × {themes} themes. Click a cell to list its passages.") if len(matrix.rows) == 1 else
                    tr("{rows} rows × {themes} themes. Click a cell to list its passages.")).format(
                rows=len(matrix.rows), themes=len(matrix.themes))
        self.status.setText(text)

    def _fit_columns(self) -> None:
        """Each theme's column as wide as its name (up to NAME_CHARS characters), from the header
        alone: sizing to the contents would read every cell."""
        header = self.table.horizontalHeader()
        fm = header.fontMetrics()
        cap = fm.horizontalAdvance("代" * NAME_CHARS)
        extra = header.style().pixelMetric(header.style().PixelMetric.PM_SmallIconSize) + 24
        for c, theme in enumerate(self.model.matrix.themes):
            header.resizeSection(c, max(header.minimumSectionSize(), min(fm.horizontalAdvance(theme.name), cap) + extra))

    def _cell(self, index: QModelIndex) -> None:
        if index.isValid():
            self.cellActivated.emit(index.row(), index.column())

    def set_cell_passages(self, row: int, column: int, records: list[PassageRecord]) -> None:
        m = self.model.matrix
        self.cell_text = f"{self.model.row_label(row)} × {m.themes[column].name}"
        self.cell_model.set_records(records)
        self._cell_label()

    def _cell_label(self) -> None:
        if self.cell_text:
            self.cell_label.setText(
                tr("{cell}: {n} passages (click one to open it)").format(cell=self.cell_text, n=len(self.cell_model.records))
            )
        else:
            self.cell_label.setText(tr("Click a cell to list its passages here."))

    def _open(self, index: QModelIndex) -> None:
        r = self.cell_model.record(index)
        if r is not None:
            self.passageOpenRequested.emit(r.id, r.unit, r.start, r.end)

    def retranslate(self) -> None:
        self.rows_label.setText(tr("Rows:"))
        self.value_label.setText(tr("Show:"))
        for i in range(self.by_box.count()):
            self.by_box.setItemText(i, tr(BY_LABELS[self.by_box.itemData(i)]))
        for i in range(self.value_box.count()):
            self.value_box.setItemText(i, tr(VALUE_LABELS[self.value_box.itemData(i)]))
        self.refresh_button.setToolTip(tr("Count again"))
        self._status()
        self._cell_label()
        self.cell_model.retranslate()

