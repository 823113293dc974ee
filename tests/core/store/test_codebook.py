"""The default codebook, theme operations (add, rename, recolour, shortcut, delete, merge, move)
and tagging passages (offsets, quotes, rare characters, lists)."""

from __future__ import annotations

import json

import pytest

from reader.core.errors import (
    AmbiguousName,
    AmbiguousQuote,
    DuplicateName,
    InvalidInput,
    NotFound,
    QuoteNotFound,
)
from reader.core.ingest import importing as ingest
from reader.core.store import codebook, documents, passages
from reader.core.store import themes as th
from tests.conftest import write_text

TOP = ["党的领导与政治建设", "依法监督", "代表工作", "重大事项决定", "人事任免", "全过程人民民主", "人大自身建设", "中心工作"]


def test_default_codebook_file():
    data = json.loads(codebook.default_path().read_text(encoding="utf-8"))
    names = [t["name"] for t in data["themes"]]
    assert names == TOP
    shortcuts = [t.get("shortcut") for t in data["themes"]]
    assert shortcuts == [str(i) for i in range(1, 9)]
    children = {t["name"]: [c["name"] for c in t.get("children", [])] for t in data["themes"]}
    assert children["依法监督"] == ["专项工作报告", "执法检查", "专题询问", "预算审查与国资监督", "备案审查"]
    assert children["代表工作"] == ["代表联络站", "建议办理", "代表培训"]
    assert children["中心工作"] == ["乡村振兴", "生态环保", "疫情防控", "民生"]

    def walk(items):
        for t in items:
            yield t
            yield from walk(t.get("children", []))

    for t in walk(data["themes"]):
        assert 5 <= len(t["keywords"]) <= 15, t["name"]
        assert t["colour"].startswith("#") and len(t["colour"]) == 7
    assert "联络站" in next(t for t in walk(data["themes"]) if t["name"] == "代表联络站")["keywords"]


def test_new_project_has_the_default_tree(project):
    tree = th.theme_tree(project)
    assert [t.name for t in tree] == TOP
    assert th.find_theme(project, "代表工作/代表联络站").path == "代表工作/代表联络站"
    exported = codebook.export(project)
    assert [t["name"] for t in exported["themes"]] == TOP


def test_add_with_parent_and_duplicate_among_siblings(project):
    parent = th.find_theme(project, "依法监督")
    change = th.add_theme(project, "视察调研", parent.id, colour="#123ABC", keywords=["视察", " 调研 ", ""])
    t = th.get_theme(project, change.theme_id)
    assert (t.parent_id, t.colour, t.keywords) == (parent.id, "#123abc", ["视察", "调研"])
    with pytest.raises(DuplicateName):
        th.add_theme(project, "视察调研", parent.id)
    other = th.add_theme(project, "视察调研", th.find_theme(project, "代表工作").id)  # fine elsewhere
    with pytest.raises(AmbiguousName):
        th.find_theme(project, "视察调研")
    assert th.find_theme(project, "依法监督/视察调研").id == change.theme_id
    top = th.add_theme(project, "视察调研")  # a full path (a top-level name) is never ambiguous
    assert th.find_theme(project, "视察调研").id == top.theme_id != other.theme_id
    with pytest.raises(InvalidInput):
        th.add_theme(project, "a/b")
    with pytest.raises(InvalidInput):
        th.add_theme(project, "颜色", colour="red")
    with pytest.raises(NotFound):
        th.find_theme(project, "没有这个主题")


def test_rename_recolour_and_shortcut(project):
    t = th.find_theme(project, "民生")
    th.rename_theme(project, t.id, "民生实事")
    assert th.get_theme(project, t.id).name == "民生实事"
    with pytest.raises(DuplicateName):
        th.rename_theme(project, t.id, "乡村振兴")
    th.recolour_theme(project, t.id, "#00FF00")
    assert th.get_theme(project, t.id).colour == "#00ff00"
    holder = th.find_theme(project, "代表工作")
    change = th.set_shortcut(project, t.id, 3)
    assert change.cleared_shortcut == holder.id
    assert th.get_theme(project, holder.id).shortcut is None
    assert th.get_theme(project, t.id).shortcut == "3"
    with pytest.raises(InvalidInput):
        th.set_shortcut(project, t.id, 0)


@pytest.fixture
def tagged(sample_project):
    unit = documents.list_units(sample_project)[0]
    text = documents.unit_text(sample_project, unit.id)
    station = th.find_theme(sample_project, "代表联络站")
    training = th.find_theme(sample_project, "代表培训")
    p1 = passages.tag(sample_project, unit.id, 10, 20, [station.id])
    p2 = passages.tag(sample_project, unit.id, 30, 40, [training.id, station.id], note="两个主题")
    return sample_project, unit, text, station, training, p1, p2


