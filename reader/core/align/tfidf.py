"""The sections' vectors, made all at once: their term bags packed as the reports are read (Bags),
then TF-IDF over all of them in arrays (make_vectors), the same numbers to the bit as the definition
in vectors.py (tfidf, normalized, top_terms) applied to each bag in turn.

A decade of reports gives ~330,000 bags of ~140 terms each: as dicts or tuples of strings they took
~16 bytes a term and more (a gigabyte); packed here they take 8 (a term id and its count), in blocks
that are let go one by one as the vectors are made, so that the bags and the vectors are not all
held at once.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Callable, Mapping, Sequence

import numpy as np

from reader.core.align.arrays import VecTable, give_back_memory, seq_sums

BLOCK_TERMS = 1 << 20  # terms of combined bags in a block (a block is let go once its vectors are made)
CHUNK_ROWS = 4096  # bags worked on at once


class _Block:
    """Bags packed one after another: term ids, counts (floats while the block fills: counts of words
    are quarters, which floats hold exactly; then, sealed, as whole numbers of quarters in two bytes
    where they fit; a bag whose counts floats would not hold keeps them as doubles in `wide`) and
    where each bag ends; the combined bags and the headings' apart."""

    __slots__ = ("ids", "counts", "ends", "head_ids", "head_counts", "head_ends", "wide")

    def __init__(self) -> None:
        self.ids, self.counts, self.ends = array("i"), array("f"), array("q")
        self.head_ids, self.head_counts, self.head_ends = array("i"), array("f"), array("q")
        self.wide: dict[tuple[int, bool], array] = {}  # (bag in the block, heading?) -> its counts as doubles

    def seal(self) -> None:
        """Its arrays made numpy arrays (the bags are all in)."""
        if not isinstance(self.ids, np.ndarray):
            self.ids, self.head_ids = np.asarray(self.ids, dtype=np.int32), np.asarray(self.head_ids, dtype=np.int32)
            self.counts = _quarters(np.asarray(self.counts, dtype=np.float32))
            self.head_counts = _quarters(np.asarray(self.head_counts, dtype=np.float32))
            self.ends, self.head_ends = np.asarray(self.ends, dtype=np.int64), np.asarray(self.head_ends, dtype=np.int64)


class Bags:
    """Packed bags, one pair (the combined bag, the heading's) per node, numbered in the order added;
    terms numbered in the order met (names)."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.names: list[str] = []
        self.blocks: list[_Block] = [_Block()]
        self.first: list[int] = [0]  # the number of each block's first bag
        self.count = 0

    def _block_for_next(self) -> tuple[_Block, int]:
        """The block the next bag goes in (a new one when the last is full) and its place there."""
        block = self.blocks[-1]
        if len(block.ids) >= BLOCK_TERMS:
            block.seal()
            block = _Block()
            self.blocks.append(block)
            self.first.append(self.count)
        return block, self.count - self.first[-1]

    def add(self, combined: Mapping[str, float], head: Mapping[str, float]) -> int:
        """Pack a node's bags (terms in their order, with their counts); its number."""
        block, k = self._block_for_next()
        self._put(block, k, False, combined, block.ids, block.counts, block.ends)
        self._put(block, k, True, head, block.head_ids, block.head_counts, block.head_ends)
        self.count += 1
        return self.count - 1

    def add_ids(self, ids: Sequence[int], counts: array, head_ids: Sequence[int], head_counts: array) -> int:
        """Pack a node's bags given as term ids (this store's) and counts (floats, or doubles)."""
        block, k = self._block_for_next()
        for is_head, these, values, (to_ids, to_counts, to_ends) in (
                (False, ids, counts, (block.ids, block.counts, block.ends)),
                (True, head_ids, head_counts, (block.head_ids, block.head_counts, block.head_ends))):
            to_ids.extend(these)
            if values.typecode == "f":
                to_counts.extend(values)
            else:
                narrow = array("f", values)
                if narrow.tolist() != values.tolist():
                    block.wide[(k, is_head)] = array("d", values)
                to_counts.extend(narrow)
            to_ends.append(len(to_ids))
        self.count += 1
        return self.count - 1

    def names_of(self, terms: Sequence[str]) -> list[int]:
        """The ids of terms, numbered anew where first met."""
        return self._ids(dict.fromkeys(terms))

    def bag(self, number: int) -> tuple[dict[str, float], dict[str, float]]:
        """A packed node's bags again (the combined one, the heading's), as they were added."""
        b = max(i for i, first in enumerate(self.first) if first <= number)
        block, k = self.blocks[b], number - self.first[b]
        out = []
        for is_head, ids, counts, ends in ((False, block.ids, block.counts, block.ends),
                                           (True, block.head_ids, block.head_counts, block.head_ends)):
            lo, hi = (int(ends[k - 1]) if k else 0), int(ends[k])
            values = block.wide.get((k, is_head)) or array("d", _as_counts(np.asarray(counts[lo:hi])).tolist())
            out.append({self.names[int(i)]: v for i, v in zip(ids[lo:hi], values, strict=True)})
        return out[0], out[1]

    def _put(self, block: _Block, k: int, is_head: bool, bag: Mapping[str, float], ids: array, counts: array,
             ends: array) -> None:
        ids.extend(self._ids(bag))
        values = array("d", bag.values())
        narrow = array("f", values)
        if narrow.tolist() != values.tolist():
            block.wide[(k, is_head)] = values
        counts.extend(narrow)
        ends.append(len(ids))

    def _ids(self, bag: Mapping[str, float]) -> list[int]:
        ids = list(map(self.index.get, bag))
        if None in ids:
            for j, term in enumerate(bag):
                if ids[j] is None:
                    got = self.index.get(term)
                    if got is None:
                        got = self.index[term] = len(self.names)
                        self.names.append(term)
                    ids[j] = got
        return ids  # type: ignore[return-value]


