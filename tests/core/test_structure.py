"""Heading rules, units and the outline score on the sample reports."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from reader.core.clean.pipeline import clean
from reader.core.markers import cn_number, marker_of, run_in_of
from reader.core.structure import find_units

SHARED = Path(__file__).resolve().parents[3] / "shared"


@pytest.mark.parametrize(
    ("line", "kind", "number"),
    [
        ("一、坚持党的领导", "cn", 1),
        ("十二、其他", "cn", 12),
        ("（三）加强制度建设", "paren_cn", 3),
        ("(四)政府自身建设", "paren_cn", 4),
        ("2.加强学习", "arabic", 2),
        ("3、加强学习", "arabic", 3),
        ("（1）完善机制", "paren_arabic", 1),
        ("②推进", "circled", 2),
        ("第二部分 主要任务", "part", 2),
    ],
)
def test_markers(line, kind, number):
    assert marker_of(line)[:2] == (kind, number)


@pytest.mark.parametrize("line", ["1.5亿元投资", "2021年是开局之年", "一是加强学习", "一般来说"])
def test_not_markers(line):
    assert marker_of(line) is None


def test_run_in_and_numbers():
    assert run_in_of("三是认真落实")[0] == 3
    assert run_in_of("第二，加强")[0] == 2
    assert cn_number("二十三") == 23 and cn_number("十") == 10


def headings(sections):
    return [(s.level, s.heading) for s in sections] + [h for s in sections for h in headings(s.children)]


def parse(text, source=None):
    cleaned = clean(text)
    return cleaned.text, find_units(cleaned.text, cleaned.hints, source)


def test_hierarchy_and_first_sentence_headings():
    text = (
        "某某工作报告\n前言一段正文，交代背景。\n一、坚持党的领导\n（一）严格履行主体责任。党组研究制定清单。\n"
        "一是加强学习。组织学习十二次。\n二是加强监督。开展检查。\n（二）加强机关建设。定期听取汇报。\n二、依法监督\n正文。"
    )
    full, units = parse(text)
    (unit,) = units
    tops = unit.sections
    assert [s.heading for s in tops] == ["一、坚持党的领导", "二、依法监督"]
    assert [s.heading for s in tops[0].children] == ["（一）严格履行主体责任", "（二）加强机关建设"]
    assert [s.heading for s in tops[0].children[0].children] == ["一是加强学习", "二是加强监督"]
    # sections nest and cover the body
    assert tops[0].end == tops[1].start and tops[1].end == unit.end
    assert full[tops[0].start : tops[0].heading_end] == "一、坚持党的领导"


def test_numbering_must_continue():
    text = "一、总体情况\n正文。\n（3）这一行在正文中间出现。\n二、下一步\n正文。"
    _, (unit,) = parse(text)
    assert [s.heading for s in unit.sections] == ["一、总体情况", "二、下一步"]
    assert unit.sections[0].children == []


def test_bare_heading_lines_between_paragraphs():
    text = (
        "近年来，县人大常委会依法履职，取得了新成效。\n做到三个始终政治站位有新提高\n"
        "县人大常委会坚决维护县委领导地位，坚持请示报告。\n一是始终深入学习。内容。\n二是始终坚持领导。内容。\n"
        "围绕四个聚焦依法监督有新作为\n依法履行监督职责是宪法和法律赋予的基本职权。"
    )
    _, (unit,) = parse(text)
    assert [s.heading for s in unit.sections] == ["做到三个始终政治站位有新提高", "围绕四个聚焦依法监督有新作为"]
    assert len(unit.sections[0].children) == 2


def test_units_split_at_bylines_and_cover_the_text():
    block = "坚持{0}做好人大工作\n□ {1}人大常委会主任 {2}\n{1}人大常委会认真履职，成效明显。\n#### 加强政治建设\n正文内容。\n"
    text = "编者按：本期刊登各县经验。\n" + block.format("甲", "孝义市", "李某某") + block.format("乙", "文水县", "范某某")
    full, units = parse(text)
    assert [u.place.county for u in units] == ["孝义市", "文水县"]
    assert [u.author for u in units] == ["李某某", "范某某"]
    assert units[0].start == 0 and units[-1].end == len(full)
    assert all(a.end == b.start for a, b in zip(units, units[1:], strict=False))
    assert units[1].title == "坚持乙做好人大工作"


def test_rare_hanzi_offsets_are_code_points():
    text = "一、𠮷𡈼地区工作\n正文。\n二、下一步\n正文。"
    full, (unit,) = parse(text)
    second = unit.sections[1]
    assert full[second.start : second.heading_end] == "二、下一步"


@pytest.fixture(scope="module")
def scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "tools" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _outline(units, full, source):
    def conv(secs, base):
        return [{"heading": s.heading, "start": s.start - base, "children": conv(s.children, base)} for s in secs]

    return [{"source": source, "county": u.place and u.place.county, "sections": conv(u.sections, u.start)} for u in units]


def test_outline_score_on_the_seeds_reaches_the_bar(scorer):
    import json

    gold = json.loads((SHARED / "corpus" / "seeds-gold.json").read_text(encoding="utf-8"))
    parsed = []
    for path in sorted((SHARED / "corpus" / "seeds").glob("*.txt")):
        full, units = parse(path.read_text(encoding="utf-8"), path.name)
        parsed += _outline(units, full, path.name)
    figures = scorer.score_outline(gold, {"units": parsed})
    assert figures["units"] == 1.0 and figures["counties"] == 1.0
    assert figures["headings"] >= 0.95 and figures["subsections"] >= 0.90


def test_adjacent_genre_reads_too():
    path = SHARED / "corpus" / "adjacent" / "hailaer-qu-gwr-2016.txt"
    _, (unit,) = parse(path.read_text(encoding="utf-8"), path.name)
    assert unit.place.county == "海拉尔区" and unit.year == 2016
    assert [s.heading[:2] for s in unit.sections] == ["一、", "二、", "三、"]
    assert len(unit.sections[2].children) == 8
