"""The held-out alignment set (tests/data/heldout_align), scored with the project's real scorer
through the application's real path (import, then align). The locked split was never tuned on; see
the set's README for the figures before and after and for why the bars are where they are."""

from __future__ import annotations

import pytest

from tests.core import heldout_align

# (precision, recall) each split must reach. Congress-report splits: a little under the measured
# figures (0.95-1.00), well above the engine before this set existed (dev 0.745/0.819, locked
# 0.720/0.911). Government reports: rows finer than the gold's (工业, 服务业, 旅游 apart) cost recall.
BARS = {"syn": (0.90, 0.90), "dev": (0.90, 0.90), "locked": (0.90, 0.90), "late": (0.85, 0.85), "gov": (0.90, 0.50)}


@pytest.mark.parametrize("split", [s for s in heldout_align.SPLITS if heldout_align.exists(s)])
def test_heldout_alignment_reaches_the_bar(split):
    if not heldout_align.available(split):
        pytest.skip("shared corpus or scorer not available")
    figures, misses, _parsed = heldout_align.evaluate(split)
    precision, recall = BARS[split]
    shown = misses if split in heldout_align.LOOKED_AT else "(locked split: misses not shown)"
    assert figures["precision"] >= precision and figures["recall"] >= recall, (split, figures, shown)


@pytest.mark.parametrize("split", [s for s in heldout_align.SPLITS if heldout_align.exists(s)])
def test_every_gold_member_names_one_parsed_section(split):
    if not heldout_align.available(split):
        pytest.skip("shared corpus or scorer not available")
    assert heldout_align.check(split) == []


def test_the_scorer_sees_a_wrong_alignment():
    """The harness is not blind: every section in one row scores a low precision."""
    if not heldout_align.available("dev"):
        pytest.skip("shared corpus or scorer not available")
    _figures, _misses, parsed = heldout_align.evaluate("dev")
    lumped = {"rows": [{"members": [m for r in parsed["rows"] for m in r["members"]]}]}
    figures, _ = heldout_align.score("dev", lumped)
    assert figures["recall"] == 1.0 and figures["precision"] < 0.3
