"""Property tests (issue 7, section 6) on generated input: the cleaning's offset map on messy text,
the nesting and coverage of units and sections on generated reports, and export to .qdpx then
import into an empty project. Example counts are kept modest so the suite stays fast."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.clean.pipeline import clean
from reader.core.export import Selection, records, write_qdpx
from reader.core.ingest.importing import import_paths
from reader.core.model import RawDocument
from reader.core.store import documents, passages
from reader.core.store.db import open_project
from reader.core.structure import speech
from reader.core.structure import units as structure

# -- messy text ----------------------------------------------------------------------------------

SIMPLIFIED = "人大常委会坚持党的领导依法履职加强监督工作推进代表联络站建设"
TRADITIONAL = "學習貫徹會議精神堅持黨的領導依法履職加強監督工作推進代表聯絡站建設"
FULL_WIDTH = "ＡＢＣ１２３４５６７８９０ａｂｃ　（）［］：；！？％"
HALF_WIDTH = "ABC123abc(),.;:!?% "
PUNCT = "，。、；：“”‘’（）《》——……,,。。！！"
JUNK_LINES = [
    "分享到微信", "打印本页", "关闭窗口", "【字体：大 中 小】", "责任编辑：张三", "来源：县人大", "- 3 -", "第 2 页 共 5 页",
    "# 一、标题", "## （二）小标题", "xué xí (xuéxí)", "图片", "□", "𠮷𡈼", "\u3000\u3000", "\t", "阅读 1234",
]
LINE_ENDS = ["\n", "\r\n", "\r", "\n\n", "\u2028", "\x0c"]

_chars = st.text(alphabet=st.sampled_from(SIMPLIFIED + TRADITIONAL + FULL_WIDTH + HALF_WIDTH + PUNCT + " \u3000"),
                 min_size=1, max_size=40)
_line = st.one_of(_chars, st.sampled_from(JUNK_LINES), st.builds(lambda a, b: a + " " + b, _chars, _chars))
messy_text = st.lists(st.tuples(_line, st.sampled_from(LINE_ENDS)), min_size=1, max_size=25).map(
    lambda parts: "".join(line + end for line, end in parts)
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(messy_text)
def test_offset_map_monotonic_and_inside_the_original(text):
    cleaned = clean(RawDocument(text=text, encoding=None, format="txt"))
    m = cleaned.offsets
    positions = [m.to_original(i) for i in range(len(cleaned.text))]
    assert positions == sorted(positions)  # monotonic
    assert all(0 <= p < len(text) for p in positions)  # every cleaned character comes from the original
    assert m.to_original(len(cleaned.text)) == len(text)
    for i, p in enumerate(positions):
        assert m.to_cleaned(p) <= i  # back and forth never passes the character
        s, e = m.span_to_original(i, i + 1)
        assert 0 <= s < e <= len(text)
    for i, ch in enumerate(cleaned.text):  # a character kept as it was maps onto itself
        if ch in SIMPLIFIED and text[positions[i]] in SIMPLIFIED:
            assert text[positions[i]] == ch


# -- generated reports ---------------------------------------------------------------------------

NUMERALS = "一二三四五六七八九十"
TOPICS = ["加强监督工作", "做好代表工作", "推进依法履职", "服务中心大局", "加强自身建设", "今年工作安排"]
BODY = st.text(alphabet=st.sampled_from(SIMPLIFIED + "，。"), min_size=20, max_size=120).map(lambda t: t + "。")


def _heading(style: str, k: int, topic: str) -> str:
    n = NUMERALS[k % 10]
    return {
        "cn": f"{n}、{topic}",
        "paren": f"（{n}）{topic}",
        "arabic": f"{k + 1}.{topic}",
        "chapter": f"第{n}部分 {topic}",
        "lead": f"{n}是{topic}。",
        "bracket": f"【{topic}】",
        "markdown": f"## {topic}",
    }[style]


@st.composite
def reports(draw) -> str:
    top = draw(st.sampled_from(["cn", "chapter", "markdown", "bracket"]))
    sub = draw(st.sampled_from(["paren", "arabic", "lead", "cn"]))
    lines = [draw(st.sampled_from(["某某县人民代表大会常务委员会工作报告", "常委会工作报告", ""]))]
    speech = draw(st.booleans())  # a speech: salutation and closing appeal, then back matter
    if speech:
        lines += draw(st.lists(st.sampled_from(FRONT_LINES), max_size=4)) + ["各位代表："]
    lines.append(draw(BODY))
    for k in range(draw(st.integers(0, 5))):
        lines.append(_heading(top, k, draw(st.sampled_from(TOPICS))))
        lines.append(draw(BODY))
        for j in range(draw(st.integers(0, 3))):
            lines.append(_heading(sub, j, draw(st.sampled_from(TOPICS))))
            lines.extend(draw(st.lists(BODY, min_size=1, max_size=2)))
    if speech and draw(st.booleans()):
        lines.append("各位代表！让我们团结一心，为实现今年目标任务而努力奋斗！")
        lines += draw(st.lists(st.sampled_from(BACK_LINES), min_size=1, max_size=4))
    return "\n".join(x for x in lines if x)


FRONT_LINES = ["——2024年1月8日在某某县第十八届人民代表大会第三次会议上", "来源：某某日报", "县人大常委会主任 张某",
               "张某作常委会工作报告。本报记者 李某 摄", "下载", "【字号：", "加大", "】"]
BACK_LINES = ["附件", "名词解释", "1.“两新”：指设备更新和以旧换新。", "一、提高低保标准。", "相关报道：", "十件民生实事"]


def _check_sections(sections, lo: int, hi: int, depth: int) -> None:
    for i, s in enumerate(sections):
        assert lo <= s.start <= s.heading_end <= s.end <= hi  # nested in the parent's body
        assert s.level == depth
        if i:
            assert sections[i - 1].end == s.start  # siblings follow each other without gap or overlap
        _check_sections(s.children, s.heading_end, s.end, depth + 1)
    if sections:
        assert sections[-1].end == hi  # the last one runs to the end of its parent


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_units_and_sections_nest_and_cover_the_text(report):
    cleaned = clean(RawDocument(text=report, encoding=None, format="md"))
    units = structure.find_units(cleaned.text, cleaned.hints, "report.md", published=cleaned.published)
    assert units and units[0].start == 0 and units[-1].end == len(cleaned.text)
    for a, b in zip(units, units[1:], strict=False):
        assert a.end == b.start  # units cover the whole text
    for u in units:
        # the top sections end at the unit's end, or where back matter after a speech's closing appeal
        # begins: that holds no heading
        body_end = u.sections[-1].end if u.sections else u.end
        if body_end < u.end:  # back matter begins after the closing appeal, or at a heading of its own (附件)
            after = cleaned.text[body_end : u.end].strip().split("\n")[0]
            assert cleaned.text[u.start : body_end].rstrip().endswith("而努力奋斗！") or speech.BACK_HEAD.match(after), \
                "back matter only after the appeal or under its own heading"
        _check_sections(u.sections, u.start, body_end, 1)
        for s in (x for top in u.sections for x in _walk(top)):
            assert cleaned.text[s.start : s.heading_end].strip()  # a heading is text of its own


def _walk(s):
    yield s
    for c in s.children:
        yield from _walk(c)


# -- export then import --------------------------------------------------------------------------


@st.composite
def tagging(draw, length: int, themes: list[int]):
    spans = []
    for _ in range(draw(st.integers(1, 6))):
        start = draw(st.integers(0, length - 2))
        end = draw(st.integers(start + 1, min(length, start + 60)))
        spans.append((start, end, draw(st.lists(st.sampled_from(themes), min_size=1, max_size=3, unique=True))))
    return spans


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(report=reports(), data=st.data())
def test_qdpx_export_then_import_round_trips_passages(tmp_path_factory, report, data):
    folder = tmp_path_factory.mktemp("roundtrip")
    path = folder / "report.txt"
    path.write_text("𠮷" + report + "\r\n", encoding="utf-8")
    with open_project(folder / "a.renda") as project:
        (item,) = import_paths(project, [path]).items
        assert item.status == "imported", item.error
        themes = [r[0] for r in project.db.execute("SELECT id FROM themes ORDER BY id LIMIT 6")]
        unit = item.units[0].id
        text = documents.unit_text(project, unit)
        for start, end, tids in data.draw(tagging(len(text), themes)):
            if text[start:end].strip():
                passages.tag(project, unit, start, end, tids, note=text[start:end][:5].strip())  # notes are kept trimmed
        out = folder / "a.qdpx"
        write_qdpx(project, out, line_endings=data.draw(st.sampled_from(["lf", "crlf"])))
        before = _key(project)
    with open_project(folder / "b.renda", codebook=False) as other:
        (back,) = import_paths(other, [out]).items
        assert back.status == "imported", back.error
        assert _key(other) == before


def _key(project) -> list[tuple]:
    return sorted((r.quote, r.start, r.end, tuple(r.themes), r.note) for r in records(project, Selection()))


# -- passages found again ------------------------------------------------------------------------


@st.composite
def edited(draw):
    """A text, a passage in it, and the text edited outside the passage (characters inserted and
    deleted before and after it, as a changed cleaning rule would)."""
    text = draw(st.text(alphabet=st.sampled_from(SIMPLIFIED + "，。\n"), min_size=30, max_size=300))
    start = draw(st.integers(0, len(text) - 6))
    end = draw(st.integers(start + 4, min(len(text), start + 40)))
    before, quote, after = text[:start], text[start:end], text[end:]
    edits = st.lists(st.tuples(st.booleans(), st.integers(0, 10_000), st.text(alphabet="　 ，,。.\n", max_size=3)),
                     max_size=5)

    def apply(part: str, changes) -> str:
        for insert, at, piece in changes:
            k = at % (len(part) + 1)
            part = part[:k] + piece + part[k:] if insert else part[:k] + part[k + 1 :]
        return part

    return text, start, end, apply(before, draw(edits)) + quote + apply(after, draw(edits))


@settings(max_examples=150, deadline=None)
@given(edited())
def test_a_passage_untouched_by_the_edit_is_found_again_exactly(case):
    from reader.core.ingest.anchor import Anchor, place

    text, start, end, new_text = case
    quote = text[start:end]
    anchor = Anchor(quote, text[max(0, start - 30) : start], text[end : end + 30], start)
    found = place(new_text, anchor)
    assert found is not None and found.exact and new_text[found.start : found.end] == quote
    first = new_text.find(quote)
    if new_text.find(quote, first + 1) < 0:  # the only occurrence (overlapping ones counted too)
        assert found.start == first
