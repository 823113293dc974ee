"""Repairs for text out of OCR and column layouts: spaces inside Chinese, lines broken inside a
sentence. Real paragraph and heading breaks stay."""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Callable
from itertools import product

from reader.core.chars import CJK, CLOSING, SENTENCE_END, is_han
from reader.core.clean.textmap import MappedText, join_pieces, substitute
from reader.core.structure.front import SALUTATION, byline_at, is_front_note
from reader.core.structure.markers import marker_of, run_in_of, starts_with_marker

_SPACE_IN_CHINESE = re.compile(rf"(?<=[{CJK}])[ \t\u3000\u00a0]+(?=[{CJK}])")
SPACE_STARTS = re.compile("[ \t\u3000\u00a0]")  # what its matches begin with (textmap.finditer_at)
# A line this long that does not end a sentence was broken by the layout, not by the author.
LONG_LINE = 40
_OPEN_END = "，、：:（(“‘《「『—-"


def remove_spaces_in_chinese(mt: MappedText) -> MappedText:
    return substitute(mt, _SPACE_IN_CHINESE, "", SPACE_STARTS)


def _ends_sentence(line: str) -> bool:
    return line.endswith(tuple(SENTENCE_END)) or (
        line.endswith(tuple(CLOSING)) and len(line) > 1 and line[-2] in SENTENCE_END
    ) or line.endswith(("…", "……", "!", "?")) or (line.endswith(".") and not line[-2:-1].isdigit())


# A line this short without closing punctuation may be a heading: never glue it to the one before.
SHORT_LINE = 36
# A layout of fixed width (OCR of a column, a PDF page): at least this many lines, and this share of
# the lines, have the same length give or take one.
FIXED_MIN_LINES, FIXED_SHARE, FIXED_MIN_WIDTH, FIXED_OVER, FIXED_RUNS = 4, 0.25, 12, 0.1, 2


_NARROW = re.compile("[\x00-\u2e7f]")


def visual_width(line: str) -> int:
    """A line's width on the page, in full-width characters: digits, letters and ASCII marks take
    half a place ("1.2亿元" is four places, not five)."""
    return round(len(line) - 0.5 * len(_NARROW.findall(line)))


def layout_width(lines: list[str], indents: list[int] | None = None,
                 measure: Callable[[str], int] = visual_width) -> int | None:
    """The width of a fixed-width layout, or None when paragraphs are lines of their own: the
    commonest width (give or take one), if enough lines have it, most of them stop mid-sentence,
    hardly any line is wider, and full lines follow each other. `indents`: the width of each line's
    indentation, which takes its place on the page. `measure`: a line's width (its places on the
    page, or its characters where a text was wrapped by count)."""
    widths = [measure(ln) + (indents[i] if indents else 0) for i, ln in enumerate(lines)]
    counts = Counter(w for w in widths if w >= FIXED_MIN_WIDTH)
    total = sum(counts.values())
    if total < FIXED_MIN_LINES:
        return None
    centre = max(counts, key=lambda w: (counts[w - 1] + counts[w] + counts[w + 1], w))
    near = [ln for ln, w in zip(lines, widths, strict=True) if abs(w - centre) <= 1]
    if len(near) < FIXED_MIN_LINES or len(near) < FIXED_SHARE * total:
        return None
    if sum(1 for ln in near if not _ends_sentence(ln)) < 0.6 * len(near):
        return None
    width = centre
    if sum(1 for w in widths if w > width + 1) > FIXED_OVER * total:
        return None  # paragraphs run past it: short lines of similar length are headings, not a layout
    full = [w >= width - 1 and not _ends_sentence(ln) for ln, w in zip(lines, widths, strict=True)]
    if sum(1 for a, b in zip(full, full[1:], strict=False) if a and b) < FIXED_RUNS:
        return None  # a layout breaks paragraphs into runs of full lines; headings stand alone
    return width


