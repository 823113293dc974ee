from __future__ import annotations

from reader.core.structure.sentences import sentence_spans
from reader.core.tagging.suggest import ThemeKeywords, suggest

TEXT = "建成代表联络站12个。开展执法检查3次；专题询问1次! 代表建议156件办结。Mr. Wang 来访"


def test_sentences_end_at_chinese_marks_not_at_dot_space():
    spans = [TEXT[s:e] for s, e in sentence_spans(TEXT)]
    assert spans == ["建成代表联络站12个。", "开展执法检查3次；", "专题询问1次!", "代表建议156件办结。", "Mr. Wang 来访"]


def test_suggestions_name_their_keywords_and_skip_tagged_sentences():
    themes = [ThemeKeywords(1, ("代表联络站", "代表建议")), ThemeKeywords(2, ("执法检查", "专题询问"))]
    found = suggest(TEXT, themes)
    assert [(TEXT[s.start : s.end], s.theme_id) for s in found] == [
        ("建成代表联络站12个。", 1),
        ("开展执法检查3次；", 2),
        ("专题询问1次!", 2),
        ("代表建议156件办结。", 1),
    ]
    taken = [(0, 5, 1)]
    assert all(not (s.start == 0 and s.theme_id == 1) for s in suggest(TEXT, themes, taken=taken))


def test_suggestions_within_a_section_only():
    themes = [ThemeKeywords(1, ("代表",))]
    start = TEXT.index("开展")
    end = TEXT.index("代表建议")
    assert suggest(TEXT, themes, start=start, end=end) == []
