"""Heading rules, units and the outline score on the sample reports."""

from __future__ import annotations

import pytest

from reader.core.clean.pipeline import clean
from reader.core.structure.markers import cn_number, marker_of, run_in_of
from reader.core.structure.units import find_units
from tests import shared
from tests.shared import SHARED, needs_corpus


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
        ("壹、坚持党的领导", "cn", 1),
        ("（叁）加强代表工作", "paren_cn", 3),
        ("一、五年工作回顾", "cn", 1),
    ],
)
def test_markers(line, kind, number):
    assert marker_of(line)[:2] == (kind, number)


@pytest.mark.parametrize("line", ["1.5亿元投资", "2021年是开局之年", "一是加强学习", "一般来说", "一、二、三产业协调发展", "2023.3至6月"])
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
    return cleaned.text, find_units(cleaned.text, cleaned.hints, source, published=cleaned.published)


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
    return shared.scorer()


def _outline(units, full, source):
    def conv(secs, base):
        return [{"heading": s.heading, "start": s.start - base, "children": conv(s.children, base)} for s in secs]

    return [{"source": source, "county": u.place and u.place.county, "sections": conv(u.sections, u.start)} for u in units]


@needs_corpus
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


@needs_corpus
def test_adjacent_genre_reads_too():
    path = SHARED / "corpus" / "adjacent" / "hailaer-qu-gwr-2016.txt"
    _, (unit,) = parse(path.read_text(encoding="utf-8"), path.name)
    assert unit.place.county == "海拉尔区" and unit.year == 2016
    assert [s.heading[:2] for s in unit.sections] == ["一、", "二、", "三、"]
    assert len(unit.sections[2].children) == 8


@pytest.mark.parametrize(
    ("line", "kind", "number"),
    [("1)严格执行制度", "arabic_paren", 1), ("2）开展检查", "arabic_paren", 2), ("(二)依法监督", "paren_cn", 2)],
)
def test_half_width_markers(line, kind, number):
    assert marker_of(line)[:2] == (kind, number)


@pytest.mark.parametrize("line", ["1)5亿元", "12%)增长", "3）%"])
def test_half_paren_numbers_in_figures_are_not_markers(line):
    assert marker_of(line) is None or marker_of(line)[0] != "arabic_paren"


def _tree(text, source=None):
    full, units = parse(text, source)
    return units, [headings(u.sections) for u in units]


@pytest.mark.parametrize(
    ("part", "next_part"),
    [
        ("2023年主要工作", "今年的主要任务"),
        ("2024年的主要工作", "2025年工作安排"),
        ("2023年工作回顾", "2024年工作建议"),
        ("过去一年的主要工作", "今年的主要任务"),
        ("关于2020年的工作", "关于2021年的工作任务"),
        ("第一部分 2023年工作回顾", "第二部分 2024年工作安排"),
    ],
)
def test_part_headings_above_numbered_sections(part, next_part):
    text = (
        "某某县人大常委会工作报告\n各位代表：\n我受县人大常委会委托，向大会报告工作，请予审议。\n"
        f"{part}\n一年来，县人大常委会依法履职，各项工作取得新成效。\n一、坚持党的领导\n常委会坚持党的领导，全年报告十次。\n"
        f"二、依法履行监督职责\n常委会听取审议专项工作报告十二项。\n{next_part}\n一、加强政治建设\n正文内容在这里。\n"
    )
    (unit,), _ = _tree(text)
    tops = unit.sections
    assert tops[0].heading == part and tops[1].heading == next_part
    assert [c.heading for c in tops[0].children] == ["一、坚持党的领导", "二、依法履行监督职责"]
    assert [c.heading for c in tops[1].children] == ["一、加强政治建设"]


@pytest.mark.parametrize("line", ["2024年1月23日", "2024-01-23", "2023年12月，县人大常委会召开会议"])
def test_dates_are_not_headings(line):
    text = f"一、总体情况\n正文一段，写得足够长。\n{line}\n这一段比前面那一行长得多，是正文。\n二、下一步\n正文。"
    (unit,), _ = _tree(text)
    assert [s.heading for s in unit.sections] == ["一、总体情况", "二、下一步"]
    assert unit.sections[0].children == []


