"""The readers, format by format: text in every encoding, Word, saved web pages, PDF. Test files are
built here from the sample reports; imports go through ingest and the project store."""

from __future__ import annotations

import io

import pytest

from reader.bench.formats import (
    ASTRAL,
    CHROME,
    big5_bytes,
    docx_bytes,
    page_html,
    pdf_bytes,
    sample_lines,
    traditional,
    wechat_html,
    write,
)
from reader.core import readers
from reader.core.errors import Encrypted, NeedsOcr
from reader.core.ingest import importing as ingest
from reader.core.messages import describe
from reader.core.model import HeadingHint
from reader.core.readers.docx import read_docx
from reader.core.readers.html import read_html
from reader.core.readers.pdf import read_pdf
from reader.core.store import documents

LINES = sample_lines(0)
TEXT = "\n".join(LINES)
BODY = [ln for ln in LINES if ln.strip()]


def imported_units(project, path):
    report = ingest.import_paths(project, [path])
    assert not report.failed, [(i.name, i.error) for i in report.failed]
    doc_id = report.items[0].document_id
    return [u for u in documents.outline(project) if u.document_id == doc_id]


def stored(project, path):
    return project.db.execute(
        "SELECT encoding, format, original_text FROM documents WHERE source_name = ?", [path.name]
    ).fetchone()


# -- text files ----------------------------------------------------------------------------------


