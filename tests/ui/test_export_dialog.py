"""文件 ▸ 导出 and the codebook exchange in the window: the dialog (format, ticked themes, counties
and years, the live count, the path that follows the format, asking before replacing a file), the
export run through the window (progress, cancel, one message for a failed write, the old file kept),
importing a .qdpx through 文件 ▸ 导入文档 and a codebook as one undoable step."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from reader.core import export as core_export
from reader.core.export import FORMATS, Selection, count_passages
from reader.core.export.safe import os as safe_os
from reader.core.store.counties import project_counties
from reader.core.store.db import open_project
from reader.core.store.passages import tag_quote
from reader.core.store.themes import add_theme, find_theme, list_themes
from reader.ui import i18n, ops
from reader.ui import settings as keys
from reader.ui.dialogs import checklists
from reader.ui.dialogs.confirm import ConfirmDialog
from reader.ui.dialogs.export import ExportChoice, ExportDialog, ExportPreset
from reader.ui.dialogs.files import CodebookFileDialog, ExportFileDialog, ImportDialog, ImportSummary
from tests.core.export_data import ASTRAL_QUOTE, INSPECTION, STATION, SUPERVISION, tag_sample

NEW_THEME = "外来主题"
NEW_QUOTE = "收集意见建议"


@pytest.fixture
def tagged_path(sample_project_path, tmp_path):
    """The sample project with the passages of tests.core.export_data."""
    with open_project(sample_project_path, create=False) as p:
        tag_sample(p, tmp_path)
    return sample_project_path


@pytest.fixture
def tagged_window(make_window, tagged_path, tmp_path):
    window = make_window(tagged_path)
    folder = tmp_path / "exports"
    folder.mkdir()
    window.settings.set_text(keys.EXPORT_FOLDER, str(folder))  # never the real home
    return window


@pytest.fixture
def dialog(qtbot, tagged_window):
    d = ExportDialog(tagged_window, tagged_window.project, ExportPreset(format="csv", folder=tagged_window.project.path.parent))
    qtbot.addWidget(d)
    d.show()
    return d


def county(project, name: str) -> str:
    """The key of the place the dialog's county list ticks (reader.core.store.counties)."""
    return project_counties(project).resolve(name).key


