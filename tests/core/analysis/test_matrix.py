"""The theme matrix: counts and coverage by county, prefecture, province and year."""

from __future__ import annotations

import pytest

from reader.core.analysis import matrix as mx
from reader.core.errors import InvalidInput
from reader.core.store.documents import list_units
from reader.core.store.passage_scope import passages_in
from reader.core.store.passages import tag
from reader.core.store.themes import find_theme


def test_counts_and_coverage(sample_project):
    units = {u.county: u for u in list_units(sample_project) if u.county}
    parent = find_theme(sample_project, "依法监督").id
    child = find_theme(sample_project, "执法检查").id
    lishi, xiaoyi, xinjiang = units["离石区"], units["孝义市"], units["新绛县"]
    tag(sample_project, lishi.id, 0, 10, [child])
    tag(sample_project, lishi.id, 5, 20, [parent, child])  # overlaps the first
    tag(sample_project, xiaoyi.id, 0, 7, [parent])
    tag(sample_project, xinjiang.id, 0, 4, [child])
    m = mx.theme_matrix(sample_project, "county")
    labels = [r.label for r in m.rows]
    assert labels == ["新绛县", "孝义市", "离石区"] or set(labels) == {"新绛县", "孝义市", "离石区"}
    r = labels.index("离石区")
    cp, cc = [t.id for t in m.themes].index(parent), [t.id for t in m.themes].index(child)
    assert m.counts[r][cc] == 2 and m.coverage[r][cc] == 20  # union of [0,10) and [5,20)
    assert m.counts[r][cp] == 2 and m.coverage[r][cp] == 20  # the child counts under its parent, once
    assert m.counts[labels.index("孝义市")][cc] == 0 and m.counts[labels.index("孝义市")][cp] == 1
    assert m.rows[r].detail == "山西省 吕梁市"

    pref = mx.theme_matrix(sample_project, "prefecture")
    lv = [x.label for x in pref.rows].index("吕梁市")
    assert pref.counts[lv][cp] == 3 and pref.coverage[lv][cp] == 27

    years = mx.theme_matrix(sample_project, "year")
    assert [x.label for x in years.rows] == ["2021", "2022"]

    scope, themes = mx.cell_scope(m, r, cp)
    assert len(passages_in(sample_project, scope, themes)) == 2
    assert m.max_count() == 2


def test_empty_and_bad(project):
    assert mx.theme_matrix(project).rows == []
    with pytest.raises(InvalidInput):
        mx.theme_matrix(project, "township")
