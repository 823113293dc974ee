"""The side panel of the comparison view: the legend (what the marks in the cells mean), the shared
phrases of the row at the top of the grid, and where a chosen phrase occurs in the whole project
(each occurrence opens in context in the reading window)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.core.compare.phrases import SharedPhrase
from reader.core.search import SearchResult
from reader.ui.compare.cell import PHRASE_COLOUR, REUSE_COLOUR
from reader.ui.i18n import tr
from reader.ui.models.hits import CONTEXT, HitModel
from reader.ui.plain import plain_label
from reader.ui.searchpanel import RichTextDelegate

PHRASE_LIMIT = 200


def legend_icon(kind: str) -> QIcon:
    pix = QPixmap(28, 16)
    pix.fill(QColor("#fffdf8"))
    p = QPainter(pix)
    if kind == "phrase":
        p.fillRect(2, 2, 24, 12, PHRASE_COLOUR)
    elif kind == "reuse":
        p.setPen(QPen(QColor(REUSE_COLOUR), 2, Qt.PenStyle.DashLine))
        p.drawLine(2, 13, 26, 13)
    elif kind == "passage":
        for k, colour in enumerate(("#e67e22", "#27ae60", "#2980b9")):
            c = QColor(colour)
            c.setAlpha(110)
            p.fillRect(2 + k * 8, 2, 8, 12, c)
    else:  # the drag handle
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#9ca3af"))
        for k in range(3):
            for j in range(2):
                p.drawEllipse(11 + j * 4, 3 + k * 4, 3, 3)
    p.end()
    return QIcon(pix)


class ComparePanel(QWidget):
    phraseActivated = Signal(str)
    hitActivated = Signal(object)  # reader.core.search.Hit

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("comparePanel")
        self.legend = QWidget(objectName="compareLegend")
        grid = QGridLayout(self.legend)
        grid.setContentsMargins(0, 0, 0, 6)
        grid.setHorizontalSpacing(8)
        self.legend_labels: dict[str, QLabel] = {}
        for k, kind in enumerate(("phrase", "reuse", "passage", "handle")):
            icon = QLabel()
            icon.setPixmap(legend_icon(kind).pixmap(28, 16))
            text = QLabel(objectName=f"legend_{kind}")
            text.setWordWrap(True)
            grid.addWidget(icon, k, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(text, k, 1)
            self.legend_labels[kind] = text
        grid.setColumnStretch(1, 1)
        self.phrases_label = plain_label(QLabel(objectName="comparePhrasesLabel"))
        self.phrases_label.setWordWrap(True)
        self.phrase_list = QListWidget(objectName="comparePhrases")
        self.hits_label = plain_label(QLabel(objectName="compareHitsLabel"))
        self.hits_label.setWordWrap(True)
        self.hit_model = HitModel(self)
        self.hit_table = QTableView(objectName="compareHits")
        self.hit_table.setModel(self.hit_model)
        self.hit_table.setItemDelegateForColumn(CONTEXT, RichTextDelegate(self.hit_table))
        self.hit_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.hit_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.hit_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.hit_table.verticalHeader().hide()
        self.hit_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.hit_table.horizontalHeader().setStretchLastSection(True)
        self.hit_table.setColumnWidth(0, 70)
        self.hit_table.setColumnWidth(1, 110)
        self.hit_table.setWordWrap(False)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.phrases_label)
        top_layout.addWidget(self.phrase_list, 1)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.hits_label)
        bottom_layout.addWidget(self.hit_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, objectName="compareSplitter")
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.legend)
        layout.addWidget(splitter, 1)
        self.row_label = ""
        self.among: int | None = None
        self.phrases: list[SharedPhrase] = []
        self.result: SearchResult | None = None
        self.searching = ""
        self.phrase_list.itemClicked.connect(self._phrase_clicked)
        self.phrase_list.itemActivated.connect(self._phrase_clicked)
        self.hit_table.clicked.connect(self._hit_clicked)
        self.hit_table.activated.connect(self._hit_clicked)
        self.retranslate()

    def set_phrases(self, row_label: str, phrases: list[SharedPhrase] | None, among: int | None = None) -> None:
        """The shared phrases of a row (None: not computed yet); `among`: found among this many reports
        (those around the ones on screen, or those of the topic view; None: every column shown)."""
        self.row_label = row_label
        self.among = among
        self.phrases = list(phrases or [])[:PHRASE_LIMIT]
        self.phrase_list.clear()
        for p in self.phrases:
            item = QListWidgetItem(tr("{phrase}  ·  {n} counties").format(phrase=p.text, n=len(p.counties)))
            item.setData(Qt.ItemDataRole.UserRole, p.text)
            item.setToolTip("、".join(c.lstrip("#") for c in p.counties))
            self.phrase_list.addItem(item)
        self._phrases_label(phrases is None)

    def _phrases_label(self, pending: bool = False) -> None:
        if not self.row_label:
            self.phrases_label.setText(tr("Shared phrases of the row at the top appear here."))
        elif pending:
            self.phrases_label.setText(tr("Shared phrases in “{row}”: finding them…").format(row=self.row_label))
        elif self.among is not None:
            self.phrases_label.setText(tr("Shared phrases in “{row}” ({n}), among {k} reports:").format(
                row=self.row_label, n=len(self.phrases), k=self.among))
        else:
            self.phrases_label.setText(tr("Shared phrases in “{row}” ({n}), among the columns shown:").format(
                row=self.row_label, n=len(self.phrases)))

    def set_searching(self, phrase: str) -> None:
        self.searching = phrase
        self.hits_label.setText(tr("Finding “{phrase}” in the project…").format(phrase=phrase))

    def set_occurrences(self, result: SearchResult) -> None:
        self.result = result
        self.hit_model.set_hits(result.hits)
        self._hits_label()

    def _hits_label(self) -> None:
        r = self.result
        if r is None:
            self.hits_label.setText(tr("Click a shared phrase (in a cell or above) to list everywhere it occurs."))
        elif r.total > len(r.hits):
            self.hits_label.setText(tr("“{phrase}” occurs {total} times in the project (first {n} listed; click one to "
                                       "read it in context):").format(phrase=r.query, total=r.total, n=len(r.hits)))
        else:
            self.hits_label.setText(tr("“{phrase}” occurs {total} times in the project (click one to read it in "
                                       "context):").format(phrase=r.query, total=r.total))

    def _phrase_clicked(self, item: QListWidgetItem) -> None:
        self.phraseActivated.emit(item.data(Qt.ItemDataRole.UserRole))

    def _hit_clicked(self, index: QModelIndex) -> None:
        hit = self.hit_model.hit(index)
        if hit is not None:
            self.hitActivated.emit(hit)

    def retranslate(self) -> None:
        texts = {
            "phrase": tr("Shared phrase: the same wording in two or more counties (4+ characters)"),
            "reuse": tr("Reused passage: a longer stretch of text shared with another column (hover or click to see it)"),
            "passage": tr("Tagged passage, in its theme's colour"),
            "handle": tr("Drag a section by its dots onto another row to move it there"),
        }
        for kind, label in self.legend_labels.items():
            label.setText(texts[kind])
        for k, p in enumerate(self.phrases[: self.phrase_list.count()]):
            self.phrase_list.item(k).setText(tr("{phrase}  ·  {n} counties").format(phrase=p.text, n=len(p.counties)))
        self._phrases_label()
        self._hits_label()
        self.hit_model.retranslate()
