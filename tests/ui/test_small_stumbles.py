"""The smaller stumbles of the first week, driven as the user met them: the import dialogs start
where the last import was; 全部展开 goes down to the sections; a filter hit reveals its section and
clearing the filter gives the tree back as it was; a report imported twice in two formats is
noticed, with an offer to skip the copy; 更正县区 with a shared name lists the places; the welcome
shows once; a search hit is read in the middle of the pane; lost characters (??) stand out."""

from __future__ import annotations

import shutil
import time

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QListWidget, QPushButton, QToolButton

from reader.core.store.documents import get_unit, list_units, unit_text
from reader.core.store.outline_tree import section_tree
from reader.ui import i18n
from reader.ui.dialogs.files import ImportDialog
from reader.ui.models.outline import PLACE, SECTION, UNIT
from reader.ui.textpane import DAMAGED_COLOUR
from tests.conftest import SAMPLES
from tests.ui.driving import (
    activate,
    choose_menu_entry,
    click,
    context_menu,
    on_next_modal,
    on_next_popup,
    press,
    type_text,
)
from tests.ui.helpers import click_index

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def wait_for(qtbot, condition, ms: int = 3000) -> None:
    qtbot.waitUntil(condition, timeout=ms)


# -- where the import dialogs start -------------------------------------------------------------------


def test_the_import_dialogs_start_where_the_last_import_was(make_window, tmp_path, qtbot, monkeypatch):
    window = make_window(tmp_path / "new.renda")
    reports = tmp_path / "reports" / "2022"
    reports.mkdir(parents=True)
    shutil.copy(SAMPLES[0], reports / "a.txt")
    started: list[str] = []

    def folder_dialog(parent=None, caption="", directory="", *a, **k):
        started.append(directory)
        return str(reports)

    def files_dialog(parent=None, caption="", directory="", *a, **k):
        started.append(directory)
        return [], ""

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(folder_dialog))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(files_dialog))
    activate(qtbot, window)
    press(window, Qt.Key.Key_I, CTRL | SHIFT)  # 文件 ▸ 导入文件夹
    assert len(list_units(window.project)) == 1
    activate(qtbot, window)
    press(window, Qt.Key.Key_I, CTRL | SHIFT)
    activate(qtbot, window)
    press(window, Qt.Key.Key_I, CTRL)  # 文件 ▸ 导入文档
    assert started[1:] == [str(reports.parent), str(reports.parent)], started  # beside the last folder
    window.close()
    again = make_window(tmp_path / "new.renda")  # kept for the next start
    activate(qtbot, again)
    press(again, Qt.Key.Key_I, CTRL)
    assert started[-1] == str(reports.parent)


# -- the outline ------------------------------------------------------------------------------------------


def _place_index(window, name: str):
    model = window.outline_model
    node = next(n for n in model.root.children if n.kind == PLACE and n.label == name)
    return model.index_of(node)


def test_expand_all_goes_down_to_the_sections(window, qtbot):
    activate(qtbot, window)
    view, model = window.outline_view, window.outline_model
    province = _place_index(window, "山西省")
    view.collapse(province)
    entry = i18n.tr("Expand all")
    answer = on_next_popup(lambda menu: choose_menu_entry(menu, entry))
    view.scrollTo(province)
    context_menu(view.viewport(), view.visualRect(province).center())
    answer.check()
    node = model.node(province)
    units = [n for n in node.walk() if n.kind == UNIT]
    assert units and all(view.isExpanded(model.index_of(n)) for n in units)
    sections = [n for u in units for n in u.walk() if n.kind == SECTION]
    assert sections and all(view.isExpanded(model.index_of(n.parent)) for n in sections)


def _heading_word(project) -> tuple[str, int, int]:
    """A word found in one section heading and in no title, file or place name: (word, unit, section)."""
    units = list_units(project)
    names = " ".join(f"{u.title or ''}{u.source}{u.county}{u.prefecture}{u.province}{u.year}" for u in units)
    for u in units:
        for top in section_tree(project, u.id):
            for s in top.walk():
                if s.level < 2:
                    continue
                for k in range(len(s.heading) - 3):
                    word = s.heading[k : k + 4]
                    if word not in names and sum(word in x.heading for v in units for t in section_tree(project, v.id)
                                                 for x in t.walk()) == 1:
                        return word, u.id, s.id
    raise AssertionError("no heading word of its own in the samples")


