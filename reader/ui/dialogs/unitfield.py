"""Correcting one field of a report: its county (typed by name, resolved by core; a name several
places share comes back with the places listed to choose from), its year or its title."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidget, QVBoxLayout, QWidget

from reader.ui.i18n import tr
from reader.ui.plain import plain_label

COUNTY, YEAR, TITLE = "county", "year", "title"

TITLES = {
    COUNTY: QT_TR_NOOP("Correct county"),
    YEAR: QT_TR_NOOP("Correct year"),
    TITLE: QT_TR_NOOP("Rename report"),
}
PROMPTS = {
    COUNTY: QT_TR_NOOP("County, district or county-level city of this report, e.g. 离石区. Add its prefecture when the name is "
        "shared (南京市鼓楼区). Leave empty if it is not known.",
    ),
    YEAR: QT_TR_NOOP("Year of the report (e.g. 2022); empty if not known."),
    TITLE: QT_TR_NOOP("Title of the report:"),
}



class UnitFieldDialog(QDialog):
    def __init__(self, parent: QWidget | None, field: str, current: str, report: str, problem: str = "",
                 choices: list[str] | None = None):
        """`problem`: why the last value was not taken; `choices`: what may be meant, listed to pick."""
        super().__init__(parent)
        self.setObjectName("unitFieldDialog")
        self.field = field
        self.setWindowTitle(tr(TITLES[field]))
        self.setMinimumWidth(440)
        report_label = plain_label(QLabel(report))
        report_label.setWordWrap(True)
        report_label.setStyleSheet("color: #4b5563;")
        prompt = QLabel(tr(PROMPTS[field]))
        prompt.setWordWrap(True)
        self.edit = QLineEdit(current, objectName="unitFieldValue")
        self.edit.selectAll()
        self.problem = plain_label(QLabel(problem, objectName="unitFieldProblem"))
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b91c1c;")
        self.problem.setVisible(bool(problem))
        self.choices = QListWidget(objectName="unitFieldChoices")
        self.choices.addItems(list(choices or []))
        self.choices.setVisible(bool(choices))
        self.choices.setMaximumHeight(140)
        self.choices.currentTextChanged.connect(self.edit.setText)
        self.choices.itemDoubleClicked.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(report_label)
        layout.addWidget(prompt)
        layout.addWidget(self.edit)
        layout.addWidget(self.problem)
        layout.addWidget(self.choices)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, field: str, current: str, report: str, problem: str = "",
            choices: list[str] | None = None) -> str | None:
        dialog = cls(parent, field, current, report, problem, choices)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.edit.text().strip()
