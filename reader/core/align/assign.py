"""Many-to-one assignment of sections to anchors: prototype evidence (heading and body read apart, so
an explicit heading can outweigh a body full of another topic's words), users' tags, the vocabulary
the other units use for the same anchor (leave-one-unit-out centroids), and a per-unit Viterbi pass
that gives a small bonus to assignments that keep the usual topic order."""

from __future__ import annotations

import math
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from math import log

import numpy as np

from reader.core.align.anchors import Anchor
from reader.core.align.arrays import summed
from reader.core.align.centroids import add_centroids
from reader.core.align.nodes import Node
from reader.core.align.vectors import Vec, add_into, norm, normalized

HEAD_SHARE = 0.5  # weight of the heading in the prototype evidence; the body has the rest
HEAD_FULL = 1.0  # topic-word weight in a heading that counts as full evidence
BODY_FULL_DENSITY = 0.08  # share of a body's words that are topic words, for full evidence
CORE_WEIGHT = 0.6  # prototype words at least this strong make the evidence; weaker ones only share it
ANCHOR_MIN = 0.15  # least prototype evidence for a section to be anchored at all
CENTROID_WEIGHT = 0.35
ORDER_BONUS = 0.015
TAG_BONUS = 1.0  # users tagged passages: strong evidence, shared out among the themes tagged (half for one tag)
ROUNDS = 2
FREE = -1
CHECK_EVERY = 200  # items between two cancel checks


@dataclass
class Scored:
    """Scores of one item against every anchor: its evidence (proto) and with the centroids (total)."""

    proto: Sequence[float]
    total: Sequence[float]


class Scores:
    """Every item's scores against every anchor, as two matrices of doubles (items × anchors): the
    evidence (proto) and with the centroids added (total). scores[i] is item i's Scored."""

    def __init__(self, proto: np.ndarray) -> None:
        self.proto = proto
        self.total = proto.copy()

    def __len__(self) -> int:
        return len(self.proto)

    def __getitem__(self, i: int) -> Scored:
        return Scored(self.proto[i], self.total[i])

    def best(self) -> list[float]:
        """Each item's best total (0.0 with no anchors)."""
        if self.total.shape[1] == 0:
            return [0.0] * len(self.total)
        return self.total.max(axis=1).tolist()


def anchor_vectors(anchors: Sequence[Anchor], idf: dict[str, float], unseen: float) -> list[Vec]:
    return [normalized({t: w * idf.get(t, unseen) for t, w in a.terms.items()}) for a in anchors]


def evidence(node: Node, anchors: Sequence[Anchor]) -> array:
    """prototype_scores, computed once per node."""
    if node.proto is None:
        node.proto = prototype_scores(node, anchors)
    return node.proto


def prototype_scores(node: Node, anchors: Sequence[Anchor]) -> array:
    """Evidence for each anchor: the share of the heading's and of the body's topic words that are the
    anchor's, each scaled by how much clear topic vocabulary there is at all (so an off-topic section
    scores low everywhere), plus users' tags."""
    index, core = _term_index(anchors)
    head_mass, head_total, head_core = _mass(node.head, index, core, len(anchors), sublinear=False)
    body_mass, body_total, body_core = _mass(node.body, index, core, len(anchors), sublinear=True)
    body_len = sum([1.0 + log(c) if c >= 1.0 else c for c in node.body.values()])  # (_tf of each count)
    head_conf = min(1.0, head_core / HEAD_FULL)
    body_conf = min(1.0, body_core / max(body_len, 1.0) / BODY_FULL_DENSITY)
    tags = _tags(node)
    out = []
    for k, anchor in enumerate(anchors):
        s = 0.0
        if head_total > 0:
            s += HEAD_SHARE * head_conf * head_mass[k] / head_total
        if body_total > 0:
            s += (1 - HEAD_SHARE) * body_conf * body_mass[k] / body_total
        if tags and anchor.theme_ids:
            s += TAG_BONUS * min(1.0, len(tags) / 2) * sum(1 for t in tags if t in anchor.theme_ids) / len(tags)
        out.append(s)
    return array("d", out)


