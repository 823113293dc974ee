"""The outline in the window: filter box, breadcrumb, the report context menu (correct county and
year, rename, delete with confirmation and undo), whole-section tagging from the menu."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex

from reader.core.store.documents import get_unit, list_units
from reader.core.store.passages import list_passages
from reader.core.store.themes import find_theme
from reader.ui.dialogs.confirm import ConfirmDialog
from reader.ui.dialogs.unitfield import UnitFieldDialog
from reader.ui.models.outline import UNIT
from tests.ui.helpers import choose_section, click_index, sections, unit_of


def _visible_names(window) -> list[str]:
    model, view = window.outline_model, window.outline_view
    out = []

    def walk(parent: QModelIndex) -> None:
        for r in range(model.rowCount(parent)):
            ix = model.index(r, 0, parent)
            out.append(ix.data())
            if view.isExpanded(ix):
                walk(ix)

    walk(QModelIndex())
    return out


def test_filter_box(window, qtbot):
    box = window.outline_panel.filter_box
    box.setText("新安")
    qtbot.waitUntil(lambda: window.outline_model.flt == "新安", timeout=3000)
    names = _visible_names(window)
    assert names[:3] == ["河南省", "洛阳市", "新安县"] and "山西省" not in names
    assert any(n.startswith("洛阳人大工作巡礼") for n in names)  # expanded down to the report
    box.clear()
    qtbot.waitUntil(lambda: window.outline_model.flt == "", timeout=3000)
    assert "山西省" in _visible_names(window)


def test_filter_by_heading_finds_the_report(window, qtbot):
    u = unit_of(window.project, "吉县")
    heading = sections(window.project, u.id)[0].heading
    window.outline_panel.filter_box.setText(heading[2:10])
    qtbot.waitUntil(lambda: window.outline_model.flt != "", timeout=3000)
    units = [n for n in window.outline_model.root.walk() if n.kind == UNIT]
    assert [n.key for n in units] == [u.id]


def test_breadcrumb_follows_the_selection(window, qtbot):
    unit, section, text = choose_section(qtbot, window, "离石区", 1)
    crumb = window.breadcrumb.plain()
    assert crumb.startswith("离石区 ▸ ") and crumb.endswith(section.heading)
    assert unit.title in crumb
    window.breadcrumb.crumbActivated.emit(f"unit:{unit.id}")
    assert window.shown.section_id is None and window.text_pane.toPlainText() == text
    window.breadcrumb.crumbActivated.emit("place")
    assert window.outline_panel.current_node().label == "离石区"


def test_correct_county_and_year_with_undo(window, qtbot, monkeypatch):
    u = unit_of(window.project, "离石区")
    answers = iter(["运城市新绛县", "2020"])
    monkeypatch.setattr(UnitFieldDialog, "ask", classmethod(lambda cls, parent, field, current, report, *more: next(answers)))
    window.outline_panel.correctCountyRequested.emit(u.id)
    assert get_unit(window.project, u.id).county == "新绛县"
    ix = window.outline_model.find_unit(u.id)
    assert ix.parent().data() == "新绛县" and ix.parent().parent().data() == "运城市"
    window.outline_panel.correctYearRequested.emit(u.id)
    assert get_unit(window.project, u.id).year == 2020
    assert "2020" in window.outline_model.find_unit(u.id).data()
    window.actions["undo"].trigger()
    assert get_unit(window.project, u.id).year == 2021
    window.actions["undo"].trigger()
    assert get_unit(window.project, u.id).county == "离石区"
    assert window.outline_model.find_unit(u.id).parent().data() == "离石区"


def test_an_ambiguous_county_is_asked_again_with_the_places_listed(window, shown_errors, monkeypatch):
    u = unit_of(window.project, "离石区")
    asked = []

    def ask(cls, parent, field, current, report, problem="", choices=None):
        asked.append((current, problem, choices))
        return "鼓楼区" if len(asked) == 1 else None  # then Cancel

    monkeypatch.setattr(UnitFieldDialog, "ask", classmethod(ask))
    window.outline_panel.correctCountyRequested.emit(u.id)
    assert len(asked) == 2 and asked[1][0] == "鼓楼区"
    assert "鼓楼区" in asked[1][1] and "上级" in asked[1][1]  # why, in the dialog itself
    assert "福州市/鼓楼区" in asked[1][2] and "南京市/鼓楼区" in asked[1][2]  # the places to choose from
    assert shown_errors == []
    assert get_unit(window.project, u.id).county == "离石区"
    assert not window.undo_stack.canUndo()


def test_rename_report(window, monkeypatch):
    u = unit_of(window.project, "吉县")
    monkeypatch.setattr(UnitFieldDialog, "ask", classmethod(lambda cls, *a: "吉县人大常委会工作报告"))
    window.outline_panel.renameRequested.emit(u.id)
    assert get_unit(window.project, u.id).title == "吉县人大常委会工作报告"
    assert window.outline_model.find_unit(u.id).data().startswith("吉县人大常委会工作报告")


def test_delete_report_asks_and_undo_restores(window, qtbot, monkeypatch):
    u, section, text = choose_section(qtbot, window, "离石区", 0)
    theme = find_theme(window.project, "代表工作").id
    window.tag_section(section.id, theme, False)
    asked = []
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, parent, title, text, confirm, detail="": asked.append(detail) or False))
    window.outline_panel.deleteRequested.emit(u.id)
    assert asked and "1" in asked[0]  # it says how many passages go with it
    assert u.id in [x.id for x in list_units(window.project)]  # refused: nothing deleted
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *a, **k: True))
    window.outline_panel.deleteRequested.emit(u.id)
    assert u.id not in [x.id for x in list_units(window.project)]
    assert not window.outline_model.find_unit(u.id).isValid()
    assert window.shown.unit_id is None and "删除" in window.text_pane.toPlainText()
    window.actions["undo"].trigger()
    assert window.outline_model.find_unit(u.id).isValid()
    assert [p.unit for p in list_passages(window.project)] == [u.id]


def test_outline_context_menus(window, qtbot):
    u = unit_of(window.project, "离石区")
    unit_index = window.outline_model.find_unit(u.id)
    menu = window.outline_panel.build_menu(window.outline_model.node(unit_index))
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts == ["更正县区…", "更正年份…", "重命名…", "按标题批量标注…", "删除报告…"]
    s = sections(window.project, u.id)[1]
    node = window.outline_model.node(window.outline_model.find_unit(u.id, s.id))
    menu = window.outline_panel.build_menu(node)
    whole = next(a.menu() for a in menu.actions() if a.menu() and a.text() == "整节标注为")
    action = next(a for a in whole.actions() if a.text().strip() == "依法监督")
    action.trigger()
    [p] = list_passages(window.project)
    assert (p.start, p.quote[:6]) == (s.start, s.heading[:6])
    assert window.outline_model.find_unit(u.id, s.id).siblingAtColumn(1).data() == "1"


def test_section_with_subsections(window, qtbot):
    u = unit_of(window.project, "新绛县")
    top = sections(window.project, u.id)[0]
    theme = find_theme(window.project, "党的领导与政治建设").id
    window.outline_panel.tagSectionRequested.emit(top.id, theme, True)
    [p] = list_passages(window.project)
    assert (p.start, p.end) == (top.start, top.end)
    window.outline_panel.tagSectionRequested.emit(top.id, theme, True)  # again: nothing new
    assert len(list_passages(window.project)) == 1
    assert "已有" in window.statusBar().currentMessage()


def test_pattern_tagging_is_one_undo_step(window, monkeypatch):
    from reader.core.store.passage_edits import sections_matching
    from reader.ui.dialogs.pattern import PatternInput, PatternTagDialog

    theme = find_theme(window.project, "代表工作").id
    seen = {}

    def ask(cls, parent, looks, count, pattern="", has_report=False):
        seen["count"] = count("代表", False, False, True)
        seen["bad"] = count("(", True, False, True)
        return PatternInput("代表", False, theme, True, False)

    monkeypatch.setattr(PatternTagDialog, "ask", classmethod(ask))
    window.actions["tag_pattern"].trigger()
    n = len(sections_matching(window.project, "代表", outermost=True))  # a subsection inside: tagged with it
    assert seen["count"] == (len(sections_matching(window.project, "代表")), n)
    assert seen["bad"] == "正则表达式写得不对：("  # said in Chinese, no English
    assert len(list_passages(window.project)) == n
    assert window.undo_stack.count() == 1
    window.actions["undo"].trigger()
    assert list_passages(window.project) == []


def test_expand_and_click_through_levels(window, qtbot):
    model, view = window.outline_model, window.outline_view
    henan = model.index(1, 0)
    click_index(qtbot, view, henan)
    assert window.shown.place == ("河南省",)
    assert "河南省" in window.text_pane.toPlainText()
    assert window.passage_list.scope_text == "河南省"


def test_a_places_passages_are_listed_off_the_ui_thread(window, qtbot, threaded_ops, monkeypatch):
    import threading

    from reader.core.store import passage_edits, passage_scope
    from reader.ui import ops

    theme = find_theme(window.project, "代表工作").id
    passage_edits.tag_sections_matching(window.project, "代表", [theme])
    threads = []
    real = passage_scope.passages_in

    def listing(project, *args, **kwargs):
        threads.append(threading.current_thread())
        return real(project, *args, **kwargs)

    monkeypatch.setattr(passage_scope, "passages_in", listing)
    henan = window.outline_model.index(1, 0)
    click_index(qtbot, window.outline_view, henan)
    qtbot.waitUntil(lambda: not ops.running(), timeout=20000)
    qtbot.waitUntil(lambda: window.passage_list.scope_text == "河南省", timeout=5000)
    assert threads and threads[-1] is not threading.main_thread()
    expected = real(window.project, passage_scope.Scope(place=("河南省",)))
    assert expected and len(window.passage_list.model.records) == len(expected)
    # a report shown next is listed at once, and a late place result does not replace it
    u = unit_of(window.project, "离石区")
    window.open_location(u.id)
    assert window.passage_list.scope_text == "本报告"
