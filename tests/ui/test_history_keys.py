"""Undo and redo as the user meets them: Ctrl+Z after deleting a passage brings it back wherever
the focus went (the outline's filter box included), except in a text field the user is typing in;
redo answers Ctrl+Shift+Z and Ctrl+Y in the main window and the comparison view; no key sequence is
bound twice in any window (Qt's "Ambiguous shortcut overload" does nothing); the passage list
deletes with the Delete key and its context menu."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMenuBar

from reader.core.store.passages import list_passages
from reader.ui import i18n, shortcuts
from reader.ui.models.passages import EXCERPT
from tests.ui.driving import (
    activate,
    char_point,
    choose_menu_entry,
    click,
    context_menu,
    drag_select,
    mnemonic,
    on_next_popup,
    press,
    type_text,
)
from tests.ui.helpers import choose_section, click_index, utf16

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def tag_a_word(qtbot, window, county: str = "新绛县", word: str = "党史学习教育"):
    """Choose the county's first section, drag over `word`, press 1: returns (passage, shown text, i)."""
    unit, section, text = choose_section(qtbot, window, county, 0)
    shown = text[section.start : section.end]
    i = shown.index(word, section.heading_end - section.start)
    pane = window.text_pane
    drag_select(pane, utf16(shown, i), utf16(shown, i + len(word)))
    assert pane.textCursor().selectedText() == word
    qtbot.keyClick(pane, Qt.Key.Key_1)  # the pane the user just dragged in has the focus
    [p] = list_passages(window.project)
    assert p.quote == word
    return p, shown, i


