"""Tagging every section whose heading matches a pattern, as one undoable step. The dialog shows
how many sections match as the user types (through a counting function the window passes in)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reader.ui.i18n import tr
from reader.ui.models.themes import swatch
from reader.ui.plain import plain_label
from reader.ui.textpane import ThemeLook


@dataclass
class PatternInput:
    pattern: str
    regex: bool
    theme_id: int
    subsections: bool
    this_report_only: bool


COUNT_DELAY_MS = 300


class PatternTagDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        looks: dict[int, ThemeLook],
        count: Callable[[str, bool, bool, bool], tuple[int, int] | str],
        pattern: str = "",
        has_report: bool = False,
    ):
        super().__init__(parent)
        self.setObjectName("patternTagDialog")
        self.setWindowTitle(tr("Tag sections by heading"))
        self.setMinimumWidth(480)
        self.count = count
        self.pattern_edit = QLineEdit(pattern, objectName="patternText")
        self.pattern_edit.setPlaceholderText(tr("e.g. 代表 监督 (any of the words)"))
        self.regex_box = QCheckBox(tr("Regular expression"), objectName="patternRegex")
        self.theme_box = QComboBox(objectName="patternTheme")
        for tid, look in sorted(looks.items(), key=lambda kv: kv[1].order):
            self.theme_box.addItem(swatch(look.colour), "  " * look.depth + look.name, tid)
        self.sub_box = QCheckBox(tr("Include subsections in each passage"), objectName="patternSubsections")
        self.sub_box.setChecked(True)
        self.report_box = QCheckBox(tr("Only in the report shown"), objectName="patternThisReport")
        self.report_box.setEnabled(has_report)
        self.preview = plain_label(QLabel(objectName="patternPreview"))
        self.preview.setStyleSheet("color: #1d4ed8;")
        form = QFormLayout()
        form.addRow(tr("Headings containing:"), self.pattern_edit)
        form.addRow("", self.regex_box)
        form.addRow(tr("Tag with:"), self.theme_box)
        form.addRow("", self.sub_box)
        form.addRow("", self.report_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("Tag"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        note = QLabel(tr("All the passages are added as one step: Undo removes them together."))
        note.setStyleSheet("color: #6b7280;")
        layout.addWidget(note)
        layout.addWidget(buttons)
        self._timer = QTimer(self, singleShot=True, interval=COUNT_DELAY_MS)  # counting reads every heading
        self._timer.timeout.connect(self.refresh)
        self.pattern_edit.textChanged.connect(self._changed)
        self.regex_box.toggled.connect(self._changed)
        self.report_box.toggled.connect(self._changed)
        self.sub_box.toggled.connect(self._changed)
        self.refresh()

    def _changed(self, *_args) -> None:
        self.ok_button.setEnabled(False)
        self._timer.start()

    def refresh(self) -> None:
        """Count the sections the pattern matches now."""
        text = self.pattern_edit.text().strip()
        if not text:
            self.preview.setText(tr("Type a word of the headings to tag."))
            self.ok_button.setEnabled(False)
            return
        counted = self.count(text, self.regex_box.isChecked(), self.report_box.isChecked(), self.sub_box.isChecked())
        if isinstance(counted, str):  # a message: the pattern is not valid
            self.preview.setText(counted)
            self.ok_button.setEnabled(False)
            return
        n, passages = counted
        if passages == n:
            self.preview.setText(tr("{n} sections match.").format(n=n))
        else:  # a matching subsection inside a matching section is part of that one's passage
            self.preview.setText(tr("{n} sections match; {inside} lie within another matching section and are "
                                    "tagged with it: {passages} passages.").format(
                n=n, inside=n - passages, passages=passages))
        self.ok_button.setEnabled(n > 0 and self.theme_box.count() > 0)

    def result_input(self) -> PatternInput:
        return PatternInput(
            self.pattern_edit.text().strip(),
            self.regex_box.isChecked(),
            self.theme_box.currentData(),
            self.sub_box.isChecked(),
            self.report_box.isChecked(),
        )

    @classmethod
    def ask(cls, parent: QWidget | None, looks, count, pattern: str = "", has_report: bool = False) -> PatternInput | None:
        dialog = cls(parent, looks, count, pattern, has_report)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.result_input()
