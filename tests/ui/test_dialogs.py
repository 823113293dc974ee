"""Every dialog opens in Chinese and in English, with no untranslated text in the Chinese one."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QMessageBox, QWidget

from reader.core.compare import Choices, Column, Selection
from reader.core.store.counties import County
from reader.core.store.passages import Passage
from reader.ui import i18n
from reader.ui.dialogs.columns import ColumnsDialog
from reader.ui.dialogs.comparefilter import CompareFilterDialog
from reader.ui.dialogs.confirm import ConfirmDialog
from reader.ui.dialogs.export import ExportDialog, ExportPreset
from reader.ui.dialogs.guide import GuideDialog
from reader.ui.dialogs.passage import PassageDialog
from reader.ui.dialogs.pattern import PatternTagDialog
from reader.ui.dialogs.rowlabel import RENAME, SPLIT, RowLabelDialog
from reader.ui.dialogs.theme import ThemeDialog, ThemePickerDialog
from reader.ui.dialogs.unitfield import COUNTY, TITLE, YEAR, UnitFieldDialog
from reader.ui.dialogs.welcome import WelcomeDialog
from reader.ui.textpane import ThemeLook

LOOKS = {1: ThemeLook("代表工作", "#27ae60", 0, "3", 0), 2: ThemeLook("代表联络站", "#2ecc71", 1, None, 1)}
PASSAGE = Passage(7, 1, 0, 5, "代表联络站", "", "", "h", None, "", "备注", [2])
COLUMNS = [Column(1, "吉县", "临汾市", 2019, "a.txt"), Column(2, "离石区", "吕梁市", 2021, "b.txt"),
           Column(3, None, None, None, "c.txt")]
HAN = re.compile(r"[\u4e00-\u9fff]")


def dialogs(parent: QWidget, project):
    tr = i18n.tr
    return [
        (ConfirmDialog(parent, tr("Delete theme"), "?", tr("Delete")), ("删除主题", "Delete theme")),
        (PassageDialog(parent, PASSAGE, LOOKS), ("标注段落", "Passage")),
        (ThemeDialog(parent, title=tr("New theme"), holders={"3": "代表工作"}), ("新建主题", "New theme")),
        (ThemePickerDialog(parent, LOOKS, {2}, tr("Merge theme"), "x"), ("合并主题", "Merge theme")),
        (UnitFieldDialog(parent, COUNTY, "", "r"), ("更正县区", "Correct county")),
        (UnitFieldDialog(parent, YEAR, "", "r"), ("更正年份", "Correct year")),
        (UnitFieldDialog(parent, TITLE, "", "r"), ("重命名报告", "Rename report")),
        (PatternTagDialog(parent, LOOKS, lambda *a: (3, 3), "代表", True), ("按标题批量标注", "Tag sections by heading")),
        (RowLabelDialog(parent, RENAME, "依法监督"), ("重命名行", "Rename row")),
        (RowLabelDialog(parent, SPLIT, "代表工作", "吉县 · 代表工作"), ("拆分为新行", "Split into a new row")),
        (ColumnsDialog(parent, COLUMNS, [1, 2]), ("栏目", "Columns")),
        (CompareFilterDialog(parent, Choices(["吉县", "离石区"], ["吕梁市"], [2021, 2022]), Selection(["吉县"], None, [2021, 2022])),
         ("选择对比的报告", "Reports to compare")),
        (ExportDialog(parent, project, ExportPreset(format="qdpx", folder=project.path.parent)), ("导出", "Export")),
        (WelcomeDialog(parent, {"import_files": "文件 ▸ 导入文档…"}), ("欢迎使用人大报告对读", "Welcome to Renda Reader")),
        (GuideDialog(parent, i18n.current()), ("使用说明", "User guide")),
    ]


def texts(dialog: QWidget) -> list[str]:
    """The visible texts of a dialog's labels and buttons (check boxes included)."""
    widgets = dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)
    return [w.text() for w in widgets if w.isVisibleTo(dialog) and w.text()]


