"""File dialogs as a user meets them: in Chinese, 导入文档 (Ctrl+I) lists .txt files and takes a
typed path or a typed list of several; 导入编码表 takes .qdc and .xlsx; and, for every file dialog of
the window in both languages, each extension it advertises is one Qt's filter really matches
(Qt reads a filter only between ASCII parentheses)."""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QDir, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QFileSystemModel, QLineEdit

from reader.core.export import FORMATS
from reader.core.export.codebook_import import CODEBOOK_SUFFIXES
from reader.core.ingest.importing import importable_suffixes
from reader.core.store.documents import list_documents
from reader.core.store.themes import list_themes
from reader.ui import i18n
from tests.conftest import SAMPLES
from tests.ui.driving import activate, menu_command, on_next_modal, press, type_text

PATTERN = re.compile(r"\*(\.[\w.]+)")


def qt_patterns(name_filter: str) -> list[str]:
    """The patterns Qt's own file dialog takes from one name filter (what it lists and accepts)."""
    dialog = QFileDialog(None, "", str(Path.cwd()), name_filter)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.selectNameFilter(name_filter)
    model = dialog.findChild(QFileSystemModel)
    patterns = list(model.nameFilters())
    dialog.deleteLater()
    return patterns


def check_filters(filters: str) -> list[str]:
    """Every extension a filter advertises is matched by that filter as Qt reads it; returns the
    extensions advertised."""
    advertised = []
    for one in filters.split(";;"):
        patterns = qt_patterns(one)
        for ext in PATTERN.findall(one):
            advertised.append(ext)
            assert QDir.match(patterns, f"report{ext}"), (one, ext, patterns)
            assert QDir.match(patterns, f"REPORT{ext.upper()}") or ext != ext.lower(), (one, ext, patterns)
    return advertised


class Recorder:
    """Stands in for QFileDialog's static functions: keeps (function, caption, filter), answers Cancel."""

    def __init__(self, monkeypatch):
        self.calls: list[tuple[str, str, str]] = []
        for name in ("getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory"):
            monkeypatch.setattr(QFileDialog, name, staticmethod(self._make(name)))

    def _make(self, name):
        def fake(parent=None, caption="", directory="", filter="", *args, **kwargs):  # noqa: A002 - Qt's name
            self.calls.append((name, caption, filter if isinstance(filter, str) else ""))
            if name == "getOpenFileNames":
                return [], ""
            if name == "getExistingDirectory":
                return ""
            return "", ""

        return fake


@pytest.mark.parametrize("lang", [i18n.ZH, i18n.EN])
def test_every_file_dialog_filter_matches_what_it_advertises(window, monkeypatch, lang):
    window.set_language(lang)
    rec = Recorder(monkeypatch)
    for name in ("new_project", "open_project", "import_files", "import_folder", "import_codebook"):
        window.actions[name].trigger()
    # the export dialog's file chooser, for every format
    from reader.ui.dialogs.export import ExportDialog

    dialog = ExportDialog(window, window.project)
    for fmt in FORMATS:
        dialog.format_box.setCurrentIndex(dialog.format_box.findData(fmt))
        dialog.browse()
    dialog.deleteLater()
    from reader.ui.team.controller import (  # 文件 ▸ 合并项目, the agreement export
        AgreementFileDialog,
        MergeFileDialog,
    )

    MergeFileDialog.ask_open(window)
    AgreementFileDialog.ask_save(window, Path.home())
    kinds = {c[0] for c in rec.calls}
    assert {"getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory"} <= kinds
    advertised = set()
    for _fn, _caption, filters in rec.calls:
        if filters:
            advertised |= {e.lower() for e in check_filters(filters)}
    assert set(importable_suffixes()) <= advertised
    assert set(CODEBOOK_SUFFIXES) <= advertised
    assert {spec.suffix for spec in FORMATS.values()} <= advertised
    assert {".renda", ".qdpx", ".xlsx", ".csv"} <= advertised


def _file_dialog_answer(folder: Path, typed: str, seen: dict):
    """Answer a file dialog as a user does: go to `folder`, type the name (or a list of quoted
    names), close the completion list, click 打开 if it is enabled."""

    def answer(dialog):
        assert isinstance(dialog, QFileDialog), type(dialog)
        model = dialog.findChild(QFileSystemModel)
        loaded: list[str] = []
        model.directoryLoaded.connect(loaded.append)
        dialog.setDirectory(str(folder))
        deadline = time.monotonic() + 5
        while str(folder) not in loaded and time.monotonic() < deadline:  # the folder listed, as the user sees it
            QTest.qWait(20)
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        seen["filter"] = dialog.selectedNameFilter()
        edit.setFocus()
        type_text(edit, typed)
        popup = edit.completer().popup() if edit.completer() else None
        if popup is not None and popup.isVisible():
            QTest.keyClick(popup, Qt.Key.Key_Escape)
        button = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Open)
        seen["enabled"] = button.isEnabled()
        if button.isEnabled():
            QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        seen["taken"] = not dialog.isVisible()
        if dialog.isVisible():
            dialog.reject()

    return answer


def test_import_documents_in_chinese_takes_a_typed_txt_and_a_typed_list(make_window, tmp_path, qtbot):
    window = make_window(tmp_path / "new.renda", lang=i18n.ZH)
    folder = tmp_path / "reports"
    folder.mkdir()
    txt = shutil.copy(SAMPLES[0], folder / "甲县报告.txt")
    md = shutil.copy(SAMPLES[1], folder / "乙县报告.md")
    other = shutil.copy(SAMPLES[2], folder / "丙县报告.txt")
    seen: dict = {}
    answer = on_next_modal(_file_dialog_answer(folder, Path(txt).name, seen))
    activate(qtbot, window)
    window.text_pane.setFocus()
    press(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)  # 文件 ▸ 导入文档
    answer.check()
    assert seen["enabled"] and seen["taken"], f"打开 does not take a typed .txt name (filter {seen['filter']!r})"
    assert "*.txt" in seen["filter"]
    assert [d.source_name for d in list_documents(window.project)] == ["甲县报告.txt"]

    seen.clear()
    answer = on_next_modal(_file_dialog_answer(folder, f'"{Path(md).name}" "{Path(other).name}"', seen))
    activate(qtbot, window)
    press(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    answer.check()
    assert seen["enabled"] and seen["taken"], seen
    names = sorted(d.source_name for d in list_documents(window.project))
    assert names == sorted(["甲县报告.txt", "乙县报告.md", "丙县报告.txt"]), names


def test_import_codebook_in_chinese_takes_qdc_and_xlsx(make_window, sample_project_path, tmp_path, qtbot):
    from reader.core.export import export

    window = make_window(sample_project_path, lang=i18n.ZH)
    for suffix, fmt in ((".xlsx", "codebook-xlsx"), (".qdc", "qdc")):
        if fmt not in FORMATS:
            fmt = next(k for k, s in FORMATS.items() if s.suffix == suffix and not s.passages)
        path = tmp_path / f"编码表{suffix}"
        export(window.project, fmt, path)
        before = {t.name for t in list_themes(window.project)}
        seen: dict = {}
        answer = on_next_modal(_file_dialog_answer(tmp_path, path.name, seen))
        activate(qtbot, window)
        menu_command(qtbot, window, "file", "import_codebook")
        answer.check()
        assert seen["enabled"] and seen["taken"], f"打开 does not take a typed {suffix} name ({seen['filter']!r})"
        assert suffix in seen["filter"]
        assert {t.name for t in list_themes(window.project)} >= before
        assert "编码表" in window.statusBar().currentMessage()
