"""编辑 ▸ 标注人…: the name passages tagged on this machine are stored under."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from reader.core.store.coders import MAX_NAME
from reader.ui.i18n import tr
from reader.ui.plain import plain_label


class CoderDialog(QDialog):
    def __init__(self, parent: QWidget | None, current: str, known: list[str]):
        super().__init__(parent)
        self.setObjectName("coderDialog")
        self.setWindowTitle(tr("Coder"))
        self.setMinimumWidth(460)
        about = QLabel(tr("Every passage you tag is stored under this name, so that a team's codings can be merged "
                          "and compared. Set it once on each computer: it is kept on this computer, not in the "
                          "project, so a copy sent to a teammate takes the teammate's own name."))
        about.setWordWrap(True)
        about.setStyleSheet("color: #4b5563;")
        prompt = QLabel(tr("Your name as a coder:"))
        self.name_box = QComboBox(objectName="coderName")
        self.name_box.setEditable(True)
        self.name_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for name in dict.fromkeys([current, *known]):
            if name:
                self.name_box.addItem(name)
        self.name_box.setCurrentText(current)
        self.name_box.lineEdit().setMaxLength(MAX_NAME)
        self.name_box.lineEdit().selectAll()
        self.known = plain_label(QLabel(objectName="coderKnown"))
        self.known.setWordWrap(True)
        others = [k for k in known if k and k != current]
        if others:
            self.known.setText(tr("Coders of this project: {names}").format(names="、".join(others)))
        self.known.setVisible(bool(others))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name_box.editTextChanged.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(prompt)
        layout.addWidget(self.name_box)
        layout.addWidget(self.known)
        layout.addWidget(self.buttons)
        self._check()

    def _check(self, _text: str = "") -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.name_box.currentText().strip()))

    def answer(self) -> str:
        return self.name_box.currentText().strip()

    @classmethod
    def ask(cls, parent: QWidget | None, current: str, known: list[str]) -> str | None:
        dialog = cls(parent, current, known)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.answer() or None
