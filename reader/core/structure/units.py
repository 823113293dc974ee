"""Units and sections of a cleaned report.

A document holds one or more units (one county-level author each: a magazine issue may hold six,
each introduced by a byline such as "□ <place>人大常委会主任 <name>"). Units cover the whole text:
front matter belongs to the first unit's preface. Each unit opens with its front matter (title,
subtitle, byline: reader.core.structure.front). Its body's headings and sections come from
reader.core.structure.headings; text before the first heading is the unit's preface.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.core.chars import han_count
from reader.core.model import HeadingHint, UnitSpan
from reader.core.structure import front, speech
from reader.core.structure.front import Byline, byline_at, ends_sentence
from reader.core.structure.headings import (
    HINTED_MAX,
    NOT_BARE_START,
    Heading,
    Line,
    body_sections,
    candidates,
    is_bare_heading,
    lines_of,
    parallel,
)
from reader.core.structure.markers import marker_of, run_in_of
from reader.core.structure.places import find_names, resolve_place
from reader.core.structure.years import unit_year

_SOURCE_TAG = re.compile(r"^[【\[][^】\]]{1,12}[】\]](?=.)")


# How far above a byline a unit's title may begin, and the longest stray column fragment skipped
# on the way (a line cut from a neighbouring column of a magazine page: "制度。").
TITLE_REACH, FRAGMENT_MAX = 3, 8


@dataclass
class _Front:
    titles: list[Line] = field(default_factory=list)
    byline: Byline | None = None
    skip: set[int] = field(default_factory=set)  # ids of front lines that are not body
    body_from: int = 0  # index of the first body line in the unit's lines
    subtitles: list[str] = field(default_factory=list)


def byline_of(line: str) -> tuple[str, str | None] | None:
    """(organisation and role, name) when the whole line is a byline naming its place."""
    b = byline_at([line], 0)
    if b and b.placed and b.org:
        return b.org, b.name
    return None


def _title_above(lines: list[Line], i: int) -> tuple[int, list[Line], list[Line]]:
    """The lines above a byline (line `i`) that belong to its unit: subtitles and notes just above
    it, then up to TITLE_REACH title lines (a line that names itself a title, "…工作报告汇编", is
    another title and ends them), past one stray column fragment ("制度。"). Returns the index of
    the unit's first line, its title lines and its notes."""
    titles: list[Line] = []
    notes: list[Line] = []
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


def _unit_starts(lines: list[Line]) -> list[tuple[int, int, Byline]]:
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


def _signs_off(lines: list[Line], i: int, b: Byline) -> bool:
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
    lines = lines_of(text, hints)
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


def _front_above(unit_lines: list[Line], at: Line, byline: Byline) -> _Front:
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


def _title_below(unit_lines: list[Line], k: int, f: _Front) -> int:
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


def _front_below(unit_lines: list[Line]) -> _Front:
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
        in_toc = front.toc_entry(text)
        starts_body = (marker_of(text) or run_in_of(text) or front.SALUTATION.match(text)) and not in_toc
        if starts_body or (NOT_BARE_START.match(text) and not front.is_front_note(text)):
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


def _repeats_title(unit_lines: list[Line], k: int, titles: list[Line]) -> int:
    """How many lines from `k` repeat the title already read (a title above a table of contents comes
    again above the text), in one or two lines; 0 when they do not."""
    title = _core("".join(ln.text for ln in titles))
    one = _core(unit_lines[k].text)
    if one == title:
        return 1
    if k + 1 < len(unit_lines) and one and title.startswith(one) and one + _core(unit_lines[k + 1].text) == title:
        return 2
    return 0


def _first_heading_taken_for_title(f: _Front, headings: list[Heading]) -> bool:
    """A lone 'title' that nothing else marks as one (no byline, subtitle or title word) and that
    is built like the bare headings after it is the first of them: the copy lost its title."""
    if len(f.titles) != 1 or f.byline or f.subtitles or front.closes_title(f.titles[0].text):
        return False
    bare = [h.line.text for h in headings if h.kind == "bare"]
    return sum(1 for b in bare if parallel(f.titles[0].text, b)) >= 2


def _front_of_speech(unit_lines: list[Line], found: speech.SpeechFront) -> _Front:
    """Front matter of a speech: every line above its salutation; its title, subtitles and byline."""
    f = _Front(byline=found.byline)
    f.titles = [unit_lines[i] for i in found.title]
    f.subtitles = list(found.subtitles)
    f.skip.update(id(ln) for ln in unit_lines[: found.salutation])
    f.body_from = found.salutation
    return f


def _unit(text: str, unit_lines: list[Line], start: int, end: int, at: Line | None, byline: Byline | None,
          source_name: str | None, signed: Byline | None = None) -> UnitSpan:
    texts = [ln.text for ln in unit_lines]
    opening = speech.speech_front(texts)
    if opening is not None:
        f = _front_of_speech(unit_lines, opening)
    elif at is not None and byline is not None:
        f = _front_above(unit_lines, at, byline)
    else:
        f = _front_below(unit_lines)
    back = speech.back_matter(texts, opening, f.body_from)
    body_end = end
    if back is not None:  # attachments, notes and links after the body belong to no section
        body_end = unit_lines[back].start - 1
        unit_lines = unit_lines[:back]
    if signed is not None:  # signed at the end: not a heading, and the author when the top names none
        f.skip.update(id(ln) for ln in unit_lines if byline_at([ln.text], 0) == signed)
        if f.byline is None or not f.byline.org:
            f.byline = signed
    body_lines = [ln for ln in unit_lines[f.body_from :] if id(ln) not in f.skip]
    headings = candidates(body_lines)
    if _first_heading_taken_for_title(f, headings):
        first = f.titles.pop()
        f.skip.discard(id(first))
        body_lines.insert(0, first)
        headings = candidates(body_lines)
    sections = body_sections(text, body_lines, headings, body_end)
    # a web copy's source tag before the title ("【某某网】") is not part of it
    title = _SOURCE_TAG.sub("", "".join(ln.text for ln in f.titles)) or None
    body = text[start:end]
    b = f.byline
    decision = resolve_place(
        byline=b.org if b else None, title=title, subtitles=f.subtitles, body=body, source_name=source_name
    )
    year = unit_year(title, body, source_name, session=front.session_year(f.subtitles))
    return UnitSpan(
        start=start,
        end=end,
        title=title,
        author=b.name if b else None,
        office=b.org if b else None,
        year=year,
        place=decision.place,
        place_method=decision.method,
        sections=sections,
    )
