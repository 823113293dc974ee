"""Text reuse between sections: the passages one county's report shares with another's, found as in
policy-diffusion research (text reuse): candidate pairs by shared character 5-gram shingles, then
Smith-Waterman local alignment on characters for the exact spans.

Texts are compared on their core characters (Han characters, letters, digits: punctuation and
spaces do not count, so 、 for ， or a stray space does not break a passage). Smith-Waterman runs
only in windows around chains of shared shingles, inside a band of diagonals, and windows are
capped, so a pair costs about (passage length × band) steps instead of (n × m).

Offsets are code points relative to the unit text (𠮷 counts once), like every offset the program
shows; shares count core characters.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Literal

from reader.core.store.counties import unit_groups
from reader.core.store.project import Project

SHINGLE = 5
MIN_LENGTH = 15  # core characters, on both sides
MIN_SHARED = 6  # shared shingles for a pair to be a candidate
MIN_CONTAINMENT = 0.0  # shared shingles / the smaller section's shingles
MAX_DF = 0.5  # shingles in more than this share of the sources (and at least COMMON sources) are stock phrases
COMMON = 20
MAX_POSITIONS = 8  # a shingle repeated more often than this within one text seeds nothing
CHAIN_GAP = 40  # seeds further apart than this (in A) start a new chain
BAND = 12  # diagonals either side of a chain's seeds that the alignment may use
NARROW = 4  # ... when all its seeds lie on one diagonal (gaps can then only be near its ends)
MARGIN = 12  # characters read before and after a chain
MAX_WINDOW = 4000  # core characters of a window, at most
MATCH, MISMATCH, GAP = 2, -3, -3
MIN_IDENTITY = 0.8

_CORE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007\U00020000-\U0003134f0-9A-Za-z\uff10-\uff19]")


@dataclass
class ReusedPassage:
    a_start: int  # in A's unit text
    a_end: int
    b_start: int  # in B's unit text
    b_end: int
    length: int  # aligned core characters (the longer side)
    identity: float  # matching characters / alignment columns
    score: int


@dataclass
class Reuse:
    a_section: int
    b_section: int
    passages: list[ReusedPassage]
    a_share: float  # of A's core characters, the share inside reused passages
    b_share: float

    def to_json(self) -> dict:
        return {"a": self.a_section, "b": self.b_section, "a_share": round(self.a_share, 4),
                "b_share": round(self.b_share, 4), "passages": [p.__dict__ for p in self.passages]}


@dataclass
class Source:
    section_id: int
    unit_id: int
    group: str  # sources of the same group are not compared
    text: str
    base: int = 0  # where `text` starts in the unit text


@dataclass
class RowReuse:
    pairs: list[Reuse]  # pairs with at least one passage
    shares: dict[int, float] = field(default_factory=dict)  # section id -> share of its text reused anywhere


@dataclass
class _Core:
    chars: str
    where: list[int]  # offset of each core character in the text (plus base)

    def shingles(self) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        c = self.chars
        for i in range(len(c) - SHINGLE + 1):
            out.setdefault(c[i : i + SHINGLE], []).append(i)
        return out


def _core(text: str, base: int = 0) -> _Core:
    chars, where = [], []
    for i, ch in enumerate(text):
        if _CORE.match(ch):
            chars.append(ch)
            where.append(base + i)
    return _Core("".join(chars), where)


# -- one pair ---------------------------------------------------------------------------------------


def find_reuse(a: str, b: str, min_length: int = MIN_LENGTH, a_base: int = 0, b_base: int = 0) -> list[ReusedPassage]:
    """Reused passages between texts a and b, in order along a; offsets into a and b (plus the bases)."""
    ca, cb = _core(a, a_base), _core(b, b_base)
    return _passages(ca, cb, ca.shingles(), cb.shingles(), min_length)


def _seeds(sa: dict[str, list[int]], sb: dict[str, list[int]], skip: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    if len(sa) > len(sb):
        return [(i, j) for j, i in _seeds(sb, sa, skip)]
    out = []
    for gram, pa in sa.items():
        pb = sb.get(gram)
        if pb is None or gram in skip or len(pa) > MAX_POSITIONS or len(pb) > MAX_POSITIONS:
            continue
        out += [(i, j) for i in pa for j in pb]
    return out


def _chains(seeds: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Seeds grouped into chains along A: each seed joins the open chain on the nearest diagonal
    (within BAND) whose last seed is at most CHAIN_GAP before it."""
    chains: list[list[tuple[int, int]]] = []
    open_: list[int] = []  # indexes of chains still open
    for i, j in sorted(set(seeds)):
        open_ = [c for c in open_ if i - chains[c][-1][0] <= CHAIN_GAP]
        d = i - j
        best = None
        for c in open_:
            li, lj = chains[c][-1]
            gap = abs((li - lj) - d)
            if gap <= BAND and i >= li and (best is None or gap < best[0]):
                best = (gap, c)
        if best is None:
            chains.append([(i, j)])
            open_.append(len(chains) - 1)
        else:
            chains[best[1]].append((i, j))
    return chains


