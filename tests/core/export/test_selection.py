"""Choosing what to export: themes (with their children), counties, years; the count the dialog
shows; every column of a record."""

from __future__ import annotations

import pytest

from reader.core.errors import AmbiguousName, NotFound
from reader.core.export import Selection, count_passages, records
from reader.core.export.selection import grouped, resolve
from reader.core.store import documents
from tests.core.export_data import (
    ASTRAL_QUOTE,
    INSPECTION,
    NEWLINE_QUOTE,
    STATION,
    SUPERVISION,
    tag_sample,
)


@pytest.fixture
def tagged(sample_project, tmp_path):
    return sample_project, tag_sample(sample_project, tmp_path)


def test_count_matches_records_and_everything_by_default(tagged):
    project, t = tagged
    everything = records(project, Selection())
    assert count_passages(project, Selection()) == len(everything) == len(t.passages) == 9
    assert {r.id for r in everything} == set(t.passages.values())


def test_a_theme_includes_its_children(tagged):
    project, t = tagged
    sel = Selection(themes=(SUPERVISION,))
    got = records(project, sel)
    # 依法监督 itself (2 passages), 执法检查 (3) and 专项工作报告 (1) are children of it
    assert count_passages(project, sel) == len(got) == 6
    assert {p for r in got for p in r.themes} <= {SUPERVISION, INSPECTION, "依法监督/专项工作报告"}
    # a passage tagged 执法检查 and 代表联络站 is written with the selected theme only
    both = next(r for r in got if r.quote == ASTRAL_QUOTE)
    assert both.themes == [INSPECTION]


def test_counties_and_years_combine(tagged):
    project, t = tagged
    assert count_passages(project, Selection(counties=("永和县",))) == 4
    assert count_passages(project, Selection(counties=("永和县", "吉县"))) == 7
    assert count_passages(project, Selection(counties=("吉县",), themes=(STATION,))) == 1
    year = documents.get_unit(project, t.units["新绛县"]).year
    assert count_passages(project, Selection(years=(year,))) == len(
        [r for r in records(project, Selection()) if r.year == year]
    )
    assert count_passages(project, Selection(years=(2022,), counties=("永和县",))) == 4


@pytest.mark.parametrize(
    "selection, kind",
    [
        (Selection(themes=("没有这个主题",)), "theme"),
        (Selection(counties=("某某县",)), "county"),
        (Selection(years=(1990,)), "year"),
    ],
)
def test_unknown_names_are_user_errors(tagged, selection, kind):
    project, _ = tagged
    with pytest.raises(NotFound) as e:
        count_passages(project, selection)
    assert e.value.kind == kind


def test_ambiguous_theme_name(tagged):
    from reader.core.store.themes import add_theme, find_theme

    project, _ = tagged
    add_theme(project, "执法检查", find_theme(project, "代表工作").id)
    with pytest.raises(AmbiguousName):
        resolve(project, Selection(themes=("执法检查",)))
    assert count_passages(project, Selection(themes=(INSPECTION,))) == 3


def test_record_columns(tagged):
    project, t = tagged
    by_id = {r.id: r for r in records(project, Selection())}
    r = by_id[t.passages["newline"]]
    assert r.quote == NEWLINE_QUOTE and r.note == "跨行" and r.themes == [SUPERVISION]
    assert (r.county, r.province, r.prefecture, r.year) == ("永和县", "山西省", "临汾市", 2022)
    assert r.title and "工作报告" in r.title
    assert r.section_path == ["一、代表工作"]
    assert r.source == "永和县2022年人大常委会工作报告.txt"
    text = documents.unit_text(project, r.unit_id)
    assert text[r.start : r.end] == r.quote
    assert by_id[t.passages["note_only"]].themes == []
    nested = by_id[t.passages["nested"]]
    assert nested.themes == [INSPECTION, STATION]  # codebook order
    assert nested.section_path and all(nested.section_path)


def test_grouped_by_theme_then_county(tagged):
    project, _ = tagged
    resolved = resolve(project, Selection())
    groups = grouped(records(project, resolved), resolved)
    order = [g.theme for g in groups]
    assert order == [SUPERVISION, "依法监督/专项工作报告", INSPECTION, STATION, ""]
    station = groups[order.index(STATION)]
    assert [c.county for c in station.counties] == ["新绛县", "吉县", "永和县"]
    assert sum(g.count for g in groups) == 11  # two passages carry two themes


def test_section_chains_are_the_chains_of_the_section_trees(sample_project):
    """records() reads only the sections holding each passage's start (section_chains): the chain is
    the one section_chain takes from the unit's whole tree, for passages anywhere in a report."""
    import random

    from reader.core.export.selection import section_chain, section_chains
    from reader.core.store import passages
    from reader.core.store.documents import list_units, sections_of, unit_text
    from reader.core.store.themes import list_themes

    rng = random.Random(5)
    theme = list_themes(sample_project)[0].id
    for u in list_units(sample_project):
        text = unit_text(sample_project, u.id)
        for start in {0, len(text) - 2, *(rng.randrange(len(text) - 1) for _ in range(40))}:
            if text[start].strip():
                passages.tag(sample_project, u.id, start, start + 1, [theme], note="x")
    chains = section_chains(sample_project, "", [])
    rows = sample_project.db.execute("SELECT id, unit_id, start FROM passages").fetchall()
    trees = sections_of(sample_project)
    assert len(rows) > 150
    for pid, uid, start in rows:
        assert chains.get(pid, []) == section_chain(trees.get(uid, []), start), (pid, uid, start)