def test_dash_items_are_subsections_but_subtitles_and_attributions_are_not():
    text = (
        "某区政府工作报告\n——2016年2月19日在某区第十四届人民代表大会第五次会议上\n各位代表：\n"
        "一、五年工作回顾\n五年来，我们攻坚克难。\n——综合实力显著增强。五年来，地区生产总值年均增长8%。\n"
        "——产业结构不断优化。五年来，三次产业结构持续优化。\n（一）经济发展取得新成就\n面对压力，保持平稳增长。\n"
        "“人民代表大会制度是好制度。”\n——摘自讲话\n二、今年工作安排\n正文。"
    )
    (unit,), _ = _tree(text)
    first = unit.sections[0]
    assert [c.heading for c in first.children] == ["——综合实力显著增强", "——产业结构不断优化", "（一）经济发展取得新成就"]
    assert [s.heading for s in unit.sections] == ["一、五年工作回顾", "二、今年工作安排"]


def test_a_single_dash_line_of_its_own_is_a_heading():
    text = (
        "某县人民代表大会常务委员会工作报告\n各位代表：\n过去五年的工作回顾\n五年来，常委会依法履职，作出了积极贡献。\n"
        "——五年来，我们坚持党的全面领导，在把牢正确政治方向上坚定自觉\n把政治建设摆在首位，坚定不移坚持党的领导。\n"
    )
    (unit,), _ = _tree(text)
    assert [c.heading for c in unit.sections[0].children] == ["——五年来，我们坚持党的全面领导，在把牢正确政治方向上坚定自觉"]


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        (["首先，建强阵地。", "其次，完善机制。", "最后，提高质量。"], ["首先，建强阵地", "其次，完善机制", "最后，提高质量"]),
        (["一是加强学习。", "二是严格报告。", "三是服务大局。", "四是改进作风。", "最后，加强保障。"],
         ["一是加强学习", "二是严格报告", "三是服务大局", "四是改进作风", "最后，加强保障"]),
        (["最后，这一句不是列举。"], []),
    ],
)
def test_last_closes_a_run_in_sequence(items, expected):
    text = "一、代表工作\n常委会不断完善代表联系群众机制。\n" + "\n".join(items) + "\n二、自身建设\n正文。"
    (unit,), _ = _tree(text)
    assert [c.heading for c in unit.sections[0].children] == expected


def test_a_table_of_contents_gives_no_sections():
    text = (
        "某县人大常委会工作报告\n目  录\n一、过去一年工作回顾 …………… 1\n（一）坚持党的领导 …………… 1\n二、今年工作任务 ………… 5\n"
        "各位代表：\n一、过去一年工作回顾\n一年来成效明显。\n（一）坚持党的领导\n正文。\n二、今年工作任务\n正文。"
    )
    (unit,), _ = _tree(text)
    assert [s.heading for s in unit.sections] == ["一、过去一年工作回顾", "二、今年工作任务"]
    assert unit.title == "某县人大常委会工作报告"


@pytest.mark.parametrize(
    ("front_lines", "title", "author", "year"),
    [
        (["某某县人民代表大会常务委员会", "工作报告", "——2022年1月6日在某某县第十七届", "人民代表大会第一次会议上",
          "县人大常委会主任 占某某"], "某某县人民代表大会常务委员会工作报告", "占某某", 2022),
        (["——2018年2月27日在巴林左旗第十七届人民代表大会第二次会议上", "人大常委会主任 赵某某"], None, "赵某某", 2018),
        (["长 岭 县 人 大 常 委 会 工 作 报 告", "（2023年12月26日在长岭县第十八届人民代表大会第三次会议上）",
          "县人大常委会主任  孟 凡 东"], "长岭县人大常委会工作报告", "孟凡东", 2023),
        (["PDF «上一版 下一版»本期共8版(1-2-3-4-5-6-7-8)", "绛县人民代表大会常务委员会工作报告", "(摘 要)",
          "2019年3月2日在绛县第十六届人民代表大会第五次会议上)", "绛县人民代表大会常务委员会主任 孙 晓"],
         "绛县人民代表大会常务委员会工作报告", "孙晓", 2019),
        (["新华区人大常委会2023年工作综述", "刘某某"], "新华区人大常委会2023年工作综述", "刘某某", 2023),
        (["以“四个机关”建设为抓手 推动人大工作高质量发展", "文/楼某某"], "以“四个机关”建设为抓手推动人大工作高质量发展",
         "楼某某", None),
    ],
)
def test_front_matter_is_title_byline_and_subtitle_never_headings(front_lines, title, author, year):
    body = "各位代表：\n过去一年，常委会依法履职，各项工作取得新进展。\n一、坚持党的领导\n常委会坚持党的领导，全年报告十次。\n"
    (unit,), trees = _tree("\n".join(front_lines) + "\n" + body)
    assert (unit.title, unit.author) == (title, author)
    if year:
        assert unit.year == year
    assert trees[0] == [(1, "一、坚持党的领导")]