def tick(checks, key, on: bool = True) -> None:
    item = checks.item(key)
    assert item is not None, key
    item.setCheckState(checklists.NAME, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


def drive(monkeypatch, steps):
    """Let ExportDialog.ask run the real dialog: `steps(dialog)` plays the user, then Export is clicked."""
    seen = []

    def exec_(self):
        seen.append(self)
        self.setResult(-1)
        steps(self)
        if self.result() == -1:  # not closed by the steps
            self.ok_button.click()
        return self.result()

    monkeypatch.setattr(ExportDialog, "exec", exec_)
    return seen


# == the dialog ======================================================================================


@pytest.mark.parametrize("lang", [i18n.ZH, i18n.EN])
def test_dialog_opens_in_both_languages(qtbot, tagged_window, lang):
    tagged_window.set_language(lang)
    d = ExportDialog(tagged_window, tagged_window.project, ExportPreset(format="qdpx"))
    qtbot.addWidget(d)
    d.show()
    zh = lang == i18n.ZH
    assert d.windowTitle() == ("导出" if zh else "Export")
    labels = [d.format_box.itemText(i) for i in range(d.format_box.count()) if d.format_box.itemData(i)]
    assert labels == [f.label("zh" if zh else "en") for f in FORMATS.values()]
    assert d.count_label.text() == ("将导出 9 段。" if zh else "Passages to export: 9")
    assert d.endings_row.isVisible() and d.ok_button.text() == ("导出" if zh else "Export")
    assert d.path().name == ("sample-标注摘录.qdpx" if zh else "sample-passages.qdpx")


def test_count_follows_themes_counties_and_years(qtbot, dialog):
    project = dialog.project
    assert dialog.count == count_passages(project, Selection()) == 9
    supervision = find_theme(project, SUPERVISION).id
    inspection = find_theme(project, INSPECTION).id
    tick(dialog.themes, supervision)
    # a ticked theme takes its children: shown ticked and greyed, and only the parent is chosen
    child = dialog.themes.item(inspection)
    assert child.checkState(0) == Qt.CheckState.Checked and not child.flags() & Qt.ItemFlag.ItemIsEnabled
    assert dialog.themes.chosen() == (supervision,)
    qtbot.waitUntil(lambda: dialog.count == count_passages(project, Selection(themes=(supervision,))) == 6)
    assert "6" in dialog.count_label.text()
    ji, yonghe = county(project, "吉县"), county(project, "永和县")
    tick(dialog.counties, ji)
    sel = Selection(themes=(supervision,), counties=(ji,))
    qtbot.waitUntil(lambda: dialog.count == count_passages(project, sel) == 1)
    tick(dialog.counties, yonghe)
    tick(dialog.years, 2022)
    sel = Selection(themes=(supervision,), counties=(ji, yonghe), years=(2022,))
    assert dialog.selection() == sel
    qtbot.waitUntil(lambda: dialog.count == count_passages(project, sel))
    assert dialog.count > 0 and dialog.ok_button.isEnabled()
    # nothing matches: Export is disabled, with the reason
    tick(dialog.counties, yonghe, False)
    qtbot.waitUntil(lambda: dialog.count == count_passages(project, dialog.selection()) == 0)
    assert not dialog.ok_button.isEnabled() and "没有符合" in dialog.count_label.text()
    dialog.clear_selection()
    assert dialog.selection() == Selection() and dialog.count == 9 and dialog.ok_button.isEnabled()
    assert dialog.themes.item(inspection).flags() & Qt.ItemFlag.ItemIsEnabled


def test_a_province_ticks_its_counties_and_the_filter_hides_others(qtbot, dialog):
    place = dialog.counties.item(("place", "山西省", "临汾市"))
    place.setCheckState(0, Qt.CheckState.Checked)
    assert set(dialog.counties.chosen()) == {county(dialog.project, "吉县"), county(dialog.project, "永和县")}
    qtbot.waitUntil(lambda: dialog.count == count_passages(dialog.project, Selection(counties=("吉县", "永和县"))))
    dialog.counties.filter_box.setText("新绛")
    shown = [i.text(0) for i in dialog.counties.counties() if not i.isHidden()]
    assert shown == ["新绛县"]
    dialog.counties.filter_box.setText("")
    assert all(not i.isHidden() for i in dialog.counties.counties())


def test_the_path_follows_the_format_and_codebooks_need_no_selection(dialog, tmp_path):
    assert dialog.path().suffix == ".csv"
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("qdc"))
    assert dialog.path().name == "sample-编码表.qdc"
    assert not dialog.selection_group.isEnabled() and not dialog.endings_row.isVisibleTo(dialog)
    assert dialog.count == len(list_themes(dialog.project)) and "编码表" in dialog.count_label.text()
    mine = tmp_path / "我的导出.txt"
    dialog.path_edit.setText(str(mine))
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("xlsx"))
    assert dialog.path() == tmp_path / "我的导出.xlsx"  # a name of the user's keeps its stem
    assert dialog.selection_group.isEnabled()
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("qdpx"))
    assert dialog.endings_row.isVisibleTo(dialog)
    dialog.crlf_button.setChecked(True)
    assert dialog.choice().line_endings == "crlf" and dialog.choice().path.suffix == ".qdpx"
    dialog.path_edit.setText("")
    assert not dialog.ok_button.isEnabled()


def test_browse_asks_for_a_file_with_the_format_suffix(dialog, monkeypatch, tmp_path):
    asked = []

    def ask_save(cls, parent, start, file_filter):
        asked.append((start, file_filter))
        return tmp_path / "选的文件"

    monkeypatch.setattr(ExportFileDialog, "ask_save", classmethod(ask_save))
    dialog.browse()
    assert asked[0][1].endswith("(*.csv)") and asked[0][0].suffix == ".csv"
    assert dialog.path() == tmp_path / "选的文件.csv"


def test_a_folder_that_does_not_exist_is_refused_in_the_dialog(dialog, tmp_path):
    dialog.path_edit.setText(str(tmp_path / "no such folder" / "x.csv"))
    dialog.ok_button.click()
    assert dialog.result() != ExportDialog.DialogCode.Accepted
    assert "无法写入" in dialog.count_label.text()


