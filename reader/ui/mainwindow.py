"""The main window: outline on the left, the text in the centre, codebook and passages on the
right, search results and the theme matrix in docks below. Holds no SQL and no text rule.

This module is the frame: widgets and docks, the menus (built in one place, from ACTIONS), the
one undo stack, language switching, saved state, and the public API other parts use to extend the
window:

    window.add_action("view", action)              # a menu entry (menus: file edit view tag help)
    window.add_dock(dock)                          # a dock below the text, with a View menu toggle
    window.run_op(fn, label=..., on_done=...)      # background work, see reader.ui.ops
    window.show_error(exc)                         # the one error display (reader.ui.errors)
    window.push(command)                           # an undoable change (reader.ui.commands)
    window.open_location(unit_id, start, end)      # show a report at a span, highlighted
    window.projectChanged / window.changesApplied  # signals to refresh what you add

The parts with a state of their own are objects the window owns and wires (each says which of
the window's attributes it uses), built before the menus so that a menu entry can name them
("compare.show"): window.compare (the comparison view, reader.ui.compare.controller), window.help
(welcome, guide, about), window.exchange (export, codebook import: exporting.py), window.team
(merging a teammate's copy, the agreement window), window.recleaning, window.scans (a scan beside
its text), window.spreading (视图 ▸ 扩散).

What shares the window's reading state (the report shown, its looks, the coder filter) stays in
mixins of the window: reading.py (showing, search, matrix), editing.py (tagging, themes, report
corrections), projects.py (new/open/import), team/coders.py (whose passages are shown, who tags).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from reader.core.errors import ReaderError
from reader.core.store import outline_tree
from reader.core.store.project import IN_USE, Project
from reader.ui import errors, i18n, ops
from reader.ui import settings as keys
from reader.ui.breadcrumb import Breadcrumb
from reader.ui.changes import Changes
from reader.ui.commands import Command, retranslate_history
from reader.ui.compare.controller import CompareController
from reader.ui.diffusion import Spreading
from reader.ui.docklayout import DockFitter
from reader.ui.editing import EditingMixin
from reader.ui.exporting import ExchangeController
from reader.ui.findbar import FindBar
from reader.ui.helping import HelpController, plain
from reader.ui.i18n import tr
from reader.ui.matrixview import MatrixView
from reader.ui.menus import ACTIONS, APP_TITLE, MENUS
from reader.ui.models.outline import OutlineModel
from reader.ui.models.themes import ThemeModel
from reader.ui.outlinepanel import OutlinePanel
from reader.ui.passagelist import PassageList
from reader.ui.passagestrip import PassageStrip
from reader.ui.projects import ProjectMixin
from reader.ui.reading import ReadingMixin
from reader.ui.recleaning import Recleaning
from reader.ui.scanview import ScanController
from reader.ui.searchpanel import SearchPanel
from reader.ui.settings import UiSettings
from reader.ui.shortcuts import set_history_keys, set_keys
from reader.ui.suggestionlist import SuggestionList
from reader.ui.team.coders import CodersMixin
from reader.ui.team.controller import TeamController
from reader.ui.textpane import TextPane
from reader.ui.themepanel import ThemePanel

CLOSE_WAIT_MS = 5000
MATRIX_DELAY_MS = 400
LANGUAGE_NAMES = {i18n.ZH: "中文", i18n.EN: "English"}



class MainWindow(ProjectMixin, EditingMixin, ReadingMixin, CodersMixin, QMainWindow):
    projectChanged = Signal(object)  # the new Project
    changesApplied = Signal(object)  # a Changes, after the panels were refreshed

    def __init__(self, project: Project, settings: UiSettings | None = None):
        QMainWindow.__init__(self)
        self.setObjectName("mainWindow")
        self.project = project
        self.settings = settings or UiSettings()
        self.undo_stack = QUndoStack(self)
        self.actions: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        self.docks: list[QDockWidget] = []
        self.closed = False
        self.unattended = False  # a screenshot: nothing waits for input, messages go to the status bar
        self.compare = CompareController(self)  # 视图 ▸ 对比视图: the comparison window (reader.ui.compare)
        self.help = HelpController(self)  # 帮助: welcome, guide, about (reader.ui.helping)
        self.exchange = ExchangeController(self)  # 文件 ▸ 导出…, 导入编码表… (reader.ui.exporting)
        self.team = TeamController(self)  # 文件 ▸ 合并项目, 视图 ▸ 编码一致性 (reader.ui.team.controller)
        self.init_reading()
        self._build_widgets()
        self._build_docks()
        self._build_menus()
        self._connect()
        self.init_coders()  # 编辑 ▸ 标注人, 视图 ▸ 显示标注人 (reader.ui.team.coders)
        self.recleaning = Recleaning(self)  # 编辑 ▸ 重新清理文本…, and the unplaced passages panel
        self.scans = ScanController(self)  # the page image beside a text read by OCR, line corrections
        self.spreading = Spreading(self)  # 视图 ▸ 扩散
        self.retranslate_ui()
        self.load_project_views()
        QTimer.singleShot(0, self.announce_read_only)
        QTimer.singleShot(0, self.check_integrity_later)

    # == building ===================================================================================
    def _build_widgets(self) -> None:
        self.outline_model = OutlineModel(self.project, self)
        self.outline_panel = OutlinePanel(self.outline_model)
        self.outline_view = self.outline_panel.view
        self.text_pane = TextPane()
        self.text_pane.apply_font(self.settings.font_size())
        self.breadcrumb = Breadcrumb()
        self.passage_strip = PassageStrip()
        self.find_bar = FindBar(self.text_pane)
        centre = QWidget(objectName="centre")
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.breadcrumb)
        layout.addWidget(self.text_pane, 1)
        layout.addWidget(self.passage_strip)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(centre)

        self.theme_model = ThemeModel(self)
        self.theme_panel = ThemePanel(self.theme_model)
        self.passage_list = PassageList()
        self.suggestion_list = SuggestionList()
        self.right_tabs = QTabWidget(objectName="rightTabs")
        self.right_tabs.addTab(self.passage_list, "")
        self.right_tabs.addTab(self.suggestion_list, "")
        self.right_splitter = QSplitter(Qt.Orientation.Vertical, objectName="rightSplitter")
        self.right_splitter.addWidget(self.theme_panel)
        self.right_splitter.addWidget(self.right_tabs)
        self.right_splitter.setStretchFactor(0, 1)
        self.right_splitter.setStretchFactor(1, 1)

        self.search_panel = SearchPanel()
        self.matrix_view = MatrixView()
        self.search_box = QLineEdit(objectName="searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(280)
        self.matrix_timer = QTimer(self, singleShot=True, interval=MATRIX_DELAY_MS)
        self.matrix_timer.timeout.connect(self.recount_matrix)
        self.count_label = QLabel(objectName="countLabel")
        self.statusBar().addPermanentWidget(self.count_label)

    def _dock(self, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(self, objectName=name)
        dock.setWidget(widget)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self) -> None:
        self.setDockNestingEnabled(True)
        self.outline_dock = self._dock("outlineDock", self.outline_panel, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.right_dock = self._dock("themeDock", self.right_splitter, Qt.DockWidgetArea.RightDockWidgetArea)
        self.search_dock = self._dock("searchDock", self.search_panel, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.matrix_dock = self._dock("matrixDock", self.matrix_view, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.tabifyDockWidget(self.search_dock, self.matrix_dock)
        self.search_dock.hide()
        self.matrix_dock.hide()
        self.resizeDocks([self.outline_dock, self.right_dock], [330, 380], Qt.Orientation.Horizontal)
        self.docks = [self.outline_dock, self.right_dock, self.search_dock, self.matrix_dock]
        self.dock_fitter = DockFitter(self, [self.outline_dock, self.right_dock], self.text_pane)  # text first
        self.dock_fitter.set_preferred({self.outline_dock: 330, self.right_dock: 380})

    def _build_menus(self) -> None:
        bar = self.menuBar()
        for key, _text in MENUS:
            menu = bar.addMenu("")
            menu.setObjectName(f"menu_{key}")
            self.menus[key] = menu
        undo = QAction(self, enabled=False)
        undo.triggered.connect(self.undo_stack.undo)
        self.undo_stack.canUndoChanged.connect(undo.setEnabled)
        redo = QAction(self, enabled=False)
        redo.triggered.connect(self.undo_stack.redo)
        self.undo_stack.canRedoChanged.connect(redo.setEnabled)
        self.undo_stack.undoTextChanged.connect(self._relabel_undo)
        self.undo_stack.redoTextChanged.connect(self._relabel_undo)
        for raw, menu_key, _text, shortcut, handler in ACTIONS:
            name = raw.lstrip("-")
            menu = self.menus[menu_key]
            if raw.startswith("-"):
                menu.addSeparator()
            if name == "recent":
                self.recent_menu = menu.addMenu("")
                self.recent_menu.setObjectName("menu_recent")
                self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
                continue
            if name == "language":
                self._build_language_menu(menu)
                continue
            if name == "undo":
                action = undo
            elif name == "redo":
                action = redo
            else:
                action = QAction(self)
                action.triggered.connect(self._handler(handler))
            action.setObjectName(f"action_{name}")
            set_keys(action, shortcut)
            menu.addAction(action)
            self.actions[name] = action
        set_history_keys(undo, redo)  # Ctrl+Z undoes the project's changes wherever the focus is
        self.actions["original"].setCheckable(True)
        self.actions["matrix"].setCheckable(False)
        view = self.menus["view"]
        view.addSeparator()
        self.panels_menu = view.addMenu("")
        self.panels_menu.setObjectName("menu_panels")
        for dock in self.docks:
            self.panels_menu.addAction(dock.toggleViewAction())
        self.tag_theme_menu = self.menus["tag"].addMenu("")
        self.tag_theme_menu.setObjectName("menu_tag_as")
        self.tag_theme_menu.aboutToShow.connect(self.fill_tag_menu)
        toolbar = QToolBar(self, objectName="mainToolBar")
        toolbar.setMovable(False)
        toolbar.addAction(self.actions["import_files"])
        toolbar.addAction(self.actions["matrix"])
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addWidget(self.search_box)
        self.addToolBar(toolbar)
        self.toolbar = toolbar

    def _build_language_menu(self, menu: QMenu) -> None:
        self.language_menu = menu.addMenu("")
        self.language_menu.setObjectName("menu_language")
        group = QActionGroup(self)
        group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for lang in i18n.LANGUAGES:
            action = QAction(LANGUAGE_NAMES[lang], self, checkable=True, objectName=f"action_lang_{lang}")
            action.setChecked(lang == i18n.current())
            action.triggered.connect(lambda _c=False, code=lang: self.set_language(code))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[lang] = action

    def _handler(self, name: str) -> Callable[..., Any]:
        """The method a menu entry calls: the window's own, or a part's ("compare.show")."""
        owner, _dot, attr = name.rpartition(".")
        method = getattr(getattr(self, owner) if owner else self, attr)
        return lambda _checked=False: method()

    def _connect(self) -> None:
        op = self.outline_panel
        op.nodeActivated.connect(self.open_node)
        op.correctCountyRequested.connect(self.correct_county)
        op.correctYearRequested.connect(self.correct_year)
        op.renameRequested.connect(self.rename_unit)
        op.deleteRequested.connect(self.delete_unit)
        op.tagSectionRequested.connect(self.tag_section)
        op.patternTagRequested.connect(self.pattern_tag)
        tp = self.text_pane
        tp.tagKeyPressed.connect(self.tag_with_key)
        tp.tagRequested.connect(self.tag_with_theme)
        tp.passageClicked.connect(self.show_passage)
        tp.editPassageRequested.connect(self.edit_passage)
        tp.deletePassageRequested.connect(self.delete_passage)
        tp.copyAvailable.connect(self.actions["copy"].setEnabled)
        self.breadcrumb.crumbActivated.connect(self.open_crumb)
        self.passage_strip.editRequested.connect(self.edit_passage)
        self.passage_strip.deleteRequested.connect(self.delete_passage)
        self.passage_strip.closed.connect(self.passage_strip_closed)
        th = self.theme_panel
        th.themeClicked.connect(self.theme_clicked)
        th.addRequested.connect(self.add_theme)
        th.editRequested.connect(self.edit_theme)
        th.mergeRequested.connect(self.merge_theme)
        th.deleteRequested.connect(self.delete_theme)
        th.moveRequested.connect(self.move_theme)
        self.passage_list.passageOpenRequested.connect(self.open_passage)
        self.passage_list.themeFilterChanged.connect(self.refresh_passage_list)
        self.passage_list.editRequested.connect(self.edit_passage)
        self.passage_list.deleteRequested.connect(self.delete_passage)
        self.suggestion_list.suggestionShown.connect(self.show_suggestion)
        self.suggestion_list.suggestionAccepted.connect(self.accept_suggestion)
        self.search_box.returnPressed.connect(self.search_project)
        self.search_panel.hitActivated.connect(self.open_hit)
        self.matrix_view.refreshRequested.connect(self.refresh_matrix)
        self.matrix_dock.visibilityChanged.connect(self.matrix_visibility_changed)
        self.matrix_view.cellActivated.connect(self.matrix_cell)
        self.matrix_view.passageOpenRequested.connect(self.open_passage)
        self.actions["copy"].setEnabled(False)

    # == public API ===================================================================================
    def menu(self, key: str) -> QMenu:
        """A top-level menu: 'file', 'edit', 'view', 'tag' or 'help'."""
        return self.menus[key]

    def add_action(self, menu_key: str, action: QAction, *, name: str | None = None, separator: bool = False) -> QAction:
        """Add an action to a menu (and to self.actions under `name`). Translate its text yourself
        in a LanguageChange handler, or connect to i18n: retranslate_ui calls retranslate() on
        every dock widget that has one."""
        menu = self.menus[menu_key]
        if separator:
            menu.addSeparator()
        if menu_key == "view":
            menu.insertAction(self.panels_menu.menuAction(), action)
        else:
            menu.addAction(action)
        if name:
            action.setObjectName(f"action_{name}")
            self.actions[name] = action
        return action

    def add_dock(self, dock: QDockWidget, area: Qt.DockWidgetArea = Qt.DockWidgetArea.BottomDockWidgetArea) -> QDockWidget:
        """Add a dock (give it an objectName so its place is saved); it gets a toggle under
        View ▸ Panels and is tabbed with the other docks below the text."""
        dock.setParent(self)
        self.addDockWidget(area, dock)
        if area == Qt.DockWidgetArea.BottomDockWidgetArea:
            self.tabifyDockWidget(self.search_dock, dock)
        self.docks.append(dock)
        self.panels_menu.addAction(dock.toggleViewAction())
        return dock

    def run_op(self, fn, *, label: str = "", on_done=None, on_error=None, cancellable: bool = False,
               needs_project: bool = True, progress: bool = True) -> ops.Op:
        """Run fn(project, progress, cancel) in the background (see reader.ui.ops); the project
        passed is the worker's own connection to this window's project."""
        return ops.run_op(
            self,
            fn,
            project_path=self.project.path if needs_project else None,
            label=label,
            on_done=on_done,
            on_error=on_error,
            cancellable=cancellable,
            progress=progress,
        )

    def show_error(self, exc: BaseException, *, quiet: bool = False) -> None:
        errors.show_error(self, exc, quiet=quiet or self.unattended)

    def status(self, text: str, ms: int = 6000) -> None:
        self.statusBar().showMessage(text, ms)

    def push(self, command: Command) -> bool:
        """Do `command` and put it on the undo stack; a ReaderError is shown and nothing is
        pushed. Returns whether it was done."""
        try:
            changes = command.first()
        except ReaderError as e:
            self.show_error(e)
            return False
        self.undo_stack.push(command)
        self.apply_changes(changes)
        return True

    def history_busy(self, error: ReaderError, step_back: Callable[[], None]) -> None:
        """An undo or redo found the project busy (another program writing it): nothing changed; say
        so and put the stack back where it was, so that the user can try again."""
        self.show_error(error)
        QTimer.singleShot(0, step_back)

    def history_failed(self, error: ReaderError) -> None:
        """An undo or redo could not be done: say so, forget the history, show the project as it is."""
        self.show_error(error)
        QTimer.singleShot(0, self.undo_stack.clear)
        self.apply_changes(Changes(passages=True, themes=True, outline=True))

    def apply_changes(self, ch: Changes) -> None:
        """Refresh what a change touched (called after every command, undo and redo)."""
        if ch.outline:
            self.text_cache.clear()
            self.outline_panel.reload()
        elif ch.passages:
            self.outline_model.refresh_counts(ch.units or None)
        if ch.labels and not ch.outline:
            for uid in ch.units:
                self.outline_model.refresh_unit_label(uid)
        if ch.themes:
            self.reload_themes()
        elif ch.passages:
            self.refresh_theme_counts()
        self.refresh_current(ch)
        if ch.passages or ch.themes:
            self.refresh_passage_list()
            self.matrix_stale = True
            if self.matrix_dock.isVisible():
                self.matrix_timer.start()  # one recount for a burst of changes
        self.update_counts()
        self.changesApplied.emit(ch)

    # == language ======================================================================================
    def set_language(self, lang: str) -> None:
        lang = i18n.install(lang)
        self.settings.set_language(lang)
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "menus") and not self.closed:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        app = QApplication.instance()
        if app is not None:  # Qt adds it to window titles that do not name it: one language there too
            app.setApplicationDisplayName(tr(APP_TITLE))
        self.statusBar().clearMessage()  # a message of the other language
        if self.compare.view is not None:
            self.compare.view.statusBar().clearMessage()
        retranslate_history(self.undo_stack)
        for key, text in MENUS:
            self.menus[key].setTitle(tr(text))
        for raw, _menu, text, _shortcut, _handler in ACTIONS:
            name = raw.lstrip("-")
            if text and name in self.actions:
                self.actions[name].setText(tr(text))
                self.actions[name].setIconText(plain(tr(text)).replace("…", ""))  # toolbar: no (&I) or …
        self._relabel_undo()
        self.recent_menu.setTitle(tr("Recent &projects"))
        self.language_menu.setTitle(tr("&Language"))
        self.panels_menu.setTitle(tr("&Panels"))
        self.tag_theme_menu.setTitle(tr("Tag selection &with"))
        for lang, action in self.language_actions.items():
            action.setChecked(lang == i18n.current())
        self.outline_dock.setWindowTitle(tr("Outline"))
        self.right_dock.setWindowTitle(tr("Themes and passages"))
        self.search_dock.setWindowTitle(tr("Search results"))
        self.matrix_dock.setWindowTitle(tr("Theme matrix"))
        self.right_tabs.setTabText(0, tr("Passages"))
        self.right_tabs.setTabText(1, tr("Suggestions"))
        self.search_box.setPlaceholderText(tr("Search the project (Ctrl+Shift+F)"))
        self.toolbar.setWindowTitle(tr("Toolbar"))
        self.passage_list.scope_text = self.current_scope()[1]
        for widget in (self.outline_panel, self.theme_panel, self.passage_list, self.suggestion_list,
                       self.search_panel, self.matrix_view, self.breadcrumb, self.find_bar, self.passage_strip):
            widget.retranslate()
        for dock in self.docks[4:]:
            retranslate = getattr(dock.widget(), "retranslate", None)
            if retranslate is not None:
                retranslate()
        self.refresh_breadcrumb()
        self.update_counts()
        self._update_title()

    def _relabel_undo(self, _text: str = "") -> None:
        if self.closed:
            return
        t = self.undo_stack.undoText()
        self.actions["undo"].setText(tr("&Undo {action}").format(action=t) if t else tr("&Undo"))
        t = self.undo_stack.redoText()
        self.actions["redo"].setText(tr("&Redo {action}").format(action=t) if t else tr("&Redo"))

    def _update_title(self) -> None:
        read_only = tr(" (read-only)") if self.project.read_only else ""
        if self.project.read_only_reason == IN_USE:
            read_only = tr(" (read-only: open in another window)")
        self.setWindowTitle(f"{tr(APP_TITLE)} — {self.project.path.stem}{read_only}")

    def update_counts(self) -> None:
        counties, reports, passages = outline_tree.totals(self.project)
        parts = (
            (tr("1 county") if counties == 1 else tr("{n} counties")).format(n=counties),
            (tr("1 report") if reports == 1 else tr("{n} reports")).format(n=reports),
            (tr("1 tagged passage") if passages == 1 else tr("{n} tagged passages")).format(n=passages),
        )
        self.count_label.setText(" · ".join(parts))  # English has a singular

    # == state ========================================================================================
    def restore_state(self) -> None:
        geometry = self.settings.bytes(keys.GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.bytes(keys.STATE)
        if state is not None:
            self.restoreState(state)
        for splitter in (self.right_splitter, self.matrix_view.splitter):
            saved = self.settings.bytes(keys.SPLITTERS + splitter.objectName())
            if saved is not None:
                splitter.restoreState(saved)
        self.dock_fitter.set_preferred({d: w for d in self.dock_fitter.docks
                                        if (w := self.settings.number(keys.DOCK_WIDTHS + d.objectName()))})
        self.matrix_view.set_by(self.settings.text(keys.MATRIX_BY, "county"), self.settings.text(keys.MATRIX_VALUE, "counts"))

    def save_state(self) -> None:
        self.settings.set_bytes(keys.GEOMETRY, self.saveGeometry())
        self.settings.set_bytes(keys.STATE, self.saveState())
        for splitter in (self.right_splitter, self.matrix_view.splitter):
            self.settings.set_bytes(keys.SPLITTERS + splitter.objectName(), splitter.saveState())
        for dock, width in self.dock_fitter.preferred.items():
            self.settings.set_number(keys.DOCK_WIDTHS + dock.objectName(), width)
        self.settings.set_text(keys.MATRIX_BY, self.matrix_view.by())
        self.settings.set_text(keys.MATRIX_VALUE, self.matrix_view.value())
        self.remember_place()
        self.settings.sync()

    def closeEvent(self, event) -> None:
        if self.closed:
            super().closeEvent(event)
            return
        self.closed = True
        for timer in self.findChildren(QTimer):  # a filter or recount still due would find the project closed
            timer.stop()
        self.save_state()
        for op in ops.running():
            op.cancel()
        ops.wait_all(CLOSE_WAIT_MS)
        self.undo_stack.clear()  # the commands go while the window is whole (and the project open)
        self.project.close()
        super().closeEvent(event)
