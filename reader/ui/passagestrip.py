"""The strip under the text that shows the passage last clicked: its themes and note, with
buttons to edit (themes and note) and delete it."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from reader.core.store.passages import Passage
from reader.ui.i18n import no_theme, tr
from reader.ui.textpane import ThemeLook


class PassageStrip(QWidget):
    editRequested = Signal(int)
    deleteRequested = Signal(int)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("passageStrip")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("QWidget#passageStrip { background: #eef2f7; border-top: 1px solid #d1d5db; }")
        self.info = QLabel(objectName="passageInfo")
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.info.setWordWrap(True)
        self.edit_button = QPushButton(objectName="editPassageButton")
        self.delete_button = QPushButton(objectName="deletePassageButton")
        self.close_button = QToolButton(text="✕")
        self.close_button.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        layout.addWidget(self.info, 1)
        layout.addWidget(self.edit_button)
        layout.addWidget(self.delete_button)
        layout.addWidget(self.close_button)
        self.passage: Passage | None = None
        self.looks: dict[int, ThemeLook] = {}
        self.edit_button.clicked.connect(lambda: self.passage and self.editRequested.emit(self.passage.id))
        self.delete_button.clicked.connect(lambda: self.passage and self.deleteRequested.emit(self.passage.id))
        self.close_button.clicked.connect(self.close_strip)
        self.retranslate()
        self.hide()

    def show_passage(self, passage: Passage, looks: dict[int, ThemeLook]) -> None:
        self.passage = passage
        self.looks = looks
        self._render()
        self.show()

    def close_strip(self) -> None:
        self.passage = None
        self.hide()
        self.closed.emit()

    def _render(self) -> None:
        p = self.passage
        if p is None:
            return
        chips = []
        for tid in p.theme_ids:
            look = self.looks.get(tid)
            if look is None:
                continue
            chips.append(
                f"<span style='background:{look.colour}; color:white; white-space:nowrap;'>&nbsp;{html.escape(look.name)}&nbsp;</span>"
            )
        themes = " ".join(chips) or html.escape(no_theme())
        no_note = tr("no note")  # (not inside the f-string: lupdate would not see it)
        note = html.escape(p.note) if p.note else f"<i style='color:#6b7280'>{html.escape(no_note)}</i>"
        quote = html.escape(p.quote if len(p.quote) <= 30 else p.quote[:29] + "…")
        self.info.setText(
            f"<b>{html.escape(tr('Passage'))}</b> “{quote}” &nbsp; {themes} &nbsp; "
            f"{html.escape(tr('Note:'))} {note}"
        )

    def retranslate(self) -> None:
        self.edit_button.setText(tr("Edit…"))
        self.delete_button.setText(tr("Delete"))
        self.close_button.setToolTip(tr("Close"))
        self._render()
