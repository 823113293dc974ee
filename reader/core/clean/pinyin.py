"""Pinyin glosses that some web sites add after characters: 學(xué) -> 學.

Also the residue such glosses leave when the page lost characters: '??h人大' (a lost 縣 and the
first letter of its gloss) keeps the '??' (flagged as damaged later) and drops the letter.
"""

from __future__ import annotations

import re

from reader.core.chars import HAN
from reader.core.clean.textmap import MappedText, finditer_at, substitute

_PINYIN_LETTERS = "a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêɑńňǹḿ"
# A complete gloss after a hanzi: 學(xué), 點(diǎn)
_GLOSS = re.compile(rf"(?<=[{HAN}])[(（][{_PINYIN_LETTERS}]{{1,7}}[)）]")
# A gloss cut off at the end of a line or before a non-letter: 鄉(x
_TRUNCATED = re.compile(rf"(?<=[{HAN}])[(（][{_PINYIN_LETTERS}]{{1,6}}(?=$|[^{_PINYIN_LETTERS})）])", re.M)
# Letters stranded after lost characters: ??h人
_RESIDUE = re.compile(rf"(?<=[?？])(?:[{_PINYIN_LETTERS}]{{1,3}}(?=[{HAN}])|[{_PINYIN_LETTERS}]{{1,6}}[)）])")
# One pinyin syllable: (xué), (zhuàng) yes; (app), (WHO) no.
_SYLLABLE = re.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouüvāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜêɑ]{1,3}(?:ng|n|r)?"
)


def _if_pinyin(m: re.Match[str]) -> str:
    body = m.group(0).strip("()（）")
    return "" if _SYLLABLE.fullmatch(body) else m.group(0)


# A toned gloss is unambiguous wherever it stands (after mojibake too): (jiān)
_TONED_GLOSS = re.compile(
    rf"[(（](?=[^)）\n]{{0,6}}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[{_PINYIN_LETTERS}]{{1,7}}[)）]"
)


# A gloss whose toned vowels were lost when the page was saved in a legacy encoding: 學（x）, 設（sh）,
# 訓（xn) (xué, shè, xùn), sometimes with '?' where a letter was. Only the consonants are left, so
# such a gloss is taken for one only where a text has several of them.
_DEGRADED_GLOSS = re.compile(
    rf"(?<=[{HAN}])[(（]\??(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])\??(?:ng|n|r)?|ng|n|r)?\??[)）]"
)
DEGRADED_MIN = 3
# What the glosses begin with (fast path: textmap.finditer_at), and what residue needs before it;
# tests/core/test_fast_paths.py checks them against the patterns.
GLOSS_STARTS = re.compile("[(（]")
_LOST = re.compile("[?？]")
# What the text must hold for any gloss (a bracket and then a letter, a lost letter or the closing
# bracket), and for any residue (a letter after a lost character): a text without it is not
# scanned four (one) more times. tests/core/test_fast_paths.py checks them against the patterns.
GLOSS_NEEDS = re.compile(f"[(（][{_PINYIN_LETTERS}?？)）]")
RESIDUE_NEEDS = re.compile(f"[?？][{_PINYIN_LETTERS}]")


def remove_pinyin_glosses(mt: MappedText) -> MappedText:
    if GLOSS_NEEDS.search(mt.text):  # else none of the four patterns matches (nor after another)
        mt = substitute(mt, _GLOSS, _if_pinyin, GLOSS_STARTS)
        mt = substitute(mt, _TONED_GLOSS, _if_pinyin, GLOSS_STARTS)
        if sum(1 for _ in finditer_at(_DEGRADED_GLOSS, GLOSS_STARTS, mt.text)) >= DEGRADED_MIN:
            mt = substitute(mt, _DEGRADED_GLOSS, "", GLOSS_STARTS)
        mt = substitute(mt, _TRUNCATED, _truncated, GLOSS_STARTS)
    if not _LOST.search(mt.text) or not RESIDUE_NEEDS.search(mt.text):  # residue follows a lost character only
        return mt
    return substitute(mt, _RESIDUE, "")


def _truncated(m: re.Match[str]) -> str:
    body = m.group(0)[1:]
    return "" if body.islower() else m.group(0)