def test_suffixes():
    assert set(readers.SUFFIXES) == {".txt", ".md", ".docx", ".doc", ".rtf", ".html", ".htm", ".mht", ".mhtml",
                                     ".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".webp"}
    assert set(readers.SUFFIXES.values()) | {readers.PAGES} == set(readers.LIMIT_MB)
    from reader.core.messages import CATALOGUE

    for lang in ("zh", "en"):  # the message of an unsupported file names every kind that is read
        named = set(CATALOGUE["unsupported_format"][lang].replace("）", " ").replace(")", " ").split())
        assert set(readers.SUFFIXES) <= named, set(readers.SUFFIXES) - named


@pytest.mark.parametrize(
    ("codec", "newline", "expected"),
    [
        ("gb18030", "\r\n", "gb18030"),
        ("gbk", "\r\n", "gb18030"),
        ("utf-16", "\r\n", "utf-16"),  # LE with BOM, as Windows Notepad saves "Unicode"
        ("utf-8-sig", "\n", "utf-8-sig"),
        ("utf-8", "\r", "utf-8"),
    ],
)
def test_text_in_each_encoding_is_imported_with_its_encoding(project, tmp_path, codec, newline, expected):
    path = write(tmp_path / f"{codec}.txt", TEXT.replace("\n", newline).encode(codec))
    raw = readers.read_path(path)
    assert raw.text == TEXT and raw.encoding == expected and raw.format == "txt"
    (unit,) = imported_units(project, path)
    assert unit.county == "新绛县" and len(unit.sections) == 3
    assert stored(project, path) == (expected, "txt", TEXT)


def test_utf16_big_endian_with_bom(tmp_path):
    path = write(tmp_path / "be.txt", b"\xfe\xff" + TEXT.encode("utf-16-be"))
    raw = readers.read_path(path)
    assert raw.text == TEXT and raw.encoding == "utf-16"


def test_big5_traditional_is_decoded_then_read_as_simplified(project, tmp_path):
    trad = traditional(TEXT)
    data, codec = big5_bytes(trad)
    assert codec == "cp950" and data.decode("gb18030") != trad  # it would decode as GB18030 too
    path = write(tmp_path / "big5.txt", data.replace(b"\n", b"\r\n"))
    raw = readers.read_path(path)
    assert raw.text == trad and raw.encoding == "cp950"
    (unit,) = imported_units(project, path)
    assert unit.county == "新绛县"
    assert documents.unit_text(project, unit.id).startswith(LINES[0])  # cleaned to simplified
    assert stored(project, path)[2] == trad  # the original stays as it was


def test_short_files(tmp_path):
    short = "县人大常委会听取审议专项工作报告"  # 16 characters
    gb = readers.read_path(write(tmp_path / "gb.txt", short.encode("gb18030")))
    assert gb.text == short and gb.encoding == "gb18030"
    trad = traditional(short)
    b5 = readers.read_path(write(tmp_path / "b5.txt", trad.encode("cp950")))
    assert b5.text == trad and b5.encoding == "cp950"


def test_markdown_headings_become_sections(project, tmp_path):
    md = "某某县人大常委会工作报告\n\n过去一年，常委会依法履职。\n\n## 加强代表工作\n\n代表联络站建设取得新进展。\n\n## 依法开展监督\n\n听取专项工作报告。\n"
    path = write(tmp_path / "r.md", md.encode("gbk"))
    raw = readers.read_path(path)
    assert raw.format == "md" and raw.encoding == "gb18030"
    (unit,) = imported_units(project, path)
    assert [s.heading for s in unit.sections] == ["加强代表工作", "依法开展监督"]


# -- characters beyond the BMP -------------------------------------------------------------------

ASTRAL_LINE = f"一、{ASTRAL}村代表联络站建设"


def _astral_file(tmp_path, fmt):
    lines = [*LINES[:4], ASTRAL_LINE, f"{ASTRAL}村联络站接待群众一百余人次。"]
    text = "\n".join(lines)
    if fmt == "docx":
        return write(tmp_path / "a.docx", docx_bytes([(ln, None) for ln in lines]))
    if fmt == "html":
        return write(tmp_path / "a.html", page_html(lines).encode("utf-8"))
    if fmt == "pdf":
        return write(tmp_path / "a.pdf", pdf_bytes(lines))
    return write(tmp_path / f"a-{fmt}.txt", text.encode(fmt))


@pytest.mark.parametrize("fmt", ["utf-8", "utf-16", "gb18030", "docx", "html", "pdf"])
def test_characters_beyond_the_bmp_survive_every_reader(project, tmp_path, fmt):
    path = _astral_file(tmp_path, fmt)
    assert readers.read_path(path).text.count(ASTRAL) == 2
    (unit,) = imported_units(project, path)
    text = documents.unit_text(project, unit.id)
    assert text.count(ASTRAL) == 2
    heading = next(s for s in unit.walk_sections() if ASTRAL in s.heading)
    assert text[heading.start : heading.heading_end] == heading.heading
    # the offset map takes the cleaned astral characters back to the same ones in the original
    i = text.index(ASTRAL)
    o_start, o_end = documents.original_span(project, unit.id, i, i + 2)
    assert stored(project, path)[2][o_start:o_end] == ASTRAL


# -- Word ------------------------------------------------------------------------------------------


def _report_docx(**kw) -> bytes:
    paragraphs = [
        ("某某县人大常委会工作报告", "Title"),
        ("过去一年，县人大常委会在县委领导下依法履职。", None),
        ("加强代表工作", "Heading 1"),
        ("代表联络站建设取得新进展，全年接待群众三百余人次。", None),
        ("联络站建设", "Heading 2"),
        ("新建联络站十二个，实现乡镇全覆盖。", None),
        ("依法开展监督", "Heading 1"),
        ("听取和审议专项工作报告六项。", None),
    ]
    return docx_bytes(paragraphs, title="二〇二二年工作报告", table=[["项目", "数量"], ["联络站", "12"]], table_after=5, **kw)


def test_docx_headings_title_and_tables(tmp_path):
    raw = read_docx(_report_docx(), "r.docx")
    lines = raw.text.split("\n")
    assert lines[:6] == [
        "某某县人大常委会工作报告",
        "过去一年，县人大常委会在县委领导下依法履职。",
        "加强代表工作",
        "代表联络站建设取得新进展，全年接待群众三百余人次。",
        "联络站建设",
        "新建联络站十二个，实现乡镇全覆盖。",
    ]
    assert lines[6:10] == ["项目", "数量", "联络站", "12"]  # the table in place, cell by cell
    assert raw.title == "二〇二二年工作报告" and raw.encoding is None and raw.format == "docx"
    hinted = {raw.text[h.offset :].split("\n")[0]: h.level for h in raw.hints}
    assert hinted == {"某某县人大常委会工作报告": 1, "加强代表工作": 1, "联络站建设": 2, "依法开展监督": 1}


def test_docx_headings_become_sections_in_the_outline(project, tmp_path):
    path = write(tmp_path / "report.docx", _report_docx())
    (unit,) = imported_units(project, path)
    assert unit.title == "某某县人大常委会工作报告"
    assert [(s.heading, [c.heading for c in s.children]) for s in unit.sections] == [
        ("加强代表工作", ["联络站建设"]),
        ("依法开展监督", []),
    ]
    assert stored(project, path)[:2] == (None, "docx")


_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_docx_outline_levels_custom_heading_styles_contents_and_tracked_changes():
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml

    document = docx.Document()
    custom = document.styles.add_style("标题 2", WD_STYLE_TYPE.PARAGRAPH)  # as Chinese WPS names it
    based = document.styles.add_style("Report Part", WD_STYLE_TYPE.PARAGRAPH)
    based.base_style = document.styles["Heading 3"]
    toc = document.styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("一、加强代表工作\t3", style=toc)  # a table of contents is left out
    document.add_paragraph("正文一段。")
    outlined = document.add_paragraph("大纲级别的标题")
    outlined._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {_NS} w:val="0"/>'))
    document.add_paragraph("自定义样式的标题", style=custom)
    document.add_paragraph("继承样式的标题", style=based)
    changed = document.add_paragraph("保留")
    changed._p.append(parse_xml(f'<w:del {_NS} w:id="1" w:author="a"><w:r><w:delText>删掉的字</w:delText></w:r></w:del>'))
    changed._p.append(parse_xml(f'<w:ins {_NS} w:id="2" w:author="a"><w:r><w:t>插入的字</w:t></w:r></w:ins>'))
    out = io.BytesIO()
    document.save(out)
    raw = read_docx(out.getvalue(), "x.docx")
    assert raw.text.split("\n") == ["正文一段。", "大纲级别的标题", "自定义样式的标题", "继承样式的标题", "保留插入的字"]
    assert raw.hints == [HeadingHint(6, 1), HeadingHint(14, 2), HeadingHint(23, 3)]


# -- web pages -------------------------------------------------------------------------------------


def _assert_no_chrome(text: str) -> None:
    for what, chrome in CHROME.items():
        assert chrome not in text, what
    assert "关于我们" not in text and "相关阅读" not in text


def test_html_keeps_the_article_only(tmp_path):
    raw = read_html(page_html(LINES, title="新绛县人大常委会工作报告").encode("utf-8"), "p.html")
    _assert_no_chrome(raw.text)
    lines = raw.text.split("\n")
    assert lines[0] == LINES[0]  # the <h1> title outside the article body
    for paragraph in BODY[1:]:
        assert paragraph.replace("  ", "") in lines  # each paragraph its own line
    assert raw.title == "新绛县人大常委会工作报告" and raw.format == "html" and raw.encoding == "utf-8"
    assert raw.hints == [HeadingHint(0, 1)]


def test_html_headings_become_sections(project, tmp_path):
    lines = ["某某县人大常委会工作报告", "过去一年依法履职。", "加强代表工作", "代表联络站建设取得新进展。",
             "依法开展监督", "听取专项工作报告。"]
    path = write(tmp_path / "r.htm", page_html(lines, headings={2: 2, 4: 2}).encode("utf-8"))
    (unit,) = imported_units(project, path)
    assert [s.heading for s in unit.sections] == ["加强代表工作", "依法开展监督"]
    assert stored(project, path)[:2] == ("utf-8", "html")


@pytest.mark.parametrize(
    ("charset", "text", "codec", "expected"),
    [
        ("gb2312", TEXT, "gbk", "gb18030"),
        ("big5", traditional(TEXT), "cp950", "cp950"),
        ("utf-8", TEXT, "gb18030", "gb18030"),  # the page lies about its charset
        ("iso-8859-1", TEXT, "gb18030", "gb18030"),
    ],
)
def test_html_charsets(charset, text, codec, expected):
    page = page_html(text.split("\n"), charset=charset)
    page = (traditional(page) if codec == "cp950" else page).encode(codec)
    raw = read_html(page, "p.html")
    assert raw.encoding == expected
    assert text.split("\n")[0] in raw.text


def test_wechat_article(project, tmp_path):
    path = write(tmp_path / "wx.html", wechat_html(LINES).encode("utf-8"))
    raw = readers.read_path(path)
    lines = raw.text.split("\n")
    assert lines[0] == LINES[0] and raw.title == LINES[0]
    for junk in ("ACCOUNT-NAME", "阅读", "在看", "10万+", "COMMENT-TEXT", "微信扫一扫", "SCRIPT-TEXT", "2023-01-02"):
        assert junk not in raw.text, junk
    assert lines[1:] == [p.replace("  ", "") for p in BODY[1:]]
    (unit,) = imported_units(project, path)
    assert unit.county == "新绛县" and len(unit.sections) == 3


def test_html_markup_details():
    page = (
        "<html><body><article>"
        "<h2>一、加强&nbsp;代表\n   工作</h2>"
        "<p>代表&amp;群众　联络站，<b>全年</b>接待\n  群众<br>三百余人次。<p>implied end of p"
        "<ul><li>第一项<li>第二项</ul>"
        "<table><tr><td>项目<td>数量<tr><td>联络站<td>12</table>"
        "<div>Latin words  stay   apart</div><pre>两行\n预排</pre>"
        "<p><img alt='ALT-TEXT' src='x.png'><select><option>OPTION-TEXT</select></p>"
        "</article></body></html>"
    )
    raw = read_html(page.encode("utf-8"), "p.html")
    assert raw.text.split("\n") == [
        "一、加强代表工作",
        "代表&群众\u3000联络站，全年接待群众",  # an ideographic space is text, not layout
        "三百余人次。",
        "implied end of p",
        "第一项",
        "第二项",
        "项目",
        "数量",
        "联络站",
        "12",
        "Latin words stay apart",
        "两行",
        "预排",
    ]
    assert raw.hints == [HeadingHint(0, 2)]


def test_link_lists_are_navigation_but_a_link_in_a_paragraph_stays():
    links = "".join(f'<a href="/{k}">栏目{k}</a> ' for k in range(8))
    page = (f"<body><div>{links}</div><p>详见<a href='/x'>附件</a>，共三项内容，均已办结。</p>"
            "<p>依法开展监督工作，听取专项报告。</p></body>")
    raw = read_html(page.encode("utf-8"), "p.html")
    assert raw.text == "详见附件，共三项内容，均已办结。\n依法开展监督工作，听取专项报告。"


# -- PDF -------------------------------------------------------------------------------------------


def test_pdf_text_layer(project, tmp_path):
    path = write(tmp_path / "r.pdf", pdf_bytes(LINES, per_page=8))
    raw = readers.read_path(path)
    assert raw.text.split("\n") == BODY and raw.format == "pdf" and raw.encoding is None
    (unit,) = imported_units(project, path)
    assert unit.county == "新绛县" and [s.heading for s in unit.sections] == [
        ln for ln in BODY if ln.startswith(("一、", "二、", "三、"))
    ]


@pytest.mark.parametrize(
    "pages",
    [[None], [[]], [None, None, ["第1页"]], [None, None, None, [LINES[3]]]],
    ids=["image-only", "blank", "image-and-a-page-number", "mostly-scanned"],
)
def test_pdf_without_text_layer_needs_ocr(tmp_path, pages):
    """With OCR turned off (--ocr never), a scan is refused as before OCR."""
    from reader.bench.pdfwriter import make_pdf
    from reader.core.ocr import NEVER, OcrOptions

    with pytest.raises(NeedsOcr) as caught:
        read_pdf(make_pdf(pages), "scan.pdf", OcrOptions(NEVER))
    assert "OCR" in describe(caught.value, "zh") and "OCR" in describe(caught.value, "en")
    assert "scan.pdf" in describe(caught.value, "en")


def test_encrypted_pdf():
    from pypdf import PdfReader, PdfWriter

    from reader.bench.pdfwriter import make_pdf

    def encrypted(user: str) -> bytes:
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([LINES[:5]]))))
        writer.encrypt(user_password=user, owner_password="owner", algorithm="RC4-128")
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()

    with pytest.raises(Encrypted):
        read_pdf(encrypted("secret"), "locked.pdf")
    assert read_pdf(encrypted(""), "restricted.pdf").text.split("\n")[0] == LINES[0]  # restrictions only


