"""The front matter of a report: its title, subtitle (the meeting it was given at), byline and
notes, which come before the body and are never section headings.

    某某县人民代表大会常务委员会            <- title (may run over several lines)
    工作报告
    ——2022年1月6日在…第十七届              <- subtitle (dated, or "——在…会议上"; may wrap)
    人民代表大会第一次会议上
    县人大常委会主任 张某某                 <- byline: organisation, role, name
    各位代表：                              <- the body begins

Bylines come in several forms: "□ <place>人大常委会主任 <name>", "<place>人大常委会党组书记、主任
<name>", "文/<name>" or "作者：<name>（<place>人大常委会主任）", a name line followed by
"（<place>人大常委会）". A byline that names its place can open a new unit (a magazine issue);
one without a place ("人大常委会主任 赵国新") is only recognised among the front lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.chars import SENTENCE_END, word_count
from reader.core.structure.places import find_names

_ROLE = (
    r"(?:人大常委会|人大|人民代表大会常务委员会|人民政府|政府|政协|县委|区委|市委|旗委)?[^\s，。]{0,8}?"
    r"(?:主任|副主任|书记|县长|区长|市长|旗长|主席|代县长|代区长|代市长|代旗长|秘书长|省长|代省长|州长|盟长|总理)"
)
# The head of a government signs its work report with the office alone: "省长 某某", "国务院总理 某某".
_HEAD_OF_GOVERNMENT = re.compile(r"(?:省长|代省长|主席|总理|市长|代市长|州长|盟长|县长|代县长|区长|代区长|旗长|代旗长)$")
# A name: 2-6 hanzi (minority names run longer: 乌云其其格), or a hidden one (×××, XXX, 某某).
_NAME = r"(?:[\u4e00-\u9fff·]{2,6}|[×ＸX*＊某]{2,4})"
_MARK = r"[□■◆◇●○▲△☆★]"
# "作者：", "文/", "文｜" may lead a byline that names the author's office ("作者：某县人大常委会主任 张三").
_LEAD = r"(?:(?:文|作者|撰文|撰稿|执笔)\s*[/:：|丨｜]\s*|作者\s+)"
_BYLINE = re.compile(rf"^(?:{_MARK}\s*)?{_LEAD}?(?P<org>[^\s，。：]{{0,24}}?{_ROLE})\s*(?P<name>{_NAME})$")
# A byline mark before a name alone ("□ 王五"): the place is named elsewhere (a note at the end).
_MARKED_NAME = re.compile(rf"^{_MARK}\s*(?P<name>[\u4e00-\u9fff·]{{2,4}})$")
# "文/张三", "作者：张三", "撰稿 | 张三", optionally with the organisation in brackets.
_AUTHOR = re.compile(
    rf"^(?:{_MARK}\s*)?(?:文|作者|撰文|撰稿|执笔)\s*[/:：|丨｜]\s*(?P<name>{_NAME})"
    r"\s*(?:[（(](?:作者系|系)?(?P<org>[^）)]{2,30})[）)])?$"
)
# A note of the author's organisation on its own line: "（宁化县人大常委会）", "（作者系…主任）".
_ORG_NOTE = re.compile(r"^[（(](?:作者系|作者为|系)?(?P<org>[^）)]{2,30}?(?:人大常委会|人大|人民代表大会)[^）)]{0,12})[）)]$")
_INSTITUTION = re.compile(r"人大常委会|人大|人民代表大会|人民政府|政府|国务院")
# The office on a line of its own with the name on the next ("国务院总理" / "李强").
_OFFICE_ALONE = re.compile(rf"^(?P<org>[^\s，。：]{{0,24}}?{_ROLE})$")

# Subtitles: the meeting a report was given at, or a line saying what it is.
_DATE = r"(?:\d{4}|[〇○零一二三四五六七八九O]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
SUBTITLE = re.compile(
    rf"^[-—–－\s]*[（(]?\s*{_DATE}"  # "——2012年2月29日在…", "（2023年12月26日在…）"
    r"|^[-—–－]{1,4}\s*[（(]?在.{2,40}(?:会议|大会|会)上"  # "——在XX县第十七届人民代表大会第三次会议上"
    r"|(?:会议|大会|全会|会)上[)）]?$"  # the wrapped end: "第二次会议上"
    r"|^[-—–－]{2,4}(?=[\u4e00-\u9fff])[^。，]{2,30}$"  # "——县人大主任经验交流汇报"
)
NOTE = re.compile(r"^[（(【\[]\s*(?:摘\s*要|书\s*面|草\s*案|节\s*选|全\s*文|有删节|[^）)】\]]{0,8}稿)\s*[)）】\]]$")
DATE_LINE = re.compile(r"^\d{4}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?$")
SALUTATION = re.compile(r"^(?:各位代表|各位委员|同志们|各位)[^。]{0,16}[:：！!]$")
TOC_HEAD = re.compile(r"^目\s*录$")
# A reporter's line under an interview's title: "本刊记者 孙某某", "记者 张三 通讯员 李四".
REPORTER = re.compile(
    r"^(?:(?:本刊|本报|本台|本网|特约|首席|实习)+记者\s*|记者\s+)[\u4e00-\u9fff]{2,4}(?:[、，\s]+[\u4e00-\u9fff]{2,4})*"
    r"(?:\s*(?:通讯员|实习生)\s*[\u4e00-\u9fff]{2,4}(?:[、，\s]+[\u4e00-\u9fff]{2,4})*)?$"
)
# The issue of a magazine: "2023年第6期（总第389期）", "人民之声 2023年第6期".
ISSUE = re.compile(r"^[^\s，。]{0,12}\s*(?:19|20)\d\d\s*年\s*第\s*\d{1,3}\s*期\s*(?:[（(]总第\s*\d+\s*期[)）])?$")
TOC_ENTRY = re.compile(r"(?:…{2,}|\.{4,}|·{4,}|-{4,}|—{3,}|－{3,})\s*\d{1,3}$")


def toc_entry(text: str) -> bool:
    """TOC_ENTRY.search(text): a line of a table of contents. Its match ends with a digit at the
    end of the text (or before a newline that ends it), so a text that ends otherwise is not
    searched: the pattern, tried at every character, was a third of finding a report's headings."""
    last = text[-2:-1] if text.endswith("\n") else text[-1:]
    return last.isdecimal() and TOC_ENTRY.search(text) is not None
