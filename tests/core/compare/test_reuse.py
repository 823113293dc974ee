"""Text reuse between sections: candidate pairs by shared 5-gram shingles, Smith-Waterman spans
(exact and with small edits), several passages per pair, shares, astral characters, the project."""

from __future__ import annotations

import random

import pytest

from reader.core import compare
from reader.core.compare.reuse import (
    Source,
    candidate_pairs,
    find_reuse,
    reuse_among,
    row_reuse,
    section_reuse,
)

RNG_ALPHABET = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]


def filler(n: int, seed: int) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(RNG_ALPHABET) for _ in range(n))


PASSAGE = "各乡镇依托人大代表联络站开展代表进站接待选民活动，收集群众意见建议一百二十条，全部转交有关部门办理并跟踪督办。"


def test_an_exact_passage_is_found_with_its_spans_on_both_sides():
    a = filler(300, 1) + "。" + PASSAGE + filler(200, 2)
    b = filler(120, 3) + PASSAGE + "；" + filler(500, 4)
    (p,) = find_reuse(a, b)
    core = PASSAGE.rstrip("。").replace("，", "")
    assert a[p.a_start : p.a_end] == PASSAGE.rstrip("。")  # punctuation at the ends is not part of it
    assert b[p.b_start : p.b_end] == PASSAGE.rstrip("。")
    assert p.identity == 1.0 and p.length == len(core)


def test_a_passage_with_small_edits_is_found_whole():
    edited = PASSAGE.replace("一百二十条", "一百三十余条").replace("全部", "全").replace("并跟踪督办", "，跟踪督办")
    a = filler(200, 5) + PASSAGE + filler(200, 6)
    b = filler(50, 7) + edited + filler(50, 8)
    (p,) = find_reuse(a, b)
    start, end = a.index(PASSAGE), a.index(PASSAGE) + len(PASSAGE) - 1
    assert abs(p.a_start - start) <= 1 and abs(p.a_end - end) <= 1
    assert abs(p.b_start - b.index(edited)) <= 1 and abs(p.b_end - (b.index(edited) + len(edited) - 1)) <= 1
    assert 0.85 <= p.identity < 1.0


def test_several_passages_in_one_pair_and_nothing_short():
    second = "坚持每季度召开一次主任会议专题研究代表建议办理工作，确保件件有着落事事有回音"
    a = PASSAGE + filler(300, 9) + second + filler(100, 10) + "专题询问制度"
    b = second + filler(80, 11) + PASSAGE + filler(100, 12) + "专题询问制度"
    found = find_reuse(a, b)
    assert [a[p.a_start : p.a_end] for p in found] == [PASSAGE.rstrip("。"), second]
    assert [b[p.b_start : p.b_end] for p in found] == [PASSAGE.rstrip("。"), second]
    assert find_reuse("甲乙丙丁" + filler(100, 13), filler(100, 14) + "甲乙丙丁") == []
    assert find_reuse(a, b, min_length=100) == []


def test_astral_characters_and_offsets_with_a_base():
    passage = "𠮷𠮷村与𡈽𡈽村两个代表联络站联合开展𠀋𠀋活动，组织代表视察三次，形成调研报告两篇"
    a = "𠀀" * 50 + passage + filler(30, 15)
    b = filler(40, 16) + "𠀁" + passage
    (p,) = find_reuse(a, b, a_base=1000, b_base=7)
    assert a[p.a_start - 1000 : p.a_end - 1000] == passage
    assert b[p.b_start - 7 : p.b_end - 7] == passage
    assert p.a_start == 1050


def test_candidates_and_shares_among_many_sections():
    stock = "深入学习贯彻党的二十大精神"  # in every section: a stock phrase, not reuse
    texts = [stock + filler(400, 20 + k) for k in range(30)]
    texts[3] = texts[3][:100] + PASSAGE + texts[3][100:]
    texts[17] = PASSAGE + texts[17]
    texts[25] = PASSAGE + texts[25]  # same group as 17: not compared with it
    sources = [Source(k + 1, k + 1, "乙" if k in (17, 25) else f"g{k}", t) for k, t in enumerate(texts)]
    pairs = {(c.a, c.b) for c in candidate_pairs(sources)}
    assert pairs == {(3, 17), (3, 25)}
    result = reuse_among(sources)
    assert {(r.a_section, r.b_section) for r in result.pairs} == {(4, 18), (4, 26)}
    core_passage = sum(1 for ch in PASSAGE if "\u4e00" <= ch <= "\u9fff" or ch.isdigit())
    assert result.shares[18] == pytest.approx(core_passage / sum(1 for ch in texts[17] if "\u4e00" <= ch <= "\u9fff"), abs=0.01)
    assert result.shares[1] == 0.0 and result.shares[4] > 0


@pytest.fixture
def aligned(sample_project):
    return sample_project, compare.run_alignment(sample_project)


def test_reuse_in_a_row_of_the_project(aligned):
    from reader.core.search import search
    from reader.core.store.documents import unit_text

    project, comparison = aligned
    hits = search(project, "国民经济和社会发展计划、财政预算执行", limit=None).hits
    sections = sorted({h.section for h in hits})
    assert len(sections) >= 2
    pair = section_reuse(project, sections[0], sections[1])
    assert pair.passages and 0 < pair.a_share < 1 and 0 < pair.b_share < 1
    ua = next(h.unit for h in hits if h.section == sections[0])
    assert "国民经济和社会发展计划、财政预算执行" in unit_text(project, ua)[pair.passages[0].a_start : pair.passages[0].a_end]
    placed = [comparison.at(h.unit, h.start) for h in hits]
    row, first = placed[0]
    result = row_reuse(project, row)
    assert set(result.shares) == {m.section_id for m in row.members}
    others = [m for r, m in placed[1:] if r.key == row.key and m.unit_id != first.unit_id]
    assert others  # the passage is reused between two members of that row
    linked = [r for r in result.pairs if {r.a_section, r.b_section} == {first.section_id, others[0].section_id}]
    assert linked and result.shares[first.section_id] > 0


def test_reuse_among_the_columns_on_screen_only(aligned):
    project, comparison = aligned
    row = max(comparison.rows, key=lambda r: len(r.members))
    shown = {m.section_id for m in row.members[:3]}
    result = row_reuse(project, row, section_ids=shown)
    assert set(result.shares) == shown
    assert all({r.a_section, r.b_section} <= shown for r in result.pairs)
