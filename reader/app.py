"""Starting the window: the one place that creates the QApplication.

create_window(project_path) builds the main window for a project without showing it;
run_gui(project_path=None) shows it (default: the last project, else the demo project);
screenshot(png, project_path=None) renders it offscreen to a PNG and returns.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from reader.resources import resource_path

APP_NAME = "人大报告对读"
WINDOW_SIZE = (1200, 800)


def ensure_app():
    """The QApplication (created once, with the program's name and icon)."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("renda-reader")
        app.setApplicationDisplayName(APP_NAME)
        app.setOrganizationName("renda-reader")
        icon = resource_path("icons", "reader.svg")
        if icon.exists():
            app.setWindowIcon(QIcon(str(icon)))
    return app


def _project_path(project_path: str | Path | None) -> Path:
    from reader.core import project as paths

    if project_path:
        return Path(project_path)
    return paths.default_project()


def create_window(project_path: str | Path | None = None):
    """The main window for the project at `project_path` (opened, not shown). The window owns the
    open project and closes it when it closes."""
    from reader.core.store.db import open_project
    from reader.ui.mainwindow import MainWindow

    ensure_app()
    path = _project_path(project_path)
    project = open_project(path, create=project_path is not None)
    try:
        window = MainWindow(project)
    except BaseException:
        project.close()
        raise
    return window


def run_gui(project_path: str | Path | None = None) -> int:
    from reader.core import project as paths

    app = ensure_app()
    window = create_window(project_path)
    paths.remember_project(window.project.path)
    window.resize(*WINDOW_SIZE)
    window.show()
    return app.exec()


def screenshot(png: str | Path, project_path: str | Path | None = None) -> Path:
    """Render the window (offscreen unless a platform is set) to `png`."""
    from reader.core.errors import WriteFailed

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = ensure_app()
    window = create_window(project_path)
    try:
        window.resize(*WINDOW_SIZE)
        window.show()
        window.select_first_unit()
        for _ in range(3):
            app.processEvents()
        png = Path(png)
        if not window.grab().save(str(png), "PNG"):
            raise WriteFailed(str(png), "QPixmap.save")
    finally:
        window.close()
    return png
