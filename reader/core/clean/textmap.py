"""Text that remembers where each character came from.

Every cleaning step turns one MappedText into another; `sources[i]` is the index in the
original text of character i, so the final offset map falls out of the last step.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from reader.core.offsets import OffsetMap, counting


@dataclass
class MappedText:
    text: str
    sources: array
    original_length: int

    @classmethod
    def identity(cls, text: str) -> MappedText:
        return cls(text, _identity(len(text)), len(text))

    def offset_map(self) -> OffsetMap:
        return OffsetMap.from_sources(self.sources, self.original_length)


def _identity(n: int) -> array:
    """array("q", range(n)), sliced from one kept array (a copy at C speed: building it from a
    range took a twentieth of an import's cleaning)."""
    return counting(n)


Replacement = str | Callable[[re.Match[str]], str]


def finditer_at(pattern: re.Pattern[str], starts: re.Pattern[str] | None, text: str) -> Iterator[re.Match[str]]:
    """pattern.finditer(text), when every match of `pattern` is non-empty and begins with a
    character `starts` matches: the pattern is tried only where `starts` finds one (a pattern that
    begins with a lookbehind is otherwise tried at every character). `starts` None: finditer."""
    if starts is None:
        yield from pattern.finditer(text)
        return
    pos = 0
    while (at := starts.search(text, pos)) is not None:
        m = pattern.match(text, at.start())  # a lookbehind still sees what is before
        if m is None:
            pos = at.start() + 1
        else:
            yield m
            pos = m.end()


def substitute(mt: MappedText, pattern: re.Pattern[str], repl: Replacement,
               starts: re.Pattern[str] | None = None) -> MappedText:
    """re.sub that keeps the map: a replacement's k-th character maps to the k-th character of
    what it replaced (or to the replaced span's last character when the replacement is longer).
    `starts`: the characters every match begins with (see finditer_at), for speed."""
    parts: list[str] = []
    sources = array("q")
    text, src = mt.text, mt.sources
    pos = 0
    changed = False
    literal = None if callable(repl) or "\\" in repl else repl  # no group to expand: used as it is
    for m in finditer_at(pattern, starts, text):
        s, e = m.span()
        new = repl(m) if callable(repl) else literal if literal is not None else m.expand(repl)
        if new == text[s:e]:
            continue
        changed = True
        parts.append(text[pos:s])
        parts.append(new)
        if len(new) == e - s:  # character for character (the commonest): the sources run on
            sources.extend(src[pos:e])
        elif e > s:
            sources.extend(src[pos:s])
            sources.extend(src[min(s + k, e - 1)] for k in range(len(new)))
        else:  # insertion: borrow the neighbour's place
            sources.extend(src[pos:s])
            anchor = src[s] if s < len(src) else mt.original_length
            sources.extend(anchor for _ in new)
        pos = e
    if not changed:
        return mt
    parts.append(text[pos:])
    sources.extend(src[pos:])
    return MappedText("".join(parts), sources, mt.original_length)


def replace_same_length(mt: MappedText, new_text: str) -> MappedText:
    """A character-for-character replacement (e.g. script conversion that kept the length)."""
    assert len(new_text) == len(mt.text)
    return MappedText(new_text, mt.sources, mt.original_length)


def join_pieces(pieces: list[tuple[str, array]], original_length: int) -> MappedText:
    text = "".join(p for p, _ in pieces)
    sources = array("q")
    for _, s in pieces:
        sources.extend(s)
    return MappedText(text, sources, original_length)
