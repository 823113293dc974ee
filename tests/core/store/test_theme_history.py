"""Undo and redo of theme operations through captured codebook states."""

from __future__ import annotations

from reader.core.store import theme_history as th
from reader.core.store import themes
from reader.core.store.documents import list_units
from reader.core.store.passages import get_passage, tag


def _tree(project):
    return [(t.id, t.parent_id, t.name, t.colour, t.shortcut, t.position) for t in themes.list_themes(project)]


def _round_trip(project, op, touched=()):
    before_tree = _tree(project)
    before = th.capture(project, touched)
    op()
    after_tree = _tree(project)
    after = th.capture(project, touched)
    th.restore_theme_state(project, before)
    assert _tree(project) == before_tree
    th.restore_theme_state(project, after)
    assert _tree(project) == after_tree
    th.restore_theme_state(project, before)
    assert _tree(project) == before_tree


def test_add_rename_recolour_shortcut_move(project):
    t = themes.find_theme(project, "代表工作").id
    parent = themes.find_theme(project, "依法监督").id
    _round_trip(project, lambda: themes.add_theme(project, "新主题", colour="#123456", shortcut="1"))
    _round_trip(project, lambda: themes.rename_theme(project, t, "代表"))
    _round_trip(project, lambda: themes.recolour_theme(project, t, "#000000"))
    _round_trip(project, lambda: themes.set_shortcut(project, t, "1"))
    _round_trip(project, lambda: themes.move_theme(project, t, parent))


def test_swapped_names_do_not_clash(project):
    a = themes.add_theme(project, "甲").theme_id
    b = themes.add_theme(project, "乙").theme_id

    def swap():
        themes.rename_theme(project, a, "丙")
        themes.rename_theme(project, b, "甲")
        themes.rename_theme(project, a, "乙")

    _round_trip(project, swap)


def test_delete_and_merge_bring_back_tags(sample_project):
    u = list_units(sample_project)[0]
    parent = themes.find_theme(sample_project, "依法监督").id
    child = themes.find_theme(sample_project, "执法检查").id
    target = themes.find_theme(sample_project, "代表工作").id
    p = tag(sample_project, u.id, 0, 5, [child]).id
    q = tag(sample_project, u.id, 6, 9, [target]).id
    subtree = themes.subtree_ids(sample_project, parent)
    assert child in subtree
    _round_trip(sample_project, lambda: themes.delete_theme(sample_project, parent), subtree)
    assert get_passage(sample_project, p).theme_ids == [child]
    _round_trip(sample_project, lambda: themes.merge_themes(sample_project, parent, target), [parent, target])
    assert get_passage(sample_project, q).theme_ids == [target]
    before = th.capture(sample_project, [child, target])
    themes.merge_themes(sample_project, child, target)
    assert get_passage(sample_project, p).theme_ids == [target]
    th.restore_theme_state(sample_project, before)
    assert get_passage(sample_project, p).theme_ids == [child]
    assert get_passage(sample_project, q).theme_ids == [target]


def test_set_null_references_come_back(sample_project):
    t = themes.find_theme(sample_project, "代表工作").id
    sample_project.db.execute("INSERT INTO align_rows (id, label, position, theme_id) VALUES (1, 'x', 0, ?)", [t])
    before = th.capture(sample_project, themes.subtree_ids(sample_project, t))
    themes.delete_theme(sample_project, t)
    assert sample_project.db.execute("SELECT theme_id FROM align_rows").fetchone()[0] is None
    th.restore_theme_state(sample_project, before)
    assert sample_project.db.execute("SELECT theme_id FROM align_rows").fetchone()[0] == t


def test_edit_theme_all_or_nothing(project):
    import pytest

    from reader.core.errors import InvalidInput
    from reader.core.store.theme_edits import edit_theme

    t = themes.find_theme(project, "代表工作")
    changes = edit_theme(project, t.id, name="代表", colour="#ABCDEF", shortcut="9", keywords=["代表", " "])
    assert [c.action for c in changes] == ["rename", "recolour", "shortcut", "keywords"]
    now = themes.get_theme(project, t.id)
    assert (now.name, now.colour, now.shortcut, now.keywords) == ("代表", "#abcdef", "9", ["代表"])
    assert edit_theme(project, t.id, name="代表", colour="#abcdef", shortcut="9", keywords=["代表"]) == []
    with pytest.raises(InvalidInput):
        edit_theme(project, t.id, name="新名", colour="red")
    assert themes.get_theme(project, t.id).name == "代表"
    edit_theme(project, t.id, shortcut="")
    assert themes.get_theme(project, t.id).shortcut is None


def test_parse_keywords():
    from reader.core.store.theme_edits import parse_keywords

    assert parse_keywords("代表联络站、代表之家, 家站；站\n ,") == ["代表联络站", "代表之家", "家站", "站"]
