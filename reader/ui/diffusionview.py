"""视图 ▸ 扩散: how a phrase or a theme spread over the counties, year by year. A chart (drawn with
QPainter: PySide6-Essentials has no QtCharts) of the counties using it each year, those using it
for the first time and those that had by then; and a table of each county's first use, whose rows
open it in context. Emits intentions only; reader.ui.diffusion acts."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.core.analysis.diffusion import Diffusion
from reader.ui.i18n import tr
from reader.ui.models.diffusion import COUNTY, PLACE, FirstUseModel
from reader.ui.plain import plain_label

USING, NEW, BY_THEN = QColor("#9ec5e8"), QColor("#1f5f99"), QColor("#b45309")
PHRASE, THEME = "phrase", "theme"


class DiffusionChart(QWidget):
    """Bars: counties using it each year (the darker part: for the first time); line: counties that
    had used it by then; the grey outline: counties with a report that year."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("diffusionChart")
        self.result: Diffusion | None = None
        self.setMinimumHeight(160)

    def set_result(self, result: Diffusion | None) -> None:
        self.result = result
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, 220)

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.palette().base())
        years = self.result.years if self.result else []
        fm = self.fontMetrics()
        if not years:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, tr("Type a phrase or choose a theme, then Show."))
            return
        top = max(max(r.reporting for r in years), 1)
        left, bottom = fm.horizontalAdvance(str(top)) + 10, fm.height() + 8
        legend = fm.height() + 6
        area = QRectF(left, legend + 4, self.width() - left - 8, self.height() - bottom - legend - 8)
        p.setPen(QPen(self.palette().mid().color()))
        p.drawLine(area.bottomLeft(), area.bottomRight())
        for value in (0, top // 2, top):
            y = area.bottom() - area.height() * value / top
            p.drawText(QRectF(0, y - fm.height() / 2, left - 4, fm.height()),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(value))
        step = area.width() / len(years)
        bar = step * 0.6
        line = QPainterPath()
        for k, r in enumerate(years):
            x = area.left() + k * step + (step - bar) / 2

            def height(n: int) -> float:
                return area.height() * n / top

            p.setPen(QPen(self.palette().mid().color(), 1, Qt.PenStyle.DotLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(x, area.bottom() - height(r.reporting), bar, height(r.reporting)))
            p.setPen(Qt.PenStyle.NoPen)
            p.fillRect(QRectF(x, area.bottom() - height(r.using), bar, height(r.using)), USING)
            p.fillRect(QRectF(x, area.bottom() - height(r.new), bar, height(r.new)), NEW)
            point = QPointF(x + bar / 2, area.bottom() - height(r.cumulative))
            line.moveTo(point) if k == 0 else line.lineTo(point)
            p.setPen(QPen(self.palette().text().color()))
            p.drawText(QRectF(area.left() + k * step, area.bottom() + 2, step, fm.height() + 4),
                       Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, str(r.year)[-2:] if step < fm.horizontalAdvance("2024 ") else str(r.year))
        p.setPen(QPen(BY_THEN, 2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawPath(line)
        x = left
        for colour, text in ((NEW, tr("first use")), (USING, tr("using it that year")), (BY_THEN, tr("used by then"))):
            p.fillRect(QRectF(x, 4, 10, 10), colour)
            p.setPen(QPen(self.palette().text().color()))
            p.drawText(QPointF(x + 14, 4 + fm.ascent() - 1), text)
            x += 14 + fm.horizontalAdvance(text) + 16
        p.end()


class DiffusionView(QWidget):
    requested = Signal(str, object)  # phrase (or ""), theme id (or None)
    firstUseActivated = Signal(object)  # reader.core.analysis.diffusion.FirstUse

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("diffusionView")
        self.kind_box = QComboBox(objectName="diffusionKind")
        self.phrase_box = QLineEdit(objectName="diffusionPhrase")
        self.phrase_box.setClearButtonEnabled(True)
        self.theme_box = QComboBox(objectName="diffusionTheme")
        self.show_button = QPushButton(objectName="diffusionShow")
        self.summary = plain_label(QLabel(objectName="diffusionSummary"))
        self.summary.setWordWrap(True)
        self.chart = DiffusionChart()
        self.model = FirstUseModel(self)
        self.table = QTableView(objectName="diffusionTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(COUNTY, 150)
        self.table.setColumnWidth(PLACE, 180)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.kind_box)
        bar.addWidget(self.phrase_box, 1)
        bar.addWidget(self.theme_box, 1)
        bar.addWidget(self.show_button)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="diffusionSplitter")
        self.splitter.addWidget(self.chart)
        self.splitter.addWidget(self.table)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)
        for kind in (PHRASE, THEME):
            self.kind_box.addItem(kind, kind)
        self.kind_box.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.phrase_box.returnPressed.connect(self._request)
        self.show_button.clicked.connect(self._request)
        self.table.activated.connect(self._activate)
        self.table.clicked.connect(self._activate)
        self.result: Diffusion | None = None
        self.busy = ""
        self._kind_changed()
        self.retranslate()

    def kind(self) -> str:
        return self.kind_box.currentData() or PHRASE

    def set_themes(self, themes: list[tuple[int, str, int]]) -> None:
        """(id, name, depth) of the codebook's themes, in its order."""
        keep = self.theme_box.currentData()
        self.theme_box.blockSignals(True)
        self.theme_box.clear()
        for tid, name, depth in themes:
            self.theme_box.addItem("    " * depth + name, tid)
        found = self.theme_box.findData(keep)
        self.theme_box.setCurrentIndex(max(found, 0))
        self.theme_box.blockSignals(False)

    def ask(self, phrase: str | None = None, theme_id: int | None = None) -> None:
        """Fill the inputs and request it (as the user would)."""
        if theme_id is not None:
            self.kind_box.setCurrentIndex(self.kind_box.findData(THEME))
            self.theme_box.setCurrentIndex(max(self.theme_box.findData(theme_id), 0))
        else:
            self.kind_box.setCurrentIndex(self.kind_box.findData(PHRASE))
            self.phrase_box.setText(phrase or "")
        self._request()

    def _kind_changed(self) -> None:
        phrase = self.kind() == PHRASE
        self.phrase_box.setVisible(phrase)
        self.theme_box.setVisible(not phrase)

    def _request(self) -> None:
        if self.kind() == PHRASE:
            text = self.phrase_box.text().strip()
            if text:
                self.requested.emit(text, None)
        elif self.theme_box.currentData() is not None:
            self.requested.emit("", self.theme_box.currentData())

    def set_busy(self, what: str) -> None:
        self.busy = what
        self._summary()

    def set_result(self, result: Diffusion) -> None:
        self.result, self.busy = result, ""
        self.chart.set_result(result)
        self.model.set_uses(result.first_uses)
        self._summary()

    def _activate(self, index: QModelIndex) -> None:
        use = self.model.use(index)
        if use is not None:
            self.firstUseActivated.emit(use)

    def _summary(self) -> None:
        r = self.result
        if self.busy:
            self.summary.setText(tr("Counting “{q}”…").format(q=self.busy))
        elif r is None:
            self.summary.setText(tr("When did counties start using a phrase or a theme? Type a phrase or choose a "
                                    "theme, then Show."))
        else:
            text = tr("“{q}”: used by {counties} counties in {reports} reports.").format(
                q=r.query, counties=r.counties, reports=r.reports)
            if r.undated or r.unplaced:
                text += " " + tr("Not counted: {undated} report(s) without a year, {unplaced} without a county.").format(
                    undated=r.undated, unplaced=r.unplaced)
            self.summary.setText(text + " " + tr("Click a county to open its first use."))

    def retranslate(self) -> None:
        self.kind_box.setItemText(0, tr("Phrase"))
        self.kind_box.setItemText(1, tr("Theme"))
        self.phrase_box.setPlaceholderText(tr("A phrase, e.g. 代表联络站"))
        self.show_button.setText(tr("Show"))
        self.model.retranslate()
        self._summary()
        self.chart.update()
        dock = self.parentWidget()
        if isinstance(dock, QDockWidget):
            dock.setWindowTitle(tr("Diffusion"))
        action = getattr(self, "action", None)  # View ▸ Diffusion, set by reader.ui.diffusion
        if action is not None:
            action.setText(tr("Di&ffusion"))
