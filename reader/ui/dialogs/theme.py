"""The theme editor (new or existing theme: name, colour, shortcut, keywords) and the theme
picker (the target of a merge)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.store.theme_edits import parse_keywords
from reader.ui.i18n import tr
from reader.ui.models.themes import swatch
from reader.ui.plain import plain_label
from reader.ui.textpane import ThemeLook

PALETTE = ("#c0392b", "#2471a3", "#27ae60", "#d68910", "#8e44ad", "#e74c3c", "#16a085", "#7f8c8d", "#f39c12",
           "#2e86c1", "#1e8449", "#a93226")



@dataclass
class ThemeInput:
    name: str
    colour: str
    shortcut: str  # '' for none
    keywords: list[str]


class ThemeDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        *,
        title: str,
        name: str = "",
        colour: str | None = None,
        shortcut: str | None = None,
        keywords: list[str] | None = None,
        holders: dict[str, str] | None = None,
        parent_name: str | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("themeDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.colour = colour or PALETTE[0]
        self.name_edit = QLineEdit(name, objectName="themeName")
        self.colour_button = QPushButton(objectName="themeColour")
        self.colour_button.clicked.connect(self._pick_colour)
        self.shortcut_box = QComboBox(objectName="themeShortcut")
        self.shortcut_box.addItem(tr("none"), "")
        for key in "123456789":
            holder = (holders or {}).get(key)
            label = key if not holder else tr("{key} (now: {theme})").format(key=key, theme=holder)
            self.shortcut_box.addItem(label, key)
        self.shortcut_box.setCurrentIndex(max(self.shortcut_box.findData(shortcut or ""), 0))
        self.keywords_edit = QLineEdit("、".join(keywords or []), objectName="themeKeywords")
        self.keywords_edit.setPlaceholderText(tr("e.g. 代表联络站、代表之家"))
        form = QFormLayout()
        if parent_name:
            form.addRow(tr("Under:"), plain_label(QLabel(parent_name)))
        form.addRow(tr("Name:"), self.name_edit)
        form.addRow(tr("Colour:"), self.colour_button)
        form.addRow(tr("Shortcut key:"), self.shortcut_box)
        form.addRow(tr("Keywords:"), self.keywords_edit)
        hint = QLabel(tr("Keywords are used for suggestions only: sentences that contain them are offered, never tagged by themselves."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #6b7280;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.name_edit.textChanged.connect(lambda t: self.ok_button.setEnabled(bool(t.strip())))
        self.ok_button.setEnabled(bool(name.strip()))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self._show_colour()

    def _show_colour(self) -> None:
        self.colour_button.setIcon(swatch(self.colour, 16))
        self.colour_button.setText(self.colour)

    def _pick_colour(self) -> None:
        c = QColorDialog.getColor(QColor(self.colour), self, tr("Theme colour"))
        if c.isValid():
            self.colour = c.name()
            self._show_colour()

    def result_input(self) -> ThemeInput:
        return ThemeInput(
            self.name_edit.text().strip(),
            self.colour,
            self.shortcut_box.currentData() or "",
            parse_keywords(self.keywords_edit.text()),
        )

    @classmethod
    def ask(cls, parent: QWidget | None, **kwargs) -> ThemeInput | None:
        dialog = cls(parent, **kwargs)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.result_input()


class ThemePickerDialog(QDialog):
    """Choose one theme (e.g. the one to merge into)."""

    def __init__(self, parent: QWidget | None, looks: dict[int, ThemeLook], exclude: set[int], title: str, prompt: str):
        super().__init__(parent)
        self.setObjectName("themePickerDialog")
        self.setWindowTitle(title)
        self.resize(380, 460)
        self.list = QListWidget(objectName="themePickerList")
        for tid, look in sorted(looks.items(), key=lambda kv: kv[1].order):
            if tid in exclude:
                continue
            item = QListWidgetItem(swatch(look.colour), "    " * look.depth + look.name)
            item.setData(Qt.ItemDataRole.UserRole, tid)
            self.list.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        label = plain_label(QLabel(prompt))
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(buttons)
        layout.addLayout(row)

    def chosen(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    @classmethod
    def ask(cls, parent: QWidget | None, looks: dict[int, ThemeLook], exclude: set[int], title: str, prompt: str) -> int | None:
        dialog = cls(parent, looks, exclude, title, prompt)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen()