def test_a_filter_hit_reveals_its_section_and_clearing_restores_the_tree(window, qtbot):
    activate(qtbot, window)
    view, model, panel = window.outline_view, window.outline_model, window.outline_panel
    word, unit_id, section_id = _heading_word(window.project)
    # the tree as the user left it: 河南省 expanded down to its county, a report chosen
    henan = _place_index(window, "河南省")
    view.expand(henan)
    model.ensure_fetched(model.node(henan))
    pref = model.index(0, 0, henan)
    view.expand(pref)
    before = set(panel.expanded_keys())
    chosen = window.shown.unit_id, window.shown.section_id
    click(panel.filter_box)
    type_text(panel.filter_box, word)
    wait_for(qtbot, lambda: model.flt == word)
    ix = model.find_unit(unit_id, section_id)
    assert ix.isValid()
    parent = ix.parent()
    while parent.isValid():
        assert view.isExpanded(parent), model.node(parent).label
        parent = parent.parent()
    assert view.visualRect(ix).isValid()
    # cleared with the box's clear button, as the user did
    clear = next(b for b in panel.filter_box.findChildren(QToolButton) if b.isVisible())
    click(clear)
    wait_for(qtbot, lambda: model.flt == "")
    assert before <= set(panel.expanded_keys())
    assert (window.shown.unit_id, window.shown.section_id) == chosen
    current = panel.current_node()
    assert current is not None and (current.unit_id, current.section_id) == chosen


# -- a report imported twice --------------------------------------------------------------------------------


def _docx_of(text: str, path):
    from docx import Document

    doc = Document()
    for line in text.splitlines():
        doc.add_paragraph(line)
    doc.save(str(path))
    return path


def _import(qtbot, window, monkeypatch, files):
    monkeypatch.setattr(ImportDialog, "ask_files", classmethod(lambda cls, parent, start=None: files))
    activate(qtbot, window)
    press(window, Qt.Key.Key_I, CTRL)


def test_the_same_report_in_another_format_is_noticed_and_can_be_skipped(make_window, tmp_path, qtbot, monkeypatch):
    window = make_window(tmp_path / "new.renda")
    txt = shutil.copy(SAMPLES[0], tmp_path / "甲县报告.txt")
    docx = _docx_of(SAMPLES[0].read_text(encoding="utf-8"), tmp_path / "甲县报告.docx")
    _import(qtbot, window, monkeypatch, [txt])
    assert len(list_units(window.project)) == 1
    seen = {}

    def skip(box):
        seen["text"] = box.text()
        click(box.confirm_button)

    answer = on_next_modal(skip)
    _import(qtbot, window, monkeypatch, [docx])
    answer.check()
    assert "甲县报告.docx = 甲县报告.txt" in seen["text"]
    assert [u.source for u in list_units(window.project)] == ["甲县报告.txt"]
    activate(qtbot, window)
    assert "1" in window.statusBar().currentMessage()
    # Cancel keeps both
    answer = on_next_modal(lambda box: click(box.cancel_button))
    _import(qtbot, window, monkeypatch, [docx])
    answer.check()
    assert sorted(u.source for u in list_units(window.project)) == ["甲县报告.docx", "甲县报告.txt"]


# -- 更正县区 with a shared name -----------------------------------------------------------------------------


