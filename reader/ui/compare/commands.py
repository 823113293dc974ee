"""A correction to the comparison as an undoable step on the window's one undo stack: the first run
and redo call the core correction (move_section, mark_not_match, split_section, merge_rows,
rename_row), undo takes it back with remove_correction. Each reports the rows it touched."""

from __future__ import annotations

from collections.abc import Callable

from reader.core.compare import CorrectionChange, remove_correction
from reader.core.store.project import Project
from reader.ui.changes import Changes
from reader.ui.commands import Command, Context


def _changes(change: CorrectionChange) -> Changes:
    return Changes(alignment=True, rows=set(change.rows) | set(change.added_rows) | set(change.removed_rows))


class CorrectAlignment(Command):
    def __init__(self, ctx: Context, text: str, op: Callable[[Project], CorrectionChange]):
        super().__init__(ctx, text)
        self.op = op
        self.change: CorrectionChange | None = None

    def first(self) -> Changes:
        self.change = self.op(self.project)
        return _changes(self.change)

    def undo_changes(self) -> Changes:
        return _changes(remove_correction(self.project, self.change.correction.id))

    def redo_changes(self) -> Changes:
        return self.first()
