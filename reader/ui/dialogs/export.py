"""Exporting: the format, which passages (themes, counties, years; nothing ticked = all), the line
endings of a REFI-QDA project, and where to save. The dialog counts the passages as the choice
changes (reader.core.export.count_passages) and asks before it replaces a file; the window writes.

    choice = ExportDialog.ask(window, project, ExportPreset(format="xlsx", place=("山西省",)))
    if choice: export(project, choice.format, choice.path, choice.selection, force=choice.force, ...)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader.core.errors import ReaderError
from reader.core.export import FORMATS, Selection, count_passages
from reader.core.export.choices import export_choices
from reader.core.export.safe import check_target
from reader.core.store.project import Project
from reader.ui import i18n
from reader.ui.dialogs.checklists import CountyChecks, ThemeChecks, YearChecks
from reader.ui.dialogs.confirm import ConfirmDialog
from reader.ui.dialogs.files import ExportFileDialog, name_filter
from reader.ui.errors import message_for
from reader.ui.i18n import tr, unknown_county
from reader.ui.plain import plain_label

COUNT_DELAY_MS = 0  # a burst of ticks (a province ticks all its counties) is counted once
LF, CRLF = "lf", "crlf"
REASON_STYLE = "color: #b91c1c;"
COUNT_STYLE = "color: #1d4ed8; font-weight: bold;"


@dataclass
class ExportChoice:
    """What the user chose: write `format` to `path` (force: the user agreed to replace it)."""

    format: str
    path: Path
    selection: Selection = field(default_factory=Selection)
    line_endings: str = LF
    force: bool = False


@dataclass
class ExportPreset:
    """What the dialog starts with."""

    format: str | None = None
    folder: Path | None = None
    place: tuple = ()  # an outline place: its counties are ticked
    themes: tuple[int, ...] = ()
    coders: tuple[str, ...] = ()  # only these coders' passages (视图 ▸ 显示标注人); none: everyone's


def documents_folder() -> Path:
    """Where an export goes the first time: the user's Documents folder (else home)."""
    docs = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
    return docs if docs.is_dir() else Path.home()


def default_name(project: Project, fmt: str) -> str:
    spec = FORMATS[fmt]
    text = tr("{project}-passages") if spec.passages else tr("{project}-codebook")
    return text.format(project=project.path.stem) + spec.suffix


