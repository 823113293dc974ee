"""Project search results (Ctrl+Shift+F): county, section and the hit in its context; clicking a
hit opens it highlighted in the pane. The query runs in the background (reader.ui.ops)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.core.search import HitList, SearchResult
from reader.ui.i18n import tr
from reader.ui.models.hits import CONTEXT, COUNTY, HTML_ROLE, SECTION, HitModel
from reader.ui.plain import plain_label


class RichTextDelegate(QStyledItemDelegate):
    """Draws HTML_ROLE as rich text (the hit in bold) on one line."""

    def paint(self, painter, option, index) -> None:
        text = index.data(HTML_ROLE)
        if not text:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget else None
        opt.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = QTextDocument()
        doc.setDefaultFont(opt.font)
        doc.setDocumentMargin(2)
        doc.setHtml(text)
        painter.save()
        painter.translate(opt.rect.left() + 2, opt.rect.top() + (opt.rect.height() - doc.size().height()) / 2)
        painter.setClipRect(0, 0, opt.rect.width() - 4, opt.rect.height())
        ctx = QAbstractTextDocumentLayout.PaintContext()
        if opt.state & QStyle.StateFlag.State_Selected:
            ctx.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(QPalette.ColorRole.HighlightedText))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), option.fontMetrics.height() + 8))


class SearchPanel(QWidget):
    hitActivated = Signal(object)  # reader.core.search.Hit

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.model = HitModel(self)
        self.summary = plain_label(QLabel(objectName="searchSummary"))
        self.view = QTableView(objectName="searchResults")
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(CONTEXT, RichTextDelegate(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 10)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(COUNTY, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SECTION, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CONTEXT, QHeaderView.ResizeMode.Stretch)
        self.view.setColumnWidth(SECTION, 260)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        self.view.clicked.connect(self._activate)
        self.view.activated.connect(self._activate)
        self.result: SearchResult | None = None
        self.searching = ""
        self.retranslate()

    def set_searching(self, query: str) -> None:
        self.searching = query
        self.summary.setText(tr("Searching for “{q}”…").format(q=query))

    def show_first_hits(self, result: SearchResult) -> None:
        """The first hits while the whole project is still being counted (the summary still says
        it is searching)."""
        self.model.set_hits(result.hits)

    def set_result(self, result: SearchResult, hits: HitList | None = None) -> None:
        """The whole result; `hits`: every hit of it (listed as their rows are shown)."""
        self.result = result
        self.searching = ""
        every = hits if hits is not None else result.hits
        first_shown = not isinstance(self.model.hits, HitList) and list(self.model.hits) == result.hits
        if first_shown and isinstance(every, HitList):
            self.model.extend_to(every)  # the first hits shown already: the view is kept as it is
        elif not first_shown or len(every) != len(self.model.hits):
            self.model.set_hits(every)
        self._summary()

    def _summary(self) -> None:
        r = self.result
        if self.searching:
            self.set_searching(self.searching)
        elif r is None:
            self.summary.setText(tr("Type in the search box (Ctrl+Shift+F) and press Enter."))
        elif r.total == 0:
            self.summary.setText(tr("“{q}” was not found in this project.").format(q=r.query))
        elif r.total > self.model.rowCount():
            self.summary.setText(
                tr("“{q}”: {total} occurrences; the first {shown} are listed.").format(
                    q=r.query, total=r.total, shown=self.model.rowCount()
                )
            )
        else:
            text = tr("“{q}”: 1 occurrence.") if r.total == 1 else tr("“{q}”: {total} occurrences.")
            self.summary.setText(text.format(q=r.query, total=r.total))

    def _activate(self, index: QModelIndex) -> None:
        hit = self.model.hit(index)
        if hit is not None:
            self.hitActivated.emit(hit)

    def retranslate(self) -> None:
        self.model.retranslate()
        self._summary()
