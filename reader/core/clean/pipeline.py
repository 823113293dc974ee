"""The cleaning pipeline: small named steps, run in order, each recorded on the document when it
changed something. Cleaned text is what users read and tag; the original is always kept, and the
offset map ties every cleaned character to its place in the original."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from reader.core.clean import furniture, lines, ocr, pinyin, punct, script
from reader.core.clean.textmap import MappedText
from reader.core.model import HeadingHint, RawDocument
from reader.core.offsets import OffsetMap

# Bump when the steps change so that documents can be cleaned again (passages are re-anchored).
PIPELINE_VERSION = 4  # 4: a wrapped text's width counted in characters where that fits it better


@dataclass
class Cleaned:
    text: str
    offsets: OffsetMap
    steps: list[str] = field(default_factory=list)
    damaged: list[tuple[int, int]] = field(default_factory=list)
    hints: list[HeadingHint] = field(default_factory=list)
    published: int | None = None  # the year a web copy was published (furniture.published_year)


Step = Callable[[MappedText, lines.StepNotes], MappedText]


def _plain(fn: Callable[[MappedText], MappedText]) -> Step:
    return lambda mt, notes: fn(mt)


STEPS: list[tuple[str, Step]] = [
    ("join_across_invisible_lines", _plain(lines.join_across_invisible_lines)),
    ("trim_lines", _plain(lines.trim_lines)),
    ("unify_compatibility_characters", _plain(lines.unify_compatibility_characters)),
    ("drop_web_furniture", _plain(furniture.drop_web_furniture)),
    ("drop_page_furniture", _plain(furniture.drop_page_furniture)),
    ("strip_markdown_headings", lines.strip_markdown_headings),
    ("remove_pinyin_glosses", _plain(pinyin.remove_pinyin_glosses)),
    ("to_simplified", _plain(script.to_simplified)),
    ("widen_punctuation", _plain(punct.widen_punctuation)),
    ("collapse_doubled_punctuation", _plain(punct.collapse_doubled_punctuation)),
    ("remove_spaces_in_chinese", _plain(ocr.remove_spaces_in_chinese)),
    ("join_broken_lines", lambda mt, notes: ocr.join_broken_lines(mt, {h.offset for h in notes.hints}, notes.original)),
    ("drop_blank_lines", _plain(lines.drop_blank_lines)),
]


def clean(raw: RawDocument | str) -> Cleaned:
    if isinstance(raw, str):
        raw = RawDocument(text=raw, encoding=None, format="txt")
    notes = lines.StepNotes(hints=list(raw.hints), original=raw.text)
    mt = MappedText.identity(raw.text)
    applied: list[str] = []
    for name, step in STEPS:
        out = step(mt, notes)
        if out is not mt and out.text != mt.text:
            applied.append(name)
        mt = out
    offsets = mt.offset_map()
    return Cleaned(
        text=mt.text,
        offsets=offsets,
        steps=applied,
        damaged=punct.damaged_spans(mt.text),
        hints=_cleaned_hints(notes.hints, offsets, mt.text),
        published=furniture.published_year(raw.text),
    )


def _cleaned_hints(hints: list[HeadingHint], offsets: OffsetMap, text: str) -> list[HeadingHint]:
    """Hints in cleaned offsets, each moved to the start of its line; dropped if the line is gone."""
    out: dict[int, int] = {}
    for h in hints:
        i = offsets.to_cleaned(h.offset)
        if i >= len(text):
            continue
        line_start = text.rfind("\n", 0, i) + 1
        out.setdefault(line_start, h.level)
    return [HeadingHint(o, lvl) for o, lvl in sorted(out.items())]
