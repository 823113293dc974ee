"""Each cleaning step on its own, then the whole pipeline on the sample reports."""

from __future__ import annotations

import re

import pytest

from reader.core.clean import furniture, lines, ocr, pinyin, punct, script
from reader.core.clean.pipeline import STEPS, clean
from reader.core.clean.textmap import MappedText
from reader.core.model import HeadingHint, RawDocument
from tests.shared import CORPUS, needs_corpus

SEEDS = CORPUS / "seeds"


def run(step, text: str) -> str:
    return step(MappedText.identity(text)).text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("認真學(xué)習(xí)貫徹", "認真學習貫徹"),
        ("聯(lián)絡(luò)站", "聯絡站"),
        ("問題,??h鄉(x", "問題,??鄉"),
        ("世界卫生组织(WHO)", "世界卫生组织(WHO)"),
        ("微信(app)平台", "微信(app)平台"),
        ("领域?qū)嵤", "领域?嵤"),
    ],
)
def test_pinyin_glosses_are_removed(text, expected):
    assert run(pinyin.remove_pinyin_glosses, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("著力“五個加強”", "着力“五个加强”"),
        ("始終朝著正確的方向", "始终朝着正确的方向"),
        ("隨著形勢發展，本著實事求是", "随着形势发展，本着实事求是"),
        ("編著《吉縣人大四十年》", "编著《吉县人大四十年》"),
        ("取得了顯著成效，著名的著作", "取得了显著成效，著名的著作"),
    ],
)
def test_traditional_becomes_simplified_with_zhe_fixed(text, expected):
    assert run(script.to_simplified, text) == expected


def test_simplified_text_is_left_alone():
    text = "编著和著名作品，著力推进"  # already simplified: 著 here is the author's choice
    assert run(script.to_simplified, text) == text
    assert not script.is_mostly_traditional(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("代表,委员;会议:审议!", "代表，委员；会议：审议！"),
        ("组建(点)联络站", "组建（点）联络站"),
        ("增长2.5,3.1", "增长2.5,3.1"),
        ("这是为什么?", "这是为什么？"),
        ('增强"四个意识"', "增强“四个意识”"),
    ],
)
def test_ascii_punctuation_between_chinese_becomes_full_width(text, expected):
    assert run(punct.widen_punctuation, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("总结,、继承", "总结、继承"), ("始终”,,围绕", "始终”，围绕"), ("全过程,。县", "全过程。县"), ("好，，好", "好，好")],
)
def test_doubled_marks_become_one(text, expected):
    assert run(punct.collapse_doubled_punctuation, text) == expected


def test_lost_characters_stay_and_are_flagged():
    text = "思想，??人大常委会"
    assert punct.damaged_spans(text) == [(3, 5)]


def test_spaces_between_chinese_characters_go():
    assert run(ocr.remove_spaces_in_chinese, "深 人贯彻落实 中央、 省委 2021 年") == "深人贯彻落实中央、省委 2021 年"


def test_broken_lines_are_joined_but_headings_stay():
    text = (
        "一是积极开展代表履职培训,提升代表\n\n履职水平。采取线上线下相结合的培训。\n\n"
        "这是一段很长的正文，被版面在句子中间折断了，这一行已经超过四十个字但是没有句号结尾所以\n\n"
        "应该和下一行接起来。\n\n坚定不移改进代表工作\n\n正文从这里开始，到这里结束。"
    )
    out = run(lambda mt: ocr.join_broken_lines(mt, set()), text)
    assert "提升代表履职水平。" in out
    assert "没有句号结尾所以应该和下一行接起来。" in out
    assert "\n坚定不移改进代表工作\n" in out


def test_web_furniture_lines_are_dropped():
    text = "正文第一段。\n图片\n责任编辑：吉政\n阅读 1234 在看 12\n正文第二段。"
    assert run(furniture.drop_web_furniture, text) == "正文第一段。\n\n\n\n正文第二段。"


def test_running_heads_and_page_numbers_are_dropped():
    text = "民主与法治·39 期\n正文。\n- 12 -\n正文二。"
    assert run(furniture.drop_page_furniture, text) == "\n正文。\n\n正文二。"


def test_markdown_marks_become_heading_hints():
    notes = lines.StepNotes()
    mt = lines.strip_markdown_headings(MappedText.identity("#### 坚定不移加强政治建设\n正文。"), notes)
    assert mt.text == "坚定不移加强政治建设\n正文。"
    assert notes.hints == [HeadingHint(5, 4)]


def test_every_step_has_a_unique_name():
    names = [name for name, _ in STEPS]
    assert len(names) == len(set(names))


