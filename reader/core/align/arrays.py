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

import math
import sys
from collections.abc import Iterator, Mapping, Sequence

import numpy as np

# sum() of floats adds left to right before Python 3.12; from 3.12 it carries Neumaier's compensation
NEUMAIER = sys.version_info >= (3, 12)


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


def dense(table: VecTable, rows: np.ndarray | None = None, size: int | None = None) -> np.ndarray:
    """Not used for sums: a row's weights spread over the ids (for look-ups)."""
    out = np.zeros(size if size is not None else len(table.names))
    rows = np.arange(len(table)) if rows is None else rows
    for r in rows.tolist():
        a, b = int(table.indptr[r]), int(table.indptr[r + 1])
        out[table.ids[a:b]] = table.weights[a:b]
    return out


def padded(table: VecTable, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The rows' ids and weights as matrices, each row's terms in its order and padded with weight 0.0
    (id 0) at the end; and each row's length."""
    starts = table.indptr[rows]
    lengths = table.indptr[rows + 1] - starts
    width = int(lengths.max()) if len(rows) else 0
    pos = starts[:, None] + np.arange(width)[None, :]
    live = np.arange(width)[None, :] < lengths[:, None]
    pos = np.where(live, pos, 0)
    ids = np.where(live, table.ids[pos] if len(table.ids) else 0, 0)
    weights = np.where(live, table.weights[pos] if len(table.weights) else 0.0, 0.0)
    return ids, weights, lengths


def sqrt(x: float) -> float:
    return math.sqrt(x)
