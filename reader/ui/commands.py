"""Undoable changes: one QUndoCommand per user action, each calling core functions for the first
run, for undo and for redo (never SQL here).

The window pushes a command with MainWindow.push(command): the first run happens there (so a
ReaderError is shown and nothing lands on the stack), then QUndoStack.push skips its redo() call.
Later redo()/undo() go through core again and report a Changes to the window; an error there is
shown and the history is cleared, since the project no longer matches it. Except when another
program was writing the project at that moment (ProjectLocked): nothing changed, so the stack steps
back over the command without running it, and the user can simply try again.

To add a command: subclass Command, implement first() -> Changes, undo_changes() -> Changes and
redo_changes() -> Changes. Its text is the English source marked with QT_TR_NOOP: it is translated
when shown, and again when the user switches language (retranslate_history), so that 编辑 ▸ 撤销
never reads "Undo 标注段落".
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtGui import QUndoCommand, QUndoStack

from reader.core.errors import ProjectLocked, ReaderError
from reader.core.ingest import unit_edits as units
from reader.core.store import passage_edits, passages, theme_history
from reader.core.store.project import Project
from reader.ui.changes import Changes
from reader.ui.i18n import tr


class Context(Protocol):
    project: Project
    undo_stack: QUndoStack

    def apply_changes(self, changes: Changes) -> None: ...

    def history_failed(self, error: ReaderError) -> None: ...

    def history_busy(self, error: ReaderError, step_back: Callable[[], None]) -> None: ...


class Command(QUndoCommand):
    def __init__(self, ctx: Context, text: str):
        """`text`: the English source (QT_TR_NOOP), shown translated."""
        super().__init__(tr(text))
        self.source = text
        self.ctx = ctx
        self._pushed = False
        self._pass = False  # the next undo()/redo() only puts the stack back: the last one changed nothing

    @property
    def project(self) -> Project:
        return self.ctx.project

    def retranslate(self) -> None:
        self.setText(tr(self.source))

    def first(self) -> Changes:
        raise NotImplementedError

    def undo_changes(self) -> Changes:
        raise NotImplementedError

    def redo_changes(self) -> Changes:
        raise NotImplementedError

    def redo(self) -> None:
        if not self._pushed:  # the first run happened in MainWindow.push
            self._pushed = True
            return
        self._run(self.redo_changes, undoing=False)

    def undo(self) -> None:
        self._run(self.undo_changes, undoing=True)

    def _run(self, fn: Callable[[], Changes], *, undoing: bool) -> None:
        if self._pass:
            self._pass = False
            return
        try:
            changes = fn()
        except ProjectLocked as e:  # rolled back: the project is as before, so is the stack once stepped back
            self._pass = True
            stack = self.ctx.undo_stack
            self.ctx.history_busy(e, stack.redo if undoing else stack.undo)
            return
        except ReaderError as e:
            self.ctx.history_failed(e)
            return
        self.ctx.apply_changes(changes)


# -- passages ------------------------------------------------------------------------------------


class TagPassage(Command):
    def __init__(self, ctx: Context, unit_id: int, start: int, end: int, theme_ids: list[int], note: str = ""):
        super().__init__(ctx, QT_TR_NOOP("Tag passage"))
        self.unit_id, self.start, self.end, self.theme_ids, self.note = unit_id, start, end, theme_ids, note
        self.passage_id: int | None = None
        self.snapshot = None

    def _changes(self) -> Changes:
        return Changes(passages=True, units={self.unit_id})

    def first(self) -> Changes:
        p = passages.tag(self.project, self.unit_id, self.start, self.end, self.theme_ids, note=self.note)
        self.passage_id = p.id
        return self._changes()

    def undo_changes(self) -> Changes:
        self.snapshot = passage_edits.delete_passages(self.project, [self.passage_id])
        return self._changes()

    def redo_changes(self) -> Changes:
        passage_edits.restore_passages(self.project, self.snapshot)
        return self._changes()


class DeletePassages(Command):
    def __init__(self, ctx: Context, passage_ids: list[int]):
        super().__init__(ctx, QT_TR_NOOP("Delete passage"))
        self.passage_ids = list(passage_ids)
        self.snapshot = None

    def _changes(self) -> Changes:
        unit_ids = {r["unit_id"] for r in self.snapshot.rows.get("passages", [])} if self.snapshot else set()
        return Changes(passages=True, units=unit_ids)

    def first(self) -> Changes:
        self.snapshot = passage_edits.delete_passages(self.project, self.passage_ids)
        return self._changes()

    def undo_changes(self) -> Changes:
        passage_edits.restore_passages(self.project, self.snapshot)
        return self._changes()

    def redo_changes(self) -> Changes:
        return self.first()


class EditPassage(Command):
    """A passage's themes, note and span (where it begins and ends) changed as one step."""

    def __init__(self, ctx: Context, passage_id: int, theme_ids: list[int] | None, note: str | None,
                 span: tuple[int, int] | None = None):
        super().__init__(ctx, QT_TR_NOOP("Edit passage"))
        self.passage_id, self.theme_ids, self.note, self.span = passage_id, theme_ids, note, span
        self.edit = None

    def _changes(self) -> Changes:
        return Changes(passages=True, units={self.edit.after.unit_id})

    def _set(self, p) -> None:
        passage_edits.edit_passage(self.project, self.passage_id, p.theme_ids, p.note, (p.start, p.end))

    def first(self) -> Changes:
        self.edit = passage_edits.edit_passage(self.project, self.passage_id, self.theme_ids, self.note, self.span)
        return self._changes()

    def undo_changes(self) -> Changes:
        self._set(self.edit.before)
        return self._changes()

    def redo_changes(self) -> Changes:
        self._set(self.edit.after)
        return self._changes()