def test_pipeline_records_the_steps_that_changed_something():
    cleaned = clean("學(xué)習(xí)貫徹總書記關(guān)於堅持和完善人民代表大會制度的重要思想,,")
    assert "remove_pinyin_glosses" in cleaned.steps
    assert "to_simplified" in cleaned.steps
    assert "trim_lines" not in cleaned.steps
    assert cleaned.text == "学习贯彻总书记关于坚持和完善人民代表大会制度的重要思想，"


def test_offsets_map_back_to_the_original():
    original = "學(xué)習(xí)  貫徹𠮷 代表,,聯絡站"
    cleaned = clean(original)
    for i in range(len(cleaned.text)):
        j = cleaned.offsets.to_original(i)
        assert 0 <= j < len(original)
    k = cleaned.text.index("𠮷")
    assert original[cleaned.offsets.to_original(k)] == "𠮷"


def test_docx_hints_survive_cleaning():
    raw = RawDocument("标题一\n　　正文内容很长。\n标题二\n正文。", "utf-8", "docx", [HeadingHint(0, 1), HeadingHint(14, 2)])
    cleaned = clean(raw)
    assert cleaned.text == "标题一\n正文内容很长。\n标题二\n正文。"
    assert cleaned.hints == [HeadingHint(0, 1), HeadingHint(12, 2)]


TRADITIONAL_ONLY = re.compile("[們說會這個來時為學國動員關於與區縣監黨經濟導標準發將對]")


@pytest.fixture(scope="module")
def seeds():
    if not SEEDS.is_dir():
        pytest.skip("shared corpus not present")
    return {p.name[:3]: clean(p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))}


