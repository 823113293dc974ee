"""Alignment rules for reports unlike the samples: headings that name only a period, topics beyond the
five usual ones (决定任免, 立法, 乡镇街道人大), topics split over several sections, topic words inside
general words, and the closing salutation. Each test builds small reports in the typical shapes; no
text of any sample is used."""

from __future__ import annotations

import json

from reader.core.align import OTHER_KEY, AlignSection, AlignTheme, AlignUnit, align
from reader.core.align.anchors import anchors_for
from reader.core.align.nodes import is_generic
from reader.core.align.terms import bag, word_parts
from reader.resources import resource_path

POLITICS = ("坚持党的领导，把牢政治方向", "常委会党组严格执行重大事项请示报告制度，落实第一议题制度，加强理论学习。")
SUPERVISION = ("依法履行监督职责，增强监督实效", "听取审议专项工作报告，开展执法检查和专题询问，审查批准决算，推进预算联网监督。")
DEPUTIES = ("发挥代表作用，支持代表履职", "建好代表联络站，督办代表建议，组织代表培训，代表履职更加活跃。")
SELF = ("加强自身建设，提升履职能力", "加强机关作风建设和制度建设，修订议事规则，加强人大宣传工作。")
DECISIONS = ("依法行使决定权任免权", "依法作出关于加强生态环境保护的决议等决议决定{n}项，任免国家机关工作人员{n}人次，组织宪法宣誓。")
LEGISLATION = ("积极参与地方立法", "组织代表和群众对地方性法规草案提出修改意见{n}条，开展立法调研，配合做好立法后评估。")
GRASSROOTS = ("加强乡镇人大工作", "指导乡镇人大开好人代会，规范乡镇人大主席团运作，推进乡镇人大规范化建设，召开乡镇人大工作交流会。")
NUMERALS = "一二三四五六七八九十"


def default_themes() -> list[AlignTheme]:
    """The default codebook, as the project hands it to the engine."""
    data = json.loads(resource_path("codebook", "default.json").read_text(encoding="utf-8"))
    out: list[AlignTheme] = []

    def walk(items, parent):
        for t in items:
            out.append(AlignTheme(len(out) + 1, t["name"], list(t.get("keywords", [])), parent))
            walk(t.get("children", []), out[-1].id)

    walk(data["themes"], None)
    return out


class Ids:
    def __init__(self) -> None:
        self.n = 0

    def section(self, unit: int, heading: str, body: str, children=(), level: int = 1) -> AlignSection:
        self.n += 1
        kids = list(children)
        text = heading + "\n" + body + "".join("\n" + c.text for c in kids)
        return AlignSection(self.n, unit, heading, text, level, kids)


def report(ids: Ids, unit: int, parts, closing: str = "") -> AlignUnit:
    """A report with one numbered top section per (heading, body); `closing` goes after the last body."""
    secs = []
    for k, (head, body) in enumerate(parts):
        body = body.format(n=10 + unit) + (closing if k == len(parts) - 1 else "")
        secs.append(ids.section(unit, f"{NUMERALS[k]}、{head}", body))
    return AlignUnit(unit, f"县{unit}", 2023, f"r{unit}.txt", secs)


def row_key(result, unit: int, heading_part: str) -> str:
    for r in result.rows:
        for m in r.members:
            if m.unit_id == unit and heading_part in m.heading:
                return r.key
    raise AssertionError(f"{heading_part} of unit {unit} is in no row")


def test_a_heading_that_names_only_a_period_is_generic():
    for heading in ("二、2020年工作任务", "二、今年工作建议", "过去一年的工作", "一、一年来的主要工作",
                    "过去五年的工作回顾", "第二部分 2024年工作安排", "今年的主要任务"):
        assert is_generic(heading), heading
    for heading in ("三、加强自身建设", "四、加强预算审查监督", "（三）做好代表工作", "三、结束语", "一、坚持党的领导"):
        assert not is_generic(heading), heading