def test_the_project_itself_is_refused_in_the_dialog_without_asking(dialog, monkeypatch):
    """Issue 14: the project file (here through a link) is never a target, and the dialog does not
    even ask whether to replace it."""
    asked = []
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *a, **k: asked.append(a) or True))
    link = dialog.project.path.with_name("看起来无害.csv")
    link.symlink_to(dialog.project.path)
    for target in (dialog.project.path, link, dialog.project.path.with_name(dialog.project.path.name + "-wal")):
        dialog.path_edit.setText(str(target))
        dialog.ok_button.click()
        assert dialog.result() != ExportDialog.DialogCode.Accepted
        assert "项目文件" in dialog.count_label.text()
    assert asked == []


# == exporting through the window ==================================================================


def test_a_qdpx_export_says_which_themes_took_their_parents_name(tagged_window, monkeypatch, tmp_path, shown_errors):
    """Issue 14: two themes named 执法检查 are written with their parents' names, and the status says so."""
    project = tagged_window.project
    add_theme(project, "执法检查", add_theme(project, "监督工作").theme_id)
    out = tmp_path / "x.qdpx"

    def user(d):
        d.format_box.setCurrentIndex(d.format_box.findData("qdpx"))
        d.path_edit.setText(str(out))

    drive(monkeypatch, user)
    tagged_window.actions["export"].trigger()
    assert out.is_file() and not shown_errors
    assert "2 个主题与其他主题同名" in tagged_window.statusBar().currentMessage()


def test_export_through_the_window_writes_the_file(tagged_window, monkeypatch, tmp_path, shown_errors):
    out = tmp_path / "摘录.csv"

    def user(d):
        d.format_box.setCurrentIndex(d.format_box.findData("csv"))
        tick(d.counties, county(d.project, "永和县"))
        d.path_edit.setText(str(out))

    drive(monkeypatch, user)
    assert tagged_window.actions["export"].shortcut().toString() == "Ctrl+E"
    tagged_window.actions["export"].trigger()
    assert out.is_file() and not shown_errors
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][:2] == ["主题路径", "县区"]
    assert {r[1] for r in rows[1:]} == {"永和县"}
    assert any(r[7] == ASTRAL_QUOTE for r in rows[1:])  # an excerpt with a character beyond the BMP
    n = count_passages(tagged_window.project, Selection(counties=("永和县",)))
    assert tagged_window.statusBar().currentMessage() == f"已导出 {n} 段标注 → 摘录.csv"
    # the folder button opens the folder the file is in
    button = tagged_window.exchange.folder_button
    assert button.isVisible() and button.text() == "打开所在文件夹"
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    button.click()
    assert [Path(p) for p in opened] == [tmp_path]
    tagged_window.status("something else")
    assert not button.isVisible()
    # the next time, the dialog starts in that folder with that format
    seen = drive(monkeypatch, lambda d: None)
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *a, **k: False))
    tagged_window.actions["export"].trigger()
    assert seen[0].format_name() == "csv" and seen[0].path().parent == tmp_path


def test_xlsx_and_qdpx_open_with_their_libraries(tagged_window, tmp_path):
    import zipfile

    project = tagged_window.project
    xlsx, qdpx = tmp_path / "a.xlsx", tmp_path / "a.qdpx"
    tagged_window.exchange.start_export(ExportChoice("xlsx", xlsx, Selection(themes=(find_theme(project, STATION).id,))))
    wb = openpyxl.load_workbook(xlsx)
    quotes = [row[7] for row in wb.worksheets[0].iter_rows(min_row=2, values_only=True)]
    assert len(quotes) == count_passages(project, Selection(themes=(STATION,))) and ASTRAL_QUOTE in quotes
    tagged_window.exchange.start_export(ExportChoice("qdpx", qdpx, Selection(), line_endings="crlf"))
    with zipfile.ZipFile(qdpx) as z:
        assert "project.qde" in z.namelist()
    assert "9 段标注" in tagged_window.statusBar().currentMessage()


