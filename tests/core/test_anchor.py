from __future__ import annotations

from reader.core.anchor import Anchor, place

TEXT = "县人大常委会建成代表联络站12个，代表联络站覆盖全县。今年又新建代表联络站3个。"


def anchor_at(text: str, start: int, end: int, ctx: int = 6) -> Anchor:
    return Anchor(text[start:end], text[max(0, start - ctx) : start], text[end : end + ctx], start)


def test_exact_quote_found_where_its_context_fits():
    start = TEXT.index("代表联络站3个")
    a = anchor_at(TEXT, start, start + 5)
    moved = "前言一段。" + TEXT
    p = place(moved, a)
    assert p.exact and moved[p.start : p.end] == "代表联络站" and p.start == start + 5


def test_repeated_quote_uses_context_not_first_hit():
    start = TEXT.index("代表联络站覆盖")
    a = anchor_at(TEXT, start, start + 5)
    p = place(TEXT, a)
    assert p.start == start


def test_fuzzy_when_cleaning_changed_the_quote():
    old = "认真学习贯彻习近平总书记关于坚持和完善人民代表大会制度的重要思想,,做到两个维护"
    a = anchor_at(old, 2, len(old))
    new = "前言。认真学习贯彻习近平总书记关于坚持和完善人民代表大会制度的重要思想，做到两个维护"
    p = place(new, a)
    assert p is not None and not p.exact and p.ratio >= 0.8
    assert new[p.start : p.end].startswith("学习贯彻")


def test_unplaceable_passage_is_reported_as_none():
    a = Anchor("完全不存在的一段话语内容", "", "", 0)
    assert place(TEXT, a) is None
