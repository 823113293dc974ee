"""The window's side of keeping work safe: File ▸ 备份… and 恢复… (the dialog in both languages, a
restore that reopens the project), a damaged project that offers its backups, and a project open
in another process shown read-only with the reason."""

from __future__ import annotations

import random
import re
import sqlite3

import pytest
from PySide6.QtWidgets import QWidget

from reader.core.store import backups as bk
from reader.core.store.db import open_project
from reader.core.store.documents import list_units
from reader.core.store.passages import list_passages, tag
from reader.core.store.themes import find_theme
from reader.ui import i18n
from reader.ui.dialogs.backups import RestoreDialog
from reader.ui.dialogs.confirm import ConfirmDialog
from tests.core.store.test_damaged_projects import damage
from tests.core.store.test_one_writer import Holder
from tests.ui.test_dialogs import HAN, texts


@pytest.mark.parametrize("lang", [i18n.ZH, i18n.EN])
def test_restore_dialog_in_both_languages(qtbot, lang, sample_project_path):
    i18n.install(lang)
    parent = QWidget()
    qtbot.addWidget(parent)
    empty = RestoreDialog(parent, sample_project_path)
    empty.show()
    assert not empty.restore_button.isEnabled() and empty.tree.isHidden()
    assert ("还没有备份" if lang == i18n.ZH else "no backups") in empty.about.text()
    empty.close()
    open_project(sample_project_path, create=False).close()  # today's backup
    dialog = RestoreDialog(parent, sample_project_path)
    dialog.show()
    assert dialog.windowTitle() == ("从备份恢复" if lang == i18n.ZH else "Restore a backup")
    assert dialog.tree.topLevelItemCount() == 1 and dialog.restore_button.isEnabled()
    row = [dialog.tree.topLevelItem(0).text(c) for c in range(4)]
    assert row[2] == ("每日（打开时）" if lang == i18n.ZH else "Daily, on opening") and row[3].endswith("-daily.renda")
    shown = [t for t in texts(dialog) if re.search(r"[A-Za-z]{3,}", t)]
    if lang == i18n.ZH:
        assert all(HAN.search(t) for t in shown), shown
    assert dialog.chosen() == bk.list_backups(sample_project_path)[0]
    dialog.close()


def test_back_up_now_from_the_file_menu(window):
    assert window.actions["backup"].text() == "备份(&U)…"
    window.actions["backup"].trigger()
    manual = [b for b in bk.list_backups(window.project.path) if b.reason == bk.MANUAL]
    assert len(manual) == 1
    assert manual[0].name in window.statusBar().currentMessage()


def test_restore_from_the_file_menu_reopens_the_project(window, monkeypatch, shown_errors):
    path = window.project.path
    (daily,) = bk.list_backups(path)  # made when the window opened the project
    p = window.project
    tag(p, list_units(p)[0].id, 0, 5, [find_theme(p, "代表工作").id])
    asked = []
    monkeypatch.setattr(RestoreDialog, "ask", classmethod(lambda cls, parent, where: asked.append(where) or daily))
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *a, **k: True))
    window.actions["restore"].trigger()
    assert asked == [path] and shown_errors == []
    assert window.project is not p and window.project.path == path and not window.project.read_only
    assert list_passages(window.project) == []
    assert "已用" in window.statusBar().currentMessage()
    kept = [b for b in bk.list_backups(path) if b.reason == bk.BEFORE_RESTORE]
    assert len(kept) == 1


def test_a_restore_that_is_not_confirmed_changes_nothing(window, monkeypatch):
    p = window.project
    tag(p, list_units(p)[0].id, 0, 5, [find_theme(p, "代表工作").id])
    monkeypatch.setattr(RestoreDialog, "ask", classmethod(lambda cls, parent, where: bk.list_backups(where)[0]))
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *a, **k: False))
    window.actions["restore"].trigger()
    assert window.project is p and len(list_passages(p)) == 1


