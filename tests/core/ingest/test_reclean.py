"""Cleaning again (issue 7, section 5): after the pipeline changes, every passage is found again by
its quote and context (exact, then fuzzy) or kept among the unplaced for the user; none is lost."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.bench.formats import docx_bytes, write
from reader.core import search
from reader.core.clean import pipeline
from reader.core.clean.textmap import substitute
from reader.core.errors import InvalidInput, NotFound
from reader.core.ingest import importing as ingest
from reader.core.ingest import reclean
from reader.core.model import UnitSpan
from reader.core.store import documents, passages, unplaced
from reader.core.structure import units as structure

TITLE = "某某县人民代表大会常务委员会工作报告"
A = "常委会坚持围绕中心、服务大局，全年听取和审议专项工作报告十二项，开展执法检查五次。"
B = "我们推进代表联络站建设，全县建成代表联络站二十个，组织代表进站接待群众一千余人次，收集意见建议三百余条。"
C = "【广告】扫码关注官方微信公众号获取更多资讯内容，转发有礼，欢迎参与。"
TEXT = "\n".join([TITLE, "一、加强监督工作", A, B, "二、做好代表工作", C, "代表建议按时办结，满意率持续提升。"])

QUOTE_A = "全年听取和审议专项工作报告十二项"
QUOTE_B = "全县建成代表联络站二十个，组织代表进站接待群众一千余人次"
QUOTE_C = "扫码关注官方微信公众号"


def _changed_step(mt, notes):
    """A new cleaning rule: shorter name of the congress, numerals, and advertisement lines dropped."""
    mt = substitute(mt, re.compile("人民代表大会常务委员会"), "人大常委会")
    mt = substitute(mt, re.compile("二十个"), "20个")
    return substitute(mt, re.compile("【广告】[^\n]*\n?"), "")


@pytest.fixture
def change_pipeline(monkeypatch):
    """Call it (after importing and tagging) to add the new rule to the pipeline."""
    return lambda: monkeypatch.setattr(pipeline, "STEPS", [*pipeline.STEPS, ("test_rule", _changed_step)])


def _themes(project, n=2) -> list[int]:
    return [r[0] for r in project.db.execute("SELECT id FROM themes ORDER BY id LIMIT ?", [n])]


def _tagged(project, tmp_path):
    path = write(tmp_path / "report.txt", TEXT.encode("utf-8"))
    report = ingest.import_paths(project, [path])
    (unit,) = report.imported[0].units
    text = documents.unit_text(project, unit.id)
    t1, t2 = _themes(project)
    made = {}
    for key, quote, themes in (("A", QUOTE_A, [t1]), ("B", QUOTE_B, [t1, t2]), ("C", QUOTE_C, [t2])):
        s = text.index(quote)
        made[key] = passages.tag(project, unit.id, s, s + len(quote), themes, note=f"note {key}")
    return report.imported[0].document_id, unit.id, made


def _total(project) -> int:
    return project.db["passages"].count + project.db["unplaced_passages"].count


def test_exact_fuzzy_and_unplaced_nothing_lost(project, tmp_path, change_pipeline):
    doc_id, unit_id, made = _tagged(project, tmp_path)
    before = _total(project)
    change_pipeline()
    report = reclean.reclean(project)
    (doc,) = report.documents
    assert doc.status == reclean.CHANGED
    assert (report.exact, report.fuzzy, report.unplaced) == (1, 1, 1)
    assert _total(project) == before == 3  # nothing lost
    text = documents.unit_text(project, unit_id)
    assert text.startswith("某某县人大常委会工作报告") and "【广告】" not in text and "20个" in text
    # A: exact, moved with the text before it
    a = passages.get_passage(project, made["A"].id)
    assert text[a.start : a.end] == QUOTE_A == a.quote and a.start == made["A"].start - 6
    assert a.theme_ids == made["A"].theme_ids and a.note == "note A"
    # B: fuzzy; its quote now reads as the new text
    b = passages.get_passage(project, made["B"].id)
    assert b.quote == text[b.start : b.end] == QUOTE_B.replace("二十个", "20个")
    assert sorted(b.theme_ids) == sorted(made["B"].theme_ids) and b.text_hash == passages.text_hash(text)
    # C: its text is gone: kept among the unplaced, with everything it had
    with pytest.raises(NotFound):
        passages.get_passage(project, made["C"].id)
    (c,) = unplaced.list_unplaced(project)
    assert (c.passage_id, c.quote, c.start, c.end, c.note) == (made["C"].id, QUOTE_C, made["C"].start, made["C"].end, "note C")
    assert [t for t, _ in c.themes] == made["C"].theme_ids and c.unit_id == unit_id and c.source_name == "report.txt"
    # the search index follows the new text
    assert search.search(project, "20个").total == 1 and search.search(project, "二十个").total == 0
    # cleaning again with the same rules changes nothing and keeps every placed passage
    again = reclean.reclean(project)
    assert again.documents[0].status == reclean.UNCHANGED and again.exact == 2 and again.unplaced == 0
    assert _total(project) == 3


def test_the_user_places_or_deletes_an_unplaced_passage(project, tmp_path, change_pipeline, monkeypatch):
    _, unit_id, made = _tagged(project, tmp_path)
    change_pipeline()
    reclean.reclean(project)
    (c,) = unplaced.list_unplaced(project)
    text = documents.unit_text(project, unit_id)
    with pytest.raises(InvalidInput):
        unplaced.place(project, c.id, unit_id, 5, 5 + len(text))  # outside the text: nothing changes
    assert unplaced.count_unplaced(project) == 1
    s = text.index("代表建议按时办结")
    placed = unplaced.place(project, c.id, unit_id, s, s + 8)
    assert placed.quote == "代表建议按时办结" and placed.theme_ids == made["C"].theme_ids and placed.note == "note C"
    assert placed.created_at == made["C"].created_at and unplaced.count_unplaced(project) == 0
    assert _total(project) == 3
    passages.delete_passage(project, placed.id)
    # another one (a passage whose quote no longer occurs anywhere), deleted by the user's explicit choice
    p = passages.tag(project, unit_id, s, s + 8, _themes(project, 1))
    project.db.execute("UPDATE passages SET quote = '一段再也找不到的完全不同的文字内容' WHERE id = ?", [p.id])
    rule = ("another_rule", lambda mt, notes: substitute(mt, re.compile("满意率"), "满意度"))
    monkeypatch.setattr(pipeline, "STEPS", [*pipeline.STEPS, rule])
    report = reclean.reclean(project)
    assert report.unplaced == 1
    (d,) = unplaced.list_unplaced(project)
    assert unplaced.delete_unplaced(project, d.id).quote == "一段再也找不到的完全不同的文字内容"
    with pytest.raises(NotFound):
        unplaced.delete_unplaced(project, d.id)


def test_units_removed_when_the_structure_finds_fewer(project, tmp_path, monkeypatch):
    """Imported as two units; found again as one: the second unit's passages move to the first, its
    row goes, and the first keeps its id and the user's corrections."""
    real = structure.find_units

    def halves(text, hints, name, published=None):
        mid = text.index("二、")
        return [UnitSpan(0, mid, title="上半"), UnitSpan(mid, len(text), title="下半")]

    monkeypatch.setattr(structure, "find_units", halves)
    path = write(tmp_path / "two.txt", TEXT.encode("utf-8"))
    units = ingest.import_paths(project, [path]).imported[0].units
    first, second = units[0].id, units[1].id
    project.db.execute("UPDATE units SET title = '用户改的标题' WHERE id = ?", [first])
    t = _themes(project, 1)
    text2 = documents.unit_text(project, second)
    s = text2.index("代表建议按时办结")
    moved = passages.tag(project, second, s, s + 8, t)
    monkeypatch.setattr(structure, "find_units", real)
    report = reclean.reclean(project)
    (doc,) = report.documents
    assert (doc.units_before, doc.units_after, doc.exact, doc.unplaced) == (2, 1, 1, 0)
    with pytest.raises(NotFound):
        documents.get_unit(project, second)
    unit = documents.get_unit(project, first)
    assert unit.title == "用户改的标题"
    p = passages.get_passage(project, moved.id)
    assert p.unit_id == first and documents.unit_text(project, first)[p.start : p.end] == "代表建议按时办结"
    assert documents.sections_of(project, [first])  # sections found on the whole text


