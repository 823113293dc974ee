"""Many sparse vectors at once, in numpy arrays, giving the same numbers to the bit as the engine's
loops over dicts (vectors.py).

A decade of reports makes ~300,000 section vectors; as dicts or packed tuples they took ~1.4 KB each
and every product ran through the interpreter. Here they are held as one table (VecTable: term ids
into a list of names, and weights, row after row) and worked on all at once. Every number the engine
computes over vectors is a sum made in a fixed order, left to right (Python's sum() over a generator,
or a dict filled term by term); numpy's own sums add in another order (pairwise, in blocks), which
moves the last bit now and then, and with it, now and then, a decision. So the kernels here add one
position at a time across all vectors at once (seq_sums and Summer: the order of Python's sum(), and
from Python 3.12 its compensation too); products, quotients and square roots are the IEEE ones in
numpy as in Python; what numpy computes otherwise than the C library (log, pow) is not used here.
"""

from __future__ import annotations

import bisect
import functools
import sys
from collections.abc import Iterator, Mapping, Sequence

import numpy as np

from reader.core.align.vectors import dot, shared_terms

# sum() of floats adds left to right before Python 3.12; from 3.12 it carries Neumaier's compensation
NEUMAIER = sys.version_info >= (3, 12)
CHUNK = 4096  # vectors worked on at once (a row of a decade of reports has ~100,000)


class Summer:
    """Python's sum() of a sequence of items, for many sequences at once: add() the next item of
    every sequence (an array of them; 0.0 where a sequence has ended: adding it changes nothing),
    then result()."""

    __slots__ = ("total", "carry")

    def __init__(self, shape: int | tuple[int, ...]) -> None:
        self.total = np.zeros(shape)
        self.carry = np.zeros(shape) if NEUMAIER else None

    def add(self, x: np.ndarray, upto: int | None = None) -> None:
        """Add x to the first `upto` sums (all by default)."""
        total = self.total if upto is None else self.total[:upto]
        if self.carry is None:
            total += x
            return
        carry = self.carry if upto is None else self.carry[:upto]
        t = total + x
        big = np.abs(total) >= np.abs(x)
        carry += np.where(big, (total - t) + x, (x - t) + total)
        total[...] = t

    def result(self) -> np.ndarray:
        if self.carry is None:
            return self.total
        use = (self.carry != 0) & np.isfinite(self.carry)
        return np.where(use, self.total + self.carry, self.total)


def seq_sums(values: np.ndarray, indptr: np.ndarray) -> np.ndarray:
    """Per segment values[indptr[i]:indptr[i+1]], the sum sum() makes of it (in order; 0.0 if empty)."""
    lengths = np.diff(indptr)
    n = len(lengths)
    if n == 0:
        return np.zeros(0)
    order = np.argsort(-lengths, kind="stable")  # longest first: the ones still going are a prefix
    starts = indptr[:-1][order]
    running = lengths[order]
    acc = Summer(n)
    for j in range(int(running[0]) if n else 0):
        upto = int(np.searchsorted(-running, -j, side="left"))  # segments longer than j
        acc.add(values[starts[:upto] + j], upto)
    out = np.empty(n)
    out[order] = acc.result()
    return out


def py_sum(values: Sequence[float] | np.ndarray) -> float:
    """sum() of one sequence (for the odd one the kernels need alone)."""
    return sum(values.tolist() if isinstance(values, np.ndarray) else values)


def segment_ids(indptr: np.ndarray) -> np.ndarray:
    """For every position, the segment it is in."""
    return np.repeat(np.arange(len(indptr) - 1), np.diff(indptr))


class VecTable:
    """Vectors as three arrays: row i's terms are names[ids[indptr[i]:indptr[i+1]]], in the order of
    the dict it was made from, with their weights (doubles). Names sorted: ids compare as the names do."""

    __slots__ = ("names", "indptr", "ids", "weights")

    def __init__(self, names: Sequence[str], indptr: np.ndarray, ids: np.ndarray, weights: np.ndarray) -> None:
        self.names = names
        self.indptr = indptr
        self.ids = ids
        self.weights = weights

    def __len__(self) -> int:
        return len(self.indptr) - 1

    def row(self, i: int) -> TableVec:
        return TableVec(self, i)

    def lengths(self) -> np.ndarray:
        return np.diff(self.indptr)

    @classmethod
    def of(cls, vecs: Sequence[Mapping[str, float] | TableVec]) -> tuple[VecTable, np.ndarray]:
        """The table `vecs` are rows of, and their rows in it: their own table when they all are
        TableVecs of one, else a new one made from them (its names sorted)."""
        if vecs and all(isinstance(v, TableVec) for v in vecs):
            table = vecs[0].table  # type: ignore[union-attr]
            if all(v.table is table for v in vecs):  # type: ignore[union-attr]
                return table, np.fromiter((v.index for v in vecs), dtype=np.int64, count=len(vecs))  # type: ignore[union-attr]
        return cls.from_dicts(vecs), np.arange(len(vecs), dtype=np.int64)

    @classmethod
    def from_dicts(cls, vecs: Sequence[Mapping[str, float] | TableVec]) -> VecTable:
        items = [list(v.items()) for v in vecs]
        names = sorted({t for row in items for t, _ in row})
        index = {t: i for i, t in enumerate(names)}
        indptr = np.zeros(len(items) + 1, dtype=np.int64)
        np.cumsum([len(row) for row in items], out=indptr[1:])
        ids = np.fromiter((index[t] for row in items for t, _ in row), dtype=np.int32, count=int(indptr[-1]))
        weights = np.fromiter((w for row in items for _, w in row), dtype=np.float64, count=int(indptr[-1]))
        return cls(names, indptr, ids, weights)


