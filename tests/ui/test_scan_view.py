"""A report read by OCR in the window: the page image beside the text follows the cursor, the
characters OCR was unsure of are marked, a line is corrected (undoable) and passages stay."""

from __future__ import annotations

import pytest

from reader.core.store import documents, passages
from reader.ui import i18n
from reader.ui.scanview import LineDialog
from tests.ocr_scans import needs_ocr

pytestmark = [pytest.mark.ocr, needs_ocr]


@pytest.fixture
def scan_window(make_window, scan_project_path):
    return make_window(scan_project_path)


def _open(window, source: str):
    unit = next(u for u in documents.list_units(window.project) if u.source == source)
    window.open_location(unit.id)
    return unit


def _move_cursor(window, unit_offset: int, qtbot) -> None:
    pane = window.text_pane
    c = pane.textCursor()
    c.setPosition(pane.to_pane(unit_offset))
    pane.setTextCursor(c)
    qtbot.waitUntil(lambda: window.scans.line is not None and window.scans.scan.line_at(unit_offset) == window.scans.line)


def test_the_page_image_follows_the_cursor(scan_window, qtbot, sample_project_path, make_window):
    w = scan_window
    _open(w, "scan-004.pdf")
    scans = w.scans
    assert scans.dock.isVisible() and scans.scan is not None and scans.scan.pages == 3
    assert not scans.panel.image.pixmap().isNull() and scans.panel.box is not None
    first_page = scans.scan.lines[scans.line].page
    last = len(w.text_pane.content.text) - 5
    _move_cursor(w, last, qtbot)
    assert scans.scan.lines[scans.line].page > first_page
    assert "3" in scans.panel.caption.text() and "scan-004.pdf" in scans.panel.caption.text()
    # the characters OCR was unsure of are marked (here: none below 80 % may be fine, so ask for more)
    spans = scans.scan.low_spans(threshold=101)
    w.text_pane.set_uncertain(spans)
    selections = w.text_pane.extraSelections()
    colours = [sel.format.underlineColor().name() for sel in selections]
    assert colours.count("#e67e22") == len(spans) > 0
    # a report with a text layer: no page dock, no correction
    other = make_window(sample_project_path)
    other.open_location(documents.list_units(other.project)[0].id)
    assert not other.scans.dock.isVisible() and not other.scans.action.isEnabled()
    assert not other.text_pane.scanned


def test_correcting_a_line_from_the_window_is_undoable(scan_window, qtbot, monkeypatch):
    w = scan_window
    unit = _open(w, "scan-000")
    text = w.text_pane.content.text
    before = documents.unit_text(w.project, unit.id)
    theme = w.project.db.execute("SELECT id FROM themes ORDER BY id LIMIT 1").fetchone()[0]
    s = len(text) // 2
    passage = passages.tag(w.project, unit.id, s + 10, s + 30, [theme])
    _move_cursor(w, s - 40, qtbot)
    line = w.scans.line
    asked = []

    def ask(parent, picture, current):
        asked.append((picture.width(), picture.height(), current))
        return "【更正】" + current

    monkeypatch.setattr(LineDialog, "ask", classmethod(lambda cls, *a: ask(*a)))
    menu = w.text_pane.build_context_menu(w.text_pane.cursorRect().center())
    action = menu.findChild(type(w.scans.action), "correctLineAction")
    assert action is not None
    w.scans.correct_at_cursor()
    assert asked and asked[0][0] > 100 and 10 < asked[0][1] < 120  # the line's picture
    new_text = documents.unit_text(w.project, unit.id)
    assert "【更正】" in new_text and new_text.replace("【更正】", "") == before
    assert passages.get_passage(w.project, passage.id).quote == passage.quote
    assert "【更正】" in w.text_pane.content.text  # the pane shows the new text
    w.undo_stack.undo()
    assert documents.unit_text(w.project, unit.id) == before
    assert passages.get_passage(w.project, passage.id).quote == passage.quote
    assert w.scans.scan is not None and w.scans.scan.lines[line].text


@pytest.mark.parametrize("lang", [i18n.ZH, i18n.EN])
def test_the_line_dialog_opens_in_both_languages(qtbot, lang):
    from PySide6.QtGui import QPixmap

    i18n.install(lang)
    dialog = LineDialog(None, QPixmap(300, 30), "一行文字")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.edit.text() == "一行文字"
    title = dialog.windowTitle()
    assert title and (("更正" in title) if lang == i18n.ZH else ("Correct" in title))