def test_a_title_that_names_itself_ends_before_the_first_bare_heading():
    text = (
        "【某网】亮点纷呈 成效显著:某县人大常委会五年工作回顾\n\n来源:张某、李某 发布日期:2022-01-06 浏览次数:\n\n"
        "围绕中心 服务大局 助推经济健康发展\n\n五年来，常委会以创新的监督方式，谱写了围绕中心、服务大局的新篇章。\n"
    )
    (unit,), trees = _tree(text)
    assert unit.title == "亮点纷呈成效显著：某县人大常委会五年工作回顾"
    assert trees[0] == [(1, "围绕中心服务大局助推经济健康发展")]


@pytest.mark.parametrize(
    "bylines",
    [
        ("■ 向阳区人大常委会党组书记、主任 王某某", "文/李某某\n（宁化县人大常委会）", "作者：陈某某（永定区人大常委会主任）"),
        ("□ 平遥县人大常委会主任 甲某", "□ 介休市人大常委会主任 乙某", "□ 灵石县人大常委会主任 丙某"),
    ],
)
def test_units_split_at_bylines_of_every_form(bylines):
    parts = []
    for k, b in enumerate(bylines):
        parts.append(f"### 第{k + 1}篇文章的标题在这里\n{b}\n一年来，常委会依法履职。\n#### 建强阵地，让代表履职有平台\n"
                     "全区建成代表联络站12个，实现街道全覆盖，年均接待群众1200余人次。\n")
    text = "编者按：本刊邀请部分县区人大常委会主任谈履职。\n" + "".join(parts)
    units, trees = _tree(text)
    assert len(units) == 3
    assert [u.title for u in units] == ["第1篇文章的标题在这里", "第2篇文章的标题在这里", "第3篇文章的标题在这里"]
    assert all(t == [(1, "建强阵地，让代表履职有平台")] for t in trees)
    assert all(u.author and u.author.endswith("某") for u in units)
    assert units[1].place.county in ("宁化县", "介休市")


def test_a_byline_without_a_place_does_not_open_a_unit():
    text = "一、总体情况\n正文。\n县人大常委会主任张某\n这一段正文比前面长得多，会被读作正文。\n二、下一步\n正文。"
    units, trees = _tree(text)
    assert len(units) == 1


def test_a_heading_broken_by_a_narrow_column_is_whole():
    text = (
        "某某市人大常委会工作报告\n一、坚持党的领导，确保正确政\n治方向\n常委会始终坚持党对人大工作的全\n面领导，严格执行重大事项请示报\n"
        "告制度，全年向市委请示报告重要\n事项十六项。\n二、依法履行职责，增强监督实\n效\n常委会全年听取审议专项工作报告\n"
        "十八项，开展执法检查四次。\n"
    )
    (unit,), _ = _tree(text)
    assert [s.heading for s in unit.sections] == ["一、坚持党的领导，确保正确政治方向", "二、依法履行职责，增强监督实效"]


@pytest.mark.parametrize(
    ("first", "is_heading"),
    [
        ("坚持政治领航，筑牢忠诚本色，党的全面领导不断加强", True),  # built like the headings after it
        ("谋创新之举建务实之言献有用之策", False),  # a title
        ("某县人大常委会2023年工作综述", False),  # names itself
    ],
)
def test_a_copy_that_lost_its_title_keeps_its_first_heading(first, is_heading):
    text = (
        f"{first}\n严格落实“第一议题”制度，年度组织学习15次，修改完善制度20余项。\n"
        "坚持精准监督，淬炼担当底色，服务发展大局有力有为\n围绕全县中心工作，听取审议专项工作报告16项，开展执法检查4次。\n"
        "坚持导向为魂，提升为民成色，基层民主实践有序有效\n深化代表联络站建设，组织代表进站接待群众，收集意见建议。\n"
    )
    (unit,), _ = _tree(text)
    assert (unit.sections[0].heading == first) is is_heading
    assert (unit.title is None) is is_heading


