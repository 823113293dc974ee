"""Intercoder agreement against values worked by hand on small cases (the working is in the comments),
and on a project: which reports and themes are measured, the JSON the command line prints."""

from __future__ import annotations

import pytest

from reader.core.errors import InvalidInput, NotFound
from reader.core.store import documents, passages
from reader.core.store.themes import find_theme
from reader.core.team.agreement import (
    Codings,
    Fleiss,
    Segments,
    Table,
    agreement,
    coverage_counts,
    matches,
    measure,
    merged,
    overlap,
    reading,
)

A, B, C = "甲", "乙", "丙"
SUPERVISION, DEPUTIES = 7, 8


def two_coders() -> Codings:
    """Three units of 10, 20 and 5 characters, two themes.

    theme 7 (监督): unit 1: A [0,4)  B [0,6);  unit 2: A [0,10)  B [5,15);  unit 3: nobody
    theme 8 (代表): unit 1: A [2,3);           unit 2: nobody;               unit 3: A [0,5)  B [0,5)
    """
    c = Codings((A, B), {1: 10, 2: 20, 3: 5}, {SUPERVISION: "监督", DEPUTIES: "代表"})
    c.spans = {
        (A, 1, SUPERVISION): [(0, 4)], (B, 1, SUPERVISION): [(0, 6)],
        (A, 2, SUPERVISION): [(0, 10)], (B, 2, SUPERVISION): [(5, 15)],
        (A, 1, DEPUTIES): [(2, 3)],
        (A, 3, DEPUTIES): [(0, 5)], (B, 3, DEPUTIES): [(0, 5)],
    }
    return c


def test_kappa_of_a_table_by_hand():
    # n = 20: both 5, only A 5, only B 5, neither 5. pₒ = 10/20 = 0.5; pA = pB = 10/20 = 0.5;
    # pₑ = 0.5·0.5 + 0.5·0.5 = 0.5; κ = (0.5 − 0.5) / (1 − 0.5) = 0
    t = Table(5, 5, 5, 5)
    assert (t.agreement, t.expected, t.kappa) == (0.5, 0.5, 0.0)
    # n = 10: both 4, only A 0, only B 2, neither 4. pₒ = 8/10; pA = 4/10, pB = 6/10;
    # pₑ = 0.4·0.6 + 0.6·0.4 = 0.48; κ = (0.8 − 0.48) / 0.52 = 0.32 / 0.52 = 0.615384…
    t = Table(4, 0, 2, 4)
    assert t.agreement == pytest.approx(0.8) and t.expected == pytest.approx(0.48)
    assert t.kappa == pytest.approx(0.32 / 0.52)
    # opposite coders: both 0, only A 5, only B 5, neither 0: pₒ = 0, pₑ = 0.5·0.5 + 0.5·0.5 = 0.5, κ = −1
    assert Table(0, 5, 5, 0).kappa == pytest.approx(-1)


def test_kappa_is_undefined_when_chance_agreement_is_one():
    # neither coder coded anything: pA = pB = 0, pₑ = 0·0 + 1·1 = 1: κ undefined, not 0 or 1
    assert Table(0, 0, 0, 12).kappa is None and Table(0, 0, 0, 12).agreement == 1
    # both coded everything: pA = pB = 1, pₑ = 1
    assert Table(7, 0, 0, 0).kappa is None
    # one coded everything, the other nothing: pA = 1, pB = 0, pₑ = 0, pₒ = 0: κ = 0 (defined)
    assert Table(0, 6, 0, 0).kappa == 0
    assert Table(0, 0, 0, 0).kappa is None and Table(0, 0, 0, 0).agreement is None


def test_spans_helpers():
    assert merged([(5, 9), (0, 3), (2, 4), (9, 10), (6, 6)]) == [(0, 4), (5, 10)]
    assert overlap([(0, 4), (5, 10)], [(3, 6), (8, 20)]) == 1 + 1 + 2
    # [0,9) and [0,10): 9 shared of the longer 10 = 90 %: matched at 90, not at 91
    assert matches((0, 9), (0, 10), 90) and not matches((0, 9), (0, 10), 91)
    assert not matches((0, 5), (5, 10), 1)  # touching is not overlapping


