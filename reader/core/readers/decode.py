"""Bytes to text: find the encoding of a text file, and refuse what is not text.

The order (measured: /work/shared/docs/text-pipeline-notes.md, section 6):

1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. binary content (magic numbers of common binary formats, NUL bytes, control characters) is
   refused, unless chardet finds UTF-16/32 without a BOM and the result reads as text;
3. strict UTF-8;
4. chardet on the whole file, limited to the encodings Chinese reports come in (GB18030 and its
   subsets GB2312/GBK, Big5 as cp950 or Big5-HKSCS, and Windows-1252 for the odd Western file).

chardet's answer is checked, never trusted blindly: every Big5 file also decodes as GB18030 (as
nonsense) and some GB files decode as Big5, so each Chinese candidate that decodes strictly is
scored by the share of its non-ASCII characters that are common hanzi or Chinese punctuation, and
another candidate wins only when it scores clearly higher. Text that decodes under no candidate, or
only as nonsense, is refused (UndecodableText): a file is never silently mis-decoded.

A file cut inside its last multi-byte character (a truncated download) is read, with U+FFFD in
place of the broken character.

Limits (measured on slices of the sample reports): natural text of 8 characters or more decodes
exactly in GB18030 and in Big5; a few characters of character soup can be ambiguous, since every
two-byte pair may be a common hanzi in both. Japanese and Korean legacy encodings (Shift-JIS,
EUC-JP, EUC-KR) are not among the candidates: such a file is refused or, when its bytes happen to
read as common hanzi (EUC-KR), read as GB18030.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import lru_cache

import chardet

from reader.core.errors import BinaryContent, MixedEncodings, UndecodableText

# Recorded encodings are codec names that decode the file's bytes back to its text.
GB = "gb18030"
BIG5 = ("cp950", "big5hkscs")
CHINESE = (GB, *BIG5)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: FF FE 00 00 starts with FF FE
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# chardet chooses among these only (names as chardet knows them).
_DETECTABLE = (
    "utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be",
    "gb18030", "gb2312", "gbk", "big5", "cp950", "big5hkscs", "cp1252",
)
_CHINESE_NAMES = ("gb2312", "gbk", "big5", "cp950", "big5hkscs", "gb18030")  # the last when nothing fits
_FAMILY = {
    "gb2312": (GB,), "gbk": (GB,), "gb18030": (GB,),
    "big5": BIG5, "cp950": BIG5, "big5hkscs": BIG5,
}
# Web labels Python does not know (WHATWG encoding names).
_ALIASES = {"x-gbk": "gbk", "x-euc-cn": "gb2312", "x-big5": "big5", "x-x-big5": "big5", "big5-hkscs": "big5hkscs"}
# Magic numbers of binary files users may rename or mislabel (.pdf, .zip/.docx, images, .doc).
_MAGIC = (b"%PDF-", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\xd0\xcf\x11\xe0", b"\x7fELF",
          b"Rar!", b"7z\xbc\xaf", b"\x1f\x8b")
_NON_ASCII = re.compile("[^\x00-\x7f]")
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f\ue000-\uf8ff\ufffe\uffff]")  # and private use
# More control bytes than this share is not text.
CONTROL_SHARE = 0.01
# A candidate scoring this much more than chardet's answer replaces it.
MARGIN = 0.1
# A Chinese reading scoring at least this much is real Chinese text.
PLAUSIBLE = 0.9
# Below this, no reading is believed.
FLOOR = 0.6
# A Western (cp1252) reading: mostly ASCII, and its other characters letters or common signs.
WESTERN_NON_ASCII = 0.3
_WESTERN_GOOD = re.compile("[\u00c0-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u00a0-\u00bf"
                           "\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac\u2122]")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def decode(data: bytes, path: str = "", declared: str | None = None) -> Decoded:
    """The text of `data` and the codec that decodes it. `declared` is an encoding the file names
    for itself (an HTML <meta charset>): it takes chardet's place as the first candidate."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            text = _strict(data, name)
            if text is None:
                raise UndecodableText(path)
            if _controls(text) > max(2, CONTROL_SHARE * len(text)):
                raise BinaryContent(path)  # binary data that happens to start like a BOM
            return Decoded(text, name)
    if is_binary(data):
        return _wide_without_bom(data, _detect(data, _DETECTABLE).get("encoding"), path)
    text = _strict(data, "utf-8")
    if text is not None:
        return _utf8_or_chinese(data, text)
    guess = _detect(data, _DETECTABLE)
    if guess.get("encoding") is None and not str(guess.get("mime_type") or "text/").startswith("text/"):
        raise BinaryContent(path)
    found = _choose(data, _codec(declared) or _codec(guess.get("encoding")))
    mixed = _mixed_lines(data, found.encoding if found is not None else None)
    if mixed:
        raise MixedEncodings(path, "、".join(mixed))
    if found is None:
        raise UndecodableText(path)
    return found


