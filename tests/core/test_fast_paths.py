"""The fast paths of import agree with the plain definitions they replace: the offset map's runs,
the search index's tokens (a code point each), a line's visual width, and the decision to convert traditional script
(which must not run OpenCC for a simplified document)."""

from __future__ import annotations

import re
from array import array

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.clean import ocr, script
from reader.core.offsets import OffsetMap
from reader.core.store.fulltext import tokens_text
from reader.resources import resource_path


def runs_by_definition(sources: list[int]) -> list[tuple[int, int, int]]:
    runs: list[tuple[int, int, int]] = []
    for i, j in enumerate(sources):
        if runs and runs[-1][0] + runs[-1][2] == i and runs[-1][1] + runs[-1][2] == j:
            runs[-1] = (runs[-1][0], runs[-1][1], runs[-1][2] + 1)
        else:
            runs.append((i, j, 1))
    return runs


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=3), max_size=80))
def test_offset_runs_are_the_maximal_runs(steps):
    sources, pos = [], 0
    for s in steps:
        pos += s
        sources.append(pos)
    assert OffsetMap.from_sources(array("q", sources), pos + 1).runs() == runs_by_definition(sources)


def tokens_by_definition(text: str) -> str:
    return " ".join(f"{ord(ch):08x}" for ch in text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_index_tokens_are_each_characters_code_point(text):
    assert tokens_text(text) == tokens_by_definition(text)


@given(st.text(alphabet=st.sampled_from(list("代表12ab，。 .\u2e7f\u2e80")), max_size=40))
def test_visual_width_counts_narrow_characters_as_half(line):
    assert ocr.visual_width(line) == round(sum(0.5 if ord(ch) < 0x2E80 else 1 for ch in line))


def test_simplified_text_is_decided_without_opencc():
    text = resource_path("sample", "000_31e8ac0237fc797b.txt").read_text(encoding="utf-8")
    script._converter.cache_clear()
    assert not script.is_mostly_traditional(text)
    assert script._converter.cache_info().misses == 0  # OpenCC never loaded
    table = script._by_character()[0]  # OpenCC's character table, read from its dictionaries
    assert table and ord("學") in table and ord("学") not in table


def test_the_quick_decision_agrees_with_opencc_on_every_sample():
    for path in sorted(resource_path("sample").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert script.is_mostly_traditional(text) == (script.traditional_share(text) >= script.TRADITIONAL_SHARE)
    assert script.is_mostly_traditional(resource_path("sample", "001_ba0517a13db5945e.txt").read_text(encoding="utf-8"))


def test_t2s_by_character_equals_opencc_line_by_line():
    from reader.bench.generate import _to_traditional

    sample = resource_path("sample", "001_ba0517a13db5945e.txt").read_text(encoding="utf-8")
    made = _to_traditional(resource_path("sample", "002_ffee44a947e36dc2.txt").read_text(encoding="utf-8"))
    edges = "乾隆年間，二噁英與情有獨鍾的老態龍鍾。著名的朝著方向\n一目瞭然，上鍊 不瞭解 𠮷開會\n\n"
    for text in (sample, made, edges):
        expected = "\n".join(script._converter().convert(line) for line in text.split("\n"))
        assert script.convert_t2s(text) == expected
    assert script._by_character() is not None  # the fast path ran


def substitute_by_definition(mt, pattern, repl):
    """The map of a substitution, character by character, as the docstring of substitute says."""
    text, src = mt.text, mt.sources
    out, sources, pos = [], [], 0
    for m in pattern.finditer(text):
        s, e = m.span()
        new = repl(m) if callable(repl) else m.expand(repl)
        if new == text[s:e]:
            continue
        out.append(text[pos:s])
        sources += list(src[pos:s])
        out.append(new)
        if e > s:
            sources += [src[min(s + k, e - 1)] for k in range(len(new))]
        else:
            sources += [src[s] if s < len(src) else mt.original_length] * len(new)
        pos = e
    out.append(text[pos:])
    sources += list(src[pos:])
    return "".join(out), sources


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("代表,.;:a b\n（）")), max_size=50))
def test_substitute_maps_every_character_as_defined(text):
    import re

    from reader.core.clean.textmap import MappedText, substitute

    mt = MappedText.identity(text)
    for pattern, repl in ((re.compile(","), "，"), (re.compile(r"[.;]"), lambda m: {".": "。", ";": "；"}[m.group()]),
                          (re.compile(" +"), ""), (re.compile("表"), "表示"), (re.compile("(?=代)"), "※"),
                          (re.compile(r"(a)(\s)"), r"\2\1"), (re.compile("\n"), "\\n")):
        got = substitute(mt, pattern, repl)
        assert (got.text, list(got.sources)) == substitute_by_definition(mt, pattern, repl)