def test_word_files_keep_their_heading_hints(project, tmp_path, change_pipeline, monkeypatch):
    """A .docx still where it was: its heading styles are read again from it."""
    path = write(tmp_path / "report.docx", docx_bytes([(TITLE, "Title"), ("加强监督工作", "Heading 1"), (A, None),
                                                      ("做好代表工作", "Heading 1"), (B, None)]))
    ingest.import_paths(project, [path])
    change_pipeline()
    report = reclean.reclean(project)
    assert report.documents[0].hints_from_source
    headings = [s.heading for tree in documents.sections_of(project).values() for top in tree for s in top.walk()]
    assert "加强监督工作" in headings and "做好代表工作" in headings
    path.unlink()
    monkeypatch.setattr(pipeline, "STEPS", [*pipeline.STEPS, ("another", lambda mt, notes: substitute(
        mt, re.compile("一千余"), "1000余"))])
    seen = []
    real_clean = pipeline.clean
    monkeypatch.setattr(pipeline, "clean", lambda raw: seen.append(raw) or real_clean(raw))
    report = reclean.reclean(project)
    assert not report.documents[0].hints_from_source and report.documents[0].status == reclean.CHANGED
    (raw,) = seen  # the stored headings, mapped into the original, stand in for the Word styles
    original = raw.text
    assert {original[h.offset : h.offset + 6] for h in raw.hints} >= {"加强监督工作", "做好代表工作"}
    # the source is gone: the headings found last time stand in for its heading styles
    again = [s.heading for tree in documents.sections_of(project).values() for top in tree for s in top.walk()]
    assert again == headings


