"""Search: two-character words and phrases, exact totals, the scan fallback, OCR spaces, rare
characters, and the index kept in step with documents."""

from __future__ import annotations

import pytest

from reader.core import search
from reader.core.errors import InvalidInput
from reader.core.ingest import importing as ingest
from reader.core.store import documents, fulltext
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
    assert fulltext.tokens_text("代表G 𠮷\n") == "00004ee3 00008868 00000047 00000020 00020bb7 0000000a"
    assert fulltext.fts_query("代表") == '"00004ee3 00008868"'
    assert fulltext.fts_query('a"b') == '"00000061 00000022 00000062"'
    assert fulltext.fts_query("") is None
    assert [search.overlaps_itself(q) for q in ("人人", "哈哈哈", "abab", "代表", "代表代", "代表联络站")] == [
        True, True, True, False, True, False]


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


@pytest.mark.parametrize("query", ["代表", "代表联络站", "人大", "“四个机关”", "，", "2021年"])
def test_the_index_counts_every_unit_exactly(sample_project, query):
    counts = search.index_counts(sample_project, query)
    assert counts is not None
    expected = [(u.id, documents.unit_text(sample_project, u.id).count(query)) for u in documents.list_units(sample_project)]
    assert counts == [(uid, n) for uid, n in expected if n]
    result = search.search(sample_project, query, limit=5)
    assert result.counted_by == "index" and result.units == counts and result.total == sum(n for _u, n in counts)


def test_what_lies_between_characters_keeps_them_apart(project, tmp_path):
    """Punctuation, spaces and line breaks are tokens: 代表+联络站 is no 代表联络站; case counts."""
    write_text(tmp_path / "a.txt", "某县报告\n人大代表+联络站，代表 联络站，代表\n联络站，代表联络站。GDP与gdp。\n")
    ingest.import_paths(project, [tmp_path / "a.txt"])
    text = all_unit_texts(project)[0]
    for query in ("代表联络站", "代表", "GDP", "gdp", "+联络", "代表 联"):
        result = search.search(project, query, limit=None)
        assert (result.total, result.counted_by) == (text.count(query), "index"), query
        assert [h.start for h in result.hits] == [m for m in range(len(text)) if text.startswith(query, m)][: result.total]


def test_a_query_that_overlaps_itself_is_counted_from_the_text(project, tmp_path):
    write_text(tmp_path / "a.txt", "某县报告\n人人人人人为我，哈哈哈哈。\n")
    ingest.import_paths(project, [tmp_path / "a.txt"])
    text = all_unit_texts(project)[0]
    for query in ("人人", "哈哈哈", "人人人"):
        assert search.index_counts(project, query) is None
        result = search.search(project, query, limit=None)
        assert (result.total, result.counted_by) == (text.count(query), "text") and len(result.hits) == result.total


def test_an_index_out_of_step_is_not_trusted(sample_project):
    """A unit the index does not hold (as if another program had written it): the numbers do not
    come out whole, so the candidate units are read."""
    last = documents.list_units(sample_project)[-1]
    fulltext.unindex_units(sample_project, [(last.id, documents.unit_text(sample_project, last.id))])
    expected = sum(documents.unit_text(sample_project, u.id).count("代表") for u in documents.list_units(sample_project)[:-1])
    result = search.search(sample_project, "代表")
    assert result.total == expected and result.counted_by == "text"


def test_every_hit_is_listed_lazily_and_equals_the_full_list(sample_project):
    result = search.search(sample_project, "代表", limit=10)
    every = search.search(sample_project, "代表", limit=None).hits
    hits = search.HitList(sample_project, "代表", result.units)
    hits.KEEP = 2  # few units kept made: the list makes them again as it is read
    assert len(hits) == result.total == len(every)
    assert hits[0] == every[0] and hits[-1] == every[-1] and hits[len(every) // 2] == every[len(every) // 2]
    assert hits[5:9] == every[5:9] and hits.first(10) == result.hits == every[:10]
    assert list(hits) == every
    with pytest.raises(IndexError):
        hits[len(every)]


def test_an_old_index_is_rebuilt_when_the_project_is_upgraded(sample_project_path):
    """A project of the version before 0007: its index held a token per wide character under
    unicode61; opening it upgrades it and builds the index again, which then counts."""
    import sqlite3

    from reader.core.store import migrations as mig
    from reader.core.store.db import open_project

    conn = sqlite3.connect(sample_project_path)
    conn.execute(f"DROP TABLE {fulltext.FTS_TABLE}")
    conn.execute(f"CREATE VIRTUAL TABLE {fulltext.FTS_TABLE} USING fts5(body, content='', tokenize='unicode61')")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0007_scale'")
    conn.execute("UPDATE reader_meta SET value = ? WHERE key = 'schema_version'", [str(mig.SCHEMA_VERSION - 1)])
    conn.commit()
    conn.close()
    with open_project(sample_project_path, create=False) as p:
        assert p.migrated == ["0007_scale"]
        expected = sum(t.count("代表联络站") for t in all_unit_texts(p))
        result = search.search(p, "代表联络站")
        assert (result.total, result.counted_by) == (expected, "index")