def layout_measure(lines: list[str], indents: list[int] | None = None) -> Callable[[str], int]:
    """How a fixed-width layout counts its width: in places on the page (visual_width: a digit or
    letter takes half a place), as a laid-out page or an OCR'd column does, or in characters (len), as a
    text wrapped by a count of characters does. The one under which more lines fill the layout
    without ending a sentence; places when they are as many (or there is no layout)."""
    best, most = visual_width, -1
    for measure in (visual_width, len):
        width = layout_width(lines, indents, measure)
        if width is None:
            continue
        full = sum(1 for i, ln in enumerate(lines)
                   if abs(measure(ln) + (indents[i] if indents else 0) - width) <= 1 and not _ends_sentence(ln))
        if full > most:
            best, most = measure, full
    return best


def is_broken(
    line: str, next_line: str, hinted: bool, next_hinted: bool = False, width: int | None = None, carried: int = 0,
    indent: int = 0, next_indented: bool = False, next_continues: bool = True, next_parallel: bool = False,
    full: bool | None = None,
) -> bool:
    """Whether `line` continues in `next_line` (the layout broke a sentence). `width`: the visual
    width of a fixed-width layout; a line that fills it (with its `indent`, the width of the white
    space it began with) without ending a sentence goes on, unless the next line is indented: a
    paragraph's first line. `carried`: the length of the paragraph `line` ends, when earlier lines
    were joined to it. `next_continues`: whether a marker opening the next line continues the numbering
    seen so far (（二） after （一）); one that does not ("第七、第九" with no 第六) is text a full line
    runs into. `full`: whether `line` fills the layout (as the file had it: join_broken_lines measures
    it there); by default its visual width with its indent against `width`."""
    if hinted or next_hinted or not next_line or _ends_sentence(line):
        return False
    if SALUTATION.match(next_line):  # "各位代表：" opens the speech after its front lines
        return False
    if DANGLING.search(line) or CONTINUATION.match(next_line):
        return True  # "…经济社会发展的" / "主要目标" / "是：…": a phrase set apart (bold in print) goes on
    if width is not None and next_indented:
        return False  # an indented line opens a paragraph of a laid-out page
    if full is None:
        full = width is not None and visual_width(line) + indent >= width - 1
    if width is not None and full:
        # a full line goes on, even into a line that happens to begin like a heading ("第七、第九",
        # "一、开放、竞争、有序的…"), unless both are headings or the next line is front matter (a
        # title is as wide)
        if starts_with_marker(next_line) and (starts_with_marker(line) or next_continues or line.endswith(("：", ":"))):
            return False
        return not (is_front_note(next_line) or byline_at([next_line], 0))
    if starts_with_marker(next_line):
        return False
    if width is not None and _heading_tail(line, next_line):
        return True
    if len(next_line) <= SHORT_LINE and not _ends_sentence(next_line) and (
        not line.endswith(tuple(_OPEN_END)) or line.endswith(("：", ":"))
    ):
        # a short line on its own may be a heading (also after "各位代表："), but not in the middle of a
        # paragraph: a long line that stops mid-sentence goes on in it (a link's text on a line of its own)
        # (unless the line stopped after a number, where OCR drops a full stop, or the short line has a
        # parallel elsewhere in the text: a heading among headings)
        return not next_parallel and is_han(line[-1]) and _unfinished_paragraph(line, max(carried, len(line)))
    if line.endswith(tuple(_OPEN_END)):
        # after a colon, a short sentence of its own is the first item of what the colon announces
        return not (line.endswith(("：", ":")) and _short_sentence(next_line))
    if run_in_of(line):  # "一是加强代表培训,提升代表" then "履职能力。…"
        return True
    return max(len(line), carried) >= LONG_LINE and not starts_with_marker(line)