def test_the_identity_map_is_a_range_at_every_length(monkeypatch):
    from reader.core import offsets
    from reader.core.clean import textmap

    monkeypatch.setattr(offsets, "_COUNTING", array("q"))
    monkeypatch.setattr(offsets, "COUNTING_KEPT", 1 << 17)
    for n in (0, 1, 5, 1 << 16, (1 << 16) + 3, 1 << 17, (1 << 17) + 1, 10):
        mt = textmap.MappedText.identity("x" * n)
        assert mt.sources == array("q", range(n)) and mt.original_length == n
    assert len(offsets._COUNTING) <= 1 << 17


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(min_value=0, max_value=2), st.integers(min_value=1, max_value=300)),
                max_size=40), st.integers(min_value=0, max_value=3))
def test_offset_runs_of_long_runs_are_the_maximal_runs(pieces, kept):
    """Runs of any length (found by comparing slices), many short ones (found by shift), sources
    that repeat or reach past the counting array kept (COUNTING_KEPT): the runs by definition."""
    from reader.core import offsets

    sources, pos = [], 0
    for jump, length in pieces:
        pos += jump
        sources += range(pos, pos + length) if length > 3 else [pos] * length
        pos = sources[-1] + (length > 3)
    limit = (None, 64, 400, 1 << 21)[kept]
    if limit is not None:
        offsets.COUNTING_KEPT, before = limit, offsets.COUNTING_KEPT
    try:
        assert OffsetMap.from_sources(array("q", sources), pos + 1).runs() == runs_by_definition(sources)
        assert OffsetMap.from_sources(sources, pos + 1).runs() == runs_by_definition(sources)
    finally:
        if limit is not None:
            offsets.COUNTING_KEPT = before


def share_by_definition(text: str) -> float:
    sample = script._sample(text)
    if not sample:
        return 0.0
    converted = sample.translate(script._by_character()[0])
    return sum(1 for a, b in zip(sample, converted, strict=False) if a != b) / len(sample)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("学學國国著著干乾后後里裡a1 ，\n")), max_size=80))
def test_traditional_share_counts_the_characters_the_table_changes(text):
    assert script.traditional_share(text) == share_by_definition(text)


def _table_characters() -> list[str]:
    """Characters t2s's table changes and keeps, in the basic plane and beyond it, and others."""
    table = script._by_character()[0]
    changed = sorted(chr(k) for k, v in table.items() if chr(k) != v)
    kept = sorted(chr(k) for k, v in table.items() if chr(k) == v)
    beyond = [ch for ch in changed if ord(ch) > 0xFFFF]
    assert beyond and kept  # the table has both: the test covers them
    return changed[:40] + beyond[:10] + kept[:5] + ["\U00020000", "\U0001F600", "学", "a", "\n"]


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_the_changed_characters_are_counted_by_class_as_by_comparison(data):
    """The count by character class (_changed_counter) is the comparison with str.translate, for
    characters of every plane the table changes or keeps, and characters it does not hold."""
    text = data.draw(st.text(alphabet=st.sampled_from(_table_characters()), max_size=120))
    count = script._changed_counter()
    assert count is not None  # the class is used
    assert script.traditional_share(text) == share_by_definition(text)
    converted = text.translate(script._by_character()[0])
    assert count(text) == sum(1 for a, b in zip(text, converted, strict=True) if a != b)


def han_share_by_definition(text: str, sample: int = 200_000) -> float:
    from reader.core.readers import decode

    common = decode.common_hanzi()
    other = [ch for ch in text[:sample] if ord(ch) >= 0x80]
    if not other:
        return 1.0
    return sum(1 for ch in other if decode._good(ch, common)) / len(other)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("代表學国鍖犲ab1 \n，。“”—…·–•\u3000\uff01\u2fff𠮷\U00031350é\x85\ufffd")), max_size=60))
def test_han_share_counts_the_characters_good_accepts(text):
    from reader.core.readers.decode import han_share

    assert han_share(text) == han_share_by_definition(text)
    assert han_share(text, 7) == han_share_by_definition(text, 7)


@given(st.binary(max_size=80))
def test_high_bytes_are_counted_as_bytes_at_or_above_0x80(line):
    from reader.core.readers.decode import _HIGH_BYTES

    assert len(line) - len(line.translate(None, _HIGH_BYTES)) == sum(1 for b in line if b >= 0x80)


