"""Cleaning documents again from the window (编辑 ▸ 重新清理文本…) and the passages it could not
place: a panel below the text lists them (quote, report, themes); the user selects text in the pane
and chooses "Place at the selection", or deletes one. Placing and deleting are undoable; the
re-cleaning itself runs in the background (reader.ui.ops) and clears the undo history, whose
offsets refer to the old text."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.store import passage_edits, unplaced
from reader.core.store.unplaced import UnplacedPassage
from reader.ui.changes import Changes
from reader.ui.commands import Command
from reader.ui.dialogs.confirm import ConfirmDialog
from reader.ui.i18n import tr
from reader.ui.plain import plain_label, plain_tooltip

SOURCE, POSITION, THEMES, QUOTE = range(4)
ID_ROLE = Qt.ItemDataRole.UserRole
DOCK_HEIGHT = 170


class UnplacedPanel(QWidget):
    """The unplaced passages. Emits the user's intentions; the Recleaning controller acts."""

    placeRequested = Signal(int)  # unplaced passage id
    deleteRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("unplacedPanel")
        self.hint = plain_label(QLabel(objectName="unplacedHint"))
        self.hint.setWordWrap(True)
        self.table = QTableWidget(0, 4, objectName="unplacedList")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QUOTE, QHeaderView.ResizeMode.Stretch)
        self.place_button = QPushButton(objectName="placeUnplaced")
        self.delete_button = QPushButton(objectName="deleteUnplaced")
        self.place_button.clicked.connect(lambda: self._request(self.placeRequested))
        self.delete_button.clicked.connect(lambda: self._request(self.deleteRequested))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.place_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.items: list[UnplacedPassage] = []
        self.retranslate()
        self._update_buttons()

    def set_items(self, items: list[UnplacedPassage]) -> None:
        keep = self.current_id()
        self.items = list(items)
        self.table.setRowCount(len(items))
        for row, u in enumerate(items):
            cells = [u.source_name, f"{u.unit_position + 1}: {u.start}–{u.end}", "、".join(u.theme_names),
                     u.quote.replace("\n", " ")]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)  # item text is plain; only the tooltip is escaped HTML
                item.setData(ID_ROLE, u.id)
                if col == QUOTE:
                    item.setToolTip(plain_tooltip(u.quote + (f"\n\n{u.note}" if u.note else "")))
                self.table.setItem(row, col, item)
            if u.id == keep:
                self.table.selectRow(row)
        self._update_buttons()
        self.retranslate()

    def current_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return int(item.data(ID_ROLE)) if item is not None else None

    def _request(self, signal) -> None:
        uid = self.current_id()
        if uid is not None:
            signal.emit(uid)

    def _update_buttons(self) -> None:
        chosen = self.current_id() is not None
        self.place_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([tr("Document"), tr("Was at"), tr("Themes"), tr("Passage")])
        self.place_button.setText(tr("Place at the selection"))
        self.delete_button.setText(tr("Delete"))
        self.hint.setText(
            tr("{n} passage(s) could not be found again after the text was cleaned anew. Select where each "
               "belongs in the text, then choose Place at the selection.").format(n=len(self.items))
            if self.items else tr("No unplaced passages.")
        )
        dock = self.parentWidget()
        if isinstance(dock, QDockWidget):
            dock.setWindowTitle(tr("Unplaced passages"))
        action = getattr(self, "action", None)
        if action is not None:
            action.setText(tr("Clean documents a&gain…"))


class PlaceUnplaced(Command):
    def __init__(self, ctx, item: UnplacedPassage, unit_id: int, start: int, end: int):
        super().__init__(ctx, QT_TR_NOOP("Place passage"))
        self.item, self.unit_id, self.start, self.end = item, unit_id, start, end
        self.passage_id: int | None = None

    def _changes(self) -> Changes:
        return Changes(passages=True, units={self.unit_id})

    def first(self) -> Changes:
        self.passage_id = unplaced.place(self.project, self.item.id, self.unit_id, self.start, self.end).id
        return self._changes()

    def undo_changes(self) -> Changes:
        passage_edits.delete_passages(self.project, [self.passage_id])
        unplaced.restore_unplaced(self.project, self.item)
        return self._changes()

    def redo_changes(self) -> Changes:
        return self.first()


