"""Old Word documents (.doc): the fixtures LibreOffice made from report.docx (tests/data/doc/make.py)
read as the .docx does, the piece table on streams built here (several pieces, 8-bit pieces, fields),
what Word and WPS save under .doc read for what it is, and damaged or encrypted files refused with one
typed error."""

from __future__ import annotations

import json
import shutil
import struct

import olefile
import pytest

from reader.bench.formats import docx_bytes, mht_bytes, page_html, sample_lines, write
from reader.cli import main
from reader.core import readers
from reader.core.errors import DamagedFile, Encrypted, OldFormat, TextTooLong, TooComplex
from reader.core.messages import describe
from reader.core.readers import doc
from reader.core.readers.doc import parse, plain, read_doc
from reader.core.readers.docx import read_docx
from reader.core.readers.html import read_html
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data" / "doc"


def lines(text: str) -> list[str]:
    return [ln for ln in text.split("\n") if ln.strip()]


def headings(raw) -> list[tuple[str, int]]:
    return [(raw.text[h.offset :].split("\n")[0], h.level) for h in raw.hints]


@pytest.fixture(scope="module")
def from_docx():
    return read_docx((DATA / "report.docx").read_bytes(), "report.docx")


def test_a_doc_reads_as_the_docx_it_came_from(from_docx):
    raw = read_doc((DATA / "report.doc").read_bytes(), "report.doc")
    assert lines(raw.text) == lines(from_docx.text)
    assert headings(raw) == headings(from_docx) == [
        ("某某县人民代表大会常务委员会工作报告", 1),
        ("一、过去一年的主要工作", 1),
        ("（一）坚持依法监督，推动高质量发展", 2),
        ("（二）加强代表工作，密切联系群众", 2),
        ("二、今年的主要任务", 1),
        ("（一）围绕中心工作，依法履行职责", 2),
    ]
    assert raw.format == "doc" and raw.encoding is None and raw.title == from_docx.title == "示例工作报告"
    text = raw.text.split("\n")
    assert "听取和审议专项工作报告六项，详见县人大网站。" in text  # a hyperlink field: its result only
    assert "做好各项工作，第1页。" in text  # a page number field
    assert "HYPERLINK" not in raw.text and "PAGE" not in raw.text
    table = text.index("项目")
    assert text[table : table + 9] == ["项目", "数量", "备注", "联络站", "12", "新建", "接待群众", "356", "人次"]
    assert not any(c in raw.text for c in "\r\x07\x13\x14\x15\x01")


def test_english_doc():
    raw = read_doc((DATA / "english.doc").read_bytes(), "english.doc")
    assert lines(raw.text) == ["Annual Work Report", "1. Overview",
                               "The standing committee met twelve times and reviewed six reports.",
                               "2. Tasks for the coming year",
                               "Keep to the law; serve the people; caf\u00e9 prices \u2013 not a concern."]
    assert headings(raw) == [("Annual Work Report", 1), ("1. Overview", 1), ("2. Tasks for the coming year", 1)]


def _rewrite(path, stream: str, change) -> None:
    """Change a stream of the OLE file at `path` in place (its size kept)."""
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        data = bytearray(ole.openstream(stream).read())
        change(data)
        ole.write_stream(stream, bytes(data))


def _fib(path) -> doc.Fib:
    with olefile.OleFileIO(str(path)) as ole:
        return doc.Fib(ole.openstream("WordDocument").read(), str(path))