CLEANING_ALPHABET = list("代表学县（）()?？\ufffd┍─ \n\"“，,;:!xuéānAZ学\u3000\t\u200b#【】[]字号体首页位置期·12来源时间日期作者：年月日-./。")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(CLEANING_ALPHABET), max_size=40))
def test_patterns_tried_only_where_their_matches_begin_find_what_finditer_finds(text):
    """The cleaning's fast paths (textmap.finditer_at): each pattern with the characters its
    matches begin with finds what finditer finds; a text without the characters a step needs has no
    match for it."""
    from reader.core.clean import furniture, lines, ocr, pinyin, punct, textmap
    from reader.core.clean.textmap import finditer_at

    for pattern, starts in ((punct.DAMAGE, punct.DAMAGE_STARTS), (punct._QUESTION, punct.QUESTION_STARTS),
                            (punct._QUOTED, punct.QUOTED_STARTS), (pinyin._GLOSS, pinyin.GLOSS_STARTS),
                            (pinyin._TONED_GLOSS, pinyin.GLOSS_STARTS), (pinyin._TRUNCATED, pinyin.GLOSS_STARTS),
                            (pinyin._DEGRADED_GLOSS, pinyin.GLOSS_STARTS), (lines._EDGE_SPACES, lines.EDGE_SPACE_STARTS),
                            (ocr._SPACE_IN_CHINESE, ocr.SPACE_STARTS), (punct._NEAR_CJK, punct.NEAR_CJK_STARTS)):
        assert [m.span() for m in finditer_at(pattern, starts, text)] == [m.span() for m in pattern.finditer(text)]
    for pattern, needs in ((punct._NEAR_CJK, punct._ASCII_MARK), (pinyin._RESIDUE, pinyin._LOST),
                           (lines._INVISIBLE_BREAK, lines.ZERO_WIDTH), (lines._MARKDOWN, re.compile("#")),
                           (lines._BLANK_RUNS, re.compile("\n\n")), (furniture._SIZE_SWITCH, furniture.SIZE_SWITCH_NEEDS),
                           (furniture._BREADCRUMB, furniture.BREADCRUMB_NEEDS), (furniture._WHERE_LINE, furniture.WHERE_NEEDS),
                           (furniture._RUNNING_HEAD, furniture.RUNNING_HEAD_NEEDS), (pinyin._GLOSS, pinyin.GLOSS_NEEDS),
                           (pinyin._TONED_GLOSS, pinyin.GLOSS_NEEDS), (pinyin._TRUNCATED, pinyin.GLOSS_NEEDS),
                           (pinyin._DEGRADED_GLOSS, pinyin.GLOSS_NEEDS), (pinyin._RESIDUE, pinyin.RESIDUE_NEEDS)):
        assert needs.search(text) or not pattern.search(text)
    # a text's blank edges are only where it begins or ends with a line break
    assert text.startswith("\n") or text.endswith("\n") or not lines._EDGES.search(text)
    # the edges cut off directly are the pattern's matches
    mt = textmap.MappedText.identity(text)
    cut, by_pattern = lines._drop_edges(mt), textmap.substitute(mt, lines._EDGES, "")
    assert (cut.text, list(cut.sources)) == (by_pattern.text, list(by_pattern.sources))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(CLEANING_ALPHABET), max_size=60))
def test_the_cleaning_with_its_fast_paths_is_the_cleaning_by_its_patterns(text):
    """Every step whose patterns have fast paths gives, on any text, what its patterns alone give."""
    from reader.core.clean import furniture, lines, ocr, pinyin, punct, textmap

    mt = textmap.MappedText.identity(text)
    plain = _WithoutFastPaths()
    for step in (lines.join_across_invisible_lines, lines.trim_lines, lines.drop_blank_lines, ocr.remove_spaces_in_chinese,
                 punct.widen_punctuation, pinyin.remove_pinyin_glosses, furniture.drop_web_furniture,
                 furniture.drop_page_furniture):
        fast = step(mt)
        with plain:
            slow = step(mt)
        assert (fast.text, list(fast.sources)) == (slow.text, list(slow.sources)), step.__name__
    notes_fast, notes_slow = lines.StepNotes(), lines.StepNotes()
    fast = lines.strip_markdown_headings(mt, notes_fast)
    with plain:
        slow = lines.strip_markdown_headings(mt, notes_slow)
    assert (fast.text, list(fast.sources), notes_fast.hints) == (slow.text, list(slow.sources), notes_slow.hints)