def _detect(data: bytes, encodings: tuple[str, ...]) -> dict:
    return chardet.detect(data, max_bytes=max(len(data), 1), compat_names=False, include_encodings=encodings,
                          no_match_encoding=encodings[-1])


def _utf8_or_chinese(data: bytes, text: str) -> Decoded:
    """Valid UTF-8 is UTF-8, except when none of its characters is Chinese while the same bytes
    read as plausible Chinese: a short GB file such as '一一一' (D2 BB...) is valid UTF-8 too."""
    if text.isascii() or any(_good(m.group(), common_hanzi()) for m in _NON_ASCII.finditer(text)):
        return Decoded(text, "utf-8")
    chinese = _choose(data, None)
    if chinese is not None and han_share(chinese.text) >= PLAUSIBLE:
        return chinese
    return Decoded(text, "utf-8")


def is_binary(data: bytes) -> bool:
    """Binary by its magic number, a NUL byte, or too many control characters (without a BOM)."""
    if data.startswith(_MAGIC):
        return True
    if b"\x00" in data:
        return True
    sample = data[:1 << 20].rstrip(b"\x1a")  # ^Z ends old DOS text files
    return len(_CONTROL.findall(sample)) > max(2, CONTROL_SHARE * len(sample))


def control_heavy(text: str) -> bool:
    """Whether decoded text holds what decode refuses in a text file as binary data: a NUL, or more
    control characters than a text has (a REFI-QDA source is held to the same rule as a .txt)."""
    return "\x00" in text or _controls(text) > max(2, CONTROL_SHARE * len(text))


def _controls(text: str) -> int:
    return len(_CONTROL_CHARS.findall(text[:1 << 20]))


def _wide_without_bom(data: bytes, guess: str | None, path: str) -> Decoded:
    """UTF-16/32 without a BOM has NUL bytes too: accept it only when it reads as text."""
    name = _codec(guess)
    if name is None or not name.startswith("utf-"):
        raise BinaryContent(path)
    text = _strict(data, name)
    if text is None or _controls(text) or han_share(text) < FLOOR:
        raise BinaryContent(path)
    return Decoded(text, name)


def _codec(name: str | None) -> str | None:
    """A Python codec name for an encoding name, or None if Python does not know it."""
    if not name:
        return None
    name = _ALIASES.get(name.strip().lower(), name.strip())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _choose(data: bytes, pick: str | None) -> Decoded | None:
    """The most plausible reading of `data`. A Chinese `pick` (chardet's or the declared encoding)
    stands unless another Chinese reading scores clearly higher. Otherwise the Chinese readings
    are ranked by chardet among Chinese encodings only; a plausible Chinese reading beats a
    non-Chinese pick, which must itself read plausibly (mostly ASCII, letters and common signs)."""
    readings: dict[str, str] = {}
    for name in (GB, *BIG5):
        if not (name in BIG5 and any(n in BIG5 for n in readings)):  # cp950, else Big5-HKSCS
            text = _strict(data, name)
            if text is not None:
                readings[name] = text
    scores = {name: han_share(text) for name, text in readings.items()}
    family = _FAMILY.get(pick or "")
    if family is None and len(readings) > 1:
        family = _FAMILY.get(_codec(_detect(data, _CHINESE_NAMES).get("encoding")) or "")
    preferred = next((n for n in family or () if n in readings), None)
    best = max(scores, key=lambda n: scores[n], default=None)
    if preferred is not None and scores[best] <= scores[preferred] + MARGIN:  # type: ignore[index]
        best = preferred
    chinese_pick = pick is not None and pick in _FAMILY
    if not chinese_pick and pick is not None and (best is None or scores[best] < PLAUSIBLE):
        text = _strict(data, pick)
        if text is not None and _plausible_other(text):
            return Decoded(text, pick)
    if best is None or scores[best] < FLOOR:
        return None
    return Decoded(readings[best], best)


def _plausible_other(text: str) -> bool:
    """A reading in a non-Chinese encoding (cp1252) is believed when it is mostly ASCII and its
    other characters are letters and common signs."""
    other = [ch for ch in text if ord(ch) >= 0x80]
    if not other:
        return True
    good = sum(1 for ch in other if _WESTERN_GOOD.match(ch))
    return len(other) <= WESTERN_NON_ASCII * len(text) and good >= PLAUSIBLE * len(other)


