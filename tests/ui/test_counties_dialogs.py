"""Two places of one name in the window: the export dialog and the comparison view's filter list
鼓楼区（福州市） and 鼓楼区（南京市） under their prefectures, export or align only the one ticked, and
offer the reports whose county is not known as an entry of their own."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from reader.core import compare
from reader.core.export import Selection, count_passages
from reader.core.store.counties import UNKNOWN
from reader.ui import i18n
from reader.ui import settings as keys
from reader.ui.compare.model import column_title
from reader.ui.dialogs import checklists
from reader.ui.dialogs.comparefilter import CompareFilterDialog
from reader.ui.dialogs.export import ExportDialog, ExportPreset
from tests.core.namesakes import FUZHOU, JIXIAN, NANJING, QUOTES, make_namesakes


@pytest.fixture
def namesakes_window(make_window, tmp_path):
    made = make_namesakes(tmp_path / "in")
    window = make_window(made.path)
    folder = tmp_path / "exports"
    folder.mkdir()
    window.settings.set_text(keys.EXPORT_FOLDER, str(folder))
    return window, made


def tick(checks, key, on: bool = True) -> None:
    item = checks.item(key)
    assert item is not None, key
    item.setCheckState(checklists.NAME, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def listed(checks) -> list[tuple[str, str, tuple[str, ...]]]:
    """(key, text, the texts of the places above it) of every county entry, in order."""
    out = []
    for item in checks.counties():
        above, p = [], item.parent()
        while p is not None:
            above.insert(0, p.text(checklists.NAME))
            p = p.parent()
        out.append((item.data(checklists.NAME, checklists.KEY), item.text(checklists.NAME), tuple(above)))
    return out


@pytest.mark.parametrize("lang", [i18n.ZH, i18n.EN])
def test_the_export_dialog_lists_each_place_and_the_unknown_group(qtbot, namesakes_window, lang):
    window, _made = namesakes_window
    window.set_language(lang)
    d = ExportDialog(window, window.project, ExportPreset(format="csv"))
    qtbot.addWidget(d)
    d.show()
    unknown = "（县区未识别）" if lang == i18n.ZH else "(county not identified)"  # one name everywhere
    assert listed(d.counties) == [
        (JIXIAN, "吉县", ("山西省", "临汾市")),
        (NANJING, "鼓楼区（南京市）", ("江苏省", "南京市")),
        (FUZHOU, "鼓楼区（福州市）", ("福建省", "福州市")),
        (UNKNOWN, unknown, ()),
    ]
    assert d.counties.item(FUZHOU).text(checklists.COUNT) == "1"
    tick(d.counties, FUZHOU)
    assert d.selection() == Selection(counties=(FUZHOU,))
    qtbot.waitUntil(lambda: d.count == 1)
    tick(d.counties, UNKNOWN)
    qtbot.waitUntil(lambda: d.count == 2)
    tick(d.counties, FUZHOU, False)
    qtbot.waitUntil(lambda: d.count == count_passages(window.project, Selection(counties=(UNKNOWN,))) == 1)
    d.counties.filter_box.setText("鼓楼")
    shown = [text for key, text, _ in listed(d.counties) if not d.counties.item(key).isHidden()]
    assert shown == ["鼓楼区（南京市）", "鼓楼区（福州市）"]


def test_exporting_the_ticked_namesake_only(namesakes_window, monkeypatch, tmp_path, shown_errors):
    window, _made = namesakes_window
    out = tmp_path / "福州.csv"

    def exec_(self):
        tick(self.counties, FUZHOU)
        self.path_edit.setText(str(out))
        self.setResult(-1)
        self.ok_button.click()
        return self.result()

    monkeypatch.setattr(ExportDialog, "exec", exec_)
    window.actions["export"].trigger()
    assert out.is_file() and not shown_errors
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert [(r[1], r[3], r[7]) for r in rows[1:]] == [("鼓楼区", "福州市", QUOTES["fuzhou.txt"])]


def test_the_comparison_filter_ticks_places(qtbot, namesakes_window, monkeypatch, shown_errors):
    window, made = namesakes_window
    d = CompareFilterDialog(window, compare.choices(window.project), compare.Selection())
    qtbot.addWidget(d)
    assert [(k, t) for k, t, _ in listed(d.counties)] == [
        (JIXIAN, "吉县"), (NANJING, "鼓楼区（南京市）"), (FUZHOU, "鼓楼区（福州市）"), (UNKNOWN, "（县区未识别）")]
    assert d.counties.item(NANJING).text(checklists.COUNT) == "1"  # reports
    tick(d.counties, NANJING)
    tick(d.counties, UNKNOWN)
    assert d.answer() == ([NANJING, UNKNOWN], None, [])

    window.resize(1400, 900)
    window.actions["compare"].trigger()
    cw = window.compare.view
    qtbot.waitExposed(cw)
    assert sorted(column_title(c) for c in cw.model.columns) == sorted(
        ["吉县", "鼓楼区（南京市）", "鼓楼区（福州市）", "（县区未识别）"])

    def exec_(self):
        assert self.counties.chosen() == ()  # everything was aligned: nothing ticked
        tick(self.counties, FUZHOU)
        return CompareFilterDialog.DialogCode.Accepted

    monkeypatch.setattr(CompareFilterDialog, "exec", exec_)
    cw.filter_action.trigger()
    QApplication.processEvents()
    assert not shown_errors
    assert [(c.unit_id, column_title(c)) for c in cw.model.columns] == [(made.units["fuzhou.txt"], "鼓楼区（福州市）")]
    assert compare.load_comparison(window.project).selection.county_keys == [FUZHOU]

    def exec_again(self):
        assert self.counties.chosen() == (FUZHOU,)  # the stored choice is ticked again
        tick(self.counties, FUZHOU, False)
        tick(self.counties, UNKNOWN)
        return CompareFilterDialog.DialogCode.Accepted

    monkeypatch.setattr(CompareFilterDialog, "exec", exec_again)
    cw.filter_action.trigger()
    QApplication.processEvents()
    assert [c.unit_id for c in cw.model.columns] == [made.units["unknown.txt"]]