def damaged_copy(project_file, folder):
    """A copy of the project in `folder`, with its daily backup made, then damaged: in pages of the
    search index, which opening the project and showing a report do not read (pages picked by what
    they hold, not by where they fall: the file's layout changes with its schema)."""
    folder.mkdir()
    other = folder / "damaged.renda"
    other.write_bytes(project_file.read_bytes())
    open_project(other, create=False).close()  # its daily backup
    with sqlite3.connect(other) as conn:
        try:
            size = conn.execute("PRAGMA page_size").fetchone()[0]
            pages = [n for n, in conn.execute("SELECT pageno FROM dbstat WHERE name = 'units_fts_data' ORDER BY pageno")]
        except sqlite3.OperationalError:  # SQLite without dbstat: pages in the middle of the file
            pages = []
    conn.close()
    if len(pages) < 8:
        damage(other)
        return other
    noise = random.Random(7)
    with open(other, "r+b") as f:
        for n in pages[len(pages) // 2 : len(pages) // 2 + 4]:
            f.seek((n - 1) * size)
            f.write(bytes(noise.randrange(256) for _ in range(size)))
    return other


def test_opening_a_damaged_project_offers_its_backups(window, monkeypatch, sample_project_file, tmp_path, shown_errors):
    other = damaged_copy(sample_project_file, tmp_path / "other")
    offered = []
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, parent, title, text, *a: offered.append(text) or True))
    monkeypatch.setattr(RestoreDialog, "ask", classmethod(lambda cls, parent, where: bk.list_backups(where)[0]))
    assert not window.open_project_path(other)
    assert "已损坏" in offered[0] and "1 个" in offered[0]
    assert window.project.path == other and len(list_units(window.project)) >= 5
    assert shown_errors == []


def test_a_project_open_in_another_process_is_read_only_and_says_why(make_window, sample_project_path, shown_errors, qtbot):
    holder = Holder(sample_project_path)
    try:
        w = make_window(sample_project_path)
        qtbot.waitUntil(lambda: bool(shown_errors))
        assert "另一个窗口或程序" in shown_errors[0]
        assert w.project.read_only and w.windowTitle().endswith("（只读：已在另一个窗口中打开）")
        assert "另一个窗口或程序" in w.statusBar().currentMessage()
        w.start_import([sample_project_path.parent])
        w.actions["restore"].trigger()
        assert len(shown_errors) == 3 and all("另一个窗口或程序" in t for t in shown_errors)
        w.close()
    finally:
        holder.close()


def test_read_only_title_in_english(make_window, sample_project_path):
    holder = Holder(sample_project_path)
    try:
        w = make_window(sample_project_path, lang=i18n.EN)
        assert w.windowTitle().endswith(" (read-only: open in another window)")
        w.close()
    finally:
        holder.close()


def test_a_project_the_user_may_not_write_says_so_in_the_status_bar(make_window, sample_project_path, monkeypatch,
                                                                    shown_errors, qtbot):
    from reader.core.store import db as store_db

    monkeypatch.setattr(store_db, "writable", lambda _path: False)  # as for a file without write permission
    w = make_window(sample_project_path)
    qtbot.wait(20)
    assert w.project.read_only_reason == store_db.NOT_WRITABLE
    assert w.windowTitle().endswith("（只读）") and "权限" in w.statusBar().currentMessage()
    assert shown_errors == []  # the user chose such a file: no dialog, the title and status bar say it
    w.close()


def test_a_big_damaged_project_opens_at_once_and_the_background_check_offers_its_backups(
        window, monkeypatch, sample_project_file, tmp_path, shown_errors):
    """Above db.QUICK_CHECK_AT_OPEN_BYTES a project opens before quick_check has read every page
    (1 s for a national corpus); the window checks it in the background and offers the backups."""
    from reader.core.store import db

    monkeypatch.setattr(db, "QUICK_CHECK_AT_OPEN_BYTES", 0)  # every project counts as big
    other = damaged_copy(sample_project_file, tmp_path / "big")
    offered = []
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, parent, title, text, *a: offered.append(text) or False))
    assert window.open_project_path(other)  # opened: the damage is in pages the opening does not read
    assert window.project.path == other and not window.project.checked
    assert offered and "已损坏" in offered[0] and "1 个" in offered[0]


def test_a_big_sound_project_is_checked_in_the_background_and_nothing_is_said(
        window, monkeypatch, sample_project_file, tmp_path, shown_errors):
    from reader.core.store import db

    monkeypatch.setattr(db, "QUICK_CHECK_AT_OPEN_BYTES", 0)
    other = tmp_path / "big" / "sound.renda"
    other.parent.mkdir()
    other.write_bytes(sample_project_file.read_bytes())
    checked = []
    real = db.integrity_problems
    monkeypatch.setattr("reader.ui.projects.integrity_problems", lambda path: checked.append(path) or real(path))
    offered = []
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *a, **k: offered.append(a) or False))
    assert window.open_project_path(other)
    assert checked == [other] and offered == [] and shown_errors == []
    monkeypatch.setattr(db, "QUICK_CHECK_AT_OPEN_BYTES", 64 * 2**20)
    assert window.open_project_path(sample_project_file)  # a small one: checked before it opened
    assert window.project.checked and checked == [other]
