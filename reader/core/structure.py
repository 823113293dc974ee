"""Units and sections of a cleaned report.

A document holds one or more units (one county-level author each: a magazine issue may hold six,
each introduced by a byline such as "□ <place>人大常委会主任 <name>"). Units cover the whole text:
front matter belongs to the first unit's preface. Within a unit, headings follow the hierarchy of
Chinese official documents (see reader.core.markers); bare heading lines and heading hints from
the format (Word styles, markdown '#') are headings too. Sections are spans that nest and cover the
body; text before the first heading is the unit's preface.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.clean.chars import SENTENCE_END, han_count
from reader.core.markers import BYLINE_MARK, LEVEL_ORDER, marker_of, run_in_of
from reader.core.model import HeadingHint, SectionSpan, UnitSpan
from reader.core.places import find_names, resolve_county
from reader.core.years import unit_year

# Bare headings: short lines without closing punctuation, followed by body text.
BARE_MIN, BARE_MAX = 4, 40
HINTED_MAX = 60
# A heading taken from the first sentence of a paragraph is cut at this length.
RUN_IN_MAX = 60
_ROLE = r"(?:人大常委会|人大|人民代表大会常务委员会|人民政府|政府|政协|县委|区委|市委|旗委)?[^\s，。]{0,8}?" \
        r"(?:主任|副主任|书记|县长|区长|市长|旗长|主席|代县长|代区长|代市长|代旗长)"
_BYLINE = re.compile(rf"^(?:[□■◆◇●○▲△☆★]\s*)?(?P<org>[^\s，。：]{{2,24}}?{_ROLE})\s*(?P<name>[\u4e00-\u9fff·]{{2,4}})$")
_AUTHOR_LINE = re.compile(r"^(?:作者|文)\s*[:：|丨]\s*(?P<name>[\u4e00-\u9fff·]{2,4})(?:\s|$)")
_NOT_BARE_START = re.compile(r"^(?:[-—–－]{1,4}|\d{4}[-年./]|编者按|按语|附[:：件]|注[:：]|图|表\d)")
_SUBTITLE = re.compile(r"^(?:[-—–－]{2,}|[（(]\d{4}年)")
_PAIRS = ("《》", "“”", "（）", "()", "【】", "‘’")


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


def _lines(text: str, hints: Sequence[HeadingHint]) -> list[_Line]:
    hint_at = {h.offset: h.level for h in hints}
    out, pos = [], 0
    for raw in text.split("\n"):
        if raw.strip():
            out.append(_Line(pos, pos + len(raw), raw, hint_at.get(pos)))
        pos += len(raw) + 1
    return out


def byline_of(line: str) -> tuple[str, str] | None:
    """(organisation and role, name) when the whole line is an author's byline."""
    if len(line) > 40:
        return None
    m = _BYLINE.match(line.strip())
    if m and (find_names(m.group("org"), include_generic=True) or BYLINE_MARK.match(line)):
        return m.group("org"), m.group("name")
    return None


def _balanced(text: str) -> bool:
    return all(text.count(a) == text.count(b) for a, b in _PAIRS)


def _ends_sentence(text: str) -> bool:
    return text.rstrip("”’」』）)").endswith(tuple(SENTENCE_END + "：:…"))


def is_bare_heading(line: _Line, next_line: _Line | None) -> bool:
    text = line.text
    limit = HINTED_MAX if line.hint else BARE_MAX
    if not (BARE_MIN <= len(text) <= limit) or _ends_sentence(text) or text.endswith(("，", "、", ",")):
        return False
    if _NOT_BARE_START.match(text) or byline_of(text) or not _balanced(text):
        return False
    if han_count(text) < 0.6 * len(text):
        return False
    if line.hint:
        return True
    # followed by body text: a longer line, or a line that opens an enumeration
    return next_line is not None and (len(next_line.text) > len(text) or bool(run_in_of(next_line.text)))


def _first_sentence_end(text: str, start: int) -> int:
    """Where the heading that opens `text` ends: at the first 。！？；：(not ，)."""
    m = re.search(rf"[{SENTENCE_END}：]|[?？]{{2,}}", text[start:])
    return start + m.start() if m else len(text)


def _candidates(lines: list[_Line]) -> list[_Heading]:
    found: list[_Heading] = []
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else None
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
        if is_bare_heading(line, nxt):
            kind = f"h{line.hint}" if line.hint else "bare"
            found.append(_Heading(line, kind, None, line.end))
    return found


def _levels(headings: list[_Heading]) -> dict[str, int]:
    """Depth of each heading kind: numbered kinds in their conventional order, unnumbered kinds by
    first appearance, run-in enumerations always below everything else."""
    kinds = [h.kind for h in headings if h.kind != "run_in"]
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
    levels["run_in"] = len(order) + 1
    return levels


def _accept_numbering(headings: list[_Heading], levels: dict[str, int]) -> list[_Heading]:
    """Drop numbered candidates whose number does not continue their sequence under their parent
    ("（3）" inside a passage, a year line starting "2.")."""
    accepted: list[_Heading] = []
    last: dict[int, int] = {}  # level -> last number seen under the current parent
    for h in headings:
        level = levels[h.kind]
        if h.number is not None:
            prev = last.get(level)
            ok = h.number == 1 or (prev is not None and prev < h.number <= prev + 2)
            if not ok and h.kind != "run_in":
                continue
            if not ok:
                continue
            last[level] = h.number
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