class BagsSent:
    """A unit's bags as one reading process hands them over: the terms it met for the first time
    (numbered on from those it sent before) and each node's bags as ids in that numbering and counts
    (floats where they hold them exactly, else doubles). Cheap to send to another process: arrays, and each term once."""

    __slots__ = ("new_terms", "bags")

    def __init__(self, new_terms: list[str], bags: list[tuple[array, array, array, array]]) -> None:
        self.new_terms = new_terms
        self.bags = bags

    def __getstate__(self):
        return self.new_terms, self.bags

    def __setstate__(self, state) -> None:
        self.new_terms, self.bags = state


class BagSender:
    """In a reading process: its units' bags made BagsSent, terms numbered in the order met."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def encode(self, bags: Sequence[tuple[Mapping[str, float], Mapping[str, float]]]) -> BagsSent:
        new_terms: list[str] = []
        out = []
        index = self.index
        for combined, head in bags:
            pair = []
            for bag in (combined, head):
                for term in bag:
                    if term not in index:
                        index[term] = len(index)
                        new_terms.append(term)
                ids = array("i", map(index.__getitem__, bag))
                values = array("d", bag.values())
                narrow = array("f", values)
                pair += [ids, narrow if narrow.tolist() == values.tolist() else values]
            out.append((pair[0], pair[1], pair[2], pair[3]))
        return BagsSent(new_terms, out)


class BagReceiver:
    """In the engine's process: the BagsSent of one reading process, in the order sent, packed."""

    def __init__(self, bags: Bags) -> None:
        self.bags = bags
        self.ids = np.zeros(0, dtype=np.int32)  # the sender's id -> the store's

    def add(self, sent: BagsSent) -> list[int]:
        if sent.new_terms:
            self.ids = np.concatenate((self.ids, np.asarray(self.bags.names_of(sent.new_terms), dtype=np.int32)))
        ids = self.ids
        return [self.bags.add_ids(ids[np.frombuffer(c, dtype=np.int32)].tolist() if len(c) else [], cc,
                                  ids[np.frombuffer(h, dtype=np.int32)].tolist() if len(h) else [], hc)
                for c, cc, h, hc in sent.bags]


def _quarters(counts: np.ndarray) -> np.ndarray:
    """Counts as whole numbers of quarters in two bytes where they all are such (else as they are)."""
    quarters = counts.astype(np.float64) * 4
    if len(counts) and (quarters == np.floor(quarters)).all() and quarters.min() >= 0 and quarters.max() < 1 << 16:
        return quarters.astype(np.uint16)
    return counts


