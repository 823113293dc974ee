"""Headings and sections within a unit's body, following the hierarchy of Chinese official
documents (see reader.core.structure.markers): numbered headings, run-in enumerations (一是……), dash-led
items, bare heading lines and heading hints from the format (Word styles, markdown '#'); then the
parts of a report that no marker shows (a closing part named by its period, the work ahead
announced inside the last section, parallel lead sentences). Sections are spans that nest and
cover the body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.chars import SENTENCE_END, word_count
from reader.core.model import HeadingHint, SectionSpan
from reader.core.structure import front
from reader.core.structure.front import balanced, byline_at, ends_sentence
from reader.core.structure.markers import DASH_ITEM, LAST, LEVEL_ORDER, marker_of, run_in_of

# Bare headings: short lines without closing punctuation, followed by body text.
BARE_MIN, BARE_MAX = 4, 40


HINTED_MAX = 60
# A heading taken from the first sentence of a paragraph is cut at this length.


RUN_IN_MAX = 60
# Never bare headings: dates, editor's notes, appendices, figure and table captions, dash lines
# (dash-led items are read as items, see DASH_ITEM).


NOT_BARE_START = re.compile(
    r"^(?:[-—–－]{1,4}|\d{4}\s*[-./]\s*\d|\d{4}\s*年\s*\d{1,2}\s*月|编者按|按语|附[:：件]|注[:：]|图|表\d)"
)


@dataclass
class Line:
    start: int
    end: int
    text: str
    hint: int | None = None


@dataclass
class Heading:
    line: Line
    kind: str
    number: int | None
    heading_end: int


def lines_of(text: str, hints: Sequence[HeadingHint]) -> list[Line]:
    hint_at = {h.offset: h.level for h in hints}
    out, pos = [], 0
    for raw in text.split("\n"):
        if raw.strip():
            out.append(Line(pos, pos + len(raw), raw, hint_at.get(pos)))
        pos += len(raw) + 1
    return out


def is_bare_heading(line: Line, next_line: Line | None) -> bool:
    text = line.text
    limit = HINTED_MAX if line.hint else BARE_MAX
    if not (BARE_MIN <= len(text) <= limit) or ends_sentence(text) or text.endswith(("，", "、", ",")):
        return False
    if NOT_BARE_START.match(text) or front.toc_entry(text) or not balanced(text):
        return False
    if byline_at([text], 0) or front.NOTE.match(text):
        return False
    if word_count(text) < 0.6 * len(text):
        return False
    if line.hint:
        return True
    # followed by body text: a longer line, or a line that opens an enumeration or a numbered list
    if next_line is None:
        return False
    opens = marker_of(next_line.text)
    return len(next_line.text) > len(text) or bool(run_in_of(next_line.text)) or bool(opens and opens[1] == 1)


def _first_sentence_end(text: str, start: int) -> int:
    """Where the heading that opens `text` ends: at the first 。！？；：(not ，)."""
    m = re.search(rf"[{SENTENCE_END}：]|[?？]{{2,}}", text[start:])
    return start + m.start() if m else len(text)


def _dash_items(lines: list[Line]) -> set[int]:
    """Ids of the dash-led lines that are items: parallel with another dash-led line, or a whole
    short line of their own; never a subtitle or the attribution under a quotation."""
    cands = [
        ln for i, ln in enumerate(lines)
        if DASH_ITEM.match(ln.text) and not front.is_subtitle(ln.text)
        and not (i > 0 and lines[i - 1].text.endswith("”"))
    ]
    items = set()
    for ln in cands:
        whole = not ends_sentence(ln.text) and len(ln.text) <= BARE_MAX + 2
        first = _first_sentence_end(ln.text, 0) <= RUN_IN_MAX
        if first and (len(cands) >= 2 or whole):
            items.add(id(ln))
    return items


def candidates(lines: list[Line]) -> list[Heading]:
    found: list[Heading] = []
    dashes = _dash_items(lines)
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if front.toc_entry(line.text):
            continue
        marker = marker_of(line.text)
        if marker:
            kind, number, _ = marker
            end = _first_sentence_end(line.text, 0)
            found.append(Heading(line, kind, number, line.start + end))
            continue
        run_in = run_in_of(line.text)
        if run_in:
            end = min(_first_sentence_end(line.text, 0), RUN_IN_MAX + run_in[1])
            found.append(Heading(line, "run_in", run_in[0], line.start + end))
            continue
        if id(line) in dashes:
            end = min(_first_sentence_end(line.text, 0), RUN_IN_MAX + 2)
            found.append(Heading(line, "dash", None, line.start + end))
            continue
        if is_bare_heading(line, nxt):
            kind = f"h{line.hint}" if line.hint else "bare"
            found.append(Heading(line, kind, None, line.end))
    return found


_ITEMS = ("dash", "run_in")  # item kinds: always below every heading kind, dashes above run-ins


def _levels(headings: list[Heading]) -> dict[str, int]:
    """Depth of each heading kind: numbered kinds in their conventional order, unnumbered kinds by
    first appearance, items (dash-led, run-in enumerations) below everything else."""
    kinds = [h.kind for h in headings if h.kind not in _ITEMS]
    hinted = [k for k in kinds if k.startswith("h")]
    merged = ["h" + min(k[1:] for k in hinted) if (k == "bare" and hinted) else k for k in kinds]
    order: list[str] = []
    for k in merged:
        if k not in order:
            order.append(k)
    numbered = sorted((k for k in order if k in LEVEL_ORDER), key=LEVEL_ORDER.index)
    # keep first-appearance order, but numbered kinds among themselves in their conventional order
    it = iter(numbered)
    order = [next(it) if k in LEVEL_ORDER else k for k in order]
    levels = {k: i + 1 for i, k in enumerate(order)}
    if "bare" in kinds and hinted:
        levels["bare"] = levels["h" + min(k[1:] for k in hinted)]
    levels["dash"] = len(order) + 1
    levels["run_in"] = len(order) + 2
    return levels


def _accept_numbering(headings: list[Heading], levels: dict[str, int]) -> list[Heading]:
    """Drop numbered candidates whose number does not continue their sequence under their parent
    ("（3）" inside a passage, a year line starting "2."). 最后 closes a sequence of any length."""
    accepted: list[Heading] = []
    last: dict[int, int] = {}  # level -> last number seen under the current parent
    for h in headings:
        level = levels[h.kind]
        if h.number is not None:
            prev = last.get(level)
            if h.kind == "run_in" and h.number == LAST:
                if prev is None:
                    continue
                last[level] = prev + 1
            elif h.number == 1 or (prev is not None and prev < h.number <= prev + 2):
                last[level] = h.number
            else:
                continue
        for deeper in [lv for lv in last if lv > level]:
            del last[deeper]
        accepted.append(h)
    return accepted


def build_sections(text: str, headings: list[Heading], levels: dict[str, int], end: int) -> list[SectionSpan]:
    """Nest headings into sections spanning to the next heading of the same or a higher level."""
    roots: list[SectionSpan] = []
    stack: list[SectionSpan] = []
    for h in headings:
        level = levels[h.kind]
        heading = text[h.line.start : h.heading_end].strip()
        sec = SectionSpan(heading, level, h.line.start, end, h.heading_end, h.kind)
        while stack and stack[-1].level >= level:
            stack.pop().end = h.line.start
        if stack:
            stack[-1].children.append(sec)
        else:
            roots.append(sec)
        stack.append(sec)
    _renumber(roots, 1)
    return roots


def _renumber(sections: list[SectionSpan], depth: int) -> None:
    for s in sections:
        s.level = depth
        _renumber(s.children, depth + 1)


def _shape(text: str) -> tuple[int, ...]:
    """Where a heading's clauses break: the lengths between its commas."""
    return tuple(len(part) for part in re.split("[，,、 ]", text))