def test_characters_reports_and_segments_of_a_pair_by_hand():
    pair = measure(two_coders()).pairs[0]
    assert pair.coders == (A, B)
    sup, dep = pair.themes
    assert (sup.theme, dep.theme) == ("监督", "代表")

    # 监督, characters: unit 1 (10): both 4, only B 2, neither 4; unit 2 (20): both 5, only A 5, only B 5,
    # neither 5; unit 3 (5): neither 5. Sum: both 9, only A 5, only B 7, neither 14, n = 35.
    # pₒ = 23/35; pA = 14/35, pB = 16/35; pₑ = (14·16 + 21·19)/35² = 623/1225;
    # κ = (23·35 − 623) / (1225 − 623) = 182/602 = 0.302325…
    assert sup.characters == Table(9, 5, 7, 14)
    assert sup.characters.agreement == pytest.approx(23 / 35)
    assert sup.characters.kappa == pytest.approx(182 / 602)
    # 监督, reports: units 1 and 2 both, unit 3 neither. pₒ = 1; pA = pB = 2/3; pₑ = 4/9 + 1/9 = 5/9; κ = 1
    assert sup.reports == Table(2, 0, 0, 1) and sup.reports.kappa == pytest.approx(1)
    # 监督, segments at 90 %: [0,4) vs [0,6) share 4 of 6 (67 %); [0,10) vs [5,15) share 5 of 10 (50 %):
    # none of the 4 segments is matched
    assert sup.segments == Segments(0, 2, 0, 2) and sup.segments.percent == 0

    # 代表, characters: unit 1: only A 1, neither 9; unit 2: neither 20; unit 3: both 5.
    # both 5, only A 1, only B 0, neither 29; pₒ = 34/35; pA = 6/35, pB = 5/35;
    # pₑ = (6·5 + 29·30)/1225 = 900/1225; κ = (1190 − 900)/(1225 − 900) = 290/325 = 0.892307…
    assert dep.characters == Table(5, 1, 0, 29)
    assert dep.characters.kappa == pytest.approx(290 / 325)
    # 代表, reports: unit 1 only A, unit 2 neither, unit 3 both. pₒ = 2/3; pA = 2/3, pB = 1/3;
    # pₑ = 2/9 + 2/9 = 4/9; κ = (2/3 − 4/9)/(5/9) = 0.4
    assert dep.reports == Table(1, 1, 0, 1) and dep.reports.kappa == pytest.approx(0.4)
    # 代表, segments: A's [2,3) has no partner; [0,5) and [0,5) match: A 1 of 2, B 1 of 1: 2/3 = 66.67 %
    assert dep.segments == Segments(1, 2, 1, 1) and dep.segments.percent == pytest.approx(200 / 3)

    # over all themes, pooled: characters both 14, only A 6, only B 7, neither 43 (n = 70);
    # pₒ = 57/70; pA = 20/70, pB = 21/70; pₑ = (20·21 + 50·49)/4900 = 2870/4900;
    # κ = (3990 − 2870)/(4900 − 2870) = 1120/2030 = 0.551724…
    assert pair.overall.characters == Table(14, 6, 7, 43)
    assert pair.overall.characters.kappa == pytest.approx(1120 / 2030)
    # reports pooled: both 3, only A 1, only B 0, neither 2 (n = 6): pₒ = 5/6; pA = 4/6, pB = 3/6;
    # pₑ = (4·3 + 2·3)/36 = 0.5; κ = (5/6 − 1/2)/(1/2) = 2/3
    assert pair.overall.reports == Table(3, 1, 0, 2) and pair.overall.reports.kappa == pytest.approx(2 / 3)
    # segments summed: A 1 of 4, B 1 of 3: 2/7 = 28.57 %
    assert pair.overall.segments == Segments(1, 4, 1, 3)
    assert pair.overall.segments.percent == pytest.approx(200 / 7)


def test_the_overlap_a_segment_needs_is_settable():
    # at 50 %: [0,4)/[0,6) share 67 % and [0,10)/[5,15) 50 %: all four 监督 segments match
    pair = measure(two_coders(), min_overlap=50).pairs[0]
    assert pair.themes[0].segments == Segments(2, 2, 2, 2) and pair.themes[0].segments.percent == 100
    with pytest.raises(InvalidInput):
        measure(two_coders(), min_overlap=0)


def test_fleiss_kappa_of_three_coders_by_hand():
    # one unit of 10 characters: A [0,4), B [0,6), C [2,8).
    # [0,2): A B → 2 coders; [2,4): A B C → 3; [4,6): B C → 2; [6,8): C → 1; [8,10): nobody.
    counts = coverage_counts([[(0, 4)], [(0, 6)], [(2, 8)]], 10)
    assert counts == [2, 2, 4, 2]
    # agreeing pairs per character out of m(m−1) = 6: k=0: 3·2 = 6 → 1; k=1: 2·1 = 2 → 1/3;
    # k=2: 2·1 = 2 → 1/3; k=3: 3·2 = 6 → 1. P̄ = (2·1 + 2/3 + 4/3 + 2·1)/10 = 0.6.
    # p = (1·2 + 2·4 + 3·2)/(10·3) = 16/30; P̄ₑ = (16/30)² + (14/30)² = 113/225;
    # κ = (0.6 − 113/225)/(1 − 113/225) = (135 − 113)/112 = 22/112 = 0.196428…
    f = Fleiss(3, tuple(counts))
    assert f.agreement == pytest.approx(0.6)
    assert f.expected == pytest.approx(113 / 225)
    assert f.kappa == pytest.approx(22 / 112)
    assert Fleiss(3, (5, 0, 0, 0)).kappa is None and Fleiss(3, (0, 0, 0, 4)).kappa is None