def _as_counts(counts: np.ndarray) -> np.ndarray:
    """A block's counts as doubles (quarters made counts again: exact)."""
    return counts.astype(np.float64) / 4 if counts.dtype == np.uint16 else counts.astype(np.float64)


def _indptr(ends: np.ndarray) -> np.ndarray:
    indptr = np.zeros(len(ends) + 1, dtype=np.int64)
    indptr[1:] = ends
    return indptr


def _positive(counts: np.ndarray, indptr: np.ndarray) -> np.ndarray:
    """Per segment, how many counts are above 0 (the terms tfidf keeps)."""
    running = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(counts > 0, out=running[1:])
    return running[indptr[1:]] - running[indptr[:-1]]


def _tf(counts: np.ndarray) -> np.ndarray:
    """1 + log(count) for counts of 1 or more, the count below (vectors.tfidf), by math.log on each
    distinct count (few: quarters, looked up by how many quarters they are)."""
    quarters = counts * 4
    if len(counts) and (quarters == np.floor(quarters)).all() and 0 <= quarters.min() and quarters.max() < 1 << 16:
        q = quarters.astype(np.int64)
        table = np.array([1.0 + math.log(n / 4) if n >= 4 else n / 4 for n in range(int(q.max()) + 1)])
        return table[q]
    values, inverse = np.unique(counts, return_inverse=True)
    tf = np.array([1.0 + math.log(c) if c >= 1.0 else c for c in values.tolist()])
    return tf[inverse.reshape(-1)] if len(values) else np.zeros(0)


def _starts(seg: np.ndarray, rows: int) -> np.ndarray:
    return np.searchsorted(seg, np.arange(rows + 1), side="left").astype(np.int64)


def _normalized(weights: np.ndarray, seg: np.ndarray, indptr: np.ndarray) -> np.ndarray:
    """vectors.normalized of each segment (its terms in order)."""
    norm = np.sqrt(seq_sums(weights * weights, indptr))
    with np.errstate(divide="ignore", invalid="ignore"):
        return weights / norm[seg]


