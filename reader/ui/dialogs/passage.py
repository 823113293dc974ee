"""Editing a passage: its themes (ticked in the codebook) and its note; or deleting it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reader.core.store.passages import Passage
from reader.ui.i18n import tr
from reader.ui.models.themes import swatch
from reader.ui.textpane import ThemeLook


@dataclass
class PassageInput:
    theme_ids: list[int]
    note: str
    delete: bool = False


class PassageDialog(QDialog):
    def __init__(self, parent: QWidget | None, passage: Passage, looks: dict[int, ThemeLook]):
        super().__init__(parent)
        self.setObjectName("passageDialog")
        self.setWindowTitle(tr("Passage"))
        self.resize(520, 520)
        self.deleted = False
        quote = QLabel(objectName="passageQuote")
        quote.setWordWrap(True)
        quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        quote.setText("“" + (passage.quote if len(passage.quote) <= 300 else passage.quote[:299] + "…") + "”")
        quote.setStyleSheet("background: #fffdf8; padding: 6px; border: 1px solid #e5e7eb;")
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
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.delete_button = buttons.addButton(tr("Delete passage"), QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.delete_button.clicked.connect(self._delete)
        layout = QVBoxLayout(self)
        layout.addWidget(quote)
        layout.addWidget(QLabel(tr("Themes:")))
        layout.addWidget(self.themes, 1)
        layout.addWidget(QLabel(tr("Note:")))
        layout.addWidget(self.note)
        layout.addWidget(buttons)

    def _delete(self) -> None:
        self.deleted = True
        self.accept()

    def result_input(self) -> PassageInput:
        ids = []
        for i in range(self.themes.count()):
            item = self.themes.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(item.data(Qt.ItemDataRole.UserRole))
        return PassageInput(ids, self.note.toPlainText().strip(), self.deleted)

    @classmethod
    def ask(cls, parent: QWidget | None, passage: Passage, looks: dict[int, ThemeLook]) -> PassageInput | None:
        dialog = cls(parent, passage, looks)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.result_input()