@pytest.mark.parametrize(
    ("line", "kept"),
    [("不忘初心牢记使命奋力前行", False), ("过去一年的主要工作", True), ("关于2020年的工作", True), ("2023年工作回顾", True)],
)
def test_a_lone_bare_line_above_a_numbered_list_must_name_a_part(line, kept):
    text = (
        "某县人大常委会工作报告\n各位代表：\n我受县人大常委会委托，向大会报告工作。\n"
        f"{line}\n一年来，常委会依法履职，各项工作取得新成效，得到了各方面肯定。\n一、坚持党的领导\n正文。\n二、依法监督\n正文。\n"
    )
    (unit,), _ = _tree(text)
    tops = [s.heading for s in unit.sections]
    assert tops == ([line] if kept else ["一、坚持党的领导", "二、依法监督"])


@pytest.mark.parametrize(
    "signature", ["作者：陈某某（临泉县人大常委会主任）", "临泉县人大常委会党组书记、主任 陈某某", "文/陈某某\n（临泉县人大常委会）"]
)
def test_an_author_signing_at_the_end_opens_no_unit(signature):
    text = (
        "发挥人大职能作用 助力乡村全面振兴\n近年来，县人大常委会坚持把助力乡村振兴作为重要着力点，依法履职。\n"
        "一、聚焦重点抓监督\n常委会连续三年听取审议县政府关于乡村振兴工作情况的报告。\n二、围绕民生办实事\n"
        f"常委会推行民生实事项目人大代表票决制。\n{signature}\n"
    )
    (unit,), trees = _tree(text)
    assert trees[0] == [(1, "一、聚焦重点抓监督"), (1, "二、围绕民生办实事")]
    assert (unit.author, unit.place.county, unit.place_method) == ("陈某某", "临泉县", "byline")


def test_the_same_author_twice_is_one_unit():
    text = (
        "某某工作报告\n临泉县人大常委会主任 陈某某\n各位代表：\n一、坚持党的领导\n常委会坚持党的领导，全年报告十次，成效明显。\n"
        "二、依法监督\n常委会听取审议专项工作报告十二项，开展执法检查四次。\n临泉县人大常委会党组书记、主任 陈某某\n"
        "三、代表工作\n常委会组织代表开展视察调研活动九次，督办代表建议一百零八件。\n"
    )
    units, trees = _tree(text)
    assert len(units) == 1
    assert [s.heading for s in units[0].sections] == ["一、坚持党的领导", "二、依法监督", "三、代表工作"]


@pytest.mark.parametrize("subtitle_lines", [1, 2])
def test_a_compilation_of_reports_keeps_each_title_with_its_unit(subtitle_lines):
    def report(county, name):
        sub = (f"——2024年1月10日在{county}第十八届人民代表大会第四次会议上" if subtitle_lines == 1
               else f"——2024年1月10日在{county}第十八届\n人民代表大会第四次会议上")
        return (f"{county}人民代表大会常务委员会\n工作报告\n{sub}\n{county}人大常委会主任 {name}\n各位代表：\n"
                "我受常委会委托，向大会报告工作，请予审议。\n一、坚持党的领导，把牢正确政治方向\n常委会坚持党的领导。\n"
                "二、依法履行职责，服务发展大局\n常委会听取审议专项工作报告。\n")
    text = "各县区人大常委会工作报告汇编（节选）\n" + report("宁乡市", "周某某") + report("浏阳市", "刘某某")
    units, trees = _tree(text)
    assert [u.title for u in units] == ["宁乡市人民代表大会常务委员会工作报告", "浏阳市人民代表大会常务委员会工作报告"]
    assert [u.place.county for u in units] == ["宁乡市", "浏阳市"] and [u.year for u in units] == [2024, 2024]
    assert trees[0] == trees[1] == [(1, "一、坚持党的领导，把牢正确政治方向"), (1, "二、依法履行职责，服务发展大局")]


def _article(title, byline, county, above=True):
    head = f"{title}\n{byline}\n" if above else f"{byline}\n{title}\n"
    return (head + f"{county}人大常委会坚持依法履职，推动各项工作取得新成效，得到了各方面的肯定。\n"
            "坚持围绕中心，确保监督方向不偏\n每年年初，常委会紧扣中心工作确定监督议题二十项左右。\n")


@pytest.mark.parametrize(
    "byline",
    ["作者：宿迁市宿豫区人大常委会主任　陈某某", "文｜宿豫区人大常委会党组书记、主任 陈某某", "文/宿豫区人大常委会主任陈某某"],
)
def test_a_byline_above_its_title_opens_a_unit_with_that_title(byline):
    text = "基层人大\n" + _article("聚焦四个机关建设推动人大工作", "□ 沭阳县人大常委会主任 张某某", "沭阳县") + _article(
        "以高质量监督助推高质量发展", byline, "宿豫区", above=False)
    units, trees = _tree(text)
    assert [u.place.county for u in units] == ["沭阳县", "宿豫区"]
    assert units[1].title == "以高质量监督助推高质量发展" and units[1].author == "陈某某"
    assert trees[1] == [(1, "坚持围绕中心，确保监督方向不偏")]