# Words that cannot end a sentence, a heading or a title, and what cannot begin a paragraph.
DANGLING = re.compile(r"(?<![目有])的$|以及$|并且$|或者$")
CONTINUATION = re.compile(r"^(?:是[：:]|[，、；：,;:)）」』”])")


# A sentence this short on a line of its own is an item or a heading, not the rest of a paragraph.
SHORT_SENTENCE = 30


def _short_sentence(line: str) -> bool:
    return len(line) <= SHORT_SENTENCE and _ends_sentence(line) and not any(c in SENTENCE_END for c in line[:-1])


def _unfinished_paragraph(line: str, length: int) -> bool:
    """A paragraph of body text (long, not a numbered heading or front matter) that stops mid-sentence."""
    return (
        length >= LONG_LINE and not line.endswith(("：", ":")) and not starts_with_marker(line)
        and not is_front_note(line) and not byline_at([line], 0)
    )


def _sentence_tail(line: str) -> bool:
    """A line that ends a sentence inside it and goes on ("共建“一带一路”扎实推进。推动"): the rest of a
    paragraph, never a heading."""
    return not starts_with_marker(line) and any(c in SENTENCE_END for c in line[:-1])


# The most characters the end of a broken heading may have on its own line ("更加坚定").
TAIL_MAX = 6


def _heading_tail(line: str, next_line: str) -> bool:
    """In a fixed-width layout, a numbered heading of two clauses ("一、坚持党的领导，人大工作正确政治方向")
    whose last words went to a line of their own ("更加坚定"): a fragment too short to be a heading."""
    return (
        bool(starts_with_marker(line)) and "，" in line
        and len(next_line) <= TAIL_MAX and not _ends_sentence(next_line) and not is_front_note(next_line)
    )


def indent_of(original: str, at: int) -> int:
    """The visual width of the white space a line of `original` begins with, before offset `at` (its
    first character): a full-width space is one place, two ASCII spaces one; 0 when anything but
    white space stands before `at` on its line."""
    start = original.rfind("\n", 0, at) + 1
    lead = original[start:at]
    if not lead or lead.strip(INDENT_SPACES):
        return 0
    return round(sum(1 if ch in "\u3000\t" else 0.5 for ch in lead))


INDENT_SPACES = " \t\u3000\u00a0"
# Paragraphs of a laid-out page are told by their indented first lines when at least this share of the
# lines, and not nearly all of them, are indented.
INDENTED_SHARE = (0.05, 0.9)


def join_broken_lines(mt: MappedText, hinted_starts: set[int], original: str = "") -> MappedText:
    """Join lines broken inside a sentence; `hinted_starts` are original offsets of heading lines;
    `original` shows where lines were indented (paragraph starts of a laid-out page)."""
    text, src = mt.text, mt.sources
    lines: list[tuple[int, int]] = []  # (start, end) of non-empty lines
    pos = 0
    for raw in text.split("\n"):
        if raw:
            lines.append((pos, pos + len(raw)))
        pos += len(raw) + 1
    indents = [indent_of(original, src[s]) if original and src[s] < len(original) else 0 for s, _ in lines]
    share = sum(1 for i in indents if i) / max(len(lines), 1)
    indented = INDENTED_SHARE[0] <= share <= INDENTED_SHARE[1]
    if not indented:
        indents = [0] * len(lines)  # no layout of indented paragraphs: indentation tells nothing
    texts = [text[s:e] for s, e in lines]
    # a line's width is the one it had in the file: cleaning may have taken glosses, spaces or doubled
    # marks out of it
    page = [_as_in_file(original, src, s, e) or texts[k] for k, (s, e) in enumerate(lines)] if original else texts
    measure = layout_measure(page, indents)
    width = layout_width(page, indents, measure)
    fills = [width is not None and measure(p) + indents[k] >= width - 1 for k, p in enumerate(page)]
    paired = {k for k in _parallel_short_lines(texts) if not fills[k]}  # a full line is a piece of a paragraph
    drop: list[tuple[int, int]] = []  # separators to remove
    carried = 0  # length of the paragraph joined so far
    numbering = _Numbering()
    if lines:
        numbering.see(text[lines[0][0] : lines[0][1]])
    for k, ((s, e), (s2, e2)) in enumerate(zip(lines, lines[1:], strict=False)):
        hinted = src[s] in hinted_starts
        next_hinted = src[s2] in hinted_starts
        carried += e - s
        nxt = text[s2:e2]
        # where paragraphs are indented, a line that is not opens none, whatever it begins with
        continues = not indented and numbering.continues(nxt)
        if is_broken(text[s:e], nxt, hinted, next_hinted, width, carried, indents[k], indents[k + 1] > 0, continues,
                     k + 1 in paired, fills[k]):
            drop.append((e, s2))
        else:
            if not (fills[k] and _sentence_tail(nxt)):
                carried = 0  # (a full line that ends a sentence may go on in the next: "…改善。" then "共建…。推动")
            numbering.see(nxt)
    if not drop:
        return mt
    pieces: list[tuple[str, array]] = []
    pos = 0
    for a, b in drop:
        pieces.append((text[pos:a], src[pos:a]))
        if _needs_space(text[a - 1], text[b]):
            pieces.append((" ", src[a : a + 1]))
        pos = b
    pieces.append((text[pos:], src[pos:]))
    return join_pieces(pieces, mt.original_length)


