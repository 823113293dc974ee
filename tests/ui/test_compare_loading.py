"""The comparison view never reads the stored rows on the UI thread (a few tenths of a second on
thousands of reports): opening it, after a correction, after its undo. Several corrections in a
row end with every changed row shown; an empty project says what to do instead of aligning."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QApplication

from reader.core import compare
from reader.core.store.db import open_project
from reader.ui import ops


def _wait_for_ops(qtbot) -> None:
    qtbot.waitUntil(lambda: not ops.running(), timeout=60000)
    QApplication.processEvents()


def test_the_stored_rows_are_read_off_the_ui_thread(make_window, sample_project_path, threaded_ops, monkeypatch, qtbot):
    with open_project(sample_project_path, create=False) as p:
        compare.run_alignment(p)
    threads = []
    real = compare.load_comparison

    def load(project):
        threads.append(threading.current_thread())
        return real(project)

    monkeypatch.setattr(compare, "load_comparison", load)
    window = make_window(sample_project_path)
    cw = window.compare.show()
    _wait_for_ops(qtbot)
    assert cw.comparison is not None and cw.model.columnCount() == 10
    row = next(r for r in cw.model.rows if len(r.members) > 1 and not r.is_other)
    targets = [r for r in cw.model.rows if r.key != row.key and not r.is_other][:2]
    first, second = row.members[0], row.members[1]
    window.compare.move(first.section_id, targets[0].key)
    window.compare.move(second.section_id, targets[1].key)  # before the first read is back
    _wait_for_ops(qtbot)
    assert threads and all(t is not threading.main_thread() for t in threads)
    shown = cw.comparison
    assert shown.row_of(first.section_id).key == targets[0].key
    assert shown.row_of(second.section_id).key == targets[1].key
    columns = [c.unit_id for c in cw.model.columns]
    for member, target in ((first, targets[0]), (second, targets[1])):  # both changed rows laid out again
        c = columns.index(member.unit_id)
        moved_to = cw.grid.cell(cw.model.row_index(target.key), c)
        assert moved_to is not None and member.section_id in {m.section_id for m in moved_to.members}
        left = cw.grid.cell(cw.model.row_index(row.key), c)
        assert left is None or member.section_id not in {m.section_id for m in left.members}
    window.undo_stack.undo()
    _wait_for_ops(qtbot)
    assert cw.comparison.row_of(second.section_id).key == row.key


def test_an_empty_project_says_what_to_do(make_window, tmp_path, shown_errors):
    path = tmp_path / "empty.renda"
    open_project(path).close()
    window = make_window(path)
    cw = window.compare.show()
    assert shown_errors == []  # nothing to align is not an error here
    assert cw.comparison is None and "导入" in cw.grid.empty_text
