"""Sections as term bags and vectors, and the choice of the level each unit is aligned at.

A section is aligned whole when it carries one topic; the engine descends into its children when
its heading is generic (工作回顾, 工作安排, 目标任务 …) or its children clearly carry different topics.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reader.core.align.arrays import TableVec
from reader.core.align.model import AlignSection, AlignUnit
from reader.core.align.terms import bag, strip_marker
from reader.core.align.tfidf import Bags, make_vectors
from reader.core.align.vectors import PackedVec, Vec

HEADING_WEIGHT = 3.0
CHILD_HEADING_WEIGHT = 1.5
VEC_TERMS = 100  # terms kept per section vector
CHECK_EVERY = 200  # items between two cancel checks
LEAD_CAP = 700  # characters of a top section's own text read (its children are read on their own)
CHILD_LEAD_CAP = 500  # ... and of a subsection's: the gist is in its first lines

GENERIC = re.compile(
    r"回顾|工作安排|目标任务|主要任务|总体要求|主要目标|主要做法|主要成效|主要工作|基本情况|工作情况|"
    r"下步打算|下一步|今后.{0,6}工作|工作思路|工作打算|工作要点|几点体会|体会与启示|存在的?问题|年工作$|"
    r"^\W*(?:19|20)\d\d年\W*$"
)


# A node's bags packed (tfidf.Bags): the store and its number there.
Packed = tuple[Bags, int]


@dataclass(eq=False, slots=True, weakref_slot=True)  # slots: ~300,000 of them in a decade of reports
class Node:
    section: AlignSection
    unit: AlignUnit
    order: int  # position of the section within its unit, depth-first
    head: Counter[str]
    body: Counter[str]  # own text and everything below
    children: Sequence[Node] = ()  # (none kept once its bags are taken)
    # made by fill_vectors (rows of tables); None before (~300,000 nodes: an empty dict each is 20 MB)
    head_vec: Vec | PackedVec | TableVec | None = None
    vec: Vec | PackedVec | TableVec | None = None  # heading weighted up, plus body (its strongest terms)
    proto: array | None = None  # evidence for each anchor (doubles), computed once
    packed: Packed | None = None  # its combined and heading bags, compact, until its vectors are made (see pack)
    length: int = 0  # characters of its text (children's included)
    frame: Node | None = None  # the part it was read in (the nearest section read through its children)
    fits: bool = True  # the codebook fits its report (see fit.py)
    concepts: Vec | None = None  # its topics in the thesaurus of its genre, when it has one

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


def build_nodes(units: Sequence[AlignUnit], tick: Callable[[int], None], light: Sequence[AlignUnit] = ()) -> list[list[Node]]:
    """Per unit, its top-level nodes (with children), term bags filled; vectors filled afterwards.
    A node keeps its section without text or children; its unit is `light[i]` when given (the unit
    without its sections, see light_unit), else the unit itself."""
    out: list[list[Node]] = []
    for i, unit in enumerate(units):
        counter = [0]  # sections seen: their reading order
        owner = light[i] if light else unit
        out.append([_node(s, owner, counter) for s in unit.sections])
        tick(i)
    return out


def light_unit(unit: AlignUnit) -> AlignUnit:
    """The unit without its sections: what the nodes keep of it (its place and name)."""
    return AlignUnit(unit.id, unit.county, unit.year, unit.source, [])


def _light(section: AlignSection) -> AlignSection:
    """The section without its text and children: what a node keeps of it once its bags are made (a
    national corpus's section texts, each holding its children's, are hundreds of MB)."""
    return AlignSection(section.id, section.unit_id, section.heading, "", section.level, _NONE,  # type: ignore[arg-type]
                        section.theme_ids or _NONE, section.kind)  # type: ignore[arg-type]


_NONE = ()  # no children, no themes: one empty tuple for all (a list each is 56 bytes)


def _node(section: AlignSection, unit: AlignUnit, counter: list[int], depth: int = 0) -> Node:
    counter[0] += 1
    node = Node(_light(section), unit, counter[0], bag(strip_marker(section.heading)), Counter(),
                length=len(section.text or ""))
    node.children = [_node(c, unit, counter, depth + 1) for c in section.children]
    body = bag(_lead(section)[: LEAD_CAP if depth == 0 else CHILD_LEAD_CAP])
    for child in node.children:
        _add(body, child.head, CHILD_HEADING_WEIGHT)
        _add(body, child.body, 1.0)
    node.body = body
    return node


def _add(acc: Counter[str], other: Counter[str], factor: float) -> None:
    get = acc.get
    if factor == 1.0:  # (count * 1.0 is count)
        for term, count in other.items():
            acc[term] = get(term, 0.0) + count
    else:
        for term, count in other.items():
            acc[term] = get(term, 0.0) + count * factor


def _lead(section: AlignSection) -> str:
    """The section's own text: after its heading, before its first child's heading."""
    text = section.text or ""
    heading = (section.heading or "").strip()
    if heading and text.lstrip().startswith(heading):
        text = text.lstrip()[len(heading):]
    if section.children:
        first = (section.children[0].heading or "").strip()[:12]
        at = text.find(first) if first else -1
        if at >= 0:
            text = text[:at]
    return text


def drop_bags(node: Node) -> None:
    """Free a node's term bags (after its vectors and evidence are made: nothing reads them again)."""
    node.head = node.body = _EMPTY


_EMPTY: Counter[str] = Counter()