def test_delete_cascades_to_children_and_tags(tagged):
    project, unit, text, station, training, p1, p2 = tagged
    parent = th.find_theme(project, "代表工作")
    proposals = th.find_theme(project, "建议办理")
    change = th.delete_theme(project, parent.id)
    assert change.deleted[0] == parent.id
    assert set(change.deleted) == {parent.id, station.id, training.id, proposals.id}
    assert change.removed_tags == 3
    for tid in change.deleted:
        with pytest.raises(NotFound):
            th.get_theme(project, tid)
    assert [r.themes for r in passages.list_passages(project)] == [[], []]  # passages stay, untagged


def test_merge_moves_passages_and_children(tagged):
    project, unit, text, station, training, p1, p2 = tagged
    sub = th.add_theme(project, "培训基地", training.id).theme_id
    change = th.merge_themes(project, training.id, station.id)
    assert change.deleted == [training.id] and change.moved_passages == 0 and change.reparented == [sub]
    assert th.get_theme(project, sub).parent_id == station.id
    assert passages.get_passage(project, p2.id).theme_ids == [station.id]
    other = th.find_theme(project, "执法检查")
    passages.tag(project, unit.id, 50, 60, [other.id])
    change = th.merge_themes(project, other.id, station.id)
    assert change.moved_passages == 1
    assert len(passages.list_passages(project, theme_ids=[station.id])) == 3
    with pytest.raises(InvalidInput):
        th.merge_themes(project, station.id, station.id)


def test_move_reparents_and_refuses_cycles(project):
    parent = th.find_theme(project, "代表工作")
    child = th.find_theme(project, "代表联络站")
    th.move_theme(project, child.id, None)
    assert th.find_theme(project, "代表联络站").parent_id is None
    th.move_theme(project, child.id, parent.id)
    with pytest.raises(InvalidInput):
        th.move_theme(project, parent.id, child.id)
    with pytest.raises(DuplicateName):
        th.move_theme(project, th.add_theme(project, "代表联络站").theme_id, parent.id)


def test_tag_by_offsets_and_quote(tagged):
    project, unit, text, station, training, p1, p2 = tagged
    assert (p1.quote, p1.context_after) == (text[10:20], text[20:50])
    assert p1.context_before == text[:10] and len(p2.context_before) == 30
    assert p1.text_hash == passages.text_hash(text) and p1.coder
    quote = next(q for q in (text[100:112], text[200:215]) if text.count(q) == 1)
    p3 = passages.tag_quote(project, unit.id, quote, [station.id], coder="张三")
    assert (p3.start, p3.coder) == (text.index(quote), "张三")
    with pytest.raises(QuoteNotFound):
        passages.tag_quote(project, unit.id, "这句话不在报告里", [station.id])
    repeated = max(("代表", "人大", "工作"), key=text.count)
    with pytest.raises(AmbiguousQuote) as e:
        passages.tag_quote(project, unit.id, repeated, [station.id])
    assert e.value.count == text.count(repeated)
    with pytest.raises(InvalidInput):
        passages.tag(project, unit.id, 5, 5, [station.id])
    with pytest.raises(InvalidInput):
        passages.tag(project, unit.id, 0, len(text) + 1, [station.id])
    with pytest.raises(NotFound):
        passages.tag(project, unit.id, 0, 3, [99999])


def test_offsets_are_code_points_after_rare_hanzi(project, tmp_path):
    write_text(tmp_path / "a.txt", "𠮷县人大常委会工作报告\n𠮷𡈼两字之后，代表联络站建设稳步推进。\n")
    ingest.import_paths(project, [tmp_path / "a.txt"])
    unit = documents.list_units(project)[0]
    text = documents.unit_text(project, unit.id)
    theme = th.find_theme(project, "代表联络站").id
    by_quote = passages.tag_quote(project, unit.id, "代表联络站", [theme])
    assert by_quote.start == text.index("代表联络站")  # code points: 𠮷 counts once
    by_offsets = passages.tag(project, unit.id, by_quote.start, by_quote.end, [theme])
    assert by_offsets.quote == "代表联络站"
    record = passages.list_passages(project)[0]
    assert text[record.start : record.end] == record.quote


def test_list_filters_themes_notes_and_delete(tagged):
    project, unit, text, station, training, p1, p2 = tagged
    records = passages.list_passages(project)
    assert [r.id for r in records] == [p1.id, p2.id]
    assert records[1].themes == ["代表联络站", "代表培训"]  # in codebook order
    assert records[0].county == unit.county
    assert [r.id for r in passages.list_passages(project, theme_ids=[training.id])] == [p2.id]
    assert [r.id for r in passages.list_passages(project, unit_id=unit.id)] == [p1.id, p2.id]
    assert passages.list_passages(project, county="没有这个县") == []
    passages.set_passage_themes(project, p1.id, [training.id])
    passages.set_note(project, p1.id, "改过")
    p = passages.get_passage(project, p1.id)
    assert (p.theme_ids, p.note) == ([training.id], "改过")
    passages.delete_passage(project, p1.id)
    assert [r.id for r in passages.list_passages(project)] == [p2.id]
    with pytest.raises(NotFound):
        passages.delete_passage(project, p1.id)
