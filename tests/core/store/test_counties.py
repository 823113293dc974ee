"""Counties as places: two places of one name (福州市鼓楼区, 南京市鼓楼区) stay apart wherever the
program selects or groups by county (export, its counts sheet, compilations, REFI-QDA Cases, the
matrix, alignment, passages, the outline, the command line); a bare shared name is refused with
how to qualify it; the reports whose county is not known are a group of their own."""

from __future__ import annotations

import csv
import json
import zipfile
from xml.etree import ElementTree as ET

import pytest
from openpyxl import load_workbook

from reader.cli import main
from reader.core import compare
from reader.core.analysis.matrix import theme_matrix
from reader.core.compare.phrases import row_sources
from reader.core.errors import AmbiguousName, InvalidInput, NotFound
from reader.core.export import Selection, count_passages, export, records
from reader.core.export.choices import export_choices
from reader.core.export.selection import grouped, resolve
from reader.core.ingest.importing import import_paths
from reader.core.ingest.unit_edits import set_county, update_unit
from reader.core.messages import describe
from reader.core.store import documents, passages
from reader.core.store.counties import UNKNOWN, key_of, project_counties, unit_groups, unit_keys
from reader.core.store.db import open_project
from reader.core.structure import places
from tests.core.namesakes import FUZHOU, JIXIAN, NANJING, QUOTES, REPORT, REPORTS, make_namesakes

NS = {"q": "urn:QDA-XML:project:1.0"}


@pytest.fixture
def namesakes(tmp_path):
    made = make_namesakes(tmp_path / "in")
    with open_project(made.path, create=False) as p:
        yield p, made


def test_the_places_are_found_in_the_reports(namesakes):
    project, made = namesakes
    for name, code in (("fuzhou.txt", FUZHOU), ("nanjing.txt", NANJING), ("jixian.txt", JIXIAN)):
        decision = places.resolve_county(title=REPORTS[name]["title"], body=REPORT.format(**REPORTS[name]))
        assert decision.place is not None and decision.place.code == code
        unit = documents.get_unit(project, made.units[name])
        assert unit.county_code == code
    gulou = [documents.get_unit(project, made.units[n]) for n in ("fuzhou.txt", "nanjing.txt")]
    assert [(u.county, u.prefecture) for u in gulou] == [("鼓楼区", "福州市"), ("鼓楼区", "南京市")]
    assert documents.get_unit(project, made.units["unknown.txt"]).county is None


def test_the_project_lists_places_with_labels_that_tell_them_apart(namesakes):
    project, _made = namesakes
    listed = project_counties(project).places
    assert [c.key for c in listed] == [JIXIAN, NANJING, FUZHOU, UNKNOWN]  # by code, the unknown group last
    assert [c.label for c in listed] == ["吉县", "鼓楼区（南京市）", "鼓楼区（福州市）", None]
    assert [c.qualified for c in listed] == ["吉县", "南京市/鼓楼区", "福州市/鼓楼区", UNKNOWN]
    assert [(c.reports, c.passages) for c in listed] == [(1, 1)] * 4
    assert [c.name for c in listed] == ["吉县", "鼓楼区", "鼓楼区", None]
    # the older per-name listing keeps them apart too
    assert sorted(documents.counties(project), key=str) == sorted(
        [("吉县", 1), ("鼓楼区（南京市）", 1), ("鼓楼区（福州市）", 1), (None, 1)], key=str)


@pytest.mark.parametrize("typed, key", [
    ("福州市/鼓楼区", FUZHOU), ("福州/鼓楼区", FUZHOU), ("福建省/福州市/鼓楼区", FUZHOU), ("福州市鼓楼区", FUZHOU),
    (" 南京市／鼓楼区 ", NANJING), ("江苏省/鼓楼区", NANJING), (NANJING, NANJING),
    ("吉县", JIXIAN), ("吉", JIXIAN), ("临汾市/吉县", JIXIAN),
    (UNKNOWN, UNKNOWN), ("未识别", UNKNOWN),
])
def test_what_a_user_types_resolves_to_one_place(namesakes, typed, key):
    project, _made = namesakes
    assert project_counties(project).resolve(typed).key == key


