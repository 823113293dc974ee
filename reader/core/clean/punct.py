"""Punctuation: ASCII marks between Chinese text become full width; doubled marks left by bad
copies become one; runs of '?' that stand for lost characters stay and are flagged as damaged."""

from __future__ import annotations

import re

from reader.core.chars import CJK, HAN
from reader.core.clean.textmap import MappedText, finditer_at, substitute

_WIDE = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}

# An ASCII mark with Chinese on at least one side (spaces between do not count).
_NEAR_CJK = re.compile(
    rf"(?<=[{CJK}])[ \t]*[,;:!()][ \t]*|[ \t]*[,;:!()][ \t]*(?=[{CJK}])"
)
# A single '?' that ends a Chinese question (not between two hanzi: that is a lost character).
_QUESTION = re.compile(rf"(?<=[{HAN}])\?(?![?{HAN}a-zA-Z])")
# Runs of separators, e.g. ",," ",、" "，，" ",。": keep the strongest one.
_SEPARATOR_RUN = re.compile(r"[，,、；;：:。]{2,}")
_STRENGTH = "。；：、，"
# Paired ASCII double quotes inside Chinese lines become “ ”.
_QUOTED = re.compile(r'"([^"\n]{1,80})"')
# Characters lost in copying: runs of ? (or ？ between hanzi), and U+FFFD.
DAMAGE = re.compile(rf"\?{{2,}}|(?<=[{HAN}])\?(?=[{HAN}A-Z])|\ufffd+|？{{3,}}|[\u2500-\u257f]+")
# What the patterns' matches begin with, or must hold (fast paths: textmap.finditer_at, and a text
# without any of them is left as it is); tests/core/test_fast_paths.py checks them against the patterns.
DAMAGE_STARTS = re.compile("[?\ufffd？\u2500-\u257f]")
_ASCII_MARK = re.compile("[,;:!()]")
NEAR_CJK_STARTS = re.compile("[ \t,;:!()]")
QUESTION_STARTS = re.compile(r"\?")
QUOTED_STARTS = re.compile('"')


def _widen(m: re.Match[str]) -> str:
    mark = m.group(0).strip(" \t")
    if mark in "()":
        return _WIDE[mark]
    return _WIDE[mark]


def widen_punctuation(mt: MappedText) -> MappedText:
    if _ASCII_MARK.search(mt.text):  # a text without ASCII marks has nothing to widen
        mt = substitute(mt, _NEAR_CJK, _widen, NEAR_CJK_STARTS)
    mt = substitute(mt, _QUESTION, "？", QUESTION_STARTS)
    return substitute(mt, _QUOTED, _curly_if_chinese, QUOTED_STARTS)


def _curly_if_chinese(m: re.Match[str]) -> str:
    inner = m.group(1)
    if re.search(rf"[{HAN}]", inner):
        return f"“{inner}”"
    return m.group(0)


def _strongest(m: re.Match[str]) -> str:
    run = m.group(0).translate(str.maketrans({",": "，", ";": "；", ":": "："}))
    for mark in _STRENGTH:
        if mark in run:
            return mark
    return run[0]


def collapse_doubled_punctuation(mt: MappedText) -> MappedText:
    return substitute(mt, _SEPARATOR_RUN, _strongest)


def damaged_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in finditer_at(DAMAGE, DAMAGE_STARTS, text)]
