"""Naming a row of the comparison: renaming it, or the label of a new row a section is split into."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from reader.ui.i18n import tr

RENAME, SPLIT = "rename", "split"
TITLES = {RENAME: QT_TR_NOOP("Rename row"), SPLIT: QT_TR_NOOP("Split into a new row")}
PROMPTS = {
    RENAME: QT_TR_NOOP("New label for the row (kept when you re-align):"),
    SPLIT: QT_TR_NOOP("The section leaves its row for a new row of its own. Label of the new row:"),
}


class RowLabelDialog(QDialog):
    def __init__(self, parent: QWidget | None, mode: str, current: str, about: str = ""):
        super().__init__(parent)
        self.setObjectName("rowLabelDialog")
        self.setWindowTitle(tr(TITLES[mode]))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        if about:
            about_label = QLabel(about)
            about_label.setWordWrap(True)
            about_label.setStyleSheet("color: #4b5563;")
            layout.addWidget(about_label)
        prompt = QLabel(tr(PROMPTS[mode]))
        prompt.setWordWrap(True)
        self.edit = QLineEdit(current, objectName="rowLabelValue")
        self.edit.selectAll()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.edit.textChanged.connect(self._check)
        layout.addWidget(prompt)
        layout.addWidget(self.edit)
        layout.addWidget(self.buttons)
        self._check()

    def _check(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.edit.text().strip()))

    @classmethod
    def ask(cls, parent: QWidget | None, mode: str, current: str, about: str = "") -> str | None:
        dialog = cls(parent, mode, current, about)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.edit.text().strip() or None
