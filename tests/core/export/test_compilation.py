"""The compilations (Word, Markdown, HTML) and JSON, each opened with its own library."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from docx import Document
from docx.oxml.ns import qn
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.export import Selection, write_docx, write_html, write_json, write_markdown
from reader.core.export.markup import md_escape
from reader.core.store import documents
from tests.core.export_data import (
    ASTRAL_QUOTE,
    INSPECTION,
    MARKUP_NOTE,
    MARKUP_QUOTE,
    NEWLINE_QUOTE,
    STATION,
    SUPERVISION,
    tag_sample,
)


@pytest.fixture
def tagged(sample_project, tmp_path):
    return sample_project, tag_sample(sample_project, tmp_path)


# -- Word ----------------------------------------------------------------------------------------


def test_docx_headings_quotes_and_citations(tagged, tmp_path):
    project, t = tagged
    out = tmp_path / "c.docx"
    result = write_docx(project, out)
    doc = Document(str(out))
    paras = [(p.style.name, p.text) for p in doc.paragraphs]
    h1 = [text for style, text in paras if style == "Heading 1"]
    assert h1 == [SUPERVISION, "依法监督/专项工作报告", INSPECTION, STATION, "（未分主题）"]
    # under 代表联络站: 新绛县, 吉县, 永和县 (import order), each a Heading 2 with its province
    i = paras.index(("Heading 1", STATION))
    j = paras.index(("Heading 1", "（未分主题）"))
    h2 = [text for style, text in paras[i:j] if style == "Heading 2"]
    assert h2 == ["新绛县（山西省运城市）", "吉县（山西省临汾市）", "永和县（山西省临汾市）"]
    quotes = [text for style, text in paras if style == "Quote"]
    assert len(quotes) == result.rows == 11
    assert ASTRAL_QUOTE in quotes and NEWLINE_QUOTE in quotes and MARKUP_QUOTE in quotes
    # each quote is followed by its citation (and a note before it when there is one)
    k = next(n for n, (style, text) in enumerate(paras) if text == NEWLINE_QUOTE)
    assert paras[k + 1] == ("Normal", "备注：跨行")
    style, cite = paras[k + 2]
    title = documents.get_unit(project, t.astral_unit).title
    assert style == "Citation" and cite == f"——永和县，《{title}》，2022年，一、代表工作"


def test_docx_east_asian_fonts_and_language(tagged, tmp_path):
    project, _ = tagged
    out = tmp_path / "c.docx"
    write_docx(project, out)
    doc = Document(str(out))
    expected = {"Normal": "宋体", "Quote": "宋体", "Citation": "宋体", "Title": "黑体", "Heading 1": "黑体", "Heading 2": "黑体"}
    for name, font in expected.items():
        rpr = doc.styles[name].element.rPr
        fonts = rpr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == font, name
        assert fonts.get(qn("w:eastAsiaTheme")) is None, name  # a theme font would win over ours
        assert rpr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN", name
    assert doc.styles["Quote"].font.italic is False
    assert doc.core_properties.language == "zh-CN"
    # real heading styles: their outline levels are what the navigation pane lists
    assert doc.styles["Heading 1"].element.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == "0"


def test_docx_selection_and_english(tagged, tmp_path):
    project, _ = tagged
    out = tmp_path / "c.docx"
    result = write_docx(project, out, Selection(counties=("吉县",)), lang="en")
    doc = Document(str(out))
    h2 = {p.text for p in doc.paragraphs if p.style.name == "Heading 2"}
    assert h2 == {"吉县（山西省临汾市）"} and result.passages == 3
    assert "(no theme)" in [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]


# -- Markdown ------------------------------------------------------------------------------------

_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def test_markdown_escapes_and_structure(tagged, tmp_path):
    project, _ = tagged
    out = tmp_path / "c.md"
    write_markdown(project, out)
    text = out.read_text(encoding="utf-8")
    lines = text.split("\n")
    assert lines[0] == "# 人大工作报告标注摘编"
    assert [ln for ln in lines if ln.startswith("## ")][:3] == [f"## {SUPERVISION}", "## 依法监督/专项工作报告", f"## {INSPECTION}"]
    quote_line = next(ln for ln in lines if ln.startswith("> ") and "依法" in ln and "审议" in ln)
    assert quote_line == "> " + md_escape(MARKUP_QUOTE)
    assert _UNESCAPE.sub(r"\1", quote_line[2:]) == MARKUP_QUOTE
    assert re.search(r"(?<!\\)[*#<&]", quote_line[2:]) is None  # nothing left that Markdown would read as markup
    note_line = next(ln for ln in lines if "星号" in ln)
    assert _UNESCAPE.sub(r"\1", note_line) == "备注：" + MARKUP_NOTE
    # a quote spanning a line break stays one block quote of two lines
    first, second = NEWLINE_QUOTE.split("\n")
    k = lines.index("> " + md_escape(first))
    assert lines[k + 1] == "> " + md_escape(second)


# -- HTML ----------------------------------------------------------------------------------------


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack: list[str] = []
        self.found: list[tuple[str, str]] = []
        self.meta: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag == "meta":
            self.meta.append(dict(attrs))
            return
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_data(self, data):
        if self.stack:
            self.found.append((self.stack[-1], data))


def test_html_is_escaped_and_standalone(tagged, tmp_path):
    project, _ = tagged
    out = tmp_path / "c.html"
    write_html(project, out)
    raw = out.read_text(encoding="utf-8")
    assert raw.startswith("<!DOCTYPE html>") and '<html lang="zh-CN">' in raw
    assert "<审议>" not in raw and "&lt;审议&gt; &amp; 落实" in raw and "<b>粗</b>" not in raw
    parser = _Collect()
    parser.feed(raw)
    assert {"charset": "utf-8"} in parser.meta
    quotes = [d for tag, d in parser.found if tag == "blockquote"]
    assert MARKUP_QUOTE in quotes and NEWLINE_QUOTE in quotes and ASTRAL_QUOTE in quotes
    assert [d for tag, d in parser.found if tag == "h2"][:2] == [SUPERVISION, "依法监督/专项工作报告"]
    assert "备注：" + MARKUP_NOTE in [d for tag, d in parser.found if tag == "p"]
    assert any(tag == "p" and d.startswith("——永和县，《") for tag, d in parser.found)


# -- JSON ----------------------------------------------------------------------------------------


def test_json_for_scripts(tagged, tmp_path):
    project, t = tagged
    out = tmp_path / "p.json"
    write_json(project, out, Selection(counties=("永和县",)))
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "renda-reader-passages" and data["selection"]["counties"] == ["永和县"]
    items = {p["id"]: p for p in data["passages"]}
    assert set(items) == {t.passages[k] for k in ("after_astral", "astral", "newline", "markup")}
    astral = items[t.passages["astral"]]
    assert astral["quote"] == ASTRAL_QUOTE and astral["themes"] == [INSPECTION, STATION]
    text = documents.unit_text(project, t.astral_unit)
    assert text[astral["start"] : astral["end"]] == ASTRAL_QUOTE
    after = items[t.passages["after_astral"]]
    assert after["start"] == text.index("𠮷") + 1  # 𠮷 counts as one character
    assert after["coder"] == "王五" and after["section"] == ["一、代表工作"] and after["year"] == 2022
    assert "𡈼" in out.read_text(encoding="utf-8")  # written as itself, not \\u escapes


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("代表 a\t\r\n，。 ")), min_size=1, max_size=30))
def test_a_passage_run_is_the_run_python_docx_makes(text):
    """The compilation's quick run (reader.core.export.compilation._Body.run) holds what python-docx's
    paragraph.add_run(text) puts in its run: text, tabs, line breaks, kept spaces."""
    from docx.oxml import OxmlElement

    from reader.core.export.compilation import _Body

    doc = Document()
    expected = doc.add_paragraph().add_run(text)._r
    p = OxmlElement("w:p")
    _Body(doc).run(p, text)

    def parts(r):
        return [(c.tag, c.text, dict(c.attrib)) for c in r]

    assert len(p) == 1 and parts(p[0]) == parts(expected)
