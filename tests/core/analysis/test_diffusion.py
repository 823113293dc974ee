"""Diffusion: the first year each county used a phrase or a theme, and the counties using it each
year, for the window's 视图 ▸ 扩散 and `reader timeline`."""

from __future__ import annotations

import json

import pytest

from reader.cli import main
from reader.core.analysis import diffusion as dif
from reader.core.errors import InvalidInput
from reader.core.ingest import importing as ingest
from reader.core.store import documents
from reader.core.store import passages as store
from reader.core.store.themes import add_theme
from tests.conftest import write_text

# county: the year it starts to write 代表联络站 (None: never), among reports of 2019-2021
TAKEN_UP = {"吉县": 2019, "新绛县": 2021, "平遥县": None}


@pytest.fixture
def decade(project, tmp_path):
    for county, since in TAKEN_UP.items():
        for year in (2019, 2020, 2021):
            station = "建设代表联络站，代表联络站覆盖全县。" if since is not None and year >= since else "开展代表活动。"
            write_text(tmp_path / "in" / f"{county}-{year}.txt",
                       f"{year}年{county}人大常委会工作报告\n{county}人大常委会主任 王建国\n一、加强代表工作\n{station}\n"
                       "二、监督工作\n开展监督。\n")
    write_text(tmp_path / "in" / "undated.txt", "某县人大常委会工作报告\n建设代表联络站。\n")
    report = ingest.import_paths(project, [tmp_path / "in"])
    assert not report.failed
    return project


def test_a_phrase_spreads_county_by_county(decade):
    result = dif.diffusion(decade, phrase="代表联络站")
    assert [(r.year, r.reporting, r.using, r.new, r.cumulative) for r in result.years] == [
        (2019, 3, 1, 1, 1), (2020, 3, 1, 0, 1), (2021, 3, 2, 1, 2)]
    assert [(u.county, u.prefecture, u.year) for u in result.first_uses] == [("吉县", "临汾市", 2019), ("新绛县", "运城市", 2021)]
    assert (result.counties, result.reports, result.occurrences) == (2, 4, 8)
    assert result.unplaced + result.undated == 1 and result.counted_by == "index"
    assert result.years[2].share == pytest.approx(2 / 3)
    dif.fill_spans(decade, result)
    for use in result.first_uses:
        text = documents.unit_text(decade, use.unit)
        assert text[use.start : use.end] == "代表联络站" and text.find("代表联络站") == use.start
        assert documents.get_unit(decade, use.unit).year == use.year


def test_a_theme_spreads_by_its_passages_and_sub_themes(decade):
    parent = add_theme(decade, "联络站建设").theme_id
    child = add_theme(decade, "站点", parent_id=parent).theme_id
    units = {(u.county, u.year): u.id for u in documents.list_units(decade)}
    text = documents.unit_text(decade, units[("平遥县", 2020)])
    start = text.index("开展监督")
    store.tag(decade, units[("平遥县", 2020)], start, start + 4, [child])
    store.tag(decade, units[("平遥县", 2021)], 0, 4, [parent])
    result = dif.diffusion(decade, theme="联络站建设")
    assert result.kind == "theme" and result.theme_id == parent
    assert [(u.county, u.year, u.unit, u.start, u.end) for u in result.first_uses] == [
        ("平遥县", 2020, units[("平遥县", 2020)], start, start + 4)]
    assert [r.using for r in result.years] == [0, 1, 1] and result.occurrences == 2


def test_a_phrase_or_a_theme_not_both(decade):
    for kwargs in ({}, {"phrase": "代表", "theme": "x"}, {"phrase": " "}):
        with pytest.raises(InvalidInput):
            dif.diffusion(decade, **kwargs)


def test_reader_timeline_json(decade, capsys):
    path = str(decade.path)
    decade.close()
    assert main(["timeline", "代表联络站", "--json", "--project", path]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["counties"] == 2 and [y["new"] for y in data["years"]] == [1, 0, 1]
    assert [(u["county"], u["year"]) for u in data["first_uses"]] == [("吉县", 2019), ("新绛县", 2021)]
    assert all(u["end"] - u["start"] == 5 for u in data["first_uses"])
    assert main(["timeline", "--project", path, "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "Give a phrase, or a theme with --theme" in err and len(err.strip().splitlines()) == 1
    assert main(["timeline", "代表联络站", "--project", path, "--lang", "zh"]) == 0
    assert "2021" in capsys.readouterr().out
