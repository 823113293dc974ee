"""Search: two-character words and phrases, exact totals, the scan fallback, OCR spaces, rare
characters, and the index kept in step with documents."""

from __future__ import annotations

import pytest

from reader.core import ingest, search
from reader.core.errors import InvalidInput
from reader.core.store import documents
from tests.conftest import write_text


def all_unit_texts(project) -> list[str]:
    return [documents.unit_text(project, u.id) for u in documents.list_units(project)]


@pytest.mark.parametrize("query", ["代表", "代表联络站", "人大", "监督", "全过程人民民主", "2021年"])
def test_total_equals_count_over_unit_texts(sample_project, query):
    expected = sum(t.count(query) for t in all_unit_texts(sample_project))
    result = search.search(sample_project, query, limit=None)
    assert result.method == "fts5"
    assert result.total == expected
    assert len(result.hits) == expected
    for h in result.hits:
        assert documents.unit_text(sample_project, h.unit)[h.start : h.end] == query


def test_finds_two_character_word_and_phrase(sample_project):
    short = search.search(sample_project, "代表")
    long = search.search(sample_project, "代表联络站")
    assert short.total > long.total > 0


def test_scan_fallback_gives_the_same(sample_project):
    for query in ("代表", "代表联络站", "“四个机关”"):
        fts = search.search(sample_project, query, limit=None)
        scan = search.search(sample_project, query, limit=None, force_scan=True)
        assert scan.method == "scan"
        assert (fts.total, fts.hits) == (scan.total, scan.hits)


def test_without_fts5_search_scans(sample_project):
    sample_project.fts = False  # as if SQLite had no FTS5
    result = search.search(sample_project, "代表联络站", limit=None)
    assert result.method == "scan"
    assert result.total == sum(t.count("代表联络站") for t in all_unit_texts(sample_project))


def test_limit_keeps_total(sample_project):
    result = search.search(sample_project, "代表", limit=3)
    assert len(result.hits) == 3 and result.total > 3


def test_hits_name_the_innermost_section_and_snippet(sample_project):
    result = search.search(sample_project, "代表联络站", limit=None)
    with_section = [h for h in result.hits if h.section is not None]
    assert with_section
    for h in with_section:
        trees = documents.sections_of(sample_project, [h.unit])[h.unit]
        inner = documents.innermost_section(trees, h.start)
        assert inner.id == h.section and inner.start <= h.start < inner.end and not any(
            c.start <= h.start < c.end for c in inner.children
        )
        assert h.heading == inner.heading
    assert all("【代表联络站】" in h.snippet and "\n" not in h.snippet for h in result.hits)


def test_ocr_spaces_and_rare_characters(project, tmp_path):
    write_text(tmp_path / "a.txt", "𠮷县人大常委会工作报告\n代 表联络站不算，代表联络站算。𠮷代表也算。\n")
    ingest.import_paths(project, [tmp_path / "a.txt"])
    text = all_unit_texts(project)[0]
    for query in ("代表联络站", "代表", "𠮷代表", "𠮷"):
        result = search.search(project, query, limit=None)
        assert result.total == text.count(query), query
        for h in result.hits:
            assert text[h.start : h.end] == query


def test_queries_with_quotes_punctuation_and_ascii(project, tmp_path):
    write_text(tmp_path / "a.txt", '某县报告\n他说"GDP增长"很好。“四个机关”建设。\n')
    ingest.import_paths(project, [tmp_path / "a.txt"])
    text = all_unit_texts(project)[0]
    for query in ('"GDP', "GDP增长", "“四个机关”", "，", "。"):
        assert search.search(project, query).total == text.count(query), query
    with pytest.raises(InvalidInput):
        search.search(project, "  ")


def test_index_follows_documents(project, tmp_path):
    write_text(tmp_path / "a.txt", "甲县报告\n独一无二的词语出现在这里。\n")
    report = ingest.import_paths(project, [tmp_path / "a.txt"])
    assert search.search(project, "独一无二").total == 1
    documents.delete_document(project, report.items[0].document_id)
    assert search.search(project, "独一无二").total == 0
    ingest.import_paths(project, [tmp_path / "a.txt"])
    assert search.search(project, "独一无二").total == 1


def test_tokens_and_phrase():
    assert search.tokens_text("代表GDP联络") == " 代  表 GDP 联  络 "
    assert search.fts_query("代表联络站") == '"代 表 联 络 站"'
    assert search.fts_query('a"b') == '"a b"'
    assert search.fts_query("，。") is None
    assert search.fts_query("e\u0301") is None  # a combining mark: the scan answers


def test_first_hits_only_reads_until_the_limit_and_says_so(sample_project, monkeypatch):
    monkeypatch.setattr(search, "FIRST_CHUNK", 1)  # the samples are few: one unit read at a time
    full = search.search(sample_project, "代表", 5)
    first = search.search(sample_project, "代表", 5, first_only=True)
    assert first.hits == full.hits and full.complete
    assert not first.complete and len(first.hits) <= first.total < full.total
    everything = search.search(sample_project, "代表", None, first_only=True)  # no limit: every unit read
    assert everything.complete and everything.total == full.total
    rare = search.search(sample_project, "代表联络站", 10_000, first_only=True)  # fewer hits than the limit
    assert rare.complete and rare.total == search.search(sample_project, "代表联络站", 10_000).total
