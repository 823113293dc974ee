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
    """The stretch of `text` most like the quote, accepted above FUZZY_MIN_RATIO.

    Near-linear in the quote and the text: pieces of the quote vote for where it starts
    (_candidate_starts: a bounded number of pieces, each found a bounded number of times), and at
    each of the few best places the quote is aligned a chunk at a time (_align), so no comparison
    is ever longer than a chunk and a few hundred characters of text. (Scoring every window length
    around every seed in full took over ten minutes for a passage of 3,300 characters.)"""
    n = len(anchor.quote)
    if n < 4:
        return None
    best: tuple[tuple[float, int, int], int, int] | None = None
    for start in _candidate_starts(text, anchor):
        found = _align(text, anchor.quote, start)
        if found is None:
            continue
        ratio, s, e = found
        window = text[s:e]
        edges = (window[:1] == anchor.quote[:1]) + (window[-1:] == anchor.quote[-1:])
        key = (round(ratio, 6), edges, -abs(s - anchor.start))
        if best is None or key > best[0]:
            best = (key, s, e)
    if best is not None and best[0][0] >= FUZZY_MIN_RATIO:
        return Placement(best[1], best[2], False, best[0][0])
    return None


MAX_PIECES = 64  # pieces of the quote looked for in the text
MAX_HITS = 50  # occurrences of one piece counted
MAX_CANDIDATES = 4  # places where the quote is aligned
CHUNK = 200  # the quote is aligned this many characters at a time


def _candidate_starts(text: str, anchor: Anchor) -> list[int]:
    """Where the quote may start now, best first: each piece of the quote found in the text votes
    for the start its place implies; votes within a tenth of the quote's length of each other count
    together (an edit shifts the pieces after it); ties go to the place nearest the old one."""
    quote, n = anchor.quote, len(anchor.quote)
    k = max(2, min(6, n // 4))
    offsets = list(range(0, n - k + 1, k))
    if len(offsets) > MAX_PIECES:
        step = len(offsets) / MAX_PIECES
        offsets = [offsets[int(i * step)] for i in range(MAX_PIECES)]
    votes: dict[int, int] = {}
    for offset in offsets:
        piece = quote[offset : offset + k]
        i, hits = text.find(piece), 0
        while i >= 0 and hits < MAX_HITS:
            votes[i - offset] = votes.get(i - offset, 0) + 1
            i = text.find(piece, i + 1)
            hits += 1
    if not votes:
        return []
    tol = max(2, n // 10)
    starts = sorted(votes)
    scored = []
    lo = 0
    total = 0
    hi = 0
    for s in starts:  # the votes within tol either side of each start (a sliding sum)
        while hi < len(starts) and starts[hi] <= s + tol:
            total += votes[starts[hi]]
            hi += 1
        while starts[lo] < s - tol:
            total -= votes[starts[lo]]
            lo += 1
        scored.append((total, votes[s], -abs(s - anchor.start), s))
    scored.sort(reverse=True)
    chosen: list[int] = []
    for _total, _own, _near, s in scored:
        if all(abs(s - c) > tol for c in chosen):
            chosen.append(s)
            if len(chosen) == MAX_CANDIDATES:
                break
    return [min(max(s, 0), len(text)) for s in chosen]


def _align(text: str, quote: str, start: int) -> tuple[float, int, int] | None:
    """(likeness, start, end) of the quote aligned with the text from about `start`: a chunk of the
    quote at a time against the stretch of text where it should be (following the drift of the
    chunks before). The likeness is difflib's ratio, 2M / (the quote's length + the stretch's), M
    the characters matched; stray matches at either end that only stretch the window are dropped."""
    n, size = len(quote), len(text)
    slack = min(max(8, n // 10), 2 * CHUNK)
    blocks: list[tuple[int, int, int]] = []  # (place in the text, place in the quote, length)
    floor = max(0, start - slack)
    expect = start
    matcher = SequenceMatcher(autojunk=False)
    for j in range(0, n, CHUNK):
        chunk = quote[j : j + CHUNK]
        lo, hi = max(floor, expect - slack), min(size, expect + len(chunk) + slack)
        if lo >= hi:
            break
        matcher.set_seqs(text[lo:hi], chunk)
        found = [(lo + b.a, j + b.b, b.size) for b in matcher.get_matching_blocks() if b.size]
        if not found:
            expect += len(chunk)
            continue
        blocks.extend(found)
        t, q, length = found[-1]
        floor = t + length
        expect = floor + (j + len(chunk) - (q + length))
    if not blocks:
        return None
    matched = sum(b[2] for b in blocks)
    first, last = 0, len(blocks) - 1

    def window(i: int, k: int) -> tuple[int, int]:
        (t0, q0, _), (t1, q1, n1) = blocks[i], blocks[k]
        lo = max(0, t0 - q0)
        return lo, min(size, max(t1 + n1 + (n - q1 - n1), lo + 1))

    def ratio(m: int, i: int, k: int) -> float:
        lo, hi = window(i, k)
        return 2 * m / (n + hi - lo)

    while first < last and ratio(matched - blocks[first][2], first + 1, last) > ratio(matched, first, last):
        matched -= blocks[first][2]
        first += 1
    while last > first and ratio(matched - blocks[last][2], first, last - 1) > ratio(matched, first, last):
        matched -= blocks[last][2]
        last -= 1
    lo, hi = window(first, last)
    return ratio(matched, first, last), lo, hi