@pytest.mark.parametrize(("line", "opens"), [("□ 王晓东", True), ("■ 成效", False)])
def test_a_marked_name_opens_a_unit_only_under_a_title(line, opens):
    text = _article("聚焦四个机关建设推动人大工作", "□ 沭阳县人大常委会主任 张某某", "沭阳县")
    if opens:
        text += ("让代表之家成为民意直通车\n" + line + "\n泗阳县人大常委会把代表之家建设作为发挥代表作用的重要抓手，"
                 "推动代表工作从有形覆盖向有效覆盖转变。\n（一）规范阵地建设\n全县建成代表之家十六个。\n")
    else:
        text += "常委会坚持问题导向，综合运用执法检查、专题询问等方式增强监督刚性。\n" + line + "\n全县建成代表之家十六个。\n"
    units, _ = _tree(text)
    assert [u.place.county for u in units] == (["沭阳县", "泗阳县"] if opens else ["沭阳县"])


@pytest.mark.parametrize(
    ("repeat", "entries"),
    [("寿光市人民代表大会常务委员会工作报告", 2), ("寿光市人民代表大会常务委员会\n工作报告", 2),
     ("寿光市人民代表大会常务委员会工作报告", 16)],
)
def test_the_title_again_below_a_table_of_contents_is_front_matter(repeat, entries):
    toc = "".join(f"（{n}）第{n}项工作………………{n}\n" for n in range(1, entries + 1))
    text = (
        f"寿光市人民代表大会常务委员会\n工作报告\n目　录\n一、2022年工作回顾……………1\n{toc}二、2023年工作安排…………6\n{repeat}\n"
        "——2023年1月10日在寿光市第十九届人民代表大会第三次会议上\n市人大常委会主任　郭某某\n各位代表：\n"
        "一、2022年工作回顾\n一年来成效明显。\n（一）坚持党的领导\n正文。\n二、2023年工作安排\n正文。\n"
    )
    (unit,), trees = _tree(text)
    assert [s.heading for s in unit.sections] == ["一、2022年工作回顾", "二、2023年工作安排"]
    assert (unit.author, unit.year) == ("郭某某", 2023)


@pytest.mark.parametrize(("part", "beside"), [("2024年主要任务", True), ("今年工作安排", True), ("下一步工作打算", True),
                                             ("建强阵地，让代表履职有平台", False)])
def test_a_closing_part_named_by_its_period_stands_beside_the_numbered_sections(part, beside):
    text = (
        "某县人大常委会工作报告\n各位代表：\n一、坚持党的领导\n常委会坚持党的领导，全年请示报告十次。\n"
        "二、坚持服务代表，发挥代表作用\n全县建成代表联络站二十个，代表进站接待群众一千余人次。\n"
        f"{part}\n常委会将重点做好以下工作，确保各项任务落到实处：\n一是坚持党的领导。把党的领导贯穿始终。\n二是坚持依法监督。增强监督实效。\n"
    )
    (unit,), trees = _tree(text)
    tops = [h for lvl, h in trees[0] if lvl == 1]
    assert (part in tops) is beside
    assert (2 if beside else 3, "一是坚持党的领导") in trees[0]


@pytest.mark.parametrize(
    ("lead", "items", "announced"),
    [
        ("2023年，常委会将坚持以习近平新时代中国特色社会主义思想为指导，重点做好以下工作：", "一是坚持党的领导。\n二是坚持依法监督。", True),
        ("今后，我们将重点做好以下工作：", "1.坚持党的领导；\n2.聚焦改革发展；", True),
        ("常委会将重点做好以下工作：", "一是坚持党的领导。\n二是坚持依法监督。", False),  # no time ahead named
        ("2023年，常委会将重点做好以下工作。", "一是坚持党的领导。\n二是坚持依法监督。", False),  # opens no list
    ],
)
def test_the_work_ahead_announced_after_the_last_section_is_a_part_of_its_own(lead, items, announced):
    text = (
        "某县人大常委会工作报告\n各位代表：\n一、坚持党的领导\n常委会坚持党的领导，全年请示报告十次。\n"
        "二、加强自身建设，履职能力不断提升\n扎实推进四个机关建设，修订完善议事规则等制度十项。\n"
        f"{lead}\n{items}\n各位代表，让我们团结奋斗，作出新的更大贡献！\n"
    )
    (unit,), trees = _tree(text)
    tops = [h for lvl, h in trees[0] if lvl == 1]
    assert (len(tops) == 3) is announced
    assert (unit.sections[1].children == []) is announced


