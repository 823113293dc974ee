"""Coders: the current coder set once per machine and stored with every passage; the project's
coders; passage lists, the matrix and exports filtered by coder; REFI-QDA keeping each coding's
coder (creatingUser and Users) both ways."""

from __future__ import annotations

import csv
import zipfile
from xml.etree import ElementTree as ET

import pytest

from reader.core import paths
from reader.core.analysis.matrix import cell_scope, theme_matrix
from reader.core.errors import InvalidInput
from reader.core.export import Selection, count_passages, write_csv
from reader.core.export.refi.project_reader import import_qdpx
from reader.core.export.refi.project_writer import write_qdpx
from reader.core.store import documents, passage_edits, passages
from reader.core.store.coders import NO_CODER, current_coder, list_coders, set_current_coder
from reader.core.store.db import open_project
from reader.core.store.passage_scope import Scope, passages_in, unit_passages
from reader.core.store.themes import find_theme

NS = {"q": "urn:QDA-XML:project:1.0"}


def test_the_current_coder_is_set_once_and_tags_carry_it(project, sample_project):
    assert current_coder()  # the user name, before anyone sets it
    assert set_current_coder("  王 小明 ") == "王 小明"
    assert paths.remembered_coder() == "王 小明"
    unit = documents.list_units(sample_project)[0].id
    theme = find_theme(sample_project, "依法监督").id
    assert passages.tag(sample_project, unit, 0, 10, [theme]).coder == "王 小明"
    section = documents.sections_of(sample_project, [unit])[unit][0].id
    tagged = passage_edits.tag_sections(sample_project, [section], [theme])
    assert passages.get_passage(sample_project, tagged.passage_ids[0]).coder == "王 小明"
    for bad in ("", "   ", "x" * 65):
        with pytest.raises(InvalidInput):
            set_current_coder(bad)
    assert current_coder() == "王 小明"


@pytest.fixture
def coded(sample_project):
    p = sample_project
    units = [u.id for u in documents.list_units(p)]
    sup = find_theme(p, "依法监督").id
    passages.tag(p, units[0], 10, 40, [sup], coder="甲")
    passages.tag(p, units[0], 10, 40, [sup], coder="乙")
    passages.tag(p, units[1], 5, 25, [sup], coder="乙")
    passages.insert_passage(p, passages.passage_row(units[1], documents.unit_text(p, units[1]), 30, 50, coder=None),
                            [sup])
    return p, units, sup


def test_coders_of_the_project(coded):
    p, *_ = coded
    assert [(c.name, c.passages, c.units) for c in list_coders(p)] == [("乙", 2, 2), (NO_CODER, 1, 1), ("甲", 1, 1)]


def test_lists_highlights_and_the_matrix_by_coder(coded):
    p, units, sup = coded
    assert len(passages_in(p)) == 4
    assert [r.coder for r in passages_in(p, Scope(coders=("乙",)))] == ["乙", "乙"]
    assert len(passages_in(p, Scope(coders=("甲", NO_CODER)))) == 2
    assert passages_in(p, Scope(coders=())) == []
    assert [s for _pid, s, _e, _t in unit_passages(p, units[0], ("甲",))] == [10]
    assert len(unit_passages(p, units[0])) == 2
    assert len(passages.list_passages(p, coders=("乙",))) == 2
    m = theme_matrix(p, "county", coders=("甲",))
    col = [t.id for t in m.themes].index(sup)
    assert sum(r[col] for r in m.counts) == 1
    scope, themes = cell_scope(m, 0, col)
    assert scope.coders == ("甲",) and len(passages_in(p, scope, themes)) == 1
    assert sum(r[col] for r in theme_matrix(p, "county").counts) == 4


def test_exports_by_coder_with_a_coder_column(coded, tmp_path):
    p, *_ = coded
    assert count_passages(p, Selection(coders=("乙",))) == 2
    assert count_passages(p, Selection()) == 4
    out = tmp_path / "p.csv"
    write_csv(p, out, Selection(coders=("乙", NO_CODER)), lang="en")
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert sorted(r["coder"] for r in rows) == ["", "乙", "乙"]
    assert Selection(coders=("乙", NO_CODER)).describe("zh") == "标注人：乙、（未署名）"


def test_refi_export_names_every_coder_of_every_coding(coded, tmp_path):
    p, *_ = coded
    out = tmp_path / "t.qdpx"
    write_qdpx(p, out)
    with zipfile.ZipFile(out) as z:
        root = ET.fromstring(z.read("project.qde"))
    users = {u.get("guid"): u.get("name") for u in root.iterfind("q:Users/q:User", NS)}
    assert set(users.values()) == {"甲", "乙", "Renda Reader"}
    codings = [(users[sel.get("creatingUser")], users[c.get("creatingUser")])
               for sel in root.iter("{urn:QDA-XML:project:1.0}PlainTextSelection")
               for c in sel.findall("q:Coding", NS)]
    assert sorted(codings) == sorted([("甲", "甲"), ("乙", "乙"), ("乙", "乙"), ("Renda Reader", "Renda Reader")])


def test_codings_of_one_selection_by_two_users_become_two_passages(tmp_path):
    text = "某县人大常委会工作报告\n一、代表工作\n代表联络站接待群众。"
    start = text.index("代表联络站")
    code = "21111111-2222-3333-4444-555555555555"
    other = "22111111-2222-3333-4444-555555555555"
    xml = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="t" origin="MAXQDA">
 <Users><User guid="A1111111-2222-3333-4444-555555555555" name="张三"/>
        <User guid="B1111111-2222-3333-4444-555555555555" name="李四"/></Users>
 <CodeBook><Codes><Code guid="{code}" name="联络站" isCodable="true"/>
                  <Code guid="{other}" name="接待" isCodable="true"/></Codes></CodeBook>
 <Sources><TextSource guid="31111111-2222-3333-4444-555555555555" name="doc">
  <PlainTextContent>{text}</PlainTextContent>
  <PlainTextSelection guid="41111111-2222-3333-4444-555555555555" startPosition="{start}" endPosition="{start + 5}"
      creatingUser="A1111111-2222-3333-4444-555555555555">
   <Coding guid="51111111-2222-3333-4444-555555555555" creatingUser="A1111111-2222-3333-4444-555555555555">
    <CodeRef targetGUID="{code}"/></Coding>
   <Coding guid="52111111-2222-3333-4444-555555555555" creatingUser="B1111111-2222-3333-4444-555555555555">
    <CodeRef targetGUID="{code}"/></Coding>
   <Coding guid="53111111-2222-3333-4444-555555555555"><CodeRef targetGUID="{other}"/></Coding>
  </PlainTextSelection>
 </TextSource></Sources>
</Project>"""
    path = tmp_path / "two.qdpx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("project.qde", xml)
    with open_project(tmp_path / "e.renda", codebook=False) as p:
        report = import_qdpx(p, path)
        assert report.passages == 2
        got = sorted((r.coder, tuple(r.themes), r.quote) for r in passages.list_passages(p))
        # the Coding without a user belongs to the selection's user, 张三
        assert got == [("张三", ("联络站", "接待"), "代表联络站"), ("李四", ("联络站",), "代表联络站")]
