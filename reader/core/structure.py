"""Units and sections of a cleaned report.

A document holds one or more units (one county-level author each: a magazine issue may hold six,
each introduced by a byline such as "□ <place>人大常委会主任 <name>"). Units cover the whole text:
front matter belongs to the first unit's preface. Each unit opens with its front matter (title,
subtitle, byline: reader.core.front). Within a unit, headings follow the hierarchy of Chinese
official documents (see reader.core.markers); bare heading lines and heading hints from the format
(Word styles, markdown '#') are headings too. Sections are spans that nest and cover the body; text
before the first heading is the unit's preface.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.core import front
from reader.core.clean.chars import SENTENCE_END, han_count, word_count
from reader.core.front import Byline, balanced, byline_at, ends_sentence
from reader.core.markers import DASH_ITEM, LAST, LEVEL_ORDER, marker_of, run_in_of
from reader.core.model import HeadingHint, SectionSpan, UnitSpan
from reader.core.places import find_names, resolve_county
from reader.core.years import unit_year

# Bare headings: short lines without closing punctuation, followed by body text.
BARE_MIN, BARE_MAX = 4, 40
HINTED_MAX = 60
# A heading taken from the first sentence of a paragraph is cut at this length.
RUN_IN_MAX = 60
# Never bare headings: dates, editor's notes, appendices, figure and table captions, dash lines
# (dash-led items are read as items, see DASH_ITEM).
_NOT_BARE_START = re.compile(
    r"^(?:[-—–－]{1,4}|\d{4}\s*[-./]\s*\d|\d{4}\s*年\s*\d{1,2}\s*月|编者按|按语|附[:：件]|注[:：]|图|表\d)"
)
_SOURCE_TAG = re.compile(r"^[【\[][^】\]]{1,12}[】\]](?=.)")
# How far above a byline a unit's title may begin, and the longest stray column fragment skipped
# on the way (a line cut from a neighbouring column of a magazine page: "制度。").
TITLE_REACH, FRAGMENT_MAX = 3, 8


@dataclass
class _Line:
    start: int
    end: int
    text: str
    hint: int | None = None


@dataclass
class _Heading:
    line: _Line
    kind: str
    number: int | None
    heading_end: int


@dataclass
class _Front:
    titles: list[_Line] = field(default_factory=list)
    byline: Byline | None = None
    skip: set[int] = field(default_factory=set)  # ids of front lines that are not body
    body_from: int = 0  # index of the first body line in the unit's lines
    subtitles: list[str] = field(default_factory=list)


def _lines(text: str, hints: Sequence[HeadingHint]) -> list[_Line]:
    hint_at = {h.offset: h.level for h in hints}
    out, pos = [], 0
    for raw in text.split("\n"):
        if raw.strip():
            out.append(_Line(pos, pos + len(raw), raw, hint_at.get(pos)))
        pos += len(raw) + 1
    return out


def byline_of(line: str) -> tuple[str, str | None] | None:
    """(organisation and role, name) when the whole line is a byline naming its place."""
    b = byline_at([line], 0)
    if b and b.placed and b.org:
        return b.org, b.name
    return None


def is_bare_heading(line: _Line, next_line: _Line | None) -> bool:
    text = line.text
    limit = HINTED_MAX if line.hint else BARE_MAX
    if not (BARE_MIN <= len(text) <= limit) or ends_sentence(text) or text.endswith(("，", "、", ",")):
        return False
    if _NOT_BARE_START.match(text) or front.TOC_ENTRY.search(text) or not balanced(text):
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


def _dash_items(lines: list[_Line]) -> set[int]:
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


def _candidates(lines: list[_Line]) -> list[_Heading]:
    found: list[_Heading] = []
    dashes = _dash_items(lines)
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if front.TOC_ENTRY.search(line.text):
            continue
        marker = marker_of(line.text)
        if marker:
            kind, number, _ = marker
            end = _first_sentence_end(line.text, 0)
            found.append(_Heading(line, kind, number, line.start + end))
            continue
        run_in = run_in_of(line.text)
        if run_in:
            end = min(_first_sentence_end(line.text, 0), RUN_IN_MAX + run_in[1])
            found.append(_Heading(line, "run_in", run_in[0], line.start + end))
            continue
        if id(line) in dashes:
            end = min(_first_sentence_end(line.text, 0), RUN_IN_MAX + 2)
            found.append(_Heading(line, "dash", None, line.start + end))
            continue
        if is_bare_heading(line, nxt):
            kind = f"h{line.hint}" if line.hint else "bare"
            found.append(_Heading(line, kind, None, line.end))
    return found


_ITEMS = ("dash", "run_in")  # item kinds: always below every heading kind, dashes above run-ins


def _levels(headings: list[_Heading]) -> dict[str, int]:
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


def _accept_numbering(headings: list[_Heading], levels: dict[str, int]) -> list[_Heading]:
    """Drop numbered candidates whose number does not continue their sequence under their parent
    ("（3）" inside a passage, a year line starting "2."). 最后 closes a sequence of any length."""
    accepted: list[_Heading] = []
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


def build_sections(text: str, headings: list[_Heading], levels: dict[str, int], end: int) -> list[SectionSpan]:
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


def _title_above(lines: list[_Line], i: int) -> tuple[int, list[_Line], list[_Line]]:
    """The lines above a byline (line `i`) that belong to its unit: subtitles and notes just above
    it, then up to TITLE_REACH title lines (a line that names itself a title, "…工作报告汇编", is
    another title and ends them), past one stray column fragment ("制度。"). Returns the index of
    the unit's first line, its title lines and its notes."""
    titles: list[_Line] = []
    notes: list[_Line] = []
    first = i
    j = i - 1
    while j >= 0 and i - j <= TITLE_REACH + 4:
        ln, nxt = lines[j], lines[j + 1]
        text = ln.text
        if not titles and front.is_front_note(text):
            notes.insert(0, ln)
            first = j
        elif titles and front.is_front_note(text):
            break  # what is above a title's notes (an issue line, a date) belongs to no title
        elif (
            len(titles) < TITLE_REACH and len(text) <= HINTED_MAX and not marker_of(text)
            and (is_bare_heading(ln, nxt) or front.title_like(text) or ln.hint)
        ):
            if titles and front.closes_title(text):
                break
            titles.insert(0, ln)
            first = j
        elif titles or len(text) > FRAGMENT_MAX or notes:
            break
        j -= 1
    return first, titles, notes


