"""Where a passage begins and ends, as the user sets it with the mouse: a drag that starts on the
。 before a sentence does not put the 。 in the passage (nor blanks or a comma at its end); a
shift-click in a character's left half ends the selection before it; and the passage's start and
end can be moved afterwards in its dialog, the quote following live, undoable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractSpinBox

from reader.core.store.passages import get_passage, list_passages
from tests.ui.driving import activate, char_point, click, drag, on_next_modal, press
from tests.ui.helpers import choose_section, utf16

CTRL = Qt.KeyboardModifier.ControlModifier


def _sentence_after_full_stop(shown: str, section_heading_len: int) -> int:
    """Index of a 。 in the shown text followed by at least 12 characters of one sentence."""
    k = section_heading_len
    while True:
        k = shown.index("。", k + 1)
        nxt = shown[k + 1 : k + 13]
        if len(nxt) == 12 and all(ch not in "。，、；：\n" for ch in nxt):
            return k


def test_a_drag_begun_on_the_full_stop_tags_the_sentence_without_it(window, qtbot):
    activate(qtbot, window)
    unit, section, text = choose_section(qtbot, window, "新绛县", 0)
    shown = text[section.start : section.end]
    k = _sentence_after_full_stop(shown, section.heading_end - section.start)
    pane = window.text_pane
    # press in the left part of the 。 (where it looks like the gap after it), drag to the middle of the sentence
    drag(pane.viewport(), char_point(pane, utf16(shown, k), 0.3), char_point(pane, utf16(shown, k + 9), 0.3))
    assert pane.textCursor().selectedText().startswith("。")  # what Qt selects: the 。 too
    qtbot.keyClick(pane, Qt.Key.Key_1)
    [p] = list_passages(window.project)
    assert p.quote == shown[k + 1 : k + 9] and not p.quote.startswith("。")
    assert p.start == section.start + k + 1


def test_a_shift_click_in_a_characters_left_half_ends_before_it(window, qtbot):
    activate(qtbot, window)
    unit, section, text = choose_section(qtbot, window, "新绛县", 0)
    shown = text[section.start : section.end]
    k = _sentence_after_full_stop(shown, section.heading_end - section.start) + 1
    pane = window.text_pane
    vp = pane.viewport()
    click(vp, char_point(pane, utf16(shown, k), 0.3))
    QTest.mouseClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, char_point(pane, utf16(shown, k + 6), 0.35))
    assert pane.textCursor().selectedText() == shown[k : k + 6]
    QTest.mouseClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, char_point(pane, utf16(shown, k + 6), 0.65))
    assert pane.textCursor().selectedText() == shown[k : k + 7]
    qtbot.keyClick(pane, Qt.Key.Key_1)
    [p] = list_passages(window.project)
    assert p.quote == shown[k : k + 7]


def test_move_a_passages_start_and_end_in_its_dialog_with_undo(window, qtbot):
    activate(qtbot, window)
    unit, section, text = choose_section(qtbot, window, "新绛县", 0)
    shown = text[section.start : section.end]
    k = _sentence_after_full_stop(shown, section.heading_end - section.start) + 3
    pane = window.text_pane
    drag(pane.viewport(), char_point(pane, utf16(shown, k), 0.2), char_point(pane, utf16(shown, k + 5), 0.2))
    qtbot.keyClick(pane, Qt.Key.Key_1)
    [p] = list_passages(window.project)
    assert p.quote == shown[k : k + 5]
    click(pane.viewport(), char_point(pane, utf16(shown, k + 2)))
    assert window.passage_strip.isVisible()
    seen = {}

    def answer(dialog):
        start_edit = dialog.start_box.findChild(QAbstractSpinBox) or dialog.start_box
        click(dialog.start_box)
        for _ in range(2):
            QTest.keyClick(start_edit, Qt.Key.Key_Down)  # two characters earlier
        seen["after start"] = dialog.shown_quote()
        seen["label"] = dialog.quote.text()
        click(dialog.end_box)
        for _ in range(3):
            QTest.keyClick(dialog.end_box, Qt.Key.Key_Up)  # three characters later
        seen["after end"] = dialog.shown_quote()
        seen["label end"] = dialog.quote.text()
        click(dialog.save_button)

    answer_ = on_next_modal(answer)
    click(window.passage_strip.edit_button)
    answer_.check()
    assert seen["after start"] == shown[k - 2 : k + 5]
    assert shown[k - 2 : k + 5] in seen["label"].replace("<b>“", "").replace("”</b>", "")
    assert seen["after end"] == shown[k - 2 : k + 8]
    moved = get_passage(window.project, p.id)
    assert (moved.start, moved.end, moved.quote) == (p.start - 2, p.end + 3, shown[k - 2 : k + 8])
    activate(qtbot, window)
    press(window, Qt.Key.Key_Z, CTRL)
    back = get_passage(window.project, p.id)
    assert (back.start, back.end, back.quote) == (p.start, p.end, p.quote)
    press(window, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert get_passage(window.project, p.id).quote == shown[k - 2 : k + 8]