def test_seed_001_has_no_traditional_characters_or_pinyin(seeds):
    text = seeds["001"].text
    assert not TRADITIONAL_ONLY.search(text)
    assert not re.search(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", text)
    assert "着力“五个加强”" in text and "编著《吉县人大四十年》" in text
    assert seeds["001"].damaged, "the ?? of lost characters are flagged"


@pytest.mark.parametrize("name", ["000", "001", "002", "003", "004"])
def test_seed_has_no_doubled_punctuation_or_spaces_in_chinese(seeds, name):
    text = seeds[name].text
    assert not re.search(r"[，、；：。][，、；：。,]|,,", text)
    assert not re.search(r"[\u4e00-\u9fff][ \u3000]+[\u4e00-\u9fff]", text)


@needs_corpus
def test_seed_web_furniture_is_gone_but_kept_in_original():
    original = (SEEDS / "004_d17878162788fd1b.txt").read_text(encoding="utf-8")
    cleaned = clean(original)
    assert "\n图片\n" not in f"\n{cleaned.text}\n"
    assert "\n图片\n" in original.replace("\n\n", "\n")


@pytest.mark.parametrize(
    "line",
    [
        "来源:曹某、蔡某 发布日期:2022-01-06 浏览次数:",
        "发布日期:2022-02-16  08:56访问次数:字体:[ ]",
        "發佈時間:2024-01-20 來源:某某人大",
        "時間:2022-03-12 10:18:00",
        "收录于合集 #履职风采 12个",
        "原创 某某人大 某某人大 2024-01-08 18:30 发表于北京",
        "END",
        "分享 收藏 赞 在看",
        "关注该公众号",
    ],
)
def test_page_metadata_and_wechat_lines_are_dropped(line):
    assert run(furniture.drop_web_furniture, f"正文。\n{line}\n正文。") == "正文。\n\n正文。"


@pytest.mark.parametrize("line", ["时间：2023年，来源于本次会议的决定。", "发布日期由主任会议决定", "2024-01-23"])
def test_sentences_about_dates_and_sources_stay(line):
    assert run(furniture.drop_web_furniture, line) == line


def test_running_heads_with_page_numbers_go_but_repeated_headings_and_years_stay():
    text = (
        "人大建设 2023年第6期 · 23\n正文。\n人大建设 2023年第6期 · 24\n正文。\n人大建设 2023年第6期 · 25\n"
        "一、加强自身建设\n一、加强自身建设\n一、加强自身建设\n#### 主要做法\n#### 主要做法\n#### 主要做法\n"
        "2022年主要工作\n2023年主要工作\n2024年主要工作"
    )
    out = run(furniture.drop_page_furniture, text)
    assert "人大建设" not in out
    assert out.count("一、加强自身建设") == 3 and out.count("主要做法") == 3 and "2023年主要工作" in out


@pytest.mark.parametrize(
    ("lines", "width"),
    [
        (["常委会始终坚持党对人大工作的全", "面领导，严格执行重大事项请示报", "告制度，全年向市委请示报告重要", "事项十六项。",
          "常委会全年听取审议专项工作报告", "十八项，开展执法检查四次。"], 15),
        # headings of one length between long paragraphs: no layout
        (["坚持政治领航，筑牢忠诚本色，党的全面领导不断加强", "严格落实“第一议题”制度，年度组织学习15次。修改完善人大常委会党组议事规则等办法规定20余项。",
          "坚持精准监督，淬炼担当底色，服务发展大局有力有为", "围绕全县中心工作，听取审议专项工作报告16项，开展执法检查4次，推动问题整改。",
          "坚持导向为魂，提升为民成色，基层民主实践有序有效", "深化代表联络站建设，组织代表进站接待群众。",
          "坚持躬身践行，当好履职角色，代表队伍建设全面加强", "组织代表培训两期，培训代表260人次。"], None),
        # bylines and headings of one length in a short magazine page: no layout
        (["□ 某市人大常委会主任甲某某", "一年来，常委会依法履职。", "建强阵地，让代表履职有平台", "□ 某县人大常委会主任乙某某",
          "一年来，常委会依法履职。", "建强阵地，让代表履职有平台"], None),
    ],
)
def test_layout_width(lines, width):
    assert ocr.layout_width(lines) == width


# Paragraphs of a report with figures in them (digits take half a place on a page, one character in a
# text wrapped by count) and headings between them.
WRAPPED_REPORT = [
    "一、过去一年的工作",
    "全年地区生产总值增长5.6%，规模以上工业增加值增长7.2%，固定资产投资完成1234.5亿元，"
    "新增城镇就业12.3万人，居民人均可支配收入增长6.1%，粮食产量稳定在1100万吨以上。",
    "我们坚持稳中求进，扎实推进重点项目建设，新开工项目356个，建成投产项目218个，"
    "完成投资超过2000亿元。持续优化营商环境，新设经营主体8.9万户、增长15.2%。推动",
    "区域协调发展协定",
    "（试行）落地见效，跨区域合作项目达到45个，带动投资增长9.8%，开放型经济水平不断提升。",
    "二、今年的主要任务",
    "坚持扩大内需，实施消费提振行动，社会消费品零售总额增长5%左右，加快培育新型消费，"
    "扩大有效投资，全年安排重点项目500个以上，完成投资1500亿元以上。",
]


def _wrap_by_count(paragraphs: list[str], width: int) -> str:
    return "\n".join(p[i : i + width] for p in paragraphs for i in range(0, len(p), width))


@pytest.mark.parametrize("width", [20, 24, 30, 36])
def test_a_text_wrapped_by_a_count_of_characters_is_joined_again(width):
    """A text hard-wrapped at a number of characters (a digit counted as one) reads as its paragraphs:
    its lines with figures fill the layout though they are narrower on a page, full lines with commas
    are not taken for a series of headings, and a sentence's tail after a full line that ended a
    sentence ("…15.2%。推动", then a link's text on a line of its own) goes on."""
    paragraphs = [WRAPPED_REPORT[0], WRAPPED_REPORT[1], WRAPPED_REPORT[2] + WRAPPED_REPORT[3] + WRAPPED_REPORT[4],
                  *WRAPPED_REPORT[5:]]
    wrapped = _wrap_by_count(paragraphs, width)
    lines_ = wrapped.split("\n")
    assert ocr.layout_measure(lines_) is len
    cleaned = clean(wrapped).text.split("\n")
    body = [p for p in paragraphs if not p.startswith(("一、", "二、"))]
    assert [p for p in cleaned if p.startswith(("一、", "二、"))] == ["一、过去一年的工作", "二、今年的主要任务"]
    # each paragraph is whole, though a full line that ends a sentence may start a line of its own
    joined = "".join(line for line in cleaned if not line.startswith(("一、", "二、")))
    assert joined == "".join(body)
    assert all(line.endswith("。") for line in cleaned if not line.startswith(("一、", "二、")))  # none stops mid-sentence


def test_a_wrapped_line_is_as_wide_as_the_file_had_it():
    """Cleaning takes pinyin glosses (學(xué)) and doubled marks out of lines a web copy was wrapped with:
    the lines were full in the file, so they still go on."""
    glossed = [p.replace("稳中求进", "穩(wěn)中求進(jìn)").replace("优化", "優(yōu)化").replace("，", ",,")
               for p in WRAPPED_REPORT]
    paragraphs = [glossed[0], glossed[1], glossed[2] + glossed[3] + glossed[4], *glossed[5:]]
    cleaned = clean(_wrap_by_count(paragraphs, 26)).text.split("\n")
    assert [p for p in cleaned if p.startswith(("一、", "二、"))] == ["一、过去一年的工作", "二、今年的主要任务"]
    assert all(line.endswith("。") for line in cleaned if not line.startswith(("一、", "二、")))


def test_a_page_layout_is_measured_in_places():
    """Lines laid out on a page (digits half a place) keep the visual measure."""
    page = []
    for p in WRAPPED_REPORT:
        line = ""
        for ch in p:
            if ocr.visual_width(line + ch) > 22:
                page.append(line)
                line = ""
            line += ch
        page.append(line)
    assert ocr.layout_measure(page) is ocr.visual_width


@pytest.mark.parametrize(("line", "width"), [("常委会全年听取审议", 9), ("1.2亿元", 4), ("2023年，县人大常委会在县委的坚", 15), ("abcd", 2)])
def test_visual_width_counts_ascii_as_half(line, width):
    assert ocr.visual_width(line) == width


@pytest.mark.parametrize(
    ("line", "next_line", "broken"),
    [
        ("常委会始终坚持党对人大工作的全", "面领导，严格执行重大事项请示报", True),
        ("（一）坚持正确政治方向，自觉在", "县委领导下开展工作", True),
        ("某某满族自治县人大常委会工作报", "（2024年1月8日在某某县第十八届人民代表大会第三次会议上）", False),
        ("某某满族自治县人大常委会工作报", "县人大常委会主任 那日松", False),
        ("常委会始终坚持党对人大工作的全", "（二）聚焦全县中心工作，依法开展监督", False),
    ],
)
def test_a_full_line_of_a_fixed_layout_goes_on(line, next_line, broken):
    assert ocr.is_broken(line, next_line, False, False, width=15) is broken


@pytest.mark.parametrize(
    ("line", "next_line", "broken"),
    [
        ("各位代表：", "过去一年的主要工作", False),
        ("今年政府工作的总体要求是：", "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，依法履职。", True),
    ],
)
def test_a_short_line_after_a_colon_stays_on_its_own(line, next_line, broken):
    assert ocr.is_broken(line, next_line, False) is broken


@pytest.mark.parametrize(
    ("original", "year"),
    [
        ("收录于合集 #履职 3个\n原创 某县人大 某县人大 2024-01-08 18:30 发表于北京\n\n正文。", 2024),
        ("某区人大常委会工作报告\n\n2023-12-30\n\n编者按：正文。", 2023),
        ("来源：某县人大 发布时间：2022年1月20日 浏览次数：35\n正文。", 2022),
        ("一、2021年主要工作\n正文。", None),  # a year in a heading is not a publication date
        ("各位代表：\n2020年，常委会……。", None),
    ],
)
def test_published_year_comes_from_web_furniture_only(original, year):
    assert clean(original).published == year


def test_published_year_is_a_unit_year_of_last_resort():
    from reader.core.structure.units import find_units

    text = "原创 某区人大 2024-01-08 18:30\n某区人大常委会工作报告\n\n一、监督工作\n听取专项报告。\n"
    cleaned = clean(text)
    assert [u.year for u in find_units(cleaned.text, cleaned.hints, published=cleaned.published)] == [2024]
    body_names_a_year = clean("2024-01-23\n某区人大常委会工作报告\n\n2023年是开局之年，2023年……。\n")
    units = find_units(body_names_a_year.text, body_names_a_year.hints, published=body_names_a_year.published)
    assert [u.year for u in units] == [2023]


@pytest.mark.parametrize(
    ("line", "next_line", "broken"),
    [
        ("一、坚持党的领导，人大工作正确政治方向", "更加坚定", True),
        ("（二）聚焦中心大局，监督工作", "更加有力", True),
        ("一、2022年工作回顾", "总体情况", False),  # one clause: the next line may be a heading of its own
        ("一、坚持党的领导，人大工作正确政治方向", "常委会始终坚持党的领导", False),
    ],
)
def test_the_last_words_of_a_numbered_heading_on_a_line_of_their_own_go_back(line, next_line, broken):
    assert ocr.is_broken(line, next_line, False, False, width=27) is broken
    assert not ocr.is_broken(line, next_line, False, False, width=None) or not broken


# -- web copies of newspapers and wikis, laid-out pages (issue 12) ----------------------------------


@pytest.mark.parametrize(
    "widget",
    [
        "下载\n打印\n全屏\n收藏",
        "【字号：\n加大\n还原\n减小\n】",
        "【字体：\n大\n中\n小\n】",
        "您的位置：\n首页\n>\n要闻",
        "当前位置：\n首页\n>\n政务信息\n>\n要闻",
        "首页 > 政府信息公开 > 政府工作报告",
        "扫一扫在手机打开当前页\n【\n打印本页\n】\n【\n关闭窗口\n】",
        "收藏\n|\n分享到:\n分享到微信\n×",
    ],
)
def test_page_widgets_saved_a_word_a_line_are_furniture(widget):
    assert run(furniture.drop_web_furniture, f"正文。\n{widget}\n正文。").split() == ["正文。", "正文。"]


def test_single_characters_are_furniture_only_inside_a_font_switch():
    assert run(furniture.drop_web_furniture, "正文。\n大\n中\n小\n正文。") == "正文。\n大\n中\n小\n正文。"


def test_a_line_of_zero_width_characters_does_not_split_a_sentence():
    assert clean("经济增速是综合性指标，今年预期目标设定\n\u200b\n为6%以上。").text == "经济增速是综合性指标，今年预期目标设定为6%以上。"
    assert clean("一句话。\n\u200b\n下一段。").text == "一句话。\n下一段。"
    # a copy whose paragraphs are indented, or with a blank line after each line
    assert clean("\u3000\u3000预期目标设定\n\u3000\u3000\u200b\n\u3000\u3000为6%以上。").text == "预期目标设定为6%以上。"
    assert clean("预期目标设定\n\n\u200b\n\n为6%以上。\n\n下一段。").text == "预期目标设定为6%以上。\n下一段。"


def test_a_long_line_stopping_mid_sentence_goes_on_past_a_short_line():
    """A link's text on a line of its own inside a paragraph is no heading."""
    text = ("扩大市场准入，加大现代服务业领域开放力度，放宽电信、医疗等服务业准入，落实外资企业国民待遇。积极推动加入\n"
            "全面与进步跨太平洋伙伴关系协定\n（CPTPP）等高标准经贸协议，主动对照相关规则。\n一、下一部分\n正文。")
    assert clean(text).text.split("\n")[0].endswith("主动对照相关规则。")


def test_a_short_sentence_after_a_colon_stays_a_line_of_its_own():
    text = "实现目标，必须做到“八个聚焦”：\n聚焦对外开放，高标准建设自由贸易港。\n全面落实总体方案，深入实施建设规划，推动制度型开放。"
    assert clean(text).text.split("\n")[1] == "聚焦对外开放，高标准建设自由贸易港。"


def test_radicals_become_the_characters_they_stand_for():
    assert clean("⼈⺠代表⼤会，⻓期坚持，⻔类齐全").text == "人民代表大会，长期坚持，门类齐全"
    assert lines.ordinary_character("⺠") == "民" and lines.ordinary_character("民") == "民"


def test_glosses_that_lost_their_vowels_go_where_a_text_has_several():
    assert run(pinyin.remove_pinyin_glosses, "加強學（x）習，建設（sh）隊伍，培訓（xn)代表") == "加強學習，建設隊伍，培訓代表"
    assert run(pinyin.remove_pinyin_glosses, "函数（x）的值") == "函数（x）的值"  # one alone is not a gloss


def _laid_out(paragraphs: list[str], width: int = 20) -> str:
    """Paragraphs as a word processor lays them out: wrapped at `width`, first lines indented."""
    out = []
    for par in paragraphs:
        line = "\u3000\u3000"
        for ch in par:
            if ocr.visual_width(line + ch) > width:
                out.append(line)
                line = ""
            line += ch
        out.append(line)
    return "\n".join(out)


def test_a_laid_out_page_is_joined_by_line_width_and_indentation():
    pars = [
        "一、坚持党的领导，人大工作正确方向更加坚定的一年",
        "常委会坚持以习近平新时代中国特色社会主义思想为指导，全区地区生产总值分别增长6%、5.2%、5.2%，分别居全国第二、第七、第九。",
        "二、依法监督",
        "常委会听取审议专项工作报告十二个，开展执法检查四次，增长11.5个百分点，推动解决一批突出问题。",
    ]
    assert clean(_laid_out(pars)).text.split("\n") == pars


def test_a_heading_after_a_paragraph_that_lost_its_full_stop_stays_a_heading():
    """OCR drops a full stop after a number; the heading after it has a parallel in the text."""
    par = "常委会听取审议专项工作报告十二个，开展执法检查四次，推动解决一批突出问题，答复率、满意率均达到100%"
    text = (f"坚持精准监督，淬炼担当底色，服务发展大局有力有为\n{par}\n坚持导向为魂，提升为民成色，基层民主实践有序有效\n"
            f"{par}。\n")
    assert clean(text).text.split("\n")[2] == "坚持导向为魂，提升为民成色，基层民主实践有序有效"