def _tf(count: float) -> float:
    return 1.0 + math.log(count) if count >= 1.0 else count


def _mass(counts: dict[str, float], index: dict[str, list[tuple[int, float]]], core: dict[str, float], n: int,
          sublinear: bool) -> tuple[list[float], float, float]:
    """Topic-word weight per anchor, in all, and of the words that speak clearly for some anchor
    (weaker words only share out evidence, they do not make it)."""
    mass = [0.0] * n
    clear = 0.0
    for term, count in counts.items():
        hits = index.get(term)
        if not hits:
            continue
        tf = _tf(count) if sublinear else min(count, 1.0)
        for k, w in hits:
            mass[k] += w * tf
        clear += core[term] * tf
    return mass, sum(mass), clear


_Index = tuple[dict[str, list[tuple[int, float]]], dict[str, float]]
_INDEX_CACHE: dict[int, tuple[Sequence[Anchor], _Index]] = {}


def _term_index(anchors: Sequence[Anchor]) -> _Index:
    """term -> [(anchor, weight)], and term -> its weight if at least CORE_WEIGHT somewhere (else 0)."""
    cached = _INDEX_CACHE.get(id(anchors))
    if cached is not None and cached[0] is anchors:
        return cached[1]
    index: dict[str, list[tuple[int, float]]] = {}
    for k, anchor in enumerate(anchors):
        for term in sorted(anchor.terms):
            index.setdefault(term, []).append((k, anchor.terms[term]))
    core = {t: max(w for _, w in hits) for t, hits in index.items()}
    core = {t: (w if w >= CORE_WEIGHT else 0.0) for t, w in core.items()}
    _INDEX_CACHE.clear()
    _INDEX_CACHE[id(anchors)] = (anchors, (index, core))
    return index, core


def _tags(node: Node) -> list[int]:
    return [t for n in node.walk() for t in n.section.theme_ids]


def best_of(scores: Sequence[float]) -> tuple[int | None, float]:
    """The best anchor (None below ANCHOR_MIN) and how sure: 1 - second/best."""
    if not scores:
        return None, 0.0
    order = sorted(range(len(scores)), key=lambda k: (-scores[k], k))
    best = scores[order[0]]
    if best < ANCHOR_MIN:
        return None, 0.0
    second = scores[order[1]] if len(order) > 1 else 0.0
    return order[0], 1.0 - max(second, 0.0) / best


def assign(
    items: Sequence[Node],
    anchors: Sequence[Anchor],
    pinned: dict[int, int],
    forbidden: set[tuple[int, int]],
    use_order: bool = True,
    check: Callable[[], None] | None = None,
    proto: np.ndarray | None = None,
) -> tuple[list[int], Scores]:
    """For each item, an anchor index or FREE. `pinned`: section id -> anchor index (users' moves);
    `forbidden`: (section id, anchor index) pairs users rejected. `check()` is called now and then
    (it raises to stop: a cancel). `proto`: the items' evidence (items × anchors) if made already."""
    check = check or _no_check
    n_anchors = len(anchors)
    if proto is None:
        proto = np.zeros((len(items), n_anchors))
        for k, n in enumerate(items):
            if k % CHECK_EVERY == 0:
                check()
            proto[k] = evidence(n, anchors)
    scored = Scores(proto)
    if forbidden:
        rows: dict[int, list[int]] = {}
        for i, node in enumerate(items):
            rows.setdefault(node.section.id, []).append(i)
        for sid, k in forbidden:
            if 0 <= k < n_anchors:
                for i in rows.get(sid, ()):
                    scored.proto[i, k] = scored.total[i, k] = -1.0
    choice = _decide(items, anchors, scored, pinned, use_order)
    for _ in range(ROUNDS):
        _add_centroids(items, anchors, scored, choice, check)
        choice = _decide(items, anchors, scored, pinned, use_order)
    return choice, scored