class TableVec:
    """Row `index` of a VecTable, read like a dict's items(), keys(), values() (vectors.AnyVec)."""

    __slots__ = ("table", "index")

    def __init__(self, table: VecTable, index: int) -> None:
        self.table = table
        self.index = index

    def _span(self) -> tuple[int, int]:
        indptr = self.table.indptr
        return int(indptr[self.index]), int(indptr[self.index + 1])

    def keys(self) -> list[str]:
        a, b = self._span()
        names = self.table.names
        return [names[i] for i in self.table.ids[a:b].tolist()]

    def values(self) -> list[float]:
        a, b = self._span()
        return self.table.weights[a:b].tolist()

    def items(self) -> Iterator[tuple[str, float]]:
        return zip(self.keys(), self.values(), strict=True)

    def __len__(self) -> int:
        a, b = self._span()
        return b - a

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys())

    def __bool__(self) -> bool:
        return len(self) > 0

    def as_dict(self) -> dict[str, float]:
        return dict(self.items())


def give_back_memory() -> None:
    """Hand the memory freed so far back to the system (glibc's malloc_trim; elsewhere nothing): the
    bags let go while the vectors are made lie between live blocks of the heap, and the process
    would go on holding them (hundreds of MB on a decade of reports)."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.lru_cache(maxsize=1)
def _malloc_trim():
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):  # not glibc (musl has none)
        return None


def running_sum(values: np.ndarray) -> float:
    """sum() of one sequence of floats (0.0 when empty): np.cumsum adds left to right, as sum() does
    before Python 3.12; with its compensation (3.12 on) sum() itself adds them."""
    if NEUMAIER:
        return float(sum(values.tolist()))
    return float(np.cumsum(values)[-1]) if len(values) else 0.0


def summed(vecs: Sequence[Mapping[str, float] | TableVec]) -> dict[str, float]:
    """The vectors added term by term, in order, into an empty dict (vectors.add_into, one after
    another): the same dict, the same order, the same numbers. Made CHUNK vectors at a time."""
    if not vecs:
        return {}
    table, rows = VecTable.of(vecs)
    acc = np.zeros(len(table.names))
    never = np.iinfo(np.int64).max
    first = np.full(len(table.names), never, dtype=np.int64)  # term -> where it first came in
    seen = 0
    for lo in range(0, len(rows), CHUNK):
        part = rows[lo: lo + CHUNK]
        starts = table.indptr[part]
        pos = ranges(starts, table.indptr[part + 1] - starts)
        ids = table.ids[pos]
        np.add.at(acc, ids, table.weights[pos])  # term by term, in order
        np.minimum.at(first, ids, np.arange(seen, seen + len(pos)))
        seen += len(pos)
    came = np.flatnonzero(first != never)
    came = came[np.argsort(first[came], kind="stable")]  # in the order they came in
    names = table.names
    return dict(zip([names[i] for i in came.tolist()], acc[came].tolist(), strict=True))


def scores_against(vecs: Sequence[Mapping[str, float] | TableVec], row: Mapping[str, float], k: int
                   ) -> list[tuple[float, list[str]]]:
    """For each vector, (vectors.dot(vec, row), vectors.shared_terms(vec, row, k)): its products with
    the row's weights over its terms in order where it is the shorter (or as long), else by the
    definition; the terms whose products are largest (ties by the term)."""
    out: list[tuple[float, list[str]]] = [(0.0, [])] * len(vecs)
    if not vecs:
        return out
    table, rows = VecTable.of(vecs)
    dense = np.zeros(len(table.names) + 1)
    for t, w in row.items():
        i = _find(table.names, t)
        if i is not None:
            dense[i] = w
    lengths = table.indptr[rows + 1] - table.indptr[rows]
    short = np.flatnonzero(lengths <= len(row))  # the vector is gone through (the row otherwise)
    names = table.names
    for lo in range(0, len(short), CHUNK):
        part = short[lo: lo + CHUNK]
        s, ln = table.indptr[rows[part]], lengths[part]
        width = int(ln.max())
        live = np.arange(width)[None, :] < ln[:, None]
        pos = np.where(live, s[:, None] + np.arange(width)[None, :], 0)
        ids = np.where(live, table.ids[pos], len(table.names))
        products = np.where(live, table.weights[pos], 0.0) * dense[ids]
        del pos, live
        acc = Summer(len(part))
        for j in range(width):
            acc.add(products[:, j])
        dots = acc.result().tolist()
        # shared terms: products above 0, largest first, ties by the term (ids compare as the terms do)
        shown = products > 0
        order = np.lexsort((ids, -products, ~shown), axis=1)[:, :k]
        top_ids = np.take_along_axis(ids, order, axis=1).tolist()
        top_shown = np.take_along_axis(shown, order, axis=1).tolist()
        for x, at in enumerate(part.tolist()):
            out[at] = (dots[x], [names[i] for i, ok in zip(top_ids[x], top_shown[x], strict=True) if ok])
    for at in np.flatnonzero(lengths > len(row)).tolist():
        out[at] = (dot(vecs[at], row), shared_terms(vecs[at], row, k))
    return out


def _find(names: Sequence[str], term: str) -> int | None:
    """The id of a term in sorted names, or None."""
    i = bisect.bisect_left(names, term)  # type: ignore[arg-type]
    return i if i < len(names) and names[i] == term else None


def ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The positions start, start+1 … of every (start, length), one after another."""
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    ends = np.cumsum(lengths)
    return np.arange(total, dtype=np.int64) + np.repeat(starts - (ends - lengths), lengths)
