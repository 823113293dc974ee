"""REFI-QDA: positions under LF and CRLF (with characters outside the BMP), the .qdpx archive and
its project.qde checked against the QDA-XML 1.0 schema, the .qdc codebook, and the round trip
export -> import into an empty project."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import xmlschema
from hypothesis import given
from hypothesis import strategies as st

from reader.core.errors import BadExchangeFile
from reader.core.export import Selection, export, records, write_qdc, write_qdpx
from reader.core.export.refi.common import Positions, SourceText
from reader.core.export.refi.project_reader import Skipped
from reader.core.ingest.importing import import_paths
from reader.core.messages import describe_skipped
from reader.core.store import documents
from reader.core.store.db import open_project
from reader.core.store.themes import list_themes
from tests.conftest import ROOT
from tests.core.export_data import ASTRAL_QUOTE, NEWLINE_QUOTE, STATION, SUPERVISION, tag_sample

SCHEMAS = ROOT / "tests" / "data" / "refi"
NS = {"q": "urn:QDA-XML:project:1.0"}
CB = {"c": "urn:QDA-XML:codebook:1.0"}


@pytest.fixture(scope="module")
def project_schema():
    return xmlschema.XMLSchema(str(SCHEMAS / "Project.xsd"))


@pytest.fixture(scope="module")
def codebook_schema():
    return xmlschema.XMLSchema(str(SCHEMAS / "Codebook.xsd"))


@pytest.fixture
def tagged(sample_project, tmp_path):
    return sample_project, tag_sample(sample_project, tmp_path)


def qde(path: Path) -> ET.Element:
    with zipfile.ZipFile(path) as z:
        return ET.fromstring(z.read("project.qde"))


def passages_key(project):
    return sorted(
        (r.quote, r.start, r.end, tuple(r.themes), r.county, r.province, r.prefecture, r.year, r.note, r.coder, r.created_at)
        for r in records(project, Selection())
    )


# -- positions -----------------------------------------------------------------------------------


def test_positions_by_hand_with_astral_characters_and_line_breaks():
    text = "𠮷\n祥𡈼\n村"  # 𠮷=0 \n=1 祥=2 𡈼=3 \n=4 村=5
    lf, crlf = Positions(text, "lf"), Positions(text, "crlf")
    assert lf.file_text() == text and lf.position(5) == 5
    assert crlf.file_text() == "𠮷\r\n祥𡈼\r\n村"
    assert [crlf.position(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 5, 7, 8]
    f = crlf.file_text()
    assert f[crlf.position(2) : crlf.position(4)] == "祥𡈼"  # inside: an astral character counts once
    assert f[crlf.position(5) : crlf.position(6)] == "村"  # after two line breaks: +2
    assert f[crlf.position(1) : crlf.position(3)] == "\r\n祥"  # a span across a break takes CRLF whole
    # code points: 8, where UTF-8 has 18 bytes and UTF-16 10 units (each astral character is a pair)
    assert len(f) == crlf.position(6) == 8
    assert len(f.encode("utf-8")) == 18 and len(f.encode("utf-16-le")) // 2 == 10


_TEXT = st.text(alphabet=["a", "中", "𠮷", "𡈼", "\n", "，"], max_size=40)


@given(_TEXT, st.data())
def test_positions_cover_the_same_text_under_both_line_endings(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for style in ("lf", "crlf"):
        pos = Positions(text, style)
        f = pos.file_text()
        span = f[pos.position(start) : pos.position(end)]
        assert span.replace("\r\n", "\n") == text[start:end]
        back = SourceText(f)
        assert back.text == text
        assert (back.offset(pos.position(start)), back.offset(pos.position(end))) == (start, end)


def test_source_text_drops_a_bom_and_maps_lone_cr():
    st_ = SourceText("\ufeff甲\r乙\r\n丙")
    assert st_.text == "甲\n乙\n丙" and st_.original == "甲\r乙\r\n丙"
    assert st_.offset(5) == 4  # 丙: after one CRLF
    assert st_.sources == [0, 1, 2, 4, 5]


def test_selection_counted_with_crlf_as_one_character_is_recognised_by_its_name():
    st_ = SourceText("第一行\r\n第二行\r\n代表联络站")
    strict = st_.span(10, 15)  # standard: CRLF is two code points
    assert st_.text[strict[0] : strict[1]] == "代表联络站"
    loose = st_.span(8, 13, name="代表联络站")  # a tool that counted CRLF as one
    assert st_.text[loose[0] : loose[1]] == "代表联络站"
    assert st_.span(10, 15, name="代表联络站") == strict


# -- the archive ---------------------------------------------------------------------------------


@pytest.mark.parametrize("line_endings", ["lf", "crlf"])
def test_archive_layout_schema_and_positions(tagged, tmp_path, project_schema, line_endings):
    project, t = tagged
    out = tmp_path / "p.qdpx"
    result = write_qdpx(project, out, line_endings=line_endings)
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
        raw = z.read("project.qde")
        assert raw.startswith(b'<?xml version="1.0" encoding="utf-8"?>')  # no BOM before <?xml
        project_schema.validate(raw.decode("utf-8"))
        root = ET.fromstring(raw)
        sources = root.findall("q:Sources/q:TextSource", NS)
        assert len(sources) == result.sources == len(documents.list_units(project))
        assert sorted(names) == sorted(["project.qde"] + [f"sources/{s.get('guid')}.txt" for s in sources])
        assert b"richTextPath" not in raw and all(n == "project.qde" or n.startswith("sources/") for n in names)
        quotes = {r.id: r.quote for r in records(project, Selection())}
        seen = 0
        for s in sources:
            assert s.get("plainTextPath") == f"internal://{s.get('guid')}.txt"
            data = z.read(f"sources/{s.get('guid')}.txt")
            assert not data.startswith(b"\xef\xbb\xbf")
            text = data.decode("utf-8")
            if line_endings == "crlf":
                assert "\n" in text and text.count("\n") == text.count("\r\n")
            else:
                assert "\r" not in text
            for sel in s.findall("q:PlainTextSelection", NS):
                got = text[int(sel.get("startPosition")) : int(sel.get("endPosition"))]
                assert got.replace("\r\n", "\n") in quotes.values()
                seen += 1
    assert seen == result.passages == len(t.passages)


def test_astral_and_multiline_positions_in_the_crlf_file(tagged, tmp_path):
    project, t = tagged
    out = tmp_path / "p.qdpx"
    write_qdpx(project, out, Selection(counties=("永和县",)), line_endings="crlf")
    root = qde(out)
    (source,) = root.findall("q:Sources/q:TextSource", NS)
    with zipfile.ZipFile(out) as z:
        text = z.read(f"sources/{source.get('guid')}.txt").decode("utf-8")
    unit = documents.unit_text(project, t.astral_unit)
    spans = {sel.get("name"): (int(sel.get("startPosition")), int(sel.get("endPosition")))
             for sel in source.findall("q:PlainTextSelection", NS)}
    start, end = spans[ASTRAL_QUOTE]
    assert text[start:end] == ASTRAL_QUOTE
    assert start == unit.index(ASTRAL_QUOTE) + unit[: unit.index(ASTRAL_QUOTE)].count("\n")
    start, end = spans[NEWLINE_QUOTE.replace("\n", " ")]
    assert text[start:end] == NEWLINE_QUOTE.replace("\n", "\r\n") and end - start == len(NEWLINE_QUOTE) + 1


def test_codebook_cases_variables_and_users(tagged, tmp_path):
    project, t = tagged
    out = tmp_path / "p.qdpx"
    write_qdpx(project, out)
    root = qde(out)
    codes = root.find("q:CodeBook/q:Codes", NS)
    by_name = {c.get("name"): c for c in codes.iter("{urn:QDA-XML:project:1.0}Code")}
    assert len(by_name) == len(list_themes(project))
    # a category: children and no passage of its own -> not codable; codable when tagged directly
    assert by_name["代表工作"].get("isCodable") == "false"
    assert by_name[SUPERVISION].get("isCodable") == "true"
    assert by_name["代表联络站"] in list(by_name["代表工作"]) and by_name["代表联络站"].get("isCodable") == "true"
    assert all(len(c.get("color")) == 7 and c.get("color").startswith("#") for c in by_name.values())
    variables = {v.get("name"): v for v in root.findall("q:Variables/q:Variable", NS)}
    assert {k: v.get("typeOfVariable") for k, v in variables.items()} == {
        "省份": "Text", "地市": "Text", "年份": "Integer", "报告标题": "Text"}
    cases = {c.get("name"): c for c in root.findall("q:Cases/q:Case", NS)}
    counties = {u.county for u in documents.list_units(project) if u.county}
    assert set(cases) == counties
    yonghe = cases["永和县"]
    values = {}
    for vv in yonghe.findall("q:VariableValue", NS):
        ref = vv.find("q:VariableRef", NS).get("targetGUID")
        name = next(k for k, v in variables.items() if v.get("guid") == ref)
        values[name] = vv.find("q:TextValue", NS).text
    assert values == {"省份": "山西省", "地市": "临汾市"}
    source_guids = {s.get("guid"): s for s in root.findall("q:Sources/q:TextSource", NS)}
    (ref,) = yonghe.findall("q:SourceRef", NS)
    source = source_guids[ref.get("targetGUID")]
    year = next(vv for vv in source.findall("q:VariableValue", NS)
                if vv.find("q:VariableRef", NS).get("targetGUID") == variables["年份"].get("guid"))
    assert year.find("q:IntegerValue", NS).text == "2022"
    users = {u.get("name"): u.get("guid") for u in root.findall("q:Users/q:User", NS)}
    assert {"王五", "李四"} <= set(users)
    after = next(s for s in source.findall("q:PlainTextSelection", NS) if s.get("name") == "祥村代表联络站")
    assert after.get("creatingUser") == users["王五"]
    (coding,) = after.findall("q:Coding", NS)
    assert coding.find("q:CodeRef", NS).get("targetGUID") == by_name["代表联络站"].get("guid")


def test_export_is_deterministic(tagged, tmp_path):
    project, _ = tagged
    a, b = tmp_path / "a.qdpx", tmp_path / "b.qdpx"
    write_qdpx(project, a)
    write_qdpx(project, b)
    assert a.read_bytes() == b.read_bytes()


def test_qdc_validates_and_imports(tagged, tmp_path, codebook_schema):
    project, _ = tagged
    out = tmp_path / "cb.qdc"
    result = write_qdc(project, out)
    raw = out.read_bytes()
    assert raw.startswith(b"<?xml")
    codebook_schema.validate(raw.decode("utf-8"))
    root = ET.fromstring(raw)
    assert root.tag == "{urn:QDA-XML:codebook:1.0}CodeBook"
    assert len(list(root.iter("{urn:QDA-XML:codebook:1.0}Code"))) == result.themes == len(list_themes(project))
    with open_project(tmp_path / "empty.renda", codebook=False) as other:
        report = import_paths(other, [out])
        item = report.items[0]
        assert item.status == "imported" and item.exchange.themes.kept == []
        assert [t.path for t in list_themes(other)] == [t.path for t in list_themes(project)]
        assert {t.path: t.colour for t in list_themes(other)} == {t.path: t.colour for t in list_themes(project)}
        again = import_paths(other, [out]).items[0]
        assert again.status == "duplicate" and len(again.exchange.themes.kept) == result.themes


# -- round trip ----------------------------------------------------------------------------------


@pytest.mark.parametrize("line_endings", ["lf", "crlf"])
def test_round_trip_into_an_empty_project(tagged, tmp_path, line_endings):
    project, t = tagged
    out = tmp_path / "p.qdpx"
    write_qdpx(project, out, line_endings=line_endings)
    with open_project(tmp_path / "empty.renda", codebook=False) as other:
        report = import_paths(other, [out])
        item = report.items[0]
        assert item.status == "imported", item.error
        assert item.exchange.passages == len(t.passages) and item.exchange.skipped == []
        assert passages_key(other) == passages_key(project)
        assert [x.path for x in list_themes(other)] == [x.path for x in list_themes(project)]
        units = {u.county: u for u in documents.list_units(other) if u.county}
        assert set(units) == {u.county for u in documents.list_units(project) if u.county}
        assert units["永和县"].county_code == documents.get_unit(project, t.astral_unit).county_code
        for u in documents.list_units(other):  # each unit is exactly its source's text
            text = documents.unit_text(other, u.id)
            assert u.start == 0 and "\r" not in text
        yonghe = documents.unit_text(other, units["永和县"].id)
        assert yonghe == documents.unit_text(project, t.astral_unit)
        assert [s.heading for s in documents.outline(other, "永和县")[0].sections] == ["一、代表工作", "二、监督工作"]
        # the same archive again: every report is already there, nothing is added
        again = import_paths(other, [out]).items[0]
        assert again.status == "duplicate" and again.exchange.duplicates == len(documents.list_units(project))
        assert passages_key(other) == passages_key(project)


def test_round_trip_into_a_project_with_the_default_codebook_keeps_themes(tagged, project, tmp_path):
    source, t = tagged
    out = tmp_path / "p.qdpx"
    write_qdpx(source, out, Selection(themes=(STATION,)))
    before = [x.path for x in list_themes(project)]
    item = import_paths(project, [out]).items[0]
    assert item.exchange.themes.added == [] and [x.path for x in list_themes(project)] == before
    assert {r.quote for r in records(project, Selection())} == {r.quote for r in records(source, Selection(themes=(STATION,)))}


# -- what other tools write ----------------------------------------------------------------------


def rewrite(src: Path, dst: Path, *, rename=None, qde_edit=None, data_edit=None) -> Path:
    """A copy of an archive with entries renamed, project.qde edited or source data changed."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            if name == "project.qde" and qde_edit:
                data = qde_edit(data.decode("utf-8")).encode("utf-8")
            if name != "project.qde" and data_edit:
                data = data_edit(data)
            zout.writestr(rename(name) if rename else name, data)
    return dst


