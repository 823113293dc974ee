"""Traditional to simplified Chinese, only for documents that are mostly traditional.

OpenCC (pure Python) is slow: deciding costs no OpenCC call. A sample's share of traditional
characters is measured with OpenCC's own character table (read once from its dictionaries) by
str.translate; converting uses the same table for every line that holds none of OpenCC's phrases.

OpenCC's t2s leaves 著 where simplified writes 着 (著力, 朝著, 随著, 本著…), while 著名, 著作 and
编著 must stay 著: after conversion, 著 becomes 着 except in the protected words below.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from reader.core.chars import HAN
from reader.core.clean.textmap import MappedText, replace_same_length

# Words in which 著 is the simplified character too (zhù: to write, notable).
ZHU_PROTECTED = (
    "著名", "著作", "著称", "著述", "著录", "著者", "著书", "著文", "著有", "著说", "著译",
    "显著", "编著", "原著", "专著", "译著", "所著", "合著", "土著", "卓著", "昭著", "巨著",
    "名著", "论著", "遗著", "新著", "拙著", "大著", "杰著", "昭然若著",
)
_PROTECT = re.compile("|".join(sorted(ZHU_PROTECTED, key=len, reverse=True)))

# A document is converted when at least this share of its hanzi are traditional-only.
TRADITIONAL_SHARE = 0.03
_SAMPLE = 4000
_HAN_RUN = re.compile(f"[{HAN}]+")


@lru_cache(maxsize=1)
def _converter():
    import opencc  # opencc-python-reimplemented: dictionaries load on first use

    return opencc.OpenCC("t2s")


def _sample(text: str) -> str:
    return "".join(_HAN_RUN.findall(text, 0, _SAMPLE * 4))[:_SAMPLE]


def traditional_share(text: str) -> float:
    """The share of hanzi in (a sample of) `text` that t2s changes (character by character)."""
    sample = _sample(text)
    if not sample:
        return 0.0
    count = _changed_counter()
    if count is not None:
        return count(sample) / len(sample)
    fast = _by_character()  # character by character: a share needs no phrase (OpenCC is slow)
    converted = sample.translate(fast[0]) if fast is not None else _converter().convert(sample)
    changed = sum(map(operator.ne, sample, converted))  # as zip(): to the shorter one
    return changed / len(sample)


_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


@lru_cache(maxsize=1)
def _changed_counter() -> Callable[[str], int] | None:
    """How many characters of a text t2s's character table changes, counted by one character class
    (the same count as comparing the text with its str.translate, which looks every character up
    in a dict: nine tenths of deciding). The class holds the table's characters of the basic plane;
    the few beyond it are counted apart, and only in a text that has such a character (a class
    that holds them is twenty times slower). None: the table is not one character for one (the
    comparison is then needed) or cannot be read."""
    fast = _by_character()
    if fast is None or any(len(value) != 1 for value in fast[0].values()):
        return None
    changed = sorted(key for key, value in fast[0].items() if chr(key) != value)
    if not any(key <= 0xFFFF for key in changed):
        return None
    basic = re.compile("[" + "".join(re.escape(chr(key)) for key in changed if key <= 0xFFFF) + "]")
    beyond = frozenset(chr(key) for key in changed if key > 0xFFFF)

    def count(text: str) -> int:
        n = len(basic.findall(text))
        if beyond and _ASTRAL.search(text):
            n += sum(1 for ch in _ASTRAL.findall(text) if ch in beyond)
        return n

    return count


def is_mostly_traditional(text: str) -> bool:
    return traditional_share(text) >= TRADITIONAL_SHARE


def _dictionary(name: str) -> list[tuple[str, str]]:
    """(key, value) of one of OpenCC's dictionary files, read as OpenCC reads it."""
    import opencc

    path = Path(opencc.__file__).parent / "dictionary" / name
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            key, value = line.strip().split("\t")
            out.append((key, value))
    return out


@lru_cache(maxsize=1)
def _by_character() -> tuple[dict[int, str], re.Pattern[str]] | None:
    """t2s without OpenCC for a line holding none of its phrases: OpenCC then converts character by
    character from TSCharacters (the first of several values), which str.translate does at C speed. Returns the table and the
    pattern of the phrases (None: the dictionaries cannot be read; OpenCC converts every line)."""
    try:
        table = {ord(key): value.split(" ")[0] for key, value in _dictionary("TSCharacters.txt") if len(key) == 1}
        phrases = sorted((key for key, _value in _dictionary("TSPhrases.txt")), key=len, reverse=True)
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    return table, re.compile("|".join(map(re.escape, phrases)))


def convert_t2s(text: str) -> str:
    """t2s line by line, keeping each line's length where OpenCC does (it almost always does).
    OpenCC itself (slow: pure Python) converts only the lines holding one of its phrases."""
    fast = _by_character()
    cc = _converter()
    if fast is None:
        return "\n".join(cc.convert(line) for line in text.split("\n"))
    table, phrases = fast
    return "\n".join(cc.convert(line) if phrases.search(line) else line.translate(table) for line in text.split("\n"))


def fix_zhe(text: str) -> str:
    """著 -> 着 outside the protected words (only for text converted from traditional)."""
    if "著" not in text:
        return text
    keep = {i for m in _PROTECT.finditer(text) for i in range(m.start(), m.end())}
    return "".join("着" if ch == "著" and i not in keep else ch for i, ch in enumerate(text))


def to_simplified(mt: MappedText) -> MappedText:
    if not is_mostly_traditional(mt.text):
        return mt
    converted = fix_zhe(convert_t2s(mt.text))
    if len(converted) == len(mt.text):
        return replace_same_length(mt, converted)
    return _realign(mt, converted)


def _realign(mt: MappedText, converted: str) -> MappedText:
    """Rare: a phrase conversion changed a line's length; map such lines by their start."""
    from array import array

    sources = array("q")
    old_lines = mt.text.split("\n")
    new_lines = converted.split("\n")
    pos = 0
    for k, (old, new) in enumerate(zip(old_lines, new_lines, strict=True)):
        seg = mt.sources[pos : pos + len(old)]
        if len(new) == len(old):
            sources.extend(seg)
        else:
            for j in range(len(new)):
                sources.append(seg[min(j, len(seg) - 1)] if seg else mt.sources[min(pos, len(mt.sources) - 1)])
        pos += len(old)
        if k < len(old_lines) - 1:
            sources.append(mt.sources[pos])
            pos += 1
    return MappedText(converted, sources, mt.original_length)
