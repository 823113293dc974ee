"""Whose passages the main window shows, and who tags here (a mixin of MainWindow: the coder
filter is part of what the reading pane, the passage list, the matrix and the export preset show):

- 编辑 ▸ 标注人…: the name passages tagged here are stored under (kept on this computer);
- 视图 ▸ 显示标注人: every coder's passages, or only chosen coders' (the highlights, the margin
  stripes, the passage list, the matrix and the export dialog's preset follow).

Merging a teammate's copy and the agreement window: reader.ui.team.controller.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from reader.core.errors import ReaderError
from reader.core.store import passage_scope
from reader.core.store.coders import coder_label, current_coder, list_coders, set_current_coder
from reader.ui import i18n
from reader.ui.dialogs.coder import CoderDialog
from reader.ui.i18n import tr
from reader.ui.plain import menu_text


class CodersMixin:
    coder_filter: tuple[str, ...] | None = None  # None: every coder's passages are shown

    def init_coders(self) -> None:
        """Called once the menus are built: the 显示标注人 submenu of View."""
        self.coders_menu = QMenu(self)
        self.coders_menu.setObjectName("menu_coders")
        self.coders_menu.aboutToShow.connect(self.fill_coders_menu)
        self.menus["view"].insertMenu(self.actions["original"], self.coders_menu)
        self.menus["view"].aboutToShow.connect(self._retitle_coders)
        self.projectChanged.connect(self._coders_project_changed)
        self._retitle_coders()

    def _retitle_coders(self) -> None:
        self.coders_menu.setTitle(tr("Show co&ders"))

    # == the current coder =============================================================================
    def coder_dialog(self) -> None:
        """编辑 ▸ 标注人…"""
        name = CoderDialog.ask(self, current_coder(), [c.name for c in list_coders(self.project) if c.name])
        if name is None:
            return
        try:
            name = set_current_coder(name)
        except ReaderError as e:
            self.show_error(e)
            return
        self.status(tr("Passages you tag are stored under {name}.").format(name=name))

    # == whose passages are shown ======================================================================
    def fill_coders_menu(self) -> None:
        menu = self.coders_menu
        menu.clear()
        group = QActionGroup(menu)
        group.setExclusive(False)
        everyone = QAction(tr("&All coders"), menu, checkable=True, objectName="action_coders_all")
        everyone.setChecked(self.coder_filter is None)
        everyone.triggered.connect(lambda _c=False: self.set_coder_filter(None))
        menu.addAction(everyone)
        menu.addSeparator()
        lang = i18n.message_lang()
        for c in list_coders(self.project):
            label = f"{menu_text(coder_label(c.name, lang))}  ({c.passages})"
            action = QAction(label, menu, checkable=True)
            action.setChecked(self.coder_filter is None or c.name in self.coder_filter)
            action.triggered.connect(lambda checked, name=c.name: self.toggle_coder(name, checked))
            group.addAction(action)
            menu.addAction(action)

    def toggle_coder(self, name: str, shown: bool) -> None:
        everyone = [c.name for c in list_coders(self.project)]
        current = set(everyone if self.coder_filter is None else self.coder_filter)
        current = current | {name} if shown else current - {name}
        self.set_coder_filter(None if current >= set(everyone) else tuple(n for n in everyone if n in current))

    def set_coder_filter(self, coders: tuple[str, ...] | None) -> None:
        """Show every coder's passages (None) or only `coders`': highlights, stripes, the passage
        list and the matrix follow; so does the export dialog's preset."""
        self.coder_filter = None if coders is None else tuple(coders)
        if self.shown.unit_id is not None:
            self.text_pane.set_passages(self.unit_highlights(self.shown.unit_id))
        self.refresh_passage_list()
        self.matrix_stale = True
        if self.matrix_dock.isVisible():
            self.matrix_timer.start()
        lang = i18n.message_lang()
        if coders is None:
            self.status(tr("Showing every coder's passages."))
        else:
            names = "、".join(coder_label(c, lang) for c in coders) or tr("nobody")
            self.status(tr("Showing the passages of {names} only.").format(names=names), 0)

    def unit_highlights(self, unit_id: int) -> list[tuple[int, int, int, list[int]]]:
        """The passages of a report the pane highlights (of the coders shown), telling the pane whose
        each one is."""
        self.text_pane.passage_coders = passage_scope.passage_coders(self.project, unit_id)
        return passage_scope.unit_passages(self.project, unit_id, self.coder_filter)

    def coder_scope(self, scope, label: str):
        """The passage list's scope and its label, narrowed to the coders shown."""
        if self.coder_filter is None:
            return scope, label
        from dataclasses import replace

        names = "、".join(coder_label(c, i18n.message_lang()) for c in self.coder_filter) or tr("nobody")
        return replace(scope, coders=self.coder_filter), tr("{scope} · coders: {names}").format(scope=label, names=names)

    def _coders_project_changed(self, _project) -> None:
        self.coder_filter = None