def test_a_bare_shared_name_is_ambiguous_and_says_how_to_qualify_it(namesakes):
    project, _made = namesakes
    counties = project_counties(project)
    with pytest.raises(AmbiguousName) as e:
        counties.resolve("鼓楼区")
    zh, en = describe(e.value, "zh"), describe(e.value, "en")
    for text in (zh, en):
        assert "南京市/鼓楼区" in text and "福州市/鼓楼区" in text and "\n" not in text
    assert "上级" in zh and "prefecture" in en
    with pytest.raises(NotFound):
        counties.resolve("徐州市/鼓楼区")  # a real place, but not in this project
    with pytest.raises(NotFound):
        counties.resolve("永和县")
    with pytest.raises(InvalidInput):
        counties.resolve("  ")


def test_export_selects_one_of_two_namesakes(namesakes):
    project, made = namesakes
    assert count_passages(project, Selection()) == 4
    assert count_passages(project, Selection(counties=("福州市/鼓楼区",))) == 1
    [fuzhou] = records(project, Selection(counties=("福州市/鼓楼区",)))
    assert (fuzhou.id, fuzhou.county, fuzhou.prefecture, fuzhou.county_code) == (
        made.passages["fuzhou.txt"], "鼓楼区", "福州市", FUZHOU)
    assert fuzhou.to_json()["county"] == "鼓楼区" and fuzhou.to_json()["county_code"] == FUZHOU
    assert [r.quote for r in records(project, Selection(counties=(NANJING,)))] == [QUOTES["nanjing.txt"]]
    both = Selection(counties=("福州市/鼓楼区", "南京市/鼓楼区"))
    assert count_passages(project, both) == 2
    with pytest.raises(AmbiguousName):
        count_passages(project, Selection(counties=("鼓楼区",)))


def test_the_unknown_county_group_is_selectable(namesakes):
    project, made = namesakes
    [r] = records(project, Selection(counties=(UNKNOWN,)))
    assert r.id == made.passages["unknown.txt"] and r.county is None and r.county_key == UNKNOWN
    assert count_passages(project, Selection(counties=(UNKNOWN, "吉县"))) == 2
    choices = export_choices(project)
    assert choices.unknown is not None and (choices.unknown.key, choices.unknown.passages) == (UNKNOWN, 1)
    assert [(c.key, c.label) for c in choices.counties] == [
        (JIXIAN, "吉县"), (NANJING, "鼓楼区（南京市）"), (FUZHOU, "鼓楼区（福州市）")]
    for c in choices.counties:
        assert c.passages == count_passages(project, Selection(counties=(c.key,))) == 1


def test_compilations_and_the_counts_sheet_keep_namesakes_apart(namesakes, tmp_path):
    project, _made = namesakes
    resolved = resolve(project, Selection())
    [group] = grouped(records(project, resolved), resolved)
    assert [(c.key, c.label) for c in group.counties] == [
        (FUZHOU, "鼓楼区（福州市）"), (NANJING, "鼓楼区（南京市）"), (JIXIAN, "吉县"), (UNKNOWN, None)]
    out = tmp_path / "p.xlsx"
    export(project, "xlsx", out)
    sheet = load_workbook(out)["主题×县区"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0] == ["主题 \\ 县区", "鼓楼区（福州市）", "鼓楼区（南京市）", "吉县", "（县区未识别）", "合计"]
    assert rows[1] == ["依法监督/执法检查", 1, 1, 1, 1, 4]
    md = tmp_path / "p.md"
    export(project, "md", md, Selection(counties=("南京市/鼓楼区", UNKNOWN)))
    text = md.read_text(encoding="utf-8")
    assert "县区：鼓楼区（南京市）、（县区未识别）" in text
    assert "鼓楼区（江苏省南京市）" in text and "福州" not in text


