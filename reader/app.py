"""Starting the window: the one place that creates the QApplication.

create_window(project_path) builds the main window for a project without showing it (the
interface language installed, saved geometry and the last place restored); run_gui(project_path)
shows it (default: the last project, else the demo project built on first run); screenshot(png,
project_path, select, lang) renders it offscreen to a PNG and returns.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from reader.resources import resource_path

APP_NAME = "人大报告对读"
WINDOW_SIZE = (1400, 880)
SCREENSHOT_SIZE = (1400, 860)


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
        app.setDesktopFileName("io.github.rendareader.Reader")
        icon = resource_path("icons", "reader.svg")
        if icon.exists():
            app.setWindowIcon(QIcon(str(icon)))
        from reader.ui.pyside_fixes import guard

        guard()  # PySide6 6.12.0 on Python 3.11 would otherwise abort after a while
    from reader.ui.plain import guard_tooltips

    guard_tooltips(app)  # names and document text in tooltips shown literally, never as HTML
    return app


def _project_path(project_path: str | Path | None) -> Path:
    if project_path:
        return Path(project_path)
    from reader.core.ingest.demo import default_project  # the importer loads only when the demo is wanted

    return default_project()


def create_window(project_path: str | Path | None = None, *, lang: str | None = None):
    """The main window for the project at `project_path` (opened, not shown). The window owns the
    open project and closes it when it closes. `lang` ('zh_CN' or 'en') overrides the saved or
    system language for this window."""
    from reader.core.store.db import check_at_open, open_project
    from reader.ui import i18n
    from reader.ui.mainwindow import MainWindow
    from reader.ui.settings import UiSettings

    ensure_app()
    settings = UiSettings()
    i18n.install(lang or i18n.initial_language(settings.language()))
    path = _project_path(project_path)
    project = open_project(path, create=project_path is not None, check=check_at_open(path))
    try:
        window = MainWindow(project, settings)
        window.resize(*WINDOW_SIZE)
        window.restore_state()
        window.restore_place()
    except BaseException:
        project.close()
        raise
    return window


def start_window(project_path: str | Path | None = None):
    """(window, problem): the window on `project_path` (default: the last project, else the demo);
    when that project cannot be opened now (read-only and too old, too new, damaged, another
    program writing it...), the window on the demo project and the ReaderError saying why, for the
    window to show: a program started from a desktop has no terminal for the message."""
    from reader.core.errors import ReaderError

    try:
        return create_window(project_path), None
    except ReaderError as e:
        from reader.core.ingest.demo import ensure_demo_project  # the importer: only when the demo is wanted

        demo = ensure_demo_project()
        if project_path is not None and Path(project_path).resolve() == demo.resolve():
            raise
        return create_window(demo), e


def run_gui(project_path: str | Path | None = None) -> int:
    from PySide6.QtCore import QTimer

    from reader.core import paths

    app = ensure_app()
    window, problem = start_window(project_path)
    paths.remember_project(window.project.path)
    window.settings.add_recent(window.project.path)
    window.show()
    window.raise_()
    window.activateWindow()  # keyboard focus at once, even without a window manager
    if problem is not None:
        QTimer.singleShot(0, lambda: window.open_problem(problem))  # a damaged one: offer its backups
    else:
        QTimer.singleShot(0, window.help.welcome_at_start)  # until the user says not to show it again
    return app.exec()


def screenshot(
    png: str | Path, project_path: str | Path | None = None, select: str | None = None, lang: str | None = None,
    view: str | None = None,
) -> Path:
    """Render the window (offscreen unless a platform is set) to `png`, never waiting for input (a
    message goes to the status bar), and without changing the project `reader` opens next. `select` opens
    "县区/section heading" first (NotFound if there is none); `lang` is 'zh' or 'en'; `view`
    'compare' renders the comparison view instead (aligning the project first if it never was),
    'welcome' the welcome and 'guide' the user guide (each over the window, which is not shown:
    the images of the guide and the README)."""
    from reader.core.errors import WriteFailed
    from reader.core.store.outline_tree import locate

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = ensure_app()
    ui_lang = {"zh": "zh_CN", "en": "en"}.get(lang or "", lang)
    window = create_window(project_path, lang=ui_lang)
    window.unattended = True  # before the first event: the read-only notice must not wait for a click
    try:
        window.resize(*SCREENSHOT_SIZE)
        if select:
            unit_id, section_id = locate(window.project, select)
            window.open_location(unit_id, section_id=section_id)
        window.show()
        shown = window
        if view == "compare":
            shown = window.compare.show()
            _wait_for_ops(app)
        elif view in ("welcome", "guide"):
            shown = _help_view(window, view)
        for _ in range(5):
            app.processEvents()
        png = Path(png)
        if not shown.grab().save(str(png), "PNG"):
            raise WriteFailed(str(png), "QPixmap.save")
    finally:
        window.close()
    return png


def _help_view(window, view: str):
    """The welcome or the guide, shown (not run) over `window` for a screenshot."""
    from reader.ui import i18n
    from reader.ui.dialogs.guide import GuideDialog
    from reader.ui.dialogs.welcome import WelcomeDialog

    if view == "welcome":
        dialog = WelcomeDialog(window, window.help.welcome_paths(), window.settings.show_welcome())
        dialog.adjustSize()
    else:
        dialog = GuideDialog(window, i18n.current())
    dialog.show()
    return dialog


def _wait_for_ops(app, seconds: float = 120) -> None:
    """Let background work (aligning, phrases) finish and deliver its results."""
    import time

    from reader.ui import ops

    end = time.monotonic() + seconds
    while ops.running() and time.monotonic() < end:
        app.processEvents()
        ops.pool().waitForDone(20)
    app.processEvents()
