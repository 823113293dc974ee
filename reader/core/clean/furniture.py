"""Lines that are not part of the report: web page furniture and repeated page furniture.

They stay in the original text; the cleaned text, which users read and tag, drops them.
"""

from __future__ import annotations

import re
from collections import Counter

from reader.core.clean.textmap import MappedText, substitute
from reader.core.structure.markers import starts_with_marker

# Whole lines that web copies carry: image placeholders, editor credits, counters, share prompts.
# Line patterns use [^\S\n] (white space within the line), never \s: a \s* running over line
# breaks made a match reach into the next line, and a text of many blank lines quadratic.
_WEB_LINE = re.compile(
    r"^(?:"
    r"图片|图|视频|音频|image|\[图片\]|【图片】|"
    r"(?:责任编辑|编辑|校对|审核|审校|终审|初审|复审|美编|排版|供稿|摄影|图文|文字)[^\S\n]*[:：].{0,40}|"
    r"(?:来源|稿源)[^\S\n]*[:：].{0,30}|"
    r"(?:阅读|浏览|在看|点赞|赞|分享|收藏|评论|阅读量)[^\S\n]*[:：]?[^\S\n]*\d*(?:[^\S\n]*(?:阅读|在看|点赞|赞|分享|收藏|评论)[^\S\n]*\d*)*|"
    r"(?:点击|长按|扫码|扫描).{0,20}(?:关注|二维码|识别|阅读原文).{0,20}|"
    r"(?:预览时标签不可点|微信扫一扫.{0,20}|阅读原文|返回顶部|打印本页|关闭窗口|【?打印】?|【?关闭】?)|"
    r"(?:上一篇|下一篇)[^\S\n]*[:：].{0,60}|"
    r"(?:分享到|字号|字体)[^\S\n]*[:：].{0,30}|"
    # WeChat copies: collection tags, the "原创 <account> <date> 发表于<place>" line, end marks
    r"收录于(?:合集|话题).{0,40}|原创[^\S\n].{0,60}\d{4}-\d{2}-\d{2}.{0,30}|"
    r"[-—－]*[^\S\n]*(?:END|End|end|完|全文完)[^\S\n]*[-—－]*|关注该公众号|(?:分享|收藏|赞|在看|点赞|转发)(?:[^\S\n]+(?:分享|收藏|赞|在看|点赞|转发))+"
    r")$",
    re.M,
)
# A page's metadata line: two or more of these labels on one short line
# ("来源：… 发布日期：2022-01-06 浏览次数：", "发布时间：… 作者：… 字号：[大 中 小]").
# (Traditional forms too: this step runs before the conversion to simplified.)
_META_LABEL = re.compile(
    r"(?:[来來]源|稿源|[发發][布佈](?:日期|[时時][间間])|更新[时時][间間]|[时時][间間]|日期|作者|[浏瀏][览覽]次[数數]|"
    r"[访訪][问問]次[数數]|[点點][击擊][数數]|[阅閱][读讀][数數]|字[号號]|字[体體]|[编編][辑輯])\s*[:：]"
)
_META_LINE = re.compile(r"^.{0,120}$", re.M)
# One date label and a date (and time) only: "時間:2022-03-12 10:18:00", "发布时间：2024年1月20日".
_DATE_LINE = re.compile(
    rf"^{_META_LABEL.pattern}\s*\d{{4}}\s*[-./年]\s*\d{{1,2}}\s*[-./月]\s*\d{{1,2}}\s*日?(?:\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?$"
)
# Lone page numbers ("12", "- 12 -", "第 3 页", "第3页 共9页").
_PAGE_NUMBER = re.compile(r"^(?:[-—–]?[^\S\n]*\d{1,4}[^\S\n]*[-—–]?|第[^\S\n]*\d{1,4}[^\S\n]*页(?:[^\S\n]*[/，,]?[^\S\n]*共[^\S\n]*\d{1,4}[^\S\n]*页)?)$", re.M)
# A magazine running head: "<magazine>·39 期", "人民之声 2022年第3期 · 15".
_RUNNING_HEAD = re.compile(
    r"^[^\n。，！？；]{2,16}[^\S\n]*[·・•|丨][^\S\n]*(?:\d{4}[^\S\n]*年[^\S\n]*)?(?:第[^\S\n]*)?\d{1,3}[^\S\n]*期(?:[^\S\n]*[·・•|丨][^\S\n]*\d{1,4})?$", re.M
)
_MAX_FURNITURE_LINE = 24
_DIGITS = re.compile(r"\d+")


# A publication date in a web copy's furniture: "原创 某某人大 2024-01-08 18:30", "发布时间：2024年1月20日",
# or a date alone on its line.
_PUBLISHED = re.compile(r"(?<!\d)((?:19[89]|20[0-4])\d)\s*(?:-|/|\.|年)\s*\d{1,2}\s*(?:-|/|\.|月)\s*\d{1,2}(?!\d)")
_PUBLISHED_HEAD_LINES = 15


def published_year(original: str) -> int | None:
    """The year of the date a web copy was published, from a furniture line near its top (a line
    the cleaning drops, or a date alone on its line). The last resort for a report's year when its
    own text names none."""
    for line in original.split("\n", _PUBLISHED_HEAD_LINES)[:_PUBLISHED_HEAD_LINES]:
        line = line.strip()
        m = _PUBLISHED.search(line)
        if m and (m.start() == 0 and len(line) <= 24 or _WEB_LINE.fullmatch(line) or _drop_if_metadata_line(line)):
            return int(m.group(1))
    return None