@pytest.mark.parametrize("lang", [i18n.ZH, i18n.EN])
def test_every_dialog_opens_in_both_languages(qtbot, lang, sample_project):
    i18n.install(lang)
    parent = QWidget()
    qtbot.addWidget(parent)
    for dialog, (zh, en) in dialogs(parent, sample_project):
        dialog.show()
        assert dialog.windowTitle() == (zh if lang == i18n.ZH else en)
        shown = [t for t in texts(dialog) if re.search(r"[A-Za-z]{3,}", t)]
        if lang == i18n.ZH:
            # every visible text with words in it is Chinese (examples such as 南京市鼓楼区 aside)
            assert all(HAN.search(t) for t in shown), (dialog.objectName(), shown)
        else:
            assert any(re.search(r"[A-Za-z]{3,}", t) for t in texts(dialog)), dialog.objectName()
        dialog.close()


@pytest.mark.parametrize("lang", [i18n.ZH, i18n.EN])
def test_progress_and_summary_boxes_in_both_languages(window, monkeypatch, lang):
    from reader.ui.dialogs.files import ImportSummary

    window.set_language(lang)
    boxes = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: boxes.append(self) or 0)
    ImportSummary.show(window, "x", "details")
    assert boxes[0].windowTitle() == ("导入" if lang == i18n.ZH else "Import")


def test_dialog_results(qtbot):
    i18n.install(i18n.ZH)
    parent = QWidget()
    qtbot.addWidget(parent)
    d = PassageDialog(parent, PASSAGE, LOOKS)
    assert d.result_input().theme_ids == [2] and d.result_input().note == "备注"
    t = ThemeDialog(parent, title="x", name="新", keywords=["甲", "乙"], shortcut="3")
    t.keywords_edit.setText("甲，乙、丙")
    r = t.result_input()
    assert (r.name, r.shortcut, r.keywords) == ("新", "3", ["甲", "乙", "丙"])
    p = PatternTagDialog(parent, LOOKS, lambda pattern, regex, this, sub: "无效" if regex else (0, 0))
    p.pattern_edit.setText("代表")
    qtbot.waitUntil(lambda: "0" in p.preview.text(), timeout=2000)  # counted after a pause in typing
    assert not p.ok_button.isEnabled()
    p.regex_box.setChecked(True)
    p.refresh()
    assert p.preview.text() == "无效"


def test_compare_dialogs_give_what_was_chosen(qtbot):
    from reader.ui.compare.model import KEY_ROLE

    parent = QWidget()
    qtbot.addWidget(parent)
    places = [County("141028", "吉县", "山西省", "临汾市", "141028", 1, 0, "吉县", "吉县"),
              County("141102", "离石区", "山西省", "吕梁市", "141102", 1, 0, "离石区", "离石区")]
    d = CompareFilterDialog(parent, Choices(["吉县", "离石区"], ["吕梁市"], [2021], places), Selection())
    d.counties.set_checked(["141028", "141102"])
    d.prefecture.setCurrentIndex(1)
    d.years.setText("2019-2021, 2023")
    assert d.answer() == (["141028", "141102"], "吕梁市", ["2019-2021", "2023"])
    c = ColumnsDialog(parent, COLUMNS, [2])
    assert c.model.shown() == [2]
    c.filter_box.setText("吉县")
    assert [c.view.isRowHidden(r) for r in range(3)] == [True, False, True]  # 离石区 (shown) is first
    c.all.click()
    assert c.model.shown() == [2, 1]
    c.filter_box.setText("")
    c.view.setCurrentIndex(c.model.index(1))
    c.up.click()
    assert [c.model.index(r).data(KEY_ROLE) for r in range(3)] == [1, 2, 3] and c.model.shown() == [1, 2]
    r = RowLabelDialog(parent, RENAME, "  ")
    assert not r.buttons.button(r.buttons.StandardButton.Ok).isEnabled()
