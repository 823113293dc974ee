"""A report given as a speech, as newspapers and web sites print it: the salutation ends the front
matter (page title, source and date lines, subtitle, byline, photo caption, breadcrumbs), the closing
appeal ends the body (attachments, glossaries and related links after it are no sections)."""

from __future__ import annotations

from reader.core.clean.pipeline import clean
from reader.core.structure import speech
from reader.core.structure.units import find_units

BODY = (
    "各位代表：\n"
    "现在，我代表省人民政府，向大会报告工作，请予审议。\n"
    "一、2025年工作回顾\n"
    "过去一年，全省经济运行稳中有进，主要目标任务较好完成，发展质量稳步提升。\n"
    "二、2026年工作安排\n"
    "（一）着力扩大内需\n"
    "深入实施提振消费专项行动，扩大有效投资，办好民生实事。\n"
    "（二）加快建设现代化产业体系\n"
    "推动传统产业改造升级，培育壮大新兴产业和未来产业，持续优化营商环境。\n"
    "各位代表！蓝图已经绘就，让我们团结一心、开拓进取，为谱写现代化建设新篇章而努力奋斗！\n"
)

NEWSPAPER_FRONT = [
    "下载", "打印", "全屏", "收藏", "【字号：", "加大", "还原", "减小", "】",
    "2026年湖北省政府工作报告",
    "——2026年1月27日在湖北省第十四届人民代表大会第四次会议上",
    "来源：湖北日报", "时间：2026-02-05",
    "湖北省省长 张某某",
    "省长张某某作政府工作报告。本报记者 李某 摄",
]
BACK = ["附件", "2026年省十件民生实事", "一、提高城乡低保标准。", "名词解释", "1.“两新”：指大规模设备更新。", "相关报道："]


def _units(text: str, source: str = "report.txt"):
    cleaned = clean(text)
    return cleaned, find_units(cleaned.text, cleaned.hints, source, published=cleaned.published)


def _tops(cleaned, unit) -> list[str]:
    return [s.heading for s in unit.sections]


def test_front_lines_of_a_newspaper_copy_are_never_headings():
    cleaned, (unit,) = _units("\n".join(NEWSPAPER_FRONT) + "\n" + BODY)
    assert _tops(cleaned, unit) == ["一、2025年工作回顾", "二、2026年工作安排"]
    assert unit.title == "2026年湖北省政府工作报告"
    assert (unit.author, unit.office) == ("张某某", "湖北省省长")
    assert "打印" not in cleaned.text and "字号" not in cleaned.text  # page widgets are furniture


def test_back_matter_after_the_closing_appeal_belongs_to_no_section():
    cleaned, (unit,) = _units("\n".join(NEWSPAPER_FRONT) + "\n" + BODY + "\n".join(BACK) + "\n")
    assert _tops(cleaned, unit) == ["一、2025年工作回顾", "二、2026年工作安排"]
    last = unit.sections[-1]
    assert cleaned.text[last.start : last.end].rstrip().endswith("而努力奋斗！")  # the appeal closes the body
    assert last.end < unit.end and "名词解释" in cleaned.text[last.end : unit.end]  # kept in the unit's text
    assert [c.heading for c in last.children] == ["（一）着力扩大内需", "（二）加快建设现代化产业体系"]


def test_an_appeal_inside_the_report_does_not_end_it():
    """'各位代表！…！' said at the end of the review, with the numbering going on after it."""
    text = BODY.replace("二、2026年工作安排", "各位代表！成绩来之不易！\n二、2026年工作安排")
    cleaned, (unit,) = _units(text)
    assert _tops(cleaned, unit) == ["一、2025年工作回顾", "二、2026年工作安排"]


def test_a_back_matter_heading_closes_a_report_without_an_appeal():
    text = BODY.replace("各位代表！蓝图已经绘就，让我们团结一心、开拓进取，为谱写现代化建设新篇章而努力奋斗！\n", "")
    lines = text.split("\n")
    assert speech.back_matter([*lines, "名词解释", "1.“两重”：指重大战略。"], speech.speech_front(lines)) == len(lines)


def test_no_salutation_no_speech_front():
    assert speech.speech_front(["某县人大常委会工作报告", "一、监督工作", "听取审议专项报告。"]) is None
    # a salutation deep inside the text is not an opening one
    assert speech.speech_front(["一、监督工作", "各位代表：", "正文。"]) is None


def test_subtitle_with_the_speaker_on_one_line():
    front = speech.speech_front(["陕西省2026年政府工作报告",
                                 "2026年1月27日在陕西省第十四届人民代表大会第四次会议上 陕西省省长 赵某", "各位代表："])
    assert front.byline.name == "赵某" and front.byline.org == "陕西省省长"
    assert front.title == [0]


def test_office_and_name_on_two_lines():
    cleaned, (unit,) = _units("政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理\n李某某\n" + BODY)
    assert (unit.author, unit.office) == ("李某某", "国务院总理")
    assert unit.place is None and unit.place_method == "national"