def test_html_tags_never_closed_do_not_nest_without_end():
    page = "<html><body>" + "".join(f"<font color=red><p>第{k}段文字。</p>" for k in range(3000)) + "</body></html>"
    raw = read_html(page.encode("utf-8"), "old.htm")
    assert raw.text.split("\n") == [f"第{k}段文字。" for k in range(3000)]


def test_a_pdf_laid_out_by_a_word_processor_reads_as_its_text():
    """Paragraphs wrapped at a fixed width with indented first lines, page numbers at the foot: the
    lines are joined by width and indentation, so a continued line that begins like a heading
    ("二、第七、第九") and a wrapped number ("11." / "5%") stay text, and the headings stay headings."""
    from reader.bench.pdfwriter import make_pdf
    from reader.core.clean.ocr import visual_width
    from reader.core.clean.pipeline import clean
    from reader.core.structure.units import find_units

    paragraphs = [
        "政府工作报告", "——2026年1月27日在湖北省第十四届人民代表大会第四次会议上", "湖北省省长 张某某", "各位代表：",
        "现在，我代表省人民政府，向大会报告工作，请予审议。",
        "一、2025年工作回顾",
        "过去一年，全省经济运行稳中有进，一产、二产、三产增加值分别增长6%、5.2%、5.2%，分别居全国第二、第七、第九。",
        "二、2026年工作安排",
        "（一）着力扩大内需",
        "深入实施提振消费专项行动，社会消费品零售总额增长11.5%，扩大有效投资，办好民生实事，推动经济持续回升向好。",
        "（二）加快建设现代化产业体系",
        "推动传统产业改造升级，培育壮大新兴产业和未来产业，持续优化营商环境，激发各类经营主体活力。",
    ]
    lines = []
    for k, par in enumerate(paragraphs):
        line = "" if k < 3 else "\u3000\u3000"
        for ch in par:
            if visual_width(line + ch) > 24:
                lines.append(line)
                line = ""
            line += ch
        lines.append(line)
    pages = [lines[k : k + 12] + [f"— {k // 12 + 1} —"] for k in range(0, len(lines), 12)]
    raw = read_pdf(make_pdf(pages), "report.pdf")
    cleaned = clean(raw)
    (unit,) = find_units(cleaned.text, cleaned.hints, "report.pdf")
    assert [s.heading for s in unit.sections] == ["一、2025年工作回顾", "二、2026年工作安排"]
    assert [c.heading for c in unit.sections[1].children] == ["（一）着力扩大内需", "（二）加快建设现代化产业体系"]
    assert paragraphs[6] in cleaned.text and paragraphs[9] in cleaned.text
    assert (unit.author, unit.place.province) == ("张某某", "湖北省")
