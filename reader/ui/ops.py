"""Long work off the UI thread (after Anki's CollectionOp/QueryOp and Picard's run_task).

    Op(window, lambda project, progress, cancel: import_paths(project, paths, progress, cancel),
       project_path=window.project.path, label=tr("Importing…"), cancellable=True,
       on_done=window.imported).run()

The function runs in a QThreadPool worker with its OWN project connection (SQLite connections
belong to one thread), opened from `project_path` and closed after; pass project_path=None for
work that needs no project. It must not touch any widget. Its callbacks do not run when the
window has been closed, or shows another project by the time it ends. `progress(done, total, name)` feeds a
progress dialog (shown only when the work takes longer than a moment); its Cancel button sets the
CancelToken the function checks. The result goes to `on_done` on the UI thread; a ReaderError or
a bug goes to `on_error` (default: reader.ui.errors.show_error); Cancelled ends quietly.

Tests call set_synchronous(True): work then runs at once in the caller's thread (Picard's
FakeThreadPool), with the same signals.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QElapsedTimer, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from reader.core.errors import Cancelled
from reader.core.progress import CancelToken
from reader.core.store.db import open_project
from reader.ui.errors import show_error
from reader.ui.i18n import tr

PROGRESS_DELAY_MS = 400
# The progress dialog shows the newest report at most this often (progressed is still emitted for
# every one): an import reports every file, and redrawing the dialog for each was half the window's
# own work while it imported.
PROGRESS_EVERY_MS = 50

_mode = {"synchronous": False}
_running: set[Op] = set()
_finished: list[Op] = []  # released from the event loop after the next op starts (no deleteLater:
# deleting a Python QObject subclass that way crashed PySide under test)


def set_synchronous(on: bool) -> None:
    """Run ops at once in the calling thread (tests)."""
    _mode["synchronous"] = on


def synchronous() -> bool:
    return _mode["synchronous"]


def pool() -> QThreadPool:
    return QThreadPool.globalInstance()


def running() -> list[Op]:
    return list(_running)


def wait_all(ms: int = 10000) -> bool:
    """Cancel nothing, wait for every op's worker (teardown, window close)."""
    return pool().waitForDone(ms)



class _Signals(QObject):
    progressed = Signal(int, int, str)
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn, project_path: Path | None, token: CancelToken, signals: _Signals):
        super().__init__()
        self.setAutoDelete(False)  # the Op keeps it: a Python runnable must outlive its run()
        self.fn, self.project_path, self.token, self.signals = fn, project_path, token, signals

    def run(self) -> None:
        try:
            if self.project_path is None:
                result = self.fn(None, self._progress, self.token)
            else:
                with open_project(self.project_path, create=False) as project:
                    result = self.fn(project, self._progress, self.token)
        except BaseException as e:  # noqa: BLE001 - every outcome goes to the UI thread, where show_error decides
            self.signals.failed.emit(e)
        else:
            self.signals.done.emit(result)

    def _progress(self, done: int, total: int, name: str) -> None:
        self.signals.progressed.emit(done, total, name)