def test_uppercase_sources_relative_paths_and_bom_are_accepted(tagged, tmp_path):
    project, _ = tagged
    out = tmp_path / "p.qdpx"
    write_qdpx(project, out, Selection(counties=("永和县", "吉县")), line_endings="crlf")
    variant = rewrite(
        out,
        tmp_path / "v.qdpx",
        rename=lambda n: n.replace("sources/", "Sources/"),
        qde_edit=lambda x: x.replace('plainTextPath="internal://', 'plainTextPath="Sources/'),
        data_edit=lambda d: b"\xef\xbb\xbf" + d,
    )
    with open_project(tmp_path / "e.renda", codebook=False) as other:
        item = import_paths(other, [variant]).items[0]
        assert item.status == "imported", item.error
        want = [k for k in passages_key(project) if k[4] in ("永和县", "吉县")]
        assert passages_key(other) == want


def test_inline_plain_text_content(tmp_path):
    text = "某县人大常委会工作报告\n一、代表工作\n代表联络站接待群众。"
    xml = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="t">
 <CodeBook><Codes>
  <Code guid="{{11111111-2222-3333-4444-555555555555}}" name="代表工作" isCodable="false">
   <Code guid="21111111-2222-3333-4444-555555555555" name="联络站" isCodable="true" color="#0a0"/>
  </Code></Codes></CodeBook>
 <Sources><TextSource guid="31111111-2222-3333-4444-555555555555" name="inline">
  <PlainTextContent>{text}</PlainTextContent>
  <PlainTextSelection guid="41111111-2222-3333-4444-555555555555" startPosition="19" endPosition="24">
   <Coding guid="51111111-2222-3333-4444-555555555555"><CodeRef targetGUID="21111111-2222-3333-4444-555555555555"/></Coding>
  </PlainTextSelection>
 </TextSource>
 <PictureSource guid="61111111-2222-3333-4444-555555555555" name="photo"/></Sources>
