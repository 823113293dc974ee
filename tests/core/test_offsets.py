"""The offset map: monotonic, every cleaned character maps into the original, JSON round trip."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.clean.pipeline import clean
from reader.core.offsets import OffsetMap

ALPHABET = st.sampled_from(list("代表人大常委会學習貫徹,，、。;?？() \n\u3000#□𠮷𡈼xuéaA1图片"))


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=120))
def test_cleaning_map_is_monotonic_and_inside_the_original(text):
    cleaned = clean(text)
    positions = [cleaned.offsets.to_original(i) for i in range(len(cleaned.text))]
    assert positions == sorted(positions)
    assert all(0 <= p < len(text) for p in positions)
    assert cleaned.offsets.to_original(len(cleaned.text)) == len(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=3), max_size=60))
def test_json_round_trip_and_to_cleaned_inverts(steps):
    sources, pos = [], 0
    for s in steps:
        pos += s
        sources.append(pos)
        pos += 1
    m = OffsetMap.from_sources(sources, pos)
    again = OffsetMap.from_json(m.to_json())
    assert [again.to_original(i) for i in range(len(sources))] == sources
    for i, j in enumerate(sources):
        assert again.to_cleaned(j) == i


def test_span_to_original_covers_the_passage():
    original = "學(xué)習(xí)貫徹"
    cleaned = clean(original)
    start, end = cleaned.offsets.span_to_original(0, len(cleaned.text))
    assert (start, end) == (0, len(original))