def test_refi_cases_are_places_and_come_back_as_places(namesakes, tmp_path):
    project, _made = namesakes
    out = tmp_path / "p.qdpx"
    export(project, "qdpx", out)
    with zipfile.ZipFile(out) as z:
        root = ET.fromstring(z.read("project.qde"))
    cases = root.findall("q:Cases/q:Case", NS)
    assert sorted(c.get("name") for c in cases) == ["吉县", "鼓楼区（南京市）", "鼓楼区（福州市）"]
    assert all(len(c.findall("q:SourceRef", NS)) == 1 for c in cases)
    assert len({c.get("guid") for c in cases}) == 3
    with open_project(tmp_path / "back.renda", codebook=False) as other:
        assert not import_paths(other, [out]).failed
        got = sorted((u.county or "", u.prefecture or "", u.county_code or "") for u in documents.list_units(other))
        assert got == [("", "", ""), ("吉县", "临汾市", JIXIAN), ("鼓楼区", "南京市", NANJING), ("鼓楼区", "福州市", FUZHOU)]


def test_the_matrix_has_a_row_for_each_place(namesakes):
    project, _made = namesakes
    m = theme_matrix(project, "county")
    assert [r.label for r in m.rows] == ["吉县", "鼓楼区（南京市）", "鼓楼区（福州市）", None]
    column = next(i for i, t in enumerate(m.themes) if t.path == "依法监督/执法检查")
    assert [row[column] for row in m.counts] == [1, 1, 1, 1]


def test_passages_and_the_outline_filter_by_place(namesakes):
    project, made = namesakes
    assert [r.id for r in passages.list_passages(project, county="南京市/鼓楼区")] == [made.passages["nanjing.txt"]]
    assert [r.id for r in passages.list_passages(project, county=UNKNOWN)] == [made.passages["unknown.txt"]]
    with pytest.raises(AmbiguousName):
        passages.list_passages(project, county="鼓楼区")
    assert [u.id for u in documents.outline(project, "福州市/鼓楼区")] == [made.units["fuzhou.txt"]]
    assert [u.id for u in documents.list_units(project, UNKNOWN)] == [made.units["unknown.txt"]]
    assert documents.list_units(project, "永和县") == []


def test_alignment_selects_one_namesake_and_keeps_its_key(namesakes):
    project, made = namesakes
    with pytest.raises(AmbiguousName):
        compare.run_alignment(project, compare.Selection(counties=["鼓楼区"]))
    one = compare.run_alignment(project, compare.Selection(counties=["南京市/鼓楼区", UNKNOWN]))
    assert [c.unit_id for c in one.columns] == [made.units["nanjing.txt"], made.units["unknown.txt"]]
    assert [(c.county_key, c.label) for c in one.columns] == [(NANJING, "鼓楼区（南京市）"), (UNKNOWN, None)]
    stored = compare.load_comparison(project).selection
    assert stored.counties == ["南京市/鼓楼区", UNKNOWN] and stored.county_keys == [NANJING, UNKNOWN]
    assert compare.select_units(project, stored) == [made.units["nanjing.txt"], made.units["unknown.txt"]]
    choices = compare.choices(project)
    assert [c.key for c in choices.places] == [JIXIAN, NANJING, FUZHOU, UNKNOWN]


def test_shared_phrases_count_two_namesakes_as_two_counties(namesakes):
    project, made = namesakes
    comparison = compare.run_alignment(project)
    row = next(r for r in comparison.rows if {made.units["fuzhou.txt"], made.units["nanjing.txt"]} <= set(r.cells()))
    groups = {s.unit_id: s.group for s in row_sources(project, row)}
    assert groups[made.units["fuzhou.txt"]] == "鼓楼区（福州市）" and groups[made.units["nanjing.txt"]] == "鼓楼区（南京市）"
    assert unit_groups(project, [made.units["unknown.txt"]]) == {made.units["unknown.txt"]: f"#{made.units['unknown.txt']}"}


