"""Suggestions for the text shown: sentences that name a theme's keywords. Offered, never applied:
a click on a row shows the sentence underlined in the pane; one click on "✓ Accept" tags it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from reader.ui.i18n import tr
from reader.ui.models.suggestions import ACCEPT, SENTENCE, THEME, SuggestionModel, SuggestionRow
from reader.ui.plain import plain_label


class SuggestionList(QWidget):
    suggestionShown = Signal(object)  # SuggestionRow
    suggestionAccepted = Signal(object)  # SuggestionRow

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("suggestionPanel")
        self.model = SuggestionModel(self)
        self.label = plain_label(QLabel(objectName="suggestionLabel"))
        self.label.setWordWrap(True)
        self.view = QTableView(objectName="suggestionList")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(THEME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SENTENCE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ACCEPT, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        layout.addWidget(self.view, 1)
        self.view.clicked.connect(self._clicked)
        self.retranslate()

    def set_rows(self, rows: list[SuggestionRow]) -> None:
        self.model.set_rows(rows)
        self._label()

    def _clicked(self, index: QModelIndex) -> None:
        row = self.model.row(index)
        if row is None:
            return
        if index.column() == ACCEPT:
            self.suggestionAccepted.emit(row)
        else:
            self.suggestionShown.emit(row)

    def accept_row(self, r: int) -> None:
        row = self.model.rows[r]
        self.suggestionAccepted.emit(row)

    def _label(self) -> None:
        n = len(self.model.rows)
        self.label.setText(
            tr("{n} sentences here name a theme's keywords. Nothing is tagged until you accept.").format(n=n)
            if n
            else tr("No suggestions for this text (themes' keywords are set in the theme editor).")
        )

    def retranslate(self) -> None:
        self.model.retranslate()
        self._label()
