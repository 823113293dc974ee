"""Character error rate between a text and its reference, white space ignored (the OCR bar).

The edit distance is Hyyrö's bit-vector form of Myers' algorithm: each column of the dynamic
programme is one Python integer, so two 10,000-character texts compare in a fraction of a second.
"""

from __future__ import annotations


def _squeeze(text: str) -> str:
    return "".join(text.split())


def distance(a: str, b: str) -> int:
    """Levenshtein distance between a and b."""
    if len(a) < len(b):
        a, b = b, a
    m = len(b)
    if m == 0:
        return len(a)
    peq: dict[str, int] = {}
    for i, ch in enumerate(b):
        peq[ch] = peq.get(ch, 0) | (1 << i)
    mask = (1 << m) - 1
    top = 1 << (m - 1)
    pv, mv, score = mask, 0, m
    for ch in a:
        eq = peq.get(ch, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | ~(xh | pv) & mask
        mh = pv & xh
        if ph & top:
            score += 1
        elif mh & top:
            score -= 1
        ph = ((ph << 1) | 1) & mask
        mh = (mh << 1) & mask
        pv = mh | ~(xv | ph) & mask
        mv = ph & xv
    return score


def cer(text: str, reference: str) -> float:
    """Edits per reference character, white space ignored."""
    a, b = _squeeze(text), _squeeze(reference)
    return distance(a, b) / max(1, len(b))