def test_compressed_8bit_pieces_in_a_real_file(tmp_path):
    """english.doc with its one piece rewritten as "compressed" cp1252 text, as Word writes Western text."""
    path = tmp_path / "compressed.doc"
    shutil.copy(DATA / "english.doc", path)
    fib = _fib(path)
    fc_clx, lcb_clx = fib.pair(33)
    table = "1Table" if struct.unpack_from("<H", fib.word, 0x0A)[0] & 0x0200 else "0Table"
    with olefile.OleFileIO(str(path)) as ole:
        (cp0, cp1, fc, compressed), = doc.pieces(ole.openstream(table).read(), fc_clx, lcb_clx, str(path))
    assert not compressed  # LibreOffice writes UTF-16
    text = fib.word[fc : fc + 2 * (cp1 - cp0)].decode("utf-16-le")

    def word(data: bytearray) -> None:
        data[fc : fc + len(text)] = text.encode("cp1252")

    def pcd(data: bytearray) -> None:
        plc = fc_clx + 5  # Pcdt: clxt, lcb; then one piece: two CPs, then its PCD
        assert data[fc_clx] == 0x02
        struct.pack_into("<I", data, plc + 8 + 2, (fc * 2) | 0x40000000)

    _rewrite(path, "WordDocument", word)
    _rewrite(path, table, pcd)
    raw = readers.read_path(path)
    assert "caf\u00e9 prices \u2013 not a concern." in raw.text  # é and – from cp1252
    assert headings(raw)[0] == ("Annual Work Report", 1)  # the paragraphs' marks found at their 8-bit places


# -- streams built here ----------------------------------------------------------------------------


def streams(pieces: list[tuple[str, bool]], ccp: int | None = None, prc: bool = False) -> tuple[bytes, bytes]:
    """A WordDocument stream (FIB, then the pieces' text) and a table stream (a CLX), for `pieces`
    of (text, compressed)."""
    fib = bytearray(32 + 2 + 28 + 2 + 88 + 2 + 93 * 8)
    struct.pack_into("<HH", fib, 0, 0xA5EC, 0x00C1)
    struct.pack_into("<H", fib, 32, 14)
    struct.pack_into("<H", fib, 62, 22)
    struct.pack_into("<H", fib, 152, 93)
    body = bytearray()
    cps, pcds, cp = [0], [], 0
    for text, compressed in pieces:
        fc = len(fib) + len(body)
        body += text.encode("cp1252" if compressed else "utf-16-le")
        pcds.append(struct.pack("<HIH", 0, (fc * 2) | 0x40000000 if compressed else fc, 0))
        cp += len(text)
        cps.append(cp)
    struct.pack_into("<I", fib, 64 + 3 * 4, cp if ccp is None else ccp)  # ccpText
    plc = struct.pack(f"<{len(cps)}I", *cps) + b"".join(pcds)
    clx = (b"\x01\x03\x00abc" if prc else b"") + b"\x02" + struct.pack("<I", len(plc)) + plc
    table = b"\x00" * 16 + clx
    struct.pack_into("<II", fib, 154 + 33 * 8, 16, len(clx))  # fcClx, lcbClx
    return bytes(fib + body), table


def test_several_pieces_utf16_and_8bit():
    word, table = streams([("一、总体要求\r", False), ("Plan for 2024 \u2013 caf\u00e9\r", True),
                           ("二、主要任务\r正文。", False)], prc=True)
    text, hints = parse(word, table, "p.doc")
    assert text == "一、总体要求\nPlan for 2024 \u2013 caf\u00e9\n二、主要任务\n正文。"
    assert hints == []  # no stylesheet: no hints, the text all the same


def test_only_the_main_text_is_read():
    word, table = streams([("正文一段。\r", False), ("脚注的文字\r", False)], ccp=6)
    assert parse(word, table, "p.doc")[0] == "正文一段。"


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        ("详见\x13 HYPERLINK \"http://x\" \x14网站\x15。\r", "详见网站。"),
        ("第\x13 PAGE \x145\x15页\r", "第5页"),
        ("外\x13 IF \x13 PAGE \x142\x15 = 2 \"甲\" \x14结果\x13 REF b \x14内\x15果\x15尾\r", "外结果内果尾"),
        ("无结果\x13 XE \"索引\" \x15的字段\r", "无结果的字段"),
        ("\x13 TOC \\o \"1-3\" \x14一、总体\t1\r二、任务\t2\r\x15正文\r", "正文"),
        ("图\x01片\x08对象\x1e连\x1f字\r", "图片对象-连字"),
        ("行\x0b断\x0c页\x0e栏\r", "行\n断\n页\n栏"),
        ("甲\x07乙\x07\x07丙\x07丁\x07\x07", "甲\n乙\n\n丙\n丁\n"),
        ("不完整\x14\x15的字段\r", "不完整的字段"),
    ],
)
def test_word_control_characters(stored, expected):
    assert plain(stored)[0] == expected


