"""The alignment engine's array kernels give the numbers of their definitions to the bit: the
definitions are the engine's loops over dicts as they were written (kept here), the kernels work on
all vectors at once (reader.core.align.arrays, tfidf, centroids). Any difference in the last bit
could, now and then, move a decision, so equality is exact everywhere."""

from __future__ import annotations

import math
import random
from array import array

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.align import arrays, centroids, frames, tfidf
from reader.core.align.arrays import VecTable
from reader.core.align.vectors import add_into, dot, idf_table, norm, normalized, shared_terms, top_terms
from reader.core.align.vectors import tfidf as tfidf_of

FREE = -1

# -- sums in Python's order ---------------------------------------------------------------------------


def neumaier_sum(values: list[float]) -> float:
    """sum() of floats as CPython 3.12 makes it (Modules/bltinmodule.c: Neumaier's compensation)."""
    if not values:
        return 0
    total, carry = 0.0 + values[0], 0.0
    for x in values[1:]:
        t = total + x
        if abs(total) >= abs(x):
            carry += (total - t) + x
        else:
            carry += (x - t) + total
        total = t
    return total + carry if carry and math.isfinite(carry) else total


def plain_sum(values: list[float]) -> float:
    total = 0
    for x in values:
        total = total + x
    return total


floats = st.floats(min_value=0, max_value=1e6, allow_nan=False) | st.sampled_from([0.1, 0.2, 0.3, 1e-17, 1e16])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(floats, max_size=30), min_size=1, max_size=12))
def test_segment_sums_are_pythons_sums_in_order(segments):
    values = np.array([v for seg in segments for v in seg], dtype=np.float64)
    indptr = np.cumsum([0] + [len(seg) for seg in segments])
    assert arrays.seq_sums(values, indptr).tolist() == [float(sum(seg)) for seg in segments]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(floats, max_size=20), min_size=1, max_size=8), st.booleans())
def test_the_summer_adds_as_sum_does_before_and_after_python_3_12(segments, neumaier):
    width = max(len(seg) for seg in segments)
    kept = arrays.NEUMAIER
    arrays.NEUMAIER = neumaier
    try:
        acc = arrays.Summer(len(segments))
    finally:
        arrays.NEUMAIER = kept
    for j in range(width):
        acc.add(np.array([seg[j] if j < len(seg) else 0.0 for seg in segments]))
    expected = [float(neumaier_sum(seg) if neumaier else plain_sum(seg)) for seg in segments]
    assert acc.result().tolist() == expected
    assert arrays.running_sum(np.array(segments[0], dtype=np.float64)) == float(sum(segments[0]))


def test_pythons_own_sum_is_the_one_emulated():
    rng = random.Random(2)
    for _ in range(300):
        values = [rng.random() * 10 ** rng.randint(-8, 8) for _ in range(rng.randint(0, 40))]
        assert float(sum(values)) == float(neumaier_sum(values) if arrays.NEUMAIER else plain_sum(values))


# -- vectors -----------------------------------------------------------------------------------------


def random_bags(rng: random.Random, n: int, vocab: int = 300) -> list[tuple[dict, dict]]:
    terms = [f"词{k:03d}" for k in range(vocab)]
    out = []
    for _ in range(n):
        combined = {t: rng.choice([0.5, 0.75, 1.0, 1.5, 2.0, 2.25, 3.0, 4.5, 7.0, 12.25, 33.0])
                    for t in rng.sample(terms, rng.randint(0, 160))}
        head = {t: rng.choice([0.5, 1.0, 1.5]) for t in rng.sample(sorted(combined), min(len(combined), rng.randint(0, 6)))}
        out.append((combined, head))
    return out