def parallel(a: str, b: str) -> bool:
    sa, sb = _shape(a), _shape(b)
    return len(sa) == len(sb) and len(sa) > 1 and all(abs(x - y) <= 2 for x, y in zip(sa, sb, strict=True))


# What the part headings of a report name: the work reviewed or planned ("过去一年的主要工作",
# "2024年工作安排", "关于2020年的工作").
_PART_WORDS = re.compile(r"工作|任务|回顾|安排|打算|总结|情况|成绩|成效|要点|建议|展望|部署|目标|做法|经验|问题")


def _drop_stray_part(headings: list[Heading]) -> list[Heading]:
    """A lone bare line above a numbered list would make every numbered heading its child; it is
    kept only if it names a part of a report (the work reviewed or planned)."""
    bare = [h for h in headings if h.kind == "bare"]
    if len(bare) != 1:
        return headings
    after = [h for h in headings if h.line.start > bare[0].line.start and h.kind in LEVEL_ORDER]
    if after and not _PART_WORDS.search(bare[0].line.text):
        return [h for h in headings if h is not bare[0]]
    return headings


_PERIOD_WORDS = re.compile(r"(?:19|20)\d\d|今年|明年|今后|下一步|下步|新的一年|未来|过去|一年来|[二三四五]年来")


def _closing_part(headings: list[Heading], levels: dict[str, int]) -> dict[str, int]:
    """Bare lines after the last numbered section that name a part of the report by its period
    ("2024年主要任务" after "一、…六、…") are parts beside those sections, not inside the last one."""
    bare = [h for h in headings if h.kind == "bare"]
    tops = [h for h in headings if h.kind == "cn"]
    if not bare or not tops or levels["bare"] <= levels["cn"]:
        return levels
    last_top = tops[-1].line.start
    if all(h.line.start > last_top and _PART_WORDS.search(h.line.text) and _PERIOD_WORDS.search(h.line.text)
           for h in bare):
        return {**levels, "bare": levels["cn"]}
    return levels


