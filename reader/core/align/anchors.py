"""Anchors: the topics rows are seeded from. Built from the themes passed in (a root theme with its
descendants' keywords), each enriched with the built-in prototype it resembles, plus the built-in
topics many codebooks leave out (Prototype.own_row) that no theme resembles; or, with no themes, the
built-in prototypes themselves."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.core.align.model import AlignTheme
from reader.core.align.prototypes import PROTOTYPES, Prototype
from reader.core.align.terms import bag


@dataclass
class Anchor:
    key: str
    label: str
    theme_id: int | None
    rank: int | None  # usual place in a report; None: no order prior
    terms: dict[str, float]
    theme_ids: frozenset[int] = field(default_factory=frozenset)  # tagging any of these pulls toward it
    topic: str | None = None  # the built-in topic (Prototype.key) it is or was enriched with


def anchors_for(themes: Sequence[AlignTheme]) -> list[Anchor]:
    if not themes:
        return [_from_prototype(p) for p in PROTOTYPES]
    by_id = {t.id: t for t in themes}
    roots = sorted((t for t in themes if t.parent_id is None or t.parent_id not in by_id), key=lambda t: t.id)
    own = [_own_terms(root, _descendants(root.id, themes)) for root in roots]
    protos = _matched_prototypes([r.name for r in roots], [terms for terms, _ in own])
    anchors = [_from_theme(root, terms, ids, proto) for root, (terms, ids), proto in zip(roots, own, protos, strict=True)]
    taken = {p.key for p in protos if p is not None}
    # topics the codebook has no theme for, which would otherwise be forced into the nearest theme
    return anchors + [_from_prototype(p) for p in PROTOTYPES if p.own_row and p.key not in taken]


def root_of(theme_id: int, themes: Sequence[AlignTheme]) -> int | None:
    by_id = {t.id: t for t in themes}
    seen: set[int] = set()
    current = by_id.get(theme_id)
    while current is not None and current.parent_id in by_id and current.id not in seen:
        seen.add(current.id)
        current = by_id[current.parent_id]
    return current.id if current else None


def _from_prototype(p: Prototype) -> Anchor:
    return Anchor(f"topic:{p.key}", p.label, None, p.rank, dict(p.terms), topic=p.key)


def _descendants(root_id: int, themes: Sequence[AlignTheme]) -> list[AlignTheme]:
    out: list[AlignTheme] = []
    frontier = [root_id]
    while frontier:
        parent = frontier.pop(0)
        kids = sorted((t for t in themes if t.parent_id == parent and t.id != root_id), key=lambda t: t.id)
        kids = [k for k in kids if k not in out]
        out += kids
        frontier += [k.id for k in kids]
    return out


def _add_phrase(terms: dict[str, float], phrase: str, weight: float) -> None:
    phrase = phrase.strip()
    if not phrase:
        return
    words = bag(phrase)
    if len(words) == 1 or phrase in words:
        terms[phrase] = max(terms.get(phrase, 0.0), weight)
        return
    for word in sorted(words):
        terms[word] = max(terms.get(word, 0.0), weight * 0.6)


def _own_terms(root: AlignTheme, descendants: list[AlignTheme]) -> tuple[dict[str, float], frozenset[int]]:
    """The theme's own vocabulary: its name and keywords, and (weaker) its descendants'."""
    terms: dict[str, float] = {}
    _add_phrase(terms, root.name, 1.0)
    for kw in root.keywords:
        _add_phrase(terms, kw, 1.0)
    for child in descendants:
        _add_phrase(terms, child.name, 0.8)
        for kw in child.keywords:
            _add_phrase(terms, kw, 0.7)
    return terms, frozenset([root.id] + [d.id for d in descendants])


def _from_theme(root: AlignTheme, terms: dict[str, float], ids: frozenset[int], proto: Prototype | None) -> Anchor:
    terms = dict(terms)
    if proto is not None:
        for term, weight in proto.terms:
            terms[term] = max(terms.get(term, 0.0), weight)
    return Anchor(f"theme:{root.id}", root.name, root.id, proto.rank if proto else None, terms, ids,
                  proto.key if proto else None)


def _overlap(p: Prototype, name: str, terms: dict[str, float]) -> float:
    overlap = sum(w * terms[t] for t, w in p.terms if t in terms)
    return overlap + (1.0 if p.label in name or name in p.label else 0.0)


def _matched_prototypes(names: list[str], own: list[dict[str, float]]) -> list[Prototype | None]:
    """For each theme, the built-in prototype it resembles (a clear overlap), one theme per prototype:
    a prototype enriches only the theme closest to it, so a neighbouring theme (中心工作 beside 依法监督)
    keeps its own vocabulary instead of taking over the other's."""
    pairs = sorted(
        ((_overlap(p, name, terms), -i, p.key, i, p) for i, (name, terms) in enumerate(zip(names, own, strict=True))
         for p in PROTOTYPES),
        key=lambda x: (-x[0], -x[1], x[2]),
    )
    out: list[Prototype | None] = [None] * len(names)
    used: set[str] = set()
    for overlap, _neg, key, i, p in pairs:
        if overlap < 1.5:
            break
        if out[i] is None and key not in used:
            out[i] = p
            used.add(key)
    return out