def _drop_if_metadata_line(line: str) -> bool:
    return bool(_DATE_LINE.match(line)) or len(_META_LABEL.findall(line)) >= 2


# A page's widgets and navigation saved one word a line: a toolbar ("下载 / 打印 / 全屏 / 收藏"), a
# font-size switch ("【字号： / 加大 / 还原 / 减小 / 】"), a breadcrumb ("您的位置： / 首页 / > / 要闻"),
# share and close buttons. Only whole lines, and single characters (大, 中, 小) only inside a switch.
_TOOLBAR_WORD = (
    r"(?:[【】]|下载|打印|全屏|收藏|分享|分享到微信|分享到微博|分享到|微信|微博|关闭|关闭窗口|返回|纠错|朗读|[|｜×]|"
    r"扫一扫在手机打开当前页|在手机上打开|手机版|》》点击图片进入专题《《)"
)
_TOOLBAR_LINE = re.compile(rf"^[^\S\n]*{_TOOLBAR_WORD}(?:[^\S\n]+{_TOOLBAR_WORD})*[^\S\n]*[:：]?[^\S\n]*$", re.M)
_SIZE_SWITCH = re.compile(
    r"^[【\[][^\S\n]*(?:字号|字体|字体大小)[^\S\n]*[:：]?"
    r"(?:[^\S\n\]】]*(?:大|中|小|加大|减小|还原|默认|标准|[|｜])?[^\S\n\]】]*\n){0,8}[^\S\n]*[】\]]$",
    re.M,
)
_CRUMB_ITEM = r"[^\n>＞»›]{1,16}"
_BREADCRUMB = re.compile(
    rf"^(?:(?:您的|您现在的|当前)?位置[^\S\n]*[:：]?[^\S\n]*\n?[^\S\n]*)?首页"
    rf"(?:[^\S\n]*\n?[^\S\n]*[>＞»›][^\S\n]*\n?[^\S\n]*{_CRUMB_ITEM})*[^\S\n]*(?:[>＞»›][^\S\n]*)?$",
    re.M,
)
_WHERE_LINE = re.compile(r"^[^\S\n]*(?:您的|您现在的|当前)位置[^\S\n]*[:：]?[^\S\n]*$", re.M)


# What some patterns' matches must hold (a text without it is left as it is); tests/core/test_fast_paths.py
# checks them against the patterns.
SIZE_SWITCH_NEEDS = re.compile("字[号体]")
BREADCRUMB_NEEDS = re.compile("首页")
WHERE_NEEDS = re.compile("位置")
RUNNING_HEAD_NEEDS = re.compile("期")


def drop_web_furniture(mt: MappedText) -> MappedText:
    if SIZE_SWITCH_NEEDS.search(mt.text):
        mt = substitute(mt, _SIZE_SWITCH, "")
    if BREADCRUMB_NEEDS.search(mt.text):
        mt = substitute(mt, _BREADCRUMB, "")
    if WHERE_NEEDS.search(mt.text):
        mt = substitute(mt, _WHERE_LINE, "")
    mt = substitute(mt, _TOOLBAR_LINE, "")
    mt = substitute(mt, _WEB_LINE, "")
    return substitute(mt, _META_LINE, _drop_if_metadata)


def _drop_if_metadata(m: re.Match[str]) -> str:
    line = m.group(0)
    if not _has_colon(line):  # a line dropped holds a label, and every label ends with a colon
        return line
    if _DATE_LINE.match(line.strip()):
        return ""
    return "" if len(_META_LABEL.findall(line)) >= 2 and not line.rstrip().endswith("。") else line


def _has_colon(line: str) -> bool:
    return "：" in line or ":" in line


def drop_page_furniture(mt: MappedText) -> MappedText:
    mt = substitute(mt, _PAGE_NUMBER, "")
    if RUNNING_HEAD_NEEDS.search(mt.text):
        mt = substitute(mt, _RUNNING_HEAD, "")
    return _drop_repeated_short_lines(mt)


def _drop_repeated_short_lines(mt: MappedText) -> MappedText:
    """A short line seen three or more times without closing punctuation is a running head; so are
    lines that differ only in their numbers ("人大建设 2023年第6期 · 23", "… · 24"). Headings
    (numbered, or marked with '#') may repeat across the units of a compilation and stay."""
    lines = [
        ln for ln in mt.text.split("\n")
        if ln and len(ln) <= _MAX_FURNITURE_LINE and not ln.startswith("#") and not starts_with_marker(ln)
        and not ln.endswith(("。", "！", "？", "；"))
    ]
    counts = Counter(lines)
    groups: dict[str, set[str]] = {}
    for ln in set(lines):
        if _DIGITS.search(ln):
            groups.setdefault(_DIGITS.sub("#", ln), set()).add(ln)
    paged = {ln for group in groups.values() if len(group) >= 3 and _page_numbers_differ(group) for ln in group}
    repeated = {ln for ln in lines if counts[ln] >= 3} | paged
    if not repeated:
        return mt
    pattern = re.compile("^(?:" + "|".join(re.escape(ln) for ln in sorted(repeated)) + ")$", re.M)
    return substitute(mt, pattern, "")


def _page_numbers_differ(group: set[str]) -> bool:
    """Lines of one shape that differ only in small numbers (pages), not in years."""
    numbers = [[int(n) for n in _DIGITS.findall(ln)] for ln in group]
    differing = [i for i in range(len(numbers[0])) if len({ns[i] for ns in numbers}) > 1]
    return all(ns[i] < 1000 for ns in numbers for i in differing)