def _as_in_file(original: str, src: array, start: int, end: int) -> str | None:
    """The cleaned line [start, end) as the file had it, or None where it spans lines of the file
    (joined by an earlier step)."""
    a, b = src[start], src[end - 1] + 1
    if not 0 <= a < b <= len(original):
        return None
    line = original[a:b]
    return None if "\n" in line or "\r" in line else line


def _parallel_short_lines(texts: list[str]) -> set[int]:
    """Indexes of the short unpunctuated lines built like another such line (clauses of about the same
    lengths: "坚持…，…，…"): headings in a series. Linear: shapes are compared through a table."""
    shapes: dict[int, tuple[int, ...]] = {}
    for k, t in enumerate(texts):
        if len(t) <= SHORT_LINE and not _ends_sentence(t) and "，" in t:
            shape = tuple(len(p) // 2 for p in re.split("[，,、 ]", t))
            if len(shape) <= PARALLEL_CLAUSES:
                shapes[k] = shape
    seen: dict[tuple[int, ...], int] = {}
    for shape in shapes.values():
        seen[shape] = seen.get(shape, 0) + 1
    out: set[int] = set()
    for k, shape in shapes.items():
        near = (tuple(x + d for x, d in zip(shape, ds, strict=True)) for ds in product((-1, 0, 1), repeat=len(shape)))
        if sum(seen.get(n, 0) for n in near) >= 2:  # itself and another
            out.add(k)
    return out


PARALLEL_CLAUSES = 4


class _Numbering:
    """The last number of each kind of marker that opened a line so far."""

    def __init__(self) -> None:
        self.last: dict[str, int] = {}

    def see(self, line: str) -> None:
        m = marker_of(line)
        if m:
            self.last[m[0]] = m[1]
        else:
            r = run_in_of(line)
            if r and r[0]:
                self.last["run_in"] = r[0]

    def continues(self, line: str) -> bool:
        m = marker_of(line)
        kind, n = (m[0], m[1]) if m else ("run_in", (run_in_of(line) or (None,))[0])
        if n is None:
            return True  # a byline mark, 最后
        prev = self.last.get(kind)
        return n == 1 and prev is None or (prev is not None and prev < n <= prev + 2)


def _needs_space(left: str, right: str) -> bool:
    """Two words of Latin letters broken by a line end need a space; a number broken there does not."""
    return left.isascii() and left.isalnum() and right.isascii() and right.isalnum() and not (
        left.isdigit() and right.isdigit())
