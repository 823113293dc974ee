"""align(): sections of many reports into rows of matching sections.

1. Every section becomes term bags (jieba tokens with the domain dictionary; heading weighted up).
2. Each unit is read at the level where a section carries one topic (see nodes.choose_items).
3. Sections are assigned many-to-one to anchors (themes, or built-in prototypes): see assign.py.
4. Sections no anchor claims are clustered across units (cluster.py); the rest go to 其他. An
   anchor row too broad for the corpus (its reports put several sections each in it, as a government
   report does under 中心工作) is regrouped with them by the text.
5. Users' corrections are applied: pins and refusals inside the assignment, renames and merges after.

Row keys: anchors give fixed keys (topic:…, theme:ID); a row grown from the text (cluster:…) keeps
the key it had in `previous` (the last stored alignment) when it holds mostly the same sections,
so users' corrections that name it keep their meaning across re-aligns.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from reader.core.align import assign as asg
from reader.core.align import frames as fr
from reader.core.align.anchors import Anchor
from reader.core.align.arrays import give_back_memory, scores_against, summed
from reader.core.align.cluster import cluster
from reader.core.align.model import (
    OTHER_KEY,
    OTHER_LABEL,
    AlignMember,
    AlignResult,
    AlignRow,
    AlignTheme,
    AlignUnit,
    Correction,
)
from reader.core.align.nodes import Node, fill_vectors
from reader.core.align.reading import UnitReader, UnitReading
from reader.core.align.terms import clear_caches
from reader.core.align.tfidf import BagReceiver, Bags, BagsSent
from reader.core.align.vectors import Vec, dot, lookup, normalized
from reader.core.errors import Cancelled

LABEL_TERMS = 3
MEMBER_TERMS = 5
ATTACH_MIN = 0.15  # least cosine to a group's centroid for a leftover section to join it
ATTACH_MARGIN = 0.03  # ... and by this much more than to any other group
BROAD_MEDIAN = 4  # an anchor row whose reports put this many sections in it (median) is too broad here
CACHES_KEPT_BELOW = 2000  # units: aligning more, the words' caches are let go once they are read
KEEP_KEY_MIN = 0.5  # least Jaccard overlap of sections for a new group to keep a previous group's key
CLUSTER_PREFIX = "cluster:"


@dataclass
class _Plan:
    """Corrections sorted by what they do (later corrections win)."""

    pins: dict[int, str] = field(default_factory=dict)  # section id -> row key
    refused: set[tuple[int, str]] = field(default_factory=set)  # (section id, row key)
    labels: dict[str, str] = field(default_factory=dict)  # row key -> label
    fallback: dict[str, str] = field(default_factory=dict)  # row key -> label should the row be made anew
    merges: dict[str, str] = field(default_factory=dict)  # row key -> row key it joins

    @property
    def forced(self) -> set[int]:
        return set(self.pins) | {s for s, _ in self.refused}


@dataclass(eq=False)
class _Row:
    key: str
    label: str
    theme_id: int | None
    vec: Vec
    members: list[Node] = field(default_factory=list)
    parent: str | None = None
    frame: bool = False


def align(
    units: Iterable[AlignUnit | UnitReading],
    themes: Sequence[AlignTheme] = (),
    corrections: Sequence[Correction] = (),
    progress: Callable[[int, int], None] | None = None,
    cancel: object | None = None,
    previous: Mapping[str, Collection[int]] | None = None,
    count: int | None = None,
) -> AlignResult:
    """Rows of matching sections. `previous`: row key -> section ids of the last alignment shown to the
    user (only its cluster rows matter), so that rows grown from the text keep their keys.

    `units` is read once, in order, and no unit is kept (only its place and its sections' ids, headings
    and tags): an iterator that reads them as they are asked for (compare.inputs.iter_units) keeps a
    national corpus's texts out of memory. A unit read already (reading.UnitReading, by another
    process: compare.apart) is taken as it is. `count`: how many there are, for the progress (an
    iterator has no length; without it, the units are listed first)."""
    if count is None:
        units = list(units)  # type: ignore[assignment]
        count = len(units)  # type: ignore[arg-type]
    total = 2 * count + 1
    tick = _ticker(progress, cancel, total)

    def check() -> None:  # between ticks too: the steps after reading take seconds on thousands of units
        if cancel is not None and getattr(cancel, "cancelled", False):
            raise Cancelled()

    plan = _plan(corrections)
    reader = UnitReader(themes, plan.forced)
    anchors = reader.anchors
    keys = [a.key for a in anchors]

    # unit by unit (or as read already, by another process: UnitReading): its nodes built, the ones to
    # align chosen, their evidence made and their bags packed, the other nodes let go: a national
    # corpus's bags and section trees are not all held at once; the packed bags go once the vectors are made
    items: list[Node] = []
    frames: list[Node] = []  # sections read through their children (a review, a plan)
    unfit: list[int] = []  # units of another genre than the codebook's
    kept: list[AlignUnit] = []  # the units without their sections: what the nodes refer to
    packed = Bags()  # the bags of the items and frames, packed as they are read
    receivers: dict[int, BagReceiver] = {}  # the bags other processes read, by process
    evidence = array("d")  # the items' evidence for each anchor, item after item (assign.evidence)
    for unit in units:  # (not enumerate(): it would hold the last unit until the next one is read)
        reading = unit if isinstance(unit, UnitReading) else reader.read(unit, check)
        del unit
        tick(len(kept))
        kept.append(reading.unit)
        if not reading.fits:
            unfit.append(reading.unit.id)
        if isinstance(reading.bags, BagsSent):
            if reading.sender not in receivers:
                receivers[reading.sender] = BagReceiver(packed)
            numbers = receivers[reading.sender].add(reading.bags)
        else:
            numbers = [packed.add(*bags) for bags in reading.bags]
        for node, number in zip(reading.items + reading.frames, numbers, strict=True):
            node.packed = (packed, number)
        for node in reading.items:  # its evidence kept with the others', as doubles
            evidence.extend(node.proto)  # type: ignore[arg-type]
            node.proto = None
        items += reading.items
        frames += reading.frames
        del reading

    if count >= CACHES_KEPT_BELOW:  # the words' caches hold the last few thousand texts: none will come again
        clear_caches()
    idf, unseen = fill_vectors([*items, *frames], check)
    give_back_memory()  # the bags' blocks (and the caches)
    vecs = asg.anchor_vectors(anchors, idf, unseen)
    pinned = {sid: keys.index(k) for sid, k in plan.pins.items() if k in keys}
    forbidden = {(sid, keys.index(k)) for sid, k in plan.refused if k in keys}
    # the codebook's rows take no section of a report it does not fit (unless the user put it there)
    forbidden |= {(n.section.id, k) for n in items if not n.fits for k in range(len(anchors))}
    floating = {sid for sid, k in plan.pins.items() if k not in keys}
    proto = np.frombuffer(evidence, dtype=np.float64).reshape(len(items), len(anchors)).copy()
    del evidence
    choice, scored = asg.assign(items, anchors, pinned, forbidden, check=check, proto=proto)
    give_back_memory()
    tick(count * 2)
    rows = _anchor_rows(items, anchors, vecs, choice)
    free = [i for i, k in enumerate(choice) if k == asg.FREE and items[i].section.id not in floating]
    broad = _broad_members(items, choice, anchors, set(pinned))
    clusters = _cluster_rows(items, sorted(free + broad), {r.key for r in rows}, previous or {})
    grouped = {id(m) for c in clusters for m in c.members}
    _attach([items[i] for i in broad if id(items[i]) not in grouped], clusters)
    _regroup(rows, clusters, vecs)
    rows += clusters
    other = _Row(OTHER_KEY, OTHER_LABEL, None, {})
    placed = {id(m) for r in rows for m in r.members}
    leftovers = [n for n in items if id(n) not in placed and n.section.id not in floating]
    other.members = _attach(leftovers, clusters)
    rows = _with_frames(rows, frames, previous or {}, {r.key for r in rows} | {OTHER_KEY})
    rows = _apply(rows, other, [*items, *frames], plan, kept)
    return _result(_in_order(rows), other, items, scored, kept, unfit)


def _ticker(progress: Callable[[int, int], None] | None, cancel: object | None, total: int) -> Callable[[int], None]:
    def tick(done: int) -> None:
        if cancel is not None and getattr(cancel, "cancelled", False):
            raise Cancelled()
        if progress is not None:
            progress(min(done + 1, total), total)

    return tick


def forced_sections(corrections: Sequence[Correction]) -> set[int]:
    """The sections users' corrections name: aligned themselves, whatever their level."""
    return _plan(corrections).forced