def _passages(ca: _Core, cb: _Core, sa: dict[str, list[int]], sb: dict[str, list[int]], min_length: int,
              skip: frozenset[str] = frozenset()) -> list[ReusedPassage]:
    found: list[tuple[int, int, int, int, int, int]] = []  # score, i0, i1, j0, j1, matches
    for chain in _chains(_seeds(sa, sb, skip)):
        if max(i for i, _ in chain) + SHINGLE - min(i for i, _ in chain) < min_length - SHINGLE:
            continue  # too short to give a passage, whatever the alignment around it
        one_diagonal = len({i - j for i, j in chain}) == 1
        hit = _align_chain(ca.chars, cb.chars, chain, NARROW if one_diagonal else BAND)
        if hit is not None:
            found.append(hit)
    found.sort(key=lambda h: (-h[0], h[1], h[3]))
    taken: list[tuple[int, int, int, int, int, int]] = []
    for h in found:
        if any(h[1] < t[2] and t[1] < h[2] or h[3] < t[4] and t[3] < h[4] for t in taken):
            continue
        columns = _columns(h)
        if min(h[2] - h[1], h[4] - h[3]) >= min_length and h[5] / columns >= MIN_IDENTITY:
            taken.append(h)
    taken.sort(key=lambda h: h[1])
    out = []
    for score, i0, i1, j0, j1, matches in taken:
        out.append(ReusedPassage(ca.where[i0], ca.where[i1 - 1] + 1, cb.where[j0], cb.where[j1 - 1] + 1,
                                 max(i1 - i0, j1 - j0), round(matches / _columns((score, i0, i1, j0, j1, matches)), 4),
                                 score))
    return out


def _columns(h: tuple[int, int, int, int, int, int]) -> int:
    _score, i0, i1, j0, j1, matches = h
    # columns = matches + mismatches + gaps >= the longer side
    return max(i1 - i0, j1 - j0, matches)