def _strict(data: bytes, name: str) -> str | None:
    """`data` decoded strictly; a last character cut short becomes U+FFFD; None if it fails."""
    try:
        return data.decode(name)
    except UnicodeDecodeError as e:
        if e.end >= len(data) and e.start >= len(data) - 3 and e.start > 0:
            try:
                return data[: e.start].decode(name) + "\ufffd"
            except UnicodeDecodeError:
                return None
        return None
    except LookupError:
        return None


# A line is told apart by its encoding when it has at least this many non-ASCII bytes.
MIXED_MIN_BYTES = 12
_LINE_CODECS = ("utf-8", GB, BIG5[0])


def _family(name: str | None) -> str | None:
    return "big5" if name in BIG5 else name


def _mixed_lines(data: bytes, chosen: str | None) -> list[str]:
    """The encodings of a file whose lines are in different encodings (pasted together from a GB
    and a Big5 or UTF-8 copy): [] when the lines agree. A line belongs to another family than the
    `chosen` reading's when it reads plausibly there and clearly worse (or not at all) in `chosen`;
    a line that reads plausibly in `chosen` belongs to it."""
    families: dict[str, int] = {}
    mine = _family(chosen)
    for line in data.split(b"\n"):
        if len(line) - len(line.translate(None, _HIGH_BYTES)) < MIXED_MIN_BYTES:  # its bytes >= 0x80
            continue
        own = _strict(line, chosen) if chosen is not None else None
        own_score = han_share(own) if own is not None else None
        if own_score is not None and own_score >= PLAUSIBLE:
            families[mine or ""] = families.get(mine or "", 0) + 1
            continue
        others = {}
        for name in _LINE_CODECS:
            if _family(name) != mine and (text := _strict(line, name)) is not None:
                others[_family(name) or ""] = han_share(text)
        best = max(others, key=lambda n: others[n], default=None)
        if best is not None and others[best] >= PLAUSIBLE and (own_score is None or others[best] - own_score >= 2 * MARGIN):
            families[best] = families.get(best, 0) + 1
        elif own_score is not None and own_score >= FLOOR:
            families[mine or ""] = families.get(mine or "", 0) + 1
    return sorted(families) if len(families) > 1 else []


# -- plausibility -------------------------------------------------------------------------------

_PUNCT = set("“”‘’—…·–•")


@lru_cache(maxsize=1)
def common_hanzi() -> frozenset[str]:
    """The common hanzi of both scripts, taken from the codecs themselves: GB2312 level 1 (3,755
    simplified characters) and Big5 level 1 (5,401 traditional ones)."""
    chars: set[str] = set()
    for codec, leads, trails in (
        ("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF)),
        ("cp950", range(0xA4, 0xC7), [*range(0x40, 0x7F), *range(0xA1, 0xFF)]),
    ):
        for a in leads:
            for b in trails:
                if codec == "cp950" and a == 0xC6 and b >= 0xA1:
                    break  # level 1 ends at C67E; the rest of row C6 is symbols and kana
                try:
                    chars.add(bytes((a, b)).decode(codec))
                except UnicodeDecodeError:
                    continue
    return frozenset(chars)


def _good(ch: str, common: frozenset[str]) -> bool:
    o = ord(ch)
    return (
        ch in common
        or 0x3000 <= o <= 0x303F  # CJK punctuation
        or 0xFF00 <= o <= 0xFFEF  # full-width forms
        or 0x20000 <= o <= 0x3134F  # hanzi beyond the BMP: only GB18030's four-byte forms give them
        or ch in _PUNCT
    )


_HIGH_BYTES = bytes(range(0x80, 0x100))
_ASCII = re.compile(r"[\x00-\x7f]+")


@lru_cache(maxsize=1)
def _good_pattern() -> re.Pattern[str]:
    """The characters _good() accepts, as one character class (so that han_share counts at C speed)."""
    ranges = "\u3000-\u303f\uff00-\uffef\U00020000-\U0003134f"
    return re.compile("[" + "".join(map(re.escape, sorted(common_hanzi() | _PUNCT))) + ranges + "]+")


def han_share(text: str, sample: int = 200_000) -> float:
    """The share of non-ASCII characters of `text` (a sample) that are common hanzi or Chinese
    punctuation: near 1 for real Chinese, about 0.2-0.6 for one Chinese encoding read as another.
    Text without non-ASCII characters scores 1. (Counted with patterns, at C speed: the characters
    _good() accepts.)"""
    other = _ASCII.sub("", text[:sample])
    if not other:
        return 1.0
    bad = _good_pattern().sub("", other)
    return (len(other) - len(bad)) / len(other)
