"""Character classes shared by the cleaning steps and the structure rules."""

from __future__ import annotations

# CJK unified ideographs (basic, extension A, and the supplementary planes for rare hanzi).
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# Chinese punctuation and full-width forms.
CJK_PUNCT = "\u3000-\u303f\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019\u00b7"
CJK = HAN + CJK_PUNCT
# Marks that end a sentence or a clause in Chinese text.
SENTENCE_END = "。！？；"
CLOSING = "”’）》」』】"
SPACES = " \t\u3000\u00a0\u2002\u2003\u2009\u200b"


def is_han(ch: str) -> bool:
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0xF900 <= o <= 0xFAFF
        or 0x20000 <= o <= 0x3134F
    )


def han_count(text: str) -> int:
    return sum(1 for ch in text if is_han(ch))


def word_count(text: str) -> int:
    """Hanzi and digits: what a heading or title is made of ("2023年主要工作")."""
    return sum(1 for ch in text if is_han(ch) or ch.isdigit())
