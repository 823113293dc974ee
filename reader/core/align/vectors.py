"""Sparse vectors as dicts (term -> weight): TF-IDF with sublinear tf, cosine, centroids.

Every loop that could depend on dict order sorts its keys or only sums, so results never depend on
PYTHONHASHSEED.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

Vec = dict[str, float]


def idf_table(bags: Iterable[Mapping[str, float]]) -> tuple[dict[str, float], float]:
    """Smoothed idf per term, and the idf of an unseen term."""
    df: dict[str, int] = {}
    n = 0
    for b in bags:
        n += 1
        for term in b:
            df[term] = df.get(term, 0) + 1
    idf = {t: math.log((n + 1) / (d + 1)) + 1.0 for t, d in df.items()}
    return idf, math.log(n + 1) + 1.0


def tfidf(counts: Mapping[str, float], idf: Mapping[str, float], unseen: float) -> Vec:
    """Sublinear tf times idf, unit length."""
    vec = {t: (1.0 + math.log(c)) * idf.get(t, unseen) for t, c in counts.items() if c >= 1.0}
    vec.update({t: c * idf.get(t, unseen) for t, c in counts.items() if 0 < c < 1.0})
    return normalized(vec)


def normalized(vec: Mapping[str, float]) -> Vec:
    norm = math.sqrt(sum(v * v for v in vec.values()))
    if norm == 0:
        return {}
    return {t: v / norm for t, v in vec.items()}


def dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def norm(a: Mapping[str, float]) -> float:
    return math.sqrt(sum(v * v for v in a.values()))


def add_into(acc: Vec, vec: Mapping[str, float], factor: float = 1.0) -> None:
    for t, v in vec.items():
        acc[t] = acc.get(t, 0.0) + v * factor


def top_terms(vec: Mapping[str, float], k: int) -> Vec:
    """The k heaviest terms (ties broken by the term)."""
    best = sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:k]
    return dict(best)


def shared_terms(a: Mapping[str, float], b: Mapping[str, float], k: int = 5) -> list[str]:
    """The terms that contribute most to a·b, strongest first."""
    if len(a) > len(b):
        a, b = b, a
    scored = [(v * b[t], t) for t, v in a.items() if t in b and v * b[t] > 0]
    scored.sort(key=lambda x: (-x[0], x[1]))
    return [t for _, t in scored[:k]]
