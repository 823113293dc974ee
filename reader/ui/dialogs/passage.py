"""Editing a passage: its themes (ticked in the codebook), its note, and where it begins and ends
(moved a character at a time, the quote shown live between its context); or deleting it."""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reader.core.store.passages import Passage
from reader.ui.i18n import tr
from reader.ui.models.themes import swatch
from reader.ui.textpane import ThemeLook

QUOTE_MAX = 300
CONTEXT_SHOWN = 20


@dataclass
class PassageInput:
    theme_ids: list[int]
    note: str
    delete: bool = False
    start: int | None = None  # unit offsets; None: unchanged
    end: int | None = None


class PassageDialog(QDialog):
    def __init__(self, parent: QWidget | None, passage: Passage, looks: dict[int, ThemeLook], text: str | None = None):
        """`text`: the unit text, to move the passage's start and end (without it they stay)."""
        super().__init__(parent)
        self.setObjectName("passageDialog")
        self.setWindowTitle(tr("Passage"))
        self.resize(560, 600)
        self.deleted = False
        self.passage = passage
        self.text = text
        self.quote = QLabel(objectName="passageQuote")
        self.quote.setWordWrap(True)
        self.quote.setTextFormat(Qt.TextFormat.RichText)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.quote.setStyleSheet("background: #fffdf8; padding: 6px; border: 1px solid #e5e7eb;")
        self.start_box = QSpinBox(objectName="passageStartShift")
        self.end_box = QSpinBox(objectName="passageEndShift")
        bounds = QWidget(objectName="passageBounds")
        row = QHBoxLayout(bounds)
        row.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        form.addRow(tr("Move the start by:"), self.start_box)
        form2 = QFormLayout()
        form2.addRow(tr("Move the end by:"), self.end_box)
        row.addLayout(form)
        row.addLayout(form2)
        row.addStretch(1)
        for box in (self.start_box, self.end_box):
            box.setSuffix(tr(" characters"))
            box.setToolTip(tr("Negative: earlier in the text; positive: later. The quote above follows."))
            box.valueChanged.connect(self._bounds_changed)
        bounds.setVisible(text is not None)
        self.themes = QListWidget(objectName="passageThemes")
        for tid, look in sorted(looks.items(), key=lambda kv: kv[1].order):
            item = QListWidgetItem(swatch(look.colour), "    " * look.depth + look.name)
            item.setData(Qt.ItemDataRole.UserRole, tid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if tid in passage.theme_ids else Qt.CheckState.Unchecked)
            self.themes.addItem(item)
        self.note = QPlainTextEdit(objectName="passageNote")
        self.note.setPlainText(passage.note)
        self.note.setPlaceholderText(tr("Your note on this passage"))
        self.note.setMaximumHeight(110)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.save_button.setText(tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.delete_button = buttons.addButton(tr("Delete passage"), QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.delete_button.clicked.connect(self._delete)
        layout = QVBoxLayout(self)
        layout.addWidget(self.quote)
        layout.addWidget(bounds)
        layout.addWidget(QLabel(tr("Themes:")))
        layout.addWidget(self.themes, 1)
        layout.addWidget(QLabel(tr("Note:")))
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self._bounds_changed()

    # -- where it begins and ends -------------------------------------------------------------------
    def span(self) -> tuple[int, int]:
        return self.passage.start + self.start_box.value(), self.passage.end + self.end_box.value()

    def _bounds_changed(self, _value: int = 0) -> None:
        """Keep start < end inside the text, and show the quote as it would be."""
        p = self.passage
        if self.text is None:
            self.quote.setText(html.escape(_elide(p.quote)).join(("“", "”")))
            return
        start, end = self.span()
        for box, lo, hi in ((self.start_box, -p.start, end - 1 - p.start), (self.end_box, start + 1 - p.end, len(self.text) - p.end)):
            box.blockSignals(True)
            box.setRange(lo, hi)
            box.blockSignals(False)
        start, end = self.span()
        before = self.text[max(0, start - CONTEXT_SHOWN) : start]
        after = self.text[end : end + CONTEXT_SHOWN]
        quote = _elide(self.text[start:end])
        grey = "<span style='color:#9ca3af'>{}</span>"
        self.quote.setText(
            grey.format(html.escape("…" + before)) + "<b>“" + html.escape(quote) + "”</b>" + grey.format(html.escape(after + "…"))
        )
        self.quote.setToolTip(self.text[start:end])
        self.save_button.setEnabled(bool(self.text[start:end].strip()))

    def shown_quote(self) -> str:
        """The quote as the dialog shows it now (without the context)."""
        start, end = self.span()
        return self.text[start:end] if self.text is not None else self.passage.quote

    # -- answer ----------------------------------------------------------------------------------------
    def _delete(self) -> None:
        self.deleted = True
        self.accept()

    def result_input(self) -> PassageInput:
        ids = []
        for i in range(self.themes.count()):
            item = self.themes.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(item.data(Qt.ItemDataRole.UserRole))
        start, end = self.span() if self.text is not None else (None, None)
        return PassageInput(ids, self.note.toPlainText().strip(), self.deleted, start, end)

    @classmethod
    def ask(cls, parent: QWidget | None, passage: Passage, looks: dict[int, ThemeLook],
            text: str | None = None) -> PassageInput | None:
        dialog = cls(parent, passage, looks, text)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.result_input()


def _elide(quote: str) -> str:
    return quote if len(quote) <= QUOTE_MAX else quote[: QUOTE_MAX // 2] + " … " + quote[-QUOTE_MAX // 2 + 3 :]
