"""Aligning a large corpus without holding it: the units are read a chunk at a time as the engine asks
for them, the engine keeps no unit (nor its section texts) once its nodes are made, and an item's
bags are kept packed until its vectors are made, with vectors equal to the bit to the unpacked ones."""

from __future__ import annotations

import gc
import weakref

from reader.core.align import align, to_json
from reader.core.align.nodes import build_nodes, fill_vectors, pack
from reader.core.compare.inputs import align_units, iter_units
from reader.core.compare.selection import Selection, resolve, select_units


def _unit_ids(project) -> list[int]:
    ids = select_units(project, resolve(project, Selection()))
    assert len(ids) >= 3
    return ids


def test_units_are_read_a_chunk_at_a_time_and_equal_the_listed_ones(sample_project):
    ids = _unit_ids(sample_project)
    events: list[tuple[str, int]] = []
    for unit in iter_units(sample_project, ids, lambda n: events.append(("read", n)), chunk_size=2):
        events.append(("unit", unit.id))
    expected: list[tuple[str, int]] = []
    for k in range(0, len(ids), 2):
        chunk = ids[k : k + 2]
        expected += [("read", len(chunk))] + [("unit", u) for u in chunk]
    assert events == expected
    assert list(iter_units(sample_project, ids, chunk_size=2)) == align_units(sample_project, ids)
    assert any(s.text for u in align_units(sample_project, ids) for s in u.sections)


def test_the_engine_keeps_no_unit_it_has_read(sample_project):
    ids = _unit_ids(sample_project)
    listed = align(align_units(sample_project, ids))
    alive: list[list[str]] = []  # per unit handed over: the earlier units (or sections) still in memory
    refs: list[weakref.ref] = []

    def stream():
        for unit in iter_units(sample_project, ids, chunk_size=1):
            gc.collect()
            alive.append([repr(r()) for r in refs if r() is not None])
            refs.append(weakref.ref(unit))
            refs.extend(weakref.ref(s) for s in unit.sections)
            yield unit
            del unit

    streamed = align(stream(), count=len(ids))
    assert len(alive) == len(ids) and all(not still for still in alive), alive
    assert to_json(streamed) == to_json(listed)


def test_packed_bags_give_the_same_vectors_to_the_bit(sample_project):
    units = align_units(sample_project, _unit_ids(sample_project))

    def nodes():
        return [n for roots in build_nodes(units, lambda _i: None) for root in roots for n in root.walk()]

    plain, packed = nodes(), nodes()
    for node in packed:
        pack(node)
        assert node.packed is not None and not node.head and not node.body and not node.children
    assert fill_vectors(plain) == fill_vectors(packed)
    assert all(n.packed is None for n in packed)
    for a, b in zip(plain, packed, strict=True):
        assert list(a.vec.items()) == list(b.vec.items())
        assert list(a.head_vec.items()) == list(b.head_vec.items())
    assert sum(1 for n in plain if n.vec) > len(units)


def test_a_word_cut_from_different_clauses_is_one_string():
    from reader.core.align.terms import tokens

    first = tokens("县人大常委会组织代表视察民生项目")
    second = tokens("围绕乡村振兴，组织代表开展专题调研")
    common = sorted(set(first) & set(second))
    assert common
    for word in common:
        assert next(w for w in first if w == word) is next(w for w in second if w == word)


def test_scores_are_kept_as_matrices_of_doubles(sample_project):
    from reader.core.align import assign as asg
    from reader.core.align.anchors import anchors_for

    units = align_units(sample_project, _unit_ids(sample_project))
    items = [root for roots in build_nodes(units, lambda _i: None) for root in roots]
    fill_vectors(items)
    anchors = anchors_for([])
    _choice, scored = asg.assign(items, anchors, {}, set())
    assert len(scored) == len(items)
    assert scored.proto.dtype == scored.total.dtype == "float64"  # matrices of doubles: items × anchors
    assert scored.proto.shape == scored.total.shape == (len(items), len(anchors))
    for node, s in zip(items, scored, strict=True):
        assert node.proto.typecode == "d"
        assert s.proto.tolist() == list(asg.prototype_scores(node, anchors)) and len(s.total) == len(anchors)
    assert any(max(s.total) > max(s.proto) for s in scored)  # the centroids added to the evidence


def test_packed_vectors_give_the_same_numbers_to_the_bit():
    """A section's vector kept packed (vectors.PackedVec) sums in the dict's order: dot products,
    sums, shared terms and top terms are the dict's, bit for bit."""
    import random

    from reader.core.align.vectors import PackedVec, add_into, dot, norm, normalized, shared_terms, top_terms

    rng = random.Random(3)
    terms = [f"词{k}" for k in range(60)]
    for _ in range(200):
        a = {t: rng.random() for t in rng.sample(terms, rng.randint(0, 30))}
        b = {t: rng.random() for t in rng.sample(terms, rng.randint(0, 30))}
        pa, pb = PackedVec(a), PackedVec(b)
        assert pa.as_dict() == a and list(pa.items()) == list(a.items()) and len(pa) == len(a)
        for x, y in ((pa, b), (a, pb), (pa, pb)):
            assert dot(x, y) == dot(a, b) and shared_terms(x, y) == shared_terms(a, b)
        assert norm(pa) == norm(a) and normalized(pa) == normalized(a) and top_terms(pa, 7) == top_terms(a, 7)
        acc, packed_acc = dict(b), dict(b)
        add_into(acc, a, 0.5)
        add_into(packed_acc, pa, 0.5)
        assert acc == packed_acc
