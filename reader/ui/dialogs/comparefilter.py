"""Which reports to align in the comparison view: counties, a prefecture, years (the Selection of
reader.core.compare; kinds narrow each other, several counties or years widen). Counties are ticked
as places (two of one name apart, labelled 鼓楼区（福州市）; the reports whose county is not known as
one entry of their own); nothing ticked means all."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reader.core.compare import Choices, Selection
from reader.core.compare.selection import split_names
from reader.ui.dialogs.checklists import CountyChecks
from reader.ui.i18n import tr


class CompareFilterDialog(QDialog):
    def __init__(self, parent: QWidget | None, choices: Choices, current: Selection):
        super().__init__(parent)
        self.setObjectName("compareFilterDialog")
        self.setWindowTitle(tr("Reports to compare"))
        self.setMinimumWidth(480)
        self.counties = CountyChecks(choices.places, count="reports", name="filterCounties")
        self.counties.title.hide()
        self.counties.tree.setMinimumHeight(220)
        # a selection stored before places had keys names them as they resolve
        self.counties.set_checked(current.county_keys or [c.key for c in choices.places if c.qualified in current.counties])
        self.prefecture = QComboBox(objectName="filterPrefecture")
        self.prefecture.addItem(tr("any"), None)
        for name in choices.prefectures:
            self.prefecture.addItem(name, name)
        if current.prefecture:
            self.prefecture.setCurrentIndex(max(self.prefecture.findData(current.prefecture), 0))
        self.years = QLineEdit(_years_text(current.years), objectName="filterYears")
        span = f"{choices.years[0]}-{choices.years[-1]}" if choices.years else "2019-2022"
        self.years.setPlaceholderText(tr("all; or e.g. {span}, or 2021、2022").format(span=span))
        form = QFormLayout()
        form.addRow(tr("Counties:"), self.counties)
        form.addRow(tr("Prefecture:"), self.prefecture)
        form.addRow(tr("Years:"), self.years)
        note = QLabel(tr("No county ticked: all of them.") + "\n"
                      + tr("The chosen reports are aligned again; your corrections are kept."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #4b5563;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Align"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def answer(self) -> tuple[list[str], str | None, list[str]]:
        """(the ticked places' keys, prefecture, year texts as typed): core resolves and checks them."""
        years = split_names(self.years.text())
        return list(self.counties.chosen()), self.prefecture.currentData(), years

    @classmethod
    def ask(cls, parent: QWidget | None, choices: Choices, current: Selection) -> tuple[list[str], str | None, list[str]] | None:
        dialog = cls(parent, choices, current)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.answer()


def _years_text(years: list[int]) -> str:
    if not years:
        return ""
    if years == list(range(years[0], years[-1] + 1)) and len(years) > 2:
        return f"{years[0]}-{years[-1]}"
    return "、".join(str(y) for y in years)