class Op(QObject):
    """One piece of background work with its progress dialog. Keep no reference: it lives until
    it has delivered its result."""

    progressed = Signal(int, int, str)
    finished = Signal(object)  # the result
    failed = Signal(object)  # the exception (Cancelled included)

    def __init__(
        self,
        parent: QWidget,
        fn: Callable[[Any, Callable[[int, int, str], None], CancelToken], Any],
        *,
        project_path: str | Path | None = None,
        label: str = "",
        cancellable: bool = False,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        progress: bool = True,
    ):
        super().__init__(parent)
        self.widget = parent
        self.fn = fn
        self.project_path = Path(project_path) if project_path else None
        self.label = label
        self.cancellable = cancellable
        self.on_done = on_done
        self.on_error = on_error
        self.token = CancelToken()
        self.dialog: QProgressDialog | None = None
        self.show_progress = progress
        self.result: Any = None
        self.error: BaseException | None = None
        self.is_done = False
        self._job: _Job | None = None
        self._pending: tuple[int, int, str] | None = None  # progress not shown yet (PROGRESS_EVERY_MS)
        self._shown = QElapsedTimer()  # since the dialog last showed progress
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.timeout.connect(self._show_progress)
        self._signals = _Signals()
        self._signals.progressed.connect(self._on_progress)
        self._signals.done.connect(self._on_done)
        self._signals.failed.connect(self._on_failed)

    # -- running ---------------------------------------------------------------------------------
    def run(self) -> Op:
        # finished ops are released from the event loop, never from here: an op started while Qt walks
        # the window's children (showing it, say) must not change that list under it (a crash)
        if _finished:
            QTimer.singleShot(0, _release_finished)
        if self.show_progress:
            self._make_dialog()
        _running.add(self)
        self._job = _Job(self.fn, self.project_path, self.token, self._signals)
        if synchronous():
            self._job.run()
        else:
            pool().start(self._job)
        return self

    def cancel(self) -> None:
        self.token.cancel()
        if self.dialog is not None:
            self.dialog.setLabelText(tr("Cancelling…"))

    @property
    def cancelled(self) -> bool:
        return self.token.cancelled

    # -- progress dialog ----------------------------------------------------------------------
    def _make_dialog(self) -> None:
        dialog = QProgressDialog(self.label, tr("Cancel") if self.cancellable else "", 0, 0, self.widget)
        dialog.setObjectName("progressDialog")
        dialog.setWindowTitle(self.label)
        dialog.setWindowModality(Qt.WindowModality.NonModal)  # the window stays usable
        dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        dialog.setMinimumWidth(420)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not self.cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(self.cancel)
        self.dialog = dialog

    def _on_progress(self, done: int, total: int, name: str) -> None:
        self.progressed.emit(done, total, name)
        if self.dialog is None or self.token.cancelled:
            return
        self._pending = (done, total, name)
        if self._shown.isValid() and self._shown.elapsed() < PROGRESS_EVERY_MS:
            if not self._later.isActive():  # the newest is shown when the interval is over
                self._later.start(max(0, PROGRESS_EVERY_MS - self._shown.elapsed()))
            return
        self._show_progress()

    def _show_progress(self) -> None:
        """The dialog shows the newest progress reported (if any, and the op is not cancelled)."""
        pending, self._pending = self._pending, None
        if pending is None or self.dialog is None or self.token.cancelled:
            return
        self._shown.start()
        done, total, name = pending
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, max(total, 1)))
        if name:
            self.dialog.setLabelText(f"{self.label}\n{name}  ({done + 1}/{total})" if total else f"{self.label}\n{name}")

    def _close_dialog(self) -> None:
        self._later.stop()
        self._pending = None
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    def _finish(self) -> None:
        self.is_done = True
        self._close_dialog()
        _running.discard(self)
        _finished.append(self)

    def _gone(self) -> bool:
        """The widget that asked is gone or closed, or its window shows another project now: the
        callbacks must not run (a result about the old project would land on the new one)."""
        if not shiboken6.isValid(self.widget):
            return True
        window = self.widget.window()
        if bool(getattr(window, "closed", False)):
            return True
        owner = getattr(window, "main", window)  # a window of the main window's (the comparison view)
        project = getattr(owner, "project", None)
        return self.project_path is not None and project is not None and not same_path(project.path, self.project_path)

    def _on_done(self, result: Any) -> None:
        self.result = result
        self._finish()
        self.finished.emit(result)
        if self.on_done is not None and not self._gone():
            self.on_done(result)

    def _on_failed(self, error: BaseException) -> None:
        self.error = error
        self._finish()
        self.failed.emit(error)
        if self._gone():
            return
        if isinstance(error, Cancelled):
            show_error(self.widget, error)  # a word in the status bar, no dialog
        elif self.on_error is not None:
            self.on_error(error)
        else:
            show_error(self.widget, error)


def same_path(a: str | Path, b: str | Path) -> bool:
    return Path(a).resolve() == Path(b).resolve()


def running_on(project_path: str | Path) -> list[Op]:
    """The ops working on this project."""
    return [op for op in _running if op.project_path is not None and same_path(op.project_path, project_path)]


def _release_finished() -> None:
    while _finished:
        op = _finished.pop()
        if shiboken6.isValid(op):
            op.setParent(None)  # Python owns it now and frees it with the last reference


def run_op(parent: QWidget, fn, **kwargs) -> Op:
    """Op(parent, fn, **kwargs).run()"""
    return Op(parent, fn, **kwargs).run()