class DeleteUnplaced(Command):
    def __init__(self, ctx, item: UnplacedPassage):
        super().__init__(ctx, QT_TR_NOOP("Delete unplaced passage"))
        self.item = item

    def first(self) -> Changes:
        unplaced.delete_unplaced(self.project, self.item.id)
        return Changes(passages=True)

    def undo_changes(self) -> Changes:
        unplaced.restore_unplaced(self.project, self.item)
        return Changes(passages=True)

    def redo_changes(self) -> Changes:
        return self.first()


class Recleaning(QObject):
    """Installed on the main window: the menu action, the panel and what they do."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.panel = UnplacedPanel()
        self.dock = QDockWidget(objectName="unplacedDock")
        self.dock.setWidget(self.panel)
        window.add_dock(self.dock)
        self.dock.hide()
        self.action = QAction(window)
        self.panel.action = self.action
        window.add_action("edit", self.action, name="reclean", separator=True)
        self.action.triggered.connect(lambda _checked=False: self.reclean())
        self.panel.placeRequested.connect(self.place)
        self.panel.deleteRequested.connect(self.delete)
        window.changesApplied.connect(lambda _changes: self.refresh())
        window.projectChanged.connect(lambda _project: self.refresh(show=True))
        self.panel.retranslate()
        self.refresh(show=True)

    def refresh(self, show: bool = False) -> None:
        items = unplaced.list_unplaced(self.window.project)
        self.panel.set_items(items)
        if show and items:
            self.show_dock()

    def show_dock(self) -> None:
        """Show the panel below the text, low enough to leave the text most of the height."""
        self.dock.show()
        self.dock.raise_()
        QTimer.singleShot(0, self, self._size_dock)  # once the window is laid out

    def _size_dock(self) -> None:
        if not self.window.closed:
            self.window.resizeDocks([self.dock], [DOCK_HEIGHT], Qt.Orientation.Vertical)

    def reclean(self) -> None:
        if not ConfirmDialog.ask(
            self.window,
            tr("Clean documents again"),
            tr("Clean every document again with the current rules? Tagged passages are found again by their "
               "text; those that cannot be are kept in a list for you to place. This cannot be undone."),
            tr("Clean again"),
        ):
            return
        # with the readers and the cleaning: not needed at start
        from reader.core.ingest.reclean import reclean

        self.window.run_op(
            lambda project, progress, cancel: reclean(project, None, progress, cancel),
            label=tr("Cleaning documents again…"),
            cancellable=True,
            on_done=self.done,
        )

    def done(self, report) -> None:
        """`report`: the reader.core.ingest.reclean.RecleanReport."""
        self.window.undo_stack.clear()  # its offsets refer to the old text
        self.window.passage_strip.close_strip()  # the passage it shows may have moved or be unplaced
        self.window.apply_changes(Changes(outline=True, passages=True))
        message = tr("Cleaned again: {exact} passage(s) found exactly, {fuzzy} by likeness, {unplaced} to place.").format(
            exact=report.exact, fuzzy=report.fuzzy, unplaced=report.unplaced)
        if report.alignment_rows:  # their sections were found anew
            message += " " + tr("{n} row(s) of the stored alignment lost sections: re-align in the comparison "
                                "view (Re-align, F5).").format(n=report.alignment_rows)
        self.window.status(message, 0 if report.alignment_rows else 6000)  # that one stays until the next
        failed = [d for d in report.documents if d.error is not None]
        if failed:
            self.window.show_error(failed[0].error)
        if report.unplaced:
            self.show_dock()

    def _item(self, uid: int) -> UnplacedPassage | None:
        return next((u for u in self.panel.items if u.id == uid), None)

    def place(self, uid: int) -> None:
        item = self._item(uid)
        span = self.window.text_pane.selection_span()
        unit_id = self.window.shown.unit_id
        if item is None or span is None or unit_id is None:
            self.window.status(tr("Select the text where the passage belongs first."))
            return
        if self.window.push(PlaceUnplaced(self.window, item, unit_id, *span)):
            self.window.status(tr("Passage placed."))

    def delete(self, uid: int) -> None:
        item = self._item(uid)
        if item is None:
            return
        if ConfirmDialog.ask(self.window, tr("Delete unplaced passage"),
                             tr("Delete this passage and its themes for good?"), tr("Delete"),
                             item.quote[:200]):
            self.window.push(DeleteUnplaced(self.window, item))