def test_three_coders_give_every_pair_and_fleiss():
    c = Codings((A, B, C), {1: 10}, {SUPERVISION: "监督"})
    c.spans = {(A, 1, SUPERVISION): [(0, 4)], (B, 1, SUPERVISION): [(0, 6)], (C, 1, SUPERVISION): [(2, 8)]}
    result = measure(c)
    assert [p.coders for p in result.pairs] == [(A, B), (A, C), (B, C)]
    # A and C: both [2,4) = 2, only A 2, only C 4, neither 2
    assert result.pairs[1].themes[0].characters == Table(2, 2, 4, 2)
    assert result.group[0].characters.kappa == pytest.approx(22 / 112)
    assert result.group_overall.characters.counts == (2, 2, 4, 2)
    assert result.group_overall.reports.counts == (0, 0, 0, 1)  # the one unit: all three used it
    assert "all" in result.to_json() and "all" not in measure(two_coders()).to_json()


def test_readings():
    assert [reading(k) for k in (-0.2, 0.39, 0.4, 0.59, 0.6, 0.8, 0.81, None)] == [
        "weak", "weak", "moderate", "moderate", "substantial", "substantial", "almost perfect", None]


# == on a project ====================================================================================


@pytest.fixture
def coded(sample_project):
    """Two coders on the sample reports: both tag the first two reports, only 甲 the third."""
    p = sample_project
    units = [u.id for u in documents.list_units(p)]
    sup = find_theme(p, "依法监督").id
    dep = find_theme(p, "代表工作").id
    passages.tag(p, units[0], 10, 40, [sup], coder=A)
    passages.tag(p, units[0], 12, 40, [sup], coder=B)
    passages.tag(p, units[0], 100, 120, [dep, sup], coder=A)
    passages.tag(p, units[1], 50, 90, [dep], coder=B)
    passages.tag(p, units[1], 200, 230, [sup], coder=A)
    passages.tag(p, units[2], 0, 30, [sup], coder=A)
    passages.tag(p, units[2], 0, 30, [sup], coder="丁")
    return p, units, sup, dep


def test_agreement_on_a_project_takes_the_reports_both_coded(coded):
    p, units, sup, dep = coded
    result = agreement(p, [A, B])
    assert result.units == units[:2]  # 甲 also tagged the third report, 乙 did not
    pair = result.pairs[0]
    assert [t.theme_id for t in pair.themes] == [sup, dep]  # codebook order: 依法监督 before 代表工作
    n = sum(len(documents.unit_text(p, u)) for u in units[:2])
    chars = pair.themes[0].characters
    # 依法监督: 甲 [10,40) + [100,120) in unit 1 and [200,230) in unit 2 (80); 乙 [12,40) (28); shared 28
    assert chars == Table(28, 52, 0, n - 80)
    assert pair.themes[0].reports == Table(1, 1, 0, 0)
    # segments: [10,40)/[12,40) share 28 of 30 = 93 % ≥ 90: both matched; 甲's other two are not
    assert pair.themes[0].segments == Segments(1, 3, 1, 1)
    chosen = agreement(p, [A, B], unit_ids=[units[0]], theme_ids=[dep])
    assert chosen.units == [units[0]] and [t.theme for t in chosen.pairs[0].themes] == ["代表工作"]
    assert chosen.pairs[0].themes[0].characters.only_a == 20


def test_agreement_json_has_the_documented_shape(coded):
    p, *_ = coded
    data = agreement(p, [A, B]).to_json()
    pair = data["pairs"][0]
    assert pair["coders"] == [A, B]
    theme = pair["themes"][0]
    assert set(theme) == {"theme", "characters", "reports", "segments"} and theme["theme"] == "依法监督"
    assert set(theme["characters"]) == {"agreement", "kappa", "both", "only_a", "only_b", "neither"}
    assert set(theme["reports"]) == set(theme["characters"])
    assert {"matched_a", "matched_b", "percent"} <= set(theme["segments"])
    assert set(pair["overall"]) == {"characters", "reports", "segments"}


def test_agreement_refuses_unknown_coders_and_fewer_than_two(coded):
    p, units, *_ = coded
    with pytest.raises(NotFound):
        agreement(p, [A, "无名氏"])
    with pytest.raises(InvalidInput):
        agreement(p, [A, A])
    with pytest.raises(NotFound):
        agreement(p, [A, B], unit_ids=[99999])
