"""Reading a unit for the alignment: its sections made nodes with term bags, the ones to align chosen
(nodes.choose_items, or by their size in a report of another genre), their evidence made, and what
the engine keeps of them taken out: the nodes without their texts, children and bags, and the bags
to pack (a combined bag and a heading's per node).

A unit is read on its own (nothing in it depends on another unit), so a decade of reports can be
read by two processes at once (compare.apart), each handing over its UnitReadings in order.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from reader.core.align import assign as asg
from reader.core.align import fit
from reader.core.align import frames as fr
from reader.core.align.anchors import Anchor, _from_prototype, anchors_for
from reader.core.align.model import AlignTheme, AlignUnit
from reader.core.align.nodes import Node, build_nodes, choose, choose_items, light_unit, take_bags
from reader.core.align.prototypes import GOVERNMENT
from reader.core.align.tfidf import BagsSent
from reader.core.align.vectors import Vec, normalized

CONCEPT_MIN = 0.2  # thesaurus evidence below this says nothing of a section's topic


def thesaurus_anchors() -> list[Anchor]:
    """The government-report thesaurus as anchors (for its evidence only: they make no rows)."""
    return [_from_prototype(p) for p in GOVERNMENT]


def concept_vector(node: Node, thesaurus: Sequence[Anchor]) -> Vec:
    """A section's topics in the thesaurus: its evidence for each, the weak ones dropped, unit length."""
    scores = asg.prototype_scores(node, thesaurus)
    return normalized({f"§{a.key}": s for a, s in zip(thesaurus, scores, strict=True) if s >= CONCEPT_MIN})


@dataclass
class UnitReading:
    """What the engine keeps of a unit: the unit without its sections (what the nodes refer to), its
    nodes to align and its frames (sections read through their children), each without its texts,
    children and bags, the bags of each (items, then frames: the combined bag and the heading's) and
    whether the codebook fits the unit (fit.py)."""

    unit: AlignUnit
    items: list[Node]
    frames: list[Node]
    bags: list[tuple[dict[str, float], dict[str, float]]] | BagsSent  # BagsSent: from another process
    fits: bool
    sender: int = 0  # the process that read it (its BagsSent number terms on from its earlier ones)


class UnitReader:
    """Reads units for an alignment with these themes, `forced` the section ids users' corrections
    name (they are aligned themselves)."""

    def __init__(self, themes: Sequence[AlignTheme], forced: Collection[int]) -> None:
        self.anchors = anchors_for(list(themes))
        self.vocab = fit.vocabulary(self.anchors)
        self.thesaurus = thesaurus_anchors()
        self.thesaurus_vocab = fit.vocabulary(self.thesaurus)
        self.forced = set(forced)

    def read(self, unit: AlignUnit, check: Callable[[], None] | None = None) -> UnitReading:
        """The unit read (`check()` now and then: it raises to stop). The unit is not kept."""
        anchors = self.anchors

        def topic_of(node: Node) -> tuple[int | None, float]:
            if check is not None:
                check()
            return asg.best_of(asg.evidence(node, anchors))

        light = light_unit(unit)
        roots = build_nodes([unit], _no_tick, [light])[0]
        del unit  # its texts go with it (the nodes hold only their term bags)
        bags = [b for r in roots for b in (r.head, r.body)]
        fits = fit.fits(bags, self.vocab)
        frames: list[Node] = []
        if fits:
            chosen = choose_items([roots], topic_of, self.forced, frames)
        else:  # another genre: its parts are read by their size, its topics grouped by their words
            chosen = choose([roots], fr.descend_by_size(roots), self.forced, frames)
        concepts = not fits and fit.thesaurus_fits(bags, self.thesaurus_vocab, self.vocab)
        for node in chosen:  # its evidence made
            node.fits = fits
            asg.evidence(node, anchors)
            if concepts:
                node.concepts = concept_vector(node, self.thesaurus)
        packed = [take_bags(node) for node in chosen + frames]  # the unit's other nodes go
        return UnitReading(light, chosen, frames, packed, fits)


def _no_tick(_i: int) -> None:
    return None