</Project>"""
    path = tmp_path / "inline.qdpx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("project.qde", "\ufeff" + xml)  # a BOM before <?xml: tolerated on import
    with open_project(tmp_path / "e.renda", codebook=False) as other:
        item = import_paths(other, [path]).items[0]
        assert item.status == "imported", item.error
        (rec,) = records(other, Selection())
        assert text.index("代表联络站") == 19
        assert rec.quote == "代表联络站" and rec.themes == ["代表工作/联络站"] and rec.start == 19
        assert item.exchange.skipped == [Skipped("source_kind", "photo", detail="PictureSource")]
        assert describe_skipped(item.exchange.skipped[0], "zh") == "photo：PictureSource 类型的材料（只导入文字材料）"
        assert describe_skipped(item.exchange.skipped[0], "en") == "photo: a PictureSource (only text sources are imported)"
        assert [t.colour for t in list_themes(other)] == [None, "#00aa00"]


def test_a_tool_that_counts_crlf_as_one_character(tmp_path):
    text = "某县人大常委会工作报告\r\n一、代表工作\r\n代表联络站接待群众。"
    lf = text.replace("\r\n", "\n")
    start = lf.index("代表联络站")
    xml = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="t" origin="ATLAS.ti">
 <CodeBook><Codes><Code guid="21111111-2222-3333-4444-555555555555" name="联络站" isCodable="true"/></Codes></CodeBook>
 <Sources><TextSource guid="31111111-2222-3333-4444-555555555555" name="doc" plainTextPath="internal://31111111-2222-3333-4444-555555555555.txt">
  <PlainTextSelection guid="41111111-2222-3333-4444-555555555555" name="代表联络站" startPosition="{start}" endPosition="{start + 5}">
   <Coding guid="51111111-2222-3333-4444-555555555555"><CodeRef targetGUID="21111111-2222-3333-4444-555555555555"/></Coding>
  </PlainTextSelection>
 </TextSource></Sources>
</Project>"""
    path = tmp_path / "atlas.qdpx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("project.qde", xml)
        z.writestr("sources/31111111-2222-3333-4444-555555555555.txt", text.encode("utf-8"))
    with open_project(tmp_path / "e.renda", codebook=False) as other:
        item = import_paths(other, [path]).items[0]
        (rec,) = records(other, Selection())
        assert rec.quote == "代表联络站" and item.exchange.skipped == []


