"""Which reports to align in the comparison view: counties, a prefecture, years (the Selection of
reader.core.compare; kinds narrow each other, several counties or years widen)."""

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
from reader.ui.i18n import tr


class CompareFilterDialog(QDialog):
    def __init__(self, parent: QWidget | None, choices: Choices, current: Selection):
        super().__init__(parent)
        self.setObjectName("compareFilterDialog")
        self.setWindowTitle(tr("Reports to compare"))
        self.setMinimumWidth(480)
        self.counties = QLineEdit("、".join(current.counties), objectName="filterCounties")
        self.counties.setPlaceholderText(tr("all; or names separated by 、 e.g. {examples}").format(
            examples="、".join(choices.counties[:2]) or "某某县、某某区"))
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
        note = QLabel(tr("The chosen reports are aligned again; your corrections are kept."))
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
        """(county names, prefecture, year texts) as typed: core resolves and checks them."""
        counties = split_names(self.counties.text())
        years = split_names(self.years.text())
        return counties, self.prefecture.currentData(), years

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