def test_fields_nest_within_a_limit():
    assert plain("\x13" * 64 + "x" + "\x14y\x15" * 64)[0] == "y"
    with pytest.raises(TooComplex) as e:
        plain("\x13" * 65 + "\x15" * 65, "deep.doc")
    assert e.value.what == "depth" and "deep.doc" in describe(e.value, "zh")


def test_a_main_text_over_the_limit_is_refused_before_it_is_read(monkeypatch):
    monkeypatch.setattr("reader.core.readers.text.MAX_CHARS", 10)
    word, table = streams([("一二三四五六七八九十十一\r", False)])
    with pytest.raises(TextTooLong):
        parse(word, table, "long.doc")


@pytest.mark.parametrize(
    "damage",
    [
        lambda w, t: (w, t[:20]),  # the CLX cut short
        lambda w, t: (w[:200], t),  # the text cut off
        lambda w, t: (w, t[:16] + b"\x05" + t[17:]),  # no Pcdt
        lambda w, t: (b"\x00\x00" + w[2:], t),  # not a FIB
        lambda w, t: (w[:40], t),  # a FIB cut short
    ],
)
def test_damaged_streams(damage):
    word, table = damage(*streams([("一、总体要求\r" * 20, False)]))
    with pytest.raises(DamagedFile):
        parse(word, table, "d.doc")


# -- whole files -----------------------------------------------------------------------------------


@pytest.mark.parametrize("cut", [0.1, 0.5, 0.97])
def test_a_truncated_doc_is_damaged(tmp_path, cut):
    data = (DATA / "report.doc").read_bytes()
    path = write(tmp_path / "cut.doc", data[: int(len(data) * cut)])
    with pytest.raises(DamagedFile) as e:
        readers.read_path(path)
    for lang in ("zh", "en"):
        message = describe(e.value, lang)
        assert "cut.doc" in message and "\n" not in message


def test_damaged_properties_cost_the_title_only():
    """One byte of the properties' offsets changed (found by fuzzing): olefile's own reader of them spent
    minutes and gigabytes on it; the text is read, without the title, at once."""
    data = bytearray((DATA / "report.doc").read_bytes())
    assert data[2500] == 0x60  # an offset in the summary property set
    data[2500] = 0x72
    raw = read_doc(bytes(data), "props.doc")
    assert raw.title is None and lines(raw.text) == lines(read_doc((DATA / "report.doc").read_bytes(), "r.doc").text)


@pytest.mark.parametrize(("flag", "error"), [(0x0100, Encrypted), (0x8000, Encrypted)])
def test_an_encrypted_doc(tmp_path, flag, error):
    path = tmp_path / "locked.doc"
    shutil.copy(DATA / "report.doc", path)
    _rewrite(path, "WordDocument", lambda d: struct.pack_into("<H", d, 0x0A, struct.unpack_from("<H", d, 0x0A)[0] | flag))
    with pytest.raises(error) as e:
        readers.read_path(path)
    assert "password" in describe(e.value, "en") and "密码" in describe(e.value, "zh")


def test_word_95_and_word_2003_xml_are_refused_with_what_to_do(tmp_path):
    path = tmp_path / "old.doc"
    shutil.copy(DATA / "report.doc", path)
    _rewrite(path, "WordDocument", lambda d: struct.pack_into("<H", d, 2, 0x0068))  # Word 95's nFib
    with pytest.raises(OldFormat) as e:
        readers.read_path(path)
    word6 = tmp_path / "word6.doc"
    shutil.copy(DATA / "report.doc", word6)
    _rewrite(word6, "WordDocument", lambda d: struct.pack_into("<H", d, 0, 0xA5DC))
    with pytest.raises(OldFormat):
        readers.read_path(word6)
    assert ".docx" in describe(e.value, "zh") and "old.doc" in describe(e.value, "en")
    xml = write(tmp_path / "xml.doc", b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                b'<?mso-application progid="Word.Document"?>\n<w:wordDocument xmlns:w="x"><w:body/></w:wordDocument>')
    with pytest.raises(OldFormat):
        readers.read_path(xml)


