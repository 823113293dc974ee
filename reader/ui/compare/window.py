"""视图 ▸ 对比视图: a window of its own beside the reading window (it needs the whole screen: ten
reports side by side), with the grid, a toolbar (re-align, which reports, which columns, grouping,
column width, undo and redo on the main window's undo stack) and the side panel (legend, shared
phrases, occurrences). Closing the main window closes it.

It shows what it is given and emits intentions; the main window (reader.ui.compare.controller)
reads the project, runs the work in the background and makes the changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QLabel,
    QMainWindow,
    QSlider,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from reader.core.compare import Comparison
from reader.core.compare.annotations import RowMarks
from reader.ui.compare.grid import DEFAULT_WIDTH, WIDTH_RANGE, CompareGrid
from reader.ui.compare.model import (
    GROUP_LABELS,
    NO_GROUP,
    ComparisonModel,
    default_columns,
    row_label,
)
from reader.ui.compare.panel import ComparePanel
from reader.ui.dialogs.columns import ColumnsDialog
from reader.ui.i18n import tr
from reader.ui.plain import plain_label
from reader.ui.shortcuts import set_history_keys

WINDOW_SIZE = (1600, 1000)


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
        self.panel = ComparePanel()
        self.banner = plain_label(QLabel(objectName="compareBanner"))
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("QLabel { background: #fef3c7; color: #78350f; padding: 6px 10px; }")
        self.banner.hide()
        centre = QWidget()
        layout = QVBoxLayout(centre)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.grid, 1)
        self.setCentralWidget(centre)
        self.dock = QDockWidget(self, objectName="comparePanelDock")
        self.dock.setWidget(self.panel)
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                              | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.resizeDocks([self.dock], [330], Qt.Orientation.Horizontal)
        self._build_toolbar(undo_stack)
        self.summary = plain_label(QLabel(objectName="compareSummary"))
        self.statusBar().addPermanentWidget(self.summary)
        self.grid.rowChosen.connect(self._row_chosen)
        self.grid.phraseClicked.connect(self.show_occurrences)
        self.panel.phraseActivated.connect(self.show_occurrences)
        self.panel.hitActivated.connect(self.hitOpenRequested)
        parent.installEventFilter(self)
        self.resize(*WINDOW_SIZE)
        self.retranslate()

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
        self.width_slider.setFixedWidth(140)
        self.width_slider.valueChanged.connect(self.grid.set_column_width)
        for a in (self.realign_action, self.filter_action, self.columns_action):
            bar.addAction(a)
        bar.addSeparator()
        bar.addWidget(self.group_label)
        bar.addWidget(self.group_box)
        bar.addSeparator()
        bar.addWidget(self.width_label)
        bar.addWidget(self.width_slider)
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

    def set_comparison(self, comparison: Comparison | None, rows: set[str] | None = None) -> None:
        """Show a comparison (None: the project was never aligned). `rows`: only these rows changed
        (a correction), the other cells are kept."""
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
        partial = rows if same_run and rows else None
        self.grid.reset(partial)
        self._describe()
        self.request_marks(partial)
        top = self.grid.top_row()
        self._row_chosen(self.model.rows[top].key if top is not None else None)

    def set_busy(self, text: str) -> None:
        self.grid.empty_text = text
        self.grid.viewport().update()

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
        self.marks_pending = True
        self.marksRequested.emit(rows)

    def set_marks(self, marks: dict[str, RowMarks], pending: bool = False) -> None:
        """New marks for some rows (the others keep theirs); `pending`: more are on their way."""
        keys = {r.key for r in self.model.rows}
        self.marks = {k: m for k, m in {**self.marks, **marks}.items() if k in keys}
        self.marks_pending = pending
        self.grid.set_marks(self.marks)
        self._row_chosen(self.current_row, force=True)

    def _row_chosen(self, key: str | None, force: bool = False) -> None:
        if key == self.current_row and not force:
            return
        self.current_row = key
        row = self.comparison.row(key) if self.comparison is not None and key else None
        if row is None:
            self.panel.set_phrases("", [])
            return
        marks = self.marks.get(key)
        self.panel.set_phrases(row_label(row), None if marks is None and self.marks_pending else
                               (marks.phrases if marks else []))

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
        self.toolbar.setWindowTitle(tr("Toolbar"))
        self.dock.setWindowTitle(tr("Phrases and legend"))
        self.panel.retranslate()
        self._describe()
        if self.model.rowCount():
            self.model.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self.model.rowCount() - 1)
        self.grid.viewport().update()