def test_the_tasks_of_the_year_are_read_through_their_parts():
    ids = Ids()
    units = []
    for u in (1, 2, 3):
        review = [ids.section(u, f"（{NUMERALS[k]}）{h}", b, level=2) for k, (h, b) in
                  enumerate((POLITICS, SUPERVISION, DEPUTIES, SELF))]
        tasks = [ids.section(u, f"（{NUMERALS[k]}）{h}。", "", level=2) for k, (h, _b) in
                 enumerate((POLITICS, SUPERVISION, DEPUTIES, SELF))]
        units.append(AlignUnit(u, f"县{u}", 2023, f"r{u}.txt", [
            ids.section(u, "一、2022年工作回顾", "一年来，常委会依法履职。", review),
            ids.section(u, f"二、{2023}年工作任务", "县人大常委会将重点做好以下工作：", tasks),
        ]))
    result = align(units)
    assert not any("工作任务" in m.heading or "工作回顾" in m.heading for r in result.rows if not r.frame for m in r.members)
    reviews, tasks = (r for r in result.rows if r.frame)  # each part has a row of its own, the review first
    assert {m.heading for m in reviews.members} == {"一、2022年工作回顾"}
    assert {m.heading for m in tasks.members} == {"二、2023年工作任务"}
    for u in (1, 2, 3):
        assert row_key(result, u, "（二）依法履行监督职责，增强监督实效。") == "topic:supervision"
        assert row_key(result, u, "（四）加强自身建设，提升履职能力。") == "topic:self"


def test_decisions_and_appointments_have_a_row_apart_from_supervision():
    ids = Ids()
    units = [report(ids, u, (POLITICS, SUPERVISION, DECISIONS, DEPUTIES, SELF)) for u in (1, 2, 3)]
    for themes in ((), default_themes()):
        result = align(units, themes=list(themes))
        decided = {row_key(result, u, "决定权任免权") for u in (1, 2, 3)}
        supervised = {row_key(result, u, "依法履行监督") for u in (1, 2, 3)}
        assert len(decided) == 1 and len(supervised) == 1 and decided != supervised, themes
        assert OTHER_KEY not in decided


def test_legislation_is_a_row_of_its_own_when_the_codebook_has_none():
    ids = Ids()
    units = [report(ids, u, (POLITICS, LEGISLATION, SUPERVISION, DEPUTIES, SELF)) for u in (1, 2, 3)]
    themes = default_themes()
    assert not any("立法" in t.name for t in themes)
    result = align(units, themes=themes)
    legislated = {row_key(result, u, "地方立法") for u in (1, 2, 3)}
    assert legislated == {"topic:legislation"}
    assert result.row("topic:legislation").label == "立法"
    assert row_key(result, 1, "依法履行监督") != "topic:legislation"
    # a codebook with a theme for it: that theme's row, and no built-in row beside it
    with_theme = themes + [AlignTheme(100, "立法工作", ["立法", "地方性法规", "法规草案"])]
    result = align(units, themes=with_theme)
    assert {row_key(result, u, "地方立法") for u in (1, 2, 3)} == {"theme:100"}
    assert result.row("topic:legislation") is None
    assert "topic:legislation" not in {a.key for a in anchors_for(with_theme)}


def test_township_congress_work_is_not_folded_into_self_building():
    ids = Ids()
    units = [report(ids, u, (POLITICS, SUPERVISION, DEPUTIES, GRASSROOTS, SELF)) for u in (1, 2, 3)]
    result = align(units, themes=default_themes())
    township = {row_key(result, u, "乡镇人大工作") for u in (1, 2, 3)}
    own = {row_key(result, u, "加强自身建设") for u in (1, 2, 3)}
    assert township == {"topic:grassroots"} and len(own) == 1 and own != township


def test_a_topic_split_over_four_sections_stays_in_one_row():
    """Most reports give supervision four sections (by method), one report a single one: the codebook's
    supervision theme is not 'too broad' for that, so no report's supervision leaves its row."""
    ids = Ids()
    methods = [
        ("听取审议专项工作报告", "听取审议县政府关于{n}项重点工作情况的报告，提出审议意见，开展跟踪监督和满意度测评。"),
        ("开展执法检查", "对法律法规贯彻实施情况开展执法检查，检查组深入{n}个乡镇，发现问题，督促整改。"),
        ("开展专题询问", "围绕群众关切开展专题询问，常委会组成人员提出询问问题{n}个，政府部门负责人现场应询。"),
        ("加强预算审查监督", "审查批准县级决算，听取审议预算执行和审计工作报告，推进预算联网监督。"),
    ]
    units = [report(ids, u, [POLITICS, *methods, DEPUTIES, SELF]) for u in (1, 2, 3, 4, 5)]
    units.append(report(ids, 6, (POLITICS, SUPERVISION, DEPUTIES, SELF)))
    result = align(units, themes=default_themes())
    supervision_row = next(r.key for r in result.rows if r.label == "依法监督")
    for u in (1, 2, 3, 4, 5):
        for head, _body in methods:
            assert row_key(result, u, head) == supervision_row, (u, head)
    assert row_key(result, 6, "依法履行监督") == supervision_row


