"""Menus and shortcuts as a keyboard user meets them: within a menu no two entries share an
Alt-letter, in either language; no key sequence does two things in the main window or in the
comparison view; Qt's own file dialog speaks Chinese too."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from reader.ui import i18n

MNEMONIC = re.compile(r"&(?!&)(\w)")


def menus_of(window) -> list[QMenu]:
    found = []
    stack = [m for m in window.menus.values()]
    while stack:
        menu = stack.pop()
        menu.aboutToShow.emit()  # menus filled on demand (recent projects, tag as)
        found.append(menu)
        stack.extend(a.menu() for a in menu.actions() if a.menu() is not None)
    return found


@pytest.mark.parametrize("lang", [i18n.ZH, i18n.EN])
def test_no_two_entries_of_a_menu_share_a_letter(window, lang):
    window.set_language(lang)
    for menu in menus_of(window):
        letters = [m.group(1).lower() for a in menu.actions() if a.isVisible() for m in [MNEMONIC.search(a.text())] if m]
        repeated = [k for k, n in Counter(letters).items() if n > 1]
        assert not repeated, (menu.title(), repeated, [a.text() for a in menu.actions()])


def shortcuts(widget) -> Counter:
    keys = Counter()
    for action in widget.findChildren(QAction):
        for seq in action.shortcuts():
            if not seq.isEmpty():
                keys[seq.toString()] += 1
    return keys


def test_no_key_does_two_things(window):
    main = shortcuts(window)
    assert main and not [k for k, n in main.items() if n > 1], main
    for key in ("Ctrl+E", "Ctrl+F", "Ctrl+Shift+F", "Ctrl+M", "Ctrl+Shift+C", "Ctrl+T", "Ctrl+Shift+T", "Ctrl+Z"):
        assert main[key] == 1, key
    cw = window.compare.show()
    view = shortcuts(cw)
    assert not [k for k, n in view.items() if n > 1], view
    assert view["F5"] == 1 and view["Ctrl+Z"] == 1


def test_qt_file_dialog_labels_in_chinese(window):
    window.set_language(i18n.ZH)
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "查找范围(&L)："
    assert QCoreApplication.translate("QFileDialog", "Files of &type:") == "文件类型(&T)："
    assert QCoreApplication.translate("QFileDialog", "Detail View") == "详情视图"  # Qt's own catalogue still answers
    window.set_language(i18n.EN)
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "&Look in:"
