"""Rows from the text itself: sections no anchor claims are grouped across units by cosine
similarity (average link; a greedy leader pass first when there are very many), and a group
becomes a row only when it spans at least two units."""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence

from reader.core.align.nodes import Node
from reader.core.align.vectors import Vec, add_into, dot, normalized, top_terms

LINK_MIN = 0.08  # least average cosine for two groups to merge
SHARED_PENALTY = 0.0  # taken off it for groups whose reports are all the same (in proportion)
EXACT_MAX = 700  # above this many sections, a leader pass makes the first groups
LEADER_MIN = 0.35
TRUNCATE = 40  # terms kept per section vector for clustering


def cluster(items: Sequence[Node]) -> list[list[int]]:
    """Groups of item indexes (each sorted; groups in order of their first item) spanning ≥ 2 units."""
    vecs = [_with_concepts(normalized(top_terms(n.vec, TRUNCATE)), n.concepts) for n in items]
    seeds = _leaders(vecs) if len(items) > EXACT_MAX else [[i] for i in range(len(items))]
    groups = _average_link(seeds, vecs, [id(n.unit) for n in items])
    out = [sorted(g) for g in groups if len({items[i].unit.id for i in g}) >= 2]
    return sorted(out, key=lambda g: g[0])


CONCEPT_SHARE = 0.3  # weight of the thesaurus topics in the similarity of two sections that have them


def _with_concepts(vec: Vec, concepts: Vec) -> Vec:
    """The words and the thesaurus topics side by side: their cosines add up in proportion."""
    if not concepts:
        return vec
    a, b = math.sqrt(1 - CONCEPT_SHARE), math.sqrt(CONCEPT_SHARE)
    out = {t: w * a for t, w in vec.items()}
    out.update((c, w * b) for c, w in concepts.items())
    return out


def _leaders(vecs: Sequence[Vec]) -> list[list[int]]:
    groups: list[list[int]] = []
    sums: list[Vec] = []
    index: dict[str, list[int]] = {}
    for i, vec in enumerate(vecs):
        scores: dict[int, float] = {}
        for term, w in vec.items():
            for g in index.get(term, ()):
                scores[g] = scores.get(g, 0.0) + w * sums[g].get(term, 0.0)
        best = max(sorted(scores), key=lambda g: scores[g] / len(groups[g]), default=None)
        if best is not None and scores[best] / len(groups[best]) >= LEADER_MIN:
            groups[best].append(i)
            for term in vec:
                if term not in sums[best]:
                    index.setdefault(term, []).append(best)
            add_into(sums[best], vec)
        else:
            groups.append([i])
            sums.append(dict(vec))
            for term in vec:
                index.setdefault(term, []).append(len(groups) - 1)
    return groups


def _average_link(seeds: list[list[int]], vecs: Sequence[Vec], units: Sequence[int]) -> list[list[int]]:
    """Merge groups while the best linkage (average pairwise cosine, less the penalty for the reports
    both groups hold) is at least LINK_MIN. A report gives a topic one section, seldom two: pieces of
    one topic come from different reports, while two topics share the reports that treat both, so
    groups from disjoint reports join more readily than groups from the same ones."""
    groups: dict[int, list[int]] = dict(enumerate(seeds))
    sums: dict[int, Vec] = {}
    owners: dict[int, set[int]] = {}
    for g, members in groups.items():
        acc: Vec = {}
        for i in members:
            add_into(acc, vecs[i])
        sums[g] = acc
        owners[g] = {units[i] for i in members}

    def linkage(a: int, b: int) -> float:
        sim = dot(sums[a], sums[b]) / (len(groups[a]) * len(groups[b]))
        shared = len(owners[a] & owners[b]) / min(len(owners[a]), len(owners[b]))
        return sim - SHARED_PENALTY * shared

    heap: list[tuple[float, int, int]] = []
    keys = sorted(groups)
    for x, a in enumerate(keys):
        for b in keys[x + 1:]:
            sim = linkage(a, b)
            if sim >= LINK_MIN:
                heap.append((-sim, a, b))
    heapq.heapify(heap)
    next_id = len(seeds)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if a not in groups or b not in groups:
            continue
        merged = groups.pop(a) + groups.pop(b)
        acc = sums.pop(a)
        add_into(acc, sums.pop(b))
        groups[next_id], sums[next_id] = merged, acc
        owners[next_id] = owners.pop(a) | owners.pop(b)
        for c in sorted(groups):
            if c == next_id:
                continue
            sim = linkage(next_id, c)
            if sim >= LINK_MIN:
                heapq.heappush(heap, (-sim, min(c, next_id), max(c, next_id)))
        next_id += 1
    return [groups[g] for g in sorted(groups)]
