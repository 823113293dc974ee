"""The comparison view (视图 ▸ 对比视图) in the real window: ten reports as columns, rows that stay in
line while scrolling, shared phrases and reused passages marked, occurrences listed and opened,
corrections from the context menus and by dragging (stored, undone, surviving a re-align), tagging
in a cell with the theme keys, re-aligning through ops with cancel, both languages."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QTextCharFormat, QWheelEvent
from PySide6.QtTest import QAbstractItemModelTester, QTest
from PySide6.QtWidgets import QApplication, QLabel, QMenu

from reader.core import compare
from reader.core.ingest.importing import import_paths
from reader.core.search import search
from reader.core.store.db import open_project
from reader.core.store.documents import unit_text
from reader.core.store.passages import list_passages
from reader.core.store.themes import list_themes
from reader.ui import i18n, ops
from reader.ui.compare.cell import PHRASE_COLOUR
from reader.ui.compare.grid import BAND_H
from reader.ui.compare.model import BY_PREFECTURE, BY_YEAR, ColumnListModel, ComparisonModel
from reader.ui.dialogs.columns import ColumnsDialog
from reader.ui.dialogs.rowlabel import RowLabelDialog
from tests.conftest import write_text

SHARED = ("围绕优化营商环境开展专题询问，组织代表深入企业一线走访调研，推动解决企业反映的融资难融资贵等问题，"
          "督促有关部门建立健全问题清单整改清单责任清单，实行销号管理。")
REPORT = """{county}人民代表大会常务委员会工作报告
——2022年1月{day}日在{county}第十八届人民代表大会第二次会议上
{county}人大常委会主任 王某某
各位代表：
现在，我代表县人大常委会向大会报告工作，请予审议。
一、坚持党的领导，把牢政治方向
常委会坚持以习近平新时代中国特色社会主义思想为指导，{lead}增强四个意识，坚定四个自信，做到两个维护。
二、依法开展监督，助推高质量发展
常委会听取和审议县人民政府关于国民经济和社会发展计划执行情况的报告。{shared}{tail}
三、发挥代表作用，密切联系群众
常委会完善代表联系群众制度，推行民生实事项目票决制，组织代表开展集中视察活动。
"""


@pytest.fixture
def aligned_path(sample_project_path):
    with open_project(sample_project_path, create=False) as p:
        compare.run_alignment(p)
    return sample_project_path


@pytest.fixture
def small_path(tmp_path):
    """Two counties whose supervision sections share a long passage; a 𠮷 in the first report."""
    a = write_text(tmp_path / "in" / "a.txt", REPORT.format(county="吉县", day=10, lead="𠮷祥村代表之家建成投用。",
                                                              shared=SHARED, tail="同时加强预算审查监督。"))
    b = write_text(tmp_path / "in" / "b.txt", REPORT.format(county="新绛县", day=12, lead="",
                                                              shared=SHARED, tail="此外还开展了执法检查。"))
    path = tmp_path / "small.renda"
    with open_project(path) as p:
        assert not import_paths(p, [a, b]).failed
        compare.run_alignment(p)
    return path


@pytest.fixture
def view(make_window, aligned_path, qtbot):
    window = make_window(aligned_path)
    window.resize(1600, 1000)
    window.actions["compare"].trigger()
    cw = window.compare.view
    qtbot.waitExposed(cw)
    cw.resize(1600, 1000)
    QApplication.processEvents()
    return window, cw


def row_of_county(cw, key: str, county: str) -> tuple[int, int]:
    r = cw.model.row_index(key)
    c = next(i for i, col in enumerate(cw.model.columns) if col.county == county)
    return r, c


def doc_range(doc, text: str) -> tuple[int, int]:
    """Where `text` is in a cell's document (UTF-16 positions), found independently of the cell's maps."""
    plain = doc.doc.toPlainText()
    i = plain.index(text)
    return len(plain[:i].encode("utf-16-le")) // 2, len(plain[: i + len(text)].encode("utf-16-le")) // 2


def menu_action(menu: QMenu, name: str):
    found = menu.findChild(QMenu, name)
    return found.menuAction() if found is not None else next(a for a in menu.actions() if a.objectName() == name)


# -- the view ------------------------------------------------------------------------------------


def test_ten_counties_render_as_columns_and_rows_as_bands(view):
    window, cw = view
    assert cw.objectName() == "compareView" and cw.isVisible() and cw.parent() is window
    counties = {c.county for c in cw.model.columns}
    assert cw.model.columnCount() == 10 and len(counties) == 10  # nine named and one unknown
    assert {"新绛县", "吉县", "离石区", "文水县", "新安县"} <= counties
    comparison = compare.load_comparison(window.project)
    assert [r.key for r in cw.model.rows] == [r.key for r in comparison.rows]
    grid = cw.grid
    for r, row in enumerate(comparison.rows):
        for c, col in enumerate(cw.model.columns):
            members = [m for m in row.members if m.unit_id == col.unit_id]
            doc = grid.cell(r, c)
            if not members:
                assert doc is None
                continue
            text = unit_text(window.project, col.unit_id)
            plain = doc.doc.toPlainText()
            for m in members:
                assert text[m.start : m.end].strip() in plain  # heading and text, whole
            assert grid.heights[r] >= doc.height  # the row is as tall as its tallest cell
    # usable at 1600 x 1000: columns keep their width and scroll sideways
    assert grid.column_width >= 240 and grid.horizontalScrollBar().maximum() > 0
    image = cw.grab().toImage()
    assert image.width() >= 1500 and not image.isNull()


def test_scrolling_one_column_keeps_the_rows_in_line(view, qtbot):
    _window, cw = view
    grid = cw.grid
    v = grid.verticalScrollBar()
    assert v.value() == 0 and v.maximum() > 1000
    c = 2
    at = QPointF(grid.column_x(c) + grid.column_width / 2, 400)
    for _ in range(6):  # the wheel turned over the third column only
        event = QWheelEvent(at, grid.viewport().mapToGlobal(at), QPoint(0, 0), QPoint(0, -120),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(grid.viewport(), event)
    assert v.value() > 0
    moved = v.value()
    for r in range(len(grid.tops)):
        tops = {grid.cell_rect(r, k).top() for k in range(cw.model.columnCount())}
        assert tops == {grid.band_rect(r).top() + BAND_H}, r  # one line across every column
        assert grid.band_rect(r).top() == grid.tops[r] - moved + grid.header_height()
    # a row further down is reached the same way in every column; sideways scrolling moves columns only
    v.setValue(grid.tops[3])
    assert {grid.cell_rect(3, k).top() for k in range(10)} == {grid.header_height() + BAND_H}
    grid.horizontalScrollBar().setValue(grid.column_width * 2)
    assert grid.cell_rect(3, 2).left() == 0 and grid.cell_rect(3, 5).top() == grid.cell_rect(3, 2).top()


def test_models_by_the_book(qtbot, aligned_path):
    with open_project(aligned_path, create=False) as p:
        comparison = compare.load_comparison(p)
    model = ComparisonModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    ids = [c.unit_id for c in comparison.columns]
    model.set_comparison(comparison, ids[:4])
    assert model.columnCount() == 4 and model.rowCount() == len(comparison.rows)
    model.set_comparison(comparison, ids, BY_PREFECTURE)
    prefectures = [c.prefecture or "" for c in model.columns]
    assert [g.count for g in model.groups] and sum(g.count for g in model.groups) == 10
    assert all(prefectures[g.first : g.first + g.count] == [prefectures[g.first]] * g.count for g in model.groups)
    model.set_comparison(comparison, ids, BY_YEAR)
    years = [c.year or 0 for c in model.columns]
    assert sorted(set(years), key=lambda y: (y == 0, y)) == list(dict.fromkeys(years))
    model.set_comparison(None, [])
    assert model.rowCount() == 0 and model.columnCount() == 0

    columns = ColumnListModel(comparison.columns, ids[:3])
    QAbstractItemModelTester(columns, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert columns.shown() == ids[:3]
    assert columns.move(0, 1) == 1 and columns.shown() == [ids[1], ids[0], ids[2]]
    assert columns.move(3, -1) == 2
    columns.setData(columns.index(5), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert len(columns.shown()) == 4
    columns.set_all(False)
    assert columns.shown() == []


def test_column_chooser_shows_chosen_reports_in_their_order(view, monkeypatch):
    _window, cw = view
    ids = [c.unit_id for c in cw.comparison.columns]
    monkeypatch.setattr(ColumnsDialog, "ask", classmethod(lambda cls, parent, columns, shown: [ids[4], ids[1]]))
    cw.columns_action.trigger()
    assert [c.unit_id for c in cw.model.columns] == [ids[4], ids[1]]
    assert cw.grid.horizontalScrollBar().maximum() == 0
    cw.set_group_by(BY_YEAR)
    assert cw.model.groups and cw.grid.header_height() > 46


# -- phrases and reuse ---------------------------------------------------------------------------------


def test_a_shared_phrase_gets_the_neutral_format_in_both_cells(view):
    _window, cw = view
    grid = cw.grid
    shown_units = {c.unit_id for c in cw.model.columns}
    def cell_of(key, unit_id):
        return grid.cell(cw.model.row_index(key), cw.model.column_index(unit_id))

    def marked_in(key, phrase):  # units whose cell marks the phrase (not inside a reused passage there)
        return [u for u in dict.fromkeys(s.unit_id for s in phrase.spans if s.unit_id in shown_units)
                if any(t == phrase.text for _a, _b, t in cell_of(key, u).phrases)]

    key, phrase = next((key, p) for key, marks in cw.marks.items() for p in marks.phrases
                       if len(p.text) >= 4 and len(p.counties) >= 2 and len(marked_in(key, p)) >= 2)
    units = marked_in(key, phrase)[:2]
    for uid in units:
        r, c = cw.model.row_index(key), cw.model.column_index(uid)
        doc = grid.cell(r, c)
        span = next(s for s in phrase.spans if s.unit_id == uid)
        assert unit_text(cw.main.project, uid)[span.start : span.end] == phrase.text
        marked = [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in doc.selections
                  if s.format.property(QTextCharFormat.Property.UserProperty + 1) == phrase.text
                  and s.format.background().color() == PHRASE_COLOUR]
        assert marked and all(doc.text_of(a, b) == phrase.text for a, b in marked)
    assert cw.panel.phrase_list.count() > 0


def test_clicking_a_phrase_lists_and_opens_its_occurrences(view, qtbot):
    window, cw = view
    grid = cw.grid
    r, c = row_of_county(cw, cw.model.rows[0].key, "吉县")
    doc = grid.cell(r, c)
    a, b, phrase = next((a, b, t) for a, b, t in doc.phrases if doc.phrase_at(a + 1) == t)
    grid.ensure_visible(r, c, doc.rect_of(a).top())
    unit = cw.model.columns[c].unit_id
    point = grid.span_point(r, c, doc.to_unit(a) + 1)
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=point)
    expected = search(window.project, phrase, limit=500)
    assert cw.panel.hit_model.rowCount() == len(expected.hits) >= 2
    assert phrase in cw.panel.hits_label.text()
    hit = cw.panel.hit_model.hits[-1]
    index = cw.panel.hit_model.index(len(expected.hits) - 1, 0)
    cw.panel.hit_table.clicked.emit(index)
    assert window.shown.unit_id == hit.unit
    assert window.text_pane.selection_span() == (hit.start, hit.end)
    assert unit in {h.unit for h in expected.hits}


def test_reused_passage_is_linked_across_columns_with_its_share(make_window, small_path, qtbot):
    window = make_window(small_path)
    cw = window.compare.show()
    grid = cw.grid
    key = next(r.key for r in cw.model.rows if any("监督" in m.heading for m in r.members))
    r = cw.model.row_index(key)
    assert cw.model.columnCount() == 2
    for c in range(2):
        doc = grid.cell(r, c)
        a, b = doc_range(doc, SHARED[:-1])
        assert any(x <= a + 2 and y >= b - 2 for x, y, _lid in doc.links), doc.links  # the passage is marked
        share = grid.cell_share(r, c)
        text = doc.doc.toPlainText()
        assert 0.3 < share < 1  # most of the section, not all of it
        assert grid.cell_badge(r, c) == f"reused {round(share * 100)}%" or "复用" in grid.cell_badge(r, c)
        assert len(SHARED) < len(text)
    # hovering the passage in one column lights it in the other, and a click brings it into view
    doc0 = grid.cell(r, 0)
    lid = doc0.links[0][2]
    point = grid.span_point(r, 0, doc0.to_unit(doc0.links[0][0]) + 3)
    qtbot.mouseMove(grid.viewport(), point)
    assert grid.hover_link == lid
    other = grid.cell(r, 1)
    lit = [s for s in other.selections if s.format.property(QTextCharFormat.Property.UserProperty + 2) == lid]
    assert lit and lit[0].format.background().color().name() == QColor("#ffd54f").name()
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert grid.active_link == lid


# -- corrections ---------------------------------------------------------------------------------------


def test_corrections_from_the_menus_are_stored_undone_and_survive_a_realign(view, monkeypatch):
    window, cw = view
    grid = cw.grid
    project = window.project
    rows = cw.model.rows
    source, target = rows[0], rows[1]
    member = source.members[0]
    r = cw.model.row_index(source.key)

    # move to another row
    menu = grid.cell_menu(r, member)
    move = menu.findChild(QMenu, "compareMoveTo")
    next(a for a in move.actions() if a.data() == target.key).trigger()
    assert compare.load_comparison(project).row_of(member.section_id).key == target.key
    assert cw.comparison.row_of(member.section_id).key == target.key  # the view follows at once
    assert cw.model.members(cw.model.row_index(target.key), cw.model.column_index(member.unit_id))
    # undo takes it back, redo does it again
    cw.undo_action.trigger()
    assert compare.load_comparison(project).row_of(member.section_id).key == source.key
    assert compare.list_corrections(project) == []
    cw.redo_action.trigger()
    assert compare.load_comparison(project).row_of(member.section_id).key == target.key

    # not a match (for a member of another row)
    other = next(m for m in rows[2].members if m.section_id != member.section_id)
    menu = grid.cell_menu(cw.model.row_index(rows[2].key), cw.comparison.member(other.section_id))
    menu_action(menu, "compareNotMatch").trigger()
    assert compare.load_comparison(project).row_of(other.section_id).key != rows[2].key

    # split into a new row, with the label asked for
    third = cw.comparison.row(rows[3].key).members[0]
    monkeypatch.setattr(RowLabelDialog, "ask", classmethod(lambda cls, parent, mode, current, about="": "新的一行"))
    menu = grid.cell_menu(cw.model.row_index(rows[3].key), third)
    menu_action(menu, "compareSplit").trigger()
    split_row = compare.load_comparison(project).row_of(third.section_id)
    assert split_row.label == "新的一行" and [m.section_id for m in split_row.members] == [third.section_id]

    # rename a row and merge one into another from the band's menu
    monkeypatch.setattr(RowLabelDialog, "ask", classmethod(lambda cls, parent, mode, current, about="": "监督工作"))
    menu_action(grid.band_menu(cw.model.row_index(target.key)), "compareRename").trigger()
    assert compare.load_comparison(project).row(target.key).label == "监督工作"
    merged, into = rows[4].key, rows[2].key
    merging = [m.section_id for m in cw.comparison.row(merged).members]
    menu = grid.band_menu(cw.model.row_index(merged))
    next(a for a in menu.findChild(QMenu, "compareMergeInto").actions() if a.data() == into).trigger()
    after = compare.load_comparison(project)
    assert after.row(merged) is None and all(after.row_of(s).key == into for s in merging)
    assert len(compare.list_corrections(project)) == 5
    assert "监督工作" in [r.label for r in cw.model.rows]

    # re-aligning never undoes them
    before = {s: after.row_of(s).key for s in [member.section_id, third.section_id, *merging]}
    cw.realign_action.trigger()
    again = compare.load_comparison(project)
    assert again.run == after.run + 1
    assert {s: again.row_of(s).key for s in before} == before
    assert again.row_of(other.section_id).key != rows[2].key
    assert again.row(target.key).label == "监督工作" and again.row_of(third.section_id).label == "新的一行"
    assert [r.key for r in cw.model.rows] == [r.key for r in again.rows]


def test_dragging_a_section_onto_another_row_moves_it(view, qtbot):
    window, cw = view
    grid = cw.grid
    source, target = cw.model.rows[1], cw.model.rows[0]
    r = cw.model.row_index(source.key)
    c = next(i for i in range(10) if grid.cell(r, i) is not None)
    doc = grid.cell(r, c)
    seg, rect = doc.heading_rects()[0]
    grid.verticalScrollBar().setValue(grid.tops[r])
    start = QPoint(grid.cell_rect(r, c).left() + 6, int(grid.text_origin(r, c).y() + rect.center().y()))
    assert grid.locate(start).kind == "handle"
    grid.verticalScrollBar().setValue(grid.tops[r] - 300)  # the row above is in view too
    start = QPoint(start.x(), start.y() + 300)
    band = grid.band_rect(cw.model.row_index(target.key))
    band_point = QPoint(200, max(band.center().y(), grid.header_height() + 5))
    drop = grid.locate(band_point)
    assert drop.row == cw.model.row_index(target.key)
    QTest.mousePress(grid.viewport(), Qt.MouseButton.LeftButton, pos=start)
    QTest.mouseMove(grid.viewport(), start + QPoint(0, -30))
    QTest.mouseMove(grid.viewport(), band_point)
    assert grid.drop_row == cw.model.row_index(target.key)
    QTest.mouseRelease(grid.viewport(), Qt.MouseButton.LeftButton, pos=band_point)
    assert compare.load_comparison(window.project).row_of(seg.member.section_id).key == target.key
    assert compare.list_corrections(window.project)[-1].kind == "move"


# -- tagging -------------------------------------------------------------------------------------------


def test_select_in_a_cell_and_press_a_key_tags_with_the_right_offsets(make_window, small_path, qtbot):
    window = make_window(small_path)
    cw = window.compare.show()
    grid = cw.grid
    project = window.project
    unit = next(c for c in cw.model.columns if c.county == "吉县")
    text = unit_text(project, unit.id if hasattr(unit, "id") else unit.unit_id)
    assert "𠮷" in text
    key = cw.comparison.row_of(next(m.section_id for r in cw.model.rows for m in r.members
                                    if m.unit_id == unit.unit_id and text.index("𠮷") in range(m.start, m.end))).key
    r, c = cw.model.row_index(key), cw.model.column_index(unit.unit_id)
    word = "代表之家"
    start = text.index(word)
    assert text.index("𠮷") < start  # an astral character before the selection
    a, b = grid.span_point(r, c, start), grid.span_point(r, c, start + len(word) - 1)
    doc = grid.cell(r, c)
    fm_half = grid.span_point(r, c, start + 1).x() - a.x()
    QTest.mousePress(grid.viewport(), Qt.MouseButton.LeftButton, pos=a - QPoint(fm_half // 4, 0))
    QTest.mouseMove(grid.viewport(), b)
    QTest.mouseRelease(grid.viewport(), Qt.MouseButton.LeftButton, pos=b + QPoint(fm_half // 4, 0))
    assert grid.selection_span() == (unit.unit_id, start, start + len(word)), grid.selection
    assert grid.selected_text() == word
    qtbot.keyClick(grid, Qt.Key.Key_1)
    theme = next(t for t in list_themes(project) if t.shortcut == "1")
    [p] = list_passages(project)
    assert (p.unit, p.start, p.end, p.quote, p.theme_ids) == (unit.unit_id, start, start + len(word), word, [theme.id])
    colour = QColor(theme.colour)
    lit = [s for s in doc.selections if s.format.background().color().rgb() == colour.rgb()]
    assert lit and doc.text_of(lit[0].cursor.selectionStart(), lit[0].cursor.selectionEnd()) == word
    cw.undo_action.trigger()  # the same undo stack as the reading window
    assert list_passages(project) == []
    assert not [s for s in doc.selections if s.format.background().color().rgb() == colour.rgb()]
    assert window.undo_stack.canRedo()


def test_tagging_without_a_selection_says_what_to_do(view, qtbot):
    window, cw = view
    qtbot.keyClick(cw.grid, Qt.Key.Key_1)
    assert list_passages(window.project) == []
    assert cw.statusBar().currentMessage()


# -- re-align ------------------------------------------------------------------------------------------


def test_realign_runs_through_ops_and_can_be_cancelled(view, monkeypatch):
    window, cw = view
    made = []
    real_run = ops.Op.run

    def run(op):
        made.append(op)
        return real_run(op)

    monkeypatch.setattr(ops.Op, "run", run)
    before = compare.load_comparison(window.project)
    cw.realign_action.trigger()
    op = next(o for o in made if o.cancellable)
    assert op.is_done and op.error is None and op.result.run == before.run + 1
    assert cw.comparison.run == before.run + 1

    real_align = compare.align_and_store  # (the window does not read the comparison back: it reloads it)

    def cancelled_at_once(project, selection, progress, cancel):
        cancel.cancel()  # as the Cancel button of the progress dialog does
        return real_align(project, selection, progress, cancel)

    monkeypatch.setattr(compare, "align_and_store", cancelled_at_once)
    cw.realign_action.trigger()
    op = [o for o in made if o.cancellable][-1]
    assert op.cancelled and type(op.error).__name__ == "Cancelled"
    assert compare.load_comparison(window.project).run == before.run + 1  # the stored rows as they were
    assert cw.comparison is not None and cw.model.rowCount() == len(before.rows)
    assert cw.statusBar().currentMessage() == "已取消。"


def test_a_project_never_aligned_is_aligned_when_the_view_opens(make_window, sample_project_path):
    window = make_window(sample_project_path)
    cw = window.compare.show()
    assert cw.comparison is not None and cw.model.columnCount() == 10
    assert compare.load_comparison(window.project).run == 1


# -- languages ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", [i18n.ZH, i18n.EN])
def test_the_view_in_both_languages(view, lang):
    window, cw = view
    window.set_language(lang)
    QApplication.processEvents()  # Qt posts LanguageChange to every window
    texts = [cw.windowTitle(), cw.realign_action.text(), cw.columns_action.text(), cw.filter_action.text(),
             cw.summary.text(), cw.dock.windowTitle(), *[w.text() for w in cw.findChildren(QLabel) if w.text()]]
    texts += [cw.group_box.itemText(i) for i in range(cw.group_box.count())]
    other = cw.model.headerData(cw.model.rowCount() - 1, Qt.Orientation.Vertical)
    if lang == i18n.ZH:
        assert cw.realign_action.text() == "重新对齐" and cw.windowTitle().startswith("对比视图")
        assert all(not re.search(r"[A-Za-z]{3,}", t) or re.search(r"[\u4e00-\u9fff]", t) for t in texts), texts
        assert other.startswith("其他")
        assert window.actions["compare"].text().startswith("对比视图")
    else:
        assert cw.realign_action.text() == "Re-align" and cw.windowTitle().startswith("Comparison view")
        assert other.startswith("Other")


def test_closing_the_main_window_closes_the_view(view):
    window, cw = view
    window.close()
    assert not cw.isVisible()


def test_tagging_in_the_reading_window_shows_in_the_view_open_or_not(view):
    window, cw = view
    grid = cw.grid
    row = cw.model.rows[0]
    member = row.members[0]
    r, c = cw.model.row_index(row.key), cw.model.column_index(member.unit_id)
    theme = list_themes(window.project)[0]
    start = member.start + 30
    assert window.tag_span(member.unit_id, start, start + 6, [theme.id])
    doc = grid.cell(r, c)
    assert [(pid, t) for _a, _b, pid, t in doc.passages] == [(list_passages(window.project)[0].id, [theme.id])]
    cw.close()
    window.undo_stack.undo()  # while the view is hidden: it catches up when shown again
    assert grid.cell(r, c).passages
    window.actions["compare"].trigger()
    assert cw.isVisible() and grid.cell(r, c).passages == []


def test_choosing_the_reports_to_align(view, monkeypatch, shown_errors):
    from reader.ui.dialogs.comparefilter import CompareFilterDialog

    window, cw = view
    monkeypatch.setattr(CompareFilterDialog, "ask", classmethod(lambda cls, parent, choices, current: (["吉县", "离石"], None, [])))
    cw.filter_action.trigger()
    assert sorted(c.county for c in cw.model.columns) == ["吉县", "离石区"]
    assert compare.load_comparison(window.project).selection.counties == ["吉县", "离石区"]
    monkeypatch.setattr(CompareFilterDialog, "ask", classmethod(lambda cls, parent, choices, current: (["无此县"], None, [])))
    cw.filter_action.trigger()
    assert shown_errors and "无此县" in shown_errors[-1]  # one clear message, nothing re-aligned
    assert cw.model.columnCount() == 2
    monkeypatch.setattr(CompareFilterDialog, "ask", classmethod(lambda cls, parent, choices, current: ([], None, ["2022"])))
    cw.filter_action.trigger()
    assert {c.year for c in cw.model.columns} == {2022}


def test_why_a_section_is_in_its_row_shows_on_hover(view):
    _window, cw = view
    grid = cw.grid
    r = 0
    row = cw.model.rows[r]
    tip = grid.tooltip_at(grid.band_rect(r).center())
    assert row.label in tip and any(t in tip for m in row.members for t in m.terms[:3])
    c = next(i for i in range(10) if grid.cell(r, i) is not None)
    seg, rect = grid.cell(r, c).heading_rects()[0]
    handle = QPoint(grid.cell_rect(r, c).left() + 6, int(grid.text_origin(r, c).y() + rect.center().y()))
    assert seg.member.heading in grid.tooltip_at(handle) and "拖到另一行" in grid.tooltip_at(handle)