def test_replacing_a_file_is_asked(tagged_window, monkeypatch, tmp_path):
    out = tmp_path / "old.csv"
    out.write_bytes(b"old")
    asked = []
    answer = {"yes": False}

    def confirm(cls, parent, title, text, button, detail=""):
        asked.append(text)
        return answer["yes"]

    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(confirm))
    seen = drive(monkeypatch, lambda d: d.path_edit.setText(str(out)))
    tagged_window.actions["export"].trigger()
    assert len(asked) == 1 and "old.csv" in asked[0]
    assert seen[0].result() != ExportDialog.DialogCode.Accepted  # No: back in the dialog
    assert out.read_bytes() == b"old"
    answer["yes"] = True
    tagged_window.actions["export"].trigger()
    assert len(asked) == 2
    assert out.read_bytes().startswith(b"\xef\xbb\xbf") and "摘录" in out.read_text(encoding="utf-8-sig")


def test_a_failed_write_is_one_message_and_the_old_file_stays(tagged_window, monkeypatch, tmp_path, shown_errors):
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "old.csv"
    out.write_bytes(b"old")

    def full_disk(src, dst):
        raise OSError(28, os.strerror(28))

    monkeypatch.setattr(safe_os, "replace", full_disk)
    tagged_window.exchange.start_export(ExportChoice("csv", out, Selection(), force=True))
    assert len(shown_errors) == 1
    assert shown_errors[0].startswith("无法写入 ") and shown_errors[0].endswith("old.csv：磁盘已满")  # ENOSPC, in Chinese
    assert out.read_bytes() == b"old" and [p.name for p in folder.iterdir()] == ["old.csv"]  # no temporary file left
    assert "已导出" not in tagged_window.statusBar().currentMessage()
    shown_errors.clear()


def test_cancel_keeps_the_old_file(tagged_window, monkeypatch, tmp_path, shown_errors):
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "old.docx"
    out.write_bytes(b"old")
    real = ops.Op._on_progress

    def on_progress(self, done, total, name):
        real(self, done, total, name)
        self.dialog.canceled.emit()  # the Cancel button, at the first report

    monkeypatch.setattr(ops.Op, "_on_progress", on_progress)
    op = tagged_window.exchange.start_export(ExportChoice("docx", out, Selection(), force=True))
    assert op.cancelled and op.is_done and op.result is None
    assert out.read_bytes() == b"old" and [p.name for p in folder.iterdir()] == ["old.docx"]
    assert tagged_window.statusBar().currentMessage() == "已取消。" and not shown_errors


def test_the_dialog_starts_from_the_place_chosen_in_the_outline(tagged_window, monkeypatch, qtbot):
    model = tagged_window.outline_model
    province = next(n for n in model.root.children if n.key == ("山西省",))
    model.ensure_fetched(province)
    prefecture = next(n for n in province.children if n.key == ("山西省", "临汾市"))
    tagged_window.outline_panel.select_index(model.index_of(prefecture))
    assert tagged_window.shown.place == ("山西省", "临汾市")
    seen = drive(monkeypatch, lambda d: d.reject())
    tagged_window.actions["export"].trigger()
    assert set(seen[0].counties.chosen()) == {county(tagged_window.project, n) for n in ("吉县", "永和县")}
    seen = drive(monkeypatch, lambda d: d.reject())
    tagged_window.actions["export_codebook"].trigger()
    assert not FORMATS[seen[0].format_name()].passages


# == REFI-QDA and codebooks into the window ==========================================================


def source_with_new_theme(path: Path) -> Path:
    """A copy of a tagged project with a theme the default codebook lacks, one passage tagged with it."""
    with open_project(path, create=False) as p:
        tid = add_theme(p, NEW_THEME, None).theme_id
        unit = next(iter(p.db.execute("SELECT id FROM units WHERE county = '永和县'")))[0]
        tag_quote(p, unit, NEW_QUOTE, [tid])
    return path


def test_import_offers_refi_qda_files(make_window, tmp_path, monkeypatch):
    window = make_window(tmp_path / "new.renda")
    filters = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a: filters.append(a[3]) or ([], ""))
    window.actions["import_files"].trigger()
    first = filters[0].split(";;")[0]
    assert "*.qdpx" in first and "*.qdc" in first and "*.docx" in first


