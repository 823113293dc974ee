"""Line-level tidying: trimmed lines, markdown heading marks, blank lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.core.chars import CLOSING, SENTENCE_END, SPACES
from reader.core.clean.textmap import MappedText, substitute
from reader.core.model import HeadingHint

_EDGE_SPACES = re.compile(rf"^[{SPACES}]+|[{SPACES}]+$", re.M)
_MARKDOWN = re.compile(r"^(#{1,6})[ \t\u3000]*(?=\S)", re.M)
_BLANK_RUNS = re.compile(r"\n{2,}")
_EDGES = re.compile(r"^\n+|\n+$")
_COMPAT = re.compile("[\u2f00-\u2fdf\u2e80-\u2eff\uf900-\ufaff]")
# What the patterns' matches begin with or must hold (fast paths: textmap.finditer_at, and a text
# without any of them is left as it is); tests/core/test_fast_paths.py checks them against the patterns.
EDGE_SPACE_STARTS = re.compile(f"[{SPACES}]")
ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


@dataclass
class StepNotes:
    """What steps learn on the way: heading hints in original offsets; the original text (where a
    line's indentation, trimmed early, can still be seen)."""

    hints: list[HeadingHint] = field(default_factory=list)
    original: str = ""


# A line of nothing but zero-width characters (what some wikis leave where a link or note stood) inside
# a sentence: the page showed no break there. Blank lines around it (a copy with a blank line after each
# paragraph) and the next line's indentation go with it.
_INVISIBLE_BREAK = re.compile(
    r"(?<=[^\n])[^\S\n]*\n(?:[^\S\n]*\n)*[^\S\n]*[\u200b\u200c\u200d\u2060\ufeff]+[^\S\n]*\n(?:[^\S\n]*\n)*[^\S\n]*(?=\S)"
)
_ENDS_PARAGRAPH = tuple(SENTENCE_END + "…:：!?")


def join_across_invisible_lines(mt: MappedText) -> MappedText:
    """Join the two halves of a sentence split by a line of zero-width characters."""
    text = mt.text

    def join(m: re.Match[str]) -> str:
        before = text[: m.start()].rstrip(CLOSING)
        return m.group(0) if before.endswith(_ENDS_PARAGRAPH) else ""

    if not ZERO_WIDTH.search(text):  # a break needs a line of zero-width characters
        return mt
    return substitute(mt, _INVISIBLE_BREAK, join)


def trim_lines(mt: MappedText) -> MappedText:
    return substitute(mt, _EDGE_SPACES, "", EDGE_SPACE_STARTS)


# CJK radicals supplement (U+2E80-U+2EFF) to the ideograph each stands for, from Unicode's
# EquivalentUnifiedIdeograph.txt (code point : ideograph, hexadecimal): PDFs printed from word
# processors use them for ordinary characters (⺠ for 民), which NFKC leaves alone. Kangxi radicals
# (U+2F00-U+2FDF) and compatibility ideographs need no table: NFKC maps them.
_RADICAL_PAIRS = (
    "2E81:5382 2E82:4E5B 2E83:4E5A 2E84:4E59 2E85:4EBB 2E86:5182 2E87:20628 2E88:5200 2E89:5202 2E8A:535C "
    "2E8B:353E 2E8C:5C0F 2E8D:5C0F 2E8E:5140 2E8F:5C23 2E90:5C22 2E91:21BC2 2E92:5DF3 2E93:5E7A 2E94:5F51 "
    "2E95:5F50 2E96:5FC4 2E97:5FC3 2E98:624C 2E99:6535 2E9B:65E1 2E9C:65E5 2E9D:6708 2E9E:6B7A 2E9F:6BCD "
    "2EA0:6C11 2EA1:6C35 2EA2:6C3A 2EA3:706C 2EA4:722B 2EA5:722B 2EA6:4E2C 2EA7:725B 2EA8:72AD 2EA9:738B "
    "2EAA:24D14 2EAB:76EE 2EAC:793A 2EAD:793B 2EAE:25AD7 2EAF:7CF9 2EB0:7E9F 2EB1:7F53 2EB2:7F52 "
    "2EB3:34C1 2EB4:5197 2EB5:2626B 2EB6:7F8A 2EB7:2634C 2EB8:2634B 2EB9:8002 2EBA:8080 2EBB:807F "
    "2EBC:8089 2EBD:26951 2EBE:8279 2EBF:8279 2EC0:8279 2EC1:864E 2EC2:8864 2EC3:8980 2EC4:897F 2EC5:89C1 "
    "2EC6:89D2 2EC7:278B2 2EC8:8BA0 2EC9:8D1D 2ECA:27FB7 2ECB:8F66 2ECC:8FB6 2ECD:8FB6 2ECE:8FB6 "
    "2ECF:9091 2ED0:9485 2ED1:9577 2ED2:9578 2ED3:957F 2ED4:95E8 2ED5:28E0F 2ED6:961D 2ED7:96E8 2ED8:9752 "
    "2ED9:97E6 2EDA:9875 2EDB:98CE 2EDC:98DE 2EDD:98DF 2EDE:2967F 2EDF:98E0 2EE0:9963 2EE1:29810 "
    "2EE2:9A6C 2EE3:9AA8 2EE4:9B3C 2EE5:9C7C 2EE6:9E1F 2EE7:5364 2EE8:9EA6 2EE9:9EC4 2EEA:9EFE 2EEB:6589 "
    "2EEC:9F50 2EED:6B6F 2EEE:9F7F 2EEF:7ADC 2EF0:9F99 2EF1:9F9C 2EF2:4E80 2EF3:9F9F "
)
RADICALS = {int(a, 16): chr(int(b, 16)) for a, b in (p.split(":") for p in _RADICAL_PAIRS.split())}


def unify_compatibility_characters(mt: MappedText) -> MappedText:
    """Kangxi radicals, CJK radical supplements and compatibility ideographs from PDF/OCR text become
    ordinary hanzi."""
    return substitute(mt, _COMPAT, lambda m: ordinary_character(m.group(0)))


def ordinary_character(ch: str) -> str:
    """The unified ideograph a radical or compatibility ideograph stands for (itself if none)."""
    import unicodedata

    if ord(ch) in RADICALS:
        return RADICALS[ord(ch)]
    new = unicodedata.normalize("NFKC", ch)
    return new if len(new) == 1 else ch


def strip_markdown_headings(mt: MappedText, notes: StepNotes) -> MappedText:
    """'#### 标题' loses its marks; the line is remembered as a heading hint of that level."""
    if "#" not in mt.text:
        return mt
    for m in _MARKDOWN.finditer(mt.text):
        notes.hints.append(HeadingHint(mt.sources[m.end()] if m.end() < len(mt.sources) else mt.original_length,
                                       len(m.group(1))))
    return substitute(mt, _MARKDOWN, "")


def drop_blank_lines(mt: MappedText) -> MappedText:
    if "\n\n" in mt.text:
        mt = substitute(mt, _BLANK_RUNS, "\n")
    if not mt.text.startswith("\n") and not mt.text.endswith("\n"):  # where _EDGES's matches are
        return mt
    return _drop_edges(mt)


def _drop_edges(mt: MappedText) -> MappedText:
    """substitute(mt, _EDGES, ""): the line breaks a text begins and ends with, cut off (the
    pattern, tried at every character, took a twentieth of the cleaning). Its matches are the run
    of breaks at the start (^) and the run at the end (a run's breaks up to the end, or up to the
    last character when it is a break: the whole run), once when they are one."""
    text = mt.text
    start = len(text) - len(text.lstrip("\n"))
    end = len(text.rstrip("\n")) if start < len(text) else len(text)
    if start == 0 and end == len(text):
        return mt
    return MappedText(text[start:end], mt.sources[start:end], mt.original_length)