def _plan(corrections: Sequence[Correction]) -> _Plan:
    plan = _Plan()
    for c in corrections:
        if c.kind == "move" and c.section_id is not None:
            plan.pins[c.section_id] = c.row_key
            plan.refused.discard((c.section_id, c.row_key))
            if c.label:
                plan.fallback[c.row_key] = c.label
        elif c.kind == "not_match" and c.section_id is not None:
            plan.refused.add((c.section_id, c.row_key))
            if plan.pins.get(c.section_id) == c.row_key:
                del plan.pins[c.section_id]
        elif c.kind == "split" and c.section_id is not None and c.target_row_key:
            plan.pins[c.section_id] = c.target_row_key
            if c.label:
                plan.labels[c.target_row_key] = c.label
        elif c.kind == "rename" and c.label:
            plan.labels[c.row_key] = c.label
        elif c.kind == "merge" and c.target_row_key and c.target_row_key != c.row_key:
            plan.merges[c.row_key] = c.target_row_key
    return plan


def _anchor_rows(items: Sequence[Node], anchors: Sequence[Anchor], vecs: Sequence[Vec], choice: Sequence[int]) -> list[_Row]:
    rows = []
    for k, anchor in enumerate(anchors):
        members = [n for n, c in zip(items, choice, strict=True) if c == k]
        rows.append(_Row(anchor.key, anchor.label, anchor.theme_id, asg.row_vector(vecs[k], members), members))
    return rows