# A paragraph announcing the work ahead and opening a list: "2023年，常委会将…重点做好以下工作：".
_ANNOUNCE = re.compile(r"(?:将|要)[^。！？]{0,80}(?:以下|如下)[^。！？]{0,12}[：:]$")


_AHEAD = re.compile(r"今后|下一步|下步|今年|明年|新的一年|(?:19|20)\d\d\s*年")


_PLAN_WORDS = re.compile(r"任务|安排|打算|计划|建议|思路|展望|部署|要点")


def _announced_part(body_lines: list[Line], headings: list[Heading]) -> list[Heading]:
    """The work ahead announced inside the last numbered section ("…加强自身建设" then its text, then
    "2023年，常委会将…重点做好以下工作：" and 一是…四是): the announcing paragraph opens a part of its
    own, beside that section, and the items are its children, not the section's."""
    if not headings:
        return headings
    levels = _levels(headings)
    top_kind = min(levels, key=lambda k: levels[k] if any(h.kind == k for h in headings) else 99)
    last_top = max(h.line.start for h in headings if h.kind == top_kind)
    top_heading = next(h for h in headings if h.line.start == last_top)
    if _PLAN_WORDS.search(top_heading.line.text):
        return headings
    starts = {h.line.start for h in headings}
    for k, ln in enumerate(body_lines):
        if ln.start <= last_top or k + 1 >= len(body_lines) or ln.start in starts:
            continue
        if any(last_top < h.line.start < ln.start for h in headings):
            break  # the section has headings of its own before it: the list is theirs
        if (body_lines[k - 1].start == last_top and top_heading.heading_end >= body_lines[k - 1].end - 1) \
                or body_lines[k + 1].start not in starts:
            continue  # right under the heading it introduces the section's own items; a lead opens a list
        if _ANNOUNCE.search(ln.text) and _AHEAD.search(ln.text):
            end = ln.start + min(len(ln.text) - 1, RUN_IN_MAX)
            lead = Heading(ln, "lead", None, end)
            return sorted([*headings, lead], key=lambda h: h.line.start)
    return headings


