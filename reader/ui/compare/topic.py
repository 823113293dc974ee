"""The topic-first view of the comparison window: one row's sections from every aligned report, one
under another (how researchers read a hundred counties on one topic), filtered by prefecture and
year. TopicGrid is the comparison grid over a TopicModel: one band per report (county · year ·
prefecture, marked when the codebook does not fit it), one wide column of text; tagging, the
context menu, compact mode and the keys work as in the grid, Enter or a double click on a band opens
the section in context in the reading window. TopicView puts the choice of row and the filters
above it; the comparison window (reader.ui.compare.window) fills them and acts on their changes.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMenu, QVBoxLayout, QWidget

from reader.core.compare import Comparison
from reader.ui.compare.grid import HEADER_H, MARKS_MAX, CompareGrid
from reader.ui.compare.model import row_label
from reader.ui.compare.painting import BAND_TEXT, MUTED
from reader.ui.compare.topicmodel import TopicModel
from reader.ui.i18n import tr
from reader.ui.plain import menu_text

TOPIC_WIDTH = (360, 980)  # the column of text: the window's width, within these bounds (lines stay readable)


class TopicGrid(CompareGrid):
    drags = False  # every band is a report, not a row: move sections through the context menu

    def __init__(self, model: TopicModel, parent: QWidget | None = None):
        super().__init__(model, parent)
        self.setObjectName("compareTopicGrid")
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def fit_width(self) -> None:
        """The column of text as wide as the window allows."""
        width = min(max(self.viewport().width() - 2, TOPIC_WIDTH[0]), TOPIC_WIDTH[1])
        if width != self.column_width:
            self.column_width = width
            self._widths_changed()

    def set_column_width(self, width: int) -> None:  # the slider is for the side-by-side columns
        return

    def width_for(self, compact: bool) -> int:
        return self.column_width

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_width()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.fit_width()

    def marks_units(self) -> set[int]:
        """The MARKS_MAX reports around those on screen (or all, when there are no more)."""
        n = self.model.rowCount()
        if n <= MARKS_MAX:
            chosen = range(n)
        else:
            visible = self._visible_rows() or range(0, 1)
            first = max(0, min(visible.start - (MARKS_MAX - len(visible)) // 2, n - MARKS_MAX))
            chosen = range(first, first + MARKS_MAX)
        return {self.model.cell_key(r, 0)[1] for r in chosen}

    def _on_screen_units(self) -> set[int]:
        return {self.model.cell_key(r, 0)[1] for r in self._visible_rows()}

    def band_note(self, r: int) -> str:
        return self.model.band(r).subtitle

    def band_activated(self, r: int) -> None:
        """A double click on a report's band: its section in context, in the reading window."""
        members = self.model.members(r, 0)
        if members:
            self.sectionOpenRequested.emit(members[0].unit_id, members[0].section_id)

    def band_menu(self, r: int) -> QMenu:
        menu = QMenu(self)
        menu.setObjectName("compareTopicMenu")
        members = self.model.members(r, 0)
        open_ = menu.addAction(tr("Open in the reading window"))
        open_.setObjectName("compareOpen")
        if members:
            uid, sid = members[0].unit_id, members[0].section_id
            open_.triggered.connect(lambda _c=False: self.sectionOpenRequested.emit(uid, sid))
        if self.compact:
            key = self.model.cell_key(r, 0)
            fold = menu.addAction(tr("Fold this cell") if key in self.expanded else tr("Show all of this cell"))
            fold.setObjectName("compareFold")
            fold.triggered.connect(lambda _c=False: self.toggle_cell(key))
        return menu

    def _paint_header(self, p: QPainter, vw: int) -> None:
        top = self.header_height()
        p.fillRect(QRect(0, 0, vw, top), QColor("#f8fafc"))
        model: TopicModel = self.model
        if model.row is None:
            return
        bold = QFont(self.font())
        bold.setBold(True)
        bold.setPointSizeF(self.font().pointSizeF() + 1)
        p.setFont(bold)
        p.setPen(QColor(BAND_TEXT))
        title = QFontMetrics(bold).elidedText(row_label(model.row), Qt.TextElideMode.ElideRight, vw - 20)
        p.drawText(QRect(10, 4, vw - 20, 20), Qt.AlignmentFlag.AlignVCenter, title)
        p.setFont(self.font())
        p.setPen(QColor(MUTED))
        p.drawText(QRect(10, 24, vw - 20, 18), Qt.AlignmentFlag.AlignVCenter, topic_summary(model))
        p.setPen(QColor("#94a3b8"))
        p.drawLine(0, top - 1, vw, top - 1)

    def header_height(self) -> int:
        return HEADER_H


