"""A report read by OCR in the window: the page image beside the text follows the cursor, the
characters OCR was unsure of are marked, a line is corrected (undoable) and passages stay."""

from __future__ import annotations

import pytest

from reader.core.store import documents, passages
from reader.ui import i18n, ops
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


def _page_pictures(folder, pages: list[list[str]]):
    """Pictures of short pages (a few lines each), named 页1.png, 页2.png, ..."""
    from PIL import Image, ImageDraw, ImageFont

    from reader.bench.scanpages import font_path

    folder.mkdir()
    font = ImageFont.truetype(str(font_path()), 28, index=2 if str(font_path()).endswith(".ttc") else 0)
    for k, lines in enumerate(pages, start=1):
        img = Image.new("RGB", (900, 80 + 45 * len(lines)), "white")
        draw = ImageDraw.Draw(img)
        for n, line in enumerate(lines):
            draw.text((30, 40 + n * 45), line, font=font, fill="black")
        img.save(folder / f"页{k}.png")
    return folder


PAGES = [["某某县人大常委会工作报告", "一、加强监督工作成效明显"], ["二、代表联络站建设全覆盖"], ["三、自身建设不断加强"]]


def test_a_scan_can_be_read_from_its_first_page_while_the_rest_is_read(window, tmp_path, qtbot):
    """The import shows each page's text in the window as it is read, before the report is stored;
    when the import ends the stored report opens in the text pane and the preview closes."""
    w = window
    folder = _page_pictures(tmp_path / "scan", PAGES)
    before = len(documents.list_units(w.project))
    seen = []

    def record(name, page, pages, _text):  # runs after the window's own slot (connected first)
        stored = w.project.db.execute("SELECT count(*) FROM documents WHERE source_name = 'scan'").fetchone()[0]
        seen.append((name, page, pages, w.scans.reading_dock.isVisible(), w.scans.reading.text.toPlainText(),
                     w.scans.reading.caption.text(), stored))

    w.scans.pageRead.connect(record)
    op = w.start_import([folder])
    assert [s[:3] for s in seen] == [("scan", 1, 3), ("scan", 2, 3), ("scan", 3, 3)]
    _name, _page, _pages, visible, text, caption, stored = seen[0]
    assert visible and stored == 0  # page 1 shows, nothing is stored yet
    assert w.scans.reading_dock.geometry().left() > w.outline_dock.geometry().right() + 200  # beside the text
    assert "加强监督工作成效明显" in text and "代表联络站" not in text
    assert "scan" in caption and "1" in caption and "3" in caption
    assert "代表联络站建设全覆盖" in seen[1][4] and "加强监督工作成效明显" in seen[1][4]
    # the import ended: the report is stored, shown in the text pane, and the preview is gone
    assert op.result.imported and len(documents.list_units(w.project)) == before + 1
    assert not w.scans.reading_dock.isVisible() and w.scans.reading.name is None
    shown = w.text_pane.content.text
    assert "加强监督工作成效明显" in shown and "自身建设不断加强" in shown
    assert w.text_pane.content.unit_id == op.result.imported[0].units[0].id
    # in the page image's place: the page dock is beside the themes, right of the text, as before
    qtbot.waitUntil(lambda: w.scans.dock.isVisible() and w.scans.dock.width() > 100)
    page, themes, outline = w.scans.dock.geometry(), w.right_dock.geometry(), w.outline_dock.geometry()
    assert page.right() <= themes.left() and page.left() > outline.right() + 200
    assert outline.width() > 150


def test_a_cancelled_scan_leaves_no_preview_and_nothing_stored(window, tmp_path):
    w = window
    folder = _page_pictures(tmp_path / "scan", PAGES)
    shown = w.text_pane.content.unit_id if w.text_pane.content else None

    def cancel_after_first(_name, _page, _pages, _text):
        assert w.scans.reading_dock.isVisible()
        for op in ops.running():  # the progress dialog's Cancel
            op.cancel()

    w.scans.pageRead.connect(cancel_after_first)
    op = w.start_import([folder])
    assert op.result.cancelled and not op.result.imported
    assert w.project.db.execute("SELECT count(*) FROM documents WHERE source_name = 'scan'").fetchone()[0] == 0
    assert not w.scans.reading_dock.isVisible() and w.scans.reading.name is None
    assert (w.text_pane.content.unit_id if w.text_pane.content else None) == shown


def test_the_preview_crosses_from_the_import_thread(window, tmp_path, qtbot, threaded_ops):
    """With the import in its worker thread, the pages reach the window's thread in order, each
    before the import has ended."""
    w = window
    folder = _page_pictures(tmp_path / "scan", PAGES)
    seen = []
    op_box = []
    w.scans.pageRead.connect(lambda name, page, pages, text: seen.append(
        (page, w.scans.reading_dock.isVisible(), op_box[0].is_done if op_box else None)))
    op = w.start_import([folder])
    op_box.append(op)
    qtbot.waitUntil(lambda: op.is_done, timeout=60000)
    assert [s[0] for s in seen] == [1, 2, 3] and all(s[1] for s in seen) and not any(s[2] for s in seen)
    assert "自身建设不断加强" in w.text_pane.content.text