def test_a_qdpx_imported_in_the_window_fills_outline_codebook_and_passages(make_window, tagged_path, tmp_path, monkeypatch):
    source = source_with_new_theme(tagged_path)
    qdpx = tmp_path / "交换.qdpx"
    with open_project(source, create=False) as p:
        core_export.export(p, "qdpx", qdpx)
        total = count_passages(p, Selection())
    window = make_window(tmp_path / "new.renda")
    assert window.outline_model.rowCount() == 0
    monkeypatch.setattr(ImportDialog, "ask_files", classmethod(lambda cls, parent, start=None: [qdpx]))
    summaries = []
    monkeypatch.setattr(ImportSummary, "show", classmethod(lambda cls, parent, text, details="": summaries.append(details)))
    window.actions["import_files"].trigger()
    assert window.outline_model.rowCount() > 0
    names = {n.theme.name: n for n in window.theme_model.by_id.values()}
    assert names[NEW_THEME].count == 1  # the codebook panel shows the new theme with its passage
    assert window.count_label.text().endswith(f"{total} 段标注")
    message = window.statusBar().currentMessage()
    assert "来自 REFI-QDA：新增 1 个主题" in message and f"标注 {total} 段" in message
    assert not summaries


def test_codebook_import_is_one_undoable_step(tagged_window, tagged_path, tmp_path, monkeypatch, shown_errors):
    other = tmp_path / "other.renda"
    with open_project(other) as p:
        add_theme(p, NEW_THEME, find_theme(p, STATION).id)
        qdc = core_export.export(p, "qdc", tmp_path / "book.qdc").path
    monkeypatch.setattr(CodebookFileDialog, "ask_open", classmethod(lambda cls, parent, start=None: qdc))
    window = tagged_window
    before = len(list_themes(window.project))
    window.actions["import_codebook"].trigger()
    path = f"{STATION}/{NEW_THEME}"
    assert find_theme(window.project, path).name == NEW_THEME
    assert any(n.theme.name == NEW_THEME for n in window.theme_model.by_id.values())
    assert "新增 1 个主题" in window.statusBar().currentMessage()
    assert window.undo_stack.count() == 1 and window.actions["undo"].text() == "撤销(&U) 导入编码表"
    window.actions["undo"].trigger()
    assert len(list_themes(window.project)) == before
    assert not any(n.theme.name == NEW_THEME for n in window.theme_model.by_id.values())
    window.actions["redo"].trigger()
    assert find_theme(window.project, path)
    # the same codebook again adds nothing and leaves no step to undo
    window.actions["import_codebook"].trigger()
    assert window.undo_stack.count() == 1 and "新增 0 个主题" in window.statusBar().currentMessage()
    # a file that is no codebook: one message, nothing changed
    bad = tmp_path / "book.docx"
    bad.write_bytes(b"x")
    assert not window.exchange.import_codebook_file(bad)
    assert len(shown_errors) == 1 and window.undo_stack.count() == 1
    shown_errors.clear()


def test_what_a_qdpx_could_not_bring_is_listed(make_window, tagged_path, tmp_path, monkeypatch):
    import zipfile

    qdpx, odd = tmp_path / "a.qdpx", tmp_path / "odd.qdpx"
    with open_project(tagged_path, create=False) as p:
        core_export.export(p, "qdpx", qdpx)
    with zipfile.ZipFile(qdpx) as src, zipfile.ZipFile(odd, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == "project.qde":
                picture = '<PictureSource guid="9f1c7a52-0000-4000-8000-000000000001" name="照片.png"/></Sources>'
                data = data.decode("utf-8").replace("</Sources>", picture, 1).encode("utf-8")
            dst.writestr(name, data)
    window = make_window(tmp_path / "new.renda")
    monkeypatch.setattr(ImportDialog, "ask_files", classmethod(lambda cls, parent, start=None: [odd]))
    summaries = []
    monkeypatch.setattr(ImportSummary, "show", classmethod(lambda cls, parent, text, details="": summaries.append((text, details))))
    window.actions["import_files"].trigger()
    [(text, details)] = summaries
    assert "来自 REFI-QDA" in text
    assert details.splitlines() == ["REFI-QDA 文件中未导入的内容：", "odd.qdpx: 照片.png：PictureSource 类型的材料（只导入文字材料）"]
    assert window.count_label.text().endswith("9 段标注")
