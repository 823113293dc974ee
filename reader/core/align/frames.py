"""Frames: the parts of a report that hold its topics, such as the review of the past year, the
targets of a plan period and the year's work plan. They are comparable wholes, so each gets a row,
and the topic rows of the sections inside them hang under those rows.

A frame is a section that the engine reads through its children. In a report whose genre the
codebook fits, the engine decides this from the codebook's topics (nodes.choose_items). In a report
of another genre it decides from the text. A section is read through its children when it is a
large part of its report (FRAME_SHARE of its words or more) and holds several sections: such a part
carries many topics, whatever its heading says ("奋力谱写…新篇章", "对今年政府工作的建议").

Frames are lined up across reports in their order, by heading and text. Every report reviews before
it plans, so an order-preserving alignment (Needleman–Wunsch against the rows made so far) keeps the
reviews apart from the plans even where their words are alike.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from reader.core.align.arrays import running_sum
from reader.core.align.nodes import Node
from reader.core.align.terms import strip_marker
from reader.core.align.vectors import AnyVec, Vec, add_into, dot, lookup, normalized

FRAME_SHARE = 0.15  # a part with at least this share of its report's text, and children, is a frame
FRAME_CHILDREN = 2
MATCH_MIN = 0.05  # least similarity for a frame to join a row of frames (the order does the rest)
# Items of an enumeration (一是…, ——…) are read as topics, never as parts of a report.
ITEM_KINDS = frozenset({"run_in", "dash", "lead_in"})
NESTED_SHARE = 0.5  # a part inside a part holds less than this share of it (more: the rest ran into it)
HEAD_SHARE = 0.5  # weight of the heading in a frame's similarity to a row (the text has the rest)
PARENT_SHARE = 1 / 3  # share of a topic row's members that must lie in one frame row for it to be its parent
FRAME_PREFIX = "frame:"


def descend_by_size(roots: Sequence[Node]) -> Callable[[Node], bool]:
    """For a report of another genre than the codebook's: read a section through its children when
    it is a large part of the report and has several (a part inside a part holding less than half of
    it: an enumeration's last item that ran on to the end of its part is no part of its own)."""
    total = sum(r.length for r in roots) or 1

    def descend(node: Node) -> bool:
        if len(node.children) < FRAME_CHILDREN or node.section.kind in ITEM_KINDS:
            return False
        if node.frame is not None and node.length >= NESTED_SHARE * node.frame.length:
            return False
        return node.length >= FRAME_SHARE * total

    return descend


@dataclass(eq=False)
class FrameRow:
    members: list[Node] = field(default_factory=list)
    vec: Vec = field(default_factory=dict)  # sums of the members' vectors
    head: Vec = field(default_factory=dict)
    topics: Vec = field(default_factory=dict)  # sums of the members' topic profiles
    _norms: tuple[float, float, float] | None = None  # the three sums' norms, made when first asked for after a change

    def add(self, node: Node, topics: Vec) -> None:
        self.members.append(node)
        add_into(self.vec, node.vec)
        add_into(self.head, node.head_vec)
        add_into(self.topics, topics)
        self._norms = None

    def similarity(self, node: Node | _Plain, topics: Vec) -> float:
        """How alike a frame is to the row: its words, its heading's, and the rows its topics went to (two
        plans share their topics, a plan and a review fewer), each where both have any: the dot products
        with the normalised sums (vectors.dot(x, normalized(sum)), made without the normalised dicts:
        a row's sums grow to thousands of terms, asked for once for every report)."""
        if self._norms is None:
            self._norms = (_norm(self.vec), _norm(self.head), _norm(self.topics))
        vec, head, profile = self._norms
        parts = [_dot_normalized(node.vec, self.vec, vec)]
        if node.head_vec and head:  # not a heading of furniture words only ("2026年重点工作")
            parts.append(_dot_normalized(node.head_vec, self.head, head))
        if topics and profile:
            parts.append(_dot_normalized(topics, self.topics, profile))
        return sum(parts) / len(parts)


class _Plain:
    """A frame's vectors as dicts (the same terms, order and weights), for similarity()."""

    __slots__ = ("vec", "head_vec")

    def __init__(self, vec: Mapping[str, float], head_vec: Mapping[str, float]) -> None:
        self.vec = vec
        self.head_vec = head_vec


def _norm(sums: Vec) -> float:
    """vectors.norm of a dict (its values squared and added in order: np.cumsum adds left to right)."""
    values = np.fromiter(sums.values(), dtype=np.float64, count=len(sums))
    return math.sqrt(running_sum(values * values))


def _dot_normalized(a: AnyVec, sums: Vec, norm: float) -> float:
    """dot(a, normalized(sums)) where norm is the sums' norm: the same products in the same order."""
    if norm == 0:  # normalized() gives {}
        return dot(a, {})
    if len(a) > len(sums):  # the normalised dict is gone through
        get = lookup(a).get
        return sum(v / norm * get(t, 0.0) for t, v in sums.items())
    get = sums.get
    return sum(v * (get(t, 0.0) / norm) for t, v in a.items())


def align_frames(frames: Sequence[Node], topics: Mapping[int, Vec] | None = None) -> list[FrameRow]:
    """Rows of frames, in the order reports give them: each report's frames (in reading order) are
    aligned to the rows made so far, keeping their order; a frame that matches no row makes one.
    `topics`: id(frame) -> its topic profile (see topic_profiles)."""
    by_unit: dict[int, list[Node]] = {}
    for f in frames:
        by_unit.setdefault(id(f.unit), []).append(f)
    rows: list[FrameRow] = []
    for unit_frames in by_unit.values():
        unit_frames.sort(key=lambda n: n.order)
        rows = _merge(rows, unit_frames, topics or {})
    return rows


def topic_profiles(rows: Sequence[tuple[str, Sequence[Node]]]) -> dict[int, Vec]:
    """id(frame) -> the topic rows (key -> sections) of the sections read inside it, at any depth."""
    out: dict[int, Vec] = {}
    for key, members in rows:
        for m in members:
            frame = m.frame
            while frame is not None:
                profile = out.setdefault(id(frame), {})
                profile[key] = profile.get(key, 0.0) + 1.0
                frame = frame.frame
    return out


def _merge(rows: list[FrameRow], frames: list[Node], topics: Mapping[int, Vec]) -> list[FrameRow]:
    n, m = len(frames), len(rows)
    profile = [normalized(topics.get(id(f), {})) for f in frames]
    plain = [_Plain(lookup(f.vec), lookup(f.head_vec)) for f in frames]  # read once, against every row
    sim = [[rows[j].similarity(plain[i], profile[i]) for j in range(m)] for i in range(n)]
    # best[i][j]: best total for the first i frames against the first j rows (gaps free)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            s = sim[i - 1][j - 1]
            take = best[i - 1][j - 1] + s if s >= MATCH_MIN else float("-inf")
            best[i][j] = max(take, best[i - 1][j], best[i][j - 1])
    pairs: dict[int, int] = {}  # frame index -> row index
    i, j = n, m
    while i > 0 and j > 0:
        s = sim[i - 1][j - 1]
        if s >= MATCH_MIN and abs(best[i][j] - (best[i - 1][j - 1] + s)) < 1e-12:
            pairs[i - 1] = j - 1
            i, j = i - 1, j - 1
        elif best[i][j] == best[i - 1][j]:
            i -= 1
        else:
            j -= 1
    by_row = {r: x for x, r in pairs.items()}
    out: list[FrameRow] = []
    k = 0  # the next frame to place; unmatched ones go just before the row of the next matched one
    for j, row in enumerate(rows):
        x = by_row.get(j)
        if x is not None:
            while k < x:
                out.append(_new(frames[k], profile[k]))
                k += 1
            row.add(frames[x], profile[x])
            k = x + 1
        out.append(row)
    while k < n:
        out.append(_new(frames[k], profile[k]))
        k += 1
    return out


def _new(node: Node, topics: Vec) -> FrameRow:
    row = FrameRow()
    row.add(node, topics)
    return row


def label(row: FrameRow) -> str:
    """The heading of the member most like the others (its marker dropped): the nearest to the sum of
    their headings (linear in the members: a decade of reports puts thousands in a row)."""
    best = max(row.members, key=lambda m: (dot(m.head_vec, row.head), -m.order))
    return strip_marker(best.section.heading).strip() or best.section.heading


def key_terms(row: FrameRow, k: int = 2) -> list[str]:
    """The heading words most members share (for a row key)."""
    counts: Counter[str] = Counter()
    for m in row.members:
        counts.update(set(m.head_vec))
    return [t for t, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:k]]


def parents(topic_rows: Sequence[Sequence[Node]], frame_key: Mapping[int, str]) -> list[str | None]:
    """For each topic row (its members), the key of the frame row most of its members were read in,
    when at least PARENT_SHARE of them were; `frame_key` maps id(frame node) to its row's key. A topic
    row may hold the sections of a topic from the reviews and from the plans alike (a reader compares
    what was done with what is planned); it hangs under the frame that gives it most."""
    out: list[str | None] = []
    for members in topic_rows:
        keys = Counter(frame_key.get(id(m.frame)) for m in members if m.frame is not None)
        keys.pop(None, None)
        top = max(sorted(keys), key=lambda k: keys[k], default=None)
        out.append(top if top is not None and keys[top] >= PARENT_SHARE * len(members) else None)
    return out
