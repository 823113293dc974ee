"""The ends of a selection before it is tagged: loose punctuation and white space go, marks whose
partner is inside stay, figures keep their signs."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.tagging.passage_bounds import trim_span


def trimmed(text: str) -> str | None:
    span = trim_span(text, 0, len(text))
    return None if span is None else text[span[0] : span[1]]


@pytest.mark.parametrize(
    "selected, kept",
    [
        ("。全区共建代表联络站12个", "全区共建代表联络站12个"),
        ("。全区共建代表联络站12个。", "全区共建代表联络站12个"),
        ("，\n  全区共建代表联络站12个；", "全区共建代表联络站12个"),
        ("审议《监督法》", "审议《监督法》"),
        ("《监督法》。", "《监督法》"),
        ("“四个机关”建设", "“四个机关”建设"),
        ("机关”建设", "机关”建设"),  # a mark inside, not at an end, is left as it is
        ("机关”", "机关"),  # a closer without its opener at an end goes
        ("增长30%。", "增长30%"),
        ("增长3‰，", "增长3‰"),
        ("（一）加强监督", "（一）加强监督"),
        ("加强监督（", "加强监督"),
        ("……", None),
        ("  \n", None),
        ("“", None),
    ],
)
def test_trim(selected, kept):
    assert trimmed(selected) == kept


def test_offsets_are_of_the_whole_text():
    text = "热潮。组织机关全体党员干部参观。"
    i = text.index("。")
    assert trim_span(text, i, len(text)) == (i + 1, len(text) - 1)


@given(st.text(alphabet="甲乙。，、；：！？“”《》（）% \n", max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_trimmed_span_lies_inside_and_is_stable(text, a, b):
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    span = trim_span(text, start, end)
    if span is None:
        return
    s, e = span
    assert start <= s < e <= end
    assert trim_span(text, s, e) == (s, e)  # trimming again changes nothing
    assert not text[s].isspace() and not text[e - 1].isspace()
