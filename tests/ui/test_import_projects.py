"""Importing a folder in the background with a progress dialog that can be cancelled; new, open
and recent projects."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QProgressDialog, QPushButton

from reader.core.ingest import importing as ingest
from reader.core.store.db import open_project
from reader.core.store.documents import list_documents, list_units
from reader.ui import ops
from reader.ui.dialogs.files import ImportDialog, ImportSummary, ProjectFileDialog
from tests.conftest import SAMPLES


def slow_imports(monkeypatch, seconds: float) -> None:
    """Each file takes `seconds` more to import (so that an import is still running when looked at)."""
    real = ingest.import_file

    def slow(project, path, *args, **kwargs):
        time.sleep(seconds)
        return real(project, path, *args, **kwargs)

    monkeypatch.setattr(ingest, "import_file", slow)


def report_folder(tmp_path, n: int):
    """n distinct report files (the samples, each with a different last line)."""
    folder = tmp_path / "reports"
    folder.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in SAMPLES]
    for k in range(n):
        (folder / f"r{k:02d}.txt").write_text(texts[k % len(texts)] + f"\n（第{k}份）\n", encoding="utf-8")
    return folder


def test_import_folder_shows_progress_and_can_be_cancelled_sync(make_window, tmp_path, monkeypatch):
    window = make_window(tmp_path / "new.renda")
    folder = report_folder(tmp_path, 6)
    monkeypatch.setattr(ImportDialog, "ask_folder", classmethod(lambda cls, parent, start=None: folder))
    seen = []
    real = ops.Op._on_progress

    def on_progress(self, done, total, name):
        real(self, done, total, name)
        self._later.stop()
        self._show_progress()  # as shown when PROGRESS_EVERY_MS is over (no event loop runs here)
        seen.append((done, total, self.dialog.maximum(), self.dialog.labelText()))
        if done == 2:
            self.dialog.canceled.emit()  # the Cancel button

    monkeypatch.setattr(ops.Op, "_on_progress", on_progress)
    window.actions["import_folder"].trigger()
    assert [s[0] for s in seen] == [0, 1, 2] and all(s[1] == 6 and s[2] == 6 for s in seen)
    assert "r01.txt" in seen[1][3]
    # Cancel while the third file was being read: that file is finished, then the import stops
    assert len(list_documents(window.project)) == 3
    assert "取消" in window.statusBar().currentMessage()
    assert window.outline_model.rowCount() > 0  # the imported reports are shown


def test_import_in_a_thread_keeps_the_window_responsive(make_window, tmp_path, monkeypatch, qtbot, threaded_ops):
    window = make_window(tmp_path / "new.renda")
    folder = report_folder(tmp_path, 12)
    slow_imports(monkeypatch, 0.15)
    op = window.start_import([folder])
    qtbot.waitUntil(lambda: op.dialog is not None and op.dialog.isVisible() and op.dialog.value() >= 2, timeout=15000)
    assert isinstance(op.dialog, QProgressDialog) and op.dialog.maximum() == 12
    # the window still answers while the worker imports
    window.search_box.setText("代表")
    assert window.search_box.text() == "代表"
    op.dialog.findChild(QPushButton).click()
    qtbot.waitUntil(lambda: op.is_done, timeout=15000)
    assert op.result.cancelled
    n = len(list_documents(window.project))
    assert 2 <= n < 12
    assert len(window.outline_model.unit_nodes()) >= 0 and "取消" in window.statusBar().currentMessage()


def test_import_files_reports_failures(make_window, tmp_path, monkeypatch):
    window = make_window(tmp_path / "new.renda")
    good = SAMPLES[0]
    bad = tmp_path / "empty.txt"
    bad.write_text("   ", encoding="utf-8")
    monkeypatch.setattr(ImportDialog, "ask_files", classmethod(lambda cls, parent, start=None: [good, bad]))
    summaries = []
    monkeypatch.setattr(ImportSummary, "show", classmethod(lambda cls, parent, text, details="": summaries.append((text, details))))
    window.actions["import_files"].trigger()
    assert len(list_documents(window.project)) == 1
    [(text, details)] = summaries
    assert "1 个失败" in text and "empty.txt" in details


def test_new_open_and_recent_projects(make_window, tmp_path, monkeypatch, sample_project_path):
    window = make_window(sample_project_path)
    new = tmp_path / "fresh.renda"
    monkeypatch.setattr(ProjectFileDialog, "ask_new", classmethod(lambda cls, parent, start=None: new))
    window.actions["new_project"].trigger()
    assert window.project.path == new and list_units(window.project) == []
    assert window.outline_model.rowCount() == 0 and "fresh" in window.windowTitle()
    monkeypatch.setattr(ProjectFileDialog, "ask_open", classmethod(lambda cls, parent, start=None: sample_project_path))
    window.actions["open_project"].trigger()
    assert window.project.path == sample_project_path
    assert window.outline_model.rowCount() == 3
    window.fill_recent_menu()
    recent = [a.text() for a in window.recent_menu.actions()]
    assert any(t.startswith("fresh") for t in recent)
    next(a for a in window.recent_menu.actions() if a.text().startswith("fresh")).trigger()
    assert window.project.path == new


def test_opening_a_file_that_is_not_a_project(make_window, tmp_path, monkeypatch, sample_project_path, shown_errors):
    window = make_window(sample_project_path)
    junk = tmp_path / "notes.renda"
    junk.write_bytes(b"not sqlite at all")
    monkeypatch.setattr(ProjectFileDialog, "ask_open", classmethod(lambda cls, parent, start=None: junk))
    window.actions["open_project"].trigger()
    assert window.project.path == sample_project_path
    assert len(shown_errors) == 1 and "不是" in shown_errors[0]
    assert junk.read_bytes() == b"not sqlite at all"
    shown_errors.clear()


def test_undo_history_is_cleared_by_an_import(make_window, tmp_path, monkeypatch, sample_project_path):
    window = make_window(sample_project_path)
    u = list_units(window.project)[0]
    window.tag_section(window.section_rows(u.id)[0].id, 1, False)
    assert window.undo_stack.canUndo()
    folder = report_folder(tmp_path, 1)
    window.start_import([folder])
    assert not window.undo_stack.canUndo()
    with open_project(sample_project_path, create=False) as p:
        assert len(list_documents(p)) == len(SAMPLES) + 1


def test_closing_the_window_during_an_import(make_window, tmp_path, monkeypatch, qtbot, threaded_ops):
    window = make_window(tmp_path / "new.renda")
    folder = report_folder(tmp_path, 6)
    slow_imports(monkeypatch, 0.1)
    op = window.start_import([folder])
    qtbot.waitUntil(lambda: op.token is not None, timeout=1000)
    window.close()  # cancels the import and waits for it
    qtbot.waitUntil(lambda: op.is_done, timeout=15000)
    assert op.result.cancelled
    with open_project(tmp_path / "new.renda", create=False) as p:
        assert len(list_documents(p)) < 6


def test_opening_another_project_during_an_import(make_window, tmp_path, monkeypatch, qtbot, threaded_ops,
                                                  sample_project_path):
    from reader.ui.dialogs.confirm import ConfirmDialog

    window = make_window(tmp_path / "new.renda")
    folder = report_folder(tmp_path, 12)
    slow_imports(monkeypatch, 0.1)
    asked = []
    answer = {"stop": False}
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, parent, title, text, *a: asked.append(text)
                                                          or answer["stop"]))
    op = window.start_import([folder])
    qtbot.waitUntil(lambda: op.dialog is not None and op.dialog.value() >= 1, timeout=15000)
    assert not window.open_project_path(sample_project_path)  # "stay" keeps the project and the import
    assert window.project.path == tmp_path / "new.renda" and not op.is_done and "new.renda" in asked[0]
    answer["stop"] = True
    assert window.open_project_path(sample_project_path)
    qtbot.waitUntil(lambda: op.is_done, timeout=15000)
    qtbot.wait(50)
    assert op.result.cancelled and window.project.path == sample_project_path
    # nothing of the import lands on the project now shown: no summary, the outline of the samples
    assert "导入" not in window.statusBar().currentMessage() and window.windowTitle().endswith("sample")
    with open_project(tmp_path / "new.renda", create=False) as p:
        assert 1 <= len(list_documents(p)) < 12  # what was imported stays in its project


def test_the_open_dialog_starts_in_a_folder_that_exists(monkeypatch, reader_home):
    from pathlib import Path

    from PySide6.QtWidgets import QFileDialog

    from reader.core import paths

    seen = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: seen.append(a[2]) or ("", "")))
    assert not paths.projects_dir().exists()
    assert ProjectFileDialog.ask_open(None) is None
    assert Path(seen[0]).is_dir()
