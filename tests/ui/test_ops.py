"""The background helper: results and errors come back on the UI thread, cancel is quiet, the
worker has its own connection."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QWidget

from reader.core.errors import Cancelled, NotFound
from reader.core.store.documents import list_units
from reader.ui import ops


def test_sync_op_result_and_own_connection(qtbot, sample_project_path, sample_project):
    parent = QWidget()
    qtbot.addWidget(parent)
    got = []
    op = ops.run_op(parent, lambda project, progress, cancel: (project.db.conn is not sample_project.db.conn,
                                                                  len(list_units(project))),
                    project_path=sample_project_path, on_done=got.append)
    assert op.is_done and got == [(True, len(list_units(sample_project)))]


def test_threaded_op_delivers_on_the_ui_thread(qtbot, sample_project_path, threaded_ops):
    parent = QWidget()
    qtbot.addWidget(parent)
    threads = []

    def work(project, progress, cancel):
        threads.append(threading.current_thread())
        progress(1, 2, "x")
        return len(list_units(project))

    done = []
    op = ops.run_op(parent, work, project_path=sample_project_path, on_done=lambda r: done.append(threading.current_thread()))
    qtbot.waitUntil(lambda: op.is_done, timeout=10000)
    assert threads[0] is not threading.main_thread()
    assert done == [threading.main_thread()]
    assert op.result > 0


def test_errors_go_to_the_error_display_and_cancel_is_quiet(qtbot, shown_errors):
    parent = QWidget()
    qtbot.addWidget(parent)

    def fail(project, progress, cancel):
        raise NotFound("unit", "5")

    op = ops.run_op(parent, fail)
    assert isinstance(op.error, NotFound) and shown_errors == ["找不到报告：5"]

    def cancelled(project, progress, cancel):
        raise Cancelled()

    op = ops.run_op(parent, cancelled)
    assert isinstance(op.error, Cancelled) and shown_errors == ["找不到报告：5"]  # no dialog for a cancel

    def bug(project, progress, cancel):
        raise ZeroDivisionError("x")

    ops.run_op(parent, bug)
    assert len(shown_errors) == 2 and "ZeroDivisionError" in shown_errors[1]
    shown_errors.clear()


def test_cancel_token_reaches_the_work(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    seen = []

    def work(project, progress, cancel):
        for k in range(5):
            if cancel.cancelled:
                break
            progress(k, 5, str(k))
            seen.append(k)
        return seen

    op = ops.Op(parent, work, cancellable=True)
    op.progressed.connect(lambda done, total, name: done == 1 and op.cancel())
    op.run()
    assert op.result == [0, 1] and op.cancelled


def test_the_dialog_shows_the_newest_progress_at_most_every_interval(qtbot, threaded_ops, monkeypatch):
    """Every report is emitted (progressed), but the dialog is redrawn at most once a
    PROGRESS_EVERY_MS, with the newest report: an import reports every file."""
    parent = QWidget()
    qtbot.addWidget(parent)
    release = threading.Event()
    shows = []
    real = ops.Op._show_progress
    monkeypatch.setattr(ops.Op, "_show_progress", lambda self: (shows.append(self._pending), real(self)))

    def work(project, progress, cancel):
        for k in range(200):
            progress(k, 200, f"f{k}.txt")
        release.wait(10)
        return 1

    op = ops.run_op(parent, work)
    emitted = []
    op.progressed.connect(lambda done, total, name: emitted.append(done))
    qtbot.waitUntil(lambda: len(emitted) == 200, timeout=10000)
    qtbot.wait(3 * ops.PROGRESS_EVERY_MS)
    assert emitted == list(range(200))
    assert len(shows) <= 5 and shows[-1] == (199, 200, "f199.txt")
    assert op.dialog.value() == 199 and "f199.txt" in op.dialog.labelText()
    release.set()
    qtbot.waitUntil(lambda: op.is_done, timeout=10000)
    assert op.result == 1 and op.dialog is None