def _tfidf(ids: np.ndarray, counts: np.ndarray, indptr: np.ndarray, idf: np.ndarray
           ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """vectors.tfidf of each segment: (ids, weights, indptr), each segment's terms in the dict's
    order (counts of 1 or more first, then the smaller ones, each in the bag's order)."""
    rows = len(indptr) - 1
    seg = np.repeat(np.arange(rows), np.diff(indptr))
    keep = counts > 0
    if not keep.all():
        ids, counts, seg = ids[keep], counts[keep], seg[keep]
    order = np.lexsort((np.arange(len(ids)), counts < 1.0, seg))
    ids, counts, seg = ids[order], counts[order], seg[order]
    indptr = _starts(seg, rows)
    return ids, _normalized(_tf(counts) * idf[ids], seg, indptr), indptr


def _top(ids: np.ndarray, weights: np.ndarray, indptr: np.ndarray, k: int
         ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """normalized(top_terms(vec, k)) of each segment (ids compare as the terms do)."""
    rows = len(indptr) - 1
    seg = np.repeat(np.arange(rows), np.diff(indptr))
    order = _by_weight(ids, weights, seg, rows)
    chosen = order[np.arange(len(order)) - indptr[seg] < k]  # sorted by segment first: rank in it
    ids, weights, seg = ids[chosen], weights[chosen], seg[chosen]
    indptr = _starts(seg, rows)
    return ids, _normalized(weights, seg, indptr), indptr


def _by_weight(ids: np.ndarray, weights: np.ndarray, seg: np.ndarray, rows: int) -> np.ndarray:
    """The entries by segment, then heaviest first, then by id (a term appears once in a segment):
    np.lexsort((ids, -weights, seg)), made with one sort of whole numbers where they hold the key."""
    if not len(ids):
        return np.zeros(0, dtype=np.int64)
    _values, rank = np.unique(-weights, return_inverse=True)  # equal weights, equal rank
    rank = rank.reshape(-1).astype(np.int64)
    n_ranks, n_ids = int(rank.max()) + 1, int(ids.max()) + 1
    if rows * n_ranks * n_ids >= 1 << 62:
        return np.lexsort((ids, -weights, seg))
    return np.argsort((seg.astype(np.int64) * n_ranks + rank) * n_ids + ids)


def make_vectors(bags: Bags, top: int, check: Callable[[], None] | None = None
                 ) -> tuple[VecTable, VecTable, dict[str, float], float]:
    """Every packed node's vector (the combined bag's TF-IDF, its `top` strongest terms, unit length)
    and heading vector (the heading bag's TF-IDF), as rows of two tables numbered as the nodes were
    packed; the idf of each term (smoothed, over the combined bags) and of an unseen one. The blocks
    of `bags` are let go as their vectors are made."""
    for block in bags.blocks:
        block.seal()
    n = bags.count
    df = np.zeros(len(bags.names), dtype=np.int64)
    for block in bags.blocks:
        df += np.bincount(block.ids, minlength=len(bags.names))
    idf_of = {d: math.log((n + 1) / (d + 1)) + 1.0 for d in np.unique(df).tolist()}
    unseen = math.log(n + 1) + 1.0
    # ids renumbered in the order of the names, so that ids compare as the terms do (ties in top_terms)
    order = sorted(range(len(bags.names)), key=bags.names.__getitem__)
    names = [bags.names[i] for i in order]
    renumber = np.empty(len(order), dtype=np.int32)
    renumber[order] = np.arange(len(order), dtype=np.int32)
    sorted_df = df[order].tolist()
    idf = np.array([idf_of[d] for d in sorted_df], dtype=np.float64)
    idf_dict = {t: w for t, w, d in zip(names, idf.tolist(), sorted_df, strict=True) if d}
    vec_len, head_len = np.zeros(n + 1, dtype=np.int64), np.zeros(n + 1, dtype=np.int64)
    for first, block in zip(bags.first, bags.blocks, strict=True):
        size = len(block.ends)
        vec_len[first + 1: first + 1 + size] = np.minimum(_positive(block.counts, _indptr(block.ends)), top)
        head_len[first + 1: first + 1 + size] = _positive(block.head_counts, _indptr(block.head_ends))
    vec = _empty_table(names, vec_len)
    head = _empty_table(names, head_len)
    blocks, bags.blocks = bags.blocks, []
    for first in list(bags.first):  # each block let go once its vectors are made
        block = blocks.pop(0)
        for start in range(0, len(block.ends), CHUNK_ROWS):
            if check is not None:
                check()
            stop = min(len(block.ends), start + CHUNK_ROWS)
            _fill(block, start, stop, False, renumber, idf, None, head, first)
            _fill(block, start, stop, True, renumber, idf, top, vec, first)
        del block
        give_back_memory()
    return vec, head, idf_dict, unseen


def _empty_table(names: list[str], lengths: np.ndarray) -> VecTable:
    size = int(lengths.sum())
    return VecTable(names, np.cumsum(lengths), np.empty(size, dtype=np.int32), np.empty(size, dtype=np.float64))


def _fill(block: _Block, start: int, stop: int, combined: bool, renumber: np.ndarray, idf: np.ndarray,
          top: int | None, table: VecTable, first: int) -> None:
    """The vectors of bags start…stop of a block, into their rows of `table`."""
    ids_of, counts_of, ends = ((block.ids, block.counts, block.ends) if combined
                               else (block.head_ids, block.head_counts, block.head_ends))
    lo = int(ends[start - 1]) if start else 0
    hi = int(ends[stop - 1])
    indptr = np.concatenate(([lo], ends[start:stop])).astype(np.int64) - lo
    ids = renumber[ids_of[lo:hi]]
    counts = _as_counts(counts_of[lo:hi])
    for (k, is_head), values in block.wide.items():
        if is_head != combined and start <= k < stop:
            at = int(indptr[k - start])
            counts[at: at + len(values)] = np.frombuffer(values, dtype=np.float64)
    ids, weights, indptr = _tfidf(ids, counts, indptr, idf)
    if top is not None:
        ids, weights, indptr = _top(ids, weights, indptr, top)
    at = int(table.indptr[first + start])
    table.ids[at: at + len(ids)] = ids
    table.weights[at: at + len(ids)] = weights
