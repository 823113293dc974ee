"""Alignment of reports of any genre and shape (issue 12): the codebook's fit to each report, rows of
frames (the parts of reports read through their children) with the topic rows under them, and rows
that hold when one report words a heading differently. Read from the real development set
(shared/corpus/real-dev) imported into a project, with the default codebook."""

from __future__ import annotations

import dataclasses
import itertools
from functools import lru_cache

import pytest

from reader.core.align import align, fit
from reader.core.align.anchors import anchors_for
from reader.core.align.nodes import build_nodes
from reader.core.compare.inputs import align_themes, align_units
from reader.core.ingest.importing import import_paths
from reader.core.store.db import open_project
from tests.core import real_dev

pytestmark = pytest.mark.skipif(not real_dev.available("provincial-2026"), reason="shared corpus not available")


@lru_cache(maxsize=2)
def _inputs(folder: str, tmp: str):
    path = f"{tmp}/{folder}.renda"
    with open_project(path, create=True) as p:
        import_paths(p, [real_dev.REAL_DEV / folder])
        ids = [r[0] for r in p.db.execute("SELECT id FROM units ORDER BY id")]
        return align_units(p, ids), align_themes(p)


@pytest.fixture(scope="module")
def provincial(tmp_path_factory):
    return _inputs("provincial-2026", str(tmp_path_factory.mktemp("prov")))


def _rows_of(result) -> dict[int, str]:
    return {m.section_id: r.key for r in result.rows for m in r.members}


def test_the_congress_codebook_does_not_fit_government_reports(provincial):
    units, themes = provincial
    result = align(units, themes)
    assert set(result.unfit) == {u.id for u in units}
    theme_rows = [r for r in result.rows if r.theme_id is not None or r.key.startswith("topic:")]
    assert not any(r.members for r in theme_rows)  # no 人大自身建设 or 依法监督 row takes a government section
    vocab = fit.vocabulary(anchors_for(themes))
    for roots in (build_nodes([u], lambda _i: None)[0] for u in units):
        assert fit.density([b for r in roots for b in (r.head, r.body)], vocab) < fit.FIT_MIN


def test_reviews_and_plans_have_rows_of_their_own_with_topic_rows_under_them(provincial):
    units, themes = provincial
    result = align(units, themes)
    frames = [r for r in result.rows if r.frame]
    review = max(frames, key=lambda r: sum("回顾" in m.heading for m in r.members))
    assert {m.unit_id for m in review.members} == {u.id for u in units}  # every report's review, in one row
    assert all("回顾" in m.heading or "总结" in m.heading for m in review.members)
    frame_keys = {r.key for r in frames}
    children = [r for r in result.rows if r.parent in frame_keys]
    assert len(children) >= 8
    for row in children:  # a topic row follows the row of parts it hangs under
        assert [r.key for r in result.rows].index(row.parent) < [r.key for r in result.rows].index(row.key)
    plans = [r for r in frames if r.key == max(
        frame_keys, key=lambda k: sum(1 for c in children if c.parent == k))]
    assert len({m.unit_id for m in plans[0].members}) >= 8


def _pairs(result, sections: set[int]) -> set[tuple[int, int]]:
    rows = _rows_of(result)
    return {(a, b) for a, b in itertools.combinations(sorted(sections), 2)
            if rows.get(a) == rows.get(b) and rows.get(a) != "other"}


@pytest.mark.parametrize("k", [0, 3, 6])
def test_a_retitled_heading_splits_no_row(provincial, k):
    """One report words one of its plan headings differently: every other pair of sections that shared
    a row still does."""
    units, themes = provincial
    before = align(units, themes)
    unit = units[k]
    plan = max(unit.sections, key=lambda s: len(s.children))
    target = plan.children[len(plan.children) // 2]
    retitled = dataclasses.replace(target, heading=target.heading[:3] + "扎实做好各项工作")
    plan2 = dataclasses.replace(plan, children=[retitled if c is target else c for c in plan.children])
    unit2 = dataclasses.replace(unit, sections=[plan2 if s is plan else s for s in unit.sections])
    after = align([unit2 if u is unit else u for u in units], themes)
    others = {m.section_id for r in before.rows if not r.frame for m in r.members} - {target.id}
    lost = _pairs(before, others) - _pairs(after, others)
    assert not lost, sorted(lost)[:5]
