"""The codebook panel: add, edit (rename, recolour, shortcut, keywords), merge, delete with
confirmation, drag to re-parent; each undoable and redoable."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QColor

from reader.core.store.passages import get_passage, tag
from reader.core.store.themes import find_theme, get_theme, list_themes
from reader.ui.dialogs.confirm import ConfirmDialog
from reader.ui.dialogs.theme import ThemeDialog, ThemeInput, ThemePickerDialog
from reader.ui.models.themes import MIME
from tests.ui.helpers import unit_of


def names(window) -> list[str]:
    return [t.path for t in list_themes(window.project)]


def test_add_theme_then_undo_redo(window, monkeypatch):
    monkeypatch.setattr(ThemeDialog, "ask", classmethod(lambda cls, parent, **kw: ThemeInput("信访工作", "#112233", "9", ["信访"])))
    before = names(window)
    window.theme_panel.add_button.click()
    t = find_theme(window.project, "信访工作")
    assert (t.colour, t.shortcut, t.keywords) == ("#112233", "9", ["信访"])
    assert window.theme_model.index_of_theme(t.id).isValid()
    assert window.looks[t.id].shortcut == "9"
    window.actions["undo"].trigger()
    assert names(window) == before and not window.theme_model.index_of_theme(t.id).isValid()
    window.actions["redo"].trigger()
    assert find_theme(window.project, "信访工作").id == t.id


def test_edit_theme_rename_recolour_shortcut(window, monkeypatch):
    t = find_theme(window.project, "代表工作")
    monkeypatch.setattr(ThemeDialog, "ask", classmethod(lambda cls, parent, **kw: ThemeInput("代表", "#000000", "1", kw["keywords"])))
    window.theme_panel.select_theme(t.id)
    window.theme_panel.edit_button.click()
    now = get_theme(window.project, t.id)
    assert (now.name, now.colour, now.shortcut) == ("代表", "#000000", "1")
    assert find_theme(window.project, "党的领导与政治建设").shortcut is None  # the key moved
    assert window.theme_model.index_of_theme(t.id).data() == "代表"
    window.actions["undo"].trigger()
    back = get_theme(window.project, t.id)
    assert (back.name, back.colour, back.shortcut) == ("代表工作", t.colour, t.shortcut)
    assert find_theme(window.project, "党的领导与政治建设").shortcut == "1"


def test_duplicate_name_is_refused_with_a_message(window, monkeypatch, shown_errors):
    t = find_theme(window.project, "代表工作")
    monkeypatch.setattr(ThemeDialog, "ask", classmethod(lambda cls, parent, **kw: ThemeInput("依法监督", "#000000", "", [])))
    window.edit_theme(t.id)
    assert len(shown_errors) == 1 and "依法监督" in shown_errors[0]
    assert get_theme(window.project, t.id).name == "代表工作" and not window.undo_stack.canUndo()
    shown_errors.clear()


def test_merge_moves_passages_and_undo_restores(window, monkeypatch):
    u = unit_of(window.project, "离石区")
    src, dst = find_theme(window.project, "专题询问"), find_theme(window.project, "执法检查")
    p = tag(window.project, u.id, 0, 6, [src.id]).id
    window.reload_themes()
    monkeypatch.setattr(ThemePickerDialog, "ask", classmethod(lambda cls, parent, looks, exclude, title, prompt: dst.id))
    window.merge_theme(src.id)
    assert get_passage(window.project, p).theme_ids == [dst.id]
    assert src.id not in window.theme_model.by_id and window.theme_model.by_id[dst.id].count == 1
    window.actions["undo"].trigger()
    assert get_passage(window.project, p).theme_ids == [src.id]
    assert window.theme_model.by_id[src.id].count == 1


def test_delete_asks_first_and_undo_restores_tags(window, monkeypatch):
    u = unit_of(window.project, "离石区")
    t = find_theme(window.project, "依法监督")
    child = find_theme(window.project, "执法检查")
    p = tag(window.project, u.id, 0, 6, [child.id]).id
    window.reload_themes()
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *a, **k: False))
    window.theme_panel.select_theme(t.id)
    window.theme_panel.delete_button.click()
    assert find_theme(window.project, "依法监督").id == t.id
    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(lambda cls, *a, **k: True))
    window.theme_panel.delete_button.click()
    assert "依法监督" not in names(window) and get_passage(window.project, p).theme_ids == []
    window.actions["undo"].trigger()
    assert get_passage(window.project, p).theme_ids == [child.id] and "依法监督/执法检查" in names(window)
    window.actions["redo"].trigger()
    assert "依法监督" not in names(window)


def test_drag_to_reparent(window):
    model = window.theme_model
    t = find_theme(window.project, "代表联络站")
    target = find_theme(window.project, "全过程人民民主")
    data = QMimeData()
    data.setData(MIME, str(t.id).encode())
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0, model.index_of_theme(t.id))
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, model.index_of_theme(target.id)) is False
    assert get_theme(window.project, t.id).parent_id == target.id
    assert model.index_of_theme(t.id).parent() == model.index_of_theme(target.id)
    window.actions["undo"].trigger()
    assert get_theme(window.project, t.id).parent_id == find_theme(window.project, "代表工作").id


def test_theme_colours_in_panel_and_pane(window):
    t = find_theme(window.project, "代表工作")
    icon = window.theme_model.index_of_theme(t.id).data(Qt.ItemDataRole.DecorationRole)
    assert icon.pixmap(8, 8).toImage().pixelColor(4, 4) == QColor(t.colour)
    assert window.text_pane.colour_of(t.id) == t.colour
