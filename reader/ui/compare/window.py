"""视图 ▸ 对比视图: a window of its own beside the reading window (it needs the whole screen: ten
reports side by side), with the grid, a toolbar (re-align, which reports, which columns, compact
mode, the topic view, the side panel, grouping, column width, undo and redo on the main window's
undo stack) and the side panel (legend, shared phrases, occurrences). Closing the main window
closes it.

Two ways of reading: side by side (the grid: reports as columns, rows as bands) and by topic (one
row's sections from every report, one under another, filtered by prefecture and year: reader.ui.
compare.topic). Compact mode shows each cell's heading and first lines, so that many more reports
fit on the screen. Whatever changes (a correction, a re-align, a row opened), the band being read
stays where it was on screen.

It shows what it is given and emits intentions; the main window (reader.ui.compare.controller)
reads the project, runs the work in the background and makes the changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QLabel,
    QMainWindow,
    QSlider,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from reader.core.compare import Comparison
from reader.core.compare.annotations import RowMarks
from reader.ui.compare.grid import COMPACT_RANGE, DEFAULT_WIDTH, WIDTH_RANGE, CompareGrid
from reader.ui.compare.model import (
    GROUP_LABELS,
    NO_GROUP,
    ComparisonModel,
    default_columns,
    row_label,
)
from reader.ui.compare.panel import ComparePanel
from reader.ui.compare.topic import TopicView
from reader.ui.compare.topicmodel import TopicModel
from reader.ui.dialogs.columns import ColumnsDialog
from reader.ui.i18n import tr
from reader.ui.plain import plain_label
from reader.ui.shortcuts import set_history_keys

WINDOW_SIZE = (1600, 1000)
COMPACT_SETTING = "compare/compact"
ROW_DELAY_MS = 150


class CompareWindow(QMainWindow):
    realignRequested = Signal()
    filterRequested = Signal()
    marksRequested = Signal(object)  # row keys (None: every row) whose phrases and reuse are wanted again
    occurrencesRequested = Signal(str)  # a phrase
    hitOpenRequested = Signal(object)  # reader.core.search.Hit

    def __init__(self, parent: QMainWindow, undo_stack: QUndoStack):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("compareView")
        self.main = parent
        self.comparison: Comparison | None = None
        self.shown: list[int] = []
        self.group_by = NO_GROUP
        self.marks: dict[str, RowMarks] = {}
        self.marks_pending = False
        self.current_row: str | None = None
        self.model = ComparisonModel(self)
        self.grid = CompareGrid(self.model)
        self.topic_model = TopicModel(self)
        self.topic_view = TopicView(self.topic_model)
        self.topic = self.topic_view.grid
        self.panel = ComparePanel()
        self.banner = plain_label(QLabel(objectName="compareBanner"))
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("QLabel { background: #fef3c7; color: #78350f; padding: 6px 10px; }")
        self.banner.hide()
        self.stack = QStackedWidget(objectName="compareStack")
        self.stack.addWidget(self.grid)
        self.stack.addWidget(self.topic_view)
        centre = QWidget()
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(centre)
        self.dock = QDockWidget(self, objectName="comparePanelDock")
        self.dock.setWidget(self.panel)
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                              | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                              | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.resizeDocks([self.dock], [330], Qt.Orientation.Horizontal)
        self._build_toolbar(undo_stack)
        self.summary = plain_label(QLabel(objectName="compareSummary"))
        self.statusBar().addPermanentWidget(self.summary)
        self._row_timer = QTimer(self, singleShot=True, interval=ROW_DELAY_MS)
        self._row_timer.timeout.connect(lambda: self._row_chosen(self._row_wanted))
        self._row_wanted: str | None = None
        for g in (self.grid, self.topic):
            g.rowChosen.connect(self._row_scrolled)
            g.phraseClicked.connect(self.show_occurrences)
        self.grid.marksWanted.connect(self.request_marks)
        self.topic.marksWanted.connect(lambda: self.request_marks({self.topic_model.row.key}
                                                                  if self.topic_model.row else set()))
        self.grid.topicRequested.connect(self.show_topic)
        self.topic_view.rowPicked.connect(self.show_topic)
        self.topic_view.filterChanged.connect(self._topic_filtered)
        self.panel.phraseActivated.connect(self.show_occurrences)
        self.panel.hitActivated.connect(self.hitOpenRequested)
        parent.installEventFilter(self)
        self.resize(*WINDOW_SIZE)
        settings = getattr(parent, "settings", None)
        if settings is not None and settings.text(COMPACT_SETTING) == "1":
            self.compact_action.setChecked(True)
        self.retranslate()

    def grids(self) -> tuple[CompareGrid, CompareGrid]:
        return self.grid, self.topic

    def active_grid(self) -> CompareGrid:
        """The grid the user reads: side by side, or the topic view."""
        return self.topic if self.stack.currentWidget() is self.topic_view else self.grid

    def _build_toolbar(self, stack: QUndoStack) -> None:
        bar = QToolBar(self, objectName="compareToolBar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.realign_action = QAction(self, objectName="action_realign")
        self.realign_action.setShortcut(QKeySequence("F5"))
        self.realign_action.triggered.connect(self.realignRequested)
        self.filter_action = QAction(self, objectName="action_compare_filter")
        self.filter_action.triggered.connect(self.filterRequested)
        self.columns_action = QAction(self, objectName="action_columns")
        self.columns_action.triggered.connect(self.choose_columns)
        self.undo_action = QAction(self, objectName="action_compare_undo", enabled=stack.canUndo())
        self.undo_action.triggered.connect(stack.undo)
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.redo_action = QAction(self, objectName="action_compare_redo", enabled=stack.canRedo())
        set_history_keys(self.undo_action, self.redo_action)
        self.redo_action.triggered.connect(stack.redo)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.compact_action = QAction(self, objectName="action_compare_compact", checkable=True)
        self.compact_action.setShortcut(QKeySequence("Ctrl+K"))
        self.compact_action.toggled.connect(self.set_compact)
        self.topic_action = QAction(self, objectName="action_compare_topic", checkable=True)
        self.topic_action.setShortcut(QKeySequence("Ctrl+R"))
        self.topic_action.triggered.connect(self._topic_toggled)
        self.panel_action = self.dock.toggleViewAction()
        self.panel_action.setObjectName("action_compare_panel")
        self.panel_action.setShortcut(QKeySequence("F9"))
        self.group_label = QLabel()
        self.group_box = QComboBox(objectName="compareGroupBy")
        self.group_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # the words of either language
        for key in GROUP_LABELS:
            self.group_box.addItem("", key)
        self.group_box.currentIndexChanged.connect(lambda _i: self.set_group_by(self.group_box.currentData()))
        self.width_label = QLabel()
        self.width_slider = QSlider(Qt.Orientation.Horizontal, objectName="compareWidth")
        self.width_slider.setRange(*WIDTH_RANGE)
        self.width_slider.setValue(DEFAULT_WIDTH)
        self.width_slider.setFixedWidth(110)
        self.width_slider.valueChanged.connect(self.grid.set_column_width)
        for a in (self.realign_action, self.filter_action, self.columns_action):
            bar.addAction(a)
        bar.addSeparator()
        for a in (self.compact_action, self.topic_action, self.panel_action):
            bar.addAction(a)
        bar.addSeparator()
        self.grid_controls = [bar.addWidget(self.group_label), bar.addWidget(self.group_box), bar.addSeparator(),
                              bar.addWidget(self.width_label), bar.addWidget(self.width_slider)]
        bar.addSeparator()
        bar.addAction(self.undo_action)
        bar.addAction(self.redo_action)
        self.addToolBar(bar)
        self.toolbar = bar

    # == what it shows =================================================================================
    @property
    def closed(self) -> bool:
        """The main window closed: background work must not call back (reader.ui.ops)."""
        return bool(getattr(self.main, "closed", False))

    def set_comparison(self, comparison: Comparison | None) -> None:
        """Show a comparison (None: the project was never aligned); the band being read stays in
        place."""
        same_run = self.comparison is not None and comparison is not None
        self.comparison = comparison
        if comparison is None:
            self.shown = []
            self.marks = {}
        else:
            known = {c.unit_id for c in comparison.columns}
            self.shown = [u for u in self.shown if u in known] if same_run else []
            if not self.shown:
                self.shown = default_columns(comparison)
        self.model.set_comparison(comparison, self.shown, self.group_by)
        self.grid.reset()
        key = self.topic_model.row.key if self.topic_model.row is not None else None
        self.topic_model.set_topic(comparison, key if comparison is not None and comparison.row(key or "") else None,
                                   self.topic_model.prefecture, self.topic_model.year)
        self.topic.reset()
        self.topic_view.fill(comparison, key)
        if self.topic_model.row is None and self.stack.currentWidget() is self.topic_view:
            self.show_grid()
        self._describe()
        self.request_marks()
        top = self.grid.top_row()
        self._row_chosen(self.model.rows[top].key if top is not None else None)

    def update_rows(self, comparison: Comparison, rows: set[str]) -> None:
        """The same comparison with the rows `rows` changed (a correction or its undo): only their
        cells are laid out again, and the band being read stays in place."""
        self.comparison = comparison
        self.model.update_rows(comparison, rows)
        self.grid.reset(rows)
        self.topic_model.update_rows(comparison, rows)
        self.topic.reset(rows)
        if self.topic_model.row is None and self.stack.currentWidget() is self.topic_view:
            self.show_grid()
        self.topic_view.refreshed()
        self._describe()
        self.request_marks(rows)
        self._row_chosen(self.current_row, force=True)

    # == compact mode, the topic view ==================================================================
    def set_compact(self, on: bool) -> None:
        """Compact: each cell its heading and first lines (expanded on demand), columns narrower."""
        if self.compact_action.isChecked() != on:
            self.compact_action.setChecked(on)
            return
        for g in self.grids():
            g.set_compact(on)
        self.width_slider.blockSignals(True)
        self.width_slider.setRange(*(COMPACT_RANGE if on else WIDTH_RANGE))
        self.width_slider.setValue(self.grid.column_width)
        self.width_slider.blockSignals(False)
        settings = getattr(self.main, "settings", None)
        if settings is not None:
            settings.set_text(COMPACT_SETTING, "1" if on else "0")

    def _topic_toggled(self, on: bool) -> None:
        if on:
            at = self.grid.current_cell()
            r = at[0] if at is not None else self.grid.top_row()
            key = self.model.row_at(r).key if r is not None and self.model.rowCount() else None
            key = key or (self.topic_model.row.key if self.topic_model.row else None)
            if key is None:
                self.topic_action.setChecked(False)
                return
            self.show_topic(key)
        else:
            self.show_grid()

    def show_topic(self, row_key: str) -> None:
        """Read one row in every report, one under another (filters kept while the row changes)."""
        if self.comparison is None or self.comparison.row(row_key) is None:
            return
        changed = self.topic_model.row is None or self.topic_model.row.key != row_key
        if changed:
            prefecture, year = self.topic_model.prefecture, self.topic_model.year
            self.topic_model.set_topic(self.comparison, row_key, prefecture, year)
            self.topic.current = None
            self.topic.anchor = None
            self.topic.reset()
            self.topic.verticalScrollBar().setValue(0)
            self.topic_view.fill(self.comparison, row_key)
        self.stack.setCurrentWidget(self.topic_view)
        if changed:
            self.request_marks({row_key})
        self.topic_action.setChecked(True)
        for w in self.grid_controls:
            w.setVisible(False)
        self.topic.setFocus()
        self._row_chosen(row_key)

    def show_grid(self) -> None:
        """Back to the reports side by side, at the row read by topic."""
        key = self.topic_model.row.key if self.topic_model.row is not None else None
        self.stack.setCurrentWidget(self.grid)
        self.topic_action.setChecked(False)
        for w in self.grid_controls:
            w.setVisible(True)
        if key is not None and self.model.reveal(key) is not None:
            self.grid.relayout()
            self.grid.show_row(key)
        self.grid.setFocus()

    def _topic_filtered(self) -> None:
        prefecture, year = self.topic_view.filters()
        self.topic_model.set_filter(prefecture, year)
        self.topic.current = None
        self.topic.anchor = None
        self.topic.reset()
        self.topic.verticalScrollBar().setValue(0)
        self.topic_view.refreshed()
        self.request_marks({self.topic_model.row.key} if self.topic_model.row else set())

    def marks_sections(self) -> set[int]:
        """The sections whose shared phrases and reuse are wanted: those of the reports on screen (all
        the columns shown when there are not too many: CompareGrid.marks_units), and in the topic
        view, its row's sections of the reports around those on screen."""
        if self.comparison is None:
            return set()
        units = self.grid.marked_units
        sections = {m.section_id for r in self.comparison.rows for m in r.members if m.unit_id in units}
        row = self.topic_model.row
        if self.stack.currentWidget() is self.topic_view and row is not None:
            sections |= {m.section_id for m in row.members if m.unit_id in self.topic.marked_units}
        return sections

    def set_busy(self, text: str) -> None:
        self.grid.empty_text = text
        for g in self.grids():
            g.viewport().update()

    def set_shown(self, unit_ids: list[int]) -> None:
        self.shown = list(unit_ids)
        self.model.set_comparison(self.comparison, self.shown, self.group_by)
        self.grid.reset()
        self._describe()
        self.request_marks()

    def set_group_by(self, key: str) -> None:
        self.group_by = key or NO_GROUP
        if self.group_box.currentData() != self.group_by:
            self.group_box.setCurrentIndex(max(self.group_box.findData(self.group_by), 0))
        self.model.set_comparison(self.comparison, self.shown, self.group_by)
        self.grid.reset()

    def choose_columns(self) -> None:
        if self.comparison is None:
            return
        chosen = ColumnsDialog.ask(self, self.comparison.columns, [c.unit_id for c in self.model.columns])
        if chosen is not None:
            self.set_shown(chosen)

    def request_marks(self, rows: set[str] | None = None) -> None:
        """Ask for the shared phrases and reuse of `rows` (None: every row) among the reports on screen."""
        self.grid.marked_units = self.grid.marks_units()
        if self.stack.currentWidget() is self.topic_view:
            self.topic.marked_units = self.topic.marks_units()
        self.marks_pending = True
        self.marksRequested.emit(rows)

    def set_marks(self, marks: dict[str, RowMarks], pending: bool = False) -> None:
        """New marks for some rows (the others keep theirs); `pending`: more are on their way."""
        keys = {r.key for r in self.comparison.rows} if self.comparison is not None else set()
        self.marks = {k: m for k, m in {**self.marks, **marks}.items() if k in keys}
        self.marks_pending = pending
        for g in self.grids():
            g.set_marks(self.marks)
        self._row_chosen(self.current_row, force=True)

    def _row_scrolled(self, key: str) -> None:
        """Another row at the top: its phrases are listed once the scrolling pauses (listing them takes
        longer than a frame)."""
        self._row_wanted = key
        self._row_timer.start()

    def _row_chosen(self, key: str | None, force: bool = False) -> None:
        if key == self.current_row and not force:
            return
        self.current_row = key
        row = self.comparison.row(key) if self.comparison is not None and key else None
        if row is None:
            self.panel.set_phrases("", [])
            return
        marks = self.marks.get(key)
        limited = (len(self.grid.marked_units) < self.model.columnCount()
                   or self.stack.currentWidget() is self.topic_view)
        among = len({m.unit_id for m in row.members if m.unit_id in self.marked_units()}) if limited else None
        self.panel.set_phrases(row_label(row), None if marks is None and self.marks_pending else
                               (marks.phrases if marks else []), among)

    def marked_units(self) -> set[int]:
        units = set(self.grid.marked_units)
        if self.stack.currentWidget() is self.topic_view:
            units |= self.topic.marked_units
        return units

    def show_occurrences(self, phrase: str) -> None:
        self.panel.set_searching(phrase)
        self.occurrencesRequested.emit(phrase)

    def status(self, text: str, ms: int = 6000) -> None:
        self.statusBar().showMessage(text, ms)

    def _describe(self) -> None:
        c = self.comparison
        if c is None:
            self.summary.setText("")
            self.banner.hide()
            self.grid.empty_text = tr("This project has not been aligned yet. Re-align (F5) lines up the sections "
                                      "of its reports.")
            return
        self.grid.empty_text = tr("No reports to compare: import reports, or choose others (Reports…).")
        self.summary.setText(tr("{n} reports aligned, {shown} shown · {rows} rows · {k} corrections").format(
            n=len(c.columns), shown=len(self.model.columns), rows=len(c.rows), k=c.corrections))
        if c.stale:
            self.banner.setText(tr("A correction was taken back, so the rows may not follow from your corrections "
                                   "any more. Re-align (F5) to refresh them; nothing else is lost."))
        self.banner.setVisible(c.stale)

    # == window ========================================================================================
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.main and event.type() == QEvent.Type.Close:
            self.close()
        return False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "panel"):
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        project = getattr(getattr(self.main, "project", None), "path", None)
        self.setWindowTitle(tr("Comparison view") + (f" — {project.stem}" if project else ""))
        self.realign_action.setText(tr("Re-align"))
        self.realign_action.setToolTip(tr("Align the reports again (your corrections are kept) (F5)"))
        self.filter_action.setText(tr("Reports…"))
        self.filter_action.setToolTip(tr("Choose the reports to align: counties, prefecture, years"))
        self.columns_action.setText(tr("Columns…"))
        self.columns_action.setToolTip(tr("Choose which reports are shown as columns, and their order"))
        self.undo_action.setText(tr("Undo"))
        self.redo_action.setText(tr("Redo"))
        self.group_label.setText(tr("Group:") + " ")
        for i in range(self.group_box.count()):
            self.group_box.setItemText(i, tr(GROUP_LABELS[self.group_box.itemData(i)]))
        self.width_label.setText(" " + tr("Column width:") + " ")
        self.compact_action.setText(tr("Compact"))
        self.compact_action.setToolTip(tr("Show each cell's heading and first lines, so that many more reports fit "
                                          "(Space or a click on its last line shows all of a cell) (Ctrl+K)"))
        self.topic_action.setText(tr("By topic"))
        self.topic_action.setToolTip(tr("Read one row in every report, one under another, by prefecture and year "
                                        "(Ctrl+R)"))
        self.panel_action.setText(tr("Panel"))
        self.panel_action.setToolTip(tr("Show or hide the side panel: legend and shared phrases (F9)"))
        self.topic_view.retranslate()
        self.toolbar.setWindowTitle(tr("Toolbar"))
        self.dock.setWindowTitle(tr("Phrases and legend"))
        self.panel.retranslate()
        self._describe()
        if self.model.rowCount():
            self.model.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self.model.rowCount() - 1)
        for g in self.grids():
            g.viewport().update()
