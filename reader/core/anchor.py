"""Find a passage again in a text that was cleaned anew.

A passage keeps its quote, some context either side and where it was. After the cleaning
pipeline changes, its offsets may no longer point at the quote: look for it again, exact first
(the occurrence whose context and position fit best), then fuzzy (the window most like the quote).
Passages that cannot be placed are reported for the user to place; none is dropped in silence.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

FUZZY_MIN_RATIO = 0.8


@dataclass(frozen=True)
class Anchor:
    quote: str
    before: str
    after: str
    start: int


@dataclass(frozen=True)
class Placement:
    start: int
    end: int
    exact: bool
    ratio: float


def _context_fit(text: str, start: int, end: int, anchor: Anchor) -> int:
    """How many characters of context agree on both sides."""
    score = 0
    before = text[max(0, start - len(anchor.before)) : start]
    for a, b in zip(reversed(before), reversed(anchor.before), strict=False):
        if a != b:
            break
        score += 1
    after = text[end : end + len(anchor.after)]
    for a, b in zip(after, anchor.after, strict=False):
        if a != b:
            break
        score += 1
    return score


def place(text: str, anchor: Anchor) -> Placement | None:
    """Where `anchor`'s quote is in `text` now, or None if it cannot be found."""
    if not anchor.quote:
        return None
    hits = []
    i = text.find(anchor.quote)
    while i >= 0:
        hits.append(i)
        i = text.find(anchor.quote, i + 1)
    if hits:
        n = len(anchor.quote)
        best = max(hits, key=lambda s: (_context_fit(text, s, s + n, anchor), -abs(s - anchor.start)))
        return Placement(best, best + n, True, 1.0)
    return _fuzzy(text, anchor)


def _fuzzy(text: str, anchor: Anchor) -> Placement | None:
    """The window of the quote's length (±20%) most like the quote, searched near its old place
    first and then everywhere, accepted above FUZZY_MIN_RATIO."""
    n = len(anchor.quote)
    if n < 4:
        return None
    matcher = SequenceMatcher(autojunk=False)
    matcher.set_seq2(anchor.quote)
    best: tuple[float, int, int, int] | None = None  # (ratio, edge agreement, start, end)
    spread = max(1, n // 10)
    for s in _seed_positions(text, anchor):
        for length in range(max(1, n - spread), n + spread + 1):
            if s + length > len(text):
                break
            window = text[s : s + length]
            matcher.set_seq1(window)
            if matcher.real_quick_ratio() < FUZZY_MIN_RATIO or matcher.quick_ratio() < FUZZY_MIN_RATIO:
                continue
            key = (round(matcher.ratio(), 6), (window[0] == anchor.quote[0]) + (window[-1] == anchor.quote[-1]))
            if best is None or key > best[:2]:
                best = (*key, s, s + length)
    if best and best[0] >= FUZZY_MIN_RATIO:
        return Placement(best[2], best[3], False, best[0])
    return None


def _seed_positions(text: str, anchor: Anchor) -> list[int]:
    """Candidate starts: where pieces of the quote occur, shifted back to the quote's start."""
    n = len(anchor.quote)
    k = max(2, min(6, n // 4))
    starts: set[int] = set()
    for offset in range(0, n - k + 1, max(1, k)):
        piece = anchor.quote[offset : offset + k]
        i = text.find(piece)
        count = 0
        while i >= 0 and count < 50:
            for delta in (-2, -1, 0, 1, 2):
                starts.add(i - offset + delta)
            i = text.find(piece, i + 1)
            count += 1
    return sorted(s for s in starts if 0 <= s < len(text))