def test_keys_in_python_and_sql_agree(namesakes):
    project, _made = namesakes
    units = documents.list_units(project)
    assert unit_keys(project) == {u.id: key_of(u.county_code, u.province, u.prefecture, u.county) for u in units}
    assert sorted(unit_keys(project).values()) == sorted([FUZHOU, NANJING, JIXIAN, UNKNOWN])
    # a county corrected without a code (as a REFI-QDA import may leave it) is keyed by its names
    jixian = next(u.id for u in units if u.county_code == JIXIAN)
    update_unit(project, jixian, county_code=None)
    assert project_counties(project).resolve("吉县").key == "山西省/临汾市/吉县"
    assert key_of(None, "北京市", None, "朝阳区") == "北京市//朝阳区"  # no code: its names
    assert key_of("110105", None, None, None) == UNKNOWN


# -- the command line -------------------------------------------------------------------------------


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_refuses_a_bare_shared_name_in_one_line(namesakes, capsys, tmp_path):
    _project, made = namesakes
    proj = str(made.path)
    for argv in (["export", "-f", "csv", "-o", str(tmp_path / "x.csv")], ["passages"], ["outline"], ["align"]):
        code, _out, err = run(capsys, "--lang", "zh", *argv, "--county", "鼓楼区", "--project", proj)
        assert code == 1 and len(err.strip().splitlines()) == 1 and "Traceback" not in err, (argv, err)
        assert "福州市/鼓楼区" in err and "南京市/鼓楼区" in err, err
    assert not (tmp_path / "x.csv").exists()


def test_cli_takes_qualified_names_and_unknown(namesakes, capsys, tmp_path):
    _project, made = namesakes
    proj = str(made.path)
    out = tmp_path / "nanjing.csv"
    code, _o, err = run(capsys, "--lang", "zh", "export", "-f", "csv", "-o", str(out), "--county", "南京市/鼓楼区", "--project", proj)
    assert code == 0, err
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["县区"], r["地市"], r["摘录"]) for r in rows] == [("鼓楼区", "南京市", QUOTES["nanjing.txt"])]
    code, stdout, _e = run(capsys, "passages", "--json", "--county", "unknown", "--project", proj)
    assert code == 0 and [p["id"] for p in json.loads(stdout)["passages"]] == [made.passages["unknown.txt"]]
    code, stdout, _e = run(capsys, "outline", "--json", "--county", "福建省/福州市/鼓楼区", "--project", proj)
    units = json.loads(stdout)["units"]
    assert code == 0 and [(u["county"], u["prefecture"], u["county_code"]) for u in units] == [("鼓楼区", "福州市", FUZHOU)]
    code, stdout, _e = run(capsys, "--lang", "zh", "align", "--county", "福州市/鼓楼区", "--county", "南京市/鼓楼区",
                           "--project", proj)
    assert code == 0 and "鼓楼区（福州市）" in stdout and "鼓楼区（南京市）" in stdout
    assert "2 个县区" in stdout  # two places of one name count as two counties


def test_a_district_of_a_municipality_is_told_apart_by_its_province(namesakes):
    project, made = namesakes
    set_county(project, made.units["jixian.txt"], "北京市朝阳区")
    set_county(project, made.units["unknown.txt"], "吉林省长春市朝阳区")
    counties = project_counties(project)
    chaoyang = [c for c in counties.places if c.name == "朝阳区"]
    assert [(c.label, c.qualified) for c in chaoyang] == [("朝阳区（北京市）", "北京市/朝阳区"), ("朝阳区（长春市）", "长春市/朝阳区")]
    assert counties.resolve("北京/朝阳区").prefecture is None
    assert counties.resolve("吉林省/长春市/朝阳区").prefecture == "长春市"
    assert counties.unknown is None
    with pytest.raises(NotFound):
        counties.resolve(UNKNOWN)  # no report without a county now