def _align_chain(a: str, b: str, chain: list[tuple[int, int]], band: int) -> tuple[int, int, int, int, int, int] | None:
    """Banded Smith-Waterman in a window around a chain: (score, a start, a end, b start, b end, matches).

    Cells are indexed by row i (characters of a read) and k = j - i + hi (the diagonal), so the band
    is a fixed-width list per row: diagonal step keeps k, a step in a alone is k+1, in b alone k-1."""
    diags = sorted(i - j for i, j in chain)
    mid = diags[len(diags) // 2]
    lo = max(diags[0], mid - 2 * band) - band
    hi = min(diags[-1], mid + 2 * band) + band
    width = hi - lo + 1
    a0 = max(0, min(i for i, _ in chain) - MARGIN)
    a1 = min(len(a), max(i for i, _ in chain) + SHINGLE + MARGIN, a0 + MAX_WINDOW)
    nb = len(b)
    prev = [0] * width
    moves: list[bytearray] = [bytearray(width)]
    best, best_r, best_k = 0, 0, 0
    for r in range(1, a1 - a0 + 1):
        i = a0 + r
        ch = a[i - 1]
        row = [0] * (width + 1)  # one spare cell on the right: row[width] stays 0
        mv = bytearray(width)
        j = i - hi  # column of k = 0
        for k in range(width):
            if j < 1 or j > nb:
                j += 1
                continue
            s = prev[k] + (MATCH if b[j - 1] == ch else MISMATCH)
            m = 1
            up = prev[k + 1] + GAP if k + 1 < width else -1
            if up > s:
                s, m = up, 2
            left = row[k - 1] + GAP if k else -1
            if left > s:
                s, m = left, 3
            if s > 0:
                row[k] = s
                mv[k] = m
                if s > best:
                    best, best_r, best_k = s, r, k
            j += 1
        prev = row
        moves.append(mv)
    if best == 0:
        return None
    r, k, matches = best_r, best_k, 0
    end_i = a0 + r
    end_j = end_i - hi + k
    while True:
        m = moves[r][k]
        if m == 0:
            break
        if m == 1:
            i = a0 + r
            if a[i - 1] == b[i - hi + k - 1]:
                matches += 1
            r -= 1
        elif m == 2:
            r -= 1
            k += 1
        else:
            k -= 1
    i = a0 + r
    return best, i, end_i, i - hi + k, end_j, matches


# -- many sources -----------------------------------------------------------------------------------


@dataclass
class Candidate:
    a: int  # indexes into the sources
    b: int
    shared: int  # shingles in common
    containment: float  # shared / the smaller set
    jaccard: float


def candidate_pairs(
    sources: Sequence[Source], min_shared: int = MIN_SHARED, min_containment: float = MIN_CONTAINMENT
) -> list[Candidate]:
    """Pairs of sources from different groups sharing enough shingles (stock phrases shared by most
    sources do not count)."""
    cores = [_core(s.text, s.base) for s in sources]
    sets = [set(c.shingles()) for c in cores]
    return _candidates(sources, sets, _common(sets), min_shared, min_containment)


def _common(sets: Sequence[set[str]]) -> frozenset[str]:
    df: dict[str, int] = {}
    for s in sets:
        for g in s:
            df[g] = df.get(g, 0) + 1
    cap = max(COMMON, int(MAX_DF * len(sets)))
    return frozenset(g for g, n in df.items() if n > cap)


def _candidates(sources: Sequence[Source], sets: Sequence[set[str]], common: frozenset[str], min_shared: int,
                min_containment: float) -> list[Candidate]:
    index: dict[str, list[int]] = {}
    for k, s in enumerate(sets):
        for g in s:
            if g not in common:
                index.setdefault(g, []).append(k)
    counts: dict[tuple[int, int], int] = {}
    for holders in index.values():
        if len(holders) < 2:
            continue
        for x, a in enumerate(holders):
            for b in holders[x + 1:]:
                if sources[a].group != sources[b].group:
                    counts[(a, b)] = counts.get((a, b), 0) + 1
    out = []
    for (a, b), n in sorted(counts.items()):
        if n < min_shared:
            continue
        small = max(1, min(len(sets[a]), len(sets[b])))
        union = max(1, len(sets[a]) + len(sets[b]) - n)
        if n / small >= min_containment:
            out.append(Candidate(a, b, n, n / small, n / union))
    return out


def reuse_among(sources: Sequence[Source], min_length: int = MIN_LENGTH, min_shared: int = MIN_SHARED,
                min_containment: float = MIN_CONTAINMENT) -> RowReuse:
    """Reused passages between every candidate pair of sources, and each source's reused share."""
    cores = [_core(s.text, s.base) for s in sources]
    grams = [c.shingles() for c in cores]
    sets = [set(g) for g in grams]
    common = _common(sets)
    pairs = []
    covered: dict[int, list[tuple[int, int]]] = {k: [] for k in range(len(sources))}
    for cand in _candidates(sources, sets, common, min_shared, min_containment):
        a, b = cand.a, cand.b
        passages = _passages(cores[a], cores[b], grams[a], grams[b], min_length, common)
        if not passages:
            continue
        covered[a] += [(p.a_start, p.a_end) for p in passages]
        covered[b] += [(p.b_start, p.b_end) for p in passages]
        pairs.append(Reuse(sources[a].section_id, sources[b].section_id, passages,
                           _share(cores[a], [(p.a_start, p.a_end) for p in passages]),
                           _share(cores[b], [(p.b_start, p.b_end) for p in passages])))
    shares = {sources[k].section_id: _share(cores[k], spans) for k, spans in covered.items()}
    return RowReuse(pairs, shares)


def _share(core: _Core, spans: list[tuple[int, int]]) -> float:
    """The share of core characters inside any of the spans (text offsets)."""
    if not core.where:
        return 0.0
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    inside = sum(bisect_left(core.where, end) - bisect_left(core.where, start) for start, end in merged)
    return inside / len(core.where)


# -- on a project -----------------------------------------------------------------------------------


def section_reuse(project: Project, a_section: int, b_section: int, min_length: int = MIN_LENGTH) -> Reuse:
    """Reused passages between two sections (offsets in each one's unit text)."""
    from reader.core.compare import section_texts
    from reader.core.errors import NotFound

    texts = section_texts(project, [a_section, b_section])
    for sid in (a_section, b_section):
        if sid not in texts:
            raise NotFound("section", str(sid))
    _ua, sa, _ea, ta = texts[a_section]
    _ub, sb, _eb, tb = texts[b_section]
    passages = find_reuse(ta, tb, min_length, sa, sb)
    return Reuse(a_section, b_section, passages, _share(_core(ta, sa), [(p.a_start, p.a_end) for p in passages]),
                 _share(_core(tb, sb), [(p.b_start, p.b_end) for p in passages]))


def row_reuse(project: Project, row, across: Literal["unit", "county"] = "unit", min_length: int = MIN_LENGTH,
              section_ids: Collection[int] | None = None) -> RowReuse:
    """Text reuse among the members of a comparison row (reader.core.compare.Row), or those of them
    in `section_ids` (the columns on screen): pairs from different units (or counties) with their
    linked passages, and each member's reused share. Pairs cost about 1–2 ms each."""
    from reader.core.compare import section_texts

    members = [m for m in row.members if section_ids is None or m.section_id in section_ids]
    texts = section_texts(project, [m.section_id for m in members])
    places = unit_groups(project, {m.unit_id for m in members}) if across == "county" else {}
    sources = []
    for m in members:
        if m.section_id in texts:
            unit_id, start, _end, text = texts[m.section_id]
            group = f"#{unit_id}" if across == "unit" else places.get(unit_id, f"#{unit_id}")
            sources.append(Source(m.section_id, unit_id, group, text, start))
    return reuse_among(sources, min_length)
