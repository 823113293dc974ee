"""Tagging in the real window: choose a section in the tree, select text in the pane, press a
theme's key (or click the theme, or use the context menu); the passage is stored and highlighted
at once; undo removes it, redo brings it back. Positions after astral characters (𠮷) land on
the right characters."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence

from reader.core.ingest.importing import import_paths
from reader.core.store.passages import list_passages
from reader.core.store.themes import list_themes
from tests.conftest import write_text
from tests.ui.helpers import choose_section, click_index, highlighted_spans, select_in_pane, utf16


def theme_with_key(project, key: str):
    return next(t for t in list_themes(project) if t.shortcut == key)


def test_select_press_key_tags_and_highlights_then_undo_redo(window, qtbot):
    unit, section, text = choose_section(qtbot, window, "新绛县", 0)
    pane = window.text_pane
    shown = text[section.start : section.end]
    assert pane.toPlainText() == shown
    word = "党史学习教育"
    i = shown.index(word, section.heading_end - section.start)
    select_in_pane(pane, shown, i, i + len(word))
    qtbot.keyClick(pane, Qt.Key.Key_1)

    theme = theme_with_key(window.project, "1")
    [p] = list_passages(window.project)
    assert (p.unit, p.start, p.end, p.quote, p.theme_ids) == (unit.id, section.start + i, section.start + i + len(word), word, [theme.id])
    colour = QColor(theme.colour).name()
    assert (utf16(shown, i), utf16(shown, i + len(word)), colour) in highlighted_spans(pane)
    assert any(tid == theme.id for _r, _pid, tid in pane.stripes.bars())  # a coding stripe beside it
    # counts: the section's node, the theme, the passage list
    ix = window.outline_model.find_unit(unit.id, section.id)
    assert ix.siblingAtColumn(1).data() == "1"
    assert window.theme_model.by_id[theme.id].count == 1
    assert [r.id for r in window.passage_list.model.records] == [p.id]

    window.actions["undo"].trigger()
    assert list_passages(window.project) == []
    assert highlighted_spans(pane) == []
    assert ix.siblingAtColumn(1).data() == ""
    window.actions["redo"].trigger()
    [again] = list_passages(window.project)
    assert again.id == p.id and (utf16(shown, i), utf16(shown, i + len(word)), colour) in highlighted_spans(pane)


def test_undo_redo_keys(window, qtbot):
    assert window.actions["undo"].shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)
    assert QKeySequence("Ctrl+Shift+Z") in window.actions["redo"].shortcuts()


def test_click_a_theme_tags_the_selection(window, qtbot):
    unit, section, text = choose_section(qtbot, window, "离石区", 0)
    shown = text[section.start : section.end]
    select_in_pane(window.text_pane, shown, 3, 9)
    theme = next(t for t in list_themes(window.project) if t.name == "代表联络站")
    click_index(qtbot, window.theme_panel.view, window.theme_model.index_of_theme(theme.id))
    [p] = list_passages(window.project)
    assert p.theme_ids == [theme.id] and p.quote == shown[3:9]
    # a click without a selection filters the passage list instead
    click_index(qtbot, window.theme_panel.view, window.theme_model.index_of_theme(theme.id))
    assert len(list_passages(window.project)) == 1
    assert window.passage_list.theme_id() == theme.id


def test_context_menu_tag_as(window, qtbot):
    unit, section, text = choose_section(qtbot, window, "离石区", 0)
    shown = text[section.start : section.end]
    select_in_pane(window.text_pane, shown, 2, 8)
    menu = window.text_pane.build_context_menu(window.text_pane.viewport().rect().center())
    tag_menu = next(a.menu() for a in menu.actions() if a.menu() and a.menu().objectName() == "tagAsMenu")
    assert tag_menu.isEnabled()
    action = next(a for a in tag_menu.actions() if a.text().strip().startswith("依法监督"))
    action.trigger()
    [p] = list_passages(window.project)
    assert p.themes == ["依法监督"] and p.quote == shown[2:8]


def test_without_selection_nothing_is_tagged(window, qtbot):
    choose_section(qtbot, window, "离石区", 0)
    qtbot.keyClick(window.text_pane, Qt.Key.Key_1)
    assert list_passages(window.project) == []
    assert "选中" in window.statusBar().currentMessage()


def test_astral_characters_before_the_selection(make_window, qtbot, tmp_path):
    report = (
        "吕梁市离石区人大常委会工作报告\n"
        "一、加强代表工作\n"
        "𠮷家村和𡈼坪村的群众在家门口就能找到代表，代表联络站全年接待群众三百余人次。\n"
        "二、依法开展监督\n"
        "听取和审议专项工作报告十二项。\n"
    )
    from reader.core.store.db import open_project

    path = tmp_path / "astral.renda"
    with open_project(path) as p:
        assert not import_paths(p, [write_text(tmp_path / "r.txt", report)]).failed
    w = make_window(path)
    unit, section, text = choose_section(qtbot, w, "离石区", 0)
    shown = text[section.start : section.end]
    assert "𠮷" in shown
    word = "代表联络站"
    i = shown.index(word)
    assert utf16(shown, i) == i + 2  # two astral characters before it
    select_in_pane(w.text_pane, shown, i, i + len(word))
    qtbot.keyClick(w.text_pane, Qt.Key.Key_3)
    [p] = list_passages(w.project)
    assert p.quote == word and p.start == section.start + i and text[p.start : p.end] == word
    spans = [(a, b) for a, b, _c in highlighted_spans(w.text_pane)]
    assert (i + 2, i + 2 + len(word)) in spans
    # the pane's own conversion back: selecting the highlight gives the same unit offsets
    select_in_pane(w.text_pane, shown, i, i + len(word))
    assert w.text_pane.selection_span() == (p.start, p.end)


def test_overlapping_passages_both_highlighted(window, qtbot):
    unit, section, text = choose_section(qtbot, window, "新绛县", 0)
    shown = text[section.start : section.end]
    pane = window.text_pane
    select_in_pane(pane, shown, 30, 60)
    qtbot.keyClick(pane, Qt.Key.Key_1)
    select_in_pane(pane, shown, 45, 80)
    qtbot.keyClick(pane, Qt.Key.Key_2)
    spans = highlighted_spans(pane)
    c1 = QColor(theme_with_key(window.project, "1").colour).name()
    c2 = QColor(theme_with_key(window.project, "2").colour).name()
    assert (30, 60, c1) in spans and (45, 80, c2) in spans
    lanes = {tid: pane.lane_of(tid) for _r, _p, tid in pane.stripes.bars()}
    assert len(set(lanes.values())) == 2  # one stripe lane per theme


def test_click_highlight_shows_passage_then_edit_and_delete(window, qtbot, monkeypatch):
    from reader.ui.dialogs.passage import PassageDialog, PassageInput

    unit, section, text = choose_section(qtbot, window, "新绛县", 0)
    shown = text[section.start : section.end]
    pane = window.text_pane
    select_in_pane(pane, shown, 40, 70)
    qtbot.keyClick(pane, Qt.Key.Key_1)
    [p] = list_passages(window.project)
    cursor = pane.textCursor()
    cursor.setPosition(utf16(shown, 50))
    rect = pane.cursorRect(cursor)
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.passage_strip.isVisible() and window.passage_strip.passage.id == p.id
    assert pane.active_passage == p.id
    other = theme_with_key(window.project, "2").id
    monkeypatch.setattr(PassageDialog, "ask", classmethod(lambda cls, parent, passage, looks, text=None: PassageInput(
        [passage.theme_ids[0], other], "值得对比", False)))
    window.passage_strip.edit_button.click()
    [edited] = list_passages(window.project)
    assert sorted(edited.theme_ids) == sorted([p.theme_ids[0], other]) and edited.note == "值得对比"
    window.actions["undo"].trigger()
    [back] = list_passages(window.project)
    assert back.theme_ids == p.theme_ids and back.note == ""
    window.passage_strip.delete_button.click()
    assert list_passages(window.project) == []
    window.actions["undo"].trigger()
    assert [x.id for x in list_passages(window.project)] == [p.id]


def test_passage_list_double_click_opens_in_context(window, qtbot):
    unit, section, text = choose_section(qtbot, window, "新绛县", 1)
    shown = text[section.start : section.end]
    select_in_pane(window.text_pane, shown, 10, 20)
    qtbot.keyClick(window.text_pane, Qt.Key.Key_2)
    choose_section(qtbot, window, "离石区", 0)
    # the list follows the selection: nothing in 离石区's first section
    assert window.passage_list.model.records == []
    window.shown = type(window.shown)()
    window.refresh_passage_list()  # the whole project
    [rec] = window.passage_list.model.records
    index = window.passage_list.model.index(0, 2)
    window.passage_list.view.doubleClicked.emit(index)
    assert window.shown.unit_id == unit.id
    assert window.text_pane.selection_span() == (rec.start, rec.end)


def test_click_a_coding_stripe_opens_its_passage(window, qtbot):
    unit, section, text = choose_section(qtbot, window, "新绛县", 0)
    shown = text[section.start : section.end]
    pane = window.text_pane
    select_in_pane(pane, shown, 40, 90)
    qtbot.keyClick(pane, Qt.Key.Key_2)
    [p] = list_passages(window.project)
    [(rect, pid, tid)] = pane.stripes.bars()
    assert pid == p.id and rect.height() > 10
    qtbot.mouseClick(pane.stripes, Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.passage_strip.isVisible() and window.passage_strip.passage.id == p.id


def test_blank_text_is_not_tagged(window, qtbot, shown_errors):
    u, s, text = choose_section(qtbot, window, "离石区", 0)
    newline = text.index("\n", s.start)
    window.text_pane.select_span(newline, newline + 1)
    qtbot.keyClick(window.text_pane, Qt.Key.Key_1)
    assert list_passages(window.project) == []
    assert "空白" in window.statusBar().currentMessage()  # said at once, not an error dialog


def test_undo_while_another_program_writes_the_project_keeps_the_history(window, qtbot, shown_errors):
    import sqlite3

    u, s, text = choose_section(qtbot, window, "离石区", 0)
    window.text_pane.select_span(s.start, s.start + 6)
    qtbot.keyClick(window.text_pane, Qt.Key.Key_1)
    [p] = list_passages(window.project)
    window.project.db.conn.execute("PRAGMA busy_timeout = 50")
    other = sqlite3.connect(window.project.path, isolation_level=None, timeout=0)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO settings (key, value) VALUES ('held', '1')")
    try:
        window.actions["undo"].trigger()
        qtbot.waitUntil(lambda: window.undo_stack.index() == 1, timeout=2000)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert shown_errors and "稍后再试" in shown_errors[-1]
    assert [q.id for q in list_passages(window.project)] == [p.id]  # nothing changed, nothing forgotten
    assert window.undo_stack.count() == 1 and window.undo_stack.canUndo()
    window.actions["undo"].trigger()  # the other program is done: try again
    assert list_passages(window.project) == []
    window.actions["redo"].trigger()
    assert [q.id for q in list_passages(window.project)] == [p.id]