class _WithoutFastPaths:
    """Every gate passes and every pattern is tried everywhere (finditer): the steps by their patterns."""

    def __enter__(self):
        import pytest

        from reader.core.clean import furniture, lines, ocr, pinyin, punct, textmap

        self.mp = pytest.MonkeyPatch()
        everything = re.compile("")  # found in any text
        for module, name in ((lines, "ZERO_WIDTH"), (furniture, "SIZE_SWITCH_NEEDS"), (furniture, "BREADCRUMB_NEEDS"),
                             (furniture, "WHERE_NEEDS"), (furniture, "RUNNING_HEAD_NEEDS"), (punct, "_ASCII_MARK"),
                             (pinyin, "_LOST"), (pinyin, "GLOSS_NEEDS"), (pinyin, "RESIDUE_NEEDS")):
            self.mp.setattr(module, name, everything)
        self.mp.setattr(furniture, "_has_colon", lambda line: True)
        self.mp.setattr(lines, "_drop_edges", lambda mt: textmap.substitute(mt, lines._EDGES, ""))
        real = textmap.finditer_at
        for module in (lines, ocr, punct, pinyin, furniture, textmap):
            if hasattr(module, "finditer_at"):
                self.mp.setattr(module, "finditer_at", lambda pattern, _starts, text, real=real: real(pattern, None, text))
        return self

    def __exit__(self, *exc):
        self.mp.undo()


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("…….·-—－ \t\n12٣９x。目录")), max_size=30))
def test_a_table_of_contents_line_is_found_as_by_its_pattern(text):
    from reader.core.structure import front

    assert front.toc_entry(text) == bool(front.TOC_ENTRY.search(text))
    for line in ("甲乙…………3", "一、丙丁....12\n", "第三部分——— ١٢", "目录 ---- 7。"):
        assert front.toc_entry(line) == bool(front.TOC_ENTRY.search(line))


META_PIECES = ["来源：", "来源:", "时间：", "日期：", "作者：", "字号:", "编辑：", "2024-01-02", "2023年5月6日", "10:30",
               "某某", "报告", "。", " ", "\u3000", "\n", "代表", "时"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(META_PIECES), max_size=16))
def test_metadata_lines_are_dropped_as_by_their_pattern(pieces):
    """Web furniture with its gate (_has_colon: a line dropped as metadata holds a label, which
    ends with a colon) is the step by its patterns, on lines of labels, dates and text."""
    from reader.core.clean import furniture, textmap

    mt = textmap.MappedText.identity("".join(pieces))
    fast = furniture.drop_web_furniture(mt)
    with _WithoutFastPaths():
        slow = furniture.drop_web_furniture(mt)
    assert (fast.text, list(fast.sources)) == (slow.text, list(slow.sources))
    dropped = furniture.drop_web_furniture(textmap.MappedText.identity("正文。\n来源：某某 时间：2024-01-02\n正文。"))
    assert dropped.text == "正文。\n\n正文。"


GLOSS_PIECES = ["学", "县", "(", "（", ")", "）", "?", "？", "x", "zh", "sh", "ué", "ng", "n", "r", "A", "app", "，", "\n"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(GLOSS_PIECES), max_size=24))
def test_pinyin_glosses_are_removed_as_by_their_patterns(pieces):
    """The glosses' gates (GLOSS_NEEDS, RESIDUE_NEEDS) hold before every match of their patterns,
    and the step with them is the step by its patterns, on texts of brackets, letters and lost
    characters (学(), 学(?), 学(zh), ??x学)."""
    from reader.core.clean import pinyin, textmap

    text = "".join(pieces)
    for pattern, needs in ((pinyin._GLOSS, pinyin.GLOSS_NEEDS), (pinyin._TONED_GLOSS, pinyin.GLOSS_NEEDS),
                           (pinyin._TRUNCATED, pinyin.GLOSS_NEEDS), (pinyin._DEGRADED_GLOSS, pinyin.GLOSS_NEEDS),
                           (pinyin._RESIDUE, pinyin.RESIDUE_NEEDS)):
        assert needs.search(text) or not pattern.search(text)
    mt = textmap.MappedText.identity(text)
    fast = pinyin.remove_pinyin_glosses(mt)
    with _WithoutFastPaths():
        slow = pinyin.remove_pinyin_glosses(mt)
    assert (fast.text, list(fast.sources)) == (slow.text, list(slow.sources))
    for degraded in ("学()", "学(?)", "学（）", "学(zh)"):
        assert pinyin.GLOSS_NEEDS.search(degraded) and pinyin._DEGRADED_GLOSS.search(degraded)


MARKER_ALPHABET = list("一二十百两壹拾〇第部分篇章是首先其次再最后（）()、.．，,:：12０３٣①⑳x代表 \t")


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(MARKER_ALPHABET), max_size=12))
def test_markers_are_found_as_by_their_patterns(line):
    """marker_of and run_in_of try their patterns only on a line that begins with a character a
    marker can begin with: the same answers as the patterns alone (digits of every script too)."""
    from reader.core.structure import markers

    assert markers.marker_of(line) == markers._marker_by_patterns(line)
    assert markers.run_in_of(line) == markers._run_in_by_pattern(line)
    for example in ("一、甲", "（二）乙", "3.丙", "٣．", "３、", "⑳x", "第一部分", "首先，", "二是", "丁"):
        assert markers.marker_of(example) == markers._marker_by_patterns(example)
        assert markers.run_in_of(example) == markers._run_in_by_pattern(example)
