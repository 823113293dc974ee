"""The codebook alone as CSV and XLSX, and reading such a table back (merged by path)."""

from __future__ import annotations

import csv

import pytest
from openpyxl import load_workbook

from reader.bench.hostile import SHEET_HEAD as _SHEET_HEAD
from reader.bench.hostile import SHEET_ROW as _ROW
from reader.bench.hostile import xlsx_with_sheet as _xlsx_with_sheet
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


# -- issue 14: hostile and unlucky codebook files ------------------------------------------------------


def _hostile_codebooks(folder):
    """(file, what it is) for codebook files that are damaged or made to attack."""
    import io
    import os
    import zipfile

    from openpyxl import Workbook

    made = {}

    def put(name, data):
        path = folder / name
        path.write_bytes(data)
        made[name] = path

    put("random.xlsx", os.urandom(3000))
    put("empty.xlsx", b"")
    good = io.BytesIO()
    wb = Workbook()
    wb.active.append(["path"])
    wb.active.append(["依法监督"])
    wb.save(good)
    with zipfile.ZipFile(good) as z:
        entries = {n: z.read(n) for n in z.namelist()}

    def xlsx(name, member, data):
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as z:
            for n, d in entries.items():
                z.writestr(n, data if n == member else d)
        put(name, out.getvalue())

    xlsx("broken-sheet.xlsx", "xl/worksheets/sheet1.xml", b"<worksheet><sheetData><row>")
    xlsx("broken-workbook.xlsx", "xl/workbook.xml", b"<workbook")
    put("nul.csv", b"path\n\xe4\xb8\x80\x00\n\x00\x00\n")
    put("big-field.csv", b'path\n"' + b"x" * 200_000 + b'"\n')
    put("binary.csv", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    put("deep.csv", ("path\n" + "/".join(f"层{i}" for i in range(990)) + "\n").encode())
    put("deep.qdc", ('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
                     + "".join(f'<Code guid="g{i}" name="c{i}" isCodable="true">' for i in range(990))
                     + "</Code>" * 990 + "</Codes></CodeBook>").encode())
    return made


def test_hostile_codebooks_are_one_line_each(project, tmp_path, capsys):
    """Malformed, binary, deep: each refused with one line from the catalogue (not an internal
    error, not a traceback), and the codebook left as it was."""
    from reader.cli import main

    path = str(project.path)
    before = [t.path for t in list_themes(project)]
    project.close()
    for name, file in _hostile_codebooks(tmp_path).items():
        for lang in ("en", "zh"):
            code = main(["--lang", lang, "themes", "import", str(file), "--project", path])
            out, err = capsys.readouterr()
            assert code == 1 and out == "", (name, out, err)
            assert len(err.splitlines()) == 1 and name in err, (name, err)
            assert "Internal error" not in err and "内部错误" not in err, (name, err)
    with open_project(path, create=False) as p:
        assert [t.path for t in list_themes(p)] == before


def test_a_gbk_codebook_table_is_read(project, tmp_path):
    """Excel in a Chinese locale saves CSV in GBK."""
    table = tmp_path / "gbk.csv"
    table.write_bytes("主题路径,颜色\n新的监督主题,#112233\n新的监督主题/子项,\n".encode("gbk"))
    report = import_codebook_table(project, table)
    assert report.added == ["新的监督主题", "新的监督主题/子项"]


_MEASURE_CODEBOOK = """
import json, resource, sys
from reader.core.errors import ReaderError
from reader.core.export.codebook_import import import_codebook
from reader.core.store.db import open_project
project = open_project(sys.argv[1])
out = {}
for path in sys.argv[2:]:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:
        import_codebook(project, path)
        error = None
    except ReaderError as e:
        error = type(e).__name__
    out[path.rsplit('/', 1)[-1]] = [error, (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024]
project.close()
print(json.dumps(out))
"""


def test_codebook_bombs_and_floods_are_refused_in_bounded_memory_and_time(tmp_path):
    """A 300 kB .xlsx that unpacks to gigabytes (it peaked at 929 MB), one that lies about its size,
    a sheet of a million rows, and a table of 40,000 codes (137 s: quadratic) are refused; the
    measurement runs in a process of its own (peak memory; a regression fails on the timeout)."""
    import json
    import subprocess
    import sys

    files = {
        "bomb.xlsx": _xlsx_with_sheet((_SHEET_HEAD + _ROW * 20_000, 2000)),
        "lying-bomb.xlsx": _xlsx_with_sheet((_SHEET_HEAD + _ROW * 20_000, 2000), declared=100_000),
        "many-rows.xlsx": _xlsx_with_sheet(_SHEET_HEAD + _ROW * 30_000 + b"</sheetData></worksheet>"),
        "many-codes.csv": ("path\n" + "\n".join(f"主题{i}" for i in range(40_000)) + "\n").encode(),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    run = subprocess.run([sys.executable, "-c", _MEASURE_CODEBOOK, str(tmp_path / "p.renda"),
                          *(str(tmp_path / n) for n in files)], capture_output=True, text=True, timeout=120, check=True)
    result = json.loads(run.stdout)
    assert result["bomb.xlsx"][0] == "UnpacksTooLarge", result
    assert result["lying-bomb.xlsx"][0] == "DamagedFile", result
    assert result["many-rows.xlsx"][0] == "TooComplex", result
    assert result["many-codes.csv"][0] == "TooComplex", result
    assert all(grown < 100 for _, grown in result.values()), result


def test_a_codebook_of_many_codes_merges_in_linear_time(project, tmp_path):
    """Up to the limit, a flat or a deep codebook merges with no scan per code (a guard against the
    quadratic merge, run in a process of its own)."""
    import subprocess
    import sys

    from reader.core.export.codebook_merge import MAX_CODES

    flat = tmp_path / "flat.csv"
    flat.write_text("path\n" + "\n".join(f"主题{i}" for i in range(MAX_CODES)) + "\n", encoding="utf-8")
    script = ("import sys\nfrom reader.core.export.codebook_import import import_codebook\n"
              "from reader.core.store.db import open_project\n"
              "with open_project(sys.argv[1], codebook=False) as p:\n"
              "    report = import_codebook(p, sys.argv[2])\n"
              "    print(len(report.added), p.db.execute('SELECT count(*) FROM themes').fetchone()[0])\n")
    run = subprocess.run([sys.executable, "-c", script, str(tmp_path / "q.renda"), str(flat)],
                         capture_output=True, text=True, timeout=60, check=True)
    assert run.stdout.split() == [str(MAX_CODES)] * 2
