"""The codebook alone as CSV and XLSX, and reading such a table back (merged by path)."""

from __future__ import annotations

import csv

import pytest
from openpyxl import load_workbook

from reader.core.errors import InvalidInput
from reader.core.export import write_codebook_csv, write_codebook_xlsx
from reader.core.export.codebook_files import import_codebook_table, read_codebook_table
from reader.core.export.codebook_merge import clean_colour, clean_name
from reader.core.store.db import open_project
from reader.core.store.themes import list_themes, theme_tree


def test_codebook_csv_lists_every_theme_with_its_path(project, tmp_path):
    out = tmp_path / "cb.csv"
    result = write_codebook_csv(project, out)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    themes = list_themes(project)
    assert result.themes == len(rows) == len(themes)
    assert [r["主题路径"] for r in rows] == [t.path for t in themes]
    child = next(r for r in rows if r["主题路径"] == "依法监督/执法检查")
    assert child["名称"] == "执法检查" and child["层级"] == "2" and child["颜色"].startswith("#")
    assert "执法检查" in child["关键词"].split("、")


def test_codebook_xlsx(project, tmp_path):
    out = tmp_path / "cb.xlsx"
    write_codebook_xlsx(project, out, lang="en")
    ws = load_workbook(out).active
    assert ws.title == "Codebook" and ws.freeze_panes == "A2"
    header = [c.value for c in ws[1]]
    assert header[:4] == ["theme path", "name", "level", "colour"]
    paths = [ws.cell(row=r, column=1).value for r in range(2, ws.max_row + 1)]
    assert paths == [t.path for t in list_themes(project)]
    assert ws.cell(row=2, column=4).fill.fgColor.rgb.endswith(ws.cell(row=2, column=4).value[1:].upper())


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_round_trip_into_an_empty_project_and_merge_by_path(project, tmp_path, suffix):
    out = tmp_path / f"cb{suffix}"
    (write_codebook_csv if suffix == ".csv" else write_codebook_xlsx)(project, out)
    with open_project(tmp_path / "empty.renda", codebook=False) as other:
        report = import_codebook_table(other, out)
        mine = {t.path: (t.colour, t.keywords, t.description) for t in list_themes(project)}
        theirs = {t.path: (t.colour, t.keywords, t.description) for t in list_themes(other)}
        assert theirs == mine and report.added == list(mine) and report.kept == []
        again = import_codebook_table(other, out)
        assert again.added == [] and again.kept == list(mine)
        assert len(list_themes(other)) == len(mine)


def test_hand_made_table_with_missing_parents(project, tmp_path):
    table = tmp_path / "mine.csv"
    table.write_text(
        "path,colour,keywords\n依法监督/执法检查,#000000,x\n新主题/子主题,#abc,甲；乙\n新主题,#112233,\n单独/斜杠,,\n",
        encoding="utf-8",
    )
    report = import_codebook_table(project, table)
    assert report.kept == ["依法监督", "依法监督/执法检查"]
    assert report.added == ["新主题", "新主题/子主题", "单独", "单独/斜杠"]
    by_path = {t.path: t for root in theme_tree(project) for t in root.walk()}
    assert by_path["依法监督/执法检查"].colour != "#000000"  # kept as it was
    assert by_path["新主题"].colour == "#112233" and by_path["新主题/子主题"].colour == "#aabbcc"
    assert by_path["新主题/子主题"].keywords == ["甲", "乙"]


def test_names_and_colours_are_cleaned():
    assert clean_name(" a/b ") == "a／b" and clean_name("") == "（无名）"
    assert clean_colour("ABCDEF") == "#abcdef" and clean_colour("#AbC") == "#aabbcc"
    assert clean_colour("red") is None and clean_colour(None) is None


def test_table_without_a_path_column_is_refused(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("colour,description\n#000000,x\n", encoding="utf-8")
    with pytest.raises(InvalidInput):
        read_codebook_table(bad)
