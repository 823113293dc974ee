"""Front matter: subtitles, notes, bylines, titles, the meeting's year."""

from __future__ import annotations

import pytest

from reader.core.structure import front


@pytest.mark.parametrize(
    "line",
    [
        "——2016年2月19日在某区第十四届人民代表大会第五次会议上",
        "—2017年2月11日在某区第十四届人民代表大会第六次会议上",
        "----2012年2月29日在某区第十三届人民代表大会第六次会议上",
        "（2023年12月26日在某县第十八届人民代表大会第三次会议上）",
        "2019年3月2日在某县第十六届人民代表大会第五次会议上)",
        "——在×××县第十七届人民代表大会第三次会议上",
        "第二次会议上",
        "人民代表大会第一次会议上",
        "——县人大主任经验交流汇报",
    ],
)
def test_subtitles(line):
    assert front.is_subtitle(line)
    assert front.is_front_note(line)


@pytest.mark.parametrize("line", ["（摘 要）", "(书面)", "（征求意见稿）", "2024-01-23", "目  录", "一、过去一年工作回顾 ……………… 1"])
def test_other_front_notes(line):
    assert front.is_front_note(line)


@pytest.mark.parametrize(
    "line",
    ["2023年主要工作", "坚持党的领导，政治站位不断提升", "过去一年的主要工作", "一、坚持党的领导", "——综合实力显著增强。五年来"],
)
def test_headings_are_not_front_notes(line):
    assert not front.is_front_note(line)


@pytest.mark.parametrize(
    ("lines", "org", "name", "placed", "n"),
    [
        (["□ 某某区人大常委会主任 张三"], "某某区人大常委会主任", "张三", True, 1),
        (["长阳土家族自治县人大常委会党组书记、主任覃明华"], "长阳土家族自治县人大常委会党组书记、主任", "覃明华", True, 1),
        (["鄂温克族自治旗人大常委会主任乌云其其格"], "鄂温克族自治旗人大常委会主任", "乌云其其格", True, 1),
        (["县人大常委会主任孟凡东"], "县人大常委会主任", "孟凡东", False, 1),
        (["人大常委会主任赵国新"], "人大常委会主任", "赵国新", False, 1),
        (["×××县人大常委会主任×××"], "×××县人大常委会主任", None, False, 1),
        (["文/李红梅", "（宁化县人大常委会）"], "宁化县人大常委会", "李红梅", True, 2),
        (["作者：陈立新（永定区人大常委会主任）"], "永定区人大常委会主任", "陈立新", True, 1),
        (["文｜王五"], None, "王五", False, 1),
    ],
)
def test_bylines(lines, org, name, placed, n):
    b = front.byline_at(lines, 0)
    assert (b.org, b.name, b.placed, b.lines) == (org, name, placed, n)


@pytest.mark.parametrize(
    "line", ["坚持党的领导政治站位不断提升", "县区人大主任谈履职报告会在县人大常委会召开", "各位代表：", "一、坚持党的领导"]
)
def test_not_bylines(line):
    assert front.byline_at([line], 0) is None


@pytest.mark.parametrize(
    ("line", "closes"),
    [
        ("某某县人民代表大会常务委员会工作报告", True),
        ("亮点纷呈成效显著：某区人大常委会五年工作回顾", True),
        ("某县人大常委会工作情况报告（书面）", True),
        ("依法履职尽责注重工作质效以新担当新作为", False),
        ("某某县人民代表大会常务委员会", False),
    ],
)
def test_titles_close_on_what_they_name(line, closes):
    assert front.closes_title(line) is closes


@pytest.mark.parametrize(
    ("lines", "year"),
    [
        (["——2021年1月14日在某县", "第十五届人民代表大会第七次会议上"], 2021),
        (["（2023年12月26日在某县第十八届人民代表大会第三次会议上）"], 2023),
        (["（摘要）"], None),
    ],
)
def test_session_year_comes_from_the_subtitle(lines, year):
    assert front.session_year(lines) == year


@pytest.mark.parametrize(
    ("line", "is_name"),
    [("刘建国", True), ("欧阳明", True), ("王五", True), ("工作报告", False), ("谋创新之举", False), ("前言", False),
     ("发展大局", False)],
)
def test_a_name_only_line(line, is_name):
    assert front.person_line(line) is is_name


@pytest.mark.parametrize(
    ("line", "org", "name"),
    [
        ("作者：宿迁市宿豫区人大常委会主任　陈某某", "宿迁市宿豫区人大常委会主任", "陈某某"),
        ("文｜浏阳市人大常委会党组书记、主任 胡某某", "浏阳市人大常委会党组书记、主任", "胡某某"),
        ("文/泗洪县人大常委会党组书记、主任刘某某", "泗洪县人大常委会党组书记、主任", "刘某某"),
        ("作者　保康县人大常委会党组书记、主任　邓某某", "保康县人大常委会党组书记、主任", "邓某某"),
    ],
)
def test_an_author_mark_may_lead_a_byline_naming_the_office(line, org, name):
    b = front.byline_at([line], 0)
    assert (b.org, b.name, b.placed) == (org, name, True)


@pytest.mark.parametrize(("line", "name"), [("□ 王晓东", "王晓东"), ("■欧阳明华", "欧阳明华"), ("■ 民意直通车", None), ("■ 监督要长牙齿", None)])
def test_a_marked_name_alone_is_a_byline_without_an_office(line, name):
    b = front.byline_at([line], 0)
    assert (b.name if b else None) == name
    if b:
        assert b.org is None and b.placed


@pytest.mark.parametrize("line", ["2023年第6期（总第389期）", "人民之声 2022年第11期", "2021年第3期"])
def test_a_magazine_issue_line_is_front_matter(line):
    assert front.is_front_note(line)


@pytest.mark.parametrize(
    ("line", "note"),
    [("本刊记者　孙晓梅", True), ("记者 张三 通讯员 李四", True), ("本报记者 王五、赵六", True), ("记者：新时代人大工作要把握什么？", False),
     ("记者调查发现", False)],
)
def test_a_reporter_line_is_front_matter(line, note):
    assert front.is_front_note(line) is note