# A title ends with what the text is.
_TITLE_END = re.compile(r"(?:报告|回顾|综述|汇报|纪实|巡礼|讲话|发言|要点|总结|情况|汇编|选编)(?:[（(][^）)]{1,8}[)）])?$")
# Common surnames (single and compound), for a line that is only an author's name.
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范"
    "金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪"
    "庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房"
    "滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁"
    "沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚"
    "花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那"
)
_COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文", "司徒",
                      "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "呼延", "万俟", "澹台", "申屠")
_PAIRS = ("《》", "“”", "（）", "()", "【】", "‘’")
TITLE_MIN, TITLE_MAX = 4, 60
# How many lines the front matter may take before the body must have begun.
FRONT_MAX = 14


@dataclass(frozen=True)
class Byline:
    org: str | None  # organisation and role ("<place>县人大常委会主任"), None for "文/张三"
    name: str | None  # None when hidden (×××)
    lines: int  # lines it takes (2 for "文/张三" + "（…人大常委会）")
    placed: bool  # names a county-level place (or carries a byline mark)

    @property
    def text(self) -> str:
        return "".join(x for x in (self.org, self.name) if x)


def _name(raw: str | None) -> str | None:
    if not raw or re.fullmatch(r"[×ＸX*＊某]+", raw):
        return None
    return raw


def _placed(org: str | None) -> bool:
    return bool(org and find_names(org, include_generic=True))


def byline_at(texts: list[str], i: int) -> Byline | None:
    """The byline that begins at line `i` of `texts`, if any."""
    line = texts[i].strip()
    if len(line) > 48:
        return None
    m = _BYLINE.match(line)
    marked = bool(re.match(_MARK, line))
    if m and (marked or _official(m.group("org"))):
        org = m.group("org")
        return Byline(org, _name(m.group("name")), 1, marked or _placed(org))
    m = _OFFICE_ALONE.match(line)
    if m and _official(m.group("org")) and i + 1 < len(texts):
        name = re.sub(r"\s+", "", texts[i + 1])
        if person_line(name):
            return Byline(m.group("org"), name, 2, _placed(m.group("org")))
    m = _MARKED_NAME.match(line)
    if m and person_line(m.group("name")):
        return Byline(None, m.group("name"), 1, True)
    m = _AUTHOR.match(line)
    if m:
        org = m.group("org")
        n = 1
        if org is None and i + 1 < len(texts):
            note = _ORG_NOTE.match(texts[i + 1].strip())
            if note:
                org, n = note.group("org"), 2
        return Byline(org, _name(m.group("name")), n, _placed(org))
    return None


def _official(org: str) -> bool:
    """An organisation and role that can sign a report: one naming its institution, or the head of a
    government by office alone."""
    return bool(_INSTITUTION.search(org) or _HEAD_OF_GOVERNMENT.search(org))


def org_note(line: str) -> str | None:
    m = _ORG_NOTE.match(line.strip())
    return m.group("org") if m else None


def balanced(text: str) -> bool:
    return all(text.count(a) == text.count(b) for a, b in _PAIRS)


def ends_sentence(text: str) -> bool:
    return text.rstrip("”’」』）)").endswith(tuple(SENTENCE_END + "：:…"))


def is_subtitle(line: str) -> bool:
    return bool(SUBTITLE.search(line.strip())) and len(line) <= TITLE_MAX + 10


def is_front_note(line: str) -> bool:
    """Lines of the front matter that are neither title nor byline: subtitles, notes, dates, a table
    of contents, a magazine's issue, a reporter's line."""
    s = line.strip()
    return bool(is_subtitle(s) or NOTE.match(s) or DATE_LINE.match(s) or TOC_HEAD.match(s) or toc_entry(s)
                or ISSUE.match(s) or REPORTER.match(s))


def title_like(text: str) -> bool:
    """A line that can be (part of) a title: short, unpunctuated at the end, mostly hanzi."""
    return (
        TITLE_MIN <= len(text) <= TITLE_MAX
        and not ends_sentence(text)
        and not text.endswith(("，", "、", ","))
        and balanced(text)
        and word_count(text) >= 0.6 * len(text)
    )


def closes_title(text: str) -> bool:
    return bool(_TITLE_END.search(text))


def session_year(lines: list[str]) -> int | None:
    """The year of the meeting named in a subtitle ("——2016年2月19日在…会议上")."""
    for line in lines:
        m = re.search(r"(?<!\d)((?:19[89]|20[0-4])\d)\s*年\s*\d{1,2}\s*月", line)
        if m and is_subtitle(line):
            return int(m.group(1))
    return None


def person_line(text: str) -> bool:
    """A line that is only a person's name (an author under a title): 2-4 hanzi from a surname."""
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", text) or closes_title(text):
        return False
    return text.startswith(_COMPOUND_SURNAMES) or (text[0] in _SURNAMES and len(text) <= 3)
