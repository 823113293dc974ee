"""A report given as a speech: where its front matter ends and where its back matter begins.

A work report read to a congress opens by addressing it ("各位代表：") and closes with an appeal to
it ("各位代表！……而努力奋斗！"). Copies printed in newspapers or saved from the web carry more around
the speech: above the salutation a page title, source and date lines, the meeting it was given at,
the speaker's office and name, a photo caption; below the closing appeal attachments (附件), a
glossary (名词解释, 注释), related links and the site's licence. None of that is a heading of the
report: the salutation ends the front matter and the closing appeal ends the body.

    front = speech_front(lines)        # None when the text does not open with a salutation
    front.salutation, front.title, front.subtitles, front.byline
    back = back_matter(lines, front)   # index of the first line after the body, or None
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.core.structure import front as fm
from reader.core.structure.front import Byline, byline_at
from reader.core.structure.markers import marker_of

# The address that opens a speech, at the start of its line (the rest of the paragraph may follow it).
OPENING = re.compile(r"^(?P<who>各位代表|各位委员|各位同志|同志们|各位)[^。，,！!]{0,16}?[:：]")
# How far into a text the salutation may stand (front lines of a web copy: toolbars, a breadcrumb, the
# title, subtitle, byline, captions) and how long the front may be.
OPENING_REACH, FRONT_CHARS = 40, 1600
# An appeal closes the speech: the address again, then a paragraph that ends with an exclamation.
_CLOSING_END = ("！", "!", "！”", "!”")
CLOSING_REACH = 3  # lines from the address to the end of its appeal
# What heads back matter when it is set apart from the speech (attachments, notes, links).
BACK_HEAD = re.compile(
    r"^(?:附件[^\S\n]*\d{0,2}|附[:：]?|附录|附表|名词解释|名词注释|注释|注解|释义|"
    r"(?:[^\s，。]{0,16}有关内容)?名词(?:解释|注释)|相关(?:链接|报道|新闻|阅读|文章)|延伸阅读|推荐阅读)"
    r"[^\S\n]*[:：>》]*$"
)


@dataclass
class SpeechFront:
    """The front matter of a speech: every line before its salutation (`salutation`, an index)."""

    salutation: int
    who: str  # the address ("各位代表"), which the closing appeal repeats
    title: list[int] = field(default_factory=list)  # indexes of the title line(s)
    subtitles: list[str] = field(default_factory=list)
    byline: Byline | None = None


def speech_front(texts: Sequence[str]) -> SpeechFront | None:
    """The front of a speech, when one of its first lines is the salutation and nothing before it is a
    numbered heading or a long stretch of text."""
    chars = 0
    for i, text in enumerate(texts[:OPENING_REACH]):
        m = OPENING.match(text)
        if m:
            return _read_front(texts, i, m.group("who")) if i else None
        chars += len(text)
        if marker_of(text) or chars > FRONT_CHARS:
            return None
    return None


def _read_front(texts: Sequence[str], sal: int, who: str) -> SpeechFront:
    f = SpeechFront(sal, who)
    lines = list(texts[:sal])
    subtitle_at = None
    for i, text in enumerate(lines):
        if fm.is_subtitle(text) or _subtitle_then_byline(text):
            f.subtitles.append(text)
            subtitle_at = i if subtitle_at is None else subtitle_at
    f.byline = _byline(lines)
    f.title = _title(lines, subtitle_at)
    return f


_MEETING_END = re.compile(r"(?:会议|大会)上[)）]?")


def _subtitle_then_byline(text: str) -> Byline | None:
    """A subtitle with the speaker after it on one line ("…在…会议上 某某省省长 张三")."""
    m = _MEETING_END.search(text)
    if m is None or not fm.is_subtitle(text[: m.end()]):
        return None
    return byline_at([text[m.end() :].strip()], 0)


def _byline(lines: list[str]) -> Byline | None:
    for i, text in enumerate(lines):
        b = byline_at(lines, i) or _subtitle_then_byline(text)
        if b:
            return b
    for text in lines:  # the speaker's name alone on its line, under the title
        if fm.person_line(text):
            return Byline(None, text, 1, False)
    return None


def _title(lines: list[str], subtitle_at: int | None) -> list[int]:
    """The title nearest above the subtitle (a web page's own heading may repeat it further up), or
    the last line that names itself a title; a line too short to stand alone takes the one above."""
    end = subtitle_at if subtitle_at is not None else len(lines)
    named = [i for i in range(end) if fm.title_like(lines[i]) and fm.closes_title(lines[i])]
    if not named and subtitle_at is not None:
        named = [i for i in range(len(lines)) if fm.title_like(lines[i]) and fm.closes_title(lines[i])]
    if not named:  # a title that does not name itself one: the first line that can be a title
        plain = [
            i for i in range(end) if fm.title_like(lines[i]) and not fm.is_front_note(lines[i])
            and not byline_at(lines, i) and not fm.person_line(lines[i])
        ]
        return plain[:1]
    i = named[-1] if named[-1] < end else named[0]
    if i > 0 and len(lines[i]) < TITLE_ALONE and fm.title_like(lines[i - 1]) and not fm.closes_title(lines[i - 1]):
        return [i - 1, i]
    return [i]


TITLE_ALONE = 6  # "工作报告" under the organisation's name is the end of a title, not all of it


def back_matter(texts: Sequence[str], front: SpeechFront | None, body_from: int = 0) -> int | None:
    """Index of the first line after the body: after the closing appeal of a speech, or at a heading
    that sets back matter apart (附件, 名词解释, 相关链接) in the last half of the text."""
    closing = _closing(texts, front, body_from) if front else None
    if closing is not None and not _numbering_goes_on(texts, body_from, closing + 1):
        return closing + 1 if closing + 1 < len(texts) else None
    half = _half(texts, body_from)
    for i in range(max(half, body_from + 1), len(texts)):
        if BACK_HEAD.match(texts[i]):
            return i
    return None


def _closing(texts: Sequence[str], front: SpeechFront, body_from: int) -> int | None:
    """The line that ends the closing appeal: the last address to the audience ("各位代表！") in the
    last half of the body (by its characters: back matter may be many short lines), and the first
    line from it that ends with an exclamation."""
    half = _half(texts, body_from)
    last = next((i for i in range(len(texts) - 1, half - 1, -1) if texts[i].startswith(front.who)), None)
    if last is None:
        return None
    for i in range(last, min(last + CLOSING_REACH, len(texts))):
        text = texts[i].rstrip()
        if text.endswith(_CLOSING_END) and not (i == last and len(text) <= len(front.who) + 1):
            return i
    return None


def _half(texts: Sequence[str], body_from: int) -> int:
    """The index of the line where the second half of the body's characters begins."""
    total = sum(len(t) for t in texts[body_from:])
    seen = 0
    for i in range(body_from, len(texts)):
        if 2 * seen >= total:
            return i
        seen += len(texts[i])
    return len(texts)


def _numbering_goes_on(texts: Sequence[str], body_from: int, back: int) -> bool:
    """Whether a numbered part after `back` continues the body's numbering (四、 after 一、 to 三、): then
    the appeal was said inside the report, not at its end."""
    last: dict[str, int] = {}
    for text in texts[body_from:back]:
        m = marker_of(text)
        if m and m[1] is not None:
            last[m[0]] = m[1]
    for text in texts[back:]:
        m = marker_of(text)
        if m and m[1] is not None and m[0] in last and m[1] == last[m[0]] + 1:
            return True
    return False