def topic_summary(model: TopicModel) -> str:
    n = len(model.entries)
    if model.total == n:
        return tr("{n} reports have a section in this row").format(n=n)
    return tr("{n} of the {total} reports with a section in this row").format(n=n, total=model.total)


class TopicView(QWidget):
    """The row to read, the filters, and the grid of reports below them."""

    rowPicked = Signal(str)  # a row key
    filterChanged = Signal()

    def __init__(self, model: TopicModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("compareTopicView")
        self.model = model
        self.grid = TopicGrid(model)
        self.row_label = QLabel()
        self.row_box = QComboBox(objectName="topicRow")
        self.row_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.row_box.setMinimumContentsLength(16)
        self.prefecture_label = QLabel()
        self.prefecture_box = QComboBox(objectName="topicPrefecture")
        self.year_label = QLabel()
        self.year_box = QComboBox(objectName="topicYear")
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 4, 8, 4)
        for w in (self.row_label, self.row_box, self.prefecture_label, self.prefecture_box, self.year_label,
                  self.year_box):
            bar.addWidget(w)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.grid, 1)
        self._filling = False
        self.row_box.currentIndexChanged.connect(self._row_changed)
        self.prefecture_box.currentIndexChanged.connect(self._filter_changed)
        self.year_box.currentIndexChanged.connect(self._filter_changed)
        self.retranslate()

    def fill(self, comparison: Comparison | None, row_key: str | None) -> None:
        """The rows to choose from (in tree order) and the filters of the chosen row."""
        self._filling = True
        try:
            self.row_box.clear()
            for row, depth in self.grid.all_rows() if comparison is not None else []:
                self.row_box.addItem("　" * depth + menu_text(row_label(row)), row.key)
            self.row_box.setCurrentIndex(max(self.row_box.findData(row_key), 0) if row_key else -1)
            self._fill_filters()
        finally:
            self._filling = False

    def _fill_filters(self) -> None:
        prefectures, years = self.model.choices()
        for box, values, chosen, every in ((self.prefecture_box, prefectures, self.model.prefecture,
                                            tr("All prefectures")),
                                           (self.year_box, years, self.model.year, tr("All years"))):
            box.blockSignals(True)
            box.clear()
            box.addItem(every, None)
            for v in values:
                box.addItem(str(v), v)
            box.setCurrentIndex(max(box.findData(chosen), 0) if chosen is not None else 0)
            box.setEnabled(len(values) > 1 or chosen is not None)
            box.blockSignals(False)
        self.grid.viewport().update()  # its header counts the reports listed

    def filters(self) -> tuple[str | None, int | None]:
        return self.prefecture_box.currentData(), self.year_box.currentData()

    def set_filters(self, prefecture: str | None, year: int | None) -> None:
        """Choose a prefecture and a year (None: all), as the boxes do."""
        self.prefecture_box.setCurrentIndex(max(self.prefecture_box.findData(prefecture), 0))
        self.year_box.setCurrentIndex(max(self.year_box.findData(year), 0))

    def _row_changed(self, _index: int) -> None:
        if not self._filling and self.row_box.currentData():
            self.rowPicked.emit(self.row_box.currentData())

    def _filter_changed(self, _index: int) -> None:
        if not self._filling:
            self.filterChanged.emit()

    def refreshed(self) -> None:
        """The model changed: its filters and count again."""
        self._filling = True
        try:
            self._fill_filters()
        finally:
            self._filling = False

    def retranslate(self) -> None:
        self.row_label.setText(tr("Row:") + " ")
        self.prefecture_label.setText("  " + tr("Prefecture:") + " ")
        self.year_label.setText("  " + tr("Year:") + " ")
        if self.prefecture_box.count():
            self.prefecture_box.setItemText(0, tr("All prefectures"))
        if self.year_box.count():
            self.year_box.setItemText(0, tr("All years"))
