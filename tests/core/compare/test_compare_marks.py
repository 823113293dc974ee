"""What the comparison view marks, for the sections on screen: shared phrases and reused passages by
row (row_marks), and what a selection can name (choices, split_names)."""

from __future__ import annotations

import pytest

from reader.core import compare
from reader.core.compare.annotations import row_marks
from reader.core.compare.selection import split_names
from reader.core.errors import Cancelled
from reader.core.progress import CancelToken


def test_marks_among_the_sections_asked_for_only(sample_project):
    comparison = compare.run_alignment(sample_project)
    row = max(comparison.rows, key=lambda r: len({m.unit_id for m in r.members}))
    every = {m.section_id for m in row.members}
    marks = row_marks(sample_project, [row], every)[row.key]
    assert marks.phrases and all(len(p.text) >= 4 and len(p.counties) >= 2 for p in marks.phrases)
    assert set(marks.reuse.shares) == every
    few = {m.section_id for m in row.members[:3]}
    narrow = row_marks(sample_project, [row], few)[row.key]
    assert all(s.section_id in few for p in narrow.phrases for s in p.spans)
    assert set(narrow.reuse.shares) <= few
    assert all({x.a_section, x.b_section} <= few for x in narrow.reuse.pairs)
    for pair in narrow.reuse.pairs:
        assert narrow.pairs_of(pair.a_section)
    one = row_marks(sample_project, [row], {row.members[0].section_id})[row.key]
    assert one.phrases == [] and one.reuse.pairs == []


def test_marks_report_progress_and_stop_on_cancel(sample_project):
    comparison = compare.run_alignment(sample_project)
    seen = []
    ids = {m.section_id for r in comparison.rows for m in r.members}
    out = row_marks(sample_project, comparison.rows, ids, lambda d, t, _n: seen.append((d, t)))
    assert set(out) == {r.key for r in comparison.rows}
    assert seen[-1] == (len(comparison.rows), len(comparison.rows))
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        row_marks(sample_project, comparison.rows, ids, cancel=token)


def test_choices_and_names(sample_project):
    got = compare.choices(sample_project)
    assert "吉县" in got.counties and got.counties == sorted(got.counties)
    assert "吕梁市" in got.prefectures and got.years == sorted(set(got.years)) and 2022 in got.years
    assert split_names("离石区、文水县, 吉县；新绛县  方山县") == ["离石区", "文水县", "吉县", "新绛县", "方山县"]
    assert split_names("") == [] and split_names(" 2019-2021 ") == ["2019-2021"]
