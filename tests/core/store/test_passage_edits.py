"""Editing passages, deleting and restoring them with their ids, whole-section tagging."""

from __future__ import annotations

import pytest

from reader.core.errors import InvalidInput, NotFound
from reader.core.messages import describe
from reader.core.store import passage_edits as pe
from reader.core.store.documents import list_units, sections_of, unit_text
from reader.core.store.passages import get_passage, list_passages, tag
from reader.core.store.themes import find_theme


def _unit(project, county):
    return next(u for u in list_units(project) if u.county == county)


def test_edit_themes_and_note_at_once(sample_project):
    u = _unit(sample_project, "离石区")
    a, b = find_theme(sample_project, "代表工作").id, find_theme(sample_project, "依法监督").id
    p = tag(sample_project, u.id, 5, 15, [a])
    edit = pe.edit_passage(sample_project, p.id, [a, b], "要点")
    assert edit.before.theme_ids == [a] and edit.before.note == ""
    assert sorted(edit.after.theme_ids) == sorted([a, b]) and edit.after.note == "要点"
    with pytest.raises(NotFound):
        pe.edit_passage(sample_project, p.id, [9999])
    assert get_passage(sample_project, p.id).note == "要点"  # the failed edit changed nothing


def test_delete_and_restore_passages_keeps_ids(sample_project):
    u = _unit(sample_project, "离石区")
    a = find_theme(sample_project, "代表工作").id
    ids = [tag(sample_project, u.id, k * 10, k * 10 + 5, [a]).id for k in range(3)]
    snap = pe.delete_passages(sample_project, ids[:2])
    assert [p.id for p in list_passages(sample_project)] == ids[2:]
    pe.restore_passages(sample_project, snap)
    assert [p.id for p in list_passages(sample_project)] == ids
    assert get_passage(sample_project, ids[0]).theme_ids == [a]


def test_tag_a_section_own_text_or_with_subsections(sample_project):
    u = _unit(sample_project, "新绛县")
    top = sections_of(sample_project, [u.id])[u.id][0]
    assert top.children
    a = find_theme(sample_project, "党的领导与政治建设").id
    own = pe.tag_sections(sample_project, [top.id], [a])
    p = get_passage(sample_project, own.passage_ids[0])
    assert (p.start, p.end) == (top.start, top.children[0].start)
    whole = pe.tag_sections(sample_project, [top.id], [a], subsections=True)
    q = get_passage(sample_project, whole.passage_ids[0])
    assert (q.start, q.end) == (top.start, top.end)
    assert q.quote == unit_text(sample_project, u.id)[top.start : top.end]
    again = pe.tag_sections(sample_project, [top.id], [a], subsections=True)
    assert again.passage_ids == [] and again.skipped == [top.id]
    with pytest.raises(InvalidInput):
        pe.tag_sections(sample_project, [top.id], [])


def test_tag_sections_matching_a_pattern_is_one_step(sample_project):
    a = find_theme(sample_project, "代表工作").id
    matching = pe.sections_matching(sample_project, "代表")
    assert matching and all("代表" in s.heading for s in matching)
    result = pe.tag_sections_matching(sample_project, "代表", [a])
    assert len(result.passage_ids) == len(matching)
    assert {p.id for p in list_passages(sample_project, theme_ids=[a])} == set(result.passage_ids)
    pe.delete_passages(sample_project, result.passage_ids)  # what undo does
    assert list_passages(sample_project) == []


def test_patterns_words_and_regex(sample_project):
    either = pe.sections_matching(sample_project, "代表 监督")
    assert {s.id for s in either} == {s.id for s in pe.sections_matching(sample_project, "代表")} | {
        s.id for s in pe.sections_matching(sample_project, "监督")
    }
    rx = pe.sections_matching(sample_project, r"^[一二三]、", regex=True)
    assert rx and all(s.heading[1] == "、" for s in rx)
    with pytest.raises(InvalidInput) as e:
        pe.sections_matching(sample_project, "(", regex=True)
    assert describe(e.value, "zh") == "正则表达式写得不对：("  # no English from the re module
    with pytest.raises(InvalidInput):
        pe.sections_matching(sample_project, "  ")


def test_counting_matching_sections_agrees_with_listing_them(sample_project):
    one = [_unit(sample_project, "新绛县").id]
    for pattern, regex in (("代表 监督", False), ("工作", False), (r"^[一二三]、", True), ("不会有的标题", False)):
        for units in (None, one):
            listed = pe.sections_matching(sample_project, pattern, regex=regex, unit_ids=units)
            assert pe.count_sections_matching(sample_project, pattern, regex=regex, unit_ids=units) == len(listed)
    with pytest.raises(InvalidInput):
        pe.count_sections_matching(sample_project, "[", regex=True)


def test_blank_text_is_not_tagged(sample_project):
    u = _unit(sample_project, "新绛县")
    text = unit_text(sample_project, u.id)
    a = find_theme(sample_project, "代表工作").id
    newline = text.index("\n")
    with pytest.raises(InvalidInput) as e:
        tag(sample_project, u.id, newline, newline + 1, [a])
    assert "空白" in describe(e.value, "zh") and "blank" in describe(e.value, "en")
    assert list_passages(sample_project) == []


def test_failed_batch_leaves_nothing(sample_project, monkeypatch):
    import sqlite3

    from sqlite_utils.db import Table

    a = find_theme(sample_project, "代表工作").id
    real = Table.insert_all

    def failing(self, records, *args, **kw):
        if self.name == "passage_themes":  # after the passages were written
            raise sqlite3.IntegrityError("boom")
        return real(self, records, *args, **kw)

    monkeypatch.setattr(Table, "insert_all", failing)
    with pytest.raises(sqlite3.IntegrityError):
        pe.tag_sections_matching(sample_project, "代表", [a])
    monkeypatch.setattr(Table, "insert_all", real)
    assert list_passages(sample_project) == []


def test_unknown_theme_is_refused_before_writing(sample_project):
    with pytest.raises(NotFound):
        pe.tag_sections_matching(sample_project, "代表", [9999])
    assert list_passages(sample_project) == []


def test_whole_section_passages_match_single_tagging(sample_project):
    """A batch passage has the same fields as one tagged by hand."""
    from reader.core.store.passages import get_passage

    a = find_theme(sample_project, "代表工作").id
    u = _unit(sample_project, "离石区")
    s = sections_of(sample_project, [u.id])[u.id][0]
    batch = get_passage(sample_project, pe.tag_sections(sample_project, [s.id], [a], subsections=True).passage_ids[0])
    single = tag(sample_project, u.id, s.start, s.end, [a])
    for field in ("unit_id", "start", "end", "quote", "context_before", "context_after", "text_hash", "theme_ids"):
        assert getattr(batch, field) == getattr(single, field), field