def _no_check() -> None:
    return None


def _add_centroids(items: Sequence[Node], anchors: Sequence[Anchor], scored: Scores, choice: list[int],
                   check: Callable[[], None] = _no_check) -> None:
    """total = proto + CENTROID_WEIGHT * cosine to the anchor's members in other units (centroids.py: all
    items at once, the same numbers as the definition there)."""
    add_centroids([n.vec for n in items], [n.unit.id for n in items], choice, scored.proto, scored.total,
                  CENTROID_WEIGHT, check)


def _decide(
    items: Sequence[Node], anchors: Sequence[Anchor], scored: Scores, pinned: dict[int, int], use_order: bool
) -> list[int]:
    choice = [FREE] * len(items)
    start = 0
    while start < len(items):
        end = start
        while end < len(items) and items[end].unit.id == items[start].unit.id:
            end += 1
        unit_scores = [Scored(p, t) for p, t in zip(scored.proto[start:end].tolist(), scored.total[start:end].tolist(),
                                                    strict=True)]
        path = _viterbi(items[start:end], anchors, unit_scores, pinned, use_order)
        choice[start:end] = path
        start = end
    return choice


def _emission(node: Node, scored: Scored, k: int, pinned: dict[int, int]) -> float | None:
    """Score of putting the item in anchor k (FREE: unanchored); None when not allowed."""
    pin = pinned.get(node.section.id)
    if pin is not None:
        return 1.0 if k == pin else None
    if k == FREE:
        return ANCHOR_MIN
    if scored.proto[k] < ANCHOR_MIN:
        return None
    return scored.total[k]


def _viterbi(
    items: Sequence[Node], anchors: Sequence[Anchor], scored: Sequence[Scored], pinned: dict[int, int], use_order: bool
) -> list[int]:
    """Best sequence of anchors for one unit's items; the state is the rank of the last anchored item."""
    states = [FREE, *range(len(anchors))]
    # beam: (last rank seen or None) -> (total, path)
    beam: dict[int | None, tuple[float, list[int]]] = {None: (0.0, [])}
    ranks = [anchors[k].rank if k != FREE else None for k in states]
    for node, sc in zip(items, scored, strict=True):
        nxt: dict[int | None, tuple[float, list[int]]] = {}
        allowed = [(k, e, rank) for k, rank in zip(states, ranks, strict=True)
                   if (e := _emission(node, sc, k, pinned)) is not None]  # the same for every beam entry
        for last, (total, path) in sorted(beam.items(), key=lambda kv: (kv[0] is None, kv[0] or 0)):
            for k, e, rank in allowed:
                bonus = ORDER_BONUS if use_order and rank is not None and last is not None and rank >= last else 0.0
                new_last = rank if rank is not None else last
                cand = (total + e + bonus, path + [k])
                old = nxt.get(new_last)
                if old is None or _better(cand, old):
                    nxt[new_last] = cand
        beam = nxt or beam
    best = max(beam.values(), key=lambda tp: (tp[0], [-k for k in tp[1]]))
    return best[1] if len(best[1]) == len(items) else [FREE] * len(items)


def _better(a: tuple[float, list[int]], b: tuple[float, list[int]]) -> bool:
    if abs(a[0] - b[0]) > 1e-12:
        return a[0] > b[0]
    return [-k for k in a[1]] > [-k for k in b[1]]


def row_vector(anchor_vec: Vec, members: Sequence[Node]) -> Vec:
    """What a row stands for: its anchor plus (half) the centroid of its members."""
    acc: Vec = dict(anchor_vec)
    if members:
        centroid = summed([m.vec for m in members])  # (add_into of each, in order)
        n = norm(centroid)
        if n > 0:
            add_into(acc, centroid, 0.5 / n)
    return normalized(acc)
