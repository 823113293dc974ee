"""The year a report speaks of."""

from __future__ import annotations

import pytest

from reader.core.structure.years import unit_year


@pytest.mark.parametrize(
    ("title", "body", "session", "year"),
    [
        ("某县人大常委会2023年工作报告", "2024年的任务。", 2024, 2023),  # the title names it
        (None, "关于2020年的工作。2020年，常委会。", 2021, 2021),  # the meeting it was given at
        (None, "2024年工作安排：2023年以来，常委会。2023年，2023年。", None, 2024),  # the year it plans for
        (None, "从2021年起，全县推行票决制。2023年，常委会依法履职。", None, 2023),
        (None, "自2017年以来，常委会坚持。", None, None),  # a start year is not the report's year
        (None, "2023年以来，常委会依法履职。", None, 2023),  # this year so far
    ],
)
def test_unit_year(title, body, session, year):
    assert unit_year(title, body, session=session) == year
