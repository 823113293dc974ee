"""Key sequences of the window's actions, and undo/redo that act on the project's history wherever
the focus is.

An action's keys are given as a string ("Ctrl+M"), a QKeySequence.StandardKey (every binding of the
platform: Undo is Ctrl+Z and Alt+Backspace on one desktop, Ctrl+Z alone on another) or a tuple of
them; `sequences()` turns that into a list with no key twice (one action bound twice to the same
key is an "Ambiguous shortcut overload" in Qt, and the key then does nothing).

Undo and redo: a focused text field takes Ctrl+Z for its own undo (Qt's ShortcutOverride), so
after the focus wandered into the outline's filter box, Ctrl+Z would edit the box, even restore an
old filter that hides the tree. HistoryKeys, an application event filter, leaves Ctrl+Z and the
redo keys to the field only while the user is typing in it (has typed there since the field took
the focus); otherwise they undo and redo the project's changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QLineEdit, QPlainTextEdit, QTextEdit

UNDO_KEYS = (QKeySequence.StandardKey.Undo,)
REDO_KEYS = ("Ctrl+Shift+Z", "Ctrl+Y", QKeySequence.StandardKey.Redo)
TYPING = "readerTyping"  # dynamic property of a text field: the user typed there since it took the focus
EDITING_KEYS = {int(Qt.Key.Key_Backspace), int(Qt.Key.Key_Delete)}


def platform_keys(key: QKeySequence.StandardKey) -> list[QKeySequence]:
    """Every binding of a standard key on this platform."""
    return list(QKeySequence.keyBindings(key))


def sequences(spec) -> list[QKeySequence]:
    """The key sequences of an action: `spec` is a string, a StandardKey, None, or a tuple of these;
    each sequence once, in the order given."""
    specs = spec if isinstance(spec, tuple | list) else (spec,)
    out: list[QKeySequence] = []
    seen: set[str] = set()
    for one in specs:
        if one is None or one == "":
            continue
        found = platform_keys(one) if isinstance(one, QKeySequence.StandardKey) else [QKeySequence(one)]
        for seq in found:
            text = seq.toString(QKeySequence.SequenceFormat.PortableText)
            if not seq.isEmpty() and text not in seen:
                seen.add(text)
                out.append(seq)
    return out


def set_keys(action: QAction, spec) -> None:
    action.setShortcuts(sequences(spec))


def set_history_keys(undo: QAction, redo: QAction) -> None:
    """The undo and redo keys of a window's actions (the main window's and the comparison view's)."""
    set_keys(undo, UNDO_KEYS)
    set_keys(redo, REDO_KEYS)
    install_history_keys()


def _text_field(obj: QObject) -> bool:
    if isinstance(obj, QLineEdit):
        return not obj.isReadOnly()
    if isinstance(obj, QTextEdit | QPlainTextEdit):
        return not obj.isReadOnly()
    return isinstance(obj, QAbstractSpinBox)


def _matches(event: QKeyEvent, specs) -> bool:
    pressed = QKeySequence(event.keyCombination())
    return any(seq.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch for seq in sequences(specs))


class HistoryKeys(QObject):
    """Application event filter: Ctrl+Z and the redo keys go to the project's history unless the
    focused text field is being typed in."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.FocusIn and _text_field(obj):
            obj.setProperty(TYPING, False)
        elif kind == QEvent.Type.KeyPress and _text_field(obj):
            if (event.text() and event.text().isprintable()) or int(event.key()) in EDITING_KEYS \
                    or event.matches(QKeySequence.StandardKey.Paste) or event.matches(QKeySequence.StandardKey.Cut):
                obj.setProperty(TYPING, True)
        elif kind == QEvent.Type.InputMethod and _text_field(obj) and event.commitString():
            obj.setProperty(TYPING, True)
        elif kind == QEvent.Type.ShortcutOverride and _text_field(obj) and not obj.property(TYPING):
            if _matches(event, UNDO_KEYS) or _matches(event, REDO_KEYS):
                event.ignore()  # not overridden: the window's undo or redo action takes the key
                return True
        return False


_installed: dict[str, HistoryKeys] = {}


def install_history_keys() -> None:
    """Install the filter on the application (once)."""
    app = QApplication.instance()
    if app is None or "filter" in _installed:
        return
    keys = HistoryKeys(app)
    app.installEventFilter(keys)
    _installed["filter"] = keys
