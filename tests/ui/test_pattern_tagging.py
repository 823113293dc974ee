"""按标题批量标注 as the user did it: Ctrl+Shift+T, type a word of the headings, keep 每段包含其下的小节
ticked, click 标注. A matching section is tagged once, not again for each matching subsection in it;
the dialog says beforehand how many passages it will make; the matrix counts each section once."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QPushButton

from reader.core.analysis.matrix import theme_matrix
from reader.core.store.passage_edits import sections_matching
from reader.core.store.passages import list_passages
from tests.ui.driving import activate, on_next_modal, press, type_text


def test_tag_sections_by_heading_with_subsections_tags_each_span_once(window, qtbot):
    word = "代表"
    matching = sections_matching(window.project, word)
    outer = sections_matching(window.project, word, outermost=True)
    assert len(outer) < len(matching)  # the samples have a matching subsection inside a matching section
    seen = {}

    def answer(dialog):
        edit = dialog.findChild(QLineEdit, "patternText")
        edit.setFocus()
        edit.selectAll()
        type_text(edit, word)
        deadline = time.monotonic() + 5
        while str(len(outer)) not in dialog.preview.text() and time.monotonic() < deadline:
            QTest.qWait(50)  # counted after a pause in typing
        seen["preview"] = dialog.preview.text()
        seen["subsections"] = dialog.sub_box.isChecked()
        seen["theme"] = dialog.theme_box.currentData()
        ok = next(b for b in dialog.findChildren(QPushButton) if b.text() == "标注")
        QTest.mouseClick(ok, Qt.MouseButton.LeftButton)

    activate(qtbot, window)
    answer_ = on_next_modal(answer)
    press(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    answer_.check()
    assert seen["subsections"]
    assert f"{len(matching)} " in seen["preview"] and f"{len(outer)} " in seen["preview"], seen["preview"]
    ps = list_passages(window.project)
    assert len(ps) == len(outer)
    for a in ps:
        for b in ps:
            assert a.id == b.id or a.unit != b.unit or a.end <= b.start or b.end <= a.start, (a.quote[:20], b.quote[:20])
    m = theme_matrix(window.project, "county")
    column = [t.id for t in m.themes].index(seen["theme"])
    assert sum(row[column] for row in m.counts) == len(outer)
    assert str(len(outer)) in window.statusBar().currentMessage()
    activate(qtbot, window)  # (offscreen, the closed dialog stays the active window)
    press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one step
    assert list_passages(window.project) == []