def _unit_starts(lines: list[_Line]) -> list[tuple[int, int, Byline]]:
    """(index of the unit's first line, index of its byline, the byline) for each byline that
    names its place."""
    texts = [ln.text for ln in lines]
    starts = []
    for i in range(len(lines)):
        b = byline_at(texts, i)
        if b and b.placed:
            first, titles, _ = _title_above(lines, i)
            if b.org is None and not titles:
                continue  # a marked name ("□ 王五") opens a unit only under its title
            starts.append((first, i, b))
    return starts


# Characters after a byline below which it signs a text off rather than opens a unit.
SIGNATURE_MAX = 40


def _signs_off(lines: list[_Line], i: int, b: Byline) -> bool:
    """A byline with (almost) nothing after it, and no heading, is the author's signature at the end
    of a text."""
    after = lines[i + b.lines :]
    if any(ln.hint or marker_of(ln.text) for ln in after):
        return False
    return sum(len(ln.text) for ln in after) < SIGNATURE_MAX


def _byline_key(b: Byline) -> tuple:
    return tuple(find_names(b.org or "", include_generic=True)) or (b.org,), b.name


def find_units(
    text: str, hints: Sequence[HeadingHint] = (), source_name: str | None = None, *, published: int | None = None
) -> list[UnitSpan]:
    """The units of a cleaned text with their front matter, places, years and sections. `published`:
    the year a web copy was published (Cleaned.published), a unit's year when nothing else gives one."""
    lines = _lines(text, hints)
    if not lines:
        return [UnitSpan(0, len(text))]
    starts, signatures = [], []
    seen: set[tuple] = set()
    for first, i, b in _unit_starts(lines):
        if _signs_off(lines, i, b):
            signatures.append((i, b))
        elif _byline_key(b) not in seen:  # the same author again ("…主任 张三", "…党组书记、主任 张三")
            seen.add(_byline_key(b))
            starts.append((first, i, b))
    if starts:
        starts[0] = (0, starts[0][1], starts[0][2])
    units = []
    for k, (first, byline_idx, byline) in enumerate(starts or [(0, -1, None)]):
        last = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        unit_lines = lines[first:last]
        start = 0 if k == 0 else lines[first].start
        end = len(text) if k + 1 >= len(starts) else lines[last].start
        at = lines[byline_idx] if byline_idx >= 0 else None
        signed = next((b for i, b in signatures if lines[i] in unit_lines), None)
        units.append(_unit(text, unit_lines, start, end, at, byline, source_name, signed))
    if any(u.year is None for u in units):
        year = unit_year(None, text, source_name) or published
        for u in units:
            u.year = u.year or year
    return units


