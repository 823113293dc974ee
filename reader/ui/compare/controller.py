"""The main window's side of the comparison view (CompareController, owned by the main window as
window.compare): opening it, reading the
stored comparison and the reports' texts for its cells, re-aligning and finding phrases and reuse in
the background (reader.ui.ops, with the view as the progress dialog's parent), and turning the
view's intentions into undoable commands on the one undo stack: tagging (the same TagPassage as
the reading pane, through EditingMixin.tag_span) and corrections (CorrectAlignment).

After a correction (or its undo) only the rows it touched are read again (compare.load_rows: a few
milliseconds, on the UI thread) and only their cells laid out again; the whole comparison is read
in the background when the view opens, after a re-align and when reports changed."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TR_NOOP, QObject

from reader.core.errors import ReaderError
from reader.core.search import Hit
from reader.core.store import outline_tree, passage_scope
from reader.ui import errors, ops
from reader.ui.changes import Changes
from reader.ui.i18n import tr, unknown_county

if TYPE_CHECKING:  # the comparison's modules are imported when the view is first used: not at start
    from reader.core import compare
    from reader.ui.compare.cell import UnitData
    from reader.ui.compare.window import CompareWindow

OCCURRENCES_LIMIT = 500


class CompareController(QObject):
    """视图 ▸ 对比视图: the comparison window and what it asks for. Owned by the main window
    (window.compare); of the window it uses the public API (project, settings, undo_stack, push,
    show_error, open_location, changesApplied, projectChanged, closed) and what reading and tagging
    share (looks, unit_text, section_rows, theme_with_key, tag_span)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window  # the main window
        self.view: CompareWindow | None = None
        self._dirty = False  # the project changed while the view was hidden
        self._reads = {"run": 0}
        self._reading: ops.Op | None = None
        self._marks_run = 0
        self._marks_wanted: dict[str, int] = {}

    # == opening =======================================================================================
    def show(self) -> CompareWindow:
        """视图 ▸ 对比视图: show the comparison window (aligning first if the project never was)."""
        w = self.view
        if w is None:
            w = self.view = self._make()
            self.load()
        elif self._dirty:
            for g in w.grids():
                g.forget_units()
                g.set_looks(self.window.looks)
            self.load()
        self._dirty = False
        w.show()
        w.raise_()
        w.activateWindow()
        return w

    def _make(self) -> CompareWindow:
        from reader.ui.compare.window import CompareWindow
        w = CompareWindow(self.window, self.window.undo_stack)
        for g in w.grids():
            g.unit_loader = self.unit
            g.set_looks(self.window.looks)
            g.set_point_size(max(9, self.window.settings.font_size() - 2))
        w.realignRequested.connect(self.realign)
        w.filterRequested.connect(self.filter)
        w.marksRequested.connect(self.marks)
        w.occurrencesRequested.connect(self.occurrences)
        w.hitOpenRequested.connect(self.open_hit)
        for g in w.grids():
            g.tagKeyPressed.connect(self.tag_key)
            g.tagRequested.connect(self.tag)
            g.moveRequested.connect(self.move)
            g.notMatchRequested.connect(self.not_match)
            g.splitRequested.connect(self.split)
            g.renameRequested.connect(self.rename)
            g.mergeRequested.connect(self.merge)
            g.sectionOpenRequested.connect(self.open_section)
        self.window.changesApplied.connect(self.changes)
        self.window.projectChanged.connect(self.project_changed)
        return w

    def load(self) -> None:
        """Show the stored comparison; align at once if there is none (and there are reports)."""
        self.reload(align_if_none=True)

    def reload(self, *, align_if_none: bool = False) -> None:
        """Read the stored comparison in the background (a few tenths of a second on thousands of
        reports) and show it. Of several reads asked for in a row only the last is shown."""
        from reader.core import compare
        w = self.view
        state = self._reads
        state["run"] += 1
        if w.comparison is None:
            w.set_busy(tr("Reading the comparison…"))
        self._reading = ops.run_op(
            w,
            lambda project, _progress, _cancel: (compare.load_comparison(project), outline_tree.totals(project)[1]),
            project_path=self.window.project.path,
            label=tr("Reading the comparison"),
            progress=False,
            on_done=partial(self._read, state["run"], align_if_none),
        )

    def _read(self, run: int, align_if_none: bool, result) -> None:
        state = self._reads
        if run != state["run"]:  # a later read is on its way
            return
        comparison, reports = result
        w = self.view
        w.set_comparison(comparison)
        if comparison is None and align_if_none:
            if reports:
                self.realign()
            else:
                w.set_busy(tr("No reports to compare: import reports, or choose others (Reports…)."))

    def refresh_rows(self, rows: set[str]) -> None:
        """A correction or its undo changed these rows: read them alone and show them."""
        from reader.core import compare
        w = self.view
        reading = self._reading
        if w.comparison is None or (reading is not None and not reading.is_done):  # it would show them as they were
            self.reload()
            return
        try:
            update = compare.load_rows(self.window.project, rows, w.comparison)
        except ReaderError as e:
            self.window.show_error(e)
            return
        if update is None:
            self.reload()
            return
        w.update_rows(compare.apply_rows(w.comparison, update), set(rows))

    def unit(self, unit_id: int) -> UnitData:
        from reader.ui.compare.cell import UnitData
        text = self.window.unit_text(unit_id)
        headings = [(s.start, s.heading_end, s.level) for top in self.window.section_rows(unit_id) for s in top.walk()]
        return UnitData(unit_id, text, headings, passage_scope.unit_passages(self.window.project, unit_id))

    # == background work ===============================================================================
    def realign(self, selection: compare.Selection | None = None) -> ops.Op:
        from reader.core import compare
        w = self.view
        if selection is None:
            selection = w.comparison.selection if w.comparison is not None else compare.Selection()
        w.set_busy(tr("Aligning the sections of the reports…"))
        op = ops.Op(
            w,
            # stored, not read back: the view reads the comparison as it does when it opens (reload)
            lambda project, progress, cancel: compare.align_and_store(project, selection, progress, cancel),
            project_path=self.window.project.path,
            label=tr("Aligning sections"),
            cancellable=True,
            on_done=self.aligned,
        )
        op.failed.connect(self._align_failed)  # errors are shown by the op; Cancelled too
        return op.run()

    def aligned(self, aligned: compare.Aligned) -> None:
        self.reload()
        self.view.status(tr("Aligned: {rows} rows.").format(rows=aligned.rows))

    def _align_failed(self, _error: BaseException) -> None:
        """Cancelled or failed: the stored comparison is as it was; show it again."""
        if not self.window.closed and self.view is not None:
            self.reload()

    def filter(self) -> None:
        from reader.core import compare
        from reader.ui.dialogs.comparefilter import CompareFilterDialog
        w = self.view
        current = w.comparison.selection if w.comparison is not None else compare.Selection()
        answer = CompareFilterDialog.ask(w, compare.choices(self.window.project), current)
        if answer is None:
            return
        counties, prefecture, years = answer
        try:
            selection = compare.selection.resolve(
                self.window.project, compare.Selection(counties, prefecture, compare.parse_years(years)))
        except ReaderError as e:
            self.window.show_error(e)
            return
        self.realign(selection)

    def marks(self, rows: set[str] | None = None) -> None:
        """Shared phrases and reused passages among the columns shown, for `rows` (None: every row),
        off the UI thread. A row's result is used only if no later search for it was asked for."""
        from reader.core.compare.annotations import row_marks
        w = self.view
        self._marks_run += 1
        run = self._marks_run
        wanted = self._marks_wanted
        chosen = [r for r in (w.comparison.rows if w.comparison else []) if rows is None or r.key in rows]
        for r in chosen:
            wanted[r.key] = run
        sections = w.marks_sections()
        ops.run_op(
            w,
            lambda project, progress, cancel: row_marks(project, chosen, sections, progress, cancel),
            project_path=self.window.project.path,
            label=tr("Finding shared phrases"),
            progress=False,
            on_done=partial(self._marked, run),
            on_error=self._marks_failed,
        )

    def _marked(self, run: int, marks) -> None:
        wanted = self._marks_wanted
        fresh = {k: m for k, m in marks.items() if wanted.get(k) == run}
        for k in fresh:
            del wanted[k]
        self.view.set_marks(fresh, pending=bool(wanted))

    def _marks_failed(self, error: BaseException) -> None:
        self._marks_wanted.clear()
        self.view.marks_pending = False
        errors.show_error(self.view, error)

    def occurrences(self, phrase: str) -> None:
        from reader.core.compare.phrases import occurrences
        ops.run_op(
            self.view,
            lambda project, _progress, _cancel: occurrences(project, phrase, OCCURRENCES_LIMIT),
            project_path=self.window.project.path,
            label=tr("Searching"),
            progress=False,
            on_done=self.view.panel.set_occurrences,
        )

    # == going to the reading window ===================================================================
    def open_hit(self, hit: Hit) -> None:
        self.window.open_location(hit.unit, hit.start, hit.end)
        self._to_front()

    def open_section(self, unit_id: int, section_id: int) -> None:
        self.window.open_location(unit_id, section_id=section_id)
        self._to_front()

    def _to_front(self) -> None:
        self.window.raise_()
        self.window.activateWindow()

    # == tagging =======================================================================================
    def tag_key(self, key: str) -> None:
        tid = self.window.theme_with_key(key)
        if tid is None:
            self.view.status(self.window.statusBar().currentMessage())
            return
        self.tag(tid)

    def tag(self, theme_id: int) -> None:
        w = self.view
        grid = w.active_grid()
        span = grid.selection_span()
        if span is None:
            w.status(tr("Select some text in a cell first, then press a theme's key."))
            return
        if self.window.tag_span(span[0], span[1], span[2], [theme_id]):
            grid.clear_selection()
            w.status(self.window.statusBar().currentMessage())

    # == corrections ===================================================================================
    def _correct(self, text: str, op) -> bool:
        from reader.ui.compare.commands import CorrectAlignment
        done = self.window.push(CorrectAlignment(self.window, text, op))
        if done:
            self.view.status(tr("{action} (Ctrl+Z takes it back).").format(action=tr(text)))
        return done

    def move(self, section_id: int, row_key: str) -> None:
        from reader.core import compare
        self._correct(QT_TR_NOOP("Move section"), lambda p: compare.move_section(p, section_id, row_key))

    def not_match(self, section_id: int, row_key: str) -> None:
        from reader.core import compare
        self._correct(QT_TR_NOOP("Not a match"), lambda p: compare.mark_not_match(p, section_id, row_key))

    def split(self, section_id: int) -> None:
        from reader.core import compare
        from reader.ui.dialogs.rowlabel import SPLIT, RowLabelDialog
        w = self.view
        member = w.comparison.member(section_id) if w.comparison else None
        heading = member.heading if member else ""
        about = f"{member.county or unknown_county()} · {heading}" if member else ""
        label = RowLabelDialog.ask(w, SPLIT, heading[:30], about)
        if label is not None:
            self._correct(QT_TR_NOOP("Split into a new row"), lambda p: compare.split_section(p, section_id, label))

    def rename(self, row_key: str) -> None:
        from reader.core import compare
        from reader.ui.compare.model import row_label
        from reader.ui.dialogs.rowlabel import RENAME, RowLabelDialog
        w = self.view
        row = w.comparison.row(row_key) if w.comparison else None
        if row is None:
            return
        label = RowLabelDialog.ask(w, RENAME, row_label(row))
        if label is not None and label != row.label:
            self._correct(QT_TR_NOOP("Rename row"), lambda p: compare.rename_row(p, row_key, label))

    def merge(self, row_key: str, into_key: str) -> None:
        from reader.core import compare
        self._correct(QT_TR_NOOP("Merge rows"), lambda p: compare.merge_rows(p, row_key, into_key))

    # == keeping up with the project ===================================================================
    def changes(self, ch: Changes) -> None:
        w = self.view
        if w is None or self.window.closed:
            return
        if not w.isVisible():  # brought up to date when it is shown again
            self._dirty = self._dirty or bool(ch.alignment or ch.passages or ch.outline or ch.labels
                                                              or ch.themes)
            return
        if ch.themes:
            for g in w.grids():
                g.set_looks(self.window.looks)
        if ch.outline or ch.labels:  # reports deleted or their county or year corrected
            for g in w.grids():
                g.forget_units()
            self.load()
        elif ch.alignment and ch.rows:
            self.refresh_rows(ch.rows)
        elif ch.alignment:
            self.reload()
        elif ch.passages:
            for g in w.grids():
                g.refresh_units(ch.units or None)

    def project_changed(self, _project) -> None:
        w = self.view
        if w is None:
            return
        for g in w.grids():
            g.forget_units()
        self._marks_wanted = {}
        w.retranslate()
        if w.isVisible():
            self.load()
        else:
            w.set_comparison(None)
