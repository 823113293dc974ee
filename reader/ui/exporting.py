"""The main window's exchange side: 文件 ▸ 导出… (passages or the codebook, written in the
background with progress and cancel; the old file stays on a cancel or a failure) and 文件 ▸
导入编码表… (a codebook merged into the themes as one undoable step). Importing a .qdpx/.qdc goes
through 文件 ▸ 导入文档 like any document (projects.py). ExchangeController, owned by MainWindow."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TR_NOOP, QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QPushButton

from reader.core.errors import ReaderError
from reader.ui import i18n
from reader.ui import settings as keys
from reader.ui.commands import ThemeCommand
from reader.ui.dialogs.files import CodebookFileDialog
from reader.ui.i18n import tr

if TYPE_CHECKING:  # the exports are imported when first used: not at start
    from reader.core.export import ExportResult
    from reader.ui.dialogs.export import ExportChoice, ExportPreset

STATUS_MS = 20000
CODEBOOK_DEFAULT = "codebook-xlsx"


class ExchangeController(QObject):
    """文件 ▸ 导出…, 导出编码表… and 导入编码表…, owned by the main window (window.exchange). Of the
    window it uses the public API (project, settings, run_op, status, show_error, undo_stack,
    apply_changes) and where the user is (shown.place, the passage list's theme, coder_filter) for
    the export dialog's preset."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.folder_button: QPushButton | None = None  # 打开所在文件夹, in the status bar after an export
        self.export_path: Path | None = None
        self._export_message: str | None = None

    # == export ======================================================================================
    def export_dialog(self) -> None:
        self._ask_export(self.window.settings.text(keys.EXPORT_FORMAT) or None)

    def export_codebook_dialog(self) -> None:
        from reader.core.export import FORMATS
        last = self.window.settings.text(keys.EXPORT_FORMAT)
        self._ask_export(last if last in FORMATS and not FORMATS[last].passages else CODEBOOK_DEFAULT)

    def export_preset(self, fmt: str | None) -> ExportPreset:
        """Start from the last format and folder, the place chosen in the outline and the theme the
        passage list is filtered by."""
        from reader.ui.dialogs.export import ExportPreset
        folder = self.window.settings.text(keys.EXPORT_FOLDER)
        theme = self.window.passage_list.theme_id()
        return ExportPreset(
            format=fmt,
            folder=Path(folder) if folder else None,
            place=tuple(self.window.shown.place or ()),
            themes=(theme,) if theme is not None else (),
            coders=tuple(self.window.coder_filter or ()),
        )

    def _ask_export(self, fmt: str | None) -> None:
        from reader.ui.dialogs.export import ExportDialog
        choice = ExportDialog.ask(self.window, self.window.project, self.export_preset(fmt))
        if choice is not None:
            self.start_export(choice)

    def start_export(self, choice: ExportChoice):
        """Write the export in the background; returns the Op."""
        from reader.core.export import export
        self.window.settings.set_text(keys.EXPORT_FORMAT, choice.format)
        self.window.settings.set_text(keys.EXPORT_FOLDER, str(choice.path.parent))
        lang = i18n.message_lang()
        self.window.status(tr("Exporting…"))
        return self.window.run_op(
            lambda project, progress, cancel: export(
                project,
                choice.format,
                choice.path,
                choice.selection,
                force=choice.force,
                lang=lang,
                line_endings=choice.line_endings,
                progress=progress,
                cancel=cancel,
            ),
            label=tr("Exporting to {name}").format(name=choice.path.name),
            on_done=self.exported,
            cancellable=True,
        )

    def exported(self, result: ExportResult) -> None:
        """Say what was written, with a button that opens its folder."""
        from reader.core.export import FORMATS
        name = result.path.name
        if not FORMATS[result.format].passages:
            text = tr("Codebook exported: {themes} themes → {name}").format(themes=result.themes, name=name)
        elif result.format == "qdpx":
            text = tr("Exported {passages} passages, {sources} reports and {themes} themes → {name}").format(
                passages=result.passages, sources=result.sources, themes=result.themes, name=name
            )
        else:
            text = tr("Exported {passages} passages → {name}").format(passages=result.passages, name=name)
        if result.renamed:  # QDA tools key codes by name
            text += " " + tr("{count} themes written with their parent's name too (another theme has the same name).").format(
                count=len(result.renamed))
        self.window.status(text, STATUS_MS)
        self.show_folder_button(result.path)

    def show_folder_button(self, path: Path) -> None:
        button = self.folder_button
        if button is None:
            button = self.folder_button = QPushButton(objectName="openFolderButton")
            button.setFlat(True)
            button.setStyleSheet("color: #1d4ed8; text-decoration: underline; padding: 0 6px;")
            button.clicked.connect(self.open_export_folder)
            self.window.statusBar().insertPermanentWidget(0, button)
            self.window.statusBar().messageChanged.connect(self._status_changed)
        button.setText(tr("Open containing folder"))
        button.setToolTip(str(path))
        self.export_path = path
        self._export_message = self.window.statusBar().currentMessage()
        button.show()

    def _status_changed(self, text: str) -> None:
        if text != self._export_message:
            self.folder_button.hide()

    def open_export_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.export_path.parent)))

    # == codebook import ===========================================================================
    def import_codebook_dialog(self) -> None:
        folder = self.window.settings.text(keys.EXPORT_FOLDER)
        path = CodebookFileDialog.ask_open(self.window, Path(folder) if folder else None)
        if path is not None:
            self.import_codebook_file(path)

    def import_codebook_file(self, path: Path) -> bool:
        """Merge a codebook (.qdc .csv .xlsx) into the themes by path, as one undoable step."""
        from reader.core.export.codebook_import import import_codebook
        command = ThemeCommand(self.window, QT_TR_NOOP("Import codebook"), lambda p: import_codebook(p, path))
        try:
            changes = command.first()
        except ReaderError as e:
            self.window.show_error(e)
            return False
        report = command.outcome
        if report.added:
            self.window.undo_stack.push(command)
            self.window.apply_changes(changes)
        self.window.status(
            tr("Codebook imported from {name}: {added} themes added, {kept} already there (kept as they were).").format(
                name=path.name, added=len(report.added), kept=len(report.kept)
            ),
            STATUS_MS,
        )
        return bool(report.added)
