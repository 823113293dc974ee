"""Reading many reports in the comparison view, driven with keys and mouse: compact mode (heading and
first lines, expanded on demand) fits many more columns; the topic view lists one row's sections
from every report, filtered by prefecture and year, opened in context and tagged; the band being
read stays in place through a re-align and a correction (which reads back only the rows it touched);
only the cells on screen are laid out; frame rows open into their topic rows; reports of another
genre are marked. The models are checked by QAbstractItemModelTester first."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QAbstractItemModelTester, QTest
from PySide6.QtWidgets import QApplication

from reader.core import compare
from reader.core.compare import Row
from reader.core.compare import comparison as comparison_module
from reader.core.store.db import open_project
from reader.core.store.documents import unit_text
from reader.core.store.passages import list_passages
from reader.core.store.themes import list_themes
from reader.ui.compare.model import ComparisonModel
from reader.ui.compare.painting import MISFIT_BG
from reader.ui.compare.topicmodel import TopicModel

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def aligned_path(sample_project_path):
    with open_project(sample_project_path, create=False) as p:
        compare.run_alignment(p)
    return sample_project_path


def open_view(make_window, path, qtbot):
    window = make_window(path)
    window.resize(1600, 1000)
    window.actions["compare"].trigger()
    cw = window.compare.view
    qtbot.waitExposed(cw)
    cw.resize(1600, 1000)
    cw.activateWindow()
    QApplication.processEvents()  # active: its shortcuts work
    assert QApplication.activeWindow() is cw
    return window, cw


@pytest.fixture
def view(make_window, aligned_path, qtbot):
    return open_view(make_window, aligned_path, qtbot)


def click_toolbar(qtbot, cw, action) -> None:
    qtbot.mouseClick(cw.toolbar.widgetForAction(action), Qt.MouseButton.LeftButton)


def columns_on_screen(grid) -> int:
    return grid.viewport().width() // grid.column_width


def folding_cell(grid, r: int = 0) -> int:
    return next(c for c in grid._visible_columns()
                if grid.model.members(r, c) and grid.folds(grid.model.cell_key(r, c), grid.model.members(r, c)))


# -- the models ---------------------------------------------------------------------------------------


def test_models_by_the_book_with_rows_in_a_tree_and_a_topic(qtbot, aligned_path):
    with open_project(aligned_path, create=False) as p:
        comparison = compare.load_comparison(p)
    plan, law, watch = comparison.rows[0].key, comparison.rows[1].key, comparison.rows[2].key
    for r in comparison.rows:
        r.parent = {law: plan, watch: plan}.get(r.key)
    model = ComparisonModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    ids = [c.unit_id for c in comparison.columns]
    model.set_comparison(comparison, ids[:5])
    n = len(comparison.rows)
    assert model.rowCount() == n - 2 and model.band(0).children == 2 and not model.band(0).opened
    inserted = []
    model.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    assert model.set_open(plan, True) and inserted == [(1, 2)]
    assert [model.band_key(r) for r in range(3)] == [plan, law, watch] and model.band(1).depth == 1
    assert model.cell_at(watch, ids[1]) == (2, 1) and model.cell_key(2, 1) == (watch, ids[1])
    assert model.set_open(plan, False) and model.rowCount() == n - 2 and model.cell_at(watch, ids[1]) is None
    assert not model.set_open(law, True)  # it holds no rows
    # a correction: a row gone and one new; the others keep their place
    gone, new = comparison.rows[3].key, Row("user:9", "新的一行", None, [comparison.rows[3].members[0]])
    rows = [r for r in comparison.rows if r.key != gone]
    rows.insert(4, new)
    after = compare.Comparison(rows, comparison.columns, comparison.selection, comparison.run, None, False, 1)
    removed = []
    model.rowsRemoved.connect(lambda _p, a, b: removed.append((a, b)))
    model.update_rows(after, {gone, new.key})
    assert removed == [(1, 1)] and model.band_index("user:9") is not None and model.band_index(gone) is None
    assert [model.band_key(r) for r in range(model.rowCount())] == [
        k for k in (r.key for r in rows) if k not in (law, watch)]

    topic = TopicModel()
    QAbstractItemModelTester(topic, QAbstractItemModelTester.FailureReportingMode.Fatal)
    row = max(comparison.rows[:-1], key=lambda r: len(r.cells()))
    topic.set_topic(comparison, row.key)
    assert {e.column.unit_id for e in topic.entries} == set(row.cells()) and topic.total == len(row.cells())
    order = [(e.column.prefecture or "\uffff", e.column.label or e.column.county or "", e.column.year or 0)
             for e in topic.entries]
    assert order == sorted(order)
    prefectures, years = topic.choices()
    topic.set_filter(prefectures[0], None)
    assert 0 < len(topic.entries) < topic.total and {e.column.prefecture for e in topic.entries} == {prefectures[0]}
    topic.set_filter(None, years[-1])
    assert {e.column.year for e in topic.entries} == {years[-1]}
    topic.set_topic(None, None)
    assert topic.rowCount() == 0 and topic.columnCount() == 0


# -- compact mode -------------------------------------------------------------------------------------


def test_compact_mode_fits_many_more_columns_and_expands_a_cell_on_demand(view, qtbot):
    window, cw = view
    grid = cw.grid
    assert columns_on_screen(grid) <= 5
    tall = sum(grid.heights)
    QTest.keyClick(grid, Qt.Key.Key_K, CTRL)
    assert cw.compact_action.isChecked() and grid.compact
    assert columns_on_screen(grid) >= 7 and sum(grid.heights) < tall / 2
    QTest.keyClick(grid, Qt.Key.Key_F9)  # the side panel away: more still
    QApplication.processEvents()  # the window's layout
    assert not cw.dock.isVisible() and columns_on_screen(grid) >= 8
    c = folding_cell(grid)
    key = grid.model.cell_key(0, c)
    doc = grid.cell(0, c)
    limit = grid.text_limit(0, c, doc)
    assert limit is not None and not doc.whole  # the heading and the first lines only, and laid out no further
    first = doc.members[0]
    heading_bottom = doc.rect_of(doc.to_doc(first.start + len(first.heading) - 1)).bottom()
    assert heading_bottom + grid.line_height() < limit <= heading_bottom + 3 * grid.line_height()
    folded = grid.heights[0]
    fold = grid.fold_rect(0, c)
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=fold.center())
    assert key in grid.expanded and grid.current == key
    doc = grid.cell(0, c)  # the whole text now
    assert doc.whole and doc.doc.toPlainText().endswith(unit_text(window.project, key[1])[
        doc.members[-1].start:doc.members[-1].end].rstrip("\n"))
    assert grid.text_limit(0, c, doc) is None and grid.heights[0] >= doc.height > 2 * limit
    assert grid.heights[0] > folded
    end = grid.span_point(0, c, doc.members[-1].end - 2)  # the end of the text is on the page now
    assert grid.locate(end).kind == "text"
    QTest.keyClick(grid, Qt.Key.Key_Space)  # folds it again
    assert key not in grid.expanded and grid.heights[0] == folded
    QTest.keyClick(grid, Qt.Key.Key_Right)
    assert grid.current == grid.model.cell_key(0, c + 1)
    QTest.keyClick(grid, Qt.Key.Key_Down)
    assert grid.current == grid.model.cell_key(1, c + 1)
    QTest.keyClick(grid, Qt.Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)  # every cell of the band
    band = [k for k, ms in grid.model.band_cells(1) if grid.full_height(k, ms) > grid.compact_height(k, ms) + 1]
    assert band and all(k in grid.expanded for k in band)
    assert window.settings.text("compare/compact") == "1"  # remembered
    QTest.keyClick(grid, Qt.Key.Key_K, CTRL)
    assert not grid.compact and columns_on_screen(grid) <= 5


# -- the topic view -----------------------------------------------------------------------------------


def test_topic_view_reads_one_row_in_every_report_filtered_opened_and_tagged(view, qtbot, monkeypatch):
    from reader.ui.dialogs.columns import ColumnsDialog

    window, cw = view
    grid = cw.grid
    ids = [c.unit_id for c in cw.comparison.columns]
    monkeypatch.setattr(ColumnsDialog, "ask", classmethod(lambda cls, parent, columns, shown: ids[:2]))
    click_toolbar(qtbot, cw, cw.columns_action)
    assert cw.model.columnCount() == 2
    row = max(cw.comparison.rows[:-1], key=lambda r: len(r.cells()))
    r = cw.model.row_index(row.key)
    c = next(k for k in range(2) if cw.model.members(r, k))
    grid.ensure_visible(r, c)
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.cell_rect(r, c).center())
    assert grid.current == cw.model.cell_key(r, c)
    QTest.keyClick(grid, Qt.Key.Key_R, CTRL)
    assert cw.stack.currentWidget() is cw.topic_view and cw.topic_action.isChecked()
    topic, model = cw.topic, cw.topic_model
    assert model.row.key == row.key
    assert {e.column.unit_id for e in model.entries} == set(row.cells())  # every report, not the 2 shown
    assert len(model.entries) > 2 and topic.model.columnCount() == 1
    assert topic.column_width > 600  # one wide column of text
    # one band per report: county and year on it
    first = model.entries[0].column
    assert str(first.year) in model.band(0).label and (first.county or "") in model.band(0).label
    # filter by prefecture, then by year, from the boxes with keys
    box = cw.topic_view.prefecture_box
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_Down)
    chosen = box.currentData()
    assert chosen and model.prefecture == chosen
    assert model.entries and all(e.column.prefecture == chosen for e in model.entries)
    assert len(model.entries) < model.total and topic.model.rowCount() == len(model.entries)
    QTest.keyClick(box, Qt.Key.Key_Home)
    assert model.prefecture is None and len(model.entries) == model.total
    years = cw.topic_view.year_box
    years.setFocus()
    QTest.keyClick(years, Qt.Key.Key_End)
    assert model.year == years.currentData() and {e.column.year for e in model.entries} == {model.year}
    QTest.keyClick(years, Qt.Key.Key_Home)
    # Enter opens the current entry in context, in the reading window
    topic.setFocus()
    QTest.keyClick(topic, Qt.Key.Key_Down)
    QTest.keyClick(topic, Qt.Key.Key_Down)
    entry = model.entries[1]
    assert topic.current == (row.key, entry.column.unit_id)
    QTest.keyClick(topic, Qt.Key.Key_Return)
    assert window.shown.unit_id == entry.column.unit_id and window.shown.section_id == entry.members[0].section_id
    # a double click on another report's band opens that one
    topic.verticalScrollBar().setValue(0)
    band = topic.band_rect(0)
    qtbot.mouseDClick(topic.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(band.center().x(), band.center().y()))
    assert window.shown.unit_id == model.entries[0].column.unit_id
    # tag in an entry as in a cell: select with the mouse, press a theme's key
    member = entry.members[0]
    text = unit_text(window.project, member.unit_id)
    start = member.start + len(member.heading) + 4
    topic.ensure_visible(1, 0)
    a, b = topic.span_point(1, 0, start), topic.span_point(1, 0, start + 5)
    QTest.mousePress(topic.viewport(), Qt.MouseButton.LeftButton, pos=a - QPoint(3, 0))
    QTest.mouseMove(topic.viewport(), b)
    QTest.mouseRelease(topic.viewport(), Qt.MouseButton.LeftButton, pos=b + QPoint(3, 0))
    span = topic.selection_span()
    assert span is not None and span[0] == member.unit_id
    qtbot.keyClick(topic, Qt.Key.Key_1)
    theme = next(t for t in list_themes(window.project) if t.shortcut == "1")
    [p] = list_passages(window.project)
    assert (p.unit, p.start, p.end, p.theme_ids) == (span[0], span[1], span[2], [theme.id])
    assert p.quote == text[span[1]:span[2]]
    assert topic.cell(1, 0).passages  # shown in the entry at once
    # back to the reports side by side, at that row
    QTest.keyClick(topic, Qt.Key.Key_R, CTRL)
    assert cw.stack.currentWidget() is grid and not cw.topic_action.isChecked()
    assert grid.top_row() == cw.model.row_index(row.key)


def test_a_row_is_read_by_topic_from_its_band(view, qtbot):
    _window, cw = view
    grid = cw.grid
    grid.verticalScrollBar().setValue(grid.tops[1])
    band = grid.band_rect(1)
    qtbot.mouseDClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=band.center())
    assert cw.stack.currentWidget() is cw.topic_view and cw.topic_model.row.key == cw.model.rows[1].key
    names = [cw.topic_view.row_box.itemData(i) for i in range(cw.topic_view.row_box.count())]
    assert names == [r.key for r in cw.comparison.rows]
    box = cw.topic_view.row_box
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_Down)  # the next row, from the box
    assert cw.topic_model.row.key == cw.comparison.rows[2].key


# -- the band being read stays -------------------------------------------------------------------------


def test_the_row_being_read_stays_in_place_through_a_realign_and_a_correction(view, qtbot, monkeypatch):
    window, cw = view
    grid = cw.grid
    QTest.keyClick(grid, Qt.Key.Key_K, CTRL)  # compact: several rows on the screen
    k = 2
    key = cw.model.band_key(k)
    grid.verticalScrollBar().setValue(grid.tops[k] - 300)
    c = next(i for i in grid._visible_columns() if cw.model.members(k, i))
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.cell_rect(k, c).center())
    assert grid.current == cw.model.cell_key(k, c)
    y = grid.row_y(k)
    assert grid.header_height() < y < grid.viewport().height() - 100
    QTest.keyClick(grid, Qt.Key.Key_F5)  # re-align (through ops, synchronous in tests)
    assert cw.comparison.run == 2
    assert grid.row_y(cw.model.band_index(key)) == y
    # a correction above it, by dragging a section of row 0 onto row 1; only the two rows are read again
    loads = []
    real_load = compare.load_comparison
    monkeypatch.setattr(compare, "load_comparison", lambda p: loads.append(1) or real_load(p))
    grid.verticalScrollBar().setValue(0)
    grid.set_current(cw.model.cell_key(k, c), scroll=False)
    y = grid.row_y(k)
    assert y < grid.viewport().height() - 60
    untouched = {kk: doc for kk, doc in grid.cells.items() if kk[0] == key}
    assert untouched
    source, target = cw.model.row_at(0), cw.model.row_at(1)
    c0 = next(i for i in grid._visible_columns() if cw.model.members(0, i))
    seg, rect = grid.cell(0, c0).heading_rects()[0]
    start = QPoint(grid.cell_rect(0, c0).left() + 6, int(grid.text_origin(0, c0).y() + rect.center().y()))
    assert grid.locate(start).kind == "handle"
    drop = grid.band_rect(1).center()
    QTest.mousePress(grid.viewport(), Qt.MouseButton.LeftButton, pos=start)
    QTest.mouseMove(grid.viewport(), start + QPoint(0, 30))
    QTest.mouseMove(grid.viewport(), drop)
    QTest.mouseRelease(grid.viewport(), Qt.MouseButton.LeftButton, pos=drop)
    assert cw.comparison.row_of(seg.member.section_id).key == target.key
    assert real_load(window.project).row_of(seg.member.section_id).key == target.key
    assert grid.row_y(cw.model.band_index(key)) == y and grid.current == cw.model.cell_key(k, c)
    assert all(grid.cells.get(kk) is doc for kk, doc in untouched.items())  # not laid out again
    assert source.key in {r.key for r in cw.model.rows}
    QTest.keyClick(grid, Qt.Key.Key_Z, CTRL)  # undo, from the comparison window
    assert real_load(window.project).row_of(seg.member.section_id).key == source.key
    assert cw.comparison.row_of(seg.member.section_id).key == source.key
    assert grid.row_y(cw.model.band_index(key)) == y
    assert loads == []  # the whole comparison was never read again


# -- laying out only what is on screen -------------------------------------------------------------


def test_only_the_cells_on_screen_and_near_it_are_laid_out(view, qtbot):
    _window, cw = view
    grid = cw.grid
    with_text = [(r, c) for r in range(cw.model.rowCount()) for c in range(cw.model.columnCount())
                 if cw.model.members(r, c)]
    laid = set(grid.cells)
    assert laid and len(laid) < len(with_text) / 2
    rows, columns = grid._visible_rows(grid.viewport().height()), grid._visible_columns(1)
    assert all(cw.model.cell_at(*k)[0] in rows and cw.model.cell_at(*k)[1] in columns for k in laid)
    last = cw.model.rowCount() - 2
    assert not any(cw.model.cell_at(*k)[0] == last for k in laid)
    QTest.keyClick(grid, Qt.Key.Key_End, CTRL)  # to the end
    grid.viewport().grab()
    assert any(cw.model.cell_at(*k)[0] >= last for k in grid.cells)
    for r in grid._visible_rows():  # the bands on screen are as tall as their tallest cell laid out
        tallest = max((grid.shown_height(k, ms) for k, ms in cw.model.band_cells(r)), default=0)
        assert grid.heights[r] >= tallest


# -- the tree of rows and other genres -----------------------------------------------------------------


def test_frame_rows_open_into_topic_rows_and_reports_of_another_genre_are_marked(make_window, aligned_path, qtbot,
                                                                               monkeypatch):
    with open_project(aligned_path, create=False) as p:
        stored = compare.load_comparison(p)
    plan, law, watch = (r.key for r in stored.rows[:3])
    other_genre = stored.columns[1].unit_id
    monkeypatch.setattr(comparison_module, "row_parents", lambda project: {law: plan, watch: plan})
    monkeypatch.setattr(comparison_module, "codebook_misfits", lambda project: {other_genre})
    window, cw = open_view(make_window, aligned_path, qtbot)
    grid = cw.grid
    n = len(stored.rows)
    assert cw.model.rowCount() == n - 2 and cw.model.band(0).children == 2
    assert "2" in grid.band_note(0)
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.expander_rect(0).center())
    assert cw.model.rowCount() == n and [cw.model.band_key(r) for r in range(3)] == [plan, law, watch]
    assert cw.model.band(1).depth == 1 and grid.heights[1] > 0
    c = next(i for i in range(cw.model.columnCount()) if cw.model.members(2, i))
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.cell_rect(2, c).center())
    QTest.keyClick(grid, Qt.Key.Key_Minus)  # from a child row: closes its frame row, back on the frame
    assert cw.model.rowCount() == n - 2 and grid.current == cw.model.cell_key(0, c)
    QTest.keyClick(grid, Qt.Key.Key_Plus)
    assert cw.model.rowCount() == n
    # the move menu lists every row, the children under their frame
    menu = grid.cell_menu(0, cw.model.members(0, c)[0])
    move = next(m for m in menu.findChildren(type(menu)) if m.objectName() == "compareMoveTo")
    labels = [a.text() for a in move.actions()]
    assert any(t.startswith("    ") for t in labels)
    # another genre: its column's header is marked and says why; so is its band in the topic view
    column = cw.model.column_index(other_genre)
    assert not cw.model.column_at(column).codebook_fits
    tip = grid.tooltip_at(QPoint(grid.column_x(column) + 20, 10))
    assert "编码表" in tip
    image = grid.viewport().grab().toImage()
    assert QColor(image.pixel(grid.column_x(column) + grid.column_width - 6, 40)) == QColor(MISFIT_BG)
    assert QColor(image.pixel(grid.column_x(0) + grid.column_width - 6, 40)) != QColor(MISFIT_BG)
    row = next(r for r in stored.rows if other_genre in r.cells())
    cw.show_topic(row.key)
    r = cw.topic_model.band_index(str(other_genre))
    assert cw.topic_model.band(r).misfit and not cw.topic_model.band(r - 1 if r else r + 1).misfit