def test_vectors_made_at_once_are_the_definitions(monkeypatch):
    monkeypatch.setattr(tfidf, "BLOCK_TERMS", 2000)  # several blocks, let go one by one
    monkeypatch.setattr(tfidf, "CHUNK_ROWS", 7)
    rng = random.Random(7)
    bags = random_bags(rng, 300)
    store = tfidf.Bags()
    for combined, head in bags:
        store.add(combined, head)
    vec, head_vec, idf, unseen = tfidf.make_vectors(store, 40)
    want_idf, want_unseen = idf_table(c for c, _h in bags)
    assert idf == want_idf and unseen == want_unseen
    for k, (combined, head) in enumerate(bags):
        want = normalized(top_terms(tfidf_of(combined, want_idf, want_unseen), 40))
        assert list(vec.row(k).items()) == list(want.items())
        assert list(head_vec.row(k).items()) == list(tfidf_of(head, want_idf, want_unseen).items())


def test_bags_handed_over_by_another_process_are_packed_alike():
    rng = random.Random(8)
    bags = random_bags(rng, 60)
    here, there = tfidf.Bags(), tfidf.Bags()
    for combined, head in bags[:10]:
        there.add(combined, head)  # terms met before, in another order
    sender, receiver = tfidf.BagSender(), tfidf.BagReceiver(there)
    for k in range(0, 60, 7):
        for combined, head in bags[k: k + 7]:
            here.add(combined, head)
        receiver.add(sender.encode(bags[k: k + 7]))
    for k, pair in enumerate(bags):
        assert here.bag(k) == pair and there.bag(10 + k) == pair


def test_counts_floats_cannot_hold_are_kept_whole():
    store = tfidf.Bags()
    store.add({"甲": 1.0 / 3, "乙": 2.0}, {"乙": 1.0})
    assert store.bag(0) == ({"甲": 1.0 / 3, "乙": 2.0}, {"乙": 1.0})
    vec, _head, idf, unseen = tfidf.make_vectors(store, 10)
    assert vec.row(0).as_dict() == normalized(top_terms(tfidf_of({"甲": 1.0 / 3, "乙": 2.0}, idf, unseen), 10))


def test_the_order_by_weight_is_lexsorts():
    rng = np.random.default_rng(3)
    seg = np.sort(rng.integers(0, 40, 2000))
    ids = np.concatenate([rng.permutation(500)[: int((seg == s).sum())] for s in range(40)]).astype(np.int32)
    weights = rng.choice([0.1, 0.2, 0.25, 0.5, 1 / 3], 2000)
    assert (tfidf._by_weight(ids, weights, seg, 40) == np.lexsort((ids, -weights, seg))).all()


def random_vecs(rng: random.Random, n: int, vocab: int = 120, most: int = 50, least: int = 1) -> list[dict[str, float]]:
    terms = [f"t{k:03d}" for k in range(vocab)]
    return [normalized({t: rng.choice([rng.random(), 0.25, 0.5]) for t in rng.sample(terms, rng.randint(least, most))})
            for _ in range(n)]


def as_table_vecs(vecs: list[dict[str, float]]) -> list:
    table = VecTable.from_dicts(vecs)
    return [table.row(i) for i in range(len(vecs))]


def test_summed_vectors_are_add_into_in_order(monkeypatch):
    monkeypatch.setattr(arrays, "CHUNK", 5)
    rng = random.Random(4)
    for _ in range(20):
        vecs = random_vecs(rng, rng.randint(0, 30))
        want: dict[str, float] = {}
        for v in vecs:
            add_into(want, v)
        got = arrays.summed(as_table_vecs(vecs))
        assert list(got.items()) == list(want.items())


def test_scores_against_a_row_are_dot_and_shared_terms(monkeypatch):
    monkeypatch.setattr(arrays, "CHUNK", 6)
    rng = random.Random(5)
    for _ in range(20):
        vecs = random_vecs(rng, 25)
        row = random_vecs(rng, 1, most=rng.choice([5, 30, 110]))[0]
        got = arrays.scores_against(as_table_vecs(vecs), row, 5)
        assert got == [(dot(v, row), shared_terms(v, row, 5)) for v in vecs]


def test_frames_similarity_is_the_dot_with_the_normalised_sums():
    rng = random.Random(6)
    for _ in range(20):
        row = frames.FrameRow()
        for v in random_vecs(rng, rng.randint(1, 6)):
            row.vec = dict(row.vec)
            add_into(row.vec, v)
        row._norms = None
        for v in random_vecs(rng, 5, most=rng.choice([10, 100])):
            assert frames._dot_normalized(v, row.vec, frames._norm(row.vec)) == dot(v, normalized(row.vec))
        assert frames._norm(row.vec) == norm(row.vec)


