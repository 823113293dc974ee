"""视图 ▸ 扩散 on the main window: the dock (reader.ui.diffusionview), its menu action, counting in
the background (reader.core.analysis.diffusion) and opening a county's first use in the text pane."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget

from reader.core.analysis.diffusion import THEME, Diffusion, FirstUse, diffusion, first_use_span
from reader.ui.diffusionview import DiffusionView
from reader.ui.i18n import tr


class Spreading(QObject):
    """Installed on the main window: the action, the dock and what they do."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.view = DiffusionView()
        self.dock = QDockWidget(objectName="diffusionDock")
        self.dock.setWidget(self.view)
        window.add_dock(self.dock)
        self.dock.hide()
        self.action = QAction(window)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        window.add_action("view", self.action, name="diffusion")
        self.action.triggered.connect(lambda _checked=False: self.show())
        self.view.action = self.action
        self.view.requested.connect(self.count)
        self.view.firstUseActivated.connect(self.open_first_use)
        window.changesApplied.connect(lambda _changes: self.refresh_themes())
        window.projectChanged.connect(lambda _project: self.reset())
        self.refresh_themes()
        self.view.retranslate()

    def show(self) -> None:
        self.refresh_themes()
        self.dock.show()
        self.dock.raise_()
        self.view.phrase_box.setFocus()

    def refresh_themes(self) -> None:
        looks = sorted(getattr(self.window, "looks", {}).items(), key=lambda kv: kv[1].order)
        self.view.set_themes([(tid, look.name, look.depth) for tid, look in looks])

    def reset(self) -> None:
        self.view.result = None
        self.view.chart.set_result(None)
        self.view.model.set_uses([])
        self.refresh_themes()
        self.view.retranslate()

    def count(self, phrase: str, theme_id: int | None) -> None:
        """Count in the background; the view shows the result."""
        self.view.set_busy(phrase or self.view.theme_box.currentText().strip())
        self.window.run_op(
            lambda project, _progress, _cancel: diffusion(project, phrase=phrase or None, theme=theme_id),
            label=tr("Counting"),
            on_done=self.counted,
            progress=False,
        )

    def counted(self, result: Diffusion) -> None:
        self.view.set_result(result)

    def open_first_use(self, use: FirstUse) -> None:
        result = self.view.result
        if result is None:
            return
        if result.kind == THEME:
            self.window.open_location(use.unit, use.start, use.end)
            return
        start, end = first_use_span(self.window.project, use, result.query)
        self.window.open_location(use.unit, start, end)