def test_cancel_and_unknown_documents(project, tmp_path):
    from reader.core.progress import CancelToken

    _tagged(project, tmp_path)
    token = CancelToken()
    token.cancel()
    assert reclean.reclean(project, cancel=token).cancelled
    with pytest.raises(NotFound):
        reclean.reclean(project, [999])
    seen = []
    reclean.reclean(project, progress=lambda done, total, name: seen.append((done, total, name)))
    assert seen == [(0, 1, "report.txt"), (1, 1, "")]


def test_sources_of_an_exchange_file_are_left_as_they_came(project, tmp_path, change_pipeline):
    """A document imported from a .qdpx is its source's text exactly (its passages' positions come
    from the other tool): cleaning again skips it."""
    from reader.core.export import write_qdpx
    from reader.core.store.db import open_project

    _tagged(project, tmp_path)
    out = write_qdpx(project, tmp_path / "p.qdpx").path
    with open_project(tmp_path / "other.renda", codebook=False) as other:
        (item,) = ingest.import_paths(other, [out]).items
        before = [(p.quote, p.start, p.end) for p in passages.list_passages(other)]
        change_pipeline()
        report = reclean.reclean(other)
        assert [d.status for d in report.documents] == [reclean.SKIPPED]
        assert [(p.quote, p.start, p.end) for p in passages.list_passages(other)] == before and len(before) == 3


def test_rules_that_leave_no_text_leave_the_document_as_it_was(project, tmp_path, monkeypatch):
    from reader.core.errors import EmptyDocument

    doc_id, unit_id, made = _tagged(project, tmp_path)
    text = documents.unit_text(project, unit_id)
    monkeypatch.setattr(pipeline, "STEPS", [*pipeline.STEPS, ("all_gone", lambda mt, notes: substitute(
        mt, re.compile(r"[\s\S]+"), ""))])
    report = reclean.reclean(project)
    (doc,) = report.documents
    assert doc.status == reclean.FAILED and isinstance(doc.error, EmptyDocument)
    assert documents.unit_text(project, unit_id) == text and _total(project) == 3


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(data=st.data())
def test_nothing_is_lost_whatever_the_new_rule(tmp_path_factory, data):
    """A random new rule (a random stretch of the text deleted or replaced everywhere): every passage
    is either placed on text that reads as its quote, or kept among the unplaced."""
    from reader.core.store.db import open_project

    folder = tmp_path_factory.mktemp("anyrule")
    with open_project(folder / "p.renda") as project:
        _, unit_id, made = _tagged(project, folder)
        text = documents.unit_text(project, unit_id)
        s = data.draw(st.integers(0, len(text) - 2))
        target = text[s : s + data.draw(st.integers(1, 12))]
        replacement = data.draw(st.sampled_from(["", "X", "——", "\n"]))
        rule = ("random_rule", lambda mt, notes: substitute(mt, re.compile(re.escape(target)), replacement))
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(pipeline, "STEPS", [*pipeline.STEPS, rule])
            report = reclean.reclean(project)
        assert report.exact + report.fuzzy + report.unplaced == 3 == _total(project)
        for p in passages.list_passages(project):
            assert documents.unit_text(project, p.unit)[p.start : p.end] == p.quote
        assert {u.passage_id for u in unplaced.list_unplaced(project)} | {p.id for p in passages.list_passages(project)} == {
            p.id for p in made.values()}


def test_report_counts_the_alignment_rows_that_lost_sections(sample_project, monkeypatch):
    from reader.core import compare

    compare.run_alignment(sample_project)
    db = sample_project.db
    doc_id = db.execute("SELECT id FROM documents ORDER BY id LIMIT 1").fetchone()[0]
    in_doc = "SELECT s.id FROM sections s JOIN units u ON u.id = s.unit_id WHERE u.document_id = ?"
    rows = {r[0] for r in db.execute(f"SELECT row_id FROM align_members WHERE section_id IN ({in_doc})", [doc_id])}
    assert rows  # the document's sections are aligned
    unchanged = reclean.reclean(sample_project, [doc_id])
    assert unchanged.documents[0].status == reclean.UNCHANGED and unchanged.alignment_rows == 0
    monkeypatch.setattr(pipeline, "STEPS", [*pipeline.STEPS, (
        "test_rule", lambda mt, notes: substitute(mt, re.compile("代表"), "人大代表"))])
    report = reclean.reclean(sample_project, [doc_id])
    assert report.documents[0].status == reclean.CHANGED
    assert report.alignment_rows == len(rows)
    left = db.execute(f"SELECT count(*) FROM align_members WHERE section_id IN ({in_doc})", [doc_id]).fetchone()[0]
    assert left == 0  # the new sections are in no row until the alignment runs again
