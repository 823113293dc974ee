"""Cleaning again from the window: 编辑 ▸ 重新清理文本… runs in the background; a passage whose text
is gone lands in the unplaced panel, where the user places it on a selection (undoable) or deletes
it (undoable); nothing is lost."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from reader.core.clean import pipeline
from reader.core.clean.textmap import substitute
from reader.core.store import passages, unplaced
from reader.core.store.documents import list_units, unit_text
from reader.ui import i18n
from reader.ui.dialogs.confirm import ConfirmDialog
from reader.ui.recleaning import QUOTE
from tests.ui.helpers import select_in_pane


def _quote(text: str, at: int, n: int = 14) -> tuple[int, str]:
    """A stretch of `text` near `at` without line breaks that occurs once."""
    for s in range(at, len(text) - n):
        q = text[s : s + n]
        if "\n" not in q and text.count(q) == 1 and q.strip() == q:
            return s, q
    raise AssertionError("no unique stretch")


@pytest.fixture
def tagged(window):
    unit = list_units(window.project)[0]
    text = unit_text(window.project, unit.id)
    theme = window.project.db.execute("SELECT id FROM themes ORDER BY id LIMIT 1").fetchone()[0]
    s1, keep = _quote(text, len(text) // 3)
    s2, lose = _quote(text, 2 * len(text) // 3)
    kept = passages.tag(window.project, unit.id, s1, s1 + len(keep), [theme])
    lost = passages.tag(window.project, unit.id, s2, s2 + len(lose), [theme], note="<b>note</b>")
    return unit, kept, lost


def _rule(quote: str):
    return ("test_rule", lambda mt, notes: substitute(mt, re.compile(re.escape(quote)), ""))


def test_reclean_then_place_and_delete_with_undo(window, qtbot, monkeypatch, tagged, shown_errors):
    unit, kept, lost = tagged
    asked = []
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *a, **k: asked.append(a[1]) or True))
    monkeypatch.setattr(pipeline, "STEPS", [*pipeline.STEPS, _rule(lost.quote)])
    window.actions["reclean"].trigger()
    assert asked and not shown_errors
    panel = window.recleaning.panel
    assert window.recleaning.dock.isVisible()
    assert panel.table.rowCount() == 1 and panel.table.item(0, QUOTE).text() == lost.quote
    assert "1" in window.statusBar().currentMessage()
    assert passages.get_passage(window.project, kept.id).quote == kept.quote  # placed exactly
    assert window.undo_stack.count() == 0
    # place it: select text in the pane, choose the row, click the button
    window.show_unit(unit.id)
    shown = window.text_pane.toPlainText()
    target = shown.index(kept.quote)
    select_in_pane(window.text_pane, shown, target, target + 6)
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.place_button, Qt.MouseButton.LeftButton)
    assert panel.table.rowCount() == 0 and unplaced.count_unplaced(window.project) == 0
    placed = [p for p in passages.list_passages(window.project) if p.quote == kept.quote[:6]]
    assert len(placed) == 1 and placed[0].note == "<b>note</b>"
    window.undo_stack.undo()
    assert panel.table.rowCount() == 1 and not [p for p in passages.list_passages(window.project)
                                                 if p.quote == kept.quote[:6]]
    window.undo_stack.redo()
    assert panel.table.rowCount() == 0
    window.undo_stack.undo()
    # delete it, explicitly; undo brings it back
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert panel.table.rowCount() == 0 and unplaced.count_unplaced(window.project) == 0
    window.undo_stack.undo()
    assert panel.table.rowCount() == 1 and unplaced.count_unplaced(window.project) == 1
    assert not shown_errors


def test_place_without_a_selection_says_what_to_do(window, qtbot, monkeypatch, tagged):
    _unit, _kept, lost = tagged
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *a, **k: True))
    monkeypatch.setattr(pipeline, "STEPS", [*pipeline.STEPS, _rule(lost.quote)])
    window.actions["reclean"].trigger()
    panel = window.recleaning.panel
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.place_button, Qt.MouseButton.LeftButton)
    assert unplaced.count_unplaced(window.project) == 1
    assert window.statusBar().currentMessage() == "请先在正文中选中这段标注应在的位置。"


def test_declining_changes_nothing(window, monkeypatch, tagged):
    _unit, _kept, lost = tagged
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *a, **k: False))
    monkeypatch.setattr(pipeline, "STEPS", [*pipeline.STEPS, _rule(lost.quote)])
    window.actions["reclean"].trigger()
    assert passages.get_passage(window.project, lost.id).quote == lost.quote
    assert window.recleaning.panel.table.rowCount() == 0


@pytest.mark.parametrize("lang", [i18n.ZH, i18n.EN])
def test_action_and_panel_in_both_languages(make_window, sample_project_path, lang):
    w = make_window(sample_project_path, lang=lang)
    text = w.actions["reclean"].text()
    assert text == ("重新清理文本(&G)…" if lang == i18n.ZH else "Clean documents a&gain…")
    assert w.recleaning.dock.windowTitle() == ("待定位的标注" if lang == i18n.ZH else "Unplaced passages")


@pytest.mark.parametrize("lang", [i18n.ZH, i18n.EN])
def test_reclean_says_to_realign_when_the_alignment_lost_sections(make_window, sample_project_path, monkeypatch, lang):
    from reader.core import compare

    w = make_window(sample_project_path, lang=lang)
    compare.run_alignment(w.project)
    aligned = w.project.db.execute("SELECT count(DISTINCT row_id) FROM align_members").fetchone()[0]
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *a, **k: True))
    monkeypatch.setattr(pipeline, "STEPS", [*pipeline.STEPS, ("test_rule", lambda mt, notes: substitute(
        mt, re.compile("代表"), "人大代表"))])
    w.actions["reclean"].trigger()
    message = w.statusBar().currentMessage()
    said = "请在对比视图中重新对齐" if lang == i18n.ZH else "re-align in the comparison view"
    assert said in message
    lost = int(re.search(r"(\d+) (行|row)", message).group(1))
    assert 0 < lost <= aligned


def test_reclean_without_an_alignment_says_nothing_of_it(window, monkeypatch, tagged):
    _unit, _kept, lost = tagged
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *a, **k: True))
    monkeypatch.setattr(pipeline, "STEPS", [*pipeline.STEPS, _rule(lost.quote)])
    window.actions["reclean"].trigger()
    assert "对齐" not in window.statusBar().currentMessage()
