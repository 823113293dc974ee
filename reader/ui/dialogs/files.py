"""Choosing files: a project to create or open, documents or a folder to import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from reader.core import paths
from reader.ui.i18n import tr
from reader.ui.plain import plain_box


def name_filter(label: str, suffixes) -> str:
    """One name filter of a file dialog: a translated label, then the patterns between ASCII
    parentheses, outside the translation (Qt reads a filter only from `label (*.a *.b)`; full-width
    （ ） in a translation would hide every file)."""
    return f"{label} ({' '.join(f'*{s}' for s in suffixes)})"


def all_files() -> str:
    return name_filter(tr("All files"), [""])


def _project_filter() -> str:
    return ";;".join((name_filter(tr("Renda Reader projects"), [paths.SUFFIX]), all_files()))


class ProjectFileDialog:
    @classmethod
    def ask_new(cls, parent: QWidget | None) -> Path | None:
        start = paths.projects_dir()
        start.mkdir(parents=True, exist_ok=True)
        name, _ = QFileDialog.getSaveFileName(
            parent, tr("New project"), str(start / ("project" + paths.SUFFIX)), _project_filter()
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(paths.SUFFIX)

    @classmethod
    def ask_open(cls, parent: QWidget | None) -> Path | None:
        start = paths.projects_dir()
        if not start.is_dir():  # a folder that is not there yet would open the dialog elsewhere, "projects" typed in
            start = paths.data_dir() if paths.data_dir().is_dir() else Path.home()
        name, _ = QFileDialog.getOpenFileName(parent, tr("Open project"), str(start), _project_filter())
        return Path(name) if name else None


def import_filter() -> str:
    """Reports of every kind we read, REFI-QDA projects and codebooks among them."""
    # imported here: the readers load when needed, not when the window starts
    from reader.core.ingest.importing import RESERVED_SUFFIXES, importable_suffixes

    return ";;".join(
        (
            name_filter(tr("Reports and REFI-QDA files"), importable_suffixes()),
            name_filter(tr("REFI-QDA projects and codebooks"), RESERVED_SUFFIXES),
            all_files(),
        )
    )


def _start(folder: Path | None) -> str:
    """Where a dialog opens: `folder` if it is still there, else the home folder."""
    return str(folder if folder is not None and folder.is_dir() else Path.home())


class ImportDialog:
    """`start`: the folder of the last import (the dialog opens there)."""

    @classmethod
    def ask_files(cls, parent: QWidget | None, start: Path | None = None) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(
            parent,
            tr("Import documents"),
            _start(start),
            import_filter(),
        )
        return [Path(n) for n in names]

    @classmethod
    def ask_folder(cls, parent: QWidget | None, start: Path | None = None) -> Path | None:
        name = QFileDialog.getExistingDirectory(parent, tr("Import a folder"), _start(start))
        return Path(name) if name else None


class ExportFileDialog:
    @classmethod
    def ask_save(cls, parent: QWidget | None, start: Path, file_filter: str) -> Path | None:
        """Where to save an export; the export dialog itself asks before replacing a file."""
        name, _ = QFileDialog.getSaveFileName(
            parent, tr("Export to"), str(start), file_filter, "", QFileDialog.Option.DontConfirmOverwrite
        )
        return Path(name) if name else None


class CodebookFileDialog:
    @classmethod
    def ask_open(cls, parent: QWidget | None, start: Path | None = None) -> Path | None:
        from reader.core.export.codebook_import import CODEBOOK_SUFFIXES
        name, _ = QFileDialog.getOpenFileName(
            parent,
            tr("Import a codebook"),
            str(start or Path.home()),
            ";;".join(
                (
                    name_filter(tr("Codebooks"), CODEBOOK_SUFFIXES),
                    all_files(),
                )
            ),
        )
        return Path(name) if name else None


class ImportSummary:
    """What an import did: a message with the failures listed in the details."""

    @classmethod
    def show(cls, parent: QWidget | None, text: str, details: str = "") -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(parent)
        box.setObjectName("importSummary")
        box.setIcon(QMessageBox.Icon.Warning if details else QMessageBox.Icon.Information)
        box.setWindowTitle(tr("Import"))
        box.setText(text)
        if details:
            box.setDetailedText(details)
        plain_box(box).exec()
