"""The centroid evidence of the assignment (assign._add_centroids) for all items at once, in arrays:
each item's cosine to the sum of an anchor's members in the other units (its own unit's members left
out), added to its evidence. The same numbers to the bit as the definition, which reads:

    sums[k]     = the anchor's members' vectors added term by term, in item order (add_into)
    num[i][k]   = sum(v * sums[k][t] for the item's terms t, v in order)
    pair(a, b)  = dot(vec a, vec b), made the first time the pair is asked for (in the order below)
    rest_sq     = dot(sums[k], sums[k]) - 2 * sum(num[m][k] for m in the unit's members m)
                  + sum(pair(a, b) for a in members for b in members)          (per anchor and unit)
    top         = num[i][k] - sum(pair(i, m) for m in the members of k in i's unit)
    total[i][k] = proto[i][k] + CENTROID_WEIGHT * max(top / rest_sq ** 0.5, 0.0)   (0.0 when rest_sq ~ 0)

(see tests/core/test_align_arrays.py, which keeps it). A dot product adds over the shorter vector's
terms in its order (over the first one's when they are as long), so which of a pair comes first
matters to the last bit: it is the order the definition first asks for the pair in (its unit's
members in turn first, then item by item).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from reader.core.align.arrays import Summer, VecTable, ranges, seq_sums

FREE = -1
CHUNK_ITEMS = 512  # items (whole units) worked on at once (a dense matrix of theirs × their terms)
PAIR_CHUNK = 8192  # pairs of items whose dot products are made at once
SUM_CHUNK = 4096  # members added to the anchors' sums at once


def add_centroids(vecs: Sequence[object], units: Sequence[int], choice: Sequence[int], proto: np.ndarray,
                  total: np.ndarray, weight: float, check: Callable[[], None]) -> None:
    """total[i][k] = proto[i][k] + weight * (cosine of item i to anchor k's members in other units),
    where proto[i][k] >= 0; `vecs` the items' vectors, `units` their units' ids, `choice` their anchors."""
    n, n_anchors = proto.shape
    if n == 0 or n_anchors == 0:
        return
    table, rows = VecTable.of(vecs)  # type: ignore[arg-type]
    choice_arr = np.asarray(choice, dtype=np.int64)
    unit_arr = np.asarray(units, dtype=np.int64)
    starts, lengths = table.indptr[rows], table.indptr[rows + 1] - table.indptr[rows]
    sums, terms, sq = _anchor_sums(table, starts, lengths, choice_arr, n_anchors)
    check()
    local = np.full(len(table.names) + 1, len(terms), dtype=np.int64)  # term id -> column of sums (or a zero one)
    local[terms] = np.arange(len(terms))
    by_term = np.vstack([sums.T, np.zeros((1, n_anchors))])
    roots_sq = _roots(sq)
    order = np.argsort(unit_arr, kind="stable")  # the items unit by unit, in their order within it
    bounds = np.flatnonzero(np.diff(unit_arr[order])) + 1
    unit_starts = np.concatenate(([0], bounds, [n]))
    lo = 0
    while lo < len(unit_starts) - 1:  # chunks of whole units
        hi = lo + 1
        while hi < len(unit_starts) - 1 and unit_starts[hi + 1] - unit_starts[lo] <= CHUNK_ITEMS:
            hi += 1
        check()
        idx = order[unit_starts[lo]: unit_starts[hi]]
        sizes = np.diff(unit_starts[lo: hi + 1])
        _chunk(table, starts, lengths, idx, sizes, choice_arr, proto, total, weight, by_term, local, sq, roots_sq)
        lo = hi


def _roots(values: np.ndarray) -> np.ndarray:
    """x ** 0.5 as Python computes it (the C library's pow, not numpy's), NaN where x <= 1e-12."""
    return np.array([x ** 0.5 if x > 1e-12 else np.nan for x in values.tolist()], dtype=np.float64)


def _anchor_sums(table: VecTable, starts: np.ndarray, lengths: np.ndarray, choice: np.ndarray, n_anchors: int
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each anchor's sum of its members' vectors (anchors × the terms they have), those terms' ids, and
    dot(sum, sum) over each sum's terms in the order they came in. Made a chunk of members at a time."""
    n_terms = len(table.names)
    sums = np.zeros((n_anchors, n_terms))
    never = np.iinfo(np.int64).max
    first = np.full(n_anchors * n_terms, never, dtype=np.int64)  # (anchor, term) -> when it first came in
    anchored = np.flatnonzero(choice != FREE)
    seen = 0
    for lo in range(0, len(anchored), SUM_CHUNK):
        part = anchored[lo: lo + SUM_CHUNK]
        pos = ranges(starts[part], lengths[part])
        ids = table.ids[pos]
        anchor = np.repeat(choice[part], lengths[part])
        np.add.at(sums, (anchor, ids), table.weights[pos])  # term by term, in item order (add_into)
        np.minimum.at(first, anchor * n_terms + ids, np.arange(seen, seen + len(pos)))
        seen += len(pos)
        del pos, ids, anchor
    came = np.flatnonzero(first != never)
    came = came[np.lexsort((first[came], came // max(1, n_terms)))]  # anchor by anchor, in the order they came
    indptr = np.zeros(n_anchors + 1, dtype=np.int64)
    np.cumsum(np.bincount(came // max(1, n_terms), minlength=n_anchors), out=indptr[1:])
    values = sums.reshape(-1)[came]
    del first, came
    terms = np.flatnonzero((sums != 0).any(axis=0)) if n_anchors else np.zeros(0, dtype=np.int64)
    return sums[:, terms], terms, seq_sums(values * values, indptr)


class _Rows:
    """A chunk's items as padded matrices: each item's term ids and weights in order (weight 0.0 after
    its last term), and each term's column in a dense matrix of the chunk's terms (for look-ups)."""

    def __init__(self, table: VecTable, starts: np.ndarray, lengths: np.ndarray, idx: np.ndarray) -> None:
        s, ln = starts[idx], lengths[idx]
        self.width = width = int(ln.max()) if len(idx) else 0
        live = np.arange(width)[None, :] < ln[:, None]
        pos = np.where(live, s[:, None] + np.arange(width)[None, :], 0)
        self.ids = np.where(live, table.ids[pos], 0)
        self.weights = np.where(live, table.weights[pos], 0.0)
        present = np.zeros(len(table.names) + 1, dtype=bool)  # the chunk's terms, numbered in id order
        present[self.ids[live]] = True
        column = np.cumsum(present) - 1
        self.cols = np.where(live, column[self.ids], 0)
        self.dense = np.zeros((len(idx), max(1, int(present.sum()))))
        rows = np.nonzero(live)[0]
        self.dense[rows, self.cols[live]] = self.weights[live]
        self.lengths = ln


def _num(rows: _Rows, by_term: np.ndarray, local: np.ndarray) -> np.ndarray:
    """num[i][k]: each item's vector times each anchor's sum, over its terms in order."""
    acc = Summer((len(rows.ids), by_term.shape[1]))
    for j in range(rows.width):
        acc.add(rows.weights[:, j, None] * by_term[local[rows.ids[:, j]]])
    return acc.result()


def _chunk(table: VecTable, starts: np.ndarray, lengths: np.ndarray, idx: np.ndarray, sizes: np.ndarray,
           choice: np.ndarray, proto: np.ndarray, total: np.ndarray, weight: float, by_term: np.ndarray,
           local: np.ndarray, sq: np.ndarray, roots_sq: np.ndarray) -> None:
    """The totals of the items `idx` (whole units, `sizes` items each, in order within each)."""
    unit_of = np.repeat(np.arange(len(sizes)), sizes)  # chunk position -> its unit in the chunk
    unit_start = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    rows = _Rows(table, starts, lengths, idx)
    num = _num(rows, by_term, local)
    ch = choice[idx]
    pairs = _Pairs(rows, sizes, unit_start, ch, proto[idx])
    # the groups: a unit's members of one anchor, in item order
    anchored = np.flatnonzero(ch != FREE)
    g_order = anchored[np.lexsort((idx[anchored], ch[anchored], unit_of[anchored]))]
    g_key = unit_of[g_order] * (proto.shape[1] + 1) + ch[g_order]
    g_bounds = (np.concatenate(([0], np.flatnonzero(np.diff(g_key)) + 1, [len(g_order)])) if len(g_order)
                else np.zeros(1, dtype=np.int64))
    g_size = np.diff(g_bounds)
    n_groups = len(g_size)
    members = np.full((n_groups, int(g_size.max()) if n_groups else 0), -1, dtype=np.int64)  # chunk positions
    for j in range(members.shape[1]):
        live = g_size > j
        members[live, j] = g_order[g_bounds[:-1][live] + j]
    g_anchor = ch[g_order[g_bounds[:-1]]] if n_groups else np.zeros(0, dtype=np.int64)
    g_unit = unit_of[g_order[g_bounds[:-1]]] if n_groups else np.zeros(0, dtype=np.int64)
    # rest_sq = sq[k] - 2 * sum(num[m][k]) + sum(pair(a, b) for a, b in members × members)
    s1 = Summer(n_groups)
    for j in range(members.shape[1]):
        live = members[:, j] >= 0
        s1.add(np.where(live, num[np.maximum(members[:, j], 0), g_anchor], 0.0))
    inner = Summer(n_groups)
    for a in range(members.shape[1]):
        for b in range(members.shape[1]):
            inner.add(pairs.values(members[:, a], members[:, b]))
    rest = (sq[g_anchor] - 2 * s1.result()) + inner.result()
    roots = _roots(rest)
    # every item of a group's unit against the group's anchor
    n_combos = sizes[g_unit] if n_groups else np.zeros(0, dtype=np.int64)
    combo_group = np.repeat(np.arange(n_groups), n_combos)
    combo_item = ranges(unit_start[g_unit], n_combos) if n_groups else np.zeros(0, dtype=np.int64)
    combo_anchor = g_anchor[combo_group]
    keep = proto[idx[combo_item], combo_anchor] >= 0
    combo_group, combo_item, combo_anchor = combo_group[keep], combo_item[keep], combo_anchor[keep]
    below = Summer(len(combo_group))
    for j in range(members.shape[1]):
        mj = members[combo_group, j]
        below.add(pairs.values(np.where(mj >= 0, combo_item, -1), mj))
    top = num.copy()
    root = np.broadcast_to(roots_sq, num.shape).copy()
    top[combo_item, combo_anchor] = num[combo_item, combo_anchor] - below.result()
    root[combo_item, combo_anchor] = roots[combo_group]
    with np.errstate(invalid="ignore", divide="ignore"):
        cos = np.where(np.isnan(root), 0.0, top / np.where(np.isnan(root), 1.0, root))
    p = proto[idx]
    total[idx] = np.where(p >= 0, p + weight * np.maximum(cos, 0.0), total[idx])


class _Pairs:
    """The dot products of the pairs of items of one unit the definition asks for, each made with the
    pair in the order it is first asked for."""

    def __init__(self, rows: _Rows, sizes: np.ndarray, unit_start: np.ndarray, ch: np.ndarray, p: np.ndarray) -> None:
        x_list, y_list = [], []
        for size in np.unique(sizes).tolist():
            if size < 2:
                continue
            first = unit_start[sizes == size]
            a, b = np.triu_indices(size, 1)
            x_list.append((first[:, None] + a[None, :]).reshape(-1))
            y_list.append((first[:, None] + b[None, :]).reshape(-1))
        x = np.concatenate(x_list) if x_list else np.zeros(0, dtype=np.int64)
        y = np.concatenate(y_list) if y_list else np.zeros(0, dtype=np.int64)
        # chunk positions x < y of one unit, x before y in item order
        cx, cy = ch[x], ch[y]
        same = (cx == cy) & (cx != FREE)
        x_asks = (cy != FREE) & (p[x, np.maximum(cy, 0)] >= 0)
        y_asks = (cx != FREE) & (p[y, np.maximum(cx, 0)] >= 0)
        needed = same | x_asks | y_asks
        x, y, forward = x[needed], y[needed], (same | x_asks)[needed]
        a, b = np.where(forward, x, y), np.where(forward, y, x)  # dot(a, b) as first asked for
        self.size = len(ch)
        keys = x * self.size + y
        order = np.argsort(keys)
        self.keys = keys[order]
        self.dots = _dots(rows, a[order], b[order])

    def values(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """pair(a, b) for chunk positions a, b (1.0 where a == b; 0.0 where either is -1: nothing)."""
        out = np.zeros(len(a))
        live = (a >= 0) & (b >= 0)
        out[live & (a == b)] = 1.0
        other = live & (a != b)
        if other.any():
            lo, hi = np.minimum(a[other], b[other]), np.maximum(a[other], b[other])
            at = np.searchsorted(self.keys, lo * self.size + hi)
            out[other] = self.dots[np.minimum(at, len(self.dots) - 1)]
        return out


def _dots(rows: _Rows, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """vectors.dot(vec of a, vec of b) for chunk positions a, b of one unit each: over the shorter one's
    terms in its order (the first one's when they are as long), times the other's weight (0.0 if none)."""
    out = np.zeros(len(a))
    swap = rows.lengths[a] > rows.lengths[b]
    it, other = np.where(swap, b, a), np.where(swap, a, b)
    for lo in range(0, len(a), PAIR_CHUNK):
        hi = min(len(a), lo + PAIR_CHUNK)
        i, o = it[lo:hi], other[lo:hi]
        acc = Summer(hi - lo)
        for j in range(int(rows.lengths[i].max())):
            acc.add(rows.weights[i, j] * rows.dense[o, rows.cols[i, j]])
        out[lo:hi] = acc.result()
    return out
