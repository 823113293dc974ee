"""Encoding detection: byte-order marks, strict UTF-8, GB18030/GBK, Big5 (which also decodes as
GB18030, as nonsense), short files, characters beyond the BMP, binary content, undecodable and
truncated files, and declared charsets that lie."""

from __future__ import annotations

import codecs
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.bench.formats import ASTRAL, big5_bytes, traditional
from reader.core.errors import BinaryContent, UndecodableText
from reader.core.readers.decode import decode, han_share
from tests.conftest import SAMPLES

TEXT = SAMPLES[0].read_text(encoding="utf-8")
FLAT = TEXT.replace("\n", "")


def roundtrip(text: str, codec: str) -> str:
    data = text.encode(codec)
    found = decode(data, "f.txt")
    assert data.decode(found.encoding) == found.text  # the recorded codec decodes the file
    return found.encoding


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), "utf-32"),
        (TEXT.encode("utf-8"), "utf-8"),
    ],
    ids=["utf-8-bom", "utf-16", "utf-16-le-bom", "utf-16-be-bom", "utf-32-le-bom", "utf-8"],
)
def test_byte_order_marks_and_utf8(data, encoding):
    found = decode(data, "f.txt")
    assert found.text == TEXT and found.encoding == encoding


@pytest.mark.parametrize("codec", ["gb18030", "gbk", "gb2312"])
def test_gb_family_is_read_as_gb18030(codec):
    text = TEXT.replace("“", "\u201c")  # every character of the sample exists in GB2312
    assert roundtrip(text, codec) == "gb18030"
    assert decode(text.encode(codec), "f").text == text


def test_big5_is_not_read_as_gb18030():
    text = traditional(TEXT)
    data = text.encode("cp950")
    nonsense = data.decode("gb18030")  # the trap: Big5 bytes decode as GB18030 without error
    assert nonsense != text and han_share(nonsense) < 0.7
    found = decode(data, "f.txt")
    assert found.text == text and found.encoding == "cp950"


def test_big5_hkscs_when_plain_big5_lacks_a_character():
    text = traditional(SAMPLES[1].read_text(encoding="utf-8"))  # pinyin glosses: ā é ǎ
    data, codec = big5_bytes(text)
    assert codec == "big5hkscs"
    found = decode(data, "f.txt")
    assert found.encoding == "big5hkscs" and found.text == data.decode("big5hkscs")
    assert "（xué）" in found.text or "(xué)" in found.text


@pytest.mark.parametrize("length", [10, 15, 20])
def test_short_files_decode_exactly(length):
    """Slices of the sample all over the text, as GB18030 and (traditional) as Big5."""
    starts = range(0, len(FLAT) - length, 97)
    assert len(starts) > 30
    for i in starts:
        simplified = FLAT[i : i + length]
        assert decode(simplified.encode("gb18030"), "f").text == simplified
        trad = traditional(simplified)
        try:
            data = trad.encode("cp950")
        except UnicodeEncodeError:
            continue
        assert decode(data, "f").text == trad, (i, trad)


def test_characters_beyond_the_bmp_survive_every_encoding():
    text = f"新绛县{ASTRAL}村人大代表联络站，{ASTRAL}字样。"
    for codec in ("utf-8", "utf-8-sig", "utf-16", "utf-16-be", "gb18030"):
        data = text.encode(codec)
        if codec == "utf-16-be":
            data = codecs.BOM_UTF16_BE + data
        assert decode(data, "f").text == text, codec
    assert len(ASTRAL.encode("gb18030")) == 8  # four bytes each


def test_binary_content_is_refused():
    png = b"\x89PNG\r\n\x1a\n" + os.urandom(200)
    random = bytes((b * 37 + 11) % 256 for b in range(4000))  # every byte value, NULs included
    controls = b"text" + b"\x01\x02\x03\x04\x05\x06" * 20
    after_bom = codecs.BOM_UTF16_LE + ("\x01\ue000\x02\ue123" * 50).encode("utf-16-le")  # decodes, not text
    for data in (png, random, controls, b"PK\x03\x04" + b"x" * 100, after_bom):
        with pytest.raises(BinaryContent):
            decode(data, "f.txt")


def test_utf16_without_bom_is_read_when_it_is_text():
    text = "中文测试 text, with ASCII 123"
    assert decode(text.encode("utf-16-le"), "f").text == text


def test_undecodable_bytes_are_refused():
    with pytest.raises(UndecodableText):
        decode(b"abc\x81 def\x81 ghi", "f.txt")


def test_a_file_cut_inside_its_last_character():
    text = "中文测试文本一二三"
    found = decode(text.encode("gb18030")[:-1], "f")
    assert found.encoding == "gb18030" and found.text == text[:-1] + "\ufffd"
    found = decode(text.encode("utf-8")[:-2], "f")
    assert found.text == text[:-1] + "\ufffd"


def test_western_text():
    text = "Ceci est un café français. Très bien, naïve résumé."
    found = decode(text.encode("cp1252"), "f")
    assert found.text == text and found.encoding == "cp1252"


def test_a_declared_charset_is_checked_not_trusted():
    trad = "近年來吉縣人大常委會認真學習"
    assert decode(trad.encode("cp950"), "p.html", declared="gb2312").text == trad
    simp = "近年来吉县人大常委会认真学习"
    assert decode(simp.encode("gbk"), "p.html", declared="utf-8").text == simp
    assert decode(simp.encode("gbk"), "p.html", declared="x-gbk").encoding == "gb18030"


HANZI = sorted({ch for ch in FLAT if "\u4e00" <= ch <= "\u9fff"})
ALPHABET = st.sampled_from(HANZI + list("，。、；：“”（）《》—…") + list(ASTRAL))


@settings(max_examples=150, deadline=None)
@given(
    chinese=st.lists(ALPHABET, min_size=10, max_size=60).map("".join),
    latin=st.text(alphabet="abcXYZ0123456789 ,.\n", max_size=20),
    codec=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"]),
)
def test_decode_round_trips_random_chinese(chinese, latin, codec):
    """Random Chinese text (hanzi of the samples, punctuation, hanzi beyond the BMP) with some
    ASCII, at least 10 Chinese characters, written in each encoding, reads back exactly."""
    text = chinese[: len(chinese) // 2] + latin + chinese[len(chinese) // 2 :]
    assert decode(text.encode(codec), "f").text == text


NATURAL = [p.read_text(encoding="utf-8").replace("\n", "") for p in SAMPLES]


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_decode_round_trips_big5_slices(data):
    """Any 10-40 characters of a sample report, in traditional characters, in Big5. (Random
    character soup this short can be ambiguous between Big5 and GB18030: every two-byte pair may
    be common hanzi in both, and chardet's language model has no real text to go on.)"""
    text = data.draw(st.sampled_from(NATURAL))
    length = data.draw(st.integers(10, 40))
    start = data.draw(st.integers(0, len(text) - length))
    trad = traditional(text[start : start + length])
    try:
        encoded = trad.encode("cp950")
    except UnicodeEncodeError:
        return
    assert decode(encoded, "f").text == trad
