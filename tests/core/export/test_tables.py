"""CSV and XLSX of passages, opened with the csv module and openpyxl."""

from __future__ import annotations

import csv

import pytest
from openpyxl import load_workbook

from reader.core.export import Selection, write_csv, write_xlsx
from reader.core.export.selection import COLUMNS
from tests.core.export_data import ASTRAL_QUOTE, INSPECTION, NEWLINE_QUOTE, STATION, SUPERVISION, tag_sample

ZH_HEADER = ["主题路径", "县区", "省份", "地市", "年份", "报告标题", "章节路径", "摘录", "备注", "起", "止", "来源文件",
             "标注时间", "标注人", "标注编号"]
EN_HEADER = ["theme path", "county", "province", "prefecture", "year", "report title", "section path", "excerpt",
             "note", "start", "end", "source file", "tagged at", "coder", "passage id"]


@pytest.fixture
def tagged(sample_project, tmp_path):
    return sample_project, tag_sample(sample_project, tmp_path)


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def test_csv_has_bom_header_and_one_row_per_passage_and_theme(tagged, tmp_path):
    project, t = tagged
    out = tmp_path / "p.csv"
    result = write_csv(project, out)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with the BOM
    rows = read_csv(out)
    assert rows[0] == ZH_HEADER
    body = [dict(zip(ZH_HEADER, r, strict=True)) for r in rows[1:]]
    assert result.passages == 9 and result.rows == len(body) == 11
    astral = [r for r in body if r["摘录"] == ASTRAL_QUOTE]
    assert sorted(r["主题路径"] for r in astral) == sorted([STATION, INSPECTION])
    assert {r["标注编号"] for r in astral} == {str(t.passages["astral"])}
    newline = next(r for r in body if r["摘录"] == NEWLINE_QUOTE)  # the line break survives quoting
    assert newline["县区"] == "永和县" and newline["省份"] == "山西省" and newline["地市"] == "临汾市"
    assert newline["年份"] == "2022" and newline["备注"] == "跨行" and newline["章节路径"] == "一、代表工作"
    assert newline["来源文件"].endswith(".txt") and newline["标注时间"].startswith("20")
    start, end = int(newline["起"]), int(newline["止"])
    assert end - start == len(NEWLINE_QUOTE)
    note_only = [r for r in body if r["标注编号"] == str(t.passages["note_only"])]
    assert len(note_only) == 1 and note_only[0]["主题路径"] == "（未分主题）" and note_only[0]["备注"] == "只有备注"  # as in the count sheet


def test_csv_english_header_and_filter(tagged, tmp_path):
    project, _ = tagged
    out = tmp_path / "p.csv"
    write_csv(project, out, Selection(themes=(SUPERVISION,), counties=("吉县",)), lang="en")
    rows = read_csv(out)
    assert rows[0] == EN_HEADER == [c.en for c in COLUMNS]
    assert [r[0] for r in rows[1:]] == [SUPERVISION] and rows[1][1] == "吉县"


def test_xlsx_sheet_of_passages(tagged, tmp_path):
    project, _ = tagged
    out = tmp_path / "p.xlsx"
    write_xlsx(project, out)
    wb = load_workbook(out)
    assert wb.sheetnames == ["标注段落", "主题×县区"]
    ws = wb["标注段落"]
    header = [c.value for c in ws[1]]
    assert header == ZH_HEADER
    assert all(c.font.bold for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:O{ws.max_row}"
    assert ws.max_row == 12
    quote_col = header.index("摘录") + 1
    quotes = [ws.cell(row=r, column=quote_col) for r in range(2, ws.max_row + 1)]
    assert ASTRAL_QUOTE in [c.value for c in quotes] and NEWLINE_QUOTE in [c.value for c in quotes]
    assert all(c.alignment.wrap_text for c in quotes)
    assert ws.column_dimensions["H"].width >= 60
    years = [ws.cell(row=r, column=5).value for r in range(2, ws.max_row + 1)]
    assert 2022 in years  # numbers stay numbers


def test_xlsx_counts_sheet(tagged, tmp_path):
    project, _ = tagged
    out = tmp_path / "p.xlsx"
    write_xlsx(project, out)
    cs = load_workbook(out)["主题×县区"]
    rows = [[c.value for c in r] for r in cs.iter_rows()]
    header = rows[0]
    assert header[0] == "主题 \\ 县区" and header[-1] == "合计"
    assert header[1:-1] == ["新绛县", "吉县", "永和县"]  # counties in import order
    table = {r[0]: dict(zip(header[1:], r[1:], strict=True)) for r in rows[1:]}
    assert table[STATION] == {"新绛县": 1, "吉县": 1, "永和县": 2, "合计": 4}
    # no passage: an empty cell (a national corpus's sheet is mostly empty; 2,709 county columns)
    assert table[INSPECTION] == {"新绛县": 1, "吉县": None, "永和县": 2, "合计": 3}
    assert table[SUPERVISION] == {"新绛县": None, "吉县": 1, "永和县": 1, "合计": 2}
    assert table["（未分主题）"]["吉县"] == 1
    assert table["合计"]["合计"] == 11
    assert list(table)[:4] == [SUPERVISION, "依法监督/专项工作报告", INSPECTION, STATION]  # codebook order


def test_xlsx_text_that_looks_like_a_formula_stays_text(tagged, tmp_path):
    from reader.core.store.passages import set_note

    project, t = tagged
    set_note(project, t.passages["markup"], "=SUM(A1:A9)")
    out = tmp_path / "p.xlsx"
    write_xlsx(project, out)
    ws = load_workbook(out)["标注段落"]
    cells = [c for row in ws.iter_rows(min_row=2) for c in row if c.value == "=SUM(A1:A9)"]
    assert len(cells) == 1 and cells[0].data_type == "s"


RISKY = ["=HYPERLINK(\"mailto:x@y.z\",\"点\")", "+1+2", "-3+4", "@SUM(A1)", "#NAME?", "=1"]


def test_xlsx_every_text_cell_is_text_whatever_it_starts_with(tagged, tmp_path):
    """Formula injection: a theme name or note starting with = + - @ (or reading as an error code)
    is written as a string in both sheets and in the codebook, exactly as typed."""
    from reader.core.export import write_codebook_xlsx
    from reader.core.store import passages, themes
    from reader.core.store.passages import set_note

    project, t = tagged
    for k, text in enumerate(RISKY):
        theme = themes.add_theme(project, text)
        p = passages.tag(project, t.units["吉县"], 400 + 10 * k, 405 + 10 * k, [theme.theme_id])
        set_note(project, p.id, text)
    out = tmp_path / "p.xlsx"
    write_xlsx(project, out)
    book = load_workbook(out)
    for sheet in ("标注段落", "主题×县区"):
        cells = [c for row in book[sheet].iter_rows() for c in row if c.value is not None]
        risky = [c for c in cells if c.value in RISKY]
        assert {c.value for c in risky} == set(RISKY), sheet
        assert all(c.data_type == "s" for c in risky), [(c.coordinate, c.data_type) for c in risky]
        assert not [c for c in cells if c.data_type == "f"]
    codebook = load_workbook(write_codebook_xlsx(project, tmp_path / "c.xlsx").path).active
    names = [c for row in codebook.iter_rows() for c in row if c.value in RISKY]
    assert {c.value for c in names} == set(RISKY) and all(c.data_type == "s" for c in names)