def _front_above(unit_lines: list[_Line], at: _Line, byline: Byline) -> _Front:
    """Front matter of a unit whose byline was found: the title just above it (past subtitles),
    the byline and what follows it before the body (a note of the author's organisation,
    subtitles, notes)."""
    f = _Front(byline=byline)
    idx = next((k for k, ln in enumerate(unit_lines) if ln is at), 0)
    _, f.titles, notes = _title_above(unit_lines, idx)
    f.skip.update(id(ln) for ln in notes)
    f.subtitles.extend(ln.text for ln in notes)
    f.skip.update(id(ln) for ln in f.titles)
    f.skip.add(id(at))
    k = idx + byline.lines
    for ln in unit_lines[idx + 1 : k]:
        f.skip.add(id(ln))
    while k < len(unit_lines) and k - idx <= 4:
        ln = unit_lines[k]
        if front.is_front_note(ln.text) or front.org_note(ln.text):
            f.skip.add(id(ln))
            f.subtitles.append(ln.text)
            k += 1
            continue
        break
    if not f.titles:
        k = _title_below(unit_lines, k, f)
    f.body_from = k
    return f


def _title_below(unit_lines: list[_Line], k: int, f: _Front) -> int:
    """A byline above its title ("作者：…主任 张三", then the title, then the text): the title-like line
    right after the byline, when body text follows it. Returns the index of the first body line."""
    if k + 1 >= len(unit_lines):
        return k
    ln, nxt = unit_lines[k], unit_lines[k + 1]
    if marker_of(ln.text) or run_in_of(ln.text) or not front.title_like(ln.text):
        return k
    if marker_of(nxt.text) or not (ends_sentence(nxt.text) or len(nxt.text) > len(ln.text)):
        return k
    f.titles.append(ln)
    f.skip.add(id(ln))
    return k + 1


def _front_below(unit_lines: list[_Line]) -> _Front:
    """Front matter of a unit read from its top: junk before the title, the title (closed by what
    it names itself, "…工作报告", or by a subtitle or byline after it), subtitles, notes, a table of
    contents, a byline (also one without a place: "县人大常委会主任 孟凡东"), an author line."""
    f = _Front()
    texts = [ln.text for ln in unit_lines]
    closed = False
    k = toc = 0  # entries of a table of contents do not count towards FRONT_MAX
    while k < len(unit_lines) and k - toc < front.FRONT_MAX:
        ln = unit_lines[k]
        text = ln.text
        in_toc = bool(front.TOC_ENTRY.search(text))
        starts_body = (marker_of(text) or run_in_of(text) or front.SALUTATION.match(text)) and not in_toc
        if starts_body or (_NOT_BARE_START.match(text) and not front.is_front_note(text)):
            break
        if front.is_front_note(text):
            f.skip.add(id(ln))
            f.subtitles.append(text)
            closed = closed or bool(f.titles)
            toc += in_toc
            k += 1
            continue
        repeated = _repeats_title(unit_lines, k, f.titles) if f.titles else 0
        if repeated:  # the title again, below a table of contents
            f.skip.update(id(x) for x in unit_lines[k : k + repeated])
            k += repeated
            continue
        b = byline_at(texts, k) if f.byline is None else None
        if b:
            f.byline = b
            f.skip.update(id(x) for x in unit_lines[k : k + b.lines])
            closed = closed or bool(f.titles)
            k += b.lines
            continue
        if f.titles and f.byline is None and front.person_line(text):
            f.byline = Byline(None, text, 1, False)
            f.skip.add(id(ln))
            closed = True
            k += 1
            continue
        nxt = unit_lines[k + 1] if k + 1 < len(unit_lines) else None
        if not closed and nxt is not None and (front.title_like(text) or (ln.hint and len(text) <= HINTED_MAX)):
            f.titles.append(ln)
            f.skip.add(id(ln))
            closed = front.closes_title(text)
            k += 1
            continue
        junk = len(text) <= HINTED_MAX and not ends_sentence(text) and han_count(text) < 0.6 * len(text)
        if junk and not f.titles and not closed:
            f.skip.add(id(ln))  # a page's leftovers before the title ("PDF «上一版 下一版»")
            k += 1
            continue
        break
    f.body_from = k
    return f


