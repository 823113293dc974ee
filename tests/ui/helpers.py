"""Helpers for driving the real window in tests."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from reader.core.store import outline_tree
from reader.core.store.documents import list_units, unit_text


def utf16(text: str, cp: int) -> int:
    """UTF-16 position of code point `cp` in `text`, computed independently of the program."""
    return len(text[:cp].encode("utf-16-le")) // 2


def unit_of(project, county: str):
    return next(u for u in list_units(project) if u.county == county)


def sections(project, unit_id: int):
    return [s for top in outline_tree.section_tree(project, unit_id) for s in top.walk()]


def click_index(qtbot, view, index) -> None:
    """Click an item of a tree or table view as a user would."""
    view.scrollTo(index)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def choose_section(qtbot, window, county: str, k: int = 0):
    """Click the k-th section (in outline order) of the county's first report; returns
    (unit, section, unit text)."""
    u = unit_of(window.project, county)
    s = sections(window.project, u.id)[k]
    index = window.outline_model.find_unit(u.id, s.id)
    assert index.isValid()
    window.outline_panel.select_index(index.parent(), emit=False)  # expands the levels above
    click_index(qtbot, window.outline_view, index)
    return u, s, unit_text(window.project, u.id)


def select_in_pane(pane, text_shown: str, start_cp: int, end_cp: int) -> None:
    """Select code points [start_cp, end_cp) of the text the pane shows."""
    c = QTextCursor(pane.document())
    c.setPosition(utf16(text_shown, start_cp))
    c.setPosition(utf16(text_shown, end_cp), QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(c)


def highlighted_spans(pane) -> list[tuple[int, int, str]]:
    """(start, end, background colour name) of the pane's highlight selections (UTF-16)."""
    out = []
    for sel in pane.extraSelections():
        bg = sel.format.background()
        if bg.style() == Qt.BrushStyle.SolidPattern:
            out.append((sel.cursor.selectionStart(), sel.cursor.selectionEnd(), bg.color().name()))
    return out
