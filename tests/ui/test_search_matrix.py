"""Search in the pane (Ctrl+F) and in the project (Ctrl+Shift+F); the theme matrix dock and its
cell passages; suggestions offered and accepted with one click; original text; font size."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from reader.core.search import search
from reader.core.store.documents import unit_text
from reader.core.store.passages import list_passages, tag
from reader.core.store.themes import find_theme
from reader.ui import reading
from tests.ui.helpers import choose_section, click_index, highlighted_spans, unit_of, utf16


def test_project_search_finds_and_opens_highlighted(window, qtbot):
    box = window.search_box
    window.actions["search"].trigger()
    box.setText("代表联络站")  # QTest cannot type Chinese (it aborts on non-Latin keys)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.search_dock.isVisible()
    result = window.search_panel.result
    assert result is not None and result.total >= 3
    expected = search(window.project, "代表联络站", 500)
    assert [(h.unit, h.start) for h in result.hits] == [(h.unit, h.start) for h in expected.hits]
    model = window.search_panel.model
    assert model.index(0, 0).data() == expected.hits[0].county
    assert "代表联络站" in model.index(0, 2).data()
    k = len(expected.hits) - 1
    click_index(qtbot, window.search_panel.view, model.index(k, 2))
    hit = expected.hits[k]
    assert window.shown.unit_id == hit.unit
    assert window.text_pane.selection_span() == (hit.start, hit.end)
    assert window.text_pane.textCursor().selectedText() == "代表联络站"
    assert window.outline_panel.current_node().unit_id == hit.unit


def test_project_search_in_a_thread(window, qtbot, threaded_ops):
    window.search_project("代表联络站")
    qtbot.waitUntil(lambda: window.search_panel.result is not None, timeout=10000)
    assert window.search_panel.result.total >= 3
    assert "代表联络站" in window.search_panel.summary.text()


def test_search_nothing_found(window):
    window.search_project("没有这样的字符串")
    assert "没有找到" in window.search_panel.summary.text()


def test_find_in_pane(window, qtbot):
    unit, section, text = choose_section(qtbot, window, "新绛县", 0)
    shown = text[section.start : section.end]
    window.actions["find"].trigger()
    assert window.find_bar.isVisible()
    window.find_bar.box.setText("党史")
    n = shown.count("党史")
    assert n >= 2 and len(window.find_bar.matches) == n
    window.find_bar.find_next()
    assert window.text_pane.textCursor().selectedText() == "党史"
    assert window.find_bar.count.text() == f"1/{n}"
    window.find_bar.close_bar()
    assert not window.find_bar.isVisible() and window.text_pane.find_spans == []


def test_matrix_dock_cell_lists_passages_and_opens_them(window, qtbot):
    lishi, xinjiang = unit_of(window.project, "离石区"), unit_of(window.project, "新绛县")
    t = find_theme(window.project, "代表联络站")
    tag(window.project, lishi.id, 10, 20, [t.id])
    p2 = tag(window.project, xinjiang.id, 30, 45, [t.id])
    window.actions["matrix"].trigger()
    assert window.matrix_dock.isVisible() and not isinstance(window.matrix_dock, QDialog)
    model = window.matrix_view.model
    rows = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert set(rows) == {"离石区", "新绛县"}
    col = [th.id for th in model.matrix.themes].index(t.id)
    r = rows.index("新绛县")
    assert model.index(r, col).data() == "1"
    assert model.index(r, col).data(Qt.ItemDataRole.BackgroundRole) is not None
    click_index(qtbot, window.matrix_view.table, model.index(r, col))
    records = window.matrix_view.cell_model.records
    assert [x.id for x in records] == [p2.id]
    assert "新绛县" in window.matrix_view.cell_label.text()
    click_index(qtbot, window.matrix_view.cell_list, window.matrix_view.cell_model.index(0, 2))
    assert window.shown.unit_id == xinjiang.id and window.text_pane.selection_span() == (30, 45)
    assert window.matrix_dock.isVisible()  # stays open beside the text
    # coverage in characters, and rows by year
    window.matrix_view.value_box.setCurrentIndex(1)
    assert model.index(r, col).data() == "15"
    window.matrix_view.by_box.setCurrentIndex(window.matrix_view.by_box.findData("year"))
    assert [model.headerData(x, Qt.Orientation.Vertical) for x in range(model.rowCount())] == ["2021"]


def test_matrix_refreshes_after_tagging(window, qtbot):
    window.show_matrix()
    assert window.matrix_view.model.rowCount() == 0
    unit, section, text = choose_section(qtbot, window, "离石区", 0)
    window.text_pane.select_span(section.start + 2, section.start + 8)
    qtbot.keyClick(window.text_pane, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: window.matrix_view.model.rowCount() == 1, timeout=3000)  # recounted after a pause


def test_suggestions_are_offered_not_applied_and_accepted_with_one_click(window, qtbot):
    unit, section, text = choose_section(qtbot, window, "新绛县", 2)
    rows = window.suggestion_list.model.rows
    assert rows and list_passages(window.project) == []
    k = len(rows) - 1
    row = rows[k]
    assert text[row.start : row.end] == row.sentence
    assert row.sentence[-1] in "。！？；" or text[row.end : row.end + 1] in ("", "\n")  # whole sentences
    assert any(kw in row.sentence for kw in row.keywords)
    click_index(qtbot, window.suggestion_list.view, window.suggestion_list.model.index(k, 1))
    assert window.text_pane.suggestion[:2] == (row.start, row.end)
    assert list_passages(window.project) == []  # shown, not applied
    click_index(qtbot, window.suggestion_list.view, window.suggestion_list.model.index(k, 2))
    [p] = list_passages(window.project)
    assert (p.start, p.end, p.theme_ids) == (row.start, row.end, [row.theme_id])
    assert all(not (r.theme_id == row.theme_id and r.start == row.start) for r in window.suggestion_list.model.rows)


def test_original_text_toggle(window, qtbot):
    unit, section, text = choose_section(qtbot, window, "吉县", 0)
    window.actions["original"].trigger()
    assert window.text_pane.content.original
    assert "原文" in window.breadcrumb.plain()
    assert window.text_pane.selection_span() is None
    window.actions["original"].trigger()
    assert window.text_pane.toPlainText() == text[section.start : section.end]


def test_damaged_text_is_marked(window, qtbot):
    from reader.core.ingest.unit_edits import damaged_spans

    u = unit_of(window.project, "吉县")
    spans = damaged_spans(window.project, u.id)
    assert spans
    window.open_location(u.id)
    text = unit_text(window.project, u.id)
    marked = [
        (s.cursor.selectionStart(), s.cursor.selectionEnd())
        for s in window.text_pane.extraSelections()
        if s.format.underlineStyle() == s.format.UnderlineStyle.WaveUnderline and s.format.background().style() != Qt.BrushStyle.NoBrush
    ]
    assert (utf16(text, spans[0][0]), utf16(text, spans[0][1])) in marked
    assert highlighted_spans(window.text_pane) == []


def test_font_size(window):
    size = window.text_pane.point_size
    window.actions["font_bigger"].trigger()
    assert window.text_pane.point_size == size + 1 and window.settings.font_size() == size + 1
    window.actions["font_reset"].trigger()
    assert window.text_pane.point_size == 13


def test_headings_are_formatted(window, qtbot):
    unit, section, text = choose_section(qtbot, window, "新绛县", 0)
    block = window.text_pane.document().begin()
    fmt = block.begin().fragment().charFormat()
    assert fmt.fontWeight() > 600 and block.text() == section.heading
    assert block.blockFormat().lineHeight() == 160.0


def test_matrix_dock_restored_open_is_counted(make_window, sample_project_path, qtbot):
    from reader.core.store.documents import list_units

    w = make_window(sample_project_path)
    u = list_units(w.project)[0]
    tag(w.project, u.id, 0, 5, [find_theme(w.project, "代表工作").id])
    w.show_matrix()
    w.close()
    again = make_window(sample_project_path)
    assert again.matrix_dock.isVisible()
    qtbot.waitUntil(lambda: again.matrix_view.model.rowCount() == 1, timeout=5000)


def test_first_hits_are_shown_while_the_project_is_counted(window, monkeypatch):
    from reader.core import search as core_search

    monkeypatch.setattr(core_search, "FIRST_CHUNK", 1)  # a few samples: one report read at a time
    monkeypatch.setattr(reading, "SEARCH_LIMIT", 3)
    phases = []
    panel = window.search_panel
    shown = panel.show_first_hits
    monkeypatch.setattr(panel, "show_first_hits", lambda r: (phases.append((r.complete, list(panel.model.hits))), shown(r)))
    resets = []
    panel.model.modelReset.connect(lambda: resets.append(1))
    window.search_project("代表")
    full = search(window.project, "代表", 3)
    assert phases and phases[0][0] is False  # the first hits went up before the count was done
    assert panel.result.complete and panel.result.total == full.total > 3
    # every hit listed (made as rows are shown), the first the same: rows were added, no reset
    assert panel.model.hits[:3] == full.hits and panel.model.rowCount() == full.total and len(resets) == 1
    assert panel.model.index(full.total - 1, 2).data() == search(window.project, "代表", None).hits[-1].snippet.replace(
        "【", "").replace("】", "")
    assert str(full.total) in panel.summary.text() and "列出前" not in panel.summary.text()