def test_a_catch_all_theme_is_still_regrouped_when_too_broad():
    """The too-broad rule still applies to a theme no built-in topic resembles."""
    ids = Ids()
    economy = [("经济运行稳中有进", "地区生产总值增长，工业增加值、固定资产投资、社会消费品零售总额稳步增长。"),
               ("城市建设加快推进", "完成老旧小区改造，新建城市道路和污水管网，城市绿化和市容市貌明显改善。"),
               ("民生保障持续加强", "城镇新增就业，义务教育、医疗卫生、养老服务和社会保障水平不断提高。"),
               ("生态环境持续改善", "打好污染防治攻坚战，空气质量优良天数增加，河湖治理和造林绿化成效明显。")]
    units = [report(ids, u, economy) for u in (1, 2, 3)]
    theme = [AlignTheme(1, "发展成就", ["经济", "城市", "民生", "生态环境", "就业", "教育", "污染防治", "增长"])]
    result = align(units, themes=theme)
    rows = {row_key(result, u, head[:4]) for u in (1, 2, 3) for head, _ in economy}
    assert "theme:1" not in rows and len(rows) >= 3


def test_topic_words_inside_general_words_count():
    assert "监督" in word_parts("加强监督") and "代表" in word_parts("代表团")
    assert word_parts("监督") == ()
    assert bag("聚焦决胜全面小康，依法加强监督").get("监督") == 0.5


def test_a_heading_only_task_with_the_closing_words_is_not_deputies_work():
    """The last item of a task list carries the closing salutation (各位代表，让我们…) as its text."""
    ids = Ids()
    closing = "各位代表，让我们在县委的坚强领导下，担当作为，为建设现代化新县城作出新的更大贡献！"
    units = [report(ids, u, (POLITICS, SUPERVISION, DEPUTIES, ("加强自身建设，提高履职能力", "")), closing=closing)
             for u in (1, 2, 3)]
    result = align(units, themes=default_themes())
    own = {row_key(result, u, "提高履职能力") for u in (1, 2, 3)}
    deputies = {row_key(result, u, "发挥代表作用") for u in (1, 2, 3)}
    assert len(own) == 1 and own != deputies and OTHER_KEY not in own


ETHNIC = [
    ("铸牢中华民族共同体意识，民族团结进步事业持续巩固",
     "听取审议政府关于民族团结进步创建工作情况的报告，对民族团结进步条例贯彻实施情况开展执法检查，推动石榴籽家园建设。"),
    ("促进民族团结进步，铸牢中华民族共同体意识",
     "开展少数民族传统文化保护传承专题调研，组织代表宣讲民族政策，促进各民族交往交流交融。"),
    ("巩固民族团结", "推广国家通用语言文字，深化民族团结进步示范创建，各民族共同团结奋斗、共同繁荣发展。"),
]


def test_ethnic_unity_is_a_row_of_its_own_not_supervision():
    """Reports of autonomous counties and banners give 民族团结 a section; with a hearing and an
    inspection in it, it must not be read as supervision."""
    ids = Ids()
    units = [report(ids, u, (POLITICS, ETHNIC[u - 1], SUPERVISION, DEPUTIES, SELF)) for u in (1, 2, 3)]
    for themes in ((), default_themes()):
        result = align(units, themes=list(themes))
        ethnic = {row_key(result, u, ETHNIC[u - 1][0][:6]) for u in (1, 2, 3)}
        supervised = {row_key(result, u, "依法履行监督") for u in (1, 2, 3)}
        assert ethnic == {"topic:ethnic"} and len(supervised) == 1 and supervised != ethnic, themes
        assert result.row("topic:ethnic").label == "民族团结"
    # a report without such a section gets no such row
    plain = [report(ids, u, (POLITICS, SUPERVISION, DEPUTIES, SELF)) for u in (4, 5)]
    assert align(plain, themes=default_themes()).row("topic:ethnic") is None


def test_autonomous_legislation_stays_legislation_beside_ethnic_unity():
    ids = Ids()
    law = ("推进民族立法，自治法规体系不断完善", "修订民族自治县自治条例，制定单行条例，报请省人大常委会批准后施行，开展立法后评估。")
    units = [report(ids, u, (POLITICS, law, ETHNIC[u - 1], SUPERVISION, DEPUTIES)) for u in (1, 2, 3)]
    result = align(units, themes=default_themes())
    assert {row_key(result, u, "推进民族立法") for u in (1, 2, 3)} == {"topic:legislation"}
    assert {row_key(result, u, ETHNIC[u - 1][0][:6]) for u in (1, 2, 3)} == {"topic:ethnic"}