def test_a_random_ole_file_or_random_bytes_are_damaged(tmp_path):
    junk = write(tmp_path / "junk.doc", bytes((k * 131 + 7) % 256 for k in range(3000)))
    with pytest.raises(DamagedFile):
        readers.read_path(junk)
    fake = write(tmp_path / "fake.doc", doc.CFB + bytes(4000))
    with pytest.raises(DamagedFile):
        readers.read_path(fake)


def test_what_word_and_wps_save_under_doc_is_read_for_what_it_is(tmp_path, from_docx):
    lines0 = sample_lines(0)
    renamed = write(tmp_path / "renamed.doc", (DATA / "report.docx").read_bytes())
    raw = readers.read_path(renamed)
    assert raw.format == "docx" and raw.text == from_docx.text
    rtf = write(tmp_path / "rtf.doc", (DATA / "report.rtf").read_bytes())
    raw = readers.read_path(rtf)
    assert raw.format == "rtf" and lines(raw.text) == lines(from_docx.text) and headings(raw) == headings(from_docx)
    page = write(tmp_path / "page.doc", page_html(lines0, charset="gbk").encode("gbk"))
    raw = readers.read_path(page)
    assert raw.format == "html" and lines0[0] in raw.text and "SCRIPT-TEXT" not in raw.text
    old = write(tmp_path / "old.docx", (DATA / "report.doc").read_bytes())  # a .doc named .docx
    raw = readers.read_path(old)
    assert raw.format == "doc" and lines(raw.text) == lines(from_docx.text)
    assert readers.read_path(write(tmp_path / "d.doc", docx_bytes([("一段文字", None)]))).text == "一段文字"
    body = page_html(lines0, charset="gbk").encode("gbk")
    single = write(tmp_path / "single.doc", mht_bytes(body, "gbk", "base64"))  # Word's "single file web page"
    folded = write(tmp_path / "folded.doc", b"Subject: =?utf-8?Q?a?=\r\n =?utf-8?Q?b?=\r\n" + mht_bytes(body, "gbk"))
    for path in (single, folded):
        raw = readers.read_path(path)
        assert raw.format == "mht" and raw.text == read_html(body, "p.html").text


def _run(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_command_line_import_doc_then_outline(capsys, tmp_path):
    outlines = {}
    for name in ("report.docx", "report.doc", "report.rtf"):
        project = str(tmp_path / f"{name}.renda")
        code, out = _run(capsys, "--lang", "en", "import", str(DATA / name), "--project", project)
        assert code == 0 and out.startswith(f"imported  {name}: 1 unit"), out
        code, out = _run(capsys, "outline", "--json", "--project", project)
        assert code == 0
        (unit,) = json.loads(out)["units"]
        outlines[name] = (unit["title"], unit["year"], unit["length"], unit["sections"])
    assert outlines["report.doc"] == outlines["report.docx"] == outlines["report.rtf"]
    title, year, _length, sections = outlines["report.doc"]
    assert title == "某某县人民代表大会常务委员会工作报告" and year == 2023
    assert [(s["heading"], [c["heading"] for c in s["children"]]) for s in sections] == [
        ("一、过去一年的主要工作", ["（一）坚持依法监督，推动高质量发展", "（二）加强代表工作，密切联系群众"]),
        ("二、今年的主要任务", ["（一）围绕中心工作，依法履行职责"]),
    ]


def test_one_page_of_paragraph_properties_named_again_and_again_is_read_once():
    crun = doc._MAX_CRUN
    fkp = bytearray(512)
    struct.pack_into(f"<{crun + 1}I", fkp, 0, *range(0, 2 * (crun + 1), 2))
    fkp[511] = crun
    n = 200_000  # a table naming page 0 n times: 5.8 million runs, were each name read
    plc = struct.pack(f"<{n + 1}I", *range(n + 1)) + bytes(4 * n)
    runs = doc._papx_runs(bytes(fkp), plc, 0, len(plc), limit=1000)
    assert len(runs) == crun
    fkp[511] = crun + 1  # more runs than a page holds
    with pytest.raises(ValueError):
        doc._papx_runs(bytes(fkp), plc, 0, len(plc), limit=1000)
    fkp[511] = crun
    with pytest.raises(ValueError):
        doc._papx_runs(bytes(fkp), plc, 0, len(plc), limit=crun - 1)