def test_correct_county_with_a_shared_name_lists_the_places(window, qtbot):
    activate(qtbot, window)
    view, model = window.outline_view, window.outline_model
    unit = next(u for u in list_units(window.project) if u.county == "离石区")
    ix = model.find_unit(unit.id)
    window.outline_panel.select_index(ix.parent(), emit=False)
    view.scrollTo(ix)
    seen = {}

    def first(dialog):
        edit = dialog.findChild(QLineEdit, "unitFieldValue")
        edit.selectAll()
        type_text(edit, "鼓楼区")
        seen["second"] = on_next_modal(second, after=dialog)
        click(next(b for b in dialog.findChildren(QPushButton) if b.text() == i18n.tr("OK")))

    def second(dialog):
        choices = dialog.findChild(QListWidget, "unitFieldChoices")
        seen["choices"] = [choices.item(k).text() for k in range(choices.count())]
        seen["problem"] = dialog.problem.text()
        item = next(choices.item(k) for k in range(choices.count()) if choices.item(k).text() == "福州市/鼓楼区")
        click(choices.viewport(), choices.visualItemRect(item).center())
        click(next(b for b in dialog.findChildren(QPushButton) if b.text() == i18n.tr("OK")))

    answer = on_next_modal(first)
    entry = i18n.tr("Correct county…")
    menu = on_next_popup(lambda m: choose_menu_entry(m, entry))
    context_menu(view.viewport(), view.visualRect(ix).center())
    menu.check()
    answer.check()
    seen["second"].check()
    assert {"福州市/鼓楼区", "南京市/鼓楼区"} <= set(seen["choices"])
    assert "鼓楼区" in seen["problem"]
    moved = get_unit(window.project, unit.id)
    assert (moved.county, moved.prefecture) == ("鼓楼区", "福州市")
    activate(qtbot, window)
    press(window, Qt.Key.Key_Z, CTRL)
    assert get_unit(window.project, unit.id).county == "离石区"


# -- the welcome shows once -------------------------------------------------------------------------------------


def test_the_welcome_shows_at_the_first_start_only(make_window, sample_project_path, qtbot):
    window = make_window(sample_project_path)
    answer = on_next_modal(lambda dialog: click(dialog.close_button))
    assert window.help.welcome_at_start() is True  # as app.run_gui does at start
    answer.check()
    window.close()
    again = make_window(sample_project_path)  # the next start
    assert again.help.welcome_at_start() is False


# -- a search hit in the middle of the pane ----------------------------------------------------------------------


def test_a_search_hit_is_scrolled_to_the_middle_of_the_pane(window, qtbot):
    activate(qtbot, window)
    window.resize(1024, 700)
    # a word that occurs once, far down a long report
    units = sorted(list_units(window.project), key=lambda u: -len(unit_text(window.project, u.id)))
    text = unit_text(window.project, units[0].id)
    word = next(text[k : k + 6] for k in range(int(len(text) * 0.7), len(text) - 6)
                if "\n" not in text[k : k + 6] and all("\u4e00" <= ch <= "\u9fff" for ch in text[k : k + 6])
                and sum(unit_text(window.project, u.id).count(text[k : k + 6]) for u in units) == 1)
    press(window, Qt.Key.Key_F, CTRL | SHIFT)
    type_text(window.search_box, word)
    press(window, Qt.Key.Key_Return)
    view = window.search_panel.view
    wait_for(qtbot, lambda: window.search_panel.model.rowCount() == 1)
    click_index(qtbot, view, window.search_panel.model.index(0, 2))
    QTest.keyClick(view, Qt.Key.Key_Return)  # open the hit
    pane = window.text_pane
    assert pane.textCursor().selectedText() == word
    qtbot.wait(50)
    top, bottom = pane.span_y(*pane.focus_span)
    height = pane.viewport().height()
    assert height / 4 <= (top + bottom) / 2 <= height * 3 / 4, (top, bottom, height)


# -- lost characters stand out --------------------------------------------------------------------------------


def test_lost_characters_stand_out(window, qtbot):
    unit = next(u for u in list_units(window.project) if "??" in unit_text(window.project, u.id)
                or "？？" in unit_text(window.project, u.id))
    window.open_location(unit.id)
    pane = window.text_pane
    spans = pane.content.damaged
    assert spans
    marked = [sel for sel in pane.extraSelections() if sel.format.underlineStyle() == sel.format.UnderlineStyle.WaveUnderline]
    assert marked and marked[0].format.background().style() != Qt.BrushStyle.NoBrush and marked[0].format.toolTip()
    s, _e = spans[0]
    c = QTextCursor(pane.document())
    c.setPosition(pane.to_pane(s) + 1)
    fmt = c.charFormat()  # the letters themselves
    assert fmt.foreground().color().name() == DAMAGED_COLOUR  # red, not the text's black
    assert fmt.fontWeight() == QFont.Weight.Bold and fmt.fontPointSize() > pane.point_size
    assert fmt.fontLetterSpacing() > 0
    c.setPosition(pane.to_pane(s) - 1)  # the text before is as it was
    assert c.charFormat().foreground().color().name() != DAMAGED_COLOUR
    QApplication.processEvents()
    time.sleep(0)