_CORE = re.compile(r"[\u3400-\u9fff0-9A-Za-z]")


def _core(text: str) -> str:
    return "".join(_CORE.findall(text))


def _repeats_title(unit_lines: list[_Line], k: int, titles: list[_Line]) -> int:
    """How many lines from `k` repeat the title already read (a title above a table of contents comes
    again above the text), in one or two lines; 0 when they do not."""
    title = _core("".join(ln.text for ln in titles))
    one = _core(unit_lines[k].text)
    if one == title:
        return 1
    if k + 1 < len(unit_lines) and one and title.startswith(one) and one + _core(unit_lines[k + 1].text) == title:
        return 2
    return 0


def _shape(text: str) -> tuple[int, ...]:
    """Where a heading's clauses break: the lengths between its commas."""
    return tuple(len(part) for part in re.split("[，,、 ]", text))


def _parallel(a: str, b: str) -> bool:
    sa, sb = _shape(a), _shape(b)
    return len(sa) == len(sb) and len(sa) > 1 and all(abs(x - y) <= 2 for x, y in zip(sa, sb, strict=True))


def _first_heading_taken_for_title(f: _Front, headings: list[_Heading]) -> bool:
    """A lone 'title' that nothing else marks as one (no byline, subtitle or title word) and that
    is built like the bare headings after it is the first of them: the copy lost its title."""
    if len(f.titles) != 1 or f.byline or f.subtitles or front.closes_title(f.titles[0].text):
        return False
    bare = [h.line.text for h in headings if h.kind == "bare"]
    return sum(1 for b in bare if _parallel(f.titles[0].text, b)) >= 2


# What the part headings of a report name: the work reviewed or planned ("过去一年的主要工作",
# "2024年工作安排", "关于2020年的工作").
_PART_WORDS = re.compile(r"工作|任务|回顾|安排|打算|总结|情况|成绩|成效|要点|建议|展望|部署|目标|做法|经验|问题")


def _drop_stray_part(headings: list[_Heading]) -> list[_Heading]:
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


def _closing_part(headings: list[_Heading], levels: dict[str, int]) -> dict[str, int]:
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


def _announced_part(body_lines: list[_Line], headings: list[_Heading]) -> list[_Heading]:
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
            lead = _Heading(ln, "lead", None, end)
            return sorted([*headings, lead], key=lambda h: h.line.start)
    return headings


def _unit(text: str, unit_lines: list[_Line], start: int, end: int, at: _Line | None, byline: Byline | None,
          source_name: str | None, signed: Byline | None = None) -> UnitSpan:
    f = _front_above(unit_lines, at, byline) if at is not None and byline is not None else _front_below(unit_lines)
    if signed is not None:  # signed at the end: not a heading, and the author when the top names none
        f.skip.update(id(ln) for ln in unit_lines if byline_at([ln.text], 0) == signed)
        if f.byline is None or not f.byline.org:
            f.byline = signed
    body_lines = [ln for ln in unit_lines[f.body_from :] if id(ln) not in f.skip]
    headings = _candidates(body_lines)
    if _first_heading_taken_for_title(f, headings):
        first = f.titles.pop()
        f.skip.discard(id(first))
        body_lines.insert(0, first)
        headings = _candidates(body_lines)
    headings = _announced_part(body_lines, _drop_stray_part(headings))
    levels = _closing_part(headings, _levels(headings))
    if "lead" in levels:  # an announced part stands beside the top sections
        levels["lead"] = min(v for k, v in levels.items() if any(h.kind == k for h in headings if h.kind != "lead"))
    headings = _accept_numbering(headings, levels)
    sections = build_sections(text, headings, levels, end)
    # a web copy's source tag before the title ("【某某网】") is not part of it
    title = _SOURCE_TAG.sub("", "".join(ln.text for ln in f.titles)) or None
    body = text[start:end]
    b = f.byline
    decision = resolve_county(byline=b.org if b else None, title=title, body=body, source_name=source_name)
    year = unit_year(title, body, source_name, session=front.session_year(f.subtitles))
    return UnitSpan(
        start=start,
        end=end,
        title=title,
        author=b.name if b else None,
        year=year,
        place=decision.place,
        place_method=decision.method,
        sections=sections,
    )
