"""Driving the real window as a user does: menus opened with Alt and their letters, modal dialogs
answered from a timer while their exec() runs, keys and mouse through QTest."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
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


def on_next_modal(fn: Callable[[QWidget], None], *, failures: list | None = None) -> Answer:
    """Call fn(dialog) once the next modal dialog is up (its exec() is running by then). If none
    comes within MODAL_TIMEOUT_S the polling stops; if fn raises, the dialog is rejected (so that
    the test does not hang) and the error is kept in `failures` and in the Answer."""
    deadline = time.monotonic() + MODAL_TIMEOUT_S
    answer = Answer()

    def poll() -> None:
        if answer.stopped:
            return
        w = QApplication.activeModalWidget()
        if w is None or not w.isVisible():
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
