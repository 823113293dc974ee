"""Whether the codebook fits a report: a report of another genre (a government work report aligned
with a people's-congress codebook) is not pulled into the codebook's rows; its rows come from the
corpus itself.

The measure is the density of the codebook's vocabulary in the report: the share of the report's
words that are clear keywords of some anchor (a theme's name and keywords, or a built-in topic's
strong words). A congress report writes of 监督, 代表, 审议, 常委会 in nearly every sentence (a
fifth to two fifths of its words, measured on the samples and held-out sets); a government report
seldom does (under a tenth), though it shares some of the codebook's words (经济, 民生, 生态).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from reader.core.align.anchors import Anchor

# Anchor words at least this strong are the codebook's vocabulary (weaker ones are shared by many genres).
VOCAB_WEIGHT = 0.6
# Least density of that vocabulary for the codebook to fit a report, read from the words the engine
# reads of each section (its heading, its own first lines and its children's): measured with the
# default codebook 0.22–0.65 on congress reports (samples and held-out sets), 0.04–0.09 on government
# reports (a district's, ten provinces', the State Council's).
FIT_MIN = 0.14


def vocabulary(anchors: Sequence[Anchor]) -> dict[str, float]:
    """Term -> its weight in the codebook's vocabulary (the strongest anchor's)."""
    out: dict[str, float] = {}
    for anchor in anchors:
        for term, weight in anchor.terms.items():
            if weight >= VOCAB_WEIGHT:
                out[term] = max(out.get(term, 0.0), weight)
    return out


def density(bags: Iterable[dict[str, float]], vocab: dict[str, float]) -> float:
    """Weighted share of the words of `bags` (a report's sections) that are in `vocab`."""
    total = hits = 0.0
    for counts in bags:
        for term, count in counts.items():
            total += count
            weight = vocab.get(term)
            if weight:
                hits += count * weight
    return hits / total if total else 0.0


def fits(bags: Iterable[dict[str, float]], vocab: dict[str, float]) -> bool:
    return bool(vocab) and density(bags, vocab) >= FIT_MIN


# A report the codebook does not fit is read with the government-report thesaurus (prototypes.GOVERNMENT)
# when that explains more of its words than the codebook, and at least this share: 0.10–0.18 on
# government reports, where the congress codebook explains 0.04–0.09.
THESAURUS_MIN = 0.08


def thesaurus_fits(bags: Sequence[dict[str, float]], thesaurus: dict[str, float], codebook: dict[str, float]) -> bool:
    own = density(bags, thesaurus)
    return own >= THESAURUS_MIN and own > density(bags, codebook)
