"""Positions at the boundary between core and Qt.

Core counts Unicode code points (Python string indices); Qt's text classes count UTF-16 code
units, so every character outside the Basic Multilingual Plane (rare hanzi such as 𠮷 or 𡈼,
common in place and person names) counts twice in Qt. Convert here, and only here.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right


class Utf16Index:
    """Converts between code-point offsets and UTF-16 offsets of one text."""

    __slots__ = ("_astral", "_ends")

    def __init__(self, text: str):
        # code-point indices of astral characters, in order, and where each ends in UTF-16 units
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self._ends = [a + j + 2 for j, a in enumerate(self._astral)]

    def to_utf16(self, cp: int) -> int:
        return cp + bisect_left(self._astral, cp)

    def to_code_point(self, u16: int) -> int:
        k = bisect_right(self._ends, u16)  # astral characters wholly before u16
        if k < len(self._astral) and self._ends[k] - 1 == u16:
            return self._astral[k]  # inside a surrogate pair: the character's start
        return u16 - k