class ExportDialog(QDialog):
    def __init__(self, parent: QWidget | None, project: Project, preset: ExportPreset | None = None):
        super().__init__(parent)
        preset = preset or ExportPreset()
        self.setObjectName("exportDialog")
        self.setWindowTitle(tr("Export"))
        self.resize(900, 640)
        self.project = project
        self.choices = export_choices(project)
        self.count = 0
        self.force = False
        self.coders: tuple[str, ...] = tuple(preset.coders)
        self.lang = "zh" if i18n.current() == i18n.ZH else "en"

        self.format_box = QComboBox(objectName="exportFormat")
        previous = None
        for name, spec in FORMATS.items():
            if previous is not None and previous.passages != spec.passages:
                self.format_box.insertSeparator(self.format_box.count())  # the codebook formats below
            self.format_box.addItem(spec.label(self.lang), name)
            previous = spec

        self.themes = ThemeChecks(self.choices)
        self.counties = CountyChecks(self.choices.places)
        self.years = YearChecks(self.choices)
        lists = QSplitter(Qt.Orientation.Horizontal, objectName="exportLists")
        lists.setChildrenCollapsible(False)
        for w, stretch in ((self.themes, 4), (self.counties, 4), (self.years, 2)):
            lists.addWidget(w)
            lists.setStretchFactor(lists.indexOf(w), stretch)
        self.selection_hint = plain_label(QLabel(objectName="exportSelectionHint"))
        self.selection_hint.setWordWrap(True)
        self.selection_hint.setStyleSheet("color: #6b7280;")
        self.selection_group = QGroupBox(tr("Which passages"), objectName="exportSelection")
        group_layout = QVBoxLayout(self.selection_group)
        group_layout.addWidget(self.selection_hint)
        group_layout.addWidget(lists, 1)
        clear = QPushButton(tr("Untick all"), objectName="exportClear")
        clear.clicked.connect(self.clear_selection)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(clear)
        group_layout.addLayout(row)

        self.lf_button = QRadioButton(tr("LF: ATLAS.ti, QualCoder"), objectName="exportLf")
        self.crlf_button = QRadioButton(tr("CRLF: MAXQDA"), objectName="exportCrlf")
        self.lf_button.setChecked(True)
        endings = QButtonGroup(self)
        endings.addButton(self.lf_button)
        endings.addButton(self.crlf_button)
        self.endings_row = QWidget(objectName="exportLineEndings")
        endings_layout = QHBoxLayout(self.endings_row)
        endings_layout.setContentsMargins(0, 0, 0, 0)
        endings_layout.addWidget(self.lf_button)
        endings_layout.addWidget(self.crlf_button)
        endings_layout.addStretch(1)
        self.endings_label = QLabel(tr("Line endings:"))

        self.path_edit = QLineEdit(objectName="exportPath")
        self.path_edit.setMinimumWidth(420)
        browse = QPushButton(tr("Browse…"), objectName="exportBrowse")
        browse.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(tr("Format:"), self.format_box)
        top = QVBoxLayout()
        top.addLayout(form)
        bottom = QFormLayout()
        bottom.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        bottom.addRow(self.endings_label, self.endings_row)
        bottom.addRow(tr("Save as:"), path_row)

        self.count_label = QLabel(objectName="exportCount")
        self.count_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("Export"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        foot = QHBoxLayout()
        foot.addWidget(self.count_label, 1)
        foot.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.selection_group, 1)
        layout.addLayout(bottom)
        layout.addLayout(foot)

        self._timer = QTimer(self, singleShot=True, interval=COUNT_DELAY_MS)
        self._timer.timeout.connect(self.refresh_count)
        for checks in (self.themes, self.counties, self.years):
            checks.changed.connect(self._timer.start)
        self.path_edit.textChanged.connect(self._path_changed)

        fmt = preset.format if preset.format in FORMATS else "xlsx"
        self.format_box.setCurrentIndex(self.format_box.findData(fmt))
        folder = preset.folder if preset.folder and preset.folder.is_dir() else documents_folder()
        self.path_edit.setText(str(folder / default_name(project, fmt)))
        self.themes.set_checked(preset.themes)
        if preset.place:
            self.counties.set_checked_place(preset.place)
        self.format_box.currentIndexChanged.connect(self._format_changed)
        self._format_changed()

    # == state ========================================================================================
    def format_name(self) -> str:
        return self.format_box.currentData()

    def selection(self) -> Selection:
        return Selection(self.themes.chosen(), self.counties.chosen(), self.years.chosen(), self.coders)

    def path(self) -> Path | None:
        text = self.path_edit.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        return path if path.suffix else path.with_name(path.name + FORMATS[self.format_name()].suffix)

    def line_endings(self) -> str:
        return CRLF if self.crlf_button.isChecked() else LF

    def choice(self) -> ExportChoice:
        spec = FORMATS[self.format_name()]
        return ExportChoice(
            self.format_name(),
            self.path(),
            self.selection() if spec.passages else Selection(),
            self.line_endings(),
            self.force,
        )

    # == reacting =====================================================================================
    def _format_changed(self, _index: int = -1) -> None:
        spec = FORMATS[self.format_name()]
        self.selection_group.setEnabled(spec.passages)
        if not spec.passages:
            hint = tr("The codebook alone: every theme is written, so the lists do not apply.")
        else:
            hint = tr("Nothing ticked in a list means all of it. A ticked theme includes its subthemes.")
            if self.choices.without_county:
                hint += " " + tr("Passages in reports whose county is not known ({n}) are listed under "
                                 "“{name}” in the counties.").format(n=self.choices.without_county, name=unknown_county())
            if self.coders:
                hint += " " + tr("Only the passages of {names}, the coders shown in the window (View ▸ Show "
                                 "coders).").format(names="、".join(c or "—" for c in self.coders))
        self.selection_hint.setText(hint)
        self.endings_row.setVisible(spec.line_endings)
        self.endings_label.setVisible(spec.line_endings)
        self._retarget(spec)
        self.refresh_count()

    def _retarget(self, spec) -> None:
        """The path follows the format: its suffix, and its name when it is still the default one."""
        text = self.path_edit.text().strip()
        if not text:
            return
        path = Path(text)
        defaults = {Path(default_name(self.project, f)).stem for f in FORMATS}
        if path.stem in defaults:
            path = path.with_name(default_name(self.project, spec.name))
        else:
            path = path.with_suffix(spec.suffix)
        self.path_edit.setText(str(path))

    def _path_changed(self, text: str) -> None:
        """A typed name ending in another format's suffix (.csv, .docx) chooses that format, one of
        the same kind (passages or codebook) first."""
        suffix = Path(text.strip()).suffix.lower()
        spec = FORMATS[self.format_name()]
        if suffix and suffix != spec.suffix:
            same = sorted((f for f in FORMATS.values() if f.suffix == suffix), key=lambda f: f.passages != spec.passages)
            if same:
                self.format_box.setCurrentIndex(self.format_box.findData(same[0].name))
        self._update_ok()

    def clear_selection(self) -> None:
        for checks in (self.themes, self.counties, self.years):
            checks.clear()
        self.refresh_count()

    def refresh_count(self) -> None:
        """Count what the export would write now, and say so."""
        spec = FORMATS[self.format_name()]
        if not spec.passages:
            self.count = self.choices.theme_count()
            if self.count:
                self._say(tr("The codebook will be exported: {n} themes.").format(n=self.count))
            else:
                self._say(tr("The codebook is empty: there is nothing to export."), reason=True)
        else:
            try:
                self.count = count_passages(self.project, self.selection())
            except ReaderError as e:  # the project changed under the dialog
                self.count = 0
                self._say(message_for(e), reason=True)
                return self._update_ok()
            if self.count:
                self._say(tr("Passages to export: {n}").format(n=self.count))
            elif not self.choices.passages:
                self._say(tr("No passage is tagged yet: tag some passages first."), reason=True)
            else:
                self._say(tr("No passage matches this choice: tick other themes, counties or years."), reason=True)
        self._update_ok()

    def _say(self, text: str, *, reason: bool = False) -> None:
        self.count_label.setText(text)
        self.count_label.setStyleSheet(REASON_STYLE if reason else COUNT_STYLE)

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(self.count > 0 and self.path() is not None)

    def browse(self) -> None:
        spec = FORMATS[self.format_name()]
        start = self.path() or documents_folder() / default_name(self.project, spec.name)
        chosen = ExportFileDialog.ask_save(self, start, name_filter(spec.label(self.lang), [spec.suffix]))
        if chosen is not None:
            self.path_edit.setText(str(chosen if chosen.suffix else chosen.with_suffix(spec.suffix)))

    # == closing ======================================================================================
    def accept(self) -> None:
        """Export: refused with the reason when the file cannot be written, asked first when it
        would replace a file (No: back to the dialog)."""
        self._timer.stop()
        self.refresh_count()
        path = self.path()
        if path is None or self.count == 0:
            return
        try:
            check_target(path, force=True)
        except ReaderError as e:
            self._say(message_for(e), reason=True)
            return
        self.force = False
        if path.is_file():  # a device or a pipe (/dev/null) is written through, never replaced
            if not ConfirmDialog.ask(
                self,
                tr("Replace file"),
                tr("“{name}” already exists in {folder}. Replace it?").format(name=path.name, folder=path.parent),
                tr("Replace"),
                tr("The old file stays until the new one is written completely."),
            ):
                return
            self.force = True
        self.path_edit.setText(str(path))
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, project: Project, preset: ExportPreset | None = None) -> ExportChoice | None:
        dialog = cls(parent, project, preset)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice()
