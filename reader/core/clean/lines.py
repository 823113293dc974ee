"""Line-level tidying: trimmed lines, markdown heading marks, blank lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.core.clean.chars import CLOSING, SENTENCE_END, SPACES
from reader.core.clean.textmap import MappedText, substitute
from reader.core.model import HeadingHint

_EDGE_SPACES = re.compile(rf"^[{SPACES}]+|[{SPACES}]+$", re.M)
_MARKDOWN = re.compile(r"^(#{1,6})[ \t\u3000]*(?=\S)", re.M)
_BLANK_RUNS = re.compile(r"\n{2,}")
_EDGES = re.compile(r"^\n+|\n+$")
_COMPAT = re.compile("[\u2f00-\u2fdf\u2e80-\u2eff\uf900-\ufaff]")


@dataclass
class StepNotes:
    """What steps learn on the way: heading hints in original offsets."""

    hints: list[HeadingHint] = field(default_factory=list)


# A line of nothing but zero-width characters (what some wikis leave where a link or note stood) inside
# a sentence: the page showed no break there.
_INVISIBLE_BREAK = re.compile(
    r"(?<=[^\n])[^\S\n]*\n[^\S\n]*[\u200b\u200c\u200d\u2060\ufeff]+[^\S\n]*\n(?:[^\S\n]*\n)*(?=\S)"
)
_ENDS_PARAGRAPH = tuple(SENTENCE_END + "…:：!?")


def join_across_invisible_lines(mt: MappedText) -> MappedText:
    """Join the two halves of a sentence split by a line of zero-width characters."""
    text = mt.text

    def join(m: re.Match[str]) -> str:
        before = text[: m.start()].rstrip(CLOSING)
        return m.group(0) if before.endswith(_ENDS_PARAGRAPH) else ""

    return substitute(mt, _INVISIBLE_BREAK, join)


def trim_lines(mt: MappedText) -> MappedText:
    return substitute(mt, _EDGE_SPACES, "")


def unify_compatibility_characters(mt: MappedText) -> MappedText:
    """Kangxi radicals and compatibility ideographs from PDF/OCR text become ordinary hanzi."""
    import unicodedata

    return substitute(mt, _COMPAT, lambda m: _nfkc_one(unicodedata.normalize("NFKC", m.group(0)), m.group(0)))


def _nfkc_one(new: str, old: str) -> str:
    return new if len(new) == 1 else old


def strip_markdown_headings(mt: MappedText, notes: StepNotes) -> MappedText:
    """'#### 标题' loses its marks; the line is remembered as a heading hint of that level."""
    for m in _MARKDOWN.finditer(mt.text):
        notes.hints.append(HeadingHint(mt.sources[m.end()] if m.end() < len(mt.sources) else mt.original_length,
                                       len(m.group(1))))
    return substitute(mt, _MARKDOWN, "")


def drop_blank_lines(mt: MappedText) -> MappedText:
    mt = substitute(mt, _BLANK_RUNS, "\n")
    return substitute(mt, _EDGES, "")