class TagSections(Command):
    """Whole sections, or every section whose heading matches a pattern, as one step."""

    def __init__(
        self,
        ctx: Context,
        run: Callable[[Project], passage_edits.SectionTagging] | None,
        text: str | None = None,
        *,
        result: passage_edits.SectionTagging | None = None,
    ):
        """`run` tags (first run); or pass the `result` of tagging done already (in the background)."""
        super().__init__(ctx, text or QT_TR_NOOP("Tag sections"))
        self.run = run
        self.result: passage_edits.SectionTagging | None = result
        self.snapshot = None

    def _changes(self) -> Changes:
        return Changes(passages=True, units=set(self.result.units))

    def first(self) -> Changes:
        if self.result is None:
            self.result = self.run(self.project)
        return self._changes()

    def undo_changes(self) -> Changes:
        self.snapshot = passage_edits.delete_passages(self.project, self.result.passage_ids)
        return self._changes()

    def redo_changes(self) -> Changes:
        passage_edits.restore_passages(self.project, self.snapshot)
        return self._changes()


# -- themes --------------------------------------------------------------------------------------


class ThemeCommand(Command):
    """Any codebook change: `op(project)` calls core; `touched` are the themes whose passage tags
    the change may alter (deleted or merged ones). Undo and redo restore the captured codebook."""

    def __init__(self, ctx: Context, text: str, op: Callable[[Project], object], touched: list[int] | None = None):
        super().__init__(ctx, text)
        self.op = op
        self.touched = list(touched or [])
        self.before = self.after = None
        self.outcome: object = None

    def _changes(self) -> Changes:
        return Changes(themes=True, passages=bool(self.touched))

    def first(self) -> Changes:
        self.before = theme_history.capture(self.project, self.touched)
        self.outcome = self.op(self.project)
        self.after = theme_history.capture(self.project, self.touched)
        return self._changes()

    def undo_changes(self) -> Changes:
        theme_history.restore_theme_state(self.project, self.before)
        return self._changes()

    def redo_changes(self) -> Changes:
        theme_history.restore_theme_state(self.project, self.after)
        return self._changes()


# -- reports -------------------------------------------------------------------------------------


class CorrectUnit(Command):
    """A correction of a report's county, year or title: `op(project)` returns a UnitChange."""

    def __init__(self, ctx: Context, text: str, unit_id: int, op: Callable[[Project], units.UnitChange]):
        super().__init__(ctx, text)
        self.unit_id = unit_id
        self.op = op
        self.change: units.UnitChange | None = None

    def _changes(self) -> Changes:
        return Changes(outline=self.change.moved, labels=True, units={self.unit_id})

    def first(self) -> Changes:
        self.change = self.op(self.project)
        return self._changes()

    def undo_changes(self) -> Changes:
        units.update_unit(self.project, self.unit_id, **self.change.before)
        return self._changes()

    def redo_changes(self) -> Changes:
        units.update_unit(self.project, self.unit_id, **self.change.after)
        return self._changes()


class DeleteUnit(Command):
    def __init__(self, ctx: Context, unit_id: int):
        super().__init__(ctx, QT_TR_NOOP("Delete report"))
        self.unit_id = unit_id
        self.deleted: units.DeletedUnit | None = None

    def _changes(self) -> Changes:
        return Changes(outline=True, passages=True, units={self.unit_id})

    def first(self) -> Changes:
        self.deleted = units.delete_unit(self.project, self.unit_id)
        return self._changes()

    def undo_changes(self) -> Changes:
        units.restore_unit(self.project, self.deleted)
        return self._changes()

    def redo_changes(self) -> Changes:
        return self.first()


def retranslate_history(stack: QUndoStack) -> None:
    """Every step of the history in the interface language now (after the user switched)."""
    for k in range(stack.count()):
        command = stack.command(k)
        if isinstance(command, Command):
            command.retranslate()
