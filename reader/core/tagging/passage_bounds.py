"""Where a passage begins and ends: a selection made with the mouse is trimmed of the white space
and punctuation at its ends before it is tagged, so that a drag that starts just after 。 does not
quote 「。全区共建…」.

Trimmed: white space, and punctuation (Unicode P* categories) that does not belong to the text
inside: 。，、；：！？… at either end, and a bracket or quote mark whose partner is not in the
selection. Kept: a bracket or quote mark whose partner is inside (《监督法》, “四个机关”), and signs
that are part of a figure (30%, ‰).
"""

from __future__ import annotations

import unicodedata

PAIRS = {
    "（": "）", "(": ")", "【": "】", "[": "]", "「": "」", "『": "』", "《": "》", "〈": "〉",
    "“": "”", "‘": "’", "〔": "〕", "｛": "｝", "{": "}", "〖": "〗",
}
CLOSERS = {c: o for o, c in PAIRS.items()}
SELF_PAIRED = {'"', "'", "＂", "＇"}
KEPT = {"%", "％", "‰", "‱", "′", "″"}


def _punctuation(ch: str) -> bool:
    return ch not in KEPT and unicodedata.category(ch).startswith("P")


def _paired_inside(text: str, start: int, end: int, k: int) -> bool:
    """Whether the bracket or quote mark at k has its partner within [start, end)."""
    ch = text[k]
    if ch in PAIRS:
        return PAIRS[ch] in text[k + 1 : end]
    if ch in CLOSERS:
        return CLOSERS[ch] in text[start:k]
    if ch in SELF_PAIRED:
        return text[start:end].count(ch) % 2 == 0
    return False


def _loose(text: str, start: int, end: int, k: int) -> bool:
    ch = text[k]
    return ch.isspace() or (_punctuation(ch) and not _paired_inside(text, start, end, k))


def trim_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """[start, end) of `text` without loose white space and punctuation at its ends; None when
    nothing is left (a selection of punctuation or blanks only)."""
    start, end = max(0, start), min(len(text), end)
    while True:
        before = (start, end)
        while start < end and _loose(text, start, end, start):
            start += 1
        while end > start and _loose(text, start, end, end - 1):
            end -= 1
        if (start, end) == before:  # a mark trimmed at one end may have been the partner of one at the other
            return (start, end) if end > start else None
