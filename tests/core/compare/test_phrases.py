"""Shared stock phrases in a comparison row: maximal runs of four or more Han characters shared by
members of two or more counties, generic ones dropped, offsets in the unit text."""

from __future__ import annotations

import pytest

from reader.core import compare
from reader.core.compare.phrases import Source, content_words, occurrences, row_phrases, shared_phrases


def by_text(phrases):
    return {p.text: p for p in phrases}


def test_maximal_phrases_shared_across_counties():
    a = Source(1, 10, "甲县", "我们增强四个意识，推进代表联络站建设，进一步加强工作。")
    b = Source(2, 20, "乙县", "全体干部增强四个意识。全面推进代表联络站建设，进一步加强工作！")
    c = Source(3, 30, "丙县", "树牢四个意识，新建代表联络站八个。")
    found = by_text(shared_phrases([a, b, c]))
    assert set(found) == {"推进代表联络站建设", "增强四个意识", "四个意识", "代表联络站"}
    # a shorter phrase is highlighted only where no longer shared phrase covers it
    assert [(s.section_id, s.start, s.end) for s in found["代表联络站"].spans] == [(3, 9, 14)]
    assert found["代表联络站"].groups == ["甲县", "乙县", "丙县"]
    assert [s.section_id for s in found["四个意识"].spans] == [3]
    assert [s.section_id for s in found["增强四个意识"].spans] == [1, 2]
    for p in found.values():
        for s in p.spans:
            text = {1: a.text, 2: b.text, 3: c.text}[s.section_id]
            assert text[s.start : s.end] == p.text
    # the generic run is dropped, or kept last on request
    everything = shared_phrases([a, b, c], keep_generic=True)
    assert everything[-1].text == "进一步加强工作" and everything[-1].generic
    assert "进一步加强工作" not in found


def test_one_county_does_not_share_with_itself():
    a = Source(1, 10, "甲县", "全面推行民生实事项目票决制。")
    b = Source(2, 11, "甲县", "继续推行民生实事项目票决制。")
    assert shared_phrases([a, b]) == []
    a.group, b.group = "#10", "#11"  # compared across units (the same county's years)
    assert [p.text for p in shared_phrases([a, b])] == ["推行民生实事项目票决制"]


def test_punctuation_ends_a_run_and_spaces_inside_are_skipped():
    a = Source(1, 1, "甲", "落实四个，意识形态责任")
    b = Source(2, 2, "乙", "树牢四个意识形态责任")
    assert [p.text for p in shared_phrases([a, b])] == ["意识形态责任"]
    a = Source(1, 1, "甲", "依托代表 联络站开展活动", base=100)
    b = Source(2, 2, "乙", "建好代表联络站开展活动")
    (p,) = shared_phrases([a, b])
    assert p.text == "代表联络站开展活动"
    span = p.spans[0]
    assert (span.start, span.end) == (102, 112)  # unit offsets: base plus the space inside


def test_runs_are_trimmed_to_whole_words():
    a = Source(1, 1, "甲", "认真落实县委决策部署")
    b = Source(2, 2, "乙", "坚决落实市委决策部署")
    assert [p.text for p in shared_phrases([a, b], keep_generic=True)] == ["决策部署"]


def test_astral_characters_count_once():
    a = Source(1, 1, "甲", "𠮷𠮷表彰𡈽𡈽村代表联络站的做法", base=5)
    b = Source(2, 2, "乙", "学习𡈽𡈽村代表联络站的经验")
    (p,) = shared_phrases([a, b])
    assert p.text == "𡈽𡈽村代表联络站"
    s = next(s for s in p.spans if s.section_id == 1)
    assert a.text[s.start - 5 : s.end - 5] == "𡈽𡈽村代表联络站" and (s.start, s.end) == (9, 17)


def test_content_words():
    assert content_words("推进代表联络站建设") == ["代表联络站"]
    assert content_words("充分发挥作用") == []


@pytest.fixture
def aligned(sample_project):
    return sample_project, compare.run_alignment(sample_project)


def test_phrases_of_a_row_in_the_project(aligned):
    project, comparison = aligned
    row = comparison.find_row("代表工作")
    phrases = row_phrases(project, row)
    assert phrases and all(len(p.groups) >= 2 and len(p.text) >= 4 and not p.generic for p in phrases)
    assert phrases == sorted(phrases, key=lambda p: (-p.weight, -len(p.text), p.text))
    station = by_text(phrases)["代表联络站"]
    members = {m.section_id: m for m in row.members}
    from reader.core.store.documents import unit_text

    for s in station.spans:
        assert s.section_id in members
        m = members[s.section_id]
        assert m.start <= s.start < s.end <= m.end
        assert unit_text(project, s.unit_id)[s.start : s.end] == "代表联络站"
    everywhere = occurrences(project, "代表联络站", limit=None)
    assert everywhere.total >= len(station.spans) + 1 and everywhere.hits[0].snippet
    assert row_phrases(project, row, limit=3) == phrases[:3]


def test_phrases_among_the_columns_on_screen_only(aligned):
    project, comparison = aligned
    row = comparison.find_row("代表工作")
    shown = {m.section_id for m in row.members[:2]}
    assert all(s.section_id in shown for p in row_phrases(project, row, section_ids=shown) for s in p.spans)
