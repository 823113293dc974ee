"""RTF (.rtf, and RTF saved under .doc): LibreOffice's RTF of report.docx read as the .docx is, a
Chinese WPS-style RTF in GBK bytes, fields, Unicode escapes, and the nesting limit."""

from __future__ import annotations

import pytest

from reader.bench.formats import write
from reader.core import readers
from reader.core.errors import DamagedFile, TooComplex
from reader.core.readers import rtf
from reader.core.readers.docx import read_docx
from reader.core.readers.rtf import read_rtf
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data" / "doc"


def lines(text: str) -> list[str]:
    return [ln for ln in text.split("\n") if ln.strip()]


def headings(raw) -> list[tuple[str, int]]:
    return [(raw.text[h.offset :].split("\n")[0], h.level) for h in raw.hints]


def test_rtf_reads_as_the_docx_it_came_from():
    docx = read_docx((DATA / "report.docx").read_bytes(), "report.docx")
    raw = readers.read_path(DATA / "report.rtf")
    assert lines(raw.text) == lines(docx.text) and headings(raw) == headings(docx)
    assert raw.format == "rtf" and "HYPERLINK" not in raw.text


def _gbk(s: str) -> str:
    return "".join(f"\\'{b:02x}" for b in s.encode("gbk"))


WPS = (
    r"{\rtf1\ansi\ansicpg936\deff0{\fonttbl{\f0\fnil\fcharset134 " + _gbk("宋体") + r";}{\f1\fswiss\fcharset0 Arial;}}"
    r"{\stylesheet{\s0 Normal;}{\s1\sbasedon0 \u26631?\u39064? 1;}{\*\cs10 Default Paragraph Font;}}"
    r"{\info{\title " + _gbk("不是正文") + r"}}{\header " + _gbk("页眉") + r"\par}"
    r"\pard\plain\s1\f0 " + _gbk("一、总体要求") + r"\par"
    r"\pard\plain\f0 " + _gbk("坚持依法履职") + r"{\field{\*\fldinst HYPERLINK 'http://x'}{\fldrslt " + _gbk("网站")
    + r"}}" + _gbk("。") + r"{\footnote " + _gbk("脚注") + r"}\line " + _gbk("第二行") + r"\tab{\f1 caf\'e9}\par"
    r"\pard\outlinelevel1 \u20108?\u-10179?\u-8903?\par"
    r"\trowd\pard\intbl " + _gbk("项目") + r"\cell " + _gbk("数量") + r"\cell\row"
    r"{\*\unknowndestination " + _gbk("不要") + r"}\pard{\pict\bin4 }{}}}" + r"\par " + _gbk("完") + r"\par}"
)


def test_a_chinese_rtf_in_gbk_bytes():
    raw = read_rtf(WPS.encode("latin-1"), "wps.rtf")
    assert raw.text.split("\n") == ["一、总体要求", "坚持依法履职网站。", "第二行\tcafé", "二\U0001f539", "项目", "数量",
                                      "", "完"]  # an empty paragraph after the picture's binary data
    assert headings(raw) == [("一、总体要求", 1), ("二\U0001f539", 2)]


def test_rtf_limits_and_damage(tmp_path):
    deep = b"{\\rtf1 " + b"{" * (rtf.MAX_DEPTH + 1) + b"x" + b"}" * (rtf.MAX_DEPTH + 1) + b"}"
    with pytest.raises(TooComplex) as e:
        read_rtf(deep, "deep.rtf")
    assert e.value.what == "depth"
    with pytest.raises(DamagedFile):
        readers.read_path(write(tmp_path / "not.rtf", b"plain words"))
    cut = (DATA / "report.rtf").read_bytes()
    raw = read_rtf(cut[: int(len(cut) * 0.8)], "cut.rtf")  # a truncated RTF gives the text it holds
    assert raw.text.startswith("某某县人民代表大会常务委员会工作报告")
