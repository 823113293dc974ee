"""The offset map between a cleaned text and the original it was cleaned from.

Cleaning deletes, inserts and replaces characters. Each step reports, for every character of its
output, the index of the input character it came from; composing those arrays gives, for every
cleaned character, its place in the original. The map is stored compactly as runs where both
sides advance together.
"""

from __future__ import annotations

import json
import operator
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from itertools import compress


class OffsetMap:
    """Maps cleaned-text offsets to original-text offsets and back (monotonic, non-decreasing)."""

    __slots__ = ("_clean_starts", "_orig_starts", "_lengths", "clean_length", "original_length")

    def __init__(self, runs: Sequence[tuple[int, int, int]], clean_length: int, original_length: int):
        self._clean_starts = [r[0] for r in runs]
        self._orig_starts = [r[1] for r in runs]
        self._lengths = [r[2] for r in runs]
        self.clean_length = clean_length
        self.original_length = original_length

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls([(0, 0, length)] if length else [], length, length)

    @classmethod
    def from_sources(cls, sources: Sequence[int], original_length: int) -> OffsetMap:
        """Build from `sources[i]` = original index of cleaned character i."""
        n = len(sources)
        if not n:
            return cls([], 0, original_length)
        if not isinstance(sources, array) or sources.typecode != "q":
            sources = array("q", sources)
        return cls(_runs(sources, n), n, original_length)

    def to_original(self, i: int) -> int:
        """The original index of cleaned index i (i == clean_length maps to the original end)."""
        if i >= self.clean_length:
            return self.original_length
        if not self._clean_starts:
            return 0
        k = max(bisect_right(self._clean_starts, max(i, 0)) - 1, 0)
        return self._orig_starts[k] + (max(i, 0) - self._clean_starts[k])

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span covering cleaned [start, end)."""
        if end <= start:
            o = self.to_original(start)
            return o, o
        return self.to_original(start), self.to_original(end - 1) + 1

    def to_cleaned(self, j: int) -> int:
        """The first cleaned index whose original index is >= j."""
        if not self._orig_starts:
            return 0
        k = bisect_right(self._orig_starts, j) - 1
        if k < 0:
            return 0
        c0, o0, n = self._clean_starts[k], self._orig_starts[k], self._lengths[k]
        if j < o0 + n:
            return c0 + (j - o0)
        return c0 + n if k + 1 >= len(self._clean_starts) else self._clean_starts[k + 1]

    def runs(self) -> list[tuple[int, int, int]]:
        return list(zip(self._clean_starts, self._orig_starts, self._lengths, strict=True))

    def to_json(self) -> str:
        return json.dumps({"c": self.clean_length, "o": self.original_length, "runs": self.runs()})

    @classmethod
    def from_json(cls, data: str) -> OffsetMap:
        d = json.loads(data)
        return cls([tuple(r) for r in d["runs"]], d["c"], d["o"])

    def compose(self, inner: OffsetMap) -> OffsetMap:
        """`self` maps C -> B and `inner` maps B -> A: the result maps C -> A."""
        sources = [inner.to_original(self.to_original(i)) for i in range(self.clean_length)]
        return OffsetMap.from_sources(sources, inner.original_length)


# -- the runs of a sources array ------------------------------------------------------------------

_COUNTING = array("q")  # 0, 1, 2, ...: kept, sliced (a copy at C speed)
COUNTING_KEPT = 1 << 21  # 16 MB at most
FEW_RUNS = 32  # a text with more runs than one in FEW_RUNS characters is mapped character by character


def counting(n: int) -> array:
    """array("q", range(n)), sliced from one kept array when n is not too large."""
    global _COUNTING
    if n > COUNTING_KEPT:
        return array("q", range(n))
    if len(_COUNTING) < n:
        _COUNTING = array("q", range(min(COUNTING_KEPT, max(n, 2 * len(_COUNTING), 1 << 16))))
    return _COUNTING[:n]


def _runs(sources: array, n: int) -> list[tuple[int, int, int]]:
    """The maximal runs (clean start, original start, length) in which `sources` counts up by one.
    A cleaned text has few (a handful for a text file): each run's end is found by comparing
    slices of `sources` with a counting array, doubling the step and then halving it (memory
    compared at C speed, no Python object per character). When runs turn out to be many, the rest
    is found character by character (_runs_by_shift)."""
    runs: list[tuple[int, int, int]] = []
    c = 0
    while c < n:
        first = sources[c]
        if first < 0 or first + n - c > COUNTING_KEPT or (len(runs) >= FEW_RUNS and len(runs) * FEW_RUNS > c):
            runs += _runs_by_shift(sources, c, n)
            break
        count = counting(first + n - c)
        lo, step = 1, 1  # sources[c : c + lo] counts up from first
        hi = 0
        while True:
            hi = min(n - c, lo + step)
            if hi == lo or sources[c + lo : c + hi] != count[first + lo : first + hi]:
                break
            lo, step = hi, 2 * step
        while hi - lo > 1:  # the run ends in [lo, hi): sources[c + hi - 1] or before breaks it
            mid = (lo + hi) // 2
            if sources[c + lo : c + mid] == count[first + lo : first + mid]:
                lo = mid
            else:
                hi = mid
        runs.append((c, first, lo))
        c += lo
    return runs


def _runs_by_shift(sources: Sequence[int], start: int, n: int) -> list[tuple[int, int, int]]:
    """The runs of sources[start:]: a run is where sources[i] - i stays the same; its breaks are
    found by C-level iteration (map, compress), not a Python loop over every character."""
    shift = list(map(operator.sub, sources[start:n], range(start, n)))
    starts = [start, *compress(range(start + 1, n), map(operator.ne, shift[1:], shift[:-1]))]
    ends = [*starts[1:], n]
    return [(c, sources[c], e - c) for c, e in zip(starts, ends, strict=True)]
