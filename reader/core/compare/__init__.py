"""Comparing reports: the alignment engine in use on a project (no Qt). A project and a Selection of
its reports in; a Comparison out (rows of sections side by side, stored in the project: stored),
with the user's corrections (corrections), the stock phrases shared in a row (phrases) and the
text two sections share (reuse), as the comparison view marks them (annotations).

What the comparison view calls:

    from reader.core import compare
    comparison = compare.load_comparison(project)            # the stored rows, or None
    comparison = compare.apply_rows(comparison, compare.load_rows(project, change.rows))  # after a correction
    comparison = compare.run_alignment(project, compare.Selection(counties=["吉县"]), progress, cancel)
    aligned = compare.align_and_store(project, selection, progress, cancel)  # the same, not read back
    compare.move_section(project, section_id, row_key)       # and mark_not_match, split_section,
    compare.remove_correction(project, change.correction.id) # merge_rows, rename_row; list_corrections

Off the UI thread: a SQLite connection belongs to the thread that opened it, so the worker opens
the project itself (`open_project(path)`), runs `run_alignment(..., progress, cancel)` and closes
it; the window then calls `load_comparison` on its own connection. Cancelled (a CancelToken set
from the Cancel button) leaves the stored comparison as it was and is not an error.

Shared phrases and text reuse between sections: reader.core.compare.phrases (row_phrases, occurrences) and
reader.core.compare.reuse (row_reuse, section_reuse).
"""

from reader.core.compare.comparison import (
    Aligned,
    Column,
    Comparison,
    Member,
    Row,
    RowsUpdate,
    align_and_store,
    apply_rows,
    load_comparison,
    load_rows,
    run_alignment,
)
from reader.core.compare.corrections import (
    CorrectionChange,
    add_correction,
    list_corrections,
    mark_not_match,
    merge_rows,
    move_section,
    remove_correction,
    rename_row,
    split_section,
)
from reader.core.compare.inputs import section_texts
from reader.core.compare.selection import Choices, Selection, choices, parse_years, select_units
from reader.core.compare.shape import TreeRow, codebook_misfits, row_parents, row_tree, visible_rows
from reader.core.compare.stored import StoredCorrection

__all__ = [
    "Aligned", "align_and_store", "Column", "Comparison", "CorrectionChange", "Member", "Row", "RowsUpdate", "Selection", "StoredCorrection",
    "TreeRow", "add_correction", "apply_rows", "codebook_misfits", "list_corrections", "load_comparison", "load_rows",
    "row_parents", "row_tree", "visible_rows", "mark_not_match", "merge_rows", "move_section",
    "parse_years", "remove_correction", "rename_row", "run_alignment", "section_texts", "select_units",
    "split_section",
    "Choices", "choices",
]