def _broad_members(items: Sequence[Node], choice: Sequence[int], anchors: Sequence[Anchor], pinned: set[int]) -> list[int]:
    """Items of anchor rows too broad for this corpus: rows where the typical report puts BROAD_MEDIAN or
    more sections (every economic section of a government report under one codebook theme, say). Their
    members are grouped again by their own text; users' pins stay.

    An anchor that stands for one of the genre's own topics (a built-in prototype: 监督, 代表工作 …) is
    never too broad: a congress report that gives supervision four sections (专项工作报告, 执法检查,
    专题询问, 预算审查) still reports supervision, and those sections belong in one row with the other
    reports' single supervision section. Only catch-all anchors (中心工作, a user's theme no built-in
    topic resembles) are regrouped."""
    per_unit: dict[int, dict[int, int]] = {}
    for node, k in zip(items, choice, strict=True):
        if k != asg.FREE:
            counts = per_unit.setdefault(k, {})
            counts[node.unit.id] = counts.get(node.unit.id, 0) + 1
    broad = set()
    for k in range(len(anchors)):
        if anchors[k].topic is not None:
            continue
        counts = sorted(per_unit.get(k, {}).values())
        if len(counts) >= 2 and counts[(len(counts) - 1) // 2] >= BROAD_MEDIAN:
            broad.add(k)
    return [i for i, k in enumerate(choice) if k in broad and items[i].section.id not in pinned]


def _regroup(rows: list[_Row], clusters: Sequence[_Row], vecs: Sequence[Vec]) -> None:
    """Members regrouped into rows from the text leave their anchor rows; such a row takes the theme
    most of its members came from."""
    origin = {id(m): r for r in rows for m in r.members}
    moved = {id(m) for c in clusters for m in c.members if id(m) in origin}
    if not moved:
        return
    for c in clusters:
        themes = [origin[id(m)].theme_id for m in c.members if id(m) in origin]
        top = max(sorted({t for t in themes if t is not None}), key=themes.count, default=None)
        if top is not None and 2 * themes.count(top) > len(c.members):
            c.theme_id = top
    for k, r in enumerate(rows):
        if any(id(m) in moved for m in r.members):
            r.members = [m for m in r.members if id(m) not in moved]
            r.vec = asg.row_vector(vecs[k], r.members)


def _cluster_rows(items: Sequence[Node], free: Sequence[int], taken: set[str],
                  previous: Mapping[str, Collection[int]]) -> list[_Row]:
    groups = [[items[free[g]] for g in group] for group in cluster([items[i] for i in free])]
    kept = _kept_keys([{m.section.id for m in members} for members in groups], previous, taken)
    taken |= set(kept.values())
    rows = []
    for n, members in enumerate(groups):
        terms = _label_terms(members)
        key = kept.get(n)
        if key is None:
            key = _unique(CLUSTER_PREFIX + "-".join(terms[:2]) if terms else CLUSTER_PREFIX.rstrip(":"), taken)
            taken.add(key)
        rows.append(_Row(key, "·".join(terms) or key, None, _centroid(members), members))
    return rows


def _kept_keys(groups: Sequence[set[int]], previous: Mapping[str, Collection[int]], taken: set[str],
               prefix: str = CLUSTER_PREFIX) -> dict[int, str]:
    """Group index -> the previous key (of rows named `prefix`…) it inherits: pairs by falling overlap,
    each used once."""
    old = {k: set(v) for k, v in previous.items() if k.startswith(prefix) and k not in taken}
    pairs = []
    for n, group in enumerate(groups):
        for key in sorted(old):
            inter = len(group & old[key])
            if inter:
                jaccard = inter / len(group | old[key])
                if jaccard >= KEEP_KEY_MIN:
                    pairs.append((-jaccard, n, key))
    out: dict[int, str] = {}
    used: set[str] = set()
    for _, n, key in sorted(pairs):
        if n not in out and key not in used:
            out[n] = key
            used.add(key)
    return out


def _attach(leftovers: Sequence[Node], clusters: Sequence[_Row]) -> list[Node]:
    """Sections no anchor and no group took join the nearest group when close enough; the rest are 其他."""
    rest = []
    for node in leftovers:
        sims = sorted(((dot(node.vec, r.vec), -i) for i, r in enumerate(clusters)), reverse=True)
        second = sims[1][0] if len(sims) > 1 else 0.0
        if sims and sims[0][0] >= ATTACH_MIN and sims[0][0] - second >= ATTACH_MARGIN:
            clusters[-sims[0][1]].members.append(node)
        else:
            rest.append(node)
    return rest


def _label_terms(members: Sequence[Node]) -> list[str]:
    """The heaviest terms shared by sections of at least two units (headings count most)."""
    weight: dict[str, float] = {}
    units: dict[str, set[int]] = {}
    for m in members:
        head = lookup(m.head_vec)
        for t, v in m.vec.items():
            weight[t] = weight.get(t, 0.0) + v + head.get(t, 0.0)
            units.setdefault(t, set()).add(m.unit.id)
    shared = [t for t in weight if len(units[t]) >= 2]
    shared.sort(key=lambda t: (-weight[t], t))
    return shared[:LABEL_TERMS]


def _unique(key: str, taken: set[str]) -> str:
    if key not in taken:
        return key
    n = 2
    while f"{key}~{n}" in taken:
        n += 1
    return f"{key}~{n}"


def _apply(rows: list[_Row], other: _Row, items: Sequence[Node], plan: _Plan, units: Sequence[AlignUnit]) -> list[_Row]:
    """Pins to rows outside the anchors, refusals of cluster rows, merges and renames."""
    by_key = {r.key: r for r in rows}
    by_key[OTHER_KEY] = other
    by_section = {n.section.id: n for n in items}
    for sid in sorted(plan.pins):
        key, node = plan.pins[sid], by_section.get(sid)
        if node is None:
            continue
        for r in rows + [other]:
            if node in r.members and r.key != key:
                r.members.remove(node)
        if key not in by_key:
            by_key[key] = _Row(key, plan.labels.get(key) or plan.fallback.get(key, key), None, {})
            rows.append(by_key[key])
        if node not in by_key[key].members:
            by_key[key].members.append(node)
    for sid, key in sorted(plan.refused):
        node, row = by_section.get(sid), by_key.get(key)
        if key != OTHER_KEY and node is not None and row is not None and node in row.members and plan.pins.get(sid) != key:
            row.members.remove(node)
            other.members.append(node)
    for src in sorted(plan.merges):
        dst = _final(src, plan.merges)
        if src in by_key and src != OTHER_KEY and dst != src:
            if dst not in by_key:
                by_key[dst] = _Row(dst, plan.labels.get(dst, by_key[src].label), by_key[src].theme_id, by_key[src].vec)
                rows.append(by_key[dst])
            by_key[dst].members += by_key[src].members
            by_key[src].members = []
    for key, label in plan.labels.items():
        if key in by_key:
            by_key[key].label = label
    unit_index = {id(u): ui for ui, u in enumerate(units)}
    for r in rows + [other]:
        r.members.sort(key=lambda n: (unit_index[id(n.unit)], n.order))
    return [r for r in rows if r.members]


def _final(key: str, merges: dict[str, str]) -> str:
    seen = {key}
    while key in merges and merges[key] not in seen:
        key = merges[key]
        seen.add(key)
    return key


def _with_frames(rows: list[_Row], frames: Sequence[Node], previous: Mapping[str, Collection[int]],
                 taken: set[str]) -> list[_Row]:
    """The rows of frames, then the topic rows, each knowing the frame row it hangs under. A part only one
    report has compares with nothing: it gets no row (it is read through its children all the same)."""
    frame_rows = fr.align_frames(frames, fr.topic_profiles([(r.key, r.members) for r in rows]))
    frame_rows = [r for r in frame_rows if len({id(m.unit) for m in r.members}) >= 2]
    kept = _kept_keys([{m.section.id for m in r.members} for r in frame_rows], previous, taken, fr.FRAME_PREFIX)
    made: list[_Row] = []
    frame_key: dict[int, str] = {}
    for n, r in enumerate(frame_rows):
        key = kept.get(n)
        if key is None:
            key = _unique(fr.FRAME_PREFIX + "-".join(fr.key_terms(r)), taken)
        taken.add(key)
        made.append(_Row(key, fr.label(r), None, _centroid(r.members), list(r.members), frame=True))
        frame_key.update((id(m), key) for m in r.members)
    for row, parent in zip(rows, fr.parents([r.members for r in rows], frame_key), strict=True):
        row.parent = parent
    return made + rows


def _in_order(rows: list[_Row]) -> list[_Row]:
    """Each row of frames followed by the rows under it; then the rows under none, in their order."""
    frames = [r for r in rows if r.frame]
    keys = {r.key for r in frames}
    out: list[_Row] = []
    for f in frames:
        out.append(f)
        out += [r for r in rows if not r.frame and r.parent == f.key]
    return out + [r for r in rows if not r.frame and r.parent not in keys]


def _result(rows: list[_Row], other: _Row, items: Sequence[Node], scored: asg.Scores,
            units: Sequence[AlignUnit], unfit: Sequence[int] = ()) -> AlignResult:
    best = {id(n): s for n, s in zip(items, scored.best(), strict=True)}
    out = []
    for r in rows:
        vec = r.vec or _centroid(r.members)
        # each member's dot product with the row and the terms it shares most (vectors.dot, shared_terms)
        scores = scores_against([n.vec for n in r.members], vec, MEMBER_TERMS)
        members = [_member(n, score, terms if vec else []) for n, (score, terms) in zip(r.members, scores, strict=True)]
        out.append(AlignRow(r.key, r.label, r.theme_id, members, r.parent, r.frame))
    out.append(AlignRow(OTHER_KEY, other.label, None, [_member(n, best[id(n)], []) for n in other.members]))
    return AlignResult(out, list(unfit))


def _centroid(members: Sequence[Node]) -> Vec:
    return normalized(summed([m.vec for m in members]))  # (add_into of each, in order)


def _member(node: Node, score: float, terms: list[str]) -> AlignMember:
    s, u = node.section, node.unit
    return AlignMember(s.id, u.id, u.county, u.year, u.source, s.heading, round(max(0.0, min(1.0, score)), 4), terms)
