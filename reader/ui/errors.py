"""The one place where an error becomes something the user sees.

show_error(parent, exc): a ReaderError is put into words by reader.core.messages.describe in the
interface language and shown in a dialog (or, with `quiet`, in the status bar); Cancelled ends
quietly with a word in the status bar; anything else is a bug: logged with its traceback and shown
as one sentence that says so. Nothing else in the window builds error messages.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from reader.core.errors import Cancelled, ReaderError
from reader.core.messages import describe
from reader.ui import i18n
from reader.ui.i18n import tr
from reader.ui.plain import plain_box

log = logging.getLogger(__name__)
STATUS_MS = 8000



def message_for(exc: BaseException) -> str:
    """The sentence the user reads for `exc`, in the interface language."""
    if isinstance(exc, ReaderError):
        return describe(exc, i18n.message_lang())
    return tr("Internal error: {name}: {message} (a fault in the program; your work is saved).").format(
        name=type(exc).__name__, message=exc
    )


class ErrorBox:
    """The dialog; tests patch `present`."""

    @classmethod
    def present(cls, parent: QWidget | None, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Renda Reader"), text, QMessageBox.StandardButton.Ok, parent)
        plain_box(box).exec()  # a file or theme named "<b>x</b>" is shown as typed


def _status(parent: QWidget | None, text: str) -> bool:
    window = parent.window() if parent is not None else None
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, STATUS_MS)
        return True
    return False


def _damaged_data(parent: QWidget | None) -> ReaderError | None:
    """ProjectDamaged when the window's project holds rows the program would not write: the fault
    came from the file, not the program."""
    from reader.core.store.sanity import damaged_data

    project = getattr(parent.window() if parent is not None else None, "project", None)
    path = getattr(project, "path", None)
    return damaged_data(path) if path is not None else None


def show_error(parent: QWidget | None, exc: BaseException, *, quiet: bool = False) -> None:
    if isinstance(exc, Cancelled):
        _status(parent, tr("Cancelled."))
        return
    if not isinstance(exc, ReaderError):
        log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
        exc = _damaged_data(parent) or exc
    text = message_for(exc)
    if quiet and _status(parent, text):
        return
    ErrorBox.present(parent, text)