def pack(node: Node, bags: Bags | None = None) -> None:
    """Keep only what the vectors are made from, compactly: the combined bag and the heading's, added
    to `bags` (the store of all the nodes to align; call after the node's evidence is made: its body
    bag and its children are let go, and with them every section below it that is not aligned itself)."""
    store = bags if bags is not None else Bags()
    node.packed = (store, store.add(*take_bags(node)))


def take_bags(node: Node) -> tuple[Counter[str], Counter[str]]:
    """What the vectors are made from, the combined bag and the heading's, taken out of the node (call
    after its evidence is made: its bags and its children are let go)."""
    out = (_combined(node), node.head)
    drop_bags(node)
    node.children = ()
    return out


def fill_vectors(items: Sequence[Node], check: Callable[[], None] | None = None,
                 done: Callable[[Node], None] | None = None) -> tuple[dict[str, float], float]:
    """TF-IDF over the sections being aligned; returns the idf table (and the unseen-term idf).
    `check()` is called now and then (it raises to stop: a cancel); `done(node)` after a node's
    vectors are made. The vectors are made all at once from the nodes' packed bags (tfidf.make_vectors,
    the same numbers as vectors.tfidf, top_terms and normalized bag by bag): a node not packed yet is
    packed (its bags kept); the packed bags go once the vectors are made."""
    store = items[0].packed[0] if items and items[0].packed is not None else None
    rows = [n.packed[1] if n.packed is not None and n.packed[0] is store else -1 for n in items]
    if store is None or store.count != len(items) or len(set(rows) - {-1}) != len(items):  # not one store of them
        store = Bags()
        for node in items:
            if node.packed is not None:
                combined, head = node.packed[0].bag(node.packed[1])
            else:
                combined, head = _combined(node), node.head
            store.add(combined, head)
        rows = list(range(len(items)))
    vec, head_vec, idf, unseen = make_vectors(store, VEC_TERMS, check)
    for node, k in zip(items, rows, strict=True):
        node.vec = vec.row(k)  # type: ignore[assignment]
        node.head_vec = head_vec.row(k)  # type: ignore[assignment]
        node.packed = None
        if done is not None:
            done(node)
    return idf, unseen


def _combined(node: Node) -> Counter[str]:
    counts: Counter[str] = Counter()
    _add(counts, node.head, HEADING_WEIGHT)
    _add(counts, node.body, 1.0)
    return counts


# A heading that names only a period and the report's furniture (2020年工作任务, 今年工作建议, 过去一年的工作)
_PERIOD = re.compile(
    r"过去|今年|明年|去年|当年|本年|全年|年度|一年来|[一二三四五两]年来|近年来|本届|上半年|下半年|以来|今后|"
    r"(?:19|20)\d\d年?|“?十[一二三四五六]五”?时期|时期|[一二三四五]年|第[一二三四五六七八九十]+部分|"
    r"的|和|与|及|主要|重点|各项"
)
_FURNITURE = re.compile(r"(?:工作|任务|安排|建议|回顾|打算|要点|情况|目标|总结|思路|部署|总体要求)+")


def is_generic(heading: str) -> bool:
    text = strip_marker(heading)
    if GENERIC.search(text):
        return True
    rest = _PERIOD.sub("", re.sub(r"[^\u3400-\u9fff\d]", "", text))
    return bool(rest) and _FURNITURE.fullmatch(rest) is not None


def choose_items(
    forest: list[list[Node]],
    topic_of: Callable[[Node], tuple[int | None, float]],
    forced: set[int],
    frames: list[Node] | None = None,
) -> list[Node]:
    """The nodes to align, in unit and reading order. `topic_of(node)` gives the node's best anchor
    (or None) and how sure it is; `forced` section ids must be items themselves. The sections read
    through their children (the frames) are added to `frames`, and each item knows its frame."""
    return choose(forest, lambda node: _should_descend(node, topic_of), forced, frames)


def choose(
    forest: list[list[Node]], descend: Callable[[Node], bool], forced: set[int], frames: list[Node] | None = None
) -> list[Node]:
    """The nodes to align, reading a node through its children when `descend(node)` says so."""
    items: list[Node] = []
    for roots in forest:
        for root in roots:
            items += _choose(root, descend, forced, frames if frames is not None else [], None)
    return items


def _contains_forced(node: Node, forced: set[int]) -> bool:
    return any(n.section.id in forced for n in node.walk() if n is not node)


def _choose(node: Node, descend: Callable[[Node], bool], forced: set[int], frames: list[Node],
            frame: Node | None) -> list[Node]:
    node.frame = frame
    if not node.children:
        return [node]
    if node.section.id not in forced and (_contains_forced(node, forced) or descend(node)):
        frames.append(node)
        out: list[Node] = []
        for child in node.children:
            out += _choose(child, descend, forced, frames, node)
        return out
    return [node]


def _should_descend(node: Node, topic_of: Callable[[Node], tuple[int | None, float]]) -> bool:
    if is_generic(node.section.heading):
        return True
    if len(node.children) < 2:
        return False
    parent_topic, parent_sure = topic_of(node)
    kids = [topic_of(c) for c in node.children]
    sure_kids = [t for t, sure in kids if t is not None and sure >= 0.5]
    distinct = sorted(set(sure_kids))
    if len(distinct) < 2:
        return False
    share = sum(1 for t, _ in kids if t == parent_topic) / len(kids) if parent_topic is not None else 0.0
    # descend when the children mostly disagree with the parent and are sure of their own topics
    return share < 0.5 and len(sure_kids) >= max(2, (2 * len(kids) + 2) // 3) and parent_sure < 0.8