def _unit_starts(lines: list[_Line]) -> list[tuple[int, int]]:
    """(index of the unit's first line, index of its byline) for each byline naming an author."""
    bylines = [i for i, ln in enumerate(lines) if byline_of(ln.text)]
    starts = []
    for i in bylines:
        first = i
        # the unit's title: heading-like lines just above the byline (skipping a stray fragment)
        j = i - 1
        while j >= 0 and i - j <= 3:
            cand = lines[j]
            if is_bare_heading(cand, lines[j + 1]) or (cand.hint and len(cand.text) <= HINTED_MAX):
                first = j
                j -= 1
                continue
            if len(cand.text) <= 8 and first == i:  # a fragment of a neighbouring column
                j -= 1
                continue
            break
        starts.append((first, i))
    return starts


def find_units(text: str, hints: Sequence[HeadingHint] = (), source_name: str | None = None) -> list[UnitSpan]:
    lines = _lines(text, hints)
    if not lines:
        return [UnitSpan(0, len(text))]
    starts = _unit_starts(lines)
    distinct = len({byline_of(lines[b].text) for _, b in starts})
    if len(starts) <= 1 or distinct <= 1:
        starts = [(0, starts[0][1])] if starts else [(0, -1)]
    else:
        starts[0] = (0, starts[0][1])
    units = []
    for k, (first, byline_idx) in enumerate(starts):
        last = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        unit_lines = lines[first:last]
        start = 0 if k == 0 else lines[first].start
        end = len(text) if k + 1 == len(starts) else lines[last].start
        byline = lines[byline_idx] if byline_idx >= 0 else None
        units.append(_unit(text, unit_lines, start, end, byline, source_name))
    if any(u.year is None for u in units):
        year = unit_year(None, text, source_name)
        for u in units:
            u.year = u.year or year
    return units


def _title_lines(unit_lines: list[_Line], byline: _Line | None) -> list[_Line]:
    """Heading-like lines that open the unit before its body (or just above its byline)."""
    if byline is not None:
        idx = unit_lines.index(byline) if byline in unit_lines else 0
        above = unit_lines[:idx]
        picked: list[_Line] = []
        for k in range(len(above) - 1, -1, -1):
            ln = above[k]
            nxt = above[k + 1] if k + 1 < len(above) else byline
            if _SUBTITLE.match(ln.text) and not picked:
                continue  # "——在第十三届人民代表大会上", "（2012年2月29日）" between title and byline
            if (is_bare_heading(ln, nxt) or _title_like(ln) or ln.hint) and len(ln.text) <= HINTED_MAX:
                picked.insert(0, ln)
            elif picked or len(ln.text) > 8:
                break
        return picked
    picked = []
    for i, ln in enumerate(unit_lines[:4]):
        nxt = unit_lines[i + 1] if i + 1 < len(unit_lines) else None
        if marker_of(ln.text) or run_in_of(ln.text):
            break
        if ln.text.startswith(("——", "--", "－－")) and picked:
            continue  # a subtitle
        if is_bare_heading(ln, nxt) or (nxt is not None and _title_like(ln)):
            picked.append(ln)
            continue
        break
    return picked


def _title_like(line: _Line) -> bool:
    """A line that can be (part of) a title: short, unpunctuated at the end, mostly hanzi."""
    text = line.text
    return (
        BARE_MIN <= len(text) <= HINTED_MAX
        and not _ends_sentence(text)
        and _balanced(text)
        and han_count(text) >= 0.6 * len(text)
        and not byline_of(text)
        and not _NOT_BARE_START.match(text)
    )


def _unit(text: str, unit_lines: list[_Line], start: int, end: int, byline: _Line | None,
          source_name: str | None) -> UnitSpan:
    titles = _title_lines(unit_lines, byline)
    skip = {id(ln) for ln in titles}
    if byline is not None:
        skip.add(id(byline))
    body_lines = [ln for ln in unit_lines if id(ln) not in skip and ln.start >= (titles[-1].end if titles else start)]
    if byline is not None:
        body_lines = [ln for ln in body_lines if ln.start > byline.start]
    headings = _candidates(body_lines)
    levels = _levels(headings)
    headings = _accept_numbering(headings, levels)
    sections = build_sections(text, headings, levels, end)
    title = "".join(ln.text for ln in titles) or None
    title_for_place = title
    body = text[start:end]
    author = None
    byline_text = byline.text if byline is not None else None
    if byline_text:
        parsed = byline_of(byline_text)
        author = parsed[1] if parsed else None
    else:
        for ln in unit_lines[:8]:
            m = _AUTHOR_LINE.match(ln.text)
            if m:
                author = m.group("name")
                break
    decision = resolve_county(byline=byline_text, title=title_for_place, body=body, source_name=source_name)
    return UnitSpan(
        start=start,
        end=end,
        title=title,
        author=author,
        year=unit_year(title, body, source_name),
        place=decision.place,
        place_method=decision.method,
        sections=sections,
    )