def test_a_tasks_heading_keeps_the_list_its_first_paragraph_announces():
    text = (
        "某县人大常委会工作报告\n一、坚持党的领导\n常委会坚持党的领导，全年请示报告十次。\n二、2024年工作安排\n"
        "2024年，县人大常委会将重点做好以下工作：\n（一）坚持党的全面领导。\n（二）强化监督职能。\n"
    )
    (unit,), trees = _tree(text)
    assert trees[0] == [(1, "一、坚持党的领导"), (1, "二、2024年工作安排"), (2, "（一）坚持党的全面领导"), (2, "（二）强化监督职能")]


LEADS_BODY = (
    "某县人大常委会：“四个坚持”推动人大工作\n□某县人大常委会主任 张某\n"
    "坚持党的领导。严格落实请示报告制度，确保人大工作始终在县委领导下开展。\n"
    "坚持依法监督。围绕县域经济发展、生态环境保护开展监督，推动水质持续改善。\n"
    "坚持代表主体地位。健全常委会组成人员联系代表制度，代表建议全部办结。\n"
    "坚持自身建设。深化“四个机关”建设，提升常委会履职能力和水平。\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (LEADS_BODY, ["坚持党的领导", "坚持依法监督", "坚持代表主体地位", "坚持自身建设"]),
        # two alike are not a structure
        ("某县人大常委会工作总结\n坚持党的领导。严格落实请示报告制度，确保工作在县委领导下开展。\n"
         "坚持依法监督。围绕县域经济发展开展监督，推动水质持续改善和环境治理。\n"
         "常委会还做了大量其他工作，取得了较好成效，得到了各方面的肯定和好评。\n", []),
        # leads that share no opening are ordinary sentences
        ("某县人大常委会工作总结\n加强学习。组织常委会组成人员集中学习十二次，提升履职能力。\n"
         "依法监督。围绕县域经济发展开展监督，推动水质持续改善和环境治理。\n"
         "服务代表。健全联系代表制度，代表建议全部办结，群众满意度提升。\n", []),
        # a body with numbered headings keeps them: parallel leads inside are body text
        ("某县人大常委会工作报告\n一、监督工作\n坚持问题导向。听取专项工作报告八项，跟踪督办整改落实。\n"
         "坚持依法监督。开展执法检查三次，推动法律法规有效实施。\n坚持正确监督。开展专题询问一次，推动问题解决。\n"
         "二、代表工作\n健全代表联络站。\n", ["一、监督工作", "二、代表工作"]),
    ],
)
def test_parallel_lead_sentences_are_headings_only_where_nothing_else_structures_the_body(text, expected):
    _, units = parse(text)
    assert [s.heading for s in units[0].sections] == expected


def test_short_parallel_sentence_lines_are_a_parts_subsections():
    """Bold headings printed as short sentences of their own ("旗帜鲜明讲政治。"), each above its paragraph."""
    par = "坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，统筹发展和安全，推动经济实现质的有效提升和量的合理增长。\n"
    text = (
        "一、主要目标\n实现目标，必须做到：\n"
        f"聚焦对外开放，建设自由贸易港。\n{par}聚焦高质量发展，打造现代化产业体系。\n{par}"
        f"聚焦生态文明，厚植绿色发展底色。\n{par}"
        "二、加强政府自身建设\n新形势对政府治理能力提出了更高要求。\n"
        f"旗帜鲜明讲政治。\n{par}依法行政强法治。\n{par}履职尽责抓落实。\n{par}"
    )
    _units, (tree,) = _tree(text)
    assert tree == [  # the top level, then each part's children
        (1, "一、主要目标"), (1, "二、加强政府自身建设"),
        (2, "聚焦对外开放，建设自由贸易港"), (2, "聚焦高质量发展，打造现代化产业体系"), (2, "聚焦生态文明，厚植绿色发展底色"),
        (2, "旗帜鲜明讲政治"), (2, "依法行政强法治"), (2, "履职尽责抓落实"),
    ]
