"""What the export dialog offers: counties under their province and prefecture, years and themes,
each with the passages an export of it alone would write; and merging a codebook file of any kind."""

from __future__ import annotations

import pytest

from reader.core.errors import NotACodebook
from reader.core.export import Selection, count_passages, write_codebook_csv, write_qdc
from reader.core.export.choices import export_choices
from reader.core.export.codebook_import import import_codebook
from reader.core.messages import describe
from reader.core.store import documents
from reader.core.store.themes import add_theme, find_theme, list_themes
from tests.core.export_data import STATION, SUPERVISION, tag_sample


@pytest.fixture
def tagged(sample_project, tmp_path):
    return sample_project, tag_sample(sample_project, tmp_path)


def test_counties_years_and_themes_with_the_counts_an_export_writes(tagged):
    project, _t = tagged
    c = export_choices(project)
    assert c.passages == count_passages(project, Selection()) == 9
    units = documents.list_units(project)
    assert {x.county for x in c.counties} == {u.county for u in units if u.county}
    for x in c.counties:
        assert x.passages == count_passages(project, Selection(counties=(x.county,)))
        unit = next(u for u in units if u.county == x.county)
        assert (x.province, x.prefecture) == (unit.province, unit.prefecture)
        assert x.reports == sum(1 for u in units if u.county == x.county)
    assert [y.year for y in c.years] == sorted({u.year for u in units if u.year})
    for y in c.years:
        assert y.passages == count_passages(project, Selection(years=(y.year,)))
    assert sum(x.passages for x in c.counties) + c.without_county == c.passages
    assert sum(y.passages for y in c.years) + c.without_year == c.passages
    for theme in list_themes(project):
        # a theme includes its children, a passage with two of them once
        assert c.theme_passages[theme.id] == count_passages(project, Selection(themes=(theme.id,))), theme.path
    assert c.theme_passages[find_theme(project, SUPERVISION).id] == 6
    assert c.theme_count() == len(list_themes(project))


def test_counties_in_the_order_of_their_codes(tagged):
    project, _t = tagged
    codes = {u.county: u.county_code for u in documents.list_units(project) if u.county}
    got = [x.county for x in export_choices(project).counties]
    assert got == sorted(got, key=lambda k: (codes[k] is None, codes[k] or ""))


def test_empty_project(project):
    c = export_choices(project)
    assert (c.counties, c.years, c.passages) == ([], [], 0)
    assert all(n == 0 for n in c.theme_passages.values())


@pytest.mark.parametrize("suffix", [".qdc", ".csv"])
def test_import_codebook_merges_any_codebook_file(project, tmp_path, suffix, sample_project):
    add_theme(sample_project, "新主题", find_theme(sample_project, STATION).id)
    out = tmp_path / f"book{suffix}"
    (write_qdc if suffix == ".qdc" else write_codebook_csv)(sample_project, out)
    before = {t.path for t in list_themes(project)}
    report = import_codebook(project, out)
    assert report.added == [STATION + "/新主题"]
    assert set(report.kept) == before
    assert import_codebook(project, out).added == []  # a second time: all kept


def test_import_codebook_refuses_other_files(project, tmp_path):
    other = tmp_path / "book.docx"
    other.write_bytes(b"x")
    with pytest.raises(NotACodebook) as e:
        import_codebook(project, other)
    # the message names the kinds a codebook can be, not the documents the project imports
    assert ".qdc .csv .xlsx" in describe(e.value, "en") and ".docx .html" not in describe(e.value, "en")