def test_ctrl_z_after_deleting_a_passage_brings_it_back_wherever_the_focus_went(window, qtbot):
    activate(qtbot, window)
    # earlier, the user filtered the outline and cleared the filter again
    box = window.outline_panel.filter_box
    click(box)
    type_text(box, "xyz")
    for _ in range(3):
        qtbot.keyClick(box, Qt.Key.Key_Backspace)
    assert box.text() == ""
    p, shown, i = tag_a_word(qtbot, window)
    pane = window.text_pane
    click(pane.viewport(), char_point(pane, utf16(shown, i + 2)))  # the passage: the strip shows it
    assert window.passage_strip.isVisible()
    click(window.passage_strip.delete_button)
    assert list_passages(window.project) == []
    assert "Ctrl+Z" in window.statusBar().currentMessage()
    press(window, Qt.Key.Key_Z, CTRL)  # wherever Qt put the focus
    assert [x.id for x in list_passages(window.project)] == [p.id]
    assert box.text() == "" and window.outline_model.flt == ""

    # focus in the filter box without typing there: still the project's history
    click(box)
    assert QApplication.focusWidget() is box
    press(window, Qt.Key.Key_Z, CTRL)
    assert list_passages(window.project) == []
    assert box.text() == ""
    press(window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert [x.id for x in list_passages(window.project)] == [p.id]

    # typing in the filter box: Ctrl+Z there is the box's own undo, the project is left alone
    type_text(box, "abc")
    press(window, Qt.Key.Key_Z, CTRL)
    assert box.text() != "abc"
    assert [x.id for x in list_passages(window.project)] == [p.id]


def test_the_passage_list_deletes_with_the_delete_key_and_its_context_menu(window, qtbot):
    activate(qtbot, window)
    p, _shown, _i = tag_a_word(qtbot, window)
    view = window.passage_list.view
    window.right_tabs.setCurrentWidget(window.passage_list)
    click_index(qtbot, view, window.passage_list.model.index(0, EXCERPT))
    assert QApplication.focusWidget() is view
    press(window, Qt.Key.Key_Delete)
    assert list_passages(window.project) == []
    press(window, Qt.Key.Key_Z, CTRL)
    assert [x.id for x in list_passages(window.project)] == [p.id]

    index = window.passage_list.model.index(0, EXCERPT)
    entry = i18n.tr("Delete passage")
    answer = on_next_popup(lambda menu: choose_menu_entry(menu, entry))
    context_menu(view.viewport(), view.visualRect(index).center())
    answer.check()
    assert list_passages(window.project) == []
    activate(qtbot, window)  # (offscreen, the closed menu stays the active window)
    press(window, Qt.Key.Key_Z, CTRL)
    assert [x.id for x in list_passages(window.project)] == [p.id]


# The key bindings of Qt's X11 desktops (KDE, GNOME) where they differ from the offscreen platform's
# (Windows-like) ones: Redo is Ctrl+Shift+Z alone there, which an explicit Ctrl+Shift+Z doubled.
X11_BINDINGS = {QKeySequence.StandardKey.Redo: ["Ctrl+Shift+Z"]}


class X11KeySequence(QKeySequence):
    """QKeySequence(StandardKey) as on an X11 desktop."""

    def __init__(self, *args):
        if len(args) == 1 and isinstance(args[0], QKeySequence.StandardKey) and args[0] in X11_BINDINGS:
            super().__init__(X11_BINDINGS[args[0]][0])
        else:
            super().__init__(*args)


def x11_key_bindings(monkeypatch) -> None:
    """The window built with an X11 desktop's standard keys."""
    from reader.ui import mainwindow
    from reader.ui.compare import window as compare_window

    real = shortcuts.platform_keys
    monkeypatch.setattr(shortcuts, "platform_keys", lambda key: [QKeySequence(s) for s in X11_BINDINGS[key]]
                        if key in X11_BINDINGS else real(key))
    for module in (mainwindow, compare_window):
        monkeypatch.setattr(module, "QKeySequence", X11KeySequence, raising=False)


@pytest.mark.parametrize("platform", ["offscreen", "x11"])
@pytest.mark.parametrize("keys", [(Qt.Key.Key_Z, CTRL | SHIFT), (Qt.Key.Key_Y, CTRL)], ids=["ctrl-shift-z", "ctrl-y"])
def test_redo_keys_work_in_the_main_window_and_the_comparison_view(make_window, sample_project_path, qtbot, qtlog,
                                                                   monkeypatch, keys, platform):
    if platform == "x11":
        x11_key_bindings(monkeypatch)
    window = make_window(sample_project_path)
    activate(qtbot, window)
    p, _shown, _i = tag_a_word(qtbot, window)
    press(window, Qt.Key.Key_Z, CTRL)
    assert list_passages(window.project) == []
    press(window, *keys)
    assert [x.id for x in list_passages(window.project)] == [p.id]
    compare = window.compare.show()
    activate(qtbot, compare)
    press(compare, Qt.Key.Key_Z, CTRL)
    assert list_passages(window.project) == []
    press(compare, *keys)
    assert [x.id for x in list_passages(window.project)] == [p.id]
    assert not [r.message for r in qtlog.records if "Ambiguous" in r.message]


# -- no ambiguous shortcut ---------------------------------------------------------------------------


def _scope(obj) -> object:
    """What a shortcut's context covers: its window for window and application shortcuts, else
    the widget it belongs to."""
    context = obj.context() if isinstance(obj, QShortcut) else obj.shortcutContext()
    widget = obj.parent() if isinstance(obj, QShortcut) else next(
        (w for w in obj.associatedObjects() if hasattr(w, "window")), obj.parent())
    if context in (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut):
        return widget.window() if widget is not None else None
    return widget


def clashes(window) -> list[str]:
    """Key sequences bound twice within one scope of `window`: by two actions or shortcuts, by one
    action twice, or by an action and a menu bar's Alt+letter."""
    seen: dict[tuple[object, str], str] = {}
    out = []

    def add(scope, seq: QKeySequence, what: str) -> None:
        key = (scope, seq.toString(QKeySequence.SequenceFormat.PortableText))
        if key in seen:
            out.append(f"{key[1]}: {seen[key]} and {what}")
        else:
            seen[key] = what

    for action in window.findChildren(QAction):
        if action.menu() is not None and not action.shortcuts():
            continue
        for seq in action.shortcuts():
            if not seq.isEmpty():
                add(_scope(action), seq, action.objectName() or action.text())
    for sc in window.findChildren(QShortcut):
        for seq in sc.keys():
            add(_scope(sc), seq, sc.objectName() or "QShortcut")
    for bar in window.findChildren(QMenuBar):
        for action in bar.actions():
            if action.text():
                add(window, QKeySequence(f"Alt+{mnemonic(action.text())}"), f"menu {action.text()}")
    return out


@pytest.mark.parametrize("platform", ["offscreen", "x11"])
@pytest.mark.parametrize("lang", [i18n.ZH, i18n.EN])
def test_no_ambiguous_shortcut_in_any_window(make_window, sample_project_path, monkeypatch, lang, platform):
    if platform == "x11":
        x11_key_bindings(monkeypatch)
    window = make_window(sample_project_path, lang=lang)
    assert not clashes(window), clashes(window)
    compare = window.compare.show()
    assert not clashes(compare), clashes(compare)
    for w in (window, compare):
        redo = next(a for a in w.findChildren(QAction) if a.objectName() in ("action_redo", "action_compare_redo"))
        keys = [s.toString() for s in redo.shortcuts()]
        assert "Ctrl+Shift+Z" in keys and "Ctrl+Y" in keys, keys
