"""Choosing files: a project to create or open, documents or a folder to import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from reader.core import project as paths
from reader.ui.i18n import tr


def _project_filter() -> str:
    return tr("Renda Reader projects (*.renda);;All files (*)")


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
        name, _ = QFileDialog.getOpenFileName(parent, tr("Open project"), str(paths.projects_dir()), _project_filter())
        return Path(name) if name else None


class ImportDialog:
    @classmethod
    def ask_files(cls, parent: QWidget | None) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(
            parent,
            tr("Import documents"),
            str(Path.home()),
            tr("Reports (*.txt *.md *.docx *.html *.htm *.pdf);;All files (*)"),
        )
        return [Path(n) for n in names]

    @classmethod
    def ask_folder(cls, parent: QWidget | None) -> Path | None:
        name = QFileDialog.getExistingDirectory(parent, tr("Import a folder"), str(Path.home()))
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
        box.exec()
