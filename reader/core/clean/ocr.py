"""Repairs for text out of OCR and column layouts: spaces inside Chinese, lines broken inside a
sentence. Real paragraph and heading breaks stay."""

from __future__ import annotations

import re
from array import array

from reader.core.clean.chars import CJK, CLOSING, SENTENCE_END
from reader.core.clean.textmap import MappedText, join_pieces, substitute
from reader.core.markers import run_in_of, starts_with_marker

_SPACE_IN_CHINESE = re.compile(rf"(?<=[{CJK}])[ \t\u3000\u00a0]+(?=[{CJK}])")
# A line this long that does not end a sentence was broken by the layout, not by the author.
LONG_LINE = 40
_OPEN_END = "，、：:（(“‘《「『—-"


def remove_spaces_in_chinese(mt: MappedText) -> MappedText:
    return substitute(mt, _SPACE_IN_CHINESE, "")


def _ends_sentence(line: str) -> bool:
    return line.endswith(tuple(SENTENCE_END)) or (
        line.endswith(tuple(CLOSING)) and len(line) > 1 and line[-2] in SENTENCE_END
    ) or line.endswith(("…", "……", "!", "?", "."))


# A line this short without closing punctuation may be a heading: never glue it to the one before.
SHORT_LINE = 36


def is_broken(line: str, next_line: str, hinted: bool, next_hinted: bool = False) -> bool:
    """Whether `line` continues in `next_line` (the layout broke a sentence)."""
    if hinted or next_hinted or not next_line or _ends_sentence(line) or starts_with_marker(next_line):
        return False
    if len(next_line) <= SHORT_LINE and not _ends_sentence(next_line) and not line.endswith(tuple(_OPEN_END)):
        return False
    if line.endswith(tuple(_OPEN_END)):
        return True
    if run_in_of(line):  # "一是积极开展代表履职培训,提升代表" then "履职水平。…"
        return True
    return len(line) >= LONG_LINE and not starts_with_marker(line)


def join_broken_lines(mt: MappedText, hinted_starts: set[int]) -> MappedText:
    """Join lines broken inside a sentence; `hinted_starts` are original offsets of heading lines."""
    text, src = mt.text, mt.sources
    lines: list[tuple[int, int]] = []  # (start, end) of non-empty lines
    pos = 0
    for raw in text.split("\n"):
        if raw:
            lines.append((pos, pos + len(raw)))
        pos += len(raw) + 1
    drop: list[tuple[int, int]] = []  # separators to remove
    for (s, e), (s2, e2) in zip(lines, lines[1:], strict=False):
        hinted = src[s] in hinted_starts
        next_hinted = src[s2] in hinted_starts
        if is_broken(text[s:e], text[s2:e2], hinted, next_hinted):
            drop.append((e, s2))
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


def _needs_space(left: str, right: str) -> bool:
    return left.isascii() and left.isalnum() and right.isascii() and right.isalnum()