def body_sections(text: str, body_lines: list[Line], headings: list[Heading], end: int) -> list[SectionSpan]:
    """The section tree of a unit's body from its heading candidates: a stray part line dropped, the
    announced work ahead and the closing part placed beside the top sections, numbering checked."""
    headings = headings or _parallel_leads(body_lines)
    headings = _announced_part(body_lines, _drop_stray_part(headings))
    headings = _sentence_heads(body_lines, headings)
    levels = _closing_part(headings, _levels(headings))
    if "lead" in levels:  # an announced part stands beside the top sections
        levels["lead"] = min(v for k, v in levels.items() if any(h.kind == k for h in headings if h.kind != "lead"))
    headings = _accept_numbering(headings, levels)
    return build_sections(text, headings, levels, end)


# A lead sentence: short, closed by 。 or ！, before the paragraph's text.
_LEAD = re.compile(rf"[^{SENTENCE_END}，,、：:]{{3,16}}[。！]")
LEADS_MIN = 3


def _parallel_leads(body_lines: list[Line]) -> list[Heading]:
    """In a body no marker structures, paragraphs that open with a short sentence in parallel form
    ("坚持党的领导。……", "坚持依法监督。……", "坚持……"): at least three sharing their first two
    characters, and at least half of the body's paragraphs, are headings run into their paragraphs."""
    groups: dict[str, list[Heading]] = {}
    for ln in body_lines:
        m = _LEAD.match(ln.text)
        if m and len(ln.text) > m.end() + 10 and word_count(m.group()) >= 3:
            groups.setdefault(ln.text[:2], []).append(Heading(ln, "lead_in", None, ln.start + m.end() - 1))
    best = max(groups.values(), key=len, default=[])
    if len(best) >= LEADS_MIN and 2 * len(best) >= len(body_lines):
        return best
    return []


# A heading printed as a short sentence on a line of its own ("旗帜鲜明讲政治。", "聚焦…，…。"), its
# paragraph below it: bold in print, and the only children of its part.
SENTENCE_HEAD_MAX, SENTENCE_HEADS_MIN = 30, 3
_ONE_SENTENCE = re.compile(rf"[^{SENTENCE_END}：:]+[。！]")


def _sentence_head(lines: list[Line], k: int) -> bool:
    text = lines[k].text
    return (
        len(text) <= SENTENCE_HEAD_MAX and bool(_ONE_SENTENCE.fullmatch(text)) and word_count(text) >= 0.75 * len(text)
        and k + 1 < len(lines) and len(lines[k + 1].text) > 2 * len(text)
        and not front.SALUTATION.match(text)
    )


def _sentence_heads(body_lines: list[Line], headings: list[Heading]) -> list[Heading]:
    """In a part whose only other headings are items, three or more short sentence lines in parallel
    (the same first two characters, or all of one length) are its subsections."""
    if not headings:
        return headings
    levels = _levels(headings)
    top = min(levels[h.kind] for h in headings)
    tops = [h.line.start for h in headings if levels[h.kind] == top]
    marked = {h.line.start: h for h in headings}
    found: list[Heading] = []
    for a, b in zip(tops, [*tops[1:], None], strict=True):
        inside = [h for h in headings if a < h.line.start and (b is None or h.line.start < b)]
        if any(h.kind not in _ITEMS for h in inside):
            continue
        part = [k for k, ln in enumerate(body_lines) if a < ln.start and (b is None or ln.start < b)]
        cands = [body_lines[k] for k in part if body_lines[k].start not in marked and _sentence_head(body_lines, k)]
        groups: dict[str, list[Line]] = {}
        for ln in cands:
            groups.setdefault(ln.text[:2], []).append(ln)
        best = max(groups.values(), key=len, default=[])
        if len(best) < SENTENCE_HEADS_MIN:
            lengths = {len(ln.text) for ln in cands}
            best = cands if len(cands) >= SENTENCE_HEADS_MIN and max(lengths) - min(lengths) <= 1 else []
        found += [Heading(ln, "sentence", None, ln.end - 1) for ln in best]
    return sorted([*headings, *found], key=lambda h: h.line.start) if found else headings
