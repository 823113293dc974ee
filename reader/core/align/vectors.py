"""Sparse vectors as dicts (term -> weight): TF-IDF with sublinear tf, cosine, centroids.

Every loop that could depend on dict order sorts its keys or only sums, so results never depend on
PYTHONHASHSEED.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Iterator, Mapping

Vec = dict[str, float]


class PackedVec:
    """A vector held compactly, for the many kept at once (a section's, one per aligned item): its
    terms and their weights as doubles, in the order of the dict it was made from, so that every
    sum over it runs in the same order, to the same bits. ~1.4 KB for 77 terms, where the dict took
    ~4.3 KB (a decade of reports has ~300,000 items). Read like a dict's items(), keys(), values()."""

    __slots__ = ("terms", "weights")

    def __init__(self, vec: Mapping[str, float]):
        self.terms = tuple(vec)
        self.weights = array("d", vec.values())

    def items(self) -> Iterator[tuple[str, float]]:
        return zip(self.terms, self.weights, strict=True)

    def keys(self) -> tuple[str, ...]:
        return self.terms

    def values(self) -> array:
        return self.weights

    def __len__(self) -> int:
        return len(self.terms)

    def __iter__(self) -> Iterator[str]:
        return iter(self.terms)

    def as_dict(self) -> Vec:
        return dict(zip(self.terms, self.weights, strict=True))


AnyVec = Mapping[str, float] | PackedVec  # or a row of an arrays.VecTable (read the same way)


def lookup(vec: AnyVec) -> Mapping[str, float]:
    """A vector to look terms up in (a packed one made a dict for the moment)."""
    return vec if isinstance(vec, Mapping) else vec.as_dict()


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


def normalized(vec: AnyVec) -> Vec:
    norm = math.sqrt(sum(v * v for v in vec.values()))
    if norm == 0:
        return {}
    return {t: v / norm for t, v in vec.items()}


def dot(a: AnyVec, b: AnyVec) -> float:
    if len(a) > len(b):
        a, b = b, a
    get = lookup(b).get
    return sum(v * get(t, 0.0) for t, v in a.items())


def norm(a: AnyVec) -> float:
    return math.sqrt(sum(v * v for v in a.values()))


def add_into(acc: Vec, vec: AnyVec, factor: float = 1.0) -> None:
    for t, v in vec.items():
        acc[t] = acc.get(t, 0.0) + v * factor


def top_terms(vec: AnyVec, k: int) -> Vec:
    """The k heaviest terms (ties broken by the term)."""
    best = sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:k]
    return dict(best)


def shared_terms(a: AnyVec, b: AnyVec, k: int = 5) -> list[str]:
    """The terms that contribute most to a·b, strongest first."""
    if len(a) > len(b):
        a, b = b, a
    b = lookup(b)
    scored = [(v * b[t], t) for t, v in a.items() if t in b and v * b[t] > 0]
    scored.sort(key=lambda x: (-x[0], x[1]))
    return [t for _, t in scored[:k]]
