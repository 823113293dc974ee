"""Driving the real window as a user does: menus opened with Alt and their letters, modal dialogs
answered from a timer while their exec() runs, keys and mouse through QTest."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QInputMethodEvent, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QWidget

MNEMONIC = re.compile(r"&(?!&)(\w)")
MODAL_TIMEOUT_S = 8.0


def mnemonic(text: str) -> str:
    m = MNEMONIC.search(text)
    assert m, f"no Alt-letter in {text!r}"
    return m.group(1).upper()


def key_of(letter: str) -> Qt.Key:
    return getattr(Qt.Key, f"Key_{letter.upper()}")


class Answer:
    """A modal dialog to be answered: `done` once fn ran; `stop()` ends the waiting (call it when
    the dialog did not come, so that a later test's dialog is not answered by this one)."""

    def __init__(self) -> None:
        self.done = False
        self.stopped = False
        self.failures: list[BaseException] = []

    def stop(self) -> None:
        self.stopped = True

    def check(self) -> None:
        """Stop waiting; fail if the dialog never came or fn failed."""
        self.stop()
        if self.failures:
            raise self.failures[0]
        assert self.done, "the dialog did not open"


def on_next_modal(fn: Callable[[QWidget], None], *, failures: list | None = None,
                  after: QWidget | None = None) -> Answer:
    """Call fn(dialog) once the next modal dialog is up (its exec() is running by then). If none
    comes within MODAL_TIMEOUT_S the polling stops; if fn raises, the dialog is rejected (so that
    the test does not hang) and the error is kept in `failures` and in the Answer. `after`: a
    dialog still open now, whose successor is wanted."""
    deadline = time.monotonic() + MODAL_TIMEOUT_S
    answer = Answer()

    def poll() -> None:
        if answer.stopped:
            return
        w = QApplication.activeModalWidget()
        if w is None or not w.isVisible() or w is after:
            if time.monotonic() < deadline:
                QTimer.singleShot(20, poll)
            return
        answer.done = True
        try:
            fn(w)
        except BaseException as e:  # noqa: BLE001 - handed to the test, which re-raises it
            answer.failures.append(e)
            if failures is not None:
                failures.append(e)
            if w.isVisible() and hasattr(w, "reject"):
                w.reject()

    QTimer.singleShot(0, poll)
    return answer


def activate(qtbot, window) -> None:
    """Make the window the active one (keys go to its focus widget), as a click on it would."""
    window.activateWindow()
    window.raise_()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)


def focused(window) -> QWidget:
    """Where a key the user presses goes: the focus widget (else the window)."""
    return QApplication.focusWidget() or window


def press(window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed and released where the focus is."""
    QTest.keyClick(focused(window), key, modifiers)


def open_menu(qtbot, window, menu_key: str) -> QMenu:
    """Open a top-level menu with Alt and its letter, as a keyboard user does."""
    menu = window.menus[menu_key]
    press(window, key_of(mnemonic(menu.title())), Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(menu.isVisible, timeout=3000)
    return menu


def choose_in_menu(qtbot, menu: QMenu, text_or_action) -> None:
    """Choose an entry of an open menu by its Alt-letter."""
    action = text_or_action
    text = action.text() if hasattr(action, "text") else str(action)
    QTest.keyClick(menu, key_of(mnemonic(text)))


def menu_command(qtbot, window, menu_key: str, action_name: str) -> None:
    """Alt+menu letter, then the entry's letter: window.actions[action_name] runs."""
    menu = open_menu(qtbot, window, menu_key)
    choose_in_menu(qtbot, menu, window.actions[action_name])


def type_text(widget: QWidget, text: str) -> None:
    """Type text as a user does: ASCII with key clicks, anything else committed by an input method
    (QTest cannot click keys for Chinese characters)."""
    for ch in text:
        if ch.isascii():
            QTest.keyClicks(widget, ch)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)


def click(widget: QWidget, pos: QPoint | None = None, button=Qt.MouseButton.LeftButton,
          modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.mouseClick(widget, button, modifiers, pos if pos is not None else widget.rect().center())


# -- the reading pane ------------------------------------------------------------------------------


def caret_point(pane, pos: int) -> QPoint:
    """Viewport point of the caret before pane position `pos` (UTF-16), vertically centred."""
    c = QTextCursor(pane.document())
    c.setPosition(pos)
    r = pane.cursorRect(c)
    return QPoint(r.left(), r.center().y())


def char_point(pane, pos: int, fraction: float = 0.5) -> QPoint:
    """Viewport point inside the character at pane position `pos` (UTF-16): `fraction` of its
    width from its left edge (0.25: in its left half, 0.75: in its right half)."""
    c = QTextCursor(pane.document())
    c.setPosition(pos)
    left = pane.cursorRect(c)
    c.setPosition(pos + 1)
    right = pane.cursorRect(c)
    if right.top() != left.top():  # the character ends its line: its width from the font
        width = pane.fontMetrics().horizontalAdvance(pane.document().characterAt(pos))
        return QPoint(left.left() + int(width * fraction), left.center().y())
    return QPoint(left.left() + int((right.left() - left.left()) * fraction), left.center().y())


def drag(widget: QWidget, start: QPoint, end: QPoint, steps: int = 4,
         modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """Press the left button at `start`, move to `end`, release: a mouse drag."""
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, modifiers, start)
    for k in range(1, steps + 1):
        p = start + (end - start) * (k / steps)
        QTest.mouseMove(widget, p)
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, modifiers, end)


def drag_select(pane, start_pos: int, end_pos: int) -> None:
    """Select pane positions [start_pos, end_pos) (UTF-16) with the mouse: press just inside the
    left half of the first character, release just inside the left half of the one after the last."""
    pane.ensureCursorVisible()
    drag(pane.viewport(), char_point(pane, start_pos, 0.2), char_point(pane, end_pos, 0.2))


def context_menu(widget: QWidget, pos: QPoint) -> None:
    """A right click's context menu event at `pos` (what Qt sends on a right click)."""
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)


def on_next_popup(fn: Callable[[QMenu], None]) -> Answer:
    """Call fn(menu) once a popup menu is up (while its exec() runs)."""
    deadline = time.monotonic() + MODAL_TIMEOUT_S
    answer = Answer()

    def poll() -> None:
        if answer.stopped:
            return
        w = QApplication.activePopupWidget()
        if not isinstance(w, QMenu) or not w.isVisible():
            if time.monotonic() < deadline:
                QTimer.singleShot(20, poll)
            return
        answer.done = True
        try:
            fn(w)
        except BaseException as e:  # noqa: BLE001 - handed to the test
            answer.failures.append(e)
            w.close()

    QTimer.singleShot(0, poll)
    return answer


def choose_menu_entry(menu: QMenu, text: str) -> None:
    """Click the entry of an open menu whose text (without &) is `text`."""
    for action in menu.actions():
        if action.text().replace("&", "") == text.replace("&", ""):
            QTest.mouseClick(menu, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                             menu.actionGeometry(action).center())
            return
    raise AssertionError(f"no {text!r} in {[a.text() for a in menu.actions()]}")
