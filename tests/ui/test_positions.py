from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reader.ui.positions import Utf16Index


def utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def test_offsets_after_rare_hanzi():
    text = "𠮷野家在𡈼州代表联络站"
    idx = Utf16Index(text)
    cp = text.index("代表")
    assert idx.to_utf16(cp) == utf16_len(text[:cp]) == cp + 2
    assert idx.to_code_point(cp + 2) == cp


@given(st.text(alphabet=st.sampled_from(list("代表a𠮷𡈼\n。")), max_size=40))
def test_round_trip_for_every_position(text):
    idx = Utf16Index(text)
    for cp in range(len(text) + 1):
        u = idx.to_utf16(cp)
        assert u == utf16_len(text[:cp])
        assert idx.to_code_point(u) == cp
