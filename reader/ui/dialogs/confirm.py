"""Asking before something is deleted."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from reader.ui.i18n import tr
from reader.ui.plain import plain_box


class ConfirmDialog(QMessageBox):
    def __init__(self, parent: QWidget | None, title: str, text: str, confirm: str, detail: str = ""):
        super().__init__(parent)
        self.setObjectName("confirmDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setStyleSheet("QLabel#qt_msgbox_label { min-width: 24em; }")  # not a narrow column of text
        self.setWindowTitle(title)
        self.setText(text)
        if detail:
            self.setInformativeText(detail)
        self.confirm_button = self.addButton(confirm, QMessageBox.ButtonRole.DestructiveRole)
        self.cancel_button = self.addButton(tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.cancel_button)
        plain_box(self)  # names in the question are shown as typed, never as HTML

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str, confirm: str, detail: str = "") -> bool:
        dialog = cls(parent, title, text, confirm, detail)
        dialog.exec()
        return dialog.clickedButton() is dialog.confirm_button