@pytest.mark.parametrize(
    "case",
    ["not a zip", "no project.qde", "bad xml", "wrong root", "missing source"],
)
def test_damaged_archives_are_one_error_and_add_nothing(tagged, tmp_path, case):
    project, _ = tagged
    good = tmp_path / "good.qdpx"
    write_qdpx(project, good, Selection(counties=("吉县",)))
    bad = tmp_path / "bad.qdpx"
    if case == "not a zip":
        bad.write_bytes(b"PK\x03\x04 cut off")
    elif case == "no project.qde":
        rewrite(good, bad, rename=lambda n: "other.xml" if n == "project.qde" else n)
    elif case == "bad xml":
        rewrite(good, bad, qde_edit=lambda x: x[: len(x) // 2])
    elif case == "wrong root":
        rewrite(good, bad, qde_edit=lambda x: x.replace("<Project ", "<Projekt ").replace("</Project>", "</Projekt>"))
    else:
        rewrite(good, bad, rename=lambda n: n.replace("sources/", "elsewhere/"))
    with open_project(tmp_path / "e.renda", codebook=False) as other:
        report = import_paths(other, [bad])
        (item,) = report.items
        assert item.status == "failed" and isinstance(item.error, BadExchangeFile)
        assert item.error.format == "qdpx" and item.error.reason
        assert other.db["themes"].count == 0 and other.db["documents"].count == 0


def test_export_through_the_dispatcher_names_the_format(tagged, tmp_path):
    project, _ = tagged
    result = export(project, "qdpx", tmp_path / "x.qdpx", Selection(themes=(SUPERVISION,)), line_endings="crlf")
    assert result.format == "qdpx" and result.passages == 6


# -- issue 14: nothing is repaired in silence ----------------------------------------------------------

def _qdpx_with(tmp_path, selections: list[tuple[int, int]], source: bytes, name: str = "hostile.qdpx"):
    sels = "".join(
        f'<PlainTextSelection guid="4111111{k}-2222-3333-4444-555555555555" startPosition="{s}" endPosition="{e}">'
        f'<Coding guid="5111111{k}-2222-3333-4444-555555555555"><CodeRef targetGUID="21111111-2222-3333-4444-555555555555"/>'
        "</Coding></PlainTextSelection>"
        for k, (s, e) in enumerate(selections)
    )
    xml = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="t">
 <CodeBook><Codes><Code guid="21111111-2222-3333-4444-555555555555" name="联络站" isCodable="true"/></Codes></CodeBook>
 <Sources><TextSource guid="31111111-2222-3333-4444-555555555555" name="doc" plainTextPath="internal://a.txt">{sels}
 </TextSource></Sources>
</Project>"""
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("project.qde", xml)
        z.writestr("sources/a.txt", source)
    return path


REPORT_TEXT = "某县人大常委会工作报告\n一、代表工作\n代表联络站接待群众。" * 20


def test_selections_outside_the_text_are_reported_not_clamped(tmp_path, capsys):
    from reader.cli import main

    n = len(REPORT_TEXT)
    good = (REPORT_TEXT.index("代表联络站"), REPORT_TEXT.index("代表联络站") + 5)
    bad = [(10, 10**12), (-5, 20), (n - 3, n + 1), (30, 30), (40, 35)]
    path = _qdpx_with(tmp_path, [good, *bad], REPORT_TEXT.encode("utf-8"))
    with open_project(tmp_path / "e.renda", codebook=False) as other:
        (item,) = import_paths(other, [path]).items
        assert item.status == "imported", item.error
        (rec,) = records(other, Selection())
        assert (rec.start, rec.end) == good
        outside = [s for s in item.exchange.skipped if s.kind == "outside"]
        assert [(s.start, s.end) for s in outside] == bad
    code = main(["--lang", "en", "import", str(path), "--project", str(tmp_path / "f.renda")])
    out = capsys.readouterr().out
    assert code == 0
    for start, end in bad:
        assert f"a selection {start}–{end} outside the text" in out, out


@pytest.mark.parametrize("junk", ["\x00", "\x01"])
def test_a_source_with_binary_bytes_is_refused_as_a_text_file_would_be(tmp_path, junk):
    from reader.core.errors import BinaryContent
    from reader.core.readers.decode import decode

    data = (REPORT_TEXT[:40] + junk * 30 + REPORT_TEXT[40:]).encode("utf-8")
    with pytest.raises(BinaryContent):
        decode(data, "a.txt")  # what a .txt of these bytes meets
    path = _qdpx_with(tmp_path, [(REPORT_TEXT.index("代表联络站"), REPORT_TEXT.index("代表联络站") + 5), (0, 3)], data)
    with open_project(tmp_path / "e.renda", codebook=False) as other:
        (item,) = import_paths(other, [path]).items
        assert other.db["documents"].count == 0 and item.exchange.passages == 0
        (skip,) = item.exchange.skipped
        assert skip.kind == "binary_source" and skip.source == "doc" and skip.detail == "2"
        for lang in ("zh", "en"):
            assert "doc" in describe_skipped(skip, lang) and "2" in describe_skipped(skip, lang)


# -- issue 14: exchange never loses a coding ---------------------------------------------------------


@pytest.fixture
def namesakes(tagged):
    """Two themes named 执法检查: 依法监督/执法检查 (tagged by tag_sample) and 监督工作/执法检查, tagged too."""
    from reader.core.store import passages
    from reader.core.store.themes import add_theme, find_theme

    project, t = tagged
    parent = add_theme(project, "监督工作").theme_id
    other = add_theme(project, "执法检查", parent, colour="#123456").theme_id
    unit = t.astral_unit
    text = documents.unit_text(project, unit)
    s = text.index("开展执法检查")
    passages.tag(project, unit, s, s + 6, [other])
    assert find_theme(project, "依法监督/执法检查").id != other
    return project


def _code_names(root) -> list[str]:
    return [c.get("name") for c in root.iter() if c.tag.endswith("}Code")]


def test_same_named_themes_get_unique_names_in_every_exchange_file(namesakes, tmp_path, capsys):
    """QualCoder keys codes by name: two codes 执法检查 became one there and 5 of 42 codings arrived
    with no code. Every code name is unique in .qdpx and .qdc; the export says which were renamed."""
    from reader.cli import main

    project = namesakes
    result = write_qdpx(project, tmp_path / "x.qdpx")
    names = _code_names(qde(tmp_path / "x.qdpx"))
    assert len(names) == len(set(names)) == len(list_themes(project))
    assert "执法检查（监督工作）" in names and "执法检查（依法监督）" in names and "执法检查" not in names
    assert sorted(result.renamed) == ["依法监督/执法检查 → 执法检查（依法监督）", "监督工作/执法检查 → 执法检查（监督工作）"]
    qdc = write_qdc(project, tmp_path / "x.qdc")
    qdc_names = _code_names(ET.parse(tmp_path / "x.qdc").getroot())
    assert len(qdc_names) == len(set(qdc_names)) and sorted(qdc.renamed) == sorted(result.renamed)
    # every coding refers to a code whose name is unique
    root = qde(tmp_path / "x.qdpx")
    guid_name = {c.get("guid"): c.get("name") for c in root.iter() if c.tag.endswith("}Code")}
    refs = [r.get("targetGUID") for r in root.iter() if r.tag.endswith("}CodeRef")]
    assert refs and all(guid_name[g] for g in refs)
    # and back into a project of ours the themes are as they were
    with open_project(tmp_path / "back.renda", codebook=False) as other:
        (item,) = import_paths(other, [tmp_path / "x.qdpx"]).items
        assert item.status == "imported", item.error
        assert {t.path for t in list_themes(other)} == {t.path for t in list_themes(project)}
        assert passages_key(other) == passages_key(project)
    path = str(project.path)
    project.close()
    assert main(["--lang", "en", "export", "-f", "qdpx", "-o", str(tmp_path / "y.qdpx"), "--project", path]) == 0
    out = capsys.readouterr().out
    assert "renamed" in out and "执法检查（监督工作）" in out


def test_passages_json_gives_each_theme_its_full_path(namesakes, capsys):
    from reader.cli import main

    path = str(namesakes.path)
    namesakes.close()
    assert main(["passages", "--json", "--project", path]) == 0
    import json

    themes = {t for p in json.loads(capsys.readouterr().out)["passages"] for t in p["themes"]}
    assert {"依法监督/执法检查", "监督工作/执法检查"} <= themes and "执法检查" not in themes


def test_a_traditional_report_from_a_qdpx_finds_its_county_as_a_direct_import_does(tmp_path):
    import opencc

    from tests.conftest import SAMPLES

    text = opencc.OpenCC("s2t").convert(SAMPLES[0].read_text(encoding="utf-8"))
    direct = tmp_path / "direct.txt"
    direct.write_text(text, encoding="utf-8")
    with open_project(tmp_path / "a.renda", codebook=False) as a:
        (item,) = import_paths(a, [direct]).items
        county = item.units[0].county
        assert county
    path = _qdpx_with(tmp_path, [], text.encode("utf-8"), name="trad.qdpx")
    with open_project(tmp_path / "b.renda", codebook=False) as b:
        (item,) = import_paths(b, [path]).items
        assert item.status == "imported" and item.units[0].county == county


def test_imported_colours_are_kept_over_an_untouched_default_codebook(tmp_path):
    """A new project's default codebook had absorbed the imported codes of the same path, their
    colours lost; a colour the user chose stays."""
    from reader.core.store.codebook import load_default
    from reader.core.store.themes import find_theme, recolour_theme

    first = next(t for t in load_default()["themes"] if t.get("children"))
    child = first["children"][0]
    xml = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="t"><CodeBook><Codes>
 <Code guid="11111111-2222-3333-4444-555555555555" name="{first['name']}" isCodable="true" color="#010203">
  <Code guid="21111111-2222-3333-4444-555555555555" name="{child['name']}" isCodable="true" color="#040506"/>
 </Code></Codes></CodeBook></Project>"""
    path = tmp_path / "colours.qdpx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("project.qde", xml)
    with open_project(tmp_path / "new.renda") as p:  # with the default codebook
        recolour_theme(p, find_theme(p, first["name"]).id, "#abcdef")  # the user's own choice
        (item,) = import_paths(p, [path]).items
        assert find_theme(p, first["name"]).colour == "#abcdef"
        assert find_theme(p, f"{first['name']}/{child['name']}").colour == "#040506"
        assert item.exchange.themes.recoloured == [f"{first['name']}/{child['name']}"]
