from __future__ import annotations

from reader.core.ingest.anchor import Anchor, place

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


# -- issue 14: re-anchoring is near-linear in the passage and its text -------------------------------


def _report_text() -> str:
    from tests.conftest import SAMPLES

    return "".join(p.read_text(encoding="utf-8") for p in SAMPLES)


def _one_comma_changed(text: str, start: int, n: int) -> tuple[Anchor, str, int]:
    quote = text[start : start + n]
    k = start + quote.index("，", n // 2)
    return anchor_at(text, start, start + n, 30), text[:k] + "、" + text[k + 1 :], k


def test_a_long_passage_with_one_comma_changed_is_found_again_at_once():
    """A passage of 3,300 characters whose text changed by one comma took over ten minutes (every
    window length around every seed was scored in full); now a handful of alignments, in a
    process of its own so that a regression fails instead of hanging the suite."""
    import subprocess
    import sys

    script = (
        "from tests.core.ingest.test_anchor import _report_text, _one_comma_changed\n"
        "from reader.core.ingest.anchor import place\n"
        "text = _report_text()\n"
        "for n in (1500, 3300):\n"
        "    anchor, new, k = _one_comma_changed(text, 2000, n)\n"
        "    p = place(new, anchor)\n"
        "    assert p is not None and not p.exact and (p.start, p.end) == (2000, 2000 + n), (n, p)\n"
        "    assert p.ratio > 0.999, p\n"
        "from tests.core.ingest.test_anchor import repetitive_case\n"
        "p = place(*repetitive_case())\n"
        "assert p is not None and p.ratio >= 0.8, p\n"
        "print('ok')\n"
    )
    from tests.conftest import ROOT

    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0 and run.stdout.strip() == "ok", run.stderr


def test_fuzzy_placement_of_passages_cleaning_changed_in_several_ways():
    """Edits at the ends, a line joined, punctuation widened, page furniture dropped in the middle:
    each passage is found again where it now is."""
    text = _report_text()
    cases = []
    s, n = 5000, 900
    quote = text[s : s + n]
    a = anchor_at(text, s, s + n, 20)
    # widened punctuation all through, and the first character changed
    new = text[:s] + "X" + quote[1:].replace(",", "，") + text[s + n :]
    cases.append((a, new, s, s + n))
    # a furniture line of 60 characters dropped from the middle of the passage
    quote2 = quote[:400] + "第3页 共20页 某某县人民代表大会常务委员会办公室印发 二〇二三年一月" * 1 + quote[400:]
    old2 = text[:s] + quote2 + text[s + n :]
    a2 = anchor_at(old2, s, s + len(quote2), 20)
    cases.append((a2, text, s, s + n))
    for anchor, new_text, start, end in cases:
        p = place(new_text, anchor)
        assert p is not None and abs(p.start - start) <= 1 and abs(p.end - end) <= 1, (p, start, end)


def repetitive_case() -> tuple[str, Anchor]:
    """The same characters over and over (the worst case of the likeness measure) in a text that
    repeats them too."""
    return "前言。" + "人大" * 5000 + "结束。", Anchor("人大" * 1500 + "，" + "人大" * 150, "前言。", "", 3)
