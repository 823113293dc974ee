"""Single-file web pages (.mht, .mhtml): the page inside read exactly as the .html reader reads it, in
every transfer encoding and charset (declared by the part, by the page's <meta> only, or by neither),
the root part found, and malformed or oversized files refused with one typed error."""

from __future__ import annotations

import pytest

from reader.bench.formats import mht_bytes, page_html, sample_lines, traditional, write
from reader.core import readers
from reader.core.errors import DamagedFile, TooComplex, TooLarge
from reader.core.ingest import importing as ingest
from reader.core.messages import describe
from reader.core.readers import html, mht
from reader.core.readers.html import read_html
from reader.core.readers.mht import read_mht
from reader.core.store import documents

LINES = sample_lines(0)


def page(charset: str, codec: str, lines: list[str] = LINES) -> bytes:
    text = page_html(lines, charset=charset)
    return (traditional(text) if codec == "cp950" else text).encode(codec)


@pytest.mark.parametrize(
    ("meta", "codec", "declared", "transfer"),
    [
        ("utf-8", "utf-8", None, "quoted-printable"),  # Chrome: the charset in the page's <meta> only
        ("gbk", "gbk", "gbk", "base64"),  # Internet Explorer: in the part's header too
        ("gb2312", "gb18030", None, "quoted-printable"),
        ("big5", "cp950", "big5", "quoted-printable"),
        ("iso-8859-1", "gbk", None, "base64"),  # a page that lies about its charset
        ("utf-8", "utf-8", None, "8bit"),
    ],
)
def test_the_page_inside_reads_as_the_html_does(meta, codec, declared, transfer):
    body = page(meta, codec)
    raw = read_mht(mht_bytes(body, declared, transfer), "p.mht")
    expected = read_html(body, "p.html")
    assert raw.text == expected.text and raw.hints == expected.hints and raw.title == expected.title
    assert raw.encoding == expected.encoding and raw.format == "mht"
    assert "SCRIPT-TEXT" not in raw.text and "网站首页" not in raw.text  # page furniture left out as for .html
    first = traditional(LINES[0]) if codec == "cp950" else LINES[0]
    assert raw.text.startswith(first)


def test_the_root_part_named_by_start_is_the_page():
    frame = b"<html><body><p>\xe5\x85\xb6\xe4\xbb\x96\xe6\xa1\x86\xe6\x9e\xb6</p></body></html>"
    body = page("utf-8", "utf-8")
    raw = read_mht(mht_bytes(body, before=[("text/html; charset=utf-8", frame)], start=True), "p.mht")
    assert raw.text == read_html(body, "p.html").text
    # without `start`, the first page is the root (as the format says)
    assert read_mht(mht_bytes(body, before=[("text/html; charset=utf-8", frame)]), "p.mht").text == "其他框架"


def test_a_page_saved_as_mht_without_its_envelope():
    body = page("gbk", "gbk")
    assert read_mht(body, "p.mht").text == read_html(body, "p.html").text


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"just some words, not a saved page",
        bytes((k * 131 + 7) % 256 for k in range(3000)),
        b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n--x\r\n"
        b"Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--x--\r\n",
        b"MIME-Version: 1.0\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n",
        b"MIME-Version: 1.0\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: x-weird\r\n\r\nPHA+eDwvcD4=\r\n",
    ],
    ids=["empty", "text", "random", "no-page", "empty-page", "unknown-transfer"],
)
def test_malformed_mht_is_damaged(tmp_path, data):
    path = write(tmp_path / "bad.mht", data)
    with pytest.raises(DamagedFile) as e:
        readers.read_path(path)
    for lang in ("zh", "en"):
        message = describe(e.value, lang)
        assert "bad.mht" in message and "\n" not in message and "mht" in message


def _nested(depth: int) -> bytes:
    head = b"MIME-Version: 1.0\r\n"
    parts = []
    for k in range(depth):
        parts.append(f"Content-Type: multipart/related; boundary=b{k}\r\n\r\n--b{k}\r\n".encode())
    inner = b"Content-Type: text/html\r\n\r\n<p>\xe6\x96\x87\xe5\xad\x97</p>\r\n"
    tail = b"".join(f"--b{k}--\r\n".encode() for k in reversed(range(depth)))
    return head + b"".join(parts) + inner + tail


def test_nesting_and_part_limits(monkeypatch):
    assert read_mht(_nested(mht.MAX_NESTING), "ok.mht").text == "文字"
    with pytest.raises(TooComplex) as e:
        read_mht(_nested(mht.MAX_NESTING + 1), "deep.mht")
    assert e.value.what == "depth" and "嵌套层数" in describe(e.value, "zh")
    with pytest.raises(TooComplex) as e:
        read_mht(_nested(5000), "deeper.mht")  # refused before the parser recurses into it
    empty_parts = (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n" + b"--x\r\n\r\n" * 200_000
                   + b"--x\r\nContent-Type: text/html\r\n\r\n<p>x</p>\r\n--x--\r\n")
    with pytest.raises(TooComplex) as e:  # 1.4 MB that the email package held in 95 MB
        read_mht(empty_parts, "parts.mht")
    assert e.value.what == "parts" and "MIME" in describe(e.value, "zh")
    monkeypatch.setattr(mht, "MAX_PARTS", 2)
    with pytest.raises(TooComplex) as e:
        read_mht(mht_bytes(page("utf-8", "utf-8"), before=[("text/css", b"p {}")]), "parts.mht")
    assert e.value.what == "parts"


def test_the_page_keeps_the_html_readers_limits(monkeypatch):
    monkeypatch.setattr(mht, "PAGE_LIMIT_MB", 0)
    with pytest.raises(TooComplex) as e:
        read_mht(mht_bytes(page("utf-8", "utf-8")), "big.mht")
    assert e.value.what == "content" and e.value.format == "mht"
    monkeypatch.undo()
    monkeypatch.setattr(html, "MAX_ELEMENTS", 1000)
    bomb = ("<html><body>" + "<b>" * 5000 + "正文" + "</body></html>").encode()
    with pytest.raises(TooComplex) as e:
        read_html(bomb, "bomb.html")
    with pytest.raises(TooComplex) as e_mht:
        read_mht(mht_bytes(bomb, "utf-8", "base64"), "bomb.mht")
    assert e_mht.value.what == e.value.what == "elements" and e_mht.value.limit == e.value.limit


def test_size_limit(tmp_path, monkeypatch):
    monkeypatch.setitem(readers.LIMIT_MB, "mht", 0)
    path = write(tmp_path / "p.mhtml", mht_bytes(page("utf-8", "utf-8")))
    with pytest.raises(TooLarge):
        readers.read_path(path)


def test_mht_and_mhtml_import_with_the_headings_of_the_html(project, tmp_path):
    lines = ["某某县人大常委会工作报告", "过去一年依法履职。", "加强代表工作", "代表联络站建设取得新进展。",
             "依法开展监督", "听取专项工作报告。"]
    body = page_html(lines, headings={2: 2, 4: 2}, charset="gbk").encode("gbk")
    path = write(tmp_path / "r.mhtml", mht_bytes(body, "gbk", "base64"))
    report = ingest.import_paths(project, [path])
    assert not report.failed, [(i.name, i.error) for i in report.failed]
    (unit,) = [u for u in documents.outline(project) if u.document_id == report.items[0].document_id]
    assert [s.heading for s in unit.sections] == ["加强代表工作", "依法开展监督"]
    assert project.db.execute("SELECT encoding, format FROM documents").fetchone()[:] == ("gb18030", "mht")
