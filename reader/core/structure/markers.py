"""Heading markers of Chinese official documents (GB/T 9704-2012 §7.3.3 and common variants).

The levels, in order, are numbered "一、", "（一）", "1." and "（1）"; plain text loses the fonts,
so the level comes from the marker type. Run-in enumerations ("一是……。二是……。") open
subsections whose heading is their first sentence. Both width forms are accepted: "(一)" and
"（一）", "1." and "1．".
"""

from __future__ import annotations

import re

# Ordinary and capital numerals (壹、贰、叁 number the parts of some formal and WeChat texts).
CN_DIGITS = "一二三四五六七八九十百零〇两壹贰叁肆伍陆柒捌玖拾佰"
_CN_VALUES = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
              "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}

# kind -> pattern at the start of a line; the group 'n' holds the number.
MARKERS: dict[str, re.Pattern[str]] = {
    "part": re.compile(rf"^第(?P<n>[{CN_DIGITS}]+)(?:部分|篇|章)[、，,：:\s]?"),
    # not an enumeration of numerals ("一、二、三产业"); "一、五年工作回顾" is a heading
    "cn": re.compile(rf"^(?P<n>[{CN_DIGITS}]{{1,3}})[、.．，,](?![{CN_DIGITS}]{{1,2}}[、.．，,]|是)"),
    "paren_cn": re.compile(rf"^[（(](?P<n>[{CN_DIGITS}]{{1,3}})[)）][、.．，,]?"),
    "arabic": re.compile(r"^(?P<n>\d{1,2})(?:、|[.．](?![\d０-９]))"),
    "paren_arabic": re.compile(r"^[（(](?P<n>\d{1,2})[)）]"),
    "arabic_paren": re.compile(r"^(?P<n>\d{1,2})[)）](?![\d%％])"),
    "circled": re.compile(r"^(?P<n>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])"),
}
# The conventional order of levels.
LEVEL_ORDER = ["part", "cn", "paren_cn", "arabic", "paren_arabic", "arabic_paren", "circled"]

# Run-in enumerations: 一是, 第一, 首先…
RUN_IN = re.compile(rf"^(?:(?P<n>[{CN_DIGITS}]{{1,3}})是|第(?P<m>[{CN_DIGITS}]{{1,3}})[，,、：:]|(?P<w>首先|其次|再次|最后)[，,、：:])")
# 最后 closes a sequence of any length: it takes the number after its predecessor (see LAST).
LAST = 0
_ORDINAL_WORDS = {"首先": 1, "其次": 2, "再次": 3, "最后": LAST}

# Dash-led items ("——综合实力显著增强。五年来……"): parallel paragraphs of a summary; their heading
# is their first sentence, as for 一是. Dated dash lines are subtitles, not items.
DASH_ITEM = re.compile(r"^(?:—{2}|-{2}|－{2}|–{2})(?=[\u4e00-\u9fff“])")

# A byline introducing an author: "□ <place>人大常委会主任 <name>".
BYLINE_MARK = re.compile(r"^[□■◆◇●○▲△☆★]")


def cn_number(text: str) -> int | None:
    """Value of a Chinese numeral up to 999 (一 1, 十 10, 十二 12, 二十 20, 二十三 23)."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch in _CN_VALUES:
            current = _CN_VALUES[ch]
        elif ch in "十拾":
            total += (current or 1) * 10
            current = 0
        elif ch in "百佰":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


# The characters a marker (MARKERS) or a run-in (RUN_IN) can begin with, besides digits (\d, which
# str.isdecimal() tells): a line that begins otherwise is not tried against every pattern (the
# cleaning and the structure finder ask about every line, several times).
_MARKER_FIRST = frozenset(CN_DIGITS + "第（(" + _CIRCLED)
_RUN_IN_FIRST = frozenset(CN_DIGITS + "第首其再最")


def marker_of(line: str) -> tuple[str, int, int] | None:
    """(kind, number, marker length) of a numbered heading marker at the start of `line`."""
    first = line[:1]
    if first not in _MARKER_FIRST and not first.isdecimal():  # "" too
        return None
    return _marker_by_patterns(line)


def _marker_by_patterns(line: str) -> tuple[str, int, int] | None:
    for kind in LEVEL_ORDER:
        m = MARKERS[kind].match(line)
        if m:
            raw = m.group("n")
            n = _CIRCLED.index(raw) + 1 if kind == "circled" else cn_number(raw)
            if n is not None:
                return kind, n, m.end()
    return None


def run_in_of(text: str) -> tuple[int, int] | None:
    """(number, marker length) of a run-in enumeration at the start of `text`."""
    if text[:1] not in _RUN_IN_FIRST:
        return None
    return _run_in_by_pattern(text)


def _run_in_by_pattern(text: str) -> tuple[int, int] | None:
    m = RUN_IN.match(text)
    if not m:
        return None
    if m.group("w"):
        return _ORDINAL_WORDS[m.group("w")], m.end()  # 最后 gives LAST
    n = cn_number(m.group("n") or m.group("m"))
    return (n, m.end()) if n else None


def starts_with_marker(line: str) -> bool:
    return bool(marker_of(line) or run_in_of(line) or BYLINE_MARK.match(line))
