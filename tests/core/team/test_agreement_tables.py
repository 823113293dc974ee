"""The agreement table and the disagreement list written as XLSX and CSV, read back."""

from __future__ import annotations

import csv

import pytest
from openpyxl import load_workbook

from reader.core.errors import FileExists, InvalidInput
from reader.core.store import documents, passages
from reader.core.store.themes import find_theme
from reader.core.team.agreement import agreement
from reader.core.team.disagreements import ACCEPT_A, review, settle
from reader.core.team.tables import write_tables

A, B, C = "甲", "乙", "丙"


@pytest.fixture
def coded(sample_project):
    p = sample_project
    u = [x.id for x in documents.list_units(p)]
    sup = find_theme(p, "依法监督").id
    passages.tag(p, u[0], 10, 40, [sup], coder=A)
    passages.tag(p, u[0], 12, 40, [sup], coder=B)
    passages.tag(p, u[0], 100, 120, [sup], coder=A)
    passages.tag(p, u[0], 10, 40, [sup], coder=C)
    return p, u


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def test_csv_table_and_disagreements(coded, tmp_path):
    p, u = coded
    result = agreement(p, [A, B])
    rv = review(p, A, B)
    settle(p, rv.disagreements[0], ACCEPT_A, "终稿")
    out = tmp_path / "一致性.csv"
    written = write_tables(p, result, [review(p, A, B)], out)
    assert [x.name for x in written.paths] == ["一致性.csv", "一致性-分歧.csv"]
    table = read_csv(out)
    assert table[0][:3] == ["标注人 A", "标注人 B", "主题"]
    assert [r[2] for r in table[1:]] == ["依法监督", "（全部主题）"]
    row = dict(zip(table[0], table[1], strict=True))
    kappa = result.pairs[0].themes[0].characters.kappa
    assert float(row["字符 κ"]) == round(kappa, 3) and row["两人都标（字）"] == "28"
    assert row["A 的段落"] == "2" and row["A 的段落被匹配"] == "1"
    listed = read_csv(written.paths[1])
    assert len(listed) == 2 and listed[1][3] == "依法监督" and listed[1][6] == "只有甲标注"
    assert listed[1][8] == documents.unit_text(p, u[0])[100:120] and listed[1][-1] == "采纳甲"
    with pytest.raises(FileExists):
        write_tables(p, result, [rv], out)


def test_xlsx_has_both_sheets_and_fleiss_rows_for_three_coders(coded, tmp_path):
    p, _u = coded
    result = agreement(p, [A, B, C])
    out = tmp_path / "t.xlsx"
    write_tables(p, result, [review(p, A, B)], out, lang="en")
    wb = load_workbook(out)
    assert wb.sheetnames == ["Agreement", "Disagreements"]
    rows = [[c.value for c in r] for r in wb["Agreement"].iter_rows()]
    assert rows[0][0] == "coder A" and len(rows) == 1 + 3 * 2 + 2
    assert rows[-1][0] == "(all, Fleiss' κ)" and rows[-1][2] == "(all themes)"
    assert wb["Disagreements"].max_row == 2
    with pytest.raises(InvalidInput):
        write_tables(p, result, [], tmp_path / "t.txt")