# -- the centroid evidence -----------------------------------------------------------------------------


def centroids_by_definition(vecs, units, choice, proto, total, weight) -> None:
    """assign._add_centroids as it was written, over dicts."""
    n_anchors = len(proto[0])
    sums: list[dict] = [{} for _ in range(n_anchors)]
    own: dict[tuple[int, int], list[int]] = {}
    for i, (vec, k) in enumerate(zip(vecs, choice, strict=True)):
        if k != FREE:
            add_into(sums[k], vec)
            own.setdefault((k, units[i]), []).append(i)
    by_term: dict[str, list[float]] = {}
    for k, s in enumerate(sums):
        for term, w in s.items():
            by_term.setdefault(term, [0.0] * n_anchors)[k] = w

    def dots(vec):
        rows = [(v, row) for term, v in vec.items() if (row := by_term.get(term)) is not None]
        return [sum(v * row[k] for v, row in rows) for k in range(n_anchors)]

    num = [dots(v) for v in vecs]
    sq = [dot(s, s) for s in sums]
    cache: dict[tuple[int, int], float] = {}

    def pair(a, b):
        if a == b:
            return 1.0
        key = (a, b) if a < b else (b, a)
        if key not in cache:
            cache[key] = dot(vecs[a], vecs[b])
        return cache[key]

    rest_sq = {}
    for (k, u), members in own.items():
        inner = sum(pair(a, b) for a in members for b in members)
        rest_sq[(k, u)] = sq[k] - 2 * sum(num[m][k] for m in members) + inner
    for i in range(len(vecs)):
        for k in range(n_anchors):
            if proto[i][k] < 0:
                continue
            members = own.get((k, units[i]), ())
            top = num[i][k] - sum(pair(i, m) for m in members)
            den_sq = rest_sq.get((k, units[i]), sq[k])
            cos = top / den_sq ** 0.5 if den_sq > 1e-12 else 0.0
            total[i][k] = proto[i][k] + weight * max(cos, 0.0)


def test_centroid_evidence_made_at_once_is_the_definition(monkeypatch):
    monkeypatch.setattr(centroids, "CHUNK_ITEMS", 23)  # units cut into chunks
    monkeypatch.setattr(centroids, "PAIR_CHUNK", 17)
    monkeypatch.setattr(centroids, "SUM_CHUNK", 9)
    rng = random.Random(9)
    for trial in range(12):
        n, n_anchors = rng.randint(1, 120), rng.randint(1, 6)
        # vectors of equal lengths too (then the order a pair is first asked for decides the sum's order)
        if trial % 2:
            vecs = random_vecs(rng, n, vocab=60, most=rng.choice([8, 40]))
        else:  # all as long, sharing most terms: the order a pair is first asked for decides the sum's bits
            vecs = random_vecs(rng, n, vocab=14, most=12, least=12)
        units = sorted(rng.randint(0, n // 3 + 1) for _ in range(n)) if trial % 3 else [rng.randint(0, 9) for _ in range(n)]
        choice = [rng.choice([FREE, *range(n_anchors)]) for _ in range(n)]
        proto = np.array([[rng.choice([-1.0, 0.0, rng.random()]) for _ in range(n_anchors)] for _ in range(n)])
        want = [list(row) for row in proto.tolist()]
        centroids_by_definition(vecs, units, choice, proto.tolist(), want, 0.35)
        total = proto.copy()
        centroids.add_centroids(as_table_vecs(vecs), units, choice, proto, total, 0.35, lambda: None)
        assert total.tolist() == want


def test_a_vector_table_row_reads_as_its_dict():
    vecs = random_vecs(random.Random(1), 10)
    for v, row in zip(vecs, as_table_vecs(vecs), strict=True):
        assert list(row.items()) == list(v.items()) and len(row) == len(v) and list(row) == list(v)
        assert row.as_dict() == v and row.values() == list(v.values()) and bool(row)
    assert array("d", [1.0]).typecode == "d"
