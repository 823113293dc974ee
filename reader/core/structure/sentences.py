"""Sentences of Chinese text: they end at 。！？； (and at line ends), not at ". "."""

from __future__ import annotations

import re
from collections.abc import Iterator

_END = re.compile(r"[。！？；!?;]+[”’」』）)]*|\n")


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """[start, end) of each non-empty sentence in text[start:end], in order."""
    end = len(text) if end is None else end
    pos = start
    for m in _END.finditer(text, start, end):
        s, e = pos, m.end() if m.group(0) != "\n" else m.start()
        while s < e and text[s].isspace():
            s += 1
        if e > s:
            yield s, e
        pos = m.end()
    s = pos
    while s < end and text[s].isspace():
        s += 1
    if end > s:
        yield s, end
